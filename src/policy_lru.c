/*
 * policy_lru.c - least recently used.
 *
 * Rules: the victim is the page whose last use lies furthest in the past
 * among the frames the fault may take.  Every access that reaches a page
 * counts as a use, TLB hits included (exact LRU, not an approximation from
 * the reference bit); loading a page is followed at once by its use.  No
 * ties are possible: uses happen one at a time.
 */
#include <stdio.h>

#include "frame_queue.h"
#include "machine.h"

static int
lru_choose(struct policy_state *s, struct machine *m,
	   const struct victim_filter *filter, struct victim_why *why)
{
	return policy_victim_by_last_use(m, frame_queue_first(s, m, filter), why);
}

static int
lru_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	return snprintf(buf, size, "least recently used: last used at step %llu",
			(unsigned long long)why->value);
}

/* The next in the queue that the fault may take. */
static int
lru_rival(const struct policy_state *s, const struct machine *m,
	   const struct victim_filter *filter, int victim, struct rival *r)
{
	return policy_rival_by_last_use(m, frame_queue_after(s, m, filter, victim), r);
}

const struct policy_ops policy_lru = {
	.name = "lru",
	.summary = "evict the page used least recently",
	.create = frame_queue_create,
	.clone = frame_queue_clone,
	.destroy = frame_queue_destroy,
	.loaded = frame_queue_push,
	.accessed = frame_queue_touch,
	.evicted = frame_queue_remove,
	.choose = lru_choose,
	.explain = lru_explain,
	.rival = lru_rival,
	.rival_explain = policy_rival_last_use,
	.mind = { .header = "last used (step)", .short_header = "used",
		  .kind = MIND_NUMBER, .describe = policy_mind_last_use },
};
