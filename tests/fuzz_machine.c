/*
 * fuzz_machine.c - what must hold of any machine, checked by the fuzz
 * targets that run the engine (fuzz_engine.c, fuzz_history.c):
 *  - frames and page tables agree: a used frame's owner has a present PTE
 *    pointing back at it, every present PTE's frame names it, the free
 *    count and each process's resident count match;
 *  - swap slots and page tables agree the same way, and the used count;
 *  - every TLB entry translates a present page to its frame;
 *  - regions are sorted, disjoint and found by process_region;
 *  - the counters add up (accesses = hits + faults + segfaults +
 *    protection faults; faults = zero fills + swap-ins + out of memory;
 *    TLB hits + misses = accesses with a TLB; per-process faults sum to
 *    the total; write-backs <= evictions <= faults).
 */
#include "fuzz.h"
#include "machine.h"
#include "region.h"

static unsigned
present_in(const struct process *p)
{
	unsigned n = 0;

	PAGE_TABLE_FOREACH(&p->pt, e)
		n += e->present;
	return n;
}

/*
 * Part-way through an access (whole false) a frame is filled one event
 * before its PTE is marked present: its owner's PTE exists but may not be
 * present yet, and the resident counts run one ahead.
 */
static void
check_frames(const struct machine *m, bool whole)
{
	unsigned f, free_frames = 0;

	for (f = 0; f < m->cfg.frames; f++) {
		const struct frame *fr = &m->frames[f];
		const struct pte *e;

		if (fr->pid == 0) {
			free_frames++;
			continue;
		}
		FUZZ_ASSERT(machine_process(m, fr->pid) != NULL);
		e = frame_owner_pte(m, (int)f);
		FUZZ_ASSERT(e != NULL);
		FUZZ_ASSERT(!whole || (e->present && e->frame == (int)f));
	}
	FUZZ_ASSERT(free_frames == m->free_frames);
}

static void
check_swap(const struct machine *m)
{
	unsigned s, used = 0;

	FUZZ_ASSERT(m->swap_cap <= m->cfg.swap_slots);
	for (s = 0; s < m->cfg.swap_slots; s++) {
		struct swap_slot sl = machine_swap_slot(m, s);
		const struct process *p;
		const struct pte *e;

		if (sl.pid == 0)
			continue;
		used++;
		FUZZ_ASSERT((p = machine_process(m, sl.pid)) != NULL);
		e = page_table_find(&p->pt, sl.vpn);
		FUZZ_ASSERT(e != NULL && e->slot == (int)s);
	}
	FUZZ_ASSERT(used == m->swap_used);
}

static void
check_regions(const struct process *p)
{
	size_t i;

	for (i = 0; i < p->nregions; i++) {
		const struct region *r = &p->regions[i];

		FUZZ_ASSERT(r->npages > 0);
		FUZZ_ASSERT(r->first_vpn + r->npages > r->first_vpn);
		if (i > 0)
			FUZZ_ASSERT(p->regions[i - 1].first_vpn + p->regions[i - 1].npages <=
			    r->first_vpn);
		FUZZ_ASSERT(process_region(p, r->first_vpn) == r);
		FUZZ_ASSERT(process_region(p, r->first_vpn + r->npages - 1) == r);
		if (r->first_vpn > 0 && (i == 0 ||
		    p->regions[i - 1].first_vpn + p->regions[i - 1].npages < r->first_vpn))
			FUZZ_ASSERT(process_region(p, r->first_vpn - 1) == NULL);
	}
}

static void
check_processes(const struct machine *m, bool whole)
{
	unsigned resident = 0;
	size_t pid;

	for (pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p == NULL)
			continue;
		check_regions(p);
		PAGE_TABLE_FOREACH(&p->pt, e) {
			FUZZ_ASSERT(!e->present || (e->frame >= 0 &&
			    (unsigned)e->frame < m->cfg.frames &&
			    m->frames[e->frame].pid == p->pid &&
			    m->frames[e->frame].vpn == e->vpn));
			FUZZ_ASSERT(e->slot < 0 || ((unsigned)e->slot < m->cfg.swap_slots &&
			    machine_swap_slot(m, (unsigned)e->slot).pid == p->pid &&
			    machine_swap_slot(m, (unsigned)e->slot).vpn == e->vpn));
			FUZZ_ASSERT(!e->dirty || e->present);
		}
		FUZZ_ASSERT(whole ? present_in(p) == p->resident : present_in(p) <= p->resident);
		resident += p->resident;
	}
	FUZZ_ASSERT(resident + m->free_frames == m->cfg.frames);
}

static void
check_tlb(const struct machine *m)
{
	unsigned i;

	for (i = 0; i < m->tlb.n; i++) {
		const struct tlb_entry *t = &m->tlb.e[i];
		const struct process *p;
		const struct pte *e;

		if (t->pid == 0)
			continue;
		FUZZ_ASSERT((p = machine_process(m, t->pid)) != NULL);
		e = page_table_find(&p->pt, t->vpn);
		FUZZ_ASSERT(e != NULL && e->present && e->frame == t->frame);
	}
}

void
fuzz_check_machine(const struct machine *m, bool whole)
{
	check_frames(m, whole);
	check_swap(m);
	check_processes(m, whole);
	check_tlb(m);
}

void
fuzz_check_counters(const struct machine *m)
{
	const struct stats *s = &m->stats;
	uint64_t faults = 0;
	size_t pid;

	FUZZ_ASSERT(s->accesses == s->hits + s->faults + s->segfaults + s->protection_faults);
	FUZZ_ASSERT(s->faults == s->zero_fills + s->swap_ins + s->out_of_memory);
	FUZZ_ASSERT(s->writebacks <= s->evictions && s->evictions <= s->faults);
	if (m->cfg.tlb_entries)
		FUZZ_ASSERT(s->tlb_hits + s->tlb_misses == s->accesses);
	else
		FUZZ_ASSERT(s->tlb_hits == 0 && s->tlb_misses == 0);
	for (pid = 1; pid < m->procs_cap; pid++)
		if (m->procs[pid])
			faults += m->procs[pid]->faults;
	FUZZ_ASSERT(faults == s->faults);
}
