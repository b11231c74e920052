/*
 * frames_panel.c - physical memory: each frame's owner (pid:VPN, coloured
 * by process), dirty bit and, once several page tables map it, how many
 * (×2), H for a page of a huge page (whose D is its entry's); or a
 * process's page table (pid:PT2 for its level-2 table); free frames
 * plain; and in a column of its own, what the replacement policy decides
 * from (policy_column.c).
 */
#include <stdio.h>

#include "page_walk.h"
#include "policy_column.h"
#include "slots.h"

static size_t
frame_count(const struct machine *m)
{
	return (m->cfg.frames);
}

static void
frame_get(const struct machine *m, size_t i, struct slot *out)
{
	const struct pt_table *t = walk_table_in_frame(m, (int)i);

	slot_from_rmap(m, frame_rmap(m, (int)i), out);
	out->dirty = !frame_is_free(m, (int)i) && frame_dirty(m, (int)i);
	out->table = t ? t->depth + 1 : 0;
	out->huge = frame_rmap(m, (int)i)->holds == HOLDS_HUGE;
}

static unsigned
frame_max_maps(const struct machine *m)
{
	unsigned most = 0;

	for (unsigned f = 0; f < m->cfg.frames; f++)
		if (frame_rmap(m, (int)f)->count > most)
			most = frame_rmap(m, (int)f)->count;
	return (most);
}

static void
frame_title(const struct app *a, char *buf, size_t size)
{
	snprintf(buf, size, "frames%s%u/%u", a->g->sep, a->m->cfg.frames - a->m->free_frames,
	    a->m->cfg.frames);
}

static const struct slot_list frames = {
	.panel = PANEL_FRAMES,
	.dirty = true,
	.count = frame_count,
	.get = frame_get,
	.max_maps = frame_max_maps,
	.touched = touched_frame,
	.explain = explain_frame,
	.title = frame_title,
	.column_width = policy_column_width,
	.column_header = policy_column_header,
	.column_cell = policy_column_cell,
};

static void
frames_draw(const struct app *a, const struct rect *r)
{
	slots_draw(&frames, a, r);
}

static bool
frames_click(const struct app *a, const struct rect *r, int y, int x, char *buf, size_t size)
{
	return (slots_click(&frames, a, r, y, x, buf, size));
}

static size_t
frames_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	return (slots_extent(&frames, a, r, visible, focus));
}

const struct view view_frames = {
	.panel = PANEL_FRAMES,
	.draw = frames_draw,
	.click = frames_click,
	.extent = frames_extent,
};
