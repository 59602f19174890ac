/* compiler_fuzz.c - libFuzzer target for the compiler front end: the input
 * is a config.mcfg; it is parsed, type-checked, evaluated for every target
 * (and once more with -k net=direct), described and its diagnostics
 * rendered in all three formats.
 *
 * The stdlib text is read once.  It is parsed and checked again on every
 * run because a config mutates the program (a `let' may shadow a stdlib
 * name, evaluation memoises bindings), and the program lives in the run's
 * arena, which dies at the end of the run.
 *
 * The stdlib directory: $MCC_STDLIB, else MCC_FUZZ_STDLIB (set at build
 * time by tests/fuzz/run.sh). */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "parse.h"

#ifndef MCC_FUZZ_STDLIB
#define MCC_FUZZ_STDLIB "stdlib"
#endif

typedef struct stdlib_file {
	char *path;
	char *text;
	size_t len;
} stdlib_file;

static stdlib_file *stdlib_files;
static int nstdlib;
static FILE *devnull;

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	size_t k;
	while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap) {
			char *nb = realloc(buf, cap *= 2);
			if (!nb)
				free(buf);
			buf = nb;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static void load_stdlib_text(void)
{
	const char *dir = getenv("MCC_STDLIB");
	if (!dir || !*dir)
		dir = MCC_FUZZ_STDLIB;
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "compiler_fuzz: cannot open stdlib `%s'\n", dir);
		abort();
	}
	char *names[64];
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < 64) {
		size_t k = strlen(e->d_name);
		if (k > 5 && !strcmp(e->d_name + k - 5, ".mcfg"))
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], cmp_names);
	stdlib_files = calloc((size_t)n, sizeof *stdlib_files);
	for (int i = 0; i < n; i++) {
		stdlib_file *f = &stdlib_files[i];
		size_t plen = strlen(dir) + strlen(names[i]) + 2;
		char *full = malloc(plen);
		snprintf(full, plen, "%s/%s", dir, names[i]);
		f->text = read_all(full, &f->len);
		if (!f->text) {
			fprintf(stderr, "compiler_fuzz: cannot read `%s'\n", full);
			abort();
		}
		f->path = full;
		free(names[i]);
	}
	nstdlib = n;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	load_stdlib_text();
	devnull = fopen("/dev/null", "w");
	if (!devnull)
		abort();
	return 0;
}

static void describe_all(graph *g)
{
	describe_text(g, devnull);
	describe_dot(g, devnull);
	for (int i = 0; i < g->nodes.len; i++)
		(void)gnode_ctype(g->nodes.v[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	arena a;
	src_set src = { 0 };
	diag_list dl;
	program p;
	arena_init(&a);
	diag_init(&dl, &a, &src);
	prog_init(&p, &a, &dl, &src);
	for (int i = 0; i < nstdlib; i++) {
		int id = src_add(&a, &src, stdlib_files[i].path, stdlib_files[i].text,
				 stdlib_files[i].len, true);
		check_file(&p, parse_file(&a, &dl, id));
	}
	int id = src_add(&a, &src, "config.mcfg", (const char *)data, size, false);
	check_file(&p, parse_file(&a, &dl, id));
	check_finish(&p);
	if (!dl.errors) {
		for (int t = 0; t < T_COUNT; t++) {
			graph *g = eval_program(&p, (target)t);
			if (g)
				describe_all(g);
		}
		if (prog_set_key(&p, "net=direct")) {
			graph *g = eval_program(&p, T_UNIX);
			if (g)
				describe_all(g);
		}
	}
	diag_render_text(&dl, devnull, 1);
	diag_render_json(&dl, devnull);
	diag_render_sarif(&dl, devnull, "fuzz");
	prog_free(&p);
	arena_free(&a);
	return 0;
}
