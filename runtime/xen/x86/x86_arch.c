/* x86_arch.c - x86_64 PVH: finding Xen, the hypercall page, start_info,
 * the PV clock, blocking with SCHEDOP_poll, RDRAND/RDSEED, and COM1 for
 * running under plain QEMU (the PVH loader without Xen). */
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include "xen/common/xen_hcall.h"
#include "xen/common/xen_shinfo.h"
#include <xen/arch-x86/hvm/start_info.h>

extern char mcc_x86_hypercall_page[];
extern char __image_start[], _end[];
void mcc_x86_idt_init(void);

static uint64_t tsc_hz = 1000000000ull; /* without Xen: CPUID, PIT, or assumed */
static uint64_t tsc_at_boot;
static bool has_rdrand, has_rdseed;

static void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

static uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

/* Xen's CPUID leaves sit at 0x40000000 + n*0x100 ("XenVMMXenVMM"); leaf
 * base+2 names the MSR that makes Xen write the hypercall page. */
static bool xen_detect(void)
{
	for (uint32_t base = 0x40000000; base < 0x40010000; base += 0x100) {
		uint32_t r[4];
		cpuid(base, 0, r);
		if (r[1] == 0x566e6558 && r[2] == 0x65584d4d && r[3] == 0x4d4d566e &&
		    r[0] >= base + 2) {
			cpuid(base + 2, 0, r);
			uint64_t pa = (uint64_t)(uintptr_t)mcc_x86_hypercall_page;
			__asm__ volatile("wrmsr" : : "c"(r[1]), "a"((uint32_t)pa),
					 "d"((uint32_t)(pa >> 32)));
			return true;
		}
	}
	return false;
}

/* Each CPUID is a VM exit under Xen (costly under emulation): the random
 * instructions are probed on first use, the TSC rate only without Xen. */
static void cpu_rand_features(void)
{
	static bool probed;
	if (probed)
		return;
	probed = true;
	uint32_t r[4];
	cpuid(0, 0, r);
	uint32_t max = r[0];
	cpuid(1, 0, r);
	has_rdrand = r[2] & (1u << 30);
	if (max >= 7) {
		cpuid(7, 0, r);
		has_rdseed = r[1] & (1u << 18);
	}
}

/* TSC frequency for the no-Xen case: leaf 0x15 (crystal ratio), else 0x16
 * (base MHz), else the 1 GHz guess stays (and the PIT may correct it). */
static void tsc_hz_from_cpuid(void)
{
	uint32_t r[4];
	cpuid(0, 0, r);
	uint32_t max = r[0];
	if (max >= 0x15) {
		cpuid(0x15, 0, r);
		if (r[0] && r[1] && r[2])
			tsc_hz = (uint64_t)r[2] * r[1] / r[0];
		else if (max >= 0x16) {
			cpuid(0x16, 0, r);
			if (r[0])
				tsc_hz = (uint64_t)(r[0] & 0xffff) * 1000000;
		}
	}
}

/* Without Xen (plain QEMU) the TSC rate is unknown: time it against the
 * i8254 PIT (1.193182 MHz) when one answers; else keep the CPUID guess. */
static uint16_t pit_read(void)
{
	outb(0x43, 0x00);                       /* latch channel 0 */
	uint8_t lo = inb(0x40);
	return (uint16_t)(inb(0x40) << 8 | lo);
}

static void tsc_calibrate_pit(void)
{
	outb(0x43, 0x34);                       /* ch 0, lo/hi, mode 2 */
	outb(0x40, 0xff);
	outb(0x40, 0xff);
	uint16_t c0 = pit_read();
	uint64_t t0 = rdtsc();
	uint32_t ticks = 0;
	uint16_t prev = c0;
	for (long i = 0; i < 50000000 && ticks < 11932; i++) {   /* ~10 ms */
		uint16_t c = pit_read();
		ticks += (uint16_t)(prev - c);
		prev = c;
		if (i == 100000 && ticks == 0)
			return;                 /* no PIT behind the ports */
	}
	uint64_t t1 = rdtsc();
	if (ticks >= 11932)
		tsc_hz = (uint64_t)((unsigned __int128)(t1 - t0) * 1193182u / ticks);
}

static void ram_from_e820(uint64_t addr, uint64_t size, uint32_t type)
{
	if (type != XEN_HVM_MEMMAP_TYPE_RAM)
		return;
	uint64_t s = addr, e = addr + size;
	if (s < 0x100000)
		s = 0x100000;           /* leave the legacy first MiB alone */
	if (e > 0x100000000ull)
		e = 0x100000000ull;     /* what the boot page tables map */
	mcc_xen_boot_add_ram(s, e);
}

static void memory_map(const struct hvm_start_info *si)
{
	if (si->version >= 1 && si->memmap_paddr && si->memmap_entries) {
		const struct hvm_memmap_table_entry *m =
			(const void *)(uintptr_t)si->memmap_paddr;
		for (uint32_t i = 0; i < si->memmap_entries; i++)
			ram_from_e820(m[i].addr, m[i].size, m[i].type);
		return;
	}
	if (!mcc_xen_bootinfo.on_xen)
		return;
	/* Older builders: ask Xen for the E820 it gave this domain. */
	static struct __attribute__((packed)) { uint64_t addr, size; uint32_t type; } e820[32];
	struct xen_memory_map mm = { .nr_entries = 32 };
	set_xen_guest_handle(mm.buffer, (void *)e820);
	if (xen_memory_op(XENMEM_memory_map, &mm) == 0)
		for (unsigned i = 0; i < mm.nr_entries && i < 32; i++)
			ram_from_e820(e820[i].addr, e820[i].size, e820[i].type);
}

_Noreturn void mcc_x86_start(uint32_t start_info_pa, uint64_t entry_tsc)
{
	tsc_at_boot = entry_tsc;
	mcc_xen_boot *b = &mcc_xen_bootinfo;
	b->entry_cycles = entry_tsc;
	mcc_xen_boot_mark("mmu");       /* BSS cleared, page tables, long mode */
	mcc_x86_idt_init();
	b->on_xen = xen_detect();
	if (!b->on_xen) {
		tsc_hz_from_cpuid();
		/* No Xen to fill the hypercall page: make every entry return
		 * -ENOSYS ("mov $-38, %rax; ret") so a stray call is an error. */
		static const uint8_t enosys[8] = { 0x48, 0xc7, 0xc0, 0xda, 0xff, 0xff, 0xff, 0xc3 };
		for (int i = 0; i < 128; i++)
			for (int k = 0; k < 8; k++)
				mcc_x86_hypercall_page[i * 32 + k] = (char)enosys[k];
		tsc_calibrate_pit();
		mcc_xen_boot_mark("pit");
	}
	const struct hvm_start_info *si = (const void *)(uintptr_t)start_info_pa;
	if (si && si->magic == XEN_HVM_START_MAGIC_VALUE) {
		if (si->cmdline_paddr)
			mcc_xen_boot_set_cmdline((const char *)(uintptr_t)si->cmdline_paddr);
		b->is_dom0 = si->flags & SIF_INITDOMAIN;
		memory_map(si);
	}
	mcc_xen_boot_reserve((uintptr_t)__image_start, (uintptr_t)_end);
	mcc_xen_main();
}

static uint64_t pvclock_ns(const volatile struct vcpu_time_info *t)
{
	uint32_t v;
	uint64_t ns;
	do {
		v = t->version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		uint64_t delta = rdtsc() - t->tsc_timestamp;
		int shift = t->tsc_shift;
		if (shift < 0)
			delta >>= -shift;
		else
			delta <<= shift;
		ns = t->system_time +
		     (uint64_t)(((unsigned __int128)delta * t->tsc_to_system_mul) >> 32);
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((v & 1) || v != t->version);
	return ns;
}

uint64_t mcc_arch_now_ns(void)
{
	if (mcc_xen_shinfo)
		return pvclock_ns(&mcc_xen_shinfo->vcpu_info[0].time);
	return mcc_arch_cycles_to_ns(rdtsc() - tsc_at_boot);
}

uint64_t mcc_arch_cycles(void)
{
	return rdtsc();
}

uint64_t mcc_arch_cycles_to_ns(uint64_t c)
{
	if (mcc_xen_shinfo) {
		const volatile struct vcpu_time_info *t = &mcc_xen_shinfo->vcpu_info[0].time;
		int shift = t->tsc_shift;
		c = shift < 0 ? c >> -shift : c << shift;
		return (uint64_t)(((unsigned __int128)c * t->tsc_to_system_mul) >> 32);
	}
	return (uint64_t)((unsigned __int128)c * 1000000000u / tsc_hz);
}

void mcc_arch_block(uint64_t deadline_ns, const uint32_t *ports, unsigned n)
{
	if (!mcc_xen_bootinfo.on_xen) {
		/* Nothing can raise an event without Xen: wait out the timer. */
		while (mcc_arch_now_ns() < deadline_ns)
			__asm__ volatile("pause");
		return;
	}
	/* SCHEDOP_poll sleeps until one of the ports is pending or until the
	 * timeout (Xen system time, which is what mcc_arch_now_ns reads):
	 * no interrupt vector, no timer VIRQ, and no lost-wakeup window
	 * because Xen checks the ports after marking us blocked. */
	struct sched_poll p = {
		.nr_ports = n,
		.timeout = deadline_ns == UINT64_MAX ? 0 : deadline_ns,
	};
	set_xen_guest_handle(p.ports, (evtchn_port_t *)(uintptr_t)ports);
	xen_sched_op(SCHEDOP_poll, &p);
}

bool mcc_arch_hwrand(uint64_t *out)
{
	cpu_rand_features();
	unsigned char ok = 0;
	for (int tries = 0; tries < 10 && !ok; tries++) {
		if (has_rdseed)
			__asm__ volatile("rdseed %0; setc %1" : "=r"(*out), "=qm"(ok));
		else if (has_rdrand)
			__asm__ volatile("rdrand %0; setc %1" : "=r"(*out), "=qm"(ok));
		else
			return false;
	}
	return ok;
}

bool mcc_arch_uart_write(const char *s, size_t n)
{
	/* COM1 belongs to Xen when Xen runs; only plain QEMU gets it. */
	if (mcc_xen_bootinfo.on_xen)
		return false;
	for (size_t i = 0; i < n; i++) {
		for (int spin = 0; spin < 100000 && !(inb(0x3fd) & 0x20); spin++)
			;
		outb(0x3f8, (uint8_t)s[i]);
	}
	return true;
}

_Noreturn void mcc_arch_halt(int status)
{
	if (!mcc_xen_bootinfo.on_xen) {
		/* QEMU's isa-debug-exit (harness) exits with (v << 1) | 1. */
		outb(0xf4, (uint8_t)(status & 0x7f));
	}
	for (;;)
		__asm__ volatile("cli; hlt");
}
