/*
 * test_opt.c - OPT against a brute-force Belady written here: on random
 * scripts (several processes, exits, maps and unmaps, frame limits, local
 * scope, segmentation and protection faults, a full swap), every victim is
 * the page whose next access after the current step, whatever that access
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
	} else if (roll < 97) {
		op.kind = OP_UNMAP;
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

/* Whether the fault of operation k may take frame f of machine m (before k). */
static bool
may_take(const struct machine *m, int pid, int f)
{
	const struct process *p = machine_process(m, pid);
	unsigned limit = cgroup_frame_limit(m, p);
	bool at_limit = limit != LIMIT_NONE && p->resident >= limit;
	bool own = at_limit || (m->cfg.scope == SCOPE_LOCAL && p->resident > 0);

	return frame_first(m, f).pid && (!own || frame_first(m, f).pid == pid);
}

/* Belady's choice for operation k's fault, from the state before it. */
static int
brute_force_victim(struct history *h, const int *pids, size_t k, uint64_t *next)
{
	const struct machine *m = history_state(h, k - 1);
	int best = -1;
	uint64_t best_next = 0;

	for (unsigned f = 0; f < m->cfg.frames; f++) {
		uint64_t u;

		if (!may_take(m, pids[k - 1], (int)f))
			continue;
		u = scan_next_use(h, pids, k, frame_first(m, f).pid, frame_first(m, f).vpn);
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
		f = brute_force_victim(h, pids, k, &next);
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
