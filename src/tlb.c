/*
 * tlb.c - a fully associative, pid-tagged TLB with LRU replacement.
 *
 * Lookups scan every entry, as a fully associative TLB compares every tag
 * at once; TLBs have tens of entries, so the scan is cheap.
 */
#include <stdlib.h>
#include <string.h>

#include "tlb.h"
#include "xalloc.h"

int
tlb_init(struct tlb *t, unsigned entries)
{
	t->n = entries;
	t->e = entries ? xcalloc(entries, sizeof *t->e) : NULL;
	t->clock = 0;
	return 0;
}

int
tlb_copy(struct tlb *dst, const struct tlb *src)
{
	*dst = *src;
	if (src->n)
		dst->e = xmemdup(src->e, src->n * sizeof *src->e);
	return 0;
}

void
tlb_free(struct tlb *t)
{
	free(t->e);
	memset(t, 0, sizeof *t);
}

int
tlb_lookup(struct tlb *t, int pid, uint64_t vpn)
{
	for (unsigned i = 0; i < t->n; i++) {
		if (t->e[i].pid == pid && t->e[i].vpn == vpn) {
			t->e[i].last_used = ++t->clock;
			return (int)i;
		}
	}
	return -1;
}

/* An empty entry, else the least recently used one. */
static unsigned
tlb_room(const struct tlb *t)
{
	unsigned best = 0;

	for (unsigned i = 0; i < t->n; i++) {
		if (!t->e[i].pid)
			return i;
		if (t->e[i].last_used < t->e[best].last_used)
			best = i;
	}
	return best;
}

int
tlb_fill(struct tlb *t, int pid, uint64_t vpn, int frame, unsigned perm,
	 struct tlb_entry *replaced)
{
	unsigned i = tlb_room(t);

	*replaced = t->e[i];
	t->e[i] = (struct tlb_entry){ .pid = pid, .vpn = vpn, .frame = frame,
		.perm = perm, .last_used = ++t->clock };
	return (int)i;
}

void
tlb_remove(struct tlb *t, int pid, uint64_t vpn)
{
	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].pid == pid && t->e[i].vpn == vpn)
			t->e[i].pid = 0;
}

unsigned
tlb_flush(struct tlb *t, int pid)
{
	unsigned gone = 0;

	for (unsigned i = 0; i < t->n; i++) {
		if (t->e[i].pid && (!pid || t->e[i].pid == pid)) {
			t->e[i].pid = 0;
			gone++;
		}
	}
	return gone;
}
