/*
 * history.c - operations, replay and checkpoints.
 *
 * A cursor machine caches the state after `at` operations, so stepping
 * forward costs one operation.  Going back restores the nearest checkpoint
 * at or before the target and replays from there.  Checkpoints are taken
 * every `interval` operations as replay passes them; when there are too
 * many, the interval doubles and every other one goes, so memory stays
 * bounded while replay stays under one interval.
 *
 * OPT's choices depend on every queued operation, so for OPT a change to
 * the operations invalidates all computed states; other policies only lose
 * the states past the change.  Appends are checked on an end machine that
 * runs without OPT's look-ahead; that is sound while no check depends on a
 * policy's choices.  An OOM kill breaks that (which process dies depends on
 * what memory held), so under OPT a machine with memory groups is checked
 * on the state replayed as the screen shows it (costlier: a replay each).
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "future.h"
#include "history.h"
#include "policy.h"
#include "xalloc.h"

#define FIRST_INTERVAL 256
#define MAX_CHECKPOINTS 256

struct checkpoint {
	size_t k;
	struct machine *m;
};

struct history {
	struct machine *initial;
	struct machine *end;        /* after all operations: checks appends */
	struct op *ops;
	char **texts;
	size_t n, cap;
	struct machine *cursor;     /* after `at` operations, or NULL */
	size_t at;
	struct checkpoint *cps;
	size_t ncps, interval;
	bool future_stale;          /* initial->future predates a change */
};

static bool
looks_ahead(const struct history *h)
{
	return policy_looks_ahead(h->initial->cfg.policy);
}

struct history *
history_new(struct machine *initial)
{
	struct history *h = xcalloc(1, sizeof *h);

	h->initial = initial;
	h->end = machine_clone(initial);
	h->interval = FIRST_INTERVAL;
	h->cps = xcalloc(MAX_CHECKPOINTS + 1, sizeof *h->cps);
	return h;
}

static void
drop_cursor(struct history *h)
{
	machine_free(h->cursor);
	h->cursor = NULL;
}

static void
drop_states_after(struct history *h, size_t k)
{
	while (h->ncps && h->cps[h->ncps - 1].k > k)
		machine_free(h->cps[--h->ncps].m);
	if (h->cursor && h->at > k)
		drop_cursor(h);
}

void
history_free(struct history *h)
{
	if (!h)
		return;
	drop_states_after(h, 0);     /* every checkpoint is after step 0 */
	machine_free(h->cursor);
	for (size_t i = 0; i < h->n; i++)
		free(h->texts[i]);
	free(h->ops);
	free(h->texts);
	free(h->cps);
	machine_free(h->end);
	machine_free(h->initial);
	free(h);
}

size_t
history_length(const struct history *h)
{
	return h->n;
}

const struct op *
history_op(const struct history *h, size_t k)
{
	return &h->ops[k - 1];
}

const char *
history_text(const struct history *h, size_t k)
{
	return h->texts[k - 1];
}

const struct machine *
history_initial(const struct history *h)
{
	return h->initial;
}

/*
 * A change at operation k: states after it are no longer true.  Under OPT
 * no state is: each one, step 0's included, was reached looking at the
 * old operations.
 */
static void
changed_at(struct history *h, size_t k)
{
	if (looks_ahead(h)) {
		h->future_stale = true;
		drop_states_after(h, 0);
		drop_cursor(h);
		return;
	}
	drop_states_after(h, k);
}

/* Under OPT with memory groups, the end machine becomes the replayed state (see above). */
static void
sync_end(struct history *h)
{
	if (!looks_ahead(h) || !h->end->ncgroups)
		return;
	machine_free(h->end);
	h->end = machine_clone(history_state(h, h->n));
	machine_set_future(h->end, NULL);
}

int
history_append(struct history *h, const struct op *op, const char *text,
	       char *err, size_t size)
{
	struct event_list ev;

	sync_end(h);
	if (engine_apply(h->end, op, &ev, err, size))
		return -1;
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->ops = xrealloc(h->ops, h->cap, sizeof *h->ops);
		h->texts = xrealloc(h->texts, h->cap, sizeof *h->texts);
	}
	h->ops[h->n] = *op;
	h->texts[h->n] = text ? xstrdup(text) : NULL;
	h->n++;
	changed_at(h, h->n - 1);
	return 0;
}

struct history *
history_under_policy(struct history *h, int policy, char *err, size_t size)
{
	struct machine_config cfg = h->initial->cfg;
	struct history *other;

	cfg.policy = policy;
	other = history_new(machine_refit(h->initial, &cfg));
	for (size_t k = 1; k <= h->n; k++)
		if (history_append(other, &h->ops[k - 1], h->texts[k - 1], err, size)) {
			history_free(other);
			return NULL;
		}
	return other;
}

void
history_truncate(struct history *h, size_t n)
{
	if (n >= h->n)
		return;
	for (size_t i = n; i < h->n; i++)
		free(h->texts[i]);
	h->n = n;
	changed_at(h, n);
	machine_free(h->end);
	h->end = machine_clone(history_state(h, n));
	machine_set_future(h->end, NULL);  /* checks never depend on a policy's choices */
}

/* OPT sees the operations as they are now. */
static void
refresh_future(struct history *h)
{
	struct op_source ops = op_source_array(h->ops, h->n);
	struct machine *m = h->initial;
	struct future *f;

	if (!h->future_stale)
		return;
	f = future_build(&ops, m->current_pid, m->next_pid, machine_page_bits(m));
	machine_set_future(m, f);
	future_unref(f);
	h->future_stale = false;
}

static void
add_checkpoint(struct history *h)
{
	size_t kept = 0;

	if (h->at % h->interval || (h->ncps && h->cps[h->ncps - 1].k >= h->at))
		return;
	h->cps[h->ncps++] = (struct checkpoint){ h->at, machine_clone(h->cursor) };
	if (h->ncps <= MAX_CHECKPOINTS)
		return;
	h->interval *= 2;
	for (size_t i = 0; i < h->ncps; i++) {
		if (h->cps[i].k % h->interval)
			machine_free(h->cps[i].m);
		else
			h->cps[kept++] = h->cps[i];
	}
	h->ncps = kept;
}

/* Puts the cursor at the latest known state at or before k. */
static void
restore_before(struct history *h, size_t k)
{
	size_t i = h->ncps;
	const struct machine *from = h->initial;
	size_t from_k = 0;

	while (i > 0 && h->cps[i - 1].k > k)
		i--;
	if (i > 0) {
		from = h->cps[i - 1].m;
		from_k = h->cps[i - 1].k;
	}
	if (h->cursor && h->at <= k && h->at >= from_k)
		return;
	machine_free(h->cursor);
	h->cursor = machine_clone(from);
	h->at = from_k;
}

const struct machine *
history_state(struct history *h, size_t k)
{
	struct event_list ev;
	char err[256];

	refresh_future(h);
	restore_before(h, k);
	while (h->at < k) {
		engine_apply(h->cursor, &h->ops[h->at], &ev, err, sizeof err);
		h->at++;
		add_checkpoint(h);
	}
	return h->cursor;
}

void
history_events(struct history *h, size_t k, struct event_list *out)
{
	char err[256];

	history_state(h, k - 1);
	engine_apply(h->cursor, &h->ops[k - 1], out, err, sizeof err);
	h->at = k;
	add_checkpoint(h);
}

struct machine *
history_state_within(struct history *h, size_t k, unsigned j)
{
	struct machine *m = machine_clone(history_state(h, k - 1));
	struct event_list ev;
	char err[256];

	engine_apply_partial(m, &h->ops[k - 1], &ev, j, err, sizeof err);
	return m;
}
