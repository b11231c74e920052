/*
 * anim.h - the animation timeline: where the user is in the session, one
 * event at a time, and the play timer's speed.
 *
 * Pure: no curses, no engine calls.  The timeline only needs to know how
 * many events each operation has, which the caller supplies; what those
 * events do is the engine's business.
 *
 * A position is (op, ev): after `op` operations, the last of them shown
 * up to its `ev`-th event.  (0, 0) is the start of the session; an
 * operation with n events is complete at (op, n); an operation with no
 * events is (op, 0).  Otherwise ev runs from 1 to n, so the state
 * before operation k's first event is always written (k-1, complete).
 */
#ifndef VMSCOPE_UI_ANIM_H
#define VMSCOPE_UI_ANIM_H

#include <stdbool.h>
#include <stddef.h>

#define ANIM_SPEEDS 7
#define ANIM_SPEED_DEFAULT 2

/* How many events operation k (from 1) has. */
typedef unsigned (*anim_count_fn)(void *ctx, size_t k);

struct anim_source {
	anim_count_fn count;
	void *ctx;
};

struct anim {
	size_t op;          /* operation shown, 0 before the first */
	unsigned ev;        /* events of it that have happened */
	size_t length;      /* operations in the session */
	bool playing;
	unsigned speed;     /* 0 (slowest) .. ANIM_SPEEDS - 1 */
};

/* Starts paused, at the end of operation `cursor` (clamped to length). */
void anim_init(struct anim *a, size_t length, size_t cursor, const struct anim_source *src);

/* Each move returns whether the position changed. */
bool anim_next(struct anim *a, const struct anim_source *src);      /* one event on */
bool anim_finish(struct anim *a, const struct anim_source *src);    /* end of this op, or the next */
bool anim_back(struct anim *a, const struct anim_source *src);      /* one event back */
bool anim_back_op(struct anim *a, const struct anim_source *src);   /* end of the previous op */
bool anim_home(struct anim *a);
bool anim_end(struct anim *a, const struct anim_source *src);

/* Goes to operation k's first event (or its end if it has none). */
void anim_enter(struct anim *a, size_t k, const struct anim_source *src);

/*
 * The history changed (length, or OPT's view of the future): stays put if
 * the position still exists, else moves to the nearest one that does.
 */
void anim_set_length(struct anim *a, size_t length, const struct anim_source *src);

bool anim_at_end(const struct anim *a, const struct anim_source *src);
bool anim_complete(const struct anim *a, const struct anim_source *src);
/* Operations fully applied at this position (what a session's cursor keeps). */
size_t anim_done(const struct anim *a, const struct anim_source *src);

/* Play/pause: starting at the end does nothing and returns false. */
bool anim_toggle(struct anim *a, const struct anim_source *src);
/* One timer tick: the next event; stops playing at the end. */
bool anim_tick(struct anim *a, const struct anim_source *src);
bool anim_faster(struct anim *a);
bool anim_slower(struct anim *a);
/* Milliseconds between events while playing. */
int anim_interval_ms(const struct anim *a);

#endif
