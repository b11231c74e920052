/*
 * address_bar.c - the address being translated: its bits split into VPN
 * and offset (on a multi-level machine, the VPN into each level's index),
 * both in hex, and the physical address once the events shown so far
 * have found its frame.  A page of a huge page is split as the walk
 * splits it: its entry is a leaf one level up, so the last level's bits
 * are no index but part of a wider offset, and the bar names the huge
 * page ("huge page 0x4-0x7 (0x1) · offset 0x60").  A refused access
 * (segmentation or protection fault) has none: once the refusal is
 * shown, the bar says so.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "draw.h"
#include "history.h"
#include "text.h"
#include "translation.h"
#include "view.h"

/* The bits of v from bit hi-1 down to lo, in groups of four from lo. */
static void
bits(char *buf, size_t size, uint64_t v, unsigned hi, unsigned lo)
{
	size_t n = 0;
	unsigned b;

	for (b = hi; b > lo && n + 2 < size; b--) {
		buf[n++] = (v >> (b - 1)) & 1 ? '1' : '0';
		if (b - 1 > lo && (b - 1 - lo) % 4 == 0)
			buf[n++] = ' ';
	}
	buf[n] = '\0';
}

/* The levels whose index the walk reads: all, or one fewer in a huge page. */
static unsigned
walked_levels(const struct app *a, const struct event *e)
{
	return (a->m->split.levels - ((e->flags & EVF_HUGE) ? 1 : 0));
}

/* Bits of the offset: the page's, or a huge page's (the last level's too). */
static unsigned
offset_bits(const struct app *a, const struct event *e)
{
	const struct va_split *s = &a->m->split;
	unsigned walked = walked_levels(a, e);

	return (s->offset_bits + (walked < s->levels ? s->shift[walked - 1] : 0));
}

/* Each walked level's index bits, then the offset's, a separator between each. */
static void
draw_bits(struct pen *p, const struct app *a, const struct event *e)
{
	const struct va_split *s = &a->m->split;
	unsigned pb = s->offset_bits, top = a->m->cfg.va_bits;
	char buf[96];

	pen_put(p, EL_TEXT, " = ");
	for (unsigned l = 0; l < walked_levels(a, e); l++) {
		unsigned lo = pb + s->shift[l];

		bits(buf, sizeof buf, e->vaddr, top, lo);
		pen_put(p, EL_VPN, buf);
		pen_put(p, EL_BORDER, a->g->split);
		top = lo;
	}
	bits(buf, sizeof buf, e->vaddr, top, 0);
	pen_put(p, EL_OFFSET, buf);
}

/* Columns of n bits grouped by four. */
static int
group_width(unsigned n)
{
	return (n > 0 ? (int)(n + (n - 1) / 4) : 0);
}

/* Columns of the bits, the separators included. */
static int
bits_width(const struct app *a, const struct event *e)
{
	const struct va_split *s = &a->m->split;
	int w = 3 + group_width(offset_bits(a, e));

	for (unsigned l = 0; l < walked_levels(a, e); l++)
		w += group_width(s->bits[l]) + text_width(a->g->split);
	return (w);
}

/* " (0x18|0x8)": each walked level's index of the VPN, on a multi-level machine. */
static void
level_indices(const struct app *a, const struct event *e, char *buf, size_t size)
{
	const struct va_split *s = &a->m->split;
	size_t n = 0;

	buf[0] = '\0';
	if (s->levels == 1)
		return;
	for (unsigned l = 0; l < walked_levels(a, e) && n < size; l++)
		n += (size_t)snprintf(buf + n, size - n, "%s0x%llx", l ? a->g->split : " (",
		    (unsigned long long)va_split_index(s, l, e->vpn));
	if (n < size)
		snprintf(buf + n, size - n, ")");
}

/* Columns of the widest "-> PA ... (frame N)" this machine can show. */
static int
paddr_width(const struct app *a)
{
	const struct machine_config *c = &a->m->cfg;
	uint64_t top = (uint64_t)c->frames * c->page_size - 1;

	return (2 + text_width(a->g->arrow) + 2 + 5 + hex_digits(top) + 8 +
	    snprintf(NULL, 0, "%u", c->frames - 1) + 1);
}

#define REFUSED "translation refused: no physical address"

/* Columns of what follows the offset at the access's end: its PA or its refusal. */
static int
outcome_width(const struct app *a)
{
	int frame;
	uint64_t paddr;

	if (translation_known(a->events.ev, a->events.n, a->events.n, a->m->cfg.page_size,
	    &frame, &paddr) == TR_REFUSED)
		return (2 + text_width(a->g->arrow) + 2 + (int)strlen(REFUSED));
	return (paddr_width(a));
}

static void
not_an_access(struct pen *p, const struct app *a)
{
	const char *text = history_text(a->h, a->anim.op);
	char buf[128];

	if (text == NULL) {
		cmd_format(history_op(a->h, a->anim.op), buf, sizeof buf);
		text = buf;
	}
	pen_printf(p, EL_TEXT, " op %zu: ", a->anim.op);
	pen_put(p, EL_PANEL_TITLE, text);
}

/* Puts text only if it fits whole: a number is never cut. */
static bool
put_whole(struct pen *p, enum element el, const char *text)
{
	if (text_width(text) > pen_left(p))
		return (false);
	pen_put(p, el, text);
	return (true);
}

/* " -> PA 0x... (frame N)", the frame dropped where only the address fits. */
static void
draw_found(struct pen *p, const struct app *a, uint64_t paddr, int frame)
{
	char arrow[32], pa[40], at[32];

	snprintf(arrow, sizeof arrow, "  %s  ", a->g->arrow);
	snprintf(pa, sizeof pa, "PA 0x%llx", (unsigned long long)paddr);
	snprintf(at, sizeof at, " (frame %d)", frame);
	if (text_width(arrow) + text_width(pa) > pen_left(p))
		return;
	pen_put(p, EL_TEXT, arrow);
	pen_put(p, EL_PADDR, pa);
	put_whole(p, EL_TEXT, at);
}

/* "  VPN 0x7" and the indices, or for a page of a huge page "  huge page 0x4-0x7". */
static void
page_name(const struct event *e, const char *idx, char *buf, size_t size)
{
	uint64_t first = event_leaf_vpn(e);

	if (e->flags & EVF_HUGE)
		snprintf(buf, size, "  huge page 0x%llx-0x%llx%s", (unsigned long long)first,
		    (unsigned long long)(first + e->count - 1), idx);
	else
		snprintf(buf, size, "  VPN 0x%llx%s", (unsigned long long)e->vpn, idx);
}

/*
 * The VA, its bits where they fit, its VPN (with each level's index where
 * they fit), offset and outcome; what does not fit whole is left out, in
 * that order, rather than cut.
 */
static void
address_draw(const struct app *a, const struct rect *r)
{
	const struct event *e = app_access(a);
	uint64_t paddr = 0;
	struct pen p;
	char va[40], vpn[140], offset[40], idx[96];
	int frame, rest;

	pen_at(&p, a, r, 0, 0);
	if (a->anim.op == 0) {
		pen_put(&p, EL_DIM, " VA -");
		return;
	}
	if (e == NULL) {
		not_an_access(&p, a);
		return;
	}
	snprintf(va, sizeof va, " VA 0x%llx", (unsigned long long)e->vaddr);
	snprintf(offset, sizeof offset, "%soffset 0x%llx", a->g->sep, (unsigned long long)
	    (e->vaddr & ((UINT64_C(1) << offset_bits(a, e)) - 1)));
	level_indices(a, e, idx, sizeof idx);
	page_name(e, idx, vpn, sizeof vpn);
	rest = text_width(va) + text_width(offset) + outcome_width(a);
	if (rest + text_width(vpn) > pen_left(&p))
		page_name(e, "", vpn, sizeof vpn);
	pen_put(&p, EL_TEXT, va);
	/* The bits only when they fit beside everything else. */
	if (bits_width(a, e) + rest - text_width(va) + text_width(vpn) <= pen_left(&p))
		draw_bits(&p, a, e);
	if (!put_whole(&p, EL_VPN, vpn) || !put_whole(&p, EL_OFFSET, offset))
		return;
	switch (translation_known(a->events.ev, a->events.n, a->anim.ev,
	    a->m->cfg.page_size, &frame, &paddr)) {
	case TR_UNKNOWN:
		return;
	case TR_REFUSED:
		pen_printf(&p, EL_ERROR, "  %s  " REFUSED, a->g->arrow);
		return;
	case TR_FOUND:
		draw_found(&p, a, paddr, frame);
		return;
	}
}

const struct view view_address = {
	.panel = PANEL_ADDRESS,
	.draw = address_draw,
};
