/*
 * theme.c - the element x scheme table and the colour pairs behind it.
 *
 * Colour pair e + 1 draws element e in the current scheme; switching
 * scheme re-initialises the pairs, and curses repaints what uses them.
 * The eight basic colours work on any colour terminal; a highlight (a
 * coloured background) uses named colours instead, which become fixed
 * colours of the 256-colour cube where there is one, so its text is
 * truly black or white whatever the terminal's palette.  Every meaning
 * also has a glyph or an attribute, never colour alone.
 */
#include "theme.h"

struct style {
	short fg, bg;       /* NONE: the terminal's default; or a named colour */
	attr_t attr;
};

#define S(fg, bg, attr) { (fg), (bg), (attr) }
#define NONE -1

/* Named colours, for highlights: below NONE, so never a basic colour. */
#define INK (-2)        /* text on a highlight */
#define PAPER (-3)      /* white */
#define GOLD (-4)       /* the background of a touched cell */
#define CRIMSON (-5)    /* the background of a fault */
#define NAVY (-6)       /* the title bar */

/* Indexed by -colour (0 and 1 unused). */
static const struct named {
	short basic;        /* with 8 or 16 colours */
	short deep;         /* with 256: the same on every terminal */
} named[] = {
	[-INK] = { COLOR_BLACK, 16 },           /* #000000 */
	[-PAPER] = { COLOR_WHITE, 231 },        /* #ffffff */
	[-GOLD] = { COLOR_YELLOW, 220 },        /* #ffd700 */
	[-CRIMSON] = { COLOR_RED, 124 },        /* #af0000 */
	[-NAVY] = { COLOR_BLUE, 19 },           /* #0000af */
};

static const struct style schemes[SCHEME_COUNT][EL_COUNT] = {
	[SCHEME_DEFAULT] = {
		[EL_TEXT] = S(NONE, NONE, A_NORMAL),
		[EL_DIM] = S(NONE, NONE, A_DIM),
		[EL_TITLE] = S(PAPER, NAVY, A_BOLD),
		[EL_BORDER] = S(COLOR_BLUE, NONE, A_NORMAL),
		[EL_PANEL_TITLE] = S(NONE, NONE, A_BOLD),
		[EL_HEADER] = S(NONE, NONE, A_UNDERLINE),
		[EL_VPN] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_OFFSET] = S(COLOR_YELLOW, NONE, A_NORMAL),
		[EL_PADDR] = S(COLOR_GREEN, NONE, A_BOLD),
		[EL_UNTOUCHED] = S(NONE, NONE, A_NORMAL),
		[EL_RESIDENT] = S(COLOR_GREEN, NONE, A_BOLD),
		[EL_SWAPPED] = S(COLOR_MAGENTA, NONE, A_NORMAL),
		[EL_CURRENT] = S(COLOR_YELLOW, NONE, A_BOLD),
		[EL_COW] = S(COLOR_YELLOW, NONE, A_NORMAL),
		[EL_SHARED] = S(COLOR_BLUE, NONE, A_BOLD),
		[EL_TOUCHED] = S(INK, GOLD, A_BOLD),
		[EL_ALERT] = S(PAPER, CRIMSON, A_BOLD),
		[EL_DIRTY] = S(COLOR_RED, NONE, A_BOLD),
		[EL_LABEL] = S(COLOR_YELLOW, NONE, A_BOLD),
		[EL_SELECTED] = S(NONE, NONE, A_REVERSE | A_BOLD),
		[EL_NARRATION] = S(NONE, NONE, A_NORMAL),
		[EL_KEY] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_HINT] = S(NONE, NONE, A_NORMAL),
		[EL_PROMPT] = S(NONE, NONE, A_BOLD),
		[EL_CURSOR] = S(NONE, NONE, A_REVERSE),
		[EL_ERROR] = S(COLOR_RED, NONE, A_BOLD),
		[EL_NOTICE] = S(COLOR_GREEN, NONE, A_NORMAL),
		[EL_WORKING_SET] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_CHART] = S(NONE, NONE, A_BOLD),
		[EL_OVER] = S(COLOR_RED, NONE, A_BOLD),
		[EL_PROC1] = S(COLOR_CYAN, NONE, A_NORMAL),
		[EL_PROC2] = S(COLOR_GREEN, NONE, A_NORMAL),
		[EL_PROC3] = S(COLOR_MAGENTA, NONE, A_NORMAL),
		[EL_PROC4] = S(COLOR_YELLOW, NONE, A_NORMAL),
		[EL_PROC5] = S(COLOR_BLUE, NONE, A_BOLD),
		[EL_PROC6] = S(COLOR_RED, NONE, A_NORMAL),
	},
	/* Cyan and blue against yellow, light against dark: no red-green cues. */
	[SCHEME_SAFE] = {
		[EL_TEXT] = S(NONE, NONE, A_NORMAL),
		[EL_DIM] = S(NONE, NONE, A_DIM),
		[EL_TITLE] = S(PAPER, NAVY, A_BOLD),
		[EL_BORDER] = S(COLOR_BLUE, NONE, A_NORMAL),
		[EL_PANEL_TITLE] = S(NONE, NONE, A_BOLD),
		[EL_HEADER] = S(NONE, NONE, A_UNDERLINE),
		[EL_VPN] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_OFFSET] = S(COLOR_YELLOW, NONE, A_NORMAL),
		[EL_PADDR] = S(COLOR_WHITE, NONE, A_BOLD),
		[EL_UNTOUCHED] = S(NONE, NONE, A_NORMAL),
		/* Page states apart from each other and from the victim's gold. */
		[EL_RESIDENT] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_SWAPPED] = S(COLOR_MAGENTA, NONE, A_NORMAL),
		[EL_CURRENT] = S(COLOR_WHITE, NONE, A_BOLD | A_UNDERLINE),
		[EL_COW] = S(COLOR_YELLOW, NONE, A_NORMAL),
		[EL_SHARED] = S(COLOR_BLUE, NONE, A_BOLD),
		[EL_TOUCHED] = S(INK, PAPER, A_BOLD),
		[EL_ALERT] = S(INK, GOLD, A_BOLD),
		[EL_DIRTY] = S(COLOR_YELLOW, NONE, A_BOLD),
		[EL_LABEL] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_SELECTED] = S(NONE, NONE, A_REVERSE | A_BOLD),
		[EL_NARRATION] = S(NONE, NONE, A_NORMAL),
		[EL_KEY] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_HINT] = S(NONE, NONE, A_NORMAL),
		[EL_PROMPT] = S(NONE, NONE, A_BOLD),
		[EL_CURSOR] = S(NONE, NONE, A_REVERSE),
		[EL_ERROR] = S(COLOR_YELLOW, NONE, A_BOLD | A_UNDERLINE),
		[EL_NOTICE] = S(COLOR_CYAN, NONE, A_NORMAL),
		[EL_WORKING_SET] = S(COLOR_YELLOW, NONE, A_BOLD),
		[EL_CHART] = S(NONE, NONE, A_BOLD),
		[EL_OVER] = S(COLOR_YELLOW, NONE, A_BOLD),
		[EL_PROC1] = S(COLOR_CYAN, NONE, A_BOLD),
		[EL_PROC2] = S(COLOR_YELLOW, NONE, A_NORMAL),
		[EL_PROC3] = S(COLOR_BLUE, NONE, A_BOLD),
		[EL_PROC4] = S(COLOR_MAGENTA, NONE, A_NORMAL),
		[EL_PROC5] = S(COLOR_WHITE, NONE, A_BOLD),
		[EL_PROC6] = S(NONE, NONE, A_UNDERLINE),
	},
	/* Attributes only: what NO_COLOR and colourless terminals get. */
	[SCHEME_MONO] = {
		[EL_TEXT] = S(NONE, NONE, A_NORMAL),
		[EL_DIM] = S(NONE, NONE, A_DIM),
		[EL_TITLE] = S(NONE, NONE, A_REVERSE),
		[EL_BORDER] = S(NONE, NONE, A_NORMAL),
		[EL_PANEL_TITLE] = S(NONE, NONE, A_BOLD),
		[EL_HEADER] = S(NONE, NONE, A_UNDERLINE),
		[EL_VPN] = S(NONE, NONE, A_BOLD),
		[EL_OFFSET] = S(NONE, NONE, A_UNDERLINE),
		[EL_PADDR] = S(NONE, NONE, A_BOLD),
		[EL_UNTOUCHED] = S(NONE, NONE, A_NORMAL),
		[EL_RESIDENT] = S(NONE, NONE, A_BOLD),
		[EL_SWAPPED] = S(NONE, NONE, A_NORMAL),
		[EL_CURRENT] = S(NONE, NONE, A_BOLD | A_UNDERLINE),
		[EL_COW] = S(NONE, NONE, A_UNDERLINE),
		[EL_SHARED] = S(NONE, NONE, A_BOLD),
		[EL_TOUCHED] = S(NONE, NONE, A_REVERSE),
		[EL_ALERT] = S(NONE, NONE, A_REVERSE | A_BOLD),
		[EL_DIRTY] = S(NONE, NONE, A_BOLD),
		[EL_LABEL] = S(NONE, NONE, A_BOLD),
		[EL_SELECTED] = S(NONE, NONE, A_REVERSE | A_BOLD),
		[EL_NARRATION] = S(NONE, NONE, A_NORMAL),
		[EL_KEY] = S(NONE, NONE, A_BOLD),
		[EL_HINT] = S(NONE, NONE, A_NORMAL),
		[EL_PROMPT] = S(NONE, NONE, A_BOLD),
		[EL_CURSOR] = S(NONE, NONE, A_REVERSE),
		[EL_ERROR] = S(NONE, NONE, A_BOLD | A_UNDERLINE),
		[EL_NOTICE] = S(NONE, NONE, A_BOLD),
		[EL_WORKING_SET] = S(NONE, NONE, A_BOLD),
		[EL_CHART] = S(NONE, NONE, A_BOLD),
		[EL_OVER] = S(NONE, NONE, A_BOLD),
		[EL_PROC1] = S(NONE, NONE, A_NORMAL),
		[EL_PROC2] = S(NONE, NONE, A_NORMAL),
		[EL_PROC3] = S(NONE, NONE, A_NORMAL),
		[EL_PROC4] = S(NONE, NONE, A_NORMAL),
		[EL_PROC5] = S(NONE, NONE, A_NORMAL),
		[EL_PROC6] = S(NONE, NONE, A_NORMAL),
	},
};

static const char *const scheme_names[SCHEME_COUNT] = {
	[SCHEME_DEFAULT] = "default",
	[SCHEME_SAFE] = "colour-blind safe",
	[SCHEME_MONO] = "monochrome",
};

static short
resolve(const struct theme *t, short c)
{
	if (c >= NONE)
		return (c);
	return (t->deep ? named[-c].deep : named[-c].basic);
}

void
theme_colours(const struct theme *t, enum element e, short *fg, short *bg)
{
	const struct style *s = &schemes[t->scheme][e];

	*fg = resolve(t, s->fg);
	*bg = resolve(t, s->bg);
}

static void
load_pairs(const struct theme *t)
{
	short fg, bg;
	int e;

	if (!t->colour)
		return;
	for (e = 0; e < EL_COUNT; e++) {
		theme_colours(t, (enum element)e, &fg, &bg);
		init_pair((short)(e + 1), fg, bg);
	}
}

void
theme_init(struct theme *t, bool colour)
{
	t->colour = colour && has_colors() && start_color() == OK;
	if (t->colour)
		use_default_colors();
	t->deep = t->colour && COLORS >= 256;
	t->scheme = t->colour ? SCHEME_DEFAULT : SCHEME_MONO;
	t->projector = false;
	load_pairs(t);
}

void
theme_next(struct theme *t)
{
	if (!t->colour)
		return;
	t->scheme = (t->scheme + 1) % SCHEME_COUNT;
	load_pairs(t);
}

attr_t
theme_attr(const struct theme *t, enum element e)
{
	const struct style *s = &schemes[t->scheme][e];
	attr_t a = s->attr;

	if (t->colour && (s->fg != NONE || s->bg != NONE))
		a |= COLOR_PAIR(e + 1);
	if (t->projector)
		a |= A_BOLD;
	/* Most terminals show bold basic black as grey: ink stays plain there. */
	if (t->colour && s->fg == INK && !t->deep)
		a &= ~(attr_t)A_BOLD;
	return (a);
}

enum element
theme_process(int pid)
{
	if (pid <= 0)
		return (EL_DIM);
	return ((enum element)(EL_PROC1 + (pid - 1) % THEME_PROCESS_COLOURS));
}

const char *
theme_name(const struct theme *t)
{
	return (scheme_names[t->scheme]);
}
