/* ast.h - the syntax tree of a .mcfg file.  Built by grammar/parser.y in
 * the arena; the type checker fills the `ty` and `bind` slots. */
#ifndef AST_H
#define AST_H

#include <stdbool.h>
#include <stddef.h>
#include "mcc_arena.h"
#include "mcc_src.h"

struct ty;
struct binding;

typedef struct type_expr {
	enum { TE_NAME, TE_ARROW } kind;
	sloc at;
	const char *name;		/* TE_NAME */
	struct type_expr *from, *to;	/* TE_ARROW */
} type_expr;

typedef struct pattern {
	enum { PAT_WILD, PAT_NAME, PAT_STRING, PAT_BOOL } kind;
	sloc at;
	const char *s;			/* PAT_NAME, PAT_STRING */
	bool b;				/* PAT_BOOL */
} pattern;

typedef struct expr expr;

typedef struct match_arm {
	sloc at;
	ptrvec pats;			/* pattern *; several = or-pattern */
	expr *body;
} match_arm;

typedef enum {
	E_NAME, E_INT, E_STRING, E_BOOL, E_APP, E_FOREIGN, E_MATCH, E_FUN,
	E_LET
} expr_kind;

/* One node of an expression.  Only the fields of its kind are allocated
 * (see expr_size): a config has millions of names and applications, and a
 * name needs a fraction of what a foreign or a match does.  The anonymous
 * unions keep the fields readable as e->fn, e->s, ... */
struct expr {
	expr_kind kind : 8;
	bool b;			/* E_BOOL; E_APP: written with `$';
				   E_FOREIGN: a `sources [...]' list was given */
	sloc at;
	union {
		long long i;			/* E_INT */
		struct { expr *fn, *arg; };	/* E_APP */
		struct {
			const char *s;	/* E_NAME name, E_STRING value, E_FOREIGN
					   symbol, E_MATCH subject, E_FUN/E_LET
					   bound name */
			/* Filled by the checker.  E_NAME: what it refers
			 * to; E_MATCH: the key matched on; E_FUN/E_LET: the
			 * binding introduced. */
			struct binding *bind;
			/* E_FOREIGN, E_MATCH, E_FUN, E_LET from here on. */
			sloc s_at;	/* location of that name / symbol */
			union {
				type_expr *te;	/* E_FOREIGN type, E_FUN
						   parameter type */
				expr *value;	/* E_LET value */
			};
			union {
				expr *body;	/* E_FUN, E_LET */
				struct ty *ty;	/* E_FOREIGN: its type (checker) */
			};
			union {
				ptrvec sources;	/* E_FOREIGN: const char * */
				ptrvec arms;	/* E_MATCH: match_arm * */
			};
		};
	};
};

/* Bytes to allocate for an expr of kind k: up to its last field. */
static inline size_t expr_size(expr_kind k)
{
	switch (k) {
	case E_BOOL: return offsetof(expr, i);
	case E_INT: return offsetof(expr, i) + sizeof(long long);
	case E_APP: return offsetof(expr, arg) + sizeof(expr *);
	case E_STRING: return offsetof(expr, bind);
	case E_NAME: return offsetof(expr, s_at);
	case E_FUN: case E_LET: return offsetof(expr, sources);
	case E_FOREIGN: case E_MATCH: break;
	}
	return sizeof(expr);
}

/* One implementation record of a component, for a set of targets. */
typedef struct impl_decl {
	sloc at;
	ptrvec targets;		/* pattern * (target names, `xen`, `_`) */
	const char *prefix, *header;
	sloc prefix_at;
	ptrvec sources, cflags, libs;	/* const char * */
	bool crunch;		/* the string argument is a directory baked in */
	bool hostpath;		/* a literal string argument is a host path,
				   relative to the config's directory */
} impl_decl;

typedef enum {
	DECL_LET, DECL_KEY, DECL_REGISTER, DECL_INTERFACE, DECL_COMPONENT,
	DECL_PLATFORM
} decl_kind;

/* A declaration.  A config is mostly `let's, so only a let's fields are
 * allocated for one (see decl_size). */
typedef struct decl {
	decl_kind kind : 8;
	sloc at;
	int file;
	const char *name;	/* let/key/interface/component name, register name */
	sloc name_at;
	struct binding *bind;
	expr *value;		/* DECL_LET, DECL_KEY default */
	/* The other kinds from here on. */
	union {
		type_expr *te;		/* DECL_KEY type, DECL_COMPONENT type */
		const char *ctype;	/* DECL_INTERFACE: C struct name */
	};
	const char *doc;	/* DECL_KEY */
	union {
		ptrvec jobs;		/* DECL_REGISTER: expr * */
		ptrvec includes;	/* DECL_INTERFACE: expr * (E_NAME, for
					   locations) */
		ptrvec impls;		/* DECL_COMPONENT: impl_decl *;
					   DECL_PLATFORM: one */
	};
} decl;

/* Bytes to allocate for a decl of kind k. */
static inline size_t decl_size(decl_kind k)
{
	return k == DECL_LET ? offsetof(decl, te) : sizeof(decl);
}

typedef struct ast_file {
	int file;
	ptrvec decls;		/* decl * */
} ast_file;

#endif
