/* armv_boot.c - ARM start-up after the MMU is on: read the device tree
 * Xen passed (command line, memory, hypervisor node, GIC, timer, vpl011),
 * set up the GIC and the timer, then the common start-up. */
#include "xen/armv/armv.h"
#include "xen/armv/armv_gic.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include "xen/common/xen_fdt.h"

extern char __image_start[], __scratch_end[];

typedef struct dt_scan {
	int in;                 /* which interesting node we are in */
	int depth;              /* its depth */
	unsigned evtchn_ppi;
	unsigned timer_ppi;
	mcc_gic_info gic;
	uint64_t uart;
	bool node_is_gic2, node_is_gic3, node_is_uart, node_is_memory;
} dt_scan;

enum { IN_NONE, IN_CHOSEN, IN_MEMORY, IN_HYPERVISOR, IN_TIMER, IN_OTHER };

static bool name_is(const char *node, const char *base)
{
	while (*base && *node == *base)
		node++, base++;
	return *base == 0 && (*node == 0 || *node == '@');
}

/* Interrupt specifier n (3 cells: type, number, flags) as a GIC INTID. */
static unsigned dt_irq(const void *v, uint32_t len, unsigned n)
{
	if (len < (n + 1) * 12)
		return 0;
	const uint8_t *p = (const uint8_t *)v + n * 12;
	uint32_t type = (uint32_t)mcc_fdt_cells(p, 1);
	uint32_t num = (uint32_t)mcc_fdt_cells(p + 4, 1);
	return type == 1 ? 16 + num : 32 + num;
}

static int dt_cb(void *ctx, int depth, const char *node, const char *prop,
		 const void *v, uint32_t len, uint32_t ac, uint32_t sc)
{
	dt_scan *s = ctx;
	if (!prop) {
		s->node_is_gic2 = s->node_is_gic3 = s->node_is_uart = false;
		s->node_is_memory = false;
		s->in = IN_OTHER;
		s->depth = depth;
		if (depth == 1) {
			if (name_is(node, "chosen"))
				s->in = IN_CHOSEN;
			else if (name_is(node, "memory"))
				s->in = IN_MEMORY;
			else if (name_is(node, "hypervisor"))
				s->in = IN_HYPERVISOR;
			else if (name_is(node, "timer"))
				s->in = IN_TIMER;
		}
		return 0;
	}
	if (s->depth != depth)
		return 0;       /* a property of a node we already left */
	if (s->in == IN_CHOSEN && name_is(prop, "bootargs")) {
		if (len && ((const char *)v)[len - 1] == 0)
			mcc_xen_boot_set_cmdline(v);
		return 0;
	}
	if (name_is(prop, "compatible")) {
		s->node_is_gic3 = mcc_fdt_strlist_has(v, len, "arm,gic-v3");
		s->node_is_gic2 = mcc_fdt_strlist_has(v, len, "arm,cortex-a15-gic") ||
				  mcc_fdt_strlist_has(v, len, "arm,gic-400") ||
				  mcc_fdt_strlist_has(v, len, "arm,cortex-a7-gic");
		s->node_is_uart = mcc_fdt_strlist_has(v, len, "arm,sbsa-uart") ||
				  mcc_fdt_strlist_has(v, len, "arm,pl011");
		return 0;
	}
	if (name_is(prop, "device_type") && len >= 7 &&
	    mcc_fdt_strlist_has(v, len, "memory")) {
		s->node_is_memory = true;
		return 0;
	}
	if (name_is(prop, "interrupts")) {
		if (s->in == IN_HYPERVISOR)
			s->evtchn_ppi = dt_irq(v, len, 0);
		else if (s->in == IN_TIMER)
			s->timer_ppi = dt_irq(v, len, 2);  /* secure, phys, VIRT, hyp */
		return 0;
	}
	if (!name_is(prop, "reg") || ac < 1 || ac > 2 || sc > 2)
		return 0;
	uint32_t entry = (ac + sc) * 4;
	if (len < entry)
		return 0;
	if (s->in == IN_MEMORY || s->node_is_memory) {
		for (uint32_t off = 0; off + entry <= len; off += entry) {
			uint64_t base = mcc_fdt_cells((const uint8_t *)v + off, ac);
			uint64_t size = sc ? mcc_fdt_cells((const uint8_t *)v + off + ac * 4, sc) : 0;
			uint64_t end = base + size;
			if (end > 0x100000000ull)
				end = 0x100000000ull;   /* what the page tables map */
			if (base < end)
				mcc_xen_boot_add_ram(base, end);
		}
	} else if ((s->node_is_gic2 || s->node_is_gic3) && len >= 2 * entry) {
		s->gic.version = s->node_is_gic3 ? 3 : 2;
		s->gic.dist = mcc_fdt_cells(v, ac);
		s->gic.cpu = mcc_fdt_cells((const uint8_t *)v + entry, ac);
	} else if (s->node_is_uart && !s->uart) {
		s->uart = mcc_fdt_cells(v, ac);
	}
	return 0;
}

_Noreturn void mcc_arm_start(uintptr_t dtb, uint64_t entry)
{
	mcc_xen_boot *b = &mcc_xen_bootinfo;
	b->entry_cycles = entry;
	mcc_xen_boot_mark("mmu");       /* BSS cleared, MMU and caches on */
	mcc_armv_timer_init(0);
	dt_scan s = {0};
	/* 2 MiB is the largest tree Xen hands a guest. */
	uint32_t size = mcc_fdt_size((const void *)dtb, 2u << 20);
	if (size && mcc_fdt_walk((const void *)dtb, size, dt_cb, &s) == 0) {
		mcc_xen_boot_reserve(dtb, dtb + size);
		mcc_xen_boot_mark("dtb");
	} else {
		/* No usable tree: the hypercall console still works, and the
		 * RAM the image sits in is known to exist. */
		mcc_xen_boot_add_ram((uintptr_t)__image_start,
				     (uintptr_t)__image_start + (16u << 20));
	}
	/* An ARM guest image only runs on Xen (hvc #0xEA1 is Xen's ABI); the
	 * /hypervisor node is missing in dom0less domUs, so it only tells
	 * the event channel PPI, else Xen's fixed GUEST_EVTCHN_PPI (31). */
	b->on_xen = true;
	if (!s.evtchn_ppi)
		s.evtchn_ppi = 31;
	b->evtchn_irq = s.evtchn_ppi;
	/* The image and what follows it: BSS, stacks, page tables. */
	mcc_xen_boot_reserve((uintptr_t)__image_start, (uintptr_t)__scratch_end);
	mcc_armv_timer_init(s.timer_ppi);
	if (s.uart)
		mcc_armv_uart_set(s.uart);
	unsigned ppis[2], n = 0;
	ppis[n++] = mcc_armv_timer_ppi();
	if (s.evtchn_ppi >= 16 && s.evtchn_ppi < 32)
		ppis[n++] = s.evtchn_ppi;
	mcc_gic_init(&s.gic, ppis, n);
	mcc_xen_main();
}
