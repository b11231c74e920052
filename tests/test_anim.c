/*
 * test_anim.c - the animation timeline: stepping event by event and op by
 * op over a session whose operations have known event counts (including
 * an operation with none), going back retracing exactly the way forward,
 * play/pause and the speed steps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "anim.h"

/* Events per operation: ops 1..5 (index 0 unused). */
static const unsigned counts[] = { 0, 9, 3, 0, 5, 1 };
#define LENGTH 5u
#define POSITIONS 20u   /* (0,0), 9 + 3 + 1 + 5 + 1 further stops */

struct pos {
	size_t op;
	unsigned ev;
};

static unsigned
fake_count(void *ctx, size_t k)
{
	const unsigned *c = ctx;

	assert_true(k >= 1 && k <= LENGTH);
	return (c[k]);
}

static const struct anim_source src = { fake_count, (void *)counts };

static void
assert_at(const struct anim *a, size_t op, unsigned ev)
{
	assert_int_equal(a->op, op);
	assert_int_equal(a->ev, ev);
}

/* A new animation of the LENGTH operations, walked forward with
 * anim_next from the start, each stop recorded. */
static size_t
walk_forward(struct anim *a, struct pos *out, size_t max)
{
	size_t n = 0;

	anim_init(a, LENGTH, 0, &src);
	anim_home(a);
	do {
		assert_true(n < max);
		out[n].op = a->op;
		out[n].ev = a->ev;
		n++;
	} while (anim_next(a, &src));
	return (n);
}

static void
t_init(void **state)
{
	struct anim a;

	(void)state;
	anim_init(&a, LENGTH, 2, &src);
	assert_at(&a, 2, 3);
	assert_false(a.playing);
	assert_int_equal(a.speed, ANIM_SPEED_DEFAULT);
	assert_int_equal(anim_done(&a, &src), 2);
	anim_init(&a, LENGTH, 99, &src);      /* a cursor past the end */
	assert_at(&a, LENGTH, 1);
	assert_true(anim_at_end(&a, &src));
	anim_init(&a, 0, 0, &src);            /* an empty session */
	assert_at(&a, 0, 0);
	assert_true(anim_at_end(&a, &src));
	assert_false(anim_next(&a, &src));
	assert_false(anim_back(&a, &src));
}

static void
t_forward_every_event(void **state)
{
	struct pos seen[64];
	struct anim a;
	size_t n, i;

	(void)state;
	n = walk_forward(&a, seen, 64);
	assert_int_equal(n, POSITIONS);
	assert_true(anim_at_end(&a, &src));
	assert_false(anim_next(&a, &src));
	/* Each op's events 1..n in order; an op with none stops once at 0. */
	assert_int_equal(seen[1].op, 1);
	assert_int_equal(seen[1].ev, 1);
	assert_int_equal(seen[9].ev, 9);
	assert_int_equal(seen[10].op, 2);
	assert_int_equal(seen[10].ev, 1);
	assert_int_equal(seen[13].op, 3);
	assert_int_equal(seen[13].ev, 0);
	assert_int_equal(seen[14].op, 4);
	assert_int_equal(seen[14].ev, 1);
	for (i = 1; i < n; i++)
		assert_true(seen[i].op == seen[i - 1].op + 1 ||
		    (seen[i].op == seen[i - 1].op && seen[i].ev == seen[i - 1].ev + 1));
}

static void
t_back_retraces(void **state)
{
	struct pos seen[64];
	struct anim a;
	size_t n, i;

	(void)state;
	n = walk_forward(&a, seen, 64);
	for (i = n - 1; i > 0; i--) {
		assert_at(&a, seen[i].op, seen[i].ev);
		assert_true(anim_back(&a, &src));
	}
	assert_at(&a, 0, 0);
	assert_false(anim_back(&a, &src));
}

static void
t_finish_and_back_op(void **state)
{
	struct anim a;

	(void)state;
	anim_init(&a, LENGTH, 0, &src);
	assert_true(anim_finish(&a, &src));   /* at a boundary: the next op, whole */
	assert_at(&a, 1, 9);
	anim_enter(&a, 2, &src);
	assert_at(&a, 2, 1);
	assert_true(anim_finish(&a, &src));   /* mid-op: its end */
	assert_at(&a, 2, 3);
	assert_int_equal(anim_done(&a, &src), 2);
	assert_true(anim_finish(&a, &src));
	assert_at(&a, 3, 0);
	anim_enter(&a, 4, &src);
	anim_next(&a, &src);
	assert_at(&a, 4, 2);
	assert_int_equal(anim_done(&a, &src), 3);
	assert_true(anim_back_op(&a, &src));  /* mid-op: the state before it */
	assert_at(&a, 3, 0);
	assert_true(anim_back_op(&a, &src));
	assert_at(&a, 2, 3);
	assert_true(anim_back_op(&a, &src));
	assert_true(anim_back_op(&a, &src));
	assert_at(&a, 0, 0);
	assert_false(anim_back_op(&a, &src));
	assert_true(anim_end(&a, &src));
	assert_at(&a, 5, 1);
	assert_false(anim_finish(&a, &src));
	assert_false(anim_end(&a, &src));
	assert_true(anim_home(&a));
	assert_false(anim_home(&a));
}

static void
t_play(void **state)
{
	struct anim a;
	unsigned ticks = 0;

	(void)state;
	anim_init(&a, LENGTH, 3, &src);
	assert_true(anim_toggle(&a, &src));
	assert_true(a.playing);
	while (a.playing) {
		assert_true(anim_tick(&a, &src));
		ticks++;
		assert_true(ticks <= 6);
	}
	assert_int_equal(ticks, 6);           /* 5 events of op 4, 1 of op 5 */
	assert_true(anim_at_end(&a, &src));
	assert_false(anim_toggle(&a, &src));  /* nothing left to play */
	assert_false(a.playing);
	assert_false(anim_tick(&a, &src));
	anim_back(&a, &src);
	assert_true(anim_toggle(&a, &src));
	assert_true(anim_toggle(&a, &src));   /* pause */
	assert_false(a.playing);
}

static void
t_speed(void **state)
{
	struct anim a;
	int last;
	unsigned i;

	(void)state;
	anim_init(&a, LENGTH, 0, &src);
	while (anim_slower(&a))
		;
	assert_int_equal(a.speed, 0);
	last = anim_interval_ms(&a);
	for (i = 1; i < ANIM_SPEEDS; i++) {
		assert_true(anim_faster(&a));
		assert_true(anim_interval_ms(&a) < last);
		assert_true(anim_interval_ms(&a) > 0);
		last = anim_interval_ms(&a);
	}
	assert_false(anim_faster(&a));
	assert_int_equal(anim_interval_ms(&a), last);
}

static void
t_set_length(void **state)
{
	struct anim a;

	(void)state;
	anim_init(&a, LENGTH, 4, &src);
	anim_set_length(&a, 2, &src);         /* truncated behind the position */
	assert_at(&a, 2, 3);
	assert_int_equal(a.length, 2);
	anim_set_length(&a, 5, &src);         /* appended: stays */
	assert_at(&a, 2, 3);
	anim_enter(&a, 1, &src);
	anim_set_length(&a, 5, &src);
	assert_at(&a, 1, 1);
	anim_set_length(&a, 0, &src);
	assert_at(&a, 0, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_init),
		cmocka_unit_test(t_forward_every_event),
		cmocka_unit_test(t_back_retraces),
		cmocka_unit_test(t_finish_and_back_op),
		cmocka_unit_test(t_play),
		cmocka_unit_test(t_speed),
		cmocka_unit_test(t_set_length),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
