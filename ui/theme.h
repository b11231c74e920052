/*
 * theme.h - what each thing on screen looks like, by meaning.
 *
 * Draw code names a semantic element (a resident page, a dirty bit, the
 * cell an event touches); a scheme gives each element its colours and
 * attributes.  Schemes: default, colour-blind safe, monochrome.  Without
 * colour (NO_COLOR, --no-color, a terminal without colours) only
 * monochrome is offered; projector mode makes everything bold.  A
 * highlight (a cell with a background colour) has black or white text
 * that stays readable on it on every terminal.
 */
#ifndef VMSCOPE_UI_THEME_H
#define VMSCOPE_UI_THEME_H

#include <stdbool.h>

#include <curses.h>

#define THEME_PROCESS_COLOURS 6

#define THEME_ELEMENTS(X) \
	X(EL_TEXT)          /* plain text */ \
	X(EL_DIM)           /* free frames and slots, secondary text */ \
	X(EL_TITLE)         /* the title bar */ \
	X(EL_BORDER)        /* panel frames */ \
	X(EL_PANEL_TITLE)   /* a panel's name in its frame */ \
	X(EL_HEADER)        /* column headings */ \
	X(EL_VPN)           /* the VPN bits of an address */ \
	X(EL_OFFSET)        /* the offset bits */ \
	X(EL_PADDR)         /* a physical address */ \
	X(EL_UNTOUCHED)     /* a mapped page never touched */ \
	X(EL_RESIDENT)      /* a page in a frame */ \
	X(EL_SWAPPED)       /* a page in swap */ \
	X(EL_CURRENT)       /* the page being accessed */ \
	X(EL_COW)           /* a copy-on-write page, or a frame copy-on-write pages share */ \
	X(EL_SHARED)        /* a page of a shared mapping, or a frame such pages share */ \
	X(EL_TOUCHED)       /* the cell the current event touches */ \
	X(EL_ALERT)         /* ... when the event is a fault */ \
	X(EL_DIRTY)         /* the D bit */ \
	X(EL_LABEL)         /* the event's name in the narration */ \
	X(EL_SELECTED)      /* the process shown, among stacked ones */ \
	X(EL_NARRATION)     /* the explanation */ \
	X(EL_KEY)           /* a key on the hint line */ \
	X(EL_HINT)          /* what the key does */ \
	X(EL_PROMPT)        /* the command line */ \
	X(EL_CURSOR)        /* the cursor in it */ \
	X(EL_ERROR)         /* a refused command, a failed save */ \
	X(EL_NOTICE)        /* a saved session, an explained cell */ \
	X(EL_WORKING_SET)   /* the mark of a page in its process's working set (w) */ \
	X(EL_CHART)         /* the bars of the thrashing view */ \
	X(EL_OVER)          /* working sets past the frames, in the thrashing view */ \
	X(EL_PROC1) X(EL_PROC2) X(EL_PROC3) X(EL_PROC4) X(EL_PROC5) X(EL_PROC6)

#define THEME_ENUM(e) e,
enum element { THEME_ELEMENTS(THEME_ENUM) EL_COUNT };
#undef THEME_ENUM

enum scheme { SCHEME_DEFAULT, SCHEME_SAFE, SCHEME_MONO, SCHEME_COUNT };

struct theme {
	enum scheme scheme;
	bool colour;        /* colours may be used at all */
	bool deep;          /* 256 colours: highlights use fixed ones */
	bool projector;     /* everything bold (but black on 8 colours: grey) */
};

/* Starts colour if allowed (call after newterm); mono otherwise. */
void theme_init(struct theme *t, bool colour);

/* The next scheme (only monochrome without colour); loads its colours. */
void theme_next(struct theme *t);

/* The attributes, colour pair included, that draw `e`. */
attr_t theme_attr(const struct theme *t, enum element e);

/*
 * The colours of `e`'s pair as curses numbers (-1: the terminal's
 * default): basic ones, or with `deep`, ones of the 256-colour cube.
 */
void theme_colours(const struct theme *t, enum element e, short *fg, short *bg);

/* The element for a process's colour. */
enum element theme_process(int pid);

const char *theme_name(const struct theme *t);

#endif
