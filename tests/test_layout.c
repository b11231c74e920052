/*
 * test_layout.c - the screen layout from the terminal size: tiny sizes
 * place nothing, usable sizes place every panel inside the screen with no
 * overlap, bigger terminals give bigger panels, projector mode spaces
 * rows and writes big letters from 100x30 on, hidden panels give way to
 * the others, a panel widened takes the others' spare columns; and the
 * list scrolling arithmetic.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "layout.h"

struct size {
	int cols, rows;
};

static bool
shown(const struct rect *r)
{
	return (r->w > 0 && r->h > 0);
}

static bool
overlap(const struct rect *a, const struct rect *b)
{
	return (a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h);
}

/* Every shown panel inside the screen, none overlapping another. */
static void
assert_sane(const struct layout *l)
{
	int p, q;

	for (p = 0; p < PANEL_COUNT; p++) {
		const struct rect *r = &l->r[p];

		if (!shown(r))
			continue;
		assert_true(r->x >= 0 && r->y >= 0);
		assert_true(r->x + r->w <= l->cols);
		assert_true(r->y + r->h <= l->rows);
		for (q = p + 1; q < PANEL_COUNT; q++) {
			if (shown(&l->r[q]))
				assert_false(overlap(r, &l->r[q]));
		}
	}
}

static void
t_too_small(void **state)
{
	static const struct size sizes[] = {
		{ 0, 0 }, { 1, 1 }, { 40, 10 }, { 79, 24 }, { 80, 23 }, { -5, 300 },
	};
	struct layout l;
	size_t i;
	int p;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		layout_compute(&l, sizes[i].cols, sizes[i].rows, 0);
		assert_true(l.too_small);
		assert_true(l.cols >= 0 && l.rows >= 0);
		for (p = 0; p < PANEL_COUNT; p++)
			assert_false(shown(&l.r[p]));
		assert_int_equal(layout_hit(&l, 0, 0), -1);
		layout_compute(&l, sizes[i].cols, sizes[i].rows, LAYOUT_PROJECTOR);
		assert_true(l.too_small);
	}
}

static void
t_normal_sizes(void **state)
{
	static const struct size sizes[] = {
		{ 80, 24 }, { 81, 25 }, { 120, 30 }, { 160, 48 }, { 200, 60 }, { 1000, 300 },
	};
	struct layout l;
	size_t i;
	int p;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		layout_compute(&l, sizes[i].cols, sizes[i].rows, 0);
		assert_false(l.too_small);
		assert_int_equal(l.cell_scale, 1);
		assert_sane(&l);
		/* Every panel but the bands, which take their rows when asked. */
		for (p = 0; p < PANEL_COUNT; p++)
			assert_true(shown(&l.r[p]) == (p != PANEL_TABLE && p != PANEL_THRASH &&
			    p != PANEL_GROUPS));
		/* The grid panels fill the width between them. */
		assert_int_equal(l.r[PANEL_PAGES].w + l.r[PANEL_PAGE_TABLE].w +
		    l.r[PANEL_FRAMES].w + l.r[PANEL_SWAP].w, sizes[i].cols);
		/* A box with a border around at least four rows of cells. */
		assert_true(l.r[PANEL_PAGES].h >= 6);
		assert_int_equal(l.r[PANEL_PROMPT].y, sizes[i].rows - 1);
	}
}

static void
t_projector(void **state)
{
	static const struct size sizes[] = {
		{ 80, 24 }, { 100, 30 }, { 160, 48 }, { 200, 60 },
	};
	struct layout l, normal;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		layout_compute(&normal, sizes[i].cols, sizes[i].rows, 0);
		layout_compute(&l, sizes[i].cols, sizes[i].rows, LAYOUT_PROJECTOR);
		assert_false(l.too_small);
		assert_sane(&l);
		assert_int_equal(l.cell_scale, 2);
		assert_true(shown(&l.r[PANEL_SWAP]));
		assert_true(shown(&l.r[PANEL_TLB]));
		assert_true(shown(&l.r[PANEL_PAGES]));
		assert_true(shown(&l.r[PANEL_PAGE_TABLE]));
		assert_true(shown(&l.r[PANEL_FRAMES]));
		assert_true(l.r[PANEL_NARRATION].h > normal.r[PANEL_NARRATION].h);
		assert_true(l.r[PANEL_PAGES].w > normal.r[PANEL_PAGES].w);
		assert_int_equal(l.big_heading, sizes[i].cols >= 100 && sizes[i].rows >= 30);
		if (l.big_heading)
			assert_true(l.r[PANEL_NARRATION].h >= LAYOUT_BIG_FONT_ROWS + 2);
	}
	/* Bigger screens, taller cells. */
	layout_compute(&l, 160, 48, LAYOUT_PROJECTOR);
	assert_true(l.max_cell_rows > 2);
}

/* A hidden panel is not placed; the others share its room. */
static void
t_hidden_panels(void **state)
{
	static const unsigned modes[] = { 0, LAYOUT_PROJECTOR };
	struct layout all, l;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		layout_compute(&all, 160, 48, modes[i]);
		layout_compute(&l, 160, 48, modes[i] | LAYOUT_HIDE(PANEL_SWAP) |
		    LAYOUT_HIDE(PANEL_TLB));
		assert_sane(&l);
		assert_false(shown(&l.r[PANEL_SWAP]));
		assert_false(shown(&l.r[PANEL_TLB]));
		assert_true(l.r[PANEL_FRAMES].w > all.r[PANEL_FRAMES].w);
		assert_true(l.r[PANEL_PAGES].h >= all.r[PANEL_PAGES].h);
		assert_int_equal(l.r[PANEL_FRAMES].x + l.r[PANEL_FRAMES].w, 160);
		layout_compute(&l, 160, 48, modes[i] | LAYOUT_HIDE(PANEL_PAGES));
		assert_sane(&l);
		assert_false(shown(&l.r[PANEL_PAGES]));
		assert_int_equal(l.r[PANEL_PAGE_TABLE].x, 0);
	}
}

/*
 * The groups' band: one row across the screen right above the TLB (a
 * blank row between in projector mode), taken from the grids, at 80x24
 * as at 160x48; without the flag, no band.
 */
static void
t_groups_band(void **state)
{
	static const unsigned modes[] = { 0, LAYOUT_PROJECTOR };
	static const int sizes[][2] = { { 80, 24 }, { 160, 48 } };
	struct layout without, l;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		for (size_t s = 0; s < 2; s++) {
			int gap = modes[i] ? 1 : 0;

			layout_compute(&without, sizes[s][0], sizes[s][1], modes[i]);
			layout_compute(&l, sizes[s][0], sizes[s][1], modes[i] | LAYOUT_GROUPS);
			assert_sane(&l);
			assert_false(shown(&without.r[PANEL_GROUPS]));
			assert_int_equal(l.r[PANEL_GROUPS].h, 1);
			assert_int_equal(l.r[PANEL_GROUPS].w, sizes[s][0]);
			assert_int_equal(l.r[PANEL_GROUPS].y, l.r[PANEL_TLB].y - 1 - gap);
			assert_int_equal(l.r[PANEL_PAGES].h, without.r[PANEL_PAGES].h - 1 - gap);
		}
	}
}

/* The grid panels side by side from column 0 in their order, filling the width. */
static void
assert_grids_side_by_side(const struct layout *l)
{
	static const enum panel order[] = { PANEL_PAGES, PANEL_PAGE_TABLE, PANEL_FRAMES,
		PANEL_SWAP };
	int x = 0;

	assert_sane(l);
	for (size_t i = 0; i < 4; i++) {
		if (!shown(&l->r[order[i]]))
			continue;
		assert_int_equal(l->r[order[i]].x, x);
		x += l->r[order[i]].w;
	}
	assert_int_equal(x, l->cols);
}

/*
 * layout_widen (the page-table tree, key L): the panel takes columns from
 * the others down to their widths at 80 columns (pages 21, frames 19,
 * swap 16), the one with most to spare first.  At 160 columns the 80
 * extra are shared 4:2:3:2, rounded down, the rest to the pages: pages
 * 21 + 29 + 2 = 52, page table 24 + 14 = 38, frames 19 + 21 = 40, swap
 * 16 + 14 = 30.  Widening the page table to 47 takes 9 columns, all from
 * the pages (31 to spare, against 21 and 14): 43.  At 100 columns (pages
 * 30, table 27, frames 24, swap 19) asking for 200 takes all they spare:
 * 100 - 21 - 19 - 16 = 44.  At 80 columns nothing spares; a narrower ask
 * changes nothing.
 */
/* The grid panels' widths, in their order on the screen. */
static void
assert_grid_widths(const struct layout *l, int pages, int page_table, int frames, int swap)
{
	assert_int_equal(l->r[PANEL_PAGES].w, pages);
	assert_int_equal(l->r[PANEL_PAGE_TABLE].w, page_table);
	assert_int_equal(l->r[PANEL_FRAMES].w, frames);
	assert_int_equal(l->r[PANEL_SWAP].w, swap);
}

static void
t_widen(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 160, 48, 0);
	assert_grid_widths(&l, 52, 38, 40, 30);
	layout_widen(&l, PANEL_PAGE_TABLE, 47);
	assert_grid_widths(&l, 43, 47, 40, 30);
	assert_grids_side_by_side(&l);

	layout_compute(&l, 100, 30, 0);
	layout_widen(&l, PANEL_PAGE_TABLE, 200);
	assert_grid_widths(&l, 21, 44, 19, 16);
	assert_grids_side_by_side(&l);

	layout_compute(&l, 80, 24, 0);
	layout_widen(&l, PANEL_PAGE_TABLE, 60);
	assert_int_equal(l.r[PANEL_PAGE_TABLE].w, 24);
	assert_grids_side_by_side(&l);
	layout_compute(&l, 160, 48, LAYOUT_HIDE(PANEL_SWAP));
	layout_widen(&l, PANEL_PAGE_TABLE, 10);
	assert_int_equal(l.r[PANEL_PAGE_TABLE].w, 160 - l.r[PANEL_PAGES].w - l.r[PANEL_FRAMES].w);
	assert_true(l.r[PANEL_PAGE_TABLE].w > 10);
	layout_widen(&l, PANEL_PAGE_TABLE, 120);
	assert_int_equal(l.r[PANEL_PAGE_TABLE].w, 160 - 21 - 19);
	assert_grids_side_by_side(&l);
	layout_compute(&l, 40, 10, 0);       /* too small: nothing to widen */
	layout_widen(&l, PANEL_PAGE_TABLE, 30);
	assert_int_equal(l.r[PANEL_PAGE_TABLE].w, 0);
}

/* Whether no panel holds any cell of row y. */
static bool
blank_row(const struct layout *l, int y)
{
	int x;

	for (x = 0; x < l->cols; x++) {
		if (layout_hit(l, y, x) != -1)
			return (false);
	}
	return (true);
}

/* The narration on a band of its own, a blank row above and below it. */
static void
t_projector_narration_band(void **state)
{
	static const struct size sizes[] = { { 80, 24 }, { 100, 30 }, { 160, 48 } };
	struct layout l;
	const struct rect *n;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		layout_compute(&l, sizes[i].cols, sizes[i].rows, LAYOUT_PROJECTOR);
		n = &l.r[PANEL_NARRATION];
		assert_true(n->h >= 4 && n->h <= 10);
		assert_int_equal(n->w, sizes[i].cols);
		assert_true(blank_row(&l, n->y - 1));
		assert_true(blank_row(&l, n->y + n->h));
		assert_int_equal(l.r[PANEL_STATS].y, n->y + n->h + 1);
		/* The TLB on a band of its own too, between the panels and the narration. */
		assert_int_equal(l.r[PANEL_TLB].y, n->y - 2);
		assert_true(blank_row(&l, l.r[PANEL_TLB].y - 1));
		assert_int_equal(l.r[PANEL_PAGES].y + l.r[PANEL_PAGES].h, l.r[PANEL_TLB].y - 1);
		/* Room inside the boxes for 16 pages, 4 by 4 with blank rows between. */
		assert_true(layout_pitch(&l, 4, l.r[PANEL_PAGES].h - 2) >= 2);
		assert_true(layout_pitch(&l, 4, l.r[PANEL_FRAMES].h - 2) >= 2);
	}
	/* Bigger screens, a bigger narration. */
	layout_compute(&l, 160, 48, LAYOUT_PROJECTOR);
	assert_true(l.r[PANEL_NARRATION].h > 4);
	/* Normal mode: nothing left blank between the bands. */
	layout_compute(&l, 80, 24, 0);
	for (i = 0; i < 24; i++)
		assert_false(blank_row(&l, (int)i));
}

static void
t_pitch(void **state)
{
	static const struct {
		size_t count;
		int h, want;
	} cases[] = {
		{ 4, 7, 2 },            /* 4 rows and 3 blank ones fit */
		{ 4, 9, 2 },
		{ 4, 10, 3 },           /* and two blank ones after each */
		{ 4, 12, 3 },
		{ 4, 6, 1 },            /* one row short: packed */
		{ 1, 1, 3 },            /* a single row: no blank needed, any pitch */
		{ 0, 10, 1 },           /* nothing to space */
		{ 3, 0, 1 },            /* no room */
		{ 30, 12, 1 },
	};
	struct layout normal, big;
	size_t i;

	(void)state;
	layout_compute(&normal, 80, 24, 0);
	layout_compute(&big, 80, 24, LAYOUT_PROJECTOR);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(layout_pitch(&big, cases[i].count, cases[i].h), cases[i].want);
		assert_int_equal(layout_pitch(&normal, cases[i].count, cases[i].h), 1);
	}
}

static void
t_grid_cols(void **state)
{
	static const struct {
		size_t count;
		int fit, want;
	} cases[] = {
		{ 16, 8, 4 },           /* square: 4 by 4 */
		{ 16, 2, 2 },           /* narrower when the width says so */
		{ 17, 8, 8 },
		{ 64, 16, 8 },
		{ 4096, 16, 16 },
		{ 1, 8, 1 },
		{ 0, 8, 1 },
	};
	struct layout normal, big;
	size_t i;

	(void)state;
	layout_compute(&normal, 160, 48, 0);
	layout_compute(&big, 160, 48, LAYOUT_PROJECTOR);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(layout_grid_cols(&big, cases[i].count, cases[i].fit),
		    cases[i].want);
		assert_int_equal(layout_grid_cols(&normal, cases[i].count, cases[i].fit),
		    cases[i].fit);
	}
}

static void
t_bigger_is_bigger(void **state)
{
	struct layout small, big;
	int p;

	(void)state;
	layout_compute(&small, 80, 24, 0);
	layout_compute(&big, 160, 48, 0);
	for (p = PANEL_PAGES; p <= PANEL_SWAP; p++) {
		assert_true(big.r[p].w > small.r[p].w);
		assert_true(big.r[p].h > small.r[p].h);
	}
	assert_true(big.r[PANEL_NARRATION].h >= small.r[PANEL_NARRATION].h);
}

/*
 * The table's band: under the grids, across the screen, taken from their
 * height; they keep LAYOUT_GRID_KEEP_ROWS, so a tall table gets less, and
 * none if less than it can use is left.
 */
static void
t_table_band(void **state)
{
	struct layout before, l;
	int grids, p;

	(void)state;
	layout_compute(&before, 80, 24, 0);
	grids = before.r[PANEL_PAGES].h;        /* 24 - title, address, TLB, 3 narration, stats, prompt */
	assert_int_equal(grids, 16);
	l = before;
	layout_place_band(&l, PANEL_TABLE, 7, 5);
	assert_int_equal(l.r[PANEL_TABLE].h, 7);
	assert_int_equal(l.r[PANEL_TABLE].w, 80);
	assert_int_equal(l.r[PANEL_TABLE].y, 2 + 16 - 7);
	for (p = PANEL_PAGES; p <= PANEL_SWAP; p++)
		assert_int_equal(l.r[p].h, 16 - 7);
	assert_sane(&l);
	l = before;
	layout_place_band(&l, PANEL_TABLE, 12, 5);          /* 16 - 8 kept: 8 rows */
	assert_int_equal(l.r[PANEL_TABLE].h, 8);
	assert_int_equal(l.r[PANEL_PAGES].h, LAYOUT_GRID_KEEP_ROWS);
	l = before;
	layout_place_band(&l, PANEL_TABLE, 12, 9);          /* 8 rows are fewer than it can use */
	assert_int_equal(l.r[PANEL_TABLE].h, 0);
	assert_int_equal(l.r[PANEL_PAGES].h, 16);
	layout_compute(&l, 79, 24, 0);
	layout_place_band(&l, PANEL_TABLE, 7, 5);
	assert_int_equal(l.r[PANEL_TABLE].h, 0);
}

/*
 * Two bands: the thrashing view placed first lies just above the bands
 * below the grids; the table placed after it goes above it, and both come
 * out of the grids' 16 rows at 80x24 while those keep 8.
 */
static void
t_two_bands(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 80, 24, 0);
	layout_place_band(&l, PANEL_THRASH, 7, 4);
	assert_int_equal(l.r[PANEL_THRASH].y, 2 + 16 - 7);
	assert_int_equal(l.r[PANEL_THRASH].h, 7);
	layout_place_band(&l, PANEL_TABLE, 8, 5);   /* 9 - 8 kept: 1 row, fewer than 5 */
	assert_int_equal(l.r[PANEL_TABLE].h, 0);
	assert_int_equal(l.r[PANEL_PAGES].h, 9);
	layout_compute(&l, 160, 48, 0);             /* grids: 48 - 9 = 39 rows */
	layout_place_band(&l, PANEL_THRASH, 7, 4);
	layout_place_band(&l, PANEL_TABLE, 8, 5);
	assert_int_equal(l.r[PANEL_TABLE].y, 2 + 39 - 7 - 8);
	assert_int_equal(l.r[PANEL_TABLE].y + l.r[PANEL_TABLE].h, l.r[PANEL_THRASH].y);
	assert_int_equal(l.r[PANEL_THRASH].y + 7, l.r[PANEL_TLB].y);
	assert_int_equal(l.r[PANEL_PAGES].h, 39 - 15);
	assert_sane(&l);
}

static void
t_hit(void **state)
{
	struct layout l;
	int p;

	(void)state;
	layout_compute(&l, 160, 48, LAYOUT_GROUPS);
	layout_place_band(&l, PANEL_THRASH, 7, 4);
	layout_place_band(&l, PANEL_TABLE, 7, 5);
	for (p = 0; p < PANEL_COUNT; p++) {
		const struct rect *r = &l.r[p];

		assert_int_equal(layout_hit(&l, r->y, r->x), p);
		assert_int_equal(layout_hit(&l, r->y + r->h - 1, r->x + r->w - 1), p);
	}
	assert_int_equal(layout_hit(&l, 48, 0), -1);
	assert_int_equal(layout_hit(&l, 0, 160), -1);
	assert_int_equal(layout_hit(&l, -1, 3), -1);
}

static void
t_scroll_top(void **state)
{
	static const struct {
		size_t count, visible, focus;
		long offset;
		size_t want;
	} cases[] = {
		{ 10, 20, 5, 0, 0 },            /* everything fits */
		{ 10, 20, 5, 7, 0 },            /* ... whatever the offset */
		{ 100, 10, SIZE_MAX, 0, 0 },    /* nothing to follow: the top */
		{ 100, 10, 5, 0, 0 },           /* focus on the first page */
		{ 100, 10, 25, 0, 20 },         /* focus on the third page */
		{ 100, 10, 99, 0, 90 },         /* the last page */
		{ 95, 10, 94, 0, 85 },          /* a short last page: no blank rows */
		{ 100, 10, 25, 10, 30 },        /* PgDn from there */
		{ 100, 10, 25, -10, 10 },       /* PgUp */
		{ 100, 10, 25, -1000, 0 },      /* clamped at the top */
		{ 100, 10, 25, 1000, 90 },      /* clamped at the bottom */
		{ 100, 0, 25, 0, 0 },           /* no room at all */
		{ 100, 10, 500, 0, 0 },         /* focus outside the list */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t top = scroll_top(cases[i].count, cases[i].visible,
		    cases[i].focus, cases[i].offset);

		assert_int_equal(top, cases[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_too_small),
		cmocka_unit_test(t_normal_sizes),
		cmocka_unit_test(t_projector),
		cmocka_unit_test(t_hidden_panels),
		cmocka_unit_test(t_groups_band),
		cmocka_unit_test(t_widen),
		cmocka_unit_test(t_projector_narration_band),
		cmocka_unit_test(t_pitch),
		cmocka_unit_test(t_grid_cols),
		cmocka_unit_test(t_bigger_is_bigger),
		cmocka_unit_test(t_table_band),
		cmocka_unit_test(t_two_bands),
		cmocka_unit_test(t_hit),
		cmocka_unit_test(t_scroll_top),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
