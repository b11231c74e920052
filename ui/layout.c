/*
 * layout.c - the screen's geometry: bands at the top and bottom, the grid
 * panels side by side in between, wider terminals sharing their extra
 * columns out by weight; in projector mode, how far apart the rows of a
 * list go and how square a grid is.  No curses here, so it is
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

/* Projector mode: swap and the TLB fold away, the cells get wider. */
static const struct column projector_columns[] = {
	{ PANEL_PAGES, 30, 3 },
	{ PANEL_PAGE_TABLE, 24, 2 },
	{ PANEL_FRAMES, 26, 3 },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static struct rect
band(int cols, int y, int h)
{
	struct rect r = { 0, y, cols, h };

	return (r);
}

/* Projector mode: a sixth of the screen for the narration, 4 to 7 rows. */
static int
narration_rows(const struct layout *l)
{
	int h = l->rows / 6;

	if (!(l->flags & LAYOUT_PROJECTOR))
		return (l->rows >= 40 ? 4 : 3);
	return (h < 4 ? 4 : h > 7 ? 7 : h);
}

/*
 * Title and address on top; prompt, statistics, narration, TLB below.
 * Projector mode sets the narration apart, a blank row above and below.
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
	if (gap)
		return (y - gap);
	l->r[PANEL_TLB] = band(l->cols, --y, 1);
	return (y);
}

/* The grid panels between row 2 and `bottom`, sharing out extra width. */
static void
place_columns(struct layout *l, const struct column *c, size_t n, int bottom)
{
	int extra, weights = 0, given = 0, x = 0;
	size_t i;

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
	int bottom;

	memset(l, 0, sizeof *l);
	l->cols = cols > 0 ? cols : 0;
	l->rows = rows > 0 ? rows : 0;
	l->flags = flags;
	l->cell_scale = (flags & LAYOUT_PROJECTOR) ? 2 : 1;
	if (l->cols < LAYOUT_MIN_COLS || l->rows < LAYOUT_MIN_ROWS) {
		l->too_small = true;
		return;
	}
	bottom = place_bands(l);
	if (flags & LAYOUT_PROJECTOR)
		place_columns(l, projector_columns, NELEM(projector_columns), bottom);
	else
		place_columns(l, normal_columns, NELEM(normal_columns), bottom);
}

int
layout_pitch(const struct layout *l, size_t count, int h)
{
	if (!(l->flags & LAYOUT_PROJECTOR) || count == 0 || h < 1)
		return (1);
	return (count <= ((size_t)h + 1) / 2 ? 2 : 1);
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
