/* mcc/fmt.h - formatted output without libc (the only printf on Xen).
 *
 * Conversions: d i u x X o c s p % and f F e E g G (floating point is
 * "lite": at most 16 significant digits are exact, the rest print as 0);
 * flags - 0 + space #; width and precision (also as *); length
 * modifiers hh h l ll z j t (L is accepted and reads a double).
 * An unknown conversion (including %n) is copied to the output as is. */
#ifndef MCC_FMT_H
#define MCC_FMT_H

#include <stddef.h>
#include <stdarg.h>

/* Like C99 vsnprintf: writes at most size bytes including the NUL and
 * returns the length the whole output would have (excluding the NUL). */
int mcc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int mcc_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
