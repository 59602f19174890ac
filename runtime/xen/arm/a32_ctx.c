/* a32_ctx.c - a fresh context's first switch pops entry/arg into r4/r5
 * and "returns" into the trampoline. */
#include "mcc/platform.h"

void mcc_a32_ctx_trampoline(void);

void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg)
{
	uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)7;
	/* d8-d15 (16 words), then r4-r12 (9 words) and lr. */
	uint32_t *f = (uint32_t *)(top - 26 * 4);
	for (int i = 0; i < 26; i++)
		f[i] = 0;
	f[16] = (uintptr_t)entry;                /* r4 */
	f[17] = (uintptr_t)arg;                  /* r5 */
	f[25] = (uintptr_t)mcc_a32_ctx_trampoline; /* lr -> pc */
	c->sp = f;
}
