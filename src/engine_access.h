/*
 * engine_access.h - the phases of one memory access (engine internals).
 */
#ifndef VMSCOPE_ENGINE_ACCESS_H
#define VMSCOPE_ENGINE_ACCESS_H

#include "event.h"
#include "machine.h"
#include "op.h"

/* Says there is no live process pid (0: no current one); returns -1. */
int access_no_process(int pid, char *err, size_t size);

/*
 * engine_check for an access: 0 with *p the process that makes it (its
 * pid's, or the current one), or -1 with a message.
 */
int access_check(const struct machine *m, const struct op_access *in, struct process **p,
		 char *err, size_t size);

/* Runs an access that access_check accepted, made by process p; stops
 * after max_events (at most EVENTS_MAX, which every access fits).  With
 * out NULL no events are recorded (and there is no limit). */
void access_run(struct machine *m, struct process *p, const struct op_access *in,
		struct event_list *out, unsigned max_events);

/*
 * Ends process p as `exit` does (engine.c): every page's mapping dropped,
 * frames and slots freed where it was their last, its tables freed.
 * Counts what it gave back (and what others still map) in ev's
 * frames_freed, frames_shared, slots_freed, slots_shared and depth
 * (tables); the OOM killer ends a process the same way.
 */
void engine_end_process(struct machine *m, struct process *p, struct event *ev);

/* engine_apply_accesses (engine.h): checks and runs each access in turn. */
size_t access_run_quietly(struct machine *m, const struct op_access *in, size_t n,
			  char *err, size_t size);

#endif
