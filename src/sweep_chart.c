/*
 * sweep_chart.c - laying out the chart of faults against frame counts,
 * and printing it as text.
 *
 * The layout works in cells: the legend's rows first, then one row per
 * plotted fault count (the y axis and its labels at the left), then the x
 * axis and its labels.  Anything that would fall beyond the width is left
 * out (the x labels that would touch a neighbour too), never wrapped.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "sweep_chart.h"
#include "xalloc.h"

#define MARKERS 12
static const char *const unicode_marks[MARKERS] = {
	"●", "▲", "■", "◆", "▼", "★", "○", "△", "□", "◇", "▽", "☆",
};
static const char *const ascii_marks[MARKERS] = {
	"o", "^", "#", "*", "v", "@", "%", "&", "$", "x", "=", "~",
};

/* Where things go, worked out before any cell is written. */
struct geometry {
	uint64_t lo, hi;        /* fewest and most faults */
	unsigned legend;        /* rows of legend */
	unsigned plot;          /* rows of points */
	unsigned axis;          /* the y axis's column */
	unsigned spacing;       /* columns from one frame count to the next */
};

/* Writes a cell; one beyond the edge is left out. */
static void
set(struct sweep_chart *c, unsigned row, unsigned col, struct chart_cell v)
{
	if (row < c->height && col < c->width)
		c->cells[(size_t)row * c->width + col] = v;
}

/* Writes s from (row, col); returns the column after it. */
static unsigned
put_text(struct sweep_chart *c, unsigned row, unsigned col, const char *s)
{
	for (; *s; s++, col++)
		set(c, row, col, (struct chart_cell){ .kind = CHART_TEXT, .ch = *s });
	return col;
}

static unsigned
digits(uint64_t v)
{
	unsigned n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* ---- legend --------------------------------------------------------------- */

#define LEGEND_HEAD "faults"
#define LEGEND_INDENT 9
#define SEVERAL "2-9: that many policies at one point"
/* With ten policies or more, ten may meet at a point: '+' (plot_point). */
#define SEVERAL_MORE SEVERAL ", +: 10 or more"

/*
 * Lays the legend out from row 0 (when c has cells) and returns its rows:
 * "faults   ● fifo  ▲ lru ...", an item going to the next row when it
 * would pass the width.
 */
static unsigned
legend(struct sweep_chart *c, const struct compare_plan *p, unsigned width)
{
	unsigned row = 0, col = LEGEND_INDENT, len;

	put_text(c, 0, 0, LEGEND_HEAD);
	for (unsigned i = 0; i <= p->npolicies; i++) {
		const char *name = i < p->npolicies ? policy_at(p->policy[i])->name :
			p->npolicies >= 10 ? SEVERAL_MORE : SEVERAL;

		if (i == p->npolicies && p->npolicies < 2)
			break;
		len = (unsigned)strlen(name) + (i < p->npolicies ? 2 : 0);
		if (col > LEGEND_INDENT && col + len > width) {
			row++;
			col = LEGEND_INDENT;
		}
		if (i < p->npolicies) {
			set(c, row, col, (struct chart_cell){ .kind = CHART_MARK,
				.series = (unsigned char)i });
			col += 2;
		}
		col = put_text(c, row, col, name) + 2;
	}
	return row + 1;
}

/* ---- geometry ------------------------------------------------------------- */

static void
fault_range(const struct compare_result *r, size_t n, uint64_t *lo, uint64_t *hi)
{
	*lo = *hi = r[0].stats.faults;
	for (size_t i = 1; i < n; i++) {
		if (r[i].stats.faults < *lo)
			*lo = r[i].stats.faults;
		if (r[i].stats.faults > *hi)
			*hi = r[i].stats.faults;
	}
}

/* The plot row (0: the top) of a fault count. */
static unsigned
row_of(const struct geometry *g, uint64_t faults)
{
	uint64_t span = g->hi - g->lo;

	if (span < g->plot)
		return (unsigned)(g->hi - faults);
	return (unsigned)(((g->hi - faults) * (g->plot - 1) + span / 2) / span);
}

/* A fault count that falls in plot row `row` (row_of gives it back). */
static uint64_t
count_at(const struct geometry *g, unsigned row)
{
	uint64_t span = g->hi - g->lo;

	if (span < g->plot)
		return g->hi - row;
	return g->hi - (row * span + (g->plot - 1) / 2) / (g->plot - 1);
}

/*
 * Row `row`'s label: the count of the points in it, or the range of their
 * counts ("23-24") when the range is scaled and several fall in it, so no
 * point stands beside another count; a row with none, a count in it.
 */
static void
row_label(const struct geometry *g, const struct compare_result *r, size_t n,
	  unsigned row, char *buf, size_t size)
{
	uint64_t least = UINT64_MAX, most = 0;

	for (size_t i = 0; i < n; i++)
		if (row_of(g, r[i].stats.faults) == row) {
			least = r[i].stats.faults < least ? r[i].stats.faults : least;
			most = r[i].stats.faults > most ? r[i].stats.faults : most;
		}
	if (least == UINT64_MAX)
		snprintf(buf, size, "%" PRIu64, count_at(g, row));
	else if (least == most)
		snprintf(buf, size, "%" PRIu64, least);
	else
		snprintf(buf, size, "%" PRIu64 "-%" PRIu64, least, most);
}

#define FRAMES_WORD "  frames"
#define SPACING_MAX 3u

static void
measure(struct geometry *g, const struct compare_plan *p, const struct compare_result *r,
	unsigned width, unsigned plot_rows)
{
	unsigned points = p->frames_last - p->frames_first + 1, room;

	char label[48];

	fault_range(r, compare_size(p), &g->lo, &g->hi);
	g->plot = g->hi - g->lo < plot_rows ? (unsigned)(g->hi - g->lo) + 1 : plot_rows;
	g->axis = digits(g->hi) + 1;
	for (unsigned row = 0; row < g->plot; row++) {
		row_label(g, r, compare_size(p), row, label, sizeof label);
		if (strlen(label) + 1 > g->axis)
			g->axis = (unsigned)strlen(label) + 1;
	}
	room = width - g->axis - 1 - (unsigned)strlen(FRAMES_WORD);
	g->spacing = room / points > SPACING_MAX ? SPACING_MAX : room / points;
	if (g->spacing == 0)
		g->spacing = 1;
}

static unsigned
column_of(const struct geometry *g, const struct compare_plan *p, unsigned frames)
{
	return g->axis + g->spacing * (frames - p->frames_first + 1);
}

/* ---- plot and axes -------------------------------------------------------- */

static void
y_axis(struct sweep_chart *c, const struct geometry *g, const struct compare_result *r,
       size_t n)
{
	char label[48], padded[64];

	for (unsigned row = 0; row < g->plot; row++) {
		row_label(g, r, n, row, label, sizeof label);
		snprintf(padded, sizeof padded, "%*s", (int)g->axis - 1, label);
		put_text(c, g->legend + row, 0, padded);
		set(c, g->legend + row, g->axis, (struct chart_cell){ .kind = CHART_TICK_Y });
	}
}

static void
x_axis(struct sweep_chart *c, const struct geometry *g, const struct compare_plan *p)
{
	unsigned row = g->legend + g->plot, end = 0, col, start;
	char label[16];

	set(c, row, g->axis, (struct chart_cell){ .kind = CHART_ORIGIN });
	for (col = g->axis + 1; col <= column_of(g, p, p->frames_last); col++)
		set(c, row, col, (struct chart_cell){ .kind = CHART_AXIS_X });
	for (unsigned f = p->frames_first; f <= p->frames_last; f++) {
		col = column_of(g, p, f);
		set(c, row, col, (struct chart_cell){ .kind = CHART_TICK_X });
		snprintf(label, sizeof label, "%u", f);
		start = col + 1 - (unsigned)strlen(label);
		if (end == 0 || start > end + 1)
			end = put_text(c, row + 1, start, label) - 1;
	}
	if (end + strlen(FRAMES_WORD) < c->width)
		put_text(c, row + 1, end + 1, FRAMES_WORD);
}

static bool
anomalous(const struct belady *a, size_t na, const struct compare_result *r)
{
	for (size_t i = 0; i < na; i++)
		if (a[i].policy == r->policy && a[i].frames == r->frames)
			return true;
	return false;
}

/* A policy's point: its marker, or the count of those already there. */
static void
plot_point(struct chart_cell *at, unsigned series, bool anomaly)
{
	if (at->kind == CHART_MARK)
		*at = (struct chart_cell){ .kind = CHART_MARKS, .ch = '2' };
	else if (at->kind == CHART_MARKS)
		at->ch = at->ch == '9' || at->ch == '+' ? '+' : (char)(at->ch + 1);
	else
		*at = (struct chart_cell){ .kind = CHART_MARK, .series = (unsigned char)series };
	at->anomaly |= anomaly;
}

static void
plot(struct sweep_chart *c, const struct geometry *g, const struct compare_plan *p,
     const struct compare_result *r, const struct belady *a, size_t na)
{
	size_t per = p->frames_last - p->frames_first + 1;

	for (size_t i = 0; i < compare_size(p); i++) {
		unsigned row = g->legend + row_of(g, r[i].stats.faults);
		unsigned col = column_of(g, p, r[i].frames);

		if (col < c->width)
			plot_point(&c->cells[(size_t)row * c->width + col], (unsigned)(i / per),
				   anomalous(a, na, &r[i]));
	}
}

void
sweep_chart_layout(struct sweep_chart *c, const struct compare_plan *p,
		   const struct compare_result *r, const struct belady *a, size_t na,
		   unsigned width, unsigned plot_rows)
{
	struct geometry g;

	if (width < SWEEP_CHART_MIN_WIDTH)
		width = SWEEP_CHART_MIN_WIDTH;
	if (plot_rows < SWEEP_CHART_MIN_PLOT)
		plot_rows = SWEEP_CHART_MIN_PLOT;
	measure(&g, p, r, width, plot_rows);
	*c = (struct sweep_chart){ .width = width };
	g.legend = legend(c, p, width);         /* no cells yet: only measured */
	c->height = g.legend + g.plot + 2;
	c->cells = xcalloc((size_t)c->width * c->height, sizeof *c->cells);
	legend(c, p, width);
	y_axis(c, &g, r, compare_size(p));
	x_axis(c, &g, p);
	plot(c, &g, p, r, a, na);
}

void
sweep_chart_free(struct sweep_chart *c)
{
	free(c->cells);
	c->cells = NULL;
}

const char *
sweep_chart_glyph(const struct chart_cell *cell, bool ascii, char buf[2])
{
	static const char *const unicode[] = {
		[CHART_TICK_Y] = "┤", [CHART_ORIGIN] = "└", [CHART_AXIS_X] = "─",
		[CHART_TICK_X] = "┬",
	};
	static const char *const plain[] = {
		[CHART_TICK_Y] = "+", [CHART_ORIGIN] = "+", [CHART_AXIS_X] = "-",
		[CHART_TICK_X] = "+",
	};

	switch ((enum chart_kind)cell->kind) {
	case CHART_BLANK:
		return " ";
	case CHART_TEXT:
	case CHART_MARKS:
		buf[0] = cell->ch;
		buf[1] = '\0';
		return buf;
	case CHART_MARK:
		return (ascii ? ascii_marks : unicode_marks)[cell->series % MARKERS];
	default:
		return (ascii ? plain : unicode)[cell->kind];
	}
}

void
sweep_chart_print(const struct sweep_chart *c, bool ascii, FILE *out)
{
	char buf[2];

	for (unsigned row = 0; row < c->height; row++) {
		unsigned end = c->width;

		while (end > 0 && sweep_chart_at(c, row, end - 1)->kind == CHART_BLANK)
			end--;
		for (unsigned col = 0; col < end; col++)
			fputs(sweep_chart_glyph(sweep_chart_at(c, row, col), ascii, buf), out);
		fputc('\n', out);
	}
}
