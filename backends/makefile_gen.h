/* makefile_gen.h - the per-unikernel Makefile (see makefile_gen.c). */
#ifndef MAKEFILE_GEN_H
#define MAKEFILE_GEN_H

#include "mcc.h"

typedef struct mkgen_lists_t {
	ptrvec rt, app, glue;
} mkgen_lists_t;

/* Writes NAME, MCC_RUNTIME, APP_SRCS, GLUE_SRCS, RT_SRCS, MCC_LIBS. */
void mkgen_lists(mcc_session *s, graph *g, FILE *f, mkgen_lists_t *l);
int mkgen_unix(mcc_session *s, graph *g);
int mkgen_xen(mcc_session *s, graph *g);

#endif
