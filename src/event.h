/*
 * event.h - what the engine reports, one record per step a kernel takes.
 *
 * Events are data, not text: the engine fills them in cheaply (batch mode
 * runs millions per second) and event_explain() turns one into the
 * one-line narration that says what happened and why.
 */
#ifndef VMSCOPE_EVENT_H
#define VMSCOPE_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

/*
 * X(kind, label, key): label is the word the narration and batch text use,
 * key the name --events --json gives the kind.
 */
#define EVENT_KINDS(X) \
	X(EV_SPLIT,            "SPLIT",              "split")            \
	X(EV_TLB_HIT,          "TLB HIT",            "tlb_hit")          \
	X(EV_TLB_MISS,         "TLB MISS",           "tlb_miss")         \
	X(EV_WALK_TABLE,       "TABLE WALK",         "walk_table")       \
	X(EV_WALK,             "PAGE-TABLE WALK",    "walk")             \
	X(EV_SEGFAULT,         "SEGMENTATION FAULT", "segfault")         \
	X(EV_PROTECTION_FAULT, "PROTECTION FAULT",   "protection_fault") \
	X(EV_PAGE_FAULT,       "PAGE FAULT",         "page_fault")       \
	X(EV_FREE_FRAME,       "FREE FRAME",         "free_frame")       \
	X(EV_SWEEP,            "SWEEP",              "sweep")            \
	X(EV_VICTIM,           "VICTIM",             "victim")           \
	X(EV_WRITEBACK,        "WRITE-BACK",         "writeback")        \
	X(EV_EVICT,            "EVICT",              "evict")            \
	X(EV_NEW_TABLE,        "NEW TABLE",          "new_table")        \
	X(EV_OUT_OF_MEMORY,    "OUT OF MEMORY",      "out_of_memory")    \
	X(EV_SWAP_IN,          "SWAP-IN",            "swap_in")          \
	X(EV_ZERO_FILL,        "ZERO-FILL",          "zero_fill")        \
	X(EV_PTE_UPDATE,       "PTE UPDATE",         "pte_update")       \
	X(EV_TLB_FILL,         "TLB FILL",           "tlb_fill")         \
	X(EV_ACCESS,           "ACCESS",             "access")           \
	X(EV_TRIM,             "WORKING-SET TRIM",   "trim")             \
	X(EV_TICK,             "CLOCK TICK",         "tick")             \
	X(EV_SPAWN,            "SPAWN",              "spawn")            \
	X(EV_SWITCH,           "SWITCH",             "switch")           \
	X(EV_EXIT,             "EXIT",               "exit")             \
	X(EV_MAP,              "MAP",                "map")              \
	X(EV_UNMAP,            "UNMAP",              "unmap")            \
	X(EV_LIMIT,            "LIMIT",              "limit")            \
	X(EV_TLB_FLUSH,        "TLB FLUSH",          "tlb_flush")        \
	X(EV_FORK,             "FORK",               "fork")             \
	X(EV_COW_FAULT,        "COPY-ON-WRITE",      "cow_fault")        \
	X(EV_COW_COPY,         "COPY",               "cow_copy")         \
	X(EV_SHARE,            "SHARE",              "share")            \
	X(EV_CGROUP,           "CGROUP",             "cgroup")           \
	X(EV_CGROUP_ADD,       "CGROUP ADD",         "cgroup_add")       \
	X(EV_CGROUP_SWAP,      "CGROUP SWAP",        "cgroup_swap")      \
	X(EV_OOM_KILL,         "OOM KILL",           "oom_kill")

#define EVENT_ENUM(kind, label, key) kind,
enum event_kind { EVENT_KINDS(EVENT_ENUM) EV_COUNT };
#undef EVENT_ENUM

/*
 * Why the replacement policy chose its victim, as plain data that the
 * policy itself turns into words at explain time (policy_ops.explain):
 * `value` is the victim's deciding figure (a step, a count, a counter),
 * `swept` the reference bits a hand cleared on the way; `rule` is the
 * policy's own number for the rule that decided, where it has several.
 */
struct victim_why {
	unsigned rule;
	uint64_t value;
	unsigned swept;
	/*
	 * The page that ranked next by the policy's rule (policy_ops.rival),
	 * filled only when events are told: pid 0 names none.
	 */
	struct rival {
		int pid;
		uint64_t vpn;
		int frame;
		uint64_t value;         /* its deciding figure */
		unsigned rule;          /* the policy's own code for how it ranks */
	} rival;
};

#define NO_FRAME (-1)
#define NO_SLOT  (-1)

struct event {
	enum event_kind kind;
	uint64_t step;           /* the operation this belongs to, from 1 */
	int pid;                 /* the process acting or acted upon */
	char access;             /* 'r', 'w', 'x' for accesses */
	uint64_t vaddr, vpn, offset;
	int frame;               /* frame involved, or NO_FRAME */
	int slot;                /* swap slot involved, or NO_SLOT */
	int other_pid;           /* victim owner (EV_VICTIM, EV_TRIM...), or evicted TLB pid;
	                          * EVF_IN_MEMORY: the pid that brought the page in;
	                          * EV_SHARE: the process the pages are mapped into */
	uint64_t other_vpn;      /* EV_SHARE: the first page there */
	uint64_t paddr;          /* EV_ACCESS */
	int source;              /* the frame a copy-on-write copy is made from, or NO_FRAME */
	uint64_t count;          /* pages (spawn, map; unmap: those mapped; fork: made
	                          * copy-on-write), frame limit, TLB entries flushed,
	                          * accesses between ticks (EV_TICK), the look's
	                          * number in its search (EV_SWEEP) */
	unsigned frames_freed;   /* EV_EXIT, EV_UNMAP: frames given back */
	unsigned perm;           /* enum perm bits: the page's, or the mapping's */
	unsigned slots_freed;    /* EV_EXIT, EV_UNMAP: swap slots given back */
	unsigned frames_shared;  /* EV_FORK, EV_SHARE: frames now shared; EV_EXIT, EV_UNMAP:
	                          * frames others still map */
	unsigned slots_shared;   /* the same for swap slots */
	unsigned flags;          /* EVF_* below */
	struct victim_why why;   /* EV_VICTIM, EV_TRIM; EV_SWEEP: rule, what the look
	                          * saw (struct sweep's saw), value its figure, swept
	                          * the R bits cleared so far in the search */
	unsigned held;           /* EVF_LIMITED, EVF_LOCAL, EV_LIMIT: frames the process
	                          * holds; EV_FORK: the parent's TLB entries dropped
	                          * (and depth: the page tables copied for the child) */
	unsigned mappings;       /* EV_VICTIM, EV_WRITEBACK, EV_EVICT: page tables that
	                          * map the victim's frame; EV_COW_FAULT, EV_COW_COPY:
	                          * those that map the shared frame (EV_PTE_UPDATE after
	                          * a copy: those left on it); EV_WALK of a copy-on-write
	                          * or shared page: those that map its frame or slot;
	                          * EV_FORK: pages of shared mappings, which stay shared */
	unsigned free_count;     /* EVF_LIMITED: frames free all the same */
	unsigned frames_max;     /* a huge page's EV_OUT_OF_MEMORY with EVF_LIMITED: its
	                          * group's frame limit (count stays its pages) */
	int free_first[3];       /* the lowest of those, as many as free_count says */
	uint64_t evicted_step;   /* EVF_DROPPED: when the page was evicted clean */
	unsigned depth;          /* EV_WALK_TABLE, EV_WALK, EV_NEW_TABLE: the table's
				  * depth (0: the top); EV_EXIT, EV_UNMAP: tables freed */
	uint64_t index;          /* EV_WALK_TABLE, EV_WALK: the entry read */
	int table_frame;         /* ... in the table in this frame (NO_FRAME: the top) */
	unsigned cgroup;         /* EVF_LIMITED, EV_OOM_KILL, EV_CGROUP*: the named group
	                          * (cgroup.h; CGROUP_NONE: a process's own limit) */
	unsigned swap_group;     /* EVF_GROUP_SWAP: the group with no swap left ... */
	unsigned swap_max;       /* ... and its swap limit, in slots (EV_CGROUP*: the
	                          * group's, SWAP_LIMIT_NONE if none) */
	unsigned swap_used;      /* EV_CGROUP*: the slots the group keeps */
	unsigned left_group;     /* EV_CGROUP_ADD: the named group the process leaves,
	                          * or CGROUP_NONE */
};

/*
 * The page whose entry the event's page uses: its own, or (EVF_HUGE, an
 * access's event) the first page of its huge page.
 */
#define event_leaf_vpn(e) \
	(((e)->flags & EVF_HUGE) && (e)->kind != EV_MAP ? (e)->vpn & ~((e)->count - 1) : (e)->vpn)

/*
 * How many frames from e->frame the event is about: a huge page's whole
 * run where it fills or names the run (free frame, zero-fill, PTE update,
 * TLB fill: "frames 8-11"), else 1 (an access reaches its page's own).
 */
#define event_frame_run(e) \
	(((e)->flags & EVF_HUGE) && ((e)->kind == EV_FREE_FRAME || (e)->kind == EV_ZERO_FILL || \
	 (e)->kind == EV_PTE_UPDATE || (e)->kind == EV_TLB_FILL) ? (int)(e)->count : 1)

enum event_flags {
	EVF_PRESENT    = 1u << 0, /* EV_WALK: the PTE is present */
	EVF_SWAPPED    = 1u << 1, /* EV_WALK / EV_PAGE_FAULT: the page is in swap */
	EVF_DIRTY      = 1u << 2, /* EV_VICTIM / EV_TRIM / EV_EVICT: the victim was dirty */
	EVF_KEEPS_SLOT = 1u << 3, /* EV_EVICT: a clean page keeps its old slot */
	EVF_REPLACED   = 1u << 4, /* EV_TLB_FILL: an older entry made room */
	EVF_LIMITED    = 1u << 5, /* EV_PAGE_FAULT / EV_VICTIM: at its frame limit */
	EVF_LOCAL      = 1u << 6, /* EV_PAGE_FAULT: local scope (held: frames it holds) */
	EVF_NO_LIMIT   = 1u << 7, /* EV_LIMIT: the limit was lifted */
	EVF_DROPPED    = 1u << 8, /* EV_WALK / EV_PAGE_FAULT / EV_ZERO_FILL: the page
	                           * was touched, evicted clean, and has no slot */
	EVF_RESTARTED  = 1u << 9, /* EV_ACCESS: the instruction ran again after a fault */
	EVF_JUST_FREED = 1u << 10, /* EV_SWAP_IN / EV_ZERO_FILL: the frame was freed by
	                           * evicting (other_pid, other_vpn) this access */
	EVF_NO_SLOT    = 1u << 11, /* EV_VICTIM: dirty, and swap is full: it stays */
	EVF_NO_VICTIM  = 1u << 12, /* EV_OUT_OF_MEMORY: no frame is free and every one
	                           * it may take holds a page table, or (a copy) the
	                           * page being copied (`frame`, `source`) */
	EVF_LAST_MAPPING = 1u << 13, /* EV_COW_FAULT: the writer is the frame's only
	                           * mapping left: no copy */
	EVF_IN_MEMORY  = 1u << 14, /* EV_PAGE_FAULT: the page is already in `frame`
	                           * (a sharer brought it back): a minor fault */
	EVF_OWN_COPY   = 1u << 15, /* EV_SWAP_IN / EV_PTE_UPDATE: the writer's page
	                           * leaves its sharers: writable, its own */
	EVF_COW        = 1u << 16, /* EV_WALK: the page is copy-on-write (perm: its
	                           * entry's, read-only) */
	EVF_TLB_REMOVED = 1u << 17, /* EV_EVICT: TLB entries for the frame were removed */
	EVF_SHARED_MAPPING = 1u << 18, /* EV_WALK: the page is in a shared mapping
	                           * (mappings: the page tables that map it) */
	EVF_SHARED_CLEAN = 1u << 19, /* EV_VICTIM / EV_WRITEBACK / EV_OUT_OF_MEMORY:
	                           * the victim is clean but shared, with no slot: it
	                           * is written to swap so its sharers find it */
	EVF_GROUP_SWAP = 1u << 20, /* EV_VICTIM / EV_OUT_OF_MEMORY / EV_OOM_KILL: the dirty
	                           * page needs a slot and its group (swap_group) has
	                           * none left: swap_max in use */
	EVF_NEW_GROUP  = 1u << 21, /* EV_CGROUP: the group was made */
	EVF_OWN_LIMIT_LEFT = 1u << 22, /* EV_CGROUP_ADD: the process leaves its own limit */
	EVF_HUGE       = 1u << 23, /* the page is a huge page (count: its small pages;
	                           * EV_MAP: count is huge pages); EV_OUT_OF_MEMORY:
	                           * no aligned run of free frames holds one, or
	                           * with EVF_LIMITED its group's limit has no room
	                           * for it (held, frames_max, cgroup) */
	EVF_ALREADY_IN = 1u << 24, /* EV_CGROUP_ADD: the process was in the group already */
};

/*
 * An access tells at most this many looks of a sweep (EV_SWEEP); a longer
 * search goes on untold, and its VICTIM event still counts every R bit
 * cleared.
 */
#define LOOKS_TOLD_MAX 24
#define EVENTS_MAX (40 + LOOKS_TOLD_MAX)
struct event_list {
	unsigned n;
	struct event ev[EVENTS_MAX];
};

/* The label of a kind ("PAGE FAULT"). */
const char *event_label(enum event_kind kind);
/* Its key in JSON ("page_fault"). */
const char *event_key(enum event_kind kind);

/*
 * Whether an event of this kind means its access faulted: it trapped to the
 * kernel, a write to a copy-on-write page included.  Every count of hits
 * and faults (the batch rows, the frames-by-time table, the quiz) asks this.
 */
static inline bool
event_kind_faults(enum event_kind kind)
{
	return kind == EV_PAGE_FAULT || kind == EV_COW_FAULT;
}

/*
 * Writes the one-line explanation of `ev` into buf (always NUL-terminated),
 * e.g. "frame 2 holds 1:0x3, least recently used: last used at step 7".
 * `m` supplies the address width for the SPLIT bits; it may be NULL.
 */
void event_explain(const struct event *ev, const struct machine *m,
		   char *buf, size_t size);

#endif
