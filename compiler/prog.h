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
	bind_kind kind : 8;
	bool is_stdlib;
	bool used;
	unsigned char eval_state;	/* B_LET: 0 not yet evaluated, 1 in
					   progress, 2 done (see eval.c) */
	sloc at;
	const char *name;
	ty *ty;
	union {
		decl *d;	/* B_LET, B_KEY, B_COMPONENT */
		expr *e;	/* B_PARAM, B_LOCAL: the fun / let expression */
	};
	union {
		keyinfo *key;		/* B_KEY */
		component *comp;	/* B_COMPONENT */
		struct value *val;	/* B_LET: the evaluation memo */
	};
} binding;

/* The global names: open addressing over (hash, binding), in malloc'd
 * memory (prog_free frees it); the latest binding of a name wins. */
typedef struct scope_slot {
	uint32_t h;
	binding *b;		/* NULL: empty */
} scope_slot;

typedef struct scope {
	scope_slot *slots;
	size_t cap, len;	/* cap is a power of two, or 0 */
} scope;

/* FNV-1a: the hash of names in the compiler's tables. */
static inline uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

typedef struct program {
	arena *a;
	diag_list *dl;
	src_set *src;
	iface *ifaces;		/* hash by name */
	scope globals;		/* by name: the latest binding wins */
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

/* A tree location as diagnostics report it. */
static inline loc at_of(const program *p, sloc at)
{
	return src_loc(p->src, at);
}
/* The source file of a tree location, NULL for none. */
static inline src_file *file_of(const program *p, sloc at)
{
	return src_get(p->src, src_file_of(p->src, at));
}

void prog_init(program *p, arena *a, diag_list *dl, src_set *src);
/* Frees the hash tables (everything else is in the arena). */
void prog_free(program *p);
/* Type-check a parsed file and add its declarations; stdlib files first. */
void check_file(program *p, ast_file *f);
/* Checks that need the whole program (a register exists, ...).  The last
 * check: it drops the global scope (no file can be added after it). */
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
