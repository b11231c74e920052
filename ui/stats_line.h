/*
 * stats_line.h - the statistics line's words and figures, fitted to a
 * width.  Pure (no curses).
 *
 * The fields, in this order: accesses (each counted with its outcome,
 * stats_accesses_decided: an access under way is not among them at its
 * SPLIT), hits, faults (and their share of the accesses), segfaults, protection faults and "out of memory" (accesses
 * refused for want of a frame or swap slot) when there are any,
 * evictions, write-backs, zero-fills, swap-ins, once pages are shared
 * (a copy-on-write or a page found in a sharer's frame) "minor/major m/M"
 * (faults that did not and did read swap), and on a machine with a
 * TLB "TLB hits h/l (p%)" (hits of lookups); once huge pages are mapped,
 * on a machine with a TLB, "TLB reach b" (the bytes its entries cover
 * now: a huge page's entry reaches further); on a multi-level machine "refs/access r" (memory
 * references per access, stats_mem_refs) and "PT frames n" (frames
 * holding page tables).  Percentages are rounded to
 * the nearest whole percent, as printf rounds (the batch summary rounds
 * the same way to a tenth).  The wording is the same at every width.
 * When the line is too wide, first the double spaces between fields
 * become single, then figures of 10000 and over are shortened (12k,
 * 1.2M), then whole fields go, always in this order: minor/major,
 * zero-fills, swap-ins, hits, evictions, write-backs, PT frames, TLB reach, refs/access, TLB
 * hits, out of memory, protection faults, segfaults, faults.  Accesses stay.
 * A field the session's promises name (a lesson about zero-fills promises
 * zero_fills) gives way only after every other, so what a lesson is about
 * stays on its line.
 */
#ifndef VMSCOPE_UI_STATS_LINE_H
#define VMSCOPE_UI_STATS_LINE_H

#include "machine.h"
#include "promise.h"

#define STATS_ITEMS 15

/* What of the machine the line shows beside its counters. */
struct stats_shape {
	bool has_tlb;
	unsigned levels;            /* above 1: refs/access and PT frames */
	unsigned table_frames;
	uint64_t tlb_reach;         /* bytes (machine_tlb_reach) */
	bool huge;                  /* huge pages are mapped: TLB reach shown */
	const struct promises *about;   /* the session's promises (NULL: none): */
};                                  /* the fields they name go last */

struct stats_item {
	const char *label;
	char value[48];
};

struct stats_line {
	size_t n;
	struct stats_item it[STATS_ITEMS];
	const char *sep;            /* between items */
};

/* The most complete line for s that fits in `width` columns. */
void stats_line_fit(const struct stats *s, const struct stats_shape *shape, int width,
		    struct stats_line *l);

/*
 * Projector mode's line, in the same words, wide apart: accesses, faults,
 * TLB hits on a machine with a TLB, write-backs once there are any, TLB
 * reach once huge pages are mapped, and the fields the session's promises
 * name; shortened as above when it
 * would not fit.
 */
void stats_line_key(const struct stats *s, const struct stats_shape *shape, int width,
		    struct stats_line *l);

/* Columns the line takes, with the blank it starts with. */
int stats_line_width(const struct stats_line *l);

#endif
