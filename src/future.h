/*
 * future.h - OPT's look-ahead: for each queued operation, when the page it
 * touches is next touched again.
 *
 * Computed once, in one backward pass over the operations, so choosing an
 * OPT victim never scans the future.  A future is shared by reference
 * count: every machine that sees it holds a reference (machine_clone takes
 * one, machine_free drops it), so replacing the future of a history never
 * leaves a machine pointing at freed memory.
 */
#ifndef VMSCOPE_FUTURE_H
#define VMSCOPE_FUTURE_H

#include <stddef.h>
#include <stdint.h>

#include "op.h"

#define NEVER UINT64_MAX
/* The most operations a future looks ahead at (a step fits in an int). */
#define FUTURE_OPS_MAX ((size_t)INT32_MAX - 1)

struct next_touch;

struct future {
	size_t n;
	unsigned refs;
	uint32_t *next_use;     /* [i]: step of the next use after step i+1, or UINT32_MAX */
	struct next_touch *first_use;   /* each page's first use (future_next_use_of) */
};

/*
 * Builds the look-ahead for the operations of src (at most FUTURE_OPS_MAX)
 * applied from a machine whose current process is `current_pid`, whose
 * next spawn gets `next_pid` and whose pages are 2^page_bits bytes.  The
 * caller holds its one reference.
 */
struct future *future_build(const struct op_source *src, int current_pid, int next_pid,
			    unsigned page_bits);
/* One more reference to f (NULL stays NULL); returns f. */
struct future *future_ref(struct future *f);
/* Drops a reference; the last one frees f.  NULL is ignored. */
void future_unref(struct future *f);

/*
 * When the page touched at `step` (from 1) is next touched, whatever that
 * access comes to (a hit, a fault, a protection fault...), or NEVER.
 */
static inline uint64_t
future_next_use(const struct future *f, uint64_t step)
{
	if (!f || step == 0 || step > f->n || f->next_use[step - 1] == UINT32_MAX)
		return NEVER;
	return f->next_use[step - 1];
}

/*
 * When page vpn of process pid is next touched after `step`, or NEVER:
 * for a page some other page table shares, which may not have touched it
 * lately.  Follows the page's uses from its first, so it costs one step
 * per use before `step`: for shared frames only.
 */
uint64_t future_next_use_of(const struct future *f, int pid, uint64_t vpn, uint64_t step);

#endif
