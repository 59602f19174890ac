/* query.c - `mcc query WHAT': facts about the configuration as text, one
 * per line, for scripts and build systems. */
#include <string.h>
#include "emit.h"

static void print_key_value(const keyinfo *k)
{
	if (k->ty->kind == TY_INT)
		printf("%lld", k->i);
	else if (k->ty->kind == TY_BOOL)
		printf("%s", k->b ? "true" : "false");
	else
		printf("%s", k->s);
}


int mcc_query(mcc_session *s, graph *g, const char *what)
{
	if (!strcmp(what, "keys")) {
		for (int i = 0; i < g->keys.len; i++) {
			const keyinfo *k = g->keys.v[i];
			printf("%s\t%s\t", k->name, ty_str(&s->a, k->ty));
			print_key_value(k);
			printf("\t%s\t%s\n", k->fixed ? "configure" : "boot",
			       k->doc);
		}
	} else if (!strcmp(what, "targets")) {
		for (int t = 0; t < T_COUNT; t++)
			printf("%s\n", target_name((target)t));
	} else if (!strcmp(what, "name")) {
		printf("%s\n", g->name);
	} else if (!strcmp(what, "devices")) {
		for (int i = 0; i < g->nodes.len; i++) {
			const gnode *n = g->nodes.v[i];
			printf("%s\t%s\t%s\n", n->label,
			       n->comp ? n->comp->name : n->foreign->s,
			       n->impl ? n->impl->prefix : "-");
		}
	} else if (!strcmp(what, "sources")) {
		ptrvec v = { 0 };
		mcc_runtime_sources(s, g, &v);
		for (int i = 0; i < v.len; i++)
			printf("%s/%s\n", s->o.runtime_dir, (char *)v.v[i]);
		ptrvec app = { 0 };
		mcc_app_sources(s, g, &app);
		for (int i = 0; i < app.len; i++)
			printf("%s\n", (char *)app.v[i]);
	} else if (!strcmp(what, "files")) {
		/* What configure writes. */
		printf("%s/main.c\n%s/Makefile\n", s->o.outdir, s->o.outdir);
		int ncrunch = 0;
		for (int i = 0; i < g->nodes.len; i++) {
			const gnode *n = g->nodes.v[i];
			if (n->impl && n->impl->crunch)
				printf("%s/crunch_%s.c\n", s->o.outdir, n->label), ncrunch++;
		}
		if (g->tgt != T_UNIX)
			printf("%s/%s.xl\n%s/%s.xml\n", s->o.outdir, g->name, s->o.outdir,
			       g->name);
	} else {
		fprintf(stderr, "mcc: error: unknown query `%s' (expected keys, targets, "
			"sources, files, devices or name)\n", what);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}
