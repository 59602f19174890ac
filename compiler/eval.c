/* eval.c - evaluation of a checked program for one target, giving the
 * device graph.  Top-level `let's are evaluated lazily and once, so a
 * binding the unikernel does not use never has to exist on the target
 * (a `direct_kv_ro' that only the unix arm uses is no error on Xen). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "graph.h"

/* A value is two words and travels by value: literals, names, keys and
 * nodes cost no allocation.  Partial applications and closures point to
 * cells in the arena. */
typedef struct value {
	enum { V_ERR, V_INT, V_STRING, V_BOOL, V_KEY, V_NODE, V_PARTIAL,
	       V_CLOSURE } kind;
	union {
		long long i;
		const char *s;
		bool b;
		keyinfo *key;
		gnode *node;
		const struct partial *part;
		const struct closure *clo;
	};
} value;

/* A component or foreign applied to some of its arguments: one cell per
 * argument, pointing back to the application it extends, so `f a b c'
 * shares `f a' and `f a b' instead of copying their arguments.  The head
 * cell (no argument) names the component or foreign. */
typedef struct partial {
	const struct partial *prev;	/* without the last argument */
	int nargs;			/* arguments so far */
	int left;			/* arguments still wanted */
	union {
		value arg;		/* argument nargs, when nargs > 0 */
		struct {		/* the head, when nargs == 0 */
			component *comp;
			expr *foreign;
		};
	};
} partial;

typedef struct closure {
	expr *fun;
	struct env *env;
} closure;

typedef struct env {
	binding *b;
	value v;
	struct env *up;
} env;

/* The hash-consing index: open addressing over (hash, node), in malloc'd
 * memory freed when evaluation ends (backends never look nodes up). */
typedef struct islot {
	uint64_t h;
	gnode *n;
} islot;

typedef struct ectx {
	program *p;
	graph *g;
	sloc user_at;	/* innermost expression of the config being evaluated */
	int depth;
	islot *index;
	size_t icap, ilen;	/* icap is a power of two, or 0 */
	const partial **heads;	/* per component id: the unapplied head */
	value *argv;		/* scratch: the arguments of a full application */
	garg *gargv;		/*   and the same as node arguments */
	int argcap;
} ectx;

static value verr(void)
{
	return (value){ .kind = V_ERR };
}

static bool in_user_file(ectx *c, sloc at)
{
	src_file *f = file_of(c->p, at);
	return f && !f->is_stdlib;
}

/* Evaluation's own tables are malloc'd; like the arena, running out of
 * memory ends the compiler. */
static void *xcheck(void *p)
{
	if (!p) {
		fputs("mcc: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	return xcheck(realloc(p, n));
}

/* ---- the node index --------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t x)
{
	h ^= x + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdu;
}

static uint64_t mix_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return mix(h, 0);
}

/* Nodes are equal when the head (component or foreign, by name) and each
 * argument (node identity, literal value or key) are. */
static const char *head_name(const component *comp, const expr *foreign)
{
	return comp ? comp->name : foreign->s;
}

static uint64_t node_hash(const component *comp, const expr *foreign,
			  const garg *args, int nargs)
{
	uint64_t h = mix_str(comp ? 1 : 2, head_name(comp, foreign));
	for (int i = 0; i < nargs; i++) {
		const garg *a = &args[i];
		h = mix(h, a->kind);
		switch (a->kind) {
		case GA_NODE: h = mix(h, (uint64_t)a->node->uid); break;
		case GA_INT: h = mix(h, (uint64_t)a->i); break;
		case GA_BOOL: h = mix(h, a->b); break;
		case GA_KEY: h = mix(h, (uint64_t)a->key->order); break;
		case GA_STRING: h = mix_str(h, a->s); break;
		}
	}
	return h;
}

static bool garg_equal(const garg *a, const garg *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case GA_NODE: return a->node == b->node;
	case GA_INT: return a->i == b->i;
	case GA_BOOL: return a->b == b->b;
	case GA_KEY: return a->key == b->key;
	case GA_STRING: return !strcmp(a->s, b->s);
	}
	return false;
}

static bool node_equal(const gnode *n, const component *comp, const expr *foreign,
		       const garg *args, int nargs)
{
	if (!n->comp != !comp || n->nargs != nargs ||
	    strcmp(head_name(n->comp, n->foreign), head_name(comp, foreign)))
		return false;
	for (int i = 0; i < nargs; i++)
		if (!garg_equal(&n->args[i], &args[i]))
			return false;
	return true;
}

static gnode *index_find(ectx *c, uint64_t h, const component *comp,
			 const expr *foreign, const garg *args, int nargs)
{
	if (!c->icap)
		return NULL;
	for (size_t i = h & (c->icap - 1);; i = (i + 1) & (c->icap - 1)) {
		islot *s = &c->index[i];
		if (!s->n)
			return NULL;
		if (s->h == h && node_equal(s->n, comp, foreign, args, nargs))
			return s->n;
	}
}

static void index_put(islot *slots, size_t cap, uint64_t h, gnode *n)
{
	size_t i = h & (cap - 1);
	while (slots[i].n)
		i = (i + 1) & (cap - 1);
	slots[i] = (islot){ h, n };
}

/* Keeps the load under one half, so probes stay short. */
static void index_add(ectx *c, uint64_t h, gnode *n)
{
	if (2 * (c->ilen + 1) > c->icap) {
		size_t cap = c->icap ? c->icap * 2 : 256;
		islot *slots = xcheck(calloc(cap, sizeof *slots));
		for (size_t i = 0; i < c->icap; i++)
			if (c->index[i].n)
				index_put(slots, cap, c->index[i].h, c->index[i].n);
		free(c->index);
		c->index = slots;
		c->icap = cap;
	}
	index_put(c->index, c->icap, h, n);
	c->ilen++;
}

/* ---- nodes ------------------------------------------------------------ */

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
	diag *d = diag_error(c->p->dl, D_NO_IMPL, at_of(c->p, c->user_at),
			     "`%s' has no implementation for target %s", comp->name,
			     target_name(c->g->tgt));
	if (n)
		diag_note(c->p->dl, d, loc_none, "`%s' is available for: %s", comp->name,
			  avail);
	else
		diag_note(c->p->dl, d, loc_none, "`%s' has no implementation yet",
			  comp->name);
}

static void reserve_args(ectx *c, int n)
{
	if (n <= c->argcap)
		return;
	c->argcap = n * 2;
	c->argv = xrealloc(c->argv, sizeof *c->argv * (size_t)c->argcap);
	c->gargv = xrealloc(c->gargv, sizeof *c->gargv * (size_t)c->argcap);
}

/* The node argument for value v, parameter i of type t; false if the
 * argument already failed. */
static bool to_garg(garg *a, value v, const ty *t, impl_decl *impl, int i)
{
	a->ty = t->from;
	switch (v.kind) {
	case V_NODE: a->kind = GA_NODE; a->node = v.node; return true;
	case V_INT: a->kind = GA_INT; a->i = v.i; return true;
	case V_STRING: a->kind = GA_STRING; a->s = v.s; return true;
	case V_BOOL: a->kind = GA_BOOL; a->b = v.b; return true;
	case V_KEY:
		/* Crunch bakes its directory in at configure time. */
		if (impl && impl->crunch && i == 0) {
			a->kind = GA_STRING;
			a->s = v.key->s;
			v.key->fixed = true;
		} else {
			a->kind = GA_KEY;
			a->key = v.key;
		}
		return true;
	default:
		return false;
	}
}

/* The node for a full application, the existing one if an equal node was
 * made before (arguments are in c->argv). */
static value make_node(ectx *c, component *comp, expr *foreign, int nargs)
{
	impl_decl *impl = NULL;
	if (comp) {
		impl = component_impl(comp, c->g->tgt);
		if (!impl) {
			no_impl(c, comp);
			return verr();
		}
	}
	ty *nty = comp ? comp->ty : foreign->ty;
	const ty *t = nty;
	for (int i = 0; i < nargs; i++, t = t->to)
		if (!to_garg(&c->gargv[i], c->argv[i], t, impl, i))
			return verr();	/* an argument already failed */
	uint64_t h = node_hash(comp, foreign, c->gargv, nargs);
	gnode *n = index_find(c, h, comp, foreign, c->gargv, nargs);
	if (n)
		return (value){ .kind = V_NODE, .node = n };
	n = arena_alloc(c->p->a, sizeof *n + sizeof(garg) * (size_t)nargs);
	n->comp = comp;
	n->impl = impl;
	n->foreign = foreign;
	n->ty = nty;
	n->nargs = nargs;
	if (nargs)
		memcpy(n->args, c->gargv, sizeof(garg) * (size_t)nargs);
	n->at = c->user_at;
	n->is_job = ty_result(n->ty)->kind == TY_JOB;
	for (int i = 0; i < nargs; i++) {
		if (n->args[i].kind == GA_NODE)
			n->args[i].node->users++;
		if (n->args[i].kind == GA_KEY)
			n->args[i].key->as_arg = true;
	}
	n->uid = c->g->next_uid++;
	index_add(c, h, n);
	return (value){ .kind = V_NODE, .node = n };
}

/* ---- expressions ------------------------------------------------------ */

static value eval(ectx *c, env *en, expr *e);

/* f applied to its last argument a: gathers the arguments from the cells
 * and makes the node. */
static value saturate(ectx *c, const partial *f, value a)
{
	int n = f->nargs + 1;
	reserve_args(c, n);
	c->argv[n - 1] = a;
	for (; f->nargs > 0; f = f->prev)
		c->argv[f->nargs - 1] = f->arg;
	return make_node(c, f->comp, f->foreign, n);
}

static value apply(ectx *c, value f, value a)
{
	if (f.kind == V_ERR || a.kind == V_ERR)
		return verr();
	if (f.kind == V_CLOSURE) {
		env *inner = arena_alloc(c->p->a, sizeof *inner);
		inner->b = f.clo->fun->bind;
		inner->v = a;
		inner->up = f.clo->env;
		return eval(c, inner, f.clo->fun->body);
	}
	if (f.kind != V_PARTIAL)
		return verr();	/* the checker reported it */
	const partial *p = f.part;
	if (p->left == 1)
		return saturate(c, p, a);
	partial *r = arena_alloc(c->p->a, sizeof *r);
	r->prev = p;
	r->nargs = p->nargs + 1;
	r->left = p->left - 1;
	r->arg = a;
	return (value){ .kind = V_PARTIAL, .part = r };
}

static value head_value(ectx *c, component *comp, expr *foreign)
{
	const ty *t = comp ? comp->ty : foreign->ty;
	if (t->kind == TY_ERROR)
		return verr();
	int arity = ty_arity(t);
	if (arity == 0)
		return make_node(c, comp, foreign, 0);
	/* One head cell per component serves every use of its name. */
	const partial **slot = comp ? &c->heads[comp->id] : NULL;
	if (slot && *slot)
		return (value){ .kind = V_PARTIAL, .part = *slot };
	partial *h = arena_alloc(c->p->a, sizeof *h);
	h->left = arity;
	h->comp = comp;
	h->foreign = foreign;
	if (slot)
		*slot = h;
	return (value){ .kind = V_PARTIAL, .part = h };
}

static value eval_let_binding(ectx *c, binding *b)
{
	if (b->eval_state == 2)
		return *b->val;
	if (b->eval_state == 1)
		return verr();	/* cannot happen: names are visible below only */
	b->eval_state = 1;
	value v = eval(c, NULL, b->d->value);
	if (v.kind == V_NODE && !b->is_stdlib && !v.node->let_name)
		v.node->let_name = b->name;
	value *memo = arena_alloc(c->p->a, sizeof *memo);
	*memo = v;
	b->val = memo;
	b->eval_state = 2;
	return v;
}

static value eval_name(ectx *c, env *en, expr *e)
{
	binding *b = e->bind;
	if (!b)
		return verr();
	switch (b->kind) {
	case B_PARAM:
	case B_LOCAL:
		for (; en; en = en->up)
			if (en->b == b)
				return en->v;
		return verr();
	case B_LET:
		return eval_let_binding(c, b);
	case B_KEY:
		return (value){ .kind = V_KEY, .key = b->key };
	case B_COMPONENT:
		return head_value(c, b->comp, NULL);
	}
	return verr();
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

static value eval_match(ectx *c, env *en, expr *e)
{
	if (e->bind && e->bind->key)
		e->bind->key->fixed = true;
	for (int i = 0; i < e->arms.len; i++) {
		match_arm *arm = e->arms.v[i];
		if (arm_matches(c, e, arm))
			return eval(c, en, arm->body);
	}
	return verr();	/* non-exhaustive: the checker reported it */
}

static value eval_closure(ectx *c, env *en, expr *e)
{
	closure *f = arena_alloc(c->p->a, sizeof *f);
	f->fun = e;
	f->env = en;
	return (value){ .kind = V_CLOSURE, .clo = f };
}

static value eval(ectx *c, env *en, expr *e)
{
	sloc saved = c->user_at;
	if (in_user_file(c, e->at))
		c->user_at = e->at;
	if (++c->depth > 10000) {
		c->depth--;
		return verr();
	}
	value v = verr();
	switch (e->kind) {
	case E_NAME: v = eval_name(c, en, e); break;
	case E_INT: v = (value){ .kind = V_INT, .i = e->i }; break;
	case E_STRING: v = (value){ .kind = V_STRING, .s = e->s }; break;
	case E_BOOL: v = (value){ .kind = V_BOOL, .b = e->b }; break;
	case E_APP: {
		value f = eval(c, en, e->fn);
		value a = eval(c, en, e->arg);
		v = apply(c, f, a);
		break;
	}
	case E_FOREIGN: v = head_value(c, NULL, e); break;
	case E_MATCH: v = eval_match(c, en, e); break;
	case E_FUN: v = eval_closure(c, en, e); break;
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

/* The labels given so far: open addressing over (hash, node index), the
 * label read from the node; sized once for every node (each node adds
 * one label), in malloc'd memory freed when labelling ends. */
typedef struct label_slot {
	uint32_t h;
	int node;		/* index in graph.nodes + 1; 0: empty */
} label_slot;

typedef struct label_set {
	const graph *g;
	label_slot *slots;
	size_t mask;
	int *next;		/* per node index: the next suffix to try when
				   its label is a base name again */
} label_set;

/* The slot of name: its entry, or the empty slot where it would go. */
static label_slot *label_slot_of(label_set *ls, const char *name, uint32_t h)
{
	for (size_t i = h & ls->mask;; i = (i + 1) & ls->mask) {
		label_slot *s = &ls->slots[i];
		if (!s->node)
			return s;
		const gnode *n = ls->g->nodes.v[s->node - 1];
		if (s->h == h && !strcmp(n->label, name))
			return s;
	}
}

static void label_take(label_set *ls, label_slot *s, int i, const char *name,
		       uint32_t h)
{
	gnode *n = ls->g->nodes.v[i];
	n->label = name;
	*s = (label_slot){ h, i + 1 };
	ls->next[i] = 2;
}

/* Labels are C identifiers unique in the graph: the config's own name for
 * the device when it has one, else the component or symbol name, with a
 * numeric suffix on a clash. */
static void assign_labels(graph *g)
{
	size_t cap = 16;
	while (cap < 2 * (size_t)g->nodes.len + 1)
		cap *= 2;
	label_set ls = { g, xcheck(calloc(cap, sizeof(label_slot))), cap - 1,
			 xcheck(malloc(sizeof(int) * ((size_t)g->nodes.len + 1))) };
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		const char *base = n->let_name ? n->let_name :
				   n->comp ? n->comp->name : n->foreign->s;
		uint32_t h = name_hash(base);
		label_slot *b = label_slot_of(&ls, base, h);
		if (!b->node) {
			label_take(&ls, b, i, base, h);
			continue;
		}
		/* Resume after the last suffix given to this base, so n nodes
		 * of one component cost O(n), not O(n^2).  Candidates are
		 * built in a scratch buffer; only the one taken is copied
		 * into the arena. */
		int *next = &ls.next[b->node - 1];
		char small[128];
		size_t len = strlen(base) + 16;	/* "_", an int, NUL */
		char *buf = len <= sizeof small ? small : xcheck(malloc(len));
		label_slot *e;
		do {
			snprintf(buf, len, "%s_%d", base, (*next)++);
			h = name_hash(buf);
			e = label_slot_of(&ls, buf, h);
		} while (e->node);
		label_take(&ls, e, i, arena_strdup(g->p->a, buf), h);
		if (buf != small)
			free(buf);
	}
	free(ls.slots);
	free(ls.next);
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

/* Evaluation's own tables: the graph outlives them. */
static void ectx_free(ectx *c)
{
	free(c->index);
	free(c->heads);
	free(c->argv);
	free(c->gargv);
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
	c.heads = xcheck(calloc((size_t)p->components.len + 1, sizeof *c.heads));
	int errors = p->dl->errors;
	ptrvec roots = { 0 };
	for (int i = 0; i < p->reg->jobs.len; i++) {
		value v = eval(&c, NULL, p->reg->jobs.v[i]);
		if (v.kind == V_NODE)
			ptrvec_push(p->a, &roots, v.node);
	}
	ectx_free(&c);
	if (p->dl->errors > errors)
		return NULL;
	/* Every node reachable from a job is listed once: size the list for
	 * all of them rather than let it grow by doubling in the arena. */
	g->nodes.cap = g->next_uid ? g->next_uid : 1;
	g->nodes.v = arena_alloc(p->a, sizeof(void *) * (size_t)g->nodes.cap);
	char *state = calloc((size_t)g->next_uid + 1, 1);
	for (int i = 0; i < roots.len; i++) {
		gnode *n = roots.v[i];
		if (!state[n->uid])
			ptrvec_push(p->a, &g->jobs, n);
		visit(g, n, state);
	}
	free(state);
	assign_labels(g);
	collect_keys(g);
	return g;
}

const char *gnode_ctype(const gnode *n)
{
	const ty *r = ty_result(n->ty);
	return r->kind == TY_DEVICE ? r->dev->ctype : "int";
}
