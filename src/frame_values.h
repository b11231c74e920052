/*
 * frame_values.h - one number per frame, for the policies whose state is
 * just that (LFU's use counts, aging's counters, the working set's and
 * WSClock's times of last use), plus a hand for those that sweep.
 */
#ifndef VMSCOPE_FRAME_VALUES_H
#define VMSCOPE_FRAME_VALUES_H

#include <stdint.h>

#include "policy.h"

struct frame_values {
	unsigned nframes;
	unsigned hand;          /* WSClock's; starts at frame 0 */
	uint64_t v[];           /* per frame, starting at 0 */
};

/* One flat allocation: policy_free_state destroys it. */
struct policy_state *frame_values_create(const struct machine *m);
struct policy_state *frame_values_clone(const struct policy_state *s, const struct machine *m);

/*
 * Chooses, among the frames the filter allows, the one with the smallest
 * value, ties to the earliest loaded; the value is the victim's `why`
 * (LFU's fewest uses, aging's smallest counter), and its rule is
 * FRAME_VALUES_TIED when another frame the filter allows had that value.
 */
enum { FRAME_VALUES_ALONE, FRAME_VALUES_TIED };

int frame_values_choose_smallest(struct policy_state *s, struct machine *m,
				 const struct victim_filter *filter, struct victim_why *why);
/* The rival of that choice: the smallest but the victim's, by the same rule. */
int frame_values_rival(const struct policy_state *s, const struct machine *m,
		       const struct victim_filter *filter, int victim, struct rival *r);

static inline struct frame_values *
frame_values(const struct policy_state *s)
{
	return (struct frame_values *)s;
}

/* The own time of the process that maps held frame f (the first, if
 * several do): how many accesses it has made. */
static inline uint64_t
frame_owner_time(const struct machine *m, int f)
{
	return machine_process(m, frame_first(m, f).pid)->accesses;
}

#endif
