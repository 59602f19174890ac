/* unix/console.c - console over stdio's stdout and fd 0.
 *
 * Output goes through stdio set to line buffering, so a line is one
 * write(2) and the buffer is flushed by exit.  Input waits for fd 0 with
 * the fd wait API and then reads, so a job reading the console blocks
 * only itself.  stdin stays in blocking mode: it is often shared with the
 * shell, which must not find it non-blocking afterwards. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "unix/console.h"
#include "unix/io.h"

static long console_read(mcc_flow *f, void *buf, size_t len)
{
	mcc_unix_console *c = (mcc_unix_console *)f;
	if (c->closed)
		return 0;
	if (len == 0)
		return 0;
	/* A prompt without a newline must be visible before we wait. */
	fflush(stdout);
	for (;;) {
		int rc = mcc_unix_wait_fd(0, MCC_IO_READ, 0);
		if (rc < 0 && rc != -MCC_EINVAL)
			return rc;   /* cancelled; EINVAL: not in a job, just read */
		ssize_t n = read(0, buf, len);
		if (n >= 0)
			return (long)n;
		if (errno != EINTR && errno != EAGAIN)
			return -MCC_EIO;
		if (rc == -MCC_EINVAL)
			return -MCC_EAGAIN;
	}
}

static long console_write(mcc_flow *f, const void *buf, size_t len)
{
	mcc_unix_console *c = (mcc_unix_console *)f;
	if (c->closed)
		return -MCC_ECLOSED;
	if (len > 0x7fffffff)
		len = 0x7fffffff;
	if (fwrite(buf, 1, len, stdout) != len)
		return -MCC_EIO;
	return (long)len;
}

static int console_close(mcc_flow *f)
{
	mcc_unix_console *c = (mcc_unix_console *)f;
	c->closed = true;
	return fflush(stdout) == 0 ? 0 : -MCC_EIO;
}

static int console_log(mcc_console *self, int level, const char *msg)
{
	static const char *const prefix[] = {
		[MCC_LOG_APP] = "", [MCC_LOG_ERROR] = "[ERROR] ",
		[MCC_LOG_WARN] = "[WARN] ", [MCC_LOG_INFO] = "[INFO] ",
		[MCC_LOG_DEBUG] = "[DEBUG] ",
	};
	mcc_unix_console *c = (mcc_unix_console *)self;
	if (level < MCC_LOG_APP || level > MCC_LOG_DEBUG || !msg)
		return -MCC_EINVAL;
	if (c->closed)
		return -MCC_ECLOSED;
	if (level > c->level)
		return 0;
	/* One fprintf: the whole line reaches stdout in one piece. */
	if (fprintf(stdout, "%s%s\n", prefix[level], msg) < 0)
		return -MCC_EIO;
	return 0;
}

static int console_disconnect(mcc_device *d)
{
	(void)d;
	return fflush(stdout) == 0 ? 0 : -MCC_EIO;
}

int mcc_unix_console_connect(mcc_unix_console *self)
{
	if (!self)
		return -MCC_EINVAL;
	memset(self, 0, sizeof *self);
	self->c.flow.dev.kind = "unix_console";
	self->c.flow.dev.disconnect = console_disconnect;
	self->c.flow.read = console_read;
	self->c.flow.write = console_write;
	self->c.flow.close = console_close;
	self->c.log = console_log;
	self->level = MCC_LOG_INFO;
	/* Whole lines reach a pipe or file promptly, as on a terminal. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	return 0;
}
