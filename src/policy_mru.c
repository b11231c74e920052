/*
 * policy_mru.c - most recently used.
 *
 * Rules: the victim is the page whose last use is the most recent among
 * the frames the fault may take.  Every access that reaches a page counts
 * as a use, TLB hits included; loading a page is followed at once by its
 * use.  No ties are possible: uses happen one at a time.  MRU suits a loop
 * over more pages than there are frames, where the page just used is the
 * one needed last; on most programs it does badly.
 */
#include <stdio.h>

#include "frame_queue.h"
#include "machine.h"

static int
mru_choose(struct policy_state *s, struct machine *m,
	   const struct victim_filter *filter, struct victim_why *why)
{
	return policy_victim_by_last_use(m, frame_queue_last(s, m, filter), why);
}

static int
mru_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	return snprintf(buf, size, "most recently used: last used at step %llu",
			(unsigned long long)why->value);
}

/* The next in the queue that the fault may take. */
static int
mru_rival(const struct policy_state *s, const struct machine *m,
	   const struct victim_filter *filter, int victim, struct rival *r)
{
	return policy_rival_by_last_use(m, frame_queue_before(s, m, filter, victim), r);
}

const struct policy_ops policy_mru = {
	.name = "mru",
	.summary = "evict the page used most recently",
	.create = frame_queue_create,
	.clone = frame_queue_clone,
	.destroy = frame_queue_destroy,
	.loaded = frame_queue_push,
	.accessed = frame_queue_touch,
	.evicted = frame_queue_remove,
	.choose = mru_choose,
	.explain = mru_explain,
	.rival = mru_rival,
	.rival_explain = policy_rival_last_use,
	.mind = { .header = "last used (step)", .short_header = "used",
		  .kind = MIND_NUMBER, .describe = policy_mind_last_use },
};
