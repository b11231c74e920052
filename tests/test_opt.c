/*
 * test_opt.c - OPT against a brute-force Belady written here: on random
 * scripts (several processes, exits, maps and unmaps, forks and shared
 * mappings, frame limits, local scope, segmentation and protection faults,
 * a full swap), every victim is the frame whose next access after the
 * current step, through any page table that maps it, whatever that access
 * comes to, lies furthest ahead (never: furthest of all; ties to the page
 * loaded earliest).  The scripts run through a history, as in the UI,
 * and held in an op_queue, as in batch runs, with the same victims.
 */
#include "history.h"
#include "op_queue.h"
#include "rng.h"
#include "testutil.h"

#define SCRIPT_LEN 80
#define PAGES 16                /* test_machine's 16-bit space of 4 KiB pages */

static unsigned
pick(uint64_t *rng, unsigned n)
{
	return (unsigned)(rng_next(rng) % n);
}

/* Any operation at all; the engine's check decides whether it may run. */
static struct op
random_op(uint64_t *rng)
{
	static const unsigned perms[] = { PERM_R, PERM_R | PERM_W, PERM_R | PERM_X,
		PERM_R | PERM_W | PERM_X };
	static const char kinds[] = { ACCESS_READ, ACCESS_WRITE, ACCESS_EXEC };
	struct op op = { .kind = OP_ACCESS, .pid = (int)pick(rng, 5) };
	unsigned roll = pick(rng, 100);

	op.addr = (uint64_t)pick(rng, PAGES) << 12;
	op.pages = 1 + pick(rng, PAGES / 2);
	op.perm = perms[pick(rng, 4)];
	if (roll < 75) {
		op.access = kinds[pick(rng, 3)];
		op.addr |= pick(rng, 4096);
	} else if (roll < 80) {
		op.kind = OP_SPAWN;
		op.pages = 1 + pick(rng, PAGES);
		strcpy(op.name, "p");
	} else if (roll < 84) {
		op.kind = OP_SWITCH;
	} else if (roll < 86) {
		op.kind = OP_EXIT;
	} else if (roll < 90) {
		op.kind = OP_LIMIT;
		op.limit = pick(rng, 4);
	} else if (roll < 94) {
		op.kind = OP_MAP;
	} else if (roll < 96) {
		op.kind = OP_UNMAP;
	} else if (roll < 97) {
		op.kind = OP_FORK;
	} else if (roll < 98) {
		op.kind = OP_SHARE;
		op.to_pid = (int)pick(rng, 5);
		op.to_addr = (uint64_t)pick(rng, PAGES) << 12;
	} else {
		op.kind = OP_TLB_FLUSH;
	}
	return op;
}

static struct machine *
random_machine(uint64_t *rng)
{
	struct machine_config cfg;

	machine_config_default(&cfg);
	cfg.policy = policy_find("opt");
	cfg.frames = 1 + pick(rng, 5);
	cfg.swap_slots = pick(rng, 6);
	cfg.tlb_entries = pick(rng, 2) * 2;
	cfg.scope = pick(rng, 3) == 0 ? SCOPE_LOCAL : SCOPE_GLOBAL;
	return machine_new_flat(&cfg, "app", PERM_R | PERM_W);
}

/*
 * A history of SCRIPT_LEN accepted operations; pids[i] is the process
 * operation i+1 names or runs in (the current one when it names none).
 */
static struct history *
random_history(uint64_t *rng, int *pids)
{
	struct history *h = history_new(random_machine(rng));
	size_t n = 0;

	while (n < SCRIPT_LEN) {
		struct op op = random_op(rng);
		char err[256];

		pids[n] = op.pid ? op.pid : history_state(h, n)->current_pid;
		if (history_append(h, &op, NULL, err, sizeof err) == 0)
			n++;
	}
	return h;
}

/* The step of the first access after `step` to page (pid, vpn), or NEVER. */
static uint64_t
scan_next_use(struct history *h, const int *pids, uint64_t step, int pid, uint64_t vpn)
{
	for (size_t k = step + 1; k <= history_length(h); k++) {
		const struct op *op = history_op(h, k);

		if (op->kind == OP_ACCESS && pids[k - 1] == pid && op->addr >> 12 == vpn)
			return k;
	}
	return NEVER;
}

/*
 * The frames the fault of operation k may take, by the engine's own rule
 * (victim_filter_for), from the state before it; ev: k's events.
 */
static struct victim_filter
fault_filter(const struct machine *m, const struct event_list *ev)
{
	for (unsigned i = 0; i < ev->n; i++)
		if (ev->ev[i].kind == EV_PAGE_FAULT || ev->ev[i].kind == EV_COW_FAULT)
			return victim_filter_for(m, machine_process(m, ev->ev[i].pid),
						 ev->ev[i].source);
	fail_msg("a victim with no fault before it");
	return (struct victim_filter){ 0 };
}

/* When frame f's page is next used after `step`, through any page table that maps it. */
static uint64_t
frame_next_use(struct history *h, const int *pids, const struct machine *m, uint64_t step,
	       int f)
{
	uint64_t first = NEVER;

	RMAP_FOREACH(&m->rmap, frame_rmap(m, f), it) {
		uint64_t u = scan_next_use(h, pids, step, it.map.pid, it.map.vpn);

		if (u < first)
			first = u;
	}
	return first;
}

/* Belady's choice for operation k's fault, from the state before it. */
static int
brute_force_victim(struct history *h, const int *pids, size_t k, const struct event_list *ev,
		   uint64_t *next)
{
	const struct machine *m = history_state(h, k - 1);
	struct victim_filter filter = fault_filter(m, ev);
	int best = -1;
	uint64_t best_next = 0;

	for (unsigned f = 0; f < m->cfg.frames; f++) {
		uint64_t u;

		if (!victim_filter_allows(m, &filter, (int)f))
			continue;
		u = frame_next_use(h, pids, m, k, (int)f);
		if (best < 0 || u > best_next ||
		    (u == best_next && m->frames[f].loaded_step < m->frames[best].loaded_step)) {
			best = (int)f;
			best_next = u;
		}
	}
	*next = best_next;
	return best;
}

static void
check_every_victim(struct history *h, const int *pids)
{
	for (size_t k = 1; k <= history_length(h); k++) {
		struct event_list ev;
		uint64_t next;
		int v, f;

		history_events(h, k, &ev);
		v = test_find(&ev, EV_VICTIM);
		if (v < 0)
			continue;
		f = brute_force_victim(h, pids, k, &ev, &next);
		if (ev.ev[v].frame != f || ev.ev[v].why.value != next)
			fail_msg("step %zu: opt took frame %d (next use %llu), Belady takes "
				 "frame %d (next use %llu)", k, ev.ev[v].frame,
				 (unsigned long long)ev.ev[v].why.value, f,
				 (unsigned long long)next);
	}
}

/*
 * Batch runs hold a trace in an op_queue and look ahead through it: the
 * same script run that way takes the same victims as the history did.
 */
static void
check_queue_path(struct history *h)
{
	struct op_queue *q = op_queue_new();
	struct machine *m = machine_clone(history_initial(h));
	struct op_source src;
	struct future *f;
	struct op scratch;
	char err[256];

	for (size_t k = 1; k <= history_length(h); k++)
		assert_int_equal(op_queue_push(q, history_op(h, k), 10 * k, FUTURE_OPS_MAX,
					       err, sizeof err), 0);
	src = op_queue_source(q);
	f = future_build(&src, m->current_pid, m->next_pid, machine_page_bits(m));
	machine_set_future(m, f);
	future_unref(f);
	for (size_t k = 1; k <= history_length(h); k++) {
		struct event_list want, got;
		int v;

		history_events(h, k, &want);
		assert_int_equal(engine_apply(m, src.at(src.ctx, k - 1, &scratch), &got, err,
					      sizeof err), 0);
		fuzz_check_machine(m, true);
		assert_int_equal(got.n, want.n);
		v = test_find(&want, EV_VICTIM);
		if (v >= 0)
			assert_int_equal(got.ev[v].frame, want.ev[v].frame);
		assert_int_equal(op_queue_position(q, k - 1), 10 * k);
	}
	machine_free(m);
	op_queue_free(q);
}

static void
test_opt_is_belady_on_random_scripts(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 400; seed++) {
		uint64_t rng = seed;
		int pids[SCRIPT_LEN];
		struct history *h = random_history(&rng, pids);

		check_every_victim(h, pids);
		check_queue_path(h);
		history_free(h);
	}
}

/*
 * A page shared with a process that has not touched it yet: at step 5 the
 * frame of page 0 (pid 1's 0x0, pid 2's 0x2) is used next at step 6
 * through pid 2's mapping, so OPT evicts page 1, never used again, and
 * step 6 hits: 3 faults, no write-back (OPT once saw only the uses of the
 * mapping that last touched a frame: 4 faults and a wasted write-back).
 */
static void
test_shared_page_used_by_its_sharer(void **state)
{
	static const char *const script[] = { "spawn b 2 rw", "w 1:0x0",
		"share 1 0x0 2 0x2000 1 rw", "r 1:0x1000", "r 1:0x3000", "r 2:0x2000" };
	struct machine *m = test_machine("opt", 2, 0);
	struct op ops[6];
	struct event_list ev;
	int v;

	(void)state;
	for (size_t i = 0; i < 6; i++)
		ops[i] = test_op(script[i]);
	test_look_ahead(m, ops, 6);
	for (size_t i = 0; i < 6; i++) {
		test_apply(m, &ops[i], &ev, script[i]);
		if (i == 4) {
			assert_true((v = test_find(&ev, EV_VICTIM)) >= 0);
			assert_int_equal(ev.ev[v].other_pid, 1);
			assert_int_equal(ev.ev[v].other_vpn, 1);
			assert_int_equal(ev.ev[v].why.value, NEVER);
		}
	}
	assert_int_equal(m->stats.faults, 3);
	assert_int_equal(m->stats.writebacks, 0);
	machine_free(m);
}

/* Positions are kept as runs: one line after another costs nothing. */
static void
test_queue_positions(void **state)
{
	static const uint64_t where[] = { 1, 2, 3, 5, 5, 5, 6, 100, 101, 7 };
	struct op_queue *q = op_queue_new();
	struct op op = test_op("r 0x1000"), spawn = test_op("spawn b 4 rw"), scratch;
	struct op_source src;
	char err[128];

	(void)state;
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(op_queue_push(q, i == 4 ? &spawn : &op, where[i], 10, err,
					       sizeof err), 0);
	assert_int_equal(op_queue_push(q, &op, 8, 10, err, sizeof err), -1);
	assert_string_equal(err, "more than 10 operations to look ahead at");
	src = op_queue_source(q);
	assert_int_equal(src.n, 10);
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(op_queue_position(q, i), where[i]);
	assert_int_equal(src.at(src.ctx, 4, &scratch)->kind, OP_SPAWN);
	assert_string_equal(src.at(src.ctx, 4, &scratch)->name, "b");
	assert_int_equal(src.at(src.ctx, 5, &scratch)->addr, 0x1000);
	assert_int_equal(src.at(src.ctx, 5, &scratch)->access, 'r');
	op_queue_free(q);
}

/* Issue 9's script: a protection fault is a use, and it is in the past at step 5. */
static void
test_next_use_is_after_the_current_step(void **state)
{
	static const char *const lines[] = { "spawn ro 16 r", "r 2:0x3000", "w 1:0x0",
		"w 2:0x3000", "r 1:0x9000", "r 1:0x0", "r 2:0x3000" };
	struct history *h = history_new(test_machine("opt", 2, 0));
	struct event_list ev;
	int v;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		struct op op = test_op(lines[i]);
		char err[256];

		assert_int_equal(history_append(h, &op, lines[i], err, sizeof err), 0);
	}
	history_events(h, 5, &ev);
	v = test_find(&ev, EV_VICTIM);
	assert_int_equal(ev.ev[v].other_pid, 2);
	assert_int_equal(ev.ev[v].other_vpn, 3);
	assert_int_equal(ev.ev[v].why.value, 7);
	history_free(h);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_use_is_after_the_current_step),
		cmocka_unit_test(test_opt_is_belady_on_random_scripts),
		cmocka_unit_test(test_queue_positions),
		cmocka_unit_test(test_shared_page_used_by_its_sharer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
