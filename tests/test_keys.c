/*
 * test_keys.c - the action table: every action has a key, a label, help
 * text and a group; no key is bound twice; the keys DESIGN §4 promises
 * are bound; the help screen lists every action under its group and the
 * hint line shows every hinted action.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <curses.h>

#include "keys.h"

struct help {
	char lines[64][128];
	bool heading[64];
	size_t n;
};

static void
collect(void *ctx, const char *line, bool heading)
{
	struct help *h = ctx;

	assert_true(h->n < 64);
	assert_true(strlen(line) < sizeof h->lines[0]);
	strcpy(h->lines[h->n], line);
	h->heading[h->n] = heading;
	h->n++;
}

static void
t_complete(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < ACT_COUNT; i++) {
		const struct action_info *a = &keys_actions[i];

		assert_int_equal(a->id, i);
		assert_true(a->key != 0);
		assert_true(a->group < GROUP_COUNT);
		assert_non_null(a->label);
		assert_true(strlen(a->label) > 0);
		assert_non_null(a->help);
		assert_true(strlen(a->help) > 0);
		assert_true(a->hint == NULL || strlen(a->hint) > 0);
		/* The help screen shows two 40-column lists at 80x24. */
		assert_true(strlen(a->label) <= 8);
		assert_true(strlen(a->help) <= 28);
	}
}

static void
t_no_duplicate_keys(void **state)
{
	int keys[2 * ACT_COUNT];
	int n = 0, i, j;

	(void)state;
	for (i = 0; i < ACT_COUNT; i++) {
		keys[n++] = keys_actions[i].key;
		if (keys_actions[i].alt != 0)
			keys[n++] = keys_actions[i].alt;
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			assert_int_not_equal(keys[i], keys[j]);
}

static void
t_lookup(void **state)
{
	static const struct {
		int key;
		enum action want;
	} promised[] = {
		{ ' ', ACT_NEXT }, { '\n', ACT_FINISH }, { 'b', ACT_BACK },
		{ 'B', ACT_BACK_OP }, { KEY_HOME, ACT_HOME }, { KEY_END, ACT_END },
		{ 'p', ACT_PLAY }, { '+', ACT_FASTER }, { '-', ACT_SLOWER },
		{ ':', ACT_COMMAND }, { '\t', ACT_PROCESS }, { 'P', ACT_PROJECTOR },
		{ 't', ACT_THEME }, { 's', ACT_SAVE }, { 'q', ACT_QUIT },
		{ '?', ACT_HELP }, { KEY_PPAGE, ACT_SCROLL_UP },
		{ KEY_NPAGE, ACT_SCROLL_DOWN }, { KEY_MOUSE, ACT_MOUSE },
	};
	size_t i;
	int a;

	(void)state;
	for (i = 0; i < sizeof promised / sizeof promised[0]; i++)
		assert_int_equal(keys_lookup(promised[i].key), promised[i].want);
	for (a = 0; a < ACT_COUNT; a++) {
		assert_int_equal(keys_lookup(keys_actions[a].key), a);
		if (keys_actions[a].alt != 0)
			assert_int_equal(keys_lookup(keys_actions[a].alt), a);
	}
	assert_int_equal(keys_lookup(0), -1);
	assert_int_equal(keys_lookup('Z'), -1);
	assert_int_equal(keys_lookup(KEY_RESIZE), -1);  /* the loop's own */
}

static void
t_help_lists_all(void **state)
{
	struct help h = { .n = 0 };
	const char *group = NULL;
	size_t i, headings = 0;
	int a, found;

	(void)state;
	keys_help_visit(collect, &h);
	assert_int_equal(h.n, (size_t)ACT_COUNT + GROUP_COUNT);
	for (a = 0; a < ACT_COUNT; a++) {
		found = 0;
		for (i = 0; i < h.n; i++) {
			if (h.heading[i]) {
				group = h.lines[i];
				continue;
			}
			if (strstr(h.lines[i], keys_actions[a].help) == NULL)
				continue;
			found++;
			assert_non_null(strstr(h.lines[i], keys_actions[a].label));
			assert_string_equal(group, keys_group_name(keys_actions[a].group));
		}
		assert_int_equal(found, 1);
	}
	for (i = 0; i < h.n; i++)
		headings += h.heading[i];
	assert_int_equal(headings, GROUP_COUNT);
}

static void
t_hints(void **state)
{
	char buf[512], tiny[8];
	int a, hinted = 0;

	(void)state;
	keys_hints(buf, sizeof buf, " | ");
	for (a = 0; a < ACT_COUNT; a++) {
		if (keys_actions[a].hint == NULL)
			continue;
		hinted++;
		assert_non_null(strstr(buf, keys_actions[a].hint));
	}
	assert_true(hinted >= 5);
	assert_non_null(strstr(buf, "space step"));
	assert_non_null(strstr(buf, " | "));
	keys_hints(tiny, sizeof tiny, " | ");
	assert_true(strlen(tiny) < sizeof tiny);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_complete),
		cmocka_unit_test(t_no_duplicate_keys),
		cmocka_unit_test(t_lookup),
		cmocka_unit_test(t_help_lists_all),
		cmocka_unit_test(t_hints),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
