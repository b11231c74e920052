/*
 * test_policy_mind.c - known answers for what each policy shows of its
 * frames (policy_describe): the state its next choice is made from.
 *
 * Every policy runs the same eight reads and writes on 3 frames (tick 2,
 * tau 3): r 0, r 1, w 2, r 3, r 1, r 4, r 1, r 0, worked out by hand to
 * step 6 below, where each policy has made two choices.
 */
#include <stdio.h>

#include "testutil.h"

static const char *const script[] = {
	"r 0x0", "r 0x1000", "w 0x2000", "r 0x3000", "r 0x1000", "r 0x4000", "r 0x1000",
	"r 0x0",
};
#define NSCRIPT (sizeof script / sizeof script[0])

/* One frame as the policy shows it: its page, the value, the hand, R (-1: not shown). */
struct shown {
	int page;
	enum mind_kind kind;
	uint64_t value;
	bool hand;
	int r;
};

struct mind_answer {
	const char *policy;
	struct shown frame[3];          /* after step 6 */
};

#define N(v) MIND_NUMBER, (v)

static const struct mind_answer answers[] = {
	/* Step 4 takes page 0 (loaded first), step 6 page 1 (loaded at 2): the
	 * queue runs 2 (step 3), 3 (step 4), 4 (step 6). */
	{ "fifo", { { 3, N(2), false, -1 }, { 4, N(3), false, -1 }, { 2, N(1), false, -1 } } },
	/* Step 4 takes 0 (used at 1), step 6 takes 2 (used at 3, 1 at 5, 3 at 4). */
	{ "lru", { { 3, N(4), false, -1 }, { 1, N(5), false, -1 }, { 4, N(6), false, -1 } } },
	/* Step 4 takes 2 (used at 3, the latest), step 6 takes 1 (used at 5). */
	{ "mru", { { 0, N(1), false, -1 }, { 4, N(6), false, -1 }, { 3, N(4), false, -1 } } },
	/* Step 4 takes 2 (never used again; 0 next at 8, 1 at 5), step 6 takes 3
	 * (never again): 0 is next used at step 8, 1 at 7, 4 never. */
	{ "opt", { { 0, N(8), false, -1 }, { 1, N(7), false, -1 },
		   { 4, MIND_NEVER, NEVER, false, -1 } } },
	/* Step 4: every R set: the hand clears 0, 1, 2 and takes frame 0; it
	 * stops at 1.  Step 5 sets 1's R.  Step 6: the hand clears 1's R and
	 * takes frame 2 (R clear); it stops at frame 0, where 3's R is set. */
	{ "clock", { { 3, MIND_NONE, 0, true, 1 }, { 1, MIND_NONE, 0, false, 0 },
		     { 4, MIND_NONE, 0, false, 1 } } },
	/* Step 4: 0, 1, 2 each have R set and go to the back, R cleared; 0
	 * comes round with R clear and goes: the queue is 1, 2, 3.  Step 5
	 * sets 1's R.  Step 6: 1 goes to the back (R cleared), 2 goes: 3, 1, 4. */
	{ "second-chance", { { 3, N(1), false, 1 }, { 1, N(2), false, 0 },
			     { 4, N(3), false, 1 } } },
	/* Uses since loaded: step 4 ties 0, 1, 2 at 1 (0 loaded first goes);
	 * step 5 makes 1's 2; step 6 ties 3 and 2 at 1 (2 loaded first goes). */
	{ "lfu", { { 3, N(1), false, -1 }, { 1, N(2), false, -1 }, { 4, N(1), false, -1 } } },
	/* Ticks after accesses 2, 4, 6.  Tick 2: 0 and 1 10000000.  Step 4
	 * takes 2 (00000000); tick 4: 0 and 1 01000000, 3 10000000.  Step 6
	 * takes 0 (01000000, loaded before 1); tick 6: 4 10000000, 1 10100000
	 * (its R, set at step 5), 3 01000000. */
	{ "aging", { { 4, MIND_BITS8, 0x80, false, -1 }, { 1, MIND_BITS8, 0xa0, false, -1 },
		     { 3, MIND_BITS8, 0x40, false, -1 } } },
	/* Class 2R + D; R cleared at ticks 2, 4, 6.  Step 4 takes frame 0
	 * (class 0; 1 is 0 too, 2 is 3), step 6 frame 0 again (3: class 0;
	 * 1: 2, 2: 1).  After tick 6: 4 class 0, 1 class 0, 2 class 1 (dirty). */
	{ "nru", { { 4, N(0), false, 0 }, { 1, N(0), false, 0 }, { 2, N(1), false, 0 } } },
	/* tau 3, own time = step.  Step 4: the hand clears 0, 1, 2 (each used
	 * now, 3); all in the working set: the clean one unused longest from
	 * the hand, frame 0; hand at 1.  Step 6 (time 5): clears 1 (used at
	 * 5), passes 2 (R clear, age 2 < 3, dirty), clears 3 in frame 0 (used
	 * at 5); frame 1, age 0, first from the hand, goes; hand at 2.  At
	 * time 6: 3 age 1, 4 age 0 (R set), 2 age 3 (used at 3). */
	{ "wsclock", { { 3, N(1), false, 0 }, { 4, N(0), false, 1 }, { 2, N(3), true, 0 } } },
	/* Step 4 takes 0 (LRU); step 6 takes 2 (LRU); accesses 4, 5, 6 were to
	 * 3, 1, 4: ages 2, 1, 0. */
	{ "working-set", { { 3, N(2), false, -1 }, { 1, N(1), false, -1 },
			   { 4, N(0), false, -1 } } },
};

static struct machine *
run_to(const char *policy, size_t steps)
{
	struct machine *m = test_machine(policy, 3, 0);
	struct op ops[NSCRIPT];

	m->cfg.tick = 2;
	m->cfg.tau = 3;
	for (size_t i = 0; i < NSCRIPT; i++)
		ops[i] = test_op(script[i]);
	test_look_ahead(m, ops, NSCRIPT);
	for (size_t i = 0; i < steps; i++) {
		struct event_list ev;

		test_apply(m, &ops[i], &ev, script[i]);
	}
	return m;
}

static void
expect_frame(const char *policy, const struct machine *m, int f, const struct shown *want)
{
	struct frame_mind got;

	if (!policy_describe(m, f, &got))
		fail_msg("%s shows nothing", policy);
	if ((int)frame_first(m, f).vpn != want->page)
		fail_msg("%s: frame %d holds page %d, expected %d", policy, f,
			 (int)frame_first(m, f).vpn, want->page);
	if (got.kind != want->kind || (want->kind != MIND_NONE && got.value != want->value))
		fail_msg("%s: frame %d shows kind %d value %llu, expected kind %d value %llu",
			 policy, f, got.kind, (unsigned long long)got.value, want->kind,
			 (unsigned long long)want->value);
	if (got.hand != want->hand)
		fail_msg("%s: frame %d: hand %s, expected %s", policy, f,
			 got.hand ? "here" : "not here", want->hand ? "here" : "not here");
	if (got.r != want->r)
		fail_msg("%s: frame %d shows R %d, expected %d", policy, f, got.r, want->r);
}

static void
test_each_policy_after_step_6(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++) {
		struct machine *m = run_to(answers[i].policy, 6);

		for (int f = 0; f < 3; f++)
			expect_frame(answers[i].policy, m, f, &answers[i].frame[f]);
		machine_free(m);
	}
}

/* Every policy but random shows something; random keeps no state. */
static void
test_every_policy_but_random_has_a_column(void **state)
{
	(void)state;
	for (int i = 0; i < policy_count(); i++) {
		const struct policy_mind *mind = &policy_at(i)->mind;
		bool random = strcmp(policy_at(i)->name, "random") == 0;

		if (random != (mind->header == NULL))
			fail_msg("%s: column %s", policy_at(i)->name,
				 mind->header ? "shown" : "missing");
		if (mind->header && (!mind->short_header || mind->has_hand != (mind->hand != NULL)))
			fail_msg("%s: a column needs a short heading, and a hand its frame",
				 policy_at(i)->name);
	}
}

/* A free frame shows no value, but the hand where it points. */
static void
test_hand_on_a_free_frame(void **state)
{
	struct machine *m = test_machine("clock", 3, 0);
	struct frame_mind fm;
	struct event_list ev;

	(void)state;
	test_run(m, "r 0x0", &ev);
	assert_true(policy_describe(m, 0, &fm));
	assert_int_equal(fm.kind, MIND_NONE);
	assert_true(fm.hand);           /* loading into a free frame leaves the hand */
	assert_int_equal(fm.r, 1);
	assert_true(policy_describe(m, 1, &fm));
	assert_false(fm.hand);
	assert_int_equal(fm.r, -1);     /* free: no R bit */
	machine_free(m);
}

/* Ages in a process's own accesses; outside the window, none. */
static void
test_working_set_age(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;
	const struct working_set *ws = &machine_process(m, 1)->ws;

	(void)state;
	m->cfg.tau = 3;
	for (int page = 0; page < 4; page++) {
		char line[16];

		snprintf(line, sizeof line, "r 0x%x", page * 0x1000);
		test_run(m, line, &ev);
	}
	test_run(m, "r 0x2000", &ev);   /* the window: 2, 3, 2 */
	assert_int_equal(working_set_age(ws, 2), 0);
	assert_int_equal(working_set_age(ws, 3), 1);
	assert_int_equal(working_set_age(ws, 1), UINT64_MAX);  /* out of the last 3 */
	assert_int_equal(working_set_age(ws, 0), UINT64_MAX);
	machine_free(m);
}

/* ---- sweeps told look by look --------------------------------------------- */

/* The frames the looks (SWEEP events) of ev looked at, and how many. */
static unsigned
looks_of(const struct event_list *ev, int *frames)
{
	unsigned n = 0;

	for (unsigned i = 0; i < ev->n; i++)
		if (ev->ev[i].kind == EV_SWEEP)
			frames[n++] = ev->ev[i].frame;
	return n;
}

static void
expect_looks(const struct event_list *ev, const int *want, unsigned n, int victim)
{
	int got[EVENTS_MAX];
	unsigned k = looks_of(ev, got);
	int v = test_find(ev, EV_VICTIM);

	assert_int_equal(k, n);
	for (unsigned i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("look %u at frame %d, expected %d", i + 1, got[i], want[i]);
	assert_true(v > 0 && ev->ev[v - 1].kind == EV_SWEEP);
	assert_int_equal(ev->ev[v].frame, victim);
}

/* The narration of event kind k's i-th one (from 0). */
static const char *
said(const struct event_list *ev, const struct machine *m, unsigned i, char *buf, size_t size)
{
	for (unsigned j = 0; j < ev->n; j++)
		if (ev->ev[j].kind == EV_SWEEP && i-- == 0) {
			event_explain(&ev->ev[j], m, buf, size);
			return buf;
		}
	return "";
}

/* Pages 0, 1, 2, 3 read under policy on 3 frames; *ev: the fourth's
 * events, whose fault takes a frame. */
static struct machine *
fourth_read_faults(const char *policy, struct event_list *ev)
{
	struct machine *m = test_machine(policy, 3, 0);

	test_run(m, "r 0x0", ev);
	test_run(m, "r 0x1000", ev);
	test_run(m, "r 0x2000", ev);
	test_run(m, "r 0x3000", ev);
	return m;
}

/*
 * CLOCK on lesson 10's string, 3 frames.  Step 4: every R is set; the hand
 * clears frames 0, 1, 2 and comes back to frame 0, now clear: four looks,
 * the victim frame 0, three bits cleared.  Step 5 sets page 1's R.  Step 6:
 * the hand at frame 1 clears it and finds frame 2 clear: two looks.
 */
static void
test_clock_sweep_told_look_by_look(void **state)
{
	static const int step4[] = { 0, 1, 2, 0 }, step6[] = { 1, 2 };
	struct event_list ev;
	struct machine *m = fourth_read_faults("clock", &ev);
	char text[256];

	(void)state;
	expect_looks(&ev, step4, 4, 0);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].why.swept, 3);
	assert_string_equal(said(&ev, m, 0, text, sizeof text), "the hand at frame 0 (1:0x0): "
			    "R = 1, so R is cleared (its second chance) and the hand moves on to "
			    "frame 1");
	assert_string_equal(said(&ev, m, 3, text, sizeof text), "the hand at frame 0 (1:0x0): "
			    "R = 0, so this page is the victim; the hand stops just past it, at "
			    "frame 1");
	test_run(m, "r 0x1000", &ev);
	test_run(m, "r 0x4000", &ev);
	expect_looks(&ev, step6, 2, 2);
	machine_free(m);
}

/* Second chance, pages 0 1 2 3 on 3 frames: 0, 1, 2 go to the back, R
 * cleared; 0 comes to the front again with R clear and goes. */
static void
test_second_chance_told_look_by_look(void **state)
{
	static const int looks[] = { 0, 1, 2, 0 };
	struct event_list ev;
	struct machine *m = fourth_read_faults("second-chance", &ev);
	char text[256];

	(void)state;
	expect_looks(&ev, looks, 4, 0);
	assert_string_equal(said(&ev, m, 1, text, sizeof text), "the first page in the queue "
			    "that this fault may take is 1:0x1 in frame 1 (loaded at step 2): "
			    "R = 1, so R is cleared and it goes to the back of the queue (its "
			    "second chance)");
	machine_free(m);
}

/*
 * WSClock at step 6 of this file's script (worked out above): the hand at
 * frame 1 clears its R, passes frame 2 (R clear, unused for 2 < tau 3),
 * clears frame 0's R, and back at frame 1 takes the clean page unused
 * longest from where it started: frame 1.
 */
static void
test_wsclock_told_look_by_look(void **state)
{
	static const int looks[] = { 1, 2, 0, 1 };
	struct machine *m = run_to("wsclock", 5);
	struct op op = test_op(script[5]);
	struct event_list ev;
	char text[256];

	(void)state;
	test_apply(m, &op, &ev, script[5]);
	expect_looks(&ev, looks, 4, 1);
	assert_string_equal(said(&ev, m, 1, text, sizeof text), "the hand at frame 2 (1:0x2): "
			    "R = 0, unused for 2 of its process's accesses, fewer than tau = 3: in "
			    "its working set, so the hand moves on to frame 0");
	machine_free(m);
}

/*
 * A sweep longer than the looks an access tells: 30 frames, all R set.
 * The hand looks at 31 frames; 24 are told, the rest go on untold, and the
 * victim, frame 0, counts all 30 bits cleared, as the untold run does.
 */
/* Clock on 30 frames, 64 pages. */
static struct machine *
clock_30(void)
{
	struct machine_config cfg;

	machine_config_default(&cfg);
	cfg.policy = policy_find("clock");
	cfg.frames = 30;
	cfg.tlb_entries = 0;
	cfg.va_bits = 18;
	return machine_new_flat(&cfg, "app", PERM_R | PERM_W);
}

static void
test_long_sweep_told_in_part(void **state)
{
	struct machine *told = clock_30();
	struct machine *quiet = clock_30();
	struct event_list ev;
	int frames[EVENTS_MAX];
	char err[128];

	(void)state;
	for (int page = 0; page <= 30; page++) {
		char line[16];
		struct op op;

		snprintf(line, sizeof line, "r 0x%x", page * 0x1000);
		op = test_op(line);
		test_apply(told, &op, &ev, line);
		assert_int_equal(engine_apply(quiet, &op, NULL, err, sizeof err), 0);
	}
	assert_int_equal(looks_of(&ev, frames), LOOKS_TOLD_MAX);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].frame, 0);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].why.swept, 30);
	for (int f = 0; f < 30; f++) {
		struct frame_mind a, b;

		policy_describe(told, f, &a);
		policy_describe(quiet, f, &b);
		assert_int_equal(a.hand, b.hand);
		assert_int_equal(a.r, b.r);
	}
	machine_free(told);
	machine_free(quiet);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_policy_after_step_6),
		cmocka_unit_test(test_every_policy_but_random_has_a_column),
		cmocka_unit_test(test_hand_on_a_free_frame),
		cmocka_unit_test(test_working_set_age),
		cmocka_unit_test(test_clock_sweep_told_look_by_look),
		cmocka_unit_test(test_second_chance_told_look_by_look),
		cmocka_unit_test(test_wsclock_told_look_by_look),
		cmocka_unit_test(test_long_sweep_told_in_part),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
