/*
 * frame_queue.c - the ordered frame list behind FIFO and LRU.
 */
#include <stdlib.h>
#include <string.h>

#include "frame_queue.h"
#include "machine.h"
#include "xalloc.h"

static struct frame_queue *
queue(const struct policy_state *s)
{
	return (struct frame_queue *)s;
}

struct policy_state *
frame_queue_create(const struct machine *m)
{
	struct frame_queue *q = xcalloc(1, sizeof *q);

	q->nframes = m->cfg.frames;
	q->head = q->tail = -1;
	q->prev = xmalloc(q->nframes * sizeof *q->prev);
	q->next = xmalloc(q->nframes * sizeof *q->next);
	memset(q->prev, 0xff, q->nframes * sizeof *q->prev);
	memset(q->next, 0xff, q->nframes * sizeof *q->next);
	return (struct policy_state *)q;
}

struct policy_state *
frame_queue_clone(const struct policy_state *s, const struct machine *m)
{
	const struct frame_queue *q = queue(s);
	struct frame_queue *c = xmemdup(q, sizeof *q);

	(void)m;
	c->prev = xmemdup(q->prev, q->nframes * sizeof *q->prev);
	c->next = xmemdup(q->next, q->nframes * sizeof *q->next);
	return (struct policy_state *)c;
}

void
frame_queue_destroy(struct policy_state *s)
{
	struct frame_queue *q = queue(s);

	free(q->prev);
	free(q->next);
	free(q);
}

void
frame_queue_push(struct policy_state *s, struct machine *m, int f)
{
	struct frame_queue *q = queue(s);

	(void)m;
	q->prev[f] = q->tail;
	q->next[f] = -1;
	if (q->tail >= 0)
		q->next[q->tail] = f;
	else
		q->head = f;
	q->tail = f;
}

void
frame_queue_remove(struct policy_state *s, struct machine *m, int f)
{
	struct frame_queue *q = queue(s);

	(void)m;
	if (q->prev[f] >= 0)
		q->next[q->prev[f]] = q->next[f];
	else
		q->head = q->next[f];
	if (q->next[f] >= 0)
		q->prev[q->next[f]] = q->prev[f];
	else
		q->tail = q->prev[f];
	q->prev[f] = q->next[f] = -1;
}

void
frame_queue_touch(struct policy_state *s, struct machine *m, int f)
{
	if (queue(s)->tail == f)
		return;
	frame_queue_remove(s, m, f);
	frame_queue_push(s, m, f);
}

void
frame_queue_describe(const struct policy_state *s, const struct machine *m, int f,
		     struct frame_mind *out)
{
	const struct frame_queue *q = queue(s);
	uint64_t place = 1;

	(void)m;
	while ((f = q->prev[f]) >= 0)
		place++;
	out->kind = MIND_NUMBER;
	out->value = place;
}

int
frame_queue_search_first(const struct frame_queue *q, const struct machine *m,
			 const struct victim_filter *filter)
{
	for (int f = q->head; f >= 0; f = q->next[f])
		if (victim_filter_allows(m, filter, f))
			return f;
	return -1;
}

int
frame_queue_search_last(const struct frame_queue *q, const struct machine *m,
			const struct victim_filter *filter)
{
	for (int f = q->tail; f >= 0; f = q->prev[f])
		if (victim_filter_allows(m, filter, f))
			return f;
	return -1;
}

int
frame_queue_after(const struct policy_state *s, const struct machine *m,
		  const struct victim_filter *filter, int victim)
{
	const struct frame_queue *q = queue(s);

	for (int f = q->next[victim]; f >= 0; f = q->next[f])
		if (victim_filter_allows(m, filter, f))
			return f;
	return -1;
}

int
frame_queue_before(const struct policy_state *s, const struct machine *m,
		   const struct victim_filter *filter, int victim)
{
	const struct frame_queue *q = queue(s);

	for (int f = q->prev[victim]; f >= 0; f = q->prev[f])
		if (victim_filter_allows(m, filter, f))
			return f;
	return -1;
}
