/*
 * test_policy.c - known answers for every replacement policy.
 */
#include "testutil.h"

static const int belady[] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5, -1 };
static const int textbook[] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1, -1 };

struct known_answer {
	const char *policy;
	unsigned frames;
	const int *pages;
	uint64_t faults;
};

static const struct known_answer answers[] = {
	{ "fifo", 3, belady, 9 },       /* Belady's anomaly: */
	{ "fifo", 4, belady, 10 },      /* one more frame, one more fault */
	{ "lru", 3, belady, 10 },
	{ "lru", 4, belady, 8 },        /* a stack algorithm: no anomaly */
	{ "opt", 3, belady, 7 },
	{ "opt", 4, belady, 6 },
	{ "fifo", 3, textbook, 15 },
	{ "lru", 3, textbook, 12 },
	{ "opt", 3, textbook, 9 },
};

static void
test_known_answers(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++) {
		const struct known_answer *a = &answers[i];
		struct machine *m = test_machine(a->policy, a->frames, 0);

		m->cfg.grow_va = true;
		if (test_page_run(m, a->pages, NULL) != a->faults)
			fail_msg("%s with %u frames: %llu faults, expected %llu", a->policy,
				 a->frames, (unsigned long long)m->stats.faults,
				 (unsigned long long)a->faults);
		machine_free(m);
	}
}

/* The victims, access by access (-1: none), for the textbook string. */
static void
expect_victims(const char *policy, const int *expected)
{
	int got[32];
	struct machine *m = test_machine(policy, 3, 0);

	test_page_run(m, textbook, got);
	for (size_t i = 0; textbook[i] >= 0; i++)
		if (got[i] != expected[i])
			fail_msg("%s: access %zu (page %d): victim %d, expected %d", policy,
				 i + 1, textbook[i], got[i], expected[i]);
	machine_free(m);
}

static void
test_fifo_victims(void **state)
{
	static const int v[] = { -1, -1, -1, 7, -1, 0, 1, 2, 3, 0, 4, -1, -1, 2, 3, -1, -1, 0, 1, 2 };

	(void)state;
	expect_victims("fifo", v);
}

static void
test_lru_victims(void **state)
{
	static const int v[] = { -1, -1, -1, 7, -1, 1, -1, 2, 3, 0, 4, -1, -1, 0, -1, 3, -1, 2, -1, -1 };

	(void)state;
	expect_victims("lru", v);
}

static void
test_opt_victims(void **state)
{
	static const int v[] = { -1, -1, -1, 7, -1, 1, -1, 0, -1, -1, 4, -1, -1, 3, -1, -1, -1, 2, -1, -1 };

	(void)state;
	expect_victims("opt", v);
}

/*
 * Clock by hand, 3 frames: pages 1 2 3 fill frames 0-2 with R set.  Page
 * 4 finds every R set: the hand clears all three, comes back to frame 0
 * and takes page 1.  Page 2 is used again (R set).  Page 5: the hand, at
 * frame 1, gives page 2 its second chance and takes page 3, where FIFO
 * would have taken page 2.
 */
static void
test_clock_second_chance(void **state)
{
	static const int pages[] = { 1, 2, 3, 4, 2, 5, -1 };
	static const int v[] = { -1, -1, -1, 1, -1, 3 };
	int got[8];
	struct machine *m = test_machine("clock", 3, 0);
	struct event_list ev;

	(void)state;
	test_page_run(m, pages, got);
	for (size_t i = 0; i < 6; i++)
		if (got[i] != v[i])
			fail_msg("access %zu: victim %d, expected %d", i + 1, got[i], v[i]);
	/* Page 6: the hand, at frame 0, clears page 4's bit (set when it was
	 * loaded) and takes page 2, whose second chance is used up. */
	test_run(m, "r 0x6000", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].other_vpn, 2);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].why.swept, 1);
	machine_free(m);
}

static void
test_victim_reasons(void **state)
{
	/* After r 0 (step 1), r 1, r 0, r 2 on two frames, each policy's words. */
	static const struct { const char *policy, *why; uint64_t value; } cases[] = {
		{ "fifo", "oldest: loaded at step 1", 1 },
		{ "lru", "least recently used: last used at step 2", 2 },     /* 0x0 was used again at step 3 */
		{ "opt", "never used again in the queued operations", NEVER },
		{ "clock", "reference bit clear under the hand (2 bits cleared on the way)", 0 },
		{ "random", "drawn at random (seed 1)", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct machine *m = test_machine(cases[i].policy, 2, 0);
		struct event_list ev;
		char text[512];
		int v;

		test_run(m, "r 0x0000", &ev);
		test_run(m, "r 0x1000", &ev);
		test_run(m, "r 0x0000", &ev);
		test_run(m, "r 0x2000", &ev);
		v = test_find(&ev, EV_VICTIM);
		assert_true(v >= 0);
		assert_int_equal(ev.ev[v].why.value, cases[i].value);
		event_explain(&ev.ev[v], m, text, sizeof text);
		if (!strstr(text, cases[i].why))
			fail_msg("%s: \"%s\" does not say \"%s\"", cases[i].policy, text,
				 cases[i].why);
		machine_free(m);
	}
}

static void
test_opt_reason_names_next_use(void **state)
{
	static const int pages[] = { 1, 2, 3, 1, 2, -1 };
	struct machine *m = test_machine("opt", 2, 0);
	struct op ops[5];
	struct op_source src;
	struct future *f;
	struct event_list ev;
	int v;

	(void)state;
	for (int i = 0; i < 5; i++)
		ops[i] = (struct op){ .kind = OP_ACCESS, .access = 'r', .addr = (uint64_t)pages[i] << 12 };
	src = op_source_array(ops, 5);
	f = future_build(&src, 1, 2, 12);
	machine_set_future(m, f);
	future_unref(f);
	for (int i = 0; i < 3; i++)
		test_apply(m, &ops[i], &ev, "a read");
	v = test_find(&ev, EV_VICTIM);
	/* Page 1 is next used at step 4, page 2 at step 5: page 2 goes. */
	assert_int_equal(ev.ev[v].other_vpn, 2);
	assert_int_equal(ev.ev[v].why.value, 5);
	machine_free(m);
}

static void
random_run(uint64_t seed, int *victims)
{
	static const int pages[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 2, 4, 6, 8, -1 };
	struct machine_config cfg;
	struct machine *m;

	machine_config_default(&cfg);
	cfg.policy = policy_find("random");
	cfg.frames = 3;
	cfg.tlb_entries = 0;
	cfg.seed = seed;
	m = machine_new_flat(&cfg, "app", PERM_R | PERM_W);
	test_page_run(m, pages, victims);
	machine_free(m);
}

static void
test_random_is_reproducible(void **state)
{
	int a[16] = { 0 }, b[16] = { 0 }, c[16] = { 0 };

	(void)state;
	random_run(1, a);
	random_run(1, b);
	random_run(2, c);
	assert_memory_equal(a, b, sizeof a);
	assert_memory_not_equal(a, c, sizeof a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_answers),
		cmocka_unit_test(test_fifo_victims),
		cmocka_unit_test(test_lru_victims),
		cmocka_unit_test(test_opt_victims),
		cmocka_unit_test(test_clock_second_chance),
		cmocka_unit_test(test_victim_reasons),
		cmocka_unit_test(test_opt_reason_names_next_use),
		cmocka_unit_test(test_random_is_reproducible),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
