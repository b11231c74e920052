/*
 * comparison.h - the comparison: the session's operations replayed under two
 * to four policies, each its own history and scene, all moved to the main
 * position together.  Each policy's machine is its own: nothing is shared
 * but the operations.
 */
#ifndef VMSCOPE_UI_COMPARISON_H
#define VMSCOPE_UI_COMPARISON_H

#include <stdbool.h>
#include <stddef.h>

#include "display.h"
#include "scene.h"

struct comparison {
	unsigned n;                     /* policies compared */
	int policy[DISPLAY_COMPARE_MAX];
	struct scene run[DISPLAY_COMPARE_MAX];  /* run[i].h is owned; NULL until built */
	char why[256];                  /* why a policy could not run, or "" */
};

/*
 * The policies to compare when none were chosen: the session's own, then
 * opt, lru, fifo and clock, without repeats, DISPLAY_COMPARE_MAX of them.
 */
unsigned compare_default(int session_policy, int *out);

/* Chooses the policies (dropping any histories built for others). */
void compare_choose(struct comparison *c, const int *policy, unsigned n);

/*
 * Puts every policy's scene at the main position (op shown, `done`
 * complete), replaying h under each policy first if not yet done.  A
 * policy whose replay is refused is left out with why in c->why.
 */
void compare_move(struct comparison *c, struct history *h, size_t op, size_t done);

/*
 * Frees every replay: the session's operations changed (each is made again
 * on the next move), or the comparison is done with.
 */
void compare_forget(struct comparison *c);

#endif
