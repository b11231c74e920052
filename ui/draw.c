/*
 * draw.c - the pen, boxes and fills: the only place views' text meets
 * curses.  Everything is clipped to its rectangle and sanitised, so no
 * size and no session title can write outside a panel.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "text.h"

void
pen_at(struct pen *p, const struct app *a, const struct rect *r, int row, int col)
{
	p->a = a;
	p->y = r->y + row;
	p->x = r->x + col;
	p->end = r->x + r->w;
	if (row < 0 || row >= r->h)
		p->end = p->x;  /* outside: writes nothing */
}

int
pen_left(const struct pen *p)
{
	return (p->end > p->x ? p->end - p->x : 0);
}

int
pen_put(struct pen *p, enum element el, const char *s)
{
	char buf[1024];
	int used;

	if (pen_left(p) == 0)
		return (0);
	used = text_clip(s, pen_left(p), p->a->g->ascii, buf, sizeof buf);
	attrset(theme_attr(&p->a->theme, el));
	mvaddstr(p->y, p->x, buf);
	p->x += used;
	return (used);
}

int
pen_put_cut(struct pen *p, enum element el, const char *s)
{
	char buf[1024];

	text_cut(s, pen_left(p), p->a->g->more, p->a->g->ascii, buf, sizeof buf);
	return (pen_put(p, el, buf));
}

int
pen_put_heading(struct pen *p, enum element el, const char *s)
{
	const struct glyphs *g = p->a->g;
	char buf[1024];

	text_cut_heading(s, pen_left(p), g->sep, g->more, g->ascii, buf, sizeof buf);
	return (pen_put(p, el, buf));
}

int
pen_printf(struct pen *p, enum element el, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return (pen_put(p, el, buf));
}

void
pen_repeat(struct pen *p, enum element el, const char *s, int n)
{
	char buf[512];
	size_t len = 0, k = strlen(s);

	if (k == 0 || k >= sizeof buf)
		return;
	/* In pieces, so a line of any width is drawn whole. */
	while (n > 0 && pen_left(p) > 0) {
		for (len = 0; n > 0 && len + k < sizeof buf; n--, len += k)
			memcpy(buf + len, s, k);
		buf[len] = '\0';
		pen_put(p, el, buf);
	}
}

void
pen_skip_to(struct pen *p, int x)
{
	if (x > p->x)
		p->x = x < p->end ? x : p->end;
}

struct rect
rect_inner(const struct rect *r)
{
	struct rect in = { r->x + 1, r->y + 1, r->w - 2, r->h - 2 };

	if (in.w < 0 || in.h < 0)
		in.w = in.h = 0;
	return (in);
}

void
draw_box(const struct app *a, const struct rect *r, const char *title)
{
	const struct glyphs *g = a->g;
	struct pen p;
	int row;

	if (r->w < 2 || r->h < 2)
		return;
	pen_at(&p, a, r, 0, 0);
	pen_put(&p, EL_BORDER, g->tl);
	if (title != NULL && r->w > 4) {
		int end = p.end;

		/* Room is kept for a space and the corner after the title. */
		pen_put(&p, EL_BORDER, " ");
		p.end = end - 2;
		pen_put_heading(&p, EL_PANEL_TITLE, title);
		p.end = end;
		pen_put(&p, EL_BORDER, " ");
	}
	pen_repeat(&p, EL_BORDER, g->h, pen_left(&p) - 1);
	pen_put(&p, EL_BORDER, g->tr);
	for (row = 1; row < r->h - 1; row++) {
		pen_at(&p, a, r, row, 0);
		pen_put(&p, EL_BORDER, g->v);
		pen_skip_to(&p, r->x + r->w - 1);
		pen_put(&p, EL_BORDER, g->v);
	}
	pen_at(&p, a, r, r->h - 1, 0);
	pen_put(&p, EL_BORDER, g->bl);
	pen_repeat(&p, EL_BORDER, g->h, r->w - 2);
	pen_put(&p, EL_BORDER, g->br);
}

void
draw_fill(const struct app *a, const struct rect *r, enum element el)
{
	struct pen p;
	int row;

	for (row = 0; row < r->h; row++) {
		pen_at(&p, a, r, row, 0);
		pen_repeat(&p, el, " ", r->w);
	}
}

void
draw_process_heading(const struct app *a, const struct rect *r, const struct process *p)
{
	const struct event *acc = app_access(a);
	enum element el = acc != NULL && acc->pid == p->pid ? EL_LABEL : EL_PANEL_TITLE;
	enum element look = p->pid == a->typed_pid ? EL_SELECTED : el;
	struct pen pen;
	char limit[48], heading[256];

	process_limit_text(a, p, limit, sizeof limit);
	/*
	 * In words, not the pointer (which marks the page an event is on):
	 * where a typed access goes, as the prompt says, and who is accessing;
	 * last, the size of its working set (ws).  Fields that do not fit go
	 * whole.
	 */
	snprintf(heading, sizeof heading, "pid %d %s%s%s%s%s%s%sws %u", p->pid, p->name, limit,
	    el == EL_LABEL ? a->g->sep : "", el == EL_LABEL ? "accessing" : "",
	    p->pid == a->typed_pid ? a->g->sep : "", p->pid == a->typed_pid ? "typing here" : "",
	    a->g->sep, p->ws.size);
	pen_at(&pen, a, &(struct rect){ r->x, r->y - 1, r->w, 1 }, 0, 0);
	pen_put(&pen, look, " ");
	pen.end--;              /* a blank after it too */
	pen_put_heading(&pen, look, heading);
	pen.end++;
	pen_put(&pen, look, " ");
}

void
process_limit_text(const struct app *a, const struct process *p, char *buf, size_t size)
{
	const struct cgroup *g = cgroup_at(a->m, p->cgroup);

	if (!g || (g->owner && g->frames_max == LIMIT_NONE))
		buf[0] = '\0';
	else if (g->owner)
		snprintf(buf, size, "%slimit %u/%u", a->g->sep, p->resident, g->frames_max);
	else    /* a named group: its usage is on the groups' band (groups_bar.c) */
		snprintf(buf, size, "%s%s", a->g->sep, g->name);
}

/*
 * The words that fit in `room` columns, widest first: " 3 above · 2 more ",
 * one of the counts (the one below first), or " +2 "; "" if none does.
 */
static void
scrolled_out_text(const char *sep, size_t above, size_t below, int room, char *buf,
		  size_t size)
{
	buf[0] = '\0';
	if (above > 0 && below > 0)
		snprintf(buf, size, " %zu above%s%zu more ", above, sep, below);
	if (*buf == '\0' || text_width(buf) > room)
		snprintf(buf, size, below > 0 ? " %zu more " : " %zu above ",
		    below > 0 ? below : above);
	if (text_width(buf) > room && above > 0 && below > 0)
		snprintf(buf, size, " %zu above ", above);
	if (text_width(buf) > room && below > 0)
		snprintf(buf, size, " +%zu ", below);
	if (text_width(buf) > room)
		buf[0] = '\0';
}

void
draw_scrolled_out(const struct app *a, const struct rect *r, size_t above, size_t below)
{
	char text[96];
	struct pen p;

	if (above == 0 && below == 0)
		return;
	pen_at(&p, a, r, r->h - 1, 2);
	p.end--;                /* the corner stays */
	scrolled_out_text(a->g->sep, above, below, pen_left(&p), text, sizeof text);
	pen_put(&p, EL_TEXT, text);
}
