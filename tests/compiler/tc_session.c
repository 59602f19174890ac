/* tc_session.c - see tc_session.h. */
#include "tc_session.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef MCC_TEST_STDLIB
#define MCC_TEST_STDLIB "stdlib"
#endif

const char *tc_stdlib_dir(void)
{
	const char *env = getenv("MCC_STDLIB");
	return env && *env ? env : MCC_TEST_STDLIB;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The same order as the driver: every *.mcfg sorted by name. */
static bool load_stdlib(tc *t)
{
	const char *dir = tc_stdlib_dir();
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "tc: cannot open stdlib `%s': %s\n", dir, strerror(errno));
		return false;
	}
	ptrvec names = { 0 };
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (n > 5 && !strcmp(e->d_name + n - 5, ".mcfg"))
			ptrvec_push(&t->a, &names, arena_strdup(&t->a, e->d_name));
	}
	closedir(d);
	if (names.len)
		qsort(names.v, (size_t)names.len, sizeof(void *), cmp_names);
	for (int i = 0; i < names.len; i++) {
		const char *full = arena_printf(&t->a, "%s/%s", dir, (char *)names.v[i]);
		int id = src_load(&t->a, &t->src, full, true);
		if (id < 0) {
			fprintf(stderr, "tc: cannot read `%s': %s\n", full, strerror(errno));
			return false;
		}
		check_file(&t->prog, parse_file(&t->a, &t->dl, id));
	}
	if (names.len == 0 || t->dl.errors) {
		fprintf(stderr, "tc: stdlib `%s' is empty or has errors\n", dir);
		tc_dump(t);
		return false;
	}
	return true;
}

bool tc_open(tc *t)
{
	memset(t, 0, sizeof *t);
	arena_init(&t->a);
	diag_init(&t->dl, &t->a, &t->src);
	prog_init(&t->prog, &t->a, &t->dl, &t->src);
	t->file = -1;
	return load_stdlib(t);
}

int tc_config(tc *t, const char *text)
{
	t->file = src_add(&t->a, &t->src, "config.mcfg", text, strlen(text), false);
	t->ast = parse_file(&t->a, &t->dl, t->file);
	check_file(&t->prog, t->ast);
	check_finish(&t->prog);
	return t->dl.errors;
}

bool tc_key(tc *t, const char *assign)
{
	return prog_set_key(&t->prog, assign);
}

graph *tc_eval(tc *t, target tgt)
{
	return eval_program(&t->prog, tgt);
}

void tc_close(tc *t)
{
	prog_free(&t->prog);
	arena_free(&t->a);
}

diag *tc_diag(const tc *t, diag_code code, int n)
{
	for (int i = 0; i < t->dl.items.len; i++) {
		diag *d = t->dl.items.v[i];
		if (d->code == code && n-- == 0)
			return d;
	}
	return NULL;
}

int tc_count(const tc *t, diag_code code)
{
	int n = 0;
	for (int i = 0; i < t->dl.items.len; i++)
		n += ((diag *)t->dl.items.v[i])->code == code;
	return n;
}

bool tc_note_has(const diag *d, const char *text)
{
	for (int i = 0; i < d->notes.len; i++)
		if (strstr(((diag *)d->notes.v[i])->msg, text))
			return true;
	return false;
}

void tc_dump(const tc *t)
{
	diag_render_text(&t->dl, stderr, 0);
}

static const char *head_name(const gnode *n)
{
	return n->comp ? n->comp->name : n->foreign->s;
}

gnode *tc_node(const graph *g, const char *label)
{
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!strcmp(n->label, label))
			return n;
	}
	return NULL;
}

gnode *tc_node_of(const graph *g, const char *head)
{
	for (int i = 0; i < g->nodes.len; i++) {
		gnode *n = g->nodes.v[i];
		if (!strcmp(head_name(n), head))
			return n;
	}
	return NULL;
}

int tc_nodes_of(const graph *g, const char *head)
{
	int k = 0;
	for (int i = 0; i < g->nodes.len; i++)
		k += !strcmp(head_name(g->nodes.v[i]), head);
	return k;
}
