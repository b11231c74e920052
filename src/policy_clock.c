/*
 * policy_clock.c - the clock (second-chance) algorithm.
 *
 * Rules: the frames form a circle with a hand, which starts at frame 0.
 * On a fault with no free frame, the hand looks at the frame it points to:
 * a frame the fault may not take is passed over untouched; one whose page
 * has its reference bit (R) set gets a second chance: R is cleared and the
 * hand moves on; the first allowed frame with R clear is the victim, and
 * the hand stops just past it.  Every access sets R, so a newly loaded
 * page starts with R = 1.  Loading into a free frame does not move the
 * hand.  After one full turn every allowed R is clear, so the sweep ends
 * within two turns.
 */

#include <stdio.h>

#include "machine.h"
#include "policy.h"
#include "xalloc.h"

struct clock_state {
	unsigned hand;
};

static struct policy_state *
clock_create(const struct machine *m)
{
	(void)m;
	return (struct policy_state *)xcalloc(1, sizeof(struct clock_state));
}

static struct policy_state *
clock_clone(const struct policy_state *s, const struct machine *m)
{
	(void)m;
	return (struct policy_state *)xmemdup(s, sizeof(struct clock_state));
}

static int
clock_choose(struct policy_state *s, struct machine *m,
	     const struct victim_filter *filter, struct victim_why *why)
{
	struct clock_state *c = (struct clock_state *)s;
	unsigned n = m->cfg.frames;
	int victim;

	*why = (struct victim_why){ 0 };
	for (;; c->hand = (c->hand + 1) % n) {
		struct frame *fr = &m->frames[c->hand];

		if (!victim_filter_allows(m, filter, (int)c->hand))
			continue;
		if (!fr->referenced)
			break;
		fr->referenced = false;
		why->swept++;
	}
	victim = (int)c->hand;
	c->hand = (c->hand + 1) % n;
	return victim;
}

static unsigned
clock_hand(const struct policy_state *s)
{
	return ((const struct clock_state *)s)->hand;
}

static int
clock_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	return snprintf(buf, size, "reference bit clear under the hand (%u bit%s cleared "
			"on the way)", why->swept, why->swept == 1 ? "" : "s");
}

const struct policy_ops policy_clock = {
	.name = "clock",
	.summary = "sweep a hand over the frames, clearing reference bits; evict the first with R clear",
	.create = clock_create,
	.clone = clock_clone,
	.destroy = policy_free_state,
	.loaded = policy_ignore,
	.accessed = policy_ignore,
	.evicted = policy_ignore,
	.choose = clock_choose,
	.explain = clock_explain,
	.mind = { .header = "hand and R bits", .short_header = "hand R",
		  .has_hand = true, .shows_r = true, .hand = clock_hand },
};
