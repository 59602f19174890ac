/* tests/unit/test_sched.c - the cooperative scheduler (mcc/sched.h). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>
#include "mcc/sched.h"
#include "mcc/error.h"

static char trace[4096];
static size_t trace_n;

static void mark(char c)
{
	if (trace_n + 1 < sizeof trace) {
		trace[trace_n++] = c;
		trace[trace_n] = '\0';
	}
}

static int setup(void **state)
{
	(void)state;
	trace_n = 0;
	trace[0] = '\0';
	return 0;
}

/* --- ordering and yield ------------------------------------------------- */

static int job_yield3(void *arg)
{
	for (int i = 0; i < 3; i++) {
		mark(*(const char *)arg);
		mcc_yield();
	}
	return 0;
}

static void test_fifo_and_yield(void **state)
{
	(void)state;
	assert_non_null(mcc_job_spawn("a", job_yield3, "a", 0));
	assert_non_null(mcc_job_spawn("b", job_yield3, "b", 0));
	assert_non_null(mcc_job_spawn("c", job_yield3, "c", 0));
	assert_int_equal(mcc_sched_run(), 0);
	assert_string_equal(trace, "abcabcabc");
}

static int job_spawner(void *arg)
{
	(void)arg;
	mark('p');
	assert_non_null(mcc_job_spawn("child", job_yield3, "k", 0));
	mark('q');
	mcc_yield();
	mark('r');
	return 0;
}

static void test_spawn_from_job_runs_later(void **state)
{
	(void)state;
	mcc_job_spawn("p", job_spawner, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_string_equal(trace, "pqkrkk");
}

static int job_self_check(void *arg)
{
	*(mcc_job **)arg = mcc_job_self();
	return 0;
}

static void test_self_and_outside(void **state)
{
	(void)state;
	mcc_job *seen = NULL;
	assert_null(mcc_job_self());
	assert_false(mcc_job_cancelled());
	/* Blocking calls outside any job have nothing to park. */
	assert_int_equal(mcc_sleep_ns(1000), -MCC_EINVAL);
	mcc_waitq q = { 0 };
	assert_int_equal(mcc_wait(&q, 0), -MCC_EINVAL);
	mcc_yield();   /* a no-op */
	mcc_job *j = mcc_job_spawn("self", job_self_check, &seen, 0);
	assert_non_null(j);
	assert_int_equal(mcc_sched_run(), 0);
	assert_ptr_equal(seen, j);
	assert_null(mcc_job_spawn("nofn", NULL, NULL, 0));
	assert_int_equal(mcc_sched_run(), 0);   /* nothing to run */
}

/* --- timers ---------------------------------------------------------------- */

static uint64_t t0;

static int job_sleep_mark(void *arg)
{
	int ms = (int)(intptr_t)arg;
	assert_int_equal(mcc_sleep_until(t0 + (uint64_t)ms * 1000000u), 0);
	mark((char)('0' + ms / 10));
	return 0;
}

static void test_timers_fire_in_deadline_order(void **state)
{
	(void)state;
	t0 = mcc_now_ns();
	mcc_job_spawn("30", job_sleep_mark, (void *)(intptr_t)30, 0);
	mcc_job_spawn("10", job_sleep_mark, (void *)(intptr_t)10, 0);
	mcc_job_spawn("50", job_sleep_mark, (void *)(intptr_t)50, 0);
	mcc_job_spawn("20", job_sleep_mark, (void *)(intptr_t)20, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_string_equal(trace, "1235");
}

static int job_sleep_same(void *arg)
{
	mcc_sleep_until(t0);
	mark(*(const char *)arg);
	return 0;
}

static void test_equal_deadlines_keep_order(void **state)
{
	(void)state;
	t0 = mcc_now_ns() + 5000000u;
	const char *names[] = { "a", "b", "c", "d", "e" };
	for (int i = 0; i < 5; i++)
		mcc_job_spawn(names[i], job_sleep_same, (void *)names[i], 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_string_equal(trace, "abcde");
}

static uint64_t slept_ns;

static int job_sleep_20ms(void *arg)
{
	(void)arg;
	uint64_t a = mcc_now_ns();
	assert_int_equal(mcc_sleep_ns(20000000u), 0);
	slept_ns = mcc_now_ns() - a;
	return 0;
}

static void test_sleep_accuracy(void **state)
{
	(void)state;
	mcc_job_spawn("s", job_sleep_20ms, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_true(slept_ns >= 20000000u);
	assert_true(slept_ns < 35000000u);
}

static int job_busy_yield(void *arg)
{
	volatile int *stop = arg;
	while (!*stop)
		mcc_yield();
	return 0;
}

static int job_sleep_then_stop(void *arg)
{
	mcc_sleep_ns(2000000u);
	*(volatile int *)arg = 1;
	return 0;
}

static void test_yielding_job_does_not_starve_timers(void **state)
{
	(void)state;
	volatile int stop = 0;
	mcc_job_spawn("busy", job_busy_yield, (void *)&stop, 0);
	mcc_job_spawn("timer", job_sleep_then_stop, (void *)&stop, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_int_equal(stop, 1);
}

static int job_sleep0(void *arg)
{
	(void)arg;
	mark('s');
	assert_int_equal(mcc_sleep_ns(0), 0);
	mark('S');
	return 0;
}

static int job_mark_x(void *arg)
{
	(void)arg;
	mark('x');
	return 0;
}

static void test_sleep_zero_lets_others_run(void **state)
{
	(void)state;
	mcc_job_spawn("s", job_sleep0, NULL, 0);
	mcc_job_spawn("x", job_mark_x, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_string_equal(trace, "sxS");
}

/* --- wait queues ---------------------------------------------------------- */

static mcc_waitq wq;
static int wait_rc[8];

static int job_waiter(void *arg)
{
	int i = (int)(intptr_t)arg;
	wait_rc[i] = mcc_wait(&wq, 0);
	mark((char)('0' + i));
	return 0;
}

static int job_wake_one_then_all(void *arg)
{
	(void)arg;
	mcc_yield();         /* let the waiters queue up */
	mark('w');
	mcc_wake_one(&wq);
	mcc_yield();
	mark('W');
	mcc_wake_all(&wq);
	return 0;
}

static void test_wake_one_and_all(void **state)
{
	(void)state;
	memset(&wq, 0, sizeof wq);
	for (int i = 0; i < 3; i++) {
		wait_rc[i] = 99;
		mcc_job_spawn("w", job_waiter, (void *)(intptr_t)i, 0);
	}
	mcc_job_spawn("waker", job_wake_one_then_all, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_string_equal(trace, "w0W12");
	for (int i = 0; i < 3; i++)
		assert_int_equal(wait_rc[i], 0);
	assert_null(wq.head);
	assert_null(wq.tail);
	mcc_wake_all(&wq);   /* empty: harmless */
	mcc_wake_one(&wq);
}

static int job_wait_timeout(void *arg)
{
	(void)arg;
	uint64_t a = mcc_now_ns();
	assert_int_equal(mcc_wait(&wq, a + 5000000u), -MCC_ETIMEDOUT);
	assert_true(mcc_now_ns() - a >= 5000000u);
	assert_null(wq.head);   /* a timed-out waiter leaves the queue */
	return 0;
}

static void test_wait_timeout(void **state)
{
	(void)state;
	memset(&wq, 0, sizeof wq);
	mcc_job_spawn("t", job_wait_timeout, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

/* --- join, cancel, detach ---------------------------------------------------- */

static int job_ret(void *arg)
{
	mcc_yield();
	return (int)(intptr_t)arg;
}

static int job_joiner(void *arg)
{
	(void)arg;
	mcc_job *a = mcc_job_spawn("a", job_ret, (void *)(intptr_t)42, 0);
	mcc_job *b = mcc_job_spawn("b", job_ret, (void *)(intptr_t)7, 0);
	assert_int_equal(mcc_job_join(a), 42);
	/* b has ended by now: joining a finished job returns at once. */
	mcc_yield();
	assert_int_equal(mcc_job_join(b), 7);
	assert_int_equal(mcc_job_join(mcc_job_self()), -MCC_EINVAL);
	assert_int_equal(mcc_job_join(NULL), -MCC_EINVAL);
	return 0;
}

static void test_join_status(void **state)
{
	(void)state;
	mcc_job_spawn("joiner", job_joiner, NULL, 0);
	/* The failures were collected by join: the run succeeds. */
	assert_int_equal(mcc_sched_run(), 0);
}

static int sleeper_rc;

static int job_long_sleep(void *arg)
{
	(void)arg;
	sleeper_rc = mcc_sleep_ns(10000000000ull);
	assert_true(mcc_job_cancelled());
	/* Every later blocking call fails too. */
	assert_int_equal(mcc_sleep_ns(1), -MCC_ECANCELED);
	return 3;
}

static int job_canceller(void *arg)
{
	(void)arg;
	mcc_job *s = mcc_job_spawn("sleeper", job_long_sleep, NULL, 0);
	mcc_sleep_ns(1000000u);
	mcc_job_cancel(s);
	assert_int_equal(mcc_job_join(s), 3);
	return 0;
}

static void test_cancel_sleeping_job(void **state)
{
	(void)state;
	uint64_t a = mcc_now_ns();
	sleeper_rc = 99;
	mcc_job_spawn("c", job_canceller, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_int_equal(sleeper_rc, -MCC_ECANCELED);
	assert_true(mcc_now_ns() - a < 1000000000u);
}

static int job_wait_forever(void *arg)
{
	(void)arg;
	return mcc_wait(&wq, 0);
}

static int job_cancel_waiter(void *arg)
{
	(void)arg;
	mcc_job *w = mcc_job_spawn("w", job_wait_forever, NULL, 0);
	mcc_yield();
	assert_non_null(wq.head);
	mcc_job_cancel(w);
	assert_null(wq.head);   /* left the queue at once */
	assert_int_equal(mcc_job_join(w), -MCC_ECANCELED);
	mcc_job_cancel(NULL);
	return 0;
}

static void test_cancel_waitq_job(void **state)
{
	(void)state;
	memset(&wq, 0, sizeof wq);
	mcc_job_spawn("c", job_cancel_waiter, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

static int job_cancel_before_run(void *arg)
{
	(void)arg;
	mcc_job *w = mcc_job_spawn("w", job_wait_forever, NULL, 0);
	mcc_job_cancel(w);   /* not started yet: its first block fails */
	assert_int_equal(mcc_job_join(w), -MCC_ECANCELED);
	return 0;
}

static void test_cancel_before_run(void **state)
{
	(void)state;
	memset(&wq, 0, sizeof wq);
	mcc_job_spawn("c", job_cancel_before_run, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

static int job_join_target(void *arg)
{
	(void)arg;
	mcc_sleep_ns(5000000000ull);
	return 0;
}

static mcc_job *join_target;

static int job_cancelled_joiner(void *arg)
{
	(void)arg;
	return mcc_job_join(join_target);
}

static int job_cancel_joiner(void *arg)
{
	(void)arg;
	join_target = mcc_job_spawn("target", job_join_target, NULL, 0);
	mcc_job *j = mcc_job_spawn("joiner", job_cancelled_joiner, NULL, 0);
	mcc_yield();
	mcc_job_cancel(j);
	assert_int_equal(mcc_job_join(j), -MCC_ECANCELED);
	/* The target is still joinable; stop it and collect it. */
	mcc_job_cancel(join_target);
	assert_int_equal(mcc_job_join(join_target), 0);
	return 0;
}

static void test_cancel_joiner(void **state)
{
	(void)state;
	mcc_job_spawn("c", job_cancel_joiner, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

static int job_detacher(void *arg)
{
	(void)arg;
	mcc_job *a = mcc_job_spawn("a", job_ret, (void *)(intptr_t)0, 0);
	mcc_job_detach(a);                 /* detached while running */
	mcc_job *b = mcc_job_spawn("b", job_ret, (void *)(intptr_t)0, 0);
	mcc_yield();
	mcc_yield();
	mcc_job_detach(b);                 /* detached after it ended */
	mcc_job *c = mcc_job_spawn("c", job_ret, (void *)(intptr_t)0, 0);
	mcc_job_detach(c);
	assert_int_equal(mcc_job_join(c), -MCC_EINVAL);   /* still running */
	return 0;
}

static void test_detach(void **state)
{
	(void)state;
	/* LeakSanitizer checks that both detached jobs are freed. */
	mcc_job_spawn("d", job_detacher, NULL, 0);
	assert_int_equal(mcc_sched_run(), 0);
}

static int job_fail_detached(void *arg)
{
	(void)arg;
	mcc_job *a = mcc_job_spawn("a", job_ret, (void *)(intptr_t)5, 0);
	mcc_job_detach(a);
	return 0;
}

static void test_run_returns_first_uncollected_failure(void **state)
{
	(void)state;
	mcc_job_spawn("ok", job_ret, (void *)(intptr_t)0, 0);
	mcc_job_spawn("f9", job_ret, (void *)(intptr_t)9, 0);
	mcc_job_spawn("f4", job_ret, (void *)(intptr_t)4, 0);
	assert_int_equal(mcc_sched_run(), 9);
	mcc_job_spawn("d", job_fail_detached, NULL, 0);
	assert_int_equal(mcc_sched_run(), 5);
	assert_int_equal(mcc_sched_run(), 0);   /* state was reset */
}

/* --- many jobs ------------------------------------------------------------------ */

static long counter;

static int job_count(void *arg)
{
	(void)arg;
	for (int i = 0; i < 10; i++) {
		counter++;
		if (i == 5)
			mcc_sleep_ns(1000);
		else
			mcc_yield();
	}
	return 0;
}

static void test_many_jobs(void **state)
{
	(void)state;
	counter = 0;
	for (int i = 0; i < 2000; i++)
		assert_non_null(mcc_job_spawn("n", job_count, NULL, 16384));
	assert_int_equal(mcc_sched_run(), 0);
	assert_int_equal(counter, 20000);
}

/* --- stacks ---------------------------------------------------------------------- */

static int recurse(int n)
{
	volatile char pad[512];
	pad[0] = (char)n;
	if (n == 0)
		return pad[0];
	return recurse(n - 1) + pad[0];
}

static volatile int recurse_sink;

static int job_deep(void *arg)
{
	recurse_sink = recurse((int)(intptr_t)arg);
	return 0;
}

static int job_float(void *arg)
{
	double x = 1.5;
	for (int i = 0; i < 3; i++) {
		mcc_yield();
		x *= 2;
	}
	*(double *)arg = x;
	return 0;
}

static void test_stack_use_and_fp(void **state)
{
	(void)state;
	double x = 0;
	/* 50 frames of > 512 bytes fit in the default 64 KiB, even with
	 * the sanitizers' red zones. */
	mcc_job_spawn("deep", job_deep, (void *)(intptr_t)50, 0);
	mcc_job_spawn("fp", job_float, &x, 0);
	assert_int_equal(mcc_sched_run(), 0);
	assert_true(x == 12.0);
}

static void test_stack_overflow_is_caught(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* 10000 frames of 512+ bytes cannot fit in 16 KiB: the guard
		 * page or the canary must stop the process. */
		mcc_job_spawn("overflow", job_deep, (void *)(intptr_t)10000, 16384);
		_exit(mcc_sched_run() == 0 ? 0 : 3);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_false(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fifo_and_yield, setup),
		cmocka_unit_test_setup(test_spawn_from_job_runs_later, setup),
		cmocka_unit_test_setup(test_self_and_outside, setup),
		cmocka_unit_test_setup(test_timers_fire_in_deadline_order, setup),
		cmocka_unit_test_setup(test_equal_deadlines_keep_order, setup),
		cmocka_unit_test_setup(test_sleep_accuracy, setup),
		cmocka_unit_test_setup(test_yielding_job_does_not_starve_timers, setup),
		cmocka_unit_test_setup(test_sleep_zero_lets_others_run, setup),
		cmocka_unit_test_setup(test_wake_one_and_all, setup),
		cmocka_unit_test_setup(test_wait_timeout, setup),
		cmocka_unit_test_setup(test_join_status, setup),
		cmocka_unit_test_setup(test_cancel_sleeping_job, setup),
		cmocka_unit_test_setup(test_cancel_waitq_job, setup),
		cmocka_unit_test_setup(test_cancel_before_run, setup),
		cmocka_unit_test_setup(test_cancel_joiner, setup),
		cmocka_unit_test_setup(test_detach, setup),
		cmocka_unit_test_setup(test_run_returns_first_uncollected_failure, setup),
		cmocka_unit_test_setup(test_many_jobs, setup),
		cmocka_unit_test_setup(test_stack_use_and_fp, setup),
		cmocka_unit_test_setup(test_stack_overflow_is_caught, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
