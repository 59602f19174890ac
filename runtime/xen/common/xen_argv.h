/* xen_argv.h - the Xen command line as argv. */
#ifndef MCC_XEN_ARGV_H
#define MCC_XEN_ARGV_H

#include <stddef.h>
#include <stdbool.h>

#define MCC_XEN_ARGV_MAX 64

typedef struct mcc_xen_args {
	int argc;
	char *argv[MCC_XEN_ARGV_MAX + 1];  /* NULL-terminated */
	char buf[1024 + MCC_XEN_ARGV_MAX * 2];
	bool boot_stats;                   /* --mcc-boot-stats was given */
} mcc_xen_args;

/* Split cmdline into a->argv, argv[0] = argv0.  Words are separated by
 * blanks; "..." groups, backslash escapes the next character.  A word
 * "name=value" without leading dashes becomes "--name=value" (Xen users
 * write extra="port=8080").  --mcc-* words are the platform's and are
 * taken out.  Returns 0, or -MCC_E2BIG-like -MCC_ENOSPC when the line has
 * too many words or bytes (nothing is truncated silently). */
int mcc_xen_args_split(mcc_xen_args *a, const char *argv0, const char *cmdline);

#endif
