/*
 * compare.h - one list of operations run under several policies and
 * frame counts (--compare, --sweep-frames, the UI's sweep chart).
 *
 * Each pair (policy, frame count) gets a fresh machine, refitted from the
 * same initial machine (machine_refit) but with no TLB (what is compared
 * does not depend on it), and runs every operation through the engine
 * with no events asked for, accesses a run at a time: the engine's
 * fastest way.  The
 * operations are read once by the caller (an op_queue for a trace, a
 * history for a session); OPT's look-ahead is built once and shared by
 * every machine that needs it.
 */
#ifndef VMSCOPE_COMPARE_H
#define VMSCOPE_COMPARE_H

#include <stddef.h>
#include <stdint.h>

#include "machine.h"
#include "op.h"

/* The most policies compared at once (each at most once: the table's). */
#define COMPARE_POLICIES_MAX 16
/* The most frame counts one sweep runs: the chart has a column for each. */
#define SWEEP_POINTS_MAX 64

struct compare_plan {
	int policy[COMPARE_POLICIES_MAX];       /* indexes into policy_table */
	unsigned npolicies;
	unsigned frames_first, frames_last;     /* frame counts run, both included */
};

/* What one machine came to. */
struct compare_result {
	int policy;
	unsigned frames;
	struct stats stats;
};

/* How many machines the plan runs: policies x frame counts. */
size_t compare_size(const struct compare_plan *p);

/*
 * Runs the operations of ops on a refit of `initial` for every policy and
 * frame count of the plan, filling out[0 .. compare_size(p)) policy by
 * policy, frame counts rising within each.  Returns 0, or -1 with the
 * engine's message in err and the index of the operation that could not
 * run in *bad (the same for every machine: what runs does not depend on
 * the policy or the frame count).
 */
int compare_run(const struct machine *initial, const struct op_source *ops,
		const struct compare_plan *p, struct compare_result *out, size_t *bad,
		char *err, size_t size);

#endif
