/*
 * sweep_chart.h - the chart of faults against frame counts, laid out once
 * as a grid of cells that batch prints and the UI draws (batch with
 * glyphs alone, the UI with a colour per policy as well).
 *
 *   faults   ● fifo  ▲ lru  2-9: that many policies at one point
 *       12 ┤ 2  2
 *       11 ┤
 *       10 ┤          ●
 *        9 ┤       ●  ▲
 *          └──┬──┬──┬──┬─
 *             1  2  3  4  frames
 *
 * Rows: when every fault count from the fewest to the most has a row of
 * its own, one row per count; otherwise the range is scaled to the rows
 * there are, and a row is labelled with the count of its points, or the
 * range of their counts ("23-24") where several fall in it (a row with no
 * point, with a count that falls in it).  Every row is labelled.  Each policy has its own marker (in the order the
 * plan lists them); several policies at one point show how many they are,
 * '+' for ten or more (and the legend says so when ten may meet).
 */
#ifndef VMSCOPE_SWEEP_CHART_H
#define VMSCOPE_SWEEP_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "belady.h"
#include "compare.h"

enum chart_kind {
	CHART_BLANK,
	CHART_TEXT,     /* ch: a label's character (ASCII) */
	CHART_MARK,     /* series: a policy's point, or its marker in the legend */
	CHART_MARKS,    /* ch: how many policies share the point ('2'..'9', '+') */
	CHART_TICK_Y,   /* the y axis at a labelled row */
	CHART_ORIGIN,
	CHART_AXIS_X,
	CHART_TICK_X,   /* the x axis under a frame count */
};

struct chart_cell {
	unsigned char kind;     /* enum chart_kind */
	unsigned char series;   /* CHART_MARK: the policy's place in the plan */
	char ch;
	bool anomaly;           /* a point of Belady's anomaly (a policy that
				 * faults more here than with fewer frames) */
};

struct sweep_chart {
	unsigned width, height;
	struct chart_cell *cells;       /* row by row */
};

/* The smallest width and plot height the layout is asked for. */
#define SWEEP_CHART_MIN_WIDTH 40
#define SWEEP_CHART_MIN_PLOT 2

/*
 * Lays out the chart of the results r (as compare_run fills them for p)
 * in at most `width` columns (at least SWEEP_CHART_MIN_WIDTH) with at most
 * `plot_rows` rows of points (at least SWEEP_CHART_MIN_PLOT); the
 * anomalies a[0 .. na) are marked.  Its height is the legend's rows (as
 * many as the width needs), the plot's and two for the x axis.  Free
 * with sweep_chart_free.
 */
void sweep_chart_layout(struct sweep_chart *c, const struct compare_plan *p,
			const struct compare_result *r, const struct belady *a, size_t na,
			unsigned width, unsigned plot_rows);
void sweep_chart_free(struct sweep_chart *c);

static inline const struct chart_cell *
sweep_chart_at(const struct sweep_chart *c, unsigned row, unsigned col)
{
	return &c->cells[(size_t)row * c->width + col];
}

/* A cell's characters, Unicode or ASCII; buf (2 bytes) holds a TEXT's. */
const char *sweep_chart_glyph(const struct chart_cell *cell, bool ascii, char buf[2]);

/* Prints the chart, each row's trailing blanks left out. */
void sweep_chart_print(const struct sweep_chart *c, bool ascii, FILE *out);

#endif
