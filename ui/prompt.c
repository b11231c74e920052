/*
 * prompt.c - the bottom line: the command being typed after the process
 * it will run in, a yes/no question, the hints for the main keys
 * (generated from the key table), or at the end of the session its
 * outcome and what to do next.
 */
#include <string.h>

#include "draw.h"
#include "keys.h"
#include "plural.h"
#include "policy.h"
#include "text.h"
#include "view.h"

struct hint_ctx {
	struct pen *p;
	const char *sep;
	bool first;
	const char *skip;       /* a hint left to the help screen, or NULL */
};

static void
draw_hint(void *ctx, const char *key, size_t keylen, const char *hint)
{
	struct hint_ctx *h = ctx;
	char k[32];

	if (h->skip != NULL && strcmp(hint, h->skip) == 0)
		return;
	if (!h->first)
		pen_put(h->p, EL_DIM, h->sep);
	h->first = false;
	if (keylen >= sizeof k)
		keylen = sizeof k - 1;
	memcpy(k, key, keylen);
	k[keylen] = '\0';
	pen_put(h->p, EL_KEY, strcmp(k, "Enter") == 0 ? h->p->a->g->enter : k);
	pen_put(h->p, EL_HINT, " ");
	/* The play key pauses while playing: the hint says what it does now. */
	pen_put(h->p, EL_HINT, strcmp(hint, "play") == 0 && h->p->a->anim.playing ?
	    "pause" : hint);
}

/* Whether the hints fit in `width` columns with `sep` between them. */
static bool
hints_fit(const struct app *a, const char *sep, int width)
{
	char buf[256];
	int enter = text_width("Enter") - text_width(a->g->enter);

	keys_hints(buf, sizeof buf, sep);
	return (text_width(buf) - enter <= width);
}

#define FULL_NOTE "  the line is full"

/*
 * The line being edited, the cursor shown as a reversed cell; the start
 * of a line too long for the row is left off so the cursor stays on it.
 */
static void
draw_edit(const struct app *a, struct pen *p)
{
	const struct lineedit *e = &a->edit;
	char before[EDIT_MAX], at[8] = " ";
	const char *from = before;
	size_t n = 1, room;
	int left = pen_left(p) - 1 - (e->full ? (int)strlen(FULL_NOTE) : 0);

	memcpy(before, e->buf, e->cur);
	before[e->cur] = '\0';
	/* A character takes no more columns than bytes. */
	room = left > 0 ? (size_t)left : 0;
	while (strlen(from) > room) {
		from++;
		while (((unsigned char)*from & 0xc0) == 0x80)
			from++;
	}
	pen_put(p, EL_PROMPT, from);
	if (e->cur < e->len) {
		while (e->cur + n < e->len && ((unsigned char)e->buf[e->cur + n] & 0xc0) == 0x80)
			n++;
		memcpy(at, e->buf + e->cur, n);
		at[n] = '\0';
	}
	pen_put(p, EL_CURSOR, at);
	if (e->full)
		pen_put(p, EL_KEY, FULL_NOTE);
	else if (e->cur < e->len)
		pen_put(p, EL_PROMPT, e->buf + e->cur + n);
}

/*
 * At the end of the session there is nothing to step: say so, and what
 * next.  The counts are the session's policy's, which the comparison names
 * among the others.
 */
static void
draw_end(const struct app *a, struct pen *p)
{
	const struct stats *st = &a->m->stats;

	pen_put(p, EL_HINT, " end");
	if (a->comparing)
		pen_printf(p, EL_HINT, " (%s)", policy_at(a->m->cfg.policy)->name);
	pen_printf(p, EL_HINT, ": %llu fault%s, %llu hit%s; ",
	    (unsigned long long)st->faults, plural(st->faults),
	    (unsigned long long)st->hits, plural(st->hits));
	pen_put(p, EL_KEY, "g");
	pen_put(p, EL_HINT, ": start again, ");
	pen_put(p, EL_KEY, "n");
	pen_put(p, EL_HINT, ": notes, ");
	pen_put(p, EL_KEY, "?");
	pen_put(p, EL_HINT, ": help, ");
	pen_put(p, EL_KEY, "q");
	pen_put(p, EL_HINT, ": quit");
}

/* "  Esc: not now, q: quit" after a quiz question, where the row has room for it. */
static void
draw_quiz_keys(struct pen *p)
{
	static const char *const keys[][2] = { { "Esc", ": not now, " }, { "q", ": quit" } };

	if (pen_left(p) < (int)strlen("  Esc: not now, q: quit"))
		return;
	pen_put(p, EL_HINT, "  ");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		pen_put(p, EL_KEY, keys[i][0]);
		pen_put(p, EL_HINT, keys[i][1]);
	}
}

static void
prompt_draw(const struct app *a, const struct rect *r)
{
	struct hint_ctx h;
	struct pen p;
	char question[128];

	pen_at(&p, a, r, 0, 0);
	switch (a->mode) {
	case MODE_PROMPT:
		if (a->prompt_for == PROMPT_SAVE_AS)
			pen_put(&p, EL_PROMPT, " save as: ");
		else if (a->typed_pid > 0)
			pen_printf(&p, EL_PROMPT, " pid %d %s ", a->typed_pid, a->g->prompt);
		else
			pen_printf(&p, EL_PROMPT, " no process %s ", a->g->prompt);
		draw_edit(a, &p);
		break;
	case MODE_CONFIRM:
		pen_put(&p, EL_PROMPT, " ");
		pen_put(&p, EL_PROMPT, a->question);
		pen_put(&p, EL_KEY, " (y/n)");
		break;
	case MODE_QUIZ:
		quiz_question(&a->quiz, question, sizeof question);
		pen_put(&p, EL_PROMPT, " ");
		pen_put(&p, EL_PROMPT, question);
		draw_quiz_keys(&p);
		break;
	default:
		if (a->message[0] != '\0' && a->message_aside) {
			pen_printf(&p, EL_NOTICE, " %s", a->message);
			break;
		}
		if (anim_at_end(&a->anim, &a->src) && a->anim.length > 0) {
			draw_end(a, &p);
			break;
		}
		h = (struct hint_ctx){ &p, hints_fit(a, "  ", r->w - 1) ? "  " : " ", true,
			NULL };
		/* Too narrow even so (ASCII's "Enter"): Tab's hint gives way. */
		if (!hints_fit(a, " ", r->w - 1))
			h.skip = "process";
		pen_put(&p, EL_TEXT, " ");
		keys_hints_visit(draw_hint, &h);
		break;
	}
}

const struct view view_prompt = {
	.panel = PANEL_PROMPT,
	.draw = prompt_draw,
};
