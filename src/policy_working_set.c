/*
 * policy_working_set.c - Denning's working set, kept by trimming.
 *
 * Rules: a process's working set W(t, tau) is the pages it touched in its
 * own last --tau N accesses (those that reached a page; see Working sets).
 * After every access, whatever it came to, one resident page of the
 * accessing process that is not in its working set, the one used least
 * recently, leaves memory without a fault (dirty, it is written to swap
 * first; a dirty page that swap has no room for stays, and the next one
 * outside goes instead; a page other processes map too stays).  Only one page can leave the window at each
 * access, so memory holds just the working sets, unless a dirty page had
 * to stay.  On a fault with no free frame the victim is the page used
 * least recently, as under LRU, among the frames the fault may take; the
 * rival its line names is the page used least recently after it.
 */
#include <stdio.h>

#include "machine.h"
#include "plural.h"
#include "policy.h"
#include "working_set.h"

/* Which rule chose the victim (victim_why.rule). */
enum { AT_FAULT, OUTSIDE };

static struct policy_state *
working_set_create(const struct machine *m)
{
	(void)m;
	return NULL;            /* the working sets are the machine's (working_set.h) */
}

static struct policy_state *
working_set_clone(const struct policy_state *s, const struct machine *m)
{
	(void)s; (void)m;
	return NULL;
}

/* The least recently used of the frames `allows` accepts, or NO_FRAME. */
static int
least_recent(const struct machine *m, bool (*allows)(const struct machine *, int, const void *),
	     const void *ctx)
{
	int best = NO_FRAME;

	for (int f = 0; f < (int)m->cfg.frames; f++)
		if (allows(m, f, ctx) &&
		    (best < 0 || m->frames[f].last_used_step < m->frames[best].last_used_step))
			best = f;
	return best;
}

/* The frames a fault may take, but one (a rival's search: the victim). */
struct takeable {
	const struct victim_filter *filter;
	int except;
};

static bool
takeable(const struct machine *m, int f, const void *ctx)
{
	const struct takeable *t = ctx;

	return f != t->except && victim_filter_allows(m, t->filter, f);
}

static int
working_set_choose(struct policy_state *s, struct machine *m,
		   const struct victim_filter *filter, struct victim_why *why)
{
	int f = least_recent(m, takeable, &(struct takeable){ filter, NO_FRAME });

	(void)s;
	*why = (struct victim_why){ .rule = AT_FAULT, .value = m->frames[f].last_used_step };
	return f;
}

/* Whether frame f holds a page process *pid alone maps, that left its working
 * set and can go. */
static bool
outside(const struct machine *m, int f, const void *pid)
{
	const struct rmap *r = frame_rmap(m, f);

	return r->holds == HOLDS_DATA && r->count == 1 && r->pid == *(const int *)pid &&
	       !working_set_has(mapping_pte(m, frame_first(m, f))) && frame_can_leave(m, f);
}

static int
working_set_expired(const struct policy_state *s, const struct machine *m, int pid,
		    struct victim_why *why)
{
	int f = least_recent(m, outside, &pid);

	(void)s;
	if (f != NO_FRAME)
		*why = (struct victim_why){ .rule = OUTSIDE,
			.value = m->frames[f].last_used_step };
	return f;
}

/* The age of frame f's page in its process's own accesses (its first
 * mapping's process, if several map it). */
static void
working_set_describe(const struct policy_state *s, const struct machine *m, int frame,
		     struct frame_mind *out)
{
	struct mapping first = frame_first(m, frame);
	uint64_t age = working_set_age(&machine_mapper(m, first.pid)->ws, first.vpn);

	(void)s;
	out->kind = age == UINT64_MAX ? MIND_AT_LEAST : MIND_NUMBER;
	out->value = age == UINT64_MAX ? m->cfg.tau : age;
}

static int
working_set_rival(const struct policy_state *s, const struct machine *m,
		  const struct victim_filter *filter, int victim, struct rival *r)
{
	int f = least_recent(m, takeable, &(struct takeable){ filter, victim });

	(void)s;
	if (f != NO_FRAME)
		r->value = m->frames[f].last_used_step;
	return f;
}

static int
working_set_explain(const struct victim_why *why, const struct machine *m, char *buf,
		    size_t size)
{
	if (why->rule == AT_FAULT)
		return snprintf(buf, size, "least recently used: last used at step %llu",
				(unsigned long long)why->value);
	return snprintf(buf, size, "outside its process's working set: not touched in its "
			"last %u access%s (tau), last used at step %llu", m->cfg.tau,
			plural_es(m->cfg.tau), (unsigned long long)why->value);
}

const struct policy_ops policy_working_set = {
	.name = "working-set",
	.reads_tau = true,
	.summary = "a page out of its process's working set (tau) leaves memory; at a fault, LRU",
	.create = working_set_create,
	.clone = working_set_clone,
	.destroy = policy_free_state,
	.choose = working_set_choose,
	.explain = working_set_explain,
	.rival = working_set_rival,
	.rival_explain = policy_rival_last_use,
	.expired = working_set_expired,
	.mind = { .header = "age (its process's accesses since)", .short_header = "age",
		  .kind = MIND_AT_LEAST, .describe = working_set_describe },
};
