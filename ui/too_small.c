/*
 * too_small.c - the whole screen when it is below the minimum: a centred
 * request to enlarge it, and its size now.  Safe down to 1x1: the pen
 * clips every line, so the request is shortened to fit first, and the
 * size it asks for stays whole as long as it can.
 */
#include <stdio.h>

#include "draw.h"
#include "text.h"
#include "view.h"

static void
centred(const struct app *a, const struct rect *screen, int row, enum element el,
	const char *s)
{
	int w = text_width(s), x = screen->w > w ? (screen->w - w) / 2 : 0;
	struct pen p;

	pen_at(&p, a, screen, row, x);
	pen_put(&p, el, s);
}

void
too_small_draw(const struct app *a)
{
	struct rect screen = { 0, 0, a->layout.cols, a->layout.rows };
	static const char *const forms[] = { "enlarge to at least ", "at least ", "" };
	char want[64], now[64];
	int y = screen.h / 2 - 1;

	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		snprintf(want, sizeof want, "%s%d%s%d", forms[i], LAYOUT_MIN_COLS, a->g->times,
		    LAYOUT_MIN_ROWS);
		if (text_width(want) <= screen.w)
			break;
	}
	snprintf(now, sizeof now, "(now %d%s%d)", screen.w, a->g->times, screen.h);
	centred(a, &screen, y < 0 ? 0 : y, EL_PANEL_TITLE, want);
	centred(a, &screen, y + 1, EL_DIM, now);
}
