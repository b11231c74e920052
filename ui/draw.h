/*
 * draw.h - the few ways views put text on the screen: a pen that writes a
 * row left to right, clipped to its end column; boxes; blank fills.
 * Views never call curses output functions themselves.
 */
#ifndef VMSCOPE_UI_DRAW_H
#define VMSCOPE_UI_DRAW_H

#include "app.h"

struct pen {
	const struct app *a;
	int y, x, end;          /* writes columns x .. end - 1 of row y */
};

/* A pen on row `row` of r, from column `col` of r to r's right edge. */
void pen_at(struct pen *p, const struct app *a, const struct rect *r, int row, int col);
/* Writes s (clipped at the pen's end); returns the columns written. */
int pen_put(struct pen *p, enum element el, const char *s);
/* Writes s, or if it does not fit, as much of it as does and an ellipsis. */
int pen_put_cut(struct pen *p, enum element el, const char *s);
/* Writes a heading of fields joined by the glyphs' separator: if it does not
 * fit, its whole fields (or words) that do and an ellipsis (text_cut_heading). */
int pen_put_heading(struct pen *p, enum element el, const char *s);
int pen_printf(struct pen *p, enum element el, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Writes s `n` times. */
void pen_repeat(struct pen *p, enum element el, const char *s, int n);
/* Moves to column `col` of the row (never backwards past the start). */
void pen_skip_to(struct pen *p, int x);
int pen_left(const struct pen *p);

/* A frame on r's edge with `title` on its top side. */
void draw_box(const struct app *a, const struct rect *r, const char *title);
/* The inside of a box. */
struct rect rect_inner(const struct rect *r);
/* On box r's bottom border, inside its corners, how many entries of a list
 * are scrolled out of sight, so a list that does not fit never looks
 * complete ("3 above · 2 more"; on a narrow box one count, or "+2"; never
 * part of a number); nothing when none are. */
void draw_scrolled_out(const struct app *a, const struct rect *r, size_t above, size_t below);
/*
 * The row above r names process p, one of several stacked in a panel: the
 * process a typed access goes to (the prompt's "pid N") reversed after a
 * pointer, the one making the access in the label's colour.
 */
void draw_process_heading(const struct app *a, const struct rect *r, const struct process *p);
/*
 * " · limit 1/2" (frames held of those allowed) if p has a frame limit of
 * its own, " · web" if it is in the named group web (whose usage the
 * groups' band shows), else "".
 */
void process_limit_text(const struct app *a, const struct process *p, char *buf, size_t size);
/* Blanks every cell of r in element el. */
void draw_fill(const struct app *a, const struct rect *r, enum element el);

#endif
