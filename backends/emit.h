/* emit.h - writing generated files: a line-counting writer (so #line
 * directives can hand the C compiler back to main.c), the glue (main.c)
 * shared by every target, and the lists of sources a graph needs. */
#ifndef EMIT_H
#define EMIT_H

#include <stdio.h>
#include "mcc.h"

typedef struct emitter {
	FILE *f;
	const char *name;	/* the file's name, for #line back to it */
	int line;		/* line the next character goes on */
} emitter;

void emit(emitter *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "#line N "config.mcfg"" for a config location... */
void emit_line_to(emitter *e, mcc_session *s, loc at);
/* ...and back to the generated file itself. */
void emit_line_back(emitter *e);
/* A C string literal for s. */
void emit_cstring(emitter *e, const char *s);

/* Writes outdir/main.c for g (the same glue on every target; the
 * implementation headers and prefixes differ). */
int emit_glue(mcc_session *s, graph *g);
/* Writes outdir/crunch_LABEL.c for each crunch node. */
int emit_crunch_all(mcc_session *s, graph *g);

/* Creates outdir (and parents). */
bool emit_mkdirs(mcc_session *s, const char *dir);
/* Opens outdir/name for writing; reports and returns NULL on failure. */
FILE *emit_open(mcc_session *s, const char *name);
/* Replace outdir/name only if the contents changed, so make does not
 * rebuild what did not change. */
int emit_close(mcc_session *s, FILE *f, const char *name);

/* Runtime sources (relative to the runtime dir), unique, in first-use
 * order: the platform's, then each implementation's. */
void mcc_runtime_sources(mcc_session *s, graph *g, ptrvec *out);
/* Application sources (paths as usable from the cwd). */
void mcc_app_sources(mcc_session *s, graph *g, ptrvec *out);
/* Generated C files besides main.c (crunch data), names in outdir. */
void mcc_glue_sources(mcc_session *s, graph *g, ptrvec *out);
/* Absolute path of p (relative to the cwd). */
const char *emit_abspath(mcc_session *s, const char *p);

#endif
