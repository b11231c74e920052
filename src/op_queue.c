/*
 * op_queue.c - operations held compactly: the address of each in one
 * array, a 32-bit word (kind and pid, or the index of an operation kept
 * whole) in another, and position runs.
 */
#include <stdio.h>
#include <stdlib.h>

#include "op_queue.h"
#include "xalloc.h"

/* A word's low byte: the access kind ('r', 'w', 'x'), or OTHER. */
#define OTHER 0u
#define PID_SHIFT 8

/* From operation `first` on, positions count up from `position`. */
struct run {
	size_t first;
	uint64_t position;
};

struct op_queue {
	uint64_t *addr;         /* an access's address, or the index into others */
	uint32_t *word;
	size_t n, cap;
	struct op *others;
	size_t nothers, others_cap;
	struct run *runs;
	size_t nruns, runs_cap;
};

struct op_queue *
op_queue_new(void)
{
	return xcalloc(1, sizeof(struct op_queue));
}

void
op_queue_free(struct op_queue *q)
{
	if (!q)
		return;
	free(q->addr);
	free(q->word);
	free(q->others);
	free(q->runs);
	free(q);
}

static void
note_position(struct op_queue *q, uint64_t position)
{
	const struct run *last = q->nruns ? &q->runs[q->nruns - 1] : NULL;

	if (last && position == last->position + (q->n - last->first))
		return;
	if (q->nruns == q->runs_cap) {
		q->runs_cap = q->runs_cap ? q->runs_cap * 2 : 16;
		q->runs = xrealloc(q->runs, q->runs_cap, sizeof *q->runs);
	}
	q->runs[q->nruns++] = (struct run){ q->n, position };
}

static uint64_t
keep_whole(struct op_queue *q, const struct op *op)
{
	if (q->nothers == q->others_cap) {
		q->others_cap = q->others_cap ? q->others_cap * 2 : 16;
		q->others = xrealloc(q->others, q->others_cap, sizeof *q->others);
	}
	q->others[q->nothers] = *op;
	return q->nothers++;
}

int
op_queue_push(struct op_queue *q, const struct op *op, uint64_t position, size_t max,
	      char *err, size_t size)
{
	if (q->n >= max) {
		snprintf(err, size, "more than %zu operations to look ahead at", max);
		return -1;
	}
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 4096;
		q->addr = xrealloc(q->addr, q->cap, sizeof *q->addr);
		q->word = xrealloc(q->word, q->cap, sizeof *q->word);
	}
	note_position(q, position);
	if (op->kind == OP_ACCESS) {
		q->addr[q->n] = op->addr;
		q->word[q->n] = (uint32_t)op->pid << PID_SHIFT | (unsigned char)op->access;
	} else {
		q->addr[q->n] = keep_whole(q, op);
		q->word[q->n] = OTHER;
	}
	q->n++;
	return 0;
}

static const struct op *
op_at(const void *ctx, size_t i, struct op *scratch)
{
	const struct op_queue *q = ctx;
	uint32_t w = q->word[i];

	if ((w & 0xff) == OTHER)
		return &q->others[q->addr[i]];
	*scratch = (struct op){ .kind = OP_ACCESS, .access = (char)(w & 0xff),
		.pid = (int)(w >> PID_SHIFT), .addr = q->addr[i] };
	return scratch;
}

struct op_source
op_queue_source(const struct op_queue *q)
{
	return (struct op_source){ q->n, op_at, q };
}

uint64_t
op_queue_position(const struct op_queue *q, size_t i)
{
	size_t lo = 0, hi = q->nruns;

	/* The last run starting at or before i. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (q->runs[mid].first <= i)
			lo = mid;
		else
			hi = mid;
	}
	return q->runs[lo].position + (i - q->runs[lo].first);
}
