/*
 * explain.c - what a click on a cell says: the facts the machine holds
 * about that frame, page, swap slot or TLB entry, in one line.
 */
#include <stdio.h>

#include "view.h"

void
explain_frame(const struct app *a, int f, char *buf, size_t size)
{
	const struct frame *fr = &a->m->frames[f];
	const struct pte *e = frame_owner_pte(a->m, f);

	if (fr->pid == 0) {
		snprintf(buf, size, "frame %d: free", f);
		return;
	}
	snprintf(buf, size, "frame %d: pid %d page 0x%llx, %s, loaded at step %llu, "
	    "last used at step %llu", f, fr->pid, (unsigned long long)fr->vpn,
	    e != NULL && e->dirty ? "dirty" : "clean",
	    (unsigned long long)fr->loaded_step, (unsigned long long)fr->last_used_step);
}

void
explain_slot(const struct app *a, int s, char *buf, size_t size)
{
	struct swap_slot sl = machine_swap_slot(a->m, (unsigned)s);

	if (sl.pid == 0)
		snprintf(buf, size, "swap slot %d: free", s);
	else
		snprintf(buf, size, "swap slot %d: holds pid %d page 0x%llx", s, sl.pid,
		    (unsigned long long)sl.vpn);
}

void
explain_page(const struct app *a, const struct process *p, uint64_t vpn, char *buf,
	     size_t size)
{
	const struct region *reg = process_region(p, vpn);
	const struct pte *e = page_table_find(&p->pt, vpn);
	enum page_state st = machine_page_state(a->m, p, vpn);
	int n;

	if (e == NULL && st != PAGE_UNMAPPED)
		st = PAGE_UNTOUCHED;    /* cannot happen: a held page has an entry */
	n = snprintf(buf, size, "pid %d page 0x%llx: ", p->pid, (unsigned long long)vpn);
	if (n < 0 || (size_t)n >= size)
		return;
	buf += n;
	size -= (size_t)n;
	switch (st) {
	case PAGE_UNMAPPED:
		snprintf(buf, size, "not mapped");
		break;
	case PAGE_UNTOUCHED:
		snprintf(buf, size, "mapped %s, never touched", perm_name(reg ? reg->perm : 0));
		break;
	case PAGE_RESIDENT:
		snprintf(buf, size, "in frame %d, %s, %s, %s", e->frame,
		    e->dirty ? "dirty" : "clean",
		    pte_referenced(a->m, e) ? "referenced" : "not referenced",
		    perm_name(e->perm));
		break;
	case PAGE_SWAPPED:
		snprintf(buf, size, "in swap slot %d, %s", e->slot, perm_name(e->perm));
		break;
	case PAGE_DROPPED:
		snprintf(buf, size, "mapped %s, evicted clean at step %llu and never written: "
		    "no frame and no swap slot hold it, so its next touch zero-fills it again",
		    perm_name(e->perm), (unsigned long long)e->evicted_step);
		break;
	}
}

void
explain_tlb(const struct app *a, unsigned i, char *buf, size_t size)
{
	const struct tlb_entry *t = &a->m->tlb.e[i];

	if (t->pid == 0)
		snprintf(buf, size, "TLB entry %u: empty", i);
	else
		snprintf(buf, size, "TLB entry %u: pid %d page 0x%llx %s frame %d, %s", i,
		    t->pid, (unsigned long long)t->vpn, a->g->arrow, t->frame,
		    perm_name(t->perm));
}
