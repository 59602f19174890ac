/* ast.h - the syntax tree of a .mcfg file.  Built by grammar/parser.y in
 * the arena; the type checker fills the `ty` and `bind` slots. */
#ifndef AST_H
#define AST_H

#include <stdbool.h>
#include "mcc_arena.h"
#include "mcc_src.h"

struct ty;
struct binding;

typedef struct type_expr {
	enum { TE_NAME, TE_ARROW } kind;
	loc at;
	const char *name;		/* TE_NAME */
	struct type_expr *from, *to;	/* TE_ARROW */
} type_expr;

typedef struct pattern {
	enum { PAT_WILD, PAT_NAME, PAT_STRING, PAT_BOOL } kind;
	loc at;
	const char *s;			/* PAT_NAME, PAT_STRING */
	bool b;				/* PAT_BOOL */
} pattern;

typedef struct expr expr;

typedef struct match_arm {
	loc at;
	ptrvec pats;			/* pattern *; several = or-pattern */
	expr *body;
} match_arm;

typedef enum {
	E_NAME, E_INT, E_STRING, E_BOOL, E_APP, E_FOREIGN, E_MATCH, E_FUN,
	E_LET
} expr_kind;

struct expr {
	expr_kind kind;
	loc at;
	const char *s;		/* E_NAME name, E_STRING value, E_FOREIGN symbol,
				   E_MATCH subject, E_FUN/E_LET bound name */
	loc s_at;		/* location of that name / symbol */
	long long i;		/* E_INT */
	bool b;			/* E_BOOL; E_APP: written with `$';
				   E_FOREIGN: a `sources [...]' list was given */
	expr *fn, *arg;		/* E_APP */
	type_expr *te;		/* E_FOREIGN type, E_FUN parameter type */
	ptrvec sources;		/* E_FOREIGN: const char * (optional) */
	ptrvec arms;		/* E_MATCH: match_arm * */
	expr *value, *body;	/* E_LET value and body; E_FUN body */
	/* Filled by the checker. */
	struct ty *ty;
	struct binding *bind;	/* E_NAME: what it refers to; E_FUN/E_LET: the
				   binding introduced */
};

/* One implementation record of a component, for a set of targets. */
typedef struct impl_decl {
	loc at;
	ptrvec targets;		/* pattern * (target names, `xen`, `_`) */
	const char *prefix, *header;
	loc prefix_at;
	ptrvec sources, cflags, libs;	/* const char * */
	bool crunch;		/* the string argument is a directory baked in */
	bool hostpath;		/* a literal string argument is a host path,
				   relative to the config's directory */
} impl_decl;

typedef enum {
	DECL_LET, DECL_KEY, DECL_REGISTER, DECL_INTERFACE, DECL_COMPONENT,
	DECL_PLATFORM
} decl_kind;

typedef struct decl {
	decl_kind kind;
	loc at;
	const char *name;	/* let/key/interface/component name, register name */
	loc name_at;
	expr *value;		/* DECL_LET, DECL_KEY default */
	type_expr *te;		/* DECL_KEY type, DECL_COMPONENT type */
	const char *doc;	/* DECL_KEY */
	ptrvec jobs;		/* DECL_REGISTER: expr * */
	const char *ctype;	/* DECL_INTERFACE: C struct name */
	ptrvec includes;	/* DECL_INTERFACE: expr * (E_NAME, for locations) */
	ptrvec impls;		/* DECL_COMPONENT: impl_decl *; DECL_PLATFORM: one */
	struct binding *bind;
	int file;
} decl;

typedef struct ast_file {
	int file;
	ptrvec decls;		/* decl * */
} ast_file;

#endif
