/*
 * test_text.c - text in terminal columns: widths of ASCII and UTF-8,
 * clipping that never splits a character and never lets a control
 * character through, ASCII mode, and word wrapping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <string.h>
#include <cmocka.h>

#include "text.h"

#define ARROW "\xe2\x86\x92"    /* U+2192, one column */
#define WIDE "\xe6\xbc\xa2"     /* U+6F22, two columns */

struct lines {
	char text[16][128];
	size_t n;
};

static void
collect(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;

	assert_true(l->n < 16);
	assert_true(len < sizeof l->text[0]);
	memcpy(l->text[l->n], line, len);
	l->text[l->n][len] = '\0';
	l->n++;
}

static int
utf8(void **state)
{
	(void)state;
	return (setlocale(LC_ALL, "C.UTF-8") == NULL ? -1 : 0);
}

static void
t_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("frame 2"), 7);
	assert_int_equal(text_width("1:0x7" ARROW "f2"), 8);
	assert_int_equal(text_width(WIDE "a"), 3);
	assert_int_equal(text_width("\xff" "a"), 2);     /* a stray byte: one column */
}

static void
t_clip(void **state)
{
	char out[64], tiny[4];

	(void)state;
	assert_int_equal(text_clip("frame 2", 5, false, out, sizeof out), 5);
	assert_string_equal(out, "frame");
	assert_int_equal(text_clip("a" ARROW "b", 2, false, out, sizeof out), 2);
	assert_string_equal(out, "a" ARROW);
	assert_int_equal(text_clip("a" WIDE, 2, false, out, sizeof out), 1);
	assert_string_equal(out, "a");                   /* half a wide char: not drawn */
	assert_int_equal(text_clip("a\tb\x1b[2Jc", 80, false, out, sizeof out), 8);
	assert_string_equal(out, "a?b?[2Jc");           /* no control reaches the tty */
	assert_int_equal(text_clip("a" ARROW WIDE "b", 80, true, out, sizeof out), 4);
	assert_string_equal(out, "a??b");                /* ASCII: one ? a character */
	assert_int_equal(text_clip("anything", 0, false, out, sizeof out), 0);
	assert_string_equal(out, "");
	text_clip("abcdef", 80, false, tiny, sizeof tiny);
	assert_string_equal(tiny, "abc");
	text_clip(ARROW ARROW, 80, false, tiny, sizeof tiny);
	assert_string_equal(tiny, ARROW);                /* whole characters only */
}

static void
t_cut(void **state)
{
	const char *title = "Belady's anomaly, part 1: FIFO with 3 frames";
	char out[64];

	(void)state;
	assert_int_equal(text_cut(title, 80, "...", false, out, sizeof out), 44);
	assert_string_equal(out, title);                 /* fits: untouched */
	assert_int_equal(text_cut(title, 34, "...", false, out, sizeof out), 33);
	assert_string_equal(out, "Belady's anomaly, part 1: FIFO...");  /* whole words */
	text_cut(title, 30, "...", false, out, sizeof out);
	assert_string_equal(out, "Belady's anomaly, part 1...");  /* no stray colon */
	text_cut(title, 28, "\xe2\x80\xa6", false, out, sizeof out);
	assert_string_equal(out, "Belady's anomaly, part 1\xe2\x80\xa6");
	text_cut("Supercalifragilistic", 10, "...", false, out, sizeof out);
	assert_string_equal(out, "Superca...");         /* one word: cut inside it */
	assert_int_equal(text_cut("abcdef", 2, "...", false, out, sizeof out), 2);
	assert_string_equal(out, "ab");                  /* no room for the ellipsis */
}

/*
 * A heading too long keeps its whole fields, then its first field's whole
 * words, never part of a word: "pid 1 shell · accessing · typing here ·
 * ws 2" in 35 columns leaves 34 before the ellipsis; "pid 1 shell ·
 * accessing" (23) fits, "... · typing here" (37) does not.
 */
static void
t_cut_heading(void **state)
{
	const char *heading = "pid 1 shell \xc2\xb7 accessing \xc2\xb7 typing here \xc2\xb7 ws 2";
	const char *dot = " \xc2\xb7 ", *more = "\xe2\x80\xa6";
	char out[96];

	(void)state;
	assert_int_equal(text_cut_heading(heading, 80, dot, more, false, out, sizeof out), 44);
	assert_string_equal(out, heading);               /* fits: untouched */
	assert_int_equal(text_cut_heading(heading, 35, dot, more, false, out, sizeof out), 24);
	assert_string_equal(out, "pid 1 shell \xc2\xb7 accessing\xe2\x80\xa6");
	text_cut_heading(heading, 43, dot, more, false, out, sizeof out);
	assert_string_equal(out, "pid 1 shell \xc2\xb7 accessing \xc2\xb7 typing here\xe2\x80\xa6");
	text_cut_heading("frames \xc2\xb7 14/16", 9, dot, more, false, out, sizeof out);
	assert_string_equal(out, "frames\xe2\x80\xa6");  /* never "frames \xc2\xb7 1" */
	text_cut_heading("page table - pid 1 - limit 2/3", 20, " - ", "...", true, out, sizeof out);
	assert_string_equal(out, "page table...");
	/* the first field too long: its whole words */
	text_cut_heading("A sparse address space \xc2\xb7 x", 12, dot, more, false, out, sizeof out);
	assert_string_equal(out, "A sparse\xe2\x80\xa6");
	/* no whole word fits: the ellipsis alone, or nothing */
	text_cut_heading("Supercalifragilistic word", 10, dot, "...", false, out, sizeof out);
	assert_string_equal(out, "...");
	assert_int_equal(text_cut_heading("Supercalifragilistic", 2, dot, "...", false, out,
	    sizeof out), 0);
	assert_string_equal(out, "");
}

static void
t_wrap(void **state)
{
	const char *s = "no free frame: lru evicts 1:0x3 from frame 2, least recently used";
	struct lines l = { .n = 0 };
	char joined[256] = "";
	size_t i, n;

	(void)state;
	n = text_wrap(s, 20, collect, &l);
	assert_int_equal(n, l.n);
	assert_true(l.n >= 4);
	for (i = 0; i < l.n; i++) {
		assert_true(text_width(l.text[i]) <= 20);
		assert_true(l.text[i][0] != ' ');
		if (i > 0)
			strcat(joined, " ");
		strcat(joined, l.text[i]);
	}
	assert_string_equal(joined, s);                  /* only breaks at spaces */
	l.n = 0;
	assert_int_equal(text_wrap("0123456789abcdef", 6, collect, &l), 3);
	assert_string_equal(l.text[0], "012345");        /* a long word is cut */
	assert_string_equal(l.text[2], "cdef");
	l.n = 0;
	assert_int_equal(text_wrap(WIDE WIDE, 1, collect, &l), 2);   /* never stuck */
	assert_string_equal(l.text[0], WIDE);
	assert_int_equal(text_wrap("", 10, collect, &l), 0);
	assert_int_equal(text_wrap("   ", 10, collect, &l), 0);
	assert_int_equal(text_wrap("text", 0, collect, &l), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_width),
		cmocka_unit_test(t_clip),
		cmocka_unit_test(t_cut),
		cmocka_unit_test(t_cut_heading),
		cmocka_unit_test(t_wrap),
	};

	return (cmocka_run_group_tests(tests, utf8, NULL));
}
