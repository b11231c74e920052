/*
 * tlb.h - a fully associative TLB with LRU replacement.
 *
 * Entries are tagged with the pid, so switching processes does not flush
 * it; an exiting process's entries are removed, and so are the entries of
 * a page when its frame is taken away.
 */
#ifndef VMSCOPE_TLB_H
#define VMSCOPE_TLB_H

#include <stdbool.h>
#include <stdint.h>

struct tlb_entry {
	int pid;                /* 0: empty */
	uint32_t pages;         /* pages it covers: 1, or a huge page's (at most
				 * a table's entries: beside pid, the entry
				 * stays 32 bytes) */
	uint64_t vpn;           /* the first page it covers */
	int frame;              /* the frame of its first page (a huge page's
				 * pages are in the frames that follow) */
	unsigned perm;
	unsigned older, newer;  /* the use order of filled entries; see tlb.c */
};

struct tlb {
	unsigned n;             /* entries; 0 means there is no TLB */
	struct tlb_entry *e;    /* n entries, then the use order's anchor */
	unsigned empty;         /* how many entries are empty */
	unsigned huge;          /* how many cover a huge page (more than one page) */
	unsigned frames;
	uint16_t *mapped;       /* by frame: how many entries map it (NULL if n is 0);
				 * a shared frame may be in several */
};

/* A TLB of `entries` entries for a machine of `frames` frames. */
int tlb_init(struct tlb *t, unsigned entries, unsigned frames);
int tlb_copy(struct tlb *dst, const struct tlb *src);
void tlb_free(struct tlb *t);

/* Entry i was used: it becomes the newest.  Returns i. */
int tlb_used(struct tlb *t, unsigned i);
/* tlb_lookup while some entry covers a huge page: by range. */
int tlb_lookup_span(struct tlb *t, int pid, uint64_t vpn);

/*
 * Index of the entry covering (pid, vpn), touched as used; -1 on a miss.
 * (Inline: every access asks, and nearly all miss, so the scan is all.)
 */
static inline int
tlb_lookup(struct tlb *t, int pid, uint64_t vpn)
{
	/* Every entry one page (the common case): by page number alone. */
	if (t->huge)
		return tlb_lookup_span(t, pid, vpn);
	for (unsigned i = 0; i < t->n; i++)
		if (t->e[i].vpn == vpn && t->e[i].pid == pid)    /* the rarer match first */
			return tlb_used(t, i);
	return -1;
}

/*
 * Installs (pid, vpn) -> frame, covering `pages` pages from vpn (a huge
 * page's, or 1), in the first empty entry or in place of the least
 * recently used one; *replaced gets the old entry (pid 0 if it was
 * empty).  Returns the index used.
 */
int tlb_fill_span(struct tlb *t, int pid, uint64_t vpn, uint32_t pages, int frame,
		  unsigned perm, struct tlb_entry *replaced);

/* The same for one page. */
static inline int
tlb_fill(struct tlb *t, int pid, uint64_t vpn, int frame, unsigned perm,
	 struct tlb_entry *replaced)
{
	return tlb_fill_span(t, pid, vpn, 1, frame, perm, replaced);
}

/* The pages the filled entries cover together (times the page size: its reach). */
uint64_t tlb_reach_pages(const struct tlb *t);

/* tlb_remove_frame and tlb_remove_page once some entry maps frame f. */
void tlb_remove_mapped_frame(struct tlb *t, int f);
void tlb_remove_mapped_page(struct tlb *t, int pid, uint64_t vpn);

/*
 * Removes every entry that maps frame f.  (Inline: every eviction asks,
 * and nearly every time no entry maps the frame.)
 */
static inline void
tlb_remove_frame(struct tlb *t, int f)
{
	if (t->n && t->mapped[f])
		tlb_remove_mapped_frame(t, f);
}

/* Removes the entry for (pid, vpn), which maps frame f, if there is one. */
static inline void
tlb_remove_page(struct tlb *t, int pid, uint64_t vpn, int f)
{
	if (t->n && t->mapped[f])
		tlb_remove_mapped_page(t, pid, vpn);
}
/* Removes a process's entries, or all if pid is 0; returns how many went. */
unsigned tlb_flush(struct tlb *t, int pid);

#endif
