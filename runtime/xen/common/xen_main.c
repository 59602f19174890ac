/* xen_main.c - common start-up: from "the architecture is up" to
 * mcc_unikernel_main and the final shutdown. */
#include "xen/common/xen_boot.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_argv.h"
#include "xen/common/xen_cons.h"
#include "xen/common/xen_heap.h"
#include "xen/common/xen_plat.h"
#include "xen/common/xen_shinfo.h"
#include "mcc/glue.h"
#include "mcc/fmt.h"
#include "mcc/platform.h"

mcc_xen_boot mcc_xen_bootinfo;
static mcc_xen_args args;

void mcc_xen_boot_reserve(uint64_t start, uint64_t end)
{
	mcc_xen_boot *b = &mcc_xen_bootinfo;
	if (b->nreserved < MCC_XEN_MAX_RAM && start < end)
		b->reserved[b->nreserved++] = (mcc_xen_range){ start, end };
}

void mcc_xen_boot_add_ram(uint64_t start, uint64_t end)
{
	mcc_xen_boot *b = &mcc_xen_bootinfo;
	if (b->nram < MCC_XEN_MAX_RAM && start < end)
		b->ram[b->nram++] = (mcc_xen_range){ start, end };
}

void mcc_xen_boot_mark(const char *what)
{
	mcc_xen_boot *b = &mcc_xen_bootinfo;
	if (b->nmarks < MCC_XEN_MARKS)
		b->marks[b->nmarks++] = (mcc_xen_mark){ what, mcc_arch_cycles() };
}

static unsigned long long cycles_us(uint64_t c)
{
	return (unsigned long long)(mcc_arch_cycles_to_ns(c) / 1000);
}

void mcc_xen_boot_marks_print(void)
{
	const mcc_xen_boot *b = &mcc_xen_bootinfo;
	uint64_t now = mcc_arch_cycles(), prev = b->entry_cycles;
	/* Two short lines: a console may cut long ones. */
	char line[160];
	int n = mcc_snprintf(line, sizeof line, "mcc: boot stats: entry to first "
			     "job %llu us (%llu cycles)\n", cycles_us(now - prev),
			     (unsigned long long)(now - prev));
	mcc_xen_cons_write(line, (size_t)n);
	n = mcc_snprintf(line, sizeof line, "mcc: boot stats: phases (us):");
	for (unsigned i = 0; i < b->nmarks; i++) {
		n += mcc_snprintf(line + n, sizeof line - (size_t)n, " %s %llu",
				  b->marks[i].what, cycles_us(b->marks[i].cycles - prev));
		if (n >= (int)sizeof line - 1)
			n = (int)sizeof line - 1;       /* cut, never overrun */
		prev = b->marks[i].cycles;
	}
	n += mcc_snprintf(line + n, sizeof line - (size_t)n, " glue %llu\n",
			  cycles_us(now - prev));
	mcc_xen_cons_write(line, n < (int)sizeof line ? (size_t)n : sizeof line - 1);
}

void mcc_xen_boot_set_cmdline(const char *s)
{
	size_t i = 0;
	for (; s && s[i] && i + 1 < MCC_XEN_CMDLINE_MAX; i++)
		mcc_xen_bootinfo.cmdline[i] = s[i];
	mcc_xen_bootinfo.cmdline[i] = 0;
}

/* Give [s, e) minus every reserved range to the heap. */
static void heap_add_range(uint64_t s, uint64_t e, unsigned from)
{
	const mcc_xen_boot *b = &mcc_xen_bootinfo;
	for (unsigned i = from; i < b->nreserved; i++) {
		uint64_t rs = b->reserved[i].start, re = b->reserved[i].end;
		if (re <= s || rs >= e)
			continue;
		if (rs > s)
			heap_add_range(s, rs, i + 1);
		if (re < e)
			heap_add_range(re, e, i + 1);
		return;
	}
	if (e > UINTPTR_MAX)
		e = (uint64_t)UINTPTR_MAX + 1 - MCC_XEN_PAGE;
	if (s < e)
		mcc_xen_heap_add((uintptr_t)s, (uintptr_t)e);
}

_Noreturn void mcc_xen_main(void)
{
	mcc_xen_boot *b = &mcc_xen_bootinfo;
	mcc_xen_boot_mark("arch");
	for (unsigned i = 0; i < b->nram; i++)
		heap_add_range(b->ram[i].start, b->ram[i].end, 0);
	mcc_xen_boot_mark("heap");
	long shr = 0;
	if (b->on_xen)
		shr = mcc_xen_shinfo_map();
	mcc_xen_boot_mark("shinfo");
	mcc_xen_cons_init();
	mcc_xen_boot_mark("console");
	if (b->on_xen && shr)
		mcc_xen_panic("cannot map the shared info page");
	if (!b->on_xen)
		mcc_xen_cons_puts("mcc: warning: not running on Xen (no hypervisor "
				  "found): console on the UART, time from the CPU counter\n");
	mcc_xen_heap_stats hs;
	mcc_xen_heap_stats_get(&hs);
	if (hs.free_pages < 64)
		mcc_xen_panic("too little memory for the heap");
	if (mcc_xen_args_split(&args, "unikernel", b->cmdline))
		mcc_xen_panic("command line too long (more than 64 words or 1 KiB)");
	mcc_xen_boot_stats = args.boot_stats;
	mcc_xen_boot_mark("args");
	if (mcc_xen_boot_stats) {
		mcc_xen_cons_puts("mcc: boot stats: console is the ");
		mcc_xen_cons_puts(mcc_xen_cons_name());
		mcc_xen_cons_puts("\n");
	}
	int status = mcc_unikernel_main(args.argc, args.argv);
	mcc_plat_exit(status);
}
