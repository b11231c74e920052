/*
 * batch.h - running operations with no screen (DESIGN §5): one line per
 * access and a summary, as text or as one JSON document; with --events, one
 * line per event of every operation, with the narration the UI shows.
 *
 * Everything printed comes from the engine's events and the machine's
 * statistics; nothing here decides how memory behaves.  Output streams:
 * each access is printed as it happens, so memory does not grow with the
 * number of accesses.  That is why the JSON document puts "summary" after
 * "accesses": {"machine":{...},"accesses":[...],"summary":{...}}.
 *
 * A row's victim is the page the policy chose; on an out-of-memory
 * access it is the dirty page that could not be written back (and stays).
 *
 * The one exception is the policy opt, which needs the whole future: its
 * operations are read into memory first, compactly (op_queue.h), and its
 * look-ahead is built from them (future.h) before the first one runs.
 */
#ifndef VMSCOPE_BATCH_H
#define VMSCOPE_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "history.h"
#include "machine.h"
#include "op_queue.h"
#include "trace.h"

struct batch_options {
	bool json;      /* one JSON document rather than text */
	bool quiet;     /* the summary alone */
	bool events;    /* every event with its narration, not a row per access */
};

/*
 * Runs every operation of t on m, printing to out.  Returns 0, or -1 with
 * err filled in: the trace's own message, or "FILE:LINE: " and the
 * engine's reason an operation cannot run, or a write error.  Output
 * printed before an error stays printed.
 */
int batch_run_trace(struct machine *m, struct trace *t, const struct batch_options *opt,
		    FILE *out, char *err, size_t size);

/*
 * Replays the operations of h on a copy of its initial machine, printing
 * to out as batch_run_trace() does; `label` (a file name) names h in
 * messages ("FILE: ops[3]: ...").
 */
int batch_run_history(const struct history *h, const char *label,
		      const struct batch_options *opt, FILE *out, char *err, size_t size);

/*
 * Operations held in memory (for OPT's look-ahead, or a comparison that
 * runs them on several machines), and where each came from.  A locator
 * puts where operation i (from 0) was read in front of the message in err
 * and returns -1.
 */
struct locator {
	int (*blame)(const void *ctx, size_t i, char *err, size_t size);
	const void *ctx;
};

/* A trace read whole into q (trace_read_all); both outlive the locator. */
struct collected {
	const struct trace *t;
	struct op_queue *q;
};
struct locator batch_locate_collected(const struct collected *c);

/* A session's operations; `label` (its file) names them: "FILE: ops[3]: ...". */
struct history_source {
	const struct history *h;
	const char *label;
};
struct locator batch_locate_history(const struct history_source *hs);
/* Its operations as a source, the first one at 0. */
struct op_source batch_history_ops(const struct history_source *hs);

#endif
