/*
 * sweep_screen.h - the sweep chart (key S): the session's operations run
 * under the compared policies (the c view's) with each frame count from 1
 * to twice the session's (at least 8, at most SWEEP_POINTS_MAX), the
 * faults charted against the frames as batch's --sweep-frames charts them
 * (sweep_chart.h), and Belady's anomalies named.  The engine computes
 * (compare.h, belady.h); this only keeps the results and draws them.
 */
#ifndef VMSCOPE_UI_SWEEP_SCREEN_H
#define VMSCOPE_UI_SWEEP_SCREEN_H

#include <stdbool.h>
#include <stddef.h>

#include "belady.h"
#include "history.h"

struct sweep_view {
	bool built;
	struct compare_plan plan;
	struct compare_result *r;       /* compare_size(&plan) of them */
	struct belady *anomalies;
	size_t nanomalies;
	char why[256];                  /* why the operations could not run, or "" */
};

/* The frame counts swept for a session with `frames` frames: 1 to this. */
unsigned sweep_last_frames(unsigned frames);

/* Runs h's operations under the policies, unless done already. */
void sweep_build(struct sweep_view *s, const struct history *h, const int *policy, unsigned n);

/* Drops the results: the session's operations changed. */
void sweep_forget(struct sweep_view *s);

#endif
