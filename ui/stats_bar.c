/*
 * stats_bar.c - the running totals of the machine at this position:
 * accesses, hits, faults and fault rate, evictions, write-backs, TLB hits
 * and hit rate, and the segmentation and protection faults if any.  When
 * the line would not fit, the same figures are written briefly.
 */
#include <stdio.h>

#include "draw.h"
#include "text.h"
#include "view.h"

#define NSTATS 7
#define SEP "  "            /* the bold figures already mark the items */

struct stat_item {
	const char *label;
	char value[48];
};

static unsigned
percent(uint64_t part, uint64_t whole)
{
	return (whole > 0 ? (unsigned)(part * 100 / whole) : 0);
}

static unsigned long long
ull(uint64_t v)
{
	return ((unsigned long long)v);
}

/* Fills the items, long or brief; returns how many there are. */
static size_t
fill(const struct stats *s, struct stat_item *it, bool brief)
{
	uint64_t tlb = s->tlb_hits + s->tlb_misses;
	size_t n = 0;

	it[n].label = brief ? "acc" : "accesses";
	snprintf(it[n++].value, sizeof it->value, "%llu", ull(s->accesses));
	it[n].label = brief ? "hit" : "hits";
	snprintf(it[n++].value, sizeof it->value, "%llu", ull(s->hits));
	it[n].label = brief ? "flt" : "faults";
	snprintf(it[n++].value, sizeof it->value, "%llu (%u%%)", ull(s->faults),
	    percent(s->faults, s->accesses));
	it[n].label = brief ? "ev" : "evictions";
	snprintf(it[n++].value, sizeof it->value, "%llu", ull(s->evictions));
	it[n].label = brief ? "wb" : "write-backs";
	snprintf(it[n++].value, sizeof it->value, "%llu", ull(s->writebacks));
	it[n].label = "TLB";
	if (brief)
		snprintf(it[n++].value, sizeof it->value, "%u%%", percent(s->tlb_hits, tlb));
	else
		snprintf(it[n++].value, sizeof it->value, "%llu/%llu (%u%%)",
		    ull(s->tlb_hits), ull(tlb), percent(s->tlb_hits, tlb));
	if (s->segfaults + s->protection_faults > 0) {
		it[n].label = brief ? "seg/prot" : "seg/prot faults";
		snprintf(it[n++].value, sizeof it->value, "%llu/%llu", ull(s->segfaults),
		    ull(s->protection_faults));
	}
	return (n);
}

static int
width(const struct stat_item *it, size_t n, const char *sep)
{
	int w = 1;
	size_t i;

	for (i = 0; i < n; i++)
		w += text_width(it[i].label) + 1 + text_width(it[i].value) +
		    (i + 1 < n ? text_width(sep) : 0);
	return (w);
}

static void
stats_draw(const struct app *a, const struct rect *r)
{
	struct stat_item it[NSTATS];
	size_t n = fill(&a->m->stats, it, false), i;
	struct pen p;

	if (width(it, n, SEP) > r->w)
		n = fill(&a->m->stats, it, true);
	pen_at(&p, a, r, 0, 1);
	for (i = 0; i < n; i++) {
		pen_put(&p, EL_HINT, it[i].label);
		pen_put(&p, EL_HINT, " ");
		pen_put(&p, EL_PANEL_TITLE, it[i].value);
		if (i + 1 < n)
			pen_put(&p, EL_DIM, SEP);
	}
}

const struct view view_stats = {
	.panel = PANEL_STATS,
	.draw = stats_draw,
};
