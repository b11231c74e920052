/*
 * stats_line.c - the statistics line at each level of shortening, from
 * the full line down, until one fits; and projector mode's key figures.
 */
#include <stdarg.h>
#include <stdio.h>

#include "stats_line.h"
#include "text.h"

/* Each level gives up one more thing (see stats_line.h). */
enum level {
	FULL,
	TLB_RATE_ONLY,
	SINGLE_SPACES,
	NO_HITS,
	NO_ZEROS,
	SHORT_FIGURES,
	LEVELS
};

#define FIGURE_MAX 24

static unsigned
percent(uint64_t part, uint64_t whole)
{
	/* In floating point: part * 100 could overflow. */
	return (whole > 0 ? (unsigned)((double)part * 100 / (double)whole) : 0);
}

/* v in digits, or from 10000 on in at most four characters: 12k, 1.2M. */
static const char *
figure(char *buf, uint64_t v, bool shorten)
{
	static const char units[] = "kMGTPE";
	uint64_t scale = 1000;
	int u = 0;

	if (!shorten || v < 10000) {
		snprintf(buf, FIGURE_MAX, "%llu", (unsigned long long)v);
		return (buf);
	}
	while (v / scale >= 1000 && units[u + 1] != '\0') {
		scale *= 1000;
		u++;
	}
	if (v / scale < 10)
		snprintf(buf, FIGURE_MAX, "%llu.%llu%c", (unsigned long long)(v / scale),
		    (unsigned long long)(v % scale * 10 / scale), units[u]);
	else
		snprintf(buf, FIGURE_MAX, "%llu%c", (unsigned long long)(v / scale), units[u]);
	return (buf);
}

static void
item(struct stats_line *l, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
item(struct stats_line *l, const char *label, const char *fmt, ...)
{
	va_list ap;

	if (l->n == STATS_ITEMS)
		return;
	l->it[l->n].label = label;
	va_start(ap, fmt);
	vsnprintf(l->it[l->n++].value, sizeof l->it->value, fmt, ap);
	va_end(ap);
}

static void
fill(const struct stats *s, enum level lv, struct stats_line *l)
{
	uint64_t tlb = s->tlb_hits + s->tlb_misses;
	bool sh = lv >= SHORT_FIGURES;
	char a[FIGURE_MAX], b[FIGURE_MAX];

	l->n = 0;
	l->sep = lv >= SINGLE_SPACES ? " " : "  ";
	item(l, "accesses", "%s", figure(a, s->accesses, sh));
	if (lv < NO_HITS)
		item(l, "hits", "%s", figure(a, s->hits, sh));
	item(l, "faults", "%s (%u%%)", figure(a, s->faults, sh),
	    percent(s->faults, s->accesses));
	if (s->segfaults > 0)
		item(l, "segfaults", "%s", figure(a, s->segfaults, sh));
	if (s->protection_faults > 0)
		item(l, "protection faults", "%s", figure(a, s->protection_faults, sh));
	if (lv < NO_ZEROS || s->evictions > 0)
		item(l, "evictions", "%s", figure(a, s->evictions, sh));
	if (lv < NO_ZEROS || s->writebacks > 0)
		item(l, "write-backs", "%s", figure(a, s->writebacks, sh));
	if (lv < TLB_RATE_ONLY)
		item(l, "TLB", "%s/%s (%u%%)", figure(a, s->tlb_hits, sh), figure(b, tlb, sh),
		    percent(s->tlb_hits, tlb));
	else
		item(l, "TLB hits", "%u%%", percent(s->tlb_hits, tlb));
}

/* Projector mode's line: the key figures, set wide apart. */
static void
fill_key(const struct stats *s, bool shorten, struct stats_line *l)
{
	char a[FIGURE_MAX];

	l->n = 0;
	l->sep = "     ";
	item(l, "accesses", "%s", figure(a, s->accesses, shorten));
	item(l, "faults", "%s", figure(a, s->faults, shorten));
	item(l, "fault rate", "%u%%", percent(s->faults, s->accesses));
}

int
stats_line_width(const struct stats_line *l)
{
	int w = 1;
	size_t i;

	for (i = 0; i < l->n; i++)
		w += text_width(l->it[i].label) + 1 + text_width(l->it[i].value) +
		    (i + 1 < l->n ? text_width(l->sep) : 0);
	return (w);
}

/* Still too wide: whole items go from the end, never half a word. */
static void
drop_to_fit(struct stats_line *l, int width)
{
	while (l->n > 1 && stats_line_width(l) > width)
		l->n--;
}

void
stats_line_fit(const struct stats *s, int width, struct stats_line *l)
{
	int lv;

	for (lv = FULL; lv < LEVELS; lv++) {
		fill(s, (enum level)lv, l);
		if (stats_line_width(l) <= width)
			return;
	}
	drop_to_fit(l, width);
}

void
stats_line_key(const struct stats *s, int width, struct stats_line *l)
{
	fill_key(s, false, l);
	if (stats_line_width(l) > width)
		fill_key(s, true, l);
	drop_to_fit(l, width);
}
