/*
 * page_walk.h - the upkeep of a multi-level page table: which tables a
 * page's path lacks, making a table in a frame, counting the entries in
 * use, and freeing tables left with none.
 *
 * A table below the top fills a frame that holds a page-table page
 * (HOLDS_PAGE_TABLE, its mapping the process and the first page it
 * covers); such a frame is never a victim and never swapped.  A table is
 * made when a page under it is first touched and freed when unmap or exit
 * leaves it with no entry in use.  With one level there is no table below
 * the top, and none of this does anything.
 */
#ifndef VMSCOPE_PAGE_WALK_H
#define VMSCOPE_PAGE_WALK_H

#include "machine.h"

/* The table at depth d (1 .. levels - 1) on vpn's path, or NULL. */
static inline struct pt_table *
walk_table(const struct machine *m, const struct process *p, unsigned d, uint64_t vpn)
{
	return pt_tree_find(&p->tables, d, vpn >> m->split.shift[d - 1]);
}

/* The first page under the table at depth d with this prefix. */
static inline uint64_t
walk_table_first_vpn(const struct machine *m, unsigned d, uint64_t prefix)
{
	return prefix << m->split.shift[d - 1];
}

/* The table that frame f holds, or NULL if it holds none. */
static inline const struct pt_table *
walk_table_in_frame(const struct machine *m, int f)
{
	const struct rmap *r = frame_rmap(m, f);
	const struct process *p = r->holds == HOLDS_PAGE_TABLE ? machine_process(m, r->pid) : NULL;

	return p ? pt_tree_in_frame(&p->tables, f) : NULL;
}

/*
 * The depth of the table holding vpn's PTE: the last level's (levels - 1),
 * or one up for a page of a huge mapping, whose entry is a leaf there.
 */
static inline unsigned
walk_leaf_depth(const struct machine *m, const struct process *p, uint64_t vpn)
{
	const struct region *r = process_region(p, vpn);

	return m->cfg.levels - 1 - (r && r->huge);
}

/*
 * One entry in use in a process's page-table tree, as a view of the whole
 * tree lists it (walk_tree): entry `index` of the table at `depth` (0: the
 * top), covering pages from `vpn`, which points to the table below
 * (`table`, in its frame) or is a page's PTE (`pte`; at depth levels - 2
 * a huge page's).
 */
struct walk_node {
	unsigned depth;
	uint64_t index;
	uint64_t vpn;
	const struct pt_table *table;   /* the table it points to, or NULL */
	const struct pte *pte;          /* the entry it is, or NULL */
};

/*
 * Fills out[] (room for p->tables.n + p->pt.count) with every entry in
 * use in p's tree, depth first in address order, each table's entry just
 * before the entries of that table; returns how many.  Valid until p's
 * table changes.
 */
size_t walk_tree(const struct machine *m, const struct process *p, struct walk_node *out);

/* Makes the table at depth d on vpn's path in free frame f. */
void walk_make_table(struct machine *m, struct process *p, unsigned d, uint64_t vpn, int f);

/* A PTE was made for vpn: its last-level table has one more entry in use. */
void walk_entry_made(struct machine *m, struct process *p, uint64_t vpn);
/* vpn's PTE was removed: one entry fewer. */
void walk_entry_gone(struct machine *m, struct process *p, uint64_t vpn);

/* Frees the tables over [first, first + n) that hold no entry; returns how many. */
unsigned walk_free_empty(struct machine *m, struct process *p, uint64_t first, uint64_t n);
/* Frees every table of p (it exits); returns how many. */
unsigned walk_free_all(struct machine *m, struct process *p);

#endif
