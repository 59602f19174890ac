/* ty.c - see ty.h. */
#include "ty.h"

#include <string.h>

ty ty_error = { TY_ERROR, 0, 0, 0 };
ty ty_string = { TY_STRING, 0, 0, 0 };
ty ty_int = { TY_INT, 0, 0, 0 };
ty ty_bool = { TY_BOOL, 0, 0, 0 };
ty ty_job = { TY_JOB, 0, 0, 0 };

ty *ty_device(arena *a, iface *i)
{
	ty *t = arena_alloc(a, sizeof *t);
	t->kind = TY_DEVICE;
	t->dev = i;
	return t;
}

ty *ty_arrow(arena *a, ty *from, ty *to)
{
	ty *t = arena_alloc(a, sizeof *t);
	t->kind = TY_ARROW;
	t->from = from;
	t->to = to;
	return t;
}

bool ty_is_base(const ty *t)
{
	return t->kind == TY_STRING || t->kind == TY_INT || t->kind == TY_BOOL;
}

bool ty_equal(const ty *a, const ty *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == TY_DEVICE)
		return a->dev == b->dev;
	if (a->kind == TY_ARROW)
		return ty_equal(a->from, b->from) && ty_equal(a->to, b->to);
	return true;
}

bool iface_includes(const iface *i, const iface *j)
{
	if (i == j)
		return true;
	/* Includes are declared before use, so the graph is acyclic. */
	for (int k = 0; k < i->includes.len; k++)
		if (iface_includes(i->includes.v[k], j))
			return true;
	return false;
}

bool ty_sub(const ty *a, const ty *b)
{
	if (a->kind == TY_ERROR || b->kind == TY_ERROR)
		return true;
	if (a->kind != b->kind)
		return false;
	if (a->kind == TY_DEVICE)
		return iface_includes(a->dev, b->dev);
	if (a->kind == TY_ARROW)
		return ty_sub(b->from, a->from) && ty_sub(a->to, b->to);
	return true;
}

static void put(arena *a, char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);
	if (*len + n + 1 > *cap) {
		size_t nc = (*cap + n + 1) * 2;
		char *nb = arena_alloc(a, nc);
		if (*len)
			memcpy(nb, *buf, *len);
		*buf = nb;
		*cap = nc;
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

static void str(arena *a, const ty *t, char **buf, size_t *len, size_t *cap)
{
	switch (t->kind) {
	case TY_ERROR: put(a, buf, len, cap, "<error>"); break;
	case TY_STRING: put(a, buf, len, cap, "string"); break;
	case TY_INT: put(a, buf, len, cap, "int"); break;
	case TY_BOOL: put(a, buf, len, cap, "bool"); break;
	case TY_JOB: put(a, buf, len, cap, "job"); break;
	case TY_DEVICE: put(a, buf, len, cap, t->dev->name); break;
	case TY_ARROW:
		if (t->from->kind == TY_ARROW) {
			put(a, buf, len, cap, "(");
			str(a, t->from, buf, len, cap);
			put(a, buf, len, cap, ")");
		} else {
			str(a, t->from, buf, len, cap);
		}
		put(a, buf, len, cap, " @-> ");
		str(a, t->to, buf, len, cap);
		break;
	}
}

const char *ty_str(arena *a, const ty *t)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	put(a, &buf, &len, &cap, "");
	str(a, t, &buf, &len, &cap);
	return buf;
}

int ty_arity(const ty *t)
{
	int n = 0;
	while (t->kind == TY_ARROW) {
		n++;
		t = t->to;
	}
	return n;
}

const ty *ty_result(const ty *t)
{
	while (t->kind == TY_ARROW)
		t = t->to;
	return t;
}
