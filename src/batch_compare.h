/*
 * batch_compare.h - --compare and --sweep-frames in batch: the source read
 * once, every policy and frame count of the plan run on it (compare.h),
 * and the results printed as text or as one JSON document.
 *
 * --compare prints a row per policy (faults, fault rate, evictions,
 * write-backs) or {"compare":[{"policy":"fifo","frames":3,...},...]};
 * --sweep-frames a table of faults by frame count and policy, the chart
 * (sweep_chart.h) and Belady's anomalies, or
 * {"sweep":[{"policy":"fifo","frames":3,"faults":9},...],"anomalies":[...]}.
 * Both mark a run that ran out of memory alike (sweep_oom.h): its count
 * with '!' and a key under the table, its JSON row with out_of_memory and
 * oom_kills.
 */
#ifndef VMSCOPE_BATCH_COMPARE_H
#define VMSCOPE_BATCH_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "compare.h"
#include "history.h"
#include "machine.h"
#include "trace.h"

struct compare_output {
	bool json;
	bool sweep;     /* a sweep over frame counts, with its chart */
	bool ascii;     /* the chart in ASCII */
};

/*
 * Reads every operation of t, then runs and prints the plan from
 * `initial` (which stays as it is).  Returns 0, or -1 with err filled in:
 * the trace's message, or "FILE:LINE: " and the engine's reason an
 * operation cannot run, or a write error.
 */
int batch_compare_trace(const struct machine *initial, struct trace *t,
			const struct compare_plan *p, const struct compare_output *how,
			FILE *out, char *err, size_t size);

/* The same for a session's operations; `label` (its file) names it in messages. */
int batch_compare_history(const struct history *h, const char *label,
			  const struct compare_plan *p, const struct compare_output *how,
			  FILE *out, char *err, size_t size);

#endif
