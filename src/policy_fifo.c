/*
 * policy_fifo.c - first in, first out.
 *
 * Rules: the victim is the page that was loaded earliest among the frames
 * the fault may take (all frames under global scope; the faulting
 * process's own under local scope or at its frame limit).  Uses do not
 * change the order; a page swapped back in counts as newly loaded.  No
 * ties are possible: loads happen one at a time.  The reference bit plays
 * no part.  Evicting frames in load order is what makes Belady's anomaly
 * possible: more frames can mean more faults.
 */
#include <stdio.h>

#include "frame_queue.h"
#include "machine.h"

static int
fifo_choose(struct policy_state *s, struct machine *m,
	    const struct victim_filter *filter, struct victim_why *why)
{
	int f = frame_queue_first(s, m, filter);

	*why = (struct victim_why){ .value = m->frames[f].loaded_step };
	return f;
}

static int
fifo_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	return snprintf(buf, size, "oldest: loaded at step %llu", (unsigned long long)why->value);
}

/* The next in the queue that the fault may take. */
static int
fifo_rival(const struct policy_state *s, const struct machine *m,
	   const struct victim_filter *filter, int victim, struct rival *r)
{
	int f = frame_queue_after(s, m, filter, victim);

	if (f >= 0)
		r->value = m->frames[f].loaded_step;
	return f;
}

static int
fifo_rival_explain(const struct rival *r, char *buf, size_t size)
{
	return snprintf(buf, size, "loaded at step %llu", (unsigned long long)r->value);
}

const struct policy_ops policy_fifo = {
	.name = "fifo",
	.summary = "evict the page loaded earliest",
	.create = frame_queue_create,
	.clone = frame_queue_clone,
	.destroy = frame_queue_destroy,
	.loaded = frame_queue_push,
	.evicted = frame_queue_remove,
	.choose = fifo_choose,
	.explain = fifo_explain,
	.rival = fifo_rival,
	.rival_explain = fifo_rival_explain,
	.mind = { .header = "queue, 1 = oldest", .short_header = "queue",
		  .kind = MIND_NUMBER, .describe = frame_queue_describe },
};
