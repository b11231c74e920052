/*
 * promise.h - what a session's notes promise: the "expect" object of the
 * session format, checked against the state after the last operation.
 *
 *   "expect": {
 *     "faults": 9, "writebacks": 2, ...        counters of struct stats
 *     "faults_of": { "1": 8, "2": 1 },         page faults per process
 *     "frames": { "0": "1:0x7", "3": "free" }  what a frame holds: PID:VPN
 *     "working_sets": { "1": 2, "2": 3 }      pages in each process's working set
 *   }
 *
 * The counters are accesses, hits, faults, evictions, writebacks, tlb_hits,
 * tlb_misses, segfaults, protection_faults, out_of_memory, zero_fills and
 * swap_ins.  A lesson states in its notes what the student will see and
 * states the same numbers here, so a test can replay every lesson and hold
 * the notes to their word.
 */
#ifndef VMSCOPE_PROMISE_H
#define VMSCOPE_PROMISE_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "machine.h"

struct promises;

/*
 * Reads an "expect" object at path; returns it, or NULL after reporting
 * every problem through r.
 */
struct promises *promises_read(struct json_reader *r, const struct cJSON *v, const char *path);

/* Adds "expect" to obj, members in a fixed order. */
void promises_write(const struct promises *e, struct cJSON *obj);

/*
 * Compares the promises with m (the state after the last operation),
 * reporting each one broken as ("expect.faults", "the notes promise 9, the
 * replay gives 10").  Returns how many were broken.
 */
unsigned promises_check(const struct promises *e, const struct machine *m,
			json_report_fn report, void *ctx);

/* Whether e makes a promise on the statistic named `stat` ("zero_fills"). */
bool promises_name(const struct promises *e, const char *stat);

/* How many promises e makes. */
size_t promises_count(const struct promises *e);

void promises_free(struct promises *e);

#endif
