/* core/glue.c - messages the generated main.c prints when a device fails
 * to connect or a job fails. */
#include "mcc/glue.h"
#include "mcc/platform.h"
#include "mcc/fmt.h"

static void glue_say(const char *buf, int n, size_t cap)
{
	if (n > 0)
		mcc_plat_errlog(buf, (size_t)n < cap ? (size_t)n : cap - 1);
}

/* The unikernel then exits with status 1, like a configuration error in
 * a conventional program: the caller returns what this returns. */
int mcc_glue_connect_failed(const char *name, const char *loc, int err)
{
	char buf[512];
	int n = mcc_snprintf(buf, sizeof buf, "mcc: cannot connect %s (%s): %s\n",
			     name ? name : "?", loc ? loc : "?", mcc_strerror(err));
	glue_say(buf, n, sizeof buf);
	return 1;
}

void mcc_glue_job_failed(const char *name, int status)
{
	char buf[512];
	int n;
	if (status < 0 && status > -MCC_E_LAST)
		n = mcc_snprintf(buf, sizeof buf, "mcc: job %s failed: %s (status %d)\n",
				 name ? name : "?", mcc_strerror(status), status);
	else
		n = mcc_snprintf(buf, sizeof buf, "mcc: job %s failed with status %d\n",
				 name ? name : "?", status);
	glue_say(buf, n, sizeof buf);
}
