/*
 * policy_aging.c - aging: an 8-bit counter per page, a software LRU.
 *
 * Rules: each frame has an 8-bit counter, 0 when its page is loaded.  At
 * a clock tick every --tick N accesses (counted over the whole machine,
 * faults included) every counter is shifted right by one bit, the page's
 * reference bit (R) goes into the top bit, and R is cleared.  The victim
 * is the page with the smallest counter among the frames the fault may
 * take; ties go to the page loaded earliest (and the victim's line says
 * so only when another page it may take had the same counter).  Between ticks R is not
 * consulted: a page loaded since the last tick has counter 0.  Eight bits
 * remember eight ticks; pages alike in those look alike.
 */
#include <stdio.h>

#include "frame_values.h"
#include "machine.h"

static void
aging_loaded(struct policy_state *s, struct machine *m, int frame)
{
	(void)m;
	frame_values(s)->v[frame] = 0;
}

static void
aging_describe(const struct policy_state *s, const struct machine *m, int frame,
	       struct frame_mind *out)
{
	(void)m;
	out->kind = MIND_BITS8;
	out->value = frame_values(s)->v[frame];
}

static void
aging_bits(uint64_t counter, char out[9])
{
	for (int i = 0; i < 8; i++)
		out[i] = (char)('0' + ((counter >> (7 - i)) & 1));
	out[8] = '\0';
}

static int
aging_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	char bits[9];

	(void)m;
	aging_bits(why->value, bits);
	return snprintf(buf, size, "smallest counter: %s%s", bits,
			why->rule == FRAME_VALUES_TIED ? ", the earliest loaded of its value" : "");
}

static int
aging_rival_explain(const struct rival *r, char *buf, size_t size)
{
	char bits[9];

	aging_bits(r->value, bits);
	return snprintf(buf, size, "counter %s", bits);
}

static void
aging_tick(struct policy_state *s, struct machine *m)
{
	struct frame_values *fv = frame_values(s);

	for (unsigned f = 0; f < fv->nframes; f++) {
		fv->v[f] = (fv->v[f] >> 1) | (m->frames[f].referenced ? 0x80u : 0);
		m->frames[f].referenced = false;
	}
}

const struct policy_ops policy_aging = {
	.name = "aging",
	.summary = "evict the page with the smallest 8-bit counter (R shifted in every tick)",
	.create = frame_values_create,
	.clone = frame_values_clone,
	.destroy = policy_free_state,
	.loaded = aging_loaded,
	.choose = frame_values_choose_smallest,
	.explain = aging_explain,
	.rival = frame_values_rival,
	.rival_explain = aging_rival_explain,
	.mind = { .header = "8-bit counter", .short_header = "counter",
		  .kind = MIND_BITS8, .describe = aging_describe },
	.tick = aging_tick,
	.tick_says = "aging shifts every counter right, puts each page's R bit in its top "
		"bit, and clears R",
};
