/*
 * narration.c - what is happening and why: the event's label and the
 * engine's own explanation (event_explain), with "event j of n" framing;
 * or a message (a refused command, a save, an explained cell); or the
 * session's notes at its start.  Wrapped over the lines the band has.
 */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "history.h"
#include "text.h"
#include "view.h"

struct wrap_ctx {
	const struct app *a;
	const struct rect *r;
	const char *text;
	size_t label_len;       /* bytes at the start drawn as the label */
	enum element el;
	int row, first;
};

static void
draw_line(void *ctx, const char *line, size_t len)
{
	struct wrap_ctx *w = ctx;
	size_t start = (size_t)(line - w->text), cut = 0;
	char buf[512];
	struct pen p;

	if (w->row >= w->r->h)
		return;
	pen_at(&p, w->a, w->r, w->row, 1);
	pen_put(&p, EL_LABEL, w->row == w->first ? w->a->g->bullet : " ");
	pen_put(&p, EL_TEXT, " ");
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	if (start < w->label_len)
		cut = w->label_len - start < len ? w->label_len - start : len;
	memcpy(buf, line, cut);
	buf[cut] = '\0';
	pen_put(&p, EL_LABEL, buf);
	memcpy(buf, line + cut, len - cut);
	buf[len - cut] = '\0';
	pen_put(&p, w->el, buf);
	w->row++;
}

/* The narration of the current position into buf. */
static void
compose(const struct app *a, char *buf, size_t size, size_t *label_len)
{
	const struct event *e = app_event(a);
	const char *text;
	int n;

	*label_len = 0;
	if (e != NULL) {
		n = snprintf(buf, size, "%s (event %u of %u): ", event_label(e->kind),
		    a->anim.ev, a->events.n);
		*label_len = strlen(event_label(e->kind));
		if (n > 0 && (size_t)n < size)
			event_explain(e, a->m, buf + n, size - (size_t)n);
	} else if (a->anim.op > 0) {
		text = history_text(a->h, a->anim.op);
		snprintf(buf, size, "operation %zu%s%s: nothing to animate", a->anim.op,
		    text != NULL ? " " : "", text != NULL ? text : "");
	} else if (a->s->notes != NULL && a->s->notes[0] != '\0')
		snprintf(buf, size, "%s", a->s->notes);
	else if (a->anim.length > 0)
		snprintf(buf, size, "Start of the session: %zu operation%s queued; space "
		    "steps through them event by event.", a->anim.length,
		    a->anim.length == 1 ? "" : "s");
	else
		snprintf(buf, size, "No operations yet: press : and type one, e.g. r 0x7fff");
}

static void
narration_draw(const struct app *a, const struct rect *r)
{
	struct wrap_ctx w = { .a = a, .r = r, .el = EL_NARRATION };
	char buf[512];

	if (a->message[0] != '\0') {
		snprintf(buf, sizeof buf, "%s", a->message);
		w.el = a->message_error ? EL_ERROR : EL_NOTICE;
		w.label_len = 0;
	} else
		compose(a, buf, sizeof buf, &w.label_len);
	w.text = buf;
	/* Projector mode: a calm band, the text a row down from its edge. */
	w.row = w.first = a->projector && r->h > 2 ? 1 : 0;
	text_wrap(buf, r->w - 4, draw_line, &w);
}

const struct view view_narration = {
	.panel = PANEL_NARRATION,
	.draw = narration_draw,
};
