/*
 * sweep_screen.c - the sweep chart fills the screen: the title bar, a line
 * saying what was run, the chart (laid out by sweep_chart.c for the room
 * there is, each policy in its own colour, a point of Belady's anomaly in
 * the alert colour), the anomalies and the runs that ran out of memory
 * in the words batch prints, and the prompt.  The chart is of the whole session, wherever the cursor is.
 */
#include <stdlib.h>

#include "batch.h"
#include "compare.h"
#include "draw.h"
#include "plural.h"
#include "policy.h"
#include "sweep_chart.h"
#include "sweep_oom.h"
#include "sweep_screen.h"
#include "view.h"
#include "xalloc.h"

#define SWEEP_MIN_LAST 8u

unsigned
sweep_last_frames(unsigned frames)
{
	unsigned last = frames * 2 < SWEEP_MIN_LAST ? SWEEP_MIN_LAST : frames * 2;

	return last > SWEEP_POINTS_MAX ? SWEEP_POINTS_MAX : last;
}

void
sweep_forget(struct sweep_view *s)
{
	free(s->r);
	free(s->anomalies);
	*s = (struct sweep_view){ 0 };
}

void
sweep_build(struct sweep_view *s, const struct history *h, const int *policy, unsigned n)
{
	struct history_source hs = { h, "the session" };
	struct op_source ops = batch_history_ops(&hs);
	const struct machine *initial = history_initial(h);
	size_t bad;

	if (s->built)
		return;
	sweep_forget(s);
	s->plan = (struct compare_plan){ .npolicies = n, .frames_first = 1,
		.frames_last = sweep_last_frames(initial->cfg.frames) };
	for (unsigned i = 0; i < n; i++)
		s->plan.policy[i] = policy[i];
	s->r = xcalloc(compare_size(&s->plan), sizeof *s->r);
	s->anomalies = xcalloc(compare_size(&s->plan), sizeof *s->anomalies);
	if (compare_run(initial, &ops, &s->plan, s->r, &bad, s->why, sizeof s->why))
		batch_locate_history(&hs).blame(&hs, bad, s->why, sizeof s->why);
	else
		s->nanomalies = belady_find(s->r, &s->plan, s->anomalies);
	s->built = true;
}

/* ---- drawing ------------------------------------------------------------ */

static enum element
element_of(const struct chart_cell *c)
{
	switch ((enum chart_kind)c->kind) {
	case CHART_MARK:
		return c->anomaly ? EL_ALERT : EL_PROC1 + c->series % THEME_PROCESS_COLOURS;
	case CHART_MARKS:
		return c->anomaly ? EL_ALERT : EL_LABEL;
	case CHART_TEXT:
	case CHART_BLANK:
		return EL_TEXT;
	default:
		return EL_BORDER;
	}
}

static void
draw_chart(const struct app *a, const struct rect *r, int row, const struct sweep_chart *c)
{
	char buf[2];
	struct pen p;

	for (unsigned y = 0; y < c->height && row + (int)y < r->h; y++) {
		pen_at(&p, a, r, row + (int)y, 0);
		for (unsigned x = 0; x < c->width; x++) {
			const struct chart_cell *cell = sweep_chart_at(c, y, x);

			pen_put(&p, element_of(cell), sweep_chart_glyph(cell, a->g->ascii, buf));
		}
	}
}

/* What was run, on the first row. */
static void
draw_heading(const struct app *a, const struct rect *r, const struct sweep_view *s)
{
	struct pen p;

	pen_at(&p, a, r, 0, 0);
	pen_printf(&p, EL_LABEL, "sweep");
	pen_printf(&p, EL_TEXT, ": faults of the session's %zu operation%s with 1 to %u "
	    "frames%sS closes", history_length(a->h), plural(history_length(a->h)),
	    s->plan.frames_last, a->g->sep);
}

/* The anomalies, or that there is none, from row `row` on. */
static void
draw_anomalies(const struct app *a, const struct rect *r, int row, const struct sweep_view *s)
{
	char text[128];
	struct pen p;

	for (size_t i = 0; i < s->nanomalies && row < r->h; i++, row++) {
		belady_describe(&s->anomalies[i], text, sizeof text);
		pen_at(&p, a, r, row, 0);
		pen_put(&p, EL_ALERT, "Belady's anomaly: ");
		pen_put_cut(&p, EL_TEXT, text);
	}
	if (s->nanomalies == 0 && row < r->h) {
		pen_at(&p, a, r, row, 0);
		pen_put_cut(&p, EL_TEXT, "Belady's anomaly: none (no policy faults more with "
		    "more frames)");
	}
}

/* The policies whose runs ran out of memory, a line each, from row `row` on. */
static void
draw_out_of_memory(const struct app *a, const struct rect *r, int row,
		   const struct sweep_view *s)
{
	char text[256];
	struct pen p;

	for (unsigned i = 0; i < s->plan.npolicies && row < r->h; i++) {
		if (sweep_oom_describe(&s->plan, s->r, i, text, sizeof text) < 0)
			continue;
		pen_at(&p, a, r, row++, 0);
		pen_put(&p, EL_ALERT, "out of memory: ");
		pen_put_cut(&p, EL_TEXT, text);
	}
}

/* How many lines draw_out_of_memory draws. */
static int
out_of_memory_lines(const struct sweep_view *s)
{
	char text[8];
	int n = 0;

	for (unsigned i = 0; i < s->plan.npolicies; i++)
		n += sweep_oom_describe(&s->plan, s->r, i, text, sizeof text) >= 0;
	return n;
}

void
sweep_screen_draw(const struct app *a)
{
	const struct sweep_view *s = &a->sweep;
	/* Between the title and the prompt. */
	struct rect body = { 1, 1, a->layout.cols - 2, a->layout.rows - 2 };
	int listed = (s->nanomalies ? (int)s->nanomalies : 1) +
	    (s->built && s->why[0] == '\0' ? out_of_memory_lines(s) : 0);
	/* Rows: the heading, a blank, the legend (one at least), the plot, two
	 * for the x axis, a blank, the anomalies. */
	int plot = body.h - 6 - listed;
	struct sweep_chart c;
	struct pen p;
	int below;

	view_title.draw(a, &(struct rect){ 0, 0, a->layout.cols, 1 });
	view_prompt.draw(a, &(struct rect){ 0, a->layout.rows - 1, a->layout.cols, 1 });
	if (s->why[0] != '\0' || !s->built) {
		pen_at(&p, a, &body, 0, 0);
		pen_put_cut(&p, EL_ERROR, s->built ? s->why : "no sweep was run");
		return;
	}
	draw_heading(a, &body, s);
	sweep_chart_layout(&c, &s->plan, s->r, s->anomalies, s->nanomalies,
	    (unsigned)body.w, plot > SWEEP_CHART_MIN_PLOT ? (unsigned)plot : SWEEP_CHART_MIN_PLOT);
	draw_chart(a, &body, 2, &c);
	below = 2 + (int)c.height + 1;
	draw_anomalies(a, &body, below, s);
	draw_out_of_memory(a, &body, below + (s->nanomalies ? (int)s->nanomalies : 1), s);
	sweep_chart_free(&c);
}
