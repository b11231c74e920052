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
 */
#include <stdio.h>

#include "frame_queue.h"
#include "machine.h"

static int
second_chance_choose(struct policy_state *s, struct machine *m,
		     const struct victim_filter *filter, struct victim_why *why)
{
	int f;

	*why = (struct victim_why){ 0 };
	while (m->frames[f = frame_queue_first(s, m, filter)].referenced) {
		m->frames[f].referenced = false;
		frame_queue_touch(s, m, f);
		why->swept++;
	}
	why->value = m->frames[f].loaded_step;
	return f;
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

const struct policy_ops policy_second_chance = {
	.name = "second-chance",
	.summary = "FIFO, but a page with R set goes to the back once, R cleared",
	.create = frame_queue_create,
	.clone = frame_queue_clone,
	.destroy = frame_queue_destroy,
	.loaded = frame_queue_push,
	.accessed = policy_ignore,
	.evicted = frame_queue_remove,
	.choose = second_chance_choose,
	.explain = second_chance_explain,
	.mind = { .header = "R; queue, 1 = oldest", .short_header = "R queue",
		  .shows_r = true, .kind = MIND_NUMBER, .describe = frame_queue_describe },
};
