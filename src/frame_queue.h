/*
 * frame_queue.h - frames in an order (of loading, or of use), as an
 * intrusive doubly linked list: O(1) to append, move and remove.
 *
 * FIFO and LRU are the same queue told different things: FIFO appends a
 * frame when its page is loaded; LRU also moves it to the back on every use
 * (and MRU takes from the back); second chance moves a frame to the back
 * when its R bit buys it another trip.
 */
#ifndef VMSCOPE_FRAME_QUEUE_H
#define VMSCOPE_FRAME_QUEUE_H

#include "policy.h"

struct frame_queue {
	int head, tail;         /* -1 when empty */
	int *prev, *next;       /* per frame; -1 ends the list */
	unsigned nframes;
};

struct policy_state *frame_queue_create(const struct machine *m);
struct policy_state *frame_queue_clone(const struct policy_state *s, const struct machine *m);
void frame_queue_destroy(struct policy_state *s);
/* Appends the frame at the back (most recent). */
void frame_queue_push(struct policy_state *s, struct machine *m, int frame);
/* Moves the frame to the back (for LRU's uses). */
void frame_queue_touch(struct policy_state *s, struct machine *m, int frame);
void frame_queue_remove(struct policy_state *s, struct machine *m, int frame);
/* Frame f's place in the queue, 1 at the front (policy_mind.describe). */
void frame_queue_describe(const struct policy_state *s, const struct machine *m, int frame,
			  struct frame_mind *out);
/* frame_queue_first and _last when the filter does not allow every frame. */
int frame_queue_search_first(const struct frame_queue *q, const struct machine *m,
			     const struct victim_filter *filter);
int frame_queue_search_last(const struct frame_queue *q, const struct machine *m,
			    const struct victim_filter *filter);

/*
 * The first frame from the front (first) or from the back (last) that the
 * filter allows.  (Inline: a fault of fifo, lru or mru asks, and nearly
 * always any frame may go, so the queue's end is the answer.)
 */
static inline int
frame_queue_first(const struct policy_state *s, const struct machine *m,
		  const struct victim_filter *filter)
{
	const struct frame_queue *q = (const struct frame_queue *)s;

	return filter->any ? q->head : frame_queue_search_first(q, m, filter);
}

static inline int
frame_queue_last(const struct policy_state *s, const struct machine *m,
		 const struct victim_filter *filter)
{
	const struct frame_queue *q = (const struct frame_queue *)s;

	return filter->any ? q->tail : frame_queue_search_last(q, m, filter);
}
/*
 * The rivals of those choices: the next frame the filter allows after
 * `victim`, towards the back (first's) or towards the front (last's);
 * -1 if none.
 */
int frame_queue_after(const struct policy_state *s, const struct machine *m,
		      const struct victim_filter *filter, int victim);
int frame_queue_before(const struct policy_state *s, const struct machine *m,
		       const struct victim_filter *filter, int victim);

#endif
