/*
 * belady.c - finding Belady's anomaly among a sweep's results.
 *
 * Within one policy's run of frame counts (rising), the fewest faults seen
 * so far is carried along: a count that faults more than that fewest is
 * anomalous, and is named against it.  So every anomaly is reported once,
 * against the strongest evidence, and a sweep with none reports none.
 */
#include <inttypes.h>
#include <stdio.h>

#include "belady.h"
#include "policy.h"

/* The anomalies of one policy's results r[0 .. n), frame counts rising. */
static size_t
find_in_policy(const struct compare_result *r, size_t n, struct belady *out)
{
	const struct compare_result *best = &r[0];
	size_t found = 0;

	for (size_t i = 1; i < n; i++) {
		if (r[i].stats.faults > best->stats.faults)
			out[found++] = (struct belady){ .policy = r[i].policy,
				.frames = r[i].frames, .faults = r[i].stats.faults,
				.fewer_frames = best->frames,
				.fewer_faults = best->stats.faults };
		else
			best = &r[i];   /* ties move to the larger count */
	}
	return found;
}

size_t
belady_find(const struct compare_result *r, const struct compare_plan *p,
	    struct belady *out)
{
	size_t per = p->frames_last - p->frames_first + 1, found = 0;

	for (unsigned i = 0; i < p->npolicies; i++)
		found += find_in_policy(r + i * per, per, out + found);
	return found;
}

int
belady_describe(const struct belady *a, char *buf, size_t size)
{
	return snprintf(buf, size, "%s: %u frames fault more than %u: %" PRIu64 " > %" PRIu64,
			policy_at(a->policy)->name, a->frames, a->fewer_frames, a->faults,
			a->fewer_faults);
}
