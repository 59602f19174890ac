/* x86_ctx.c - prepare a new context so that the first mcc_ctx_switch to
 * it "returns" into the trampoline with entry/arg in r12/r13. */
#include "mcc/platform.h"

void mcc_x86_ctx_trampoline(void);

void mcc_ctx_make(mcc_ctx *c, void *stack, size_t size,
		  void (*entry)(void *), void *arg)
{
	uintptr_t top = ((uintptr_t)stack + size) & ~(uintptr_t)15;
	/* Popped by mcc_ctx_switch: r15 r14 r13 r12 rbx rbp, then ret.
	 * After ret rsp = top - 16: aligned as the call there expects. */
	uintptr_t *sp = (uintptr_t *)(top - 16 - 7 * sizeof(uintptr_t));
	sp[0] = 0;                      /* r15 */
	sp[1] = 0;                      /* r14 */
	sp[2] = (uintptr_t)arg;         /* r13 */
	sp[3] = (uintptr_t)entry;       /* r12 */
	sp[4] = 0;                      /* rbx */
	sp[5] = 0;                      /* rbp */
	sp[6] = (uintptr_t)mcc_x86_ctx_trampoline;
	c->sp = sp;
}
