/*
 * translation.c - the frame an access reached, as far as its events have
 * gone, or its refusal.
 */
#include <stdbool.h>

#include "translation.h"

static bool
refuses(const struct event *e)
{
	return e->kind == EV_SEGFAULT || e->kind == EV_PROTECTION_FAULT;
}

/* Whether e names the frame of the access's page. */
static bool
finds_frame(const struct event *e, uint64_t vpn)
{
	return (e->kind == EV_PTE_UPDATE || e->kind == EV_TLB_HIT ||
		(e->kind == EV_WALK && (e->flags & EVF_PRESENT))) &&
	       e->frame != NO_FRAME && e->vpn == vpn;
}

enum translation
translation_known(const struct event *ev, unsigned n, unsigned shown, unsigned page_size,
		  int *frame, uint64_t *paddr)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (refuses(&ev[i]))
			return i < shown ? TR_REFUSED : TR_UNKNOWN;
	for (i = shown < n ? shown : n; i-- > 0;) {
		if (ev[i].kind == EV_ACCESS) {
			*frame = ev[i].frame;
			*paddr = ev[i].paddr;
			return TR_FOUND;
		}
		if (n > 0 && finds_frame(&ev[i], ev[0].vpn)) {
			*frame = ev[i].frame;
			*paddr = (uint64_t)ev[i].frame * page_size + ev[0].offset;
			return TR_FOUND;
		}
	}
	return TR_UNKNOWN;
}
