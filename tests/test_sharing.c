/*
 * test_sharing.c - frames with many owners: fork and copy-on-write, exits
 * in either order, a shared page through eviction, swap and a minor
 * fault, each step worked out by hand; shared mappings (share) through
 * eviction, swap-in and a minor fault in the other process, and what share
 * refuses; every machine is checked to hold together after every operation
 * (test_run, fuzz_machine.c).
 */
#include <stdio.h>
#include <string.h>

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

/*
 * On 4 frames and a 4-entry TLB, pid 1 writes page 0 (frame 0, dirty),
 * reads page 1 (frame 1), then forks pid 2; *ev: the fork's events.
 */
static struct machine *
forked(struct event_list *ev)
{
	struct machine *m = test_machine("lru", 4, 4);

	test_run(m, "w 0x0", ev);
	test_run(m, "r 0x1000", ev);
	test_run(m, "fork 1", ev);
	return m;
}

static void
test_fork_shares_every_page_copy_on_write(void **state)
{
	struct event_list ev;
	struct machine *m = forked(&ev);
	const struct pte *e;

	(void)state;
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
	struct event_list ev;
	struct machine *m = forked(&ev);
	const struct pte *e;

	(void)state;
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

/*
 * A line of forks: a '+' per generation while the name fits in 24 (OP_NAME_MAX)
 * characters ("app" + 21 '+' at pid 22); from pid 23 on the base name and the
 * child's pid ("app+23"), whose children again add a '+'.  A spawned name of
 * 24 characters keeps the 21 that leave room for "+pid".
 */
static void
test_fork_names_stay_unique_past_the_limit(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;
	char cmd[32], want[OP_NAME_MAX + 1];

	(void)state;
	for (int pid = 2; pid <= 24; pid++) {
		snprintf(cmd, sizeof cmd, "fork %d", pid - 1);
		test_run(m, cmd, &ev);
	}
	for (int pid = 2; pid <= 22; pid++) {
		snprintf(want, sizeof want, "app%.*s", pid - 1, "+++++++++++++++++++++");
		assert_string_equal(machine_process(m, pid)->name, want);
	}
	assert_string_equal(machine_process(m, 23)->name, "app+23");
	assert_string_equal(machine_process(m, 24)->name, "app+23+");
	test_run(m, "spawn abcdefghijklmnopqrstuvwx", &ev);        /* pid 25 */
	test_run(m, "fork 25", &ev);
	assert_string_equal(machine_process(m, 26)->name, "abcdefghijklmnopqrstu+26");
	test_run(m, "fork 25", &ev);
	assert_string_equal(machine_process(m, 27)->name, "abcdefghijklmnopqrstu+27");
	machine_free(m);
}

/* Parent and child share frame 1; each has one frame of its own. */
static struct machine *
forked_pair(void)
{
	struct event_list ev;
	struct machine *m = forked(&ev);

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

/*
 * Pid 2's read `child_read` brings the page it shares with pid 1's page 0
 * back from swap into frame 1, a major fault; pid 1's entry still says
 * not present, and its read finds frame 1: a minor fault, whose events
 * are left in *ev.
 */
static void
swap_in_then_minor_fault(struct machine *m, const char *child_read, struct event_list *ev)
{
	static const enum event_kind minor[] = {
		EV_SPLIT, EV_WALK, EV_PAGE_FAULT, EV_PTE_UPDATE, EV_ACCESS, END };

	test_run(m, child_read, ev);
	assert_int_equal(ev->ev[test_find(ev, EV_SWAP_IN)].frame, 1);
	assert_int_equal(machine_process(m, 2)->major_faults, 1);
	assert_false(entry(m, 1, 0)->present);
	test_run(m, "r 1:0x0", ev);
	expect_kinds(ev, minor);
	assert_true(ev->ev[2].flags & EVF_IN_MEMORY);
	assert_int_equal(ev->ev[2].frame, 1);
}

static void
test_shared_page_through_swap_and_a_minor_fault(void **state)
{
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
	/* The child reads it back (a major fault) into frame 1, lru's victim;
	 * the parent's entry still says not present: its fault finds frame 1. */
	swap_in_then_minor_fault(m, "r 2:0x0", &ev);
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

/* The narration of ev, as the screen shows it. */
static const char *
told(const struct event *ev, const struct machine *m)
{
	static char text[512];

	event_explain(ev, m, text, sizeof text);
	return text;
}

static void
assert_told(const struct event *ev, const struct machine *m, const char *words)
{
	const char *text = told(ev, m);

	if (!strstr(text, words))
		fail_msg("expected \"%s\" in \"%s\"", words, text);
}

/*
 * pid 1 (16 pages) reads page 0 into frame 0, clean; pid 2 ("b", pages
 * 0-3) gets it at page 8, read-only.  Two frames, no TLB.
 */
static struct machine *
shared_clean_page(void)
{
	struct machine *m = test_machine("lru", 2, 0);
	struct event_list ev;

	test_run(m, "spawn b 4 rw", &ev);       /* pid 2, current */
	test_run(m, "r 1:0x0", &ev);            /* frame 0, step 2 */
	test_run(m, "share 1 0x0 2 0x8000 1 r", &ev);
	assert_int_equal(ev.n, 1);
	assert_int_equal(ev.ev[0].kind, EV_SHARE);
	assert_int_equal(ev.ev[0].frames_shared, 1);
	assert_int_equal(ev.ev[0].slots_shared, 0);
	assert_told(&ev.ev[0], m, "pid 1 shares 1 page from 0x0 with pid 2, mapped there "
		    "from page 0x8 (r): both page tables point at the same 1 frame and 0 swap "
		    "slots");
	return m;
}

static void
test_share_maps_the_same_frame(void **state)
{
	struct machine *m = shared_clean_page();
	const struct pte *e = entry(m, 2, 8);

	(void)state;
	assert_true(maps(m, 0) == 2 && maps_page(m, 0, 1, 0) && maps_page(m, 0, 2, 8));
	assert_true(e->present && e->frame == 0 && e->shared && !e->cow && !e->dirty &&
		    e->perm == PERM_R);
	assert_true(entry(m, 1, 0)->shared && entry(m, 1, 0)->perm == (PERM_R | PERM_W));
	assert_int_equal(machine_process(m, 2)->resident, 1);
	assert_int_equal(machine_process(m, 1)->resident, 1);
	assert_int_equal(process_region(machine_process(m, 2), 8)->perm, PERM_R);
	assert_int_equal(m->free_frames, 1);    /* nothing was loaded */
	machine_free(m);
}

/*
 * The clean shared page is evicted: written to a slot all the same (its
 * sharers must find it again), cleared from both page tables; pid 2 reads
 * it back (major), pid 1's entry still says not present, and its fault
 * finds the frame (minor); pid 1 writes it, pid 2 reads the same frame;
 * exits in turn free the frame and slot only with their last mapping.
 */
static void
test_shared_page_evicted_and_found_by_the_other(void **state)
{
	static const enum event_kind shared_victim[] = {
		EV_SPLIT, EV_WALK, EV_PAGE_FAULT, EV_VICTIM, EV_WRITEBACK, EV_EVICT, EV_ZERO_FILL,
		EV_PTE_UPDATE, EV_ACCESS, END };
	static const enum event_kind hit[] = { EV_SPLIT, EV_WALK, EV_ACCESS, END };
	struct machine *m = shared_clean_page();
	struct event_list ev;

	(void)state;
	test_run(m, "r 1:0x1000", &ev);         /* frame 1, step 4 */
	/* No free frame: lru takes frame 0 (last used at step 2), shared by 2. */
	test_run(m, "r 1:0x2000", &ev);
	expect_kinds(&ev, shared_victim);
	assert_int_equal(ev.ev[3].frame, 0);
	assert_int_equal(ev.ev[3].mappings, 2);
	assert_true((ev.ev[3].flags & EVF_SHARED_CLEAN) && !(ev.ev[3].flags & EVF_DIRTY));
	assert_told(&ev.ev[3], m, "it is clean but in a shared mapping with no swap slot");
	assert_int_equal(ev.ev[4].slot, 0);
	assert_told(&ev.ev[4], m, "clean 1:0x0 is written from frame 0 to swap slot 0");
	assert_true(!entry(m, 1, 0)->present && entry(m, 1, 0)->slot == 0);
	assert_true(!entry(m, 2, 8)->present && entry(m, 2, 8)->slot == 0);
	assert_int_equal(slot_rmap(m, 0)->count, 2);
	assert_int_equal(m->stats.writebacks, 1);
	/* pid 2 reads it back from slot 0 into frame 1 (lru: step 4 < step 5);
	 * pid 1's fault finds frame 1, brought in by pid 2: a minor fault. */
	swap_in_then_minor_fault(m, "r 2:0x8000", &ev);
	assert_int_equal(ev.ev[2].other_pid, 2);
	assert_told(&ev.ev[2], m, "page 0x0 is already in memory (frame 1, brought in by "
		    "pid 2), so nothing is read from swap slot 0: only the page-table entry "
		    "is filled, a minor fault");
	assert_true(maps(m, 1) == 2 && maps_page(m, 1, 1, 0) && maps_page(m, 1, 2, 8));
	/* Three first touches and this one are minor; pid 2's swap-in major. */
	assert_int_equal(machine_process(m, 1)->minor_faults, 4);
	assert_int_equal(machine_process(m, 1)->major_faults, 0);
	assert_int_equal(m->stats.minor_faults, 4);
	assert_int_equal(m->stats.major_faults, 1);
	/* pid 1 writes it: no copy, the one frame is written; pid 2 reads it. */
	test_run(m, "w 1:0x0", &ev);
	expect_kinds(&ev, hit);
	assert_int_equal(ev.ev[2].frame, 1);
	test_run(m, "r 2:0x8000", &ev);
	expect_kinds(&ev, hit);
	assert_int_equal(ev.ev[2].frame, 1);
	assert_true(maps(m, 1) == 2 && frame_dirty(m, 1));
	assert_int_equal(m->stats.cow_copies, 0);
	/* pid 1 exits: its own frame 0 (1:0x2) is freed, frame 1 and slot 0 stay. */
	test_run(m, "exit 1", &ev);
	assert_int_equal(ev.ev[0].frames_freed, 1);
	assert_int_equal(ev.ev[0].frames_shared, 1);
	assert_int_equal(ev.ev[0].slots_freed, 0);
	assert_int_equal(ev.ev[0].slots_shared, 1);
	/* No "0 swap slots become free": the counts of none are left out. */
	assert_told(&ev.ev[0], m, "pid 1 exits: 1 frame becomes free; 1 frame and 1 swap slot "
		    "stay, still mapped by other processes; its TLB entries go");
	assert_true(maps(m, 1) == 1 && maps_page(m, 1, 2, 8));
	assert_int_equal(slot_rmap(m, 0)->count, 1);
	test_run(m, "exit 2", &ev);
	assert_int_equal(ev.ev[0].frames_freed, 1);
	assert_int_equal(ev.ev[0].slots_freed, 1);
	assert_told(&ev.ev[0], m, "pid 2 exits: 1 frame and 1 swap slot become free; its TLB");
	assert_int_equal(m->free_frames, 2);
	assert_int_equal(m->swap_used, 0);
	machine_free(m);
}

/*
 * Lesson 20's first family: pid 1 writes page 0 (frame 0) and reads page
 * 1 (frame 1), forks pid 2, which writes page 0 (its copy in frame 2).
 * When pid 1 exits, the child's page 1 stays copy-on-write (read-only,
 * the screen's mark) though frame 1 is mapped by its page table alone;
 * its write traps and makes the page writable in place: no copy, no
 * frame taken, as Linux reuses a page no longer shared.
 */
static void
test_cow_stays_until_written_after_the_sharer_exits(void **state)
{
	struct machine *m = forked_pair();
	struct event_list ev;
	const struct pte *e;

	(void)state;
	test_run(m, "exit 1", &ev);
	e = entry(m, 2, 1);
	assert_true(e->present && e->frame == 1 && e->cow && !(e->perm & PERM_W));
	assert_true(maps(m, 1) == 1 && maps_page(m, 1, 2, 1));
	test_run(m, "w 2:0x1000", &ev);
	assert_true(ev.ev[test_find(&ev, EV_COW_FAULT)].flags & EVF_LAST_MAPPING);
	assert_int_equal(test_find(&ev, EV_COW_COPY), -1);
	e = entry(m, 2, 1);
	assert_true(e->frame == 1 && !e->cow && (e->perm & PERM_W) && e->dirty);
	assert_int_equal(m->stats.cow_copies, 1);
	assert_int_equal(m->free_frames, 2);
	machine_free(m);
}

/* A clean shared page with no slot and swap full cannot leave memory. */
static void
test_shared_clean_page_with_swap_full_stays(void **state)
{
	struct machine_config cfg;
	struct machine *m;
	struct event_list ev;
	int i;

	(void)state;
	machine_config_default(&cfg);
	cfg.frames = 1;
	cfg.swap_slots = 1;
	cfg.tlb_entries = 0;
	m = machine_new_flat(&cfg, "app", PERM_R | PERM_W);
	test_run(m, "w 0x1000", &ev);           /* frame 0 */
	test_run(m, "r 0x0", &ev);              /* 1:0x1 written to slot 0 */
	test_run(m, "spawn b 4 rw", &ev);
	test_run(m, "share 1 0x0 2 0x8000 1 rw", &ev);
	test_run(m, "r 1:0x2000", &ev);
	i = test_find(&ev, EV_OUT_OF_MEMORY);
	assert_true(i >= 0 && (ev.ev[i].flags & EVF_SHARED_CLEAN));
	assert_told(&ev.ev[i], m, "shared 1:0x0 needs a swap slot and the only one is in use");
	assert_true(ev.ev[test_find(&ev, EV_VICTIM)].flags & EVF_NO_SLOT);
	assert_true(maps(m, 0) == 2 && entry(m, 2, 8)->present);   /* nothing moved */
	machine_free(m);
}

/* A fork keeps a shared mapping shared in the child: no copy-on-write. */
static void
test_fork_keeps_a_shared_mapping_shared(void **state)
{
	struct machine *m = shared_clean_page();
	struct event_list ev;

	(void)state;
	test_run(m, "w 0x0", &ev);              /* pid 2's own page 0: frame 1 */
	test_run(m, "fork 2", &ev);             /* pid 3 */
	assert_int_equal(ev.ev[0].count, 1);    /* page 0, copy-on-write */
	assert_int_equal(ev.ev[0].mappings, 1); /* page 8 stays shared */
	assert_told(&ev.ev[0], m, "; 1 page of shared mappings stays shared, not "
		    "copy-on-write");
	assert_true(entry(m, 3, 8)->shared && !entry(m, 3, 8)->cow);
	assert_true(entry(m, 3, 0)->cow && !entry(m, 3, 0)->shared);
	assert_int_equal(maps(m, 0), 3);
	/* pid 3 may only read page 8 (r), pid 1 writes it: no copy. */
	test_run(m, "w 1:0x0", &ev);
	assert_int_equal(test_find(&ev, EV_COW_COPY), -1);
	assert_int_equal(maps(m, 0), 3);
	machine_free(m);
}

static void
assert_refused(struct machine *m, const char *line, const char *want)
{
	struct op op = test_op(line);
	struct event_list ev;
	char err[256];
	uint64_t step = m->step;

	if (engine_apply(m, &op, &ev, err, sizeof err) != -1)
		fail_msg("\"%s\" was accepted", line);
	if (strcmp(err, want) != 0)
		fail_msg("\"%s\": got \"%s\"", line, err);
	assert_true(m->step == step);
}

static void
test_share_refusals(void **state)
{
	struct machine *m = test_machine("lru", 1, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "spawn b 4 rw", &ev);       /* pid 2: pages 0-3 */
	assert_refused(m, "share 1 0x0 2 0x8000 1 rw", "page 0x0 of pid 1 was never touched: "
		       "touch it before sharing it (share maps pages in memory or in swap)");
	test_run(m, "r 1:0x0", &ev);
	test_run(m, "r 1:0x1000", &ev);         /* 1:0x0 evicted clean: dropped */
	assert_refused(m, "share 1 0x0 2 0x8000 1 rw", "page 0x0 of pid 1 was evicted clean "
		       "and is in no frame and no swap slot: touch it before sharing it");
	assert_refused(m, "share 1 0x1000 2 0x0 1 rw", "pages from 0x0 overlap a mapping of "
		       "pid 2 (share maps into unmapped pages)");
	assert_refused(m, "share 2 0x4000 1 0x0 1 rw", "page 0x4 of pid 2 is not mapped "
		       "(share maps pages that are)");
	assert_refused(m, "share 1 0x1000 1 0x8000 1 rw", "share maps pages into another "
		       "process: pid 1 twice");
	assert_refused(m, "share 1 0x1001 2 0x8000 1 rw", "address 0x1001 is not page-aligned "
		       "(pages are 4096 bytes)");
	assert_refused(m, "share 1 0x1000 2 0xf000 2 rw", "2 pages from 0xf000 do not fit the "
		       "16-bit address space");
	assert_refused(m, "share 1 0x1000 3 0x8000 1 rw", "no process 3");
	test_run(m, "share 1 0x1000 2 0x8000 1 rw", &ev);
	assert_refused(m, "share 2 0x8000 1 0x9000 1 rw", "pid 1 maps page 0x8 of pid 2 already "
		       "(a process maps a shared page once)");
	test_run(m, "r 1:0x2000", &ev);
	test_run(m, "fork 1", &ev);
	assert_refused(m, "share 1 0x2000 2 0x9000 1 rw", "page 0x2 of pid 1 is copy-on-write "
		       "since a fork: write it first, so it is pid 1's own");
	machine_free(m);
}

static void
test_share_needs_one_level(void **state)
{
	struct machine_config cfg;
	struct machine *m;
	struct event_list ev;

	(void)state;
	machine_config_default(&cfg);
	cfg.levels = 2;
	cfg.va_bits = 22;
	m = machine_new_flat(&cfg, "app", PERM_R | PERM_W);
	test_run(m, "spawn b 4 rw", &ev);
	test_run(m, "r 1:0x0", &ev);
	assert_refused(m, "share 1 0x0 2 0x8000 1 rw", "share needs a one-level page table "
		       "(this machine has 2 levels)");
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fork_shares_every_page_copy_on_write),
		cmocka_unit_test(test_fork_then_write_copies_once_per_page),
		cmocka_unit_test(test_cow_stays_until_written_after_the_sharer_exits),
		cmocka_unit_test(test_fork_chain_counts_each_generation),
		cmocka_unit_test(test_fork_names_stay_unique_past_the_limit),
		cmocka_unit_test(test_exit_in_either_order_leaks_nothing),
		cmocka_unit_test(test_shared_page_through_swap_and_a_minor_fault),
		cmocka_unit_test(test_copy_with_only_the_source_frame_is_out_of_memory),
		cmocka_unit_test(test_fork_copies_page_tables_into_free_frames),
		cmocka_unit_test(test_share_maps_the_same_frame),
		cmocka_unit_test(test_shared_page_evicted_and_found_by_the_other),
		cmocka_unit_test(test_shared_clean_page_with_swap_full_stays),
		cmocka_unit_test(test_fork_keeps_a_shared_mapping_shared),
		cmocka_unit_test(test_share_refusals),
		cmocka_unit_test(test_share_needs_one_level),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
