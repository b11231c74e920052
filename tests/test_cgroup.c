/*
 * test_cgroup.c - memory groups (cgroups), worked out by hand: a group at
 * its limit evicts its own pages though frames are free, and only its
 * own, beside global scope; its swap limit; the OOM killer ending the
 * member holding the most frames (the faulting process or another); a
 * forked child joining its parent's group; `limit` as a group of one.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "testutil.h"

/* The narration of event i of ev. */
static const char *
said(const struct machine *m, const struct event_list *ev, int i)
{
	static char buf[1024];

	assert_true(i >= 0);
	event_explain(&ev->ev[i], m, buf, sizeof buf);
	return buf;
}

/* A command the engine must refuse, with this message. */
static void
refused(struct machine *m, const char *line, const char *why)
{
	struct op op = test_op(line);
	struct event_list ev;
	char err[256];

	assert_int_equal(engine_apply(m, &op, &ev, err, sizeof err), -1);
	assert_string_equal(err, why);
}

/*
 * Container "box" (2 frames, no swap) holds pid 2, worker; pid 1 runs
 * outside.  Worker writes pages 0 and 1 (frames 1 and 2, dirty, no slot:
 * box is at 2 of 2).  Its third write must take one of box's own pages
 * though frames 3-5 are free; LRU picks 2:0x0, dirty, and box may keep
 * nothing in swap: the OOM killer ends the member with the most frames,
 * worker itself (2).  Pid 1 runs on.
 */
static void
t_oom_kill_in_a_group_beside_a_process_outside(void **state)
{
	static const enum event_kind kinds[] = { EV_SPLIT, EV_WALK, EV_PAGE_FAULT,
		EV_VICTIM, EV_OOM_KILL, END };
	struct machine *m = test_machine("lru", 6, 0);
	struct event_list ev;
	int i;

	(void)state;
	test_run(m, "spawn worker 4", &ev);
	test_run(m, "cgroup box 2", &ev);
	assert_string_equal(said(m, &ev, 0), "cgroup box is made with a memory limit of 2 "
			    "frames (memory.max): at the limit its processes' faults evict the "
			    "group's own pages, though frames may be free");
	test_run(m, "cgroup box swap 0", &ev);
	test_run(m, "cgroup box add 2", &ev);
	test_run(m, "r 1:0x0", &ev);
	test_run(m, "w 2:0x0", &ev);
	test_run(m, "w 2:0x1000", &ev);
	assert_int_equal(cgroup_frames(m, 1), 2);
	test_run(m, "w 2:0x2000", &ev);
	expect_kinds(&ev, kinds);
	assert_true(ev.ev[2].flags & EVF_LIMITED);
	assert_int_equal(ev.ev[2].free_count, 3);
	assert_string_equal(said(m, &ev, 3), "cgroup box is at its limit (2 of 2 frames): it "
			    "must give up one of its own pages although frames 3, 4 and 5 are "
			    "free; lru chooses 2:0x0 in frame 1, least recently used: last used at "
			    "step 6, rather than 2:0x1 (last used at step 7); it is dirty, needs a swap slot, and cgroup box has no swap "
			    "left (its swap limit is 0 slots), so it cannot be evicted");
	i = test_find(&ev, EV_OOM_KILL);
	assert_int_equal(ev.ev[i].other_pid, 2);
	assert_string_equal(said(m, &ev, i), "cgroup box was at its limit of 2 frames with no "
			    "swap left (its swap limit is 0 slots): the OOM killer ends pid 2, "
			    "'worker', which held 2 frames; 2 frames become "
			    "free; its access dies with it");
	assert_null(machine_process(m, 2));
	assert_int_equal(m->free_frames, 5);
	assert_int_equal(m->stats.oom_kills, 1);
	assert_int_equal(m->stats.out_of_memory, 0);
	assert_int_equal(cgroup_frames(m, 1), 0);

	test_run(m, "r 1:0x1000", &ev);       /* outside the box: free frame 1 */
	assert_int_equal(ev.ev[test_find(&ev, EV_FREE_FRAME)].frame, 1);
	machine_free(m);
}

/*
 * Box (2 frames) holds pids 1 and 2: pid 1's page in frame 0, pid 2's in
 * frame 1.  Pid 2's next fault takes from the group, not from itself:
 * FIFO's oldest of box is 1:0x0, though six frames are free.
 */
static void
t_group_evicts_its_own_with_free_frames_left(void **state)
{
	struct machine *m = test_machine("fifo", 8, 0);
	struct event_list ev;
	int v;

	(void)state;
	test_run(m, "spawn b 4", &ev);
	test_run(m, "cgroup box 2", &ev);
	test_run(m, "cgroup box add 1", &ev);
	test_run(m, "cgroup box add 2", &ev);
	assert_string_equal(said(m, &ev, 0), "pid 2 moves into cgroup box: cgroup box now "
			    "holds none of its 2 frames");
	test_run(m, "r 1:0x0", &ev);
	test_run(m, "r 2:0x0", &ev);
	test_run(m, "r 2:0x1000", &ev);
	v = test_find(&ev, EV_VICTIM);
	assert_int_equal(ev.ev[v].frame, 0);
	assert_int_equal(ev.ev[v].other_pid, 1);
	assert_int_equal(ev.ev[v].free_count, 6);
	assert_int_equal(ev.ev[test_find(&ev, EV_ZERO_FILL)].frame, 0);
	assert_int_equal(m->free_frames, 6);
	assert_int_equal(cgroup_frames(m, 1), 2);
	machine_free(m);
}

/*
 * Three frames, global scope.  Box (2 frames) holds pid 1; pid 2 runs
 * outside.  Frames: 0 = 2:0x0 (used at step 4), 1 = 1:0x0 (step 7),
 * 2 = 1:0x1000 (step 8).  Pid 1's fault at step 9 evicts within box:
 * frame 1, though frame 0 is the least recently used of all.  Pid 2,
 * outside, chooses among every frame (global): after its hit at step 10,
 * frame 2 (1:0x1000, step 8) is the oldest, a page of box.
 */
static void
t_group_limit_beside_global_scope(void **state)
{
	static const char *const steps[] = { "spawn out 4", "cgroup box 2", "cgroup box add 1",
		"r 2:0x0", "r 1:0x0", "r 1:0x1000", "r 1:0x0", "r 1:0x1000" };
	struct machine *m = test_machine("lru", 3, 0);
	struct event_list ev;
	int v;

	(void)state;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		test_run(m, steps[i], &ev);
	test_run(m, "r 1:0x2000", &ev);
	v = test_find(&ev, EV_VICTIM);
	assert_int_equal(ev.ev[v].frame, 1);
	assert_true(ev.ev[v].flags & EVF_LIMITED);
	test_run(m, "r 2:0x0", &ev);
	test_run(m, "r 2:0x1000", &ev);
	v = test_find(&ev, EV_VICTIM);
	assert_int_equal(ev.ev[v].frame, 2);
	assert_int_equal(ev.ev[v].other_pid, 1);
	assert_false(ev.ev[v].flags & EVF_LIMITED);
	assert_int_equal(cgroup_frames(m, 1), 1);
	machine_free(m);
}

/*
 * Box: 1 frame.  With no swap, clean pages still go (dropped); the first
 * dirty one with no slot is the OOM killer's.  With one slot, the first
 * dirty page is written to slot 0, the second finds box's swap used up.
 * A dirty page that already has a slot is written back to it, whatever
 * the limit (no new slot is needed).
 */
static void
t_swap_limit(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "cgroup box 1", &ev);
	test_run(m, "cgroup box swap 0", &ev);
	test_run(m, "cgroup box add 1", &ev);
	test_run(m, "r 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	assert_int_equal(test_find(&ev, EV_EVICT) >= 0, 1);
	assert_int_equal(machine_page_state(m, m->procs[1], 0), PAGE_DROPPED);
	test_run(m, "w 0x1000", &ev);
	test_run(m, "r 0x2000", &ev);
	assert_int_equal(ev.ev[ev.n - 1].kind, EV_OOM_KILL);
	assert_null(machine_process(m, 1));
	machine_free(m);

	m = test_machine("lru", 4, 0);
	test_run(m, "cgroup box 1", &ev);
	test_run(m, "cgroup box swap 1", &ev);
	assert_string_equal(said(m, &ev, 0), "cgroup box may keep at most 1 page in swap "
			    "(memory.swap.max; it keeps 0): at its memory limit, a dirty page of "
			    "the group with no slot yet cannot be evicted past that, and the OOM "
			    "killer ends one of its processes instead");
	test_run(m, "cgroup box add 1", &ev);
	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);          /* 0x0 goes to slot 0 */
	assert_int_equal(ev.ev[test_find(&ev, EV_WRITEBACK)].slot, 0);
	test_run(m, "r 0x0", &ev);             /* back from slot 0, which it keeps */
	test_run(m, "w 0x0", &ev);
	test_run(m, "r 0x1000", &ev);          /* dirty 0x0 goes back to slot 0 */
	assert_int_equal(ev.ev[test_find(&ev, EV_WRITEBACK)].slot, 0);
	test_run(m, "w 0x1000", &ev);          /* 0x0 clean with its slot: evicted */
	assert_int_equal(test_find(&ev, EV_OOM_KILL), -1);
	test_run(m, "r 0x2000", &ev);          /* dirty 0x1000, no slot, box's one used */
	assert_int_equal(ev.ev[ev.n - 1].kind, EV_OOM_KILL);
	assert_int_equal(cgroup_slots(m, 1), 0);    /* the killed process's slot is freed */
	assert_int_equal(m->swap_used, 0);
	machine_free(m);
}

/*
 * Box (2 frames, no swap) holds pids 1 and 2.  Pid 1 writes two pages;
 * pid 2's write finds box full, its victim 1:0x0 dirty: the OOM killer
 * ends pid 1 (2 frames against pid 2's none), and pid 2's access fails.
 * Tried again, it takes a frame the kill freed.
 */
static void
t_oom_kill_ends_the_biggest_member(void **state)
{
	struct machine *m = test_machine("lru", 6, 0);
	struct event_list ev;
	int i;

	(void)state;
	test_run(m, "spawn b 4", &ev);
	test_run(m, "cgroup box 2", &ev);
	test_run(m, "cgroup box swap 0", &ev);
	test_run(m, "cgroup box add 1", &ev);
	test_run(m, "cgroup box add 2", &ev);
	test_run(m, "w 1:0x0", &ev);
	test_run(m, "w 1:0x1000", &ev);
	test_run(m, "w 2:0x0", &ev);
	i = test_find(&ev, EV_OOM_KILL);
	assert_int_equal(ev.ev[i].other_pid, 1);
	assert_string_equal(said(m, &ev, i), "cgroup box was at its limit of 2 frames with no "
			    "swap left (its swap limit is 0 slots): the OOM killer ends pid 1, "
			    "'app', which held 2 frames; 2 frames become free; "
			    "pid 2's access fails, and may be tried again");
	assert_null(machine_process(m, 1));
	assert_non_null(machine_process(m, 2));
	assert_int_equal(m->procs[2]->faults, 1);
	test_run(m, "w 2:0x0", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_FREE_FRAME)].frame, 0);
	machine_free(m);
}

/* A child joins its parent's named group; a limit of one's own is not inherited. */
static void
t_fork_child_joins_the_group(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "cgroup box 3", &ev);
	test_run(m, "cgroup box add 1", &ev);
	test_run(m, "fork 1", &ev);
	assert_int_equal(m->procs[2]->cgroup, m->procs[1]->cgroup);
	assert_string_equal(cgroup_at(m, m->procs[2]->cgroup)->name, "box");
	machine_free(m);

	m = test_machine("lru", 4, 0);
	test_run(m, "limit 1 2", &ev);
	test_run(m, "fork 1", &ev);
	assert_int_equal(m->procs[2]->cgroup, CGROUP_NONE);
	assert_int_equal(cgroup_frame_limit(m, m->procs[2]), LIMIT_NONE);
	machine_free(m);
}

/*
 * `limit PID N` is a group of one, owned by the pid, made once; `none`
 * takes the process out of it.  A process in a named group has the
 * group's limit; moving into one ends a limit of its own.
 */
static void
t_limit_is_a_group_of_one(void **state)
{
	struct machine *m = test_machine("lru", 4, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "limit 1 2", &ev);
	assert_int_equal(cgroup_at(m, m->procs[1]->cgroup)->owner, 1);
	assert_int_equal(cgroup_frame_limit(m, m->procs[1]), 2);
	test_run(m, "limit 1 none", &ev);
	assert_int_equal(m->procs[1]->cgroup, CGROUP_NONE);
	test_run(m, "limit 1 3", &ev);
	assert_int_equal(m->ncgroups, 1);
	assert_int_equal(cgroup_frame_limit(m, m->procs[1]), 3);
	test_run(m, "cgroup box 2", &ev);
	test_run(m, "cgroup box add 1", &ev);
	assert_true(ev.ev[0].flags & EVF_OWN_LIMIT_LEFT);
	assert_string_equal(said(m, &ev, 0), "pid 1 moves into cgroup box: cgroup box now "
			    "holds none of its 2 frames; its own frame limit no longer applies");
	assert_int_equal(cgroup_frame_limit(m, m->procs[1]), 2);
	refused(m, "limit 1 4", "pid 1 is in cgroup box, whose limit it has (change it with "
		"cgroup box FRAMES)");
	refused(m, "cgroup web add 1", "no cgroup web (make it first: cgroup web FRAMES)");
	refused(m, "cgroup web swap 0", "no cgroup web (make it first: cgroup web FRAMES)");
	refused(m, "cgroup box add 9", "no process 9");
	test_run(m, "r 0x0", &ev);
	test_run(m, "r 0x1000", &ev);
	test_run(m, "r 0x2000", &ev);
	test_run(m, "cgroup box 1", &ev);
	assert_string_equal(said(m, &ev, 0), "cgroup box's memory limit is now 1 frame "
			    "(memory.max); the group holds 2 frames, 1 over its limit of 1: its "
			    "pages stay until evicted, but each fault of its processes now evicts "
			    "one of the group's own pages, so it never grows");
	/* Raised to the 2 frames it holds: at its limit, as an add would say. */
	test_run(m, "cgroup box 2", &ev);
	assert_string_equal(said(m, &ev, 0), "cgroup box's memory limit is now 2 frames "
			    "(memory.max); the group holds 2 of its 2 frames, at its limit: the "
			    "next fault of its processes evicts one of the group's own pages, "
			    "though frames may be free");
	machine_free(m);
}

/*
 * What `cgroup NAME add PID` says, worked by hand on 8 frames (LRU).  Box
 * (2 frames) holds pid 2, which reads pages 0 and 1: box is at 2 of 2.
 * Adding pid 2 again changes nothing and says so.  Db (1 frame) takes
 * pid 1, which holds 1 frame: db is at its limit at once ("1 frame", not
 * "1 frames").  Pid 1 then moves from db into box: box's pages are 2 + 1
 * = 3, over its limit of 2; they stay, and pid 1's next fault evicts one
 * of box's pages (LRU: 2:0x0 in frame 0, read at step 4) though 5 frames
 * are free,
 * so box stays at 3.
 */
static void
t_adding_says_what_happens(void **state)
{
	struct machine *m = test_machine("lru", 8, 0);
	struct event_list ev;

	(void)state;
	test_run(m, "spawn b 4", &ev);
	test_run(m, "cgroup box 2", &ev);
	test_run(m, "cgroup box add 2", &ev);
	test_run(m, "r 2:0x0", &ev);
	test_run(m, "r 2:0x1000", &ev);
	test_run(m, "cgroup box add 2", &ev);
	assert_string_equal(said(m, &ev, 0), "pid 2 is already in cgroup box: nothing "
			    "changes; the group holds 2 of its 2 frames");
	test_run(m, "cgroup db 1", &ev);
	test_run(m, "r 1:0x0", &ev);
	test_run(m, "cgroup db add 1", &ev);
	assert_string_equal(said(m, &ev, 0), "pid 1 moves into cgroup db: cgroup db now holds "
			    "1 of its 1 frame, at its limit: the next fault of its processes "
			    "evicts one of the group's own pages, though frames may be free");
	test_run(m, "cgroup box add 1", &ev);
	assert_string_equal(said(m, &ev, 0), "pid 1 moves from cgroup db into cgroup box: "
			    "cgroup box now holds 3 frames, 1 over its limit of 2: its pages stay "
			    "until evicted, but each fault of its processes now evicts one of the "
			    "group's own pages, so it never grows");
	assert_int_equal(cgroup_frames(m, cgroup_find(m, "box")), 3);
	assert_int_equal(cgroup_frames(m, cgroup_find(m, "db")), 0);
	test_run(m, "r 1:0x1000", &ev);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].frame, 0);
	assert_int_equal(ev.ev[test_find(&ev, EV_VICTIM)].other_pid, 2);
	assert_int_equal(cgroup_frames(m, cgroup_find(m, "box")), 3);
	assert_int_equal(m->free_frames, 5);
	machine_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_oom_kill_in_a_group_beside_a_process_outside),
		cmocka_unit_test(t_group_evicts_its_own_with_free_frames_left),
		cmocka_unit_test(t_group_limit_beside_global_scope),
		cmocka_unit_test(t_adding_says_what_happens),
		cmocka_unit_test(t_swap_limit),
		cmocka_unit_test(t_oom_kill_ends_the_biggest_member),
		cmocka_unit_test(t_fork_child_joins_the_group),
		cmocka_unit_test(t_limit_is_a_group_of_one),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
