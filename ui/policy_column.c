/*
 * policy_column.c - each frame's entry in the policy's column: its hand
 * (a glyph where the hand points), its R bit ("R1") and its value (a
 * position, a step, a count, "never", an 8-bit counter, "≥10"), in that
 * order; wide, with spaces between, or narrow, glued, with an aging
 * counter in hex and OPT's "never" as "-".
 */
#include <stdio.h>
#include <string.h>

#include "policy.h"
#include "policy_column.h"
#include "text.h"

static const struct policy_mind *
mind_of(const struct app *a)
{
	return (&policy_at(a->m->cfg.policy)->mind);
}

static int
digits(uint64_t v)
{
	return (snprintf(NULL, 0, "%llu", (unsigned long long)v));
}

/* The widest number the session can show: a step, a count, an age, a place. */
static int
number_width(const struct app *a)
{
	uint64_t most = history_length(a->h);

	if (a->m->cfg.frames > most)
		most = a->m->cfg.frames;
	if (a->m->cfg.tau > most)
		most = a->m->cfg.tau;
	return (digits(most));
}

/* The value's text in that form. */
static void
value_text(const struct app *a, const struct frame_mind *fm, bool narrow, char *buf,
    size_t size)
{
	unsigned long long v = fm->value;

	switch (fm->kind) {
	case MIND_NONE:
		snprintf(buf, size, "%s", "");
		break;
	case MIND_NUMBER:
		snprintf(buf, size, "%llu", v);
		break;
	case MIND_NEVER:
		snprintf(buf, size, "%s", narrow ? "-" : "never");
		break;
	case MIND_AT_LEAST:
		snprintf(buf, size, "%s%llu", a->g->ascii ? ">=" : "\u2265", v);
		break;
	case MIND_BITS8:
		if (narrow) {
			snprintf(buf, size, "0x%02llx", v & 0xff);
			break;
		}
		for (int i = 0; i < 8 && (size_t)i + 1 < size; i++)
			buf[i] = (char)('0' + ((v >> (7 - i)) & 1));
		buf[size > 8 ? 8 : size - 1] = '\0';
		break;
	}
}

/* The widest value text the policy's kind can give. */
static int
value_width(const struct app *a, enum mind_kind kind, bool narrow)
{
	int n = number_width(a);

	switch (kind) {
	case MIND_NONE:
		return (0);
	case MIND_NEVER:
		return (narrow || n > 5 ? n : 5);
	case MIND_AT_LEAST:
		return (n + (a->g->ascii ? 2 : 1));
	case MIND_BITS8:
		return (narrow ? 4 : 8);
	default:
		return (n);
	}
}

int
policy_column_width(const struct app *a, bool narrow)
{
	const struct policy_mind *mind = mind_of(a);
	int gap = narrow ? 0 : 1, w = 0, v;

	if (!mind->header)
		return (0);
	if (mind->has_hand)
		w += 1 + gap;
	if (mind->shows_r)
		w += 2 + 1;
	v = value_width(a, mind->kind, narrow);
	return (v ? w + v : w - 1);
}

const char *
policy_column_header(const struct app *a, int room)
{
	const struct policy_mind *mind = mind_of(a);

	return (text_width(mind->header) <= room ? mind->header : mind->short_header);
}

void
policy_column_cell(const struct app *a, int frame, bool narrow, char *buf, size_t size)
{
	const struct policy_mind *mind = mind_of(a);
	struct frame_mind fm;
	char value[32];
	int k = 0, pad;

	buf[0] = '\0';
	if (!policy_describe(a->m, frame, &fm) || (fm.kind == MIND_NONE && fm.r < 0 && !fm.hand))
		return;
	if (mind->has_hand)
		k += snprintf(buf + k, size - (size_t)k, "%s%s", fm.hand ? a->g->hand : " ",
		    narrow ? "" : " ");
	if (mind->shows_r && (size_t)k < size)
		k += snprintf(buf + k, size - (size_t)k, fm.r < 0 ? "  " : "R%d", fm.r);
	value_text(a, &fm, narrow, value, sizeof value);
	pad = value_width(a, mind->kind, narrow) - text_width(value);
	if (fm.kind != MIND_NONE && (size_t)k < size)
		snprintf(buf + k, size - (size_t)k, "%s%*s%s", mind->shows_r ? " " : "",
		    pad > 0 ? pad : 0, "", value);
	/* No blanks after: a frame with only the hand must not look cut. */
	for (k = (int)strlen(buf); k > 0 && buf[k - 1] == ' '; k--)
		buf[k - 1] = '\0';
}
