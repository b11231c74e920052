/*
 * slots.c - drawing, clicking and scrolling a list of frames or swap
 * slots: the geometry is worked out once per call from the machine and
 * the panel's size.
 */
#include <stdio.h>

#include "draw.h"
#include "slots.h"
#include "text.h"

struct geometry {
	struct rect in;         /* where the entries go (below the heading row) */
	size_t count, focus;
	int index_w, owner_w, maps_w, entry_w, cols;
	int column_w;           /* the list's own column, 0: none; */
	bool narrow;            /* ... in its narrow form */
	bool marker;            /* room for the marker after it */
	int pitch;              /* screen rows per row of entries */
	bool down;              /* all fit: numbered down the columns */
	int touched;            /* the first entry the event is on, or -1 */
	int touched_run;        /* how many from it */
};

static int
dec_digits(uint64_t v)
{
	return (snprintf(NULL, 0, "%llu", (unsigned long long)v));
}

static size_t
rows_of(const struct geometry *g)
{
	return ((g->count + (size_t)g->cols - 1) / (size_t)g->cols);
}

/* " ×2": room for the count of mappings, once some entry has several. */
static int
maps_width(const struct app *a, unsigned most)
{
	return (most > 1 ? 1 + text_width(a->g->times) + dec_digits(most) : 0);
}

void
slot_from_rmap(const struct machine *m, const struct rmap *r, struct slot *out)
{
	struct mapping first = rmap_first(r);

	*out = (struct slot){ .pid = first.pid, .vpn = first.vpn, .maps = r->count,
		.sharing = r->count > 1 ? rmap_sharing(m, r) : SHARING_NONE };
}

/*
 * The list's own column, if it has one, beside the owner: wide with the
 * marker after it if that fits, else wide where the marker would be (a
 * touched entry is still drawn in its colour), else narrow with the
 * marker, or without; else none at all, heading included (a cut column
 * would head values it cannot show).
 */
static void
fit_column(const struct slot_list *l, const struct app *a, struct geometry *g)
{
	int wide = l->column_width ? l->column_width(a, false) : 0;
	int base = g->entry_w - 3, room;

	g->column_w = 0;
	g->marker = true;
	if (wide == 0)
		return;
	g->in.y++;              /* the heading row */
	g->in.h--;
	room = g->in.w - base - 1;
	g->narrow = wide > room;
	g->column_w = g->narrow ? l->column_width(a, true) : wide;
	if (g->column_w > room) {
		g->in.y--;
		g->in.h++;
		g->column_w = 0;
		return;
	}
	g->marker = g->column_w + 2 <= room;
	g->entry_w = base + 1 + g->column_w + (g->marker ? 2 : 0) + 1;
}

static void
measure(const struct slot_list *l, const struct app *a, const struct rect *r,
	struct geometry *g)
{
	uint64_t pages = machine_pages_per_process(a->m);

	g->in = rect_inner(r);
	g->count = l->count(a->m);
	g->index_w = dec_digits(g->count > 0 ? g->count - 1 : 0);
	g->owner_w = dec_digits(a->m->next_pid > 1 ? (uint64_t)a->m->next_pid - 1 : 1) +
	    3 + hex_digits(pages > 0 ? pages - 1 : 0);
	g->maps_w = maps_width(a, l->max_maps(a->m));
	g->entry_w = 1 + g->index_w + 2 + g->owner_w + (l->dirty ? 2 : 0) + g->maps_w + 2 + 1;
	fit_column(l, a, g);
	g->cols = g->in.w / g->entry_w;
	if (g->cols < 1)
		g->cols = 1;
	/* No more columns than it takes to show them all. */
	if (g->in.h > 0 && (size_t)g->cols * (size_t)g->in.h > g->count)
		g->cols = (int)((g->count + (size_t)g->in.h - 1) / (size_t)g->in.h);
	if (g->cols < 1)
		g->cols = 1;
	g->down = (size_t)g->cols * (size_t)g->in.h >= g->count;
	g->pitch = layout_pitch(&a->layout, rows_of(g), g->in.h);
	g->touched = l->touched(a, &g->touched_run);
	g->focus = SIZE_MAX;
	if (g->touched >= 0 && (size_t)g->touched < g->count)
		g->focus = g->down ? 0 : (size_t)g->touched / (size_t)g->cols;
}

/* The entry at a row (of the list) and column. */
static size_t
entry_at(const struct geometry *g, size_t row, int col)
{
	if (g->down)
		return ((size_t)col * rows_of(g) + row);
	return (row * (size_t)g->cols + (size_t)col);
}

static size_t
top_of(const struct slot_list *l, const struct app *a, const struct geometry *g)
{
	return (scroll_top(rows_of(g), (size_t)g->in.h, g->focus, a->scroll[l->panel]));
}

/* Entry i's cell in the list's own column, cut to the column's width. */
static void
draw_column(const struct slot_list *l, const struct app *a, const struct geometry *g,
	    struct pen *p, size_t i)
{
	char cell[64];
	int end = p->end;

	l->column_cell(a, (int)i, g->narrow, cell, sizeof cell);
	pen_put(p, EL_TEXT, " ");
	if (p->x + g->column_w < end)
		p->end = p->x + g->column_w;
	pen_put_cut(p, EL_TEXT, cell);
	pen_skip_to(p, p->end);
	p->end = end;
}

/*
 * The heading row over each column of entries: from where the list's own
 * column starts, or as far left as it must start to fit.
 */
static void
draw_heading(const struct slot_list *l, const struct app *a, const struct geometry *g)
{
	struct rect row = { g->in.x, g->in.y - 1, g->in.w, 1 };
	int room = g->cols == 1 ? g->in.w : g->entry_w - 1;
	int start = g->entry_w - 2 - (g->marker ? 2 : 0) - g->column_w;
	const char *h = l->column_header(a, room);
	int x = room - text_width(h) < start ? room - text_width(h) : start;
	struct pen p;

	for (int c = 0; c < g->cols; c++) {
		pen_at(&p, a, &row, 0, c * g->entry_w + (x > 0 ? x : 0));
		if (row.x + c * g->entry_w + room < p.end)
			p.end = row.x + c * g->entry_w + room;
		pen_put_cut(&p, EL_DIM, h);
	}
}

static void
draw_entry(const struct slot_list *l, const struct app *a, const struct geometry *g,
	   struct pen *p, size_t i)
{
	bool touched = g->touched >= 0 && i >= (size_t)g->touched &&
	    i < (size_t)g->touched + (size_t)g->touched_run;
	enum element el = touched ? touch_element(a) : EL_DIM;
	struct slot s;
	char owner[48];
	int w;

	l->get(a->m, i, &s);
	pen_printf(p, touched ? el : EL_TEXT, "%*zu ", g->index_w, i);
	/* The dirty bit before the owner, where a long VPN cannot push it out. */
	if (l->dirty)
		pen_put(p, touched ? el : EL_DIRTY, s.huge ? "H " : s.dirty ? "D " : "  ");
	else
		pen_put(p, el, " ");
	if (s.pid == 0)
		snprintf(owner, sizeof owner, "%s", a->g->free);
	else if (s.table)
		snprintf(owner, sizeof owner, "%d:PT%u", s.pid, s.table);
	else
		snprintf(owner, sizeof owner, "%d:0x%llx", s.pid, (unsigned long long)s.vpn);
	/* A page number never loses digits unmarked: cut, it ends in an ellipsis. */
	w = pen_put_cut(p, touched ? el : (s.pid ? theme_process(s.pid) : EL_DIM), owner);
	if (w < g->owner_w)
		pen_printf(p, EL_TEXT, "%*s", g->owner_w - w, "");
	if (s.maps > 1)
		w = pen_printf(p, touched ? el : sharing_element(s.sharing, EL_TEXT), " %s%u",
		    a->g->times, s.maps);
	else
		w = 0;
	if (w < g->maps_w)
		pen_printf(p, EL_TEXT, "%*s", g->maps_w - w, "");
	if (g->column_w > 0)
		draw_column(l, a, g, p, i);
	if (touched && g->marker)
		pen_printf(p, el, " %s", a->g->marker);
}

/* The entries scrolled out of sight, said on the bottom border. */
static void
draw_hidden(const struct app *a, const struct rect *r, const struct geometry *g,
	    size_t top, size_t rows)
{
	size_t shown_end = g->down ? g->count : (top + rows) * (size_t)g->cols;

	draw_scrolled_out(a, r, g->down ? 0 : top * (size_t)g->cols,
	    shown_end < g->count ? g->count - shown_end : 0);
}

void
slots_draw(const struct slot_list *l, const struct app *a, const struct rect *r)
{
	struct geometry g;
	char title[64];
	struct pen p;
	size_t top, row, i;
	int c;

	measure(l, a, r, &g);
	l->title(a, title, sizeof title);
	draw_box(a, r, title);
	if (g.column_w > 0)
		draw_heading(l, a, &g);
	top = top_of(l, a, &g);
	for (row = 0; row * (size_t)g.pitch < (size_t)g.in.h && top + row < rows_of(&g);
	    row++) {
		for (c = 0; c < g.cols; c++) {
			i = entry_at(&g, top + row, c);
			if (i >= g.count)
				break;
			pen_at(&p, a, &g.in, (int)row * g.pitch, 1 + c * g.entry_w);
			draw_entry(l, a, &g, &p, i);
		}
	}
	draw_hidden(a, r, &g, top, row);
}

bool
slots_click(const struct slot_list *l, const struct app *a, const struct rect *r,
	    int y, int x, char *buf, size_t size)
{
	struct geometry g;
	size_t i;
	int c;

	measure(l, a, r, &g);
	if (!rect_contains(&g.in, y, x) || x == g.in.x)
		return (false);
	c = (x - g.in.x - 1) / g.entry_w;
	if (c >= g.cols)
		return (false);
	i = entry_at(&g, top_of(l, a, &g) + (size_t)((y - g.in.y) / g.pitch), c);
	if (i >= g.count)
		return (false);
	l->explain(a, (int)i, buf, size);
	return (true);
}

size_t
slots_extent(const struct slot_list *l, const struct app *a, const struct rect *r,
	     size_t *visible, size_t *focus)
{
	struct geometry g;

	measure(l, a, r, &g);
	*visible = (size_t)g.in.h;
	*focus = g.focus;
	return (rows_of(&g));
}
