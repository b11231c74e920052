/*
 * test_stats_line.c - the statistics line: whole when it fits; one
 * wording at every width; whole fields give way in one fixed order; at 80
 * columns (the smallest screen the UI draws) it fits whatever the
 * figures; percentages rounded to nearest; zero segmentation and
 * protection faults are not shown.  And projector mode's key figures,
 * which keep what the lesson is about (TLB hits, write-backs); fields the
 * session's promises name give way last and join the key figures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <cjson/cJSON.h>

#include "layout.h"
#include "stats_line.h"

static const char *const words[] = {
	"accesses", "hits", "faults", "segfaults", "protection faults", "out of memory",
	"evictions", "write-backs", "zero-fills", "swap-ins", "minor/major", "TLB hits",
	"TLB reach", "refs/access", "PT frames",
};

static const struct stats_shape with_tlb = { true, 1, 0, 0, false, NULL },
	no_tlb = { false, 1, 0, 0, false, NULL };
/*
 * Two levels, three frames of page tables, huge pages mapped and a TLB
 * whose entries cover 2 MiB and 8 KiB: the line adds TLB reach,
 * refs/access and PT frames.
 */
static const struct stats_shape two_levels = { true, 2, 3, (2u << 20) + (8u << 10), true,
	NULL };

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
	s.zero_fills = faults / 2;
	s.swap_ins = faults - faults / 2;
	return (s);
}

static void
t_whole_when_it_fits(void **state)
{
	struct stats s = stats(3, 3, 0, 1, 0, 3);
	struct stats_line l;
	char buf[256];

	(void)state;
	stats_line_fit(&s, &with_tlb, 200, &l);
	render(&l, buf, sizeof buf);
	assert_string_equal(buf, " accesses 3  hits 0  faults 3 (100%)  evictions 0  "
	    "write-backs 1  zero-fills 1  swap-ins 2  TLB hits 0/3 (0%)");
	assert_int_equal(stats_line_width(&l), (int)strlen(buf));
	/* No TLB, no TLB field. */
	stats_line_fit(&s, &no_tlb, 200, &l);
	assert_null(value_of(&l, "TLB hits"));
}

/* Once pages are shared, minor/major faults show, and are the first to give way. */
static void
t_minor_major_once_shared(void **state)
{
	struct stats s = stats(3, 3, 0, 1, 0, 3);
	struct stats_line l;
	char buf[256];
	int whole;

	(void)state;
	s.minor_faults = 2;
	s.major_faults = 1;
	stats_line_fit(&s, &with_tlb, 200, &l);
	assert_null(value_of(&l, "minor/major"));      /* nothing shared yet */
	s.cow_faults = 1;
	stats_line_fit(&s, &with_tlb, 200, &l);
	render(&l, buf, sizeof buf);
	assert_string_equal(buf, " accesses 3  hits 0  faults 3 (100%)  evictions 0  "
	    "write-backs 1  zero-fills 1  swap-ins 2  minor/major 2/1  TLB hits 0/3 (0%)");
	whole = stats_line_width(&l);
	/* One column short of whole (single spaces fit it): still all there. */
	stats_line_fit(&s, &with_tlb, whole - 1, &l);
	assert_string_equal(value_of(&l, "minor/major"), "2/1");
	/* Too narrow for every field even with single spaces: minor/major goes first. */
	stats_line_fit(&s, &with_tlb, whole - 10, &l);
	assert_null(value_of(&l, "minor/major"));
	assert_non_null(value_of(&l, "zero-fills"));
}

/* The promises of an "expect" object written as JSON. */
static struct promises *
promises_of(const char *json)
{
	struct json_reader r = { 0 };
	struct cJSON *v = json_parse(&r, json, strlen(json));
	struct promises *e;

	assert_non_null(v);
	e = promises_read(&r, v, "expect");
	assert_non_null(e);
	cJSON_Delete(v);
	return (e);
}

/*
 * A field the session's promises name gives way after every other: a
 * lesson promising zero-fills keeps them where hits, evictions and
 * write-backs went; projector mode adds them to its key figures.
 */
static void
t_promised_fields_stay(void **state)
{
	struct stats s = stats(1234, 567, 89, 12, 600, 634);
	struct stats_shape shape = with_tlb;
	struct stats_line l;
	int whole;

	(void)state;
	stats_line_fit(&s, &with_tlb, 200, &l);
	whole = stats_line_width(&l);
	/* narrow enough for zero-fills, swap-ins and hits to go */
	stats_line_fit(&s, &with_tlb, whole - 30, &l);
	assert_null(value_of(&l, "zero-fills"));
	shape.about = promises_of("{\"zero_fills\": 3, \"tlb_misses\": 4}");
	stats_line_fit(&s, &shape, whole - 30, &l);
	assert_true(stats_line_width(&l) <= whole - 30);
	assert_string_equal(value_of(&l, "zero-fills"), "283");
	assert_null(value_of(&l, "hits"));
	assert_null(value_of(&l, "swap-ins"));
	/* projector mode: the key figures and the promised ones */
	stats_line_key(&s, &shape, 200, &l);
	assert_string_equal(value_of(&l, "zero-fills"), "283");
	assert_non_null(value_of(&l, "TLB hits"));
	assert_null(value_of(&l, "hits"));
	promises_free((struct promises *)shape.about);
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
			stats_line_fit(&s, &with_tlb, LAYOUT_MIN_COLS, &l);
			assert_true(stats_line_width(&l) <= LAYOUT_MIN_COLS);
			assert_words(&l);
			assert_non_null(value_of(&l, "accesses"));
			assert_non_null(value_of(&l, "faults"));
			assert_non_null(value_of(&l, "TLB hits"));
		}
}

/* The order fields give way in (stats_line.h), first to last. */
static const char *const give_way[] = {
	"minor/major", "zero-fills", "swap-ins", "hits", "evictions", "write-backs", "PT frames",
	"TLB reach", "refs/access", "TLB hits", "out of memory", "protection faults", "segfaults", "faults",
};

/*
 * Narrower and narrower: every field keeps its one wording (TLB hits
 * always "h/l (p%)"), and the fields missing are always the first ones
 * of give_way, never coming back.
 */
static void
t_one_wording_fixed_order(void **state)
{
	struct stats s = stats(123456, 23456, 0, 11000, 100000, 23456);
	struct stats_line l;
	size_t g, gone = 0, now;
	int w;

	(void)state;
	s.segfaults = 3;
	s.protection_faults = 1;
	s.out_of_memory = 2;
	for (w = 200; w >= 10; w--) {
		stats_line_fit(&s, &two_levels, w, &l);
		assert_true(stats_line_width(&l) <= w || l.n == 1);
		assert_words(&l);
		if (value_of(&l, "TLB hits") != NULL)
			assert_non_null(strchr(value_of(&l, "TLB hits"), '/'));
		now = 0;
		while (now < sizeof give_way / sizeof give_way[0] &&
		    value_of(&l, give_way[now]) == NULL)
			now++;
		for (g = now; g < sizeof give_way / sizeof give_way[0]; g++)
			assert_non_null(value_of(&l, give_way[g]));
		assert_true(now >= gone);
		gone = now;
		assert_non_null(value_of(&l, "accesses"));
	}
	assert_true(gone > 5);

	s.segfaults = s.protection_faults = s.out_of_memory = 0;
	stats_line_fit(&s, &with_tlb, LAYOUT_MIN_COLS, &l);
	assert_string_equal(value_of(&l, "accesses"), "123k");
	assert_string_equal(value_of(&l, "faults"), "23k (19%)");
	assert_string_equal(value_of(&l, "TLB hits"), "100k/123k (81%)");
}

/*
 * Two levels: 10 accesses, 4 translated by the TLB (1 reference each) and
 * 6 that missed it (a walk of 2 and the data: 3 each): (4 + 18) / 10 =
 * 2.2 references an access; with one level neither field is drawn.
 */
static void
t_multi_level_fields(void **state)
{
	struct stats s = stats(10, 6, 0, 0, 4, 6);
	struct stats_shape shape;
	struct stats_line l;

	(void)state;
	s.mem_refs = 4 * 1 + 6 * (2 + 1);
	s.costed = 10;
	stats_line_fit(&s, &two_levels, 200, &l);
	assert_string_equal(value_of(&l, "refs/access"), "2.2");
	/* An eleventh access under way: counted when it ends, not before. */
	s.accesses = 11;
	stats_line_fit(&s, &two_levels, 200, &l);
	assert_string_equal(value_of(&l, "refs/access"), "2.2");
	/* None ended yet: no average. */
	s.costed = 0;
	s.mem_refs = 0;
	stats_line_fit(&s, &two_levels, 200, &l);
	assert_string_equal(value_of(&l, "refs/access"), "-");
	s = stats(10, 6, 0, 0, 4, 6);
	s.mem_refs = 4 * 1 + 6 * (2 + 1);
	s.costed = 10;
	assert_string_equal(value_of(&l, "PT frames"), "3");
	/* 2 MiB + 8 KiB = 2056 KiB exactly: the largest unit that holds it whole. */
	assert_string_equal(value_of(&l, "TLB reach"), "2056 KiB");
	stats_line_fit(&s, &with_tlb, 200, &l);
	assert_null(value_of(&l, "TLB reach"));
	assert_null(value_of(&l, "refs/access"));
	assert_null(value_of(&l, "PT frames"));
	shape = two_levels;
	shape.huge = false;     /* no huge page mapped: the reach is only pages */
	stats_line_fit(&s, &shape, 200, &l);
	assert_null(value_of(&l, "TLB reach"));
	assert_non_null(value_of(&l, "refs/access"));
}

/* Rounded to nearest, as the batch summary rounds: 2/3 is 67%, 1/6 is 17%. */
static void
t_rounded_to_nearest(void **state)
{
	struct stats s = stats(3, 2, 0, 0, 1, 5);
	struct stats_line l;

	(void)state;
	stats_line_fit(&s, &with_tlb, 200, &l);
	assert_string_equal(value_of(&l, "faults"), "2 (67%)");
	assert_string_equal(value_of(&l, "TLB hits"), "1/6 (17%)");
	s = stats(0, 0, 0, 0, 0, 0);
	stats_line_fit(&s, &with_tlb, 200, &l);
	assert_string_equal(value_of(&l, "faults"), "0 (0%)");
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
		stats_line_fit(&s, &with_tlb, 40, &l);
		assert_string_equal(value_of(&l, "accesses"), cases[i].want);
		assert_true(strlen(value_of(&l, "faults")) <= 4 + strlen(" (100%)"));
	}
}

/*
 * Segmentation and protection faults only when there are some; the
 * other fields keep their wording (lesson 12 at its end, 100 columns).
 */
static void
t_segfaults(void **state)
{
	struct stats s = stats(5, 2, 0, 0, 2, 3);
	struct stats_line l;
	char buf[256];

	(void)state;
	stats_line_fit(&s, &with_tlb, 100, &l);
	assert_null(value_of(&l, "segfaults"));
	assert_null(value_of(&l, "protection faults"));
	assert_null(value_of(&l, "out of memory"));
	s.hits = 1;
	s.segfaults = 1;
	s.protection_faults = 1;
	s.out_of_memory = 1;
	stats_line_fit(&s, &with_tlb, 156, &l);
	render(&l, buf, sizeof buf);
	assert_string_equal(buf, " accesses 5 hits 1 faults 2 (40%) segfaults 1 "
	    "protection faults 1 out of memory 1 evictions 0 write-backs 0 zero-fills 1 swap-ins 1 "
	    "TLB hits 2/5 (40%)");

	/* Every kind at once, large: whole fields go in their order. */
	s = stats(UINT64_MAX / 2, UINT64_MAX / 4, UINT64_MAX / 8, UINT64_MAX / 8, 1, 1);
	s.segfaults = s.protection_faults = UINT64_MAX / 16;
	stats_line_fit(&s, &with_tlb, LAYOUT_MIN_COLS, &l);
	assert_words(&l);
	assert_true(stats_line_width(&l) <= LAYOUT_MIN_COLS);
	assert_non_null(value_of(&l, "faults"));
	assert_non_null(value_of(&l, "segfaults"));
	assert_non_null(value_of(&l, "protection faults"));
}

/*
 * Projector mode: the same words; accesses, faults, the TLB's hits on a
 * machine with a TLB (lesson 11), write-backs once any happened (lesson 4).
 */
static void
t_key_figures(void **state)
{
	struct stats s = stats(8, 2, 5, 0, 4, 4);
	struct stats big = stats(UINT64_MAX / 2, UINT64_MAX / 4, 1, 1, 1, 1);
	struct stats_line l;
	char buf[256];

	(void)state;
	stats_line_key(&s, &with_tlb, LAYOUT_MIN_COLS, &l);
	render(&l, buf, sizeof buf);
	assert_string_equal(buf, " accesses 8     faults 2 (25%)     TLB hits 4/8 (50%)");
	assert_int_equal(stats_line_width(&l), (int)strlen(buf));
	stats_line_key(&s, &no_tlb, LAYOUT_MIN_COLS, &l);
	assert_int_equal(l.n, 2);
	s.writebacks = 1;
	stats_line_key(&s, &no_tlb, LAYOUT_MIN_COLS, &l);
	assert_string_equal(value_of(&l, "write-backs"), "1");
	stats_line_key(&s, &with_tlb, LAYOUT_MIN_COLS, &l);
	assert_int_equal(l.n, 4);
	assert_true(stats_line_width(&l) <= LAYOUT_MIN_COLS);
	/* Huge figures are shortened to fit, the words kept. */
	stats_line_key(&big, &with_tlb, 60, &l);
	assert_words(&l);
	assert_true(stats_line_width(&l) <= 60);
	assert_string_equal(value_of(&l, "accesses"), "9.2E");
	assert_string_equal(value_of(&l, "faults"), "4.6E (50%)");
	/* Huge pages mapped: their TLB reach is a key figure too. */
	assert_null(value_of(&l, "TLB reach"));
	stats_line_key(&s, &two_levels, 200, &l);
	assert_string_equal(value_of(&l, "TLB reach"), "2056 KiB");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_whole_when_it_fits),
		cmocka_unit_test(t_minor_major_once_shared),
		cmocka_unit_test(t_fits_80_whatever_the_figures),
		cmocka_unit_test(t_one_wording_fixed_order),
		cmocka_unit_test(t_multi_level_fields),
		cmocka_unit_test(t_promised_fields_stay),
		cmocka_unit_test(t_rounded_to_nearest),
		cmocka_unit_test(t_short_figures),
		cmocka_unit_test(t_segfaults),
		cmocka_unit_test(t_key_figures),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
