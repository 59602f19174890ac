/* tests/net/manual/lossy_relay.c - a bad link between two namespaces,
 * for kernels without netem: forwards Ethernet frames both ways between
 * a device in the current namespace (the kernel side of the unikernel's
 * tap, through an AF_PACKET socket) and a new tap device it creates in
 * another namespace (where the client runs), dropping a fraction of the
 * frames and holding back another fraction until one to three later
 * frames have overtaken them (or 20 ms have passed).
 *
 *   lossy_relay IFNAME NETNS TAPNAME LOSS% REORDER% [SEED]
 *   e.g. ip netns exec U lossy_relay tap0 C tapc 5 10
 *
 * On SIGTERM or SIGINT it prints, per direction, the frames seen,
 * dropped and reordered, and the silences of 100 ms or more (in a bulk
 * transfer: retransmission timeouts) to stderr, and exits 0.  Linux only; needs root. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/ethernet.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { FRAME_MAX = 65536, HOLD_NS = 20000000 };
/* A silence this long in a busy transfer is a retransmission timeout. */
#define STALL_NS 100000000ull

/* One direction of the link: frames read from fd_in go to fd_out. */
struct dir {
	const char *name;
	int fd_in, fd_out;
	int in_is_packet;           /* fd_in is the AF_PACKET socket */
	unsigned char held[FRAME_MAX];
	size_t held_len;            /* 0: nothing held back */
	int held_overtake;          /* frames still to pass the held one */
	uint64_t held_deadline;
	unsigned long seen, dropped, reordered, sent, errors;
	uint64_t last_ns;           /* when the previous frame came */
	unsigned long stalls;       /* silences of STALL_NS or more ... */
	uint64_t stall_ns;          /* ... and their total length */
};

static volatile sig_atomic_t stop;
static uint64_t rng;
static double loss, reorder;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* xorshift64*: reproducible from the seed, good enough for coin flips. */
static double coin(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (double)((rng * 2685821657736338717ull) >> 11) / 9007199254740992.0;
}

static void emit(struct dir *d, const void *frame, size_t len)
{
	/* A full queue drops the frame, as a real link would. */
	if (write(d->fd_out, frame, len) == (ssize_t)len)
		d->sent++;
	else
		d->errors++;
}

static void release_held(struct dir *d)
{
	if (d->held_len) {
		emit(d, d->held, d->held_len);
		d->held_len = 0;
	}
}

static void on_frame(struct dir *d, const unsigned char *frame, size_t len)
{
	uint64_t t = now_ns();
	if (d->seen && t - d->last_ns >= STALL_NS) {
		d->stalls++;
		d->stall_ns += t - d->last_ns;
	}
	d->last_ns = t;
	d->seen++;
	if (coin() < loss) {
		d->dropped++;
		return;
	}
	if (!d->held_len && coin() < reorder) {
		memcpy(d->held, frame, len);
		d->held_len = len;
		d->held_overtake = 1 + (int)(coin() * 3);
		d->held_deadline = now_ns() + HOLD_NS;
		d->reordered++;
		return;
	}
	emit(d, frame, len);
	if (d->held_len && --d->held_overtake <= 0)
		release_held(d);
}

/* Read every frame waiting on d->fd_in. */
static void drain(struct dir *d)
{
	static unsigned char buf[FRAME_MAX];

	for (;;) {
		ssize_t n;
		if (d->in_is_packet) {
			struct sockaddr_ll from;
			socklen_t fl = sizeof from;
			n = recvfrom(d->fd_in, buf, sizeof buf, 0,
				     (struct sockaddr *)&from, &fl);
			/* Our own transmissions come back as outgoing. */
			if (n >= 0 && from.sll_pkttype == PACKET_OUTGOING)
				continue;
		} else {
			n = read(d->fd_in, buf, sizeof buf);
		}
		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				d->errors++;
			return;
		}
		if (n >= 14)
			on_frame(d, buf, (size_t)n);
	}
}

static int open_packet(const char *ifname)
{
	int s = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC,
		       htons(ETH_P_ALL));
	if (s < 0)
		return -1;
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	struct sockaddr_ll sll = {0};
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	if (ioctl(s, SIOCGIFINDEX, &ifr) < 0)
		sll.sll_ifindex = 0;
	else
		sll.sll_ifindex = ifr.ifr_ifindex;
	if (!sll.sll_ifindex || bind(s, (struct sockaddr *)&sll, sizeof sll) < 0) {
		close(s);
		return -1;
	}
#ifdef PACKET_IGNORE_OUTGOING
	int one = 1;
	setsockopt(s, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
#endif
	return s;
}

static int open_tap(const char *name)
{
	int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct ifreq ifr;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", name);
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Enter namespace NAME (as `ip netns' names it). */
static int enter_netns(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "/run/netns/%s", name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = setns(fd, CLONE_NEWNET);
	close(fd);
	return r;
}

static int percent(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);
	if (end == s || (*end && strcmp(end, "%")) || v < 0 || v > 100)
		return -1;
	*out = v / 100;
	return 0;
}

static void report(const struct dir *d)
{
	fprintf(stderr, "%s: %lu frames, %lu dropped, %lu reordered, "
		"%lu sent, %lu errors; %lu silences >= 100 ms, %.1f s in all\n",
		d->name, d->seen, d->dropped, d->reordered, d->sent, d->errors,
		d->stalls, (double)d->stall_ns / 1e9);
}

int main(int argc, char **argv)
{
	static struct dir to_tap, to_packet;

	if (argc < 6 || percent(argv[4], &loss) || percent(argv[5], &reorder)) {
		fprintf(stderr, "usage: %s IFNAME NETNS TAPNAME LOSS%% REORDER%% [SEED]\n",
			argv[0]);
		return 2;
	}
	rng = argc > 6 ? strtoull(argv[6], NULL, 0) : (uint64_t)now_ns();
	if (!rng)
		rng = 1;
	int pkt = open_packet(argv[1]);
	if (pkt < 0) {
		fprintf(stderr, "lossy_relay: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (enter_netns(argv[2]) < 0) {
		fprintf(stderr, "lossy_relay: netns %s: %s\n", argv[2], strerror(errno));
		return 1;
	}
	int tap = open_tap(argv[3]);
	if (tap < 0) {
		fprintf(stderr, "lossy_relay: tap %s: %s\n", argv[3], strerror(errno));
		return 1;
	}
	to_tap = (struct dir){.name = "unikernel->client", .fd_in = pkt,
			      .fd_out = tap, .in_is_packet = 1};
	to_packet = (struct dir){.name = "client->unikernel", .fd_in = tap,
				 .fd_out = pkt};
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	fprintf(stderr, "lossy_relay: %s <-> %s/%s, loss %g%%, reorder %g%%, seed %llu\n",
		argv[1], argv[2], argv[3], loss * 100, reorder * 100,
		(unsigned long long)rng);

	struct pollfd p[2] = {{.fd = pkt, .events = POLLIN},
			      {.fd = tap, .events = POLLIN}};
	while (!stop) {
		int r = poll(p, 2, 5);
		if (r < 0 && errno != EINTR)
			break;
		if (r > 0 && (p[0].revents & POLLIN))
			drain(&to_tap);
		if (r > 0 && (p[1].revents & POLLIN))
			drain(&to_packet);
		uint64_t t = now_ns();
		if (to_tap.held_len && t >= to_tap.held_deadline)
			release_held(&to_tap);
		if (to_packet.held_len && t >= to_packet.held_deadline)
			release_held(&to_packet);
	}
	report(&to_packet);
	report(&to_tap);
	close(pkt);
	close(tap);
	return 0;
}
