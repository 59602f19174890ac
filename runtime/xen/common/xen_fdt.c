/* xen_fdt.c - walk the structure block of a flattened device tree. */
#include "xen/common/xen_fdt.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9
#define MAX_DEPTH 16

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

uint64_t mcc_fdt_cells(const void *p, uint32_t n)
{
	uint64_t v = 0;
	for (uint32_t i = 0; i < n; i++)
		v = v << 32 | be32((const uint8_t *)p + 4 * i);
	return v;
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

int mcc_fdt_strlist_has(const void *list, uint32_t len, const char *s)
{
	const char *p = list, *end = p + len;
	while (p < end) {
		const char *q = p;
		while (q < end && *q)
			q++;
		if (q == end)
			return 0;      /* unterminated */
		if (str_eq(p, s))
			return 1;
		p = q + 1;
	}
	return 0;
}

uint32_t mcc_fdt_size(const void *fdt, size_t max)
{
	if (!fdt || max < 40 || be32(fdt) != FDT_MAGIC)
		return 0;
	uint32_t total = be32((const uint8_t *)fdt + 4);
	uint32_t off_struct = be32((const uint8_t *)fdt + 8);
	uint32_t off_strings = be32((const uint8_t *)fdt + 12);
	uint32_t version = be32((const uint8_t *)fdt + 20);
	if (total < 40 || total > max || version < 16 ||
	    off_struct >= total || off_strings >= total)
		return 0;
	return total;
}

/* Length of a NUL-terminated string within [p, end), or -1. */
static long bounded_len(const char *p, const char *end)
{
	const char *q = p;
	while (q < end && *q)
		q++;
	return q < end ? q - p : -1;
}

int mcc_fdt_walk(const void *fdt, size_t max, mcc_fdt_fn fn, void *ctx)
{
	uint32_t total = mcc_fdt_size(fdt, max);
	if (!total)
		return -1;
	const uint8_t *base = fdt;
	uint32_t off_struct = be32(base + 8), off_strings = be32(base + 12);
	uint32_t size_strings = be32(base + 32), size_struct = be32(base + 36);
	if (size_struct > total - off_struct || size_strings > total - off_strings)
		return -1;
	const uint8_t *p = base + off_struct, *end = p + size_struct;
	const char *strs = (const char *)base + off_strings;
	const char *strs_end = strs + size_strings;
	/* cells[d] = the #address-cells/#size-cells a node at depth d+1 uses */
	uint32_t acells[MAX_DEPTH + 1], scells[MAX_DEPTH + 1];
	const char *names[MAX_DEPTH + 1];
	int depth = -1;
	while (p + 4 <= end) {
		uint32_t tok = be32(p);
		p += 4;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			long n = bounded_len((const char *)p, (const char *)end);
			if (n < 0 || depth + 1 > MAX_DEPTH - 1)
				return -1;
			depth++;
			names[depth] = (const char *)p;
			acells[depth] = 2;      /* defaults per the DT spec */
			scells[depth] = 1;
			uint32_t pa = depth ? acells[depth - 1] : 2;
			uint32_t ps = depth ? scells[depth - 1] : 1;
			int r = fn(ctx, depth, names[depth], NULL, NULL, 0, pa, ps);
			if (r)
				return r;
			p += (n + 1 + 3) & ~3l;
			break;
		}
		case FDT_END_NODE:
			if (depth < 0)
				return -1;
			depth--;
			break;
		case FDT_PROP: {
			if (p + 8 > end || depth < 0)
				return -1;
			uint32_t len = be32(p), nameoff = be32(p + 4);
			p += 8;
			if (len > (size_t)(end - p) || nameoff >= size_strings)
				return -1;
			const char *name = strs + nameoff;
			if (bounded_len(name, strs_end) < 0)
				return -1;
			if (str_eq(name, "#address-cells") && len == 4)
				acells[depth] = be32(p);
			else if (str_eq(name, "#size-cells") && len == 4)
				scells[depth] = be32(p);
			uint32_t pa = depth ? acells[depth - 1] : 2;
			uint32_t ps = depth ? scells[depth - 1] : 1;
			int r = fn(ctx, depth, names[depth], name, p, len, pa, ps);
			if (r)
				return r;
			p += (len + 3) & ~3u;
			break;
		}
		case FDT_NOP:
			break;
		case FDT_END:
			return depth == -1 ? 0 : -1;
		default:
			return -1;
		}
	}
	return -1;
}
