/*
 * view.h - one panel of the screen, as a small descriptor: how to draw it
 * (from const state: drawing changes nothing), how to explain a click on
 * it, and, for lists, how far it can scroll.  One file per view.
 */
#ifndef VMSCOPE_UI_VIEW_H
#define VMSCOPE_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

struct view {
	enum panel panel;
	void (*draw)(const struct app *a, const struct rect *r);
	/* Explains the cell at screen (y, x) inside r; false if nothing is there. */
	bool (*click)(const struct app *a, const struct rect *r, int y, int x,
		      char *buf, size_t size);
	/*
	 * For lists: rows of content; *visible gets the rows shown at once,
	 * *focus the row to keep in view (SIZE_MAX: none).  NULL: no scrolling.
	 */
	size_t (*extent)(const struct app *a, const struct rect *r, size_t *visible,
			 size_t *focus);
};

/*
 * The pages and page-table panels stack at most this many processes; with
 * more, each shows only the process being shown.
 */
#define VIEW_STACK_MAX 8

extern const struct view view_title, view_address, view_pages, view_page_table,
	view_frames, view_swap, view_table, view_thrash, view_groups, view_tlb, view_narration,
	view_stats, view_prompt;

/* table_panel.c: the rows the table's band asks for, and the fewest it can use. */
int table_panel_rows(const struct app *a);
int table_panel_min_rows(void);

/* thrash_panel.c: the rows its band asks for, and the fewest it can use. */
#define THRASH_PANEL_ROWS 7
#define THRASH_PANEL_MIN_ROWS 4

/* Whether the pages panel shows every process's grid at once (stacked). */
bool pages_all_stacked(const struct app *a);

/* The view drawn in a panel. */
const struct view *view_of(enum panel p);

/* The first content row a list view shows now. */
size_t view_top(const struct app *a, enum panel p);

/* Scrolls a list view by `rows` (negative: up), kept inside the list. */
void view_scroll(struct app *a, enum panel p, long rows);

/* Rows a list view shows at once, or 0. */
size_t view_visible(const struct app *a, enum panel p);

/* Whole-screen views. */
void help_screen_draw(const struct app *a);
int help_screen_pages(const struct app *a);     /* 1, or 2 on small screens */
void notes_screen_draw(const struct app *a);
int notes_screen_scroll_max(const struct app *a);   /* rows it can scroll, or 0 */
void too_small_draw(const struct app *a);
void compare_screen_draw(const struct app *a);
void sweep_screen_draw(const struct app *a);

/* tree_view.c: the page-table panel showing the whole tree (key L) */
void tree_draw(const struct app *a, const struct rect *r);
bool tree_click(const struct app *a, const struct rect *r, int y, int x, char *buf,
		size_t size);
size_t tree_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus);
/* Columns the panel needs to show every line of the shown process's tree whole. */
int tree_width(const struct app *a);

/* explain.c: what a click on a cell says */
void explain_frame(const struct app *a, int frame, char *buf, size_t size);
void explain_slot(const struct app *a, int slot, char *buf, size_t size);
void explain_page(const struct app *a, const struct process *p, uint64_t vpn,
		  char *buf, size_t size);
void explain_tlb(const struct app *a, unsigned i, char *buf, size_t size);

/* Hex digits needed to print v (at least 1). */
int hex_digits(uint64_t v);

#endif
