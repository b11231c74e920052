/*
 * comparison.c - the comparison's histories: made by replaying the session's
 * operations under each policy when first needed, and each policy's state
 * at the position read from its own history.
 */
#include <stdio.h>
#include <string.h>

#include "comparison.h"
#include "policy.h"

unsigned
compare_default(int session_policy, int *out)
{
	const char *const others[] = { "opt", "lru", "fifo", "clock" };
	unsigned n = 0;

	out[n++] = session_policy;
	for (size_t i = 0; i < sizeof others / sizeof others[0] && n < DISPLAY_COMPARE_MAX; i++) {
		int p = policy_find(others[i]);

		if (p != session_policy)
			out[n++] = p;
	}
	return (n);
}

void
compare_choose(struct comparison *c, const int *policy, unsigned n)
{
	compare_forget(c);
	c->n = n;
	memcpy(c->policy, policy, n * sizeof *policy);
}

/* Replays h under the policy of run i; false (and why) if it was refused. */
static bool
replay(struct comparison *c, unsigned i, struct history *h)
{
	char err[200];

	c->run[i].h = history_under_policy(h, c->policy[i], err, sizeof err);
	if (c->run[i].h == NULL)
		snprintf(c->why, sizeof c->why, "%s cannot run this session: %s",
		    policy_at(c->policy[i])->name, err);
	return (c->run[i].h != NULL);
}

void
compare_move(struct comparison *c, struct history *h, size_t op, size_t done)
{
	unsigned i;

	for (i = 0; i < c->n; i++) {
		struct scene *s = &c->run[i];

		if (s->h == NULL && !replay(c, i, h))
			continue;
		scene_move(s, op, done);
		/* After the table: building it moves the history's own state. */
		s->m = history_state(s->h, done);
	}
}

void
compare_forget(struct comparison *c)
{
	unsigned i;

	for (i = 0; i < c->n; i++) {
		scene_free(&c->run[i]);
		history_free(c->run[i].h);
		c->run[i] = (struct scene){ 0 };
	}
	c->why[0] = '\0';
}
