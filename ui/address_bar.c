/*
 * address_bar.c - the address being translated: its bits split into VPN
 * and offset, both in hex, and the physical address once the events shown
 * so far have found its frame.  A refused access (segmentation or
 * protection fault) has none: once the refusal is shown, the bar says so.
 */
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

static void
draw_bits(struct pen *p, const struct app *a, const struct event *e)
{
	unsigned va = a->m->cfg.va_bits, pb = machine_page_bits(a->m);
	char hi[96], lo[96];

	bits(hi, sizeof hi, e->vaddr, va, pb);
	bits(lo, sizeof lo, e->vaddr, pb, 0);
	pen_put(p, EL_TEXT, " = ");
	pen_put(p, EL_VPN, hi);
	pen_put(p, EL_BORDER, a->g->split);
	pen_put(p, EL_OFFSET, lo);
}

/* Columns of the bits, the separator included. */
static int
bits_width(const struct app *a)
{
	int va = (int)a->m->cfg.va_bits, pb = (int)machine_page_bits(a->m);
	int vpn = va - pb;

	return (3 + va + 1 + (vpn > 0 ? (vpn - 1) / 4 : 0) + (pb > 0 ? (pb - 1) / 4 : 0));
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

static void
address_draw(const struct app *a, const struct rect *r)
{
	const struct event *e = app_access(a);
	uint64_t paddr = 0;
	struct pen p;
	char tail[160];
	int frame;

	pen_at(&p, a, r, 0, 0);
	if (a->anim.op == 0) {
		pen_put(&p, EL_DIM, " VA -");
		return;
	}
	if (e == NULL) {
		not_an_access(&p, a);
		return;
	}
	pen_printf(&p, EL_TEXT, " VA 0x%llx", (unsigned long long)e->vaddr);
	snprintf(tail, sizeof tail, "  VPN 0x%llx%soffset 0x%llx",
	    (unsigned long long)e->vpn, a->g->sep, (unsigned long long)e->offset);
	/* The bits only when they fit beside everything else. */
	if (bits_width(a) + text_width(tail) + outcome_width(a) <= pen_left(&p))
		draw_bits(&p, a, e);
	pen_printf(&p, EL_VPN, "  VPN 0x%llx", (unsigned long long)e->vpn);
	pen_put(&p, EL_TEXT, a->g->sep);
	pen_printf(&p, EL_OFFSET, "offset 0x%llx", (unsigned long long)e->offset);
	switch (translation_known(a->events.ev, a->events.n, a->anim.ev,
	    a->m->cfg.page_size, &frame, &paddr)) {
	case TR_UNKNOWN:
		return;
	case TR_REFUSED:
		pen_printf(&p, EL_ERROR, "  %s  " REFUSED, a->g->arrow);
		return;
	case TR_FOUND:
		break;
	}
	pen_printf(&p, EL_TEXT, "  %s  ", a->g->arrow);
	pen_printf(&p, EL_PADDR, "PA 0x%llx", (unsigned long long)paddr);
	pen_printf(&p, EL_TEXT, " (frame %d)", frame);
}

const struct view view_address = {
	.panel = PANEL_ADDRESS,
	.draw = address_draw,
};
