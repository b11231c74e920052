/*
 * engine.h - the stepping engine: one operation in, the new state and the
 * ordered list of events out.
 *
 * An access runs through the phases a kernel takes (DESIGN §1): split,
 * TLB lookup, page-table walk, fault, victim, write-back, swap-in or
 * zero-fill, PTE update, TLB fill, access.  Each phase changes the machine
 * and reports one event, so stopping after N events leaves exactly the
 * state a person should see at that point of the animation.
 */
#ifndef VMSCOPE_ENGINE_H
#define VMSCOPE_ENGINE_H

#include <stddef.h>

#include "event.h"
#include "machine.h"
#include "op.h"

#define ALL_EVENTS ((unsigned)-1)

/*
 * Whether op can be applied to m now (the process exists, the address is
 * inside the address space, a mapping does not overlap...).  Returns 0, or
 * -1 with a message saying what was expected; m is not changed.
 */
int engine_check(const struct machine *m, const struct op *op, char *err, size_t size);

/*
 * Applies op: checks it, then runs it, appending its events to `out`
 * (which is cleared first; NULL when no events are wanted, which is
 * faster).  Segmentation, protection and out-of-memory faults are events,
 * not errors.  Returns 0, or -1 with a message from engine_check() and m
 * unchanged.
 */
int engine_apply(struct machine *m, const struct op *op, struct event_list *out,
		 char *err, size_t size);

/*
 * Applies the accesses in[0..n) with no events, as engine_apply(m, op,
 * NULL) would one after another: batch --quiet's loop, which pays for
 * neither a whole operation nor a call per access.  Returns how many were
 * applied: fewer than n when the next one was refused, with its message
 * in err.
 */
size_t engine_apply_accesses(struct machine *m, const struct op_access *in, size_t n,
			     char *err, size_t size);

/*
 * The same, stopping after `max_events` events: the machine is left as it
 * is at that point of the operation.  For the UI's micro-steps only; a
 * machine stopped part-way must not be applied to again.
 */
int engine_apply_partial(struct machine *m, const struct op *op, struct event_list *out,
			 unsigned max_events, char *err, size_t size);

#endif
