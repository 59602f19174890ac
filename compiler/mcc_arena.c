/* mcc_arena.c - see mcc_arena.h. */
#include "mcc_arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)
/* Every object the compiler allocates holds pointers, integers or chars:
 * 8-byte alignment serves them all and wastes half as much as 16. */
#define ARENA_ALIGN 8

struct arena_block {
	arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

void arena_init(arena *a)
{
	a->head = NULL;
	a->used_total = 0;
}

void arena_free(arena *a)
{
	arena_block *b = a->head;
	while (b) {
		arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

void *arena_alloc_raw(arena *a, size_t size)
{
	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	arena_block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		b = malloc(sizeof *b + cap);
		if (!b) {
			fputs("mcc: out of memory\n", stderr);
			exit(2);
		}
		b->size = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	a->used_total += size;
	return p;
}

void *arena_alloc(arena *a, size_t size)
{
	void *p = arena_alloc_raw(a, size);
	memset(p, 0, size);
	return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_raw(a, n + 1);	/* every byte is written below */
	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char probe[1];
	int n = vsnprintf(probe, sizeof probe, fmt, ap2);
	va_end(ap2);
	char *p = arena_alloc_raw(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void ptrvec_push(arena *a, ptrvec *pv, void *p)
{
	if (pv->len == pv->cap) {
		int cap = pv->cap ? pv->cap * 2 : 4;
		void **v = arena_alloc(a, sizeof *v * (size_t)cap);
		if (pv->len)
			memcpy(v, pv->v, sizeof *v * (size_t)pv->len);
		pv->v = v;
		pv->cap = cap;
	}
	pv->v[pv->len++] = p;
}
