/* unix/tap.c - a tap device as a NETWORK: non-blocking fd, jobs park in
 * mcc_unix_wait_fd (unix/io.h) until a frame is readable. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include "unix/tap.h"
#include "unix/io.h"

/* Copy an interface name into ifr_name (zeroed, at most IFNAMSIZ - 1). */
static void set_name(struct ifreq *ifr, const char *name)
{
	memset(ifr, 0, sizeof *ifr);
	size_t n = strlen(name);
	if (n > IFNAMSIZ - 1)
		n = IFNAMSIZ - 1;
	memcpy(ifr->ifr_name, name, n);
}

static long tap_recv(mcc_network *n, void *buf, size_t len)
{
	mcc_unix_tap *self = (mcc_unix_tap *)n;
	for (;;) {
		ssize_t r = read(self->fd, buf, len);
		if (r >= 0)
			return (long)r;
		if (errno == EINTR)
			continue;
		if (errno != EAGAIN)
			return -MCC_EIO;
		int w = mcc_unix_wait_fd(self->fd, MCC_IO_READ, 0);
		if (w < 0)
			return w;
	}
}

static int tap_send(mcc_network *n, const void *frame, size_t len)
{
	mcc_unix_tap *self = (mcc_unix_tap *)n;
	if (len > self->mtu + 14)
		return -MCC_EMSGSIZE;
	for (;;) {
		ssize_t r = write(self->fd, frame, len);
		if (r == (ssize_t)len)
			return 0;
		if (r < 0 && errno == EINTR)
			continue;
		/* The kernel queue is full: drop, as a NIC would. */
		self->tx_dropped++;
		return r < 0 && errno == EAGAIN ? -MCC_EAGAIN : -MCC_EIO;
	}
}

static void tap_mac(mcc_network *n, uint8_t out[6])
{
	memcpy(out, ((mcc_unix_tap *)n)->mac, 6);
}

static unsigned tap_mtu(mcc_network *n)
{
	return ((mcc_unix_tap *)n)->mtu;
}

static int tap_disconnect(mcc_device *d)
{
	mcc_unix_tap *self = (mcc_unix_tap *)d;
	if (self->fd >= 0) {
		mcc_unix_forget_fd(self->fd);
		close(self->fd);
		self->fd = -1;
	}
	return 0;
}

/* 02:xx:xx:xx:xx:xx, locally administered unicast, from the name (FNV-1a)
 * so a unikernel keeps its MAC across restarts. */
static void make_mac(const char *name, uint8_t mac[6])
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (const char *p = name; *p; p++)
		h = (h ^ (uint8_t)*p) * 0x100000001b3ull;
	mac[0] = 0x02;
	for (int i = 1; i < 6; i++)
		mac[i] = (uint8_t)(h >> (8 * i));
}

static unsigned link_mtu(const char *name)
{
	struct ifreq ifr;
	unsigned mtu = 1500;
	int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return mtu;
	set_name(&ifr, name);
	if (ioctl(s, SIOCGIFMTU, &ifr) == 0 && ifr.ifr_mtu >= 576 &&
	    ifr.ifr_mtu <= 9000)
		mtu = (unsigned)ifr.ifr_mtu;
	close(s);
	return mtu;
}

int mcc_unix_tap_connect(mcc_unix_tap *self, const char *ifname)
{
	struct ifreq ifr;

	memset(self, 0, sizeof *self);
	self->fd = -1;
	self->net.dev.kind = "unix_tap";
	self->net.dev.disconnect = tap_disconnect;
	self->net.recv = tap_recv;
	self->net.send = tap_send;
	self->net.mac = tap_mac;
	self->net.mtu = tap_mtu;
	if (!ifname || !*ifname || strlen(ifname) >= IFNAMSIZ)
		return -MCC_EINVAL;
	int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? -MCC_ENOENT
		     : errno == EACCES || errno == EPERM ? -MCC_EPERM : -MCC_EIO;
	set_name(&ifr, ifname);
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		int e = errno;
		close(fd);
		return e == EPERM ? -MCC_EPERM : e == EBUSY ? -MCC_EADDRINUSE
					       : -MCC_EIO;
	}
	self->fd = fd;
	memcpy(self->ifname, ifr.ifr_name, IFNAMSIZ);
	self->ifname[15] = 0;
	make_mac(self->ifname, self->mac);
	self->mtu = link_mtu(self->ifname);
	return 0;
}
