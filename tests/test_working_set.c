/*
 * test_working_set.c - W(t, tau): a worked example, then random scripts
 * (several processes, faults, unmaps, exits) where every process's working
 * set after every operation must equal a brute-force count of the distinct
 * pages in its last tau completed accesses.  The thrashing view's series
 * (thrash.c), built from the same scripts' histories at many positions,
 * must give each access the fault, the processes and the sum of their
 * brute-force working sets recorded as the script ran, and fault rates
 * counted again from those faults.
 */
#include "testutil.h"
#include "random_script.h"
#include "thrash.h"

#define LOG_MAX 4096
#define GONE UINT64_MAX
#define PIDS 64                 /* the scripts stop before pid 64 */

/* Each process's completed accesses in order; GONE once the page is unmapped. */
struct brute {
	uint64_t log[PIDS][LOG_MAX];
	size_t n[PIDS];
};

/* The distinct pages among pid's last tau accesses; 1 if vpn is one of them. */
static unsigned
brute_size(const struct brute *b, int pid, unsigned tau, uint64_t vpn, int *has)
{
	size_t n = b->n[pid], from = n > tau ? n - tau : 0;
	unsigned distinct = 0;

	*has = 0;
	for (size_t i = from; i < n; i++) {
		size_t j;

		if (b->log[pid][i] == GONE)
			continue;
		for (j = from; j < i && b->log[pid][j] != b->log[pid][i]; j++)
			;
		distinct += j == i;
		*has |= b->log[pid][i] == vpn;
	}
	return distinct;
}

static void
brute_note(struct brute *b, const struct machine *m, const struct op *op,
	   const struct event_list *ev)
{
	for (unsigned i = 0; i < ev->n; i++)
		if (ev->ev[i].kind == EV_ACCESS) {
			assert_true(b->n[ev->ev[i].pid] < LOG_MAX);
			b->log[ev->ev[i].pid][b->n[ev->ev[i].pid]++] = ev->ev[i].vpn;
		}
	if (op->kind == OP_UNMAP || op->kind == OP_EXIT) {
		uint64_t first = op->addr >> machine_page_bits(m);

		for (size_t i = 0; i < b->n[op->pid]; i++)
			if (op->kind == OP_EXIT || b->log[op->pid][i] - first < op->pages)
				b->log[op->pid][i] = GONE;
	}
}

static void
assert_matches(const struct brute *b, const struct machine *m)
{
	for (int pid = 1; pid < PIDS && (size_t)pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, pid);
		int has;

		if (!p)
			continue;
		assert_int_equal(p->ws.size, brute_size(b, pid, m->cfg.tau, GONE - 1, &has));
		PAGE_TABLE_FOREACH(&p->pt, e) {
			brute_size(b, pid, m->cfg.tau, e->vpn, &has);
			if (working_set_has(e) != (has != 0))
				fail_msg("pid %d page 0x%llx: in W %d, brute force %d", pid,
					 (unsigned long long)e->vpn, working_set_has(e), has);
		}
	}
}

/*
 * tau 3, pages 1 2 1 3 4 4: the windows are {1}, {1,2}, {1,2,1},
 * {2,1,3}, {1,3,4}, {3,4,4}, so the sizes are 1 2 2 3 3 2; a write that
 * segfaults touches no page and leaves the window as it was.
 */
static void
t_worked_example(void **state)
{
	static const char *const ops[] = {
		"r 0x1000", "r 0x2000", "r 0x1000", "r 0x3000", "r 0x4000", "r 0x4000",
	};
	static const unsigned want[] = { 1, 2, 2, 3, 3, 2 };
	struct machine *m;

	(void)state;
	m = test_machine("lru", 2, 1);
	m->cfg.tau = 3;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		test_run(m, ops[i], NULL);
		assert_int_equal(machine_process(m, 1)->ws.size, want[i]);
	}
	assert_false(working_set_has(page_table_find(&machine_process(m, 1)->pt, 1)));
	assert_true(working_set_has(page_table_find(&machine_process(m, 1)->pt, 3)));
	test_run(m, "unmap 1 0x4000 1", NULL);
	assert_int_equal(machine_process(m, 1)->ws.size, 1);
	test_run(m, "r 0x4000", NULL);      /* a segfault now */
	assert_int_equal(machine_process(m, 1)->ws.size, 1);
	test_run(m, "r 0x5000", NULL);      /* {4 gone, 4 gone, 5}: 3 left the window */
	assert_int_equal(machine_process(m, 1)->ws.size, 1);
	machine_free(m);
}

/* What each operation of a script did, as it ran: operation k at [k]. */
#define OPS_MAX 1600

struct record {
	bool access;            /* the operation accesses memory */
	bool fault;             /* it counted a fault */
	unsigned processes;     /* live after it */
	uint64_t ws_sum;        /* the sum of their brute-force working sets */
};

static void
record_op(struct record *r, const struct brute *b, const struct machine *m,
	  const struct op *op, uint64_t faults_before)
{
	int has;

	*r = (struct record){ .access = op->kind == OP_ACCESS,
			      .fault = m->stats.faults > faults_before };
	for (int pid = 1; pid < PIDS && (size_t)pid < m->procs_cap; pid++)
		if (machine_process(m, pid)) {
			r->processes++;
			r->ws_sum += brute_size(b, pid, m->cfg.tau, GONE - 1, &has);
		}
}

/*
 * The run of accesses over the frames that ends the first n, counted
 * again: where it began, among the n (SIZE_MAX if the last fits).
 */
static size_t
brute_over_since(const struct record *r, const size_t *acc, size_t n, unsigned frames)
{
	size_t j = n;

	while (j > 0 && r[acc[j - 1]].ws_sum > frames)
		j--;
	return j == n ? SIZE_MAX : j;
}

/* thrash_build(h, done, max) against the records of operations 1..done. */
static void
check_series(struct history *h, const struct record *r, size_t done, size_t max)
{
	static size_t acc[OPS_MAX];
	unsigned frames = history_initial(h)->cfg.frames;
	struct thrash_series s;
	size_t n = 0, points, since;

	for (size_t k = 1; k <= done; k++)
		if (r[k].access)
			acc[n++] = k;
	points = n < max ? n : max;
	thrash_build(h, done, max, &s);
	assert_int_equal(s.n, points);
	assert_int_equal(s.first, n - points);
	assert_int_equal(s.frames, frames);
	for (size_t i = 0; i < points; i++) {
		size_t j = n - points + i;
		unsigned faults = 0, window = 0;

		for (size_t back = j + 1; back > 0 && window < THRASH_RATE_WINDOW; back--) {
			window++;
			faults += r[acc[back - 1]].fault;
		}
		assert_int_equal(s.p[i].step, acc[j]);
		assert_int_equal(s.p[i].fault, r[acc[j]].fault);
		assert_int_equal(s.p[i].faults, faults);
		assert_int_equal(s.p[i].window, window);
		assert_int_equal(s.p[i].processes, r[acc[j]].processes);
		assert_int_equal(s.p[i].ws_sum, r[acc[j]].ws_sum);
	}
	assert_int_equal(s.over_before, n > points && r[acc[n - points - 1]].ws_sum > frames);
	since = brute_over_since(r, acc, n, frames);
	assert_int_equal(thrash_over_since(&s),
			 since == SIZE_MAX || since < n - points ? SIZE_MAX : since - (n - points));
	thrash_free(&s);
}

/*
 * A random script on a machine of `frames` frames with window tau: every
 * working set checked after every operation, then the thrashing series
 * at positions through the script, each with several lengths.
 */
static void
random_run(unsigned tau, uint64_t seed, unsigned frames)
{
	static struct brute b;
	static struct record r[OPS_MAX];
	struct machine_config cfg;
	struct machine *m;
	struct history *h;
	uint64_t rng = seed, faults;
	char line[64], err[256];
	struct event_list ev;
	struct cmd_error cerr;
	struct op op;

	memset(&b, 0, sizeof b);
	machine_config_default(&cfg);
	cfg.tau = tau;
	cfg.frames = frames;
	cfg.swap_slots = 4;
	m = machine_new(&cfg);
	for (int i = 0; i < 3; i++) {
		snprintf(line, sizeof line, "spawn p%d 8 %s", i + 1, i == 2 ? "rx" : "rw");
		test_run(m, line, NULL);
	}
	h = history_new(machine_clone(m));
	for (int i = 0; i < 1500; i++) {
		script_command(&rng, line, sizeof line);
		assert_int_equal(cmd_parse(line, &op, &cerr), 0);
		faults = m->stats.faults;
		if (engine_apply(m, &op, &ev, err, sizeof err) != 0)
			continue;
		if (m->next_pid >= PIDS)
			break;
		assert_int_equal(history_append(h, &op, line, err, sizeof err), 0);
		brute_note(&b, m, &op, &ev);
		assert_matches(&b, m);
		record_op(&r[history_length(h)], &b, m, &op, faults);
	}
	for (size_t done = 0; done <= history_length(h); done += 1 + done / 8) {
		static const size_t maxes[] = { 0, 1, 5, 48, 200 };

		for (size_t i = 0; i < sizeof maxes / sizeof maxes[0]; i++)
			check_series(h, r, done, maxes[i]);
	}
	check_series(h, r, history_length(h), 128);
	history_free(h);
	machine_free(m);
}

static void
t_against_brute_force(void **state)
{
	static const unsigned taus[] = { 1, 2, 3, 5, 10, 40 };

	(void)state;
	for (size_t t = 0; t < sizeof taus / sizeof taus[0]; t++)
		for (uint64_t seed = 1; seed <= 4; seed++)
			random_run(taus[t], seed * 7919, 2 + (unsigned)seed);
}

/*
 * The thrashing series by hand: 2 frames, LRU, tau 2.  Pid 1 reads pages
 * 0, 1, 0 (faults, fault, hit; W {0}, {0,1}, {1,0}), pid 2 is spawned and
 * reads 0 (fault, evicting 1:0x1; W sizes 2 + 1 = 3, more than the 2
 * frames) and 1 (fault, evicting 1:0x0; 2 + 2 = 4); pid 1 reads 0 twice
 * (a fault evicting 2:0x0, then a hit; its last two accesses are both to
 * page 0, so W {0}: 1 + 2 = 3).  Seven accesses, five faults; the sums
 * first exceed the frames at the fourth access (step 5).
 */
static void
t_thrash_worked_example(void **state)
{
	static const char *const ops[] = {
		"r 1:0x0", "r 1:0x1000", "r 1:0x0", "spawn b 4 rw", "r 2:0x0", "r 2:0x1000",
		"r 1:0x0", "r 1:0x0",
	};
	static const struct thrash_point want[] = {
		{ 1, true, 1, 1, 1, 1 }, { 2, true, 2, 2, 1, 2 }, { 3, false, 2, 3, 1, 2 },
		{ 5, true, 3, 4, 2, 3 }, { 6, true, 4, 5, 2, 4 }, { 7, true, 5, 6, 2, 3 },
		{ 8, false, 5, 7, 2, 3 },
	};
	struct machine *m = test_machine("lru", 2, 0);
	struct thrash_series s;
	struct history *h;
	struct op op;
	char err[256];

	(void)state;
	m->cfg.tau = 2;
	h = history_new(m);
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		op = test_op(ops[i]);
		assert_int_equal(history_append(h, &op, ops[i], err, sizeof err), 0);
	}
	thrash_build(h, 8, 10, &s);
	assert_int_equal(s.n, 7);
	assert_int_equal(s.first, 0);
	assert_false(s.over_before);
	for (size_t i = 0; i < 7; i++) {
		assert_int_equal(s.p[i].step, want[i].step);
		assert_int_equal(s.p[i].fault, want[i].fault);
		assert_int_equal(s.p[i].faults, want[i].faults);
		assert_int_equal(s.p[i].window, want[i].window);
		assert_int_equal(s.p[i].processes, want[i].processes);
		assert_int_equal(s.p[i].ws_sum, want[i].ws_sum);
		assert_int_equal(thrash_stops_fitting(&s, i), i == 3);
	}
	assert_int_equal(thrash_over_since(&s), 3);
	thrash_free(&s);
	/* The last three (steps 6-8): the run over the frames began before them. */
	thrash_build(h, 8, 3, &s);
	assert_int_equal(s.first, 4);
	assert_true(s.over_before);
	assert_int_equal(s.p[0].step, 6);
	assert_int_equal(thrash_over_since(&s), SIZE_MAX);
	thrash_free(&s);
	/* The last four (steps 5-8): it began at the first. */
	thrash_build(h, 8, 4, &s);
	assert_false(s.over_before);
	assert_int_equal(thrash_over_since(&s), 0);
	thrash_free(&s);
	/* After step 3, all fits. */
	thrash_build(h, 3, 10, &s);
	assert_int_equal(s.n, 3);
	assert_int_equal(thrash_over_since(&s), SIZE_MAX);
	thrash_free(&s);
	history_free(h);
}

/* A clone carries its own window: running one does not change the other. */
static void
t_clone_is_independent(void **state)
{
	struct machine *m = test_machine("lru", 4, 4), *c;

	(void)state;
	test_run(m, "r 0x1000", NULL);
	c = machine_clone(m);
	test_run(c, "r 0x2000", NULL);
	assert_int_equal(machine_process(m, 1)->ws.size, 1);
	assert_int_equal(machine_process(c, 1)->ws.size, 2);
	machine_free(c);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_worked_example),
		cmocka_unit_test(t_against_brute_force),
		cmocka_unit_test(t_thrash_worked_example),
		cmocka_unit_test(t_clone_is_independent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
