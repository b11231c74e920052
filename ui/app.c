/*
 * app.c - the UI's state around a position in the session: the events of
 * the operation shown, the machine as it is after the events shown so
 * far, and which process is on screen.
 *
 * One history_state_within() (or one clone of history_state()) per
 * position change; counting an operation's events is cached, so moving
 * within an operation asks the history for nothing.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "app.h"

static const struct event_list *
op_events(struct app *a, size_t k)
{
	if (!a->counted.valid || a->counted.op != k) {
		history_events(a->h, k, &a->counted.list);
		a->counted.op = k;
		a->counted.valid = true;
	}
	return (&a->counted.list);
}

static void
forget_thrash(struct app *a)
{
	if (a->thrash.built)
		thrash_free(&a->thrash.s);
	a->thrash.built = false;
}

static unsigned
count_events(void *ctx, size_t k)
{
	return (op_events(ctx, k)->n);
}

void
app_init(struct app *a, struct session *s, const struct ui_options *opt)
{
	int chosen[DISPLAY_COMPARE_MAX];

	memset(a, 0, sizeof *a);
	a->s = s;
	a->h = s->history;
	a->projector = opt->projector;
	a->quiz.on = opt->quiz;
	a->src.count = count_events;
	a->src.ctx = a;
	a->g = glyphs_get(opt->ascii);
	a->scene.h = a->h;
	a->table_on = s->display.table;
	a->thrash_on = s->display.thrash;
	a->ws_marks = s->display.working_sets;
	a->tree_on = s->display.tree && history_initial(a->h)->cfg.levels >= 2;
	a->comparing = s->display.ncompare > 0;
	if (a->comparing)
		compare_choose(&a->compare, s->display.compare, s->display.ncompare);
	else
		compare_choose(&a->compare, chosen,
		    compare_default(history_initial(a->h)->cfg.policy, chosen));
	anim_init(&a->anim, history_length(a->h), s->cursor, &a->src);
	app_load(a);
	panels_learn(a);
	/* A lesson opens on what it is about. */
	if (s->notes != NULL && s->notes[0] != '\0')
	{
		a->mode = MODE_NOTES;
		a->notes_scroll = 0;
	}
}

void
app_free(struct app *a)
{
	machine_free(a->m);
	a->m = NULL;
	scene_free(&a->scene);
	forget_thrash(a);
	compare_forget(&a->compare);
	sweep_forget(&a->sweep);
}

void
app_load(struct app *a)
{
	size_t k = a->anim.op;
	unsigned j = a->anim.ev;

	machine_free(a->m);
	/* A line typed now runs after the operation shown (command.c). */
	a->typed_pid = history_state(a->h, k)->current_pid;
	a->events.n = 0;
	if (k > 0)
		a->events = *op_events(a, k);
	if (j < a->events.n)
		a->m = history_state_within(a->h, k, j);
	else
		a->m = machine_clone(history_state(a->h, k));
	a->s->cursor = anim_done(&a->anim, &a->src);
	memset(a->scroll, 0, sizeof a->scroll);
	app_follow(a);
}

void
app_follow(struct app *a)
{
	a->scene.m = a->m;
	if (a->table_on)
		scene_move(&a->scene, a->anim.op, a->s->cursor);
	if (a->thrash_on && !(a->thrash.built && a->thrash.done == a->s->cursor)) {
		forget_thrash(a);
		thrash_build(a->h, a->s->cursor, THRASH_VIEW_POINTS, &a->thrash.s);
		a->thrash.done = a->s->cursor;
		a->thrash.built = true;
	}
	if (a->comparing)
		compare_move(&a->compare, a->h, a->anim.op, a->s->cursor);
	if (a->sweeping)
		sweep_build(&a->sweep, a->h, a->compare.policy, a->compare.n);
}

void
app_keep_display(struct app *a)
{
	struct display *d = &a->s->display;

	d->table = a->table_on;
	d->thrash = a->thrash_on;
	d->working_sets = a->ws_marks;
	d->tree = a->tree_on;
	d->ncompare = a->comparing ? a->compare.n : 0;
	memcpy(d->compare, a->compare.policy, d->ncompare * sizeof *d->compare);
}

void
app_forget(struct app *a)
{
	a->counted.valid = false;
	scene_forget(&a->scene);
	forget_thrash(a);
	compare_forget(&a->compare);
	sweep_forget(&a->sweep);
	anim_set_length(&a->anim, history_length(a->h), &a->src);
	panels_learn(a);
}

const struct event *
app_event(const struct app *a)
{
	if (a->anim.ev == 0 || a->anim.ev > a->events.n)
		return (NULL);
	return (&a->events.ev[a->anim.ev - 1]);
}

const struct event *
app_access(const struct app *a)
{
	if (a->events.n > 0 && a->events.ev[0].kind == EV_SPLIT)
		return (&a->events.ev[0]);
	return (NULL);
}

/* The first live process from pid on, wrapping around; 0 if none. */
static int
live_from(const struct machine *m, int pid)
{
	size_t i, n = m->procs_cap;

	for (i = 0; i < n; i++) {
		size_t p = ((size_t)(pid > 0 ? pid : 0) + i) % n;

		if (machine_process(m, (int)p) != NULL)
			return ((int)p);
	}
	return (0);
}

const struct process *
app_process(const struct app *a)
{
	const struct event *e = app_access(a);
	int pid = a->shown_pid;

	if (pid <= 0 || machine_process(a->m, pid) == NULL)
		pid = e != NULL ? e->pid : a->m->current_pid;
	if (machine_process(a->m, pid) == NULL)
		pid = live_from(a->m, 1);
	return (machine_process(a->m, pid));
}

size_t
app_processes(const struct app *a, const struct process **out, size_t max)
{
	const struct process *p;
	size_t n = 0, pid;

	for (pid = 0; pid < a->m->procs_cap; pid++) {
		if ((p = machine_process(a->m, (int)pid)) == NULL)
			continue;
		if (n < max)
			out[n] = p;
		n++;
	}
	return (n);
}

int
app_next_pid(const struct app *a)
{
	const struct process *p = app_process(a);

	return (live_from(a->m, p != NULL ? p->pid + 1 : 1));
}

/* The one message, of either kind: app_say's and app_aside's. */
static void
set_message(struct app *a, bool error, bool aside, const char *fmt, va_list ap)
{
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	a->message_error = error;
	a->message_aside = aside;
}

void
app_say(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(a, error, false, fmt, ap);
	va_end(ap);
}

void
app_aside(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(a, false, true, fmt, ap);
	va_end(ap);
}
