/*
 * sweep_oom.h - the runs of a sweep (or of a comparison, a sweep of one
 * frame count) that ran out of memory: accesses refused because swap had
 * no room for a dirty victim (OUT OF MEMORY), or processes ended by a
 * memory group's OOM killer.  Their fault counts are of the accesses that
 * ran, so the tables and the chart say which runs those are.
 */
#ifndef VMSCOPE_SWEEP_OOM_H
#define VMSCOPE_SWEEP_OOM_H

#include <stdbool.h>
#include <stddef.h>

#include "compare.h"

/* Whether the run refused an access out of memory or had an OOM kill. */
static inline bool
sweep_ran_out(const struct compare_result *r)
{
	return r->stats.out_of_memory > 0 || r->stats.oom_kills > 0;
}

/*
 * Writes, like snprintf, how the runs of the plan's policy i (r as
 * compare_run fills it) ran out of memory: "fifo, 1-2 and 4 frames: 5
 * accesses refused, each a fault, 1 process killed by the OOM killer";
 * returns -1, writing nothing, if none did.
 */
int sweep_oom_describe(const struct compare_plan *p, const struct compare_result *r,
		       unsigned i, char *buf, size_t size);

#endif
