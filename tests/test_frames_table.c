/*
 * test_frames_table.c - the frames-by-time table told against the machine
 * it was built from, at every access of every lesson and of random
 * scripts: each cell is what that frame holds after the access, a page
 * marked brought in is the page accessed by a fault, a fault is marked
 * exactly where the machine counted one, a victim was resident before and
 * is gone from its frame after.  Then the blocks a long session is shown
 * in, and the same operations replayed under other policies: the
 * textbook string's faults worked out by hand for OPT, LRU, FIFO and
 * CLOCK.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cmd.h"
#include "each_lesson.h"
#include "frames_table.h"
#include "lessons.h"
#include "page_walk.h"
#include "policy.h"
#include "random_script.h"
#include "session.h"

static bool
same_page(struct ft_page p, struct mapping m)
{
	return p.pid == m.pid && p.vpn == m.vpn && p.table == 0;
}

/* Whether frame f of m holds what cell names: nothing, a page, a page table. */
static bool
holds(const struct machine *m, unsigned f, struct ft_page cell)
{
	const struct pt_table *table = walk_table_in_frame(m, (int)f);

	if (frame_is_free(m, (int)f))
		return cell.pid == 0;
	if (table)
		return cell.pid == frame_first(m, (int)f).pid && cell.table == table->depth + 1;
	return same_page(cell, frame_first(m, (int)f));
}

/* Which frame of m holds page p, or -1. */
static int
frame_of(const struct machine *m, struct ft_page p)
{
	for (unsigned f = 0; f < m->cfg.frames; f++)
		if (!frame_is_free(m, (int)f) && same_page(p, frame_first(m, (int)f)))
			return (int)f;
	return -1;
}

/* Accesses that never reached memory: an OOM kill fails the access too. */
static uint64_t
refusals(const struct stats *s)
{
	return s->segfaults + s->protection_faults + s->out_of_memory + s->oom_kills;
}

/* Whether frame f of m holds a page of the huge page that page vpn is in. */
static bool
same_huge_page(const struct machine *m, unsigned f, uint64_t vpn)
{
	const struct rmap *r = frame_rmap(m, (int)f);

	return r->holds == HOLDS_HUGE &&
	       (r->vpn ^ vpn) < machine_huge_pages(m);    /* same bits above the huge page's */
}

/* Column c of t against the machines before and after its access. */
static void
check_column(const struct frames_table *t, size_t c, const struct machine *before,
	     const struct machine *after, const char *where)
{
	const struct ft_column *col = &t->cols[c];
	bool faulted = after->stats.faults > before->stats.faults;
	bool refused = refusals(&after->stats) > refusals(&before->stats);

	if (col->result != (refused ? FT_REFUSED : faulted ? FT_FAULT : FT_HIT))
		fail_msg("%s, step %zu: the table says %d; the machine faulted %d, refused %d",
			 where, col->step, col->result, faulted, refused);
	for (unsigned f = 0; f < t->frames; f++) {
		struct ft_page cell = t->cells[c * t->frames + f];

		if (!holds(after, f, cell))
			fail_msg("%s, step %zu: frame %u is not what the machine holds", where,
				 col->step, f);
		/* Brought in: the page accessed, or a table on its way (its process's),
		 * or another page of the huge page accessed (filled whole). */
		if (t->loaded[c * t->frames + f] && (col->result != FT_FAULT ||
		    cell.pid != col->page.pid || (!cell.table && cell.vpn != col->page.vpn &&
		    !same_huge_page(after, f, col->page.vpn))))
			fail_msg("%s, step %zu: frame %u is marked brought in by a %s of "
				 "another page", where, col->step, f,
				 col->result == FT_FAULT ? "fault" : "hit");
	}
	/* A frame is taken from the free ones or from a victim. */
	bool took = after->free_frames < before->free_frames ||
		after->stats.evictions > before->stats.evictions;
	if (col->no_frame != (col->result == FT_FAULT && !took))
		fail_msg("%s, step %zu: the table says the fault took %s frame", where,
			 col->step, col->no_frame ? "no" : "a");
	if (col->victim.pid) {
		int f = frame_of(before, col->victim);

		if (col->result != FT_FAULT || f < 0 ||
		    (!frame_is_free(after, f) && same_page(col->victim, frame_first(after, f))) ||
		    after->stats.evictions == before->stats.evictions)
			fail_msg("%s, step %zu: the victim struck was not evicted", where,
				 col->step);
	}
}

/* Every column of every block of h; returns how many. */
static size_t
check_history(struct history *h, const char *where)
{
	size_t n = 0, blocks = frames_table_block(h, history_length(h)) + 1;

	for (size_t b = 0; b < blocks; b++) {
		struct frames_table t;

		frames_table_build_block(h, b, &t);
		assert_int_equal(t.first, b * FT_COLUMNS_MAX);
		for (size_t c = 0; c < t.ncols; c++) {
			struct machine *before = machine_clone(history_state(h, t.cols[c].step - 1));

			assert_int_equal(frames_table_block(h, t.cols[c].step), b);
			assert_int_equal(frames_table_column(&t, t.cols[c].step), (long)c);
			check_column(&t, c, before, history_state(h, t.cols[c].step), where);
			machine_free(before);
			n++;
		}
		frames_table_free(&t);
	}
	return n;
}

static void
t_every_lesson(void **state)
{
	char path[2048];
	struct session s;
	size_t lessons = 0, columns = 0;

	(void)state;
	for (int number = 0; lesson_next(&number, &s, path, sizeof path); lessons++) {
		columns += check_history(s.history, path);
		session_free(&s);
	}
	assert_true(lessons >= 15);
	assert_true(columns > 150);
}

static struct history *
random_history(uint64_t seed, int policy, size_t length, script_command_fn *command)
{
	struct machine_config cfg;
	uint64_t rng = seed;

	machine_config_default(&cfg);
	cfg.policy = policy;
	cfg.frames = 2 + script_pick(&rng, 4);
	cfg.swap_slots = 2 + script_pick(&rng, 8);
	cfg.scope = script_pick(&rng, 3) ? SCOPE_GLOBAL : SCOPE_LOCAL;
	cfg.seed = seed;
	return script_history_of(machine_new(&cfg), &rng, length, command);
}

/* Random scripts, some long enough for two blocks of columns. */
static void
t_random_scripts(void **state)
{
	size_t columns = 0;

	(void)state;
	for (uint64_t seed = 1; seed <= 3 * (uint64_t)policy_count(); seed++) {
		int policy = (int)(seed % (uint64_t)policy_count());
		struct history *h = random_history(seed, policy, seed % 8 ? 60 : 600,
		    seed % 2 ? script_command : script_sharing_command);

		columns += check_history(h, policy_at(policy)->name);
		history_free(h);
	}
	assert_true(columns > 1500);
}

/* The textbook string, 3 frames, as lesson 7 (FIFO) runs it. */
static struct history *
textbook(void)
{
	static const unsigned pages[] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2,
		0, 1, 7, 0, 1 };
	struct machine_config cfg;
	struct history *h;
	char line[32], err[256];
	struct cmd_error cerr;
	struct op op;

	machine_config_default(&cfg);
	cfg.frames = 3;
	cfg.policy = policy_find("fifo");
	h = history_new(machine_new_flat(&cfg, "app", PERM_R | PERM_W));
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		snprintf(line, sizeof line, "r 0x%x", pages[i] * 0x1000);
		assert_int_equal(cmd_parse(line, &op, &cerr), 0);
		assert_int_equal(history_append(h, &op, line, err, sizeof err), 0);
	}
	return h;
}

/*
 * The same operations under other policies.  By hand, 3 frames:
 * OPT faults 9 (the 3 first loads, then 2 3 4 2 ... evicting the page used
 * furthest ahead), LRU 12, FIFO 15; CLOCK (hand from frame 0, R set by
 * every access, a sweep clears R until a clear one) 14: the hits are the
 * 5th (0), 7th (0), 10th (3), 13th (2), 17th (1) and 19th (0) accesses.
 * Each replay equals a history made with that policy from the start.
 */
static void
t_under_policy(void **state)
{
	static const struct {
		const char *policy;
		uint64_t faults;
	} known[] = { { "opt", 9 }, { "lru", 12 }, { "fifo", 15 }, { "clock", 14 } };
	static const size_t clock_hits[] = { 5, 7, 10, 13, 17, 19 };
	struct history *h = textbook();
	char err[256];

	(void)state;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		int p = policy_find(known[i].policy);
		struct history *other = history_under_policy(h, p, err, sizeof err);

		assert_non_null(other);
		assert_int_equal(history_initial(other)->cfg.policy, p);
		assert_int_equal(history_state(other, 20)->stats.faults, known[i].faults);
		check_history(other, known[i].policy);
		history_free(other);
	}
	{
		struct history *clock = history_under_policy(h, policy_find("clock"), err,
		    sizeof err);
		struct frames_table t;
		size_t hit = 0;

		frames_table_build_block(clock, 0, &t);
		for (size_t c = 0; c < t.ncols; c++)
			if (t.cols[c].result == FT_HIT)
				assert_int_equal(c + 1, clock_hits[hit++]);
		assert_int_equal(hit, 6);
		frames_table_free(&t);
		history_free(clock);
	}
	history_free(h);
}

/*
 * Lesson 19's last access: the parent writes its page 0 after the child's
 * copy left it the frame's only mapping, so the fault copies nothing and
 * takes no frame; every earlier fault of the lesson took one.
 */
static void
t_lesson_19_no_frame(void **state)
{
	char path[2048], err[1024];
	struct session s;
	struct frames_table t;

	(void)state;
	assert_int_equal(lesson_find("19", path, sizeof path), 0);
	if (session_load(path, &s, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_int_equal(frames_table_build(s.history, &t, err, sizeof err), 0);
	assert_int_equal(t.ncols, 7);
	for (size_t c = 0; c < t.ncols; c++)
		assert_int_equal(t.cols[c].no_frame, c == t.ncols - 1);
	assert_int_equal(t.cols[t.ncols - 1].result, FT_FAULT);
	assert_int_equal(t.cols[t.ncols - 1].access, 'w');
	frames_table_free(&t);
	session_free(&s);
}

/* Lesson 31's four policies, as its notes count them: 9, 12, 15 and 14 faults. */
static void
t_lesson_31(void **state)
{
	static const struct {
		const char *policy;
		uint64_t faults;
	} notes[] = { { "opt", 9 }, { "lru", 12 }, { "fifo", 15 }, { "clock", 14 } };
	char path[2048], err[1024];
	struct session s;

	(void)state;
	assert_int_equal(lesson_find("31", path, sizeof path), 0);
	if (session_load(path, &s, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_true(s.display.table);
	assert_int_equal(s.display.ncompare, 4);
	for (unsigned i = 0; i < 4; i++) {
		struct history *h = history_under_policy(s.history, s.display.compare[i], err,
		    sizeof err);

		assert_string_equal(policy_at(s.display.compare[i])->name, notes[i].policy);
		assert_int_equal(history_state(h, 20)->stats.faults, notes[i].faults);
		history_free(h);
	}
	session_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_every_lesson),
		cmocka_unit_test(t_random_scripts),
		cmocka_unit_test(t_under_policy),
		cmocka_unit_test(t_lesson_31),
		cmocka_unit_test(t_lesson_19_no_frame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
