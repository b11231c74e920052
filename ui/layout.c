/*
 * layout.c - the screen's geometry: bands at the top and bottom, the grid
 * panels side by side in between (those the app hides give way), wider
 * terminals sharing their extra columns out by weight; in projector mode,
 * how far apart the rows of a list go, how square a grid is, and whether
 * the event's name fits in big letters.  No curses here, so it is
 * unit-tested directly.
 */
#include <stdint.h>
#include <string.h>

#include "layout.h"

/* One side-by-side panel: its width at 80 columns and its share of more. */
struct column {
	enum panel panel;
	int min;
	int weight;
};

static const struct column normal_columns[] = {
	{ PANEL_PAGES, 21, 4 },
	{ PANEL_PAGE_TABLE, 24, 2 },
	{ PANEL_FRAMES, 19, 3 },
	{ PANEL_SWAP, 16, 2 },
};

/* Projector mode: the cells get wider; panels the app hides give way. */
static const struct column projector_columns[] = {
	{ PANEL_PAGES, 26, 4 },
	{ PANEL_PAGE_TABLE, 22, 2 },
	{ PANEL_FRAMES, 16, 3 },
	{ PANEL_SWAP, 16, 2 },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The grid panels in the mode's order, and their widths at 80 columns (*n of them). */
static const struct column *
mode_columns(const struct layout *l, size_t *n)
{
	*n = (l->flags & LAYOUT_PROJECTOR) ? NELEM(projector_columns) : NELEM(normal_columns);
	return ((l->flags & LAYOUT_PROJECTOR) ? projector_columns : normal_columns);
}

static struct rect
band(int cols, int y, int h)
{
	struct rect r = { 0, y, cols, h };

	return (r);
}

/*
 * Projector mode: a sixth of the screen for the narration, 4 to 7 rows;
 * with big letters, their rows, a blank one and a tenth of the screen.
 */
static int
narration_rows(const struct layout *l)
{
	int h = l->rows / 6;

	if (!(l->flags & LAYOUT_PROJECTOR))
		return (l->rows >= 40 ? 4 : 3);
	if (l->big_heading)
		return (LAYOUT_BIG_FONT_ROWS + 1 + l->rows / 10);
	return (h < 4 ? 4 : h > 7 ? 7 : h);
}

static bool
hidden(const struct layout *l, enum panel p)
{
	return ((l->flags & LAYOUT_HIDE(p)) != 0);
}

/*
 * Title and address on top; prompt, statistics, narration, TLB and the
 * groups' band below.  Projector mode sets the narration apart, a blank
 * row above and below.
 */
static int
place_bands(struct layout *l)
{
	int gap = (l->flags & LAYOUT_PROJECTOR) ? 1 : 0;
	int narration = narration_rows(l);
	int y = l->rows;

	l->r[PANEL_TITLE] = band(l->cols, 0, 1);
	l->r[PANEL_ADDRESS] = band(l->cols, 1, 1);
	l->r[PANEL_PROMPT] = band(l->cols, --y, 1);
	l->r[PANEL_STATS] = band(l->cols, --y, 1);
	y -= narration + gap;
	l->r[PANEL_NARRATION] = band(l->cols, y, narration);
	y -= gap;
	if (!hidden(l, PANEL_TLB)) {
		l->r[PANEL_TLB] = band(l->cols, --y, 1);
		y -= gap;
	}
	if (l->flags & LAYOUT_GROUPS) {
		l->r[PANEL_GROUPS] = band(l->cols, --y, 1);
		y -= gap;
	}
	return (y);
}

/* The grid panels not hidden, between row 2 and `bottom`, sharing out extra width. */
static void
place_columns(struct layout *l, const struct column *all, size_t nall, int bottom)
{
	struct column c[PANEL_COUNT];
	int extra, weights = 0, given = 0, x = 0;
	size_t i, n = 0;

	for (i = 0; i < nall; i++) {
		if (!hidden(l, all[i].panel))
			c[n++] = all[i];
	}
	extra = l->cols;
	for (i = 0; i < n; i++) {
		extra -= c[i].min;
		weights += c[i].weight;
	}
	for (i = 0; i < n; i++)
		given += extra * c[i].weight / weights;
	for (i = 0; i < n; i++) {
		int w = c[i].min + extra * c[i].weight / weights;

		if (i == 0)
			w += extra - given;
		l->r[c[i].panel] = (struct rect){ x, 2, w, bottom - 2 };
		x += w;
	}
}

void
layout_compute(struct layout *l, int cols, int rows, unsigned flags)
{
	const struct column *columns;
	size_t n;
	int bottom;

	memset(l, 0, sizeof *l);
	l->cols = cols > 0 ? cols : 0;
	l->rows = rows > 0 ? rows : 0;
	l->flags = flags;
	l->cell_scale = (flags & LAYOUT_PROJECTOR) ? 2 : 1;
	l->big_heading = (flags & LAYOUT_PROJECTOR) && l->cols >= LAYOUT_BIG_COLS &&
	    l->rows >= LAYOUT_BIG_ROWS;
	l->max_cell_rows = !(flags & LAYOUT_PROJECTOR) ? 1 : l->rows >= 40 ? 4 : 2;
	if (l->cols < LAYOUT_MIN_COLS || l->rows < LAYOUT_MIN_ROWS) {
		l->too_small = true;
		return;
	}
	bottom = place_bands(l);
	columns = mode_columns(l, &n);
	place_columns(l, columns, n, bottom);
}

/* The shown grid panel, not p, with the most columns above its minimum, or -1. */
static int
most_to_spare(const struct layout *l, enum panel p)
{
	size_t n;
	const struct column *c = mode_columns(l, &n);
	int best = -1, spare = 0;

	for (size_t i = 0; i < n; i++) {
		int w = l->r[c[i].panel].w - c[i].min;

		if (c[i].panel != p && l->r[c[i].panel].w > 0 && w > spare) {
			spare = w;
			best = (int)c[i].panel;
		}
	}
	return (best);
}

void
layout_widen(struct layout *l, enum panel p, int w)
{
	size_t n;
	const struct column *c = mode_columns(l, &n);
	int from, x = 0;

	if (l->too_small || l->r[p].w == 0)
		return;
	while (l->r[p].w < w && (from = most_to_spare(l, p)) >= 0) {
		l->r[from].w--;
		l->r[p].w++;
	}
	for (size_t i = 0; i < n; i++) {
		if (l->r[c[i].panel].w > 0) {
			l->r[c[i].panel].x = x;
			x += l->r[c[i].panel].w;
		}
	}
}

/* The rows between the address bar and the bands below, where the grids go. */
static int
grid_rows(const struct layout *l)
{
	static const enum panel grids[] = { PANEL_PAGES, PANEL_PAGE_TABLE, PANEL_FRAMES,
		PANEL_SWAP };
	size_t i;

	for (i = 0; i < NELEM(grids); i++) {
		if (l->r[grids[i]].w > 0)
			return (l->r[grids[i]].h);
	}
	return (0);
}

void
layout_place_band(struct layout *l, enum panel band, int rows, int min_rows)
{
	int grids = grid_rows(l), give = grids - LAYOUT_GRID_KEEP_ROWS;
	int p;

	if (l->too_small || grids == 0)
		return;
	if (give > rows)
		give = rows;
	if (give < min_rows)
		return;
	for (p = PANEL_PAGES; p <= PANEL_SWAP; p++)
		l->r[p].h -= l->r[p].w > 0 ? give : 0;
	l->r[band] = (struct rect){ 0, 2 + grids - give, l->cols, give };
}

int
layout_pitch(const struct layout *l, size_t count, int h)
{
	int pitch;

	if (!(l->flags & LAYOUT_PROJECTOR) || count == 0 || h < 1)
		return (1);
	for (pitch = 3; pitch > 1; pitch--) {
		if (count <= ((size_t)h + (size_t)pitch - 1) / (size_t)pitch)
			return (pitch);
	}
	return (1);
}

int
layout_grid_cols(const struct layout *l, size_t count, int fit)
{
	int cols = 1;

	if (!(l->flags & LAYOUT_PROJECTOR))
		return (fit);
	while (cols < fit && (size_t)cols * (size_t)cols < count)
		cols *= 2;
	return (cols);
}

bool
rect_contains(const struct rect *r, int y, int x)
{
	return (x >= r->x && x < r->x + r->w && y >= r->y && y < r->y + r->h);
}

int
layout_hit(const struct layout *l, int y, int x)
{
	int p;

	if (l->too_small)
		return (-1);
	for (p = 0; p < PANEL_COUNT; p++) {
		if (rect_contains(&l->r[p], y, x))
			return (p);
	}
	return (-1);
}

size_t
scroll_top(size_t count, size_t visible, size_t focus, long offset)
{
	size_t base = 0, last;
	long top;

	if (visible == 0 || count <= visible)
		return (0);
	last = count - visible;
	if (focus != SIZE_MAX && focus < count)
		base = focus / visible * visible;
	top = (long)base + offset;
	if (top < 0)
		return (0);
	if ((size_t)top > last)
		return (last);
	return ((size_t)top);
}
