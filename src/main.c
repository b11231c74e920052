/*
 * main.c - vmscope's front door: reads the options and hands over to the
 * UI, the batch runner, the session checker or the lesson list.  The only
 * place that decides an exit status: 0 done, 1 bad input, 2 bad usage
 * (--grade: 0 all right, 1 some wrong, 3 a sheet that cannot be read).
 */
#include <stdio.h>
#include <stdlib.h>

#include "config.h"
#include "batch.h"
#include "batch_compare.h"
#include "exercise.h"
#include "export.h"
#include "gift.h"
#include "grade.h"
#include "history.h"
#include "lessons.h"
#include "options.h"
#include "session.h"
#include "trace.h"
#include "ui.h"

#define ERR_MAX 1024
#define PATH_LEN 4096

typedef int mode_fn(const struct options *);

static int
bad_input(const char *err)
{
	fprintf(stderr, "vmscope: %s\n", err);
	return 1;
}

static int
run_help(const struct options *o)
{
	(void)o;
	options_help(stdout);
	return 0;
}

static int
run_version(const struct options *o)
{
	(void)o;
	puts("vmscope " PACKAGE_VERSION);
	return 0;
}

static int
run_list_lessons(const struct options *o)
{
	(void)o;
	lessons_list(stdout);
	return 0;
}

static void
report_problem(void *file, const char *problem)
{
	printf("%s: %s\n", (const char *)file, problem);
}

static int
run_check(const struct options *o)
{
	int i, status = 0;

	for (i = 0; i < o->nfiles; i++) {
		if (session_check(o->files[i], report_problem, o->files[i]) > 0)
			status = 1;
		else
			printf("%s: ok\n", o->files[i]);
	}
	return status;
}

/* The file a session comes from: FILE.json, or the lesson's. */
static int
session_file(const struct options *o, char *path, char *err)
{
	if (o->session) {
		snprintf(path, PATH_LEN, "%s", o->session);
		return 0;
	}
	if (lesson_find(o->lesson, path, PATH_LEN) == 0)
		return 0;
	snprintf(err, ERR_MAX, "no lesson called '%s' (vmscope --list-lessons lists them)",
		 o->lesson);
	return -1;
}

static int
load_session(const struct options *o, struct session *s, char *path, char *err)
{
	return session_file(o, path, err) || session_load(path, s, err, ERR_MAX);
}

/* A session on the options' machine, with --pages, --script or --trace queued. */
static int
queue_session(const struct options *o, struct session *s, char *err)
{
	struct trace *t = NULL;
	char title[64];
	struct op op;
	int rc = 0;

	if (options_have_ops(o)) {
		if ((t = options_open_ops(o, err, ERR_MAX)) == NULL)
			return -1;
		options_title(o, title, sizeof title);
	}
	/* Machine options alone make a new session, with no title yet. */
	session_init(s, options_machine(o), t ? title : NULL);
	while (t && (rc = trace_next(t, &op, err, ERR_MAX)) > 0) {
		if (history_append(s->history, &op, NULL, err, ERR_MAX)) {
			rc = trace_blame(t, trace_position(t), err, ERR_MAX);
			break;
		}
	}
	trace_close(t);
	/* s->cursor stays 0 (session_init): queued operations wait to be stepped. */
	if (rc < 0)
		session_free(s);
	return rc;
}

/* A lesson is read but never written: its first save asks for a new name. */
static int
as_lesson(int rc, struct session *s)
{
	if (rc == 0) {
		free(s->path);
		s->path = NULL;
	}
	return rc;
}

static int
ui_session(const struct options *o, struct session *s, char *err)
{
	char path[PATH_LEN];

	if (o->session)
		return load_session(o, s, path, err);
	if (o->lesson)
		return as_lesson(load_session(o, s, path, err), s);
	if (options_have_ops(o) || o->machine_given)
		return queue_session(o, s, err);
	if (lesson_first(path, sizeof path) == 0)
		return as_lesson(session_load(path, s, err, ERR_MAX), s);
	return session_default(s, err, ERR_MAX);
}

static int
run_ui(const struct options *o)
{
	const char *no_color = getenv("NO_COLOR");
	struct ui_options uo = { .ascii = o->ascii, .projector = o->projector, .quiz = o->quiz,
		.no_color = o->no_color || (no_color && *no_color) };
	struct session s;
	char err[ERR_MAX] = "";
	int status;

	if (ui_session(o, &s, err))
		return bad_input(err);
	status = ui_run(&s, &uo, err, sizeof err);
	if (status && err[0])
		fprintf(stderr, "vmscope: %s\n", err);
	session_free(&s);
	return status;
}

static int
batch_ops(const struct options *o, const struct batch_options *bo, char *err)
{
	struct trace *t = options_open_ops(o, err, ERR_MAX);
	struct machine *m;
	int rc;

	if (t == NULL)
		return -1;
	m = options_machine(o);
	rc = batch_run_trace(m, t, bo, stdout, err, ERR_MAX);
	machine_free(m);
	trace_close(t);
	return rc;
}

/* --compare or --sweep-frames over --pages, --script, --trace or a session. */
static int
compare_batch(const struct options *o, char *err)
{
	struct compare_output how = { .json = o->json, .sweep = o->sweep != NULL,
		.ascii = o->ascii };
	struct compare_plan plan = o->plan;
	char path[PATH_LEN];
	struct machine *m;
	struct session s;
	struct trace *t;
	int rc;

	if (!options_have_ops(o)) {
		if (load_session(o, &s, path, err))
			return -1;
		if (plan.frames_first == 0)     /* the session's own frames */
			plan.frames_first = plan.frames_last =
				history_initial(s.history)->cfg.frames;
		rc = batch_compare_history(s.history, path, &plan, &how, stdout, err, ERR_MAX);
		session_free(&s);
		return rc;
	}
	if ((t = options_open_ops(o, err, ERR_MAX)) == NULL)
		return -1;
	m = options_machine(o);
	rc = batch_compare_trace(m, t, &plan, &how, stdout, err, ERR_MAX);
	machine_free(m);
	trace_close(t);
	return rc;
}

static int
run_batch(const struct options *o)
{
	struct batch_options bo = { .json = o->json, .quiet = o->quiet,
		.events = o->events };
	char err[ERR_MAX], path[PATH_LEN];
	struct session s;
	int rc;

	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	if (o->compare || o->sweep)
		rc = compare_batch(o, err);
	else if (options_have_ops(o))
		rc = batch_ops(o, &bo, err);
	else if ((rc = load_session(o, &s, path, err)) == 0) {
		rc = batch_run_history(s.history, path, &bo, stdout, err, sizeof err);
		session_free(&s);
	}
	return rc ? bad_input(err) : 0;
}

static int
run_exercise(const struct options *o)
{
	enum ex_output how = o->answers ? EX_ANSWERS : o->blank ? EX_BLANK :
		o->json ? EX_JSON : EX_PROBLEM;
	char err[ERR_MAX];

	if (o->export_format) {
		if (gift_export(o->kind, &o->ex, o->count, o->export_file, err, sizeof err))
			return bad_input(err);
		return 0;
	}
	if (exercise_print(o->kind, &o->ex, o->count, how, stdout, err, sizeof err))
		return bad_input(err);
	return 0;
}

/* 0 all right, 1 some wrong, 3 a sheet that cannot be read. */
static int
run_grade(const struct options *o)
{
	char err[ERR_MAX];
	enum grade_result r = grade_file(o->grade, stdout, err, sizeof err);

	if (r == GRADE_UNREADABLE) {
		fprintf(stderr, "vmscope: %s\n", err);
		return 3;
	}
	return r == GRADE_SOME_WRONG ? 1 : 0;
}

/*
 * The table of a session (its SVG state at the session's cursor), or of a
 * lesson or of operations (then at their end: a lesson starts at 0).
 */
static int
run_export(const struct options *o)
{
	char err[ERR_MAX], path[PATH_LEN];
	struct session s;
	size_t cursor;
	int rc;

	if (options_have_ops(o) || o->machine_given)
		rc = queue_session(o, &s, err);
	else
		rc = load_session(o, &s, path, err);
	if (rc)
		return bad_input(err);
	cursor = options_have_ops(o) || o->lesson ? history_length(s.history) : s.cursor;
	rc = export_session(s.history, cursor,
			    (enum export_format)export_format_find(o->export_format),
			    o->export_file, err, sizeof err);
	session_free(&s);
	return rc ? bad_input(err) : 0;
}

static mode_fn *const modes[] = {
	[RUN_UI] = run_ui,
	[RUN_BATCH] = run_batch,
	[RUN_CHECK] = run_check,
	[RUN_LIST_LESSONS] = run_list_lessons,
	[RUN_EXERCISE] = run_exercise,
	[RUN_GRADE] = run_grade,
	[RUN_EXPORT] = run_export,
	[RUN_HELP] = run_help,
	[RUN_VERSION] = run_version,
};

int
main(int argc, char **argv)
{
	struct options o;
	char err[ERR_MAX];
	int status;

	if (options_parse(argc, argv, &o, err, sizeof err)) {
		fprintf(stderr, "vmscope: %s\nTry 'vmscope --help' for more information.\n",
			err);
		return 2;
	}
	status = modes[o.mode](&o);
	/* A batch run that could not write has said so already. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && status == 0) {
		fputs("vmscope: cannot write the output\n", stderr);
		return 1;
	}
	return status;
}
