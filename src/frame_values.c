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
