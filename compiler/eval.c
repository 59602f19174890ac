/* eval.c - evaluation of a checked program for one target, giving the
 * device graph.  Top-level `let's are evaluated lazily and once, so a
 * binding the unikernel does not use never has to exist on the target
 * (a `direct_kv_ro' that only the unix arm uses is no error on Xen). */
#include <stdlib.h>
#include <string.h>
#include "graph.h"

typedef struct value {
	enum { V_ERR, V_INT, V_STRING, V_BOOL, V_KEY, V_NODE, V_PARTIAL,
	       V_CLOSURE } kind;
	long long i;
	const char *s;
	bool b;
	keyinfo *key;
	gnode *node;
	/* V_PARTIAL: a component or foreign applied to some arguments. */
	component *comp;
	expr *foreign;
	int nargs;
	struct value **args;
	/* V_CLOSURE */
	expr *fun;
	struct env *env;
} value;

typedef struct env {
	binding *b;
	value *v;
	struct env *up;
} env;

typedef struct ectx {
	program *p;
	graph *g;
	loc user_at;	/* innermost expression of the config being evaluated */
	int depth;
} ectx;

static value v_err = { .kind = V_ERR };

static value *mkval(ectx *c, int kind)
{
	value *v = arena_alloc(c->p->a, sizeof *v);
	v->kind = kind;
	return v;
}

static bool in_user_file(ectx *c, loc at)
{
	src_file *f = src_get(c->p->src, at.file);
	return f && !f->is_stdlib;
}

/* ---- nodes ------------------------------------------------------------ */

static void key_append(ectx *c, char **buf, size_t *len, size_t *cap, const char *s,
		       size_t n)
{
	if (*len + n > *cap) {
		size_t nc = (*cap + n) * 2 + 64;
		char *nb = arena_alloc(c->p->a, nc);
		if (*len)
			memcpy(nb, *buf, *len);
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, s, n);
	*len += n;
}

/* A byte string that identifies the application structurally: the head
 * and each argument (node identity, literal value or key). */
static const char *hash_key(ectx *c, gnode *n, size_t *outlen)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	char tmp[64];
	const char *head = n->comp ? n->comp->name : n->foreign->s;
	key_append(c, &buf, &len, &cap, n->comp ? "C" : "F", 1);
	key_append(c, &buf, &len, &cap, head, strlen(head) + 1);
	for (int i = 0; i < n->nargs; i++) {
		garg *a = &n->args[i];
		int k = 0;
		switch (a->kind) {
		case GA_NODE: k = snprintf(tmp, sizeof tmp, "n%d;", a->node->uid); break;
		case GA_INT: k = snprintf(tmp, sizeof tmp, "i%lld;", a->i); break;
		case GA_BOOL: k = snprintf(tmp, sizeof tmp, "b%d;", a->b); break;
		case GA_KEY: k = snprintf(tmp, sizeof tmp, "k%d;", a->key->order); break;
		case GA_STRING:
			k = snprintf(tmp, sizeof tmp, "s%zu:", strlen(a->s));
			key_append(c, &buf, &len, &cap, tmp, (size_t)k);
			key_append(c, &buf, &len, &cap, a->s, strlen(a->s));
			k = 0;
			break;
		}
		if (k)
			key_append(c, &buf, &len, &cap, tmp, (size_t)k);
	}
	*outlen = len;
	return buf;
}

static void no_impl(ectx *c, component *comp)
{
	char avail[128] = "";
	size_t len = 0;
	int n = 0;
	for (int t = 0; t < T_COUNT; t++) {
		if (!component_impl(comp, (target)t))
			continue;
		len += (size_t)snprintf(avail + len, sizeof avail - len, "%s%s",
					n++ ? ", " : "", target_name((target)t));
	}
	diag *d = diag_error(c->p->dl, D_NO_IMPL, c->user_at,
			     "`%s' has no implementation for target %s", comp->name,
			     target_name(c->g->tgt));
	if (n)
		diag_note(c->p->dl, d, loc_none, "`%s' is available for: %s", comp->name,
			  avail);
	else
		diag_note(c->p->dl, d, loc_none, "`%s' has no implementation yet",
			  comp->name);
}

static value *make_node(ectx *c, component *comp, expr *foreign, value **args,
			int nargs)
{
	impl_decl *impl = NULL;
	if (comp) {
		impl = component_impl(comp, c->g->tgt);
		if (!impl) {
			no_impl(c, comp);
			return &v_err;
		}
	}
	gnode *n = arena_alloc(c->p->a, sizeof *n);
	n->comp = comp;
	n->impl = impl;
	n->foreign = foreign;
	n->ty = comp ? comp->ty : foreign->ty;
	n->nargs = nargs;
	n->args = arena_alloc(c->p->a, sizeof(garg) * (size_t)(nargs ? nargs : 1));
	n->at = c->user_at;
	n->is_job = ty_result(n->ty)->kind == TY_JOB;
	const ty *t = n->ty;
	for (int i = 0; i < nargs; i++, t = t->to) {
		garg *a = &n->args[i];
		value *v = args[i];
		a->ty = t->from;
		switch (v->kind) {
		case V_NODE: a->kind = GA_NODE; a->node = v->node; break;
		case V_INT: a->kind = GA_INT; a->i = v->i; break;
		case V_STRING: a->kind = GA_STRING; a->s = v->s; break;
		case V_BOOL: a->kind = GA_BOOL; a->b = v->b; break;
		case V_KEY:
			/* Crunch bakes its directory in at configure time. */
			if (impl && impl->crunch && i == 0) {
				a->kind = GA_STRING;
				a->s = v->key->s;
				v->key->fixed = true;
			} else {
				a->kind = GA_KEY;
				a->key = v->key;
			}
			break;
		default:
			return &v_err;	/* an argument already failed */
		}
	}
	n->hkey = hash_key(c, n, &n->hlen);
	gnode *old;
	HASH_FIND(hh, c->g->table, n->hkey, n->hlen, old);
	value *r = mkval(c, V_NODE);
	if (old) {
		r->node = old;
		return r;
	}
	for (int i = 0; i < nargs; i++) {
		if (n->args[i].kind == GA_NODE)
			n->args[i].node->users++;
		if (n->args[i].kind == GA_KEY)
			n->args[i].key->as_arg = true;
	}
	n->uid = c->g->next_uid++;
	HASH_ADD_KEYPTR(hh, c->g->table, n->hkey, n->hlen, n);
	r->node = n;
	return r;
}

/* ---- expressions ------------------------------------------------------ */

static value *eval(ectx *c, env *en, expr *e);

static value *apply(ectx *c, value *f, value *a)
{
	if (f->kind == V_ERR || a->kind == V_ERR)
		return &v_err;
	if (f->kind == V_CLOSURE) {
		env *inner = arena_alloc(c->p->a, sizeof *inner);
		inner->b = f->fun->bind;
		inner->v = a;
		inner->up = f->env;
		return eval(c, inner, f->fun->body);
	}
	if (f->kind != V_PARTIAL)
		return &v_err;	/* the checker reported it */
	value *r = mkval(c, V_PARTIAL);
	r->comp = f->comp;
	r->foreign = f->foreign;
	r->nargs = f->nargs + 1;
	r->args = arena_alloc(c->p->a, sizeof(value *) * (size_t)r->nargs);
	if (f->nargs)
		memcpy(r->args, f->args, sizeof(value *) * (size_t)f->nargs);
	r->args[f->nargs] = a;
	const ty *t = f->comp ? f->comp->ty : f->foreign->ty;
	if (r->nargs == ty_arity(t))
		return make_node(c, r->comp, r->foreign, r->args, r->nargs);
	return r;
}

static value *head_value(ectx *c, component *comp, expr *foreign)
{
	const ty *t = comp ? comp->ty : foreign->ty;
	if (t->kind == TY_ERROR)
		return &v_err;
	if (ty_arity(t) == 0)
		return make_node(c, comp, foreign, NULL, 0);
	value *v = mkval(c, V_PARTIAL);
	v->comp = comp;
	v->foreign = foreign;
	return v;
}

static value *eval_let_binding(ectx *c, binding *b)
{
	if (b->eval_state == 2)
		return b->val;
	if (b->eval_state == 1)
		return &v_err;	/* cannot happen: names are visible below only */
	b->eval_state = 1;
	value *v = eval(c, NULL, b->d->value);
	if (v->kind == V_NODE && !b->is_stdlib && !v->node->let_name)
		v->node->let_name = b->name;
	b->val = v;
	b->eval_state = 2;
	return v;
}

static value *eval_name(ectx *c, env *en, expr *e)
{
	binding *b = e->bind;
	if (!b)
		return &v_err;
	switch (b->kind) {
	case B_PARAM:
	case B_LOCAL:
		for (; en; en = en->up)
			if (en->b == b)
				return en->v;
		return &v_err;
	case B_LET:
		return eval_let_binding(c, b);
	case B_KEY: {
		value *v = mkval(c, V_KEY);
		v->key = b->key;
		return v;
	}
	case B_COMPONENT:
		return head_value(c, b->comp, NULL);
	}
	return &v_err;
}

static bool arm_matches(ectx *c, expr *m, match_arm *arm)
{
	keyinfo *k = m->bind ? m->bind->key : NULL;
	for (int i = 0; i < arm->pats.len; i++) {
		pattern *pat = arm->pats.v[i];
		if (pat->kind == PAT_WILD)
			return true;
		if (!k && pat->kind == PAT_NAME && target_pat_covers(pat->s, c->g->tgt))
			return true;
		if (k && pat->kind == PAT_BOOL && k->ty->kind == TY_BOOL && pat->b == k->b)
			return true;
		if (k && pat->kind == PAT_STRING && k->ty->kind == TY_STRING &&
		    !strcmp(pat->s, k->s))
			return true;
	}
	return false;
}

static value *eval_match(ectx *c, env *en, expr *e)
{
	if (e->bind && e->bind->key)
		e->bind->key->fixed = true;
	for (int i = 0; i < e->arms.len; i++) {
		match_arm *arm = e->arms.v[i];
		if (arm_matches(c, e, arm))
			return eval(c, en, arm->body);
	}
	return &v_err;	/* non-exhaustive: the checker reported it */
}

static value *eval(ectx *c, env *en, expr *e)
{
	loc saved = c->user_at;
	if (in_user_file(c, e->at))
		c->user_at = e->at;
	if (++c->depth > 10000) {
		c->depth--;
		return &v_err;
	}
	value *v = &v_err;
	switch (e->kind) {
	case E_NAME: v = eval_name(c, en, e); break;
	case E_INT: v = mkval(c, V_INT); v->i = e->i; break;
	case E_STRING: v = mkval(c, V_STRING); v->s = e->s; break;
	case E_BOOL: v = mkval(c, V_BOOL); v->b = e->b; break;
	case E_APP: {
		value *f = eval(c, en, e->fn);
		value *a = eval(c, en, e->arg);
		v = apply(c, f, a);
		break;
	}
	case E_FOREIGN: v = head_value(c, NULL, e); break;
	case E_MATCH: v = eval_match(c, en, e); break;
	case E_FUN:
		v = mkval(c, V_CLOSURE);
		v->fun = e;
		v->env = en;
		break;
	case E_LET: {
		env *inner = arena_alloc(c->p->a, sizeof *inner);
		inner->b = e->bind;
		inner->v = eval(c, en, e->value);
		inner->up = en;
		v = eval(c, inner, e->body);
		break;
	}
	}
	c->depth--;
	c->user_at = saved;
	return v;
}

/* ---- ordering and naming ---------------------------------------------- */

static void visit(graph *g, gnode *n, char *state)
{
	if (state[n->uid])
		return;
	state[n->uid] = 1;
	for (int i = 0; i < n->nargs; i++)
		if (n->args[i].kind == GA_NODE)
			visit(g, n->args[i].node, state);
	n->index = g->nodes.len;
	ptrvec_push(g->p->a, &g->nodes, n);
}

typedef struct label_entry {
	const char *name;
	int next;		/* the next suffix to try for this base name */
	UT_hash_handle hh;
} label_entry;

static label_entry *label_add(graph *g, label_entry **used, const char *name)
{
	label_entry *e = arena_alloc(g->p->a, sizeof *e);
	e->name = name;
	e->next = 2;
	HASH_ADD_KEYPTR(hh, *used, e->name, strlen(e->name), e);
	return e;
}

/* Labels are C identifiers unique in the graph: the config's own name for
 * the device when it has one, else the component or symbol name, with a
 * numeric suffix on a clash. */
static void assign_labels(graph *g)
{
	label_entry *used = NULL;
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		const char *base = n->let_name ? n->let_name :
				   n->comp ? n->comp->name : n->foreign->s;
		label_entry *b, *e;
		HASH_FIND_STR(used, base, b);
		if (!b) {
			n->label = label_add(g, &used, base)->name;
			continue;
		}
		/* Resume after the last suffix given to this base, so n nodes
		 * of one component cost O(n), not O(n^2). */
		const char *name;
		do {
			name = arena_printf(g->p->a, "%s_%d", base, b->next++);
			HASH_FIND_STR(used, name, e);
		} while (e);
		n->label = label_add(g, &used, name)->name;
	}
	HASH_CLEAR(hh, used);
}

static void collect_keys(graph *g)
{
	program *p = g->p;
	for (int i = 0; i < p->key_order.len; i++) {
		keyinfo *k = p->key_order.v[i];
		if (!k->is_stdlib || k->as_arg || k->fixed)
			ptrvec_push(p->a, &g->keys, k);
	}
}

graph *eval_program(program *p, target t)
{
	if (!p->reg || p->dl->errors)
		return NULL;
	graph *g = arena_alloc(p->a, sizeof *g);
	g->p = p;
	g->tgt = t;
	g->reg = p->reg;
	g->name = p->reg->name;
	for (int i = 0; i < p->key_order.len; i++) {
		keyinfo *k = p->key_order.v[i];
		k->fixed = k->as_arg = false;
	}
	/* Let memos are per evaluation: reset them. */
	for (int i = 0; i < p->files.len; i++) {
		ast_file *f = p->files.v[i];
		for (int j = 0; j < f->decls.len; j++) {
			decl *d = f->decls.v[j];
			if (d->kind == DECL_LET && d->bind) {
				d->bind->eval_state = 0;
				d->bind->val = NULL;
			}
		}
	}
	ectx c = { .p = p, .g = g, .user_at = p->reg->at };
	int errors = p->dl->errors;
	ptrvec roots = { 0 };
	for (int i = 0; i < p->reg->jobs.len; i++) {
		value *v = eval(&c, NULL, p->reg->jobs.v[i]);
		if (v->kind == V_NODE)
			ptrvec_push(p->a, &roots, v->node);
	}
	if (p->dl->errors > errors) {
		HASH_CLEAR(hh, g->table);
		return NULL;
	}
	char *state = calloc((size_t)g->next_uid + 1, 1);
	for (int i = 0; i < roots.len; i++) {
		gnode *n = roots.v[i];
		if (!state[n->uid])
			ptrvec_push(p->a, &g->jobs, n);
		visit(g, n, state);
	}
	free(state);
	HASH_CLEAR(hh, g->table);
	assign_labels(g);
	collect_keys(g);
	return g;
}

const char *gnode_ctype(const gnode *n)
{
	const ty *r = ty_result(n->ty);
	return r->kind == TY_DEVICE ? r->dev->ctype : "int";
}
