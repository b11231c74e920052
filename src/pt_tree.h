/*
 * pt_tree.h - the inner tables of one process's multi-level page table.
 *
 * The top table lives with the process (as the one flat table always has);
 * every table below it fills one page and takes a frame.  A table is
 * named by its depth (1 just below the top, levels - 1 the last, whose
 * entries are the pages' PTEs) and its prefix: the page number's indices
 * above it, vpn >> shift[depth - 1].  Only tables that exist are kept, in
 * a sorted array, so a sparse 48-bit space costs memory in proportion to
 * the tables made.  (The PTEs themselves stay in the page table's hash.)
 */
#ifndef VMSCOPE_PT_TREE_H
#define VMSCOPE_PT_TREE_H

#include <stddef.h>
#include <stdint.h>

struct pt_table {
	unsigned depth;     /* 1 .. levels - 1 */
	uint64_t prefix;    /* the indices above it */
	int frame;          /* the frame it fills */
	unsigned used;      /* entries in use: tables below it, or pages' PTEs */
};

struct pt_tree {
	struct pt_table *t; /* sorted by depth, then prefix */
	size_t n, cap;
};

/* The table at depth d with this prefix, or NULL. */
struct pt_table *pt_tree_find(const struct pt_tree *tree, unsigned depth, uint64_t prefix);
/* Adds a table (not there yet) with no entry used; returns it. */
struct pt_table *pt_tree_add(struct pt_tree *tree, unsigned depth, uint64_t prefix, int frame);
/* Removes a table of the tree; pointers into the tree are stale after it. */
void pt_tree_remove(struct pt_tree *tree, struct pt_table *t);
/* The table in frame f, or NULL. */
const struct pt_table *pt_tree_in_frame(const struct pt_tree *tree, int f);

void pt_tree_copy(struct pt_tree *dst, const struct pt_tree *src);
void pt_tree_free(struct pt_tree *tree);

#endif
