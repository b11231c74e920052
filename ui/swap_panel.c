/*
 * swap_panel.c - swap space: which page each slot holds and, once several
 * page tables map it, how many (×2); free slots plain.
 */
#include <stdio.h>

#include "slots.h"

static size_t
slot_count(const struct machine *m)
{
	return (m->cfg.swap_slots);
}

static void
slot_get(const struct machine *m, size_t i, struct slot *out)
{
	slot_from_rmap(m, slot_rmap(m, (unsigned)i), out);
}

/* Only the slots ever used are stored: the others are free. */
static unsigned
slot_max_maps(const struct machine *m)
{
	unsigned most = 0;

	for (unsigned s = 0; s < m->swap_cap && s < m->cfg.swap_slots; s++)
		if (slot_rmap(m, s)->count > most)
			most = slot_rmap(m, s)->count;
	return (most);
}

static void
slot_title(const struct app *a, char *buf, size_t size)
{
	snprintf(buf, size, "swap%s%u/%u", a->g->sep, a->m->swap_used, a->m->cfg.swap_slots);
}

static const struct slot_list slots = {
	.panel = PANEL_SWAP,
	.count = slot_count,
	.get = slot_get,
	.max_maps = slot_max_maps,
	.touched = touched_slot,
	.explain = explain_slot,
	.title = slot_title,
};

static void
swap_draw(const struct app *a, const struct rect *r)
{
	slots_draw(&slots, a, r);
}

static bool
swap_click(const struct app *a, const struct rect *r, int y, int x, char *buf, size_t size)
{
	return (slots_click(&slots, a, r, y, x, buf, size));
}

static size_t
swap_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	return (slots_extent(&slots, a, r, visible, focus));
}

const struct view view_swap = {
	.panel = PANEL_SWAP,
	.draw = swap_draw,
	.click = swap_click,
	.extent = swap_extent,
};
