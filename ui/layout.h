/*
 * layout.h - where each panel goes, from the terminal size alone.
 *
 * Pure arithmetic, no curses: (cols, rows, mode flags) -> one rectangle
 * per panel.  Below the minimum size nothing is placed and the screen
 * shows an "enlarge" notice instead; any size down to 0x0 is safe.
 */
#ifndef VMSCOPE_UI_LAYOUT_H
#define VMSCOPE_UI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#define LAYOUT_MIN_COLS 80
#define LAYOUT_MIN_ROWS 24

/* Panels from top to bottom, left to right. */
enum panel {
	PANEL_TITLE,
	PANEL_ADDRESS,
	PANEL_PAGES,
	PANEL_PAGE_TABLE,
	PANEL_FRAMES,
	PANEL_SWAP,
	PANEL_TABLE,    /* the frames-by-time table, a band under the grids */
	PANEL_THRASH,   /* the thrashing view, a band under the grids */
	PANEL_GROUPS,   /* the memory groups' usage, a band under them */
	PANEL_TLB,
	PANEL_NARRATION,
	PANEL_STATS,
	PANEL_PROMPT,
	PANEL_COUNT
};

enum layout_flags {
	LAYOUT_PROJECTOR = 1u << 0,   /* big cells, rows spaced, a big heading */
	LAYOUT_GROUPS = 1u << 1,      /* a band for the memory groups (cgroups) */
};
/* A flag that leaves panel p (a grid panel or the TLB) out. */
#define LAYOUT_HIDE(p) (1u << (4 + (p)))

/* Projector mode from this size on writes the event's name in big letters. */
#define LAYOUT_BIG_COLS 100
#define LAYOUT_BIG_ROWS 30
#define LAYOUT_BIG_FONT_ROWS 5

struct rect {
	int x, y, w, h;               /* w == 0 or h == 0: not shown */
};

struct layout {
	int cols, rows;
	unsigned flags;
	bool too_small;               /* nothing placed: show the notice */
	bool big_heading;             /* the event's name in big letters */
	int cell_scale;               /* 1, or 2 for projector cells */
	int max_cell_rows;            /* how tall a projector cell may grow */
	struct rect r[PANEL_COUNT];
};

/*
 * Places every panel for a cols x rows screen.  Placed rectangles lie
 * inside the screen and do not overlap; folded panels have w == h == 0.
 */
void layout_compute(struct layout *l, int cols, int rows, unsigned flags);

/* Rows the grid panels keep when bands are taken from under them. */
#define LAYOUT_GRID_KEEP_ROWS 8

/*
 * Gives `band` (the frames-by-time table, the thrashing view) a band
 * across the screen under the grid panels, `rows` high, taken from their
 * height as long as they keep LAYOUT_GRID_KEEP_ROWS; fewer if not, and
 * none if fewer than min_rows would be left.  A band placed after another
 * goes above it.  Call after layout_compute.
 */
void layout_place_band(struct layout *l, enum panel band, int rows, int min_rows);

/*
 * Widens grid panel p to w columns, or as near as it can, taking columns
 * from the other grid panels down to their widths at 80 columns (those
 * with most to spare first); the panels stay side by side, filling the
 * width.  Call after layout_compute.
 */
void layout_widen(struct layout *l, enum panel p, int w);

/*
 * Screen rows per row of a list of `count` rows shown in `h` rows: in
 * projector mode 3 or 2 (blank rows after each) when they all fit so,
 * else 1.
 */
int layout_pitch(const struct layout *l, size_t count, int h);

/*
 * Columns for a grid of `count` cells when `fit` (a power of two) fit the
 * width: all of them, or in projector mode no more than it takes to make
 * the grid square (4 x 4 for 16 pages), so the cells grow taller.
 */
int layout_grid_cols(const struct layout *l, size_t count, int fit);

/* Whether (y, x) lies inside r. */
bool rect_contains(const struct rect *r, int y, int x);

/* The panel holding screen cell (y, x), or -1. */
int layout_hit(const struct layout *l, int y, int x);

/*
 * First row to show of a list of `count` rows in a window of `visible`
 * rows: the page (a multiple of `visible`) that holds `focus` (SIZE_MAX:
 * none), moved by `offset` rows and kept inside the list.
 */
size_t scroll_top(size_t count, size_t visible, size_t focus, long offset);

#endif
