/*
 * working_set.h - a process's working set W(t, tau): the distinct pages
 * it touched in its own last tau accesses (Denning).
 *
 * An access counts when it reaches its page (the ACCESS event); one that
 * is refused (segmentation or protection fault, out of memory) touches no
 * page.  The window keeps the last tau page numbers in a ring, and each
 * page's entry counts how often it appears there, so the size is kept up
 * to date in constant time per access.  A page unmapped leaves the set at
 * once; its past references stay in the window as gaps, so the window is
 * still the last tau accesses.
 */
#ifndef VMSCOPE_WORKING_SET_H
#define VMSCOPE_WORKING_SET_H

#include <stdint.h>

#include "page_table.h"

struct working_set {
	uint64_t *window;   /* a ring of page numbers, WS_GONE where unmapped */
	unsigned cap;       /* slots allocated: grows to tau */
	unsigned len;       /* accesses held, at most tau */
	unsigned oldest;    /* once full, where the oldest one is */
	unsigned size;      /* |W(t, tau)| */
};

#define WS_GONE UINT64_MAX

/* Records an access to page e (its entry in pt) by a process. */
void working_set_touch(struct working_set *ws, struct page_table *pt, unsigned tau,
		       struct pte *e);

/* Makes room for the window to hold more accesses, up to tau (for working_set_push). */
void working_set_grow(struct working_set *ws, unsigned tau);

/*
 * Puts vpn in the window; returns the page number that left it to make
 * room, or WS_GONE if none did (or the one that left was unmapped).
 * (Inline: working_set_remember is all of it.)
 */
static inline uint64_t
working_set_push(struct working_set *ws, unsigned tau, uint64_t vpn)
{
	uint64_t oldest;

	if (ws->len < tau) {
		if (ws->len == ws->cap)
			working_set_grow(ws, tau);
		ws->window[ws->len++] = vpn;
		return WS_GONE;
	}
	oldest = ws->window[ws->oldest];
	ws->window[ws->oldest] = vpn;
	ws->oldest = ws->oldest + 1 == tau ? 0 : ws->oldest + 1;
	return oldest;
}

/*
 * working_set_touch, but only in the window: the counts (size, each
 * entry's window_refs) are left as they are, until working_set_recount.
 * For runs that read working sets only at their end.
 */
static inline void
working_set_remember(struct working_set *ws, unsigned tau, uint64_t vpn)
{
	working_set_push(ws, tau, vpn);
}

/* Counts the window again into ws->size and the entries of pt. */
void working_set_recount(struct working_set *ws, struct page_table *pt);

/* Takes pages [first, first + n) out (before they are unmapped). */
void working_set_forget(struct working_set *ws, struct page_table *pt, uint64_t first,
			uint64_t n);

/* Whether page e is in the working set. */
static inline bool
working_set_has(const struct pte *e)
{
	return e && e->window_refs > 0;
}

/*
 * How many of the process's accesses came after its latest access to page
 * vpn (0: the latest was to vpn), if that lies in the window; else
 * UINT64_MAX (then the page is outside the working set).
 */
uint64_t working_set_age(const struct working_set *ws, uint64_t vpn);

void working_set_copy(struct working_set *dst, const struct working_set *src);
void working_set_free(struct working_set *ws);

#endif
