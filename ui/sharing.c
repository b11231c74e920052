/*
 * sharing.c - copy-on-write and shared pages, frames and slots, as the
 * panels mark them and a click explains them.
 */
#include <stdio.h>

#include "sharing.h"

enum sharing
pte_sharing(const struct machine *m, const struct pte *e)
{
	if (e->cow)
		return (SHARING_COW);
	if (e->shared && pte_mappings(m, e) > 1)
		return (SHARING_SHARED);
	return (SHARING_NONE);
}

enum sharing
rmap_sharing(const struct machine *m, const struct rmap *r)
{
	enum sharing s = SHARING_NONE, each;

	if (r->holds != HOLDS_DATA)
		return (SHARING_NONE);
	RMAP_FOREACH(&m->rmap, r, it) {
		const struct pte *e = mapping_pte(m, it.map);

		if (e == NULL)
			continue;
		each = pte_sharing(m, e);
		if (each == SHARING_COW)
			return (SHARING_COW);
		if (each == SHARING_SHARED)
			s = SHARING_SHARED;
	}
	return (s);
}

enum element
sharing_element(enum sharing s, enum element plain)
{
	return (s == SHARING_COW ? EL_COW : s == SHARING_SHARED ? EL_SHARED : plain);
}

const char *
sharing_glyph(const struct glyphs *g, enum sharing s, bool in_frame)
{
	if (s == SHARING_COW)
		return (in_frame ? g->cow : g->cow_swapped);
	if (s == SHARING_SHARED)
		return (in_frame ? g->shared : g->shared_swapped);
	return (NULL);
}

void
sharing_page_text(const struct machine *m, const struct pte *e, char *buf, size_t size)
{
	unsigned n = pte_mappings(m, e);

	if (e->cow && n > 1)
		snprintf(buf, size, ", copy-on-write, shared by %u page tables (a write copies "
		    "it)", n);
	else if (e->cow)
		snprintf(buf, size, ", copy-on-write, but no other page table maps it any "
		    "more (a write makes it writable, no copy)");
	else if (e->shared && n > 1)
		snprintf(buf, size, ", a shared mapping, mapped by %u page tables (a write is "
		    "seen by all)", n);
	else if (size > 0)
		buf[0] = '\0';
}

void
sharing_rmap_text(const struct machine *m, const struct rmap *r, char *buf, size_t size)
{
	enum sharing s = rmap_sharing(m, r);

	if (s == SHARING_COW && r->count == 1)
		snprintf(buf, size, ", copy-on-write but no longer shared (a write will "
		    "not copy it)");
	else
		snprintf(buf, size, "%s", s == SHARING_COW ? ", copy-on-write" :
		    s == SHARING_SHARED ? ", a shared mapping" : "");
}
