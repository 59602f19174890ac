/* xen_argv.c - split the command line into words. */
#include "xen/common/xen_argv.h"
#include "mcc/error.h"

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static bool starts_with(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return false;
	return true;
}

static bool has_eq(const char *s)
{
	for (; *s; s++)
		if (*s == '=')
			return true;
	return false;
}

int mcc_xen_args_split(mcc_xen_args *a, const char *argv0, const char *cmdline)
{
	size_t cap = sizeof(a->buf), n = 0;
	a->argc = 0;
	a->boot_stats = false;
	/* argv[0] */
	a->argv[a->argc++] = a->buf;
	for (const char *p = argv0; *p; p++) {
		if (n + 1 >= cap)
			return -MCC_ENOSPC;
		a->buf[n++] = *p;
	}
	a->buf[n++] = 0;
	const char *p = cmdline ? cmdline : "";
	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		if (a->argc >= MCC_XEN_ARGV_MAX)
			return -MCC_ENOSPC;
		/* Reserve room for a "--" prefix decided once the word is read. */
		if (n + 2 >= cap)
			return -MCC_ENOSPC;
		size_t start = n + 2;
		n = start;
		bool quoted = false;
		while (*p && (quoted || !is_blank(*p))) {
			char c = *p++;
			if (c == '"') {
				quoted = !quoted;
				continue;
			}
			if (c == '\\' && *p)
				c = *p++;
			if (n + 1 >= cap)
				return -MCC_ENOSPC;
			a->buf[n++] = c;
		}
		a->buf[n++] = 0;
		char *w = a->buf + start;
		if (w[0] != '-' && has_eq(w)) {
			w -= 2;
			w[0] = '-';
			w[1] = '-';
		}
		if (starts_with(w, "--mcc-boot-stats")) {
			a->boot_stats = true;
			continue;
		}
		a->argv[a->argc++] = w;
	}
	a->argv[a->argc] = NULL;
	return 0;
}
