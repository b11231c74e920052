/*
 * compare.c - running one list of operations on a machine per policy and
 * frame count, and keeping what each came to.
 */
#include <stdbool.h>

#include "compare.h"
#include "engine.h"
#include "future.h"
#include "policy.h"

size_t
compare_size(const struct compare_plan *p)
{
	return (size_t)p->npolicies * (p->frames_last - p->frames_first + 1);
}

static bool
plan_looks_ahead(const struct compare_plan *p)
{
	for (unsigned i = 0; i < p->npolicies; i++)
		if (policy_looks_ahead(p->policy[i]))
			return true;
	return false;
}

/* How many accesses are gathered before the engine runs them. */
#define GATHER_MAX 256

/* Accesses read but not yet run: ops [first, first + n). */
struct gathered {
	struct op_access in[GATHER_MAX];
	size_t first, n;
};

/* Runs the gathered accesses; -1 with *bad the one that could not run. */
static int
run_gathered(struct machine *m, struct gathered *g, size_t *bad, char *err, size_t size)
{
	size_t done = engine_apply_accesses(m, g->in, g->n, err, size);

	if (done < g->n) {
		*bad = g->first + done;
		return -1;
	}
	g->n = 0;
	return 0;
}

/*
 * Runs every operation on m, accesses a run at a time (the engine's
 * fastest way); -1 with *bad the one that could not run.
 */
static int
run_all(struct machine *m, const struct op_source *ops, size_t *bad, char *err, size_t size)
{
	struct gathered g = { .n = 0 };
	struct op scratch;

	for (size_t i = 0; i < ops->n; i++) {
		const struct op *op = ops->at(ops->ctx, i, &scratch);

		if (op->kind == OP_ACCESS) {
			if (g.n == 0)
				g.first = i;
			g.in[g.n++] = (struct op_access){ .addr = op->addr, .pid = op->pid,
				.access = op->access };
			if (g.n == GATHER_MAX && run_gathered(m, &g, bad, err, size))
				return -1;
			continue;
		}
		if (run_gathered(m, &g, bad, err, size))
			return -1;
		if (engine_apply(m, op, NULL, err, size)) {
			*bad = i;
			return -1;
		}
	}
	return run_gathered(m, &g, bad, err, size);
}

/*
 * The machine one result is run on: the initial one refit with its policy
 * and frame count, and no TLB.  What a comparison reports (accesses, hits,
 * faults, evictions, write-backs) does not depend on the TLB, which only
 * saves walks (tests/test_compare.c checks it on random scripts), so none
 * is simulated; nor are working sets counted but by the policies that
 * decide by them.
 */
static struct machine *
refit(const struct machine *initial, const struct compare_result *r)
{
	struct machine_config cfg = initial->cfg;
	struct machine *m;

	cfg.policy = r->policy;
	cfg.frames = r->frames;
	cfg.tlb_entries = 0;
	m = machine_refit(initial, &cfg);
	machine_defer_working_sets(m);
	return m;
}

static int
run_one(const struct machine *initial, const struct op_source *ops, struct future *f,
	struct compare_result *r, size_t *bad, char *err, size_t size)
{
	struct machine *m = refit(initial, r);
	int rc;

	if (policy_looks_ahead(r->policy))
		machine_set_future(m, f);
	rc = run_all(m, ops, bad, err, size);
	r->stats = m->stats;
	machine_free(m);
	return rc;
}

int
compare_run(const struct machine *initial, const struct op_source *ops,
	    const struct compare_plan *p, struct compare_result *out, size_t *bad,
	    char *err, size_t size)
{
	struct future *f = NULL;
	struct compare_result *r = out;
	int rc = 0;

	if (plan_looks_ahead(p))
		f = future_build(ops, initial->current_pid, initial->next_pid,
				 machine_page_bits(initial));
	for (unsigned i = 0; i < p->npolicies && rc == 0; i++) {
		for (unsigned fr = p->frames_first; fr <= p->frames_last && rc == 0; fr++, r++) {
			*r = (struct compare_result){ .policy = p->policy[i], .frames = fr };
			rc = run_one(initial, ops, f, r, bad, err, size);
		}
	}
	future_unref(f);
	return rc;
}
