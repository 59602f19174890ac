/* graph.h - the device graph of one unikernel for one target: a DAG in
 * which structurally equal applications are one node (hash-consing), in a
 * deterministic topological order, dependencies first.  Backends read
 * only this. */
#ifndef GRAPH_H
#define GRAPH_H

#include "prog.h"

struct gnode;

typedef enum { GA_NODE, GA_INT, GA_STRING, GA_BOOL, GA_KEY } garg_kind;

typedef struct garg {
	garg_kind kind;
	ty *ty;			/* the parameter's declared type */
	union {
		struct gnode *node;	/* GA_NODE */
		long long i;		/* GA_INT */
		const char *s;		/* GA_STRING */
		bool b;			/* GA_BOOL */
		keyinfo *key;		/* GA_KEY: read at boot */
	};
} garg;

typedef struct gnode {
	int index;		/* position in graph.nodes */
	int uid;		/* creation order, for hashing */
	component *comp;	/* a component instance ... */
	impl_decl *impl;	/*   with its implementation for the target */
	expr *foreign;		/* ... or the application (E_FOREIGN) */
	ty *ty;			/* the component's / foreign's type */
	int nargs;
	sloc at;			/* the user's expression that created it */
	const char *let_name;	/* the config's `let' name bound to it, if any */
	const char *label;	/* unique C identifier, e.g. "stack" */
	int users;		/* how many nodes take it as an argument */
	bool is_job;		/* its type is job */
	garg args[];		/* nargs of them */
} gnode;

typedef struct graph {
	program *p;
	target tgt;
	const char *name;	/* the unikernel's name */
	decl *reg;
	ptrvec nodes;		/* gnode *, dependencies first */
	ptrvec jobs;		/* gnode *, in register order, no duplicates */
	ptrvec keys;		/* keyinfo *: the keys this unikernel has */
	int next_uid;
} graph;

/* Evaluates the registered jobs for target t.  NULL if it reported errors. */
graph *eval_program(program *p, target t);

/* The source (C) type of a node's interface pointer, e.g. "mcc_console". */
const char *gnode_ctype(const gnode *n);

/* Text tree (describe) and Graphviz (describe --dot). */
void describe_text(const graph *g, FILE *out);
void describe_dot(const graph *g, FILE *out);

#endif
