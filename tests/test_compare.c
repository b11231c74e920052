/*
 * test_compare.c - comparisons and sweeps (compare.h), Belady's anomaly
 * (belady.h) and the chart laid out from them (sweep_chart.h).
 *
 * Known answers are worked out by hand below, step by step, with the rule
 * that decides each step.  Stack algorithms (LRU, OPT) must never show
 * Belady's anomaly on any string; FIFO must show it where it occurs.
 */
#define _POSIX_C_SOURCE 200809L     /* open_memstream */

#include <stdio.h>

#include "testutil.h"

#include "belady.h"
#include "compare.h"
#include "engine.h"
#include "future.h"
#include "random_script.h"
#include "rng.h"
#include "sweep_chart.h"
#include "sweep_oom.h"

#define REFS_MAX 64

/* A page list, as reads of process 1 in test_machine's 16-page space. */
struct refs {
	struct op op[REFS_MAX];
	size_t n;
};

static void
refs_of(struct refs *r, const unsigned *pages, size_t n)
{
	r->n = n;
	for (size_t i = 0; i < n; i++)
		r->op[i] = (struct op){ .kind = OP_ACCESS, .access = ACCESS_READ, .pid = 1,
			.addr = (uint64_t)pages[i] << 12 };
}

static const unsigned textbook[] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1 };
static const unsigned belady_string[] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static struct compare_plan
plan_of(const char *const *names, unsigned first, unsigned last)
{
	struct compare_plan p = { .frames_first = first, .frames_last = last };

	for (; *names; names++)
		p.policy[p.npolicies++] = policy_find(*names);
	return p;
}

/* Runs the plan over the page list; out has room for compare_size. */
static void
run_plan(const unsigned *pages, size_t n, const struct compare_plan *p,
	 struct compare_result *out)
{
	struct machine *m = test_machine("lru", 4, 4);
	struct refs r;
	struct op_source ops;
	char err[256];
	size_t bad = 0;

	refs_of(&r, pages, n);
	ops = op_source_array(r.op, r.n);
	if (compare_run(m, &ops, p, out, &bad, err, sizeof err))
		fail_msg("operation %zu refused: %s", bad, err);
	machine_free(m);
}

/*
 * Silberschatz's string with 3 frames.  FIFO (evict the page loaded
 * first): 7 0 1 fault in; 2 evicts 7; 0 hits; 3 evicts 0; 0 evicts 1;
 * 4 evicts 2; 2 evicts 3; 3 evicts 0; 0 evicts 4; 3 2 hit; 1 evicts 2;
 * 2 evicts 3; 0 1 hit; 7 evicts 0; 0 evicts 1; 1 evicts 2: 15 faults.
 * LRU (evict the least recently used): 7 0 1 2(-7) 0h 3(-1) 0h 4(-2)
 * 2(-3) 3(-0) 0(-4) 3h 2h 1(-0) 2h 0(-3) 1h 7(-2) 0h 1h: 12 faults.
 * OPT (evict the page used furthest ahead): 7 0 1 2(-7) 0h 3(-1) 0h
 * 4(-0) 2h 3h 0(-4) 3h 2h 1(-3) 2h 0h 1h 7(-2) 0h 1h: 9 faults.
 */
static void
t_textbook_three_frames(void **state)
{
	static const char *const names[] = { "opt", "lru", "fifo", NULL };
	struct compare_plan p = plan_of(names, 3, 3);
	struct compare_result r[3];

	(void)state;
	run_plan(textbook, LEN(textbook), &p, r);
	assert_int_equal(r[0].stats.faults, 9);
	assert_int_equal(r[1].stats.faults, 12);
	assert_int_equal(r[2].stats.faults, 15);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(r[i].frames, 3);
		assert_int_equal(r[i].policy, p.policy[i]);
		assert_int_equal(r[i].stats.accesses, 20);
		/* every fault after the first three evicts; nothing was written */
		assert_int_equal(r[i].stats.evictions, r[i].stats.faults - 3);
		assert_int_equal(r[i].stats.writebacks, 0);
	}
}

/*
 * Belady's string under FIFO.  1 frame: no page repeats at once, so every
 * reference faults: 12.  2 frames: each reference finds the other page
 * resident: 12.  3 frames: 1 2 3 4(-1) 1(-2) 2(-3) 5(-4) 1h 2h 3(-1)
 * 4(-2) 5h: 9.  4 frames: 1 2 3 4 1h 2h 5(-1) 1(-2) 2(-3) 3(-4) 4(-5)
 * 5(-1): 10.  5 frames: only the five first touches: 5.
 */
static void
t_belady_fifo(void **state)
{
	static const char *const names[] = { "fifo", NULL };
	static const uint64_t want[] = { 12, 12, 9, 10, 5, 5, 5 };
	struct compare_plan p = plan_of(names, 1, 7);
	struct compare_result r[7];
	struct belady a[7];

	(void)state;
	run_plan(belady_string, LEN(belady_string), &p, r);
	for (int i = 0; i < 7; i++) {
		assert_int_equal(r[i].frames, i + 1);
		assert_int_equal(r[i].stats.faults, want[i]);
	}
	assert_int_equal(belady_find(r, &p, a), 1);
	assert_int_equal(a[0].policy, policy_find("fifo"));
	assert_int_equal(a[0].frames, 4);
	assert_int_equal(a[0].faults, 10);
	assert_int_equal(a[0].fewer_frames, 3);
	assert_int_equal(a[0].fewer_faults, 9);
}

/*
 * LRU and OPT are stack algorithms: the pages held with f frames are
 * always among those held with f+1, so more frames never fault more.
 * On Belady's string (LRU 12 12 10 8 5, OPT 12 9 7 6 5) and on random
 * strings, none is reported; FIFO on the same random strings shows some
 * (so the search is not blind).
 */
static void
t_stack_algorithms_never(void **state)
{
	static const char *const names[] = { "lru", "opt", "fifo", NULL };
	struct compare_plan p = plan_of(names, 1, 7);
	struct compare_result r[21];
	struct belady a[21];
	unsigned pages[30];
	uint64_t rng = 14;
	size_t found, fifo_found = 0;

	(void)state;
	run_plan(belady_string, LEN(belady_string), &p, r);
	assert_int_equal(r[2].stats.faults, 10);        /* lru, 3 frames */
	assert_int_equal(r[7 + 3].stats.faults, 6);     /* opt, 4 frames */
	found = belady_find(r, &p, a);
	assert_int_equal(found, 1);
	assert_int_equal(a[0].policy, policy_find("fifo"));
	for (int s = 0; s < 300; s++) {
		for (size_t i = 0; i < LEN(pages); i++)
			pages[i] = (unsigned)(rng_next(&rng) % 7);
		run_plan(pages, LEN(pages), &p, r);
		found = belady_find(r, &p, a);
		for (size_t i = 0; i < found; i++)
			assert_int_equal(a[i].policy, policy_find("fifo"));
		fifo_found += found;
	}
	assert_true(fifo_found > 0);
}

/*
 * The rule: each frame count against the fewest faults of all smaller
 * counts, ties to the larger count; reported once each.
 * Faults 9 10 9 11 8: 2 frames fault more than 1 (10 > 9); 4 more than 3
 * (11 > 9: 3 ties 1 at 9 and is the larger); 3 and 5 are no anomaly.
 */
static void
t_belady_rule(void **state)
{
	static const uint64_t faults[] = { 9, 10, 9, 11, 8 };
	struct compare_plan p = { .policy = { 0 }, .npolicies = 1, .frames_first = 1,
		.frames_last = 5 };
	struct compare_result r[5];
	struct belady a[5];

	(void)state;
	for (unsigned i = 0; i < 5; i++)
		r[i] = (struct compare_result){ .policy = 0, .frames = i + 1,
			.stats = { .faults = faults[i] } };
	assert_int_equal(belady_find(r, &p, a), 2);
	assert_int_equal(a[0].frames, 2);
	assert_int_equal(a[0].fewer_frames, 1);
	assert_int_equal(a[0].faults, 10);
	assert_int_equal(a[0].fewer_faults, 9);
	assert_int_equal(a[1].frames, 4);
	assert_int_equal(a[1].fewer_frames, 3);
	assert_int_equal(a[1].faults, 11);
	assert_int_equal(a[1].fewer_faults, 9);
}

/*
 * The chart of FIFO and LRU on Belady's string, 3 to 5 frames: faults
 * fifo 9 10 5, lru 10 8 5; from 5 to 10 faults, six rows, one per count.
 * The axis is at column 3 (after the two-digit labels and a space); frames
 * 3 sits 3 columns right of it (column 6), 4 at 9, 5 at 12.  At 5
 * frames both policies meet: "2".  FIFO's 4 frames is an anomaly.
 */
static void
t_chart(void **state)
{
	static const char *const names[] = { "fifo", "lru", NULL };
	static const char *const want =
		"faults   o fifo  ^ lru  2-9: that many policies at one point\n"
		"10 +  ^  o\n"
		" 9 +  o\n"
		" 8 +     ^\n"
		" 7 +\n"
		" 6 +\n"
		" 5 +        2\n"
		"   +--+--+--+\n"
		"      3  4  5  frames\n";
	struct compare_plan p = plan_of(names, 3, 5);
	struct compare_result r[6];
	struct belady a[6];
	struct sweep_chart c;
	char *text;
	size_t len, na;
	FILE *f;

	(void)state;
	run_plan(belady_string, LEN(belady_string), &p, r);
	na = belady_find(r, &p, a);
	sweep_chart_layout(&c, &p, r, a, na, 80, 16);
	f = open_memstream(&text, &len);
	sweep_chart_print(&c, true, f);
	fclose(f);
	assert_string_equal(text, want);
	assert_true(sweep_chart_at(&c, 1, 9)->anomaly);         /* fifo, 4 frames: 10 */
	assert_int_equal(sweep_chart_at(&c, 1, 9)->series, 0);
	assert_false(sweep_chart_at(&c, 1, 6)->anomaly);        /* lru, 3 frames: 10 */
	assert_int_equal(sweep_chart_at(&c, 1, 6)->series, 1);
	free(text);
	sweep_chart_free(&c);
}

/*
 * Fault counts too far apart for a row each: 8 rows for 2 to 100.  A
 * row's label is a count that falls in it: the top 100, the bottom 2.
 * Labels take columns 0-2, a blank, the axis column 4; frames 1, 2, 3 sit
 * 3, 6 and 9 columns right of the axis: columns 7, 10, 13.
 */
static void
t_chart_scaled(void **state)
{
	struct compare_plan p = { .policy = { 0 }, .npolicies = 1, .frames_first = 1,
		.frames_last = 3 };
	struct compare_result r[3] = {
		{ .frames = 1, .stats = { .faults = 100 } },
		{ .frames = 2, .stats = { .faults = 51 } },
		{ .frames = 3, .stats = { .faults = 2 } },
	};
	struct sweep_chart c;
	char buf[2];

	(void)state;
	sweep_chart_layout(&c, &p, r, NULL, 0, 60, 8);
	assert_int_equal(c.height, 1 + 8 + 2);
	assert_string_equal(sweep_chart_glyph(sweep_chart_at(&c, 1, 2), true, buf), "0");
	assert_int_equal(sweep_chart_at(&c, 1, 0)->ch, '1');        /* "100" */
	assert_int_equal(sweep_chart_at(&c, 8, 2)->ch, '2');        /* "  2" */
	assert_int_equal(sweep_chart_at(&c, 8, 4)->kind, CHART_TICK_Y);
	assert_int_equal(sweep_chart_at(&c, 1, 7)->kind, CHART_MARK);   /* 100 at 1 */
	assert_int_equal(sweep_chart_at(&c, 8, 13)->kind, CHART_MARK);  /* 2 at 3 */
	/* 51 is 49/98 of the way down 7 row steps: row 3.5, rounded to 4 */
	assert_int_equal(sweep_chart_at(&c, 1 + 4, 10)->kind, CHART_MARK);
	sweep_chart_free(&c);
}

/* The chars of a chart's row from col, as text. */
static void
row_text(const struct sweep_chart *c, unsigned row, unsigned col, unsigned n, char *out)
{
	char buf[2];

	for (unsigned i = 0; i < n; i++)
		out[i] = sweep_chart_at(c, row, col + i)->kind == CHART_TEXT ?
		    *sweep_chart_glyph(sweep_chart_at(c, row, col + i), true, buf) : ' ';
	out[n] = '\0';
}

/*
 * Scaled, a row where two counts fall is labelled with both (50 and 51
 * share row 4 of 8 between 100 and 2: 49 and 50 of 98 down 7 row steps,
 * 3.5 and 3.57, both rounded to 4); a row with one point, with its own.
 */
static void
t_chart_scaled_ranges(void **state)
{
	struct compare_plan p = { .policy = { 0 }, .npolicies = 1, .frames_first = 1,
		.frames_last = 4 };
	struct compare_result r[4] = {
		{ .frames = 1, .stats = { .faults = 100 } },
		{ .frames = 2, .stats = { .faults = 51 } },
		{ .frames = 3, .stats = { .faults = 50 } },
		{ .frames = 4, .stats = { .faults = 2 } },
	};
	struct sweep_chart c;
	char text[8];

	(void)state;
	sweep_chart_layout(&c, &p, r, NULL, 0, 60, 8);
	row_text(&c, 1 + 4, 0, 5, text);
	assert_string_equal(text, "50-51");
	assert_int_equal(sweep_chart_at(&c, 1 + 4, 6)->kind, CHART_TICK_Y);
	row_text(&c, 1, 0, 5, text);
	assert_string_equal(text, "  100");
	row_text(&c, 1 + 7, 0, 5, text);
	assert_string_equal(text, "    2");
	sweep_chart_free(&c);
}

/*
 * Ten policies at one point are drawn '+', and with ten policies or more
 * the legend says what '+' is; with nine, it does not.
 */
static void
t_chart_plus_in_key(void **state)
{
	static const char *const names[] = { "fifo", "lru", "opt", "clock", "random", "mru",
		"lfu", "second-chance", "nru", "aging", NULL };
	struct compare_plan p = plan_of(names, 4, 4);
	struct compare_result r[10];
	struct sweep_chart c;
	char *text;
	size_t len;
	FILE *f;

	(void)state;
	for (unsigned i = 0; i < 10; i++)      /* every one 7 faults with 4 frames */
		r[i] = (struct compare_result){ .policy = p.policy[i], .frames = 4,
			.stats = { .faults = 7 } };
	sweep_chart_layout(&c, &p, r, NULL, 0, 79, 4);
	f = open_memstream(&text, &len);
	sweep_chart_print(&c, true, f);
	fclose(f);
	if (!strstr(text, "2-9: that many policies at one point, +: 10 or more") ||
	    !strstr(text, "7 +  +\n"))
		fail_msg("ten policies at one point: the key or the '+' is missing:\n%s", text);
	free(text);
	sweep_chart_free(&c);
	p.npolicies = 9;
	sweep_chart_layout(&c, &p, r, NULL, 0, 79, 4);
	f = open_memstream(&text, &len);
	sweep_chart_print(&c, true, f);
	fclose(f);
	if (strstr(text, "+: 10") || !strstr(text, "7 +  9\n"))
		fail_msg("nine policies: the chart is not as expected:\n%s", text);
	free(text);
	sweep_chart_free(&c);
}

/*
 * The runs that ran out of memory, in words: fifo refused 2 accesses with
 * 1 frame and 1 with 2, and its group's OOM killer ended a process with 4;
 * lru refused one with 1 frame; opt never ran out.
 */
static void
t_out_of_memory_words(void **state)
{
	static const char *const names[] = { "fifo", "lru", "opt", NULL };
	struct compare_plan p = plan_of(names, 1, 5);
	struct compare_result r[15] = { 0 };
	char text[256];

	(void)state;
	for (unsigned i = 0; i < 15; i++)
		r[i] = (struct compare_result){ .policy = p.policy[i / 5], .frames = 1 + i % 5 };
	r[0].stats.out_of_memory = 2;
	r[1].stats.out_of_memory = 1;
	r[3].stats.oom_kills = 1;
	r[5].stats.out_of_memory = 1;
	assert_true(sweep_ran_out(&r[3]) && !sweep_ran_out(&r[2]));
	assert_int_equal(sweep_oom_describe(&p, r, 0, text, sizeof text), 92);
	assert_string_equal(text, "fifo, 1-2 and 4 frames: 3 accesses refused, each a fault, "
			    "1 process killed by the OOM killer");
	assert_true(sweep_oom_describe(&p, r, 1, text, sizeof text) > 0);
	assert_string_equal(text, "lru, 1 frame: 1 access refused, a fault");
	assert_int_equal(sweep_oom_describe(&p, r, 2, text, sizeof text), -1);
	/* A short buffer is cut, not overrun; the length is the whole line's. */
	assert_int_equal(sweep_oom_describe(&p, r, 0, text, 8), 92);
	assert_string_equal(text, "fifo, 1");
}

/* A refit keeps the processes, their mappings and limits, with new frames. */
static void
t_refit(void **state)
{
	struct machine *m = test_machine("fifo", 4, 4), *c;
	struct machine_config cfg;
	struct event_list ev;

	(void)state;
	test_run(m, "spawn b 3 rw", &ev);
	test_run(m, "limit 2 2", &ev);
	/* as a session starts: the processes, nothing run yet */
	m->stats = (struct stats){ 0 };
	cfg = m->cfg;
	cfg.policy = policy_find("opt");
	cfg.frames = 7;
	c = machine_refit(m, &cfg);
	assert_int_equal(c->cfg.frames, 7);
	assert_int_equal(c->free_frames, 7);
	assert_int_equal(c->cfg.policy, policy_find("opt"));
	assert_int_equal(c->current_pid, m->current_pid);
	assert_int_equal(c->next_pid, 3);
	assert_string_equal(machine_process(c, 2)->name, "b");
	assert_int_equal(cgroup_frame_limit(c, machine_process(c, 2)), 2);
	assert_int_equal(machine_process(c, 2)->nregions, 1);
	assert_int_equal(machine_process(c, 2)->regions[0].npages, 3);
	assert_int_equal(machine_process(c, 1)->regions[0].npages, 16);
	machine_free(c);
	machine_free(m);
}

/*
 * A machine's statistics but those the TLB changes: its hits and misses,
 * and the table reads and memory references its hits save.
 */
static struct stats
stats_without_tlb(struct stats s)
{
	s.tlb_hits = s.tlb_misses = s.table_reads = s.mem_refs = 0;
	return s;
}

/*
 * h's operations run step by step with every event told, on its own
 * machine, TLB and all (as the screen runs them): its statistics.
 */
static struct stats
told_stats(const struct history *h, const struct op_source *ops)
{
	struct machine *m = machine_clone(history_initial(h));
	struct event_list ev;
	struct op scratch;
	struct stats s;
	char err[256];

	if (policy_looks_ahead(m->cfg.policy)) {
		struct future *f = future_build(ops, m->current_pid, m->next_pid,
						machine_page_bits(m));
		machine_set_future(m, f);
		future_unref(f);
	}
	for (size_t i = 0; i < ops->n; i++)
		if (engine_apply(m, ops->at(ops->ctx, i, &scratch), &ev, err, sizeof err))
			fail_msg("op %zu refused: %s", i + 1, err);
	s = m->stats;
	machine_free(m);
	return s;
}

static const struct op *
history_at(const void *ctx, size_t i, struct op *scratch)
{
	(void)scratch;
	return history_op(ctx, i + 1);
}

/*
 * A comparison runs its machines without a TLB: on random scripts
 * (several processes, writes, forks, shares, limits, groups, exits,
 * TLB flushes, huge pages, every policy, TLBs of 1 to 4 entries) it
 * must come to every count the machine with its TLB comes to, but the
 * TLB's own.
 */
static void
t_compare_needs_no_tlb(void **state)
{
	static script_command_fn *const kinds[] = {
		script_command, script_sharing_command, script_cgroup_command,
		script_huge_command,
	};
	uint64_t faults = 0, tlb_hits = 0;

	(void)state;
	for (int policy = 0; policy < policy_count(); policy++) {
		for (uint64_t seed = 1; seed <= 24; seed++) {
			script_command_fn *kind = kinds[seed % 4];
			struct compare_plan plan = { .policy = { policy }, .npolicies = 1 };
			struct compare_result r;
			struct machine_config cfg;
			uint64_t rng = seed * 31 + (uint64_t)policy;
			struct history *h;
			struct op_source ops;
			struct stats told, compared;
			char err[256];
			size_t bad;

			machine_config_default(&cfg);
			if (kind == script_huge_command) {   /* huge pages of 4 pages */
				cfg.page_size = 32;
				cfg.va_bits = 10;
				cfg.levels = 2 + (unsigned)(seed % 2);
			}
			cfg.policy = policy;
			cfg.frames = 2 + script_pick(&rng, 6);
			cfg.swap_slots = 2 + script_pick(&rng, 8);
			cfg.tlb_entries = 1 + script_pick(&rng, 4);
			cfg.scope = script_pick(&rng, 3) ? SCOPE_GLOBAL : SCOPE_LOCAL;
			cfg.tick = 1 + script_pick(&rng, 5);
			h = script_history_of(machine_new(&cfg), &rng, 200, kind);
			ops = (struct op_source){ history_length(h), history_at, h };
			plan.frames_first = plan.frames_last = cfg.frames;
			if (compare_run(history_initial(h), &ops, &plan, &r, &bad, err, sizeof err))
				fail_msg("seed %llu (%s): op %zu refused: %s",
					 (unsigned long long)seed, policy_at(policy)->name, bad + 1, err);
			told = told_stats(h, &ops);
			tlb_hits += told.tlb_hits;
			told = stats_without_tlb(told);
			compared = stats_without_tlb(r.stats);
			if (memcmp(&told, &compared, sizeof told) != 0)
				fail_msg("seed %llu (%s): the comparison's counts differ from the "
					 "machine's with its TLB (faults %llu, with it %llu)",
					 (unsigned long long)seed, policy_at(policy)->name,
					 (unsigned long long)compared.faults,
					 (unsigned long long)told.faults);
			faults += told.faults;
			history_free(h);
		}
	}
	assert_true(faults > 10000 && tlb_hits > 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_textbook_three_frames),
		cmocka_unit_test(t_belady_fifo),
		cmocka_unit_test(t_stack_algorithms_never),
		cmocka_unit_test(t_belady_rule),
		cmocka_unit_test(t_chart),
		cmocka_unit_test(t_chart_scaled),
		cmocka_unit_test(t_chart_scaled_ranges),
		cmocka_unit_test(t_chart_plus_in_key),
		cmocka_unit_test(t_out_of_memory_words),
		cmocka_unit_test(t_refit),
		cmocka_unit_test(t_compare_needs_no_tlb),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
