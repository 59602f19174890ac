/* check.c - name resolution and type checking of declarations and
 * expressions.  Independent of the target: evaluation (eval.c) later picks
 * match arms and implementations for one target.  An ill-typed
 * sub-expression gets ty_error, which is accepted everywhere, so one
 * mistake gives one diagnostic, not a cascade. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "prog.h"
#include "suggest.h"

typedef struct lscope {
	const char *name;
	binding *b;
	struct lscope *up;
} lscope;

static bool user_file(program *p, sloc at)
{
	src_file *f = file_of(p, at);
	return f && !f->is_stdlib;
}

/* ---- the global scope ------------------------------------------------- */

/* The slot of name: its entry, or the empty slot where it would go. */
static scope_slot *scope_slot_of(const scope *sc, const char *name, uint32_t h)
{
	for (size_t i = h & (sc->cap - 1);; i = (i + 1) & (sc->cap - 1)) {
		scope_slot *s = &sc->slots[i];
		if (!s->b || (s->h == h && !strcmp(s->b->name, name)))
			return s;
	}
}

static binding *scope_find(const scope *sc, const char *name)
{
	return sc->cap ? scope_slot_of(sc, name, name_hash(name))->b : NULL;
}

/* Keeps the load under one half, so probes stay short. */
static void scope_grow(scope *sc)
{
	scope old = *sc;
	sc->cap = old.cap ? old.cap * 2 : 64;
	sc->slots = calloc(sc->cap, sizeof *sc->slots);
	if (!sc->slots) {
		fputs("mcc: out of memory\n", stderr);
		exit(2);
	}
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].b)
			*scope_slot_of(sc, old.slots[i].b->name, old.slots[i].h) =
				old.slots[i];
	free(old.slots);
}

/* Binds b's name to b, replacing an earlier binding of the name. */
static void scope_set(scope *sc, binding *b)
{
	if (2 * (sc->len + 1) > sc->cap)
		scope_grow(sc);
	uint32_t h = name_hash(b->name);
	scope_slot *s = scope_slot_of(sc, b->name, h);
	if (!s->b)
		sc->len++;
	*s = (scope_slot){ h, b };
}

static binding *lookup(program *p, lscope *ls, const char *name)
{
	for (; ls; ls = ls->up)
		if (!strcmp(ls->name, name))
			return ls->b;
	return scope_find(&p->globals, name);
}

static const char *suggest_name(program *p, lscope *ls, const char *name)
{
	suggester s;
	suggest_init(&s, name);
	for (; ls; ls = ls->up)
		suggest_add(&s, ls->name);
	for (size_t i = 0; i < p->globals.cap; i++)
		if (p->globals.slots[i].b)
			suggest_add(&s, p->globals.slots[i].b->name);
	return suggest_best(&s);
}

static binding *new_binding(program *p, bind_kind k, const char *name, sloc at)
{
	binding *b = arena_alloc(p->a, sizeof *b);
	b->kind = k;
	b->name = name;
	b->at = at;
	b->is_stdlib = !user_file(p, at);
	return b;
}

/* Adds a global binding.  Redefining a name in the same file is an error;
 * a config may shadow a stdlib name (the config's meaning wins). */
static void define_global(program *p, binding *b)
{
	binding *e = scope_find(&p->globals, b->name);
	if (e && src_file_of(p->src, e->at) == src_file_of(p->src, b->at)) {
		diag *d = diag_error(p->dl, D_DUP_DEF, at_of(p, b->at),
				     "`%s' is already defined", b->name);
		diag_note(p->dl, d, at_of(p, e->at), "previous definition of `%s' is here",
			  b->name);
		b->used = true;	/* no "unused" warning on top of this error */
		return;
	}
	scope_set(&p->globals, b);
}

static bool valid_binder(program *p, const char *name, sloc at)
{
	if (is_c_ident(name))
		return true;
	diag_error(p->dl, D_BAD_NAME, at_of(p, at),
		   "`%s' is not a valid name (letters, digits and `_', not "
		   "starting with a digit)", name);
	return false;
}

/* ---- types ------------------------------------------------------------ */

static ty *resolve_type(program *p, type_expr *te)
{
	if (te->kind == TE_ARROW) {
		ty *from = resolve_type(p, te->from);
		ty *to = resolve_type(p, te->to);
		if (from->kind == TY_ERROR || to->kind == TY_ERROR)
			return &ty_error;
		return ty_arrow(p->a, from, to);
	}
	const char *n = te->name;
	if (!strcmp(n, "string")) return &ty_string;
	if (!strcmp(n, "int")) return &ty_int;
	if (!strcmp(n, "bool")) return &ty_bool;
	if (!strcmp(n, "job")) return &ty_job;
	iface *i;
	HASH_FIND_STR(p->ifaces, n, i);
	if (i)
		return ty_device(p->a, i);
	suggester s;
	suggest_init(&s, n);
	suggest_add(&s, "string");
	suggest_add(&s, "int");
	suggest_add(&s, "bool");
	suggest_add(&s, "job");
	for (iface *j = p->ifaces; j; j = j->hh.next)
		suggest_add(&s, j->name);
	const char *best = suggest_best(&s);
	diag *d = diag_error(p->dl, D_UNKNOWN_TYPE, at_of(p, te->at),
			     "unknown type `%s'%s%s%s", n,
			     best ? "; did you mean `" : "", best ? best : "",
			     best ? "'?" : "");
	if (best)
		diag_fixit(d, at_of(p, te->at), best);
	return &ty_error;
}

/* Parameters are base values or devices; the result is a device or job. */
static bool functor_shape(const ty *t, bool want_job)
{
	while (t->kind == TY_ARROW) {
		if (!ty_is_base(t->from) && t->from->kind != TY_DEVICE)
			return false;
		t = t->to;
	}
	return want_job ? t->kind == TY_JOB : (t->kind == TY_DEVICE || t->kind == TY_JOB);
}

/* ---- expressions ------------------------------------------------------ */

static ty *check_expr(program *p, lscope *ls, expr *e);

/* The name at the head of an application chain, for messages. */
static expr *app_head(expr *e, int *nargs)
{
	int n = 0;
	while (e->kind == E_APP) {
		e = e->fn;
		n++;
	}
	if (nargs)
		*nargs = n;
	return e;
}

static const char *head_desc(program *p, expr *head)
{
	if (head->kind == E_NAME)
		return arena_printf(p->a, "`%s'", head->s);
	if (head->kind == E_FOREIGN)
		return arena_printf(p->a, "foreign `%s'", head->s);
	return "this expression";
}

static void note_head_type(program *p, diag *d, expr *head)
{
	if (head->kind == E_NAME && head->bind && head->bind->ty->kind != TY_ERROR)
		diag_note(p->dl, d, at_of(p, head->bind->at), "`%s' has type `%s'", head->s,
			  ty_str(p->a, head->bind->ty));
}

static ty *check_app(program *p, lscope *ls, expr *e)
{
	ty *tf = check_expr(p, ls, e->fn);
	ty *ta = check_expr(p, ls, e->arg);
	if (tf->kind == TY_ERROR)
		return &ty_error;
	int nargs;
	expr *head = app_head(e, &nargs);
	if (tf->kind != TY_ARROW) {
		diag *d = diag_error(p->dl, D_TOO_MANY_ARGS, at_of(p, e->arg->at),
				     "too many arguments: %s takes %d, this is argument %d",
				     head_desc(p, head), nargs - 1, nargs);
		note_head_type(p, d, head);
		return &ty_error;
	}
	if (ta->kind != TY_ERROR && !ty_sub(ta, tf->from)) {
		diag *d = diag_error(p->dl, D_ARG_TYPE, at_of(p, e->arg->at),
				     "argument %d of %s has type `%s', but `%s' is expected",
				     nargs, head_desc(p, head), ty_str(p->a, ta),
				     ty_str(p->a, tf->from));
		note_head_type(p, d, head);
	}
	return tf->to;
}

static ty *check_name(program *p, lscope *ls, expr *e)
{
	binding *b = lookup(p, ls, e->s);
	if (b) {
		b->used = true;
		e->bind = b;
		if (b->kind == B_KEY)
			return b->ty;
		return b->ty ? b->ty : &ty_error;
	}
	if (!strcmp(e->s, "target")) {
		diag_error(p->dl, D_UNBOUND, at_of(p, e->at),
			   "`target' is only valid as the subject of `match target with'");
		return &ty_error;
	}
	if (p->parse_failed)
		return &ty_error;
	const char *best = suggest_name(p, ls, e->s);
	diag *d = diag_error(p->dl, D_UNBOUND, at_of(p, e->at),
			     "unbound name `%s'%s%s%s", e->s,
			     best ? "; did you mean `" : "", best ? best : "",
			     best ? "'?" : "");
	if (best)
		diag_fixit(d, at_of(p, e->at), best);
	return &ty_error;
}

/* The application's sources are files beside the config (or as listed,
 * relative to it); a missing one is an error here, not at link time. */
static void check_foreign_sources(program *p, expr *e)
{
	if (!e->b)
		return;
	if (!e->sources.len) {
		diag_error(p->dl, D_FOREIGN_SOURCES, at_of(p, e->at),
			   "`sources []' lists no files: omit it to use the .c files "
			   "beside the config");
		return;
	}
	src_file *f = file_of(p, e->at);
	const char *slash = f ? strrchr(f->path, '/') : NULL;
	for (int i = 0; i < e->sources.len; i++) {
		const char *src = e->sources.v[i];
		const char *path = src[0] == '/' || !slash ? src :
			arena_printf(p->a, "%.*s/%s", (int)(slash - f->path), f->path, src);
		struct stat st;
		if (stat(path, &st) || !S_ISREG(st.st_mode))
			diag_error(p->dl, D_FOREIGN_SOURCES, at_of(p, e->at),
				   "application source `%s' of foreign `%s' not found",
				   src, e->s);
	}
}

static ty *check_foreign(program *p, expr *e)
{
	if (!is_c_ident(e->s))
		diag_error(p->dl, D_BAD_FOREIGN_SYM, at_of(p, e->s_at),
			   "foreign symbol `%s' is not a C identifier", e->s);
	check_foreign_sources(p, e);
	ty *t = resolve_type(p, e->te);
	if (t->kind == TY_ERROR)
		return t;
	if (!functor_shape(t, true)) {
		diag_error(p->dl, D_BAD_FOREIGN_TYPE, at_of(p, e->te->at),
			   "foreign type `%s' must be devices and base values ending in "
			   "`job', like `console @-> time @-> job'", ty_str(p->a, t));
		return &ty_error;
	}
	return t;
}

/* Which cases a match covers so far: one flag per target, or for a key
 * the boolean values / a wildcard. */
typedef struct coverage {
	bool target[T_COUNT];
	bool t, f, wild;
	ptrvec strings;
} coverage;

static bool pattern_ok(program *p, pattern *pat, const ty *subj, coverage *cv,
		       bool *adds)
{
	if (pat->kind == PAT_WILD) {
		*adds = !cv->wild;
		if (!subj) {
			bool all = true;
			for (int t = 0; t < T_COUNT; t++)
				all = all && cv->target[t];
			*adds = !all;
			for (int t = 0; t < T_COUNT; t++)
				cv->target[t] = true;
		} else if (subj->kind == TY_BOOL) {
			*adds = !(cv->t && cv->f) && !cv->wild;
		}
		cv->wild = true;
		return true;
	}
	if (!subj) {	/* match target */
		if (pat->kind != PAT_NAME) {
			diag_error(p->dl, D_PATTERN_TYPE, at_of(p, pat->at),
				   "a target pattern is a target name (unix, xen-x86, "
				   "xen-arm, xen-arm64, xen) or `_'");
			return false;
		}
		if (!target_pat_valid(pat->s)) {
			suggester s;
			suggest_init(&s, pat->s);
			for (int t = 0; t < T_COUNT; t++)
				suggest_add(&s, target_name((target)t));
			suggest_add(&s, "xen");
			const char *best = suggest_best(&s);
			diag *d = diag_error(p->dl, D_UNKNOWN_TARGET, at_of(p, pat->at),
					     "unknown target `%s'%s%s%s", pat->s,
					     best ? "; did you mean `" : "",
					     best ? best : "", best ? "'?" : "");
			if (best)
				diag_fixit(d, at_of(p, pat->at), best);
			diag_note(p->dl, d, loc_none, "targets are unix, xen-x86, xen-arm, "
				  "xen-arm64, and `xen' for the three Xen targets");
			return false;
		}
		*adds = false;
		for (int t = 0; t < T_COUNT; t++) {
			if (target_pat_covers(pat->s, (target)t)) {
				*adds = *adds || !cv->target[t];
				cv->target[t] = true;
			}
		}
		return true;
	}
	if (subj->kind == TY_BOOL) {
		if (pat->kind != PAT_BOOL) {
			diag_error(p->dl, D_PATTERN_TYPE, at_of(p, pat->at),
				   "this key is a bool: patterns are `true', `false' or `_'");
			return false;
		}
		bool *slot = pat->b ? &cv->t : &cv->f;
		*adds = !*slot && !cv->wild;
		*slot = true;
		return true;
	}
	if (pat->kind != PAT_STRING) {
		diag_error(p->dl, D_PATTERN_TYPE, at_of(p, pat->at),
			   "this key is a string: patterns are string literals or `_'");
		return false;
	}
	*adds = !cv->wild;
	for (int i = 0; i < cv->strings.len; i++)
		if (!strcmp(cv->strings.v[i], pat->s))
			*adds = false;
	ptrvec_push(p->a, &cv->strings, (void *)pat->s);
	return true;
}

static ty *check_match(program *p, lscope *ls, expr *e)
{
	const ty *subj = NULL;	/* NULL: the target */
	bool subj_ok = true;
	if (strcmp(e->s, "target") || lookup(p, ls, e->s)) {
		binding *b = lookup(p, ls, e->s);
		if (!b) {
			const char *best = suggest_name(p, ls, e->s);
			diag *d = diag_error(p->dl, D_UNBOUND, at_of(p, e->s_at),
					     "unbound name `%s'%s%s%s", e->s,
					     best ? "; did you mean `" : "",
					     best ? best : "", best ? "'?" : "");
			if (best)
				diag_fixit(d, at_of(p, e->s_at), best);
			subj_ok = false;
		} else if ((b->used = true, b->kind != B_KEY) ||
			   (b->ty->kind != TY_BOOL && b->ty->kind != TY_STRING)) {
			diag_error(p->dl, D_BAD_MATCH_SUBJECT, at_of(p, e->s_at),
				   "cannot match on `%s': the subject of a match is "
				   "`target' or a key of type bool or string", e->s);
			subj_ok = false;
		} else {
			b->used = true;
			e->bind = b;
			subj = b->ty;
		}
	}
	coverage cv = { 0 };
	ty *result = NULL;
	bool arms_ok = true;
	expr *first = NULL;
	for (int i = 0; i < e->arms.len; i++) {
		match_arm *arm = e->arms.v[i];
		bool any_new = false, pats_ok = true;
		for (int j = 0; j < arm->pats.len && subj_ok; j++) {
			bool adds = false;
			pats_ok &= pattern_ok(p, arm->pats.v[j], subj, &cv, &adds);
			any_new |= adds;
		}
		if (subj_ok && pats_ok && !any_new)
			diag_warn(p->dl, D_UNREACHABLE_ARM, at_of(p, arm->at),
				  "this match arm is never used: earlier arms cover its cases");
		ty *t = check_expr(p, ls, arm->body);
		if (t->kind == TY_ERROR)
			continue;
		if (!result) {
			result = t;
			first = arm->body;
		} else if (ty_sub(t, result)) {
			/* fine */
		} else if (ty_sub(result, t)) {
			result = t;
		} else {
			diag *d = diag_error(p->dl, D_MATCH_ARMS, at_of(p, arm->body->at),
					     "this arm has type `%s', but an earlier arm has "
					     "type `%s'", ty_str(p->a, t), ty_str(p->a, result));
			diag_note(p->dl, d, at_of(p, first->at), "the earlier arm is here");
			arms_ok = false;
		}
	}
	if (subj_ok) {
		char missing[128] = "";
		size_t len = 0;
		int nmiss = 0;
		if (!subj) {
			for (int t = 0; t < T_COUNT; t++) {
				if (cv.target[t])
					continue;
				len += (size_t)snprintf(missing + len, sizeof missing - len,
							"%s%s", nmiss ? ", " : "",
							target_name((target)t));
				nmiss++;
			}
		} else if (!cv.wild && (subj->kind != TY_BOOL || !(cv.t && cv.f))) {
			snprintf(missing, sizeof missing, "%s",
				 subj->kind == TY_BOOL ? (cv.t ? "false" : "true")
						       : "other strings");
			nmiss = 1;
		}
		if (nmiss) {
			diag *d = diag_error(p->dl, D_NONEXHAUSTIVE, at_of(p, e->at),
					     "this match does not cover: %s", missing);
			diag_note(p->dl, d, loc_none, "add the missing cases, or an arm "
				  "`| _ -> ...'");
		}
	}
	return result && arms_ok ? result : &ty_error;
}

static ty *check_expr(program *p, lscope *ls, expr *e)
{
	ty *t = &ty_error;
	switch (e->kind) {
	case E_NAME: t = check_name(p, ls, e); break;
	case E_INT: t = &ty_int; break;
	case E_STRING: t = &ty_string; break;
	case E_BOOL: t = &ty_bool; break;
	case E_APP: t = check_app(p, ls, e); break;
	case E_FOREIGN: t = check_foreign(p, e); break;
	case E_MATCH: t = check_match(p, ls, e); break;
	case E_FUN: {
		ty *pt = resolve_type(p, e->te);
		valid_binder(p, e->s, e->s_at);
		binding *b = new_binding(p, B_PARAM, e->s, e->s_at);
		b->ty = pt;
		b->e = e;
		e->bind = b;
		lscope inner = { e->s, b, ls };
		ty *bt = check_expr(p, &inner, e->body);
		t = (pt->kind == TY_ERROR || bt->kind == TY_ERROR) ? &ty_error
								   : ty_arrow(p->a, pt, bt);
		break;
	}
	case E_LET: {
		ty *vt = check_expr(p, ls, e->value);
		valid_binder(p, e->s, e->s_at);
		binding *b = new_binding(p, B_LOCAL, e->s, e->s_at);
		b->ty = vt;
		b->e = e;
		e->bind = b;
		lscope inner = { e->s, b, ls };
		t = check_expr(p, &inner, e->body);
		break;
	}
	}
	if (e->kind == E_FOREIGN)
		e->ty = t;	/* the evaluator's node type */
	return t;
}

/* ---- declarations ----------------------------------------------------- */

static void check_interface(program *p, decl *d)
{
	iface *i;
	HASH_FIND_STR(p->ifaces, d->name, i);
	if (i) {
		diag *dg = diag_error(p->dl, D_DUP_DEF, at_of(p, d->name_at),
				      "interface `%s' is already defined", d->name);
		diag_note(p->dl, dg, at_of(p, i->d->name_at), "previous definition is here");
		return;
	}
	if (!is_c_ident(d->ctype))
		diag_error(p->dl, D_BAD_INTERFACE, at_of(p, d->at),
			   "C type `%s' of interface `%s' is not a C identifier",
			   d->ctype, d->name);
	i = arena_alloc(p->a, sizeof *i);
	i->name = d->name;
	i->ctype = d->ctype;
	i->d = d;
	for (int k = 0; k < d->includes.len; k++) {
		expr *n = d->includes.v[k];
		iface *j;
		HASH_FIND_STR(p->ifaces, n->s, j);
		if (!j) {
			diag_error(p->dl, D_BAD_INTERFACE, at_of(p, n->at),
				   "interface `%s' includes `%s', which is not declared "
				   "before it", d->name, n->s);
			continue;
		}
		ptrvec_push(p->a, &i->includes, j);
	}
	HASH_ADD_KEYPTR(hh, p->ifaces, i->name, strlen(i->name), i);
}

static void check_impl_targets(program *p, impl_decl *im)
{
	for (int j = 0; j < im->targets.len; j++) {
		pattern *pat = im->targets.v[j];
		if (!target_pat_valid(pat->s))
			diag_error(p->dl, D_UNKNOWN_TARGET, at_of(p, pat->at),
				   "unknown target `%s'", pat->s);
	}
}

static void check_component(program *p, decl *d)
{
	ty *t = resolve_type(p, d->te);
	if (t->kind != TY_ERROR && !functor_shape(t, false)) {
		diag_error(p->dl, D_BAD_COMPONENT, at_of(p, d->te->at),
			   "component type `%s' must take devices and base values and "
			   "give a device or a job", ty_str(p->a, t));
		t = &ty_error;
	}
	for (int i = 0; i < d->impls.len; i++) {
		impl_decl *im = d->impls.v[i];
		check_impl_targets(p, im);
		if (!im->prefix || !is_c_ident(im->prefix))
			diag_error(p->dl, D_BAD_COMPONENT, at_of(p, im->at),
				   "implementation of `%s' needs `prefix' with a C identifier",
				   d->name);
		if (!im->header)
			diag_error(p->dl, D_BAD_COMPONENT, at_of(p, im->at),
				   "implementation of `%s' needs a `header'", d->name);
		if (im->crunch && (t->kind != TY_ARROW || t->from->kind != TY_STRING))
			diag_error(p->dl, D_BAD_COMPONENT, at_of(p, im->at),
				   "a crunch implementation takes the directory as its "
				   "first argument, a string");
	}
	component *c = arena_alloc(p->a, sizeof *c);
	c->name = d->name;
	c->d = d;
	c->ty = t;
	c->id = p->components.len;
	ptrvec_push(p->a, &p->components, c);
	binding *b = new_binding(p, B_COMPONENT, d->name, d->name_at);
	b->ty = t;
	b->d = d;
	b->comp = c;
	d->bind = b;
	if (valid_binder(p, d->name, d->name_at))
		define_global(p, b);
}

static void check_key(program *p, decl *d)
{
	ty *t = resolve_type(p, d->te);
	if (t->kind != TY_ERROR && !ty_is_base(t)) {
		diag_error(p->dl, D_BAD_KEY_TYPE, at_of(p, d->te->at),
			   "key `%s' has type `%s'; keys are string, int or bool",
			   d->name, ty_str(p->a, t));
		t = &ty_error;
	}
	ty *vt = check_expr(p, NULL, d->value);
	if (t->kind != TY_ERROR && !ty_equal(vt, t))
		diag_error(p->dl, D_KEY_DEFAULT, at_of(p, d->value->at),
			   "default of key `%s' has type `%s', but the key is `%s'",
			   d->name, ty_str(p->a, vt), ty_str(p->a, t));
	if (!valid_binder(p, d->name, d->name_at))
		return;
	keyinfo *k;
	HASH_FIND_STR(p->keys, d->name, k);
	if (k) {
		diag *dg = diag_error(p->dl, D_DUP_KEY, at_of(p, d->name_at),
				      "key `%s' is already declared", d->name);
		diag_note(p->dl, dg, at_of(p, k->d->name_at), "previous declaration is here");
		return;
	}
	k = arena_alloc(p->a, sizeof *k);
	k->name = d->name;
	k->ty = t;
	k->doc = d->doc;
	k->d = d;
	k->is_stdlib = !user_file(p, d->at);
	k->i = d->value->kind == E_INT ? d->value->i : 0;
	k->b = d->value->b;
	k->s = d->value->kind == E_STRING ? d->value->s : "";
	k->order = p->key_order.len;
	HASH_ADD_KEYPTR(hh, p->keys, k->name, strlen(k->name), k);
	ptrvec_push(p->a, &p->key_order, k);
	binding *b = new_binding(p, B_KEY, d->name, d->name_at);
	b->ty = t;
	b->d = d;
	b->key = k;
	d->bind = b;
	define_global(p, b);
}

static bool valid_unikernel_name(const char *s)
{
	if (!*s || strlen(s) > 64)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	return true;
}

static void check_register(program *p, decl *d)
{
	if (!user_file(p, d->at)) {
		diag_error(p->dl, D_DECL_PLACE, at_of(p, d->at),
			   "the stdlib cannot register a unikernel");
		return;
	}
	if (p->reg) {
		diag *dg = diag_error(p->dl, D_MULTI_REGISTER, at_of(p, d->at),
				      "a configuration registers one unikernel");
		diag_note(p->dl, dg, at_of(p, p->reg->at), "the first `register' is here");
	} else {
		p->reg = d;
	}
	if (!valid_unikernel_name(d->name))
		diag_error(p->dl, D_BAD_NAME, at_of(p, d->name_at),
			   "unikernel name `%s' must be 1-64 letters, digits, `_' or `-'",
			   d->name);
	if (d->jobs.len == 0)
		diag_error(p->dl, D_EMPTY_REGISTER, at_of(p, d->at),
			   "`register \"%s\"' has no jobs; list at least one, e.g. "
			   "`[ main $ default_console ]'", d->name);
	for (int i = 0; i < d->jobs.len; i++) {
		expr *j = d->jobs.v[i];
		ty *t = check_expr(p, NULL, j);
		if (t->kind == TY_ERROR || t->kind == TY_JOB)
			continue;
		if (t->kind == TY_ARROW && ty_result(t)->kind == TY_JOB) {
			int n = ty_arity(t);
			diag *dg = diag_error(p->dl, D_NOT_JOB, at_of(p, j->at),
					      "this job is not fully applied: it still needs "
					      "%d argument%s (`%s')", n, n == 1 ? "" : "s",
					      ty_str(p->a, t));
			note_head_type(p, dg, app_head(j, NULL));
		} else {
			diag_error(p->dl, D_NOT_JOB, at_of(p, j->at),
				   "register expects jobs, but this has type `%s'",
				   ty_str(p->a, t));
		}
	}
}

/* Interfaces, components and platforms describe the runtime: they belong
 * to the stdlib, which has to agree with the C in runtime/. */
static bool stdlib_only(program *p, decl *d, const char *what)
{
	if (!user_file(p, d->at))
		return true;
	diag_error(p->dl, D_DECL_PLACE, at_of(p, d->at),
		   "%s are declared in the stdlib, not in a config", what);
	return false;
}

void check_file(program *p, ast_file *f)
{
	ptrvec_push(p->a, &p->files, f);
	src_file *sf = src_get(p->src, f->file);
	if (sf && !sf->is_stdlib)
		p->user_file = f->file;
	for (int i = 0; i < f->decls.len; i++) {
		decl *d = f->decls.v[i];
		switch (d->kind) {
		case DECL_LET: {
			ty *t = check_expr(p, NULL, d->value);
			/* An invalid name is still bound, so its uses do not
			 * cascade into "unbound name" errors. */
			bool valid = valid_binder(p, d->name, d->name_at);
			binding *b = new_binding(p, B_LET, d->name, d->name_at);
			b->used = !valid;	/* one error is enough */
			b->ty = t;
			b->d = d;
			d->bind = b;
			define_global(p, b);
			break;
		}
		case DECL_KEY: check_key(p, d); break;
		case DECL_REGISTER: check_register(p, d); break;
		case DECL_INTERFACE:
			if (stdlib_only(p, d, "interfaces"))
				check_interface(p, d);
			break;
		case DECL_COMPONENT:
			if (stdlib_only(p, d, "components"))
				check_component(p, d);
			break;
		case DECL_PLATFORM:
			if (stdlib_only(p, d, "platforms")) {
				check_impl_targets(p, d->impls.v[0]);
				ptrvec_push(p->a, &p->platforms, d);
			}
			break;
		}
	}
}

void check_finish(program *p)
{
	/* Every name is resolved now, and evaluation follows the bindings
	 * the tree points to: the scope's memory can go before it starts. */
	free(p->globals.slots);
	p->globals = (scope){ 0 };
	if (p->user_file < 0 || p->parse_failed)
		return;
	if (!p->reg) {
		src_file *f = src_get(p->src, p->user_file);
		loc at = { p->user_file, f->nlines, 1, f->nlines, 1 };
		diag *d = diag_error(p->dl, D_NO_REGISTER, at,
				     "no `register': nothing to build");
		diag_note(p->dl, d, loc_none, "end the configuration with "
			  "`register \"NAME\" [ JOB, ... ]'");
	}
	/* Unused top-level bindings of the config, in source order. */
	for (int i = 0; i < p->files.len; i++) {
		ast_file *f = p->files.v[i];
		if (f->file != p->user_file)
			continue;
		for (int j = 0; j < f->decls.len; j++) {
			decl *d = f->decls.v[j];
			if (d->kind == DECL_LET && d->bind && !d->bind->used &&
			    d->name[0] != '_')
				diag_warn(p->dl, D_UNUSED, at_of(p, d->name_at),
					  "`%s' is defined but never used", d->name);
		}
	}
}
