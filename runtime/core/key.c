/* core/key.c - boot-time key arguments (mcc/key.h).
 *
 * Every key first takes its configure-time default, then the arguments
 * override it in order.  Errors name the key and the type it expects,
 * and parsing stops at the first one: a unikernel must not boot with a
 * half-understood command line. */
#include <stdarg.h>
#include "mcc/key.h"
#include "mcc/platform.h"
#include "mcc/fmt.h"
#include "core/mem.h"

#define KEY_MAX_TOKENS 128
#define KEY_CMDLINE_MAX 4096

static void key_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void key_say(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	int n = mcc_vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	mcc_plat_errlog(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static const char *key_type_word(enum mcc_key_type t)
{
	return t == MCC_KEY_INT ? "INT" : t == MCC_KEY_BOOL ? "BOOL" : "STRING";
}

static const char *key_type_expect(enum mcc_key_type t)
{
	return t == MCC_KEY_INT ? "an integer" : t == MCC_KEY_BOOL ? "true or false" : "a string";
}

/* Decimal with an optional sign, nothing else; false on overflow. */
static bool key_parse_int(const char *s, long long *out)
{
	bool neg = *s == '-';
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	/* Accumulate negatively: LLONG_MIN has no positive counterpart. */
	const long long min = -0x7fffffffffffffffll - 1;
	long long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		int d = *s - '0';
		if (v < (min + d) / 10)
			return false;
		v = v * 10 - d;
	}
	if (!neg) {
		if (v == min)
			return false;
		v = -v;
	}
	*out = v;
	return true;
}

static bool key_parse_bool(const char *s, bool *out)
{
	if (mcc_strcmp(s, "true") == 0)
		*out = true;
	else if (mcc_strcmp(s, "false") == 0)
		*out = false;
	else
		return false;
	return true;
}

static bool key_store(mcc_key *k, const char *v)
{
	switch (k->type) {
	case MCC_KEY_INT:
		return key_parse_int(v, &k->i);
	case MCC_KEY_BOOL:
		return key_parse_bool(v, &k->b);
	default:
		k->s = v;
		return true;
	}
}

static int key_defaults(mcc_key *keys, int n, const char *uk)
{
	for (int i = 0; i < n; i++) {
		mcc_key *k = &keys[i];
		const char *d = k->default_text;
		k->s = NULL;
		k->i = 0;
		k->b = false;
		if (!d)
			d = k->type == MCC_KEY_STRING ? "" : k->type == MCC_KEY_INT ? "0" : "false";
		if (!key_store(k, d)) {
			key_say("%s: key %s has an invalid default '%s' (expected %s)\n",
				uk, k->name, d, key_type_expect(k->type));
			return 2;
		}
		if (k->type != MCC_KEY_STRING)
			k->s = d;   /* the text form, handy for logs */
	}
	return 0;
}

static mcc_key *key_find(mcc_key *keys, int n, const char *name, size_t len)
{
	for (int i = 0; i < n; i++)
		if (mcc_strncmp(keys[i].name, name, len) == 0 && keys[i].name[len] == '\0')
			return &keys[i];
	return NULL;
}

static void key_help(const mcc_key *keys, int n, const char *uk)
{
	int width = 12, fixed = 0;
	for (int i = 0; i < n; i++) {
		int w = (int)(mcc_strlen(keys[i].name) + mcc_strlen(key_type_word(keys[i].type))) + 5;
		if (w > width)
			width = w;
		fixed += !keys[i].runtime;
	}
	key_say("usage: %s [--KEY=VALUE]...\n\nkeys:\n", uk);
	for (int i = 0; i < n; i++) {
		const mcc_key *k = &keys[i];
		if (!k->runtime)
			continue;
		char left[256];
		mcc_snprintf(left, sizeof left, "--%s=%s", k->name, key_type_word(k->type));
		key_say("  %-*s %s (default: %s)\n", width, left, k->doc ? k->doc : "",
			k->default_text ? k->default_text : "");
	}
	key_say("  %-*s %s\n", width, "--help", "show this help and exit");
	if (!fixed)
		return;
	key_say("\nfixed at configure time (mcc -k NAME=VALUE):\n");
	for (int i = 0; i < n; i++) {
		const mcc_key *k = &keys[i];
		if (k->runtime)
			continue;
		char left[256];
		mcc_snprintf(left, sizeof left, "%s=%s", k->name,
			     k->default_text ? k->default_text : "");
		key_say("  %-*s %s\n", width, left, k->doc ? k->doc : "");
	}
}

/* bare_ok: also accept "name=value" without dashes (Xen command lines). */
static int key_parse_args(mcc_key *keys, int n, int argc, char **argv,
			  const char *uk, bool bare_ok)
{
	if (!uk)
		uk = "unikernel";
	int rc = key_defaults(keys, n, uk);
	if (rc)
		return rc;
	for (int i = 1; i < argc; i++)
		if (mcc_strcmp(argv[i], "--help") == 0 || mcc_strcmp(argv[i], "-h") == 0) {
			key_help(keys, n, uk);
			return 1;
		}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *name;
		if (a[0] == '-' && a[1] == '-')
			name = a + 2;
		else if (bare_ok && mcc_strchr(a, '=') && a[0] != '=')
			name = a;
		else {
			key_say("%s: unexpected argument '%s' (keys are given as --NAME=VALUE; see --help)\n",
				uk, a);
			return 2;
		}
		const char *eq = mcc_strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : mcc_strlen(name);
		mcc_key *k = key_find(keys, n, name, len);
		if (!k) {
			key_say("%s: unknown key --%.*s (see --help)\n", uk, (int)len, name);
			return 2;
		}
		if (!k->runtime) {
			key_say("%s: key %s is fixed at configure time (%s=%s); "
				"configure again with -k %s=VALUE to change it\n",
				uk, k->name, k->name, k->default_text ? k->default_text : "",
				k->name);
			return 2;
		}
		const char *v;
		if (eq) {
			v = eq + 1;
		} else if (k->type == MCC_KEY_BOOL) {
			/* "--flag" alone is true; "--flag false" is accepted too. */
			bool b;
			v = "true";
			if (i + 1 < argc && key_parse_bool(argv[i + 1], &b))
				v = argv[++i];
		} else if (i + 1 < argc) {
			v = argv[++i];
		} else {
			key_say("%s: --%s needs a value (%s)\n", uk, k->name,
				key_type_expect(k->type));
			return 2;
		}
		if (!key_store(k, v)) {
			key_say("%s: --%s expects %s, got '%s'\n", uk, k->name,
				key_type_expect(k->type), v);
			return 2;
		}
		if (k->type != MCC_KEY_STRING)
			k->s = v;
	}
	return 0;
}

int mcc_keys_parse(mcc_key *keys, int n, int argc, char **argv,
		   const char *unikernel_name)
{
	return key_parse_args(keys, n, argc, argv, unikernel_name, false);
}

/* The values of string keys point into this copy of the command line, so
 * it must outlive the call; boot parses the command line once. */
static char key_cmdline[KEY_CMDLINE_MAX];

int mcc_keys_parse_cmdline(mcc_key *keys, int n, const char *cmdline,
			   const char *unikernel_name)
{
	const char *uk = unikernel_name ? unikernel_name : "unikernel";
	char *argv[KEY_MAX_TOKENS + 1];
	int argc = 0;
	argv[argc++] = (char *)uk;
	if (!cmdline)
		cmdline = "";
	size_t len = mcc_strlen(cmdline);
	if (len >= sizeof key_cmdline) {
		key_say("%s: command line longer than %d bytes\n", uk, KEY_CMDLINE_MAX - 1);
		return 2;
	}
	/* Split on blanks in place; "..." groups blanks into one token. */
	char *w = key_cmdline;
	const char *p = cmdline;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (!*p)
			break;
		if (argc == KEY_MAX_TOKENS + 1) {
			key_say("%s: more than %d arguments on the command line\n", uk, KEY_MAX_TOKENS);
			return 2;
		}
		argv[argc++] = w;
		bool quoted = false;
		for (; *p && (quoted || (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')); p++) {
			if (*p == '"')
				quoted = !quoted;
			else
				*w++ = *p;
		}
		if (quoted) {
			key_say("%s: unterminated '\"' on the command line\n", uk);
			return 2;
		}
		*w++ = '\0';
	}
	return key_parse_args(keys, n, argc, argv, uk, true);
}
