/*
 * fuzz_machine.c - what must hold of any machine, checked by the fuzz
 * targets that run the engine (fuzz_engine.c, fuzz_history.c):
 *  - frames and page tables agree (the reverse map, rmap.h): every mapping
 *    of a used frame is a live process's present PTE pointing back at it,
 *    all of them keep the same swap slot, every present PTE is among its
 *    frame's mappings, the free count and each process's resident count
 *    match, and resident pages add up to the frames' mappings;
 *  - swap slots and page tables agree the same way, and the used count;
 *  - the reverse map's pool holds exactly the nodes of the shared frames'
 *    and slots' further mappings: none leaked, none lost;
 *  - every TLB entry translates a present page to its frame, and each
 *    frame's count of TLB entries is right;
 *  - page-table frames (levels > 1) and the process's tables agree: each
 *    such frame is a live process's table that names it, each table's
 *    frame holds it, the counts match, and each table's entries in use are
 *    the tables below it or, at the last level, the PTEs under it;
 *  - a huge page's frames are an aligned run, each holding its page of it
 *    (the process, the page), the huge page's one entry pointing at the
 *    first; they count in the process's resident frames and in the
 *    machine's huge_frames; its entry is in the table one level up;
 *  - each working set's size is its pages with references in the window,
 *    and those references are the window's entries;
 *  - regions are sorted, disjoint and found by process_region;
 *  - the counters add up (accesses = hits + faults + segfaults +
 *    protection faults; faults = minor + major + out of memory; major
 *    faults = swap-ins; zero fills and copies are minor faults;
 *    TLB hits + misses = accesses with a TLB; per-process faults sum to
 *    the total; write-backs <= evictions <= faults x levels, as a fault
 *    may evict for each table it makes).
 */
#include "fuzz.h"
#include "machine.h"
#include "page_walk.h"
#include "region.h"

/* The frames p's present entries hold: a huge page's whole run. */
static unsigned
present_in(const struct machine *m, const struct process *p)
{
	unsigned n = 0;

	PAGE_TABLE_FOREACH(&p->pt, e)
		if (e->present)
			n += frame_rmap(m, e->frame)->holds == HOLDS_HUGE ?
			     (unsigned)machine_huge_pages(m) : 1;
	return n;
}

/*
 * The mappings of a held frame or slot: as many as its count, each once,
 * each a live process's entry.  Returns how many nodes of the pool they use.
 */
static unsigned
check_rmap(const struct machine *m, const struct rmap *r)
{
	unsigned n = 0;

	FUZZ_ASSERT(r->holds == HOLDS_DATA && r->count >= 1);
	RMAP_FOREACH(&m->rmap, r, it) {
		FUZZ_ASSERT(mapping_pte(m, it.map) != NULL);
		n++;
		/* No mapping twice: none of the earlier ones equals it. */
		RMAP_FOREACH(&m->rmap, r, earlier) {
			if (earlier.i == it.i)
				break;
			FUZZ_ASSERT(earlier.map.pid != it.map.pid || earlier.map.vpn != it.map.vpn);
		}
	}
	FUZZ_ASSERT(n == r->count);
	return n - 1;
}

/* Frame f holds page vpn of a huge page whose entry points at its run's first frame. */
static void
check_huge_frame(const struct machine *m, int f, bool whole)
{
	const struct rmap *r = frame_rmap(m, f);
	const struct process *p = machine_process(m, r->pid);
	uint64_t pages = machine_huge_pages(m), first = r->vpn & ~(pages - 1);
	const struct pte *e;

	FUZZ_ASSERT(r->count == 1 && r->more == 0 && p != NULL);
	FUZZ_ASSERT(process_region(p, r->vpn) && process_region(p, r->vpn)->huge);
	e = page_table_find(&p->pt, first);
	FUZZ_ASSERT(e != NULL && e->slot < 0);
	FUZZ_ASSERT(!whole || (e->present && e->frame + (int)(r->vpn - first) == f &&
	    e->frame % (int)pages == 0));
}

/*
 * Part-way through an access (whole false) a frame is filled one event
 * before its PTE is marked present: its mapping's PTE exists but may not
 * be present yet, and the resident counts run one ahead.
 */
static unsigned
check_frames(const struct machine *m, bool whole, unsigned *mappings)
{
	unsigned f, free_frames = 0, nodes = 0, huge = 0;

	for (f = 0; f < m->cfg.frames; f++) {
		const struct rmap *r = frame_rmap(m, (int)f);
		const struct pte *first;

		if (frame_is_free(m, (int)f)) {
			FUZZ_ASSERT(r->count == 0 && r->more == 0);
			free_frames++;
			continue;
		}
		if (r->holds == HOLDS_HUGE) {
			check_huge_frame(m, (int)f, whole);
			(*mappings)++;
			huge++;
			continue;
		}
		if (r->holds == HOLDS_PAGE_TABLE) {
			const struct process *p = machine_process(m, r->pid);
			const struct pt_table *t;

			FUZZ_ASSERT(r->count == 1 && r->more == 0 && p != NULL);
			t = pt_tree_in_frame(&p->tables, (int)f);
			FUZZ_ASSERT(t != NULL && walk_table_first_vpn(m, t->depth, t->prefix) == r->vpn);
			continue;
		}
		nodes += check_rmap(m, r);
		*mappings += r->count;
		first = mapping_pte(m, rmap_first(r));
		RMAP_FOREACH(&m->rmap, r, it) {
			const struct pte *e = mapping_pte(m, it.map);

			FUZZ_ASSERT(!whole || (e->present && e->frame == (int)f));
			FUZZ_ASSERT(e->slot == first->slot);
		}
	}
	FUZZ_ASSERT(free_frames == m->free_frames);
	FUZZ_ASSERT(huge == m->huge_frames);
	return nodes;
}

static unsigned
check_swap(const struct machine *m)
{
	unsigned s, used = 0, nodes = 0;

	FUZZ_ASSERT(m->swap_cap <= m->cfg.swap_slots);
	for (s = 0; s < m->swap_cap; s++) {
		const struct rmap *r = slot_rmap(m, s);

		if (r->holds == HOLDS_NOTHING) {
			FUZZ_ASSERT(r->count == 0 && r->more == 0);
			continue;
		}
		used++;
		nodes += check_rmap(m, r);
		RMAP_FOREACH(&m->rmap, r, it)
			FUZZ_ASSERT(mapping_pte(m, it.map)->slot == (int)s);
	}
	FUZZ_ASSERT(used == m->swap_used);
	return nodes;
}

/* The pool's nodes in use are the ones the frames and slots use; the rest are free. */
static void
check_pool(const struct rmap_pool *pool, unsigned in_use)
{
	unsigned free_nodes = 0;

	for (unsigned n = pool->free; n; n = pool->node[n - 1].next) {
		FUZZ_ASSERT(n <= pool->cap && free_nodes < pool->cap);
		free_nodes++;
	}
	FUZZ_ASSERT(free_nodes + in_use == pool->cap);
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

/* Entries in use of table t: the tables right below it, or the PTEs under it. */
static unsigned
entries_under(const struct machine *m, const struct process *p, const struct pt_table *t)
{
	unsigned n = 0;

	if (t->depth + 1 < m->cfg.levels)
		for (size_t i = 0; i < p->tables.n; i++)
			n += p->tables.t[i].depth == t->depth + 1 &&
			     p->tables.t[i].prefix >> m->split.bits[t->depth] == t->prefix;
	/* the PTEs whose leaf is in it: the pages', or a level up the huge pages' */
	PAGE_TABLE_FOREACH(&p->pt, e)
		n += walk_leaf_depth(m, p, e->vpn) == t->depth &&
		     e->vpn >> m->split.shift[t->depth - 1] == t->prefix;
	return n;
}

static unsigned
check_tables(const struct machine *m, const struct process *p)
{
	FUZZ_ASSERT(m->cfg.levels > 1 || p->tables.n == 0);
	FUZZ_ASSERT(p->table_frames == p->tables.n);
	for (size_t i = 0; i < p->tables.n; i++) {
		const struct pt_table *t = &p->tables.t[i];
		const struct rmap *r;

		FUZZ_ASSERT(t->depth >= 1 && t->depth < m->cfg.levels);
		FUZZ_ASSERT(i == 0 || p->tables.t[i - 1].depth < t->depth ||
		    p->tables.t[i - 1].prefix < t->prefix);
		FUZZ_ASSERT(t->frame >= 0 && (unsigned)t->frame < m->cfg.frames);
		r = frame_rmap(m, t->frame);
		FUZZ_ASSERT(r->holds == HOLDS_PAGE_TABLE && r->pid == p->pid);
		FUZZ_ASSERT(t->used == entries_under(m, p, t));
		/* its parent exists */
		FUZZ_ASSERT(t->depth == 1 || pt_tree_find(&p->tables, t->depth - 1,
		    t->prefix >> m->split.bits[t->depth - 1]) != NULL);
	}
	/* every PTE has its leaf table (none to have for a huge page's on 2 levels) */
	if (m->cfg.levels > 1)
		PAGE_TABLE_FOREACH(&p->pt, e)
			FUZZ_ASSERT(walk_leaf_depth(m, p, e->vpn) == 0 ||
			    walk_table(m, p, walk_leaf_depth(m, p, e->vpn), e->vpn) != NULL);
	return p->table_frames;
}

static void
check_working_set(const struct process *p)
{
	unsigned in_set = 0, refs = 0, entries = 0;

	PAGE_TABLE_FOREACH(&p->pt, e) {
		in_set += e->window_refs > 0;
		refs += e->window_refs;
	}
	for (unsigned i = 0; i < p->ws.len; i++)
		entries += p->ws.window[i] != WS_GONE;
	FUZZ_ASSERT(in_set == p->ws.size && refs == entries);
}

static void
check_processes(const struct machine *m, bool whole, unsigned mappings)
{
	unsigned resident = 0, tables = 0;
	size_t pid;

	for (pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p == NULL)
			continue;
		check_regions(p);
		tables += check_tables(m, p);
		check_working_set(p);
		PAGE_TABLE_FOREACH(&p->pt, e) {
			struct mapping map = { .pid = p->pid, .vpn = e->vpn };

			FUZZ_ASSERT(!e->present || (e->frame >= 0 &&
			    (unsigned)e->frame < m->cfg.frames &&
			    rmap_has(&m->rmap, frame_rmap(m, e->frame), map)));
			FUZZ_ASSERT(e->slot < 0 || ((unsigned)e->slot < m->cfg.swap_slots &&
			    rmap_has(&m->rmap, slot_rmap(m, (unsigned)e->slot), map)));
			FUZZ_ASSERT(!e->dirty || e->present);
		}
		FUZZ_ASSERT(whole ? present_in(m, p) == p->resident :
		    present_in(m, p) <= p->resident);
		resident += p->resident;
	}
	FUZZ_ASSERT(resident == mappings);
	FUZZ_ASSERT(tables == m->table_frames);
}

static void
check_tlb(const struct machine *m)
{
	unsigned i, huge = 0;

	for (i = 0; i < m->tlb.n; i++) {
		const struct tlb_entry *t = &m->tlb.e[i];
		const struct process *p;
		const struct pte *e;

		if (t->pid == 0)
			continue;
		FUZZ_ASSERT((p = machine_process(m, t->pid)) != NULL);
		e = page_table_find(&p->pt, t->vpn);
		FUZZ_ASSERT(e != NULL && e->present && e->frame == t->frame);
		huge += t->pages > 1;
	}
	FUZZ_ASSERT(huge == m->tlb.huge);
	if (m->tlb.n) {
		unsigned *in = calloc(m->cfg.frames, sizeof *in);

		FUZZ_ASSERT(in != NULL);
		for (i = 0; i < m->tlb.n; i++)
			if (m->tlb.e[i].pid)
				in[m->tlb.e[i].frame]++;
		for (unsigned f = 0; f < m->cfg.frames; f++)
			FUZZ_ASSERT(m->tlb.mapped[f] == in[f]);
		free(in);
	}
}

void
fuzz_check_machine(const struct machine *m, bool whole)
{
	unsigned mappings = 0, nodes;

	nodes = check_frames(m, whole, &mappings);
	nodes += check_swap(m);
	check_pool(&m->rmap, nodes);
	check_processes(m, whole, mappings);
	check_tlb(m);
}

void
fuzz_check_counters(const struct machine *m)
{
	const struct stats *s = &m->stats;
	uint64_t faults = 0, minor = 0, major = 0;
	size_t pid;

	FUZZ_ASSERT(s->accesses == s->hits + s->faults + s->segfaults + s->protection_faults);
	/* Every access ended has its memory references counted. */
	FUZZ_ASSERT(s->costed == s->accesses);
	/* A fault ends in memory, refused, or with the OOM killer's work. */
	FUZZ_ASSERT(s->faults == s->minor_faults + s->major_faults + s->out_of_memory +
		    s->oom_kills);
	FUZZ_ASSERT(s->major_faults == s->swap_ins);
	FUZZ_ASSERT(s->zero_fills + s->cow_copies <= s->minor_faults);
	FUZZ_ASSERT(s->cow_copies <= s->cow_faults + s->found_in_memory);
	FUZZ_ASSERT(s->writebacks <= s->evictions &&
	    s->evictions <= s->faults * m->cfg.levels);
	if (m->cfg.tlb_entries)
		FUZZ_ASSERT(s->tlb_hits + s->tlb_misses == s->accesses);
	else
		FUZZ_ASSERT(s->tlb_hits == 0 && s->tlb_misses == 0);
	for (pid = 1; pid < m->procs_cap; pid++) {
		if (m->procs[pid]) {
			faults += m->procs[pid]->faults;
			minor += m->procs[pid]->minor_faults;
			major += m->procs[pid]->major_faults;
		}
	}
	FUZZ_ASSERT(faults == s->faults && minor == s->minor_faults && major == s->major_faults);
}
