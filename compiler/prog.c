/* prog.c - targets, keys on the command line, implementation lookup. */
#include "prog.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "suggest.h"

static const char *const target_names[T_COUNT] = {
	"unix", "xen-x86", "xen-arm", "xen-arm64"
};

const char *target_name(target t)
{
	return target_names[t];
}

bool target_parse(const char *s, target *t)
{
	for (int i = 0; i < T_COUNT; i++) {
		if (!strcmp(s, target_names[i])) {
			*t = (target)i;
			return true;
		}
	}
	return false;
}

bool target_is_xen(target t)
{
	return t != T_UNIX;
}

bool target_pat_valid(const char *pat)
{
	target t;
	return !strcmp(pat, "_") || !strcmp(pat, "xen") || target_parse(pat, &t);
}

bool target_pat_covers(const char *pat, target t)
{
	if (!strcmp(pat, "_"))
		return true;
	if (!strcmp(pat, "xen"))
		return target_is_xen(t);
	return !strcmp(pat, target_names[t]);
}

void prog_init(program *p, arena *a, diag_list *dl, src_set *src)
{
	memset(p, 0, sizeof *p);
	p->a = a;
	p->dl = dl;
	p->src = src;
	p->user_file = -1;
}

void prog_free(program *p)
{
	HASH_CLEAR(hh, p->ifaces);
	free(p->globals.slots);
	HASH_CLEAR(hh, p->keys);
}

bool is_c_ident(const char *s)
{
	if (!*s || !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

impl_decl *component_impl(const component *c, target t)
{
	for (int i = 0; i < c->d->impls.len; i++) {
		impl_decl *im = c->d->impls.v[i];
		for (int j = 0; j < im->targets.len; j++) {
			pattern *pat = im->targets.v[j];
			if (target_pat_covers(pat->s, t))
				return im;
		}
	}
	return NULL;
}

void prog_platform_impls(const program *p, target t, ptrvec *out)
{
	for (int i = 0; i < p->platforms.len; i++) {
		decl *d = p->platforms.v[i];
		impl_decl *im = d->impls.v[0];
		for (int j = 0; j < im->targets.len; j++) {
			pattern *pat = im->targets.v[j];
			if (target_pat_covers(pat->s, t)) {
				ptrvec_push(p->a, out, im);
				break;
			}
		}
	}
}

/* Parses text as a value of the key's type into k.  Integers are strict:
 * decimal, optional sign, no trailing junk, within int. */
static bool parse_value(keyinfo *k, const char *text, arena *a)
{
	switch (k->ty->kind) {
	case TY_INT: {
		char *end;
		errno = 0;
		long long v = strtoll(text, &end, 10);
		const char *d = text + (*text == '-' || *text == '+');
		if (*d < '0' || *d > '9' || *end || errno || v < INT_MIN || v > INT_MAX)
			return false;
		k->i = v;
		return true;
	}
	case TY_BOOL:
		if (!strcmp(text, "true"))
			k->b = true;
		else if (!strcmp(text, "false"))
			k->b = false;
		else
			return false;
		return true;
	case TY_STRING:
		k->s = arena_strdup(a, text);
		return true;
	default:
		return false;
	}
}

bool prog_set_key(program *p, const char *assign)
{
	const char *eq = strchr(assign, '=');
	if (!eq || eq == assign) {
		diag_error(p->dl, D_BAD_KEY_VALUE, loc_none,
			   "-k expects NAME=VALUE, not `%s'", assign);
		return false;
	}
	char *name = arena_strndup(p->a, assign, (size_t)(eq - assign));
	keyinfo *k;
	HASH_FIND_STR(p->keys, name, k);
	if (!k) {
		suggester s;
		suggest_init(&s, name);
		for (int i = 0; i < p->key_order.len; i++)
			suggest_add(&s, ((keyinfo *)p->key_order.v[i])->name);
		const char *best = suggest_best(&s);
		diag *d = diag_error(p->dl, D_UNKNOWN_KEY, loc_none,
				     "unknown key `%s'%s%s%s", name,
				     best ? "; did you mean `" : "", best ? best : "",
				     best ? "'?" : "");
		if (p->key_order.len)
			diag_note(p->dl, d, loc_none, "`mcc query keys' lists the keys");
		return false;
	}
	if (!parse_value(k, eq + 1, p->a)) {
		diag *d = diag_error(p->dl, D_BAD_KEY_VALUE, loc_none,
				     "key `%s' expects %s, not `%s'", name,
				     k->ty->kind == TY_INT ? "an int" :
				     k->ty->kind == TY_BOOL ? "true or false" : "a string",
				     eq + 1);
		diag_note(p->dl, d, at_of(p, k->d->at), "`%s' is declared here", name);
		return false;
	}
	k->from_cmdline = true;
	return true;
}
