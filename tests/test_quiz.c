/*
 * test_quiz.c - the UI quiz's predictions scored against the engine's own
 * events: a first touch (TLB miss, fault, frame 0) predicted right, the
 * same page again (a hit in frame 0) predicted wrong, a refused access, a
 * machine without a TLB (no TLB question), and the keys each question
 * takes.
 */
#include "testutil.h"
#include "quiz.h"

/* Predicts with `keys`, then scores against the events of `line` on m. */
static void
predict(struct quiz *q, struct machine *m, const char *line, const char *keys,
	const char *want)
{
	struct event_list ev;
	struct quiz_truth truth;
	char verdict[200];

	quiz_begin(q, 1, m->cfg.tlb_entries > 0);
	for (const char *k = keys; *k; k++)
		assert_true(quiz_key(q, *k));
	assert_int_equal(q->stage, QUIZ_DONE);
	test_run(m, line, &ev);
	quiz_truth_of(&ev, &truth);
	quiz_grade(q, &truth, verdict, sizeof verdict);
	assert_string_equal(verdict, want);
}

static void
test_right_then_wrong(void **state)
{
	struct machine *m = test_machine("lru", 2, 2);
	struct quiz q = { .on = true };

	(void)state;
	predict(&q, m, "r 0x0", "mf0\n", "quiz: TLB miss, right; fault, right; frame 0, right");
	assert_int_equal(q.right, 3);
	assert_int_equal(q.asked, 3);
	predict(&q, m, "r 0x1000", "hn0\n",
		"quiz: TLB hit, wrong: miss; no fault, wrong: fault; frame 0, wrong: frame 1");
	assert_int_equal(q.right, 3);
	assert_int_equal(q.asked, 6);
	predict(&q, m, "r 0x4", "hn0\n", "quiz: TLB hit, right; no fault, right; frame 0, right");
	assert_int_equal(q.right, 6);
	assert_int_equal(q.asked, 9);
	machine_free(m);
}

/* A write to a copy-on-write page traps to the kernel: a fault to predict. */
static void
test_copy_on_write_faults(void **state)
{
	struct machine *m = test_machine("lru", 4, 4);
	struct quiz q = { .on = true };
	struct event_list ev;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "fork 1", &ev);
	/* The child's first write copies frame 0 into the free frame 1. */
	predict(&q, m, "w 2:0x0", "mf1\n", "quiz: TLB miss, right; fault, right; frame 1, right");
	machine_free(m);
}

static void
test_refused_and_no_tlb(void **state)
{
	struct machine_config cfg;
	struct machine *m;
	struct quiz q = { .on = true };
	char err[128];

	(void)state;
	machine_config_default(&cfg);
	cfg.tlb_entries = 0;
	m = machine_new(&cfg);
	assert_int_equal(machine_add_process(m, 1, "a", err, sizeof err), 0);
	assert_int_equal(machine_map(m, 1, 0, 1, PERM_R, false, err, sizeof err), 0);
	m->current_pid = 1;
	/* No TLB: the first question is the fault; a page not mapped is refused. */
	quiz_begin(&q, 1, false);
	assert_int_equal(q.stage, QUIZ_FAULT);
	predict(&q, m, "r 0x5000", "n-", "quiz: no fault, right; refused, right");
	predict(&q, m, "r 0x0", "n-", "quiz: no fault, wrong: fault; refused, wrong: frame 0");
	assert_int_equal(q.right, 2);
	assert_int_equal(q.asked, 4);
	machine_free(m);
}

static void
test_keys(void **state)
{
	struct quiz q = { .on = true };
	char text[128];

	(void)state;
	quiz_begin(&q, 7, true);
	quiz_question(&q, text, sizeof text);
	assert_string_equal(text, "predict operation 7: TLB h hit or m miss?");
	assert_false(quiz_key(&q, 'f'));        /* not a TLB answer */
	assert_true(quiz_key(&q, 'm'));
	quiz_question(&q, text, sizeof text);
	assert_string_equal(text, "predict operation 7: f page fault or n none?");
	assert_true(quiz_key(&q, 'f'));
	assert_false(quiz_key(&q, '\n'));       /* no digit yet */
	assert_true(quiz_key(&q, '1'));
	assert_true(quiz_key(&q, '2'));
	assert_true(quiz_key(&q, 127));         /* Backspace */
	assert_false(quiz_key(&q, '-'));        /* a digit is typed already */
	quiz_question(&q, text, sizeof text);
	assert_string_equal(text, "predict operation 7: which frame? digits and Enter, - if "
			    "refused: 1");
	assert_true(quiz_key(&q, '\r'));
	assert_int_equal(q.stage, QUIZ_DONE);
	assert_string_equal(q.frame, "1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_right_then_wrong),
		cmocka_unit_test(test_copy_on_write_faults),
		cmocka_unit_test(test_refused_and_no_tlb),
		cmocka_unit_test(test_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
