/*
 * machine.h - the simulated machine: settings, processes, page tables,
 * frames, swap slots, TLB and running statistics.
 *
 * The UI and the batch printers read these structures; only the engine
 * (engine.c and the modules it calls) changes them.
 */
#ifndef VMSCOPE_MACHINE_H
#define VMSCOPE_MACHINE_H

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cgroup.h"
#include "op.h"
#include "page_table.h"
#include "pt_tree.h"
#include "rmap.h"
#include "tlb.h"
#include "va_split.h"
#include "working_set.h"

enum scope { SCOPE_GLOBAL, SCOPE_LOCAL };

/* Limits that keep a machine's memory and arithmetic sane. */
#define PAGE_SIZE_MIN   16u
#define PAGE_SIZE_MAX   65536u
#define VA_BITS_MAX     64u
#define FRAMES_MAX      65536u
#define SWAP_SLOTS_MAX  (1u << 24)
#define TLB_ENTRIES_MAX 1024u
#define PID_MAX         65535
#define TAU_MAX         (1u << 20)
#define TAU_DEFAULT     10u
#define PTE_BYTES_MAX   8u
#define PTE_BYTES_DEFAULT 8u
#define TICK_MAX        (1u << 20)
#define TICK_DEFAULT    4u

struct machine_config {
	unsigned page_size;     /* bytes, a power of two */
	unsigned va_bits;       /* width of a virtual address */
	unsigned frames;
	unsigned swap_slots;
	unsigned tlb_entries;   /* 0: no TLB */
	unsigned levels;        /* page-table levels, 1 to LEVELS_MAX */
	unsigned pte_bytes;     /* bytes per page-table entry, a power of two */
	int policy;             /* index into the policy table, policy.h */
	enum scope scope;
	uint64_t seed;          /* for the random policy */
	unsigned tau;           /* working-set window: the last tau accesses */
	unsigned tick;          /* a clock tick every tick accesses (nru, aging) */
	bool grow_va;           /* address space grows to hold what is touched */
	bool grow_swap;         /* swap grows as needed */
};

/* DESIGN §1 defaults: 4 KiB pages, 16-bit addresses, 4 frames, lru... */
void machine_config_default(struct machine_config *cfg);

/*
 * Checks every setting against its limit.  Returns 0, or -1 with a message
 * naming the setting, its value and what is allowed
 * ("page_size: 3000 is not a power of two between 16 and 65536").
 */
int machine_config_check(const struct machine_config *cfg, char *err, size_t size);

/* Whether ps is a page size a machine can have: a power of two in range. */
static inline bool
page_size_valid(unsigned ps)
{
	return ps >= PAGE_SIZE_MIN && ps <= PAGE_SIZE_MAX && (ps & (ps - 1)) == 0;
}

/* A run of mapped pages with one set of permissions. */
struct region {
	uint64_t first_vpn;
	uint64_t npages;
	unsigned perm;
	bool huge;          /* of huge pages: see machine_huge_pages */
};

struct process {
	int pid;
	char name[OP_NAME_MAX + 1];
	bool alive;
	struct page_table pt;       /* touched pages only: sparse */
	struct working_set ws;      /* its pages in its last tau accesses */
	struct region *regions;
	size_t nregions, regions_cap;
	unsigned cgroup;            /* its memory group (cgroup.h), or CGROUP_NONE */
	unsigned resident;          /* frames its data pages hold now */
	struct pt_tree tables;      /* its tables below the top (levels > 1) */
	unsigned table_frames;      /* frames those tables fill */
	uint64_t faults;            /* page faults it has taken (copy-on-write ones too) */
	uint64_t minor_faults;      /* of them, served without reading swap */
	uint64_t major_faults;      /* of them, served by reading swap */
	uint64_t accesses;          /* accesses of its that reached a page (as
				     * ws counts them): its own, virtual, time */
};

/*
 * A physical frame.  What it holds and who maps it is its reverse map
 * (rmap.h); code reaches those through the frame_ and slot_ questions
 * below, never by reading a single owner.
 */
struct frame {
	struct rmap rmap;           /* free when it holds nothing */
	uint64_t loaded_step;       /* operation that brought the page in */
	uint64_t last_used_step;    /* operation that last touched it */
	int loaded_pid;             /* the process whose fault brought the page in */
	bool referenced;            /* its page's R bit: used since the clock hand
				     * last cleared it; kept here, where the hand
				     * sweeps, since only a resident page has R */
};

struct swap_slot {
	struct rmap rmap;           /* the pages whose contents it keeps */
};

struct stats {
	uint64_t accesses, hits, faults, evictions, writebacks;
	uint64_t tlb_hits, tlb_misses;
	uint64_t segfaults, protection_faults, out_of_memory;
	uint64_t oom_kills;         /* processes the OOM killer ended */
	uint64_t zero_fills, swap_ins;
	uint64_t table_reads;       /* page-table entries the walks read */
	uint64_t mem_refs;          /* memory references per translation: see below */
	uint64_t costed;            /* accesses whose references are counted: all but
				       one still under way */
	uint64_t minor_faults, major_faults;    /* faults that completed (see process) */
	uint64_t found_in_memory;   /* faults whose page a sharer had brought back */
	uint64_t cow_faults, cow_copies;        /* writes to copy-on-write pages */
};

/*
 * Memory references, counted per translation (the textbook's cost of a
 * TLB miss): an access the TLB translates costs 1, the data; one that
 * missed it, or faulted, costs levels + 1, a whole walk and then the data
 * (a fault's walk is counted once: the one that finds the page present
 * after it), a level fewer in a huge page, whose walk stops a level up.  An access refused (segfault, protection, out of memory, the
 * OOM killer's) costs the entries its walk read.
 */
static inline uint64_t
stats_mem_refs(const struct stats *s)
{
	return s->mem_refs;
}

/*
 * Memory references per access, over the accesses whose references are
 * counted (an access under way has its counted when it ends), 0 before one.
 */
static inline double
stats_refs_per_access(const struct stats *s)
{
	return s->costed ? (double)s->mem_refs / (double)s->costed : 0.0;
}

/*
 * The accesses whose outcome is counted: hits (at their ACCESS), faults
 * (at their PAGE FAULT or COPY-ON-WRITE, a refused one too), segmentation
 * and protection faults.  Between operations these are all the accesses;
 * while one is under way it is counted here from the event that counts
 * its outcome, so hits + faults + segfaults + protection faults make this
 * at every event (the statistics line's "accesses").
 */
static inline uint64_t
stats_accesses_decided(const struct stats *s)
{
	return s->hits + s->faults + s->segfaults + s->protection_faults;
}

/*
 * Whether an access is under way: begun (its SPLIT) and not yet ended (its
 * ACCESS, or the event that refuses it).
 */
static inline bool
stats_access_under_way(const struct stats *s)
{
	return s->accesses > s->costed;
}

struct policy_state;
struct future;

struct machine {
	struct machine_config cfg;
	struct va_split split;      /* the address's fields, from cfg */
	uint64_t step;              /* operations applied so far */
	int current_pid;            /* 0: none */
	int next_pid;               /* what the next spawn gets */
	struct process **procs;     /* indexed by pid; NULL where none */
	size_t procs_cap;
	struct frame *frames;       /* cfg.frames of them */
	unsigned free_frames;
	unsigned table_frames;      /* frames holding page tables (levels > 1) */
	unsigned huge_frames;       /* frames holding huge pages (never victims) */
	struct swap_slot *swap;     /* slots [0, swap_cap): see slot_rmap() */
	unsigned swap_cap;          /* grows with the slots used, not cfg.swap_slots */
	unsigned swap_used;
	unsigned swap_hint;         /* no free slot below this one */
	struct rmap_pool rmap;      /* the mappings of shared frames and slots */
	struct cgroup *cgroups;     /* memory groups, id i at [i - 1] (cgroup.h) */
	unsigned ncgroups;
	struct tlb tlb;
	struct policy_state *policy;
	struct future *future;      /* OPT's look-ahead or NULL; a counted reference */
	struct stats stats;
	bool ws_uncounted;          /* working sets kept as windows only (see
				     * machine_defer_working_sets) */
};

/* A new machine with no processes; NULL only if cfg fails the check. */
struct machine *machine_new(const struct machine_config *cfg);
/*
 * A machine whose process 1 (`name`) has its whole address space mapped
 * with `perm` and is current: what page lists, traces and scripts run on.
 */
struct machine *machine_new_flat(const struct machine_config *cfg, const char *name, unsigned perm);
struct machine *machine_clone(const struct machine *m);
/*
 * A machine as m was before its first operation, but with settings cfg
 * (m's with another policy, frame count or TLB): its processes, their
 * names, mappings and frame limits (what a comparison runs each policy
 * on).  m must hold nothing yet (no operation applied).  NULL if cfg
 * fails machine_config_check.
 */
struct machine *machine_refit(const struct machine *m, const struct machine_config *cfg);
void machine_free(struct machine *m);

/* Makes f (may be NULL) the operations m looks ahead at, taking a reference. */
void machine_set_future(struct machine *m, struct future *f);

/*
 * From now on each process's working set is kept as its window only, not
 * counted after every access, unless the policy decides by working sets
 * (it trims them): for a run that reads them only at its end (batch
 * --quiet).  machine_count_working_sets counts them, and they are kept
 * counted again.
 */
void machine_defer_working_sets(struct machine *m);
void machine_count_working_sets(struct machine *m);

/*
 * Adds a process at start-up (sessions list them before any operation).
 * Returns 0, or -1 with a message (pid taken or out of range).
 */
int machine_add_process(struct machine *m, int pid, const char *name, char *err, size_t size);

/*
 * Maps pages; -1 with a message if they overlap a mapping or leave the
 * space.  With `huge`, npages counts huge pages (see machine_huge_pages),
 * and the machine must have them and first_vpn start one.
 */
int machine_map(struct machine *m, int pid, uint64_t first_vpn, uint64_t npages,
		unsigned perm, bool huge, char *err, size_t size);

/*
 * Small pages in a huge page: a huge page is a leaf one level up, so it
 * covers what one entry of the last table's parent covers (512 pages with
 * 4 KiB pages and 8-byte entries).  Only for machines of 2 levels or more.
 */
static inline uint64_t
machine_huge_pages(const struct machine *m)
{
	return va_split_entry_pages(&m->split, m->cfg.levels - 2);
}

/*
 * Whether a huge mapping of `huge` huge pages from first_vpn can be made
 * on this machine: 0, or -1 with a message saying why not (one level has
 * no level above its pages; the start must begin a huge page).
 */
int machine_huge_check(const struct machine *m, uint64_t first_vpn, uint64_t huge,
		       char *err, size_t size);

/* The live process with this pid, or NULL.  (Inline: every access asks.) */
static inline struct process *
machine_process(const struct machine *m, int pid)
{
	if (pid < 1 || (size_t)pid >= m->procs_cap || !m->procs[pid] || !m->procs[pid]->alive)
		return NULL;
	return m->procs[pid];
}

/*
 * The process of a mapping in a frame's reverse map: alive, since an exit
 * or unmap takes its mappings out, so only that is asserted.  (Inline:
 * every fault's victim asks.)
 */
static inline struct process *
machine_mapper(const struct machine *m, int pid)
{
	assert(m->procs[pid]->alive);
	return m->procs[pid];
}

/* Whether any live process maps huge pages. */
bool machine_maps_huge(const struct machine *m);

/* The TLB's reach: the bytes its filled entries cover together. */
static inline uint64_t
machine_tlb_reach(const struct machine *m)
{
	return tlb_reach_pages(&m->tlb) * m->cfg.page_size;
}

/*
 * Whether p's group is at its frame limit (cgroup_at_limit).  A process
 * in no group, nearly every one, never is: told without a call, since
 * every fault asks.
 */
static inline bool
process_at_limit(const struct machine *m, const struct process *p)
{
	return p->cgroup != CGROUP_NONE && cgroup_at_limit(m, p);
}

/* log2 of the page size: how many low bits of an address are the offset. */
static inline unsigned
machine_page_bits(const struct machine *m)
{
	return (unsigned)__builtin_ctz(m->cfg.page_size);
}

/* The physical address of byte `offset` of frame f. */
static inline uint64_t
machine_paddr(const struct machine *m, int f, uint64_t offset)
{
	return (uint64_t)f * m->cfg.page_size + offset;
}

uint64_t machine_pages_per_process(const struct machine *m);

/*
 * What a person sees of one virtual page.  A dropped page was touched,
 * never written and evicted clean: no frame and no swap slot hold it, so
 * its next touch zero-fills it again (DESIGN §1).
 */
enum page_state {
	PAGE_UNMAPPED, PAGE_UNTOUCHED, PAGE_RESIDENT, PAGE_SWAPPED, PAGE_DROPPED,
};
enum page_state machine_page_state(const struct machine *m, const struct process *p, uint64_t vpn);
/* Whether the page with entry e (NULL: none) is dropped (see above). */
static inline bool
pte_dropped(const struct pte *e)
{
	return e && !e->present && e->slot < 0 && e->evicted_step > 0;
}

/* The region holding vpn, or NULL if it is unmapped (region.c searches). */
const struct region *process_region_search(const struct process *p, uint64_t vpn);
/* The same; inline, since every access asks and a trace's one process
 * usually has one region, which needs no search. */
static inline const struct region *
process_region(const struct process *p, uint64_t vpn)
{
	if (p->nregions == 1)
		return vpn - p->regions[0].first_vpn < p->regions[0].npages ? p->regions : NULL;
	return process_region_search(p, vpn);
}

/* Whether vpn lies in a huge page of p's. */
static inline bool
process_in_huge(const struct machine *m, const struct process *p, uint64_t vpn)
{
	const struct region *r;

	return m->cfg.levels >= 2 && (r = process_region(p, vpn)) && r->huge;
}

/*
 * The page whose entry holds vpn's translation: vpn itself, or the first
 * page of the huge page it lies in (one entry for the whole huge page).
 */
static inline uint64_t
process_leaf_vpn(const struct machine *m, const struct process *p, uint64_t vpn)
{
	return process_in_huge(m, p, vpn) ? vpn & ~(machine_huge_pages(m) - 1) : vpn;
}

/* The entry translating vpn (a huge page's for a page in one), or NULL. */
static inline struct pte *
process_pte(const struct machine *m, const struct process *p, uint64_t vpn)
{
	return page_table_find(&p->pt, process_leaf_vpn(m, p, vpn));
}

/* The entry a mapping names, or NULL if its process or entry is gone. */
static inline struct pte *
mapping_pte(const struct machine *m, struct mapping map)
{
	struct process *p = machine_process(m, map.pid);

	return p ? page_table_find(&p->pt, map.vpn) : NULL;
}

/*
 * Frame fr now holds `holds` for map alone, loaded at `step` by the fault
 * of process loaded_pid (0: none, for a table or a huge page's frame).
 */
static inline void
frame_load(struct frame *fr, enum holding holds, struct mapping map, uint64_t step,
	   int loaded_pid)
{
	rmap_set_single(&fr->rmap, holds, map);
	fr->loaded_step = fr->last_used_step = step;
	fr->loaded_pid = loaded_pid;
	fr->referenced = false;
}

/* What frame f holds and every mapping of it. */
static inline const struct rmap *
frame_rmap(const struct machine *m, int f)
{
	return &m->frames[f].rmap;
}

static inline bool
frame_is_free(const struct machine *m, int f)
{
	return m->frames[f].rmap.holds == HOLDS_NOTHING;
}

/* The first mapping of a held frame: its only one unless it is shared. */
static inline struct mapping
frame_first(const struct machine *m, int f)
{
	return rmap_first(&m->frames[f].rmap);
}

/*
 * Whether a held frame was written since it was loaded: a present entry
 * that points at it has D set.  Only entries that point at f count: in a
 * copy-on-write copy the new frame holds the writer's page from COPY on,
 * while the writer's entry still points at the shared frame (with that
 * frame's D) until PTE UPDATE.
 */
bool frame_dirty(const struct machine *m, int f);

/*
 * The frame that holds slot s's page now (a sharer brought it back), or
 * NO_FRAME: a fault on the page then only fills its entry (a minor fault).
 */
int slot_frame(const struct machine *m, int s);

/* A page's R bit, as its page-table entry shows it: its frame's. */
static inline bool
pte_referenced(const struct machine *m, const struct pte *e)
{
	return e->present && m->frames[e->frame].referenced;
}

/* Widens the address space to hold addr (for cfg.grow_va machines). */
void machine_grow_va(struct machine *m, uint64_t addr);

/* Whether addr lies inside the address space.  (Inline: every access asks.) */
static inline bool
machine_addr_ok(const struct machine *m, uint64_t addr)
{
	return m->cfg.va_bits >= 64 || addr >> m->cfg.va_bits == 0;
}

/*
 * What swap slot s (below cfg.swap_slots) holds and its mappings.  Only
 * slots up to the highest ever used are stored, so a machine (and every
 * checkpoint of it) holds memory for the slots it has touched, never for
 * the configured maximum.
 */
const struct rmap *slot_rmap(const struct machine *m, unsigned s);

/*
 * How many page tables map the page of entry e: its frame's mappings, or
 * its slot's when it is in swap (0: in neither, a dropped page).
 */
static inline unsigned
pte_mappings(const struct machine *m, const struct pte *e)
{
	if (e->present)
		return m->frames[e->frame].rmap.count;
	return e->slot >= 0 ? slot_rmap(m, (unsigned)e->slot)->count : 0;
}

/*
 * Swap slots: the lowest free one, growing swap if allowed, given every
 * mapping of frame f (whose contents it will keep); -1 if swap is full.
 */
int swap_alloc(struct machine *m, int f);
/* Drops one mapping of a slot; returns whether that was its last (it is free). */
bool swap_unmap(struct machine *m, int slot, struct mapping map);
/*
 * Whether held frame f's page can leave memory: not if it is dirty, has no
 * slot, and swap is full.
 */
bool frame_can_leave(const struct machine *m, int f);
/* Whether no slot is free and swap may not grow. */
bool swap_full(const struct machine *m);

#endif
