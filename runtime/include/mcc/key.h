/* mcc/key.h - keys: typed parameters set at configure time (their default
 * here) and overridden at boot (--NAME=VALUE on Unix, the Xen command
 * line).  The glue defines the table; the runtime parses the arguments. */
#ifndef MCC_KEY_H
#define MCC_KEY_H

#include <stdbool.h>

enum mcc_key_type { MCC_KEY_STRING, MCC_KEY_INT, MCC_KEY_BOOL };

typedef struct mcc_key {
	const char *name;        /* "port" */
	enum mcc_key_type type;
	const char *doc;
	const char *default_text; /* configure-time value, as text */
	bool runtime;            /* false: fixed at configure time */
	/* The value in force, filled by mcc_keys_parse. */
	const char *s;
	long long i;
	bool b;
} mcc_key;

/* Parse "--name=value" / "--name value" arguments (argv[0] is skipped)
 * against keys[0..n).  Prints the error or the --help text to stderr /
 * the console and returns 2 for a bad argument, 1 after --help, else 0. */
int mcc_keys_parse(mcc_key *keys, int n, int argc, char **argv,
		   const char *unikernel_name);
/* Same, from one command-line string (Xen: "port=8080 --debug"). */
int mcc_keys_parse_cmdline(mcc_key *keys, int n, const char *cmdline,
			   const char *unikernel_name);

#endif
