/* prog.h - a checked program: the stdlib and the user's config, their
 * interfaces, components, keys and bindings.  Built by check.c, read by
 * the evaluator and the commands. */
#ifndef PROG_H
#define PROG_H

#include <uthash.h>
#include "ast.h"
#include "diag.h"
#include "ty.h"

typedef enum { T_UNIX, T_XEN_X86, T_XEN_ARM, T_XEN_ARM64, T_COUNT } target;

const char *target_name(target t);
/* Accepts the four names; false otherwise. */
bool target_parse(const char *s, target *t);
bool target_is_xen(target t);
/* Does a target pattern ("unix", "xen", "xen-arm", "_") cover t? */
bool target_pat_covers(const char *pat, target t);
bool target_pat_valid(const char *pat);

typedef struct keyinfo {
	const char *name;
	ty *ty;
	const char *doc;
	decl *d;
	bool is_stdlib;
	/* The configure-time value: the default, or -k NAME=VALUE. */
	long long i;
	const char *s;
	bool b;
	bool from_cmdline;
	/* Set by evaluation: fixed at configure time (matched on, or baked
	 * into a crunch), and/or passed to a component. */
	bool fixed, as_arg;
	int order;		/* declaration order */
	UT_hash_handle hh;
} keyinfo;

typedef struct component {
	const char *name;
	decl *d;
	ty *ty;
	int id;
} component;

typedef enum { B_LET, B_KEY, B_COMPONENT, B_PARAM, B_LOCAL } bind_kind;

typedef struct binding {
	bind_kind kind;
	const char *name;
	loc at;
	ty *ty;
	decl *d;		/* B_LET, B_KEY, B_COMPONENT */
	expr *e;		/* B_PARAM, B_LOCAL: the fun / let expression */
	keyinfo *key;		/* B_KEY */
	component *comp;	/* B_COMPONENT */
	bool is_stdlib;
	bool used;
	/* Evaluation memo for top-level lets (see eval.c). */
	struct value *val;
	int eval_state;		/* 0 not yet, 1 in progress, 2 done */
} binding;

typedef struct scope_entry {
	const char *name;
	binding *b;
	UT_hash_handle hh;
} scope_entry;

typedef struct program {
	arena *a;
	diag_list *dl;
	src_set *src;
	iface *ifaces;		/* hash by name */
	scope_entry *globals;	/* hash by name: the latest binding wins */
	keyinfo *keys;		/* hash by name */
	ptrvec key_order;	/* keyinfo * in declaration order */
	ptrvec components;	/* component * */
	ptrvec platforms;	/* decl * (DECL_PLATFORM) */
	ptrvec files;		/* ast_file * */
	decl *reg;		/* the user's register */
	bool parse_failed;	/* the config had syntax errors: names it
				   declared may be missing, so do not report
				   unbound or unused names */
	int user_file;		/* index of the config file, -1 if none */
} program;

void prog_init(program *p, arena *a, diag_list *dl, src_set *src);
/* Frees the hash tables (everything else is in the arena). */
void prog_free(program *p);
/* Type-check a parsed file and add its declarations; stdlib files first. */
void check_file(program *p, ast_file *f);
/* Checks that need the whole program (a register exists, ...). */
void check_finish(program *p);
/* Apply -k NAME=VALUE (text as on the command line).  Errors go to dl. */
bool prog_set_key(program *p, const char *assign);
/* Is s a valid C identifier? */
bool is_c_ident(const char *s);
/* The implementation of a component for a target, or NULL. */
impl_decl *component_impl(const component *c, target t);
/* The platform records that apply to a target, in order. */
void prog_platform_impls(const program *p, target t, ptrvec *out);

#endif
