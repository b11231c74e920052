/*
 * exercise_working_set.c - the kind "working-set": a reference string and
 * a window tau; the working set W(t, tau) at a few times t: the distinct
 * pages among the references t - tau + 1 .. t (the last tau references up
 * to and including t, as the machine's tau is defined).
 */
#include <stdbool.h>
#include <stdio.h>

#include "exercise.h"

#define TIMES 3

static void
draw(struct ex_params *p, uint64_t *rng)
{
	if (!(p->given & EXP_BIT(EXP_TAU)))
		p->tau = 3 + ex_draw(rng, 3);
	if (!(p->given & EXP_BIT(EXP_PAGES)))
		ex_draw_references(p, rng, 6);
}

/* Whether page v is among the references first..last (from 1). */
static bool
referenced(const struct ex_params *p, uint64_t v, unsigned first, unsigned last)
{
	for (unsigned s = first; s <= last; s++)
		if (p->refs[s - 1] == v)
			return true;
	return false;
}

/* Asks W(t, tau): its pages in increasing order, and why. */
static void
ask_at(struct exercise *ex, unsigned t)
{
	const struct ex_params *p = &ex->p;
	unsigned first = t > p->tau ? t - p->tau + 1 : 1;
	char id[40], a[EX_REFS_MAX * 7] = "", seen[EX_REFS_MAX * 7] = "", r[400];
	size_t ka = 0, ks = 0;
	uint64_t top = 0;

	for (unsigned s = first; s <= t; s++) {
		ks += (size_t)snprintf(seen + ks, sizeof seen - ks, "%s%llu", s > first ? " " : "",
				       (unsigned long long)p->refs[s - 1]);
		top = p->refs[s - 1] > top ? p->refs[s - 1] : top;
	}
	for (uint64_t v = 0; v <= top; v++)
		if (referenced(p, v, first, t))
			ka += (size_t)snprintf(a + ka, sizeof a - ka, "%s%llu", ka ? " " : "",
					       (unsigned long long)v);
	snprintf(id, sizeof id, "W(%u)", t);
	snprintf(r, sizeof r, "references %u..%u are %s; the distinct pages among them: %s",
		 first, t, seen, a);
	ex_ask(ex, id, a, r);
}

/* Asks W(t) at TIMES different t (or every t there is), in increasing order. */
static void
ask_times(struct exercise *ex, uint64_t *rng)
{
	unsigned n = ex->p.nrefs - ex->p.tau + 1, want = n < TIMES ? n : TIMES;
	bool asked[EX_REFS_MAX] = { false };

	for (unsigned k = 0; k < want; k++) {
		unsigned i = ex_draw(rng, n);
		while (asked[i])
			i = (i + 1) % n;
		asked[i] = true;
	}
	for (unsigned i = 0; i < n; i++)
		if (asked[i])
			ask_at(ex, ex->p.tau + i);
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	char list[EX_REFS_MAX * 7];
	size_t k = 0;

	if (ex->p.tau < 1 || ex->p.tau > ex->p.nrefs) {
		snprintf(err, size, "working-set: tau must be 1..%u, the number of references",
			 ex->p.nrefs);
		return -1;
	}
	for (unsigned i = 0; i < ex->p.nrefs; i++)
		k += (size_t)snprintf(list + k, sizeof list - k, "%s%llu", i ? " " : "",
				      (unsigned long long)ex->p.refs[i]);
	ex_say(ex, "A process references these pages, reference 1 first:");
	ex_say(ex, "  %s", list);
	ex_say(ex, "The working set W(t) with window tau = %u is the set of pages among the",
	       ex->p.tau);
	ex_say(ex, "last %u references up to and including reference t.  Give each asked",
	       ex->p.tau);
	ex_say(ex, "W(t) as its pages in increasing order.");
	ask_times(ex, rng);
	return 0;
}

const struct ex_kind ex_working_set = {
	"working-set", "working sets W(t, tau) of a reference string",
	EXP_BIT(EXP_TAU) | EXP_BIT(EXP_PAGES), draw, build,
};
