/*
 * frames_panel.c - physical memory: each frame's owner (pid:VPN, coloured
 * by process) and dirty bit, or a process's page table (pid:PT2 for its
 * level-2 table); free frames plain.
 */
#include <stdio.h>

#include "page_walk.h"
#include "slots.h"

static size_t
frame_count(const struct machine *m)
{
	return (m->cfg.frames);
}

static void
frame_get(const struct machine *m, size_t i, struct slot *out)
{
	struct mapping first = frame_first(m, (int)i);
	const struct pt_table *t = walk_table_in_frame(m, (int)i);

	out->pid = first.pid;
	out->vpn = first.vpn;
	out->dirty = !frame_is_free(m, (int)i) && frame_dirty(m, (int)i);
	out->table = t ? t->depth + 1 : 0;
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
	.touched = touched_frame,
	.explain = explain_frame,
	.title = frame_title,
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
