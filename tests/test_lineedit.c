/*
 * test_lineedit.c - the prompt's line editor: typing, moving, deleting
 * whole UTF-8 characters, Enter and Esc, a full buffer, and the history
 * walked with Up and Down (the line being typed comes back at the end).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <curses.h>

#include "lineedit.h"

static void
type(struct lineedit *e, const char *s)
{
	while (*s != '\0')
		assert_int_equal(lineedit_key(e, (unsigned char)*s++), EDIT_CONTINUE);
}

static void
t_typing_and_moving(void **state)
{
	struct lineedit e = { .nhist = 0 };

	(void)state;
	lineedit_start(&e);
	type(&e, "r 0x7fff");
	assert_string_equal(e.buf, "r 0x7fff");
	assert_int_equal(e.cur, 8);
	lineedit_key(&e, KEY_HOME);
	type(&e, "w");
	lineedit_key(&e, KEY_DC);
	assert_string_equal(e.buf, "w 0x7fff");
	lineedit_key(&e, KEY_END);
	lineedit_key(&e, KEY_LEFT);
	lineedit_key(&e, KEY_BACKSPACE);
	assert_string_equal(e.buf, "w 0x7ff");
	assert_int_equal(e.cur, 6);
	lineedit_key(&e, KEY_RIGHT);
	lineedit_key(&e, KEY_RIGHT);           /* stops at the end */
	assert_int_equal(e.cur, e.len);
	lineedit_key(&e, 'u' & 0x1f);
	assert_string_equal(e.buf, "");
	lineedit_key(&e, KEY_BACKSPACE);       /* nothing to delete */
	lineedit_key(&e, KEY_LEFT);
	assert_int_equal(e.len, 0);
	assert_int_equal(e.cur, 0);
}

static void
t_utf8_deleted_whole(void **state)
{
	struct lineedit e = { .nhist = 0 };

	(void)state;
	lineedit_start(&e);
	type(&e, "a\xc3\xa9\xe2\x86\x92");      /* "a", e acute, an arrow */
	lineedit_key(&e, KEY_LEFT);
	assert_int_equal(e.cur, 3);
	lineedit_key(&e, KEY_BACKSPACE);
	assert_string_equal(e.buf, "a\xe2\x86\x92");
	lineedit_key(&e, KEY_DC);
	assert_string_equal(e.buf, "a");
}

static void
t_enter_escape_and_limits(void **state)
{
	struct lineedit e = { .nhist = 0 };
	int i;

	(void)state;
	lineedit_start(&e);
	assert_int_equal(lineedit_key(&e, '\n'), EDIT_DONE);
	assert_int_equal(lineedit_key(&e, '\r'), EDIT_DONE);
	assert_int_equal(lineedit_key(&e, KEY_ENTER), EDIT_DONE);
	assert_int_equal(lineedit_key(&e, 27), EDIT_CANCEL);
	assert_int_equal(lineedit_key(&e, KEY_F(5)), EDIT_CONTINUE);   /* ignored */
	assert_int_equal(e.len, 0);
	for (i = 0; i < 2 * EDIT_MAX; i++)
		lineedit_key(&e, 'x');
	assert_int_equal(e.len, EDIT_MAX - 1);
	assert_int_equal(strlen(e.buf), EDIT_MAX - 1);
	assert_true(e.full);                    /* the refusal is shown */
	assert_true(EDIT_MAX >= 4096);          /* any path the system takes */
	lineedit_key(&e, KEY_BACKSPACE);
	assert_false(e.full);
}

static void
t_history(void **state)
{
	struct lineedit e = { .nhist = 0 };

	(void)state;
	lineedit_remember(&e, "r 0x1");
	lineedit_remember(&e, "r 0x2");
	lineedit_remember(&e, "r 0x2");        /* a repeat is kept once */
	lineedit_remember(&e, "   ");          /* blank lines are not kept */
	assert_int_equal(e.nhist, 2);
	lineedit_start(&e);
	type(&e, "w 0x");
	lineedit_key(&e, KEY_UP);
	assert_string_equal(e.buf, "r 0x2");
	lineedit_key(&e, KEY_UP);
	assert_string_equal(e.buf, "r 0x1");
	lineedit_key(&e, KEY_UP);              /* the oldest stays */
	assert_string_equal(e.buf, "r 0x1");
	lineedit_key(&e, KEY_DOWN);
	assert_string_equal(e.buf, "r 0x2");
	lineedit_key(&e, KEY_DOWN);            /* back to the line being typed */
	assert_string_equal(e.buf, "w 0x");
	assert_int_equal(e.cur, 4);
	lineedit_key(&e, KEY_DOWN);
	assert_string_equal(e.buf, "w 0x");
}

static void
t_history_keeps_the_newest(void **state)
{
	struct lineedit e = { .nhist = 0 };
	char line[16];
	int i;

	(void)state;
	for (i = 0; i < EDIT_HISTORY + 5; i++) {
		snprintf(line, sizeof line, "r %d", i);
		lineedit_remember(&e, line);
	}
	assert_int_equal(e.nhist, EDIT_HISTORY);
	snprintf(line, sizeof line, "r %d", 5);
	assert_string_equal(e.hist[0], line);
	snprintf(line, sizeof line, "r %d", EDIT_HISTORY + 4);
	assert_string_equal(e.hist[EDIT_HISTORY - 1], line);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_typing_and_moving),
		cmocka_unit_test(t_utf8_deleted_whole),
		cmocka_unit_test(t_enter_escape_and_limits),
		cmocka_unit_test(t_history),
		cmocka_unit_test(t_history_keeps_the_newest),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
