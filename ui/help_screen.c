/*
 * help_screen.c - `?`: every key, generated from the key table, in two
 * columns; then the command language's usage and the prompt's own
 * commands.  When both do not fit, the commands get a second page.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "draw.h"
#include "keys.h"
#include "view.h"

#define HELP_LINES 64
#define HELP_WIDTH 112
#define KEY_COLUMN 40   /* a key line: "  KEY      what it does" */

struct help {
	char line[HELP_LINES][HELP_WIDTH];
	bool heading[HELP_LINES];
	size_t n, keys;         /* lines; the first `keys` are the key table's */
};

struct shape {
	int rows;               /* for text, below the title, above the footer */
	int key_cols;
	int key_rows;
	bool paged;             /* the commands on a page of their own */
};

static void
add_line(void *ctx, const char *line, bool heading)
{
	struct help *h = ctx;

	if (h->n >= HELP_LINES)
		return;
	snprintf(h->line[h->n], HELP_WIDTH, "%s", line);
	h->heading[h->n++] = heading;
}

/* cmd_usage() holds one command a line. */
static void
collect(struct help *h)
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
}

static void
measure(const struct app *a, const struct help *h, struct shape *sh)
{
	sh->rows = a->layout.rows > 3 ? a->layout.rows - 3 : 1;
	sh->key_cols = a->layout.cols / KEY_COLUMN > 1 ? a->layout.cols / KEY_COLUMN : 1;
	sh->key_rows = (int)((h->keys + (size_t)sh->key_cols - 1) / (size_t)sh->key_cols);
	sh->paged = sh->key_rows + 1 + (int)(h->n - h->keys) > sh->rows;
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
	snprintf(key, sizeof key, "%.11s", h->line[i]);
	pen_put(&p, EL_KEY, key);
	pen_put(&p, EL_TEXT, h->line[i] + strlen(key));
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

static void
draw_commands(const struct app *a, const struct help *h, int y)
{
	struct rect r = { 0, y, a->layout.cols, a->layout.rows - 1 - y };
	size_t i;

	for (i = h->keys; i < h->n; i++)
		draw_line(a, &r, (int)(i - h->keys), h, i);
}

int
help_screen_pages(const struct app *a)
{
	struct help h;
	struct shape sh;

	collect(&h);
	measure(a, &h, &sh);
	return (sh.paged ? 2 : 1);
}

void
help_screen_draw(const struct app *a)
{
	struct rect screen = { 0, 0, a->layout.cols, a->layout.rows };
	struct help h;
	struct shape sh;
	struct pen p;

	collect(&h);
	measure(a, &h, &sh);
	draw_fill(a, &(struct rect){ 0, 0, screen.w, 1 }, EL_TITLE);
	pen_at(&p, a, &screen, 0, 0);
	pen_put(&p, EL_TITLE, " vmscope help");
	if (sh.paged && a->help_page > 0)
		draw_commands(a, &h, 2);
	else {
		draw_keys(a, &h, &sh);
		if (!sh.paged)
			draw_commands(a, &h, 2 + sh.key_rows + 1);
	}
	pen_at(&p, a, &screen, screen.h - 1, 0);
	pen_put(&p, EL_HINT, sh.paged && a->help_page == 0 ?
	    " space: the commands  any other key: back" : " press any key to go back");
}
