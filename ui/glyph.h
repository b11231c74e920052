/*
 * glyph.h - the characters the screen is drawn with, in two sets: Unicode
 * for UTF-8 terminals and plain ASCII for everything else (or --ascii).
 * Every page state has its own glyph, so the screen reads in monochrome.
 */
#ifndef VMSCOPE_UI_GLYPH_H
#define VMSCOPE_UI_GLYPH_H

#include <stdbool.h>
#include <stddef.h>

struct glyphs {
	bool ascii;
	/* pages: mapped but never touched, resident, being accessed, swapped,
	 * dropped (touched, evicted clean, in no frame and no slot) */
	const char *untouched, *resident, *current, *swapped, *dropped;
	/* a copy-on-write page, and a shared mapping's page, in a frame or in swap */
	const char *cow, *cow_swapped, *shared, *shared_swapped;
	const char *refused;        /* an access to a page not mapped */
	const char *in_ws;          /* before a page in its process's working set (w) */
	const char *free;           /* a free frame, slot or TLB entry */
	const char *split;          /* between the VPN and offset bits */
	const char *arrow;          /* "->" */
	const char *pointer;        /* the row an event is on */
	const char *prompt;         /* after "pid 1" at the command prompt */
	const char *marker;         /* beside the cell an event touches */
	const char *hand;           /* where a policy's clock hand points */
	const char *sep;            /* between items on one line */
	const char *bullet;         /* before the narration */
	const char *playing, *paused;
	const char *times;          /* in "80x24" */
	const char *enter;          /* the Enter key */
	const char *more;           /* text goes on */
	/* a page struck through: struck_before, then each character followed
	 * by struck_each (a combining stroke, or nothing) */
	const char *struck_before, *struck_each;
	/* the thrashing view: a bar of 0 to 8 eighths; the frames line where the
	 * working sets fit in the frames, where they do not, where they stop */
	const char *bar[9];
	const char *fits, *over, *stops;
	/* box drawing */
	const char *h, *v, *tl, *tr, *bl, *br;
};

const struct glyphs *glyphs_get(bool ascii);

/* One line of the legend: a glyph of g and what it means on screen. */
struct glyph_meaning {
	const char *glyph, *meaning;
};

/* Room for every line of the legend. */
#define GLYPH_LEGEND_MAX 24

/*
 * The legend of every glyph that carries a meaning, in g's characters;
 * returns how many entries there are (out gets at most max of them).
 * Kept beside the glyph sets, so a new glyph gets its line here.
 */
size_t glyphs_legend(const struct glyphs *g, struct glyph_meaning *out, size_t max);

#endif
