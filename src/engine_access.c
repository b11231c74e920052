/*
 * engine_access.c - one access, in the steps a kernel takes (DESIGN §1).
 *
 * Each phase changes the machine, reports exactly one event and names the
 * phase that follows, so the list of events is the story of the access and
 * stopping after N events leaves the state as it is at that point.  A
 * phase keeps a pointer to a PTE only while its table cannot change: the
 * fill phase may grow the table, so it looks the entry up afresh.
 *
 * Batch runs that print only a summary ask for no events at all; the
 * phases then write into one scratch record, which keeps the engine at
 * tens of millions of accesses a second.
 */
#include <assert.h>

#include "engine_access.h"
#include "policy.h"

enum phase {
	PH_SPLIT, PH_TLB, PH_WALK, PH_SEGFAULT, PH_PROTECTION, PH_FAULT,
	PH_FREE_FRAME, PH_VICTIM, PH_OOM, PH_WRITEBACK, PH_EVICT, PH_FILL,
	PH_PTE, PH_TLB_FILL, PH_ACCESS, PH_DONE,
};

struct access {
	struct process *p;
	struct pte *pte;        /* the page's entry, once looked up; see above */
	struct pte *victim_pte; /* the victim's first mapping's entry, from choice
				 * to eviction (every mapping shares its slot) */
	char kind;              /* 'r', 'w', 'x' */
	uint64_t vaddr, vpn, offset;
	int frame;              /* the frame the page is (or will be) in */
	struct mapping victim;  /* the victim's first mapping; pid 0: none */
	bool faulted;
};

typedef enum phase phase_fn(struct machine *, struct access *, struct event *);

static unsigned
needed_perm(char kind)
{
	return kind == ACCESS_WRITE ? PERM_W : kind == ACCESS_EXEC ? PERM_X : PERM_R;
}

static struct pte *
own_pte(struct access *a)
{
	if (!a->pte)
		a->pte = page_table_find(&a->p->pt, a->vpn);
	return a->pte;
}

static enum phase
after_translation(const struct machine *m)
{
	return m->cfg.tlb_entries ? PH_TLB_FILL : PH_ACCESS;
}

static enum phase
split(struct machine *m, struct access *a, struct event *ev)
{
	unsigned bits = machine_page_bits(m);

	if (m->cfg.grow_va)
		machine_grow_va(m, a->vaddr);
	a->vpn = a->vaddr >> bits;
	a->offset = a->vaddr & (m->cfg.page_size - 1);
	ev->kind = EV_SPLIT;
	m->stats.accesses++;
	return m->cfg.tlb_entries ? PH_TLB : PH_WALK;
}

static enum phase
tlb(struct machine *m, struct access *a, struct event *ev)
{
	int i = tlb_lookup(&m->tlb, a->p->pid, a->vpn);

	if (i < 0) {
		ev->kind = EV_TLB_MISS;
		m->stats.tlb_misses++;
		return PH_WALK;
	}
	ev->kind = EV_TLB_HIT;
	m->stats.tlb_hits++;
	a->frame = ev->frame = m->tlb.e[i].frame;
	ev->perm = m->tlb.e[i].perm;
	return (ev->perm & needed_perm(a->kind)) ? PH_ACCESS : PH_PROTECTION;
}

/* A page touched before, evicted clean and never written: say since when. */
static void
note_dropped(const struct pte *e, struct event *ev)
{
	if (pte_dropped(e)) {
		ev->flags |= EVF_DROPPED;
		ev->evicted_step = e->evicted_step;
	}
}

static enum phase
walk(struct machine *m, struct access *a, struct event *ev)
{
	const struct region *r = process_region(a->p, a->vpn);
	const struct pte *e = own_pte(a);

	(void)m;
	ev->kind = EV_WALK;
	if (!r)
		return PH_SEGFAULT;
	ev->perm = r->perm;
	if (e && e->present) {
		ev->flags |= EVF_PRESENT;
		a->frame = ev->frame = e->frame;
	} else if (e && e->slot >= 0) {
		ev->flags |= EVF_SWAPPED;
		ev->slot = e->slot;
	} else
		note_dropped(e, ev);
	if (!(r->perm & needed_perm(a->kind)))
		return PH_PROTECTION;
	return e && e->present ? after_translation(m) : PH_FAULT;
}

static enum phase
segfault(struct machine *m, struct access *a, struct event *ev)
{
	(void)a;
	ev->kind = EV_SEGFAULT;
	m->stats.segfaults++;
	return PH_DONE;
}

static enum phase
protection(struct machine *m, struct access *a, struct event *ev)
{
	const struct region *r = process_region(a->p, a->vpn);

	ev->kind = EV_PROTECTION_FAULT;
	ev->perm = r ? r->perm : 0;
	m->stats.protection_faults++;
	return PH_DONE;
}

static bool
at_limit(const struct process *p)
{
	return p->frame_limit != LIMIT_NONE && p->resident >= p->frame_limit;
}

/* Which frames this fault may take from: its own at a limit or under local scope. */
static struct victim_filter
victim_filter_for(const struct machine *m, const struct process *p)
{
	bool own = at_limit(p) || (m->cfg.scope == SCOPE_LOCAL && p->resident > 0);

	return (struct victim_filter){ .pid = own ? p->pid : 0 };
}

/* At its limit a process evicts its own pages, though frames may be free: which. */
static void
note_limit(const struct machine *m, const struct process *p, struct event *ev)
{
	unsigned listed = 0;

	ev->flags |= EVF_LIMITED;
	ev->count = p->frame_limit;
	ev->held = p->resident;
	ev->free_count = m->free_frames;
	for (unsigned f = 0; listed < m->free_frames && listed < 3; f++)
		if (frame_is_free(m, (int)f))
			ev->free_first[listed++] = (int)f;
}

static enum phase
fault(struct machine *m, struct access *a, struct event *ev)
{
	const struct pte *e = own_pte(a);

	ev->kind = EV_PAGE_FAULT;
	if (e && e->slot >= 0) {
		ev->flags |= EVF_SWAPPED;
		ev->slot = e->slot;
	} else
		note_dropped(e, ev);
	a->faulted = true;
	a->p->faults++;
	m->stats.faults++;
	if (at_limit(a->p)) {
		note_limit(m, a->p, ev);
		return PH_VICTIM;
	}
	if (m->free_frames)
		return PH_FREE_FRAME;
	if (m->cfg.scope == SCOPE_LOCAL) {
		ev->flags |= EVF_LOCAL;
		ev->held = a->p->resident;
	}
	return PH_VICTIM;
}

static enum phase
free_frame(struct machine *m, struct access *a, struct event *ev)
{
	int f = 0;

	while (!frame_is_free(m, f))
		f++;
	ev->kind = EV_FREE_FRAME;
	a->frame = ev->frame = f;
	return PH_FILL;
}

static enum phase
victim(struct machine *m, struct access *a, struct event *ev)
{
	struct victim_filter filter = victim_filter_for(m, a->p);
	int f = policy_at(m->cfg.policy)->choose(m->policy, m, &filter, &ev->why);
	const struct pte *owner;

	ev->kind = EV_VICTIM;
	if (at_limit(a->p))
		note_limit(m, a->p, ev);
	a->frame = ev->frame = f;
	a->victim = frame_first(m, f);
	owner = a->victim_pte = mapping_pte(m, a->victim);
	ev->other_pid = a->victim.pid;
	ev->other_vpn = a->victim.vpn;
	ev->slot = owner->slot;
	if (!owner->dirty && !(frame_rmap(m, f)->count > 1 && frame_dirty(m, f)))
		return PH_EVICT;
	ev->flags |= EVF_DIRTY;
	if (owner->slot >= 0 || !swap_full(m))
		return PH_WRITEBACK;
	ev->flags |= EVF_NO_SLOT;
	return PH_OOM;
}

/* The eviction's later events all name the victim and the frame it leaves. */
static void
name_victim(const struct access *a, struct event *ev)
{
	ev->frame = a->frame;
	ev->other_pid = a->victim.pid;
	ev->other_vpn = a->victim.vpn;
}

static enum phase
out_of_memory(struct machine *m, struct access *a, struct event *ev)
{
	ev->kind = EV_OUT_OF_MEMORY;
	name_victim(a, ev);
	m->stats.out_of_memory++;
	return PH_DONE;
}

/* The entry of the victim's mapping `it` is at: the first one is at hand. */
static struct pte *
victim_entry(const struct machine *m, const struct access *a, const struct rmap_iter *it)
{
	return it->i == 1 ? a->victim_pte : mapping_pte(m, it->map);
}

/* Every mapping of the victim keeps its contents in `slot` and is clean. */
static void
victim_written_to(struct machine *m, const struct access *a, int slot)
{
	RMAP_FOREACH(&m->rmap, frame_rmap(m, a->frame), it) {
		struct pte *e = victim_entry(m, a, &it);

		e->slot = slot;
		e->dirty = false;
	}
}

static enum phase
writeback(struct machine *m, struct access *a, struct event *ev)
{
	struct pte *owner = a->victim_pte;

	victim_written_to(m, a, owner->slot >= 0 ? owner->slot : swap_alloc(m, a->frame));
	ev->kind = EV_WRITEBACK;
	name_victim(a, ev);
	ev->slot = owner->slot;
	m->stats.writebacks++;
	return PH_EVICT;
}

static enum phase
evict(struct machine *m, struct access *a, struct event *ev)
{
	struct pte *owner = a->victim_pte;

	ev->kind = EV_EVICT;
	name_victim(a, ev);
	ev->slot = owner->slot;
	/* A page with no slot was never written: nothing is kept, and its next
	 * touch zero-fills it again; its entry stays, to remember it was here. */
	if (owner->slot >= 0)
		ev->flags |= EVF_KEEPS_SLOT;
	/* Every page table that maps the frame loses it. */
	RMAP_FOREACH(&m->rmap, frame_rmap(m, a->frame), it) {
		struct pte *e = victim_entry(m, a, &it);

		e->present = false;
		e->frame = NO_FRAME;
		e->evicted_step = m->step;
		machine_process(m, it.map.pid)->resident--;
	}
	tlb_remove_frame(&m->tlb, a->frame);
	policy_at(m->cfg.policy)->evicted(m->policy, m, a->frame);
	rmap_clear(&m->rmap, &m->frames[a->frame].rmap);
	m->free_frames++;
	m->stats.evictions++;
	return PH_FILL;
}

static enum phase
fill(struct machine *m, struct access *a, struct event *ev)
{
	struct pte *e = a->pte = page_table_get(&a->p->pt, a->vpn);

	e->perm = process_region(a->p, a->vpn)->perm;
	ev->frame = a->frame;
	ev->slot = e->slot;
	if (a->victim.pid) {
		ev->flags |= EVF_JUST_FREED;
		ev->other_pid = a->victim.pid;
		ev->other_vpn = a->victim.vpn;
	}
	if (e->slot >= 0) {
		ev->kind = EV_SWAP_IN;
		m->stats.swap_ins++;
	} else {
		ev->kind = EV_ZERO_FILL;
		note_dropped(e, ev);
		m->stats.zero_fills++;
	}
	m->frames[a->frame] = (struct frame){
		.rmap = rmap_single(HOLDS_DATA, (struct mapping){ a->p->pid, a->vpn }),
		.loaded_step = m->step, .last_used_step = m->step };
	m->free_frames--;
	a->p->resident++;
	policy_at(m->cfg.policy)->loaded(m->policy, m, a->frame);
	return PH_PTE;
}

static enum phase
pte_update(struct machine *m, struct access *a, struct event *ev)
{
	struct pte *e = own_pte(a);

	e->present = true;
	e->dirty = false;
	e->frame = a->frame;
	ev->kind = EV_PTE_UPDATE;
	ev->frame = a->frame;
	ev->slot = e->slot;
	ev->perm = e->perm;
	return after_translation(m);
}

static enum phase
tlb_fill_phase(struct machine *m, struct access *a, struct event *ev)
{
	struct tlb_entry old;
	const struct pte *e = own_pte(a);

	tlb_fill(&m->tlb, a->p->pid, a->vpn, a->frame, e->perm, &old);
	ev->kind = EV_TLB_FILL;
	ev->frame = a->frame;
	ev->perm = e->perm;
	if (old.pid) {
		ev->flags |= EVF_REPLACED;
		ev->other_pid = old.pid;
		ev->other_vpn = old.vpn;
	}
	return PH_ACCESS;
}

static enum phase
access_page(struct machine *m, struct access *a, struct event *ev)
{
	struct pte *e = own_pte(a);
	struct frame *fr = &m->frames[a->frame];

	fr->referenced = true;
	fr->last_used_step = m->step;
	if (a->kind == ACCESS_WRITE)
		e->dirty = true;
	policy_at(m->cfg.policy)->accessed(m->policy, m, a->frame);
	if (!a->faulted)
		m->stats.hits++;
	else
		ev->flags |= EVF_RESTARTED;
	ev->kind = EV_ACCESS;
	ev->frame = a->frame;
	ev->flags |= e->dirty ? EVF_DIRTY : 0;
	ev->paddr = machine_paddr(m, a->frame, a->offset);
	return PH_DONE;
}

/*
 * Each phase names a later one (access_run checks it), so an access
 * reports at most one event per phase.
 */
_Static_assert(PH_DONE <= EVENTS_MAX, "an access's events must fit an event list");

static phase_fn *const phases[PH_DONE] = {
	[PH_SPLIT] = split, [PH_TLB] = tlb, [PH_WALK] = walk,
	[PH_SEGFAULT] = segfault, [PH_PROTECTION] = protection,
	[PH_FAULT] = fault, [PH_FREE_FRAME] = free_frame, [PH_VICTIM] = victim,
	[PH_OOM] = out_of_memory, [PH_WRITEBACK] = writeback, [PH_EVICT] = evict,
	[PH_FILL] = fill, [PH_PTE] = pte_update, [PH_TLB_FILL] = tlb_fill_phase,
	[PH_ACCESS] = access_page,
};

void
access_run(struct machine *m, const struct op *op, struct event_list *out,
	   unsigned max_events)
{
	struct access a = {
		.p = machine_process(m, op->pid ? op->pid : m->current_pid),
		.kind = op->access, .vaddr = op->addr, .frame = NO_FRAME,
	};
	struct event scratch;   /* phases only write events, so it needs no zeroing */

	if (max_events > EVENTS_MAX)
		max_events = EVENTS_MAX;
	for (enum phase ph = PH_SPLIT, next; ph != PH_DONE; ph = next) {
		struct event *ev = &scratch;

		if (out) {
			if (out->n == max_events)
				break;
			ev = &out->ev[out->n++];
			*ev = (struct event){ .step = m->step, .pid = a.p->pid,
				.access = a.kind, .vaddr = a.vaddr, .frame = NO_FRAME,
				.slot = NO_SLOT };
		}
		next = phases[ph](m, &a, ev);
		assert(next > ph);
		ev->vpn = a.vpn;
		ev->offset = a.offset;
	}
}
