/*
 * page_table_panel.c - the shown process's page-table entries, one row per
 * touched page: VPN, present, dirty, referenced, permissions, and where
 * the page is (frame fN or swap slot sN).  Wide panels add when the
 * resident page was loaded and last used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "view.h"
#include "xalloc.h"


struct table {
	const struct process *p;
	uint64_t *vpns;
	size_t count, focus;
	int digits;
	bool wide;              /* room for the loaded and used columns */
	struct rect in;
};

static void
table_open(struct table *t, const struct app *a, const struct rect *r)
{
	const struct event *acc = app_access(a);
	size_t i;

	memset(t, 0, sizeof *t);
	t->in = rect_inner(r);
	t->focus = SIZE_MAX;
	t->p = app_process(a);
	if (t->p == NULL)
		return;
	t->vpns = xcalloc(t->p->pt.count + 1, sizeof *t->vpns);
	t->count = page_table_sorted_vpns(&t->p->pt, t->vpns, t->p->pt.count);
	t->digits = hex_digits(t->count > 0 ? t->vpns[t->count - 1] : 0);
	t->wide = t->in.w >= 1 + t->digits + 2 + 7 + 5 + 4 + 12;
	for (i = 0; i < t->count; i++) {
		if (touches_pte(a, t->p->pid, t->vpns[i]) ||
		    (acc != NULL && acc->pid == t->p->pid && acc->vpn == t->vpns[i]))
			t->focus = i;
	}
}

static size_t
table_top(const struct app *a, const struct table *t)
{
	return (scroll_top(t->count, (size_t)(t->in.h > 1 ? t->in.h - 1 : 0), t->focus,
	    a->scroll[PANEL_PAGE_TABLE]));
}

static void
draw_header(const struct app *a, const struct table *t)
{
	struct pen p;

	pen_at(&p, a, &t->in, 0, 1);
	pen_printf(&p, EL_HEADER, "%-*s P D R at   perm", t->digits + 2, "VPN");
	if (t->wide)
		pen_put(&p, EL_HEADER, " loaded used");
}

/* Where the page is: frame fN, swap slot sN, or nowhere yet. */
static void
draw_where(struct pen *p, const struct pte *e, enum element row)
{
	if (e->present)
		pen_printf(p, row != EL_TEXT ? row : EL_RESIDENT, "f%-4d", e->frame);
	else if (e->slot >= 0)
		pen_printf(p, row != EL_TEXT ? row : EL_SWAPPED, "s%-4d", e->slot);
	else
		pen_put(p, row != EL_TEXT ? row : EL_DIM, "-    ");
}

/* Wide panels: when the resident page was loaded and last used. */
static void
draw_steps(const struct app *a, struct pen *p, const struct pte *e, enum element row)
{
	const struct frame *f;

	if (!e->present)
		return;
	f = &a->m->frames[e->frame];
	pen_printf(p, row, " %6llu %4llu", (unsigned long long)f->loaded_step,
	    (unsigned long long)f->last_used_step);
}

static void
draw_entry(const struct app *a, const struct table *t, int row, const struct pte *e)
{
	bool touched = touches_pte(a, t->p->pid, e->vpn);
	enum element el = touched ? touch_element(a) : EL_TEXT;
	char vpn[32];
	struct pen p;

	pen_at(&p, a, &t->in, row, 0);
	pen_put(&p, el, touched ? a->g->pointer : " ");
	snprintf(vpn, sizeof vpn, "0x%llx", (unsigned long long)e->vpn);
	pen_printf(&p, el, "%-*s ", t->digits + 2, vpn);
	pen_put(&p, touched ? el : (e->present ? EL_RESIDENT : EL_DIM), e->present ? "1" : "0");
	if (e->present) {
		pen_put(&p, el, " ");
		pen_put(&p, touched ? el : (e->dirty ? EL_DIRTY : EL_TEXT), e->dirty ? "1" : "0");
		pen_printf(&p, el, " %s ", e->referenced ? "1" : "0");
	} else
		pen_put(&p, el, " - - ");
	draw_where(&p, e, el);
	pen_printf(&p, el, "%-4s", perm_name(e->perm));
	if (t->wide)
		draw_steps(a, &p, e, el);
	if (touched)
		pen_repeat(&p, el, " ", pen_left(&p));
}

static void
page_table_draw(const struct app *a, const struct rect *r)
{
	struct table t;
	size_t top, i;
	char title[48];

	table_open(&t, a, r);
	if (t.p == NULL) {
		draw_box(a, r, "page table");
		return;
	}
	snprintf(title, sizeof title, "page table%spid %d", a->g->sep, t.p->pid);
	draw_box(a, r, title);
	draw_header(a, &t);
	top = table_top(a, &t);
	for (i = 0; (int)i + 1 < t.in.h && top + i < t.count; i++)
		draw_entry(a, &t, (int)i + 1, page_table_find(&t.p->pt, t.vpns[top + i]));
	free(t.vpns);
}

static bool
page_table_click(const struct app *a, const struct rect *r, int y, int x, char *buf,
		 size_t size)
{
	struct table t;
	size_t i;
	bool ok = false;

	table_open(&t, a, r);
	if (t.p != NULL && rect_contains(&t.in, y, x) && y > t.in.y) {
		i = table_top(a, &t) + (size_t)(y - t.in.y - 1);
		if (i < t.count) {
			explain_page(a, t.p, t.vpns[i], buf, size);
			ok = true;
		}
	}
	free(t.vpns);
	return (ok);
}

static size_t
page_table_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	struct table t;

	table_open(&t, a, r);
	free(t.vpns);
	*visible = (size_t)(t.in.h > 1 ? t.in.h - 1 : 0);
	*focus = t.focus;
	return (t.count);
}

const struct view view_page_table = {
	.panel = PANEL_PAGE_TABLE,
	.draw = page_table_draw,
	.click = page_table_click,
	.extent = page_table_extent,
};
