/*
 * belady.h - Belady's anomaly found in a sweep's results: a policy that
 * faults more with more frames.  A stack algorithm (LRU, OPT) never does;
 * FIFO does on 1 2 3 4 1 2 5 1 2 3 4 5 (3 frames: 9 faults, 4 frames: 10).
 */
#ifndef VMSCOPE_BELADY_H
#define VMSCOPE_BELADY_H

#include <stddef.h>
#include <stdint.h>

#include "compare.h"

/*
 * Belady's anomaly: with more frames, more faults.  For each policy, a
 * frame count g is anomalous when some smaller frame count of the sweep
 * faults less; it is named with the smaller count that faults least (the
 * largest such count if several tie): "4 frames fault more than 3: 10 > 9".
 * Each frame count is reported at most once.
 */
struct belady {
	int policy;
	unsigned frames, fewer_frames;
	uint64_t faults, fewer_faults;
};

/*
 * Writes the anomalies among r (as compare_run fills it) to out, which has
 * room for compare_size(p); returns how many, policy by policy, frame
 * counts rising.
 */
size_t belady_find(const struct compare_result *r, const struct compare_plan *p,
		   struct belady *out);

/* Writes, like snprintf, "fifo: 4 frames fault more than 3: 10 > 9". */
int belady_describe(const struct belady *a, char *buf, size_t size);

#endif
