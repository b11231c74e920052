/*
 * explain.c - what a click on a cell says: the facts the machine holds
 * about that frame, page, swap slot or TLB entry, in one line.
 */
#include <stdio.h>

#include "page_walk.h"
#include "sharing.h"
#include "view.h"

/* "pid 1 page 0x3", or "shared by pid 1 page 0x1 and pid 2 page 0x1". */
static void
mappings_text(const struct machine *m, const struct rmap *r, char *buf, size_t size)
{
	size_t used = (size_t)snprintf(buf, size, "%s", r->count > 1 ? "shared by " : "");

	RMAP_FOREACH(&m->rmap, r, it) {
		const char *sep = it.i == 1 ? "" : it.i == r->count ? " and " : ", ";

		if (used >= size)
			break;
		used += (size_t)snprintf(buf + used, size - used, "%spid %d page 0x%llx", sep,
		    it.map.pid, (unsigned long long)it.map.vpn);
	}
}

/* A frame holding one page of a huge page: which, and the run it is in. */
static void
explain_huge_frame(const struct app *a, int f, char *buf, size_t size)
{
	struct mapping map = frame_first(a->m, f);
	const struct process *p = machine_process(a->m, map.pid);
	uint64_t pages = machine_huge_pages(a->m), first = map.vpn & ~(pages - 1);
	const struct pte *e = page_table_find(&p->pt, first);

	snprintf(buf, size, "frame %d: pid %d page 0x%llx, page %llu of huge page "
	    "0x%llx-0x%llx in frames %d-%d, %s, loaded at step %llu; a huge page is never "
	    "evicted or swapped", f, map.pid, (unsigned long long)map.vpn,
	    (unsigned long long)(map.vpn - first), (unsigned long long)first,
	    (unsigned long long)(first + pages - 1), e->frame, e->frame + (int)pages - 1,
	    e->dirty ? "dirty" : "clean", (unsigned long long)a->m->frames[f].loaded_step);
}

void
explain_frame(const struct app *a, int f, char *buf, size_t size)
{
	const struct frame *fr = &a->m->frames[f];
	char maps[160], how[80];

	const struct pt_table *t = walk_table_in_frame(a->m, f);

	if (frame_is_free(a->m, f)) {
		snprintf(buf, size, "frame %d: free", f);
		return;
	}
	if (t) {
		uint64_t first = walk_table_first_vpn(a->m, t->depth, t->prefix);
		uint64_t pages = va_split_entry_pages(&a->m->split, t->depth - 1);

		snprintf(buf, size, "frame %d: pid %d's level-%u page table for pages "
		    "0x%llx-0x%llx, %u entr%s in use, made at step %llu; a page-table page is "
		    "never evicted or swapped", f, frame_rmap(a->m, f)->pid, t->depth + 1,
		    (unsigned long long)first, (unsigned long long)(first + pages - 1),
		    t->used, t->used == 1 ? "y" : "ies", (unsigned long long)fr->loaded_step);
		return;
	}
	if (frame_rmap(a->m, f)->holds == HOLDS_HUGE) {
		explain_huge_frame(a, f, buf, size);
		return;
	}
	mappings_text(a->m, frame_rmap(a->m, f), maps, sizeof maps);
	sharing_rmap_text(a->m, frame_rmap(a->m, f), how, sizeof how);
	snprintf(buf, size, "frame %d: %s%s, %s, loaded at step %llu, last used at step %llu",
	    f, maps, how, frame_dirty(a->m, f) ? "dirty" : "clean",
	    (unsigned long long)fr->loaded_step, (unsigned long long)fr->last_used_step);
}

void
explain_slot(const struct app *a, int s, char *buf, size_t size)
{
	const struct rmap *r = slot_rmap(a->m, (unsigned)s);
	char maps[160], how[80];

	if (r->holds == HOLDS_NOTHING) {
		snprintf(buf, size, "swap slot %d: free", s);
		return;
	}
	mappings_text(a->m, r, maps, sizeof maps);
	sharing_rmap_text(a->m, r, how, sizeof how);
	/* "holds pid 1 page 0x3"; "holds a page shared by pid 1 page 0x1 and ..." */
	snprintf(buf, size, "swap slot %d: holds %s%s%s", s, r->count > 1 ? "a page " : "",
	    maps, how);
}

void
explain_page(const struct app *a, const struct process *p, uint64_t vpn, char *buf,
	     size_t size)
{
	const struct region *reg = process_region(p, vpn);
	const struct pte *e = process_pte(a->m, p, vpn);
	enum page_state st = machine_page_state(a->m, p, vpn);
	char how[128];
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
		sharing_page_text(a->m, e, how, sizeof how);
		snprintf(buf, size, "in frame %d%s, %s, %s, %s%s",
		    e->frame + (int)(vpn - e->vpn), reg && reg->huge ?
		    " (in a huge page, one entry)" : "", e->dirty ? "dirty" : "clean",
		    pte_referenced(a->m, e) ? "referenced" : "not referenced",
		    perm_name(e->perm), how);
		break;
	case PAGE_SWAPPED:
		sharing_page_text(a->m, e, how, sizeof how);
		snprintf(buf, size, "in swap slot %d, %s%s", e->slot, perm_name(e->perm), how);
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
	else if (t->pages > 1)
		snprintf(buf, size, "TLB entry %u: pid %d huge page 0x%llx-0x%llx %s frames "
		    "%d-%d, %s; it covers %llu pages, %llu bytes", i, t->pid,
		    (unsigned long long)t->vpn, (unsigned long long)(t->vpn + t->pages - 1),
		    a->g->arrow, t->frame, t->frame + (int)t->pages - 1, perm_name(t->perm),
		    (unsigned long long)t->pages,
		    (unsigned long long)(t->pages * a->m->cfg.page_size));
	else
		snprintf(buf, size, "TLB entry %u: pid %d page 0x%llx %s frame %d, %s", i,
		    t->pid, (unsigned long long)t->vpn, a->g->arrow, t->frame,
		    perm_name(t->perm));
}
