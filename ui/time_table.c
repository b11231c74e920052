/*
 * time_table.c - the rows of the frames-by-time table, drawn from a
 * scene's table and position.  Pages are written in the pages grid's
 * short hex ("7", or "1:7" once several processes appear).
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "time_table.h"

#define NAME_MAX_LEN 24

/* Whether column c's operation is complete: its cells are drawn. */
static bool
filled(const struct scene *s, size_t c)
{
	return (s->table.cols[c].step <= s->done);
}

void
tt_fit(const struct scene *s, int width, struct tt_geometry *g)
{
	const struct frames_table *t = &s->table;
	char name[NAME_MAX_LEN];
	size_t c, longest = 1, room;

	/* Every page the table names: accessed, evicted, held. */
	for (c = 0; c < t->ncols * (t->frames + 2); c++) {
		size_t col = c / (t->frames + 2), row = c % (t->frames + 2);

		ft_page_short(t, row == 0 ? t->cols[col].page : row == 1 ? t->cols[col].victim :
		    t->cells[col * t->frames + row - 2], name, sizeof name);
		if (strlen(name) > longest)
			longest = strlen(name);
	}
	/* A blank (or the cursor's "["), the name, its mark ("*" or "]"). */
	g->cell_w = (int)longest + 2;
	room = width > TT_LABEL_W ? (size_t)(width - TT_LABEL_W) / (size_t)g->cell_w : 0;
	g->shown = room < t->ncols ? room : t->ncols;
	g->cursor = frames_table_column(t, s->op);
	g->first = scroll_top(t->ncols, g->shown, g->cursor < 0 ? SIZE_MAX :
	    (size_t)g->cursor, 0);
}

/* A pen at row `row` of r with the label written; at the first cell. */
static void
start_row(struct pen *p, const struct app *a, const struct rect *r, int row,
	  const char *label)
{
	pen_at(p, a, r, row, 0);
	pen_put(p, EL_HEADER, label);
}

/* Moves the pen to the name in column i (of those shown)'s cell. */
static void
to_cell(struct pen *p, const struct rect *r, const struct tt_geometry *g, size_t i)
{
	pen_skip_to(p, r->x + TT_LABEL_W + (int)i * g->cell_w + 1);
}

void
tt_draw_strip(const struct app *a, const struct rect *r, int row,
	      const struct scene *s, const struct tt_geometry *g)
{
	char name[NAME_MAX_LEN];
	struct pen p;

	start_row(&p, a, r, row, "page");
	for (size_t i = 0; i < g->shown; i++) {
		size_t c = g->first + i;

		ft_page_short(&s->table, s->table.cols[c].page, name, sizeof name);
		if ((long)c != g->cursor) {
			to_cell(&p, r, g, i);
			pen_put(&p, EL_HEADER, name);
			continue;
		}
		pen_skip_to(&p, r->x + TT_LABEL_W + (int)i * g->cell_w);
		pen_printf(&p, EL_SELECTED, "[%s]", name);
	}
}

void
tt_draw_frame(const struct app *a, const struct rect *r, int row, unsigned f,
	      const struct scene *s, const struct tt_geometry *g)
{
	const struct frames_table *t = &s->table;
	char label[16], name[NAME_MAX_LEN];
	struct pen p;

	snprintf(label, sizeof label, "f%u", f);
	start_row(&p, a, r, row, label);
	for (size_t i = 0; i < g->shown && filled(s, g->first + i); i++) {
		size_t cell = (g->first + i) * t->frames + f;

		ft_page_short(t, t->cells[cell], name, sizeof name);
		to_cell(&p, r, g, i);
		if (t->loaded[cell]) {
			pen_put(&p, EL_ALERT, name);
			pen_put(&p, EL_ALERT, "*");
		} else
			pen_put(&p, theme_process(t->cells[cell].pid), name);
	}
}

void
tt_struck(const struct glyphs *gl, const char *name, char *buf, size_t size)
{
	size_t n = snprintf(buf, size, "%s", gl->struck_before);

	for (; *name && n + 8 < size; name++)
		n += snprintf(buf + n, size - n, "%c%s", *name, gl->struck_each);
}

void
tt_draw_faults(const struct app *a, const struct rect *r, int row,
	       const struct scene *s, const struct tt_geometry *g)
{
	char name[NAME_MAX_LEN], mark[4 * NAME_MAX_LEN];
	struct pen p;

	start_row(&p, a, r, row, "fault");
	for (size_t i = 0; i < g->shown && filled(s, g->first + i); i++) {
		const struct ft_column *col = &s->table.cols[g->first + i];

		to_cell(&p, r, g, i);
		if (col->result == FT_REFUSED)
			pen_put(&p, EL_ERROR, "!");
		else if (col->result == FT_FAULT && col->no_frame)
			pen_put(&p, EL_ALERT, "f");
		else if (col->result == FT_FAULT && col->victim.pid == 0)
			pen_put(&p, EL_ALERT, "F");
		else if (col->result == FT_FAULT) {
			ft_page_short(&s->table, col->victim, name, sizeof name);
			tt_struck(a->g, name, mark, sizeof mark);
			pen_put(&p, EL_ALERT, mark);
		}
	}
}
