/*
 * policy_opt.c - Belady's optimal policy (MIN).
 *
 * Rules: the victim is the page whose next use lies furthest ahead in the
 * queued operations; a page never used again counts as furthest of all.
 * Ties (several pages never used again) go to the page loaded earliest
 * (and the victim's line says so only when another page it may take was
 * never used again either).  Only queued operations are seen: with none queued (commands typed one
 * by one) every page is "never used again" and OPT behaves like FIFO.
 * A page's next use is the next queued access to it after the current
 * step, whatever that access comes to: a protection fault is a use too.
 * A frame that several page tables map (fork, share) holds a page each of
 * them uses: its next use is the earliest through any of them.
 * Next uses come from the look-ahead computed once (future.c), so a fault
 * looks only at the resident pages, never at the future.  The reference
 * bit plays no part.
 * The rival a victim's line names is the page that would go if the victim
 * were spared: the next by the same rule (the next use furthest ahead but
 * the victim's, or the next loaded earliest of the pages never used again).
 */

#include <stdio.h>

#include "future.h"
#include "machine.h"
#include "policy.h"
#include "xalloc.h"

/*
 * A frame's rank orders victims: its page's next use, or for a page never
 * used again ~loaded_step, above every next use (steps stay below 2^63)
 * and highest for the page loaded earliest.  The highest rank goes.
 */
#define NEVER_RANKS (UINT64_C(1) << 63)

struct opt_state {
	unsigned nframes;
	uint64_t heard;         /* the last step the policy was told of */
	uint64_t rank[];        /* per frame; then, per frame, ranked_for (below) */
};

/*
 * Per frame: the one mapping its rank follows the uses of, or pid 0 when
 * it was worked out over several (a shared frame).  A command (fork,
 * share, unmap, exit) may change a frame's mappings unheard: a rank is
 * followed along only while the frame still has just that mapping.
 */
static struct mapping *
ranked_for(const struct opt_state *o)
{
	return (struct mapping *)(o->rank + o->nframes);
}

static size_t
state_size(unsigned nframes)
{
	return sizeof(struct opt_state) + nframes * (sizeof(uint64_t) + sizeof(struct mapping));
}

static struct policy_state *
opt_create(const struct machine *m)
{
	struct opt_state *o = xcalloc(1, state_size(m->cfg.frames));

	o->nframes = m->cfg.frames;
	return (struct policy_state *)o;
}

static struct policy_state *
opt_clone(const struct policy_state *s, const struct machine *m)
{
	const struct opt_state *o = (const struct opt_state *)s;

	(void)m;
	return (struct policy_state *)xmemdup(o, state_size(o->nframes));
}

static uint64_t
rank_of(const struct machine *m, int frame, uint64_t next_use)
{
	return next_use == NEVER ? ~m->frames[frame].loaded_step : next_use;
}

static uint64_t
next_use_of(uint64_t rank)
{
	return rank >= NEVER_RANKS ? NEVER : rank;
}

/* What frame f's rank follows: its one mapping, or pid 0 for several. */
static struct mapping
followed_mapping(const struct machine *m, int f)
{
	return frame_rmap(m, f)->count > 1 ? (struct mapping){ 0 } : frame_first(m, f);
}

/* Frame f's next use after the current step: the earliest through any of its mappings. */
static uint64_t
mappings_next_use(const struct machine *m, int frame)
{
	uint64_t first = NEVER;

	RMAP_FOREACH(&m->rmap, frame_rmap(m, frame), it) {
		uint64_t u = future_next_use_of(m->future, it.map.pid, it.map.vpn, m->step);

		if (u < first)
			first = u;
	}
	return first;
}

/*
 * Ranks frame f by u, the next use of its one mapping.  A shared frame's
 * rank is left behind every step (0), so it is worked out afresh over the
 * mappings it has each time it is read: a sharer's write (copy-on-write)
 * takes a mapping away at a step the policy hears.
 */
static void
rank_frame(struct opt_state *o, const struct machine *m, int f, uint64_t u)
{
	struct mapping follows = followed_mapping(m, f);

	o->rank[f] = follows.pid ? rank_of(m, f, u) : 0;
	ranked_for(o)[f] = follows;
}

/* Told of every access that reaches a frame, by any of its mappings. */
static void
opt_used(struct policy_state *s, struct machine *m, int frame)
{
	struct opt_state *o = (struct opt_state *)s;

	rank_frame(o, m, frame, future_next_use(m->future, m->step));
	if (o->heard + 1 >= m->step)
		o->heard = m->step;
}

/*
 * The policy hears only of accesses that reach a frame, so after a step it
 * was not told of (a protection fault, a command) a next use may lie
 * behind, in the past.  Such a one is moved along its page's later uses
 * until it lies ahead; while every step is heard, all lie ahead but a
 * shared frame's (rank_frame).  A frame whose mappings are not the one its
 * rank followed is worked out again over the mappings it has.
 */
static uint64_t
next_use_ahead(const struct opt_state *o, const struct machine *m, int f)
{
	uint64_t u = next_use_of(o->rank[f]);
	struct mapping was = ranked_for(o)[f], now = followed_mapping(m, f);

	if (!now.pid || now.pid != was.pid || now.vpn != was.vpn)
		return mappings_next_use(m, f);
	while (u <= m->step)
		u = future_next_use(m->future, u);
	return u;
}

static void
catch_up(struct opt_state *o, const struct machine *m)
{
	if (o->heard + 1 >= m->step)
		return;
	for (unsigned f = 0; f < o->nframes; f++)
		if (!frame_is_free(m, (int)f))
			rank_frame(o, m, (int)f, next_use_ahead(o, m, (int)f));
	o->heard = m->step - 1;
}

static void
opt_describe(const struct policy_state *s, const struct machine *m, int frame,
	     struct frame_mind *out)
{
	uint64_t u = next_use_ahead((const struct opt_state *)s, m, frame);

	out->kind = u == NEVER ? MIND_NEVER : MIND_NUMBER;
	out->value = u;
}

/*
 * Frame f's rank once its next use lies ahead: a next use that lies behind
 * (a use of a shared page the policy was not told of) is moved along.
 */
static uint64_t
rank_moved_along(const struct opt_state *o, const struct machine *m, int f)
{
	return rank_of(m, f, next_use_ahead(o, m, f));
}

/*
 * Frame f's rank as the column shows it.  Ranks of pages never used again
 * lie above every step, so one compare finds a next use that lies behind.
 */
static inline uint64_t
rank_now(const struct opt_state *o, const struct machine *m, int f)
{
	uint64_t r = o->rank[f];

	return r <= m->step ? rank_moved_along(o, m, f) : r;
}

/* The highest rank among the frames the filter allows but `except` (-1: none). */
static int
highest(const struct opt_state *o, const struct machine *m, const struct victim_filter *filter,
	int except)
{
	int best = -1;
	uint64_t best_rank = 0;

	if (except < 0 && filter->any) {
		/* every frame may go: nothing to look at but ranks (the fault path) */
		best = 0;
		best_rank = rank_now(o, m, 0);
		for (int f = 1; f < (int)o->nframes; f++) {
			uint64_t r = rank_now(o, m, f);

			if (r > best_rank)
				best = f, best_rank = r;
		}
		return best;
	}
	for (int f = 0; f < (int)o->nframes; f++) {
		if (f == except || !victim_filter_allows(m, filter, f))
			continue;
		uint64_t r = rank_now(o, m, f);

		if (best < 0 || r > best_rank)
			best = f, best_rank = r;
	}
	return best;
}

static int
opt_choose(struct policy_state *s, struct machine *m,
	   const struct victim_filter *filter, struct victim_why *why)
{
	struct opt_state *o = (struct opt_state *)s;
	int best;

	catch_up(o, m);
	best = highest(o, m, filter, -1);
	*why = (struct victim_why){ .value = next_use_of(rank_now(o, m, best)) };
	return best;
}

static int
opt_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	/* The rival, the page that would go next, shows whether a tie was broken. */
	if (why->value == NEVER)
		return snprintf(buf, size, "never used again in the queued operations%s",
				why->rival.pid && why->rival.value == NEVER ?
				", the earliest loaded of the pages it may take that are never "
				"used again" : "");
	return snprintf(buf, size, "next used furthest ahead: at step %llu",
			(unsigned long long)why->value);
}

static int
opt_rival(const struct policy_state *s, const struct machine *m,
	  const struct victim_filter *filter, int victim, struct rival *r)
{
	const struct opt_state *o = (const struct opt_state *)s;
	int f = highest(o, m, filter, victim);

	if (f >= 0)
		r->value = next_use_of(rank_now(o, m, f));
	return f;
}

static int
opt_rival_explain(const struct rival *r, char *buf, size_t size)
{
	if (r->value == NEVER)
		return snprintf(buf, size, "never used again");
	return snprintf(buf, size, "next used at step %llu", (unsigned long long)r->value);
}

const struct policy_ops policy_opt = {
	.name = "opt",
	.summary = "evict the page whose next use lies furthest ahead (Belady's MIN)",
	.looks_ahead = true,
	.create = opt_create,
	.clone = opt_clone,
	.destroy = policy_free_state,
	.loaded = opt_used,
	.accessed = opt_used,
	.choose = opt_choose,
	.explain = opt_explain,
	.rival = opt_rival,
	.rival_explain = opt_rival_explain,
	.mind = { .header = "next use (step)", .short_header = "next",
		  .kind = MIND_NEVER, .describe = opt_describe },
};
