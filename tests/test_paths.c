/*
 * test_paths.c - the two ways of running an operation agree: step by step
 * with every event recorded (the UI, batch rows and --events) and without
 * events (batch --quiet, which is allowed to fuse phases and skip the
 * events nobody reads, ISSUES 11).
 *
 * Random scripts run through both on two copies of one machine: several
 * processes, reads, writes and executes, frame limits, exits, unmaps,
 * segmentation, protection and out-of-memory faults, the TLB on and off,
 * both scopes, every policy of the policy table, little or no swap; and
 * page lists on one flat process, the shape of a long trace.  After every
 * operation the two machines must be the same in everything a person or
 * a later operation can see: counters, frames, page tables, swap, TLB
 * (its use order too) and the victim the policy would choose next.  Each
 * script's batch summary, printed with and without rows, must be the same.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "batch.h"
#include "engine.h"
#include "history.h"
#include "policy.h"
#include "random_script.h"
#include "testutil.h"

/* What the test holds two machines to, with where it is for a failure. */
struct pair {
	const char *where;
	size_t k;               /* operation just applied, from 1 */
	const struct machine *slow, *fast;
};

#define SAME(p, what, a, b) \
	do { \
		if ((a) != (b)) \
			fail_msg("%s, op %zu: %s differs: step by step %llu, without " \
				 "events %llu", (p)->where, (p)->k, (what), \
				 (unsigned long long)(a), (unsigned long long)(b)); \
	} while (0)

static void
same_stats(const struct pair *p)
{
	const struct stats *a = &p->slow->stats, *b = &p->fast->stats;

	SAME(p, "accesses", a->accesses, b->accesses);
	SAME(p, "hits", a->hits, b->hits);
	SAME(p, "faults", a->faults, b->faults);
	SAME(p, "evictions", a->evictions, b->evictions);
	SAME(p, "write-backs", a->writebacks, b->writebacks);
	SAME(p, "TLB hits", a->tlb_hits, b->tlb_hits);
	SAME(p, "TLB misses", a->tlb_misses, b->tlb_misses);
	SAME(p, "segfaults", a->segfaults, b->segfaults);
	SAME(p, "protection faults", a->protection_faults, b->protection_faults);
	SAME(p, "out of memory", a->out_of_memory, b->out_of_memory);
	SAME(p, "zero-fills", a->zero_fills, b->zero_fills);
	SAME(p, "swap-ins", a->swap_ins, b->swap_ins);
}

/* What a frame or slot holds and its mappings, in order. */
static void
same_rmap(const struct pair *p, const struct rmap *a, const struct rmap *b)
{
	struct rmap_iter j = { .r = b };

	SAME(p, "what a frame or slot holds", a->holds, b->holds);
	SAME(p, "a frame's or slot's mappings", a->count, b->count);
	RMAP_FOREACH(&p->slow->rmap, a, i) {
		rmap_next(&p->fast->rmap, &j);
		SAME(p, "a mapping's pid", i.map.pid, j.map.pid);
		SAME(p, "a mapping's page", i.map.vpn, j.map.vpn);
	}
}

static void
same_frames(const struct pair *p)
{
	SAME(p, "free frames", p->slow->free_frames, p->fast->free_frames);
	for (unsigned f = 0; f < p->slow->cfg.frames; f++) {
		const struct frame *a = &p->slow->frames[f], *b = &p->fast->frames[f];

		same_rmap(p, &a->rmap, &b->rmap);
		if (frame_is_free(p->slow, (int)f))
			continue;
		SAME(p, "a frame's load step", a->loaded_step, b->loaded_step);
		SAME(p, "a frame's last use", a->last_used_step, b->last_used_step);
		SAME(p, "a frame's R bit", a->referenced, b->referenced);
	}
}

static void
same_pte(const struct pair *p, const struct pte *a, const struct pte *b)
{
	if (!b)
		fail_msg("%s, op %zu: page 0x%llx has an entry only step by step",
			 p->where, p->k, (unsigned long long)a->vpn);
	SAME(p, "P", a->present, b->present);
	SAME(p, "D", a->dirty, b->dirty);
	SAME(p, "a PTE's permissions", a->perm, b->perm);
	SAME(p, "a PTE's swap slot", a->slot, b->slot);
	SAME(p, "a PTE's eviction step", a->evicted_step, b->evicted_step);
	SAME(p, "a PTE's references in the working-set window", a->window_refs, b->window_refs);
	if (a->present)
		SAME(p, "a PTE's frame", a->frame, b->frame);
}

static void
same_process(const struct pair *p, const struct process *a, const struct process *b)
{
	SAME(p, "a process's life", a->alive, b->alive);
	SAME(p, "a memory group", a->cgroup, b->cgroup);
	SAME(p, "resident frames", a->resident, b->resident);
	SAME(p, "a process's faults", a->faults, b->faults);
	SAME(p, "a working set's size", a->ws.size, b->ws.size);
	SAME(p, "regions", a->nregions, b->nregions);
	for (size_t i = 0; i < a->nregions; i++) {
		SAME(p, "a region's start", a->regions[i].first_vpn, b->regions[i].first_vpn);
		SAME(p, "a region's length", a->regions[i].npages, b->regions[i].npages);
		SAME(p, "a region's permissions", a->regions[i].perm, b->regions[i].perm);
	}
	SAME(p, "page-table entries", a->pt.count, b->pt.count);
	PAGE_TABLE_FOREACH(&a->pt, e)
		same_pte(p, e, page_table_find(&b->pt, e->vpn));
}

static void
same_swap(const struct pair *p)
{
	unsigned cap = p->slow->swap_cap > p->fast->swap_cap ? p->slow->swap_cap
							      : p->fast->swap_cap;

	SAME(p, "swap slots", p->slow->cfg.swap_slots, p->fast->cfg.swap_slots);
	SAME(p, "used swap slots", p->slow->swap_used, p->fast->swap_used);
	for (unsigned s = 0; s < cap; s++)
		same_rmap(p, slot_rmap(p->slow, s), slot_rmap(p->fast, s));
}

static void
same_tlb(const struct pair *p)
{
	const struct tlb *a = &p->slow->tlb, *b = &p->fast->tlb;

	SAME(p, "empty TLB entries", a->empty, b->empty);
	for (unsigned i = 0; i < a->n; i++) {
		SAME(p, "a TLB entry's pid", a->e[i].pid, b->e[i].pid);
		if (!a->e[i].pid)
			continue;
		SAME(p, "a TLB entry's page", a->e[i].vpn, b->e[i].vpn);
		SAME(p, "a TLB entry's frame", a->e[i].frame, b->e[i].frame);
		SAME(p, "a TLB entry's permissions", a->e[i].perm, b->e[i].perm);
		SAME(p, "the TLB's use order", a->e[i].older, b->e[i].older);
	}
	if (a->n)
		SAME(p, "the TLB's oldest entry", a->e[a->n].newer, b->e[b->n].newer);
}

/* The policy's hidden state: the victim each would choose now, on copies. */
static void
same_next_victim(const struct pair *p)
{
	const struct policy_ops *ops = policy_at(p->slow->cfg.policy);
	struct machine *a, *b;
	struct victim_filter any = { 0 };
	struct victim_why wa = { 0 }, wb = { 0 };

	if (p->slow->free_frames == p->slow->cfg.frames)
		return;
	a = machine_clone(p->slow);
	b = machine_clone(p->fast);
	SAME(p, "the next victim", ops->choose(a->policy, a, &any, &wa),
	     ops->choose(b->policy, b, &any, &wb));
	SAME(p, "why the next victim", wa.value, wb.value);
	SAME(p, "the bits swept to it", wa.swept, wb.swept);
	machine_free(a);
	machine_free(b);
}

static void
same_machine(const struct pair *p)
{
	const struct machine *a = p->slow, *b = p->fast;

	SAME(p, "step", a->step, b->step);
	SAME(p, "the current process", a->current_pid, b->current_pid);
	SAME(p, "the next pid", a->next_pid, b->next_pid);
	same_stats(p);
	same_frames(p);
	for (int pid = 1; pid < a->next_pid; pid++) {
		SAME(p, "a process's existence", !a->procs[pid], !b->procs[pid]);
		if (a->procs[pid])
			same_process(p, a->procs[pid], b->procs[pid]);
	}
	same_swap(p);
	same_tlb(p);
	same_next_victim(p);
}

/* How often each event happened step by step: the scripts reach every case. */
static unsigned reached[EV_COUNT];

static void
check_reached(void)
{
	static const enum event_kind kinds[] = {
		EV_TLB_HIT, EV_TLB_MISS, EV_SEGFAULT, EV_PROTECTION_FAULT, EV_VICTIM,
		EV_OUT_OF_MEMORY, EV_WRITEBACK, EV_SWAP_IN, EV_ZERO_FILL, EV_EXIT,
		EV_UNMAP, EV_LIMIT, EV_TLB_FLUSH, EV_SWEEP,
	};

	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (reached[kinds[i]] < 20)
			fail_msg("the scripts reached %s only %u times",
				 event_label(kinds[i]), reached[kinds[i]]);
}

/* A copy of h's first machine, looking ahead at h's operations if it must. */
static struct machine *
start(const struct history *h, const struct op *ops)
{
	struct machine *m = machine_clone(history_initial(h));

	if (policy_looks_ahead(m->cfg.policy))
		test_look_ahead(m, ops, history_length(h));
	return m;
}

/*
 * Without events, as batch --quiet applies op: an access through
 * engine_apply_accesses, anything else through engine_apply.
 */
static int
apply_quietly(struct machine *m, const struct op *op, char *err, size_t size)
{
	struct op_access in = { .addr = op->addr, .pid = op->pid, .access = op->access };

	if (op->kind == OP_ACCESS)
		return engine_apply_accesses(m, &in, 1, err, size) == 1 ? 0 : -1;
	return engine_apply(m, op, NULL, err, size);
}

/* Runs h both ways, operation by operation; returns the accesses run. */
static unsigned
replay_both_ways(const struct history *h, const char *where)
{
	size_t n = history_length(h);
	struct op *ops = calloc(n ? n : 1, sizeof *ops);
	struct machine *slow, *fast;
	struct event_list ev;
	char err[256];
	unsigned accesses = 0;

	assert_non_null(ops);
	for (size_t k = 1; k <= n; k++)
		ops[k - 1] = *history_op(h, k);
	slow = start(h, ops);
	fast = start(h, ops);
	machine_defer_working_sets(fast);
	for (size_t k = 1; k <= n; k++) {
		struct pair p = { where, k, slow, fast };

		if (engine_apply(slow, &ops[k - 1], &ev, err, sizeof err) != 0)
			fail_msg("%s, op %zu refused step by step: %s", where, k, err);
		if (apply_quietly(fast, &ops[k - 1], err, sizeof err) != 0)
			fail_msg("%s, op %zu refused without events: %s", where, k, err);
		/* Batch --quiet counts working sets only at the end: from the
		 * window, which must be kept, the counts must come out the same. */
		machine_count_working_sets(fast);
		same_machine(&p);
		machine_defer_working_sets(fast);
		for (unsigned i = 0; i < ev.n; i++)
			reached[ev.ev[i].kind]++;
		accesses += ops[k - 1].kind == OP_ACCESS;
	}
	machine_free(slow);
	machine_free(fast);
	free(ops);
	return accesses;
}

/* What batch prints for h, with rows (from the events) or --quiet. */
static char *
batch_text(const struct history *h, bool quiet)
{
	struct batch_options opt = { .quiet = quiet };
	char *text = NULL, err[256];
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	assert_non_null(out);
	if (batch_run_history(h, "script", &opt, out, err, sizeof err) != 0)
		fail_msg("batch: %s", err);
	fclose(out);
	return text;
}

/* The summary after the rows is the summary printed alone. */
static void
same_summary(const struct history *h, const char *where)
{
	char *rows = batch_text(h, false), *quiet = batch_text(h, true);
	size_t nr = strlen(rows), nq = strlen(quiet);

	if (nq == 0 || nr < nq || strcmp(rows + nr - nq, quiet) != 0)
		fail_msg("%s: the summary with rows is not the --quiet one:\n%s\n---\n%s",
			 where, rows + (nr > nq ? nr - nq : 0), quiet);
	free(rows);
	free(quiet);
}

/* Little or no swap, so out-of-memory faults happen; sometimes it grows. */
static void
random_config(uint64_t *rng, int policy, struct machine_config *cfg)
{
	machine_config_default(cfg);
	cfg->policy = policy;
	cfg->frames = 1 + script_pick(rng, 5);
	cfg->swap_slots = script_pick(rng, 4);
	cfg->grow_swap = script_pick(rng, 4) == 0;
	cfg->tlb_entries = script_pick(rng, 2) ? 0 : 1 + script_pick(rng, 4);
	cfg->scope = script_pick(rng, 3) ? SCOPE_GLOBAL : SCOPE_LOCAL;
	cfg->seed = rng_next(rng);
}

typedef struct history *history_maker(uint64_t *rng, int policy);

/*
 * For each policy, `seeds` histories made by `make`, seed k's from the
 * generator state k * spread + the policy's number, each run both ways
 * and named "WHAT k (POLICY)" in failures.  Returns the accesses they ran.
 */
static unsigned
replay_each_policy(const char *what, uint64_t seeds, uint64_t spread, history_maker *make)
{
	char where[64];
	unsigned accesses = 0;

	for (int policy = 0; policy < policy_count(); policy++) {
		for (uint64_t seed = 1; seed <= seeds; seed++) {
			uint64_t rng = seed * spread + (uint64_t)policy;
			struct history *h = make(&rng, policy);

			snprintf(where, sizeof where, "%s %llu (%s)", what,
				 (unsigned long long)seed, policy_at(policy)->name);
			accesses += replay_both_ways(h, where);
			same_summary(h, where);
			history_free(h);
		}
	}
	return accesses;
}

/* A random script of 300 operations on a random machine. */
static struct history *
random_script(uint64_t *rng, int policy)
{
	struct machine_config cfg;

	random_config(rng, policy, &cfg);
	return script_history(machine_new(&cfg), rng, 300);
}

static void
t_random_scripts(void **state)
{
	(void)state;
	memset(reached, 0, sizeof reached);
	assert_true(replay_each_policy("script", 60, 1000, random_script) > 20000);
	check_reached();
}

/*
 * A page list on one flat process, as a long trace runs: reads and writes
 * of three times as many pages as frames, now and then a frame limit or a
 * TLB flush; pages small enough to vary the split.
 */
static struct history *
random_page_list(uint64_t *rng, int policy)
{
	struct machine_config cfg;
	struct history *h;
	char err[256];

	random_config(rng, policy, &cfg);
	cfg.page_size = 16u << script_pick(rng, 5);
	cfg.va_bits = 16;
	cfg.grow_va = script_pick(rng, 2);
	h = history_new(machine_new_flat(&cfg, "trace", PERM_R | PERM_W));
	while (history_length(h) < 400) {
		unsigned roll = script_pick(rng, 100);
		struct op op = { .kind = OP_ACCESS, .access = roll < 30 ? 'w' : 'r',
			.addr = (uint64_t)script_pick(rng, 3 * cfg.frames) * cfg.page_size +
				script_pick(rng, cfg.page_size) };

		if (roll < 2)
			op = (struct op){ .kind = OP_LIMIT, .pid = 1,
				.limit = roll ? LIMIT_NONE : 1 + script_pick(rng, cfg.frames) };
		else if (roll < 3)
			op = (struct op){ .kind = OP_TLB_FLUSH };
		assert_int_equal(history_append(h, &op, NULL, err, sizeof err), 0);
	}
	return h;
}

static void
t_random_page_lists(void **state)
{
	(void)state;
	assert_true(replay_each_policy("page list", 30, 7919, random_page_list) > 40000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_random_scripts),
		cmocka_unit_test(t_random_page_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
