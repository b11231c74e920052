/*
 * export.c - writing the frames-by-time table as Markdown, text or SVG.
 * The rows are the same in every format (rows_text); only the layout
 * differs.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "atomic_file.h"
#include "export.h"
#include "frames_table.h"

#define CELL_MAX 32
#define SVG_CELL_W 64
#define SVG_CELL_H 22
#define SVG_LABEL_W 80

static const char *const format_names[] = { "md", "txt", "svg" };

int
export_format_find(const char *name)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(name, format_names[i]) == 0)
			return i;
	return -1;
}

/*
 * Row r of the table as a label and one cell per column: "step", "page",
 * "frame 0" ..., "result", "evicted".
 */
static unsigned
row_count(const struct frames_table *t)
{
	return t->frames + 4;
}

static void
row_label(const struct frames_table *t, unsigned r, char *buf, size_t size)
{
	if (r == 0)
		snprintf(buf, size, "step");
	else if (r == 1)
		snprintf(buf, size, "page");
	else if (r < t->frames + 2)
		snprintf(buf, size, "frame %u", r - 2);
	else
		snprintf(buf, size, r == t->frames + 2 ? "result" : "evicted");
}

static void
cell_text(const struct frames_table *t, unsigned r, size_t c, char *buf, size_t size)
{
	const struct ft_column *col = &t->cols[c];

	if (r == 0) {
		snprintf(buf, size, "%zu", col->step);
	} else if (r == 1) {
		char name[CELL_MAX - 2];
		ft_page_name(t, col->page, name, sizeof name);
		snprintf(buf, size, "%s%s", col->access == 'r' ? "" : col->access == 'w' ?
			 "w " : "x ", name);
	} else if (r < t->frames + 2) {
		size_t i = c * t->frames + (r - 2);
		ft_page_name(t, t->cells[i], buf, size);
		if (t->loaded[i])
			strncat(buf, "*", size - strlen(buf) - 1);
	} else if (r == t->frames + 2) {
		snprintf(buf, size, "%s", col->result == FT_FAULT ? "F" :
			 col->result == FT_HIT ? "." : "!");
	} else {
		ft_page_name(t, col->victim, buf, size);
	}
}

static const char legend[] =
	"* the page was brought in by this access; F a page fault, . a hit, "
	"! refused (segmentation or protection fault, out of memory)";

/* Markdown text: '*' would start emphasis or a list, '|' end a cell. */
static void
md_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '*' || *s == '|')
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void
write_md(const struct frames_table *t, FILE *out)
{
	char text[CELL_MAX];

	for (unsigned r = 0; r < row_count(t); r++) {
		row_label(t, r, text, sizeof text);
		fprintf(out, "| %s |", text);
		for (size_t c = 0; c < t->ncols; c++) {
			cell_text(t, r, c, text, sizeof text);
			fputc(' ', out);
			md_text(out, text);
			fputs(" |", out);
		}
		fputc('\n', out);
		if (r == 0) {
			fputs("|---|", out);
			for (size_t c = 0; c < t->ncols; c++)
				fputs("---|", out);
			fputc('\n', out);
		}
	}
	fputc('\n', out);
	md_text(out, legend);
	fputc('\n', out);
}

static void
write_txt(const struct frames_table *t, FILE *out)
{
	size_t width = 1, label = 1, k;
	char text[CELL_MAX], line[FT_COLUMNS_MAX * (CELL_MAX + 1) + CELL_MAX + 2];

	for (unsigned r = 0; r < row_count(t); r++) {
		row_label(t, r, text, sizeof text);
		label = strlen(text) > label ? strlen(text) : label;
		for (size_t c = 0; c < t->ncols; c++) {
			cell_text(t, r, c, text, sizeof text);
			width = strlen(text) > width ? strlen(text) : width;
		}
	}
	for (unsigned r = 0; r < row_count(t); r++) {
		row_label(t, r, text, sizeof text);
		k = (size_t)snprintf(line, sizeof line, "%-*s", (int)label, text);
		for (size_t c = 0; c < t->ncols && k < sizeof line; c++) {
			cell_text(t, r, c, text, sizeof text);
			k += (size_t)snprintf(line + k, sizeof line - k, " %*s", (int)width, text);
		}
		k = strlen(line);
		while (k > 0 && line[k - 1] == ' ')
			line[--k] = '\0';      /* an empty last cell leaves no blanks */
		fprintf(out, "%s\n", line);
	}
	fprintf(out, "\n%s\n", legend);
}

/* ---- SVG ------------------------------------------------------------------ */

static void
svg_text(FILE *out, int x, int y, const char *anchor, const char *text)
{
	fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
	for (const char *c = text; *c; c++)
		if (*c == '&')
			fputs("&amp;", out);
		else if (*c == '<')
			fputs("&lt;", out);
		else if (*c == '>')
			fputs("&gt;", out);
		else
			fputc(*c, out);
	fputs("</text>\n", out);
}

static void
svg_table(const struct frames_table *t, FILE *out)
{
	char text[CELL_MAX];

	for (unsigned r = 0; r < row_count(t); r++) {
		int y = (int)r * SVG_CELL_H;

		row_label(t, r, text, sizeof text);
		svg_text(out, 4, y + 16, "start", text);
		for (size_t c = 0; c < t->ncols; c++) {
			int x = SVG_LABEL_W + (int)c * SVG_CELL_W;
			bool loaded = r >= 2 && r < t->frames + 2 &&
				t->loaded[c * t->frames + (r - 2)];

			fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
				"fill=\"%s\" stroke=\"#888888\"/>\n", x, y, SVG_CELL_W,
				SVG_CELL_H, loaded ? "#ffe9a8" : "none");
			cell_text(t, r, c, text, sizeof text);
			svg_text(out, x + SVG_CELL_W / 2, y + 16, "middle", text);
		}
	}
}

/* The frames and the current process's page table after `cursor` operations. */
#define STATE_LINES (2 * FT_FRAMES_MAX + 2)
#define STATE_LINE_MAX 96

static size_t
state_lines(struct history *h, size_t cursor, char (*line)[STATE_LINE_MAX])
{
	const struct machine *m = history_state(h, cursor);
	const struct process *p = machine_process(m, m->current_pid);
	uint64_t vpns[FT_FRAMES_MAX];
	size_t k = 0, n;

	snprintf(line[k++], STATE_LINE_MAX, "after operation %zu: frames", cursor);
	for (unsigned f = 0; f < m->cfg.frames; f++) {
		struct mapping map = frame_first(m, (int)f);

		if (frame_is_free(m, (int)f))
			snprintf(line[k++], STATE_LINE_MAX, "  frame %u: free", f);
		else
			snprintf(line[k++], STATE_LINE_MAX, "  frame %u: %d:0x%llx%s%s", f, map.pid,
				 (unsigned long long)map.vpn, frame_dirty(m, (int)f) ? " D" : "",
				 m->frames[f].referenced ? " R" : "");
	}
	if (!p)
		return k;
	snprintf(line[k++], STATE_LINE_MAX, "page table of pid %d (pages touched): "
		 "VPN P frame D R", p->pid);
	n = page_table_sorted_vpns(&p->pt, vpns, FT_FRAMES_MAX);
	for (size_t i = 0; i < n; i++) {
		const struct pte *e = page_table_find(&p->pt, vpns[i]);

		if (e->present)
			snprintf(line[k++], STATE_LINE_MAX, "  0x%llx 1 %d %d %d",
				 (unsigned long long)vpns[i], e->frame, e->dirty ? 1 : 0,
				 pte_referenced(m, e) ? 1 : 0);
		else
			snprintf(line[k++], STATE_LINE_MAX, "  0x%llx 0 - - -",
				 (unsigned long long)vpns[i]);
	}
	return k;
}

static void
write_svg(const struct frames_table *t, struct history *h, size_t cursor, FILE *out)
{
	static char line[STATE_LINES][STATE_LINE_MAX];
	size_t n = state_lines(h, cursor, line);
	int width = SVG_LABEL_W + (int)t->ncols * SVG_CELL_W + 8;
	int y = (int)(row_count(t) + 1) * SVG_CELL_H;

	if (width < 720)
		width = 720;
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		"font-family=\"monospace\" font-size=\"13\">\n", width,
		y + (int)(n + 1) * SVG_CELL_H);
	fprintf(out, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
	svg_table(t, out);
	svg_text(out, 4, y, "start", legend);
	for (size_t i = 0; i < n; i++) {
		bool indented = strncmp(line[i], "  ", 2) == 0;     /* SVG drops blanks */

		svg_text(out, indented ? 24 : 4, y += SVG_CELL_H, "start",
			 line[i] + (indented ? 2 : 0));
	}
	fputs("</svg>\n", out);
}

/* ---- the file ----------------------------------------------------------- */

struct job {
	struct history *h;
	size_t cursor;
	enum export_format format;
};

static int
write_table(FILE *out, void *ctx, char *err, size_t size)
{
	struct job *j = ctx;
	struct frames_table t;

	if (frames_table_build(j->h, &t, err, size))
		return -1;
	if (j->format == EXPORT_MD)
		write_md(&t, out);
	else if (j->format == EXPORT_TXT)
		write_txt(&t, out);
	else
		write_svg(&t, j->h, j->cursor, out);
	frames_table_free(&t);
	return 0;
}

int
export_session(struct history *h, size_t cursor, enum export_format format,
	       const char *path, char *err, size_t size)
{
	struct job j = { h, cursor, format };

	return atomic_file_write(path, write_table, &j, err, size);
}
