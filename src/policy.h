/*
 * policy.h - the one small interface every replacement policy implements.
 *
 * A policy is told of every load, access and eviction, and when a fault
 * finds no free frame it chooses a victim among the frames a filter allows
 * (all of them under global scope; the faulting process's own under local
 * scope; its memory group's at the group's limit).  Each policy keeps its own bookkeeping in
 * an opaque state that the machine clones with itself, so replay and undo
 * reproduce its choices exactly.  The exact rules of each policy are
 * written at the top of its file.
 */
#ifndef VMSCOPE_POLICY_H
#define VMSCOPE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "machine.h"

/*
 * Which frames may be chosen: any (pid 0, group CGROUP_NONE), or only
 * those of one process, or of one memory group.
 */
struct victim_filter {
	int pid;
	unsigned group;
	bool pin;               /* pinned_frame may not be taken: the page a */
	int pinned_frame;       /* copy-on-write fault is copying from */
	bool any;               /* every frame holds a page that may be taken, so
				 * none need be checked (victim_filter_for) */
};

/*
 * What a policy shows of one frame, in a column of its own in the frames
 * panel: the state its next choice is made from, as plain data the screen
 * words (policy_describe).  `value` means what `kind` says.
 */
enum mind_kind {
	MIND_NONE,      /* no value for this frame (free, a page table) */
	MIND_NUMBER,    /* a count, a position, a step, an age */
	MIND_NEVER,     /* OPT: never used again in the queued operations */
	MIND_BITS8,     /* aging: an 8-bit counter */
	MIND_AT_LEAST,  /* the working set: an age of `value` (tau) or more */
};

struct frame_mind {
	enum mind_kind kind;
	uint64_t value;
	bool hand;              /* the policy's hand points at this frame */
	signed char r;          /* its R bit, where the policy reads it; -1: not shown */
};

/* The column's heading and each frame's entry in it (NULL header: no column). */
struct policy_mind {
	const char *header;         /* what the column is: "queue, 1 = oldest" */
	const char *short_header;   /* the same for a narrow panel: "queue" */
	enum mind_kind kind;        /* what its values are (MIND_NONE: only hand and R) */
	bool has_hand;              /* a hand goes round the frames */
	bool shows_r;               /* the R bit is part of what it reads */
	/* Optional: frame f holds a data page: its value and kind (hand and r
	 * are filled in by policy_describe). */
	void (*describe)(const struct policy_state *s, const struct machine *m, int frame,
			 struct frame_mind *out);
	/* The frame the hand points at (has_hand). */
	unsigned (*hand)(const struct policy_state *s);
};

/*
 * One search for a victim, look by look (policy_ops.look): what the
 * policy keeps between its looks, and what the last look saw and did.
 * A search starts zeroed.
 */
struct sweep {
	unsigned looks;         /* looks made so far */
	unsigned start;         /* where the hand was when the search began */
	int kept[3];            /* the policy's own notes between looks */
	/* the last look */
	int frame;              /* the frame it looked at, or decided on */
	unsigned saw;           /* the policy's own code for what it saw and did */
	uint64_t value;         /* a figure it read there (an age), where it reads one */
};

/*
 * A policy is one file, src/policy_NAME.c, with its rules at the top, and
 * one entry in the table in policy.c; everything that lists policies
 * (--help, messages, the tests) reads that table.
 */
#define POLICY_NAME_MAX 16     /* the longest name a policy may have */

struct policy_ops {
	const char *name;
	const char *summary;    /* one line, for --help and the man page */
	/*
	 * Whether it reads the operations still to come (OPT): whoever runs it
	 * must hand the machine a future (future.h) first.
	 */
	bool looks_ahead;
	/* Whether its choices depend on the working-set window cfg.tau. */
	bool reads_tau;
	struct policy_state *(*create)(const struct machine *m);
	struct policy_state *(*clone)(const struct policy_state *s, const struct machine *m);
	void (*destroy)(struct policy_state *s);
	/*
	 * Optional (NULL: the policy needs no notice of it): frame's page was
	 * loaded, accessed (every access that reaches it), or evicted.
	 */
	void (*loaded)(struct policy_state *s, struct machine *m, int frame);
	void (*accessed)(struct policy_state *s, struct machine *m, int frame);
	void (*evicted)(struct policy_state *s, struct machine *m, int frame);
	/*
	 * Returns a frame the filter allows (at least one exists), and sets
	 * all of *why.
	 */
	int (*choose)(struct policy_state *s, struct machine *m,
		      const struct victim_filter *filter, struct victim_why *why);
	/*
	 * Writes, like snprintf, why the victim was chosen, from what choose
	 * put in `why` ("oldest: loaded at step 3"); returns its length.
	 */
	int (*explain)(const struct victim_why *why, const struct machine *m,
		       char *buf, size_t size);
	/*
	 * Optional (NULL: the policy names no rival, as random): called only
	 * when events are told, after choose: the frame other than victim that
	 * ranks next by the policy's rule among those the filter allows, its
	 * deciding figure in r->value and r->rule; NO_FRAME if no other frame
	 * may go.
	 */
	int (*rival)(const struct policy_state *s, const struct machine *m,
		     const struct victim_filter *filter, int victim, struct rival *r);
	/* Writes, like snprintf, the rival's figure ("last used at step 3"). */
	int (*rival_explain)(const struct rival *r, char *buf, size_t size);
	/*
	 * Optional (NULL: none): work done every cfg.tick accesses, after the
	 * access, and in words what it does ("nru clears every R bit").
	 */
	void (*tick)(struct policy_state *s, struct machine *m);
	const char *tick_says;
	/*
	 * Optional (NULL: none): called after each access by process pid, a
	 * frame that pid alone maps and that must leave memory without a fault
	 * (the working set's trimming) and can (frame_can_leave), with why;
	 * NO_FRAME when none must.
	 */
	int (*expired)(const struct policy_state *s, const struct machine *m, int pid,
		       struct victim_why *why);
	struct policy_mind mind;
	/*
	 * Optional, for the policies that sweep (clock, second chance,
	 * WSClock): one look, at the frame the hand points to or the front of
	 * the queue, changing what that look changes (an R bit cleared, the
	 * hand moved on) and saying so in *sw; returns the victim once a look
	 * decides, NO_FRAME to look again.  Their choose is this, repeated
	 * (policy_sweep), so the screen's look-by-look story and batch's one
	 * call decide alike.
	 */
	int (*look)(struct policy_state *s, struct machine *m,
		    const struct victim_filter *filter, struct victim_why *why, struct sweep *sw);
	/* Writes, like snprintf, what the look told in ev (EV_SWEEP) saw and did. */
	int (*look_explain)(const struct event *ev, const struct machine *m, char *buf,
			    size_t size);
};

typedef int look_fn(struct policy_state *s, struct machine *m,
		    const struct victim_filter *filter, struct victim_why *why, struct sweep *sw);

/*
 * Looks on from where the search sw is until a look decides; returns the
 * victim.  (Always inlined: with a known look, the loop calls it directly.)
 */
static inline __attribute__((always_inline)) int
policy_sweep(look_fn *look, struct policy_state *s, struct machine *m,
	     const struct victim_filter *filter, struct victim_why *why, struct sweep *sw)
{
	int victim;

	while ((victim = look(s, m, filter, why, sw)) == NO_FRAME)
		;
	return victim;
}

/*
 * The rival of a policy that sweeps (clock, second chance, WSClock): the
 * frame its next search would take if the victim were spared and nothing
 * else happened first.  That search is run with the policy's own look on
 * copies of its state and of the frames, in which the victim's frame is
 * one the fault may not take; the real state is left as it is.  Returns
 * the frame and fills *sw with the deciding look, or NO_FRAME if the
 * filter allows no frame but the victim.
 */
int policy_spared_search(const struct policy_state *s, const struct machine *m,
			 const struct victim_filter *filter, int victim, struct sweep *sw);

extern const struct policy_ops policy_fifo, policy_lru, policy_opt,
	policy_clock, policy_random, policy_mru, policy_lfu, policy_second_chance,
	policy_nru, policy_aging, policy_wsclock, policy_working_set;

/*
 * For policies that show each frame's last use, a step (LRU, MRU): none
 * for a page the access under way brought in, until its ACCESS.
 */
void policy_mind_last_use(const struct policy_state *s, const struct machine *m, int frame,
			  struct frame_mind *out);
/* For clock and second chance: the spared search's frame, its R bit the value. */
int policy_rival_spared_r(const struct policy_state *s, const struct machine *m,
			  const struct victim_filter *filter, int victim, struct rival *r);
/* For policies whose rival is ranked by its last use: "last used at step 3". */
int policy_rival_last_use(const struct rival *r, char *buf, size_t size);
/* For LRU and MRU: the victim f, its reason its last use.  (Inline: every fault asks.) */
static inline int
policy_victim_by_last_use(const struct machine *m, int f, struct victim_why *why)
{
	*why = (struct victim_why){ .value = m->frames[f].last_used_step };
	return f;
}

/* For LRU and MRU: the rival f (-1: none), its figure its last use. */
static inline int
policy_rival_by_last_use(const struct machine *m, int f, struct rival *r)
{
	if (f >= 0)
		r->value = m->frames[f].last_used_step;
	return f;
}

/* For policies whose state is one flat allocation. */
void policy_free_state(struct policy_state *s);

/*
 * Index of a policy by name in any case ("LRU", "Second-Chance"), or -1:
 * every place a name is read (--policy, --compare, :compare, a session's
 * machine.policy and display.compare, an answer sheet) asks this.
 */
int policy_find(const char *name);
/* The table policy_find indexes (policy.c). */
extern const struct policy_ops *const policy_table[];

/* (Inline: every access asks for its machine's policy.) */
static inline const struct policy_ops *
policy_at(int index)
{
	return policy_table[index];
}

/*
 * Whether the policy reads the operations still to come (OPT): whoever
 * runs it must hand the machine a future (future.h) first.
 */
bool policy_looks_ahead(int index);

/*
 * What the machine's policy shows of frame f (any frame, free ones
 * included: a hand may point at one); false if the policy shows nothing
 * (random: it keeps no state).
 */
bool policy_describe(const struct machine *m, int frame, struct frame_mind *out);

/* Number of policies; policy_at(0 .. policy_count()-1) are valid. */
int policy_count(void);
/* "fifo, lru, opt, clock, random": the table's names, for messages. */
const char *policy_names(void);

/*
 * The frames a fault of process p may take from: its group's at the
 * group's limit, its own under local scope (once it holds a frame), never
 * pinned_frame (the one a copy-on-write copy is made from; NO_FRAME:
 * none).  The one rule: the engine chooses victims and rivals by it, and
 * test_truth checks what they are said to rank above by it.  `any` says
 * whether that is every frame, each holding a data page (none free, none
 * a page table or part of a huge page), worked out once for the policy's
 * whole search.  (Inline: every fault without a free frame asks.)
 */
static inline struct victim_filter
victim_filter_for(const struct machine *m, const struct process *p, int pinned_frame)
{
	bool limited = process_at_limit(m, p);
	bool own = !limited && m->cfg.scope == SCOPE_LOCAL && p->resident > 0;
	struct victim_filter f = { .pid = own ? p->pid : 0,
		.group = limited ? p->cgroup : CGROUP_NONE,
		.pin = pinned_frame != NO_FRAME, .pinned_frame = pinned_frame };

	f.any = !f.pid && !f.group && !f.pin && m->free_frames == 0 && m->table_frames == 0 &&
		m->huge_frames == 0;
	return f;
}

/*
 * Whether the filter lets the policy take frame f: a data page's frame
 * (never a free one, a page table's or a huge page's) that it allows.
 */
static inline int
victim_filter_allows(const struct machine *m, const struct victim_filter *f, int frame)
{
	const struct rmap *r = frame_rmap(m, frame);

	if (f->any)
		return true;
	return r->holds == HOLDS_DATA && !(f->pin && frame == f->pinned_frame) &&
	    (!f->pid || r->pid == f->pid ||
	     (r->count > 1 && rmap_maps_pid(&m->rmap, r, f->pid))) &&
	    (!f->group || cgroup_maps(m, f->group, r));
}

#endif
