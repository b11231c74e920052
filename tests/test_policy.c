/*
 * test_policy.c - known answers for every replacement policy.
 */
#include <stdio.h>

#include "divisor.h"
#include "rng.h"
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
test_victim_names_its_rival(void **state)
{
	/*
	 * Three frames: r 0 (step 1), r 1, r 2, r 0, r 1, r 0, then r 3 (step 7)
	 * faults.  Page 0x0: loaded at 1, last used at 6, 3 uses; 0x1: 2, 5, 2;
	 * 0x2: 3, 3, 1.  FIFO takes 0x0 (loaded first), 0x1 loaded next; LRU
	 * takes 0x2 (used at 3), 0x1 used next longest ago (5); MRU takes 0x0
	 * (used at 6), 0x1 used next most recently (5); LFU takes 0x2 (1 use),
	 * 0x1 next fewest (2).  Random draws: it names no rival.
	 */
	static const struct { const char *policy, *says; } cases[] = {
		{ "fifo", "evicts 1:0x0 from frame 0, oldest: loaded at step 1, "
		  "rather than 1:0x1 (loaded at step 2)" },
		{ "lru", "evicts 1:0x2 from frame 2, least recently used: last used at step 3, "
		  "rather than 1:0x1 (last used at step 5)" },
		{ "mru", "evicts 1:0x0 from frame 0, most recently used: last used at step 6, "
		  "rather than 1:0x1 (last used at step 5)" },
		{ "lfu", "evicts 1:0x2 from frame 2, least frequently used: 1 use since it was "
		  "loaded, rather than 1:0x1 (2 uses)" },
		{ "random", "drawn at random (seed 1); it is clean" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		static const char *const ops[] = { "r 0x0000", "r 0x1000", "r 0x2000",
			"r 0x0000", "r 0x1000", "r 0x0000", "r 0x3000" };
		struct machine *m = test_machine(cases[i].policy, 3, 0);
		struct event_list ev;
		char text[512];
		int v;

		for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++)
			test_run(m, ops[k], &ev);
		v = test_find(&ev, EV_VICTIM);
		assert_true(v >= 0);
		event_explain(&ev.ev[v], m, text, sizeof text);
		if (!strstr(text, cases[i].says))
			fail_msg("%s: \"%s\" does not say \"%s\"", cases[i].policy, text,
				 cases[i].says);
		machine_free(m);
	}
}

/*
 * Reads of `pages` (ending with -1) on 3 frames, every one queued so OPT
 * sees ahead: each VICTIM line in turn must say the words of says[] (NULL
 * ends them).
 */
static void
expect_victim_lines(const char *policy, unsigned tick, unsigned tau, const int *pages,
		    const char *const *says)
{
	struct machine *m = test_machine(policy, 3, 0);
	struct op ops[16];
	size_t n = 0, said = 0;
	char text[512];

	m->cfg.tick = tick;
	m->cfg.tau = tau;
	for (; pages[n] >= 0; n++)
		ops[n] = (struct op){ .kind = OP_ACCESS, .access = 'r', .pid = 1,
			.addr = (uint64_t)pages[n] << 12 };
	test_look_ahead(m, ops, n);
	for (size_t i = 0; i < n; i++) {
		struct event_list ev;
		int v;

		test_apply(m, &ops[i], &ev, "a read");
		if ((v = test_find(&ev, EV_VICTIM)) < 0)
			continue;
		event_explain(&ev.ev[v], m, text, sizeof text);
		if (!says[said] || !strstr(text, says[said]))
			fail_msg("%s, step %zu: \"%s\" does not say \"%s\"", policy, i + 1, text,
				 says[said] ? says[said] : "(no victim expected)");
		said++;
	}
	assert_null(says[said]);
	machine_free(m);
}

/*
 * The rivals of the policies that do not rank pages by one figure, worked
 * by hand on 3 frames (steps count from 1; R is set by every use).
 */
static void
test_rivals_worked_by_hand(void **state)
{
	/* OPT, 0 1 2 0 1 0 3 1 0: at step 7, page 2 is never used again, 0 next at
	 * step 9, 1 at step 8: 2 goes, 0 would have gone next. */
	static const int opt_pages[] = { 0, 1, 2, 0, 1, 0, 3, 1, 0, -1 };
	static const char *const opt_says[] = { "evicts 1:0x2 from frame 2, never used again "
		"in the queued operations, rather than 1:0x0 (next used at step 9)", NULL };
	/* OPT, 0 1 2 3: at step 4 none is used again: the earliest loaded goes (0),
	 * the next earliest (1) would have. */
	static const int opt_never_pages[] = { 0, 1, 2, 3, -1 };
	static const char *const opt_never_says[] = { "evicts 1:0x0 from frame 0, never used "
		"again in the queued operations, the earliest loaded of the pages it may take "
		"that are never used again, rather than 1:0x1 (never used again)", NULL };
	/* NRU, tick 5: R cleared after step 5; step 6 sets page 0's R: pages 1 and 2
	 * are class 0, page 0 class 2; 1 goes, the lowest frame of class 0 (a tie
	 * broken), and 2 in the next frame up would have. */
	static const int nru_pages[] = { 0, 1, 2, 0, 1, 0, 3, -1 };
	static const char *const nru_tied[] = { "evicts 1:0x1 from frame 1, lowest class: 0 "
		"(R = 0, D = 0), the lowest frame of its class, rather than 1:0x2 (class 0)", NULL };
	/* NRU, tick 4: R cleared after step 4; steps 5 and 6 set 1's and 0's R: page
	 * 2 alone is class 0 (no tie to break), and 0, in the lowest frame of class
	 * 2, would have gone next. */
	static const char *const nru_alone[] = { "evicts 1:0x2 from frame 2, lowest class: 0 "
		"(R = 0, D = 0), rather than 1:0x0 (class 2)", NULL };
	/* Aging, tick 4: at the tick after step 4 every page had R set: all three
	 * counters are 10000000 at step 7, a tie: the earliest loaded (0) goes, 1
	 * would have. */
	static const char *const aging_tied[] = { "evicts 1:0x0 from frame 0, smallest "
		"counter: 10000000, the earliest loaded of its value, rather than 1:0x1 "
		"(counter 10000000)", NULL };
	/* Aging, tick 2: after step 2, 0 and 1 have 10000000; after step 4 (0 and 2
	 * used since): 0 11000000, 1 01000000, 2 10000000; after step 6 (1 and 0
	 * used): 0 11100000, 1 10100000, 2 01000000: 2 alone is smallest, 1 next. */
	static const char *const aging_alone[] = { "evicts 1:0x2 from frame 2, smallest "
		"counter: 01000000, rather than 1:0x1 (counter 10100000)", NULL };
	/* Clock, 0 1 2 0 1 0 3 2 4.  Step 7: every R is set; the hand clears all
	 * three, takes page 0 in frame 0 and stops at frame 1, where page 1's R is
	 * now clear: it would have gone next.  Step 8 sets page 2's R (frame 2).
	 * Step 9: the hand at frame 1 finds R clear and takes page 1; going on
	 * from frame 2, page 2 and page 3 (loaded at step 7) both have R set:
	 * the hand would clear both and come back to page 2. */
	static const int sweep_pages[] = { 0, 1, 2, 0, 1, 0, 3, 2, 4, -1 };
	static const char *const clock_says[] = {
		"evicts 1:0x0 from frame 0, reference bit clear under the hand (3 bits cleared "
		"on the way), rather than 1:0x1 (R = 0, the next the hand reaches with R clear)",
		"evicts 1:0x1 from frame 1, reference bit clear under the hand (0 bits cleared "
		"on the way), rather than 1:0x2 (R = 1, as every other page the hand may take: "
		"the first it reaches once a turn has cleared them)", NULL };
	/* Second chance, the same reads.  Step 7: 0, 1 and 2 each go to the back
	 * with R cleared; 0 is first again and goes; 1, next in the queue, has R
	 * clear.  Queue then 1 2 3; step 8 sets 2's R.  Step 9: 1 (R clear) goes;
	 * after it 2 and 3 both have R set: 2 would come back to the front first. */
	static const char *const second_chance_says[] = {
		"evicts 1:0x0 from frame 0, oldest in the queue with R clear: loaded at step 1 "
		"(3 second chances given on the way), rather than 1:0x1 (R = 0, the next in "
		"the queue with R clear)",
		"evicts 1:0x1 from frame 1, oldest in the queue with R clear: loaded at step 2 "
		"(0 second chances given on the way), rather than 1:0x2 (R = 1, as every other "
		"page it may take: the first in the queue once a trip has cleared them)", NULL };
	/* WSClock, tau 1, 0 1 2 3 4.  Step 4: every R is set: the hand clears them
	 * all (each page used now, age 0), comes round, and takes the clean page
	 * unused longest, the first on ties: 0 in frame 0; a new search from frame
	 * 1 finds 1 and 2 with R clear and age 0, in the working set: 1, the first
	 * of the clean ones unused longest.  Step 5: page 1 has age 1 (one access,
	 * step 4, since its use) >= tau, R clear, clean: it goes; from frame 2,
	 * page 2 is the same: it would have gone next. */
	static const int wsclock_pages[] = { 0, 1, 2, 3, 4, -1 };
	static const char *const wsclock_says[] = {
		"evicts 1:0x0 from frame 0, every page the hand may take is in its working set "
		"(tau = 1); this is the clean one unused longest: for 0 of its process's "
		"accesses (3 R bits cleared on the way), rather than 1:0x1 (clean, in its "
		"working set, unused longest)",
		"evicts 1:0x1 from frame 1, R clear, clean, and outside the working set: unused "
		"for 1 of its process's accesses (tau = 1) (0 R bits cleared on the way), rather "
		"than 1:0x2 (R = 0, clean, outside its working set: unused for 1)", NULL };
	/* Working set, tau 10 (nothing leaves its window): at a fault, LRU: 2 (used
	 * at step 3) goes, 1 (step 5) would have. */
	static const char *const working_set_says[] = { "evicts 1:0x2 from frame 2, least "
		"recently used: last used at step 3, rather than 1:0x1 (last used at step 5)",
		NULL };
	/* Random draws: it names no rival. */
	static const char *const random_says[] = { "drawn at random (seed 1); it is clean",
		NULL };

	(void)state;
	expect_victim_lines("opt", 100, 10, opt_pages, opt_says);
	expect_victim_lines("opt", 100, 10, opt_never_pages, opt_never_says);
	expect_victim_lines("nru", 5, 10, nru_pages, nru_tied);
	expect_victim_lines("nru", 4, 10, nru_pages, nru_alone);
	expect_victim_lines("aging", 4, 10, nru_pages, aging_tied);
	expect_victim_lines("aging", 2, 10, nru_pages, aging_alone);
	expect_victim_lines("clock", 100, 10, sweep_pages, clock_says);
	expect_victim_lines("second-chance", 100, 10, sweep_pages, second_chance_says);
	expect_victim_lines("wsclock", 100, 1, wsclock_pages, wsclock_says);
	expect_victim_lines("working-set", 100, 10, nru_pages, working_set_says);
	expect_victim_lines("random", 100, 10, opt_never_pages, random_says);
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
	struct event_list ev;
	int v;

	(void)state;
	for (int i = 0; i < 5; i++)
		ops[i] = (struct op){ .kind = OP_ACCESS, .access = 'r', .addr = (uint64_t)pages[i] << 12 };
	test_look_ahead(m, ops, 5);
	for (int i = 0; i < 3; i++)
		test_apply(m, &ops[i], &ev, "a read");
	v = test_find(&ev, EV_VICTIM);
	/* Page 1 is next used at step 4, page 2 at step 5: page 2 goes. */
	assert_int_equal(ev.ev[v].other_vpn, 2);
	assert_int_equal(ev.ev[v].why.value, 5);
	machine_free(m);
}

/* ---- the seven policies of issue 14, by hand ----------------------------- */

/*
 * One step of a worked example: the page read, the page the fault evicts
 * (-1: none) and the page trimmed after the access (-1: none).  Each row's
 * comment is the rule that decides it.
 */
struct step {
	int page, victim, trimmed;
};

/* Runs reads of the rows' pages on 3 frames and holds the machine to them. */
static void
expect_steps(const char *policy, unsigned tick, unsigned tau, const struct step *rows,
	     size_t n)
{
	struct machine *m = test_machine(policy, 3, 0);

	m->cfg.tick = tick;
	m->cfg.tau = tau;
	for (size_t i = 0; i < n; i++) {
		struct event_list ev;
		char line[32];
		int v, t;

		snprintf(line, sizeof line, "r 0x%x", rows[i].page * 0x1000);
		test_run(m, line, &ev);
		v = test_find(&ev, EV_VICTIM);
		t = test_find(&ev, EV_TRIM);
		if ((v < 0 ? -1 : (int)ev.ev[v].other_vpn) != rows[i].victim)
			fail_msg("%s: step %zu (page %d): victim %d, expected %d", policy, i + 1,
				 rows[i].page, v < 0 ? -1 : (int)ev.ev[v].other_vpn, rows[i].victim);
		if ((t < 0 ? -1 : (int)ev.ev[t].other_vpn) != rows[i].trimmed)
			fail_msg("%s: step %zu (page %d): trimmed %d, expected %d", policy, i + 1,
				 rows[i].page, t < 0 ? -1 : (int)ev.ev[t].other_vpn, rows[i].trimmed);
	}
	machine_free(m);
}

#define EXPECT_STEPS(policy, tick, tau, rows) \
	expect_steps(policy, tick, tau, rows, sizeof rows / sizeof rows[0])

static void
test_mru_victims(void **state)
{
	static const struct step rows[] = {     /* the textbook string, 3 frames */
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },    /* free frames */
		{ 2, 1, -1 },           /* 1 was used last (step 3) */
		{ 0, -1, -1 },          /* hit */
		{ 3, 0, -1 },           /* 0, used at step 5 */
		{ 0, 3, -1 },           /* 3, just loaded */
		{ 4, 0, -1 },
		{ 2, -1, -1 },          /* hit: 2 is now the most recent */
		{ 3, 2, -1 },
		{ 0, 3, -1 }, { 3, 0, -1 }, { 2, 3, -1 }, { 1, 2, -1 }, { 2, 1, -1 },
		{ 0, 2, -1 }, { 1, 0, -1 },
		{ 7, -1, -1 },          /* hit: 7 stayed since step 1 */
		{ 0, 7, -1 },           /* 7, used at step 18 */
		{ 1, -1, -1 },
	};

	(void)state;
	EXPECT_STEPS("mru", TICK_DEFAULT, TAU_DEFAULT, rows);
}

static void
test_lfu_victims(void **state)
{
	static const struct step rows[] = {     /* counts since loaded; ties: loaded earliest */
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },
		{ 2, 7, -1 },           /* all count 1: 7 was loaded first */
		{ 0, -1, -1 },          /* 0 counts 2 */
		{ 3, 1, -1 },           /* 1 and 2 count 1; 1 loaded earlier */
		{ 0, -1, -1 },          /* 0 counts 3 */
		{ 4, 2, -1 },           /* 2 (step 4) before 3 (step 6) */
		{ 2, 3, -1 },           /* 3 (step 6) before 4 (step 8) */
		{ 3, 4, -1 },           /* 4 (step 8) before 2 (step 9) */
		{ 0, -1, -1 }, { 3, -1, -1 }, { 2, -1, -1 },    /* 0: 4, 3: 2, 2: 2 */
		{ 1, 2, -1 },           /* 2 and 3 count 2; 2 loaded at step 9 */
		{ 2, 1, -1 },           /* 1 counts 1 */
		{ 0, -1, -1 },
		{ 1, 2, -1 },           /* 2 counts 1 */
		{ 7, 1, -1 },           /* 1 counts 1 */
		{ 0, -1, -1 },
		{ 1, 7, -1 },           /* 7 counts 1 */
	};

	(void)state;
	EXPECT_STEPS("lfu", TICK_DEFAULT, TAU_DEFAULT, rows);
}

static void
test_second_chance_victims(void **state)
{
	static const struct step rows[] = {     /* queue oldest first; R set by each use */
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },
		{ 2, 7, -1 },           /* 7 0 1 all R: each goes back once; 7 again first */
		{ 0, -1, -1 },          /* queue 0 1 2, R on 0 and 2 */
		{ 3, 1, -1 },           /* 0 goes back; 1 has R clear */
		{ 0, -1, -1 },          /* queue 2 0 3, all R */
		{ 4, 2, -1 },           /* a full trip; 2 first again */
		{ 2, 0, -1 },           /* queue 0 3 4: 0's R was cleared on the trip */
		{ 3, -1, -1 },          /* queue 3 4 2, all R */
		{ 0, 3, -1 },           /* a full trip; 3 */
		{ 3, 4, -1 },           /* queue 4 2 0: 4's R is clear */
		{ 2, -1, -1 },          /* queue 2 0 3, all R */
		{ 1, 2, -1 },           /* a full trip; 2 */
		{ 2, 0, -1 },           /* queue 0 3 1: 0 is clear */
		{ 0, 3, -1 },           /* queue 3 1 2: 3 is clear */
		{ 1, -1, -1 },          /* queue 1 2 0, all R */
		{ 7, 1, -1 },           /* a full trip; 1 */
		{ 0, -1, -1 },          /* queue 2 0 7: R on 0 and 7 */
		{ 1, 2, -1 },           /* 2 is clear */
	};

	(void)state;
	EXPECT_STEPS("second-chance", TICK_DEFAULT, TAU_DEFAULT, rows);
}

static void
test_nru_victims(void **state)
{
	/* Reads only, so D = 0: class 2 with R set, class 0 without.  A tick
	 * after accesses 4, 8, 12, 16 and 20 clears every R. */
	static const struct step rows[] = {
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },
		{ 2, 7, -1 },           /* all class 2: the lowest frame, 0, holds 7; tick */
		{ 0, -1, -1 },          /* 0 in frame 1: R set */
		{ 3, 2, -1 },           /* class 0: 2 (frame 0) and 1 (frame 2): frame 0 */
		{ 0, -1, -1 },
		{ 4, 1, -1 },           /* only 1 (frame 2) has R clear; tick */
		{ 2, 3, -1 },           /* all class 0: frame 0 holds 3 */
		{ 3, 0, -1 },           /* frames 1 (0) and 2 (4) clear: frame 1 */
		{ 0, 4, -1 },           /* frame 2 (4) */
		{ 3, -1, -1 },          /* tick */
		{ 2, -1, -1 },          /* 2 in frame 0 */
		{ 1, 3, -1 },           /* frames 1 (3) and 2 (0) clear: frame 1 */
		{ 2, -1, -1 }, { 0, -1, -1 },   /* tick */
		{ 1, -1, -1 },          /* 1 in frame 1 */
		{ 7, 2, -1 },           /* frames 0 (2) and 2 (0) clear: frame 0 */
		{ 0, -1, -1 }, { 1, -1, -1 },
	};

	(void)state;
	EXPECT_STEPS("nru", 4, TAU_DEFAULT, rows);
}

static void
test_aging_victims(void **state)
{
	/* Counters in binary; a tick after accesses 4, 8, 12, 16 and 20
	 * shifts each right with R on top.  Ties: the page loaded earliest. */
	static const struct step rows[] = {
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },
		{ 2, 7, -1 },   /* all 00000000: 7 loaded first.  Tick: 2, 0, 1 = 10000000 */
		{ 0, -1, -1 },
		{ 3, 0, -1 },   /* all 10000000: 0 (step 2) loaded before 1 (3) and 2 (4) */
		{ 0, 3, -1 },   /* 3 is 00000000 */
		{ 4, 0, -1 },   /* 0 is 00000000.  Tick: 2 01000000, 4 10000000, 1 01000000 */
		{ 2, -1, -1 },
		{ 3, 1, -1 },   /* 1 and 2 01000000: 1 (step 3) before 2 (step 4) */
		{ 0, 3, -1 },   /* 3 is 00000000 */
		{ 3, 0, -1 },   /* 0 is 00000000.  Tick: 2 10100000, 4 01000000, 3 10000000 */
		{ 2, -1, -1 },
		{ 1, 4, -1 },   /* 4 is the smallest, 01000000 */
		{ 2, -1, -1 },
		{ 0, 1, -1 },   /* 1 is 00000000.  Tick: 2 11010000, 0 10000000, 3 01000000 */
		{ 1, 3, -1 },   /* 3, 01000000 */
		{ 7, 1, -1 },   /* 1 is 00000000 */
		{ 0, -1, -1 },
		{ 1, 7, -1 },   /* 7 is 00000000 */
	};

	(void)state;
	EXPECT_STEPS("aging", 4, TAU_DEFAULT, rows);
}

static void
test_wsclock_victims(void **state)
{
	/* tau 4; one process, so its time is the step.  Every page read stays
	 * within its working set here: each victim is the clean page unused
	 * longest once the hand has gone round (ties: first from the hand). */
	static const struct step rows[] = {
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },
		{ 2, 7, -1 },   /* hand 0: all R cleared, all used now: frame 0 (7) */
		{ 0, -1, -1 },
		{ 3, 1, -1 },   /* hand 1: 0 and 2 have R (cleared); 1 unused for 2 */
		{ 0, -1, -1 },
		{ 4, 2, -1 },   /* hand 0: 2 unused for 2; 0 and 3 have R */
		{ 2, 0, -1 },   /* hand 1: 0 and 3 unused for 1: 0 first from the hand */
		{ 3, -1, -1 },
		{ 0, 4, -1 },   /* hand 2: 3 and 2 have R; 4 unused for 2 */
		{ 3, -1, -1 }, { 2, -1, -1 },
		{ 1, 2, -1 },   /* hand 1: all have R: frame 1 (2) */
		{ 2, 3, -1 },   /* hand 2: 3 and 0 unused for 1: 3 first */
		{ 0, -1, -1 }, { 1, -1, -1 },
		{ 7, 0, -1 },   /* hand 0: all have R (2 since its load): frame 0 (0) */
		{ 0, 1, -1 },   /* hand 1: 1 and 2 unused for 1: 1 first; 7 has R */
		{ 1, 2, -1 },   /* hand 2: 2 unused for 2, 7 for 1; 0 has R */
	};

	(void)state;
	EXPECT_STEPS("wsclock", TICK_DEFAULT, 4, rows);
}

/*
 * WSClock's other rules, tau 2: page 1 is written.  At page 5 the hand
 * (at frame 2) clears 3's R, finds 1 dirty and unused for 2 accesses
 * (its write-back is due), clears 4's R, comes round: the dirty page
 * goes, written to swap.  At page 6 the hand (at frame 1) clears 4's R
 * and finds 3 unused for 2 with R clear: outside the working set, clean.
 */
static void
test_wsclock_outside_the_working_set(void **state)
{
	static const struct { const char *op; int victim; const char *why; } rows[] = {
		{ "w 0x1000", -1, NULL }, { "r 0x2000", -1, NULL }, { "r 0x3000", -1, NULL },
		{ "r 0x4000", 2, "every page the hand may take is in its working set" },
		{ "r 0x3000", -1, NULL },
		{ "r 0x5000", 1, "the first dirty one it passed, unused for 2" },
		{ "r 0x4000", -1, NULL },
		{ "r 0x6000", 3, "R clear, clean, and outside the working set: unused for 2" },
	};
	struct machine *m = test_machine("wsclock", 3, 0);

	(void)state;
	m->cfg.tau = 2;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct event_list ev;
		char text[512];
		int v;

		test_run(m, rows[i].op, &ev);
		v = test_find(&ev, EV_VICTIM);
		assert_int_equal(v < 0 ? -1 : (int)ev.ev[v].other_vpn, rows[i].victim);
		if (v < 0)
			continue;
		event_explain(&ev.ev[v], m, text, sizeof text);
		if (!strstr(text, rows[i].why))
			fail_msg("step %zu: \"%s\" does not say \"%s\"", i + 1, text, rows[i].why);
		assert_int_equal(test_find(&ev, EV_WRITEBACK) >= 0, rows[i].victim == 1);
	}
	machine_free(m);
}

static void
test_working_set_trims(void **state)
{
	/* tau 3: after each access a page unused for 3 accesses leaves; at a
	 * fault with no free frame, the page used least recently goes. */
	static const struct step rows[] = {
		{ 7, -1, -1 }, { 0, -1, -1 }, { 1, -1, -1 },
		{ 2, 7, -1 },           /* full: LRU 7 */
		{ 0, -1, -1 },
		{ 3, 1, -1 },           /* full: LRU 1 (step 3) */
		{ 0, -1, 2 },           /* 2, used at 4, is unused for 3: trimmed */
		{ 4, -1, -1 },          /* into 2's frame, free */
		{ 2, 3, -1 },           /* full: LRU 3 (step 6) */
		{ 3, 0, -1 },           /* LRU 0 (step 7) */
		{ 0, 4, -1 },           /* LRU 4 (step 8) */
		{ 3, -1, 2 },           /* 2, used at 9: trimmed */
		{ 2, -1, -1 },          /* a free frame */
		{ 1, 0, -1 },           /* LRU 0 (step 11) */
		{ 2, -1, 3 },           /* 3, used at 12: trimmed */
		{ 0, -1, -1 },          /* a free frame */
		{ 1, -1, -1 },
		{ 7, 2, -1 },           /* LRU 2 (step 15) */
		{ 0, -1, -1 }, { 1, -1, -1 },
	};

	(void)state;
	EXPECT_STEPS("working-set", TICK_DEFAULT, 3, rows);
}

/*
 * Tanenbaum's exercise (Modern Operating Systems, chapter 3): four pages
 * with their load time, last reference, R and M:
 *     page  loaded  last ref  R  M
 *       0     126      280    1  0
 *       1     230      265    0  1
 *       2     140      270    0  0
 *       3     110      285    1  1
 * NRU replaces page 2 (class 0), FIFO page 3 (loaded first), LRU page 1
 * (referenced longest ago), second chance page 2 (3 and 0 have R set and
 * go to the back).  The snapshot is built in that order of loads and of
 * last references, and its R bits set as the table says (a tick would
 * have cleared the others).
 */
static void
test_tanenbaum_snapshot(void **state)
{
	static const struct { const char *policy; int victim; } replaces[] = {
		{ "nru", 2 }, { "fifo", 3 }, { "lru", 1 }, { "second-chance", 2 },
	};
	static const char *const build[] = {
		"w 0x3000", "r 0x0000", "r 0x2000", "w 0x1000",    /* loads: 3, 0, 2, 1 */
		"r 0x2000", "r 0x0000", "r 0x3000",                /* last refs: 1, 2, 0, 3 */
	};
	static const bool r_bit[] = { true, false, false, true };

	(void)state;
	for (size_t i = 0; i < sizeof replaces / sizeof replaces[0]; i++) {
		struct machine *m = test_machine(replaces[i].policy, 4, 0);
		struct event_list ev;
		int v;

		m->cfg.tick = TICK_MAX;
		for (size_t j = 0; j < sizeof build / sizeof build[0]; j++)
			test_run(m, build[j], &ev);
		for (int f = 0; f < 4; f++)
			m->frames[f].referenced = r_bit[frame_first(m, (int)f).vpn];
		test_run(m, "r 0x4000", &ev);
		v = test_find(&ev, EV_VICTIM);
		assert_true(v >= 0);
		if ((int)ev.ev[v].other_vpn != replaces[i].victim)
			fail_msg("%s replaces page %d, expected %d", replaces[i].policy,
				 (int)ev.ev[v].other_vpn, replaces[i].victim);
		machine_free(m);
	}
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

/*
 * The random policy's draw is a remainder by the frame count worked out
 * with a multiply (divisor.h): exactly n % d, for divisors from 1 to past
 * 2^63 and numerators at the edges (0, d - 1, d, the largest multiple of
 * d, 2^64 - 1) and drawn at random.
 */
static void
test_random_draw_is_the_remainder(void **state)
{
	static const uint64_t divisors[] = { 1, 2, 3, 7, 10, 63, 64, 65, 100, 641, 65535, 65536,
		65537, 1u << 20, 4294967295u, 4294967296u, 4294967297u, UINT64_C(1) << 63,
		(UINT64_C(1) << 63) + 1, UINT64_MAX - 1, UINT64_MAX };
	uint64_t rng = 1;

	(void)state;
	for (size_t i = 0; i < sizeof divisors / sizeof divisors[0] + 2000; i++) {
		uint64_t d = i < sizeof divisors / sizeof divisors[0] ? divisors[i]
			     : 1 + rng_next(&rng) % (i % 2 ? 70000 : UINT64_MAX);
		struct divisor v = divisor_of(d);
		uint64_t edges[] = { 0, 1, d - 1, d, UINT64_MAX - UINT64_MAX % d, UINT64_MAX };

		for (size_t k = 0; k < 6 + 100; k++) {
			uint64_t n = k < 6 ? edges[k] : rng_next(&rng);

			if (divisor_remainder(&v, n) != n % d)
				fail_msg("%llu %% %llu: %llu, not %llu", (unsigned long long)n,
					 (unsigned long long)d,
					 (unsigned long long)divisor_remainder(&v, n),
					 (unsigned long long)(n % d));
		}
	}
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
		cmocka_unit_test(test_victim_names_its_rival),
		cmocka_unit_test(test_rivals_worked_by_hand),
		cmocka_unit_test(test_opt_reason_names_next_use),
		cmocka_unit_test(test_random_is_reproducible),
		cmocka_unit_test(test_random_draw_is_the_remainder),
		cmocka_unit_test(test_mru_victims),
		cmocka_unit_test(test_lfu_victims),
		cmocka_unit_test(test_second_chance_victims),
		cmocka_unit_test(test_nru_victims),
		cmocka_unit_test(test_aging_victims),
		cmocka_unit_test(test_wsclock_victims),
		cmocka_unit_test(test_wsclock_outside_the_working_set),
		cmocka_unit_test(test_working_set_trims),
		cmocka_unit_test(test_tanenbaum_snapshot),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
