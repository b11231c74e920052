/*
 * sweep_oom.c - a sweep's runs that ran out of memory, in words.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "policy.h"
#include "sweep_oom.h"

/* Appends like snprintf at buf + k (k: what was written so far, maybe more than fits). */
static int
append(char *buf, size_t size, int k, const char *fmt, ...)
{
	size_t at = (size_t)k < size ? (size_t)k : size;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf + at, size - at, fmt, ap);
	va_end(ap);
	return n < 0 ? n : k + n;
}

/* "1-2 and 4 frames": the frame counts of the runs (one policy's) that ran out. */
static int
frame_counts(const struct compare_result *runs, size_t per, char *buf, size_t size)
{
	unsigned spans = 0, said = 0, counts = 0, frames = 0;
	int k = 0;

	for (size_t f = 0; f < per; f++) {
		if (sweep_ran_out(&runs[f]))
			frames = runs[f].frames;
		counts += sweep_ran_out(&runs[f]);
		spans += sweep_ran_out(&runs[f]) && (f == 0 || !sweep_ran_out(&runs[f - 1]));
	}
	for (size_t f = 0; f < per; f++) {
		size_t last = f;

		if (!sweep_ran_out(&runs[f]))
			continue;
		while (last + 1 < per && sweep_ran_out(&runs[last + 1]))
			last++;
		said++;
		k = append(buf, size, k, "%s%u", said == 1 ? "" : said == spans ? " and " : ", ",
			   runs[f].frames);
		if (last > f)
			k = append(buf, size, k, "-%u", runs[last].frames);
		f = last;
	}
	return append(buf, size, k, counts == 1 && frames == 1 ? " frame" : " frames");
}

int
sweep_oom_describe(const struct compare_plan *p, const struct compare_result *r,
		   unsigned i, char *buf, size_t size)
{
	size_t per = p->frames_last - p->frames_first + 1;
	const struct compare_result *runs = &r[i * per];
	uint64_t refused = 0, killed = 0;
	int k;

	for (size_t f = 0; f < per; f++) {
		refused += runs[f].stats.out_of_memory;
		killed += runs[f].stats.oom_kills;
	}
	if (refused == 0 && killed == 0)
		return -1;
	k = append(buf, size, 0, "%s, ", policy_at(p->policy[i])->name);
	k += frame_counts(runs, per, buf + ((size_t)k < size ? (size_t)k : size),
			  (size_t)k < size ? size - (size_t)k : 0);
	k = append(buf, size, k, ":");
	if (refused)
		k = append(buf, size, k, " %" PRIu64 " access%s refused, %s", refused,
			   refused == 1 ? "" : "es", refused == 1 ? "a fault" : "each a fault");
	if (killed)
		k = append(buf, size, k, "%s %" PRIu64 " process%s killed by the OOM killer",
			   refused ? "," : "", killed, killed == 1 ? "" : "es");
	return k;
}
