/*
 * op_queue.h - a whole trace's operations held compactly, for OPT, which
 * must see them all before the first one runs.
 *
 * An access takes 12 bytes (its address; its kind and pid); any other
 * operation is kept whole on the side.  Where each operation came from (a
 * line, an item) is kept as runs of consecutive positions, so a trace with
 * one access a line costs nothing more.
 */
#ifndef VMSCOPE_OP_QUEUE_H
#define VMSCOPE_OP_QUEUE_H

#include <stddef.h>
#include <stdint.h>

#include "op.h"

struct op_queue;

struct op_queue *op_queue_new(void);
void op_queue_free(struct op_queue *q);

/*
 * Appends op, read at `position`.  Returns 0, or -1 with a message once
 * the queue holds `max` operations.
 */
int op_queue_push(struct op_queue *q, const struct op *op, uint64_t position, size_t max,
		  char *err, size_t size);

/* The operations pushed, as a source (valid while q is). */
struct op_source op_queue_source(const struct op_queue *q);

/* Where operation i (from 0) was read. */
uint64_t op_queue_position(const struct op_queue *q, size_t i);

#endif
