/*
 * tree_view.c - the page-table panel on key L: the whole tree of the
 * shown process, not only the path walked.  A line for the top table
 * (which lives with the process, in no frame), then every entry in use,
 * depth first, indented by its level: an entry that points to a table
 * names it as the frames panel does, and its frame and the pages under it
 * ("[0x18] → PT2 f0 0x300-0x3ff"); a page's entry says where the page is,
 * then which page ("[0x8] → f1 0x308"; s3 in swap, - nowhere; a huge
 * page's "[0x1] → f8-11 H 0x4-0x7").  The entries the walk shown so far has read are
 * lit.  It scrolls (PgUp/PgDn) when the tree is longer than the panel;
 * it asks for the width of its longest line (tree_width), and a line the
 * panel is too narrow for drops the pages it covers whole, never cutting
 * a number.
 * The rows are the engine's (walk_tree); nothing here decides.
 */
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "page_walk.h"
#include "text.h"
#include "view.h"
#include "walk_path.h"
#include "xalloc.h"

struct tree {
	const struct process *p;
	struct walk_node *nodes;
	size_t n, focus;
	struct rect box;        /* inside the box: row 0 holds the top table's line */
	struct rect in;         /* below it, the entries */
};

/* Whether the walk shown so far read entry x of p's tree. */
static bool
walked(const struct app *a, const struct process *p, const struct walk_node *x)
{
	const struct event *path[LEVELS_MAX], *acc = app_access(a);
	size_t shown = a->anim.ev < a->events.n ? a->anim.ev : a->events.n;
	size_t n = walk_path(a->m->cfg.levels, a->events.ev, shown, path);
	uint64_t span = va_split_entry_pages(&a->m->split, x->depth);

	for (size_t i = 0; acc != NULL && acc->pid == p->pid && i < n; i++)
		if (path[i]->depth == x->depth && (acc->vpn & ~(span - 1)) == x->vpn)
			return true;
	return false;
}

static void
tree_open(struct tree *t, const struct app *a, const struct rect *r)
{
	t->p = app_process(a);
	t->n = 0;
	t->focus = SIZE_MAX;
	t->nodes = NULL;
	t->box = rect_inner(r);
	t->in = (struct rect){ t->box.x, t->box.y + 1, t->box.w, t->box.h > 1 ? t->box.h - 1 : 0 };
	if (t->p == NULL)
		return;
	t->nodes = xcalloc(t->p->tables.n + t->p->pt.count + 1, sizeof *t->nodes);
	t->n = walk_tree(a->m, t->p, t->nodes);
	for (size_t i = 0; i < t->n; i++)
		if (walked(a, t->p, &t->nodes[i]))
			t->focus = i;
}

static size_t
tree_top(const struct app *a, const struct tree *t)
{
	return scroll_top(t->n, (size_t)t->in.h, t->focus, a->scroll[PANEL_PAGE_TABLE]);
}

/* Where a page's entry says the page is: its frame (a huge page's run), slot, or nowhere. */
static void
page_target(const struct app *a, const struct walk_node *x, char *buf, size_t size)
{
	const struct pte *e = x->pte;
	uint64_t pages = va_split_entry_pages(&a->m->split, x->depth);

	if (e->present && pages > 1)
		snprintf(buf, size, "f%d-%d H", e->frame, e->frame + (int)pages - 1);
	else if (e->present)
		snprintf(buf, size, "f%d", e->frame);
	else if (e->slot >= 0)
		snprintf(buf, size, "s%d", e->slot);
	else
		snprintf(buf, size, "-");
}

/*
 * A node's line in two parts: where it leads, "[0x18] → PT2 f0" or
 * "[0x8] → f1", and what it covers, " 0x300-0x3ff" or " 0x308".
 */
static void
node_text(const struct app *a, const struct walk_node *x, char *head, size_t hsize,
	  char *pages, size_t psize)
{
	uint64_t last = x->vpn + va_split_entry_pages(&a->m->split, x->depth) - 1;
	char target[32];

	if (x->table)
		snprintf(target, sizeof target, "PT%u f%d", x->table->depth + 1, x->table->frame);
	else
		page_target(a, x, target, sizeof target);
	snprintf(head, hsize, "[0x%llx] %s %s", (unsigned long long)x->index, a->g->arrow,
	    target);
	if (last > x->vpn)
		snprintf(pages, psize, " 0x%llx-0x%llx", (unsigned long long)x->vpn,
		    (unsigned long long)last);
	else
		snprintf(pages, psize, " 0x%llx", (unsigned long long)x->vpn);
}

/* A level's indent: two columns, or one in a narrow panel. */
static int
indent(int width, unsigned depth)
{
	return ((width >= 40 ? 2 : 1) * (int)depth);
}

/* Columns a node's whole line takes, its pointer and two-column indent included. */
static int
node_width(const struct app *a, const struct walk_node *x)
{
	char head[64], pages[48];

	node_text(a, x, head, sizeof head, pages, sizeof pages);
	return (1 + indent(40, x->depth) + text_width(head) + text_width(pages));
}

/*
 * The node's line; when the pages it covers do not fit whole, they give
 * way to an ellipsis: a number is never cut.
 */
static void
draw_node(const struct app *a, const struct tree *t, int row, size_t i)
{
	const struct walk_node *x = &t->nodes[i];
	bool lit = walked(a, t->p, x);
	enum element el = lit ? touch_element(a) : x->table ? EL_LABEL : EL_TEXT;
	char head[64], pages[48];
	struct pen p;

	node_text(a, x, head, sizeof head, pages, sizeof pages);
	pen_at(&p, a, &t->in, row, 0);
	pen_put(&p, lit ? el : EL_TEXT, lit ? a->g->pointer : " ");
	pen_repeat(&p, EL_TEXT, " ", indent(t->in.w, x->depth));
	if (text_width(head) + text_width(pages) <= pen_left(&p)) {
		pen_put(&p, el, head);
		pen_put(&p, el, pages);
	} else if (text_width(head) + 1 + text_width(a->g->more) <= pen_left(&p)) {
		pen_put(&p, el, head);
		pen_put(&p, el, " ");
		pen_put(&p, el, a->g->more);
	} else
		pen_put_cut(&p, el, head);
}

int
tree_width(const struct app *a)
{
	const struct process *p = app_process(a);
	struct walk_node *nodes;
	int w = 0;
	size_t n;

	if (p == NULL || a->m->cfg.levels < 2)
		return (0);
	nodes = xcalloc(p->tables.n + p->pt.count + 1, sizeof *nodes);
	n = walk_tree(a->m, p, nodes);
	for (size_t i = 0; i < n; i++) {
		int k = node_width(a, &nodes[i]);

		w = k > w ? k : w;
	}
	free(nodes);
	return (w + 2);      /* the box's sides */
}

void
tree_draw(const struct app *a, const struct rect *r)
{
	struct tree t;
	char title[96];
	struct pen p;
	size_t top;

	tree_open(&t, a, r);
	if (t.p == NULL) {
		draw_box(a, r, "page-table tree");
		return;
	}
	snprintf(title, sizeof title, "table tree%spid %d", a->g->sep, t.p->pid);
	draw_box(a, r, title);
	pen_at(&p, a, &t.box, 0, 1);
	pen_put(&p, EL_HEADER, "top table (no frame)");
	top = tree_top(a, &t);
	for (size_t i = 0; (int)i < t.in.h && top + i < t.n; i++)
		draw_node(a, &t, (int)i, top + i);
	draw_scrolled_out(a, r, top, t.n > top + (size_t)t.in.h ? t.n - top - (size_t)t.in.h : 0);
	free(t.nodes);
}

bool
tree_click(const struct app *a, const struct rect *r, int y, int x, char *buf, size_t size)
{
	struct tree t;
	size_t row;
	bool ok = false;

	tree_open(&t, a, r);
	if (t.p != NULL && rect_contains(&t.in, y, x)) {
		row = tree_top(a, &t) + (size_t)(y - t.in.y);
		if (row < t.n && t.nodes[row].table)
			explain_frame(a, t.nodes[row].table->frame, buf, size);
		else if (row < t.n)
			explain_page(a, t.p, t.nodes[row].vpn, buf, size);
		ok = row < t.n;
	}
	free(t.nodes);
	return (ok);
}

size_t
tree_extent(const struct app *a, const struct rect *r, size_t *visible, size_t *focus)
{
	struct tree t;

	tree_open(&t, a, r);
	*visible = (size_t)t.in.h;
	*focus = t.focus;
	free(t.nodes);
	return (t.n);
}
