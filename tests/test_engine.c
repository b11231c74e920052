/*
 * test_engine.c - fault sequences, as the events and state a student
 * would watch: zero-fill, write-back and swap-in, clean eviction, faults
 * that stop an access, scopes, limits, swap full and the TLB.
 */
#include <stdio.h>

#include "region.h"
#include "testutil.h"

static void
test_first_touch_zero_fills(void **state)
{
	static const enum event_kind kinds[] = { EV_SPLIT, EV_TLB_MISS, EV_WALK,
		EV_PAGE_FAULT, EV_FREE_FRAME, EV_ZERO_FILL, EV_PTE_UPDATE, EV_TLB_FILL,
		EV_ACCESS, END };
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;
	const struct pte *e;

	(void)state;
	test_run(m, "r 0x7fff", &ev);
	expect_kinds(&ev, kinds);
	assert_int_equal(ev.ev[0].vpn, 7);
	assert_int_equal(ev.ev[0].offset, 0xfff);
	assert_int_equal(ev.ev[8].paddr, 0xfff);   /* frame 0 */
	e = page_table_find(&m->procs[1]->pt, 7);
	assert_non_null(e);
	assert_true(e->present && pte_referenced(m, e) && !e->dirty);
	assert_int_equal(frame_first(m, 0).pid, 1);
	assert_int_equal(m->stats.zero_fills, 1);
	assert_int_equal(m->stats.faults, 1);
	machine_free(m);
}

static void
test_tlb_hit_after_fault(void **state)
{
	static const enum event_kind kinds[] = { EV_SPLIT, EV_TLB_HIT, EV_ACCESS, END };
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;

	(void)state;
	test_run(m, "r 0x7fff", &ev);
	test_run(m, "w 0x7000", &ev);
	expect_kinds(&ev, kinds);
	assert_int_equal(m->stats.hits, 1);
	assert_int_equal(m->stats.tlb_hits, 1);
	assert_true(page_table_find(&m->procs[1]->pt, 7)->dirty);
	machine_free(m);
}

static void
test_dirty_victim_is_written_back_then_swapped_in(void **state)
{
	static const enum event_kind out[] = { EV_SPLIT, EV_WALK, EV_PAGE_FAULT,
		EV_VICTIM, EV_WRITEBACK, EV_EVICT, EV_ZERO_FILL, EV_PTE_UPDATE, EV_ACCESS, END };
	static const enum event_kind in[] = { EV_SPLIT, EV_WALK, EV_PAGE_FAULT,
		EV_VICTIM, EV_EVICT, EV_SWAP_IN, EV_PTE_UPDATE, EV_ACCESS, END };
	struct machine *m = test_machine("fifo", 1, 0);
	struct event_list ev;
	const struct pte *e;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	expect_kinds(&ev, out);
	assert_int_equal(ev.ev[4].slot, 0);
	assert_int_equal(rmap_first(slot_rmap(m, 0)).pid, 1);
	assert_int_equal(rmap_first(slot_rmap(m, 0)).vpn, 0);
	e = page_table_find(&m->procs[1]->pt, 0);
	assert_true(!e->present && !e->dirty && e->slot == 0);
	assert_int_equal(machine_page_state(m, m->procs[1], 0), PAGE_SWAPPED);

	test_run(m, "r 0x0", &ev);
	expect_kinds(&ev, in);           /* page 1 is clean and slotless: dropped */
	assert_int_equal(ev.ev[5].slot, 0);
	assert_int_equal(machine_page_state(m, m->procs[1], 1), PAGE_DROPPED);
	assert_int_equal(m->stats.writebacks, 1);
	assert_int_equal(m->stats.swap_ins, 1);
	machine_free(m);
}

static void
test_clean_page_keeps_its_slot(void **state)
{
	struct machine *m = test_machine("fifo", 1, 0);
	struct event_list ev;
	int evict;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);    /* page 0 written to slot 0 */
	test_run(m, "r 0x0", &ev);       /* back in, clean, still owns slot 0 */
	test_run(m, "r 0x1000", &ev);    /* evicted again: no write needed */
	assert_int_equal(test_find(&ev, EV_WRITEBACK), -1);
	evict = test_find(&ev, EV_EVICT);
	assert_true(ev.ev[evict].flags & EVF_KEEPS_SLOT);
	assert_int_equal(ev.ev[evict].slot, 0);
	assert_int_equal(m->stats.writebacks, 1);
	assert_int_equal(m->swap_used, 1);
	machine_free(m);
}

/* Swap is stored up to the slots used, however many are allowed; copies too. */
static void
test_swap_storage_follows_the_slots_used(void **state)
{
	struct machine_config cfg;
	struct machine *m, *copy;
	struct event_list ev;
	char line[32];

	(void)state;
	machine_config_default(&cfg);
	cfg.frames = 1;
	cfg.va_bits = 24;
	cfg.swap_slots = SWAP_SLOTS_MAX;
	m = machine_new_flat(&cfg, "app", PERM_R | PERM_W);
	for (unsigned i = 0; i <= 100; i++) {
		snprintf(line, sizeof line, "w 0x%x", i << 12);
		test_run(m, line, &ev);
	}
	assert_int_equal(m->swap_used, 100);
	assert_in_range(m->swap_cap, 100, 256);
	copy = machine_clone(m);
	assert_int_equal(rmap_first(slot_rmap(copy, 99)).vpn, 99);
	assert_int_equal(rmap_first(slot_rmap(copy, 100)).pid, 0);
	assert_int_equal(rmap_first(slot_rmap(copy, SWAP_SLOTS_MAX - 1)).pid, 0);
	machine_free(copy);
	machine_free(m);
}

static void
test_segfault_stops_the_access(void **state)
{
	static const enum event_kind kinds[] = { EV_SPLIT, EV_TLB_MISS, EV_WALK, EV_SEGFAULT, END };
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;

	(void)state;
	test_run(m, "spawn small 2", &ev);
	test_run(m, "r 0x2000", &ev);
	expect_kinds(&ev, kinds);
	assert_int_equal(ev.ev[0].pid, 2);
	assert_int_equal(m->stats.segfaults, 1);
	assert_int_equal(m->free_frames, 4);
	machine_free(m);
}

static void
test_protection_fault_on_walk_and_on_tlb_hit(void **state)
{
	static const enum event_kind walk[] = { EV_SPLIT, EV_TLB_MISS, EV_WALK,
		EV_PROTECTION_FAULT, END };
	static const enum event_kind hit[] = { EV_SPLIT, EV_TLB_HIT, EV_PROTECTION_FAULT, END };
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;

	(void)state;
	test_run(m, "spawn reader 4 r", &ev);
	test_run(m, "w 0x1000", &ev);
	expect_kinds(&ev, walk);
	test_run(m, "r 0x1000", &ev);
	test_run(m, "w 0x1000", &ev);
	expect_kinds(&ev, hit);
	test_run(m, "x 0x1000", &ev);
	assert_int_equal(m->stats.protection_faults, 3);
	assert_false(page_table_find(&m->procs[2]->pt, 1)->dirty);
	machine_free(m);
}

static void
test_local_scope_evicts_own_pages(void **state)
{
	struct machine *m = test_machine("lru", 2, 0);
	struct event_list ev;
	int v;

	(void)state;
	m->cfg.scope = SCOPE_LOCAL;
	test_run(m, "r 0x0", &ev);
	test_run(m, "spawn other", &ev);
	test_run(m, "r 2:0x0", &ev);
	test_run(m, "r 2:0x1000", &ev);   /* global LRU would take pid 1's page */
	v = test_find(&ev, EV_VICTIM);
	assert_int_equal(ev.ev[v].other_pid, 2);
	assert_true(ev.ev[test_find(&ev, EV_PAGE_FAULT)].flags & EVF_LOCAL);
	assert_int_equal(m->procs[1]->resident, 1);
	machine_free(m);
}

static void
test_frame_limit_binds_even_with_free_frames(void **state)
{
	struct machine *m = test_machine("fifo", 8, 0);
	struct event_list ev;
	int fault;

	(void)state;
	test_run(m, "limit 1 2", &ev);
	test_run(m, "r 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	test_run(m, "r 0x2000", &ev);
	fault = test_find(&ev, EV_PAGE_FAULT);
	assert_true(ev.ev[fault].flags & EVF_LIMITED);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].other_vpn, 0);
	assert_int_equal(m->procs[1]->resident, 2);
	assert_int_equal(m->free_frames, 6);
	test_run(m, "limit 1 none", &ev);
	test_run(m, "r 0x3000", &ev);
	assert_int_equal(test_find(&ev, EV_FREE_FRAME) >= 0, 1);
	machine_free(m);
}

static void
test_swap_full_is_out_of_memory(void **state)
{
	static const enum event_kind kinds[] = { EV_SPLIT, EV_WALK, EV_PAGE_FAULT,
		EV_VICTIM, EV_OUT_OF_MEMORY, END };
	struct machine_config cfg;
	struct machine *m;
	struct event_list ev;
	const struct pte *e;

	(void)state;
	machine_config_default(&cfg);
	cfg.frames = 1;
	cfg.swap_slots = 0;
	cfg.tlb_entries = 0;
	m = machine_new_flat(&cfg, "app", PERM_R | PERM_W);
	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	expect_kinds(&ev, kinds);
	e = page_table_find(&m->procs[1]->pt, 0);
	assert_true(e->present && e->dirty);   /* nothing lost */
	assert_int_equal(frame_first(m, 0).vpn, 0);
	assert_int_equal(m->stats.out_of_memory, 1);
	machine_free(m);
}

static void
test_eviction_removes_tlb_entry(void **state)
{
	struct machine *m = test_machine("fifo", 1, 4);
	struct event_list ev;

	(void)state;
	test_run(m, "r 0x0", &ev);
	assert_true(tlb_lookup(&m->tlb, 1, 0) >= 0);
	test_run(m, "r 0x1000", &ev);
	assert_int_equal(tlb_lookup(&m->tlb, 1, 0), -1);
	test_run(m, "r 0x0", &ev);
	assert_int_equal(ev.ev[1].kind, EV_TLB_MISS);
	machine_free(m);
}

static void
test_tlb_is_tagged_flushed_and_lru(void **state)
{
	struct machine *m = test_machine("lru", 8, 2);
	struct event_list ev;
	int fill;

	(void)state;
	test_run(m, "r 0x0", &ev);
	test_run(m, "spawn b", &ev);
	test_run(m, "r 0x0", &ev);              /* same VPN, other pid: a miss */
	assert_int_equal(ev.ev[1].kind, EV_TLB_MISS);
	test_run(m, "r 1:0x0", &ev);            /* pid 1's entry survived */
	assert_int_equal(ev.ev[1].kind, EV_TLB_HIT);
	test_run(m, "r 0x1000", &ev);           /* replaces 2:0x0, the LRU one */
	fill = test_find(&ev, EV_TLB_FILL);
	assert_true(ev.ev[fill].flags & EVF_REPLACED);
	assert_int_equal(ev.ev[fill].other_pid, 2);
	test_run(m, "tlb flush", &ev);
	assert_int_equal(ev.ev[0].count, 2);
	test_run(m, "exit 2", &ev);
	assert_int_equal(ev.ev[0].frames_freed, 2);
	assert_int_equal(m->free_frames, 7);
	machine_free(m);
}

/* The TLB on its own: the first empty entry, else the least recently used;
 * removing by frame empties exactly the entry that maps it. */
static void
test_tlb_room_order(void **state)
{
	struct tlb t;
	struct tlb_entry old;
	int i;

	(void)state;
	tlb_init(&t, 3, 8);
	for (i = 0; i < 3; i++)
		assert_int_equal(tlb_fill(&t, 1, (uint64_t)i, i, PERM_R, &old), i);
	assert_int_equal(old.pid, 0);
	assert_int_equal(tlb_lookup(&t, 1, 0), 0);      /* use order: 1, 2, 0 */
	assert_int_equal(tlb_fill(&t, 1, 10, 5, PERM_R, &old), 1);
	assert_true(old.pid == 1 && old.vpn == 1);      /* order: 2, 0, 10 */
	tlb_remove_frame(&t, 7);                        /* not mapped: nothing */
	tlb_remove_frame(&t, 0);                        /* empties entry 0 */
	assert_int_equal(tlb_lookup(&t, 1, 0), -1);
	assert_int_equal(tlb_fill(&t, 2, 0, 0, PERM_R, &old), 0);
	assert_int_equal(old.pid, 0);                   /* order: 2, 10, 2:0 */
	assert_int_equal(tlb_fill(&t, 2, 1, 1, PERM_R, &old), 2);
	assert_true(old.pid == 1 && old.vpn == 2);
	assert_int_equal(tlb_flush(&t, 1), 1);          /* 1:10 went */
	assert_int_equal(tlb_fill(&t, 1, 3, 3, PERM_R, &old), 1);
	assert_int_equal(old.pid, 0);
	tlb_free(&t);
}

static void
test_refused_operations_change_nothing(void **state)
{
	static const struct { const char *cmd; const char *says; } cases[] = {
		{ "r 9:0x0", "no process 9" },
		{ "r 0x10000", "outside the 16-bit address space" },
		{ "switch 4", "no process 4" },
		{ "map 1 0x0 1 rw", "overlap" },
		{ "map 1 0x10 1 rw", "not page-aligned" },
		{ "unmap 1 0xf000 2", "do not fit" },
		{ "spawn big 17", "do not fit" },
		{ "exit 3", "no process 3" },
	};
	struct machine *m = test_machine("lru", 4, 4);
	struct event_list ev;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct op op = test_op(cases[i].cmd);
		char err[256] = "";

		assert_int_equal(engine_apply(m, &op, &ev, err, sizeof err), -1);
		if (!strstr(err, cases[i].says))
			fail_msg("\"%s\": \"%s\" does not say \"%s\"", cases[i].cmd, err, cases[i].says);
		assert_int_equal(m->step, 0);
		assert_int_equal(ev.n, 0);
	}
	test_run(m, "exit 1", &ev);
	{
		struct op op = test_op("r 0x0");
		char err[256];

		assert_int_equal(engine_apply(m, &op, &ev, err, sizeof err), -1);
		assert_non_null(strstr(err, "no current process"));
	}
	machine_free(m);
}

static void
test_unmap_frees_frames_and_slots(void **state)
{
	struct machine *m = test_machine("fifo", 1, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "w 0x0", &ev);
	test_run(m, "w 0x1000", &ev);       /* page 0 to slot 0 */
	test_run(m, "unmap 1 0x0 2", &ev);
	assert_int_equal(ev.ev[0].frames_freed, 1);
	assert_int_equal(ev.ev[0].slots_freed, 1);
	assert_int_equal(m->free_frames, 1);
	assert_int_equal(m->swap_used, 0);
	assert_int_equal(machine_page_state(m, m->procs[1], 0), PAGE_UNMAPPED);
	assert_int_equal(machine_page_state(m, m->procs[1], 2), PAGE_UNTOUCHED);
	test_run(m, "r 0x1000", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_WALK) + 1].kind, EV_SEGFAULT);
	test_run(m, "map 1 0x0 1 r", &ev);
	test_run(m, "r 0x0", &ev);
	assert_int_equal(test_find(&ev, EV_ZERO_FILL) >= 0, 1);
	machine_free(m);
}

static void
test_partial_apply_shows_the_midpoint(void **state)
{
	struct machine *m = test_machine("fifo", 1, 0);
	struct event_list ev;
	struct op op = test_op("r 0x1000");
	char err[128];

	(void)state;
	test_run(m, "w 0x0", &ev);
	/* SPLIT, WALK, PAGE FAULT, VICTIM, WRITE-BACK, EVICT: then stop. */
	assert_int_equal(engine_apply_partial(m, &op, &ev, 6, err, sizeof err), 0);
	fuzz_check_machine(m, false);
	assert_int_equal(ev.n, 6);
	assert_int_equal(ev.ev[5].kind, EV_EVICT);
	assert_int_equal(frame_first(m, 0).pid, 0);          /* the frame stands empty */
	assert_int_equal(rmap_first(slot_rmap(m, 0)).vpn, 0);            /* page 0 is in swap */
	assert_null(page_table_find(&m->procs[1]->pt, 1));
	machine_free(m);
}

static void
test_sparse_48_bit_space(void **state)
{
	struct machine_config cfg;
	struct machine *m;
	struct event_list ev;

	(void)state;
	machine_config_default(&cfg);
	cfg.va_bits = 48;
	m = machine_new_flat(&cfg, "trace", PERM_R | PERM_W | PERM_X);
	test_run(m, "r 0x1ffefffd38", &ev);
	assert_int_equal(ev.ev[0].vpn, 0x1ffefffULL);
	test_run(m, "x 0x4000000", &ev);
	test_run(m, "w 0xffffffffffff", &ev);
	assert_int_equal(m->procs[1]->pt.count, 3);
	assert_true(m->procs[1]->pt.cap <= 16);
	machine_free(m);
}

static void
test_address_space_grows_for_traces(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;

	(void)state;
	m->cfg.grow_va = true;
	test_run(m, "r 0x12345678", &ev);
	assert_int_equal(m->cfg.va_bits, 29);
	assert_int_equal(machine_page_state(m, m->procs[1], 0x12345), PAGE_RESIDENT);
	assert_int_equal(machine_page_state(m, m->procs[1], 0x1ffff), PAGE_UNTOUCHED);
	machine_free(m);
}

static void
test_config_limits(void **state)
{
	static const struct { unsigned page_size, frames; const char *says; } cases[] = {
		{ 3000, 4, "page_size: 3000 is not a power of two between 16 and 65536" },
		{ 8, 4, "page_size: 8 is not a power of two" },
		{ 4096, 0, "frames: 0 is out of range 1..65536" },
		{ 4096, 1000000000, "frames: 1000000000 is out of range" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct machine_config cfg;
		char err[256];

		machine_config_default(&cfg);
		cfg.page_size = cases[i].page_size;
		cfg.frames = cases[i].frames;
		assert_int_equal(machine_config_check(&cfg, err, sizeof err), -1);
		assert_non_null(strstr(err, cases[i].says));
		assert_null(machine_new(&cfg));
	}
}

static void
test_every_event_explains_itself(void **state)
{
	static const char *script[] = { "w 0x0", "r 0x1000", "r 0x2000", "r 0x0",
		"spawn p 1 r", "w 0x0", "r 0x5000", "limit 2 1", "limit 2 none",
		"map 2 0x4000 1 rw", "unmap 2 0x4000 1", "switch 1", "tlb flush",
		"exit 2" };
	struct machine *m = test_machine("clock", 2, 2);
	bool seen[EV_COUNT] = { false };

	(void)state;
	for (size_t i = 0; i < sizeof script / sizeof script[0]; i++) {
		struct event_list ev;

		test_run(m, script[i], &ev);
		for (unsigned j = 0; j < ev.n; j++) {
			char text[256];

			event_explain(&ev.ev[j], m, text, sizeof text);
			assert_true(strlen(text) > 10);
			seen[ev.ev[j].kind] = true;
		}
	}
	assert_true(seen[EV_WRITEBACK] && seen[EV_SWAP_IN] && seen[EV_PROTECTION_FAULT] &&
		    seen[EV_SEGFAULT] && seen[EV_EXIT] && seen[EV_TLB_FLUSH]);
	machine_free(m);
}

/*
 * Regions are found by binary search: many of them, gaps between, a cut
 * through the middle and one reaching the top of a 64-bit space.
 */
static void
test_many_regions(void **state)
{
	struct machine_config cfg;
	struct machine *m;
	struct process *p;
	char err[256];
	uint64_t i, top = UINT64_MAX / 4096;

	(void)state;
	machine_config_default(&cfg);
	cfg.va_bits = 64;
	m = machine_new(&cfg);
	assert_int_equal(machine_add_process(m, 1, "big", err, sizeof err), 0);
	p = machine_process(m, 1);
	/* every other page, in a shuffled order */
	for (i = 0; i < 5000; i++)
		assert_int_equal(machine_map(m, 1, 2 * (i * 3697 % 5000), 1, PERM_R, false, err,
		    sizeof err), 0);
	assert_int_equal(machine_map(m, 1, top - 9, 10, PERM_W, false, err, sizeof err), 0);
	assert_int_equal(p->nregions, 5001);
	for (i = 0; i < 10000; i++)
		assert_true((process_region(p, i) != NULL) == (i % 2 == 0));
	assert_null(process_region(p, 10000));
	assert_null(process_region(p, top - 10));
	assert_int_equal(process_region(p, top)->perm, PERM_W);
	assert_int_equal(process_region(p, top - 9)->perm, PERM_W);
	/* overlaps: on a region, in a gap, across the top */
	assert_true(region_overlaps(p, 4, 1));
	assert_false(region_overlaps(p, 5, 1));
	assert_true(region_overlaps(p, 5, 2));
	assert_true(region_overlaps(p, top, 1));
	assert_int_equal(machine_map(m, 1, 5, 1, PERM_R, false, err, sizeof err), 0);
	/* a cut through pages 3..7 leaves 0, 2, 8... */
	region_remove(p, 3, 5);
	assert_non_null(process_region(p, 2));
	for (i = 3; i < 8; i++)
		assert_null(process_region(p, i));
	assert_non_null(process_region(p, 8));
	region_remove(p, top - 3, 4);
	assert_non_null(process_region(p, top - 4));
	assert_null(process_region(p, top));
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_touch_zero_fills),
		cmocka_unit_test(test_tlb_hit_after_fault),
		cmocka_unit_test(test_dirty_victim_is_written_back_then_swapped_in),
		cmocka_unit_test(test_clean_page_keeps_its_slot),
		cmocka_unit_test(test_swap_storage_follows_the_slots_used),
		cmocka_unit_test(test_segfault_stops_the_access),
		cmocka_unit_test(test_protection_fault_on_walk_and_on_tlb_hit),
		cmocka_unit_test(test_local_scope_evicts_own_pages),
		cmocka_unit_test(test_frame_limit_binds_even_with_free_frames),
		cmocka_unit_test(test_swap_full_is_out_of_memory),
		cmocka_unit_test(test_eviction_removes_tlb_entry),
		cmocka_unit_test(test_tlb_room_order),
		cmocka_unit_test(test_tlb_is_tagged_flushed_and_lru),
		cmocka_unit_test(test_refused_operations_change_nothing),
		cmocka_unit_test(test_unmap_frees_frames_and_slots),
		cmocka_unit_test(test_partial_apply_shows_the_midpoint),
		cmocka_unit_test(test_sparse_48_bit_space),
		cmocka_unit_test(test_address_space_grows_for_traces),
		cmocka_unit_test(test_config_limits),
		cmocka_unit_test(test_every_event_explains_itself),
		cmocka_unit_test(test_many_regions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
