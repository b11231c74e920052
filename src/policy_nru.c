/*
 * policy_nru.c - not recently used (Tanenbaum's four classes).
 *
 * Rules: every page falls in one of four classes by its reference bit R
 * and its dirty bit D: class 0, R = 0 and D = 0; class 1, R = 0 and D = 1;
 * class 2, R = 1 and D = 0; class 3, R = 1 and D = 1.  The victim is a page
 * of the lowest class among the frames the fault may take; ties go to the
 * lowest frame.  Every access sets R; a clock tick every --tick N accesses
 * (counted over the whole machine, faults included) clears every R, so a
 * set R means used since the last tick.  D is cleared only by a write-back.
 * The victim's line says "the lowest frame of its class" only when another
 * page the fault may take was in its class.  The rival it names is the
 * page that would go if the victim were spared: the next frame up in the
 * victim's class, or failing one, the lowest frame of the next class that
 * has a page the fault may take.
 */
#include <stdio.h>

#include "machine.h"
#include "policy.h"

static struct policy_state *
nru_create(const struct machine *m)
{
	(void)m;
	return NULL;            /* R and D are all it needs, and the machine has them */
}

static struct policy_state *
nru_clone(const struct policy_state *s, const struct machine *m)
{
	(void)s; (void)m;
	return NULL;
}

static unsigned
nru_class(const struct machine *m, int f)
{
	return 2u * m->frames[f].referenced + frame_dirty(m, f);
}

static void
nru_describe(const struct policy_state *s, const struct machine *m, int frame,
	     struct frame_mind *out)
{
	(void)s;
	out->kind = MIND_NUMBER;
	out->value = nru_class(m, frame);
}

/* Which rule chose the victim (victim_why.rule). */
enum { ALONE, LOWEST_FRAME };

/*
 * The lowest frame of the lowest class among the frames the filter allows
 * but `except` (-1: none); *tied: another such frame shares its class.
 */
static int
lowest(const struct machine *m, const struct victim_filter *filter, int except, bool *tied)
{
	int best = -1;

	*tied = false;
	for (int f = 0; f < (int)m->cfg.frames; f++) {
		if (f == except || !victim_filter_allows(m, filter, f))
			continue;
		if (best >= 0 && nru_class(m, f) == nru_class(m, best))
			*tied = true;
		else if (best < 0 || nru_class(m, f) < nru_class(m, best)) {
			best = f;
			*tied = false;
		}
	}
	return best;
}

static int
nru_choose(struct policy_state *s, struct machine *m,
	   const struct victim_filter *filter, struct victim_why *why)
{
	bool tied;
	int best = lowest(m, filter, -1, &tied);

	(void)s;
	*why = (struct victim_why){ .value = nru_class(m, best),
		.rule = tied ? LOWEST_FRAME : ALONE };
	return best;
}

static int
nru_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	(void)m;
	return snprintf(buf, size, "lowest class: %llu (R = %llu, D = %llu)%s",
			(unsigned long long)why->value, (unsigned long long)why->value >> 1,
			(unsigned long long)why->value & 1,
			why->rule == LOWEST_FRAME ? ", the lowest frame of its class" : "");
}

static int
nru_rival(const struct policy_state *s, const struct machine *m,
	  const struct victim_filter *filter, int victim, struct rival *r)
{
	bool tied;
	int f = lowest(m, filter, victim, &tied);

	(void)s;
	if (f >= 0)
		r->value = nru_class(m, f);
	return f;
}

static int
nru_rival_explain(const struct rival *r, char *buf, size_t size)
{
	return snprintf(buf, size, "class %llu", (unsigned long long)r->value);
}

/* The clock tick: every R bit is cleared. */
static void
nru_tick(struct policy_state *s, struct machine *m)
{
	(void)s;
	for (unsigned f = 0; f < m->cfg.frames; f++)
		m->frames[f].referenced = false;
}

const struct policy_ops policy_nru = {
	.name = "nru",
	.summary = "evict a page of the lowest class by R and D; R cleared every tick",
	.create = nru_create,
	.clone = nru_clone,
	.destroy = policy_free_state,
	.choose = nru_choose,
	.explain = nru_explain,
	.rival = nru_rival,
	.rival_explain = nru_rival_explain,
	.mind = { .header = "R; class (2R + D)", .short_header = "R cls", .shows_r = true,
		  .kind = MIND_NUMBER, .describe = nru_describe },
	.tick = nru_tick,
	.tick_says = "nru clears every page's R bit, so a set R means used since this tick",
};
