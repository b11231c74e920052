/*
 * test_stats_line.c - the statistics line: whole when it fits; at 80
 * columns (the smallest screen the UI draws) it fits with its words
 * intact whatever the figures, giving up the least important parts
 * first; zero segmentation and protection faults are not shown.  And
 * projector mode's line of key figures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"
#include "stats_line.h"

static const char *const words[] = {
	"accesses", "hits", "faults", "segfaults", "protection faults", "evictions",
	"write-backs", "TLB", "TLB hits", "fault rate",
};

/* The line as drawn: a blank, then "label value" items between separators. */
static void
render(const struct stats_line *l, char *buf, size_t size)
{
	size_t i, n = 0;

	n += (size_t)snprintf(buf + n, size - n, " ");
	for (i = 0; i < l->n && n < size; i++)
		n += (size_t)snprintf(buf + n, size - n, "%s %s%s", l->it[i].label,
		    l->it[i].value, i + 1 < l->n ? l->sep : "");
}

static const char *
value_of(const struct stats_line *l, const char *label)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->it[i].label, label) == 0)
			return (l->it[i].value);
	}
	return (NULL);
}

static void
assert_words(const struct stats_line *l)
{
	size_t i, w;
	bool known;

	for (i = 0; i < l->n; i++) {
		known = false;
		for (w = 0; w < sizeof words / sizeof words[0]; w++)
			known = known || strcmp(l->it[i].label, words[w]) == 0;
		assert_true(known);
	}
}

static struct stats
stats(uint64_t accesses, uint64_t faults, uint64_t evictions, uint64_t writebacks,
      uint64_t tlb_hits, uint64_t tlb_misses)
{
	struct stats s;

	memset(&s, 0, sizeof s);
	s.accesses = accesses;
	s.faults = faults;
	s.hits = accesses - faults;
	s.evictions = evictions;
	s.writebacks = writebacks;
	s.tlb_hits = tlb_hits;
	s.tlb_misses = tlb_misses;
	return (s);
}

static void
t_whole_when_it_fits(void **state)
{
	struct stats s = stats(3, 3, 0, 1, 0, 3);
	struct stats_line l;
	char buf[256];

	(void)state;
	stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
	render(&l, buf, sizeof buf);
	assert_string_equal(buf, " accesses 3  hits 0  faults 3 (100%)  evictions 0  "
	    "write-backs 1  TLB 0/3 (0%)");
	assert_int_equal(stats_line_width(&l), (int)strlen(buf));
}

/* Every figure from none to the largest: 80 columns, words, the key figures. */
static void
t_fits_80_whatever_the_figures(void **state)
{
	static const uint64_t figures[] = {
		0, 7, 9999, 10000, 99999, 123456, 1000000, 987654321,
		10000000000000ull, UINT64_MAX / 2,
	};
	size_t n = sizeof figures / sizeof figures[0], i, j;
	struct stats_line l;
	struct stats s;

	(void)state;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			uint64_t hi = figures[i > j ? i : j], lo = figures[i > j ? j : i];

			s = stats(hi, lo / 2, lo / 3, lo / 5, hi / 7, hi / 11);
			stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
			assert_true(stats_line_width(&l) <= LAYOUT_MIN_COLS);
			assert_words(&l);
			assert_non_null(value_of(&l, "accesses"));
			assert_non_null(value_of(&l, "faults"));
			assert_true(value_of(&l, "TLB") != NULL ||
			    value_of(&l, "TLB hits") != NULL);
		}
}

/* What a line still has: each thing that gives way, in the order it does. */
enum keeps {
	K_TLB_COUNTS = 1u << 0,
	K_DOUBLE_SPACES = 1u << 1,
	K_HITS = 1u << 2,
	K_ZEROS = 1u << 3,
	K_DIGITS = 1u << 4,
};

static unsigned
keeps(const struct stats_line *l)
{
	const char *acc = value_of(l, "accesses");
	unsigned k = 0;

	k |= value_of(l, "TLB") != NULL ? K_TLB_COUNTS : 0;
	k |= strcmp(l->sep, "  ") == 0 ? K_DOUBLE_SPACES : 0;
	k |= value_of(l, "hits") != NULL ? K_HITS : 0;
	k |= value_of(l, "evictions") != NULL ? K_ZEROS : 0;
	k |= acc != NULL && strspn(acc, "0123456789") == strlen(acc) ? K_DIGITS : 0;
	return (k);
}

#define K_ALL (K_TLB_COUNTS | K_DOUBLE_SPACES | K_HITS | K_ZEROS | K_DIGITS)

/*
 * Narrower and narrower: things give way one by one in the order of
 * enum keeps and never come back; then whole items go from the end.
 */
static void
t_least_important_first(void **state)
{
	struct stats s = stats(123456, 23456, 0, 11000, 100000, 23456);
	struct stats_line l;
	unsigned k, was = K_ALL;
	size_t items;
	int w;

	(void)state;
	stats_line_fit(&s, 200, &l);
	items = l.n;
	for (w = 200; w >= 20; w--) {
		stats_line_fit(&s, w, &l);
		k = keeps(&l);
		assert_true(stats_line_width(&l) <= w);
		assert_int_equal(k & ~was, 0);                  /* nothing comes back */
		assert_int_equal((k + (k & (~k + 1))) & K_ALL, 0); /* lowest bits first */
		if (l.n < items && k == was)
			assert_int_equal(k, 0);                 /* items go last */
		was = k;
		items = l.n;
	}
	assert_int_equal(was, 0);
	assert_true(items < 6);

	stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
	assert_string_equal(value_of(&l, "accesses"), "123456");
	assert_string_equal(value_of(&l, "faults"), "23456 (18%)");
	assert_string_equal(value_of(&l, "TLB hits"), "81%");
}

static void
t_short_figures(void **state)
{
	static const struct {
		uint64_t v;
		const char *want;
	} cases[] = {
		{ 10000, "10k" }, { 99999, "99k" }, { 999999, "999k" },
		{ 1000000, "1.0M" }, { 1250000, "1.2M" }, { 12500000, "12M" },
		{ 4000000000ull, "4.0G" }, { UINT64_MAX, "18E" },
	};
	struct stats_line l;
	struct stats s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = stats(cases[i].v, 0, cases[i].v / 2, cases[i].v / 2, 0, 0);
		stats_line_fit(&s, 40, &l);
		assert_string_equal(value_of(&l, "accesses"), cases[i].want);
		assert_true(strlen(value_of(&l, "faults")) <= 4 + strlen(" (100%)"));
	}
}

/* Segmentation and protection faults only when there are some; never lost. */
static void
t_segfaults(void **state)
{
	struct stats s = stats(20, 4, 0, 0, 10, 6);
	struct stats_line l;

	(void)state;
	stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
	assert_null(value_of(&l, "segfaults"));
	assert_null(value_of(&l, "protection faults"));

	s.protection_faults = 2;
	stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
	assert_null(value_of(&l, "segfaults"));
	assert_string_equal(value_of(&l, "protection faults"), "2");

	s.segfaults = 1;
	stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
	assert_string_equal(value_of(&l, "segfaults"), "1");
	assert_non_null(value_of(&l, "TLB hits"));
	assert_true(stats_line_width(&l) <= LAYOUT_MIN_COLS);

	/* Every kind at once, large: whole items go from the end. */
	s = stats(UINT64_MAX / 2, UINT64_MAX / 4, UINT64_MAX / 8, UINT64_MAX / 8, 1, 1);
	s.segfaults = s.protection_faults = UINT64_MAX / 16;
	stats_line_fit(&s, LAYOUT_MIN_COLS, &l);
	assert_words(&l);
	assert_true(stats_line_width(&l) <= LAYOUT_MIN_COLS);
	assert_non_null(value_of(&l, "faults"));
	assert_non_null(value_of(&l, "segfaults"));
	assert_non_null(value_of(&l, "protection faults"));
}

/* Projector mode: accesses, faults and the fault rate, nothing else. */
static void
t_key_figures(void **state)
{
	struct stats s = stats(8, 2, 5, 1, 4, 4);
	struct stats big = stats(UINT64_MAX / 2, UINT64_MAX / 4, 1, 1, 1, 1);
	struct stats_line l;
	char buf[256];

	(void)state;
	stats_line_key(&s, LAYOUT_MIN_COLS, &l);
	render(&l, buf, sizeof buf);
	assert_string_equal(buf, " accesses 8     faults 2     fault rate 25%");
	assert_int_equal(stats_line_width(&l), (int)strlen(buf));
	/* Huge figures are shortened to fit, the words kept. */
	stats_line_key(&big, 60, &l);
	assert_int_equal(l.n, 3);
	assert_words(&l);
	assert_true(stats_line_width(&l) <= 60);
	assert_string_equal(value_of(&l, "accesses"), "9.2E");
	assert_string_equal(value_of(&l, "fault rate"), "50%");
	/* A band too narrow for all three keeps the first ones whole. */
	stats_line_key(&s, 25, &l);
	assert_int_equal(l.n, 2);
	assert_null(value_of(&l, "fault rate"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_whole_when_it_fits),
		cmocka_unit_test(t_fits_80_whatever_the_figures),
		cmocka_unit_test(t_least_important_first),
		cmocka_unit_test(t_short_figures),
		cmocka_unit_test(t_segfaults),
		cmocka_unit_test(t_key_figures),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
