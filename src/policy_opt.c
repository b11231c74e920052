/*
 * policy_opt.c - Belady's optimal policy (MIN).
 *
 * Rules: the victim is the page whose next use lies furthest ahead in the
 * queued operations; a page never used again counts as furthest of all.
 * Ties (several pages never used again) go to the page loaded earliest.
 * Only queued operations are seen: with none queued (commands typed one
 * by one) every page is "never used again" and OPT behaves like FIFO.
 * A page's next use is the next queued access to it after the current
 * step, whatever that access comes to: a protection fault is a use too.
 * Next uses come from the look-ahead computed once (future.c), so a fault
 * looks only at the resident pages, never at the future.  The reference
 * bit plays no part.
 */

#include "future.h"
#include "machine.h"
#include "policy.h"
#include "xalloc.h"

struct opt_state {
	unsigned nframes;
	uint64_t next_use[];    /* per frame: step of its page's next use */
};

static struct policy_state *
opt_create(const struct machine *m)
{
	struct opt_state *o = xcalloc(1, sizeof *o + m->cfg.frames * sizeof(uint64_t));

	o->nframes = m->cfg.frames;
	return (struct policy_state *)o;
}

static struct policy_state *
opt_clone(const struct policy_state *s, const struct machine *m)
{
	const struct opt_state *o = (const struct opt_state *)s;

	(void)m;
	return (struct policy_state *)xmemdup(o, sizeof *o + o->nframes * sizeof(uint64_t));
}

static void
opt_used(struct policy_state *s, struct machine *m, int frame)
{
	((struct opt_state *)s)->next_use[frame] = future_next_use(m->future, m->step);
}

/*
 * Brings frame f's next use after the current step.  The policy hears only
 * of accesses that reach a frame, so an access refused on the way (a
 * protection fault) leaves the stored next use behind, in the past: it is
 * moved along that page's later uses until it is ahead again.
 */
static void
catch_up(struct opt_state *o, const struct machine *m, int f)
{
	while (o->next_use[f] <= m->step)
		o->next_use[f] = future_next_use(m->future, o->next_use[f]);
}

/* Whether frame a is a better victim than frame b. */
static int
further(const struct opt_state *o, const struct machine *m, int a, int b)
{
	if (o->next_use[a] != o->next_use[b])
		return o->next_use[a] > o->next_use[b];
	return m->frames[a].loaded_step < m->frames[b].loaded_step;
}

static int
opt_choose(struct policy_state *s, struct machine *m,
	   const struct victim_filter *filter, struct victim_why *why)
{
	struct opt_state *o = (struct opt_state *)s;
	int best = -1;

	for (unsigned f = 0; f < o->nframes; f++) {
		if (!victim_filter_allows(m, filter, (int)f))
			continue;
		catch_up(o, m, (int)f);
		if (best < 0 || further(o, m, (int)f, best))
			best = (int)f;
	}
	*why = (struct victim_why){
		.reason = o->next_use[best] == NEVER ? WHY_NEVER_AGAIN : WHY_FURTHEST,
		.step = o->next_use[best],
	};
	return best;
}

const struct policy_ops policy_opt = {
	.name = "opt",
	.summary = "evict the page whose next use lies furthest ahead (Belady's MIN)",
	.create = opt_create,
	.clone = opt_clone,
	.destroy = policy_free_state,
	.loaded = opt_used,
	.accessed = opt_used,
	.evicted = policy_ignore,
	.choose = opt_choose,
};
