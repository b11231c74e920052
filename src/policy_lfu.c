/*
 * policy_lfu.c - least frequently used.
 *
 * Rules: each frame counts the uses of its page since the page was loaded
 * (loading is followed at once by a use, so a new page counts 1; every
 * access that reaches the page adds 1, TLB hits included).  The victim is
 * the page with the smallest count among the frames the fault may take;
 * ties go to the page loaded earliest (and the victim's line says so only
 * when another page it may take had the same count).  Counts start again
 * at a reload: a page swapped back in has forgotten its past.  The
 * reference bit plays no part.
 */
#include <stdio.h>

#include "frame_values.h"
#include "machine.h"

static void
lfu_loaded(struct policy_state *s, struct machine *m, int frame)
{
	(void)m;
	frame_values(s)->v[frame] = 0;
}

static void
lfu_accessed(struct policy_state *s, struct machine *m, int frame)
{
	(void)m;
	frame_values(s)->v[frame]++;
}

static void
lfu_describe(const struct policy_state *s, const struct machine *m, int frame,
	     struct frame_mind *out)
{
	(void)m;
	out->kind = MIND_NUMBER;
	out->value = frame_values(s)->v[frame];
}

static int
lfu_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	return snprintf(buf, size, "least frequently used: %llu use%s since it was loaded%s",
			(unsigned long long)why->value, why->value == 1 ? "" : "s",
			why->rule == FRAME_VALUES_TIED ? ", the earliest loaded of that count" : "");
}

static int
lfu_rival_explain(const struct rival *r, char *buf, size_t size)
{
	return snprintf(buf, size, "%llu use%s", (unsigned long long)r->value,
			r->value == 1 ? "" : "s");
}

const struct policy_ops policy_lfu = {
	.name = "lfu",
	.summary = "evict the page used fewest times since it was loaded",
	.create = frame_values_create,
	.clone = frame_values_clone,
	.destroy = policy_free_state,
	.loaded = lfu_loaded,
	.accessed = lfu_accessed,
	.choose = frame_values_choose_smallest,
	.explain = lfu_explain,
	.rival = frame_values_rival,
	.rival_explain = lfu_rival_explain,
	.mind = { .header = "uses since loaded", .short_header = "uses",
		  .kind = MIND_NUMBER, .describe = lfu_describe },
};
