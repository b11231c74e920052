/*
 * page_table_panel.c - the shown process's page-table entries, one row per
 * touched page: VPN, present, dirty, referenced, where the page is (frame
 * fN or swap slot sN) and permissions, marked ▲ copy-on-write or ◆ shared
 * (△ or ◇ when it is in swap, as in the pages grid; sharing.h); and the
 * entry a walk is reading,
 * with P = 0, even for a page never touched, or "not mapped" for a page
 * outside every region (no entry exists).  Wide panels add when the resident
 * page was loaded and last used.  When every live process's table fits,
 * they are stacked under one heading, in pid order.  On a multi-level
 * machine the walk's path heads the panel, a line for each entry it read
 * (walk_path.h); key L shows the whole tree instead (tree_view.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "pte_rows.h"
#include "sharing.h"
#include "view.h"
#include "walk_path.h"
#include "xalloc.h"

struct table {
	const struct process *p;
	uint64_t *vpns;
	size_t count, focus;
	struct rect in;         /* where its entries go */
	int pitch;              /* screen rows per entry */
};

/* The tables shown: every process's if they fit stacked, or the shown one. */
struct tables {
	size_t n;
	struct table t[VIEW_STACK_MAX];
	const struct event *path[LEVELS_MAX];   /* the walk's steps shown, top first */
	size_t path_n;
	struct rect path_at;    /* their rows, above the headings */
	struct rect in;         /* inside the box, below them; row 0 holds the headings */
	int digits;
	bool wide;              /* room for the loaded and used columns */
};

static void
table_open(struct table *t, const struct app *a, const struct process *p)
{
	const struct event *acc = app_access(a);
	size_t i;

	memset(t, 0, sizeof *t);
	t->focus = SIZE_MAX;
	t->pitch = 1;
	t->p = p;
	if (p == NULL)
		return;
	t->vpns = xcalloc(p->pt.count + 1, sizeof *t->vpns);
	t->count = pte_rows(p, a->events.ev, a->anim.ev < a->events.n ? a->anim.ev :
	    a->events.n, t->vpns);
	for (i = 0; i < t->count; i++) {
		if (touches_pte(a, p->pid, t->vpns[i]) ||
		    (acc != NULL && acc->pid == p->pid && acc->vpn == t->vpns[i]))
			t->focus = i;
	}
}

static void
tables_close(struct tables *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++)
		free(ts->t[i].vpns);
	ts->n = 0;
}

/* Stacks every table under a line with its process's name, if all fit. */
static bool
stack(struct tables *ts)
{
	int y = 1;
	size_t i;

	for (i = 0; i < ts->n; i++)
		y += (int)ts->t[i].count + 1;
	if (ts->n < 2 || y > ts->in.h)
		return (false);
	for (y = 1, i = 0; i < ts->n; y += (int)ts->t[i++].count + 1)
		ts->t[i].in = (struct rect){ ts->in.x, ts->in.y + y + 1, ts->in.w,
		    (int)ts->t[i].count };
	return (true);
}

/*
 * The rows the walk's path takes above the headings: the steps shown so
 * far, as many as leave the headings and one entry their rows.
 */
static void
path_open(struct tables *ts, const struct app *a)
{
	size_t shown = a->anim.ev < a->events.n ? a->anim.ev : a->events.n;

	ts->path_n = walk_path(a->m->cfg.levels, a->events.ev, shown, ts->path);
	while (ts->path_n > 0 && (int)ts->path_n + 2 > ts->in.h)
		ts->path_n--;
	ts->path_at = (struct rect){ ts->in.x, ts->in.y, ts->in.w, (int)ts->path_n };
	ts->in.y += (int)ts->path_n;
	ts->in.h -= (int)ts->path_n;
}

/* No path when the process walked is not among those drawn: its rows go back. */
static void
path_close_unless_drawn(struct tables *ts, const struct app *a)
{
	const struct event *acc = app_access(a);

	for (size_t i = 0; acc != NULL && i < ts->n; i++)
		if (ts->t[i].p != NULL && ts->t[i].p->pid == acc->pid)
			return;
	ts->in.y -= (int)ts->path_n;
	ts->in.h += (int)ts->path_n;
	ts->path_n = 0;
}

static void
tables_open(struct tables *ts, const struct app *a, const struct rect *r)
{
	const struct process *procs[VIEW_STACK_MAX];
	size_t i;

	ts->n = app_processes(a, procs, VIEW_STACK_MAX);
	ts->in = rect_inner(r);
	path_open(ts, a);
	if (ts->n > VIEW_STACK_MAX)
		ts->n = 0;
	for (i = 0; i < ts->n; i++)
		table_open(&ts->t[i], a, procs[i]);
	path_close_unless_drawn(ts, a);
	if (!stack(ts)) {
		tables_close(ts);
		table_open(&ts->t[0], a, app_process(a));
		ts->n = 1;
		ts->in = rect_inner(r);
		path_open(ts, a);
		path_close_unless_drawn(ts, a);
		ts->t[0].in = (struct rect){ ts->in.x, ts->in.y + 1, ts->in.w,
		    ts->in.h > 1 ? ts->in.h - 1 : 0 };
		ts->t[0].pitch = layout_pitch(&a->layout, ts->t[0].count, ts->t[0].in.h);
	}
	ts->digits = 1;
	for (i = 0; i < ts->n; i++) {
		const struct table *t = &ts->t[i];
		int d = hex_digits(t->count > 0 ? t->vpns[t->count - 1] : 0);

		ts->digits = d > ts->digits ? d : ts->digits;
	}
	ts->wide = ts->in.w >= 1 + ts->digits + 2 + 7 + 5 + 4 + 12;
}

static size_t
table_top(const struct app *a, const struct tables *ts, const struct table *t)
{
	if (ts->n > 1)
		return (0);
	return (scroll_top(t->count, (size_t)t->in.h, t->focus, a->scroll[PANEL_PAGE_TABLE]));
}

/* The walk's path, a step a line; the step being shown lit. */
static void
draw_path(const struct app *a, const struct tables *ts)
{
	size_t shown = a->anim.ev < a->events.n ? a->anim.ev : a->events.n;
	char line[96];
	struct pen p;

	for (size_t i = 0; i < ts->path_n; i++) {
		bool now = ts->path[i] == app_event(a);

		walk_step_text(ts->path[i], walk_step_filled(ts->path[i], a->events.ev, shown),
		    a->g->arrow, line, sizeof line);
		pen_at(&p, a, &ts->path_at, (int)i, 1);
		pen_put_cut(&p, now ? touch_element(a) : EL_TEXT, line);
	}
}

static void
draw_header(const struct app *a, const struct tables *ts)
{
	struct pen p;

	pen_at(&p, a, &ts->in, 0, 1);
	pen_printf(&p, EL_HEADER, "%-*s P D R at   perm", ts->digits + 2, "VPN");
	if (ts->wide)
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

/* The permissions, then a copy-on-write or shared page's mark, the same as
 * the pages grid's (▲ or ◆ in a frame, △ or ◇ in swap), or H in the fourth
 * column for a huge page's one entry. */
static void
draw_perm(const struct app *a, struct pen *p, const struct pte *e, bool found,
	  bool huge, enum element row)
{
	enum sharing s = found ? pte_sharing(a->m, e) : SHARING_NONE;
	const char *perm = perm_name(e->perm);

	pen_put(p, row, perm);
	if (s != SHARING_NONE) {
		pen_put(p, row != EL_TEXT ? row : sharing_element(s, row),
		    sharing_glyph(a->g, s, e->present));
		pen_repeat(p, row, " ", 3 - (int)strlen(perm));
	} else if (huge) {
		/* A huge page's one entry: H, as its frames are marked */
		pen_repeat(p, row, " ", 3 - (int)strlen(perm));
		pen_put(p, row, "H");
	} else
		pen_repeat(p, row, " ", 4 - (int)strlen(perm));
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
draw_entry(const struct app *a, const struct tables *ts, const struct table *t, int row,
	   uint64_t vpn)
{
	const struct region *reg = process_region(t->p, vpn);
	/* A walk may read a page with no entry yet: P = 0, nowhere. */
	struct pte none = { .vpn = vpn, .frame = NO_FRAME, .slot = NO_SLOT,
		.perm = reg != NULL ? reg->perm : 0 };
	const struct pte *found = page_table_find(&t->p->pt, vpn);
	const struct pte *e = found != NULL ? found : &none;
	bool touched = touches_pte(a, t->p->pid, e->vpn);
	enum element el = touched ? touch_element(a) : EL_TEXT;
	char label[32];
	struct pen p;

	pen_at(&p, a, &t->in, row, 0);
	pen_put(&p, el, touched ? a->g->pointer : " ");
	snprintf(label, sizeof label, "0x%llx", (unsigned long long)e->vpn);
	pen_printf(&p, el, "%-*s ", ts->digits + 2, label);
	if (found == NULL && reg == NULL) {
		/* A walk found no mapping: say so, never draw a PTE with P = 0. */
		pen_put(&p, touched ? el : EL_DIM, "not mapped");
		if (touched)
			pen_repeat(&p, el, " ", pen_left(&p));
		return;
	}
	pen_put(&p, touched ? el : (e->present ? EL_RESIDENT : EL_DIM), e->present ? "1" : "0");
	if (e->present) {
		pen_put(&p, el, " ");
		pen_put(&p, touched ? el : (e->dirty ? EL_DIRTY : EL_TEXT), e->dirty ? "1" : "0");
		pen_printf(&p, el, " %s ", pte_referenced(a->m, e) ? "1" : "0");
	} else
		pen_put(&p, el, " - - ");
	draw_where(&p, e, el);
	draw_perm(a, &p, e, found != NULL, reg != NULL && reg->huge, el);
	if (ts->wide)
		draw_steps(a, &p, e, el);
	if (touched)
		pen_repeat(&p, el, " ", pen_left(&p));
}

static void
draw_table(const struct app *a, const struct tables *ts, const struct table *t)
{
	size_t top = table_top(a, ts, t), i;

	if (ts->n > 1)
		draw_process_heading(a, &t->in, t->p);
	for (i = 0; (int)i * t->pitch < t->in.h && top + i < t->count; i++)
		draw_entry(a, ts, t, (int)i * t->pitch, t->vpns[top + i]);
}

static void
page_table_draw(const struct app *a, const struct rect *r)
{
	struct tables ts;
	char title[96], limit[48];
	size_t i;

	if (a->tree_on) {
		tree_draw(a, r);
		return;
	}
	tables_open(&ts, a, r);
	if (ts.t[0].p == NULL)
		snprintf(title, sizeof title, "page table");
	else if (ts.n > 1)
		snprintf(title, sizeof title, "page tables");
	else {
		process_limit_text(a, ts.t[0].p, limit, sizeof limit);
		snprintf(title, sizeof title, "page table%spid %d%s", a->g->sep,
		    ts.t[0].p->pid, limit);
	}
	draw_box(a, r, title);
	draw_path(a, &ts);
	if (ts.t[0].p != NULL)
		draw_header(a, &ts);
	for (i = 0; i < ts.n && ts.t[i].p != NULL; i++)
		draw_table(a, &ts, &ts.t[i]);
	tables_close(&ts);
}

static bool
page_table_click(const struct app *a, const struct rect *r, int y, int x, char *buf,
		 size_t size)
{
	struct tables ts;
	const struct table *t;
	size_t i, row;
	bool ok = false;

	if (a->tree_on)
		return (tree_click(a, r, y, x, buf, size));
	tables_open(&ts, a, r);
	for (i = 0; i < ts.n && !ok; i++) {
		t = &ts.t[i];
		if (t->p == NULL || !rect_contains(&t->in, y, x))
			continue;
		row = table_top(a, &ts, t) + (size_t)((y - t->in.y) / t->pitch);
		if (row < t->count) {
			explain_page(a, t->p, t->vpns[row], buf, size);
			ok = true;
		}
	}
	tables_close(&ts);
	return (ok);
}

static size_t
page_table_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	struct tables ts;
	size_t count = 0;

	if (a->tree_on)
		return (tree_extent(a, r, visible, focus));
	tables_open(&ts, a, r);
	*visible = (size_t)(ts.t[0].in.h > 0 ? ts.t[0].in.h : 0);
	*focus = ts.t[0].focus;
	if (ts.n == 1)
		count = ts.t[0].count;
	tables_close(&ts);
	return (count);      /* stacked tables all fit: nothing to scroll */
}

const struct view view_page_table = {
	.panel = PANEL_PAGE_TABLE,
	.draw = page_table_draw,
	.click = page_table_click,
	.extent = page_table_extent,
};
