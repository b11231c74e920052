/*
 * test_lessons.c - every lesson loads, replays to what its notes promise
 * (its "expect" object), is stored in vmscope's own layout; and lessons
 * are found, ordered and listed by name.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "slurp.h"
#include "lessons.h"
#include "promise.h"
#include "session.h"

#define LESSONS_MIN 10

static char datadir[1024];      /* the real lessons' $VMSCOPE_DATADIR */

static int
setup(void **state)
{
	const char *d = getenv("VMSCOPE_DATADIR");

	(void)state;
	if (!d || !*d) {
		fprintf(stderr, "# VMSCOPE_DATADIR must name the source's data folder\n");
		return -1;
	}
	snprintf(datadir, sizeof datadir, "%s", d);
	return 0;
}

/* lessons_list's output, one "NAME  TITLE" line each. */
static char *
listing(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	lessons_list(f);
	fclose(f);
	return buf;
}

static void
broken(void *ctx, const char *path, const char *what)
{
	fprintf(stderr, "# %s: %s: %s\n", (const char *)ctx, path, what);
}

/* One lesson: loads, keeps its promises, is in canonical layout. */
static void
check_lesson(const char *name)
{
	char path[2048], err[1024];
	const struct machine *end;
	struct session s;
	char *file, *again;

	assert_int_equal(lesson_find(name, path, sizeof path), 0);
	if (session_load(path, &s, err, sizeof err) != 0)
		fail_msg("%s", err);
	assert_non_null(s.title);
	assert_non_null(s.notes);
	if (strlen(s.notes) < 200)
		fail_msg("%s: the notes are too short to teach anything", name);
	if (promises_count(s.expect) == 0)
		fail_msg("%s: the notes promise nothing a test can check (\"expect\")", name);
	end = history_state(s.history, history_length(s.history));
	if (promises_check(s.expect, end, broken, (void *)name) != 0)
		fail_msg("%s: the replay breaks what the notes promise", name);
	file = slurp(path);
	again = session_to_json(&s);
	if (strcmp(file, again) != 0)
		fail_msg("%s: not in vmscope's own layout; save it once with vmscope", name);
	free(file);
	free(again);
	session_free(&s);
}

static void
t_every_lesson_keeps_its_promises(void **state)
{
	char *list = listing(), *line, *save = NULL;
	unsigned n = 0;

	(void)state;
	for (line = strtok_r(list, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		line[strcspn(line, " ")] = '\0';
		check_lesson(line);
		n++;
	}
	if (n < LESSONS_MIN)
		fail_msg("only %u lessons; expected at least %d", n, LESSONS_MIN);
	free(list);
}

static void
t_first_lesson_is_two_apps(void **state)
{
	char first[2048], named[2048], bare[2048], number[2048];

	(void)state;
	assert_int_equal(lesson_first(first, sizeof first), 0);
	assert_non_null(strstr(first, "/lessons/01-two-apps.json"));
	assert_int_equal(lesson_find("01-two-apps", named, sizeof named), 0);
	assert_int_equal(lesson_find("two-apps", bare, sizeof bare), 0);
	assert_int_equal(lesson_find("1", number, sizeof number), 0);
	assert_string_equal(first, named);
	assert_string_equal(first, bare);
	assert_string_equal(first, number);
	assert_int_equal(lesson_find("no-such-lesson", named, sizeof named), -1);
	assert_int_equal(lesson_find("", named, sizeof named), -1);
	/* too small a buffer is a failure, not a cut path */
	assert_int_equal(lesson_find("two-apps", named, 8), -1);
}

static void
t_list_shows_titles(void **state)
{
	char *list = listing();

	(void)state;
	assert_non_null(strstr(list, "01-two-apps"));
	assert_non_null(strstr(list, "Two apps, one address\n"));
	assert_true(strncmp(list, "01-two-apps ", 12) == 0);
	free(list);
}

/* ---- a library of our own ---------------------------------------------- */

static char tmp[256];

static void
put(const char *dir, const char *file, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, file);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

static void
t_order_and_names(void **state)
{
	char dir[300], path[512];
	char *list;

	(void)state;
	snprintf(tmp, sizeof tmp, "/tmp/vmscope-lessons-XXXXXX");
	assert_non_null(mkdtemp(tmp));
	snprintf(dir, sizeof dir, "%s/lessons", tmp);
	assert_int_equal(mkdir(dir, 0755), 0);
	put(dir, "10-late.json", "{\"vmscope\": 1, \"title\": \"Late\"}");
	put(dir, "2-early.json", "{\"vmscope\": 1, \"title\": \"Early\"}");
	put(dir, "extra.json", "{\"vmscope\": 1}");
	put(dir, "broken.json", "{\"vmscope\": ");
	put(dir, ".hidden.json", "{}");
	put(dir, "readme.txt", "not a lesson");
	setenv("VMSCOPE_DATADIR", tmp, 1);

	list = listing();
	assert_string_equal(list,
	    "2-early  Early\n"
	    "10-late  Late\n"
	    "broken   (not a readable lesson)\n"
	    "extra    (no title)\n");
	free(list);
	assert_int_equal(lesson_first(path, sizeof path), 0);
	assert_non_null(strstr(path, "/lessons/2-early.json"));
	assert_int_equal(lesson_find("late", path, sizeof path), 0);
	assert_non_null(strstr(path, "/lessons/10-late.json"));
	assert_int_equal(lesson_find("10", path, sizeof path), 0);
	assert_int_equal(lesson_find("1", path, sizeof path), -1);
	assert_int_equal(lesson_find("readme", path, sizeof path), -1);
	assert_int_equal(lesson_find("hidden", path, sizeof path), -1);

	/* a folder with no lessons is passed over for the installed library,
	 * then for the source tree's */
	unlink(path);
	snprintf(path, sizeof path, "rm -r '%s'/lessons/*", tmp);
	assert_int_equal(system(path), 0);
	assert_int_equal(lesson_first(path, sizeof path), 0);
	assert_true(strncmp(path, PKGDATADIR "/lessons/", strlen(PKGDATADIR) + 9) == 0 ||
		    strcmp(path, SRCDATADIR "/lessons/01-two-apps.json") == 0);

	snprintf(path, sizeof path, "rm -r '%s'", tmp);
	assert_int_equal(system(path), 0);
	setenv("VMSCOPE_DATADIR", datadir, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_every_lesson_keeps_its_promises),
		cmocka_unit_test(t_first_lesson_is_two_apps),
		cmocka_unit_test(t_list_shows_titles),
		cmocka_unit_test(t_order_and_names),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
