/*
 * stats_line.h - the statistics line's words and figures, fitted to a
 * width.  Pure (no curses).
 *
 * The full line: accesses, hits, faults and fault rate, segmentation and
 * protection faults when there are any, evictions, write-backs, TLB hits
 * of lookups and hit rate.  When it is too wide, the least important
 * parts give way first, always in the same order: the TLB's counts (its
 * hit rate stays), the double spaces between items, the hits (accesses
 * less faults), zero evictions and write-backs, the digits of figures of
 * 10000 and over (12k, 1.2M).  Labels stay words.  Without
 * segmentation or protection faults that fits 80 columns whatever the
 * figures; with them and large figures, whole items go from the end.
 */
#ifndef VMSCOPE_UI_STATS_LINE_H
#define VMSCOPE_UI_STATS_LINE_H

#include "machine.h"

#define STATS_ITEMS 8

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
void stats_line_fit(const struct stats *s, int width, struct stats_line *l);

/*
 * Projector mode's line: only accesses, faults and the fault rate, wide
 * apart; figures of 10000 and over shortened when it would not fit.
 */
void stats_line_key(const struct stats *s, int width, struct stats_line *l);

/* Columns the line takes, with the blank it starts with. */
int stats_line_width(const struct stats_line *l);

#endif
