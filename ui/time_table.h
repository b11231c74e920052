/*
 * time_table.h - drawing a scene's frames-by-time table: a strip of the
 * reference string with the cursor at the access shown, under it one row
 * per frame (the page it held after each access; "*" after a page the
 * access brought in) and a row of faults ("F" into a free frame, the
 * victim struck through when one was evicted, "!" refused).  Columns past
 * the operations complete are left blank.  The main screen's panel and the
 * comparison draw their rows with these, on one shared geometry.
 */
#ifndef VMSCOPE_UI_TIME_TABLE_H
#define VMSCOPE_UI_TIME_TABLE_H

#include <stddef.h>

#include "app.h"
#include "scene.h"

#define TT_LABEL_W 6            /* "fault " */

/* Which columns are on screen and how wide each is. */
struct tt_geometry {
	int cell_w;                 /* columns per access */
	size_t first, shown;        /* the table's columns drawn */
	long cursor;                /* the cursor's column, or -1 */
};

/*
 * Fits scene s's table into `width` screen columns (labels included), the
 * cursor's column in view: pages of columns, as lists scroll.
 */
void tt_fit(const struct scene *s, int width, struct tt_geometry *g);

/* Row `row` of r: "page" and the reference string, the cursor's page in
 * brackets and reversed ("[7]"). */
void tt_draw_strip(const struct app *a, const struct rect *r, int row,
		   const struct scene *s, const struct tt_geometry *g);

/* Frame f's row at row `row` of r. */
void tt_draw_frame(const struct app *a, const struct rect *r, int row, unsigned f,
		   const struct scene *s, const struct tt_geometry *g);

/* A page's name struck through in g's characters ("7" + U+0336, or "-7"). */
void tt_struck(const struct glyphs *g, const char *name, char *buf, size_t size);

/* The faults' row at row `row` of r. */
void tt_draw_faults(const struct app *a, const struct rect *r, int row,
		    const struct scene *s, const struct tt_geometry *g);

#endif
