/*
 * title_bar.c - the top line: the session's title ("untitled" without
 * one, cut with an ellipsis when long) and [modified] if it has unsaved
 * changes on the left; policy,
 * frames, scope, the step and whether it is playing on the right.
 */
#include <stdio.h>

#include "draw.h"
#include "plural.h"
#include "policy.h"
#include "text.h"
#include "view.h"

static void
right_side(const struct app *a, char *buf, size_t size)
{
	const struct machine_config *c = &a->m->cfg;
	const struct policy_ops *pol = policy_at(c->policy);
	const char *sep = a->g->sep;
	char play[32];

	if (a->anim.playing)
		snprintf(play, sizeof play, "%s %dms", a->g->playing, anim_interval_ms(&a->anim));
	else
		snprintf(play, sizeof play, "%s", a->g->paused);
	snprintf(buf, size, "%s%s%u frame%s%s%s%sstep %zu/%zu  %s ",
	    pol != NULL ? pol->name : "?", sep, c->frames, plural(c->frames), sep,
	    c->scope == SCOPE_LOCAL ? "local" : "global", sep,
	    a->anim.op, a->anim.length, play);
}

static void
title_draw(const struct app *a, const struct rect *r)
{
	const char *mark = a->s->modified ? " [modified]" : "";
	char right[160];
	struct pen p;
	int rw;

	draw_fill(a, r, EL_TITLE);
	right_side(a, right, sizeof right);
	rw = text_width(right);
	pen_at(&p, a, r, 0, 0);
	/* A long title is cut short; the marker after it always shows. */
	p.end -= rw + 1 + text_width(mark);
	pen_put(&p, EL_TITLE, " vmscope");
	pen_put(&p, EL_TITLE, a->g->sep);
	pen_put_cut(&p, EL_TITLE, a->s->title != NULL ? a->s->title : "untitled");
	p.end += text_width(mark);
	pen_put(&p, EL_TITLE, mark);
	pen_at(&p, a, r, 0, r->w > rw ? r->w - rw : 0);
	pen_put(&p, EL_TITLE, right);
}

const struct view view_title = {
	.panel = PANEL_TITLE,
	.draw = title_draw,
};
