/*
 * help_screen.c - `?`: every key, generated from the key table, in two
 * columns; then the command language's usage, the prompt's own commands
 * and the legend: the glyphs (from the glyph table), the colours (drawn
 * in the theme in use) and the page-table columns.  What does not fit
 * after the keys goes on further pages.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "draw.h"
#include "keys.h"
#include "text.h"
#include "time_table.h"
#include "view.h"

#define HELP_LINES 160
#define HELP_WIDTH 112
#define KEY_COLUMN 40   /* a key line: "  KEY      what it does" */

struct help {
	char line[HELP_LINES][HELP_WIDTH];
	bool heading[HELP_LINES];
	int look[HELP_LINES];   /* a legend's sample is drawn as this, or -1 */
	size_t sample[HELP_LINES]; /* its bytes, after the line's 2 blanks */
	size_t n, keys;         /* lines; the first `keys` are the key table's */
};

struct shape {
	int rows;               /* for text, below the title, above the footer */
	int key_cols;
	int key_rows;
	int pages;              /* 1: all on one; else the rest on pages 2.. */
};

static void
add_line(void *ctx, const char *line, bool heading)
{
	struct help *h = ctx;

	if (h->n >= HELP_LINES)
		return;
	snprintf(h->line[h->n], HELP_WIDTH, "%s", line);
	h->look[h->n] = -1;
	h->heading[h->n++] = heading;
}

/* A legend line: `sample` (drawn as `look`, or as a key if -1), then its meaning. */
static void
add_legend(struct help *h, const char *sample, int look, const char *meaning)
{
	char line[HELP_WIDTH];
	int pad = 9 - text_width(sample);

	snprintf(line, sizeof line, "  %s%*s%s", sample, pad > 0 ? pad : 1, "", meaning);
	add_line(h, line, false);
	h->look[h->n - 1] = look;
	h->sample[h->n - 1] = strlen(sample);
}

/* The looks of the theme in use, each drawn as itself. */
static const struct {
	const char *sample;
	enum element look;
	const char *meaning;
} looks[] = {
	{ " cell ", EL_TOUCHED, "what the event touches" },
	{ " cell ", EL_ALERT, "a fault, the victim, out of memory" },
	{ "LABEL", EL_LABEL, "the event's name" },
	{ "1:0x7", EL_PROC1, "a page of pid 1 (each process has its own colour)" },
	{ "2:0x7", EL_PROC2, "a page of pid 2" },
};

static void
add_legends(struct help *h, const struct glyphs *g)
{
	static const char *const columns[][2] = {
		{ "VPN", "virtual page number" },
		{ "P", "present bit: 1 the page is in a frame, 0 it is not" },
		{ "D", "dirty bit: written since it was loaded" },
		{ "R", "referenced bit: set by each use, cleared by the clock hand" },
		{ "at", "where the page is: fN frame N, sN swap slot N, - nowhere" },
		{ "perm", "what the process may do: r read, w write, x execute" },
		{ "loaded", "step it was loaded; used: step it was last used" },
	};
	struct glyph_meaning m[GLYPH_LEGEND_MAX];
	char rate[HELP_WIDTH];
	size_t i, n = glyphs_legend(g, m, GLYPH_LEGEND_MAX);
	char struck[16];

	add_line(h, "", false);
	add_line(h, "Glyphs", true);
	for (i = 0; i < n && i < GLYPH_LEGEND_MAX; i++)
		add_legend(h, m[i].glyph, -1, m[i].meaning);
	add_line(h, "", false);
	add_line(h, "Colours (this theme; t changes it)", true);
	add_legend(h, g->resident, EL_RESIDENT, "page in a frame");
	add_legend(h, g->swapped, EL_SWAPPED, "page in swap");
	add_legend(h, g->current, EL_CURRENT, "the page being accessed");
	add_legend(h, g->cow, EL_COW, "copy-on-write page");
	add_legend(h, g->shared, EL_SHARED, "shared-mapping page");
	add_legend(h, "D", EL_DIRTY, "dirty");
	for (i = 0; i < sizeof looks / sizeof looks[0]; i++)
		add_legend(h, looks[i].sample, (int)looks[i].look, looks[i].meaning);
	add_line(h, "", false);
	add_line(h, "Frames-by-time table (f, c)", true);
	add_legend(h, "[7]", -1, "the access shown, in the row of pages");
	add_legend(h, "7*", -1, "a page that access brought into the frame");
	add_legend(h, "F", -1, "a fault into a free frame");
	add_legend(h, "f", -1, "a fault that took no frame: nothing loaded or copied");
	tt_struck(g, "7", struck, sizeof struck);
	add_legend(h, struck, -1, "the page that fault evicted");
	add_legend(h, " ", -1, "(blank, fault row) a hit");
	add_legend(h, "!", -1, "refused: segmentation or protection fault, out of memory");
	add_line(h, "", false);
	add_line(h, "Thrashing view (T)", true);
	snprintf(rate, sizeof rate, "fault rate: faults among the last %d accesses, a column "
	    "an access", THRASH_RATE_WINDOW);
	add_legend(h, g->bar[8], EL_CHART, rate);
	add_legend(h, g->bar[4], EL_OVER, "sum of the working sets, the part above the frames");
	add_legend(h, g->fits, -1, "the frames line: the working sets fit in the frames");
	add_legend(h, g->over, EL_OVER, "they do not fit; under it, the part up to the frames");
	add_legend(h, g->stops, EL_OVER, "where they stop fitting");
	add_legend(h, "3", -1, "processes alive at each access (+: ten or more)");
	add_line(h, "", false);
	add_line(h, "Page-table columns", true);
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++)
		add_legend(h, columns[i][0], -1, columns[i][1]);
}

/* cmd_usage() holds one command a line. */
static void
collect(struct help *h, const struct glyphs *g)
{
	const char *s = cmd_usage(), *nl;
	char line[HELP_WIDTH];

	h->n = 0;
	keys_help_visit(add_line, h);
	h->keys = h->n;
	add_line(h, "Commands (type : first)", true);
	while (s != NULL && *s != '\0') {
		nl = strchr(s, '\n');
		snprintf(line, sizeof line, "  %.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		add_line(h, line, false);
		s = nl ? nl + 1 : NULL;
	}
	command_help_visit(add_line, h);
	add_legends(h, g);
}

static void
measure(const struct app *a, const struct help *h, struct shape *sh)
{
	sh->rows = a->layout.rows > 3 ? a->layout.rows - 3 : 1;
	sh->key_cols = a->layout.cols / KEY_COLUMN > 1 ? a->layout.cols / KEY_COLUMN : 1;
	sh->key_rows = (int)((h->keys + (size_t)sh->key_cols - 1) / (size_t)sh->key_cols);
	sh->pages = 1;
	if (sh->key_rows + 1 + (int)(h->n - h->keys) > sh->rows)
		sh->pages += ((int)(h->n - h->keys) + sh->rows - 1) / sh->rows;
}

static void
draw_line(const struct app *a, const struct rect *r, int row, const struct help *h,
	  size_t i)
{
	struct pen p;
	char key[16];

	pen_at(&p, a, r, row, 1);
	if (h->heading[i]) {
		pen_put(&p, EL_LABEL, h->line[i]);
		return;
	}
	/* "  KEY      what it does": the key part stands out. */
	if (h->look[i] >= 0) {
		/* A legend's sample, drawn as what it explains. */
		snprintf(key, sizeof key, "%.*s", (int)h->sample[i], h->line[i] + 2);
		pen_put(&p, EL_TEXT, "  ");
		pen_put(&p, (enum element)h->look[i], key);
		pen_put_cut(&p, EL_TEXT, h->line[i] + 2 + strlen(key));
		return;
	}
	/* A meaning too long for the screen ends at a word, in an ellipsis. */
	snprintf(key, sizeof key, "%.11s", h->line[i]);
	pen_put(&p, EL_KEY, key);
	pen_put_cut(&p, EL_TEXT, h->line[i] + strlen(key));
}

static void
draw_keys(const struct app *a, const struct help *h, const struct shape *sh)
{
	struct rect col = { 0, 2, a->layout.cols / sh->key_cols, sh->key_rows };
	size_t i;

	for (i = 0; i < h->keys; i++) {
		col.x = (int)(i / (size_t)sh->key_rows) * col.w;
		draw_line(a, &col, (int)(i % (size_t)sh->key_rows), h, i);
	}
}

/* The lines after the keys from `first` on, from row y down. */
static void
draw_rest(const struct app *a, const struct help *h, size_t first, int y)
{
	struct rect r = { 0, y, a->layout.cols, a->layout.rows - 1 - y };
	size_t i;

	for (i = first; i < h->n; i++)
		draw_line(a, &r, (int)(i - first), h, i);
}

int
help_screen_pages(const struct app *a)
{
	struct help h;
	struct shape sh;

	collect(&h, a->g);
	measure(a, &h, &sh);
	return (sh.pages);
}

void
help_screen_draw(const struct app *a)
{
	struct rect screen = { 0, 0, a->layout.cols, a->layout.rows };
	struct help h;
	struct shape sh;
	struct pen p;

	collect(&h, a->g);
	measure(a, &h, &sh);
	draw_fill(a, &(struct rect){ 0, 0, screen.w, 1 }, EL_TITLE);
	pen_at(&p, a, &screen, 0, 0);
	pen_put(&p, EL_TITLE, " vmscope help");
	if (sh.pages > 1 && a->help_page > 0)
		draw_rest(a, &h, h.keys + (size_t)(a->help_page - 1) * (size_t)sh.rows, 2);
	else {
		draw_keys(a, &h, &sh);
		if (sh.pages == 1)
			draw_rest(a, &h, h.keys, 2 + sh.key_rows + 1);
	}
	pen_at(&p, a, &screen, screen.h - 1, 0);
	pen_put(&p, EL_HINT, a->help_page + 1 < sh.pages ?
	    " space: more (commands, legend)  any other key: back" : " press any key to go back");
}
