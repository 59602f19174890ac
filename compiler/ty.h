/* ty.h - types: base types, device types (one per interface), functor
 * types A @-> B, and job.  Subtyping is interface inclusion, transitive;
 * arrows are contravariant in the argument. */
#ifndef TY_H
#define TY_H

#include <stdbool.h>
#include <uthash.h>
#include "ast.h"

typedef struct iface {
	const char *name;	/* device type name: "tcpv4" */
	const char *ctype;	/* C struct: "mcc_tcpv4" */
	ptrvec includes;	/* iface * (direct) */
	decl *d;
	UT_hash_handle hh;
} iface;

typedef enum { TY_ERROR, TY_STRING, TY_INT, TY_BOOL, TY_JOB, TY_DEVICE, TY_ARROW } ty_kind;

typedef struct ty {
	ty_kind kind;
	iface *dev;		/* TY_DEVICE */
	struct ty *from, *to;	/* TY_ARROW */
} ty;

extern ty ty_error, ty_string, ty_int, ty_bool, ty_job;

ty *ty_device(arena *a, iface *i);
ty *ty_arrow(arena *a, ty *from, ty *to);
bool ty_is_base(const ty *t);
bool ty_equal(const ty *a, const ty *b);
/* a is accepted where b is expected. */
bool ty_sub(const ty *a, const ty *b);
/* i includes j, directly or not (or is j). */
bool iface_includes(const iface *i, const iface *j);
/* "console @-> time @-> job" */
const char *ty_str(arena *a, const ty *t);
/* Number of arrows before the final result. */
int ty_arity(const ty *t);
/* The final result type of an arrow chain. */
const ty *ty_result(const ty *t);

#endif
