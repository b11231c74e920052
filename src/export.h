/*
 * export.h - a session's frames-by-time table for slides and handouts:
 * Markdown, plain text, or SVG (the table, then the frames and the page
 * table of the current process at the session's cursor).
 *
 * In every format a column is an access: the page it touched, what each
 * frame holds afterwards ('*' marks the page brought in by that access),
 * the result (F a page fault, . a hit, ! refused) and the page evicted.
 */
#ifndef VMSCOPE_EXPORT_H
#define VMSCOPE_EXPORT_H

#include <stddef.h>

#include "history.h"

enum export_format { EXPORT_MD, EXPORT_TXT, EXPORT_SVG };

/* The format called name ("md", "txt", "svg"), or -1. */
int export_format_find(const char *name);

/*
 * Writes h's table to path (whole or not at all), with the state after
 * `cursor` operations for SVG.  Returns 0, or -1 with a message.
 */
int export_session(struct history *h, size_t cursor, enum export_format format,
		   const char *path, char *err, size_t size);

#endif
