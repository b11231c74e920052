/*
 * big_font.h - capital letters five rows high, for the event's name in
 * projector mode: A-Z, space and hyphen, each drawn with one ink glyph
 * ("█", or "#" in ASCII).  Pure: no curses.
 */
#ifndef VMSCOPE_UI_BIG_FONT_H
#define VMSCOPE_UI_BIG_FONT_H

#include <stddef.h>

#define BIG_FONT_ROWS 5

/* Columns s takes in big letters (a blank column between letters). */
int big_font_width(const char *s);

/*
 * Row `row` (0 .. BIG_FONT_ROWS - 1) of s in big letters into out: each
 * inked cell as `ink`, each blank one as a space.  Characters without a
 * letter of their own are blank.
 */
void big_font_row(const char *s, int row, const char *ink, char *out, size_t size);

#endif
