/*
 * exercise_tlb.c - the kind "tlb": a sequence of page references through
 * a TLB of a few entries (fully associative, least recently used entry
 * replaced): hit or miss for each, then the hits and the hit rate.  Every
 * page fits in memory, so only the TLB decides; the engine's TLB HIT, TLB
 * MISS and TLB FILL events give the answers.
 */
#include <stdio.h>
#include <stdlib.h>

#include "event.h"
#include "exercise.h"

static void
draw(struct ex_params *p, uint64_t *rng)
{
	if (!(p->given & EXP_BIT(EXP_TLB)))
		p->tlb = 2 + ex_draw(rng, 3);
	if (!(p->given & EXP_BIT(EXP_PAGES)))
		ex_draw_references(p, rng, p->tlb + 2);
}

static int
by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* "1, 4 and 5" or "nothing": the pages the TLB holds now. */
static void
tlb_pages(const struct tlb *t, char *buf, size_t size)
{
	uint64_t v[TLB_ENTRIES_MAX];
	unsigned n = 0;
	size_t k = 0;

	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].pid)
			v[n++] = t->e[i].vpn;
	qsort(v, n, sizeof v[0], by_value);
	snprintf(buf, size, "nothing");
	for (unsigned i = 0; i < n && k < size; i++)
		k += (size_t)snprintf(buf + k, size - k, "%s%llu", i == 0 ? "" :
				      i + 1 == n ? " and " : ", ", (unsigned long long)v[i]);
}

static int
ask_reference(struct exercise *ex, struct machine *m, unsigned step, char *err, size_t size)
{
	uint64_t page = ex->p.refs[step - 1];
	struct event_list ev;
	const struct event *fill;
	char id[40], held[200], r[400];

	tlb_pages(&m->tlb, held, sizeof held);
	if (ex_read(m, 0, page * m->cfg.page_size, &ev, err, size))
		return -1;
	snprintf(id, sizeof id, "step %u (page %llu)", step, (unsigned long long)page);
	if (ex_event(&ev, EV_TLB_HIT)) {
		snprintf(r, sizeof r, "the TLB holds %s: page %llu is there, a hit", held,
			 (unsigned long long)page);
		ex_ask(ex, id, "hit", r);
		return 0;
	}
	fill = ex_event(&ev, EV_TLB_FILL);
	if (fill->flags & EVF_REPLACED)
		snprintf(r, sizeof r, "the TLB holds %s: page %llu is not there, a miss; it "
			 "replaces page %llu, the least recently used entry", held,
			 (unsigned long long)page, (unsigned long long)fill->other_vpn);
	else
		snprintf(r, sizeof r, "the TLB holds %s: page %llu is not there, a miss; it "
			 "takes an empty entry", held, (unsigned long long)page);
	ex_ask(ex, id, "miss", r);
	return 0;
}

static void
ask_totals(struct exercise *ex, const struct machine *m)
{
	unsigned long long hits = m->stats.tlb_hits, n = m->stats.accesses;
	char a[32], r[200];
	struct ex_question *q;

	snprintf(a, sizeof a, "%llu", hits);
	snprintf(r, sizeof r, "%llu of the %llu references hit", hits, n);
	ex_ask(ex, "hits", a, r);
	snprintf(a, sizeof a, "%.1f", 100.0 * (double)hits / (double)n);
	snprintf(r, sizeof r, "%llu hits / %llu references = %s%%", hits, n, a);
	q = ex_ask(ex, "hit rate %", a, r);
	q->tolerance = 0.05;
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	struct machine *m;
	char list[EX_REFS_MAX * 7];

	(void)rng;
	if (ex->p.tlb == 0) {
		snprintf(err, size, "tlb: the exercise needs a TLB of at least 1 entry");
		return -1;
	}
	ex->p.frames = ex->p.nrefs;     /* every page fits: only the TLB decides */
	if ((m = ex_machine(&ex->p, err, size)) == NULL)
		return -1;
	ex_refs_text(&ex->p, list, sizeof list);
	ex_say(ex, "A TLB of %u entries, empty at first, caches page translations; when", ex->p.tlb);
	ex_say(ex, "it is full, a miss replaces the least recently used entry.  A process");
	ex_say(ex, "references these pages, in order:");
	ex_say(ex, "  %s", list);
	ex_say(ex, "Is each reference a TLB hit or a miss?  How many hit, and what is the");
	ex_say(ex, "hit rate in per cent (one decimal)?");
	for (unsigned s = 1; s <= ex->p.nrefs; s++)
		if (ask_reference(ex, m, s, err, size)) {
			machine_free(m);
			return -1;
		}
	ask_totals(ex, m);
	machine_free(m);
	return 0;
}

const struct ex_kind ex_tlb = {
	.name = "tlb",
	.summary = "hits and misses of a small TLB",
	.params = EXP_BIT(EXP_TLB) | EXP_BIT(EXP_PAGES),
	.draw = draw,
	.build = build,
};
