/* tc_session.h - one compiler run for a unit test: the real stdlib, a
 * config given as a string, the diagnostics it produced, and the device
 * graph for a target.  Everything lives in the session's arena and dies
 * with tc_close, as in the driver (compiler/mcc_main.c). */
#ifndef TC_SESSION_H
#define TC_SESSION_H

#include "graph.h"
#include "parse.h"

typedef struct tc {
	arena a;
	src_set src;
	diag_list dl;
	program prog;
	int file;		/* the config's index in src, -1 before tc_config */
	ast_file *ast;		/* the config's syntax tree */
} tc;

/* The stdlib directory: $MCC_STDLIB, else the source tree's stdlib/ (the
 * build passes it as MCC_TEST_STDLIB). */
const char *tc_stdlib_dir(void);

/* Initialises the session and loads every .mcfg file of the stdlib in
 * name order.  Returns false (after printing why) if the stdlib cannot be read. */
bool tc_open(tc *t);
/* Parses and checks text as the user's config "config.mcfg", then runs
 * the whole-program checks.  Returns the number of errors so far. */
int tc_config(tc *t, const char *text);
/* Applies "-k NAME=VALUE"; false if it reported an error. */
bool tc_key(tc *t, const char *assign);
/* The device graph for a target, or NULL after errors. */
graph *tc_eval(tc *t, target tgt);
void tc_close(tc *t);

/* The n-th (0-based) error or warning with this code, or NULL. */
diag *tc_diag(const tc *t, diag_code code, int n);
int tc_count(const tc *t, diag_code code);
/* Does any note of d contain text? */
bool tc_note_has(const diag *d, const char *text);
/* Prints the diagnostics, for a failing test's log. */
void tc_dump(const tc *t);

/* A node of the graph by label / by component or foreign name (first in
 * topological order), or NULL. */
gnode *tc_node(const graph *g, const char *label);
gnode *tc_node_of(const graph *g, const char *head);
int tc_nodes_of(const graph *g, const char *head);

#endif
