/*
 * tlb.c - a fully associative, pid-tagged TLB with LRU replacement.
 *
 * Lookups scan every entry, as a fully associative TLB compares every tag
 * at once; TLBs have tens of entries, so the scan is cheap.  The filled
 * entries are also linked in the order they were used (a circle through
 * the anchor e[n]: its `newer` is the least recently used), so a fill
 * finds its victim without a scan, and a mark per frame lets an eviction
 * whose page is not in the TLB (nearly all of them) skip the scan too.
 * TLB_ENTRIES_MAX (1024) entries fit the 16-bit count per frame.
 */
#include <stdlib.h>
#include <string.h>

#include "tlb.h"
#include "xalloc.h"

int
tlb_init(struct tlb *t, unsigned entries, unsigned frames)
{
	t->n = entries;
	t->e = xcalloc(entries + 1, sizeof *t->e);
	t->e[entries].older = t->e[entries].newer = entries;
	t->empty = entries;
	t->frames = frames;
	t->mapped = entries ? xcalloc(frames, sizeof *t->mapped) : NULL;
	return 0;
}

int
tlb_copy(struct tlb *dst, const struct tlb *src)
{
	*dst = *src;
	dst->e = xmemdup(src->e, (src->n + 1) * sizeof *src->e);
	if (src->mapped)
		dst->mapped = xmemdup(src->mapped, src->frames * sizeof *src->mapped);
	return 0;
}

void
tlb_free(struct tlb *t)
{
	free(t->e);
	free(t->mapped);
	memset(t, 0, sizeof *t);
}

static void
unlink_entry(struct tlb *t, unsigned i)
{
	t->e[t->e[i].older].newer = t->e[i].newer;
	t->e[t->e[i].newer].older = t->e[i].older;
}

/* Makes entry i the most recently used. */
static void
link_newest(struct tlb *t, unsigned i)
{
	unsigned anchor = t->n, newest = t->e[anchor].older;

	t->e[i].older = newest;
	t->e[i].newer = anchor;
	t->e[newest].newer = i;
	t->e[anchor].older = i;
}

int
tlb_used(struct tlb *t, unsigned i)
{
	if (t->e[t->n].older != i) {    /* not already the newest */
		unlink_entry(t, i);
		link_newest(t, i);
	}
	return (int)i;
}

int
tlb_lookup_span(struct tlb *t, int pid, uint64_t vpn)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].pid == pid && vpn - t->e[i].vpn < t->e[i].pages)
			return tlb_used(t, i);
	return -1;
}

/* Empties entry i, which is filled. */
static void
clear_entry(struct tlb *t, unsigned i)
{
	unlink_entry(t, i);
	t->mapped[t->e[i].frame]--;
	t->huge -= t->e[i].pages > 1;
	t->e[i].pid = 0;
	t->empty++;
}

/* The first empty entry (some is); out of line: a full TLB never asks. */
static __attribute__((noinline)) unsigned
first_empty(const struct tlb *t)
{
	unsigned i = 0;

	while (t->e[i].pid)
		i++;
	return i;
}

int
tlb_fill_span(struct tlb *t, int pid, uint64_t vpn, uint32_t pages, int frame,
	      unsigned perm, struct tlb_entry *replaced)
{
	/* The first empty entry, else the least recently used one. */
	unsigned i = t->empty ? first_empty(t) : t->e[t->n].newer;
	struct tlb_entry *e = &t->e[i];

	*replaced = *e;
	if (e->pid) {     /* clear_entry, but the entry is refilled at once */
		unlink_entry(t, i);
		t->mapped[e->frame]--;
		t->huge -= e->pages > 1;
	} else
		t->empty--;
	/* (older and newer: link_newest below) */
	e->pid = pid;
	e->pages = pages;
	e->vpn = vpn;
	e->frame = frame;
	e->perm = perm;
	t->mapped[frame]++;
	t->huge += pages > 1;
	link_newest(t, i);
	return (int)i;
}

void
tlb_remove_mapped_frame(struct tlb *t, int f)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].pid && t->e[i].frame == f)
			clear_entry(t, i);
}

void
tlb_remove_mapped_page(struct tlb *t, int pid, uint64_t vpn)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].pid == pid && t->e[i].vpn == vpn)
			clear_entry(t, i);
}

unsigned
tlb_flush(struct tlb *t, int pid)
{
	unsigned gone = 0;

	for (unsigned i = 0; i < t->n; i++) {
		if (t->e[i].pid && (!pid || t->e[i].pid == pid)) {
			clear_entry(t, i);
			gone++;
		}
	}
	return gone;
}

uint64_t
tlb_reach_pages(const struct tlb *t)
{
	uint64_t pages = 0;

	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].pid)
			pages += t->e[i].pages;
	return pages;
}
