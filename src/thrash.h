/*
 * thrash.h - the numbers of the thrashing view: for each of the last
 * accesses up to a point in a session, whether it faulted, the fault rate
 * over the accesses ending at it, how many processes were alive after it
 * and the sum of their working sets, beside the machine's frames.  When
 * that sum is more than the frames, the processes' working sets cannot all
 * be resident at once, and faults follow (Denning's thrashing).
 *
 * Built by replaying the session's history, as the frames-by-time table
 * is: every number is the engine's (its statistics and working sets).
 */
#ifndef VMSCOPE_THRASH_H
#define VMSCOPE_THRASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"

/* The fault rate at an access is over the accesses ending at it, this many. */
#define THRASH_RATE_WINDOW 10

struct thrash_point {
	size_t step;            /* the operation, from 1 */
	bool fault;             /* the access counted a fault (the statistics' faults) */
	unsigned faults;        /* faults among the `window` accesses ending here */
	unsigned window;        /* THRASH_RATE_WINDOW, or fewer near the session's start */
	unsigned processes;     /* live processes after the access */
	uint64_t ws_sum;        /* the frames their working sets need after it (a
				 * page each, a huge page its whole run) */
};

struct thrash_series {
	unsigned frames;        /* the machine's */
	size_t first;           /* accesses of the session before the first point */
	bool over_before;       /* the working sets were more than the frames just
				 * before the first point (after access `first`) */
	size_t n;
	struct thrash_point *p;
};

/*
 * The last `max` accesses (operations that access memory, refused ones
 * included, as the statistics count them) among h's first `done`
 * operations, oldest first.
 */
void thrash_build(struct history *h, size_t done, size_t max, struct thrash_series *s);
void thrash_free(struct thrash_series *s);

/* Whether the working sets after point i are more than the frames. */
static inline bool
thrash_over(const struct thrash_series *s, size_t i)
{
	return s->p[i].ws_sum > s->frames;
}

/* Whether point i is where they stopped fitting: over, and the access before not. */
static inline bool
thrash_stops_fitting(const struct thrash_series *s, size_t i)
{
	return thrash_over(s, i) && !(i ? thrash_over(s, i - 1) : s->over_before);
}

/*
 * Where the run of points over the frames that ends the series began: the
 * point that stopped fitting; SIZE_MAX if the last point fits, or if the
 * run began before the first point.
 */
size_t thrash_over_since(const struct thrash_series *s);

#endif
