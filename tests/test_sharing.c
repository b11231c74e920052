/*
 * test_sharing.c - frames with many owners: fork and copy-on-write, exits
 * in either order, a shared page through eviction, swap and a minor
 * fault, each step worked out by hand; every machine is checked to hold
 * together after every operation (test_run, fuzz_machine.c).
 */
#include <stdio.h>

#include "testutil.h"

/* How many page tables map frame f, and whether pid's page vpn is one. */
static unsigned
maps(const struct machine *m, int f)
{
	return frame_rmap(m, f)->count;
}

static bool
maps_page(const struct machine *m, int f, int pid, uint64_t vpn)
{
	return rmap_has(&m->rmap, frame_rmap(m, f), (struct mapping){ pid, vpn });
}

static const struct pte *
entry(const struct machine *m, int pid, uint64_t vpn)
{
	return page_table_find(&machine_process(m, pid)->pt, vpn);
}

static void
test_fork_shares_every_page_copy_on_write(void **state)
{
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;
	const struct pte *e;

	(void)state;
	test_run(m, "w 0x0", &ev);              /* frame 0, dirty */
	test_run(m, "r 0x1000", &ev);           /* frame 1 */
	test_run(m, "fork 1", &ev);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.ev[0].kind, EV_FORK);
	assert_int_equal(ev.ev[0].other_pid, 2);
	assert_int_equal(ev.ev[0].frames_shared, 2);
	assert_int_equal(ev.ev[0].count, 2);    /* both written pages */
	assert_int_equal(ev.ev[0].held, 2);     /* pid 1's two TLB entries */
	assert_string_equal(machine_process(m, 2)->name, "app+");
	assert_int_equal(m->current_pid, 1);    /* the parent stays current */
	assert_int_equal(maps(m, 0), 2);
	assert_true(maps_page(m, 0, 1, 0) && maps_page(m, 0, 2, 0));
	assert_int_equal(maps(m, 1), 2);
	assert_int_equal(m->free_frames, 2);
	assert_int_equal(machine_process(m, 2)->resident, 2);
	for (int pid = 1; pid <= 2; pid++) {
		e = entry(m, pid, 0);
		assert_true(e->present && e->frame == 0 && e->cow && e->perm == PERM_R &&
			    e->dirty);
	}
	assert_int_equal(tlb_lookup(&m->tlb, 1, 0), -1);
	machine_free(m);
}

static void
test_fork_then_write_copies_once_per_page(void **state)
{
	static const enum event_kind read_hit[] = {
		EV_SPLIT, EV_TLB_MISS, EV_WALK, EV_TLB_FILL, EV_ACCESS, END };
	static const enum event_kind copy[] = {
		EV_SPLIT, EV_TLB_MISS, EV_WALK, EV_COW_FAULT, EV_FREE_FRAME, EV_COW_COPY,
		EV_PTE_UPDATE, EV_TLB_FILL, EV_ACCESS, END };
	static const enum event_kind last[] = {
		EV_SPLIT, EV_TLB_MISS, EV_WALK, EV_COW_FAULT, EV_PTE_UPDATE, EV_TLB_FILL,
		EV_ACCESS, END };
	static const enum event_kind cow_on_tlb_hit[] = {
		EV_SPLIT, EV_TLB_HIT, EV_COW_FAULT, EV_PTE_UPDATE, EV_TLB_FILL, EV_ACCESS, END };
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;
	const struct pte *e;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	test_run(m, "fork 1", &ev);
	/* Reads never copy: the child reads the shared frame 1. */
	test_run(m, "r 2:0x1000", &ev);
	expect_kinds(&ev, read_hit);
	assert_int_equal(ev.ev[4].frame, 1);
	assert_int_equal(maps(m, 1), 2);
	/* The child writes page 0, shared by 2: copied into frame 2, the lowest free. */
	test_run(m, "w 2:0x0", &ev);
	expect_kinds(&ev, copy);
	assert_int_equal(ev.ev[3].mappings, 2);
	assert_int_equal(ev.ev[5].source, 0);
	assert_int_equal(ev.ev[5].frame, 2);
	assert_int_equal(ev.ev[6].mappings, 1); /* frame 0 stays with pid 1 */
	e = entry(m, 2, 0);
	assert_true(e->present && e->frame == 2 && !e->cow && e->perm == (PERM_R | PERM_W) &&
		    e->dirty);
	assert_true(maps(m, 0) == 1 && maps_page(m, 0, 1, 0));
	assert_true(maps(m, 2) == 1 && maps_page(m, 2, 2, 0));
	/* The parent writes page 1, shared by 2: copied into frame 3. */
	test_run(m, "w 0x1000", &ev);
	expect_kinds(&ev, copy);
	assert_int_equal(ev.ev[5].frame, 3);
	/* The parent writes page 0: frame 0's last mapping, so no copy. */
	test_run(m, "w 0x0", &ev);
	expect_kinds(&ev, last);
	assert_true(ev.ev[3].flags & EVF_LAST_MAPPING);
	e = entry(m, 1, 0);
	assert_true(e->frame == 0 && !e->cow && (e->perm & PERM_W) && e->dirty);
	/* The child reads then writes page 1 (frame 1's last mapping): the TLB
	 * says read-only, so the trap comes on the hit. */
	test_run(m, "r 2:0x1000", &ev);
	test_run(m, "w 2:0x1000", &ev);
	expect_kinds(&ev, cow_on_tlb_hit);
	assert_int_equal(m->stats.cow_faults, 4);
	assert_int_equal(m->stats.cow_copies, 2);
	/* Two first touches and four copy-on-write faults, none reading swap. */
	assert_int_equal(m->stats.faults, 6);
	assert_int_equal(m->stats.minor_faults, 6);
	assert_int_equal(m->stats.major_faults, 0);
	assert_int_equal(machine_process(m, 1)->faults, 4);
	assert_int_equal(machine_process(m, 2)->faults, 2);
	assert_int_equal(m->free_frames, 0);
	machine_free(m);
}

static void
test_fork_chain_counts_each_generation(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "fork 1", &ev);             /* pid 2 */
	test_run(m, "fork 2", &ev);             /* pid 3, the grandchild */
	assert_string_equal(machine_process(m, 3)->name, "app++");
	assert_int_equal(maps(m, 0), 3);
	/* Generation 3 writes: frame 0 is shared by 3, copied to frame 1. */
	test_run(m, "w 3:0x0", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_COW_FAULT)].mappings, 3);
	assert_int_equal(ev.ev[test_find(&ev, EV_COW_COPY)].frame, 1);
	assert_int_equal(maps(m, 0), 2);
	assert_int_equal(m->stats.cow_copies, 1);
	/* Generation 2: shared by 2 now, copied to frame 2. */
	test_run(m, "w 2:0x0", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_COW_FAULT)].mappings, 2);
	assert_int_equal(ev.ev[test_find(&ev, EV_COW_COPY)].frame, 2);
	assert_true(maps(m, 0) == 1 && maps_page(m, 0, 1, 0));
	assert_int_equal(m->stats.cow_copies, 2);
	/* Generation 1 is the last: no copy, no new frame. */
	test_run(m, "w 1:0x0", &ev);
	assert_int_equal(test_find(&ev, EV_COW_COPY), -1);
	assert_int_equal(m->stats.cow_copies, 2);
	assert_int_equal(m->free_frames, 1);
	for (int f = 0; f < 3; f++)
		assert_int_equal(maps(m, f), 1);
	machine_free(m);
}

/* Parent and child share frame 1; each has one frame of its own. */
static struct machine *
forked_pair(void)
{
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;

	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	test_run(m, "fork 1", &ev);
	test_run(m, "w 2:0x0", &ev);            /* the child's own copy, frame 2 */
	return m;
}

static void
test_exit_in_either_order_leaks_nothing(void **state)
{
	for (int first = 1; first <= 2; first++) {
		struct machine *m = forked_pair();
		struct event_list ev;
		char line[16];
		int second = 3 - first;

		(void)state;
		snprintf(line, sizeof line, "exit %d", first);
		test_run(m, line, &ev);
		/* Its own frame goes; the shared one stays with the other. */
		assert_int_equal(ev.ev[0].frames_freed, 1);
		assert_int_equal(ev.ev[0].frames_shared, 1);
		assert_true(maps(m, 1) == 1 && maps_page(m, 1, second, 1));
		assert_int_equal(m->free_frames, 2);
		snprintf(line, sizeof line, "exit %d", second);
		test_run(m, line, &ev);
		assert_int_equal(ev.ev[0].frames_freed, 2);
		assert_int_equal(ev.ev[0].frames_shared, 0);
		assert_int_equal(m->free_frames, 4);
		assert_int_equal(m->swap_used, 0);
		machine_free(m);
	}
}

static void
test_shared_page_through_swap_and_a_minor_fault(void **state)
{
	static const enum event_kind minor[] = {
		EV_SPLIT, EV_WALK, EV_PAGE_FAULT, EV_PTE_UPDATE, EV_ACCESS, END };
	struct machine *m = test_machine("lru", 2, 0);
	struct event_list ev;
	int i;

	(void)state;
	test_run(m, "w 0x0", &ev);              /* frame 0, dirty */
	test_run(m, "fork 1", &ev);
	test_run(m, "r 0x1000", &ev);           /* frame 1 */
	/* No free frame: lru takes frame 0 (last used at step 1), shared by 2
	 * and dirty: written to slot 0, cleared from both page tables. */
	test_run(m, "r 0x2000", &ev);
	i = test_find(&ev, EV_EVICT);
	assert_int_equal(ev.ev[i].frame, 0);
	assert_int_equal(ev.ev[i].mappings, 2);
	assert_int_equal(ev.ev[test_find(&ev, EV_WRITEBACK)].slot, 0);
	assert_true(!entry(m, 1, 0)->present && !entry(m, 2, 0)->present);
	assert_true(entry(m, 1, 0)->slot == 0 && entry(m, 2, 0)->slot == 0);
	assert_int_equal(slot_rmap(m, 0)->count, 2);
	assert_int_equal(m->swap_used, 1);      /* one slot for both */
	/* The child reads it back (a major fault) into frame 1, lru's victim. */
	test_run(m, "r 2:0x0", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_SWAP_IN)].frame, 1);
	assert_int_equal(machine_process(m, 2)->major_faults, 1);
	/* The parent's entry still says not present: its fault finds frame 1. */
	assert_false(entry(m, 1, 0)->present);
	test_run(m, "r 1:0x0", &ev);
	expect_kinds(&ev, minor);
	assert_true(ev.ev[2].flags & EVF_IN_MEMORY);
	assert_int_equal(ev.ev[2].frame, 1);
	assert_true(maps(m, 1) == 2 && maps_page(m, 1, 1, 0) && maps_page(m, 1, 2, 0));
	assert_int_equal(m->stats.swap_ins, 1);
	assert_int_equal(m->stats.found_in_memory, 1);
	assert_int_equal(machine_process(m, 1)->minor_faults, 4);
	assert_int_equal(machine_process(m, 1)->major_faults, 0);
	/* The parent writes it: shared by 2, so copied, never from frame 1 out:
	 * the victim is frame 0 (1:0x2, clean, dropped). */
	test_run(m, "w 1:0x0", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].frame, 0);
	assert_int_equal(ev.ev[test_find(&ev, EV_COW_COPY)].source, 1);
	assert_true(maps_page(m, 0, 1, 0) && maps(m, 1) == 1 && maps_page(m, 1, 2, 0));
	/* The writer's copy is its own: it leaves slot 0 to the child. */
	assert_int_equal(entry(m, 1, 0)->slot, NO_SLOT);
	assert_true(slot_rmap(m, 0)->count == 1 && entry(m, 2, 0)->slot == 0);
	machine_free(m);
}

static void
test_copy_with_only_the_source_frame_is_out_of_memory(void **state)
{
	static const enum event_kind oom[] = {
		EV_SPLIT, EV_WALK, EV_COW_FAULT, EV_OUT_OF_MEMORY, END };
	struct machine *m = test_machine("lru", 1, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "fork 1", &ev);
	test_run(m, "w 0x0", &ev);
	expect_kinds(&ev, oom);
	assert_true(ev.ev[3].flags & EVF_NO_VICTIM);
	assert_int_equal(ev.ev[3].source, 0);
	assert_int_equal(ev.ev[3].frame, 0);
	assert_int_equal(m->stats.out_of_memory, 1);
	assert_true(maps(m, 0) == 2 && entry(m, 1, 0)->cow);   /* nothing moved */
	machine_free(m);
}

/* With two levels the child gets its own copy of each table, in a free frame. */
static void
test_fork_copies_page_tables_into_free_frames(void **state)
{
	struct machine_config cfg;
	struct machine *m;
	struct event_list ev;
	char err[256];
	struct op op = test_op("fork 1");

	(void)state;
	machine_config_default(&cfg);
	cfg.page_size = 32;                     /* OSTEP's 5+5+5 split */
	cfg.va_bits = 15;
	cfg.pte_bytes = 1;
	cfg.levels = 2;
	cfg.frames = 3;
	m = machine_new_flat(&cfg, "app", PERM_R | PERM_W);
	assert_non_null(m);
	test_run(m, "w 0x0", &ev);              /* its table in frame 0, the page in 1 */
	assert_int_equal(frame_rmap(m, 0)->holds, HOLDS_PAGE_TABLE);
	test_run(m, "fork 1", &ev);
	assert_int_equal(ev.ev[0].depth, 1);
	assert_int_equal(frame_rmap(m, 2)->holds, HOLDS_PAGE_TABLE);
	assert_int_equal(machine_process(m, 2)->table_frames, 1);
	assert_int_equal(maps(m, 1), 2);
	/* No frame is left for another copy of the tables: fork is refused. */
	assert_int_equal(engine_apply(m, &op, &ev, err, sizeof err), -1);
	assert_string_equal(err, "fork needs 1 free frame for the child's copy of pid 1's "
			    "page tables, and 0 are free");
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fork_shares_every_page_copy_on_write),
		cmocka_unit_test(test_fork_then_write_copies_once_per_page),
		cmocka_unit_test(test_fork_chain_counts_each_generation),
		cmocka_unit_test(test_exit_in_either_order_leaks_nothing),
		cmocka_unit_test(test_shared_page_through_swap_and_a_minor_fault),
		cmocka_unit_test(test_copy_with_only_the_source_frame_is_out_of_memory),
		cmocka_unit_test(test_fork_copies_page_tables_into_free_frames),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
