/*
 * test_huge.c - huge pages and TLB reach, against answers worked out by
 * hand: where a huge page lands (the lowest aligned run of free frames),
 * one TLB entry covering it whole, the reach that entry adds, the walk one
 * level shorter, out of memory when no run is free or its group's limit
 * has no room for all of it, the refusals (one
 * level, an unaligned start, an unmap that would cut one, a fork), frames
 * given back by unmap, a three-level tree, and a session's round trip.
 *
 * The machine: 32-byte pages and 8-byte entries, so a table holds 4 and a
 * huge page is 4 pages (128 bytes), a leaf one level up; 10-bit addresses
 * on two levels split 3+2+5.
 */
#include "testutil.h"

#include "page_walk.h"
#include "session.h"
#include "thrash.h"

/* Process 1 "app": pages 0-3 small (rw), pages 4-11 two huge pages (rw). */
static struct machine *
huge_machine(unsigned levels, unsigned frames, unsigned tlb)
{
	struct machine_config cfg;
	struct machine *m;
	char err[256];

	machine_config_default(&cfg);
	cfg.page_size = 32;
	cfg.va_bits = 10;
	cfg.levels = levels;
	cfg.frames = frames;
	cfg.tlb_entries = tlb;
	m = machine_new(&cfg);
	assert_non_null(m);
	assert_int_equal(machine_add_process(m, 1, "app", err, sizeof err), 0);
	m->current_pid = 1;
	assert_int_equal(machine_map(m, 1, 0, 4, PERM_R | PERM_W, false, err, sizeof err), 0);
	assert_int_equal(machine_map(m, 1, 4, 2, PERM_R | PERM_W, true, err, sizeof err), 0);
	return m;
}

static void
assert_refused(struct machine *m, const char *line, const char *words)
{
	struct op op = test_op(line);
	char err[256];

	assert_int_equal(engine_apply(m, &op, NULL, err, sizeof err), -1);
	if (strstr(err, words) == NULL)
		fail_msg("\"%s\": \"%s\" does not say \"%s\"", line, err, words);
}

/*
 * r 0x0: the small page's level-2 table takes frame 0, the page frame 1.
 * r 0x84 (page 4, offset 4): its huge page 0x4-0x7 has its entry in the
 * top table (index 1: 0x84 >> 7), so the split names one index and 7
 * bits of offset (0x84 & 0x7f = 0x4), and the walk reads one entry; frames 0 and 1 are
 * taken, so the lowest run of 4 free frames from a multiple of 4 is
 * 4-7; page 4 is in frame 4: physical 4 * 32 + 4 = 0x84.  r 0xe8 (page
 * 7, offset 8): the TLB entry for 0x4-0x7 covers it: a hit, frame 4 + 3
 * = 7, physical 7 * 32 + 8 = 0xe8.  The TLB's two entries cover 1 + 4
 * pages: 160 bytes.
 */
/*
 * The thrashing view sums working sets in the frames they need: a huge
 * page touched counts its whole run (4 pages of 32 bytes here), as its
 * fault brings all of it in; pages 0x4-0x7 read twice are still one run.
 */
static void
t_thrash_counts_huge_runs(void **state)
{
	static const char *const ops[] = { "r 0x0", "r 0x80", "r 0xa0", "r 0x20", "r 0x80" };
	static const uint64_t want[] = { 1, 5, 5, 6, 6 };
	struct history *h = history_new(huge_machine(2, 12, 2));
	struct thrash_series s;
	struct op op;
	char err[256];

	(void)state;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		op = test_op(ops[i]);
		assert_int_equal(history_append(h, &op, ops[i], err, sizeof err), 0);
	}
	thrash_build(h, 5, 10, &s);
	assert_int_equal(s.n, 5);
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(s.p[i].ws_sum, want[i]);
	thrash_free(&s);
	history_free(h);
}

static void
t_fill_and_reach(void **state)
{
	static const enum event_kind first_touch[] = {
		EV_SPLIT, EV_TLB_MISS, EV_WALK, EV_PAGE_FAULT, EV_FREE_FRAME, EV_ZERO_FILL,
		EV_PTE_UPDATE, EV_TLB_FILL, EV_ACCESS, END,
	};
	static const enum event_kind hit[] = { EV_SPLIT, EV_TLB_HIT, EV_ACCESS, END };
	struct machine *m = huge_machine(2, 12, 2);
	struct event_list ev;
	const struct pte *e;
	struct walk_node nodes[4];
	char text[512];

	(void)state;
	assert_int_equal(machine_huge_pages(m), 4);
	test_run(m, "r 0x0", NULL);
	test_run(m, "r 0x84", &ev);
	expect_kinds(&ev, first_touch);
	/* Its split stops a level short: the top index, then 7 bits of offset. */
	event_explain(&ev.ev[0], m, text, sizeof text);
	assert_non_null(strstr(text, "page 0x4 lies in huge page 0x4-0x7, a leaf one level up: "
			   "index 0x1 leads to its entry, and the low 7 bits, 0x4, are the byte "
			   "in the huge page"));
	assert_int_equal(ev.ev[2].depth, 0);            /* the leaf is in the top table */
	assert_int_equal(ev.ev[2].index, 1);
	assert_int_equal(ev.ev[4].frame, 4);
	assert_true(ev.ev[4].flags & EVF_HUGE);
	assert_int_equal(ev.ev[8].paddr, 0x84);
	for (int f = 4; f < 8; f++) {
		assert_int_equal(frame_rmap(m, f)->holds, HOLDS_HUGE);
		assert_int_equal(frame_rmap(m, f)->vpn, 4 + (f - 4));
	}
	assert_true(frame_is_free(m, 2) && frame_is_free(m, 3));
	e = page_table_find(&m->procs[1]->pt, 4);
	assert_true(e && e->present && e->frame == 4);
	assert_null(page_table_find(&m->procs[1]->pt, 5));  /* one entry for the four */
	assert_int_equal(m->procs[1]->resident, 1 + 4);
	assert_int_equal(m->huge_frames, 4);
	assert_int_equal(m->table_frames, 1);           /* the small pages' table only */
	test_run(m, "r 0xe8", &ev);
	expect_kinds(&ev, hit);
	assert_int_equal(ev.ev[1].frame, 7);
	assert_int_equal(ev.ev[2].paddr, 0xe8);
	assert_int_equal(tlb_reach_pages(&m->tlb), 5);
	assert_int_equal(machine_tlb_reach(m), 160);
	/* Every page of the huge page is resident, in its own frame. */
	assert_int_equal(machine_page_state(m, m->procs[1], 6), PAGE_RESIDENT);
	assert_int_equal(machine_page_state(m, m->procs[1], 9), PAGE_UNTOUCHED);
	/* Memory references: a small page's miss 3 (two levels + data), the
	 * huge page's 2 (its walk stops at the top), a hit 1. */
	assert_int_equal(stats_mem_refs(&m->stats), 3 + 2 + 1);
	/* The tree: top[0x0] -> the table in f0, its [0x0] page 0 in f1; top[0x1]
	 * the huge page's own entry, pages 0x4-0x7 from f4. */
	assert_int_equal(walk_tree(m, m->procs[1], nodes), 3);
	assert_true(nodes[0].depth == 0 && nodes[0].index == 0 && nodes[0].table &&
		    nodes[0].table->frame == 0);
	assert_true(nodes[1].depth == 1 && nodes[1].vpn == 0 && nodes[1].pte->frame == 1);
	assert_true(nodes[2].depth == 0 && nodes[2].index == 1 && nodes[2].vpn == 4 &&
		    !nodes[2].table && nodes[2].pte->frame == 4);
	machine_free(m);
}

/*
 * A scan of pages 4-7 twice with a 2-entry TLB: as huge pages, one miss
 * then 7 hits; the same scan of small pages 0-3 (LRU, 4 pages cycling
 * through 2 entries) misses all 8.
 */
static void
t_scan_hits_with_one_entry(void **state)
{
	struct machine *m = huge_machine(2, 12, 2);
	char line[32];

	(void)state;
	for (int pass = 0; pass < 2; pass++)
		for (int page = 0; page < 4; page++) {
			snprintf(line, sizeof line, "r 0x%x", page * 32);
			test_run(m, line, NULL);
		}
	assert_int_equal(m->stats.tlb_hits, 0);
	assert_int_equal(m->stats.tlb_misses, 8);
	for (int pass = 0; pass < 2; pass++)
		for (int page = 4; page < 8; page++) {
			snprintf(line, sizeof line, "r 0x%x", page * 32);
			test_run(m, line, NULL);
		}
	assert_int_equal(m->stats.tlb_hits, 7);
	assert_int_equal(m->stats.tlb_misses, 9);
	machine_free(m);
}

/*
 * Six frames: the table in 0, page 0 in 1; a huge page needs 4 free
 * frames from a multiple of 4: 0-3 holds two, 4-7 runs past the end. Out
 * of memory, and nothing changes; after the small page and its table go
 * (unmap), frames 0-3 take it.
 */
static void
t_no_aligned_run(void **state)
{
	struct machine *m = huge_machine(2, 6, 2);
	struct event_list ev;
	int oom;

	(void)state;
	test_run(m, "r 0x0", NULL);
	test_run(m, "r 0x80", &ev);
	oom = test_find(&ev, EV_OUT_OF_MEMORY);
	assert_true(oom >= 0 && (ev.ev[oom].flags & EVF_HUGE));
	assert_int_equal(ev.ev[oom].free_count, 4);
	assert_int_equal(m->free_frames, 4);
	assert_int_equal(m->huge_frames, 0);
	assert_int_equal(m->stats.out_of_memory, 1);
	test_run(m, "unmap 1 0x0 1", NULL);
	test_run(m, "r 0x80", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_FREE_FRAME)].frame, 0);
	machine_free(m);
}

/*
 * A limit counts a huge page whole.  limit 1 5: after r 0x0 pid 1 holds 1
 * frame (page 0; its table is not charged).  r 0x80: 1 + 4 = 5 <= 5, so
 * huge page 0x4-0x7 fills frames 4-7 and pid 1 holds 5.  r 0x100: huge
 * page 0x8-0xb needs 4 more, 5 + 4 > 5: out of memory, though frames 8-11
 * are free, and nothing changes.  limit 1 8: 5 + 4 > 8, refused again;
 * limit 1 9: 5 + 4 = 9, it fills 8-11.
 */
static void
t_limit_counts_it_whole(void **state)
{
	struct machine *m = huge_machine(2, 12, 2);
	struct event_list ev;
	const struct event *e;
	char text[512];

	(void)state;
	test_run(m, "limit 1 5", NULL);
	test_run(m, "r 0x0", NULL);
	test_run(m, "r 0x80", &ev);
	assert_true(test_find(&ev, EV_OUT_OF_MEMORY) < 0);
	assert_int_equal(m->procs[1]->resident, 5);
	test_run(m, "r 0x100", &ev);
	assert_true(test_find(&ev, EV_OUT_OF_MEMORY) >= 0);
	e = &ev.ev[test_find(&ev, EV_OUT_OF_MEMORY)];
	assert_true((e->flags & EVF_HUGE) && (e->flags & EVF_LIMITED));
	assert_int_equal(e->held, 5);
	assert_int_equal(e->frames_max, 5);
	event_explain(e, m, text, sizeof text);
	assert_non_null(strstr(text, "huge page 0x8-0xb needs 4 frames, but pid 1 holds 5 "
			   "frames, its limit 5: room for 0 more"));
	assert_int_equal(m->free_frames, 12 - 1 - 1 - 4);
	assert_int_equal(m->huge_frames, 4);
	test_run(m, "limit 1 8", NULL);
	test_run(m, "r 0x100", &ev);
	assert_true(test_find(&ev, EV_OUT_OF_MEMORY) >= 0);
	test_run(m, "limit 1 9", NULL);
	test_run(m, "r 0x100", &ev);
	assert_true(test_find(&ev, EV_OUT_OF_MEMORY) < 0);
	assert_int_equal(ev.ev[test_find(&ev, EV_FREE_FRAME)].frame, 8);
	assert_int_equal(m->procs[1]->resident, 9);
	machine_free(m);
}

static void
t_refusals(void **state)
{
	struct machine *m = huge_machine(2, 12, 2);
	struct machine *flat = test_machine("lru", 4, 4);
	char err[256];

	(void)state;
	assert_refused(flat, "hugemap 1 0x0 1 rw", "huge pages need 2 levels or more");
	assert_int_equal(machine_map(flat, 1, 0, 1, PERM_R, true, err, sizeof err), -1);
	assert_refused(m, "hugemap 1 0x1a0 1 rw", "does not begin a huge page");
	assert_refused(m, "hugemap 1 0x100 1 rw", "overlap");   /* pages 8-11 are mapped */
	assert_refused(m, "unmap 1 0xa0 4", "cut a huge page"); /* pages 5-8 */
	assert_refused(m, "unmap 1 0x80 2", "cut a huge page"); /* pages 4-5 */
	assert_refused(m, "fork 1", "huge pages");
	machine_free(flat);
	machine_free(m);
}

/* unmap gives back a huge page's four frames and its TLB entry. */
static void
t_unmap_frees_the_run(void **state)
{
	struct machine *m = huge_machine(2, 12, 2);
	struct event_list ev;

	(void)state;
	test_run(m, "w 0x100", NULL);           /* page 8: huge page 0x8-0xb in frames 0-3 */
	assert_int_equal(m->huge_frames, 4);
	assert_int_equal(m->free_frames, 8);
	test_run(m, "unmap 1 0x100 4", &ev);
	assert_int_equal(ev.ev[0].frames_freed, 4);
	assert_int_equal(ev.ev[0].count, 4);
	assert_int_equal(m->free_frames, 12);
	assert_int_equal(m->huge_frames, 0);
	assert_int_equal(m->procs[1]->resident, 0);
	assert_int_equal(tlb_reach_pages(&m->tlb), 0);
	machine_free(m);
}

/*
 * Three levels (1+2+2+5): a huge page's entry is at depth 1, in a level-2
 * table made on its first touch (frame 0); its run is 4-7.  The walk reads
 * the top entry, then the leaf: two reads, no level-3 table.  Unmapping
 * it leaves the level-2 table empty, and it goes too.
 */
static void
t_three_levels(void **state)
{
	struct machine *m = huge_machine(3, 12, 2);
	struct event_list ev;
	int walk;

	(void)state;
	assert_int_equal(machine_huge_pages(m), 4);
	test_run(m, "r 0x80", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_NEW_TABLE)].frame, 0);
	assert_int_equal(ev.ev[test_find(&ev, EV_ZERO_FILL)].frame, 4);
	assert_int_equal(m->table_frames, 1);
	assert_int_equal(frame_rmap(m, 4)->holds, HOLDS_HUGE);
	test_run(m, "tlb flush", NULL);
	test_run(m, "r 0x80", &ev);
	assert_int_equal(ev.ev[2].kind, EV_WALK_TABLE);
	walk = test_find(&ev, EV_WALK);
	assert_int_equal(walk, 3);
	assert_int_equal(ev.ev[walk].depth, 1);
	assert_int_equal(ev.ev[walk].table_frame, 0);
	assert_int_equal(m->stats.table_reads, 1 + 2);  /* the first walk stopped at the top */
	test_run(m, "unmap 1 0x80 4", &ev);
	assert_int_equal(ev.ev[0].depth, 1);            /* its level-2 table freed */
	assert_int_equal(m->table_frames, 0);
	assert_int_equal(m->free_frames, 12);
	machine_free(m);
}

/* Keeps the first problem a session reader reports. */
static void
first_problem(void *ctx, const char *msg)
{
	char *err = ctx;

	if (err[0] == '\0')
		snprintf(err, 512, "%s", msg);
}

/* A session keeps a huge mapping: "huge": true, its pages counted in huge pages. */
static void
t_session_round_trip(void **state)
{
	static const char doc[] =
		"{\"vmscope\":1,\"machine\":{\"page_size\":32,\"va_bits\":10,\"levels\":2,"
		"\"frames\":8},\"processes\":[{\"pid\":1,\"name\":\"app\",\"map\":["
		"{\"addr\":\"0x80\",\"pages\":2,\"perm\":\"rw\",\"huge\":true}]}],"
		"\"ops\":[\"r 0x84\"]}";
	static const char one_level[] =
		"{\"vmscope\":1,\"machine\":{\"page_size\":32,\"va_bits\":10,"
		"\"frames\":8},\"processes\":[{\"pid\":1,\"name\":\"app\",\"map\":["
		"{\"addr\":\"0x80\",\"pages\":2,\"perm\":\"rw\",\"huge\":true}]}],\"ops\":[]}";
	struct session s, again;
	char err[512] = "", *json;
	const struct region *r;

	(void)state;
	if (session_parse(doc, sizeof doc - 1, "huge.json", &s, first_problem, err) != 0)
		fail_msg("%s", err);
	r = process_region(history_initial(s.history)->procs[1], 11);
	assert_true(r && r->huge && r->first_vpn == 4 && r->npages == 8);
	json = session_to_json(&s);
	assert_non_null(strstr(json, "\"pages\": 2, \"perm\": \"rw\", \"huge\": true"));
	if (session_parse(json, strlen(json), "again.json", &again, first_problem, err) != 0)
		fail_msg("%s", err);
	r = process_region(history_initial(again.history)->procs[1], 4);
	assert_true(r && r->huge && r->npages == 8);
	free(json);
	session_free(&again);
	session_free(&s);
	assert_int_equal(session_parse(one_level, sizeof one_level - 1, "flat.json", &s,
				       first_problem, err), 1);
	assert_non_null(strstr(err, "processes[0].map[0]"));
	assert_non_null(strstr(err, "huge pages need 2 levels or more"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_fill_and_reach),
		cmocka_unit_test(t_thrash_counts_huge_runs),
		cmocka_unit_test(t_scan_hits_with_one_entry),
		cmocka_unit_test(t_no_aligned_run),
		cmocka_unit_test(t_limit_counts_it_whole),
		cmocka_unit_test(t_refusals),
		cmocka_unit_test(t_unmap_frees_the_run),
		cmocka_unit_test(t_three_levels),
		cmocka_unit_test(t_session_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
