/*
 * compare_screen.c - the comparison (key c, `:compare`, or a session's
 * display.compare) fills the screen: the title bar, the reference string
 * with the cursor, then for each policy its name and fault count and its
 * frames-by-time table, all on one geometry so the columns line up; a
 * line for messages, and the prompt.  A policy that does not fit is named.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "policy.h"
#include "time_table.h"
#include "view.h"

/* Rows of one policy's block: its heading, its frames, its faults. */
static int
block_rows(const struct scene *s)
{
	return ((int)s->table.frames + 2);
}

static void
draw_block(const struct app *a, const struct rect *r, int row, const struct scene *s,
	   int policy, const struct tt_geometry *g)
{
	const struct stats *st = &s->m->stats;
	struct pen p;
	unsigned f;

	pen_at(&p, a, r, row, 0);
	pen_printf(&p, EL_LABEL, "%s", policy_at(policy)->name);
	pen_printf(&p, EL_TEXT, "%sfaults %llu%saccesses %llu%s", a->g->sep,
	    (unsigned long long)st->faults, a->g->sep, (unsigned long long)st->accesses,
	    policy == a->m->cfg.policy ? "  (the session's policy)" : "");
	for (f = 0; f < s->table.frames; f++)
		tt_draw_frame(a, r, row + 1 + (int)f, f, s, g);
	tt_draw_faults(a, r, row + 1 + (int)s->table.frames, s, g);
}

/* The first scene the comparison could build: the strip's source. */
static const struct scene *
first_run(const struct comparison *c)
{
	for (unsigned i = 0; i < c->n; i++)
		if (c->run[i].built)
			return (&c->run[i]);
	return (NULL);
}

/* Lists the policies without room in `left`, on the message row. */
static void
say_left_out(const struct app *a, const struct rect *r, int row, unsigned from)
{
	const struct comparison *c = &a->compare;
	char names[128] = "";
	struct pen p;

	for (unsigned i = from; i < c->n; i++) {
		size_t n = strlen(names);

		snprintf(names + n, sizeof names - n, "%s%s", n ? ", " : "",
		    policy_at(c->policy[i])->name);
	}
	pen_at(&p, a, r, row, 0);
	pen_printf(&p, EL_NOTICE, "no room for %s: a taller terminal shows %s", names,
	    c->n - from > 1 ? "them" : "it");
}

/*
 * The message row: a message (an aside is on the prompt's line already),
 * why a policy cannot run, or who has no room.
 */
static void
draw_message(const struct app *a, const struct rect *r, int row, unsigned drawn)
{
	const struct comparison *c = &a->compare;
	struct pen p;

	pen_at(&p, a, r, row, 0);
	if (a->message[0] != '\0' && !a->message_aside)
		pen_put_cut(&p, a->message_error ? EL_ERROR : EL_NOTICE, a->message);
	else if (c->why[0] != '\0')
		pen_put_cut(&p, EL_ERROR, c->why);
	else if (drawn < c->n)
		say_left_out(a, r, row, drawn);
}

void
compare_screen_draw(const struct app *a)
{
	const struct comparison *c = &a->compare;
	/* Between the title and the prompt; its last row for messages. */
	struct rect body = { 1, 1, a->layout.cols - 1, a->layout.rows - 2 };
	int room = body.h - 1;
	const struct scene *strip = first_run(c);
	struct tt_geometry g;
	int row = 1, gap;
	unsigned i, drawn = 0, built = 0;

	view_title.draw(a, &(struct rect){ 0, 0, a->layout.cols, 1 });
	view_prompt.draw(a, &(struct rect){ 0, a->layout.rows - 1, a->layout.cols, 1 });
	if (strip == NULL) {
		draw_message(a, &body, room, 0);
		return;
	}
	tt_fit(strip, body.w, &g);
	tt_draw_strip(a, &body, 0, strip, &g);
	for (i = 0; i < c->n; i++)
		built += c->run[i].built;
	/* A blank row above each block when they all fit so. */
	gap = 1 + (int)built * (block_rows(strip) + 1) <= room ? 1 : 0;
	for (i = 0; i < c->n; i++) {
		const struct scene *s = &c->run[i];

		if (!s->built)
			continue;
		if (row + gap + block_rows(s) > room)
			break;
		draw_block(a, &body, row + gap, s, c->policy[i], &g);
		row += gap + block_rows(s);
		drawn = i + 1;
	}
	draw_message(a, &body, room, drawn);
}
