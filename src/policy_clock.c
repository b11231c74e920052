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
 * The rival a victim's line names is the page the hand would have taken
 * next had the victim been spared: going on from where the hand stopped,
 * the first page the fault may take with R clear (bits cleared on the way
 * stay clear), or, if every other such page has R set, the first of them
 * the hand reaches, which a turn leaves clear.
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

/* What a look saw (sweep.saw). */
enum { PASSED, CLEARED, TAKEN };

/* The hand looks at its frame, then moves on, past the victim too. */
static int
clock_look(struct policy_state *s, struct machine *m, const struct victim_filter *filter,
	   struct victim_why *why, struct sweep *sw)
{
	struct clock_state *c = (struct clock_state *)s;
	int f = (int)c->hand;
	struct frame *fr = &m->frames[f];

	sw->looks++;
	sw->frame = f;
	c->hand = c->hand + 1 == m->cfg.frames ? 0 : c->hand + 1;
	if (!victim_filter_allows(m, filter, f)) {
		sw->saw = PASSED;
		return NO_FRAME;
	}
	if (!fr->referenced) {
		sw->saw = TAKEN;
		return f;
	}
	fr->referenced = false;
	why->swept++;
	sw->saw = CLEARED;
	return NO_FRAME;
}

static int
clock_choose(struct policy_state *s, struct machine *m,
	     const struct victim_filter *filter, struct victim_why *why)
{
	struct sweep sw = { 0 };

	*why = (struct victim_why){ 0 };
	return policy_sweep(clock_look, s, m, filter, why, &sw);
}

static int
clock_look_explain(const struct event *ev, const struct machine *m, char *buf, size_t size)
{
	int next = (ev->frame + 1) % (int)m->cfg.frames;

	if (ev->why.rule == PASSED)
		return snprintf(buf, size, "the hand at frame %d: not a frame this fault may "
				"take, so it passes over it to frame %d", ev->frame, next);
	if (ev->why.rule == CLEARED)
		return snprintf(buf, size, "the hand at frame %d (%d:0x%llx): R = 1, so R is "
				"cleared (its second chance) and the hand moves on to frame %d",
				ev->frame, ev->other_pid, (unsigned long long)ev->other_vpn, next);
	return snprintf(buf, size, "the hand at frame %d (%d:0x%llx): R = 0, so this page "
			"is the victim; the hand stops just past it, at frame %d", ev->frame,
			ev->other_pid, (unsigned long long)ev->other_vpn, next);
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

static int
clock_rival_explain(const struct rival *r, char *buf, size_t size)
{
	if (r->value)
		return snprintf(buf, size, "R = 1, as every other page the hand may take: the "
				"first it reaches once a turn has cleared them");
	return snprintf(buf, size, "R = 0, the next the hand reaches with R clear");
}

const struct policy_ops policy_clock = {
	.name = "clock",
	.summary = "sweep a hand over the frames, clearing reference bits; evict the first with R clear",
	.create = clock_create,
	.clone = clock_clone,
	.destroy = policy_free_state,
	.choose = clock_choose,
	.explain = clock_explain,
	.rival = policy_rival_spared_r,
	.rival_explain = clock_rival_explain,
	.look = clock_look,
	.look_explain = clock_look_explain,
	.mind = { .header = "hand and R bits", .short_header = "hand R",
		  .has_hand = true, .shows_r = true, .hand = clock_hand },
};
