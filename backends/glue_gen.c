/* glue_gen.c - main.c: static device instances, the connect sequence in
 * dependency order (each call carries a #line to the config line that
 * created the device), the application jobs and mcc_unikernel_main. */
#include "config.h"

#include <string.h>
#include "emit.h"

static const char *key_type_enum(const keyinfo *k)
{
	return k->ty->kind == TY_INT ? "MCC_KEY_INT" :
	       k->ty->kind == TY_BOOL ? "MCC_KEY_BOOL" : "MCC_KEY_STRING";
}

static int key_index(const graph *g, const keyinfo *k)
{
	for (int i = 0; i < g->keys.len; i++)
		if (g->keys.v[i] == k)
			return i;
	return -1;
}

static void emit_keys(emitter *e, graph *g)
{
	emit(e, "/* Keys: the configure-time values; boot arguments override "
	     "those marked runtime. */\n");
	emit(e, "static mcc_key mcc_keys[] = {\n");
	for (int i = 0; i < g->keys.len; i++) {
		const keyinfo *k = g->keys.v[i];
		emit(e, "\t{ .name = \"%s\", .type = %s, .doc = ", k->name,
		     key_type_enum(k));
		emit_cstring(e, k->doc);
		emit(e, ",\n\t  .default_text = ");
		if (k->ty->kind == TY_INT)
			emit(e, "\"%lld\"", k->i);
		else if (k->ty->kind == TY_BOOL)
			emit(e, "\"%s\"", k->b ? "true" : "false");
		else
			emit_cstring(e, k->s);
		emit(e, ", .runtime = %s },\n", k->fixed ? "false" : "true");
	}
	if (!g->keys.len)
		emit(e, "\t{ .name = 0 },\t/* none; C has no empty arrays */\n");
	emit(e, "};\nenum { MCC_NKEYS = %d };\n\n", g->keys.len);
}

/* A C expression for an argument, cast to the parameter's type. */
static void emit_arg(emitter *e, graph *g, const garg *a)
{
	switch (a->kind) {
	case GA_NODE:
		emit(e, "(%s *)&dev_%s", a->ty->dev->ctype, a->node->label);
		break;
	case GA_INT:
		emit(e, "%lld", a->i);
		break;
	case GA_BOOL:
		emit(e, "%s", a->b ? "true" : "false");
		break;
	case GA_STRING:
		emit_cstring(e, a->s);
		break;
	case GA_KEY: {
		int k = key_index(g, a->key);
		if (a->key->ty->kind == TY_INT)
			emit(e, "(int)mcc_keys[%d].i", k);
		else if (a->key->ty->kind == TY_BOOL)
			emit(e, "mcc_keys[%d].b", k);
		else
			emit(e, "mcc_keys[%d].s", k);
		break;
	}
	}
}

static const char *c_param_type(arena *a, const ty *t)
{
	switch (t->kind) {
	case TY_INT: return "int";
	case TY_BOOL: return "bool";
	case TY_STRING: return "const char *";
	case TY_DEVICE: return arena_printf(a, "%s *", t->dev->ctype);
	default: return "void *";
	}
}

static void emit_prototypes(emitter *e, mcc_session *s, graph *g)
{
	emit(e, "/* The application. */\n");
	ptrvec seen = { 0 };
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!n->foreign)
			continue;
		bool dup = false;
		for (int j = 0; j < seen.len; j++)
			dup |= !strcmp(seen.v[j], n->foreign->s);
		if (dup)
			continue;
		ptrvec_push(&s->a, &seen, (void *)n->foreign->s);
		emit(e, "int %s(", n->foreign->s);
		const ty *t = n->ty;
		for (int k = 0; t->kind == TY_ARROW; t = t->to, k++)
			emit(e, "%s%s", k ? ", " : "", c_param_type(&s->a, t->from));
		emit(e, "%s);\n", n->nargs ? "" : "void");
	}
	emit(e, "\n");
}

static const char *loc_text(mcc_session *s, loc at)
{
	src_file *f = src_get(&s->src, at.file);
	return f ? arena_printf(&s->a, "%s:%d:%d", f->path, at.line, at.col) : "?";
}

/* A literal host path of a `hostpath' implementation is relative to the
 * config, so the unikernel finds its files from any working directory. */
static const char *host_path(mcc_session *s, const char *p)
{
	if (p[0] == '/')
		return p;
	return emit_abspath(s, arena_printf(&s->a, "%s/%s", s->o.config_dir, p));
}

static void emit_connect(emitter *e, mcc_session *s, graph *g)
{
	emit(e, "/* Connect every device once, dependencies first. */\n");
	emit(e, "static int mcc_connect_all(void)\n{\n\tint err;\n\n");
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!n->comp)
			continue;
		emit_line_to(e, s, src_loc(&s->src, n->at));
		emit(e, "\terr = %s_connect(&dev_%s", n->impl->prefix, n->label);
		for (int a = 0; a < n->nargs; a++) {
			if (n->impl->crunch && a == 0) {
				emit(e, ", mcc_crunch_%s, mcc_crunch_%s_count", n->label,
				     n->label);
				continue;
			}
			emit(e, ", ");
			if (n->impl->hostpath && n->args[a].kind == GA_STRING)
				emit_cstring(e, host_path(s, n->args[a].s));
			else
				emit_arg(e, g, &n->args[a]);
		}
		emit(e, ");\n");
		emit_line_back(e);
		emit(e, "\tif (err)\n\t\treturn mcc_glue_connect_failed(\"%s\", ", n->label);
		emit_cstring(e, loc_text(s, src_loc(&s->src, n->at)));
		emit(e, ", err);\n\n");
	}
	emit(e, "\treturn 0;\n}\n\n");
}

static void emit_jobs(emitter *e, mcc_session *s, graph *g)
{
	for (int i = 0; i < g->jobs.len; i++) {
		gnode *n = g->jobs.v[i];
		emit(e, "static int mcc_job_%s(void *arg)\n{\n\t(void)arg;\n", n->label);
		emit_line_to(e, s, src_loc(&s->src, n->at));
		if (n->foreign) {
			emit(e, "\treturn %s(", n->foreign->s);
			for (int a = 0; a < n->nargs; a++) {
				if (a)
					emit(e, ", ");
				emit_arg(e, g, &n->args[a]);
			}
			emit(e, ");\n");
		} else {
			emit(e, "\treturn %s_run(&dev_%s);\n", n->impl->prefix, n->label);
		}
		emit_line_back(e);
		emit(e, "}\n\n");
	}
	emit(e, "static const mcc_glue_job mcc_jobs[] = {\n");
	for (int i = 0; i < g->jobs.len; i++) {
		gnode *n = g->jobs.v[i];
		emit(e, "\t{ \"%s\", mcc_job_%s },\n", n->label, n->label);
	}
	emit(e, "};\n\n");
}

/* Every foreign needs C code; without any the link would fail far from
 * the cause. */
static bool have_app_sources(mcc_session *s, graph *g)
{
	ptrvec app = { 0 };
	mcc_app_sources(s, g, &app);
	if (app.len)
		return true;
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (n->foreign) {
			diag *d = diag_error(&s->dl, D_FOREIGN_SOURCES,
					     src_loc(&s->src, n->at),
					     "no C sources for foreign `%s': there is no .c "
					     "file beside the config", n->foreign->s);
			diag_note(&s->dl, d, loc_none, "add one, or list them with "
				  "`foreign \"%s\" TYPE sources [\"app.c\"]'", n->foreign->s);
			return false;
		}
	}
	return true;
}

int emit_glue(mcc_session *s, graph *g)
{
	if (!have_app_sources(s, g))
		return EXIT_CONFIG;
	FILE *f = emit_open(s, "main.c");
	if (!f)
		return EXIT_USAGE;
	emitter e = { f, "main.c", 1 };
	src_file *cfg = src_get(&s->src, s->prog.user_file);
	emit(&e, "/* main.c - glue of unikernel \"%s\" for %s.\n", g->name,
	     target_name(g->tgt));
	emit(&e, " * Generated by mcc %s from %s: edit the configuration, not "
	     "this file. */\n", PACKAGE_VERSION, cfg ? cfg->path : "?");
	emit(&e, "#include <stdbool.h>\n#include \"mcc/glue.h\"\n");
	/* One include per implementation header, in first-use order. */
	ptrvec hdrs = { 0 };
	bool crunch = false;
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!n->impl)
			continue;
		crunch |= n->impl->crunch;
		bool dup = false;
		for (int j = 0; j < hdrs.len; j++)
			dup |= !strcmp(hdrs.v[j], n->impl->header);
		if (!dup) {
			ptrvec_push(&s->a, &hdrs, (void *)n->impl->header);
			emit(&e, "#include \"%s\"\n", n->impl->header);
		}
	}
	if (crunch)
		emit(&e, "#include \"mcc/crunch.h\"\n");
	emit(&e, "\n");
	emit_keys(&e, g);
	emit(&e, "/* Devices, one instance each, in dependency order. */\n");
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (n->comp)
			emit(&e, "static %s dev_%s;\n", n->impl->prefix, n->label);
	}
	emit(&e, "\n");
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (n->impl && n->impl->crunch)
			emit(&e, "extern const mcc_crunch_file mcc_crunch_%s[];\n"
			     "extern const size_t mcc_crunch_%s_count;\n", n->label, n->label);
	}
	if (crunch)
		emit(&e, "\n");
	emit_prototypes(&e, s, g);
	emit_connect(&e, s, g);
	emit_jobs(&e, s, g);
	emit(&e, "int mcc_unikernel_main(int argc, char **argv)\n{\n");
	emit(&e, "\tint st = mcc_keys_parse(mcc_keys, MCC_NKEYS, argc, argv, \"%s\");\n",
	     g->name);
	emit(&e, "\tif (st)\n\t\treturn st == 1 ? 0 : st;\t/* --help, or a bad argument */\n");
	emit(&e, "\treturn mcc_glue_run(mcc_connect_all, mcc_jobs, %d);\n}\n",
	     g->jobs.len);
	return emit_close(s, f, "main.c");
}
