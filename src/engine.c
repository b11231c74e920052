/*
 * engine.c - checking and applying operations.
 *
 * Accesses run through the phases in engine_access.c; the process, group
 * and TLB commands (spawn, switch, exit, map, unmap, limit, cgroup, tlb
 * flush, fork, share) are one event each and live here.  Every check happens before any change, so a
 * refused operation leaves the machine exactly as it was.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "engine_access.h"
#include "page_walk.h"
#include "plural.h"
#include "policy.h"
#include "region.h"
#include "xalloc.h"

typedef int check_fn(const struct machine *, const struct op *, char *, size_t);
typedef void apply_fn(struct machine *, const struct op *, struct event *);

static int
need_process(const struct machine *m, int pid, char *err, size_t size)
{
	return machine_process(m, pid) ? 0 : access_no_process(pid, err, size);
}

/* An access's own fields. */
static struct op_access
op_access_of(const struct op *op)
{
	return (struct op_access){ .addr = op->addr, .pid = op->pid, .access = op->access };
}

static int
check_access(const struct machine *m, const struct op *op, char *err, size_t size)
{
	struct op_access in = op_access_of(op);
	struct process *p;

	return access_check(m, &in, &p, err, size);
}

static int
check_spawn(const struct machine *m, const struct op *op, char *err, size_t size)
{
	if (m->next_pid > PID_MAX) {
		snprintf(err, size, "no pid left: pids go up to %d", PID_MAX);
		return -1;
	}
	if (op->pages > machine_pages_per_process(m)) {
		snprintf(err, size, "%llu page%s %s not fit the %u-bit address space (%llu "
			 "page%s)", (unsigned long long)op->pages, plural(op->pages),
			 op->pages == 1 ? "does" : "do", m->cfg.va_bits,
			 (unsigned long long)machine_pages_per_process(m),
			 plural(machine_pages_per_process(m)));
		return -1;
	}
	return 0;
}

static int
check_pid(const struct machine *m, const struct op *op, char *err, size_t size)
{
	return need_process(m, op->pid, err, size);
}

/* PAGES pages of pid from addr: page-aligned, inside the address space. */
static int
check_pages(const struct machine *m, int pid, uint64_t addr, uint64_t pages, char *err,
	    size_t size)
{
	uint64_t top = machine_pages_per_process(m), first;

	if (need_process(m, pid, err, size))
		return -1;
	if (addr & (m->cfg.page_size - 1)) {
		snprintf(err, size, "address 0x%llx is not page-aligned (pages are %u bytes)",
			 (unsigned long long)addr, m->cfg.page_size);
		return -1;
	}
	first = addr >> machine_page_bits(m);
	if (!machine_addr_ok(m, addr) || pages == 0 || pages > top - first) {
		snprintf(err, size, "%llu page%s from 0x%llx %s not fit the %u-bit address "
			 "space", (unsigned long long)pages, plural(pages),
			 (unsigned long long)addr, pages == 1 ? "does" : "do", m->cfg.va_bits);
		return -1;
	}
	return 0;
}

static int
check_range(const struct machine *m, const struct op *op, char *err, size_t size)
{
	return check_pages(m, op->pid, op->addr, op->pages, err, size);
}

static int
check_map(const struct machine *m, const struct op *op, char *err, size_t size)
{
	uint64_t first = op->addr >> machine_page_bits(m);

	if (check_range(m, op, err, size))
		return -1;
	if (region_overlaps(machine_process(m, op->pid), first, op->pages)) {
		snprintf(err, size, "pages from 0x%llx overlap a mapping of pid %d "
			 "(unmap them first)", (unsigned long long)op->addr, op->pid);
		return -1;
	}
	return 0;
}

/* hugemap: PAGES huge pages from ADDR, which must begin one. */
static int
check_hugemap(const struct machine *m, const struct op *op, char *err, size_t size)
{
	struct op small = *op;
	uint64_t first = op->addr >> machine_page_bits(m);

	if (need_process(m, op->pid, err, size) ||
	    machine_huge_check(m, first, op->pages, err, size))
		return -1;
	small.pages = op->pages * machine_huge_pages(m);
	return check_map(m, &small, err, size);
}

/* Whether small page vpn of p lies inside a huge page, past its first page. */
static bool
inside_huge_page(const struct machine *m, const struct process *p, uint64_t vpn)
{
	const struct region *r = process_region(p, vpn);

	return r && r->huge && (vpn & (machine_huge_pages(m) - 1));
}

/* unmap takes whole huge pages: its ends may not cut one. */
static int
check_unmap(const struct machine *m, const struct op *op, char *err, size_t size)
{
	const struct process *p;
	uint64_t first = op->addr >> machine_page_bits(m), end;

	if (check_range(m, op, err, size))
		return -1;
	p = machine_process(m, op->pid);
	end = first + op->pages;
	if (inside_huge_page(m, p, first) || (end < machine_pages_per_process(m) &&
					       inside_huge_page(m, p, end))) {
		snprintf(err, size, "pages from 0x%llx cut a huge page of pid %d: unmap whole "
			 "huge pages (%llu pages each)", (unsigned long long)op->addr, op->pid,
			 (unsigned long long)machine_huge_pages(m));
		return -1;
	}
	return 0;
}

static bool
has_huge_pages(const struct process *p)
{
	for (size_t i = 0; i < p->nregions; i++)
		if (p->regions[i].huge)
			return true;
	return false;
}

static int
check_fork(const struct machine *m, const struct op *op, char *err, size_t size)
{
	if (need_process(m, op->pid, err, size))
		return -1;
	if (has_huge_pages(m->procs[op->pid])) {
		snprintf(err, size, "pid %d maps huge pages, and vmscope does not share them "
			 "copy-on-write: fork a process without huge pages", op->pid);
		return -1;
	}
	if (m->next_pid > PID_MAX) {
		snprintf(err, size, "no pid left for the child: pids go up to %d", PID_MAX);
		return -1;
	}
	/* The child's page tables below the top are copies, in free frames. */
	if (m->procs[op->pid]->table_frames > m->free_frames) {
		unsigned need = m->procs[op->pid]->table_frames;

		snprintf(err, size, "fork needs %u free frame%s for the child's cop%s of pid "
			 "%d's page tables, and %u %s free", need, plural(need),
			 need == 1 ? "y" : "ies", op->pid, m->free_frames,
			 m->free_frames == 1 ? "is" : "are");
		return -1;
	}
	return 0;
}

/*
 * Whether page vpn of p can be shared: mapped, and in a frame or a swap
 * slot (a shared page must have one, so every sharer finds the same
 * copy), and not copy-on-write (its sharers since a fork must not see
 * the writes of a shared mapping).
 */
static int
check_shareable(const struct process *p, uint64_t vpn, char *err, size_t size)
{
	const struct pte *e = page_table_find(&p->pt, vpn);
	unsigned long long v = vpn;

	if (!process_region(p, vpn))
		snprintf(err, size, "page 0x%llx of pid %d is not mapped (share maps pages "
			 "that are)", v, p->pid);
	else if (pte_dropped(e))
		snprintf(err, size, "page 0x%llx of pid %d was evicted clean and is in no "
			 "frame and no swap slot: touch it before sharing it", v, p->pid);
	else if (!e || (!e->present && e->slot < 0))
		snprintf(err, size, "page 0x%llx of pid %d was never touched: touch it before "
			 "sharing it (share maps pages in memory or in swap)", v, p->pid);
	else if (e->cow)
		snprintf(err, size, "page 0x%llx of pid %d is copy-on-write since a fork: "
			 "write it first, so it is pid %d's own", v, p->pid, p->pid);
	else
		return 0;
	return -1;
}

/*
 * Whether process pid maps page vpn of p already (shared with it before):
 * a process maps a page once, so each mapping of a frame is another
 * process's.
 */
static int
check_not_mapped_by(const struct machine *m, const struct process *p, uint64_t vpn, int pid,
		    char *err, size_t size)
{
	const struct pte *e = page_table_find(&p->pt, vpn);
	const struct rmap *r = e->present ? frame_rmap(m, e->frame) : slot_rmap(m, (unsigned)e->slot);

	if (!rmap_maps_pid(&m->rmap, r, pid))
		return 0;
	snprintf(err, size, "pid %d maps page 0x%llx of pid %d already (a process maps a "
		 "shared page once)", pid, (unsigned long long)vpn, p->pid);
	return -1;
}

static int
check_share(const struct machine *m, const struct op *op, char *err, size_t size)
{
	uint64_t first = op->addr >> machine_page_bits(m);
	uint64_t to_first = op->to_addr >> machine_page_bits(m);

	if (check_pages(m, op->pid, op->addr, op->pages, err, size) ||
	    check_pages(m, op->to_pid, op->to_addr, op->pages, err, size))
		return -1;
	if (op->pid == op->to_pid) {
		snprintf(err, size, "share maps pages into another process: pid %d twice",
			 op->pid);
		return -1;
	}
	if (m->cfg.levels > 1) {
		snprintf(err, size, "share needs a one-level page table (this machine has %u "
			 "levels)", m->cfg.levels);
		return -1;
	}
	/* Each page passed has an entry, so a range longer than the table
	 * fails within its first count + 1 pages: the loop stays short. */
	for (uint64_t i = 0; i < op->pages; i++)
		if (check_shareable(m->procs[op->pid], first + i, err, size) ||
		    check_not_mapped_by(m, m->procs[op->pid], first + i, op->to_pid, err, size))
			return -1;
	if (region_overlaps(m->procs[op->to_pid], to_first, op->pages)) {
		snprintf(err, size, "pages from 0x%llx overlap a mapping of pid %d (share maps "
			 "into unmapped pages)", (unsigned long long)op->to_addr, op->to_pid);
		return -1;
	}
	return 0;
}

static int
check_nothing(const struct machine *m, const struct op *op, char *err, size_t size)
{
	(void)m; (void)op; (void)err; (void)size;
	return 0;
}

/*
 * Drops a page's mapping from its frame and swap slot, giving back each
 * whose last mapping it was; the caller removes its PTE.
 */
/* A huge page's frames all go free at once (it is never in swap). */
static void
release_huge_page(struct machine *m, struct process *p, struct pte *e, struct event *ev)
{
	unsigned pages = (unsigned)machine_huge_pages(m);

	tlb_remove_page(&m->tlb, p->pid, e->vpn, e->frame);
	for (unsigned i = 0; i < pages; i++)
		rmap_clear(&m->rmap, &m->frames[e->frame + (int)i].rmap);
	p->resident -= pages;
	m->free_frames += pages;
	m->huge_frames -= pages;
	ev->frames_freed += pages;
}

static void
release_page(struct machine *m, struct process *p, struct pte *e, struct event *ev)
{
	struct mapping map = { .pid = p->pid, .vpn = e->vpn };

	if (e->present && frame_rmap(m, e->frame)->holds == HOLDS_HUGE) {
		release_huge_page(m, p, e, ev);
		return;
	}
	if (e->present) {
		p->resident--;
		tlb_remove_page(&m->tlb, p->pid, e->vpn, e->frame);
		if (rmap_remove(&m->rmap, &m->frames[e->frame].rmap, map)) {
			m->free_frames++;
			if (policy_at(m->cfg.policy)->evicted)
				policy_at(m->cfg.policy)->evicted(m->policy, m, e->frame);
			ev->frames_freed++;
		} else
			ev->frames_shared++;
	}
	if (e->slot < 0)
		return;
	if (swap_unmap(m, e->slot, map))
		ev->slots_freed++;
	else
		ev->slots_shared++;
}

static void
apply_spawn(struct machine *m, const struct op *op, struct event *ev)
{
	uint64_t pages = op->pages ? op->pages : machine_pages_per_process(m);
	char err[128];
	int pid = m->next_pid;

	machine_add_process(m, pid, op->name, err, sizeof err);
	region_insert(m->procs[pid], 0, pages, op->perm, false);
	m->current_pid = pid;
	ev->kind = EV_SPAWN;
	ev->pid = pid;
	ev->count = pages;
	ev->perm = op->perm;
}

/*
 * One entry of the child's page table: the parent's, pointing at the same
 * frame and slot.  A touched page of a writable private mapping becomes
 * read-only and copy-on-write in both, so the first write of either
 * copies it; a page of a shared mapping stays shared (as MAP_SHARED does).
 */
static void
fork_entry(struct machine *m, struct process *parent, struct process *child,
	   struct pte *e, struct event *ev)
{
	struct mapping map = { .pid = child->pid, .vpn = e->vpn };
	struct pte *c;

	if (e->shared)
		ev->mappings++;         /* a shared mapping stays shared in the child */
	else if (process_region(parent, e->vpn)->perm & PERM_W) {
		e->cow = true;
		e->perm &= ~(unsigned)PERM_W;
		ev->count++;
	}
	c = page_table_get(&child->pt, e->vpn);
	*c = *e;
	c->window_refs = 0;     /* the child has made no reference yet */
	walk_entry_made(m, child, e->vpn);
	if (e->present) {
		rmap_add(&m->rmap, &m->frames[e->frame].rmap, map);
		child->resident++;
		ev->frames_shared++;
	}
	if (e->slot >= 0) {
		rmap_add(&m->rmap, &m->swap[e->slot].rmap, map);
		ev->slots_shared++;
	}
}

/* The child's tables below the top: one for each of the parent's, in the lowest free frames. */
static void
fork_tables(struct machine *m, const struct process *parent, struct process *child,
	    struct event *ev)
{
	int f = 0;

	/* Sorted by depth, so each table's parent is made before it. */
	for (size_t i = 0; i < parent->tables.n; i++) {
		const struct pt_table *t = &parent->tables.t[i];

		while (!frame_is_free(m, f))
			f++;
		walk_make_table(m, child, t->depth, walk_table_first_vpn(m, t->depth, t->prefix), f);
		ev->depth++;
	}
}

/*
 * A child's name: its parent's with a '+' per generation ("app+", "app++");
 * when that would pass OP_NAME_MAX, the parent's base name (up to its first
 * '+'; spawned names have none) and '+' with the child's own pid ("app+301"),
 * so a long line of forks still gives each generation a name of its own.
 */
static void
child_name(const char *parent, int pid, char *name, size_t size)
{
	char suffix[16];
	int base, n;

	if (strlen(parent) < OP_NAME_MAX) {
		snprintf(name, size, "%s+", parent);
		return;
	}
	n = snprintf(suffix, sizeof suffix, "+%d", pid);
	base = (int)strcspn(parent, "+");
	if (base > OP_NAME_MAX - n)
		base = OP_NAME_MAX - n;
	snprintf(name, size, "%.*s%s", base, parent, suffix);
}

static void
apply_fork(struct machine *m, const struct op *op, struct event *ev)
{
	struct process *parent, *child;
	char name[OP_NAME_MAX + 1], err[128];
	int pid = m->next_pid;

	child_name(m->procs[op->pid]->name, pid, name, sizeof name);
	machine_add_process(m, pid, name, err, sizeof err);
	parent = m->procs[op->pid];     /* after the add, which may move procs */
	child = m->procs[pid];
	if (cgroup_at(m, parent->cgroup) && !cgroup_at(m, parent->cgroup)->owner)
		child->cgroup = parent->cgroup;     /* a named group, not a limit of its own */
	for (size_t i = 0; i < parent->nregions; i++)
		region_insert(child, parent->regions[i].first_vpn, parent->regions[i].npages,
			      parent->regions[i].perm, false);
	ev->kind = EV_FORK;
	ev->other_pid = pid;
	fork_tables(m, parent, child, ev);
	PAGE_TABLE_FOREACH(&parent->pt, e)
		fork_entry(m, parent, child, e, ev);
	/* Its entries may say writable where the pages now are not. */
	ev->held = tlb_flush(&m->tlb, parent->pid);
}

/* Page vpn of `to` maps what e maps: the same frame or slot, with perm. */
static void
share_entry(struct machine *m, struct pte *e, struct process *to, uint64_t vpn,
	    unsigned perm, struct event *ev)
{
	struct mapping map = { .pid = to->pid, .vpn = vpn };
	struct pte *c = page_table_get(&to->pt, vpn);

	e->shared = c->shared = true;
	c->present = e->present;
	c->frame = e->frame;
	c->slot = e->slot;
	c->perm = perm;
	walk_entry_made(m, to, vpn);
	if (e->present) {
		rmap_add(&m->rmap, &m->frames[e->frame].rmap, map);
		to->resident++;
		ev->frames_shared++;
	}
	if (e->slot >= 0) {
		rmap_add(&m->rmap, &m->swap[e->slot].rmap, map);
		ev->slots_shared++;
	}
}

static void
apply_share(struct machine *m, const struct op *op, struct event *ev)
{
	struct process *from = m->procs[op->pid], *to = m->procs[op->to_pid];
	uint64_t first = op->addr >> machine_page_bits(m);
	uint64_t to_first = op->to_addr >> machine_page_bits(m);

	region_insert(to, to_first, op->pages, op->perm, false);
	ev->kind = EV_SHARE;
	ev->other_pid = op->to_pid;
	ev->other_vpn = to_first;
	ev->count = op->pages;
	ev->perm = op->perm;
	for (uint64_t i = 0; i < op->pages; i++)
		share_entry(m, page_table_find(&from->pt, first + i), to, to_first + i,
			    op->perm, ev);
}

static void
apply_switch(struct machine *m, const struct op *op, struct event *ev)
{
	m->current_pid = op->pid;
	ev->kind = EV_SWITCH;
}

void
engine_end_process(struct machine *m, struct process *p, struct event *ev)
{
	PAGE_TABLE_FOREACH(&p->pt, e)
		release_page(m, p, e, ev);
	tlb_flush(&m->tlb, p->pid);
	page_table_free(&p->pt);
	working_set_free(&p->ws);
	ev->depth = walk_free_all(m, p);
	p->nregions = 0;
	p->alive = false;
	if (m->current_pid == p->pid)
		m->current_pid = 0;
}

static void
apply_exit(struct machine *m, const struct op *op, struct event *ev)
{
	ev->kind = EV_EXIT;
	engine_end_process(m, machine_process(m, op->pid), ev);
}

/* map, or hugemap (count: huge pages, flagged EVF_HUGE). */
static void
apply_map(struct machine *m, const struct op *op, struct event *ev)
{
	bool huge = op->kind == OP_HUGEMAP;

	region_insert(m->procs[op->pid], op->addr >> machine_page_bits(m),
		      huge ? op->pages * machine_huge_pages(m) : op->pages, op->perm, huge);
	ev->kind = EV_MAP;
	ev->count = op->pages;
	ev->perm = op->perm;
	if (huge)
		ev->flags |= EVF_HUGE;
}

static void
apply_unmap(struct machine *m, const struct op *op, struct event *ev)
{
	struct process *p = m->procs[op->pid];
	uint64_t first = op->addr >> machine_page_bits(m);
	uint64_t *doomed = xmalloc((p->pt.count + 1) * sizeof *doomed);
	size_t n = 0;

	ev->kind = EV_UNMAP;
	working_set_forget(&p->ws, &p->pt, first, op->pages);
	/* Collect first: removing entries moves others in the hash. */
	PAGE_TABLE_FOREACH(&p->pt, e)
		if (e->vpn - first < op->pages)
			doomed[n++] = e->vpn;
	for (size_t i = 0; i < n; i++) {
		release_page(m, p, page_table_find(&p->pt, doomed[i]), ev);
		page_table_remove(&p->pt, doomed[i]);
		walk_entry_gone(m, p, doomed[i]);
	}
	free(doomed);
	ev->depth = walk_free_empty(m, p, first, op->pages);
	ev->count = region_remove(p, first, op->pages);
}

/* A process's own limit is a group of one; one in a named group has the group's. */
static int
check_limit(const struct machine *m, const struct op *op, char *err, size_t size)
{
	const struct cgroup *g;

	if (need_process(m, op->pid, err, size))
		return -1;
	g = cgroup_at(m, m->procs[op->pid]->cgroup);
	if (g && !g->owner) {
		snprintf(err, size, "pid %d is in cgroup %s, whose limit it has (change it "
			 "with cgroup %s FRAMES)", op->pid, g->name, g->name);
		return -1;
	}
	return 0;
}

static void
apply_limit(struct machine *m, const struct op *op, struct event *ev)
{
	struct process *p = m->procs[op->pid];

	if (op->limit == LIMIT_NONE)
		p->cgroup = CGROUP_NONE;
	else {
		p->cgroup = cgroup_make(m, "", p->pid);
		m->cgroups[p->cgroup - 1].frames_max = op->limit;
	}
	ev->kind = EV_LIMIT;
	ev->count = op->limit;
	ev->held = p->resident;
	ev->flags = op->limit == LIMIT_NONE ? EVF_NO_LIMIT : 0;
}

/* There is no group NAME: says so, returns -1. */
static int
need_group(const struct machine *m, const struct op *op, char *err, size_t size)
{
	if (cgroup_find(m, op->name))
		return 0;
	snprintf(err, size, "no cgroup %s (make it first: cgroup %s FRAMES)", op->name, op->name);
	return -1;
}

static int
check_cgroup_add(const struct machine *m, const struct op *op, char *err, size_t size)
{
	return need_group(m, op, err, size) || need_process(m, op->pid, err, size);
}

/* A group's limits and usage, for its events. */
static void
group_event(const struct machine *m, unsigned id, enum event_kind kind, struct event *ev)
{
	ev->kind = kind;
	ev->cgroup = id;
	ev->count = cgroup_at(m, id)->frames_max;
	ev->held = cgroup_frames(m, id);
	ev->swap_max = cgroup_at(m, id)->swap_max;
	ev->swap_used = cgroup_slots(m, id);
}

static void
apply_cgroup_limit(struct machine *m, const struct op *op, struct event *ev)
{
	bool made = !cgroup_find(m, op->name);
	unsigned id = cgroup_make(m, op->name, 0);

	m->cgroups[id - 1].frames_max = op->limit;
	group_event(m, id, EV_CGROUP, ev);
	ev->flags = made ? EVF_NEW_GROUP : 0;
}

static void
apply_cgroup_add(struct machine *m, const struct op *op, struct event *ev)
{
	struct process *p = m->procs[op->pid];
	unsigned was = p->cgroup;

	p->cgroup = cgroup_find(m, op->name);
	group_event(m, p->cgroup, EV_CGROUP_ADD, ev);
	if (was == p->cgroup)
		ev->flags = EVF_ALREADY_IN;
	else if (was != CGROUP_NONE && cgroup_at(m, was)->owner)
		ev->flags = EVF_OWN_LIMIT_LEFT;
	else
		ev->left_group = was;
}

static void
apply_cgroup_swap(struct machine *m, const struct op *op, struct event *ev)
{
	unsigned id = cgroup_find(m, op->name);

	m->cgroups[id - 1].swap_max = op->limit;
	group_event(m, id, EV_CGROUP_SWAP, ev);
}

static void
apply_tlb_flush(struct machine *m, const struct op *op, struct event *ev)
{
	(void)op;
	ev->kind = EV_TLB_FLUSH;
	ev->count = tlb_flush(&m->tlb, 0);
}

static const struct {
	check_fn *check;
	apply_fn *apply;
} commands[] = {
	[OP_NONE] = { check_nothing, NULL },
	[OP_ACCESS] = { check_access, NULL },
	[OP_SPAWN] = { check_spawn, apply_spawn },
	[OP_SWITCH] = { check_pid, apply_switch },
	[OP_EXIT] = { check_pid, apply_exit },
	[OP_MAP] = { check_map, apply_map },
	[OP_UNMAP] = { check_unmap, apply_unmap },
	[OP_LIMIT] = { check_limit, apply_limit },
	[OP_TLB_FLUSH] = { check_nothing, apply_tlb_flush },
	[OP_FORK] = { check_fork, apply_fork },
	[OP_SHARE] = { check_share, apply_share },
	[OP_CGROUP_LIMIT] = { check_nothing, apply_cgroup_limit },
	[OP_CGROUP_ADD] = { check_cgroup_add, apply_cgroup_add },
	[OP_CGROUP_SWAP] = { need_group, apply_cgroup_swap },
	[OP_HUGEMAP] = { check_hugemap, apply_map },
};

int
engine_check(const struct machine *m, const struct op *op, char *err, size_t size)
{
	return commands[op->kind].check(m, op, err, size);
}

/*
 * Runs a command other than an access: its one event, if any is wanted.
 * Out of line, so an access's path carries no event on its stack.
 */
static __attribute__((noinline)) void
command_run(struct machine *m, const struct op *op, struct event_list *out,
	    unsigned max_events)
{
	struct event scratch;   /* where the event goes when nobody wants it */
	struct event *ev;

	if (!commands[op->kind].apply || max_events == 0)
		return;
	ev = out ? &out->ev[out->n++] : &scratch;
	*ev = (struct event){ .step = m->step, .pid = op->pid, .vaddr = op->addr,
		.frame = NO_FRAME, .slot = NO_SLOT, .source = NO_FRAME };
	commands[op->kind].apply(m, op, ev);
}

int
engine_apply_partial(struct machine *m, const struct op *op, struct event_list *out,
		     unsigned max_events, char *err, size_t size)
{
	struct op_access in = op_access_of(op);
	struct process *p = NULL;

	if (out)
		out->n = 0;
	/* An access, by far the commonest operation, is checked without the table. */
	if (op->kind == OP_ACCESS ? access_check(m, &in, &p, err, size)
				  : engine_check(m, op, err, size))
		return -1;
	m->step++;
	if (op->kind == OP_ACCESS)
		access_run(m, p, &in, out, max_events);
	else
		command_run(m, op, out, max_events);
	return 0;
}

size_t
engine_apply_accesses(struct machine *m, const struct op_access *in, size_t n,
		      char *err, size_t size)
{
	return access_run_quietly(m, in, n, err, size);
}

int
engine_apply(struct machine *m, const struct op *op, struct event_list *out,
	     char *err, size_t size)
{
	return engine_apply_partial(m, op, out, ALL_EVENTS, err, size);
}
