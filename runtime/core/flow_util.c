/* core/flow_util.c - string and formatted writes on any flow.
 *
 * A formatted message goes out in one write call, so a console line is
 * never interleaved with another job's output: short messages are
 * formatted on the stack, longer ones in a buffer of the exact size. */
#include <stdarg.h>
#include "mcc/flow.h"
#include "mcc/console.h"
#include "mcc/fmt.h"
#include "mcc/platform.h"
#include "core/mem.h"

long mcc_flow_puts(mcc_flow *f, const char *s)
{
	if (!f || !s)
		return -MCC_EINVAL;
	return f->write(f, s, mcc_strlen(s));
}

static long flow_vprintf(mcc_flow *f, const char *fmt, va_list ap)
{
	if (!f || !fmt)
		return -MCC_EINVAL;
	char small[512];
	va_list ap2;
	va_copy(ap2, ap);
	int n = mcc_vsnprintf(small, sizeof small, fmt, ap);
	long rc;
	if (n < (int)sizeof small) {
		rc = f->write(f, small, (size_t)n);
	} else {
		size_t size = (size_t)n + 1;
		char *big = mcc_plat_alloc(size);
		if (!big) {
			va_end(ap2);
			return -MCC_ENOMEM;
		}
		mcc_vsnprintf(big, size, fmt, ap2);
		rc = f->write(f, big, (size_t)n);
		mcc_plat_free(big, size);
	}
	va_end(ap2);
	return rc;
}

long mcc_flow_printf(mcc_flow *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	long rc = flow_vprintf(f, fmt, ap);
	va_end(ap);
	return rc;
}

long mcc_console_printf(mcc_console *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	long rc = flow_vprintf(c ? &c->flow : NULL, fmt, ap);
	va_end(ap);
	return rc;
}
