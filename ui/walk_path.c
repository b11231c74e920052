/*
 * walk_path.c - the entries a multi-level walk read, in short lines for
 * the page-table panel (walk_path.h).
 */
#include <stdio.h>

#include "walk_path.h"

size_t
walk_path(unsigned levels, const struct event *shown, size_t n, const struct event **out)
{
	size_t k = 0;

	if (levels < 2)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &shown[i];

		if (e->kind != EV_WALK_TABLE && e->kind != EV_WALK)
			continue;
		if (e->depth == 0)
			k = 0;          /* a walk starts again at the top */
		if (k < LEVELS_MAX)
			out[k++] = e;
	}
	return k;
}

/* Where a PAGE-TABLE WALK's entry led: the page's frame, its slot, or nowhere. */
static void
leaf_target(const struct event *e, char *buf, size_t size)
{
	if (e->perm == 0)
		snprintf(buf, size, "not mapped");
	else if ((e->flags & EVF_PRESENT) && (e->flags & EVF_HUGE))
		snprintf(buf, size, "f%d-%d H", e->frame, e->frame + (int)e->count - 1);
	else if (e->flags & EVF_PRESENT)
		snprintf(buf, size, "f%d", e->frame);
	else if (e->flags & EVF_SWAPPED)
		snprintf(buf, size, "s%d", e->slot);
	else
		snprintf(buf, size, "P=0");
}

const struct event *
walk_step_filled(const struct event *e, const struct event *shown, size_t n)
{
	if (e->perm == 0 || (e->kind == EV_WALK_TABLE && e->frame != NO_FRAME))
		return NULL;    /* not mapped, or a table that was there */
	for (const struct event *x = e + 1; x < shown + n; x++) {
		if (e->kind == EV_WALK_TABLE && x->kind == EV_NEW_TABLE &&
		    x->depth == e->depth + 1)
			return x;
		/* the page's entry: brought in, or pointed at a copy */
		if (e->kind == EV_WALK && x->kind == EV_PTE_UPDATE &&
		    (!(e->flags & EVF_PRESENT) || x->frame != e->frame))
			return x;
	}
	return NULL;
}

void
walk_step_text(const struct event *e, const struct event *filled, const char *arrow,
	       char *buf, size_t size)
{
	char table[16], target[32];

	if (e->table_frame == NO_FRAME)
		snprintf(table, sizeof table, "top");
	else
		snprintf(table, sizeof table, "f%d", e->table_frame);
	if (filled != NULL && filled->kind == EV_NEW_TABLE)
		snprintf(target, sizeof target, "new PT%u f%d", filled->depth + 1, filled->frame);
	else if (filled != NULL)
		snprintf(target, sizeof target, "now f%d", filled->frame);
	else if (e->kind == EV_WALK)
		leaf_target(e, target, sizeof target);
	else if (e->frame != NO_FRAME)
		snprintf(target, sizeof target, "PT%u f%d", e->depth + 2, e->frame);
	else
		snprintf(target, sizeof target, "%s", e->perm ? "empty" : "not mapped");
	snprintf(buf, size, "L%u %s[0x%llx] %s %s", e->depth + 1, table,
		 (unsigned long long)e->index, arrow, target);
}
