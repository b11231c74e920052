/*
 * test_theme.c - what the themes look like, measured: every highlight (a
 * touched cell, a fault, the title, the cursor, the process shown)
 * stands out in every
 * scheme, its text has a high contrast ratio against its background on a
 * 256-colour and on an 8-colour terminal (whether or not that terminal
 * brightens bold text), projector mode is bold, monochrome uses no
 * colour, and the colour-blind-safe scheme uses no red or green.
 *
 * Colours are measured in xterm's default palette with the WCAG
 * contrast ratio; no terminal is needed.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "theme.h"

/* WCAG: 7 is "enhanced" contrast; basic colours allow no better than 4.5. */
#define DEEP_MIN 7.0
#define BASIC_MIN 4.5

static const enum element highlights[] = {
	EL_TITLE, EL_TOUCHED, EL_ALERT, EL_CURSOR, EL_SELECTED,
};
#define NHIGHLIGHTS (sizeof highlights / sizeof highlights[0])

/* xterm's palette: 16 basic colours, the 6x6x6 cube, the grey ramp. */
static void
palette(short c, double rgb[3])
{
	static const unsigned char basic[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 },
		{ 0, 0, 238 }, { 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 },
		{ 127, 127, 127 }, { 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 },
		{ 92, 92, 255 }, { 255, 0, 255 }, { 0, 255, 255 }, { 255, 255, 255 },
	};
	static const unsigned char level[6] = { 0, 95, 135, 175, 215, 255 };
	int i;

	assert_true(c >= 0 && c < 256);
	for (i = 0; i < 3; i++) {
		if (c < 16)
			rgb[i] = basic[c][i];
		else if (c < 232)
			rgb[i] = level[(c - 16) / (i == 0 ? 36 : i == 1 ? 6 : 1) % 6];
		else
			rgb[i] = 8 + 10 * (c - 232);
	}
}

static double
luminance(short c)
{
	static const double weight[3] = { 0.2126, 0.7152, 0.0722 };
	double rgb[3], l = 0;
	int i;

	palette(c, rgb);
	for (i = 0; i < 3; i++) {
		double v = rgb[i] / 255;

		v = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
		l += weight[i] * v;
	}
	return (l);
}

static double
contrast(short fg, short bg)
{
	double a = luminance(fg), b = luminance(bg);

	return (a > b ? (a + 0.05) / (b + 0.05) : (b + 0.05) / (a + 0.05));
}

static struct theme
theme(enum scheme s, bool deep, bool projector)
{
	struct theme t = { .scheme = s, .colour = true, .deep = deep, .projector = projector };

	return (t);
}

/*
 * Text on a background is readable: as drawn, and (bold basic colours)
 * as terminals that brighten bold text draw it.
 */
static void
assert_readable(const struct theme *t, enum element e)
{
	attr_t a = theme_attr(t, e);
	short fg, bg;
	double min = t->deep ? DEEP_MIN : BASIC_MIN;

	theme_colours(t, e, &fg, &bg);
	if (bg < 0)
		return;
	assert_true(fg >= 0);           /* never the terminal's own text colour */
	assert_true(contrast(fg, bg) >= min);
	if ((a & A_BOLD) && fg < 8)
		assert_true(contrast((short)(fg + 8), bg) >= min);
}

static void
t_highlights_contrast(void **state)
{
	int s, e, deep, proj;

	(void)state;
	for (s = 0; s < SCHEME_COUNT; s++)
		for (deep = 0; deep < 2; deep++)
			for (proj = 0; proj < 2; proj++)
				for (e = 0; e < EL_COUNT; e++) {
					struct theme t = theme((enum scheme)s, deep, proj);

					assert_readable(&t, (enum element)e);
				}
}

/* Each highlight has a background of its own, or is reverse video. */
static void
t_highlights_stand_out(void **state)
{
	int s, deep;
	size_t i;

	(void)state;
	for (s = 0; s < SCHEME_COUNT; s++)
		for (deep = 0; deep < 2; deep++)
			for (i = 0; i < NHIGHLIGHTS; i++) {
				struct theme t = theme((enum scheme)s, deep, false);
				attr_t a = theme_attr(&t, highlights[i]);
				short fg, bg;

				theme_colours(&t, highlights[i], &fg, &bg);
				assert_true(bg >= 0 || (a & A_REVERSE));
			}
}

/* A fault does not look like an ordinary touch; on 256 colours both are bold. */
static void
t_touched_and_alert(void **state)
{
	int s, deep;

	(void)state;
	for (s = 0; s < SCHEME_COUNT; s++)
		for (deep = 0; deep < 2; deep++) {
			struct theme t = theme((enum scheme)s, deep, false);
			short f1, b1, f2, b2;

			theme_colours(&t, EL_TOUCHED, &f1, &b1);
			theme_colours(&t, EL_ALERT, &f2, &b2);
			assert_true(f1 != f2 || b1 != b2 ||
			    theme_attr(&t, EL_TOUCHED) != theme_attr(&t, EL_ALERT));
			if (deep && s != SCHEME_MONO) {
				assert_true(theme_attr(&t, EL_TOUCHED) & A_BOLD);
				assert_true(theme_attr(&t, EL_ALERT) & A_BOLD);
			}
		}
}

/*
 * Projector mode: everything bold, except black text on a basic colour
 * (bold black is grey on most such terminals), which stays readable.
 */
static void
t_projector_bold(void **state)
{
	int s, e, deep;

	(void)state;
	for (s = 0; s < SCHEME_COUNT; s++)
		for (deep = 0; deep < 2; deep++)
			for (e = 0; e < EL_COUNT; e++) {
				struct theme t = theme((enum scheme)s, deep, true);
				short fg, bg;

				theme_colours(&t, (enum element)e, &fg, &bg);
				if (!deep && fg == COLOR_BLACK && bg >= 0)
					assert_false(theme_attr(&t, (enum element)e) & A_BOLD);
				else
					assert_true(theme_attr(&t, (enum element)e) & A_BOLD);
			}
}

static void
t_mono_without_colour(void **state)
{
	int e, colour;

	(void)state;
	for (colour = 0; colour < 2; colour++)
		for (e = 0; e < EL_COUNT; e++) {
			struct theme t = theme(SCHEME_MONO, false, false);

			t.colour = colour;
			assert_int_equal(theme_attr(&t, (enum element)e) & A_COLOR, 0);
		}
}

static void
t_safe_has_no_red_or_green(void **state)
{
	struct theme t = theme(SCHEME_SAFE, false, false);
	short fg, bg;
	int e;

	(void)state;
	for (e = 0; e < EL_COUNT; e++) {
		theme_colours(&t, (enum element)e, &fg, &bg);
		assert_true(fg != COLOR_RED && fg != COLOR_GREEN);
		assert_true(bg != COLOR_RED && bg != COLOR_GREEN);
	}
}

/*
 * Meanings that are on screen together never share a colour: the page
 * states (resident, swapped, the page being accessed) and the highlight
 * of a fault or victim.  The colour-blind theme once drew the victim and
 * the access in the same yellow.
 */
static void
t_meanings_apart(void **state)
{
	static const enum element fgs[] = { EL_RESIDENT, EL_SWAPPED, EL_CURRENT };
	short colour[4], bg;
	int s, i, j;

	(void)state;
	for (s = 0; s < SCHEME_COUNT; s++) {
		struct theme t = theme((enum scheme)s, false, false);

		if (s == SCHEME_MONO)
			continue;       /* no colour: the glyphs tell them apart */
		for (i = 0; i < 3; i++)
			theme_colours(&t, fgs[i], &colour[i], &bg);
		theme_colours(&t, EL_ALERT, &bg, &colour[3]);
		for (i = 0; i < 4; i++)
			for (j = i + 1; j < 4; j++) {
				if (colour[i] == colour[j])
					fail_msg("%s: meanings %d and %d share colour %d",
					    theme_name(&t), i, j, colour[i]);
			}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_highlights_contrast),
		cmocka_unit_test(t_highlights_stand_out),
		cmocka_unit_test(t_touched_and_alert),
		cmocka_unit_test(t_projector_bold),
		cmocka_unit_test(t_mono_without_colour),
		cmocka_unit_test(t_safe_has_no_red_or_green),
		cmocka_unit_test(t_meanings_apart),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
