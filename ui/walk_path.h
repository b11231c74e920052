/*
 * walk_path.h - the path a multi-level page-table walk took: the entry it
 * read at each level, in which table, and where that entry led (no curses:
 * tested on its own).
 */
#ifndef VMSCOPE_UI_WALK_PATH_H
#define VMSCOPE_UI_WALK_PATH_H

#include <stddef.h>

#include "event.h"
#include "va_split.h"

/*
 * The entries the last walk among shown[0..n) read, top first: its TABLE
 * WALK events and its PAGE-TABLE WALK; out[] has room for LEVELS_MAX.
 * Returns how many (0 on a one-level machine, whose one entry the table's
 * pointer row shows, or before any walk).
 */
size_t walk_path(unsigned levels, const struct event *shown, size_t n,
		 const struct event **out);

/*
 * One step in a line: the level, the table read (top, or its frame), the
 * entry's index, and where it led: "L1 top[0x18] → PT2 f0" (the next
 * table, as the frames panel names it), "L2 f0[0x8] → f1" (the page's
 * frame), "→ s3" (in swap), "→ empty", "→ not mapped", "→ P=0", and
 * for a huge page "→ f8-11 H"; the arrow is the glyph set's.  Once the
 * fault has changed that entry (filled: walk_step_filled), what it holds
 * now, so no line is left saying "empty" beside the table the fault made:
 * "→ new PT2 f0" (a table made under it), "→ now f1" (the page brought
 * in, or pointed at its copy).
 */
void walk_step_text(const struct event *e, const struct event *filled, const char *arrow,
		    char *buf, size_t size);

/*
 * The event among shown[0..n) after step e that changed the entry e read:
 * the NEW TABLE made under an empty one, or the PTE UPDATE that brought
 * the page in (or pointed it at a copy); NULL if none has been shown yet.
 */
const struct event *walk_step_filled(const struct event *e, const struct event *shown,
				     size_t n);

#endif
