/*
 * stats_line.c - the statistics line: one wording at every width, whole
 * fields giving way in one fixed order until it fits; and projector
 * mode's key figures in the same words.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "number.h"
#include "stats_line.h"
#include "text.h"

/* The fields, in the order they are drawn. */
enum field {
	F_ACCESSES,
	F_HITS,
	F_FAULTS,
	F_SEGFAULTS,
	F_PROTECTION_FAULTS,
	F_OUT_OF_MEMORY,
	F_OOM_KILLS,
	F_EVICTIONS,
	F_WRITEBACKS,
	F_ZERO_FILLS,
	F_SWAP_INS,
	F_MINOR_MAJOR,
	F_TLB,
	F_TLB_REACH,
	F_REFS,
	F_PT_FRAMES,
	FIELDS
};

/* When space is short, whole fields go in this order (stats_line.h). */
static const enum field give_way[] = {
	F_MINOR_MAJOR, F_ZERO_FILLS, F_SWAP_INS, F_HITS, F_EVICTIONS, F_WRITEBACKS,
	F_PT_FRAMES, F_TLB_REACH, F_REFS, F_TLB, F_OUT_OF_MEMORY, F_OOM_KILLS, F_PROTECTION_FAULTS,
	F_SEGFAULTS, F_FAULTS,
};

#define GIVE_WAY (sizeof give_way / sizeof give_way[0])

#define NO_COUNT SIZE_MAX

/*
 * Each field's label, the counter it shows alone (NO_COUNT: it is worded
 * by special_field), and the promise keys (promise.c) of its figures.
 */
static const struct {
	const char *label;
	size_t count;
	const char *promise[2];
} fields[FIELDS] = {
#define COUNT(f) offsetof(struct stats, f)
	[F_ACCESSES] = { "accesses", NO_COUNT, { "accesses" } },
	[F_HITS] = { "hits", COUNT(hits), { "hits" } },
	[F_FAULTS] = { "faults", NO_COUNT, { "faults" } },
	[F_SEGFAULTS] = { "segfaults", COUNT(segfaults), { "segfaults" } },
	[F_PROTECTION_FAULTS] = { "protection faults", COUNT(protection_faults),
				  { "protection_faults" } },
	[F_OUT_OF_MEMORY] = { "out of memory", COUNT(out_of_memory), { "out_of_memory" } },
	[F_OOM_KILLS] = { "OOM kills", COUNT(oom_kills), { "oom_kills" } },
	[F_EVICTIONS] = { "evictions", COUNT(evictions), { "evictions" } },
	[F_WRITEBACKS] = { "write-backs", COUNT(writebacks), { "writebacks" } },
	[F_ZERO_FILLS] = { "zero-fills", COUNT(zero_fills), { "zero_fills" } },
	[F_SWAP_INS] = { "swap-ins", COUNT(swap_ins), { "swap_ins" } },
	[F_MINOR_MAJOR] = { "minor/major", NO_COUNT, { "minor_faults", "major_faults" } },
	[F_TLB] = { "TLB hits", NO_COUNT, { "tlb_hits", "tlb_misses" } },
	[F_TLB_REACH] = { "TLB reach", NO_COUNT, { NULL } },
	[F_REFS] = { "refs/access", NO_COUNT, { "mem_refs" } },
	[F_PT_FRAMES] = { "PT frames", NO_COUNT, { NULL } },
#undef COUNT
};

/* Whether the session's promises name a figure field f shows. */
static bool
promised(const struct stats_shape *shape, enum field f)
{
	for (int i = 0; i < 2 && fields[f].promise[i] != NULL; i++)
		if (promises_name(shape->about, fields[f].promise[i]))
			return true;
	return false;
}
#define FIGURE_MAX 24

/* part of whole in whole percent, rounded to nearest as printf rounds. */
static void
percent(char *buf, uint64_t part, uint64_t whole)
{
	/* In floating point: part * 100 could overflow. */
	snprintf(buf, FIGURE_MAX, "%.0f%%",
	    whole > 0 ? (double)part * 100 / (double)whole : 0.0);
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

/* Whether field f has anything to say for this machine. */
static bool
present(enum field f, const struct stats *s, const struct stats_shape *shape)
{
	switch (f) {
	case F_REFS:
	case F_PT_FRAMES:
		return (shape->levels > 1);
	case F_SEGFAULTS:
		return (s->segfaults > 0);
	case F_PROTECTION_FAULTS:
		return (s->protection_faults > 0);
	case F_OUT_OF_MEMORY:
		return (s->out_of_memory > 0);
	case F_OOM_KILLS:
		return (s->oom_kills > 0);
	case F_MINOR_MAJOR:
		/* Once pages are shared, not every minor fault is a zero-fill. */
		return (s->cow_faults > 0 || s->found_in_memory > 0);
	case F_TLB:
		return (shape->has_tlb);
	case F_TLB_REACH:
		return (shape->has_tlb && shape->huge);
	default:
		return (true);
	}
}

/* A field worded beyond its one counter: shares, pairs, sizes, averages. */
static void
special_field(struct stats_line *l, enum field f, const struct stats *s,
	      const struct stats_shape *shape, bool sh)
{
	uint64_t tlb = s->tlb_hits + s->tlb_misses;
	const char *label = fields[f].label;
	char a[FIGURE_MAX], b[FIGURE_MAX], p[FIGURE_MAX];

	switch (f) {
	case F_ACCESSES:
		/* counted with its outcome, so accesses = hits + faults + refusals */
		item(l, label, "%s", figure(a, stats_accesses_decided(s), sh));
		break;
	case F_FAULTS:
		percent(p, s->faults, stats_accesses_decided(s));
		item(l, label, "%s (%s)", figure(a, s->faults, sh), p);
		break;
	case F_MINOR_MAJOR:
		item(l, label, "%s/%s", figure(a, s->minor_faults, sh),
		    figure(b, s->major_faults, sh));
		break;
	case F_TLB:
		percent(p, s->tlb_hits, tlb);
		item(l, label, "%s/%s (%s)", figure(a, s->tlb_hits, sh), figure(b, tlb, sh), p);
		break;
	case F_TLB_REACH:
		number_bytes_text(shape->tlb_reach, a, sizeof a);
		item(l, label, "%s", a);
		break;
	case F_REFS:
		/* "-" until an access has ended: one under way is counted at its end */
		if (s->costed == 0)
			item(l, label, "-");
		else
			item(l, label, "%.1f", stats_refs_per_access(s));
		break;
	case F_PT_FRAMES:
		item(l, label, "%u", shape->table_frames);
		break;
	default:
		break;
	}
}

/* Field f's label and value, figures shortened when `sh`. */
static void
field(struct stats_line *l, enum field f, const struct stats *s,
      const struct stats_shape *shape, bool sh)
{
	char a[FIGURE_MAX];

	if (fields[f].count == NO_COUNT) {
		special_field(l, f, s, shape, sh);
		return;
	}
	item(l, fields[f].label, "%s",
	    figure(a, *(const uint64_t *)((const char *)s + fields[f].count), sh));
}

/* The line from the fields in `want`, in drawing order. */
static void
fill(const struct stats *s, const struct stats_shape *shape, const bool want[FIELDS],
     bool sh, const char *sep, struct stats_line *l)
{
	int f;

	l->n = 0;
	l->sep = sep;
	for (f = 0; f < FIELDS; f++) {
		if (want[f] && present((enum field)f, s, shape))
			field(l, (enum field)f, s, shape, sh);
	}
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

/*
 * Double spaces, then single spaces, then short figures; then whole
 * fields in give_way's order, those the promises name after the others.
 * The wording never changes.
 */
static void
fit(const struct stats *s, const struct stats_shape *shape, bool want[FIELDS],
    const char *wide, int width, struct stats_line *l)
{
	enum field order[GIVE_WAY];
	size_t g, n = 0;

	for (int pass = 0; pass < 2; pass++)
		for (g = 0; g < GIVE_WAY; g++)
			if (promised(shape, give_way[g]) == (pass == 1))
				order[n++] = give_way[g];
	fill(s, shape, want, false, wide, l);
	if (stats_line_width(l) <= width)
		return;
	fill(s, shape, want, false, " ", l);
	if (stats_line_width(l) <= width)
		return;
	for (g = 0; g <= GIVE_WAY; g++) {
		fill(s, shape, want, true, " ", l);
		if (stats_line_width(l) <= width || g == GIVE_WAY)
			return;
		want[order[g]] = false;
	}
}

void
stats_line_fit(const struct stats *s, const struct stats_shape *shape, int width,
	       struct stats_line *l)
{
	bool want[FIELDS];
	int f;

	for (f = 0; f < FIELDS; f++)
		want[f] = true;
	fit(s, shape, want, "  ", width, l);
}

void
stats_line_key(const struct stats *s, const struct stats_shape *shape, int width,
	       struct stats_line *l)
{
	bool want[FIELDS] = { false };

	want[F_ACCESSES] = want[F_FAULTS] = want[F_TLB] = true;
	want[F_WRITEBACKS] = s->writebacks > 0;
	want[F_TLB_REACH] = true;       /* shown once huge pages are mapped */
	for (int f = 0; f < FIELDS; f++)
		want[f] = want[f] || promised(shape, (enum field)f);
	fit(s, shape, want, "     ", width, l);
}
