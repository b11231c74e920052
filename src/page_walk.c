/*
 * page_walk.c - making, counting and freeing the tables of a multi-level
 * page table (see page_walk.h).
 */
#include <stdlib.h>

#include "page_walk.h"
#include "xalloc.h"

void
walk_make_table(struct machine *m, struct process *p, unsigned d, uint64_t vpn, int f)
{
	uint64_t prefix = vpn >> m->split.shift[d - 1];

	pt_tree_add(&p->tables, d, prefix, f);
	if (d > 1)
		walk_table(m, p, d - 1, vpn)->used++;
	frame_load(&m->frames[f], HOLDS_PAGE_TABLE,
		   (struct mapping){ p->pid, walk_table_first_vpn(m, d, prefix) }, m->step, 0);
	m->free_frames--;
	m->table_frames++;
	p->table_frames++;
}

/* The table holding vpn's PTE (a huge page's is one level up), or NULL: the top's. */
static struct pt_table *
leaf_table(const struct machine *m, const struct process *p, uint64_t vpn)
{
	unsigned d = m->cfg.levels > 1 ? walk_leaf_depth(m, p, vpn) : 0;

	return d ? walk_table(m, p, d, vpn) : NULL;
}

void
walk_entry_made(struct machine *m, struct process *p, uint64_t vpn)
{
	struct pt_table *t = leaf_table(m, p, vpn);

	if (t)
		t->used++;
}

void
walk_entry_gone(struct machine *m, struct process *p, uint64_t vpn)
{
	struct pt_table *t = leaf_table(m, p, vpn);

	if (t)
		t->used--;
}

/* Gives back table t's frame; its parent has one entry fewer. */
static void
free_table(struct machine *m, struct process *p, struct pt_table *t)
{
	unsigned d = t->depth;
	uint64_t first = walk_table_first_vpn(m, d, t->prefix);

	rmap_clear(&m->rmap, &m->frames[t->frame].rmap);
	m->free_frames++;
	m->table_frames--;
	p->table_frames--;
	pt_tree_remove(&p->tables, t);
	if (d > 1)
		walk_table(m, p, d - 1, first)->used--;
}

unsigned
walk_free_empty(struct machine *m, struct process *p, uint64_t first, uint64_t n)
{
	unsigned freed = 0;

	/* Deepest first, so a parent emptied by its children goes too. */
	for (unsigned d = m->cfg.levels; d-- > 1;) {
		unsigned shift = m->split.shift[d - 1];
		uint64_t lo = first >> shift, hi = (first + n - 1) >> shift;

		for (size_t i = 0; i < p->tables.n;) {
			struct pt_table *t = &p->tables.t[i];

			if (t->depth == d && t->used == 0 && t->prefix >= lo && t->prefix <= hi) {
				free_table(m, p, t);
				freed++;
			} else
				i++;
		}
	}
	return freed;
}

unsigned
walk_free_all(struct machine *m, struct process *p)
{
	unsigned freed = (unsigned)p->tables.n;

	for (size_t i = 0; i < p->tables.n; i++)
		rmap_clear(&m->rmap, &m->frames[p->tables.t[i].frame].rmap);
	m->free_frames += freed;
	m->table_frames -= freed;
	p->table_frames = 0;
	pt_tree_free(&p->tables);
	return freed;
}

/* Depth first: by the first page covered, a table's entry before its own. */
static int
node_order(const void *x, const void *y)
{
	const struct walk_node *a = x, *b = y;

	if (a->vpn != b->vpn)
		return a->vpn < b->vpn ? -1 : 1;
	return (a->depth > b->depth) - (a->depth < b->depth);
}

size_t
walk_tree(const struct machine *m, const struct process *p, struct walk_node *out)
{
	uint64_t *vpns = xcalloc(p->pt.count + 1, sizeof *vpns);
	size_t n = 0, pages = page_table_sorted_vpns(&p->pt, vpns, p->pt.count);

	for (size_t i = 0; i < p->tables.n; i++) {
		const struct pt_table *t = &p->tables.t[i];
		uint64_t first = walk_table_first_vpn(m, t->depth, t->prefix);

		out[n++] = (struct walk_node){ .depth = t->depth - 1, .vpn = first, .table = t,
			.index = va_split_index(&m->split, t->depth - 1, first) };
	}
	for (size_t i = 0; i < pages; i++) {
		unsigned d = walk_leaf_depth(m, p, vpns[i]);

		out[n++] = (struct walk_node){ .depth = d, .vpn = vpns[i],
			.index = va_split_index(&m->split, d, vpns[i]),
			.pte = page_table_find(&p->pt, vpns[i]) };
	}
	free(vpns);
	qsort(out, n, sizeof *out, node_order);
	return n;
}
