/*
 * text.h - measuring, clipping and wrapping UTF-8 text in terminal
 * columns.  Pure (no curses); widths follow the current locale.
 */
#ifndef VMSCOPE_UI_TEXT_H
#define VMSCOPE_UI_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Display columns of s; an undecodable byte counts as one column. */
int text_width(const char *s);

/*
 * Copies as much of s as fits in `cols` columns into out (always NUL-
 * terminated), replacing control characters, undecodable bytes and, when
 * `ascii` is set, every non-ASCII character with '?'.  Returns the columns
 * the copy takes.
 */
int text_clip(const char *s, int cols, bool ascii, char *out, size_t size);

/*
 * Like text_clip, but a text too long for `cols` columns ends in `more`
 * (an ellipsis), cut after its last whole word (without the punctuation
 * before the cut) when that keeps at least half of the room.
 */
int text_cut(const char *s, int cols, const char *more, bool ascii, char *out, size_t size);

/*
 * Like text_cut, for a heading of fields joined by `sep` ("pid 2 b ·
 * accessing · ws 5"): one too long for `cols` columns keeps the fields
 * that fit whole and ends in `more`; if not even the first field fits,
 * as many of its whole words as do.  A word is never cut: with no room
 * for one, `more` alone (nothing if it does not fit either).
 */
int text_cut_heading(const char *s, int cols, const char *sep, const char *more, bool ascii,
		     char *out, size_t size);

/*
 * Breaks s into lines of at most `width` columns, at spaces where it can,
 * calling fn with each line's start and byte length.  Returns the number
 * of lines.
 */
typedef void (*text_line_fn)(void *ctx, const char *line, size_t len);
size_t text_wrap(const char *s, int width, text_line_fn fn, void *ctx);

#endif
