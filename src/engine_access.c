/*
 * engine_access.c - one access, in the steps a kernel takes (DESIGN §1).
 *
 * Each phase changes the machine and names the phase that follows; each
 * has a teller that reports what it did as exactly one event, so the list
 * of events is the story of the access and stopping after N events leaves
 * the state as it is at that point.  A phase keeps a pointer to a PTE only
 * while its table cannot change: within one access only the fill phase
 * adds an entry (which may grow the table), and nothing after it needs an
 * older pointer.
 *
 * Batch runs that print only a summary ask for no events at all: the same
 * phases then run back to back and no teller is called, for a whole run
 * of accesses in one call (engine_apply_accesses).  There is one
 * implementation of what memory does, and the UI's step-by-step story and
 * batch --quiet's counts come out of it alike (tests/test_paths.c).
 */
#include <assert.h>
#include <stdio.h>

#include "engine_access.h"
#include "page_walk.h"
#include "policy.h"

enum phase {
	PH_SPLIT, PH_TLB, PH_WALK_TABLE, PH_WALK, PH_SEGFAULT, PH_PROTECTION, PH_FAULT,
	PH_COW, PH_FREE_FRAME, PH_LOOK, PH_VICTIM, PH_OOM, PH_OOM_KILL, PH_WRITEBACK, PH_EVICT, PH_NEW_TABLE, PH_FILL,
	PH_PTE, PH_TLB_FILL, PH_ACCESS, PH_TRIM, PH_TRIM_WRITEBACK, PH_TRIM_EVICT,
	PH_TICK, PH_DONE,
};

/* What the OOM killer did (set only when it runs). */
struct oom_kill {
	int pid;                /* the process it ended */
	unsigned usage;         /* its group's frames when it ran */
	unsigned held;          /* the frames the process held */
	struct event freed;     /* what its end gave back (frames_freed, ...) */
};

struct access {
	struct process *p;
	const struct policy_ops *policy;    /* the machine's, looked up once */
	const struct region *region;        /* the page's mapping, once walked */
	struct pte *pte;        /* the page's entry, once looked up; see above */
	struct pte *victim_pte; /* the victim's first mapping's entry, from choice
				 * to eviction (every mapping shares its slot) */
	struct process *victim_p;   /* ... and its process */
	char kind;              /* 'r', 'w', 'x' */
	uint64_t vaddr, vpn, offset;
	uint64_t leaf_vpn;      /* the page whose entry translates vpn: vpn, or the
				 * first page of its huge page */
	unsigned leaf_depth;    /* the depth of the table holding that entry */
	unsigned tlb_perm;      /* the permissions a TLB hit found */
	uint64_t reads_before;  /* stats.table_reads when the access began */
	struct mapping victim;  /* the victim's first mapping; pid 0: none */
	unsigned victim_maps;   /* page tables that mapped the victim's frame */
	struct victim_why why;  /* the policy's reason for its victim */
	struct sweep sweep;     /* a search told look by look, under way (looks > 0) */
	int looked_to;          /* the victim its last look decided on, or NO_FRAME */
	unsigned looks_left;    /* looks still to tell in this access (0: none told) */
	struct tlb_entry replaced;  /* the entry a TLB fill replaced (pid 0: none) */
	int trim_frame;         /* a frame to trim after the access, and why */
	struct victim_why trim_why;
	unsigned read_depth;    /* the table the walk read last ... */
	int read_frame;         /* ... and its frame */
	unsigned made;          /* the depth of the table just made */
	struct mapping made_victim; /* whose page its frame was taken from (pid 0: free) */
	bool tlb_removed;       /* the eviction removed TLB entries for the frame */
	struct oom_kill kill;   /* what the OOM killer did, once it ran */
	/* Set as each access starts (access_start); side by side, so that
	 * is a few wide stores. */
	int frame;              /* the frame the page is (or will be) in; a huge
				 * page's first frame */
	int source;             /* copy-on-write: the frame copied from, or NO_FRAME */
	int table_frame;        /* the frame of the table the walk reads next
				 * (NO_FRAME: the top's) ... */
	unsigned depth;         /* ... and its depth (0: the top) */
	unsigned missing;       /* the depth of the first table to make; 0: none */
	unsigned pte_flags;     /* EVF_* the PTE update tells: how it shared or stopped */
	unsigned swap_group;    /* the group with no swap left for a dirty victim */
	bool tlb_hit;           /* the TLB held the page */
	bool huge;              /* vpn lies in a huge page */
	bool no_run;            /* ... and no aligned run of free frames can hold it */
	bool no_room;           /* ... or its group's limit has no room for all of it */
	bool faulted;
	bool in_memory;         /* the fault found the page in a sharer's frame (minor) */
	bool from_swap;         /* the fault read the page from swap (major) */
	bool trimming;          /* the eviction under way is a trim, not for a fault */
	bool shared_clean;      /* the victim goes to swap, clean, for its sharers */
};


static unsigned
needed_perm(char kind)
{
	return kind == ACCESS_WRITE ? PERM_W : kind == ACCESS_EXEC ? PERM_X : PERM_R;
}

static inline struct pte *
own_pte(struct access *a)
{
	if (!a->pte)
		a->pte = page_table_find(&a->p->pt, a->leaf_vpn);
	return a->pte;
}

/* The frame holding the byte accessed: a huge page's pages fill its frames in order. */
static inline int
data_frame(const struct access *a)
{
	return a->frame + (int)(a->vpn - a->leaf_vpn);
}

/* Whether a write meets a copy-on-write page: the kernel's work, not a refusal. */
static bool
writes_cow(struct access *a)
{
	const struct pte *e = own_pte(a);

	return a->kind == ACCESS_WRITE && e && e->cow;
}

/*
 * A walk starts at the top table: one read per level, down to the entry
 * that translates the page (for a huge page, a leaf one level up).
 */
static inline enum phase
first_walk(const struct machine *m, struct access *a)
{
	if (m->cfg.levels == 1)
		return PH_WALK;
	a->region = process_region(a->p, a->vpn);
	a->huge = a->region && a->region->huge;
	a->leaf_depth = m->cfg.levels - 1 - a->huge;
	if (a->huge)
		a->leaf_vpn = a->vpn & ~(machine_huge_pages(m) - 1);
	return a->leaf_depth ? PH_WALK_TABLE : PH_WALK;
}

static enum phase
after_translation(const struct machine *m)
{
	return m->cfg.tlb_entries ? PH_TLB_FILL : PH_ACCESS;
}

/* Which frames this fault may take from (policy.h). */
static inline struct victim_filter
access_filter(const struct machine *m, const struct access *a)
{
	return victim_filter_for(m, a->p, a->source);
}

/* Whether this access ends with a clock tick (for the policies that have one). */
static inline enum phase
tick_or_done(const struct machine *m, const struct access *a)
{
	return a->policy->tick && m->stats.accesses % m->cfg.tick == 0 ? PH_TICK : PH_DONE;
}

/*
 * What follows an access, whatever it came to: a page of the process that
 * left its working set leaves memory (for the policies that trim), then
 * the clock tick if one is due.  The frame to trim is only noted here: the
 * access's own event is yet to be told.
 */
static inline enum phase
after_access(struct machine *m, struct access *a)
{
	if (a->policy->expired &&
	    (a->trim_frame = a->policy->expired(m->policy, m, a->p->pid, &a->trim_why)) != NO_FRAME)
		return PH_TRIM;
	return tick_or_done(m, a);
}

/* ---- what each phase does: the memory semantics, decided once ---------- */

/* A phase: inlined into both loops of access_run (see run_phase). */
#define PHASE static inline __attribute__((always_inline)) enum phase

PHASE
split(struct machine *m, struct access *a)
{
	if (m->cfg.grow_va && !machine_addr_ok(m, a->vaddr))
		machine_grow_va(m, a->vaddr);
	a->vpn = a->vaddr >> machine_page_bits(m);
	a->offset = a->vaddr & (m->cfg.page_size - 1);
	a->leaf_vpn = a->vpn;
	m->stats.accesses++;
	return m->cfg.tlb_entries ? PH_TLB : first_walk(m, a);
}

PHASE
tlb(struct machine *m, struct access *a)
{
	int i = tlb_lookup(&m->tlb, a->p->pid, a->vpn);

	if (i < 0) {
		m->stats.tlb_misses++;
		return first_walk(m, a);
	}
	m->stats.tlb_hits++;
	a->tlb_hit = true;
	a->leaf_vpn = m->tlb.e[i].vpn;
	a->huge = m->tlb.e[i].pages > 1;
	a->frame = m->tlb.e[i].frame;
	a->tlb_perm = m->tlb.e[i].perm;
	if (a->tlb_perm & needed_perm(a->kind))
		return PH_ACCESS;
	return writes_cow(a) ? PH_COW : PH_PROTECTION;
}

/* Where an access goes once its mapping is known but its page is not resident. */
static enum phase
refused_or_fault(const struct access *a)
{
	if (!a->region)
		return PH_SEGFAULT;
	return (a->region->perm & needed_perm(a->kind)) ? PH_FAULT : PH_PROTECTION;
}

/*
 * Reads the entry at depth a->depth, above the last level: it points to
 * the next table down, or to none yet, and then the walk stops there.
 */
PHASE
walk_table_phase(struct machine *m, struct access *a)
{
	const struct pt_table *next = walk_table(m, a->p, a->depth + 1, a->vpn);

	m->stats.table_reads++;
	a->read_depth = a->depth;
	a->read_frame = a->table_frame;
	if (!next) {
		a->region = process_region(a->p, a->vpn);
		a->missing = a->depth + 1;
		return refused_or_fault(a);
	}
	a->depth++;
	a->table_frame = next->frame;
	return a->depth < a->leaf_depth ? PH_WALK_TABLE : PH_WALK;
}

PHASE
walk(struct machine *m, struct access *a)
{
	const struct region *r = a->region = process_region(a->p, a->vpn);
	const struct pte *e = own_pte(a);

	m->stats.table_reads++;
	if (!r)
		return PH_SEGFAULT;
	if (e && e->present)
		a->frame = e->frame;
	if (!(r->perm & needed_perm(a->kind)))
		return PH_PROTECTION;
	if (!e || !e->present)
		return PH_FAULT;
	return writes_cow(a) ? PH_COW : after_translation(m);
}

/* A refused access costs the entries its walk read, and no data reference. */
static inline void
count_refused_refs(struct machine *m, const struct access *a)
{
	m->stats.mem_refs += m->stats.table_reads - a->reads_before;
	m->stats.costed++;
}

PHASE
segfault(struct machine *m, struct access *a)
{
	count_refused_refs(m, a);
	m->stats.segfaults++;
	return after_access(m, a);
}

PHASE
protection(struct machine *m, struct access *a)
{
	count_refused_refs(m, a);
	m->stats.protection_faults++;
	return after_access(m, a);
}

/*
 * Whether a frame the fault may take from holds a page (a page table never
 * goes, nor the page a copy is made from).
 */
static __attribute__((noinline)) bool
victim_exists(const struct machine *m, const struct access *a)
{
	struct victim_filter filter = access_filter(m, a);

	for (unsigned f = 0; f < m->cfg.frames; f++)
		if (victim_filter_allows(m, &filter, (int)f))
			return true;
	return false;
}

/*
 * The first of the lowest run of `pages` free frames that starts at a
 * multiple of `pages` (a huge page sits in memory aligned to its size),
 * or NO_FRAME.
 */
static __attribute__((noinline)) int
free_run(const struct machine *m, unsigned pages)
{
	for (unsigned f = 0; f + pages <= m->cfg.frames; f += pages) {
		unsigned i = 0;

		while (i < pages && frame_is_free(m, (int)(f + i)))
			i++;
		if (i == pages)
			return (int)f;
	}
	return NO_FRAME;
}

/*
 * Where the frame for the next table to make, or else for the page, comes
 * from: a free one, a victim's, or none at all (and then, for a group at
 * its limit, the OOM killer's).  Tables are not charged to a group, so a
 * limit does not stop a table taking a free frame.  A huge page takes a
 * free aligned run or nothing: it is never made by evicting pages, and
 * only when its group's limit has room for all of its frames (see the man
 * page).
 */
static inline __attribute__((always_inline)) enum phase
take_frame(const struct machine *m, struct access *a)
{
	bool limited = !a->missing && process_at_limit(m, a->p);

	if (a->huge && !a->missing) {
		unsigned pages = (unsigned)machine_huge_pages(m);

		a->no_room = !cgroup_has_room(m, a->p, pages);
		a->no_run = !a->no_room && free_run(m, pages) == NO_FRAME;
		return a->no_room || a->no_run ? PH_OOM : PH_FREE_FRAME;
	}
	if (m->free_frames && !limited)
		return PH_FREE_FRAME;
	if ((m->table_frames || m->huge_frames || a->source != NO_FRAME || limited) &&
	    !victim_exists(m, a))
		return limited ? PH_OOM_KILL : PH_OOM;
	return a->looks_left && a->policy->look ? PH_LOOK : PH_VICTIM;
}

/* Once a frame is free: the next table to make, or the page. */
static enum phase
fill_next(const struct access *a)
{
	return a->missing ? PH_NEW_TABLE : PH_FILL;
}

static inline void
count_fault(struct machine *m, struct access *a)
{
	a->faulted = true;
	a->p->faults++;
	m->stats.faults++;
}

PHASE
fault(struct machine *m, struct access *a)
{
	const struct pte *e = a->pte;
	int f;

	count_fault(m, a);
	if (e && e->slot >= 0 && (f = slot_frame(m, e->slot)) != NO_FRAME) {
		/* A sharer brought the page back: no read from swap. */
		a->in_memory = true;
		m->stats.found_in_memory++;
		if (!writes_cow(a)) {
			a->frame = f;
			return PH_PTE;
		}
		a->source = f;          /* a write: the writer gets its own copy */
	}
	return take_frame(m, a);
}

/* A write to a copy-on-write page: copy it, unless the writer is its last mapping. */
PHASE
cow(struct machine *m, struct access *a)
{
	const struct pte *e = a->pte;

	count_fault(m, a);
	m->stats.cow_faults++;
	if (!a->region)         /* a TLB hit: the copy needs the mapping's permissions */
		a->region = process_region(a->p, a->vpn);
	/* The entry saying read-only goes; the refill says writable. */
	tlb_remove_page(&m->tlb, a->p->pid, a->vpn, e->frame);
	if (frame_rmap(m, e->frame)->count == 1) {
		a->frame = e->frame;
		return PH_PTE;
	}
	a->source = e->frame;
	return take_frame(m, a);
}

PHASE
free_frame(struct machine *m, struct access *a)
{
	int f = 0;

	if (a->huge && !a->missing)
		f = free_run(m, (unsigned)machine_huge_pages(m));
	else
		while (!frame_is_free(m, f))
			f++;
	a->frame = f;
	return fill_next(a);
}

/*
 * Whether a victim must be written to swap before it leaves: it is dirty,
 * or it is clean but shared with no slot.  A shared page has no file
 * behind it, so swap is its only home (as Linux's shared memory): dropped,
 * its sharers would each zero-fill a page of their own and stop sharing.
 */
static inline bool
victim_written(const struct machine *m, int f, const struct pte *owner, bool *shared_clean)
{
	*shared_clean = false;
	if (owner->dirty)
		return true;
	if (frame_rmap(m, f)->count == 1)
		return false;
	if (frame_dirty(m, f))
		return true;
	return *shared_clean = owner->shared && owner->slot < 0;
}

/*
 * One look of a sweeping policy's search, told as its own event (only when
 * events are told, and at most looks_left of them an access); the victim
 * phase follows once a look decides or the looks to tell run out.
 */
PHASE
look(struct machine *m, struct access *a)
{
	struct victim_filter filter = access_filter(m, a);

	if (a->sweep.looks == 0)
		a->why = (struct victim_why){ 0 };
	a->looked_to = a->policy->look(m->policy, m, &filter, &a->why, &a->sweep);
	a->looks_left--;
	return a->looked_to == NO_FRAME && a->looks_left ? PH_LOOK : PH_VICTIM;
}

/* The victim: the policy's choice, or the end of a search told look by look. */
static inline int
choose_victim(struct machine *m, struct access *a)
{
	struct victim_filter filter = access_filter(m, a);
	int f = a->looked_to;

	if (a->sweep.looks == 0)
		return a->policy->choose(m->policy, m, &filter, &a->why);
	if (f == NO_FRAME)      /* the looks to tell ran out: the rest untold */
		f = policy_sweep(a->policy->look, m->policy, m, &filter, &a->why, &a->sweep);
	a->sweep = (struct sweep){ 0 };
	a->looked_to = NO_FRAME;
	return f;
}

PHASE
victim(struct machine *m, struct access *a)
{
	const struct pte *owner;
	int f;

	f = choose_victim(m, a);
	a->frame = f;
	a->victim = frame_first(m, f);
	a->victim_maps = frame_rmap(m, f)->count;
	a->victim_p = machine_mapper(m, a->victim.pid);
	owner = a->victim_pte = page_table_find(&a->victim_p->pt, a->victim.vpn);
	if (!victim_written(m, f, owner, &a->shared_clean))
		return PH_EVICT;
	if (owner->slot >= 0)
		return PH_WRITEBACK;
	if (swap_full(m))
		return PH_OOM;
	if (!m->ncgroups || !(a->swap_group = cgroup_swap_blocks(m, f)))
		return PH_WRITEBACK;
	/* A group's own eviction with no swap left to it: its OOM killer. */
	return a->swap_group == a->p->cgroup && process_at_limit(m, a->p) ? PH_OOM_KILL : PH_OOM;
}

PHASE
out_of_memory(struct machine *m, struct access *a)
{
	count_refused_refs(m, a);
	m->stats.out_of_memory++;
	return after_access(m, a);
}

/* Ends the member of the faulting group holding the most frames. */
static __attribute__((noinline)) void
kill_member(struct machine *m, struct access *a)
{
	struct oom_kill *k = &a->kill;
	struct process *victim;

	*k = (struct oom_kill){ .pid = cgroup_oom_choice(m, a->p->cgroup),
		.usage = cgroup_frames(m, a->p->cgroup) };
	victim = machine_process(m, k->pid);
	k->held = victim->resident;
	engine_end_process(m, victim, &k->freed);
	m->stats.oom_kills++;
}

/*
 * The OOM killer ends a process of the group; the access fails (with its
 * process, if that is the one ended).
 */
PHASE
oom_kill(struct machine *m, struct access *a)
{
	kill_member(m, a);
	count_refused_refs(m, a);
	return a->p->alive ? after_access(m, a) : tick_or_done(m, a);
}

/*
 * The victim's further mappings, after the first (whose entry and process
 * are at hand): its sharers', nearly always none.
 */
#define FOR_VICTIM_SHARERS(m, a, n) \
	for (const struct rmap_node *n = rmap_second(&(m)->rmap, frame_rmap((m), (a)->frame)); \
	     n; n = rmap_after(&(m)->rmap, n))

/* A mapping of the victim keeps its contents in `slot` and is clean. */
static inline void
written_to(struct pte *e, int slot)
{
	e->slot = slot;
	e->dirty = false;
}

/* Every mapping of the victim keeps its contents in `slot` and is clean. */
static void
victim_written_to(struct machine *m, const struct access *a, int slot)
{
	written_to(a->victim_pte, slot);
	FOR_VICTIM_SHARERS(m, a, n)
		written_to(mapping_pte(m, n->map), slot);
}

PHASE
writeback(struct machine *m, struct access *a)
{
	struct pte *owner = a->victim_pte;

	victim_written_to(m, a, owner->slot >= 0 ? owner->slot : swap_alloc(m, a->frame));
	m->stats.writebacks++;
	return a->trimming ? PH_TRIM_EVICT : PH_EVICT;
}

/* Process p's entry e loses its page's frame. */
static inline void
loses_frame(const struct machine *m, struct pte *e, struct process *p)
{
	e->present = false;
	e->frame = NO_FRAME;
	e->evicted_step = m->step;
	p->resident--;
}

PHASE
evict(struct machine *m, struct access *a)
{
	/* Every page table that maps the frame loses it. */
	loses_frame(m, a->victim_pte, a->victim_p);
	FOR_VICTIM_SHARERS(m, a, n)
		loses_frame(m, mapping_pte(m, n->map), machine_process(m, n->map.pid));
	a->tlb_removed = m->tlb.n && m->tlb.mapped[a->frame] > 0;
	tlb_remove_frame(&m->tlb, a->frame);
	if (a->policy->evicted)
		a->policy->evicted(m->policy, m, a->frame);
	rmap_clear(&m->rmap, &m->frames[a->frame].rmap);
	m->free_frames++;
	m->stats.evictions++;
	return a->trimming ? tick_or_done(m, a) : fill_next(a);
}

/* Makes the missing table in the frame just taken; then the next frame is needed. */
PHASE
new_table(struct machine *m, struct access *a)
{
	walk_make_table(m, a->p, a->missing, a->vpn, a->frame);
	a->made = a->missing;
	a->made_victim = a->victim;
	a->victim.pid = 0;
	a->missing = a->missing < a->leaf_depth ? a->missing + 1 : 0;
	return take_frame(m, a);
}

/*
 * A huge page's first touch: zeroed whole into the run of frames from
 * a->frame.  Its frames are never victims, so no policy hears of them.
 */
static void
fill_huge(struct machine *m, struct access *a)
{
	unsigned pages = (unsigned)machine_huge_pages(m);

	a->pte->perm = a->region->perm;
	m->stats.zero_fills++;
	for (unsigned i = 0; i < pages; i++)
		frame_load(&m->frames[a->frame + (int)i], HOLDS_HUGE,
			   (struct mapping){ a->p->pid, a->leaf_vpn + i }, m->step, 0);
	m->free_frames -= pages;
	m->huge_frames += pages;
	a->p->resident += pages;
}

/* Brings the page into a->frame; the walk found its mapping, maybe its entry. */
PHASE
fill(struct machine *m, struct access *a)
{
	struct pte *e = a->pte;

	if (!e) {
		e = a->pte = page_table_get(&a->p->pt, a->leaf_vpn);
		walk_entry_made(m, a->p, a->leaf_vpn);
	}
	if (a->huge) {
		fill_huge(m, a);
		return PH_PTE;
	}

	/* A copy-on-write page stays read-only until it is written. */
	e->perm = a->region->perm & (e->cow ? ~(unsigned)PERM_W : ~0u);
	if (a->source != NO_FRAME)
		m->stats.cow_copies++;
	else if (e->slot >= 0) {
		a->from_swap = true;
		m->stats.swap_ins++;
	} else
		m->stats.zero_fills++;
	frame_load(&m->frames[a->frame], HOLDS_DATA, (struct mapping){ a->p->pid, a->vpn },
		   m->step, a->p->pid);
	m->free_frames--;
	a->p->resident++;
	if (a->policy->loaded)
		a->policy->loaded(m->policy, m, a->frame);
	return PH_PTE;
}

/*
 * A written copy-on-write page becomes the writer's own and writable; its
 * sharers keep the old contents (in their frame, and in the swap slot if
 * they share one, which the writer then leaves).
 */
static void
make_own(struct machine *m, struct access *a, struct pte *e)
{
	struct mapping me = { .pid = a->p->pid, .vpn = a->vpn };

	if (e->slot >= 0 && slot_rmap(m, e->slot)->count > 1) {
		swap_unmap(m, e->slot, me);
		e->slot = NO_SLOT;
	}
	e->cow = false;
	e->perm = a->region->perm;
	a->pte_flags |= EVF_OWN_COPY;
}

/*
 * The entry of a page that is shared or was: after a copy-on-write fault
 * (copied, or kept as the last mapping), or a fault that found the page
 * in a sharer's frame.
 */
static void
update_shared(struct machine *m, struct access *a, struct pte *e)
{
	struct mapping me = { .pid = a->p->pid, .vpn = a->vpn };

	if (a->source != NO_FRAME) {
		/* The copy takes the shared frame's place in this page table
		 * (if it was there: a fault's copy is of a page not present). */
		if (e->present) {
			rmap_remove(&m->rmap, &m->frames[a->source].rmap, me);
			a->p->resident--;
		}
	} else if (a->in_memory) {
		rmap_add(&m->rmap, &m->frames[a->frame].rmap, me);
		a->p->resident++;
		a->pte_flags |= EVF_IN_MEMORY;
	}
	if (e->present && a->source == NO_FRAME)
		a->pte_flags |= EVF_LAST_MAPPING;       /* kept in place: D stays */
	else
		e->dirty = false;
	if (writes_cow(a))
		make_own(m, a, e);
}

static inline void
count_completed_fault(struct machine *m, const struct access *a)
{
	if (a->from_swap) {
		a->p->major_faults++;
		m->stats.major_faults++;
	} else {
		a->p->minor_faults++;
		m->stats.minor_faults++;
	}
}

PHASE
pte_update(struct machine *m, struct access *a)
{
	struct pte *e = a->pte;

	if (e->present || e->cow || a->in_memory)
		update_shared(m, a, e);
	else
		e->dirty = false;
	e->present = true;
	e->frame = a->frame;
	count_completed_fault(m, a);
	return after_translation(m);
}

PHASE
tlb_fill_phase(struct machine *m, struct access *a)
{
	tlb_fill_span(&m->tlb, a->p->pid, a->leaf_vpn,
		      a->huge ? (uint32_t)machine_huge_pages(m) : 1,
		      a->frame, own_pte(a)->perm, &a->replaced);
	return PH_ACCESS;
}

PHASE
access_page(struct machine *m, struct access *a)
{
	struct frame *fr = &m->frames[a->frame];

	fr->referenced = true;
	fr->last_used_step = m->step;
	if (a->kind == ACCESS_WRITE)
		own_pte(a)->dirty = true;
	if (m->ws_uncounted)
		working_set_remember(&a->p->ws, m->cfg.tau, a->leaf_vpn);
	else
		working_set_touch(&a->p->ws, &a->p->pt, m->cfg.tau, own_pte(a));
	a->p->accesses++;
	/* A huge page's frames take no part in replacement. */
	if (!a->huge && a->policy->accessed)
		a->policy->accessed(m->policy, m, a->frame);
	if (!a->faulted)
		m->stats.hits++;
	/* Translated by the TLB: the data alone; else a whole walk first. */
	m->stats.mem_refs += a->tlb_hit && !a->faulted ? 1 : m->cfg.levels + 1 - a->huge;
	m->stats.costed++;
	return after_access(m, a);
}

/* A page outside its process's working set leaves memory, without a fault. */
PHASE
trim(struct machine *m, struct access *a)
{
	a->trimming = true;
	a->frame = a->trim_frame;
	a->victim = frame_first(m, a->frame);
	a->victim_maps = frame_rmap(m, a->frame)->count;
	/* The accessing process's own page, though another may map it first. */
	a->victim_p = machine_process(m, a->victim.pid);
	a->victim_pte = page_table_find(&a->victim_p->pt, a->victim.vpn);
	a->why = a->trim_why;
	return frame_dirty(m, a->frame) ? PH_TRIM_WRITEBACK : PH_TRIM_EVICT;
}

PHASE
tick(struct machine *m, struct access *a)
{
	a->policy->tick(m->policy, m);
	return PH_DONE;
}

/*
 * Runs phase ph of the access; returns the phase that follows.  Inlined
 * in both loops below, so batch --quiet's loop becomes straight jumps
 * from phase to phase, with no call and no table.
 */
static inline __attribute__((always_inline)) enum phase
run_phase(struct machine *m, struct access *a, enum phase ph)
{
	switch (ph) {
	case PH_SPLIT: return split(m, a);
	case PH_TLB: return tlb(m, a);
	case PH_WALK_TABLE: return walk_table_phase(m, a);
	case PH_WALK: return walk(m, a);
	case PH_SEGFAULT: return segfault(m, a);
	case PH_PROTECTION: return protection(m, a);
	case PH_FAULT: return fault(m, a);
	case PH_COW: return cow(m, a);
	case PH_FREE_FRAME: return free_frame(m, a);
	case PH_LOOK: return look(m, a);
	case PH_VICTIM: return victim(m, a);
	case PH_OOM: return out_of_memory(m, a);
	case PH_OOM_KILL: return oom_kill(m, a);
	case PH_WRITEBACK: return writeback(m, a);
	case PH_EVICT: return evict(m, a);
	case PH_NEW_TABLE: return new_table(m, a);
	case PH_FILL: return fill(m, a);
	case PH_PTE: return pte_update(m, a);
	case PH_TLB_FILL: return tlb_fill_phase(m, a);
	case PH_ACCESS: return access_page(m, a);
	case PH_TRIM: return trim(m, a);
	/* A trim writes back and evicts as a fault's eviction does, later on. */
	case PH_TRIM_WRITEBACK: return writeback(m, a);
	case PH_TRIM_EVICT: return evict(m, a);
	case PH_TICK: return tick(m, a);
	case PH_DONE: break;
	}
	return PH_DONE;
}

/* ---- what each phase tells: its event, from the access and the machine --
 * Each is called right after its phase ran, with the phase it chose next. */

typedef void tell_fn(const struct machine *, struct access *, enum phase, struct event *);

/* A huge page's events say so, with its size in pages (ev->count). */
static void
note_huge(const struct machine *m, bool huge, struct event *ev)
{
	if (huge) {
		ev->flags |= EVF_HUGE;
		ev->count = machine_huge_pages(m);
	}
}

/* An address in a huge page splits a level short: the split says so. */
static void
tell_split(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)next;
	ev->kind = EV_SPLIT;
	note_huge(m, process_in_huge(m, a->p, a->vpn), ev);
}

static void
tell_tlb(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	if (next == PH_WALK || next == PH_WALK_TABLE) {
		ev->kind = EV_TLB_MISS;
		return;
	}
	ev->kind = EV_TLB_HIT;
	ev->frame = data_frame(a);
	ev->perm = a->tlb_perm;
	note_huge(m, a->huge, ev);
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

/* Which entry of which table a walk read: depth d, in the table in frame f. */
static void
note_entry(const struct machine *m, const struct access *a, unsigned d, int f,
	   struct event *ev)
{
	ev->depth = d;
	ev->index = va_split_index(&m->split, d, a->vpn);
	ev->table_frame = f;
}

static void
tell_walk_table(const struct machine *m, struct access *a, enum phase next,
		struct event *ev)
{
	ev->kind = EV_WALK_TABLE;
	note_entry(m, a, a->read_depth, a->read_frame, ev);
	if (next == PH_WALK_TABLE || next == PH_WALK)
		ev->frame = a->table_frame;     /* the next table's */
	else
		ev->perm = a->region ? a->region->perm : 0;
}

static void
tell_walk(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct pte *e = a->pte;

	(void)next;
	ev->kind = EV_WALK;
	if (m->cfg.levels > 1)
		note_entry(m, a, a->leaf_depth, a->table_frame, ev);
	if (!a->region)
		return;
	note_huge(m, a->huge, ev);
	ev->perm = a->region->perm;
	if (e && e->cow)
		ev->flags |= EVF_COW;
	if (e && e->shared)
		ev->flags |= EVF_SHARED_MAPPING;
	if (e && (e->cow || e->shared))
		ev->mappings = pte_mappings(m, e);
	if (e && e->present) {
		ev->flags |= EVF_PRESENT;
		ev->frame = e->frame;
		ev->perm = e->perm;     /* read-only if copy-on-write */
	} else if (e && e->slot >= 0) {
		ev->flags |= EVF_SWAPPED;
		ev->slot = e->slot;
	} else
		note_dropped(e, ev);
}

static void
tell_segfault(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)m; (void)a; (void)next;
	ev->kind = EV_SEGFAULT;
}

static void
tell_protection(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct region *r = process_region(a->p, a->vpn);

	(void)m; (void)next;
	ev->kind = EV_PROTECTION_FAULT;
	ev->perm = r ? r->perm : 0;
}

/* A group's limit and usage; its name's id, if it is a named one. */
static void
note_group(const struct machine *m, unsigned id, struct event *ev)
{
	const struct cgroup *g = cgroup_at(m, id);

	ev->cgroup = g->owner ? CGROUP_NONE : id;
	ev->count = g->frames_max;
	ev->held = cgroup_frames(m, id);
}

/* At its group's limit a process evicts the group's pages, though frames may be free: which. */
static void
note_limit(const struct machine *m, const struct process *p, struct event *ev)
{
	unsigned listed = 0;

	ev->flags |= EVF_LIMITED;
	note_group(m, p->cgroup, ev);
	ev->free_count = m->free_frames;
	for (unsigned f = 0; listed < m->free_frames && listed < 3; f++)
		if (frame_is_free(m, (int)f))
			ev->free_first[listed++] = (int)f;
}

/* A dirty page's group has no swap left for it: which, and its slots. */
static void
note_swap_group(const struct machine *m, unsigned id, struct event *ev)
{
	ev->flags |= EVF_GROUP_SWAP;
	ev->swap_group = id;
	ev->swap_max = cgroup_at(m, id)->swap_max;
}

/* Where a fault's frame will come from, when not simply a free one. */
static void
note_room(const struct machine *m, const struct access *a, enum phase next, struct event *ev)
{
	if (next == PH_PTE)
		return;                 /* no frame to take */
	if (process_at_limit(m, a->p))
		note_limit(m, a->p, ev);
	else if (next == PH_VICTIM && m->cfg.scope == SCOPE_LOCAL) {
		ev->flags |= EVF_LOCAL;
		ev->held = a->p->resident;
	}
}

static void
tell_fault(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct pte *e = own_pte(a);

	ev->kind = EV_PAGE_FAULT;
	if (a->huge) {          /* a free run or nothing: no victim */
		note_huge(m, a->huge, ev);
		return;
	}
	if (e && e->slot >= 0) {
		ev->flags |= EVF_SWAPPED;
		ev->slot = e->slot;
	} else
		note_dropped(e, ev);
	if (a->in_memory) {
		ev->flags |= EVF_IN_MEMORY;
		ev->frame = a->source != NO_FRAME ? a->source : a->frame;
		ev->other_pid = m->frames[ev->frame].loaded_pid;
		if (a->source != NO_FRAME) {
			ev->flags |= EVF_OWN_COPY;
			ev->source = a->source;
		}
	}
	note_room(m, a, next, ev);
}

static void
tell_cow(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct pte *e = a->pte;

	ev->kind = EV_COW_FAULT;
	ev->frame = e->frame;
	ev->slot = e->slot;
	ev->mappings = frame_rmap(m, e->frame)->count;
	if (next == PH_PTE)
		ev->flags |= EVF_LAST_MAPPING;
	else
		ev->source = a->source;
	note_room(m, a, next, ev);
}

static void
tell_free_frame(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)next;
	ev->kind = EV_FREE_FRAME;
	ev->frame = a->frame;
	if (!a->missing)        /* the page's frame, not a table's */
		note_huge(m, a->huge, ev);
}

/* The eviction's events all name the victim and the frame it leaves. */
static void
name_victim(const struct access *a, struct event *ev)
{
	ev->frame = a->frame;
	ev->other_pid = a->victim.pid;
	ev->other_vpn = a->victim.vpn;
	ev->mappings = a->victim_maps;
}

static void
tell_look(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct sweep *sw = &a->sweep;

	(void)next;
	ev->kind = EV_SWEEP;
	ev->frame = sw->frame;
	ev->count = sw->looks;
	ev->why = (struct victim_why){ .rule = sw->saw, .value = sw->value,
		.swept = a->why.swept };
	if (frame_rmap(m, sw->frame)->holds == HOLDS_DATA) {
		ev->other_pid = frame_first(m, sw->frame).pid;
		ev->other_vpn = frame_first(m, sw->frame).vpn;
		ev->mappings = frame_rmap(m, sw->frame)->count;
		if (frame_dirty(m, sw->frame))
			ev->flags |= EVF_DIRTY;
	}
}

/* The page that ranked next to the victim, if the policy names one. */
static void
name_rival(const struct machine *m, const struct access *a, struct rival *r)
{
	struct victim_filter filter;

	*r = (struct rival){ .frame = NO_FRAME };
	if (!a->policy->rival)
		return;
	filter = access_filter(m, a);
	r->frame = a->policy->rival(m->policy, m, &filter, a->frame, r);
	if (r->frame == NO_FRAME)
		return;
	r->pid = frame_first(m, r->frame).pid;
	r->vpn = frame_first(m, r->frame).vpn;
}

static void
tell_victim(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	ev->kind = EV_VICTIM;
	ev->why = a->why;
	name_rival(m, a, &ev->why.rival);
	if (process_at_limit(m, a->p))
		note_limit(m, a->p, ev);
	name_victim(a, ev);
	ev->slot = a->victim_pte->slot;
	if (a->shared_clean)
		ev->flags |= EVF_SHARED_CLEAN;
	else if (next != PH_EVICT)
		ev->flags |= EVF_DIRTY;
	if (next == PH_OOM || next == PH_OOM_KILL)
		ev->flags |= EVF_NO_SLOT;
	if (a->swap_group)
		note_swap_group(m, a->swap_group, ev);
}

static void
tell_out_of_memory(const struct machine *m, struct access *a, enum phase next,
		   struct event *ev)
{
	(void)next;
	ev->kind = EV_OUT_OF_MEMORY;
	name_victim(a, ev);
	if (a->victim.pid && a->shared_clean)
		ev->flags |= EVF_SHARED_CLEAN;
	if (a->no_room) {       /* its group's limit: what it holds, and the room left */
		note_group(m, a->p->cgroup, ev);
		ev->flags |= EVF_LIMITED;
		ev->frames_max = (unsigned)ev->count;
		note_huge(m, a->huge, ev);
		return;
	}
	if (a->no_run) {
		note_huge(m, a->huge, ev);
		ev->free_count = m->free_frames;
		return;
	}
	if (!a->victim.pid)
		ev->flags |= EVF_NO_VICTIM;
	if (!a->victim.pid && m->cfg.scope == SCOPE_LOCAL && a->p->resident > 0)
		ev->flags |= EVF_LOCAL;         /* its own frames all hold huge pages */
	if (!a->victim.pid && a->source != NO_FRAME)
		ev->frame = ev->source = a->source;     /* the only frame it may take */
	if (a->swap_group)
		note_swap_group(m, a->swap_group, ev);
}

/*
 * The OOM killer's work: the group at its limit (count, held: frames;
 * cgroup), whom it ended (other_pid, holding `mappings` frames), what that
 * gave back, and why (EVF_NO_SLOT: a dirty page with no swap left; else
 * nothing of the group could be evicted).
 */
static void
tell_oom_kill(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct oom_kill *k = &a->kill;
	const struct cgroup *g = cgroup_at(m, a->p->cgroup);

	(void)next;
	ev->kind = EV_OOM_KILL;
	ev->cgroup = g->owner ? CGROUP_NONE : a->p->cgroup;
	ev->count = g->frames_max;
	ev->held = k->usage;
	ev->other_pid = k->pid;
	ev->mappings = k->held;
	ev->frames_freed = k->freed.frames_freed;
	ev->frames_shared = k->freed.frames_shared;
	ev->slots_freed = k->freed.slots_freed;
	ev->slots_shared = k->freed.slots_shared;
	ev->depth = k->freed.depth;
	if (a->swap_group) {
		ev->flags |= EVF_NO_SLOT;
		note_swap_group(m, a->swap_group, ev);
	}
}

/* The table made, the entry above it that now points to it, and whose page gave its frame. */
static void
tell_new_table(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	unsigned d = a->made;

	(void)next;
	ev->kind = EV_NEW_TABLE;
	note_entry(m, a, d - 1, d > 1 ? walk_table(m, a->p, d - 1, a->vpn)->frame : NO_FRAME, ev);
	ev->depth = d;
	ev->frame = a->frame;
	if (a->made_victim.pid) {
		ev->flags |= EVF_JUST_FREED;
		ev->other_pid = a->made_victim.pid;
		ev->other_vpn = a->made_victim.vpn;
	}
}

static void
tell_writeback(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)m; (void)next;
	ev->kind = EV_WRITEBACK;
	name_victim(a, ev);
	ev->slot = a->victim_pte->slot;
	if (a->shared_clean && !a->trimming)
		ev->flags |= EVF_SHARED_CLEAN;
}

static void
tell_evict(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)m; (void)next;
	ev->kind = EV_EVICT;
	name_victim(a, ev);
	ev->slot = a->victim_pte->slot;
	if (ev->slot >= 0)
		ev->flags |= EVF_KEEPS_SLOT;
	if (a->tlb_removed)
		ev->flags |= EVF_TLB_REMOVED;
}

static void
tell_fill(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	const struct pte *e = a->pte;

	(void)next;
	ev->frame = a->frame;
	ev->slot = e->slot;
	if (a->victim.pid) {
		ev->flags |= EVF_JUST_FREED;
		ev->other_pid = a->victim.pid;
		ev->other_vpn = a->victim.vpn;
	}
	if (a->source != NO_FRAME) {
		ev->kind = EV_COW_COPY;
		ev->source = a->source;
		/* The page's sharers: the frame's mappings, and the writer if it
		 * faulted (its entry then points at the slot, not the frame). */
		ev->mappings = frame_rmap(m, a->source)->count + !e->present;
	} else if (e->slot >= 0) {
		ev->kind = EV_SWAP_IN;
		if (writes_cow(a) && slot_rmap(m, e->slot)->count > 1)
			ev->flags |= EVF_OWN_COPY;
	} else {
		ev->kind = EV_ZERO_FILL;
		note_dropped(e, ev);
		note_huge(m, a->huge, ev);
	}
}

static void
tell_pte(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)next;
	ev->kind = EV_PTE_UPDATE;
	ev->frame = a->frame;
	ev->slot = a->pte->slot;
	ev->perm = a->pte->perm;
	ev->flags |= a->pte_flags;
	note_huge(m, a->huge, ev);
	if (a->source != NO_FRAME) {
		ev->source = a->source;
		ev->mappings = frame_rmap(m, a->source)->count;
	}
}

static void
tell_tlb_fill(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)next;
	ev->kind = EV_TLB_FILL;
	ev->frame = a->frame;
	ev->perm = own_pte(a)->perm;
	note_huge(m, a->huge, ev);
	if (a->replaced.pid) {
		ev->flags |= EVF_REPLACED;
		ev->other_pid = a->replaced.pid;
		ev->other_vpn = a->replaced.vpn;
	}
}

static void
tell_access(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)next;
	ev->kind = EV_ACCESS;
	ev->frame = data_frame(a);
	if (a->faulted)
		ev->flags |= EVF_RESTARTED;
	if (own_pte(a)->dirty)
		ev->flags |= EVF_DIRTY;
	ev->paddr = machine_paddr(m, ev->frame, a->offset);
	note_huge(m, a->huge, ev);
}

static void
tell_trim(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)m;
	ev->kind = EV_TRIM;
	ev->why = a->why;
	name_victim(a, ev);
	ev->slot = a->victim_pte->slot;
	if (next == PH_TRIM_WRITEBACK)
		ev->flags |= EVF_DIRTY;
}

static void
tell_tick(const struct machine *m, struct access *a, enum phase next, struct event *ev)
{
	(void)a; (void)next;
	ev->kind = EV_TICK;
	ev->count = m->cfg.tick;
}

static tell_fn *const tells[PH_DONE] = {
	[PH_SPLIT] = tell_split, [PH_TLB] = tell_tlb, [PH_WALK_TABLE] = tell_walk_table,
	[PH_WALK] = tell_walk, [PH_NEW_TABLE] = tell_new_table,
	[PH_SEGFAULT] = tell_segfault, [PH_PROTECTION] = tell_protection,
	[PH_FAULT] = tell_fault, [PH_COW] = tell_cow, [PH_FREE_FRAME] = tell_free_frame,
	[PH_LOOK] = tell_look,
	[PH_VICTIM] = tell_victim, [PH_OOM] = tell_out_of_memory, [PH_OOM_KILL] = tell_oom_kill,
	[PH_WRITEBACK] = tell_writeback, [PH_EVICT] = tell_evict, [PH_FILL] = tell_fill,
	[PH_PTE] = tell_pte, [PH_TLB_FILL] = tell_tlb_fill, [PH_ACCESS] = tell_access,
	[PH_TRIM] = tell_trim, [PH_TRIM_WRITEBACK] = tell_writeback,
	[PH_TRIM_EVICT] = tell_evict, [PH_TICK] = tell_tick,
};

/* ---- running an access --------------------------------------------------- */

/*
 * Each phase names a later one (access_run checks it), but for two loops
 * of a multi-level table: the walk reads one table per level, and each
 * table to make takes a frame (free, or a victim's written back and
 * evicted) before the page's own frame.  So an access reports at most
 * one event per phase, plus a read for each level below the second, plus
 * for each table made a frame taken again (victim, write-back, evict) and
 * its NEW TABLE event, and in place of PH_LOOK's one the looks of sweeps
 * told (at most LOOKS_TOLD_MAX in all).  (A working-set trim has phases of
 * its own.)
 */
_Static_assert(PH_DONE - 1 + (LEVELS_MAX - 2) + 4 * (LEVELS_MAX - 1) + LOOKS_TOLD_MAX <=
	       EVENTS_MAX,
	       "an access's events must fit an event list");

/* An access about to run: only what a phase may read before writing it. */
static inline __attribute__((always_inline)) void
access_start(struct access *a, const struct machine *m, struct process *p,
	     const struct policy_ops *policy, const struct op_access *in)
{
	a->p = p;
	a->policy = policy;
	a->region = NULL;
	a->pte = NULL;
	a->kind = in->access;
	a->vaddr = in->addr;
	a->reads_before = m->stats.table_reads;
	a->victim.pid = 0;
	a->sweep.looks = 0;
	a->frame = NO_FRAME;
	a->source = NO_FRAME;
	a->table_frame = NO_FRAME;
	a->depth = 0;
	a->missing = 0;
	a->pte_flags = 0;
	a->swap_group = CGROUP_NONE;
	a->tlb_hit = false;
	a->huge = false;
	a->no_run = false;
	a->no_room = false;
	a->faulted = false;
	a->in_memory = false;
	a->from_swap = false;
	a->trimming = false;
	a->shared_clean = false;
}

/* The phases back to back, telling nothing. */
static inline __attribute__((always_inline)) void
run_quietly(struct machine *m, struct process *p, const struct policy_ops *policy,
	    const struct op_access *in)
{
	struct access a;
	enum phase ph = PH_SPLIT;

	access_start(&a, m, p, policy, in);
	a.looks_left = 0;
	while (ph != PH_DONE)
		ph = run_phase(m, &a, ph);
}

void
access_run(struct machine *m, struct process *p, const struct op_access *in,
	   struct event_list *out, unsigned max_events)
{
	struct access a;
	enum phase ph = PH_SPLIT, next;

	if (!out) {
		run_quietly(m, p, policy_at(m->cfg.policy), in);
		return;
	}
	access_start(&a, m, p, policy_at(m->cfg.policy), in);
	if (max_events > EVENTS_MAX)
		max_events = EVENTS_MAX;
	a.looks_left = LOOKS_TOLD_MAX;
	a.looked_to = NO_FRAME;
	for (; ph != PH_DONE && out->n < max_events; ph = next) {
		struct event *ev = &out->ev[out->n++];

		next = run_phase(m, &a, ph);
		assert(next > ph || ph == PH_WALK_TABLE || ph == PH_NEW_TABLE || ph == PH_LOOK);
		*ev = (struct event){ .step = m->step, .pid = a.p->pid, .access = a.kind,
			.vaddr = a.vaddr, .vpn = a.vpn, .offset = a.offset,
			.frame = NO_FRAME, .slot = NO_SLOT, .source = NO_FRAME };
		tells[ph](m, &a, next, ev);
	}
}

/* ---- checking and running accesses ------------------------------------- */

int
access_no_process(int pid, char *err, size_t size)
{
	if (pid == 0)
		snprintf(err, size, "no current process (spawn one, switch to one, "
			 "or name a pid: r PID:ADDR)");
	else
		snprintf(err, size, "no process %d", pid);
	return -1;
}

static int
outside_address_space(const struct machine *m, uint64_t addr, char *err, size_t size)
{
	snprintf(err, size, "address 0x%llx is outside the %u-bit address space "
		 "(0x0..0x%llx)", (unsigned long long)addr, m->cfg.va_bits,
		 (unsigned long long)(((uint64_t)1 << m->cfg.va_bits) - 1));
	return -1;
}

static inline __attribute__((always_inline)) int
check(const struct machine *m, const struct op_access *in, struct process **p,
      char *err, size_t size)
{
	int pid = in->pid ? in->pid : m->current_pid;

	/* *p is the process found for the access before (or NULL): nearly
	 * always the one again, and then nothing need be looked up. */
	if (!(*p && (*p)->pid == pid && (*p)->alive) && !(*p = machine_process(m, pid)))
		return access_no_process(pid, err, size);
	if (!m->cfg.grow_va && !machine_addr_ok(m, in->addr))
		return outside_address_space(m, in->addr, err, size);
	return 0;
}

int
access_check(const struct machine *m, const struct op_access *in, struct process **p,
	     char *err, size_t size)
{
	*p = NULL;
	return check(m, in, p, err, size);
}

size_t
access_run_quietly(struct machine *m, const struct op_access *in, size_t n,
		   char *err, size_t size)
{
	const struct policy_ops *policy = policy_at(m->cfg.policy);
	struct process *p = NULL;

	for (size_t i = 0; i < n; i++) {
		if (check(m, &in[i], &p, err, size))
			return i;
		m->step++;
		run_quietly(m, p, policy, &in[i]);
	}
	return n;
}
