/*
 * test_levels.c - multi-level page tables: a two-level walk checked entry
 * by entry against a worked example in the style of OSTEP's
 * paging-multilevel-translate.py, memory references per translation,
 * tables made on first touch and freed with their last page, a table's
 * frame never a victim under any policy, out of memory when every frame
 * holds a table, a sparse 48-bit space whose tables grow with the
 * pages touched, and the whole tree listed depth first (walk_tree).  (test_run checks the machine's invariants after each
 * operation, tests/fuzz_machine.c: the tables and their frames agree.)
 */
#include "testutil.h"
#include "page_walk.h"

static struct machine *
tree_machine(unsigned page_size, unsigned va_bits, unsigned levels, unsigned pte_bytes,
	     unsigned frames, unsigned tlb, const char *policy)
{
	struct machine_config cfg;

	machine_config_default(&cfg);
	cfg.page_size = page_size;
	cfg.va_bits = va_bits;
	cfg.levels = levels;
	cfg.pte_bytes = pte_bytes;
	cfg.frames = frames;
	cfg.tlb_entries = tlb;
	cfg.policy = policy_find(policy);
	return machine_new_flat(&cfg, "app", PERM_R | PERM_W);
}

/* OSTEP's machine: 32-byte pages, 15-bit addresses, 1-byte entries: 5+5+5. */
static struct machine *
ostep_machine(unsigned frames, unsigned tlb, const char *policy)
{
	return tree_machine(32, 15, 2, 1, frames, tlb, policy);
}

static void
assert_kinds(const struct event_list *ev, const enum event_kind *want, unsigned n)
{
	for (unsigned i = 0; i < n && i < ev->n; i++)
		if (ev->ev[i].kind != want[i])
			fail_msg("event %u is %s, want %s", i + 1, event_label(ev->ev[i].kind),
				 event_label(want[i]));
	assert_int_equal(ev->n, n);
}

/*
 * Virtual address 0x611c (OSTEP's README): VPN 0x611c >> 5 = 0x308, so
 * the page directory index is 0x308 >> 5 = 0x18 and the table index
 * 0x308 & 31 = 0x8; offset 0x1c.  The first touch finds entry 0x18 of the
 * top table empty, faults, makes the table in free frame 0 and the page
 * in free frame 1: physical 1 * 32 + 0x1c = 0x3c.  The second read walks
 * both levels: entry 0x18 points to frame 0, whose entry 0x8 is present
 * in frame 1.
 */
static void
t_ostep_two_level_walk(void **state)
{
	static const enum event_kind first[] = {
		EV_SPLIT, EV_WALK_TABLE, EV_PAGE_FAULT, EV_FREE_FRAME, EV_NEW_TABLE,
		EV_FREE_FRAME, EV_ZERO_FILL, EV_PTE_UPDATE, EV_ACCESS,
	};
	static const enum event_kind again[] = { EV_SPLIT, EV_WALK_TABLE, EV_WALK, EV_ACCESS };
	struct machine *m = ostep_machine(4, 0, "lru");
	struct event_list ev;

	(void)state;
	test_run(m, "r 0x611c", &ev);
	assert_kinds(&ev, first, sizeof first / sizeof first[0]);
	assert_int_equal(ev.ev[1].depth, 0);
	assert_int_equal(ev.ev[1].index, 0x18);
	assert_int_equal(ev.ev[1].table_frame, NO_FRAME);
	assert_int_equal(ev.ev[1].frame, NO_FRAME);     /* empty */
	assert_int_equal(ev.ev[3].frame, 0);
	assert_int_equal(ev.ev[4].depth, 1);            /* the level-2 table ... */
	assert_int_equal(ev.ev[4].frame, 0);            /* ... in frame 0 ... */
	assert_int_equal(ev.ev[4].index, 0x18);         /* ... under entry 0x18 */
	assert_int_equal(ev.ev[5].frame, 1);
	assert_int_equal(ev.ev[8].paddr, 0x3c);
	assert_int_equal(frame_rmap(m, 0)->holds, HOLDS_PAGE_TABLE);
	assert_int_equal(frame_rmap(m, 1)->holds, HOLDS_DATA);

	test_run(m, "r 0x6100", &ev);
	assert_kinds(&ev, again, sizeof again / sizeof again[0]);
	assert_int_equal(ev.ev[1].index, 0x18);
	assert_int_equal(ev.ev[1].frame, 0);            /* next table in frame 0 */
	assert_int_equal(ev.ev[2].depth, 1);
	assert_int_equal(ev.ev[2].index, 0x8);
	assert_int_equal(ev.ev[2].table_frame, 0);
	assert_int_equal(ev.ev[2].frame, 1);            /* present in frame 1 */
	assert_int_equal(ev.ev[3].paddr, 0x20);
	machine_free(m);
}

/*
 * Memory references per translation, as the issue defines them: a TLB hit
 * is 1, a miss levels + 1 (the walk that translates it, then the data),
 * a fault's walk counted once.  Four levels on x86-64's 9+9+9+9+12, a TLB
 * of 4: the first touch (its walk stops at the empty top entry; after the
 * fault the restarted walk reads all four): 5.  A second page under the
 * same tables: 5.  The same page again hits: 1.  After a TLB flush it
 * misses, and walks four again: 5.  Executing a page of that leaf table
 * (mapped rw) walks four entries and is refused: 4, and no data.
 */
static void
t_references_per_translation(void **state)
{
	struct machine *m = tree_machine(4096, 48, 4, 8, 8, 4, "lru");
	struct machine *flat = test_machine("lru", 8, 4);

	(void)state;
	test_run(m, "r 0x7fff0000", NULL);
	assert_int_equal(stats_mem_refs(&m->stats), 5);
	test_run(m, "r 0x7fff1000", NULL);
	assert_int_equal(stats_mem_refs(&m->stats), 5 + 5);
	test_run(m, "r 0x7fff1008", NULL);
	assert_int_equal(stats_mem_refs(&m->stats), 5 + 5 + 1);
	test_run(m, "tlb flush", NULL);
	test_run(m, "r 0x7fff1000", NULL);
	assert_int_equal(stats_mem_refs(&m->stats), 5 + 5 + 1 + 5);
	test_run(m, "x 0x7fff2000", NULL);
	assert_int_equal(m->stats.protection_faults, 1);
	assert_int_equal(stats_mem_refs(&m->stats), 5 + 5 + 1 + 5 + 4);
	assert_int_equal(m->table_frames, 3);           /* levels 2, 3, 4 */
	test_run(flat, "r 0x0", NULL);                  /* one level: 2 on a miss */
	test_run(flat, "r 0x8", NULL);
	assert_int_equal(stats_mem_refs(&flat->stats), 3);
	assert_int_equal(flat->table_frames, 0);
	machine_free(m);
	machine_free(flat);
}

/*
 * On the 5+5+5 machine a level-2 table covers 32 pages.  Pages 0x0 and
 * 0x1f share one table; 0x20 needs a second.  Unmapping 0x20's 32 pages
 * frees its table; exiting frees the rest.
 */
static void
t_tables_made_and_freed(void **state)
{
	struct machine *m = ostep_machine(8, 2, "fifo");
	const struct process *p;
	struct event_list ev;

	(void)state;
	test_run(m, "r 0x0", NULL);
	test_run(m, "r 0x3e0", NULL);                   /* page 0x1f */
	p = machine_process(m, 1);
	assert_int_equal(p->table_frames, 1);
	assert_int_equal(walk_table(m, p, 1, 0)->used, 2);
	test_run(m, "w 0x400", NULL);                   /* page 0x20 */
	assert_int_equal(p->table_frames, 2);
	assert_int_equal(m->table_frames, 2);
	assert_int_equal(m->free_frames, 8 - 2 - 3);
	test_run(m, "unmap 1 0x400 32", &ev);
	assert_int_equal(ev.ev[0].depth, 1);
	assert_int_equal(p->table_frames, 1);
	assert_int_equal(m->free_frames, 8 - 1 - 2);
	test_run(m, "unmap 1 0x0 1", &ev);              /* 0x1f is still under it */
	assert_int_equal(ev.ev[0].depth, 0);
	assert_int_equal(p->table_frames, 1);
	test_run(m, "exit 1", &ev);
	assert_int_equal(ev.ev[0].depth, 1);
	assert_int_equal(m->table_frames, 0);
	assert_int_equal(m->free_frames, 8);
	machine_free(m);
}

/*
 * Two frames: the table takes frame 0 and page 0x0 frame 1.  Every later
 * page under the same table must evict a data page, whatever the policy
 * would otherwise prefer (FIFO's oldest, frame 0, is the table).
 */
static void
t_table_never_a_victim(void **state)
{
	(void)state;
	for (int pol = 0; pol < policy_count(); pol++) {
		struct machine *m = ostep_machine(2, 1, policy_at(pol)->name);
		struct event_list ev;
		char line[32];

		for (unsigned page = 0; page < 12; page++) {
			int v;

			snprintf(line, sizeof line, "w 0x%x", page * 32);
			test_run(m, line, &ev);
			v = test_find(&ev, EV_VICTIM);
			assert_true(page == 0 ? v < 0 : v >= 0);
			if (v >= 0)
				assert_int_equal(ev.ev[v].frame, 1);
			assert_int_equal(frame_rmap(m, 0)->holds, HOLDS_PAGE_TABLE);
		}
		assert_int_equal(m->stats.evictions, 11);
		machine_free(m);
	}
}

/*
 * One frame: the table takes it, and the page has none left to take,
 * for no frame holds a page that could go: out of memory, and the access
 * fails with every page where it was.  A first touch on four levels with
 * two frames runs out at the third table.
 */
static void
t_out_of_memory_for_tables(void **state)
{
	struct machine *m = ostep_machine(1, 0, "lru");
	struct event_list ev;
	char text[512];
	int i;

	(void)state;
	test_run(m, "r 0x0", &ev);
	i = test_find(&ev, EV_OUT_OF_MEMORY);
	assert_true(i >= 0 && (ev.ev[i].flags & EVF_NO_VICTIM));
	event_explain(&ev.ev[i], m, text, sizeof text);
	assert_string_equal(text, "page 0x0 needs a frame, but none is free "
			    "and every frame pid 1 may take holds a page table, which is "
			    "never evicted; the access fails");
	assert_int_equal(m->stats.out_of_memory, 1);
	assert_int_equal(m->table_frames, 1);
	machine_free(m);

	m = tree_machine(4096, 48, 4, 8, 2, 0, "clock");
	test_run(m, "r 0x0", &ev);
	assert_int_equal(test_find(&ev, EV_NEW_TABLE), 4);
	assert_int_equal(ev.ev[ev.n - 1].kind, EV_OUT_OF_MEMORY);
	assert_int_equal(m->table_frames, 2);
	machine_free(m);
}

/*
 * A sparse 48-bit space on four levels: pages far apart each need their
 * own three tables, pages side by side share them.  Memory follows the
 * tables made, never the 2^36 pages of the space.
 */
static void
t_sparse_48_bits(void **state)
{
	struct machine *m = tree_machine(4096, 48, 4, 8, 64, 4, "lru");
	const struct process *p;
	char line[48];

	(void)state;
	for (uint64_t i = 0; i < 8; i++) {
		snprintf(line, sizeof line, "w 0x%llx", (unsigned long long)(i << 39));
		test_run(m, line, NULL);
	}
	p = machine_process(m, 1);
	assert_int_equal(p->tables.n, 8 * 3);           /* each its own path */
	for (uint64_t i = 1; i < 8; i++) {
		snprintf(line, sizeof line, "r 0x%llx", (unsigned long long)(i << 12));
		test_run(m, line, NULL);
	}
	assert_int_equal(p->tables.n, 8 * 3);           /* under the first one's */
	assert_true(p->tables.cap <= 32);
	machine_free(m);
}

/*
 * OSTEP's machine (5+5+5), 8 frames, the TLB off.  w 0x6120 (page 0x309:
 * top 0x18, index 0x9): the level-2 table in frame 0, the page in 1.
 * r 0x611c (page 0x308, index 0x8): frame 2.  r 0x0 (page 0: top 0x0,
 * index 0x0): its table in frame 3, the page in 4.  Depth first, in
 * address order, each table's entry before its own entries:
 *   top[0x0]  -> the table in f3 (pages 0x0-0x1f)
 *     [0x0]   page 0x0 in f4
 *   top[0x18] -> the table in f0 (pages 0x300-0x31f)
 *     [0x8]   page 0x308 in f2
 *     [0x9]   page 0x309 in f1
 */
static void
t_whole_tree(void **state)
{
	static const struct { unsigned depth; uint64_t index, vpn; int table, page; } want[] = {
		{ 0, 0x0, 0x0, 3, -1 }, { 1, 0x0, 0x0, -1, 4 },
		{ 0, 0x18, 0x300, 0, -1 }, { 1, 0x8, 0x308, -1, 2 }, { 1, 0x9, 0x309, -1, 1 },
	};
	struct machine *m = ostep_machine(8, 0, "lru");
	const struct process *p;
	struct walk_node nodes[8];
	size_t n;

	(void)state;
	test_run(m, "w 0x6120", NULL);
	test_run(m, "r 0x611c", NULL);
	test_run(m, "r 0x0", NULL);
	p = machine_process(m, 1);
	n = walk_tree(m, p, nodes);
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(nodes[i].depth, want[i].depth);
		assert_int_equal(nodes[i].index, want[i].index);
		assert_int_equal(nodes[i].vpn, want[i].vpn);
		if (want[i].table >= 0)
			assert_true(nodes[i].table && !nodes[i].pte &&
				    nodes[i].table->frame == want[i].table);
		else
			assert_true(!nodes[i].table && nodes[i].pte && nodes[i].pte->present &&
				    nodes[i].pte->frame == want[i].page);
	}
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_ostep_two_level_walk),
		cmocka_unit_test(t_references_per_translation),
		cmocka_unit_test(t_tables_made_and_freed),
		cmocka_unit_test(t_table_never_a_victim),
		cmocka_unit_test(t_out_of_memory_for_tables),
		cmocka_unit_test(t_sparse_48_bits),
		cmocka_unit_test(t_whole_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
