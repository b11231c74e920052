/*
 * views.c - the table of views by panel, and list scrolling shared by
 * every list view: the rows follow the cell the current event touches,
 * and PgUp/PgDn or the wheel move them from there.
 */
#include <stdint.h>

#include "view.h"

static const struct view *const views[PANEL_COUNT] = {
	[PANEL_TITLE] = &view_title,
	[PANEL_ADDRESS] = &view_address,
	[PANEL_PAGES] = &view_pages,
	[PANEL_PAGE_TABLE] = &view_page_table,
	[PANEL_FRAMES] = &view_frames,
	[PANEL_SWAP] = &view_swap,
	[PANEL_TABLE] = &view_table,
	[PANEL_THRASH] = &view_thrash,
	[PANEL_GROUPS] = &view_groups,
	[PANEL_TLB] = &view_tlb,
	[PANEL_NARRATION] = &view_narration,
	[PANEL_STATS] = &view_stats,
	[PANEL_PROMPT] = &view_prompt,
};

const struct view *
view_of(enum panel p)
{
	return (p < PANEL_COUNT ? views[p] : NULL);
}

static size_t
extent(const struct app *a, enum panel p, size_t *visible, size_t *focus)
{
	const struct view *v = view_of(p);

	*visible = 0;
	*focus = SIZE_MAX;
	if (v == NULL || v->extent == NULL || a->layout.r[p].w == 0)
		return (0);
	return (v->extent(a, &a->layout.r[p], visible, focus));
}

size_t
view_top(const struct app *a, enum panel p)
{
	size_t visible, focus, count = extent(a, p, &visible, &focus);

	return (scroll_top(count, visible, focus, a->scroll[p]));
}

size_t
view_visible(const struct app *a, enum panel p)
{
	size_t visible, focus;

	extent(a, p, &visible, &focus);
	return (visible);
}

void
view_scroll(struct app *a, enum panel p, long rows)
{
	size_t visible, focus, count = extent(a, p, &visible, &focus);
	size_t base = scroll_top(count, visible, focus, 0);
	size_t top = scroll_top(count, visible, focus, a->scroll[p] + rows);

	/* Keep the offset to what actually moved, so scrolling back is prompt. */
	a->scroll[p] = (long)top - (long)base;
}

int
hex_digits(uint64_t v)
{
	int n = 1;

	while (v >>= 4)
		n++;
	return (n);
}
