/* xen_rng.c - seeding and using the guest-wide CSPRNG. */
#include "xen/common/xen_rng.h"
#include "xen/common/xen_arch.h"
#include "xen/common/xen_boot.h"
#include "xen/common/xen_chacha.h"
#include "xen/common/xen_hcall.h"
#include "xen/common/xen_shinfo.h"
#include "mcc/sha256.h"

static mcc_xen_csprng rng;
static bool weak = true;
static bool seeded;

/* Low bits of the counter around a hypercall vary with host scheduling,
 * TLB and cache state: a little entropy per sample, so take many. */
static void add_jitter(mcc_sha256_ctx *c, int samples)
{
	for (int i = 0; i < samples; i++) {
		uint64_t t0 = mcc_arch_cycles();
		if (mcc_xen_bootinfo.on_xen) {
			xen_domain_handle_t h;
			xen_version_op(XENVER_guest_handle, &h);
		}
		uint64_t t1 = mcc_arch_cycles();
		uint64_t d = t1 - t0;
		mcc_sha256_update(c, &d, sizeof d);
		mcc_sha256_update(c, &t1, sizeof t1);
	}
}

void mcc_xen_rng_init(void)
{
	seeded = true;
	mcc_sha256_ctx c;
	mcc_sha256_init(&c);
	int hw = 0;
	for (int i = 0; i < 64; i++) {
		uint64_t w;
		if (mcc_arch_hwrand(&w)) {
			mcc_sha256_update(&c, &w, sizeof w);
			hw++;
		}
	}
	weak = hw < 8;
	if (mcc_xen_bootinfo.on_xen) {
		xen_domain_handle_t h;
		if (xen_version_op(XENVER_guest_handle, &h) == 0)
			mcc_sha256_update(&c, h, sizeof h);
	}
	if (mcc_xen_shinfo) {
		uint32_t wc[3] = { mcc_xen_shinfo->wc_sec, mcc_xen_shinfo->wc_nsec,
				   mcc_xen_shinfo->wc_version };
		mcc_sha256_update(&c, wc, sizeof wc);
	}
	mcc_sha256_update(&c, mcc_xen_bootinfo.cmdline, sizeof mcc_xen_bootinfo.cmdline);
	add_jitter(&c, weak ? 1024 : 64);
	uint8_t seed[32];
	mcc_sha256_final(&c, seed);
	mcc_xen_csprng_seed(&rng, seed, sizeof seed);
	for (size_t i = 0; i < sizeof seed; i++)
		((volatile uint8_t *)seed)[i] = 0;
}

void mcc_xen_rng_fill(void *buf, size_t n)
{
	if (!seeded)
		mcc_xen_rng_init();
	/* Fold in a fresh counter reading (and hardware word) per request:
	 * cheap, and it separates streams of guests cloned from a snapshot. */
	uint64_t extra[2] = { mcc_arch_cycles(), 0 };
	mcc_arch_hwrand(&extra[1]);
	mcc_xen_csprng_mix(&rng, extra, sizeof extra);
	mcc_xen_csprng_fill(&rng, buf, n);
}

const char *mcc_xen_rng_source(void)
{
	if (!seeded)
		mcc_xen_rng_init();
	return weak ? "timing jitter only (weak)" : "hardware";
}

bool mcc_xen_rng_is_weak(void)
{
	if (!seeded)
		mcc_xen_rng_init();
	return weak;
}
