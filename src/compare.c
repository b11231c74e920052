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

/* Runs every operation on m; -1 with *bad the one that could not run. */
static int
run_all(struct machine *m, const struct op_source *ops, size_t *bad, char *err, size_t size)
{
	struct op scratch;

	for (size_t i = 0; i < ops->n; i++) {
		if (engine_apply(m, ops->at(ops->ctx, i, &scratch), NULL, err, size)) {
			*bad = i;
			return -1;
		}
	}
	return 0;
}

static int
run_one(const struct machine *initial, const struct op_source *ops, struct future *f,
	struct compare_result *r, size_t *bad, char *err, size_t size)
{
	struct machine *m = machine_refit(initial, r->policy, r->frames);
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
