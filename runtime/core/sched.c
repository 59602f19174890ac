/* core/sched.c - cooperative jobs, timers and wait queues (mcc/sched.h).
 *
 * Every job runs on its own stack and switches back to the scheduler's
 * context when it blocks, yields or ends; the scheduler picks the next
 * one.  Ready jobs form a FIFO; sleeping jobs sit in a binary heap keyed
 * by (deadline, sequence number), so equal deadlines fire in the order
 * they were set and a run is deterministic for the same timings.
 *
 * A blocked job is in at most one wait queue and at most once in the heap;
 * whatever wakes it first (a waker, its deadline, a cancel) takes it out
 * of both, and the reason becomes the return value of its blocking call.
 * Nothing here allocates in the wake paths, so platform event handlers
 * inside mcc_plat_wait may call mcc_wake_*. */
#include "mcc/sched.h"
#include "mcc/platform.h"
#include "mcc/error.h"
#include "mcc/fmt.h"
#include "core/mem.h"

enum { JOB_READY, JOB_RUNNING, JOB_BLOCKED, JOB_DONE };

#define SCHED_STACK_DEFAULT (64u * 1024)
#define SCHED_STACK_MIN (16u * 1024)
#define SCHED_CANARY_WORDS 8
#define SCHED_CANARY 0x6d63632dca9a11e5ull
#define SCHED_NO_TIMER ((size_t)-1)
/* Exit status when a job's stack canary is found overwritten (EX_SOFTWARE). */
#define SCHED_EXIT_OVERFLOW 70

struct mcc_job {
	mcc_ctx ctx;
	const char *name;
	int (*fn)(void *);
	void *arg;
	unsigned char *stack;
	size_t stack_size;
	int state;
	int status;         /* fn's return value once done */
	int wake;           /* what the current blocking call returns */
	bool cancelled, detached, joining;
	mcc_job *next, *prev;   /* run queue, a wait queue or the done list */
	mcc_waitq *q;           /* the wait queue it blocks on, or NULL */
	size_t heap_i;          /* its slot in the timer heap */
	uint64_t deadline, seq; /* timer key */
	uint64_t end_seq;       /* order in which jobs ended */
	mcc_waitq joiners;
};

static struct {
	mcc_ctx main;           /* the context running mcc_sched_run */
	mcc_job *current;
	mcc_waitq runq;
	mcc_waitq done;         /* ended, neither joined nor detached */
	mcc_job **heap;
	size_t heap_n, heap_cap;
	uint64_t seq, end_seq;
	size_t live;            /* spawned and not yet ended */
	/* First failure among detached jobs (they leave no record). */
	uint64_t dfail_seq;
	int dfail_status;
} S;

/* --- queues ------------------------------------------------------------- */

static void q_push(mcc_waitq *q, mcc_job *j)
{
	j->next = NULL;
	j->prev = q->tail;
	if (q->tail)
		q->tail->next = j;
	else
		q->head = j;
	q->tail = j;
}

static void q_remove(mcc_waitq *q, mcc_job *j)
{
	if (j->prev)
		j->prev->next = j->next;
	else
		q->head = j->next;
	if (j->next)
		j->next->prev = j->prev;
	else
		q->tail = j->prev;
	j->next = j->prev = NULL;
}

static mcc_job *q_pop(mcc_waitq *q)
{
	mcc_job *j = q->head;
	if (j)
		q_remove(q, j);
	return j;
}

/* --- timer heap ----------------------------------------------------------- */

static bool heap_less(const mcc_job *a, const mcc_job *b)
{
	return a->deadline != b->deadline ? a->deadline < b->deadline : a->seq < b->seq;
}

static void heap_set(size_t i, mcc_job *j)
{
	S.heap[i] = j;
	j->heap_i = i;
}

static void heap_up(size_t i)
{
	mcc_job *j = S.heap[i];
	while (i > 0 && heap_less(j, S.heap[(i - 1) / 2])) {
		heap_set(i, S.heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	heap_set(i, j);
}

static void heap_down(size_t i)
{
	mcc_job *j = S.heap[i];
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= S.heap_n)
			break;
		if (c + 1 < S.heap_n && heap_less(S.heap[c + 1], S.heap[c]))
			c++;
		if (!heap_less(S.heap[c], j))
			break;
		heap_set(i, S.heap[c]);
		i = c;
	}
	heap_set(i, j);
}

static int heap_insert(mcc_job *j, uint64_t deadline)
{
	if (S.heap_n == S.heap_cap) {
		size_t cap = S.heap_cap ? 2 * S.heap_cap : 64;
		mcc_job **h = mcc_plat_alloc(cap * sizeof *h);
		if (!h)
			return -MCC_ENOMEM;
		if (S.heap_n)
			mcc_memcpy(h, S.heap, S.heap_n * sizeof *h);
		if (S.heap)
			mcc_plat_free(S.heap, S.heap_cap * sizeof *h);
		S.heap = h;
		S.heap_cap = cap;
	}
	j->deadline = deadline;
	j->seq = S.seq++;
	S.heap[S.heap_n] = j;
	heap_up(S.heap_n++);
	return 0;
}

static void heap_remove(mcc_job *j)
{
	size_t i = j->heap_i;
	j->heap_i = SCHED_NO_TIMER;
	mcc_job *last = S.heap[--S.heap_n];
	if (i == S.heap_n)
		return;
	heap_set(i, last);
	heap_up(i);
	heap_down(last->heap_i);
}

/* --- core transitions ------------------------------------------------------ */

static void sched_make_ready(mcc_job *j, int reason)
{
	if (j->q) {
		q_remove(j->q, j);
		j->q = NULL;
	}
	if (j->heap_i != SCHED_NO_TIMER)
		heap_remove(j);
	j->wake = reason;
	j->state = JOB_READY;
	q_push(&S.runq, j);
}

static void sched_check_stack(const mcc_job *j)
{
	const uint64_t *c = (const uint64_t *)(const void *)j->stack;
	for (int i = 0; i < SCHED_CANARY_WORDS; i++)
		if (c[i] != SCHED_CANARY) {
			char msg[160];
			int n = mcc_snprintf(msg, sizeof msg,
					     "mcc: stack overflow in job %s (stack %zu bytes)\n",
					     j->name ? j->name : "?", j->stack_size);
			mcc_plat_errlog(msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
			mcc_plat_exit(SCHED_EXIT_OVERFLOW);
		}
}

/* Park the running job (its state already set) and run the scheduler. */
static void sched_switch_out(mcc_job *j)
{
	mcc_ctx_switch(&j->ctx, &S.main);
}

/* Block the running job on q (may be NULL) until woken, cancelled or
 * deadline (0 = none); returns the wake reason. */
static int sched_block(mcc_waitq *q, uint64_t deadline)
{
	mcc_job *j = S.current;
	if (!j)
		return -MCC_EINVAL;      /* blocking outside a job: nothing to park */
	if (j->cancelled)
		return -MCC_ECANCELED;
	if (deadline && heap_insert(j, deadline) < 0)
		return -MCC_ENOMEM;
	if (q) {
		q_push(q, j);
		j->q = q;
	}
	j->state = JOB_BLOCKED;
	j->wake = 0;
	sched_switch_out(j);
	return j->wake;
}

static void job_free(mcc_job *j)
{
	mcc_plat_free(j->stack, j->stack_size);
	mcc_plat_free(j, sizeof *j);
}

static void job_entry(void *arg)
{
	mcc_job *j = arg;
	j->status = j->fn(j->arg);
	j->state = JOB_DONE;
	sched_switch_out(j);
	/* A finished job is never resumed. */
	static const char msg[] = "mcc: finished job resumed\n";
	mcc_plat_errlog(msg, sizeof msg - 1);
	mcc_plat_exit(SCHED_EXIT_OVERFLOW);
}

static void job_ended(mcc_job *j)
{
	S.live--;
	j->end_seq = ++S.end_seq;
	mcc_wake_all(&j->joiners);
	if (j->detached) {
		if (j->status && !S.dfail_seq) {
			S.dfail_seq = j->end_seq;
			S.dfail_status = j->status;
		}
		job_free(j);
		return;
	}
	q_push(&S.done, j);
}

/* --- public API ------------------------------------------------------------ */

mcc_job *mcc_job_spawn(const char *name, int (*fn)(void *arg), void *arg,
		       size_t stack_size)
{
	if (!fn)
		return NULL;
	if (stack_size == 0)
		stack_size = SCHED_STACK_DEFAULT;
	if (stack_size < SCHED_STACK_MIN)
		stack_size = SCHED_STACK_MIN;
	stack_size = (stack_size + 4095) & ~(size_t)4095;
	mcc_job *j = mcc_plat_alloc(sizeof *j);
	if (!j)
		return NULL;
	mcc_memset(j, 0, sizeof *j);
	j->stack = mcc_plat_alloc(stack_size);
	if (!j->stack) {
		mcc_plat_free(j, sizeof *j);
		return NULL;
	}
	/* Stacks grow down: the canary sits at the lowest addresses. */
	uint64_t *c = (uint64_t *)(void *)j->stack;
	for (int i = 0; i < SCHED_CANARY_WORDS; i++)
		c[i] = SCHED_CANARY;
	j->name = name;
	j->fn = fn;
	j->arg = arg;
	j->stack_size = stack_size;
	j->heap_i = SCHED_NO_TIMER;
	mcc_ctx_make(&j->ctx, j->stack, stack_size, job_entry, j);
	j->state = JOB_READY;
	q_push(&S.runq, j);
	S.live++;
	return j;
}

int mcc_job_join(mcc_job *j)
{
	if (!j || j == S.current || j->detached || j->joining)
		return -MCC_EINVAL;
	j->joining = true;
	while (j->state != JOB_DONE) {
		int r = sched_block(&j->joiners, 0);
		if (r < 0) {
			j->joining = false;   /* still joinable by someone else */
			return r;
		}
	}
	q_remove(&S.done, j);
	int status = j->status;
	job_free(j);
	return status;
}

void mcc_job_cancel(mcc_job *j)
{
	if (!j || j->state == JOB_DONE)
		return;
	j->cancelled = true;
	if (j->state == JOB_BLOCKED)
		sched_make_ready(j, -MCC_ECANCELED);
}

void mcc_job_detach(mcc_job *j)
{
	/* A job being joined belongs to its joiner, who will free it. */
	if (!j || j->detached || j->joining)
		return;
	if (j->state != JOB_DONE) {
		j->detached = true;
		return;
	}
	q_remove(&S.done, j);
	if (j->status && !S.dfail_seq) {
		S.dfail_seq = j->end_seq;
		S.dfail_status = j->status;
	}
	job_free(j);
}

mcc_job *mcc_job_self(void)
{
	return S.current;
}

bool mcc_job_cancelled(void)
{
	return S.current && S.current->cancelled;
}

void mcc_yield(void)
{
	mcc_job *j = S.current;
	if (!j)
		return;
	j->state = JOB_READY;
	q_push(&S.runq, j);
	sched_switch_out(j);
}

uint64_t mcc_now_ns(void)
{
	return mcc_plat_now_ns();
}

int mcc_sleep_until(uint64_t deadline_ns)
{
	/* Even a past deadline goes through the heap, so sleep(0) lets the
	 * other jobs run. */
	int r = sched_block(NULL, deadline_ns ? deadline_ns : 1);
	return r == -MCC_ETIMEDOUT ? 0 : r;
}

int mcc_sleep_ns(uint64_t ns)
{
	uint64_t now = mcc_plat_now_ns();
	uint64_t dl = ns > UINT64_MAX - now ? UINT64_MAX : now + ns;
	return mcc_sleep_until(dl);
}

int mcc_wait(mcc_waitq *q, uint64_t deadline_ns)
{
	if (!q)
		return -MCC_EINVAL;
	return sched_block(q, deadline_ns);
}

void mcc_wake_one(mcc_waitq *q)
{
	if (q && q->head)
		sched_make_ready(q->head, 0);
}

void mcc_wake_all(mcc_waitq *q)
{
	while (q && q->head)
		sched_make_ready(q->head, 0);
}

static void sched_fire_timers(void)
{
	if (!S.heap_n)
		return;
	uint64_t now = mcc_plat_now_ns();
	while (S.heap_n && S.heap[0]->deadline <= now)
		sched_make_ready(S.heap[0], -MCC_ETIMEDOUT);
}

static void sched_resume(mcc_job *j)
{
	S.current = j;
	j->state = JOB_RUNNING;
	mcc_ctx_switch(&S.main, &j->ctx);
	S.current = NULL;
	sched_check_stack(j);
	if (j->state == JOB_DONE)
		job_ended(j);
}

/* Status of the first job that ended with a non-zero status and whose
 * status nobody collected with mcc_job_join. */
static int sched_result(void)
{
	for (mcc_job *j = S.done.head; j; j = j->next)
		if (j->status) {
			if (S.dfail_seq && S.dfail_seq < j->end_seq)
				return S.dfail_status;
			return j->status;
		}
	return S.dfail_seq ? S.dfail_status : 0;
}

int mcc_sched_run(void)
{
	if (S.current)
		return -MCC_EINVAL;
	while (S.live > 0) {
		/* One round: the jobs ready now, then expired timers, so a job
		 * that keeps yielding cannot starve the sleepers. */
		mcc_job *last = S.runq.tail;
		for (mcc_job *j; last && (j = q_pop(&S.runq)); ) {
			bool end = j == last;
			sched_resume(j);
			if (end)
				break;
		}
		sched_fire_timers();
		if (S.runq.head || S.live == 0)
			continue;
		mcc_plat_wait(S.heap_n ? S.heap[0]->deadline : UINT64_MAX);
		sched_fire_timers();
	}
	int result = sched_result();
	/* Jobs nobody joined are freed here: after the run there is no job
	 * left to join them. */
	for (mcc_job *j; (j = q_pop(&S.done)); )
		job_free(j);
	if (S.heap) {
		mcc_plat_free(S.heap, S.heap_cap * sizeof *S.heap);
		S.heap = NULL;
		S.heap_n = S.heap_cap = 0;
	}
	S.dfail_seq = 0;
	S.dfail_status = 0;
	return result;
}
