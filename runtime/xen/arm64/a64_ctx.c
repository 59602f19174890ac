/* a64_ctx.c - a fresh context's first switch "returns" (x30) into the
 * trampoline with entry/arg in x19/x20. */
#include "mcc/platform.h"

void mcc_a64_ctx_trampoline(void);

void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg)
{
	uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)15;
	uint64_t *f = (uint64_t *)(top - 160);
	for (int i = 0; i < 20; i++)
		f[i] = 0;
	f[0] = (uintptr_t)entry;                 /* x19 */
	f[1] = (uintptr_t)arg;                   /* x20 */
	f[11] = (uintptr_t)mcc_a64_ctx_trampoline; /* x30 */
	c->sp = f;
}
