/*
 * table_panel.c - the frames-by-time table of the main machine as a band
 * under the grids (key f, or a session's display.table): the reference
 * string with the cursor, one row per frame, the faults' row.  Frames that do not fit are named in the title.
 */
#include <stdio.h>

#include "draw.h"
#include "policy.h"
#include "time_table.h"
#include "view.h"

/* Rows around the frames: the frame's two sides, the strip, the faults. */
#define TABLE_EXTRA_ROWS 4

int
table_panel_rows(const struct app *a)
{
	unsigned f = a->m->cfg.frames < FT_FRAMES_MAX ? a->m->cfg.frames : FT_FRAMES_MAX;

	return ((int)f + TABLE_EXTRA_ROWS);
}

int
table_panel_min_rows(void)
{
	return (1 + TABLE_EXTRA_ROWS);
}

static void
table_title(const struct app *a, unsigned shown, char *buf, size_t size)
{
	const struct frames_table *t = &a->scene.table;
	int n = snprintf(buf, size, "frames by time%s%s", a->g->sep,
	    policy_at(a->m->cfg.policy)->name);

	if (t->first > 0 && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "%sfrom access %zu", a->g->sep,
		    t->first + 1);
	if (shown < a->m->cfg.frames && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "%sframes 0-%u of %u", a->g->sep,
		    shown - 1, a->m->cfg.frames);
}

static void
table_draw(const struct app *a, const struct rect *r)
{
	struct rect in = rect_inner(r);
	unsigned f, shown = in.h > 2 ? (unsigned)in.h - 2 : 0;
	struct tt_geometry g;
	char title[160];

	if (!a->scene.built)
		return;
	if (shown > a->scene.table.frames)
		shown = a->scene.table.frames;
	table_title(a, shown, title, sizeof title);
	draw_box(a, r, title);
	tt_fit(&a->scene, in.w, &g);
	tt_draw_strip(a, &in, 0, &a->scene, &g);
	for (f = 0; f < shown; f++)
		tt_draw_frame(a, &in, 1 + (int)f, f, &a->scene, &g);
	tt_draw_faults(a, &in, 1 + (int)shown, &a->scene, &g);
}

const struct view view_table = {
	.panel = PANEL_TABLE,
	.draw = table_draw,
};
