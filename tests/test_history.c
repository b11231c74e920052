/*
 * test_history.c - replay, undo and checkpoints: the state after k
 * operations is always what replaying k operations gives.
 */
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "history.h"
#include "testutil.h"

static struct history *
history_of(const char *policy, unsigned frames, const char *const *lines, size_t n)
{
	struct history *h = history_new(test_machine(policy, frames, 2));

	for (size_t i = 0; i < n; i++) {
		struct op op = test_op(lines[i]);
		char err[256];

		if (history_append(h, &op, lines[i], err, sizeof err))
			fail_msg("\"%s\" refused: %s", lines[i], err);
	}
	return h;
}

/* The same state as a fresh machine given the first k operations. */
static void
assert_replays_to(struct history *h, size_t k)
{
	const struct machine *m = history_state(h, k);  /* brings OPT's future up to date */
	struct machine *fresh = machine_clone(history_initial(h));
	struct event_list ev;
	char err[256];

	for (size_t i = 1; i <= k; i++)
		engine_apply(fresh, history_op(h, i), &ev, err, sizeof err);
	assert_int_equal(m->step, k);
	assert_memory_equal(&m->stats, &fresh->stats, sizeof m->stats);
	assert_memory_equal(m->frames, fresh->frames, m->cfg.frames * sizeof *m->frames);
	machine_free(fresh);
}

static void
test_back_and_forth_replays_exactly(void **state)
{
	static const char *const lines[] = { "w 0x0", "r 0x1000", "w 0x2000", "r 0x0",
		"spawn b", "w 0x3000", "r 1:0x1000", "tlb flush", "r 0x3000", "exit 2" };
	struct history *h = history_of("clock", 2, lines, 10);

	(void)state;
	assert_int_equal(history_length(h), 10);
	assert_string_equal(history_text(h, 5), "spawn b");
	for (size_t k = 10; k-- > 0;)
		assert_replays_to(h, k);
	for (size_t k = 0; k <= 10; k += 3)
		assert_replays_to(h, k);
	history_free(h);
}

static void
test_events_and_midpoints_match_replay(void **state)
{
	static const char *const lines[] = { "w 0x0", "r 0x1000", "r 0x2000" };
	struct history *h = history_of("fifo", 1, lines, 3);
	struct event_list ev;
	struct machine *mid;

	(void)state;
	history_events(h, 2, &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_WRITEBACK)].slot, 0);
	mid = history_state_within(h, 2, (unsigned)test_find(&ev, EV_EVICT) + 1);
	assert_int_equal(frame_first(mid, 0).pid, 0);
	assert_int_equal(rmap_first(slot_rmap(mid, 0)).vpn, 0);
	machine_free(mid);
	assert_int_equal(frame_first(history_state(h, 2), 0).vpn, 1);
	history_free(h);
}

static void
test_refused_append_changes_nothing(void **state)
{
	static const char *const lines[] = { "r 0x0" };
	struct history *h = history_of("lru", 2, lines, 1);
	struct op op = test_op("r 7:0x0");
	char err[256];

	(void)state;
	assert_int_equal(history_append(h, &op, "r 7:0x0", err, sizeof err), -1);
	assert_non_null(strstr(err, "no process 7"));
	assert_int_equal(history_length(h), 1);
	history_free(h);
}

static void
test_truncate_then_append(void **state)
{
	static const char *const lines[] = { "spawn b", "r 0x0", "exit 2" };
	struct history *h = history_of("lru", 2, lines, 3);
	struct op op = test_op("r 2:0x0");
	char err[256];

	(void)state;
	assert_int_equal(history_append(h, &op, NULL, err, sizeof err), -1);
	history_truncate(h, 2);
	assert_int_equal(history_append(h, &op, NULL, err, sizeof err), 0);
	assert_null(history_text(h, 3));
	assert_replays_to(h, 3);
	history_free(h);
}

/* OPT looks at every queued operation: appending one changes its past choices. */
static void
test_opt_sees_appended_operations(void **state)
{
	static const char *const lines[] = { "r 0x1000", "r 0x2000", "r 0x3000" };
	struct history *h = history_of("opt", 2, lines, 3);
	struct op op = test_op("r 0x1000");
	char err[256];

	(void)state;
	/* Nothing queued after: both never used again, the earliest loaded goes. */
	assert_int_equal(frame_first(history_state(h, 3), 0).vpn, 3);
	assert_int_equal(history_append(h, &op, NULL, err, sizeof err), 0);
	/* Now page 1 is used again at step 4, so page 2 goes instead. */
	assert_int_equal(frame_first(history_state(h, 3), 1).vpn, 3);
	assert_int_equal(history_state(h, 4)->stats.hits, 1);
	history_free(h);
}

/*
 * Issue 10: back at step 0 (g), typing an operation under OPT (:r 0x5000,
 * y) replaced the future that the cursor at step 0 and the machine on
 * screen still pointed at: a use after free, and replay from the old one.
 */
static void
test_opt_typing_at_the_start_replays_the_new_operations(void **state)
{
	static const char *const lines[] = { "r 0x0", "r 0x1000", "r 0x2000", "r 0x3000",
		"r 0x0" };
	struct history *h = history_of("opt", 2, lines, 5);
	struct op op = test_op("r 0x5000");
	struct machine *shown = machine_clone(history_state(h, 0));
	struct event_list ev;
	char err[256];

	(void)state;
	assert_int_equal(engine_check(history_state(h, 0), &op, err, sizeof err), 0);
	history_truncate(h, 0);
	assert_int_equal(history_append(h, &op, NULL, err, sizeof err), 0);
	history_events(h, 1, &ev);
	assert_int_equal(test_find(&ev, EV_ZERO_FILL) >= 0, 1);
	assert_replays_to(h, 1);
	/* What the screen still shows reads its own future until it lets go. */
	assert_int_equal(future_next_use(shown->future, 1), 5);
	machine_free(shown);
	history_free(h);
}

static void
test_long_history_replays_anywhere(void **state)
{
	struct history *h = history_new(test_machine("lru", 4, 4));
	uint64_t x = 1;

	(void)state;
	for (size_t i = 0; i < 100000; i++) {
		struct op op = { .kind = OP_ACCESS, .access = (i % 3) ? 'r' : 'w', .pid = 1 };
		char err[128];

		x = x * 6364136223846793005ull + 1442695040888963407ull;
		op.addr = (x >> 33) % 0x10000;
		assert_int_equal(history_append(h, &op, NULL, err, sizeof err), 0);
	}
	assert_int_equal(history_state(h, 100000)->step, 100000);
	assert_replays_to(h, 99999);
	assert_replays_to(h, 31337);
	assert_replays_to(h, 100000);
	history_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_back_and_forth_replays_exactly),
		cmocka_unit_test(test_events_and_midpoints_match_replay),
		cmocka_unit_test(test_refused_append_changes_nothing),
		cmocka_unit_test(test_truncate_then_append),
		cmocka_unit_test(test_opt_sees_appended_operations),
		cmocka_unit_test(test_opt_typing_at_the_start_replays_the_new_operations),
		cmocka_unit_test(test_long_history_replays_anywhere),
	};

#ifdef M_PERTURB
	/* Scribble over freed memory, so a use after free shows without ASan too. */
	mallopt(M_PERTURB, 0xa5);
#endif
	return cmocka_run_group_tests(tests, NULL, NULL);
}
