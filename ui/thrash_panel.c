/*
 * thrash_panel.c - the thrashing view, a band under the grids (key T, or a
 * session's display.thrash): one column per access, the last ones up to
 * the position, oldest on the left (up to 3 columns each while few
 * enough fit).  Rows, each with its latest value on the right:
 *
 *   fault rate   bars of the faults among the THRASH_RATE_WINDOW accesses
 *                ending at each column (eighths of the window, rounded up)
 *   sum of W     the part of the working sets' sum above the frames
 *   N frames     the frames line: thin where the sum fits, heavy where it
 *                does not, ▲ where it stops fitting
 *                the part of the sum up to the frames (a full bar: all of them)
 *   processes    how many are alive, a digit per column (+ for ten or more)
 *
 * Every number comes from the series thrash.c builds from the history,
 * of finished accesses: while one is under way (the statistics line
 * counts it from its outcome on) the title says it is not counted yet.
 * On a short band the rows go in that order of need: the fault rate, the
 * frames line, the processes, then the two halves of the sum.
 */
#include <stdio.h>

#include "draw.h"
#include "view.h"

enum thrash_row { ROW_RATE, ROW_OVER, ROW_LINE, ROW_UNDER, ROW_PROCS, ROW_COUNT };

#define LABEL_W 13      /* a blank, "fault rate" or "1024 frames", a blank */
#define VALUE_W 15      /* "since step 999" and a blank before it */

/* The rows a band of h content rows shows, by need. */
static unsigned
rows_shown(int h)
{
	static const enum thrash_row need[ROW_COUNT] = {
		ROW_RATE, ROW_LINE, ROW_PROCS, ROW_OVER, ROW_UNDER,
	};
	unsigned shown = 0;

	for (int i = 0; i < h && i < ROW_COUNT; i++)
		shown |= 1u << need[i];
	return (shown);
}

/*
 * Eighths of a bar for part of whole, rounded up so any part shows, but
 * full only for the whole (9 of 10 is 7 eighths, not a full bar).
 */
static int
eighths(uint64_t part, uint64_t whole)
{
	uint64_t up;

	if (whole == 0 || part == 0)
		return (0);
	if (part >= whole)
		return (8);
	up = (part * 8 + whole - 1) / whole;
	return ((int)(up < 8 ? up : 7));
}

struct chart {
	const struct app *a;
	const struct thrash_series *s;
	struct rect in;
	size_t from;            /* the first point shown */
	int width;              /* columns for the points */
	int each;               /* columns a point takes: 1, or up to 3 when few */
};

static const struct thrash_point *
last_point(const struct chart *c)
{
	return (&c->s->p[c->s->n - 1]);
}

/* The bar of row `row` at point i, and how it looks. */
static const char *
bar(const struct chart *c, enum thrash_row row, size_t i, enum element *el)
{
	const struct thrash_point *p = &c->s->p[i];
	uint64_t frames = c->s->frames;

	*el = EL_CHART;
	if (row == ROW_RATE)
		return (c->a->g->bar[eighths(p->faults, p->window)]);
	if (row == ROW_UNDER)
		return (c->a->g->bar[eighths(p->ws_sum < frames ? p->ws_sum : frames, frames)]);
	*el = EL_OVER;
	return (c->a->g->bar[thrash_over(c->s, i) ? eighths(p->ws_sum - frames, frames) : 0]);
}

/* The frames line at point i. */
static const char *
line(const struct chart *c, size_t i, enum element *el)
{
	*el = thrash_over(c->s, i) ? EL_OVER : EL_TEXT;
	if (thrash_stops_fitting(c->s, i))
		return (c->a->g->stops);
	return (thrash_over(c->s, i) ? c->a->g->over : c->a->g->fits);
}

/* The glyph of row `row` at point i, and how it looks. */
static const char *
cell(const struct chart *c, enum thrash_row row, size_t i, char digit[2], enum element *el)
{
	unsigned n = c->s->p[i].processes;

	if (row == ROW_LINE)
		return (line(c, i, el));
	if (row != ROW_PROCS)
		return (bar(c, row, i, el));
	*el = EL_TEXT;
	digit[0] = n > 9 ? '+' : (char)('0' + n);
	digit[1] = '\0';
	return (digit);
}

static void
draw_columns(const struct chart *c, struct pen *p, enum thrash_row row)
{
	char digit[2];
	const char *glyph;
	enum element el;

	for (size_t i = c->from; i < c->s->n; i++) {
		glyph = cell(c, row, i, digit, &el);
		pen_put(p, el, glyph);
		/* A wide column: where they stop fitting, the line goes on heavy. */
		pen_repeat(p, el, glyph == c->a->g->stops ? c->a->g->over : glyph, c->each - 1);
	}
	/* The frames line goes on across the chart, as a reference, dotted
	 * where no access is yet (neither "fits" nor "over"). */
	if (row == ROW_LINE)
		pen_repeat(p, EL_DIM, c->a->g->free,
		    c->width - (int)(c->s->n - c->from) * c->each);
}

/* Row `row`'s label, and its latest value on the right. */
static void
texts(const struct chart *c, enum thrash_row row, char *label, char *value, size_t size)
{
	const struct thrash_point *p = last_point(c);
	size_t since = thrash_over_since(c->s);

	label[0] = value[0] = '\0';
	switch (row) {
	case ROW_RATE:
		snprintf(label, size, "fault rate");
		snprintf(value, size, "%u of last %u", p->faults, p->window);
		break;
	case ROW_OVER:
		snprintf(label, size, "sum of W");
		snprintf(value, size, "%llu page%s", (unsigned long long)p->ws_sum,
		    p->ws_sum == 1 ? "" : "s");
		break;
	case ROW_LINE:
		snprintf(label, size, "%u frames", c->s->frames);
		if (p->ws_sum > c->s->frames)
			snprintf(value, size, "over by %llu",
			    (unsigned long long)(p->ws_sum - c->s->frames));
		else
			snprintf(value, size, "fits");
		break;
	case ROW_UNDER:
		if (since != SIZE_MAX)
			snprintf(value, size, "since step %zu", c->s->p[since].step);
		break;
	case ROW_PROCS:
		snprintf(label, size, "processes");
		snprintf(value, size, "%u", p->processes);
		break;
	case ROW_COUNT:
		break;
	}
}

static void
draw_row(const struct chart *c, int y, enum thrash_row row)
{
	char label[32], value[32];
	struct pen p;

	texts(c, row, label, value, sizeof label);
	pen_at(&p, c->a, &c->in, y, 1);
	pen_put(&p, EL_TEXT, label);
	pen_at(&p, c->a, &c->in, y, LABEL_W);
	draw_columns(c, &p, row);
	pen_at(&p, c->a, &c->in, y, LABEL_W + c->width + 1);
	pen_put(&p, EL_PANEL_TITLE, value);
}

/*
 * Whether an access is under way at the position: the series holds the
 * finished ones only, while the statistics line counts it from its
 * outcome on (a fault from its PAGE FAULT).
 */
static bool
access_under_way(const struct app *a)
{
	return (app_access(a) != NULL && !anim_complete(&a->anim, &a->src));
}

/*
 * "thrashing · accesses 1-16, a column each · fault rate over the last 10";
 * while access 17 is under way, "accesses 1-16 (17 under way, not
 * counted) · a column each": a field of its own, so a narrow band keeps
 * the note before the columns.
 */
static void
thrash_title(const struct chart *c, char *buf, size_t size)
{
	const struct glyphs *g = c->a->g;
	size_t first = c->s->first + c->from + 1, last = c->s->first + c->s->n;
	bool now = access_under_way(c->a);
	char span[48];
	int k;

	if (c->s->n == 0) {
		snprintf(buf, size, now ? "thrashing%sno access ended yet (1 under way, not counted)" :
		    "thrashing%sno access yet", g->sep);
		return;
	}
	if (first == last)
		k = snprintf(span, sizeof span, "access %zu", first);
	else
		k = snprintf(span, sizeof span, "accesses %zu-%zu", first, last);
	if (now)
		snprintf(span + k, sizeof span - (size_t)k, " (%zu under way, not counted)", last + 1);
	snprintf(buf, size, "thrashing%s%s%s%s each%sfault rate over the last %d", g->sep, span,
	    now ? g->sep : ", ",
	    c->each == 1 ? "a column" : c->each == 2 ? "2 columns" : "3 columns", g->sep,
	    THRASH_RATE_WINDOW);
}

static void
thrash_draw(const struct app *a, const struct rect *r)
{
	struct chart c = { a, &a->thrash.s, rect_inner(r), 0, 0, 1 };
	unsigned shown = rows_shown(c.in.h);
	char title[160];
	int y = 0;

	if (!a->thrash.built)
		return;
	c.width = c.in.w - LABEL_W - VALUE_W;
	if (c.width < 1)
		c.width = 1;
	if (c.s->n > (size_t)c.width)
		c.from = c.s->n - (size_t)c.width;
	while (c.each < 3 && c.s->n > 0 && c.s->n * (size_t)(c.each + 1) <= (size_t)c.width)
		c.each++;
	thrash_title(&c, title, sizeof title);
	draw_box(a, r, title);
	if (c.s->n == 0)
		return;
	for (int row = 0; row < ROW_COUNT; row++)
		if (shown & (1u << row))
			draw_row(&c, y++, (enum thrash_row)row);
}

const struct view view_thrash = {
	.panel = PANEL_THRASH,
	.draw = thrash_draw,
};
