/*
 * panels.c - which panels are on screen.  Normal mode shows them all.
 * Projector mode shows what the session is about: the pages, the page
 * table and the frames; the TLB when the machine has one; swap when
 * anything is or goes there in the session.  The teacher's keys (1-5)
 * show or hide a panel over that rule, and a panel the event being shown
 * touches is shown whatever was chosen.  The frames-by-time table and the
 * thrashing view, when on, take bands under the grids, the table above;
 * so do the memory groups' usage, from the start of a session that makes
 * a named group.
 */
#include "app.h"
#include "cgroup.h"
#include "view.h"

/* The panels the keys 1-5 toggle, in the order of the keys. */
static const enum panel toggled[] = {
	PANEL_PAGES, PANEL_PAGE_TABLE, PANEL_FRAMES, PANEL_SWAP, PANEL_TLB,
};
#define NTOGGLED (sizeof toggled / sizeof toggled[0])

static const char *const panel_names[PANEL_COUNT] = {
	[PANEL_PAGES] = "virtual pages", [PANEL_PAGE_TABLE] = "page table",
	[PANEL_FRAMES] = "frames", [PANEL_SWAP] = "swap", [PANEL_TLB] = "TLB",
};

/* Whether the session ever puts a page in swap (then projector mode shows it). */
void
panels_learn(struct app *a)
{
	const struct machine *end = history_state(a->h, history_length(a->h));

	a->uses_swap = end->stats.writebacks > 0 || end->swap_used > 0 ||
	    history_initial(a->h)->swap_used > 0;
	a->uses_groups = cgroup_named(end) > 0 || cgroup_named(history_initial(a->h)) > 0;
}

static bool
by_rule(const struct app *a, enum panel p)
{
	if (!a->projector)
		return (true);
	if (p == PANEL_TLB)
		return (a->m->cfg.tlb_entries > 0);
	if (p == PANEL_SWAP)
		return (a->uses_swap || a->m->swap_used > 0);
	return (true);
}

/* Shown by the rule and the teacher's choice, the event aside. */
static bool
chosen(const struct app *a, enum panel p)
{
	if (a->panel_choice[p] != CHOICE_AUTO)
		return (a->panel_choice[p] == CHOICE_SHOWN);
	return (by_rule(a, p));
}

static bool
touched(const struct app *a, enum panel p)
{
	if (p == PANEL_TLB)
		return (touches_tlb(a));
	if (p == PANEL_SWAP)
		return (touches_swap(a));
	return (false);
}

unsigned
panels_layout_flags(const struct app *a)
{
	unsigned flags = a->projector ? LAYOUT_PROJECTOR : 0;
	size_t i;

	if (a->uses_groups || cgroup_named(a->m) > 0)
		flags |= LAYOUT_GROUPS;

	for (i = 0; i < NTOGGLED; i++) {
		if (!chosen(a, toggled[i]) && !touched(a, toggled[i]))
			flags |= LAYOUT_HIDE(toggled[i]);
	}
	return (flags);
}

unsigned
panels_toggle(struct app *a, unsigned n)
{
	enum panel p;
	bool show;

	if (n >= NTOGGLED)
		return (R_NONE);
	p = toggled[n];
	show = !chosen(a, p);
	a->panel_choice[p] = show ? CHOICE_SHOWN : CHOICE_HIDDEN;
	app_aside(a, "%s panel %s (key %u)%s", panel_names[p], show ? "shown" : "hidden",
	    n + 1, show ? "" : "; an event that touches it still shows it");
	return (R_RELAYOUT);
}

void
panels_place(struct app *a, int cols, int rows)
{
	layout_compute(&a->layout, cols, rows, panels_layout_flags(a));
	if (a->tree_on)
		layout_widen(&a->layout, PANEL_PAGE_TABLE, tree_width(a));
	if (a->thrash_on)
		layout_place_band(&a->layout, PANEL_THRASH, THRASH_PANEL_ROWS,
		    THRASH_PANEL_MIN_ROWS);
	if (a->table_on)
		layout_place_band(&a->layout, PANEL_TABLE, table_panel_rows(a),
		    table_panel_min_rows());
}
