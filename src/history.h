/*
 * history.h - a session's operations and the states they lead to.
 *
 * State is never stored twice: the state after k operations is the
 * initial machine with the first k operations replayed.  Checkpoints
 * (clones taken every `interval` operations, thinned as the history grows
 * so there are never more than a few hundred) make any step reachable by
 * replaying at most one interval.
 */
#ifndef VMSCOPE_HISTORY_H
#define VMSCOPE_HISTORY_H

#include <stddef.h>

#include "event.h"
#include "machine.h"
#include "op.h"

struct history;

/* Takes ownership of `initial` (the machine before any operation). */
struct history *history_new(struct machine *initial);
void history_free(struct history *h);

size_t history_length(const struct history *h);
const struct op *history_op(const struct history *h, size_t k);      /* k from 1 */
const char *history_text(const struct history *h, size_t k);         /* may be NULL */
const struct machine *history_initial(const struct history *h);

/*
 * Appends an operation after checking it against the state at the end of
 * the history.  `text` (may be NULL) is kept as the command's own words.
 * Returns 0, or -1 with the engine's message and nothing changed.
 */
int history_append(struct history *h, const struct op *op, const char *text,
		   char *err, size_t size);

/*
 * A new history of h's operations, with their words, replayed from h's
 * initial machine under another policy: the same accesses, that policy's
 * choices.  NULL with the engine's message if an operation is refused
 * there (one whose process the other policy's choices ended, say).
 */
struct history *history_under_policy(struct history *h, int policy, char *err, size_t size);

/* Drops the operations after the first n. */
void history_truncate(struct history *h, size_t n);

/* The state after k operations (0 <= k <= length); valid until the next call. */
const struct machine *history_state(struct history *h, size_t k);

/* The events of operation k (from 1). */
void history_events(struct history *h, size_t k, struct event_list *out);

/*
 * A new machine, part-way through operation k: after its first j events.
 * The caller frees it with machine_free().
 */
struct machine *history_state_within(struct history *h, size_t k, unsigned j);

#endif
