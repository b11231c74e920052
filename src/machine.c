/*
 * machine.c - creating, copying and querying a machine.
 *
 * Nothing here runs an operation (that is engine.c); these are the
 * constructors and the read-only questions the UI and printers ask.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "future.h"
#include "machine.h"
#include "policy.h"
#include "region.h"
#include "xalloc.h"

void
machine_config_default(struct machine_config *cfg)
{
	*cfg = (struct machine_config){
		.page_size = 4096, .va_bits = 16, .frames = 4, .swap_slots = 16,
		.tlb_entries = 4, .levels = 1, .pte_bytes = PTE_BYTES_DEFAULT,
		.policy = policy_find("lru"),
		.scope = SCOPE_GLOBAL, .seed = 1, .tau = TAU_DEFAULT,
		.tick = TICK_DEFAULT,
	};
}

static unsigned
log2u(uint64_t x)
{
	unsigned n = 0;

	while (x >>= 1)
		n++;
	return n;
}

static int
check_range(const char *what, uint64_t v, uint64_t lo, uint64_t hi, char *err, size_t size)
{
	if (v >= lo && v <= hi)
		return 0;
	snprintf(err, size, "%s: %llu is out of range %llu..%llu", what,
		 (unsigned long long)v, (unsigned long long)lo, (unsigned long long)hi);
	return -1;
}

int
machine_config_check(const struct machine_config *c, char *err, size_t size)
{
	unsigned ps = c->page_size;
	struct va_split split;

	if (!page_size_valid(ps)) {
		snprintf(err, size, "page_size: %u is not a power of two between %u and %u",
			 ps, PAGE_SIZE_MIN, PAGE_SIZE_MAX);
		return -1;
	}
	if (check_range("va_bits", c->va_bits, log2u(ps), VA_BITS_MAX, err, size) ||
	    check_range("frames", c->frames, 1, FRAMES_MAX, err, size) ||
	    check_range("swap_slots", c->swap_slots, 0, SWAP_SLOTS_MAX, err, size) ||
	    check_range("tlb_entries", c->tlb_entries, 0, TLB_ENTRIES_MAX, err, size) ||
	    check_range("tau", c->tau, 1, TAU_MAX, err, size) ||
	    check_range("tick", c->tick, 1, TICK_MAX, err, size) ||
	    check_range("levels", c->levels, 1, LEVELS_MAX, err, size))
		return -1;
	if (c->pte_bytes < 1 || c->pte_bytes > PTE_BYTES_MAX || (c->pte_bytes & (c->pte_bytes - 1))) {
		snprintf(err, size, "pte_bytes: %u is not 1, 2, 4 or 8", c->pte_bytes);
		return -1;
	}
	if (va_split_make(&split, ps, c->va_bits, c->levels, c->pte_bytes, err, size))
		return -1;
	if (c->policy < 0 || c->policy >= policy_count()) {
		snprintf(err, size, "policy: expected one of %s", policy_names());
		return -1;
	}
	if (c->scope != SCOPE_GLOBAL && c->scope != SCOPE_LOCAL) {
		snprintf(err, size, "scope: expected global or local");
		return -1;
	}
	return 0;
}

struct machine *
machine_new(const struct machine_config *cfg)
{
	char err[128];
	struct machine *m;

	if (machine_config_check(cfg, err, sizeof err))
		return NULL;
	m = xcalloc(1, sizeof *m);
	m->cfg = *cfg;
	va_split_make(&m->split, cfg->page_size, cfg->va_bits, cfg->levels, cfg->pte_bytes,
		      err, sizeof err);
	m->next_pid = 1;
	m->frames = xcalloc(cfg->frames, sizeof *m->frames);
	m->free_frames = cfg->frames;
	tlb_init(&m->tlb, cfg->tlb_entries, cfg->frames);
	m->policy = policy_at(cfg->policy)->create(m);
	return m;
}

struct machine *
machine_new_flat(const struct machine_config *cfg, const char *name, unsigned perm)
{
	struct machine *m = machine_new(cfg);
	char err[128];

	if (!m)
		return NULL;
	if (machine_add_process(m, 1, name, err, sizeof err) ||
	    machine_map(m, 1, 0, machine_pages_per_process(m), perm, false, err, sizeof err)) {
		machine_free(m);
		return NULL;
	}
	m->current_pid = 1;
	return m;
}

static struct process *
process_clone(const struct process *p)
{
	struct process *c = xmemdup(p, sizeof *p);

	page_table_copy(&c->pt, &p->pt);
	working_set_copy(&c->ws, &p->ws);
	pt_tree_copy(&c->tables, &p->tables);
	c->regions = p->regions_cap ?
		xmemdup(p->regions, p->regions_cap * sizeof *p->regions) : NULL;
	return c;
}

static void
process_free(struct process *p)
{
	if (!p)
		return;
	page_table_free(&p->pt);
	working_set_free(&p->ws);
	pt_tree_free(&p->tables);
	free(p->regions);
	free(p);
}

struct machine *
machine_clone(const struct machine *m)
{
	struct machine *c = xmemdup(m, sizeof *m);

	c->procs = m->procs_cap ? xcalloc(m->procs_cap, sizeof *c->procs) : NULL;
	for (size_t i = 0; i < m->procs_cap; i++)
		if (m->procs[i])
			c->procs[i] = process_clone(m->procs[i]);
	c->frames = xmemdup(m->frames, m->cfg.frames * sizeof *m->frames);
	c->swap = m->swap_cap ? xmemdup(m->swap, m->swap_cap * sizeof *m->swap) : NULL;
	rmap_pool_copy(&c->rmap, &m->rmap);
	c->cgroups = cgroup_copy(m->cgroups, m->ncgroups);
	tlb_copy(&c->tlb, &m->tlb);
	c->policy = policy_at(m->cfg.policy)->clone(m->policy, c);
	future_ref(c->future);
	return c;
}

/* Gives process p of c what q has at the start: its mappings and group (or limit). */
static void
refit_process(struct machine *c, struct process *p, const struct process *q)
{
	char err[256];

	for (size_t r = 0; r < q->nregions; r++) {
		const struct region *g = &q->regions[r];

		/* A huge mapping is counted in huge pages, as hugemap counts it. */
		machine_map(c, p->pid, g->first_vpn, g->huge ? g->npages / machine_huge_pages(c) :
			    g->npages, g->perm, g->huge, err, sizeof err);
	}
	p->cgroup = q->cgroup;
}

struct machine *
machine_refit(const struct machine *m, const struct machine_config *cfg)
{
	struct machine *c;
	char err[256];

	if ((c = machine_new(cfg)) == NULL)
		return NULL;
	c->cgroups = cgroup_copy(m->cgroups, m->ncgroups);
	c->ncgroups = m->ncgroups;
	for (size_t i = 0; i < m->procs_cap; i++) {
		const struct process *q = m->procs[i];

		if (q && machine_add_process(c, q->pid, q->name, err, sizeof err) == 0)
			refit_process(c, c->procs[i], q);
	}
	c->current_pid = m->current_pid;
	c->next_pid = m->next_pid;
	return c;
}

void
machine_free(struct machine *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->procs_cap; i++)
		process_free(m->procs[i]);
	free(m->procs);
	free(m->frames);
	free(m->swap);
	rmap_pool_free(&m->rmap);
	free(m->cgroups);
	tlb_free(&m->tlb);
	policy_at(m->cfg.policy)->destroy(m->policy);
	future_unref(m->future);
	free(m);
}

void
machine_set_future(struct machine *m, struct future *f)
{
	future_ref(f);
	future_unref(m->future);
	m->future = f;
}

void
machine_defer_working_sets(struct machine *m)
{
	m->ws_uncounted = !policy_at(m->cfg.policy)->expired;
}

void
machine_count_working_sets(struct machine *m)
{
	if (!m->ws_uncounted)
		return;
	for (size_t pid = 0; pid < m->procs_cap; pid++)
		if (machine_process(m, (int)pid))
			working_set_recount(&m->procs[pid]->ws, &m->procs[pid]->pt);
	m->ws_uncounted = false;
}

int
machine_add_process(struct machine *m, int pid, const char *name, char *err, size_t size)
{
	struct process *p;

	if (pid < 1 || pid > PID_MAX) {
		snprintf(err, size, "pid %d is out of range 1..%d", pid, PID_MAX);
		return -1;
	}
	if ((size_t)pid < m->procs_cap && m->procs[pid]) {
		snprintf(err, size, "pid %d is already taken", pid);
		return -1;
	}
	if ((size_t)pid >= m->procs_cap) {
		size_t cap = m->procs_cap ? m->procs_cap : 8;
		while (cap <= (size_t)pid)
			cap *= 2;
		m->procs = xrealloc(m->procs, cap, sizeof *m->procs);
		memset(m->procs + m->procs_cap, 0, (cap - m->procs_cap) * sizeof *m->procs);
		m->procs_cap = cap;
	}
	p = xcalloc(1, sizeof *p);
	p->pid = pid;
	p->alive = true;
	snprintf(p->name, sizeof p->name, "%s", name);
	page_table_init(&p->pt);
	m->procs[pid] = p;
	if (pid >= m->next_pid)
		m->next_pid = pid + 1;
	return 0;
}

uint64_t
machine_pages_per_process(const struct machine *m)
{
	return (uint64_t)1 << (m->cfg.va_bits - machine_page_bits(m));
}

enum page_state
machine_page_state(const struct machine *m, const struct process *p, uint64_t vpn)
{
	const struct pte *e;

	if (!process_region(p, vpn))
		return PAGE_UNMAPPED;
	e = process_pte(m, p, vpn);
	if (e && e->present)
		return PAGE_RESIDENT;
	if (e && e->slot >= 0)
		return PAGE_SWAPPED;
	/* Being zero-filled for the first time counts as untouched until
	 * its PTE update, as a swap-in counts as swapped. */
	return pte_dropped(e) ? PAGE_DROPPED : PAGE_UNTOUCHED;
}

bool
frame_dirty(const struct machine *m, int f)
{
	if (frame_rmap(m, f)->holds != HOLDS_DATA)
		return false;   /* a page table is never written back */
	RMAP_FOREACH(&m->rmap, frame_rmap(m, f), it) {
		const struct pte *e = mapping_pte(m, it.map);

		if (e && e->present && e->frame == f && e->dirty)
			return true;
	}
	return false;
}

int
slot_frame(const struct machine *m, int s)
{
	RMAP_FOREACH(&m->rmap, slot_rmap(m, (unsigned)s), it) {
		const struct pte *e = mapping_pte(m, it.map);

		if (e && e->present)
			return e->frame;
	}
	return NO_FRAME;
}

void
machine_grow_va(struct machine *m, uint64_t addr)
{
	uint64_t old_top = machine_pages_per_process(m);
	unsigned bits = m->cfg.va_bits;
	char err[256];

	while (!machine_addr_ok(m, addr))
		m->cfg.va_bits++;
	if (bits == m->cfg.va_bits)
		return;
	/* Only the top level widens: every table below keeps its entries. */
	va_split_make(&m->split, m->cfg.page_size, m->cfg.va_bits, m->cfg.levels,
		      m->cfg.pte_bytes, err, sizeof err);
	/* A mapping that reached the old top of the space (only a process's
	 * last one can, regions being sorted) reaches the new one; a huge
	 * one keeps its whole huge pages. */
	for (size_t i = 0; i < m->procs_cap; i++) {
		struct process *p = m->procs[i];
		struct region *r = p && p->nregions ? &p->regions[p->nregions - 1] : NULL;

		if (r && !r->huge && r->first_vpn + r->npages == old_top)
			r->npages = machine_pages_per_process(m) - r->first_vpn;
	}
}

int
machine_huge_check(const struct machine *m, uint64_t first_vpn, uint64_t huge,
		   char *err, size_t size)
{
	uint64_t pages;

	if (m->cfg.levels < 2) {
		snprintf(err, size, "huge pages need 2 levels or more (--levels): a huge page "
			 "is a leaf one level up, and a one-level table has no level above "
			 "its pages");
		return -1;
	}
	pages = machine_huge_pages(m);
	if (first_vpn & (pages - 1)) {
		snprintf(err, size, "address 0x%llx does not begin a huge page: a huge page is "
			 "%llu pages (%llu bytes), aligned to its size",
			 (unsigned long long)(first_vpn * m->cfg.page_size),
			 (unsigned long long)pages,
			 (unsigned long long)(pages * m->cfg.page_size));
		return -1;
	}
	if (huge > machine_pages_per_process(m) / pages) {
		snprintf(err, size, "%llu huge pages do not fit the %u-bit address space",
			 (unsigned long long)huge, m->cfg.va_bits);
		return -1;
	}
	return 0;
}

int
machine_map(struct machine *m, int pid, uint64_t first_vpn, uint64_t npages,
	    unsigned perm, bool huge, char *err, size_t size)
{
	struct process *p = machine_process(m, pid);
	uint64_t top = machine_pages_per_process(m);

	if (!p) {
		snprintf(err, size, "no process %d", pid);
		return -1;
	}
	if (huge && machine_huge_check(m, first_vpn, npages, err, size))
		return -1;
	if (huge)
		npages *= machine_huge_pages(m);
	if (npages == 0 || first_vpn >= top || npages > top - first_vpn) {
		snprintf(err, size, "pages 0x%llx..+%llu do not fit the %u-bit address space "
			 "(%llu pages)", (unsigned long long)first_vpn,
			 (unsigned long long)npages, m->cfg.va_bits, (unsigned long long)top);
		return -1;
	}
	if (region_overlaps(p, first_vpn, npages)) {
		snprintf(err, size, "pages 0x%llx..+%llu overlap a mapping of pid %d",
			 (unsigned long long)first_vpn, (unsigned long long)npages, pid);
		return -1;
	}
	region_insert(p, first_vpn, npages, perm, huge);
	return 0;
}

bool
machine_maps_huge(const struct machine *m)
{
	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		for (size_t i = 0; p && i < p->nregions; i++)
			if (p->regions[i].huge)
				return true;
	}
	return false;
}
