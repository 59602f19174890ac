/* mcc_arena.h - bump allocation for compiler data.  Everything the
 * compiler builds (AST, types, graph, diagnostics) lives in one arena and
 * dies with it, so no pass frees individual objects. */
#ifndef MCC_ARENA_H
#define MCC_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
	size_t used_total;	/* bytes handed out, for the memory bench */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);
/* Zeroed, 8-byte aligned memory; aborts on out-of-memory (a compiler
 * that cannot allocate cannot report anything useful). */
void *arena_alloc(arena *a, size_t size);
/* The same, not cleared: for a buffer filled at once (a file's text). */
void *arena_alloc_raw(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(arena *a, const char *fmt, va_list ap);

/* A growable array of pointers backed by the arena (old storage is simply
 * abandoned when it grows: the arena frees it all at the end). */
typedef struct ptrvec {
	void **v;
	int len, cap;
} ptrvec;
void ptrvec_push(arena *a, ptrvec *pv, void *p);

#endif
