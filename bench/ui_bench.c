/*
 * ui_bench.c - what the live UI costs, for `make bench`: a full redraw of
 * a 200x60 screen, and one operation back (B) and forward (Enter) on a
 * 100,000-operation session, each as the UI does it: load the state for
 * the new position, then draw the whole screen.
 *
 * usage: ui_bench [OPS]
 *
 * Curses writes to /dev/null through a terminal description (TERM, or
 * xterm-256color), so the figures include building every escape sequence
 * but no terminal emulator's time.  Prints each figure, what it measured
 * and its target; exits 1 if a target was missed.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "machine.h"
#include "op.h"
#include "session.h"

#define COLS_BENCH 200
#define ROWS_BENCH 60
#define REDRAWS 200
#define STEPS 20

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
}

/* OPS accesses, three reads to a write, over 16 pages of process 1. */
static void
build(struct session *s, size_t ops)
{
	struct machine_config cfg;
	struct op op;
	char err[256];
	size_t i;

	machine_config_default(&cfg);
	session_init(s, machine_new_flat(&cfg, "bench", PERM_R | PERM_W), "ui bench");
	srand(1);
	for (i = 0; i < ops; i++) {
		memset(&op, 0, sizeof op);
		op.kind = OP_ACCESS;
		op.access = rand() % 4 == 0 ? ACCESS_WRITE : ACCESS_READ;
		op.addr = (uint64_t)(rand() % 16) * cfg.page_size + (uint64_t)(rand() % 4096);
		if (history_append(s->history, &op, NULL, err, sizeof err) != 0) {
			fprintf(stderr, "ui_bench: %s\n", err);
			exit(1);
		}
	}
	s->cursor = ops;
}

static SCREEN *
open_screen(FILE **out, FILE **in)
{
	char size[16];
	SCREEN *scr;

	*out = fopen("/dev/null", "w");
	*in = fopen("/dev/null", "r");
	if (*out == NULL || *in == NULL)
		return (NULL);
	snprintf(size, sizeof size, "%d", COLS_BENCH);
	setenv("COLUMNS", size, 1);
	snprintf(size, sizeof size, "%d", ROWS_BENCH);
	setenv("LINES", size, 1);
	scr = newterm(getenv("TERM") ? getenv("TERM") : "xterm-256color", *out, *in);
	if (scr == NULL)
		scr = newterm("xterm-256color", *out, *in);
	return (scr);
}

/* Mean and worst of `n` full redraws (curses forgets what the screen shows). */
static void
time_redraws(const struct app *a, double *mean, double *worst)
{
	double t, total = 0;
	int i;

	*worst = 0;
	for (i = 0; i < REDRAWS; i++) {
		t = now_ms();
		clearok(curscr, TRUE);
		app_render(a);
		t = now_ms() - t;
		total += t;
		if (t > *worst)
			*worst = t;
	}
	*mean = total / REDRAWS;
}

/* The slowest of STEPS times (back one operation, forward one) from op k. */
static double
time_steps(struct app *a, size_t k)
{
	double t, worst = 0;
	int i;

	anim_init(&a->anim, history_length(a->h), k, &a->src);
	app_load(a);
	for (i = 0; i < 2 * STEPS; i++) {
		t = now_ms();
		if (i % 2 == 0)
			anim_back_op(&a->anim, &a->src);
		else
			anim_finish(&a->anim, &a->src);
		app_load(a);
		app_render(a);
		t = now_ms() - t;
		if (t > worst)
			worst = t;
	}
	return (worst);
}

static int
report(const char *what, double value, double target)
{
	printf("%-58s %8.3f ms   target < %g ms  %s\n", what, value, target,
	    value < target ? "ok" : "MISSED");
	return (value < target ? 0 : 1);
}

int
main(int argc, char **argv)
{
	struct ui_options opt = { .ascii = false, .no_color = false, .projector = false };
	size_t ops = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
	double mean, worst, t;
	struct session s;
	struct app a;
	FILE *out, *in;
	SCREEN *scr;
	int missed = 0;

	build(&s, ops);
	if ((scr = open_screen(&out, &in)) == NULL) {
		fprintf(stderr, "ui_bench: no terminal description to draw with\n");
		return (1);
	}
	t = now_ms();
	app_init(&a, &s, &opt);
	t = now_ms() - t;
	theme_init(&a.theme, true);
	layout_compute(&a.layout, COLS_BENCH, ROWS_BENCH, 0);
	printf("== UI: %zu-operation session, %dx%d, curses output to /dev/null\n", ops,
	    COLS_BENCH, ROWS_BENCH);
	printf("%-58s %8.3f ms\n", "open at the end (replay, state, events)", t);
	time_redraws(&a, &mean, &worst);
	missed += report("full redraw, mean of 200", mean, 2);
	printf("%-58s %8.3f ms\n", "full redraw, worst of 200", worst);
	missed += report("one op back + redraw, one forward + redraw (end, worst)",
	    time_steps(&a, ops), 20);
	missed += report("one op back + redraw, one forward + redraw (middle, worst)",
	    time_steps(&a, ops / 2), 20);
	app_free(&a);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
	session_free(&s);
	return (missed > 0);
}
