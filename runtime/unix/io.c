/* unix/io.c - fd readiness for jobs, on one level-triggered epoll set.
 *
 * Each watched fd has a record with three wait queues (read, write,
 * either).  Interest is added when a job first waits and kept while
 * events keep finding waiters; an event that finds nobody waiting drops
 * its interest, so a readable socket nobody reads does not spin the loop,
 * and a job that reads in a loop costs no epoll_ctl per read. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include "mcc/platform.h"
#include "mcc/sched.h"
#include "mcc/error.h"
#include "unix/io.h"

/* Exit status when every job waits and nothing can ever wake one. */
#define IO_EXIT_DEADLOCK 70

typedef struct io_fd {
	mcc_waitq q[3];         /* indexed by events - 1 */
	uint32_t interest;      /* EPOLL* bits registered */
	bool added;             /* in the epoll set */
	bool always_ready;      /* epoll refused it: a regular file */
} io_fd;

static struct {
	int epfd;               /* -1 until the first wait; 0 is never ours */
	io_fd **fds;
	size_t nfds;
	size_t waiters;         /* jobs inside mcc_unix_wait_fd */
} IO = { .epfd = -1 };

static io_fd *io_get(int fd, bool create)
{
	if ((size_t)fd >= IO.nfds) {
		if (!create)
			return NULL;
		size_t n = IO.nfds ? IO.nfds : 64;
		while (n <= (size_t)fd)
			n *= 2;
		io_fd **t = realloc(IO.fds, n * sizeof *t);
		if (!t)
			return NULL;
		memset(t + IO.nfds, 0, (n - IO.nfds) * sizeof *t);
		IO.fds = t;
		IO.nfds = n;
	}
	if (!IO.fds[fd] && create)
		IO.fds[fd] = calloc(1, sizeof(io_fd));
	return IO.fds[fd];
}

static int io_ctl(int fd, io_fd *r, uint32_t interest)
{
	struct epoll_event ev = { .events = interest, .data.fd = fd };
	if (interest == 0) {
		if (r->added)
			epoll_ctl(IO.epfd, EPOLL_CTL_DEL, fd, &ev);
		r->added = false;
		r->interest = 0;
		return 0;
	}
	int rc = epoll_ctl(IO.epfd, r->added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev);
	if (rc < 0 && r->added && errno == ENOENT)   /* closed without forget */
		rc = epoll_ctl(IO.epfd, EPOLL_CTL_ADD, fd, &ev);
	if (rc < 0)
		return -errno;
	r->added = true;
	r->interest = interest;
	return 0;
}

int mcc_unix_wait_fd(int fd, unsigned events, uint64_t deadline_ns)
{
	if (fd < 0 || events < 1 || events > 3 || !mcc_job_self())
		return -MCC_EINVAL;
	if (mcc_job_cancelled())
		return -MCC_ECANCELED;
	if (IO.epfd < 0) {
		IO.epfd = epoll_create1(EPOLL_CLOEXEC);
		if (IO.epfd < 0)
			return -MCC_EIO;
	}
	io_fd *r = io_get(fd, true);
	if (!r)
		return -MCC_ENOMEM;
	if (r->always_ready)
		return 0;
	uint32_t need = (events & MCC_IO_READ ? EPOLLIN | EPOLLRDHUP : 0) |
			(events & MCC_IO_WRITE ? EPOLLOUT : 0);
	if ((r->interest & need) != need) {
		int rc = io_ctl(fd, r, r->interest | need);
		if (rc == -EPERM) {
			r->always_ready = true;
			return 0;
		}
		if (rc < 0)
			return rc == -EBADF ? -MCC_EINVAL : -MCC_EIO;
	}
	IO.waiters++;
	int rc = mcc_wait(&r->q[events - 1], deadline_ns);
	IO.waiters--;
	return rc;
}

void mcc_unix_forget_fd(int fd)
{
	io_fd *r = fd >= 0 ? io_get(fd, false) : NULL;
	if (!r)
		return;
	io_ctl(fd, r, 0);
	for (int i = 0; i < 3; i++)
		mcc_wake_all(&r->q[i]);
	free(r);
	IO.fds[fd] = NULL;
}

/* Wake queue qi and the "either" queue; false if both were empty. */
static bool io_wake(io_fd *r, int qi)
{
	bool any = r->q[qi].head || r->q[2].head;
	mcc_wake_all(&r->q[qi]);
	mcc_wake_all(&r->q[2]);
	return any;
}

static void io_dispatch(const struct epoll_event *ev)
{
	int fd = ev->data.fd;
	io_fd *r = io_get(fd, false);
	if (!r)
		return;
	uint32_t keep = r->interest;
	uint32_t e = ev->events;
	if (e & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP))
		if (!io_wake(r, 0))
			keep &= ~(uint32_t)(EPOLLIN | EPOLLRDHUP);
	if (e & (EPOLLOUT | EPOLLERR | EPOLLHUP))
		if (!io_wake(r, 1))
			keep &= ~(uint32_t)EPOLLOUT;
	if (keep != r->interest)
		io_ctl(fd, r, keep);
}

static void io_deadlock(void)
{
	static const char msg[] =
		"mcc: deadlock: every job is blocked and no timer or I/O can wake one\n";
	mcc_plat_errlog(msg, sizeof msg - 1);
	mcc_plat_exit(IO_EXIT_DEADLOCK);
}

void mcc_unix_io_poll(uint64_t deadline_ns)
{
	if (deadline_ns == UINT64_MAX && IO.waiters == 0)
		io_deadlock();
	uint64_t now = mcc_plat_now_ns();
	uint64_t wait = deadline_ns > now ? deadline_ns - now : 0;
	if (IO.epfd < 0) {
		/* No fd was ever watched: only a timer can be pending. */
		struct timespec ts = { (time_t)(wait / 1000000000u), (long)(wait % 1000000000u) };
		nanosleep(&ts, NULL);
		return;
	}
	struct epoll_event evs[64];
	int n;
	if (deadline_ns == UINT64_MAX) {
		n = epoll_wait(IO.epfd, evs, 64, -1);
	} else {
		struct timespec ts = { (time_t)(wait / 1000000000u), (long)(wait % 1000000000u) };
		n = epoll_pwait2(IO.epfd, evs, 64, &ts, NULL);
		if (n < 0 && errno == ENOSYS) {
			/* Before Linux 5.11: millisecond timeout, rounded up. */
			uint64_t ms = (wait + 999999) / 1000000;
			n = epoll_wait(IO.epfd, evs, 64, ms > 0x7fffffff ? 0x7fffffff : (int)ms);
		}
	}
	for (int i = 0; i < n; i++)
		io_dispatch(&evs[i]);
}
