/*
 * pages_panel.c - the shown process's virtual pages as a grid of cells,
 * "VPN glyph": blank unmapped, · never touched, ■ resident, ○ swapped,
 * ◌ dropped (evicted clean, no copy anywhere), ▲ △ copy-on-write and
 * ◆ ◇ shared (in a frame, in swap), ▣ the page being accessed,
 * ✗ an access to a page not mapped (refused); ▶ before the page an event
 * touches; with key w, • before a page in its process's working set.  A small
 * address space shows every page (more than 16: a VPN at the start of each
 * row, as in a hex dump); a large one (a 48-bit trace) only the pages
 * touched, so memory and time follow the pages used.  The grid scrolls
 * to follow the access, and between accesses opens on the first mapped
 * page.  When every live process's grid fits, they are
 * stacked in pid order, so two processes using the same virtual address
 * can be compared at a glance.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "pte_rows.h"
#include "sharing.h"
#include "text.h"
#include "view.h"
#include "xalloc.h"

/* Address spaces up to this many pages show every page. */
#define PAGES_ALL_MAX 4096u
/* Up to this many, each cell has its own VPN; beyond, each row has one. */
#define PAGES_LABELLED 16u

struct grid {
	const struct process *p;
	uint64_t *vpns;         /* touched pages, sorted; NULL: pages 0..count-1 */
	size_t count;
	size_t focus;           /* the item to keep in view, or SIZE_MAX */
	int digits, cols;
	int label_w;            /* a row's VPN, or 0: each cell has its own */
	int cell_w, gap;        /* a cell's columns, the last `gap` blank */
	int scale, cell_h;      /* a page's glyph: this many wide, rows high */
	int pitch;              /* screen rows per row of cells */
	struct rect in;
};

static uint64_t
item_vpn(const struct grid *g, size_t i)
{
	return (g->vpns != NULL ? g->vpns[i] : i);
}

/* The touched pages, with `extra` (the page being accessed) added. */
static void
touched_pages(struct grid *g, const struct process *p, uint64_t extra, bool add)
{
	size_t n = p->pt.count;

	g->vpns = xcalloc(n + 1, sizeof *g->vpns);
	n = page_table_sorted_vpns(&p->pt, g->vpns, n);
	if (add && page_table_find(&p->pt, extra) == NULL)
		n = vpns_insert(g->vpns, n, extra);
	g->count = n;
}

static size_t
find_item(const struct grid *g, uint64_t vpn)
{
	size_t lo = 0, hi = g->count;

	if (g->vpns == NULL)
		return (vpn < g->count ? (size_t)vpn : SIZE_MAX);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (g->vpns[mid] < vpn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo < g->count && g->vpns[lo] == vpn ? lo : SIZE_MAX);
}

/* Cells and columns: a power of two of them, so rows start at round VPNs. */
static void
grid_shape(struct grid *g, const struct app *a)
{
	bool row_labels = g->vpns == NULL && g->count > PAGES_LABELLED;

	g->label_w = row_labels ? g->digits + 1 : 0;
	g->gap = row_labels ? 1 : 2;
	g->cell_w = (row_labels ? 0 : g->digits + 1) + g->scale + g->gap;
	g->cols = 1;
	while (1 + g->label_w + g->cols * 2 * g->cell_w - g->gap <= g->in.w)
		g->cols *= 2;
	g->cols = layout_grid_cols(&a->layout, g->count, g->cols);
}

/* The grid of process p (NULL: none) in the area `in`. */
static void
grid_open(struct grid *g, const struct app *a, const struct rect *in,
	  const struct process *p)
{
	const struct event *acc = app_access(a);
	uint64_t pages = machine_pages_per_process(a->m);
	bool here;

	memset(g, 0, sizeof *g);
	g->p = p;
	g->in = *in;
	g->focus = SIZE_MAX;
	g->pitch = 1;
	g->cols = 1;            /* no process: a grid of no rows */
	g->scale = a->layout.cell_scale;
	g->cell_h = 1;
	if (g->p == NULL)
		return;
	here = acc != NULL && acc->pid == g->p->pid;
	if (pages <= PAGES_ALL_MAX)
		g->count = (size_t)pages;
	else
		touched_pages(g, g->p, here ? acc->vpn : 0, here);
	g->digits = hex_digits(g->count > 0 ? item_vpn(g, g->count - 1) : 0);
	grid_shape(g, a);
	if (here)
		g->focus = find_item(g, acc->vpn);
	else if (g->p->nregions > 0)
		/* At rest the grid opens on the first mapped page, not on
		 * empty rows from page 0 (a table's pages at 0x300). */
		g->focus = find_item(g, g->p->regions[0].first_vpn);
}

static void
grid_close(struct grid *g)
{
	free(g->vpns);
	g->vpns = NULL;
}

static size_t
grid_rows(const struct grid *g)
{
	return ((g->count + (size_t)g->cols - 1) / (size_t)g->cols);
}

/*
 * Projector mode, one grid alone: cells as large as the panel allows
 * (k rows high, 2k glyphs wide, so about square), a blank row after each
 * row of cells; or rows spaced as lists are.
 */
static void
grid_grow(struct grid *g, const struct app *a)
{
	int k, cols;

	for (k = a->layout.max_cell_rows; k > 1; k--) {
		g->scale = 2 * k;
		grid_shape(g, a);
		cols = g->cols;
		if ((int)grid_rows(g) * (k + 1) - 1 <= g->in.h &&
		    1 + g->label_w + cols * g->cell_w - g->gap <= g->in.w &&
		    (size_t)cols * (size_t)cols >= g->count) {
			g->cell_h = k;
			g->pitch = k + 1;
			return;
		}
	}
	g->scale = a->layout.cell_scale;
	grid_shape(g, a);
	g->pitch = layout_pitch(&a->layout, grid_rows(g), g->in.h);
}

/* The grids shown: every process's, if they fit stacked, or the shown one. */
struct stack {
	size_t n;
	struct grid g[VIEW_STACK_MAX];
};

static void
stack_close(struct stack *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		grid_close(&st->g[i]);
	st->n = 0;
}

static void
stack_open(struct stack *st, const struct app *a, const struct rect *r)
{
	const struct process *procs[VIEW_STACK_MAX];
	struct rect in = rect_inner(r), sub;
	size_t n = app_processes(a, procs, VIEW_STACK_MAX);
	int y = 0;

	st->n = 0;
	while (n > 1 && n <= VIEW_STACK_MAX && st->n < n && y <= in.h) {
		/* Each grid under a line with its process's name. */
		sub = (struct rect){ in.x, in.y + y + 1, in.w, 0 };
		grid_open(&st->g[st->n], a, &sub, procs[st->n]);
		st->g[st->n].in.h = (int)grid_rows(&st->g[st->n]);
		y += st->g[st->n++].in.h + 2;
	}
	if (st->n == n && n > 1 && y - 1 <= in.h)
		return;
	stack_close(st);
	grid_open(&st->g[0], a, &in, app_process(a));
	if (st->g[0].p != NULL)
		grid_grow(&st->g[0], a);
	st->n = 1;
}

bool
pages_all_stacked(const struct app *a)
{
	struct stack st;
	bool all;

	stack_open(&st, a, &a->layout.r[PANEL_PAGES]);
	all = st.n > 1;
	stack_close(&st);
	return (all);
}

static size_t
grid_focus_row(const struct grid *g)
{
	return (g->focus != SIZE_MAX ? g->focus / (size_t)g->cols : SIZE_MAX);
}

/* The first row shown: what view_top() gives, without building the grid twice. */
static size_t
grid_top(const struct app *a, const struct grid *g)
{
	return (scroll_top(grid_rows(g), (size_t)g->in.h, grid_focus_row(g),
	    a->scroll[PANEL_PAGES]));
}

/* A copy-on-write or shared page: its own glyph and colour. */
static void
share_look(const struct app *a, const struct grid *g, uint64_t vpn, bool in_frame,
	   const char **glyph, enum element *el)
{
	enum sharing s = pte_sharing(a->m, process_pte(a->m, g->p, vpn));

	if (s != SHARING_NONE) {
		*glyph = sharing_glyph(a->g, s, in_frame);
		*el = sharing_element(s, *el);
	}
}

/* The glyph and look of one page. */
static void
cell_look(const struct app *a, const struct grid *g, uint64_t vpn,
	  const char **glyph, enum element *el)
{
	static const enum element by_state[] = {
		[PAGE_UNMAPPED] = EL_DIM, [PAGE_UNTOUCHED] = EL_UNTOUCHED,
		[PAGE_RESIDENT] = EL_RESIDENT, [PAGE_SWAPPED] = EL_SWAPPED,
		[PAGE_DROPPED] = EL_UNTOUCHED,
	};
	const struct event *acc = app_access(a);
	enum page_state st = machine_page_state(a->m, g->p, vpn);
	const char *by_glyph[] = {
		[PAGE_UNMAPPED] = " ", [PAGE_UNTOUCHED] = a->g->untouched,
		[PAGE_RESIDENT] = a->g->resident, [PAGE_SWAPPED] = a->g->swapped,
		[PAGE_DROPPED] = a->g->dropped,
	};

	*glyph = by_glyph[st];
	*el = by_state[st];
	if (st == PAGE_RESIDENT || st == PAGE_SWAPPED)
		share_look(a, g, vpn, st == PAGE_RESIDENT, glyph, el);
	if (acc != NULL && acc->pid == g->p->pid && acc->vpn == vpn) {
		/* Not a real page being accessed: an address the MMU refuses. */
		*glyph = st == PAGE_UNMAPPED ? a->g->refused : a->g->current;
		*el = EL_CURRENT;
	}
	if (touches_page(a, g->p->pid, vpn))
		*el = touch_element(a);
}

/*
 * A page's cell, from the column before it: the pointer when it is
 * touched, else with key w the mark of a page in the working set.
 */
static void
draw_cell(const struct app *a, const struct grid *g, struct pen *p, uint64_t vpn)
{
	const struct event *acc = app_access(a);
	/* The accessed page keeps its pointer through every event of its access. */
	bool touched = touches_page(a, g->p->pid, vpn) ||
		       (acc != NULL && acc->pid == g->p->pid && acc->vpn == vpn);
	const char *glyph;
	enum element el;

	cell_look(a, g, vpn, &glyph, &el);
	if (touched)
		pen_put(p, el, a->g->pointer);
	else if (a->ws_marks && working_set_has(process_pte(a->m, g->p, vpn)))
		pen_put(p, EL_WORKING_SET, a->g->in_ws);
	else
		pen_put(p, EL_TEXT, " ");
	if (g->label_w == 0)
		pen_printf(p, touched ? el : EL_TEXT, "%*llx ", g->digits,
		    (unsigned long long)vpn);
	pen_repeat(p, el, glyph, g->scale);
}

/* The rows of a tall cell under its first: the glyph again, under itself. */
static void
draw_cell_below(const struct app *a, const struct grid *g, struct pen *p, uint64_t vpn)
{
	const char *glyph;
	enum element el;

	cell_look(a, g, vpn, &glyph, &el);
	pen_skip_to(p, p->x + 1 + (g->label_w == 0 ? g->digits + 1 : 0));
	pen_repeat(p, el, glyph, g->scale);
}

/* Row `row` of the grid on line y of the panel. */
static void
draw_row(const struct app *a, const struct grid *g, size_t row, int y)
{
	size_t i = row * (size_t)g->cols;
	struct pen p;
	int c;

	if (g->label_w > 0) {
		pen_at(&p, a, &g->in, y, 1);
		pen_printf(&p, EL_TEXT, "%*llx", g->digits, (unsigned long long)item_vpn(g, i));
	}
	for (c = 0; c < g->cols && i + (size_t)c < g->count; c++) {
		int h;

		pen_at(&p, a, &g->in, y, g->label_w + c * g->cell_w);
		draw_cell(a, g, &p, item_vpn(g, i + (size_t)c));
		for (h = 1; h < g->cell_h; h++) {
			pen_at(&p, a, &g->in, y + h, g->label_w + c * g->cell_w);
			draw_cell_below(a, g, &p, item_vpn(g, i + (size_t)c));
		}
	}
}

static void
draw_single(const struct app *a, const struct rect *r, const struct grid *g)
{
	char title[96], ws[32];
	size_t top, row;

	snprintf(title, sizeof title, "pid %d %s", g->p->pid, g->p->name);
	/* The working set's size, then that only the touched pages are shown,
	 * each when there is room to. */
	snprintf(ws, sizeof ws, "%sws %u", a->g->sep, g->p->ws.size);
	if (text_width(title) + text_width(ws) <= r->w - 4)
		strcat(title, ws);
	if (g->vpns != NULL && (int)strlen(title) + 10 <= r->w - 4)
		strcat(title, " (touched)");
	draw_box(a, r, title);
	top = grid_top(a, g);
	for (row = 0; row * (size_t)g->pitch < (size_t)g->in.h && top + row < grid_rows(g);
	    row++)
		draw_row(a, g, top + row, (int)row * g->pitch);
}

static void
draw_stacked(const struct app *a, const struct rect *r, const struct stack *st)
{
	const struct grid *g;
	size_t i, row;

	draw_box(a, r, "virtual pages");
	for (i = 0; i < st->n; i++) {
		g = &st->g[i];
		draw_process_heading(a, &g->in, g->p);
		for (row = 0; row < grid_rows(g); row++)
			draw_row(a, g, row, (int)row);
	}
}

struct wrap_at {
	const struct app *a;
	struct rect in;
	int row;
};

static void
draw_wrapped(void *ctx, const char *line, size_t len)
{
	struct wrap_at *w = ctx;
	struct pen p;

	pen_at(&p, w->a, &w->in, w->row++, 1);
	pen_printf(&p, EL_HINT, "%.*s", (int)len, line);
}

/* A machine with no live process is a state like any other: say what to do. */
static void
draw_no_process(const struct app *a, const struct rect *r)
{
	struct wrap_at w = { a, rect_inner(r), 0 };

	draw_box(a, r, "no process");
	text_wrap("no process: spawn one with :spawn NAME", w.in.w - 2, draw_wrapped, &w);
}

static void
pages_draw(const struct app *a, const struct rect *r)
{
	struct stack st;

	stack_open(&st, a, r);
	if (st.g[0].p == NULL)
		draw_no_process(a, r);
	else if (st.n == 1)
		draw_single(a, r, &st.g[0]);
	else
		draw_stacked(a, r, &st);
	stack_close(&st);
}

/* The page under (y, x) in grid g, explained; false if there is none. */
static bool
grid_click(const struct app *a, const struct grid *g, size_t top, int y, int x,
	   char *buf, size_t size)
{
	int col;
	size_t i;

	/* An empty grid (no process) has no cells to click. */
	if (g->p == NULL || g->cell_w <= 0 || !rect_contains(&g->in, y, x) ||
	    x <= g->in.x + g->label_w)
		return (false);
	col = (x - g->in.x - 1 - g->label_w) / g->cell_w;
	if (col >= g->cols)
		return (false);
	i = (top + (size_t)((y - g->in.y) / g->pitch)) * (size_t)g->cols + (size_t)col;
	if (i >= g->count)
		return (false);
	explain_page(a, g->p, item_vpn(g, i), buf, size);
	return (true);
}

static bool
pages_click(const struct app *a, const struct rect *r, int y, int x, char *buf, size_t size)
{
	struct stack st;
	size_t i;
	bool ok = false;

	stack_open(&st, a, r);
	for (i = 0; i < st.n && !ok; i++)
		ok = grid_click(a, &st.g[i], st.n == 1 ? grid_top(a, &st.g[0]) : 0, y, x,
		    buf, size);
	stack_close(&st);
	return (ok);
}

static size_t
pages_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	struct stack st;
	size_t rows = 0;

	stack_open(&st, a, r);
	*visible = (size_t)(st.g[0].in.h > 0 ? st.g[0].in.h : 0);
	*focus = SIZE_MAX;
	if (st.n == 1 && st.g[0].p != NULL) {
		rows = grid_rows(&st.g[0]);
		*focus = grid_focus_row(&st.g[0]);
	}
	stack_close(&st);
	return (rows);       /* stacked grids all fit: nothing to scroll */
}

const struct view view_pages = {
	.panel = PANEL_PAGES,
	.draw = pages_draw,
	.click = pages_click,
	.extent = pages_extent,
};
