/* assert.h - a failed assertion prints where and stops the domain. */
#ifndef MCC_LIBC_ASSERT_H
#define MCC_LIBC_ASSERT_H

_Noreturn void mcc_libc_assert_fail(const char *expr, const char *file, int line);

#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : mcc_libc_assert_fail(#e, __FILE__, __LINE__))
#endif

#endif
