/*
 * tlb_panel.c - the TLB as one strip of entries "pid:VPN→fN", empty ones
 * as ·; an entry for a huge page shows its reach, the pages and frames it
 * covers ("1:0x4-0x7→f8-11").  The label lights up on a miss or a flush,
 * the entry on a hit or a fill, with ◀ after it.
 */
#include <stdio.h>

#include "draw.h"
#include "text.h"
#include "view.h"

#define LABEL_W 6       /* " TLB  " */

struct strip {
	int entry_w;
	size_t visible, focus;
};

static void
measure(const struct app *a, const struct rect *r, struct strip *s)
{
	const struct tlb *t = &a->m->tlb;
	uint64_t pages = machine_pages_per_process(a->m);
	unsigned i;
	int owner = snprintf(NULL, 0, "%d", a->m->next_pid > 1 ? a->m->next_pid - 1 : 1) +
	    3 + hex_digits(pages > 0 ? pages - 1 : 0);

	int frame = snprintf(NULL, 0, "%u", a->m->cfg.frames > 0 ? a->m->cfg.frames - 1 : 0);

	s->entry_w = owner + text_width(a->g->arrow) + 1 + frame + 2;
	if (tlb_reach_pages(t) > (uint64_t)(t->n - t->empty))   /* a huge entry: its range */
		s->entry_w += 3 + hex_digits(pages > 0 ? pages - 1 : 0) + 1 + frame;
	s->visible = r->w > LABEL_W ? (size_t)((r->w - LABEL_W) / s->entry_w) : 0;
	s->focus = SIZE_MAX;
	for (i = 0; i < t->n; i++) {
		if (touches_tlb_entry(a, &t->e[i]))
			s->focus = i;
	}
}

static void
draw_entry(const struct app *a, struct pen *p, const struct tlb_entry *e, int w)
{
	bool touched = touches_tlb_entry(a, e);
	enum element el = touched ? touch_element(a) : theme_process(e->pid);
	char buf[64];
	int used;

	if (e->pid == 0)
		snprintf(buf, sizeof buf, "%s", a->g->free);
	else if (e->pages > 1)
		snprintf(buf, sizeof buf, "%d:0x%llx-0x%llx%sf%d-%d", e->pid,
		    (unsigned long long)e->vpn, (unsigned long long)(e->vpn + e->pages - 1),
		    a->g->arrow, e->frame, e->frame + (int)e->pages - 1);
	else
		snprintf(buf, sizeof buf, "%d:0x%llx%sf%d", e->pid,
		    (unsigned long long)e->vpn, a->g->arrow, e->frame);
	used = pen_put(p, el, buf);
	if (touched)
		used += pen_put(p, el, a->g->marker);
	pen_repeat(p, EL_TEXT, " ", w - used);
}

static void
tlb_draw(const struct app *a, const struct rect *r)
{
	const struct tlb *t = &a->m->tlb;
	struct strip s;
	struct pen p;
	size_t top, i;
	bool label_lit;

	measure(a, r, &s);
	label_lit = touches_tlb(a) && s.focus == SIZE_MAX;
	pen_at(&p, a, r, 0, 0);
	pen_put(&p, EL_TEXT, " ");
	pen_put(&p, label_lit ? touch_element(a) : EL_PANEL_TITLE, "TLB");
	pen_put(&p, label_lit ? touch_element(a) : EL_TEXT, label_lit ? a->g->marker : " ");
	pen_put(&p, EL_TEXT, " ");
	if (t->n == 0) {
		pen_put(&p, EL_DIM, "off");
		return;
	}
	top = view_top(a, PANEL_TLB);
	for (i = top; i < t->n && i < top + s.visible; i++)
		draw_entry(a, &p, &t->e[i], s.entry_w);
	if (top > 0 || i < t->n)
		pen_printf(&p, EL_DIM, "%zu-%zu of %u", top, i - 1, t->n);
}

static bool
tlb_click(const struct app *a, const struct rect *r, int y, int x, char *buf, size_t size)
{
	struct strip s;
	size_t i;

	(void)y;
	measure(a, r, &s);
	if (x < r->x + LABEL_W)
		return (false);
	i = view_top(a, PANEL_TLB) + (size_t)((x - r->x - LABEL_W) / s.entry_w);
	if (i >= a->m->tlb.n || (x - r->x - LABEL_W) / s.entry_w >= (int)s.visible)
		return (false);
	explain_tlb(a, (unsigned)i, buf, size);
	return (true);
}

static size_t
tlb_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	struct strip s;

	measure(a, r, &s);
	*visible = s.visible;
	*focus = s.focus;
	return (a->m->tlb.n);
}

const struct view view_tlb = {
	.panel = PANEL_TLB,
	.draw = tlb_draw,
	.click = tlb_click,
	.extent = tlb_extent,
};
