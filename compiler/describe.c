/* describe.c - `mcc describe': the device graph as a text tree (each job
 * a root, dependencies below; a shared device is expanded once and named
 * again where it is reused) or as Graphviz. */
#include <stdlib.h>
#include <string.h>
#include "graph.h"

static const char *head_name(const gnode *n)
{
	return n->comp ? n->comp->name : n->foreign->s;
}

static void print_value_arg(const garg *a, FILE *out)
{
	switch (a->kind) {
	case GA_INT: fprintf(out, " %lld", a->i); break;
	case GA_BOOL: fprintf(out, " %s", a->b ? "true" : "false"); break;
	case GA_STRING: fprintf(out, " \"%s\"", a->s); break;
	case GA_KEY: fprintf(out, " %s", a->key->name); break;
	case GA_NODE: fprintf(out, " %s", a->node->label); break;
	}
}

static void print_loc(const graph *g, loc at, FILE *out)
{
	src_file *f = src_get(g->p->src, at.file);
	if (f)
		fprintf(out, "  (%s:%d:%d)", f->path, at.line, at.col);
}

static void node_line(const graph *g, const gnode *n, FILE *out)
{
	const ty *r = ty_result(n->ty);
	fprintf(out, "%s: %s = %s", n->label, ty_str(g->p->a, r), head_name(n));
	for (int i = 0; i < n->nargs; i++)
		print_value_arg(&n->args[i], out);
	if (n->impl)
		fprintf(out, "  [%s]", n->impl->prefix);
	print_loc(g, src_loc(g->p->src, n->at), out);
	fputc('\n', out);
}

static void tree(const graph *g, const gnode *n, char *prefix, size_t plen,
		 bool *shown, FILE *out)
{
	int ndev = 0;
	for (int i = 0; i < n->nargs; i++)
		ndev += n->args[i].kind == GA_NODE;
	int k = 0;
	for (int i = 0; i < n->nargs; i++) {
		const gnode *m = n->args[i].node;
		if (n->args[i].kind != GA_NODE)
			continue;
		bool last = ++k == ndev;
		fprintf(out, "%s%s", prefix, last ? "└── " : "├── ");
		if (shown[m->index]) {
			fprintf(out, "%s (shared, described above)\n", m->label);
			continue;
		}
		shown[m->index] = true;
		node_line(g, m, out);
		size_t add = strlen(last ? "    " : "│   ");
		memcpy(prefix + plen, last ? "    " : "│   ", add + 1);
		tree(g, m, prefix, plen + add, shown, out);
		prefix[plen] = 0;
	}
}

void describe_text(const graph *g, FILE *out)
{
	fprintf(out, "unikernel \"%s\" for %s\n", g->name, target_name(g->tgt));
	for (int i = 0; i < g->keys.len; i++) {
		const keyinfo *k = g->keys.v[i];
		fprintf(out, "key %s: %s = ", k->name, ty_str(g->p->a, k->ty));
		if (k->ty->kind == TY_INT)
			fprintf(out, "%lld", k->i);
		else if (k->ty->kind == TY_BOOL)
			fprintf(out, "%s", k->b ? "true" : "false");
		else
			fprintf(out, "\"%s\"", k->s);
		fprintf(out, "%s\n", k->fixed ? "  (configure time)" : "");
	}
	bool *shown = calloc((size_t)g->nodes.len + 1, sizeof *shown);
	/* Deep graphs are a few dozen levels at most; 4 bytes of UTF-8 per
	 * level, so size the prefix by the node count. */
	char *prefix = calloc((size_t)g->nodes.len * 8 + 8, 1);
	for (int i = 0; i < g->jobs.len; i++) {
		const gnode *j = g->jobs.v[i];
		fputs("job ", out);
		shown[j->index] = true;
		node_line(g, j, out);
		prefix[0] = 0;
		tree(g, j, prefix, 0, shown, out);
	}
	free(prefix);
	free(shown);
}

static void dot_escape(const char *s, FILE *out)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
}

void describe_dot(const graph *g, FILE *out)
{
	fprintf(out, "digraph \"");
	dot_escape(g->name, out);
	fprintf(out, "\" {\n  label=\"%s (%s)\";\n  rankdir=BT;\n  node [shape=box, "
		"fontname=\"monospace\"];\n", g->name, target_name(g->tgt));
	for (int i = 0; i < g->nodes.len; i++) {
		const gnode *n = g->nodes.v[i];
		fprintf(out, "  n%d [label=\"", n->index);
		dot_escape(n->label, out);
		fprintf(out, "\\n%s", ty_str(g->p->a, ty_result(n->ty)));
		if (n->impl) {
			fputs("\\n", out);
			dot_escape(n->impl->prefix, out);
		}
		fprintf(out, "\"%s];\n", n->is_job ? ", shape=ellipse, style=bold" : "");
	}
	for (int i = 0; i < g->keys.len; i++) {
		const keyinfo *k = g->keys.v[i];
		fprintf(out, "  key_%s [label=\"key %s\", shape=note];\n", k->name, k->name);
	}
	for (int i = 0; i < g->nodes.len; i++) {
		const gnode *n = g->nodes.v[i];
		for (int a = 0; a < n->nargs; a++) {
			if (n->args[a].kind == GA_NODE)
				fprintf(out, "  n%d -> n%d;\n", n->index, n->args[a].node->index);
			else if (n->args[a].kind == GA_KEY)
				fprintf(out, "  n%d -> key_%s [style=dashed];\n", n->index,
					n->args[a].key->name);
		}
	}
	fputs("}\n", out);
}
