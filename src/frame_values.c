/*
 * frame_values.c - a number per frame, in one allocation.
 */
#include "frame_values.h"
#include "machine.h"
#include "xalloc.h"

struct policy_state *
frame_values_create(const struct machine *m)
{
	struct frame_values *fv = xcalloc(1, sizeof *fv + m->cfg.frames * sizeof fv->v[0]);

	fv->nframes = m->cfg.frames;
	return (struct policy_state *)fv;
}

struct policy_state *
frame_values_clone(const struct policy_state *s, const struct machine *m)
{
	const struct frame_values *fv = frame_values(s);

	(void)m;
	return (struct policy_state *)xmemdup(fv, sizeof *fv + fv->nframes * sizeof fv->v[0]);
}

/*
 * The smallest value the filter allows, but for frame `except` (-1: none);
 * *tied: another such frame has the same value.
 */
static int
smallest_but(const struct frame_values *fv, const struct machine *m,
	     const struct victim_filter *filter, int except, bool *tied)
{
	int best = -1;

	*tied = false;
	for (int f = 0; f < (int)fv->nframes; f++) {
		if (f == except || !victim_filter_allows(m, filter, f))
			continue;
		if (best >= 0 && fv->v[f] == fv->v[best])
			*tied = true;
		if (best < 0 || fv->v[f] < fv->v[best]) {
			best = f;
			*tied = false;
		} else if (fv->v[f] == fv->v[best] &&
			   m->frames[f].loaded_step < m->frames[best].loaded_step)
			best = f;
	}
	return best;
}

int
frame_values_choose_smallest(struct policy_state *s, struct machine *m,
			     const struct victim_filter *filter, struct victim_why *why)
{
	const struct frame_values *fv = frame_values(s);
	bool tied;
	int best = smallest_but(fv, m, filter, -1, &tied);

	*why = (struct victim_why){ .value = fv->v[best],
		.rule = tied ? FRAME_VALUES_TIED : FRAME_VALUES_ALONE };
	return best;
}

int
frame_values_rival(const struct policy_state *s, const struct machine *m,
		   const struct victim_filter *filter, int victim, struct rival *r)
{
	const struct frame_values *fv = frame_values(s);
	bool tied;
	int f = smallest_but(fv, m, filter, victim, &tied);

	if (f >= 0)
		r->value = fv->v[f];
	return f;
}
