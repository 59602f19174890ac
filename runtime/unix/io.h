/* unix/io.h - blocking a job (not the process) on a file descriptor.
 *
 * Components keep their fds non-blocking, try the operation, and on
 * EAGAIN call mcc_unix_wait_fd, which parks the calling job until epoll
 * (inside mcc_plat_wait) reports the fd ready.  Then they retry. */
#ifndef MCC_UNIX_IO_H
#define MCC_UNIX_IO_H

#include <stdint.h>

enum { MCC_IO_READ = 1, MCC_IO_WRITE = 2 };   /* may be or-ed */

/* Block the calling job until fd may be ready for events, or until
 * deadline_ns (monotonic, 0 = none).  Returns 0 (retry the operation),
 * -MCC_ETIMEDOUT, -MCC_ECANCELED, -MCC_EINVAL (bad fd or events, or not
 * called from a job), -MCC_ENOMEM or -MCC_EIO.  A regular file, which
 * epoll cannot watch, is always ready. */
int mcc_unix_wait_fd(int fd, unsigned events, uint64_t deadline_ns);

/* Call before close(fd): drops the fd from epoll and wakes the jobs
 * waiting on it (their wait returns 0; their retry then fails). */
void mcc_unix_forget_fd(int fd);

/* The platform's mcc_plat_wait: wait for I/O until deadline_ns and wake
 * the jobs whose fds are ready. */
void mcc_unix_io_poll(uint64_t deadline_ns);

#endif
