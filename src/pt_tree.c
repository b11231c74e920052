/*
 * pt_tree.c - a process's inner page tables, kept in a sorted array
 * (see pt_tree.h).
 */
#include <stdlib.h>
#include <string.h>

#include "pt_tree.h"
#include "xalloc.h"

static int
before(const struct pt_table *t, unsigned depth, uint64_t prefix)
{
	return t->depth < depth || (t->depth == depth && t->prefix < prefix);
}

/* Where a table of this name is or would go. */
static size_t
position(const struct pt_tree *tree, unsigned depth, uint64_t prefix)
{
	size_t lo = 0, hi = tree->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (before(&tree->t[mid], depth, prefix))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct pt_table *
pt_tree_find(const struct pt_tree *tree, unsigned depth, uint64_t prefix)
{
	size_t i = position(tree, depth, prefix);

	if (i < tree->n && tree->t[i].depth == depth && tree->t[i].prefix == prefix)
		return &tree->t[i];
	return NULL;
}

struct pt_table *
pt_tree_add(struct pt_tree *tree, unsigned depth, uint64_t prefix, int frame)
{
	size_t i = position(tree, depth, prefix);

	if (tree->n == tree->cap) {
		tree->cap = tree->cap ? tree->cap * 2 : 4;
		tree->t = xrealloc(tree->t, tree->cap, sizeof *tree->t);
	}
	memmove(&tree->t[i + 1], &tree->t[i], (tree->n - i) * sizeof *tree->t);
	tree->n++;
	tree->t[i] = (struct pt_table){ .depth = depth, .prefix = prefix, .frame = frame };
	return &tree->t[i];
}

void
pt_tree_remove(struct pt_tree *tree, struct pt_table *t)
{
	size_t i = (size_t)(t - tree->t);

	memmove(&tree->t[i], &tree->t[i + 1], (tree->n - i - 1) * sizeof *tree->t);
	tree->n--;
}

const struct pt_table *
pt_tree_in_frame(const struct pt_tree *tree, int f)
{
	for (size_t i = 0; i < tree->n; i++)
		if (tree->t[i].frame == f)
			return &tree->t[i];
	return NULL;
}

void
pt_tree_copy(struct pt_tree *dst, const struct pt_tree *src)
{
	*dst = *src;
	dst->t = src->cap ? xmemdup(src->t, src->cap * sizeof *src->t) : NULL;
}

void
pt_tree_free(struct pt_tree *tree)
{
	free(tree->t);
	memset(tree, 0, sizeof *tree);
}
