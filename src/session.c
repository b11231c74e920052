/*
 * session.c - sessions as a whole: reading a file safely (size limit,
 * folders, unreadable files), loading, checking, the built-in default
 * and freeing.  The JSON itself is read in session_read.c and written in
 * session_write.c.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "promise.h"
#include "session.h"
#include "xalloc.h"

/* The built-in session: data/lessons/01-two-apps.json, made a C string by make. */
static const char default_json[] =
#include "src/default_session.inc"
	;

#define DEFAULT_NAME "(built-in session)"

struct first_problem {
	char *err;
	size_t size;
	bool seen;
};

static void
keep_first(void *ctx, const char *problem)
{
	struct first_problem *f = ctx;

	if (!f->seen)
		snprintf(f->err, f->size, "%s", problem);
	f->seen = true;
}

static void
too_large(char *why, size_t size)
{
	snprintf(why, size, "larger than %u MiB, the most a session file may be",
	    SESSION_FILE_MAX >> 20);
}

/* Reads at most SESSION_FILE_MAX bytes of fd; -1 with why if there are more. */
static int
read_fd(int fd, char **buf, size_t *len, char *why, size_t size)
{
	size_t cap = 65536, n = 0;
	char *p = xmalloc(cap);
	ssize_t got;

	for (;;) {
		if (n == cap)
			p = xrealloc(p, cap *= 2, 1);
		got = read(fd, p + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		n += (size_t)got;
		if (n > SESSION_FILE_MAX)
			break;
	}
	if (got < 0 || n > SESSION_FILE_MAX) {
		if (got < 0)
			snprintf(why, size, "cannot read: %s", strerror(errno));
		else
			too_large(why, size);
		free(p);
		return -1;
	}
	*buf = p;
	*len = n;
	return 0;
}

int
session_open(const char *path, char *why, size_t size)
{
	struct stat st;
	int fd;

	/* O_NONBLOCK: opening a FIFO with no writer must not wait for one. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0) {
		snprintf(why, size, "cannot read: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0)
		snprintf(why, size, "cannot read: %s", strerror(errno));
	else if (S_ISDIR(st.st_mode))
		snprintf(why, size, "is a folder; expected a session file (.json)");
	else if (!S_ISREG(st.st_mode))
		snprintf(why, size, "is %s, not a regular file; expected a session file (.json)",
		    S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket" : "a device");
	else if (st.st_size > (off_t)SESSION_FILE_MAX)
		too_large(why, size);
	else
		return fd;
	close(fd);
	return -1;
}

/*
 * The whole file in *buf (freed by the caller).  What is not a regular
 * file and files over the limit are refused before anything is read.
 */
static int
read_file(const char *path, char **buf, size_t *len, char *why, size_t size)
{
	int fd = session_open(path, why, size), rc;

	if (fd < 0)
		return -1;
	rc = read_fd(fd, buf, len, why, size);
	close(fd);
	return rc;
}

int
session_load(const char *path, struct session *s, char *err, size_t size)
{
	struct first_problem first = { err, size, false };
	struct session loaded;
	char why[256], *buf;
	size_t len;
	int problems;

	if (read_file(path, &buf, &len, why, sizeof why) < 0) {
		snprintf(err, size, "%s: %s", path, why);
		return -1;
	}
	problems = session_parse(buf, len, path, &loaded, keep_first, &first);
	free(buf);
	if (problems)
		return -1;
	loaded.path = xstrdup(path);
	*s = loaded;
	return 0;
}

struct problem_sink {
	session_problem_fn report;
	void *ctx;
};

static void
report_at_path(void *ctx, const char *path, const char *what)
{
	const struct problem_sink *sink = ctx;
	char line[512];

	snprintf(line, sizeof line, "%s: %s", path, what);
	sink->report(sink->ctx, line);
}

/* A sound session is replayed to its end and held to its "expect" promises. */
static int
broken_promises(struct session *s, session_problem_fn report, void *ctx)
{
	struct problem_sink sink = { report, ctx };
	const struct machine *end;

	if (!s->expect)
		return 0;
	end = history_state(s->history, history_length(s->history));
	return (int)promises_check(s->expect, end, report_at_path, &sink);
}

int
session_check(const char *path, session_problem_fn report, void *ctx)
{
	struct session s;
	char why[256], *buf;
	size_t len;
	int problems;

	if (read_file(path, &buf, &len, why, sizeof why) < 0) {
		report(ctx, why);
		return 1;
	}
	problems = session_parse(buf, len, NULL, &s, report, ctx);
	free(buf);
	if (problems == 0) {
		problems = broken_promises(&s, report, ctx);
		session_free(&s);
	}
	return problems;
}

/* The operations of h, formatted one a line; the caller frees it. */
static char *
ops_text(const struct history *h)
{
	size_t k, n = history_length(h), len = 0, cap = 64;
	char *text = xmalloc(cap), line[256];

	text[0] = '\0';
	for (k = 1; k <= n; k++) {
		size_t add;

		cmd_format(history_op(h, k), line, sizeof line);
		add = strlen(line);

		if (len + add + 2 > cap) {
			cap = 2 * (len + add + 2);
			text = xrealloc(text, cap, 1);
		}
		memcpy(text + len, line, add);
		len += add;
		text[len++] = '\n';
		text[len] = '\0';
	}
	return text;
}

void
session_mark_lesson_path(struct session *s)
{
	free(s->lesson_ops);
	s->lesson_ops = s->expect || s->notes ? ops_text(s->history) : NULL;
}

bool
session_on_lesson_path(const struct session *s)
{
	char *now;
	bool same;

	if (!s->lesson_ops)
		return true;
	now = ops_text(s->history);
	same = strcmp(now, s->lesson_ops) == 0;
	free(now);
	return same;
}

void
session_init(struct session *s, struct machine *initial, const char *title)
{
	memset(s, 0, sizeof *s);
	s->title = title ? xstrdup(title) : NULL;
	s->history = history_new(initial);
}

int
session_default(struct session *s, char *err, size_t size)
{
	struct first_problem first = { err, size, false };

	return session_parse(default_json, sizeof default_json - 1, DEFAULT_NAME, s,
	    keep_first, &first) ? -1 : 0;
}

void
session_free(struct session *s)
{
	history_free(s->history);
	promises_free(s->expect);
	free(s->lesson_ops);
	free(s->title);
	free(s->notes);
	free(s->path);
	memset(s, 0, sizeof *s);
}
