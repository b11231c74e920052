/*
 * test_regress.c - replays, in the ordinary build, every seed of the fuzz
 * corpora (tests/corpus/NAME/) and every input a fuzzer ever crashed on
 * (tests/regress/NAME/) through the same fuzz targets (fuzz.h).
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "fuzz.h"

struct target {
	const char *name;
	void (*run)(const uint8_t *, size_t);
};

static const struct target targets[] = {
	{ "session", fuzz_session },
	{ "cmd", fuzz_cmd },
	{ "engine", fuzz_engine },
	{ "ui", fuzz_ui },
	{ "history", fuzz_history },
	{ "trace_pages", fuzz_trace_pages },
	{ "trace_lackey", fuzz_trace_lackey },
	{ "trace_addr", fuzz_trace_addr },
	{ "trace_script", fuzz_trace_script },
};

/* Feeds every file of dir to run; returns how many there were. */
static unsigned
replay_dir(const char *dir, void (*run)(const uint8_t *, size_t))
{
	char path[1024];
	struct dirent *e;
	struct stat st;
	unsigned n = 0;
	FILE *f;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		uint8_t *buf = malloc((size_t)st.st_size + 1);
		assert_non_null(f = fopen(path, "rb"));
		assert_int_equal(fread(buf, 1, (size_t)st.st_size, f), (size_t)st.st_size);
		fclose(f);
		run(buf, (size_t)st.st_size);
		free(buf);
		n++;
	}
	closedir(d);
	return n;
}

static void
t_replay(void **state)
{
	const struct target *t = *state;
	const char *src = getenv("TEST_SRCDIR");
	char dir[512];
	unsigned seeds;

	assert_non_null(src);
	snprintf(dir, sizeof dir, "%s/corpus/%s", src, t->name);
	seeds = replay_dir(dir, t->run);
	if (seeds == 0)
		fail_msg("no seeds in %s", dir);
	snprintf(dir, sizeof dir, "%s/regress/%s", src, t->name);
	print_message("# %s: %u seeds, %u regression inputs\n", t->name, seeds,
	    replay_dir(dir, t->run));
}

#define TARGET(i) { targets[i].name, t_replay, NULL, NULL, (void *)&targets[i] }

int
main(void)
{
	const struct CMUnitTest tests[] = {
		TARGET(0), TARGET(1), TARGET(2), TARGET(3), TARGET(4), TARGET(5),
		TARGET(6), TARGET(7), TARGET(8),
	};

	_Static_assert(sizeof tests / sizeof *tests == sizeof targets / sizeof *targets,
		       "one test per target");

	return cmocka_run_group_tests(tests, NULL, NULL);
}
