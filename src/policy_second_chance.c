/*
 * policy_second_chance.c - FIFO with a second chance.
 *
 * Rules: the frames wait in a queue in load order, as under FIFO.  On a
 * fault with no free frame the policy looks at the oldest page the fault
 * may take: if its reference bit (R) is set, R is cleared and the page
 * goes to the back of the queue as if just loaded (a set R buys one more
 * trip); the first page found with R clear is the victim.  Every access
 * sets R, so a newly loaded page starts with R = 1.  Frames the fault may
 * not take keep their place.  After one trip every allowed R is clear, so
 * the search ends: with every R set, it is FIFO.
 * The rival a victim's line names is the page the search would have taken
 * next had the victim been spared: the first page after it in the queue
 * that the fault may take with R clear, or, if every other such page has
 * R set, the first of them, back at the front after one more trip.
 */
#include <stdio.h>

#include "frame_queue.h"
#include "machine.h"

/* What a look saw (sweep.saw). */
enum { TO_THE_BACK, TAKEN };

/* A look at the oldest page the fault may take. */
static int
second_chance_look(struct policy_state *s, struct machine *m,
		   const struct victim_filter *filter, struct victim_why *why, struct sweep *sw)
{
	int f = frame_queue_first(s, m, filter);

	sw->looks++;
	sw->frame = f;
	sw->value = m->frames[f].loaded_step;
	if (!m->frames[f].referenced) {
		sw->saw = TAKEN;
		why->value = m->frames[f].loaded_step;
		return f;
	}
	m->frames[f].referenced = false;
	frame_queue_touch(s, m, f);
	why->swept++;
	sw->saw = TO_THE_BACK;
	return NO_FRAME;
}

static int
second_chance_choose(struct policy_state *s, struct machine *m,
		     const struct victim_filter *filter, struct victim_why *why)
{
	struct sweep sw = { 0 };

	*why = (struct victim_why){ 0 };
	return policy_sweep(second_chance_look, s, m, filter, why, &sw);
}

static int
second_chance_look_explain(const struct event *ev, const struct machine *m, char *buf,
			   size_t size)
{
	int k = snprintf(buf, size, "the first page in the queue that this fault may take "
			 "is %d:0x%llx in frame %d (loaded at step %llu): ", ev->other_pid,
			 (unsigned long long)ev->other_vpn, ev->frame,
			 (unsigned long long)ev->why.value);

	(void)m;
	if (k < 0 || (size_t)k >= size)
		return k;
	if (ev->why.rule == TAKEN)
		return k + snprintf(buf + k, size - (size_t)k, "R = 0, so it is the victim");
	return k + snprintf(buf + k, size - (size_t)k, "R = 1, so R is cleared and it goes "
			    "to the back of the queue (its second chance)");
}

static int
second_chance_explain(const struct victim_why *why, const struct machine *m, char *buf,
		      size_t size)
{
	(void)m;
	return snprintf(buf, size, "oldest in the queue with R clear: loaded at step %llu "
			"(%u second chance%s given on the way)", (unsigned long long)why->value,
			why->swept, why->swept == 1 ? "" : "s");
}

static int
second_chance_rival_explain(const struct rival *r, char *buf, size_t size)
{
	if (r->value)
		return snprintf(buf, size, "R = 1, as every other page it may take: the first "
				"in the queue once a trip has cleared them");
	return snprintf(buf, size, "R = 0, the next in the queue with R clear");
}

const struct policy_ops policy_second_chance = {
	.name = "second-chance",
	.summary = "FIFO, but a page with R set goes to the back once, R cleared",
	.create = frame_queue_create,
	.clone = frame_queue_clone,
	.destroy = frame_queue_destroy,
	.loaded = frame_queue_push,
	.evicted = frame_queue_remove,
	.choose = second_chance_choose,
	.explain = second_chance_explain,
	.rival = policy_rival_spared_r,
	.rival_explain = second_chance_rival_explain,
	.look = second_chance_look,
	.look_explain = second_chance_look_explain,
	.mind = { .header = "R; queue, 1 = oldest", .short_header = "R queue",
		  .shows_r = true, .kind = MIND_NUMBER, .describe = frame_queue_describe },
};
