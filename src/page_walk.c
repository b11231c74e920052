/*
 * page_walk.c - making, counting and freeing the tables of a multi-level
 * page table (see page_walk.h).
 */
#include "page_walk.h"

void
walk_make_table(struct machine *m, struct process *p, unsigned d, uint64_t vpn, int f)
{
	uint64_t prefix = vpn >> m->split.shift[d - 1];

	pt_tree_add(&p->tables, d, prefix, f);
	if (d > 1)
		walk_table(m, p, d - 1, vpn)->used++;
	m->frames[f] = (struct frame){
		.rmap = rmap_single(HOLDS_PAGE_TABLE, (struct mapping){ p->pid,
			walk_table_first_vpn(m, d, prefix) }),
		.loaded_step = m->step, .last_used_step = m->step };
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
