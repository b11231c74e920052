/*
 * stats_bar.c - the running totals of the machine at this position, as
 * stats_line.c words them for the band's width (projector mode: the key
 * figures only): labels plain, figures bold.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "stats_line.h"
#include "view.h"

static void
stats_draw(const struct app *a, const struct rect *r)
{
	struct stats_shape shape = { a->m->cfg.tlb_entries > 0, a->m->cfg.levels,
		a->m->table_frames, machine_tlb_reach(a->m), machine_maps_huge(a->m),
		a->s->expect };
	struct stats_line l;
	struct pen p;
	char score[32] = "";
	int w;
	size_t i;

	if (a->quiz.on)
		snprintf(score, sizeof score, "quiz %u/%u  ", a->quiz.right, a->quiz.asked);
	w = r->w - (int)strlen(score);
	if (a->projector)
		stats_line_key(&a->m->stats, &shape, w, &l);
	else
		stats_line_fit(&a->m->stats, &shape, w, &l);
	pen_at(&p, a, r, 0, 1);
	if (score[0]) {
		pen_put(&p, EL_KEY, score);
	}
	for (i = 0; i < l.n; i++) {
		pen_put(&p, EL_HINT, l.it[i].label);
		pen_put(&p, EL_HINT, " ");
		pen_put(&p, EL_PANEL_TITLE, l.it[i].value);
		if (i + 1 < l.n)
			pen_put(&p, EL_DIM, l.sep);
	}
}

const struct view view_stats = {
	.panel = PANEL_STATS,
	.draw = stats_draw,
};
