/* xen_fdt.h - a read-only flattened device tree walker (what Xen hands
 * an ARM guest).  Portable and bounds-checked: a corrupt tree yields an
 * error, never a read outside it. */
#ifndef MCC_XEN_FDT_H
#define MCC_XEN_FDT_H

#include <stddef.h>
#include <stdint.h>

/* Total size of a valid tree at fdt, or 0 when the header is bad or
 * claims more than max bytes. */
uint32_t mcc_fdt_size(const void *fdt, size_t max);

/* Called for each node (prop == NULL, value = NULL) and then each of its
 * properties, in tree order.  depth is 0 for the root.  addr_cells and
 * size_cells are those of the node's parent (what its "reg" uses).
 * Return non-zero to stop the walk (that value is returned). */
typedef int (*mcc_fdt_fn)(void *ctx, int depth, const char *node,
			  const char *prop, const void *value, uint32_t len,
			  uint32_t addr_cells, uint32_t size_cells);

/* Walk the tree; 0 at the end, the callback's value if it stopped, or -1
 * for a malformed tree. */
int mcc_fdt_walk(const void *fdt, size_t max, mcc_fdt_fn fn, void *ctx);

/* Big-endian cell reading: n cells (1 or 2) at p as one number. */
uint64_t mcc_fdt_cells(const void *p, uint32_t n);
/* True when the NUL-separated string list (a "compatible") holds s. */
int mcc_fdt_strlist_has(const void *list, uint32_t len, const char *s);

#endif
