/*
 * policy.c - the table of replacement policies and what they share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "machine.h"
#include "policy.h"
#include "xalloc.h"

const struct policy_ops *const policy_table[] = {
	&policy_fifo, &policy_lru, &policy_opt, &policy_clock, &policy_random,
	&policy_mru, &policy_lfu, &policy_second_chance, &policy_nru, &policy_aging,
	&policy_wsclock, &policy_working_set,
};

#define NPOLICIES ((int)(sizeof policy_table / sizeof policy_table[0]))

int
policy_find(const char *name)
{
	for (int i = 0; i < NPOLICIES; i++)
		if (strcasecmp(policy_table[i]->name, name) == 0)
			return i;
	return -1;
}

bool
policy_looks_ahead(int index)
{
	return policy_table[index]->looks_ahead;
}

bool
policy_describe(const struct machine *m, int frame, struct frame_mind *out)
{
	const struct policy_mind *mind = &policy_at(m->cfg.policy)->mind;

	*out = (struct frame_mind){ .kind = MIND_NONE, .r = -1 };
	if (!mind->header)
		return false;
	if (mind->has_hand)
		out->hand = mind->hand(m->policy) == (unsigned)frame;
	if (frame_rmap(m, frame)->holds != HOLDS_DATA)
		return true;
	if (mind->shows_r)
		out->r = m->frames[frame].referenced;
	if (mind->describe)
		mind->describe(m->policy, m, frame, out);
	return true;
}

void
policy_mind_last_use(const struct policy_state *s, const struct machine *m, int frame,
		     struct frame_mind *out)
{
	const struct frame *fr = &m->frames[frame];

	(void)s;
	/* A page loaded by the access under way is used at its ACCESS, not before:
	 * until then it shows no step (the policy ranks its load as its use). */
	if (stats_access_under_way(&m->stats) && fr->loaded_step == m->step)
		return;
	out->kind = MIND_NUMBER;
	out->value = fr->last_used_step;
}

int
policy_count(void)
{
	return NPOLICIES;
}

const char *
policy_names(void)
{
	static char names[NPOLICIES * (POLICY_NAME_MAX + 2)];

	if (!names[0])
		for (int i = 0; i < NPOLICIES; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names),
				 "%s%s", i ? ", " : "", policy_table[i]->name);
	return names;
}

/* Whether the filter allows a frame other than `victim`. */
static bool
another_allowed(const struct machine *m, const struct victim_filter *filter, int victim)
{
	for (int f = 0; f < (int)m->cfg.frames; f++)
		if (f != victim && victim_filter_allows(m, filter, f))
			return true;
	return false;
}

int
policy_spared_search(const struct policy_state *s, const struct machine *m,
		     const struct victim_filter *filter, int victim, struct sweep *sw)
{
	const struct policy_ops *ops = policy_at(m->cfg.policy);
	struct machine spared = *m;     /* shares all but the frames, which the looks write */
	struct policy_state *copy;
	struct victim_filter spared_filter = *filter;
	struct victim_why why = { 0 };
	int f;

	if (!another_allowed(m, filter, victim))
		return NO_FRAME;
	spared.frames = xmemdup(m->frames, m->cfg.frames * sizeof *m->frames);
	/* Spared: its frame holds what no fault may take, as a page table's does. */
	spared.frames[victim].rmap.holds = HOLDS_PAGE_TABLE;
	spared.table_frames++;
	/* ... so not every frame may be taken, whatever the filter found. */
	spared_filter.any = false;
	copy = ops->clone(s, m);
	*sw = (struct sweep){ 0 };
	f = policy_sweep(ops->look, copy, &spared, &spared_filter, &why, sw);
	ops->destroy(copy);
	free(spared.frames);
	return f;
}

int
policy_rival_spared_r(const struct policy_state *s, const struct machine *m,
		      const struct victim_filter *filter, int victim, struct rival *r)
{
	struct sweep sw;
	int f = policy_spared_search(s, m, filter, victim, &sw);

	if (f >= 0)
		r->value = m->frames[f].referenced;
	return f;
}

int
policy_rival_last_use(const struct rival *r, char *buf, size_t size)
{
	return snprintf(buf, size, "last used at step %llu", (unsigned long long)r->value);
}

void
policy_free_state(struct policy_state *s)
{
	free(s);
}
