/*
 * engine_access.h - the phases of one memory access (engine internals).
 */
#ifndef VMSCOPE_ENGINE_ACCESS_H
#define VMSCOPE_ENGINE_ACCESS_H

#include "event.h"
#include "machine.h"
#include "op.h"

/* Runs an access that engine_check accepted, made by process p (op's pid
 * or the current one); stops after max_events (at most EVENTS_MAX, which
 * every access fits).  With out NULL no events are recorded (and there is
 * no limit). */
void access_run(struct machine *m, struct process *p, const struct op *op,
		struct event_list *out, unsigned max_events);

/*
 * Ends process p as `exit` does (engine.c): every page's mapping dropped,
 * frames and slots freed where it was their last, its tables freed.
 * Counts what it gave back (and what others still map) in ev's
 * frames_freed, frames_shared, slots_freed, slots_shared and depth
 * (tables); the OOM killer ends a process the same way.
 */
void engine_end_process(struct machine *m, struct process *p, struct event *ev);

#endif
