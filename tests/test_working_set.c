/*
 * test_working_set.c - W(t, tau): a worked example, then random scripts
 * (several processes, faults, unmaps, exits) where every process's working
 * set after every operation must equal a brute-force count of the distinct
 * pages in its last tau completed accesses.
 */
#include "testutil.h"
#include "random_script.h"

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

static void
random_run(unsigned tau, uint64_t seed, unsigned frames)
{
	static struct brute b;
	struct machine_config cfg;
	struct machine *m;
	uint64_t rng = seed;
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
	for (int i = 0; i < 1500; i++) {
		script_command(&rng, line, sizeof line);
		assert_int_equal(cmd_parse(line, &op, &cerr), 0);
		if (engine_apply(m, &op, &ev, err, sizeof err) != 0)
			continue;
		if (m->next_pid >= PIDS)
			break;
		brute_note(&b, m, &op, &ev);
		assert_matches(&b, m);
	}
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
		cmocka_unit_test(t_clone_is_independent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
