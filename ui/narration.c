/*
 * narration.c - what is happening and why: the event's label and the
 * engine's own explanation (event_explain), with "event j of n" framing;
 * or a message (a refused command, a save, an explained cell); or the
 * session's notes at its start (unless its operations were changed).  The
 * `n` page shows the notes at any time, and the narration in full.  Wrapped over the lines the band has;
 * in projector mode the event's name and position head the band alone.
 */
#include <stdio.h>
#include <string.h>

#include "big_font.h"
#include "draw.h"
#include "history.h"
#include "plural.h"
#include "text.h"
#include "view.h"

struct narration {
	const char *text;
	char buf[512];
	size_t label_len;       /* bytes at the start drawn as the label */
	enum element el;
};

struct wrap_ctx {
	const struct app *a;
	const struct rect *r;
	const struct narration *n;
	int first;              /* the row that gets the bullet */
	int row, limit;         /* rows row .. limit - 1 are drawn */
	int scroll;             /* the notes page: rows scrolled off the top */
	bool count_only;        /* the notes page: only count its rows */
};

static void
draw_line(void *ctx, const char *line, size_t len)
{
	struct wrap_ctx *w = ctx;
	size_t start = (size_t)(line - w->n->text), cut = 0;
	char buf[512];
	struct pen p;

	if (w->count_only || w->row < w->scroll || w->row - w->scroll >= w->limit) {
		w->row++;
		return;
	}
	pen_at(&p, w->a, w->r, w->row - w->scroll, 1);
	pen_put(&p, EL_LABEL, w->row == w->first ? w->a->g->bullet : " ");
	pen_put(&p, EL_TEXT, " ");
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	if (start < w->n->label_len)
		cut = w->n->label_len - start < len ? w->n->label_len - start : len;
	memcpy(buf, line, cut);
	buf[cut] = '\0';
	pen_put(&p, EL_LABEL, buf);
	memcpy(buf, line + cut, len - cut);
	buf[len - cut] = '\0';
	pen_put(&p, w->n->el, buf);
	w->row++;
}

static void
count_line(void *ctx, const char *line, size_t len)
{
	(void)ctx;
	(void)line;
	(void)len;
}

/* What to say at this position: a message, the event, or the notes. */
static void
compose(const struct app *a, struct narration *n)
{
	const struct event *e = app_event(a);
	const char *text;
	size_t size = sizeof n->buf;
	int k;

	n->text = n->buf;
	n->label_len = 0;
	n->el = EL_NARRATION;
	if (a->message[0] != '\0' && !a->message_aside) {
		n->text = a->message;
		n->el = a->message_error ? EL_ERROR : EL_NOTICE;
	} else if (e != NULL) {
		k = snprintf(n->buf, size, "%s (event %u of %u): ", event_label(e->kind),
		    a->anim.ev, a->events.n);
		n->label_len = strlen(event_label(e->kind));
		if (k > 0 && (size_t)k < size)
			event_explain(e, a->m, n->buf + k, size - (size_t)k);
	} else if (a->anim.op > 0) {
		text = history_text(a->h, a->anim.op);
		snprintf(n->buf, size, "operation %zu%s%s: nothing to animate", a->anim.op,
		    text != NULL ? " " : "", text != NULL ? text : "");
	} else if (a->s->notes != NULL && a->s->notes[0] != '\0' &&
	    session_on_lesson_path(a->s))
		n->text = a->s->notes;
	else if (a->anim.length > 0)
		snprintf(n->buf, size, "Start of the session: %zu operation%s queued; space "
		    "steps through them event by event.", a->anim.length,
		    plural(a->anim.length));
	else if (app_process(a) == NULL)
		snprintf(n->buf, size, "No process yet: press : and spawn one, e.g. "
		    "spawn app 16 rw");
	else
		snprintf(n->buf, size, "No operations yet: press : and type one, e.g. r 0x7fff");
}

/*
 * The event's name in big letters, in the label's colour (the error's for
 * a fault: a highlight's background would fill the gaps between strokes
 * too), its position after the last row; false if it does not fit.
 */
static bool
draw_big(struct wrap_ctx *w, const char *label, const char *where)
{
	const char *ink = w->a->g->ascii ? "#" : "\u2588";
	enum element el = touch_element(w->a) == EL_ALERT ? EL_ERROR : EL_LABEL;
	char row[BIG_FONT_ROWS * 256];
	struct pen p;
	int i;

	if (!w->a->layout.big_heading || w->r->h < BIG_FONT_ROWS + 1 ||
	    big_font_width(label) + text_width(where) + 5 > w->r->w)
		return (false);
	for (i = 0; i < BIG_FONT_ROWS; i++) {
		big_font_row(label, i, ink, row, sizeof row);
		pen_at(&p, w->a, w->r, w->row++, 3);
		pen_put(&p, el, row);
	}
	pen_printf(&p, EL_LABEL, " %s", where);
	return (true);
}

/*
 * Projector mode: the event's name and position on a row of their own
 * (in big letters where they fit), the name lit as the cells it touches.
 * Returns the text left to wrap.
 */
static const char *
draw_heading(struct wrap_ctx *w)
{
	const char *colon = strstr(w->n->text, ": ");
	struct pen p;
	char buf[128], label[64];
	size_t len;

	if (!w->a->projector || w->n->label_len == 0 || colon == NULL)
		return (w->n->text);
	len = (size_t)(colon - w->n->text) - w->n->label_len;
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, w->n->text + w->n->label_len, len);
	buf[len] = '\0';
	snprintf(label, sizeof label, "%.*s", (int)w->n->label_len, w->n->text);
	if (draw_big(w, label, buf))
		return (colon + 2);
	pen_at(&p, w->a, w->r, w->row++, 1);
	pen_put(&p, EL_LABEL, w->a->g->bullet);
	pen_put(&p, EL_TEXT, " ");
	pen_printf(&p, touch_element(w->a), " %.*s ", (int)w->n->label_len, w->n->text);
	pen_put(&p, EL_LABEL, buf);
	return (colon + 2);
}

static void
narration_draw(const struct app *a, const struct rect *r)
{
	struct narration n;
	struct wrap_ctx w = { .a = a, .r = r, .n = &n, .limit = r->h };
	const char *body;
	struct pen p;
	int lines;

	compose(a, &n);
	body = draw_heading(&w);
	lines = (int)text_wrap(body, r->w - 4, count_line, NULL);
	if (w.row > 0 && lines < w.limit - w.row)
		w.row++;        /* room to set the heading apart */
	if (lines > w.limit - w.row)
		w.limit--;      /* the last row says there is more */
	text_wrap(body, r->w - 4, draw_line, &w);
	if (w.limit == r->h)
		return;
	pen_at(&p, a, r, w.limit, 3);
	pen_put(&p, EL_HINT, a->g->more);
	pen_put(&p, EL_HINT, " (n: read it all)");
}

/*
 * The notes page is laid out on rows from 0 down, as long as its text
 * needs; `scroll` rows are off the top and the body's height is shown.
 */
struct notes_page {
	const struct app *a;
	const struct rect *body;
	int scroll;
	bool count_only;
};

/* A heading on row `row`; returns the next row. */
static int
page_heading(const struct notes_page *pg, int row, const char *heading)
{
	struct pen p;

	if (!pg->count_only && row >= pg->scroll && row - pg->scroll < pg->body->h) {
		pen_at(&p, pg->a, pg->body, row - pg->scroll, 1);
		pen_put(&p, EL_PANEL_TITLE, heading);
	}
	return (row + 1);
}

/* n wrapped from row `row`, bullet first; returns the next row. */
static int
page_text(const struct notes_page *pg, int row, const struct narration *n)
{
	struct wrap_ctx w = { .a = pg->a, .r = pg->body, .n = n, .first = row, .row = row,
	    .limit = pg->body->h, .scroll = pg->scroll, .count_only = pg->count_only };

	text_wrap(n->text, pg->body->w - 4, draw_line, &w);
	return (w.row);
}

/*
 * The notes (behind a caveat once the operations left the lesson's path),
 * then the narration of the moment in full when it says something else;
 * returns the rows they take.
 */
static int
notes_page_lay_out(const struct notes_page *pg)
{
	const struct app *a = pg->a;
	struct narration now;
	struct narration notes = { .text = "This session has no notes.", .el = EL_NARRATION };
	struct narration caveat = { .text = SESSION_NOTES_CAVEAT, .el = EL_NOTICE };
	int row;

	compose(a, &now);
	if (a->s->notes != NULL && a->s->notes[0] != '\0')
		notes.text = a->s->notes;
	row = page_heading(pg, 0, "Notes");
	if (!session_on_lesson_path(a->s))
		row = page_text(pg, row, &caveat);
	row = page_text(pg, row, &notes);
	if (now.text != a->s->notes)
		row = page_text(pg, page_heading(pg, row + 1, "Now"), &now);
	return (row);
}

/* The notes page's body: all of the screen but the title and hint rows. */
static struct rect
notes_body(const struct app *a)
{
	return ((struct rect){ 1, 2, a->layout.cols - 2, a->layout.rows - 3 });
}

int
notes_screen_scroll_max(const struct app *a)
{
	struct rect body = notes_body(a);
	struct notes_page pg = { .a = a, .body = &body, .count_only = true };
	int rows = notes_page_lay_out(&pg);

	return (rows > body.h ? rows - body.h : 0);
}

/* `n`, and the first screen of a session with notes. */
void
notes_screen_draw(const struct app *a)
{
	struct rect screen = { 0, 0, a->layout.cols, a->layout.rows };
	struct rect body = notes_body(a);
	int max = notes_screen_scroll_max(a);
	struct notes_page pg = { .a = a, .body = &body,
	    .scroll = a->notes_scroll < max ? a->notes_scroll : max };
	struct pen p;

	draw_fill(a, &(struct rect){ 0, 0, screen.w, 1 }, EL_TITLE);
	pen_at(&p, a, &screen, 0, 0);
	pen_put(&p, EL_TITLE, " vmscope");
	pen_put(&p, EL_TITLE, a->g->sep);
	pen_put_cut(&p, EL_TITLE, a->s->title != NULL ? a->s->title : "untitled");
	notes_page_lay_out(&pg);
	pen_at(&p, a, &screen, screen.h - 1, 0);
	if (max == 0)
		pen_put(&p, EL_HINT, " n or Esc: back to the session; other keys go back and "
		    "act (space steps on)");
	else
		pen_printf(&p, EL_HINT, " Down/PgDn, Up/PgUp: scroll (%s)%sn or Esc: back to "
		    "the session", pg.scroll < max ? "more below" : "the end", a->g->sep);
}

const struct view view_narration = {
	.panel = PANEL_NARRATION,
	.draw = narration_draw,
};
