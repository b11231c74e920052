/*
 * working_set.c - the window of a process's last tau accesses and the
 * count of distinct pages in it (see working_set.h).
 */
#include <stdlib.h>
#include <string.h>

#include "working_set.h"
#include "xalloc.h"

static void
drop_reference(struct working_set *ws, struct page_table *pt, uint64_t vpn)
{
	struct pte *e = vpn == WS_GONE ? NULL : page_table_find(pt, vpn);

	if (e && --e->window_refs == 0)
		ws->size--;
}

void
working_set_grow(struct working_set *ws, unsigned tau)
{
	ws->cap = ws->cap ? (ws->cap * 2 < tau ? ws->cap * 2 : tau) : 1;
	ws->window = xrealloc(ws->window, ws->cap, sizeof *ws->window);
}

void
working_set_touch(struct working_set *ws, struct page_table *pt, unsigned tau,
		  struct pte *e)
{
	uint64_t left = working_set_push(ws, tau, e->vpn);

	/* The same page leaving and coming back changes no count: with
	 * locality, often so, and then no entry is looked up. */
	if (left == e->vpn)
		return;
	drop_reference(ws, pt, left);
	if (e->window_refs++ == 0)
		ws->size++;
}

void
working_set_recount(struct working_set *ws, struct page_table *pt)
{
	PAGE_TABLE_FOREACH(pt, e)
		e->window_refs = 0;
	ws->size = 0;
	for (unsigned i = 0; i < ws->len; i++) {
		struct pte *e = ws->window[i] == WS_GONE ? NULL
						     : page_table_find(pt, ws->window[i]);

		if (e && e->window_refs++ == 0)
			ws->size++;
	}
}

void
working_set_forget(struct working_set *ws, struct page_table *pt, uint64_t first,
		   uint64_t n)
{
	for (unsigned i = 0; i < ws->len; i++) {
		struct pte *e;

		if (ws->window[i] == WS_GONE || ws->window[i] - first >= n)
			continue;
		e = page_table_find(pt, ws->window[i]);
		if (e && e->window_refs) {
			e->window_refs = 0;
			ws->size--;
		}
		ws->window[i] = WS_GONE;
	}
}

uint64_t
working_set_age(const struct working_set *ws, uint64_t vpn)
{
	/* Full, the ring's newest entry is just before its oldest. */
	unsigned newest = ws->len == 0 ? 0 : ws->oldest ? ws->oldest - 1 : ws->len - 1;

	for (unsigned age = 0; age < ws->len; age++) {
		if (ws->window[newest] == vpn)
			return age;
		newest = newest ? newest - 1 : ws->len - 1;
	}
	return UINT64_MAX;
}

void
working_set_copy(struct working_set *dst, const struct working_set *src)
{
	*dst = *src;
	dst->window = src->cap ? xmemdup(src->window, src->cap * sizeof *src->window) : NULL;
}

void
working_set_free(struct working_set *ws)
{
	free(ws->window);
	memset(ws, 0, sizeof *ws);
}
