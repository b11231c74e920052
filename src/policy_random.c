/*
 * policy_random.c - a random victim, reproducibly.
 *
 * Rules: the victim is drawn uniformly among the frames the fault may
 * take, counted in frame order, by a splitmix64 generator seeded with the
 * machine's seed; one number is drawn per eviction, so a session replays
 * identically.  The reference bit plays no part.  The victim's line names
 * no rival: a draw ranks no page after the one drawn.
 */

#include <stdio.h>

#include "divisor.h"
#include "machine.h"
#include "policy.h"
#include "rng.h"
#include "xalloc.h"

/*
 * The next draw is made ahead, when the one before is used: a fault then
 * finds its victim's number ready instead of waiting on the generator and
 * the remainder before it can go on (the sequence of draws is the same).
 */
struct random_state {
	uint64_t x;
	struct divisor frames;  /* the draw's usual divisor: every frame may go */
	uint64_t draw;          /* the next draw ... */
	unsigned draw_in_frames;    /* ... and its remainder by the frame count */
};

static void
draw_ahead(struct random_state *r)
{
	r->draw = rng_next(&r->x);
	r->draw_in_frames = (unsigned)divisor_remainder(&r->frames, r->draw);
}

static struct policy_state *
random_create(const struct machine *m)
{
	struct random_state *r = xmalloc(sizeof *r);

	r->x = m->cfg.seed;
	r->frames = divisor_of(m->cfg.frames);
	draw_ahead(r);
	return (struct policy_state *)r;
}

static struct policy_state *
random_clone(const struct policy_state *s, const struct machine *m)
{
	(void)m;
	return (struct policy_state *)xmemdup(s, sizeof(struct random_state));
}

static int
random_choose(struct policy_state *s, struct machine *m,
	      const struct victim_filter *filter, struct victim_why *why)
{
	struct random_state *r = (struct random_state *)s;
	unsigned allowed = m->cfg.frames, pick;

	/* Counting is needed only when some frames are not allowed. */
	if (!filter->any) {
		allowed = 0;
		for (unsigned f = 0; f < m->cfg.frames; f++)
			allowed += victim_filter_allows(m, filter, (int)f) != 0;
	}
	pick = allowed == m->cfg.frames ? r->draw_in_frames : (unsigned)(r->draw % allowed);
	draw_ahead(r);
	*why = (struct victim_why){ 0 };
	if (allowed == m->cfg.frames)
		return (int)pick;
	for (unsigned f = 0;; f++)
		if (victim_filter_allows(m, filter, (int)f) && pick-- == 0)
			return (int)f;
}

static int
random_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)why;
	return snprintf(buf, size, "drawn at random (seed %llu)", (unsigned long long)m->cfg.seed);
}

const struct policy_ops policy_random = {
	.name = "random",
	.summary = "evict a page drawn at random with the session's seed",
	.create = random_create,
	.clone = random_clone,
	.destroy = policy_free_state,
	.choose = random_choose,
	.explain = random_explain,
};
