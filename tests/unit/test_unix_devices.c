/* tests/unit/test_unix_devices.c - console, time, clock and random on
 * Unix, the flow print helpers, glue messages and mcc_strerror. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "unix/console.h"
#include "unix/time.h"
#include "unix/clock.h"
#include "unix/random.h"
#include "unix/io.h"
#include "mcc/glue.h"
#include "mcc/sched.h"
#include "capture.h"

static void test_console_output_and_levels(void **state)
{
	(void)state;
	mcc_unix_console con;
	assert_int_equal(mcc_unix_console_connect(&con), 0);
	mcc_console *c = &con.c;
	capture cap;
	capture_start(&cap, 1);
	assert_int_equal(mcc_flow_puts(&c->flow, "plain\n"), 6);
	assert_int_equal(mcc_console_printf(c, "n=%d s=%s\n", 42, "x"), 9);
	assert_int_equal(c->log(c, MCC_LOG_APP, "app"), 0);
	assert_int_equal(c->log(c, MCC_LOG_ERROR, "bad"), 0);
	assert_int_equal(c->log(c, MCC_LOG_DEBUG, "hidden"), 0);
	con.level = MCC_LOG_DEBUG;
	assert_int_equal(c->log(c, MCC_LOG_DEBUG, "shown"), 0);
	assert_int_equal(c->log(c, 99, "x"), -MCC_EINVAL);
	/* Long output goes through the allocated path in one write. */
	char big[2000];
	memset(big, 'y', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(mcc_flow_printf(&c->flow, "%s\n", big), 2000);
	assert_int_equal(c->flow.close(&c->flow), 0);
	assert_int_equal(c->flow.write(&c->flow, "z", 1), -MCC_ECLOSED);
	char b[4];
	assert_int_equal(c->flow.read(&c->flow, b, sizeof b), 0);
	const char *out = capture_end(&cap);
	assert_true(strncmp(out, "plain\nn=42 s=x\napp\n[ERROR] bad\n[DEBUG] shown\n", 45) == 0);
	assert_null(strstr(out, "hidden"));
	assert_int_equal(strlen(out), 45 + 2000);
	assert_int_equal(mcc_flow_puts(NULL, "x"), -MCC_EINVAL);
}

static int pipe_fds[2];
static mcc_unix_console rcon;
static char got[32];
static int writer_ran_first;

static int console_reader(void *arg)
{
	(void)arg;
	long n = rcon.c.flow.read(&rcon.c.flow, got, sizeof got - 1);
	assert_int_equal(n, 6);
	got[n] = '\0';
	return 0;
}

static int pipe_writer(void *arg)
{
	(void)arg;
	/* The reader is parked by now, and this job still runs. */
	writer_ran_first = got[0] == '\0';
	mcc_sleep_ns(2000000);
	assert_int_equal(write(pipe_fds[1], "input\n", 6), 6);
	return 0;
}

static void test_console_read_blocks_only_its_job(void **state)
{
	(void)state;
	assert_int_equal(pipe(pipe_fds), 0);
	int saved = dup(0);
	dup2(pipe_fds[0], 0);
	assert_int_equal(mcc_unix_console_connect(&rcon), 0);
	memset(got, 0, sizeof got);
	mcc_job_spawn("reader", console_reader, NULL, 0);
	mcc_job_spawn("writer", pipe_writer, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	mcc_unix_forget_fd(0);
	dup2(saved, 0);
	close(saved);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	assert_true(writer_ran_first);
	assert_string_equal(got, "input\n");
}

static mcc_unix_time tdev;
static int sleep_rc;

static int timed_sleeper(void *arg)
{
	(void)arg;
	uint64_t a = mcc_now_ns();
	assert_int_equal(tdev.t.sleep_ns(&tdev.t, MCC_MS(5)), 0);
	assert_true(mcc_now_ns() - a >= MCC_MS(5));
	sleep_rc = tdev.t.sleep_ns(&tdev.t, MCC_S(60));
	return 0;
}

static int cancel_sleeper(void *arg)
{
	mcc_sleep_ns(MCC_MS(10));
	mcc_job_cancel(arg);
	return 0;
}

static void test_time(void **state)
{
	(void)state;
	assert_int_equal(mcc_unix_time_connect(&tdev), 0);
	mcc_job *s = mcc_job_spawn("sleeper", timed_sleeper, NULL, 0);
	mcc_job_spawn("canceller", cancel_sleeper, s, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_int_equal(sleep_rc, -MCC_ECANCELED);
}

static void test_clock(void **state)
{
	(void)state;
	mcc_unix_clock ck;
	assert_int_equal(mcc_unix_clock_connect(&ck), 0);
	int64_t p = ck.c.posix_ns(&ck.c);
	int64_t now = (int64_t)time(NULL) * 1000000000;
	assert_true(p > now - 2000000000LL && p < now + 2000000000LL);
	uint64_t m1 = ck.c.monotonic_ns(&ck.c);
	usleep(1000);
	uint64_t m2 = ck.c.monotonic_ns(&ck.c);
	assert_true(m2 >= m1 + 1000000);
}

static void test_random(void **state)
{
	(void)state;
	mcc_unix_random r;
	assert_int_equal(mcc_unix_random_connect(&r), 0);
	unsigned char a[1000], b[1000];
	memset(a, 0, sizeof a);
	memset(b, 0, sizeof b);
	assert_int_equal(r.r.fill(&r.r, a, sizeof a), 0);
	assert_int_equal(r.r.fill(&r.r, b, sizeof b), 0);
	assert_memory_not_equal(a, b, sizeof a);
	int zeros = 0;
	for (size_t i = 0; i < sizeof a; i++)
		zeros += a[i] == 0;
	assert_true(zeros < 30);   /* about 4 expected */
	assert_int_equal(r.r.fill(&r.r, a, 0), 0);
}

static void test_glue_messages(void **state)
{
	(void)state;
	capture cap;
	capture_start(&cap, 2);
	int rc = mcc_glue_connect_failed("fs", "config.mcfg:7:23", -MCC_ENOENT);
	mcc_glue_job_failed("main", 3);
	mcc_glue_job_failed("srv", -MCC_ECONNRESET);
	const char *out = capture_end(&cap);
	assert_int_equal(rc, 1);
	assert_string_equal(out,
		"mcc: cannot connect fs (config.mcfg:7:23): no such file, key or device\n"
		"mcc: job main failed with status 3\n"
		"mcc: job srv failed: connection reset by peer (status -7)\n");
}

static void test_strerror(void **state)
{
	(void)state;
	assert_string_equal(mcc_strerror(MCC_EROFS), "read-only device");
	assert_string_equal(mcc_strerror(-MCC_EROFS), "read-only device");
	assert_string_equal(mcc_strerror(0), "success");
	assert_string_equal(mcc_strerror(MCC_E_LAST), "unknown error");
	assert_string_equal(mcc_strerror(-2147483647 - 1), "unknown error");
	for (int e = 1; e < MCC_E_LAST; e++)
		assert_string_not_equal(mcc_strerror(e), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_console_output_and_levels),
		cmocka_unit_test(test_console_read_blocks_only_its_job),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_glue_messages),
		cmocka_unit_test(test_strerror),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
