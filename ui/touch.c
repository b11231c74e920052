/*
 * touch.c - which cells the event being shown touches, so they light up:
 * one row per event kind saying which of the event's fields point at
 * something on screen.  Presentation only; the fields are the engine's.
 */
#include "app.h"

enum touch {
	T_PAGE = 1u << 0,       /* (pid, vpn): its page cell */
	T_PTE = 1u << 1,        /* (pid, vpn): its page-table row */
	T_FRAME = 1u << 2,      /* frame */
	T_SLOT = 1u << 3,       /* slot */
	T_TLB = 1u << 4,        /* the TLB, and its (pid, vpn) entry */
	T_OTHER = 1u << 5,      /* (other_pid, other_vpn): the victim's page */
	T_ALERT = 1u << 6,      /* a fault: drawn as an alert */
	T_TABLE = 1u << 7,      /* table_frame: the frame of the table read */
};

static const unsigned touch_table[EV_COUNT] = {
	[EV_SPLIT] = T_PAGE,
	[EV_TLB_HIT] = T_TLB | T_PAGE | T_FRAME,
	[EV_TLB_MISS] = T_TLB | T_PAGE,
	[EV_WALK_TABLE] = T_PAGE | T_TABLE,
	[EV_WALK] = T_PTE | T_PAGE | T_TABLE,
	[EV_SEGFAULT] = T_PAGE | T_PTE | T_ALERT,
	[EV_PROTECTION_FAULT] = T_PAGE | T_PTE | T_ALERT,
	[EV_PAGE_FAULT] = T_PAGE | T_PTE | T_ALERT,
	[EV_FREE_FRAME] = T_FRAME,
	[EV_SWEEP] = T_FRAME | T_OTHER,
	[EV_VICTIM] = T_FRAME | T_OTHER | T_ALERT,
	[EV_WRITEBACK] = T_FRAME | T_SLOT | T_OTHER,
	[EV_EVICT] = T_FRAME | T_OTHER,
	[EV_OUT_OF_MEMORY] = T_FRAME | T_OTHER | T_ALERT,
	[EV_SWAP_IN] = T_SLOT | T_FRAME | T_PAGE,
	[EV_ZERO_FILL] = T_FRAME | T_PAGE,
	[EV_PTE_UPDATE] = T_PTE | T_FRAME | T_PAGE,
	[EV_TLB_FILL] = T_TLB | T_FRAME,
	[EV_ACCESS] = T_PAGE | T_PTE | T_FRAME,
	[EV_TLB_FLUSH] = T_TLB,
};

static unsigned
touch_bits(const struct app *a, const struct event **e)
{
	*e = app_event(a);
	if (*e == NULL || (*e)->kind >= EV_COUNT)
		return (0);
	return (touch_table[(*e)->kind]);
}

static bool
touches(const struct app *a, unsigned own, int pid, uint64_t vpn)
{
	const struct event *e;
	unsigned t = touch_bits(a, &e);

	/* A huge page's row in the page table is its first page's. */
	if ((t & own) && e->pid == pid && (own == T_PTE ? event_leaf_vpn(e) : e->vpn) == vpn)
		return (true);
	return ((t & T_OTHER) && e->other_pid == pid && e->other_vpn == vpn);
}

bool
touches_page(const struct app *a, int pid, uint64_t vpn)
{
	return (touches(a, T_PAGE, pid, vpn));
}

bool
touches_pte(const struct app *a, int pid, uint64_t vpn)
{
	return (touches(a, T_PTE, pid, vpn));
}

int
touched_frame(const struct app *a, int *run)
{
	const struct event *e;
	unsigned t = touch_bits(a, &e);

	*run = 1;
	/* A walk below the top reads a table that is in a frame (one level:
	 * the top's alone, in no frame). */
	if ((t & T_TABLE) && a->m->cfg.levels > 1 && e->table_frame != NO_FRAME)
		return (e->table_frame);
	if (!(t & T_FRAME) || e->frame == NO_FRAME)
		return (-1);
	*run = event_frame_run(e);
	return (e->frame);
}

int
touched_slot(const struct app *a, int *run)
{
	const struct event *e;

	*run = 1;
	return ((touch_bits(a, &e) & T_SLOT) && e->slot != NO_SLOT ? e->slot : -1);
}

bool
touches_swap(const struct app *a)
{
	const struct event *e;

	return ((touch_bits(a, &e) & T_SLOT) && e->slot != NO_SLOT);
}

bool
touches_tlb(const struct app *a)
{
	const struct event *e;

	return ((touch_bits(a, &e) & T_TLB) != 0);
}

bool
touches_tlb_entry(const struct app *a, const struct tlb_entry *t)
{
	const struct event *e;

	return ((touch_bits(a, &e) & T_TLB) && t->pid != 0 &&
	    t->pid == e->pid && t->vpn == event_leaf_vpn(e));
}

enum element
touch_element(const struct app *a)
{
	const struct event *e;

	return ((touch_bits(a, &e) & T_ALERT) ? EL_ALERT : EL_TOUCHED);
}
