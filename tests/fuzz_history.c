/*
 * fuzz_history.c - a session's history under fuzzing, driven as the UI
 * drives it.  The first three bytes choose a small machine (frames, swap,
 * TLB, policy, tau, tick, scope, seed); the rest is a program of actions, each a byte
 * and its arguments: append a line of the command language (or repeat the
 * last operation many times, past the first checkpoints), truncate, seek
 * to a step, take an operation's events, show a machine (whole, or
 * part-way through an operation, as the UI keeps one on screen), and
 * change the policy (a new history of the same operations, the machine on
 * screen outliving the old one).  What must hold:
 *  - an append is accepted exactly when the engine accepts the operation
 *    after the others, and the history holds what was given;
 *  - the state after k operations, and the events of operation k, are
 *    those of a fresh machine given the first k operations, with OPT
 *    looking at all of them: checkpoints, the cursor and OPT's future
 *    never show anything stale;
 *  - every machine holds together (fuzz_machine.c), and the one on screen
 *    stays usable (its future readable, a copy of it steppable) whatever
 *    happens to the history after it was taken.
 */
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "future.h"
#include "fuzz.h"
#include "history.h"
#include "machine.h"
#include "policy.h"
#include "xalloc.h"

#define OPS_MAX 600             /* keeps one input fast, yet past a checkpoint */
#define ACTIONS_MAX 200
#define LINE_MAX_FUZZ 64

struct run {
	const uint8_t *data;
	size_t size, at;
	struct machine_config cfg;
	struct history *h;
	struct op ops[OPS_MAX];     /* what the history should hold */
	size_t n;
	struct machine *end;        /* after them all, without a future: checks appends */
	struct machine *shown;      /* the UI's machine, or NULL */
	bool shown_whole;           /* not stopped part-way through an operation */
};

static unsigned
next_byte(struct run *r)
{
	return r->at < r->size ? r->data[r->at++] : 0;
}

static struct history *
new_history(const struct machine_config *cfg)
{
	struct machine *m = machine_new_flat(cfg, "app", PERM_R | PERM_W);

	FUZZ_ASSERT(m != NULL);
	return history_new(m);
}

/* A fresh machine given the first k operations, OPT seeing all of them. */
static struct machine *
replayed(const struct run *r, size_t k)
{
	struct machine *m = machine_clone(history_initial(r->h));
	struct event_list ev;
	char err[256];

	machine_set_future(m, NULL);
	if (policy_looks_ahead(m->cfg.policy)) {
		struct op_source ops = op_source_array(r->ops, r->n);
		struct future *f = future_build(&ops, m->current_pid, m->next_pid,
						machine_page_bits(m));
		machine_set_future(m, f);
		future_unref(f);
	}
	for (size_t i = 0; i < k; i++)
		FUZZ_ASSERT(engine_apply(m, &r->ops[i], &ev, err, sizeof err) == 0);
	return m;
}

/* Whether frame or slot x of machine a holds what y of b does, mapped the same. */
static void
assert_same_rmap(const struct machine *a, const struct rmap *x,
		 const struct machine *b, const struct rmap *y)
{
	struct rmap_iter j = { .r = y };

	FUZZ_ASSERT(x->holds == y->holds && x->count == y->count);
	RMAP_FOREACH(&a->rmap, x, i) {
		FUZZ_ASSERT(rmap_next(&b->rmap, &j));
		FUZZ_ASSERT(i.map.pid == j.map.pid && i.map.vpn == j.map.vpn);
	}
}

static void
assert_same_machine(const struct machine *a, const struct machine *b)
{
	unsigned cap = a->swap_cap > b->swap_cap ? a->swap_cap : b->swap_cap;

	FUZZ_ASSERT(a->step == b->step && a->current_pid == b->current_pid);
	FUZZ_ASSERT(memcmp(&a->stats, &b->stats, sizeof a->stats) == 0);
	for (unsigned f = 0; f < a->cfg.frames; f++) {
		const struct frame *x = &a->frames[f], *y = &b->frames[f];

		assert_same_rmap(a, &x->rmap, b, &y->rmap);
		FUZZ_ASSERT(x->loaded_step == y->loaded_step &&
		    x->last_used_step == y->last_used_step && x->referenced == y->referenced);
	}
	FUZZ_ASSERT(a->free_frames == b->free_frames && a->swap_used == b->swap_used);
	for (unsigned s = 0; s < cap; s++)
		assert_same_rmap(a, slot_rmap(a, s), b, slot_rmap(b, s));
}

static void
assert_same_events(const struct event_list *a, const struct event_list *b)
{
	FUZZ_ASSERT(a->n == b->n);
	for (unsigned i = 0; i < a->n; i++) {
		const struct event *x = &a->ev[i], *y = &b->ev[i];

		FUZZ_ASSERT(x->kind == y->kind && x->frame == y->frame && x->slot == y->slot);
		FUZZ_ASSERT(x->other_pid == y->other_pid && x->other_vpn == y->other_vpn);
		FUZZ_ASSERT(x->why.value == y->why.value && x->why.swept == y->why.swept);
	}
}

static void
show(struct run *r, struct machine *m, bool whole)
{
	machine_free(r->shown);
	r->shown = m;
	r->shown_whole = whole;
}

/* Appends op, which the history must take exactly when the engine would. */
static bool
append(struct run *r, const struct op *op, const char *text)
{
	struct event_list ev;
	char err[256];
	bool ok = engine_check(r->end, op, err, sizeof err) == 0;

	FUZZ_ASSERT((history_append(r->h, op, text, err, sizeof err) == 0) == ok);
	if (!ok)
		return false;
	FUZZ_ASSERT(engine_apply(r->end, op, &ev, err, sizeof err) == 0);
	r->ops[r->n++] = *op;
	FUZZ_ASSERT(history_op(r->h, r->n)->kind == op->kind &&
		    history_op(r->h, r->n)->addr == op->addr);
	return true;
}

static void
act_append(struct run *r)
{
	char line[LINE_MAX_FUZZ];
	struct cmd_error cerr;
	struct op op;
	size_t n = 0;

	while (r->at + n < r->size && r->data[r->at + n] != '\n')
		n++;
	snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1),
		 (const char *)r->data + r->at);
	r->at += n + 1;
	if (cmd_parse(line, &op, &cerr) == 0 && op.kind != OP_NONE && r->n < OPS_MAX)
		append(r, &op, line);
}

/* The last operation again, up to 2 * 255 times: reaches the checkpoints. */
static void
act_repeat(struct run *r)
{
	unsigned times = 2 * next_byte(r);

	for (unsigned i = 0; i < times && r->n > 0 && r->n < OPS_MAX; i++) {
		struct op op = r->ops[r->n - 1];

		if (!append(r, &op, NULL))
			return;
	}
}

static void
act_truncate(struct run *r)
{
	size_t k = next_byte(r) % (r->n + 1);

	history_truncate(r->h, k);
	r->n = k;
	machine_free(r->end);
	r->end = replayed(r, k);
	machine_set_future(r->end, NULL);
}

/* Any step (the byte times three, to reach past 255). */
static size_t
some_step(struct run *r)
{
	return (size_t)next_byte(r) * 3 % (r->n + 1);
}

static void
act_seek(struct run *r)
{
	size_t k = some_step(r);
	struct machine *fresh = replayed(r, k);
	const struct machine *m = history_state(r->h, k);

	fuzz_check_machine(m, true);
	fuzz_check_counters(m);
	assert_same_machine(m, fresh);
	machine_free(fresh);
	if (next_byte(r) & 1)
		show(r, machine_clone(m), true);
}

static void
act_events(struct run *r)
{
	size_t k = some_step(r);
	unsigned stop = next_byte(r);
	struct event_list got, want;
	struct machine *fresh;
	char err[256];

	if (k == 0)
		return;
	fresh = replayed(r, k - 1);
	history_events(r->h, k, &got);
	FUZZ_ASSERT(engine_apply(fresh, &r->ops[k - 1], &want, err, sizeof err) == 0);
	assert_same_events(&got, &want);
	machine_free(fresh);
	if (stop < got.n) {
		show(r, history_state_within(r->h, k, stop), false);
		fuzz_check_machine(r->shown, false);
	}
}

/* A new history of the same operations under another policy. */
static void
act_policy(struct run *r)
{
	char err[256];

	r->cfg.policy = (int)(next_byte(r) % (unsigned)policy_count());
	history_free(r->h);
	r->h = new_history(&r->cfg);
	for (size_t i = 0; i < r->n; i++)
		FUZZ_ASSERT(history_append(r->h, &r->ops[i], NULL, err, sizeof err) == 0);
}

/* The machine on screen is still whole and usable. */
static void
check_shown(const struct run *r)
{
	struct machine *next;
	struct event_list ev;
	char err[256];

	if (!r->shown)
		return;
	fuzz_check_machine(r->shown, r->shown_whole);
	(void)future_next_use(r->shown->future, r->shown->step);
	if (!r->shown_whole || r->n == 0)
		return;
	next = machine_clone(r->shown);
	if (engine_apply(next, &r->ops[r->n - 1], &ev, err, sizeof err) == 0)
		fuzz_check_machine(next, true);
	machine_free(next);
}

static void (*const actions[])(struct run *) = {
	act_append, act_append, act_append, act_repeat, act_truncate, act_seek,
	act_events, act_policy,
};

void
fuzz_history(const uint8_t *data, size_t size)
{
	static struct run r;    /* large: keep it off the stack */
	unsigned done = 0;

	if (size < 3)
		return;
	memset(&r, 0, sizeof r);
	r.data = data;
	r.size = size;
	r.at = 3;
	machine_config_default(&r.cfg);
	r.cfg.frames = 1 + (data[0] & 3u);
	r.cfg.policy = (int)(((data[0] >> 2) & 7u) | (data[2] & 1u) << 3) % policy_count();
	r.cfg.scope = (data[0] >> 5) & 1u ? SCOPE_LOCAL : SCOPE_GLOBAL;
	r.cfg.swap_slots = data[1] & 7u;
	r.cfg.grow_swap = (data[1] >> 3) & 1u;
	r.cfg.tlb_entries = (data[1] >> 4) & 3u;
	r.cfg.seed = data[2];
	r.cfg.tau = 1 + ((data[2] >> 1) & 7u);
	r.cfg.tick = 1 + ((data[2] >> 4) & 7u);
	if ((data[0] >> 6) & 1u) {      /* two levels: a 1-bit top over 9-bit tables */
		r.cfg.levels = 2;
		r.cfg.va_bits = 22;
	}
	r.h = new_history(&r.cfg);
	r.end = machine_clone(history_initial(r.h));
	while (r.at < size && done++ < ACTIONS_MAX) {
		actions[next_byte(&r) % (sizeof actions / sizeof *actions)](&r);
		FUZZ_ASSERT(history_length(r.h) == r.n);
		check_shown(&r);
	}
	history_free(r.h);
	machine_free(r.end);
	machine_free(r.shown);
}
