/*
 * exercise_working_set.c - the kind "working-set": a reference string and
 * a window tau; the working set W(t, tau) at a few times t: the distinct
 * pages among the references t - tau + 1 .. t (the last tau references up
 * to and including t).  The engine runs the references and its working
 * set (working_set.h) gives each answer.
 */
#include <stdbool.h>
#include <stdio.h>

#include "event.h"
#include "exercise.h"
#include "working_set.h"

#define TIMES 3

static void
draw(struct ex_params *p, uint64_t *rng)
{
	if (!(p->given & EXP_BIT(EXP_TAU)))
		p->tau = 3 + ex_draw(rng, 3);
	if (!(p->given & EXP_BIT(EXP_PAGES)))
		ex_draw_references(p, rng, 6);
}

/*
 * Asks W(t, tau) of the process m has just run reference t in: the pages
 * its working set holds, in increasing order; the reason lists the window.
 */
static void
ask_at(struct exercise *ex, const struct machine *m, unsigned t)
{
	const struct process *proc = machine_process(m, 1);
	unsigned first = t > ex->p.tau ? t - ex->p.tau + 1 : 1;
	char id[40], a[EX_REFS_MAX * 7] = "", seen[EX_REFS_MAX * 7] = "", r[400];
	uint64_t vpns[EX_REFS_MAX];
	size_t n = page_table_sorted_vpns(&proc->pt, vpns, EX_REFS_MAX), ka = 0, ks = 0;

	for (unsigned s = first; s <= t; s++)
		ks += (size_t)snprintf(seen + ks, sizeof seen - ks, "%s%llu", s > first ? " " : "",
				       (unsigned long long)ex->p.refs[s - 1]);
	for (size_t i = 0; i < n; i++)
		if (working_set_has(page_table_find(&proc->pt, vpns[i])))
			ka += (size_t)snprintf(a + ka, sizeof a - ka, "%s%llu", ka ? " " : "",
					       (unsigned long long)vpns[i]);
	snprintf(id, sizeof id, "W(%u)", t);
	snprintf(r, sizeof r, "references %u..%u are %s; the distinct pages among them: %s",
		 first, t, seen, a);
	ex_ask(ex, id, a, r);
}

/* Draws TIMES different t (or every t there is) from tau .. the last reference. */
static void
draw_times(struct exercise *ex, uint64_t *rng, bool *asked)
{
	unsigned n = ex->p.nrefs - ex->p.tau + 1, want = n < TIMES ? n : TIMES;

	for (unsigned k = 0; k < want; k++) {
		unsigned i = ex_draw(rng, n);
		while (asked[ex->p.tau + i])
			i = (i + 1) % n;
		asked[ex->p.tau + i] = true;
	}
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	bool asked[EX_REFS_MAX + 1] = { false };
	char list[EX_REFS_MAX * 7];
	struct machine *m;
	struct event_list ev;

	if (ex->p.tau < 1 || ex->p.tau > ex->p.nrefs) {
		snprintf(err, size, "working-set: tau must be 1..%u, the number of references",
			 ex->p.nrefs);
		return -1;
	}
	ex->p.frames = ex->p.nrefs;     /* every page fits: no fault hides a use */
	if ((m = ex_machine(&ex->p, err, size)) == NULL)
		return -1;
	ex_refs_text(&ex->p, list, sizeof list);
	ex_say(ex, "A process references these pages, reference 1 first:");
	ex_say(ex, "  %s", list);
	ex_say(ex, "The working set W(t) with window tau = %u is the set of pages among the",
	       ex->p.tau);
	ex_say(ex, "last %u references up to and including reference t.  Give each asked",
	       ex->p.tau);
	ex_say(ex, "W(t) as its pages in increasing order.");
	draw_times(ex, rng, asked);
	for (unsigned t = 1; t <= ex->p.nrefs; t++) {
		if (ex_read(m, 0, ex->p.refs[t - 1] * m->cfg.page_size, &ev, err, size)) {
			machine_free(m);
			return -1;
		}
		if (asked[t])
			ask_at(ex, m, t);
	}
	machine_free(m);
	return 0;
}

const struct ex_kind ex_working_set = {
	.name = "working-set",
	.summary = "working sets W(t, tau) of a reference string",
	.params = EXP_BIT(EXP_TAU) | EXP_BIT(EXP_PAGES),
	.draw = draw,
	.build = build,
};
