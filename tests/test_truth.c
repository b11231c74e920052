/*
 * test_truth.c - every event's narration agrees with the machine's state
 * before and after it, over every lesson and over random scripts (several
 * processes, writes, frame limits, exits, unmaps, segmentation and
 * protection faults, the TLB on and off, every policy and both scopes).
 *
 * The facts come from the machines (history_state_within gives the state
 * after each event) and from a record this test keeps of what it saw
 * happen to each page; the narration is only searched for its claims:
 *  - "never touched" / "touched for the first time": the page never was;
 *  - "evicted clean at step N": it was, at step N, clean and with no slot,
 *    and nothing has held it since; a re-fault of such a page says so;
 *  - "no free frame": none is free; a victim taken while frames are free
 *    names them, and the frame limit that forces it;
 *  - "frame limit": the process holds at least its limit;
 *  - "is free", "free frame N": that frame is free;
 *  - "from swap slot N": the page is in that slot;
 *  - "present = 0/1": the entry's present bit;
 *  - "restarted": the access faulted first;
 *  - an unmap's page count is the pages that were mapped ("nothing": none);
 *  - a VICTIM says "evicts ... from frame" unless OUT OF MEMORY or OOM KILL
 *    follows, and then "cannot be evicted";
 *  - "last used at step N": the victim's frame was last used at step N;
 *  - "N uses since it was loaded" (lfu): the frame was reached N times
 *    since its page came into it (by every page table that maps it);
 *  - "lowest class: K (R = r, D = d)" (nru): the victim's bits, and no frame
 *    the fault may take is in a lower class or lower in its class; "the
 *    lowest frame of its class" exactly when another was in its class;
 *  - "smallest counter: B" (aging): the victim's counter; "the earliest
 *    loaded of its value" exactly when another page had that counter;
 *  - "never used again" (opt): the victim's column says never; "the
 *    earliest loaded of the pages it may take that are never used again"
 *    exactly when another page the fault may take was never used again;
 *  - "rather than P:0xV (figure)": the page that ranked next is resident
 *    in another frame, the fault may take it (it is of the faulting
 *    process or its group where a limit binds), its figure is the one
 *    said (a step, uses, a counter, a class, a next use, R, WSClock's age
 *    and D), and the policy's rule ranks it after the victim and before
 *    every other page the fault may take; for clock, second chance and
 *    WSClock it is the page their next search would take with the victim
 *    spared, worked out from the column (hand or queue place, R, age, D);
 *  - a WORKING-SET TRIM takes a page of the accessing process that was
 *    resident and "not touched in its last T accesses": T is the setting,
 *    and its process has made at least T accesses (that reached a page)
 *    since the page's last use; "dirty" exactly when it is;
 *  - a CLOCK TICK comes every "N accesses", N the setting, and leaves every
 *    R bit clear;
 *  - the page-table panel draws the row a walk reads (ui/pte_rows.c);
 *  - a refused access has no ACCESS event, no physical address in any
 *    line, and the address bar never finds one (ui/translation.c).
 *  - an EVICT says "TLB entry removed" exactly when the TLB held one for
 *    the frame before it, clean or dirty;
 *  - a ZERO-FILL or SWAP-IN into a frame just freed from another process's
 *    page names its own page with its pid ("for 3:0x0");
 *  - a SWEEP (one look of clock, second chance or WSClock) names the page
 *    in the frame it looks at, says "R = 1" or "R = 0" as the frame's bit
 *    was, leaves it clear, and moves the hand to the frame it names (the
 *    policy's column draws it there: policy_describe); a page sent "to the
 *    back of the queue" is last in it; "unused for N" is the age the
 *    column shows; the VICTIM after a look that found one is that frame;
 *  - no narration starts with its own label ("OUT OF MEMORY: out of
 *    memory: ..." said it twice);
 *  - a named group's limit and usage ("cgroup web is at its limit (3 of 3
 *    frames)", "has no swap left (its swap limit is 0 slots)") against
 *    the group, and its victims are its own pages; a process put in a
 *    group "is already in" it exactly when it was, "moves from cgroup F"
 *    names the named group it left; what an add or a new limit says the
 *    group "holds" ("3 of its 4 frames", "3 frames, 1 over its limit of
 *    2") and "at its limit: ..." / "its pages stay ..." agree with the
 *    group's frames after;
 *  - no count of one takes a plural noun ("1 frames");
 *  - the frames panel's D after every event: set exactly when an entry
 *    pointing at the frame has D (a copy-on-write copy is clean until
 *    the write's ACCESS);
 *  - an OOM KILL ends the group's member holding the most frames, which
 *    held what it says and is gone after, with nothing left mapped; it
 *    says "no swap left" exactly after a victim that could not be
 *    written, and "dies with it" exactly when the faulting process died;
 * Lesson 15 shows the eight steps of a page fault, in order, in one access.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "cmd.h"
#include "each_lesson.h"
#include "engine.h"
#include "fuzz.h"
#include "history.h"
#include "lessons.h"
#include "page_walk.h"
#include "policy.h"
#include "pte_rows.h"
#include "random_script.h"
#include "session.h"
#include "stats_line.h"
#include "translation.h"
#include "walk_path.h"

/* ---- what the test saw happen to each page ------------------------------ */

struct seen_page {
	int pid;
	uint64_t vpn;
	uint64_t dropped_at;    /* step it was evicted clean with no slot; 0: not so */
	uint64_t used_at;       /* its process's accesses when it was last used */
};

#define PIDS_SEEN 64            /* the scripts and lessons stay below this pid */

struct record {
	struct seen_page *p;
	size_t n, cap;
	uint64_t accesses[PIDS_SEEN];   /* each process's accesses that reached a page */
	uint64_t *uses;         /* by frame: accesses that reached it since it was
				 * loaded, by every page table that maps it */
};

static struct seen_page *
seen(struct record *r, int pid, uint64_t vpn)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->p[i].pid == pid && r->p[i].vpn == vpn)
			return &r->p[i];
	return NULL;
}

static struct seen_page *
seen_add(struct record *r, int pid, uint64_t vpn)
{
	struct seen_page *s = seen(r, pid, vpn);

	if (s)
		return s;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->p = realloc(r->p, r->cap * sizeof *r->p);
		assert_non_null(r->p);
	}
	r->p[r->n] = (struct seen_page){ pid, vpn, 0, 0 };
	return &r->p[r->n++];
}

/* Forgets pid's pages from first on, count of them (all of them: count 0). */
static void
seen_forget(struct record *r, int pid, uint64_t first, uint64_t count)
{
	for (size_t i = 0; i < r->n;) {
		struct seen_page *s = &r->p[i];

		if (s->pid == pid && (count == 0 || (s->vpn >= first && s->vpn - first < count)))
			*s = r->p[--r->n];
		else
			i++;
	}
}

/* What event e of op, with the state before it, tells the record. */
static void
record_event(struct record *r, const struct event *e, const struct op *op,
	     const struct machine *before)
{
	const struct pte *victim;

	switch (e->kind) {
	case EV_ACCESS:
		assert_true(e->pid < PIDS_SEEN);
		seen_add(r, e->pid, e->vpn)->used_at = ++r->accesses[e->pid];
		r->uses[e->frame]++;
		break;
	case EV_ZERO_FILL:
	case EV_SWAP_IN:
		seen_add(r, e->pid, e->vpn)->dropped_at = 0;
		r->uses[e->frame] = 0;
		break;
	case EV_COW_COPY:
		r->uses[e->frame] = 0;  /* a new page in the frame */
		break;
	case EV_EVICT:
		/* Every page table that maps the frame loses it. */
		victim = page_table_find(&machine_process(before, e->other_pid)->pt,
					 e->other_vpn);
		RMAP_FOREACH(&before->rmap, frame_rmap(before, e->frame), it)
			seen_add(r, it.map.pid, it.map.vpn)->dropped_at =
				!frame_dirty(before, e->frame) && victim->slot < 0 ? e->step : 0;
		break;
	case EV_EXIT:
		seen_forget(r, e->pid, 0, 0);
		r->accesses[e->pid] = 0;
		break;
	case EV_FORK:
		/* The child's entries are the parent's: so is what was seen of them. */
		for (size_t i = 0, n = r->n; i < n; i++)
			if (r->p[i].pid == e->pid) {
				/* Copied first: seen_add may move r->p. */
				struct seen_page parent = r->p[i];

				seen_add(r, e->other_pid, parent.vpn)->dropped_at = parent.dropped_at;
			}
		break;
	case EV_UNMAP:
		seen_forget(r, e->pid, e->vaddr / before->cfg.page_size, op->pages);
		break;
	case EV_SHARE:
		/* The pages shared are in a frame or a slot: none is dropped. */
		for (uint64_t i = 0; i < e->count; i++)
			seen_add(r, e->other_pid, e->other_vpn + i)->dropped_at = 0;
		break;
	default:
		break;
	}
}

/* ---- checking one event -------------------------------------------------- */

struct ctx {
	const char *where;      /* the lesson or script, for messages */
	size_t op;
	const struct event_list *ev;
	unsigned j;             /* the event checked: ev->ev[j] */
	const struct machine *before, *after;
	const char *text;
	const struct op *operation;
};

/* Whether the operation checked is an access. */
static bool
history_op_is_access(const struct ctx *c)
{
	return c->operation->kind == OP_ACCESS;
}

#define CLAIM(c, cond) \
	do { \
		if (!(cond)) \
			fail_msg("%s, op %zu, event %u (%s): \"%s\": %s", (c)->where, (c)->op, \
				 (c)->j + 1, event_label((c)->ev->ev[(c)->j].kind), (c)->text, \
				 #cond); \
	} while (0)

static bool
says(const struct ctx *c, const char *words)
{
	return strstr(c->text, words) != NULL;
}

/* The number after `words` in the text, or UINT64_MAX if it does not say them. */
static uint64_t
number_after(const struct ctx *c, const char *words)
{
	const char *at = strstr(c->text, words);

	return at ? strtoull(at + strlen(words), NULL, 0) : UINT64_MAX;
}

static unsigned
free_frames(const struct machine *m)
{
	unsigned n = 0;

	for (unsigned f = 0; f < m->cfg.frames; f++)
		n += frame_is_free(m, (int)f);
	return n;
}

static const struct pte *
pte_before(const struct ctx *c, int pid, uint64_t vpn)
{
	const struct process *p = machine_process(c->before, pid);

	return p ? process_pte(c->before, p, vpn) : NULL;
}

static bool
op_has(const struct event_list *ev, unsigned upto, enum event_kind kind)
{
	for (unsigned i = 0; i < upto; i++)
		if (ev->ev[i].kind == kind)
			return true;
	return false;
}

static void
check_touch_words(const struct ctx *c, const struct event *e, const struct record *r)
{
	const struct seen_page *s = seen((struct record *)r, e->pid, e->vpn);
	const struct pte *pte = pte_before(c, e->pid, e->vpn);
	uint64_t step;

	if (says(c, "never touched") || says(c, "touched for the first time"))
		CLAIM(c, s == NULL && pte == NULL);
	if ((step = number_after(c, "evicted clean at step ")) != UINT64_MAX)
		CLAIM(c, s != NULL && s->dropped_at == step && pte != NULL && !pte->present &&
		      pte->slot < 0);
	/* A page evicted clean is never presented as new, and says so. */
	if (s != NULL && s->dropped_at &&
	    (e->kind == EV_PAGE_FAULT || e->kind == EV_ZERO_FILL || e->kind == EV_WALK))
		CLAIM(c, says(c, "evicted clean at step"));
}

/* Whether an eviction since the last table made (or the start) freed the frame used now. */
static bool
evicted_for_this(const struct ctx *c)
{
	for (unsigned i = c->j; i-- > 0;) {
		if (c->ev->ev[i].kind == EV_NEW_TABLE)
			return false;
		if (c->ev->ev[i].kind == EV_EVICT)
			return true;
	}
	return false;
}

/*
 * Whether a victim was chosen for the page since the last table made (a
 * table's victim may be another group's page while the group's own frames
 * all hold huge pages).
 */
static bool
victim_for_the_page(const struct ctx *c)
{
	for (unsigned i = c->j; i-- > 0;) {
		if (c->ev->ev[i].kind == EV_NEW_TABLE)
			return false;
		if (c->ev->ev[i].kind == EV_VICTIM)
			return true;
	}
	return false;
}

/*
 * The frames panel's D (frame_dirty) after every event is true of the
 * entries that point at the frame then: set exactly when one of them,
 * present and pointing at this frame, has D.  A copy-on-write copy is
 * clean at COPY and PTE UPDATE and dirty from the ACCESS that writes it
 * (the writer's entry points at the shared, dirty frame until PTE UPDATE:
 * its D was drawn on the copy at COPY, gone at PTE UPDATE, back at ACCESS).
 */
static void
check_frame_dirty(const struct ctx *c)
{
	const struct machine *m = c->after;

	for (unsigned f = 0; f < m->cfg.frames; f++) {
		bool dirty = false;

		if (frame_rmap(m, (int)f)->holds != HOLDS_DATA)
			continue;
		RMAP_FOREACH(&m->rmap, frame_rmap(m, (int)f), it) {
			const struct pte *e = mapping_pte(m, it.map);

			dirty |= e && e->present && e->frame == (int)f && e->dirty;
		}
		CLAIM(c, frame_dirty(m, (int)f) == dirty);
	}
}

/*
 * A process's new frame limit: "it holds H" (its frames), "H - C over its
 * limit" exactly when it holds more, "at its limit" exactly when as many.
 */
static void
check_limit_words(const struct ctx *c, const struct event *e)
{
	const struct process *p = machine_process(c->after, e->pid);
	unsigned limit = cgroup_frame_limit(c->after, p), held, over;
	const char *at = strstr(c->text, "it holds ");

	CLAIM(c, limit == e->count && number_after(c, "at most ") == limit &&
	      number_after(c, "it holds ") == p->resident);
	if (at && sscanf(at, "it holds %u, %u over its limit", &held, &over) == 2)
		CLAIM(c, held > limit && over == held - limit);
	CLAIM(c, says(c, " over its limit") == (p->resident > limit) &&
	      says(c, ", at its limit:") == (p->resident == limit));
}

static void
check_frame_words(const struct ctx *c, const struct event *e)
{
	const struct process *p = machine_process(c->before, e->pid);
	unsigned nfree = free_frames(c->before), limit = p ? cgroup_frame_limit(c->before, p) : 0;
	uint64_t f;

	if (says(c, "no free frame"))
		CLAIM(c, nfree == 0);
	if (says(c, "its frame limit"))
		CLAIM(c, limit != LIMIT_NONE && p->resident >= limit &&
		      e->held == p->resident && e->count == limit);
	if (e->kind == EV_VICTIM && nfree > 0) {
		CLAIM(c, (says(c, "its frame limit") || says(c, "its limit (")) && says(c, "although"));
		CLAIM(c, e->free_count == nfree);
		for (unsigned i = 0; i < nfree && i < 3; i++)
			CLAIM(c, frame_is_free(c->before, e->free_first[i]));
	}
	if ((f = number_after(c, "frame ")) != UINT64_MAX && e->kind == EV_FREE_FRAME)
		CLAIM(c, frame_is_free(c->before, (int)f));
	if ((f = number_after(c, "written into free frame ")) != UINT64_MAX)
		CLAIM(c, f < c->before->cfg.frames && frame_is_free(c->before, (int)f));
	/* "free frame" only when no eviction made it free; "just freed" only after one
	 * (since the last table made, which took the frame freed before it). */
	if (e->kind == EV_SWAP_IN || e->kind == EV_ZERO_FILL || e->kind == EV_NEW_TABLE)
		CLAIM(c, says(c, "just freed by evicting") == evicted_for_this(c) &&
		      says(c, "free frame") != evicted_for_this(c));
	if (says(c, "is at its frame limit"))
		CLAIM(c, p->resident == limit);
	if (says(c, "is over its frame limit"))
		CLAIM(c, p->resident > limit);
	if (says(c, "local scope: pid"))
		CLAIM(c, p->resident > 0);
	if (says(c, "holds no frame of its own"))
		CLAIM(c, p->resident == 0);
	if (e->kind == EV_LIMIT && !(e->flags & EVF_NO_LIMIT))
		check_limit_words(c, e);
}

static void
check_pte_words(const struct ctx *c, const struct event *e)
{
	const struct pte *pte = pte_before(c, e->pid, e->vpn);
	uint64_t slot;

	if (says(c, "present = 0"))
		CLAIM(c, pte == NULL || !pte->present);
	if (says(c, "present = 1") && e->kind == EV_WALK)
		CLAIM(c, pte != NULL && pte->present);
	if ((slot = number_after(c, "from swap slot ")) != UINT64_MAX)
		CLAIM(c, pte != NULL && pte->slot == (int)slot &&
		      rmap_has(&c->before->rmap, slot_rmap(c->before, (unsigned)slot),
			  (struct mapping){ .pid = e->pid, .vpn = e->vpn }));
	if (says(c, "restarted"))
		CLAIM(c, op_has(c->ev, c->j, EV_PAGE_FAULT) || op_has(c->ev, c->j, EV_COW_FAULT));
	/* A victim is said to be evicted only when it is. */
	if (e->kind == EV_VICTIM) {
		bool stays = c->j + 1 < c->ev->n && (c->ev->ev[c->j + 1].kind == EV_OUT_OF_MEMORY ||
						     c->ev->ev[c->j + 1].kind == EV_OOM_KILL);

		CLAIM(c, says(c, "cannot be evicted") == stays && says(c, " from frame ") != stays);
		CLAIM(c, !stays || !says(c, "evicts"));
	}
}

/* The table at depth d on vpn's path in m, or NULL. */
static const struct pt_table *
table_of(const struct machine *m, int pid, unsigned d, uint64_t vpn)
{
	const struct process *p = machine_process(m, pid);

	return p ? walk_table(m, p, d, vpn) : NULL;
}

/* "level 2 of 4: entry 0x1a of the table in frame 7": that table, that entry. */
static void
check_table_entry(const struct ctx *c, const struct event *e)
{
	char want[96];
	uint64_t f;

	snprintf(want, sizeof want, "level %u of %u: entry 0x%llx of ", e->depth + 1,
		 c->before->cfg.levels, (unsigned long long)va_split_index(&c->before->split,
		 e->depth, e->vpn));
	CLAIM(c, says(c, want));
	if ((f = number_after(c, "of the table in frame ")) != UINT64_MAX)
		CLAIM(c, e->depth > 0 && table_of(c->before, e->pid, e->depth, e->vpn) &&
		      table_of(c->before, e->pid, e->depth, e->vpn)->frame == (int)f);
	else
		CLAIM(c, e->depth == 0 && says(c, "top table"));
}

/*
 * A split on a multi-level machine: one index a level, or, for a page in
 * a huge page, the indices down to its entry (a level short) and the low
 * bits that are the byte in the huge page.
 */
static void
check_split_indices(const struct ctx *c, const struct event *e)
{
	const struct machine *m = c->before;
	bool huge = process_in_huge(m, machine_process(m, e->pid), e->vpn);
	const char *at = strstr(c->text, huge ? "a leaf one level up: " : "one index a level: ");
	unsigned indices = m->cfg.levels - huge, low;
	char want[96];

	CLAIM(c, at != NULL && huge == ((e->flags & EVF_HUGE) != 0));
	for (unsigned l = 0; at && l < indices; l++) {
		at = strstr(at, "0x");
		CLAIM(c, at && strtoull(at, NULL, 16) == va_split_index(&m->split, l, e->vpn));
		at = at ? at + 2 : NULL;
	}
	if (!huge)
		return;
	low = m->split.offset_bits + m->split.bits[indices];
	snprintf(want, sizeof want, "to its entry, and the low %u bits, 0x%llx, are the byte",
		 low, (unsigned long long)(e->vaddr % (machine_huge_pages(m) * m->cfg.page_size)));
	CLAIM(c, says(c, want));
}

/* The walk of a multi-level table, the tables it makes, and what is freed. */
static void
check_tables(const struct ctx *c, const struct event *e)
{
	const struct process *pb = machine_process(c->before, e->pid);
	const struct process *pa = machine_process(c->after, e->pid);
	uint64_t f;

	if (e->kind == EV_WALK_TABLE) {
		const struct pt_table *next = table_of(c->before, e->pid, e->depth + 1, e->vpn);

		check_table_entry(c, e);
		if ((f = number_after(c, "present, the next table is in frame ")) != UINT64_MAX)
			CLAIM(c, next && next->frame == (int)f);
		else
			CLAIM(c, says(c, "empty") && next == NULL);
		if (says(c, "is not mapped"))
			CLAIM(c, process_region(pb, e->vpn) == NULL);
	}
	if (e->kind == EV_WALK && c->before->cfg.levels > 1)
		check_table_entry(c, e);
	if (e->kind == EV_SPLIT && c->before->cfg.levels > 1)
		check_split_indices(c, e);
	if (e->kind == EV_NEW_TABLE) {
		const struct pt_table *t = table_of(c->after, e->pid, e->depth, e->vpn);
		char want[64];

		f = number_after(c, says(c, "in free frame ") ? "in free frame " : "in frame ");
		CLAIM(c, t && t->frame == (int)f && frame_is_free(c->before, (int)f) &&
		      table_of(c->before, e->pid, e->depth, e->vpn) == NULL &&
		      frame_rmap(c->after, (int)f)->holds == HOLDS_PAGE_TABLE);
		snprintf(want, sizeof want, "level-%u table", e->depth + 1);
		CLAIM(c, says(c, want) && says(c, "never evicted"));
	}
	if (e->kind == EV_OUT_OF_MEMORY && (e->flags & EVF_NO_VICTIM) && e->source == NO_FRAME &&
	    (e->flags & EVF_LIMITED)) {
		/* at its limit, every frame of its own holds a huge page's page */
		CLAIM(c, says(c, "its frame limit") && says(c, "a page of a huge page"));
		for (unsigned i = 0; i < c->after->cfg.frames; i++)
			CLAIM(c, frame_rmap(c->after, (int)i)->pid != e->pid ||
			      frame_rmap(c->after, (int)i)->holds != HOLDS_DATA);
	} else if (e->kind == EV_OUT_OF_MEMORY && (e->flags & EVF_NO_VICTIM) &&
		   e->source == NO_FRAME) {
		bool huge = says(c, "holds a page table or a huge page");

		CLAIM(c, free_frames(c->after) == 0 && says(c, "holds a page table"));
		CLAIM(c, huge == (c->after->huge_frames > 0));
		for (unsigned i = 0; i < c->after->cfg.frames; i++)
			CLAIM(c, frame_rmap(c->after, (int)i)->holds == HOLDS_PAGE_TABLE ||
			      (huge && frame_rmap(c->after, (int)i)->holds == HOLDS_HUGE) ||
			      (says(c, "(local scope: its own)") &&
			       frame_rmap(c->after, (int)i)->pid != e->pid));
		CLAIM(c, !says(c, "local scope") || (c->after->cfg.scope == SCOPE_LOCAL &&
		      machine_process(c->after, e->pid)->resident > 0));
	}
	if (e->kind == EV_EXIT || e->kind == EV_UNMAP) {
		unsigned gone = pb->table_frames - (pa ? pa->table_frames : 0);
		char want[64];

		snprintf(want, sizeof want, "; %u page table%s left with no entry", gone,
			 gone == 1 ? "" : "s");
		CLAIM(c, e->depth == gone && says(c, "page table") == (gone > 0));
		CLAIM(c, !gone || says(c, want));
	}
}

/*
 * The page-table panel's line for a step of the walk (walk_step_text):
 * "L2 f0[0x8] -> f1" names the level, the table the entry is in (top, or
 * that table's frame), the entry's index, and where it leads: the next
 * table's frame, the page's frame (a huge page's run), slot, or nothing.
 */
static void
check_walk_step(const struct ctx *c, const struct event *e)
{
	const struct machine *m = c->before;
	const struct process *p = machine_process(m, e->pid);
	const struct pt_table *next;
	const struct pte *pte;
	char line[96], table[16], target[32];
	unsigned level;
	unsigned long long index;
	int f, g;

	if ((e->kind != EV_WALK_TABLE && e->kind != EV_WALK) || m->cfg.levels < 2)
		return;
	walk_step_text(e, NULL, "->", line, sizeof line);
	CLAIM(c, sscanf(line, "L%u %15[^[][0x%llx] -> %31[^\n]", &level, table, &index,
			target) == 4);
	CLAIM(c, level == e->depth + 1 && index == va_split_index(&m->split, e->depth, e->vpn));
	if (e->depth == 0)
		CLAIM(c, !strcmp(table, "top"));
	else
		CLAIM(c, sscanf(table, "f%d", &f) == 1 && table_of(m, e->pid, e->depth, e->vpn) &&
		      table_of(m, e->pid, e->depth, e->vpn)->frame == f);
	next = e->kind == EV_WALK_TABLE ? table_of(m, e->pid, e->depth + 1, e->vpn) : NULL;
	if (!strcmp(target, "not mapped")) {
		CLAIM(c, process_region(p, e->vpn) == NULL && next == NULL);
		return;
	}
	if (e->kind == EV_WALK_TABLE) {
		if (!strcmp(target, "empty"))
			CLAIM(c, next == NULL && process_region(p, e->vpn) != NULL);
		else
			CLAIM(c, sscanf(target, "PT%u f%d", &level, &f) == 2 && next != NULL &&
			      next->frame == f && level == e->depth + 2);
		return;
	}
	CLAIM(c, process_region(p, e->vpn) != NULL);
	pte = process_pte(m, p, e->vpn);
	if (sscanf(target, "f%d-%d H", &f, &g) == 2)
		CLAIM(c, pte && pte->present && pte->frame == f &&
		      (uint64_t)(g - f + 1) == machine_huge_pages(m) && process_in_huge(m, p, e->vpn));
	else if (sscanf(target, "f%d", &f) == 1)
		CLAIM(c, pte && pte->present && pte->frame == f && !process_in_huge(m, p, e->vpn));
	else if (sscanf(target, "s%d", &f) == 1)
		CLAIM(c, pte && !pte->present && pte->slot == f);
	else
		CLAIM(c, !strcmp(target, "P=0") && (!pte || (!pte->present && pte->slot < 0)));
}

/* The page-table panel draws the row a walk reads, after the walk. */
static void
check_walk_row(const struct ctx *c, const struct event *e)
{
	const struct process *p = machine_process(c->after, e->pid);
	uint64_t *rows;
	size_t n, i;

	if (e->kind != EV_WALK)
		return;
	rows = calloc(p->pt.count + 1, sizeof *rows);
	assert_non_null(rows);
	n = pte_rows(p, c->ev->ev, c->j + 1, rows);
	for (i = 0; i < n && rows[i] != event_leaf_vpn(e); i++)
		continue;
	CLAIM(c, i < n);
	free(rows);
}

/* A refused access: no physical address anywhere, in words or on the bar. */
static void
check_refusal(const struct ctx *c, const struct event *e)
{
	bool refused = op_has(c->ev, c->ev->n, EV_SEGFAULT) ||
		       op_has(c->ev, c->ev->n, EV_PROTECTION_FAULT);
	int frame;
	uint64_t paddr;

	if (c->ev->ev[0].kind != EV_SPLIT)
		return;
	if (!refused) {
		CLAIM(c, !says(c, "no physical address"));
		return;
	}
	CLAIM(c, !op_has(c->ev, c->ev->n, EV_ACCESS) && !says(c, "physical 0x"));
	CLAIM(c, translation_known(c->ev->ev, c->ev->n, c->j + 1, c->before->cfg.page_size,
				   &frame, &paddr) != TR_FOUND);
	if (e->kind == EV_SEGFAULT || e->kind == EV_PROTECTION_FAULT)
		CLAIM(c, says(c, "no physical address"));
}

static uint64_t
mapped_pages(const struct machine *m, int pid)
{
	const struct process *p = machine_process(m, pid);
	uint64_t n = 0;

	for (size_t i = 0; i < p->nregions; i++)
		n += p->regions[i].npages;
	return n;
}

/* An unmap counts the pages that were mapped, and says "nothing" for none. */
static void
check_unmap(const struct ctx *c, const struct event *e)
{
	if (e->kind != EV_UNMAP)
		return;
	CLAIM(c, e->count == mapped_pages(c->before, e->pid) - mapped_pages(c->after, e->pid));
	CLAIM(c, says(c, "unmaps nothing") == (e->count == 0));
}

/* Frames and slots pid maps that other page tables map too, in m. */
static void
shared_with_others(const struct machine *m, int pid, unsigned *frames, unsigned *slots)
{
	*frames = *slots = 0;
	for (unsigned f = 0; f < m->cfg.frames; f++)
		*frames += frame_rmap(m, (int)f)->count > 1 &&
			   rmap_maps_pid(&m->rmap, frame_rmap(m, (int)f), pid);
	for (unsigned s = 0; s < m->swap_cap; s++)
		*slots += slot_rmap(m, s)->count > 1 &&
			  rmap_maps_pid(&m->rmap, slot_rmap(m, s), pid);
}

static unsigned
tlb_entries_of(const struct machine *m, int pid)
{
	unsigned n = 0;

	for (unsigned i = 0; i < m->tlb.n; i++)
		n += m->tlb.e[i].pid == pid;
	return n;
}

/* A fork: the child's table is the parent's, touched pages of writable mappings copy-on-write in both. */
static void
check_fork(const struct ctx *c, const struct event *e)
{
	const struct process *parent = machine_process(c->after, e->pid);
	const struct process *child = machine_process(c->after, e->other_pid);
	unsigned frames = 0, slots = 0, cow = 0, shared = 0;
	char name[OP_NAME_MAX + 2];

	CLAIM(c, parent != NULL && child != NULL && machine_process(c->before, e->other_pid) == NULL);
	snprintf(name, sizeof name, "%s+", parent->name);
	CLAIM(c, strncmp(child->name, name, OP_NAME_MAX) == 0);
	CLAIM(c, child->pt.count == parent->pt.count && child->resident == parent->resident);
	PAGE_TABLE_FOREACH(&parent->pt, pe) {
		const struct pte *ce = page_table_find(&child->pt, pe->vpn);
		bool writable = process_region(parent, pe->vpn)->perm & PERM_W;

		CLAIM(c, ce != NULL && ce->present == pe->present && ce->slot == pe->slot &&
		      (!pe->present || ce->frame == pe->frame) && ce->perm == pe->perm);
		/* A page of a shared mapping stays shared, never copy-on-write. */
		CLAIM(c, ce->shared == pe->shared && !(pe->shared && pe->cow));
		CLAIM(c, pe->shared || (pe->cow == writable && ce->cow == writable &&
					!(writable && (pe->perm & PERM_W))));
		frames += pe->present;
		slots += pe->slot >= 0;
		cow += pe->cow;
		shared += pe->shared;
	}
	CLAIM(c, shared == 0 ? !says(c, "shared, not copy-on-write") :
	      number_after(c, "copy-on-write in both; ") == shared);
	CLAIM(c, number_after(c, "points at the same ") == frames);
	CLAIM(c, number_after(c, " frames and ") == slots || number_after(c, " frame and ") == slots);
	CLAIM(c, number_after(c, "swap slots; ") == cow || number_after(c, "swap slot; ") == cow);
	CLAIM(c, !says(c, "written"));      /* a page only read becomes copy-on-write too */
	CLAIM(c, child->table_frames == parent->table_frames &&
	      (number_after(c, "; its ") == child->table_frames) == (child->table_frames > 0));
	CLAIM(c, tlb_entries_of(c->after, e->pid) == 0 &&
	      says(c, "TLB entr") == (tlb_entries_of(c->before, e->pid) > 0));
	if (says(c, "TLB entr"))
		CLAIM(c, number_after(c, "'s ") == tlb_entries_of(c->before, e->pid));
}

/* Copy-on-write faults, copies and the entries that follow them. */
static void
check_cow_words(const struct ctx *c, const struct event *e)
{
	const struct pte *before = pte_before(c, e->pid, e->vpn);
	const struct process *p = machine_process(c->after, e->pid);
	const struct pte *after = p ? page_table_find(&p->pt, e->vpn) : NULL;
	struct mapping me = { .pid = e->pid, .vpn = e->vpn };
	uint64_t f;

	if (says(c, "copy-on-write") && (e->kind == EV_WALK || e->kind == EV_COW_FAULT))
		CLAIM(c, before != NULL && before->cow && !(before->perm & PERM_W));
	if ((f = number_after(c, "is the last mapping of frame ")) != UINT64_MAX)
		CLAIM(c, before->present && before->frame == (int)f &&
		      frame_rmap(c->before, (int)f)->count == 1);
	if (e->kind == EV_COW_FAULT && (f = number_after(c, "frame ")) != UINT64_MAX &&
	    says(c, "is shared by "))
		CLAIM(c, before->frame == (int)f && number_after(c, "is shared by ") ==
		      frame_rmap(c->before, (int)f)->count && frame_rmap(c->before, (int)f)->count > 1);
	if (e->kind == EV_COW_COPY) {
		/* Copied from the frame it maps, or that a sharer brought back. */
		bool mapped = rmap_has(&c->before->rmap, frame_rmap(c->before, e->source), me);

		CLAIM(c, number_after(c, "copies frame ") == (uint64_t)e->source &&
		      (mapped || (!before->present && before->cow &&
				  slot_frame(c->before, before->slot) == e->source)));
		CLAIM(c, number_after(c, "shared by ") ==
		      frame_rmap(c->before, e->source)->count + !mapped);
		CLAIM(c, rmap_has(&c->after->rmap, frame_rmap(c->after, e->frame), me));
	}
	if ((f = number_after(c, "now points at frame ")) != UINT64_MAX) {
		CLAIM(c, after->present && after->frame == (int)f && !after->cow &&
		      (after->perm & PERM_W) && says(c, "writable"));
		CLAIM(c, !rmap_has(&c->after->rmap, frame_rmap(c->after, e->source), me));
		CLAIM(c, says(c, "stays with the one other mapping") ?
		      frame_rmap(c->after, e->source)->count == 1 :
		      number_after(c, "stays with the other ") ==
		      frame_rmap(c->after, e->source)->count);
	}
	if ((f = number_after(c, "still frame ")) != UINT64_MAX)
		CLAIM(c, before->frame == (int)f && after->frame == (int)f && after->present &&
		      !after->cow && (after->perm & PERM_W) &&
		      frame_rmap(c->after, (int)f)->count == 1 && after->dirty == before->dirty);
	if (says(c, "the frame its sharer brought back"))
		CLAIM(c, after->present && frame_rmap(c->after, after->frame)->count > 1 &&
		      frame_rmap(c->before, after->frame)->count > 0);
	if (says(c, "its own copy, and slot "))
		CLAIM(c, slot_rmap(c->before, (unsigned)e->slot)->count > 1 && before->cow);
	if (says(c, "writable (") && e->kind == EV_PTE_UPDATE)
		CLAIM(c, (after->perm & PERM_W) && !after->cow);
	if (says(c, "holds the page being copied"))
		CLAIM(c, e->source != NO_FRAME &&
		      number_after(c, "to copy frame ") == (uint64_t)e->source &&
		      (rmap_has(&c->before->rmap, frame_rmap(c->before, e->source), me) ||
		       slot_frame(c->before, before->slot) == e->source));
}

/* Evictions, exits and unmaps of frames several page tables map. */
static void
check_shared_words(const struct ctx *c, const struct event *e)
{
	unsigned frames, slots;
	uint64_t n;

	if ((n = number_after(c, ", shared by ")) != UINT64_MAX && e->kind == EV_VICTIM)
		CLAIM(c, frame_rmap(c->before, e->frame)->count == n && n > 1);
	if (e->kind == EV_VICTIM && !says(c, ", shared by "))
		CLAIM(c, frame_rmap(c->before, e->frame)->count == 1);
	if ((n = number_after(c, "cleared in all ")) != UINT64_MAX) {
		CLAIM(c, frame_rmap(c->before, e->frame)->count == n);
		RMAP_FOREACH(&c->before->rmap, frame_rmap(c->before, e->frame), it)
			CLAIM(c, !mapping_pte(c->after, it.map)->present);
	}
	if (e->kind == EV_EVICT && !says(c, "cleared in all") && !says(c, "dropped from every"))
		CLAIM(c, frame_rmap(c->before, e->frame)->count == 1);
	if (e->kind == EV_EXIT || e->kind == EV_UNMAP || e->kind == EV_OOM_KILL)
		CLAIM(c, !says(c, " 0 frame") && !says(c, " 0 swap slot"));   /* "no ..." */
	if (e->kind == EV_EXIT || e->kind == EV_UNMAP) {
		shared_with_others(c->before, e->pid, &frames, &slots);
		CLAIM(c, says(c, ", still mapped by ") ==
		      (e->frames_shared + e->slots_shared > 0) &&
		      says(c, "still mapped by another process") ==
		      (e->frames_shared + e->slots_shared == 1));
		CLAIM(c, e->kind != EV_EXIT || (e->frames_shared == frames && e->slots_shared == slots));
	}
}

/* A share: the second page table points where the first does. */
static void
check_share(const struct ctx *c, const struct event *e)
{
	const struct process *from = machine_process(c->after, e->pid);
	const struct process *to = machine_process(c->after, e->other_pid);
	uint64_t first = e->vaddr / c->after->cfg.page_size;
	unsigned frames = 0, slots = 0;

	CLAIM(c, from != NULL && to != NULL && from != to);
	for (uint64_t i = 0; i < e->count; i++) {
		const struct pte *a = page_table_find(&from->pt, first + i);
		const struct pte *b = page_table_find(&to->pt, e->other_vpn + i);

		CLAIM(c, a != NULL && b != NULL && a->shared && b->shared && !a->cow && !b->cow);
		CLAIM(c, a->present == b->present && a->slot == b->slot &&
		      (!a->present || a->frame == b->frame) && (a->present || a->slot >= 0));
		CLAIM(c, b->perm == e->perm && process_region(to, b->vpn)->perm == e->perm);
		frames += a->present;
		slots += a->slot >= 0;
	}
	CLAIM(c, number_after(c, "shares ") == e->count);
	CLAIM(c, number_after(c, "mapped there from page ") == e->other_vpn);
	CLAIM(c, number_after(c, "point at the same ") == frames);
	CLAIM(c, number_after(c, " frames and ") == slots || number_after(c, " frame and ") == slots);
}

/* Shared mappings and copy-on-write pages, said of the state beside them. */
static void
check_share_words(const struct ctx *c, const struct event *e)
{
	const struct pte *pte = pte_before(c, e->pid, e->vpn);
	const struct pte *victim = e->kind == EV_VICTIM || e->kind == EV_WRITEBACK ||
		e->kind == EV_OUT_OF_MEMORY ? pte_before(c, e->other_pid, e->other_vpn) : NULL;
	uint64_t n, f;

	if (e->kind == EV_SHARE)
		check_share(c, e);
	if ((n = number_after(c, "copy-on-write, shared by ")) != UINT64_MAX)
		CLAIM(c, pte->cow && pte_mappings(c->before, pte) == n && n > 1);
	if (says(c, "no other page table shares it any more"))
		CLAIM(c, pte->cow && pte_mappings(c->before, pte) <= 1);
	if (e->kind == EV_WALK && pte && pte->cow)
		CLAIM(c, says(c, "copy-on-write"));
	if ((n = number_after(c, "in a shared mapping, mapped by ")) != UINT64_MAX)
		CLAIM(c, pte->shared && pte_mappings(c->before, pte) == n && n > 1);
	if (says(c, "clean but in a shared mapping with no swap slot"))
		CLAIM(c, victim->shared && victim->slot < 0 && !frame_dirty(c->before, e->frame) &&
		      frame_rmap(c->before, e->frame)->count > 1);
	if (e->kind == EV_WRITEBACK && says(c, "clean ")) {
		CLAIM(c, victim->shared && victim->slot < 0);
		RMAP_FOREACH(&c->after->rmap, frame_rmap(c->after, e->frame), it)
			CLAIM(c, mapping_pte(c->after, it.map)->slot == e->slot);
	}
	if (e->kind == EV_OUT_OF_MEMORY && says(c, "shared "))
		CLAIM(c, victim->shared && victim->slot < 0 && !frame_dirty(c->before, e->frame));
	if ((f = number_after(c, "already in memory (frame ")) != UINT64_MAX) {
		CLAIM(c, !pte->present && pte->slot >= 0 &&
		      slot_frame(c->before, pte->slot) == (int)f);
		CLAIM(c, number_after(c, "brought in by pid ") ==
		      (uint64_t)c->before->frames[f].loaded_pid);
	}
	if (says(c, "a minor fault"))
		CLAIM(c, e->kind == EV_PAGE_FAULT && (e->flags & EVF_IN_MEMORY) &&
		      !(e->flags & EVF_OWN_COPY));
}

/* NRU's class of frame f: 2 R + D. */
static uint64_t
nru_class(const struct machine *m, int f)
{
	return 2u * m->frames[f].referenced + frame_dirty(m, f);
}

/*
 * The frames the fault of this access may take from, by the engine's own
 * rule (victim_filter_for), from the state the victim is chosen in: a
 * victim's line ranks its page only among those.
 */
static struct victim_filter
fault_filter(const struct ctx *c)
{
	for (unsigned i = 0; i < c->j; i++) {
		const struct event *f = &c->ev->ev[i];

		if (f->kind == EV_PAGE_FAULT || f->kind == EV_COW_FAULT)
			return victim_filter_for(c->before, machine_process(c->before, f->pid),
						 f->source);
	}
	fail_msg("%s, op %zu: a victim with no fault before it", c->where, c->op);
	return (struct victim_filter){ 0 };
}

/* What the column shows of frame f: its value, and whether the hand is there. */
static uint64_t
mind_value(const struct machine *m, int f, bool *hand)
{
	struct frame_mind fm;

	assert_true(policy_describe(m, f, &fm));
	if (hand)
		*hand = fm.hand;
	return fm.value;
}

/*
 * Whether a page the fault may take, other than the victim's, had the
 * value the victim was chosen by (NRU's class, aging's counter): a tie the
 * rule broke.
 */
static bool
tie_broken(const struct ctx *c, int victim, const struct victim_filter *filter,
	   uint64_t (*value)(const struct machine *, int))
{
	for (unsigned f = 0; f < c->before->cfg.frames; f++)
		if ((int)f != victim && victim_filter_allows(c->before, filter, (int)f) &&
		    value(c->before, (int)f) == value(c->before, victim))
			return true;
	return false;
}

static uint64_t
counter(const struct machine *m, int f)
{
	return mind_value(m, f, NULL);
}

/* What a victim's reason says of the state it was chosen from. */
static void
check_reason_words(const struct ctx *c, const struct event *e, const struct record *r)
{
	const struct seen_page *s;
	uint64_t n, k;

	if (e->kind != EV_VICTIM && e->kind != EV_TRIM)
		return;
	s = seen((struct record *)r, e->other_pid, e->other_vpn);
	CLAIM(c, s != NULL);
	if ((n = number_after(c, "last used at step ")) != UINT64_MAX)
		CLAIM(c, c->before->frames[e->frame].last_used_step == n);
	if ((n = number_after(c, "least frequently used: ")) != UINT64_MAX) {
		struct victim_filter filter = fault_filter(c);

		CLAIM(c, r->uses[e->frame] == n);
		CLAIM(c, says(c, "the earliest loaded of that count") ==
		      tie_broken(c, e->frame, &filter, counter));
	}
	if ((k = number_after(c, "lowest class: ")) != UINT64_MAX) {
		struct victim_filter filter = fault_filter(c);

		CLAIM(c, nru_class(c->before, e->frame) == k);
		CLAIM(c, number_after(c, "(R = ") == k >> 1 && number_after(c, "D = ") == (k & 1));
		for (unsigned f = 0; f < c->before->cfg.frames; f++)
			if (victim_filter_allows(c->before, &filter, (int)f))
				CLAIM(c, nru_class(c->before, (int)f) > k ||
				      (nru_class(c->before, (int)f) == k && (int)f >= e->frame));
		CLAIM(c, says(c, "the lowest frame of its class") ==
		      tie_broken(c, e->frame, &filter, nru_class));
	}
	if (says(c, "smallest counter: ")) {    /* aging */
		struct victim_filter filter = fault_filter(c);

		CLAIM(c, counter(c->before, e->frame) ==
		      strtoull(strstr(c->text, "smallest counter: ") + 18, NULL, 2));
		CLAIM(c, says(c, "the earliest loaded of its value") ==
		      tie_broken(c, e->frame, &filter, counter));
	}
	if (says(c, "never used again in the queued operations")) {     /* opt */
		struct victim_filter filter = fault_filter(c);

		CLAIM(c, counter(c->before, e->frame) == UINT64_MAX);
		CLAIM(c, says(c, "the earliest loaded of the pages it may take that are never "
			      "used again") ==
		      tie_broken(c, e->frame, &filter, counter));
	}
}

/*
 * Where the policy's rule ranks frame f: lower goes first (the policies
 * that rank pages and name a rival: fifo, lru, mru, opt, nru, lfu, aging,
 * working-set).
 */
static void
rank_key(const struct machine *m, int f, uint64_t key[2])
{
	const char *policy = policy_at(m->cfg.policy)->name;
	struct frame_mind fm;

	key[0] = key[1] = 0;
	if (!strcmp(policy, "fifo"))
		key[0] = m->frames[f].loaded_step;
	else if (!strcmp(policy, "lru") || !strcmp(policy, "working-set"))
		key[0] = m->frames[f].last_used_step;
	else if (!strcmp(policy, "mru"))
		key[0] = UINT64_MAX - m->frames[f].last_used_step;
	else if (!strcmp(policy, "nru")) {      /* ties to the lowest frame */
		key[0] = nru_class(m, f);
		key[1] = (uint64_t)f;
	} else if (!strcmp(policy, "opt") && policy_describe(m, f, &fm)) {
		/* never (UINT64_MAX) first, the earliest loaded; equal steps: lowest frame */
		key[0] = UINT64_MAX - fm.value;
		key[1] = fm.value == UINT64_MAX ? m->frames[f].loaded_step : (uint64_t)f;
	} else if (policy_describe(m, f, &fm)) {  /* lfu, aging: ties to the earliest loaded */
		key[0] = fm.value;
		key[1] = m->frames[f].loaded_step;
	}
}

static bool
ranks_before(const struct machine *m, int f, int g)
{
	uint64_t a[2], b[2];

	rank_key(m, f, a);
	rank_key(m, g, b);
	return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
}

/*
 * The frames a sweeping policy's next search looks at, in its order: those
 * the filter allows but `victim`, from the hand round (clock, WSClock), or
 * by queue place (second chance).  Returns how many.
 */
static unsigned
sweep_order(const struct machine *m, const struct victim_filter *filter, int victim,
	    int order[])
{
	unsigned n = m->cfg.frames, k = 0, hand = 0;
	bool queue = !policy_at(m->cfg.policy)->mind.has_hand, at;

	for (unsigned f = 0; f < n && !queue; f++)
		if ((mind_value(m, (int)f, &at), at))
			hand = f;
	for (unsigned i = 0; i < n; i++) {
		int f = (int)((hand + i) % n);

		if (f != victim && victim_filter_allows(m, filter, f))
			order[k++] = f;
	}
	for (unsigned i = 1; queue && i < k; i++)       /* by place, 1 = oldest */
		for (unsigned j = i; j > 0 && mind_value(m, order[j], NULL) <
		     mind_value(m, order[j - 1], NULL); j--) {
			int t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	return k;
}

/* WSClock's words for how its next search would take a page (rival figures). */
static const char *const wsclock_took[] = { "R = 0, clean, outside", "R = 0, dirty, outside",
	"clean, in its working set", "dirty, in its working set" };

/*
 * What a sweeping policy's next search would take if the victim were
 * spared, worked out from what its column shows after the victim was
 * chosen (hand or queue place, R, WSClock's age and D), among the frames
 * the filter allows; *rule: which of wsclock_took.
 */
static int
spared_choice(const struct machine *m, const struct victim_filter *filter, int victim,
	      unsigned *rule)
{
	int order[64], first_old_dirty = -1, oldest_clean = -1;
	uint64_t oldest_age = 0;
	unsigned k = sweep_order(m, filter, victim, order);
	bool wsclock = !strcmp(policy_at(m->cfg.policy)->name, "wsclock");

	*rule = 0;
	for (unsigned i = 0; i < k && !wsclock; i++)    /* clock, second chance */
		if (!m->frames[order[i]].referenced)
			return order[i];
	for (unsigned i = 0; i < k && wsclock; i++) {
		int f = order[i];
		bool r = m->frames[f].referenced, dirty = frame_dirty(m, f);
		uint64_t age = r ? 0 : mind_value(m, f, NULL);  /* R set: used now */

		if (!r && age >= m->cfg.tau && !dirty)
			return f;
		if (!r && age >= m->cfg.tau && first_old_dirty < 0)
			first_old_dirty = f;
		if (!dirty && (oldest_clean < 0 || age > oldest_age)) {
			oldest_clean = f;
			oldest_age = age;
		}
	}
	if (!wsclock || k == 0)
		return k ? order[0] : NO_FRAME;
	*rule = first_old_dirty >= 0 ? 1 : oldest_clean >= 0 ? 2 : 3;
	return first_old_dirty >= 0 ? first_old_dirty : oldest_clean >= 0 ? oldest_clean : order[0];
}

/* The rival's figure, against the state its policy ranked it from. */
static void
check_rival_figure(const struct ctx *c, const struct record *r, const char *figure, int rf)
{
	unsigned long long n;
	char bits[9];
	int bit;

	if (sscanf(figure, "last used at step %llu", &n) == 1)
		CLAIM(c, c->before->frames[rf].last_used_step == n);
	else if (sscanf(figure, "loaded at step %llu", &n) == 1)
		CLAIM(c, c->before->frames[rf].loaded_step == n);
	else if (sscanf(figure, "%llu use", &n) == 1)
		CLAIM(c, r->uses[rf] == n && says(c, n == 1 ? "(1 use)" : "uses)"));
	else if (sscanf(figure, "counter %8[01]", bits) == 1)
		CLAIM(c, mind_value(c->before, rf, NULL) == strtoull(bits, NULL, 2));
	else if (sscanf(figure, "next used at step %llu", &n) == 1)
		CLAIM(c, mind_value(c->before, rf, NULL) == n);
	else if (!strcmp(figure, "never used again"))
		CLAIM(c, mind_value(c->before, rf, NULL) == UINT64_MAX);
	else if (sscanf(figure, "class %llu", &n) == 1)
		CLAIM(c, nru_class(c->before, rf) == n);
	else if (sscanf(figure, "R = %d, clean, outside its working set: unused for %llu",
			&bit, &n) == 2 ||
		 sscanf(figure, "R = %d, dirty, outside its working set: unused for %llu",
			&bit, &n) == 2)
		CLAIM(c, !c->after->frames[rf].referenced && bit == 0 &&
		      mind_value(c->after, rf, NULL) == n &&
		      frame_dirty(c->after, rf) == (strstr(figure, "dirty") != NULL));
	else if (sscanf(figure, "R = %d", &bit) == 1)   /* clock, second chance */
		CLAIM(c, c->after->frames[rf].referenced == bit);
	else if (strstr(figure, ", in its working set"))
		CLAIM(c, frame_dirty(c->after, rf) == (strncmp(figure, "dirty", 5) == 0));
	else
		CLAIM(c, !"a figure the check knows");
}

/*
 * Where the rival ranks among the frames the fault may take: after the
 * victim and before every other page by the policy's rule; for a policy
 * that sweeps, what its next search would take with the victim spared.
 */
static void
check_rival_rank(const struct ctx *c, const struct event *e, const struct victim_filter *filter,
		 int rf)
{
	unsigned rule;

	if (policy_at(c->after->cfg.policy)->look) {
		CLAIM(c, spared_choice(c->after, filter, e->frame, &rule) == rf);
		if (!strcmp(policy_at(c->after->cfg.policy)->name, "wsclock"))
			CLAIM(c, says(c, wsclock_took[rule]));
		return;
	}
	CLAIM(c, ranks_before(c->before, e->frame, rf));
	for (unsigned f = 0; f < c->before->cfg.frames; f++)
		if (victim_filter_allows(c->before, filter, (int)f) && (int)f != e->frame &&
		    (int)f != rf)
			CLAIM(c, ranks_before(c->before, rf, (int)f));
}

/* The page a victim's line says ranked next: "rather than 1:0x2 (step 3)". */
static void
check_rival(const struct ctx *c, const struct event *e, const struct record *r)
{
	const char *at = strstr(c->text, ", rather than ");
	const struct pte *pte;
	struct victim_filter filter;
	int pid, rf;
	unsigned long long vpn;
	char figure[160];

	if (e->kind != EV_VICTIM) {
		CLAIM(c, at == NULL);
		return;
	}
	filter = fault_filter(c);
	if (!at) {      /* none only when the fault could take no other page */
		for (unsigned f = 0; f < c->before->cfg.frames; f++)
			CLAIM(c, !policy_at(c->before->cfg.policy)->rival || (int)f == e->frame ||
			      !victim_filter_allows(c->before, &filter, (int)f));
		return;
	}
	CLAIM(c, sscanf(at, ", rather than %d:0x%llx (%159[^)])", &pid, &vpn, figure) == 3);
	pte = pte_before(c, pid, vpn);
	CLAIM(c, pte != NULL && pte->present && pte->frame != e->frame);
	if (pte == NULL || !pte->present)
		return;
	rf = pte->frame;
	CLAIM(c, victim_filter_allows(c->before, &filter, rf));
	if (e->flags & EVF_LIMITED)     /* the line says the limit binds: its own, or its group's */
		CLAIM(c, rmap_maps_pid(&c->before->rmap, frame_rmap(c->before, rf), e->pid) ||
		      (machine_process(c->before, e->pid)->cgroup != CGROUP_NONE &&
		       cgroup_maps(c->before, machine_process(c->before, e->pid)->cgroup,
				   frame_rmap(c->before, rf))));
	check_rival_figure(c, r, figure, rf);
	check_rival_rank(c, e, &filter, rf);
}

/* A page trimmed from its working set, and a clock tick. */
static void
check_trim_and_tick(const struct ctx *c, const struct event *e, const struct record *r)
{
	const struct seen_page *s;
	const struct pte *pte;
	uint64_t n;

	if (e->kind == EV_TICK) {
		CLAIM(c, number_after(c, "every ") == c->before->cfg.tick &&
		      c->before->stats.accesses % c->before->cfg.tick == 0);
		for (unsigned f = 0; f < c->after->cfg.frames; f++)
			CLAIM(c, !c->after->frames[f].referenced);
	}
	if (e->kind != EV_TRIM)
		return;
	s = seen((struct record *)r, e->other_pid, e->other_vpn);
	pte = pte_before(c, e->other_pid, e->other_vpn);
	n = number_after(c, "not touched in its last ");
	CLAIM(c, e->other_pid == e->pid && pte != NULL && pte->present && pte->frame == e->frame);
	/* A page its process never used itself (a fork's, a share's) is outside
	 * its window however few accesses the process made. */
	CLAIM(c, n == c->before->cfg.tau && s != NULL &&
	      (r->accesses[e->pid] - s->used_at >= n || s->used_at == 0));
	CLAIM(c, says(c, "it is dirty") == pte->dirty && says(c, "no fault"));
}

/* Where the policy's column draws the hand in m, or -1. */
static int
hand_in(const struct machine *m)
{
	struct frame_mind fm;

	for (unsigned f = 0; f < m->cfg.frames; f++)
		if (policy_describe(m, (int)f, &fm) && fm.hand)
			return (int)f;
	return -1;
}

static unsigned
data_frames(const struct machine *m)
{
	unsigned n = 0;

	for (unsigned f = 0; f < m->cfg.frames; f++)
		n += frame_rmap(m, (int)f)->holds == HOLDS_DATA;
	return n;
}

/* The frame the hand goes to after a look: where the sentence says. */
static uint64_t
hand_goes_to(const struct ctx *c)
{
	static const char *const words[] = {
		"moves on to frame ", "passes over it to frame ", "stops just past it, at frame ",
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (says(c, words[i]))
			return number_after(c, words[i]);
	return UINT64_MAX;
}

/* One look of a sweep, against the frame it looks at and the hand drawn. */
static void
check_sweep_words(const struct ctx *c, const struct event *e)
{
	const struct event *prev = c->j ? &c->ev->ev[c->j - 1] : NULL;
	struct frame_mind fm;
	uint64_t n;

	unsigned told = 0;

	for (unsigned i = 0; i < c->j; i++)
		told += c->ev->ev[i].kind == EV_SWEEP;
	/* Unless the looks to tell ran out, the last one found the victim. */
	if (e->kind == EV_VICTIM && prev && prev->kind == EV_SWEEP && told < LOOKS_TOLD_MAX)
		CLAIM(c, prev->frame == e->frame);
	if (e->kind != EV_SWEEP)
		return;
	if (!says(c, "not a frame this fault may take")) {
		struct mapping first = frame_first(c->before, e->frame);

		CLAIM(c, first.pid == e->other_pid && first.vpn == e->other_vpn);
		CLAIM(c, !c->after->frames[e->frame].referenced);
	}
	if (!says(c, "all the way round"))
		CLAIM(c, says(c, "R = 1") == c->before->frames[e->frame].referenced ||
		      says(c, "not a frame this fault may take"));
	if ((n = hand_goes_to(c)) != UINT64_MAX)
		CLAIM(c, n == (uint64_t)(e->frame + 1) % c->after->cfg.frames &&
		      hand_in(c->after) == (int)n);
	if (says(c, "to the back of the queue"))
		CLAIM(c, policy_describe(c->after, e->frame, &fm) &&
		      fm.value == data_frames(c->after));
	if ((n = number_after(c, "unused for ")) != UINT64_MAX)
		CLAIM(c, policy_describe(c->before, e->frame, &fm) && fm.value == n);
}

/* A fill that names another process's victim names its own page's pid too. */
static void
check_page_owner_named(const struct ctx *c, const struct event *e)
{
	char own[40];

	if ((e->kind != EV_ZERO_FILL && e->kind != EV_SWAP_IN) ||
	    !(e->flags & EVF_JUST_FREED) || e->other_pid == e->pid)
		return;
	snprintf(own, sizeof own, " %d:0x%llx", e->pid, (unsigned long long)e->vpn);
	CLAIM(c, says(c, own));
}

/* Whether frames [first, first + n) are all free in m. */
static bool
run_free(const struct machine *m, uint64_t first, uint64_t n)
{
	for (uint64_t f = first; f < first + n; f++)
		if (f >= m->cfg.frames || !frame_is_free(m, (int)f))
			return false;
	return true;
}

/* The TLB entry of m for pid's huge page from `first`, or NULL. */
static const struct tlb_entry *
huge_entry(const struct machine *m, int pid, uint64_t first)
{
	for (unsigned i = 0; i < m->tlb.n; i++)
		if (m->tlb.e[i].pid == pid && m->tlb.e[i].vpn == first)
			return &m->tlb.e[i];
	return NULL;
}

/*
 * A huge page is filled only when its group's limit has room for all of
 * its h frames; refused, the line says what the group holds, its limit and
 * the room left.
 */
static void
check_huge_limit(const struct ctx *c, const struct event *e, uint64_t h)
{
	const struct process *p = machine_process(c->before, e->pid);
	unsigned limit = cgroup_frame_limit(c->before, p);
	unsigned held = limit == LIMIT_NONE ? 0 : cgroup_frames(c->before, p->cgroup);
	bool room = limit == LIMIT_NONE || held + h <= limit;
	char want[128];

	if (e->kind == EV_ZERO_FILL) {
		CLAIM(c, room);
		return;
	}
	CLAIM(c, room == !(e->flags & EVF_LIMITED));
	if (room)
		return;
	snprintf(want, sizeof want, "needs %llu frames, but ", (unsigned long long)h);
	CLAIM(c, says(c, want));
	snprintf(want, sizeof want, " holds %u frame%s, its limit %u: room for %llu more", held,
		 held == 1 ? "" : "s", limit,
		 held < limit ? (unsigned long long)(limit - held) : 0ULL);
	CLAIM(c, says(c, want));
	CLAIM(c, c->after->free_frames == c->before->free_frames);
}

/*
 * A huge page's events (EVF_HUGE): its size is the machine's; the pages
 * "A-B" are the huge page holding the event's page; "frames F-G" is an aligned
 * run that was free to take (free frame, zero-fill) or is the page's (its
 * entry's first frame on); "no such run is free" is true, with the count
 * of free frames; a TLB hit or fill names the entry that covers the page;
 * an access reaches the frame that holds its page; a fill fits its group's
 * limit, and one refused at the limit says what the group holds and may.
 */
static void
check_huge_words(const struct ctx *c, const struct event *e)
{
	uint64_t h = machine_huge_pages(c->before), first, f;
	const struct process *after = machine_process(c->after, e->pid);
	const struct tlb_entry *t;
	char range[64];

	if (e->kind == EV_MAP) {
		CLAIM(c, number_after(c, "each ") == h);
		return;
	}
	first = e->vpn & ~(h - 1);
	CLAIM(c, e->count == h);
	snprintf(range, sizeof range, "0x%llx-0x%llx", (unsigned long long)first,
		 (unsigned long long)(first + h - 1));
	CLAIM(c, says(c, range));
	for (const char *at = c->text; (at = strstr(at, "frames ")) != NULL; at++) {
		unsigned long long lo, hi;

		if (sscanf(at, "frames %llu-%llu", &lo, &hi) != 2)
			continue;
		f = lo;
		CLAIM(c, f % h == 0 && hi == f + h - 1);
		if (e->kind == EV_FREE_FRAME || e->kind == EV_ZERO_FILL)
			CLAIM(c, run_free(c->before, f, h));
		else
			CLAIM(c, process_pte(c->after, after, e->vpn) != NULL &&
			      process_pte(c->after, after, e->vpn)->frame == (int)f);
	}
	if (e->kind == EV_ZERO_FILL || e->kind == EV_OUT_OF_MEMORY)
		check_huge_limit(c, e, h);
	if (says(c, "no such run is free")) {
		for (uint64_t g = 0; g + h <= c->before->cfg.frames; g += h)
			CLAIM(c, !run_free(c->before, g, h));
		CLAIM(c, number_after(c, "run is free (") == free_frames(c->before));
	}
	if (e->kind == EV_TLB_HIT)
		CLAIM(c, (t = huge_entry(c->before, e->pid, first)) != NULL && t->pages == h &&
		      t->frame + (int)(e->vpn - first) == e->frame);
	if (e->kind == EV_TLB_FILL)
		CLAIM(c, (t = huge_entry(c->after, e->pid, first)) != NULL && t->pages == h &&
		      t->frame == e->frame);
	if (e->kind == EV_ACCESS)
		CLAIM(c, frame_rmap(c->after, e->frame)->holds == HOLDS_HUGE &&
		      frame_rmap(c->after, e->frame)->vpn == e->vpn &&
		      e->frame == (int)number_after(c, "reaches frame "));
}

/* The label is drawn before the narration; the sentence does not repeat it. */
static void
check_label_said_once(const struct ctx *c, const struct event *e)
{
	const char *label = event_label(e->kind);
	size_t n = strlen(label);

	CLAIM(c, strncasecmp(c->text, label, n) != 0 || c->text[n] != ':');
}

/*
 * The named group a narration names after `lead` ("into cgroup web ..."),
 * as its id; CGROUP_NONE if none.
 */
static unsigned
group_after(const struct ctx *c, const struct machine *m, const char *lead)
{
	const char *at = strstr(c->text, lead);
	char name[OP_NAME_MAX + 1];

	if (!at || sscanf(at + strlen(lead), "%24[A-Za-z0-9_.-]", name) != 1)
		return CGROUP_NONE;
	return cgroup_find(m, name);
}

/* The first named group a narration names ("cgroup web ..."). */
static unsigned
group_said(const struct ctx *c, const struct machine *m)
{
	return group_after(c, m, "cgroup ");
}

/*
 * What a group event says the group holds, against the group after it:
 * "holds H of its C frames", "holds none of its C frames" or "holds H
 * frames, X over its limit of C"; what its next faults do ("at its
 * limit: the next fault ...", "its pages stay until evicted ...") exactly
 * when it is at or over its limit, unless nothing changed (`told_next`).
 */
static void
check_group_holds(const struct ctx *c, unsigned id, bool told_next)
{
	unsigned held = cgroup_frames(c->after, id), max = cgroup_at(c->after, id)->frames_max;
	unsigned h, x, cap;
	const char *at = strstr(c->text, "holds ");

	CLAIM(c, at != NULL);
	if (!at)
		return;
	if (sscanf(at, "holds %u frame%*[s], %u over its limit of %u", &h, &x, &cap) == 3 ||
	    sscanf(at, "holds %u frame, %u over its limit of %u", &h, &x, &cap) == 3)
		CLAIM(c, h == held && cap == max && held > max && x == held - max);
	else if (sscanf(at, "holds none of its %u frame", &cap) == 1)
		CLAIM(c, held == 0 && cap == max);
	else
		CLAIM(c, sscanf(at, "holds %u of its %u frame", &h, &cap) == 2 && h == held &&
		      cap == max && h <= max);
	CLAIM(c, says(c, ", at its limit: the next fault") == (told_next && held == max) &&
	      says(c, ": its pages stay until evicted") == (told_next && held > max));
}

/*
 * A process put in a group: "is already in cgroup G" exactly when it was
 * in G ("moves" otherwise); "moves from cgroup F into cgroup G: cgroup G
 * now holds" names the named group it was in, and only then, and the
 * group it holds the figures of.
 */
static void
check_group_add(const struct ctx *c, const struct event *e)
{
	const struct process *p = machine_process(c->before, e->pid);
	const struct cgroup *was = cgroup_at(c->before, p->cgroup);
	unsigned id = e->cgroup;

	CLAIM(c, says(c, "is already in cgroup ") == (p->cgroup == id) &&
	      says(c, " moves ") == (p->cgroup != id));
	CLAIM(c, group_after(c, c->after, p->cgroup == id ? "already in cgroup " :
			     "into cgroup ") == id);
	CLAIM(c, says(c, "moves from cgroup ") ==
	      (was && !was->owner && p->cgroup != id));
	if (says(c, "moves from cgroup "))
		CLAIM(c, group_after(c, c->before, "moves from cgroup ") == p->cgroup);
	if (p->cgroup != id)
		CLAIM(c, group_after(c, c->after, ": cgroup ") == id &&
		      says(c, " now holds "));
	check_group_holds(c, id, p->cgroup != id);
}

/*
 * No count of one with a plural noun ("1 frames", "of 1 pages"): every
 * counted noun goes through plural() (src/plural.h).
 */
static void
check_plurals(const struct ctx *c)
{
	static const char *const nouns[] = { "frames", "pages", "slots", "accesses",
		"entries", "page tables", "mappings", "processes", "faults", "copies" };
	char one[32];

	for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++) {
		const char *at = c->text;

		snprintf(one, sizeof one, " 1 %s", nouns[i]);
		while ((at = strstr(at, one)) != NULL) {
			CLAIM(c, at > c->text && isdigit((unsigned char)at[-1]));
			at++;
		}
		CLAIM(c, strncmp(c->text, one + 1, strlen(one + 1)) != 0);
	}
}

/*
 * A group's limit and usage as said: "is at its limit (H of C frames)",
 * "is over its limit (holds H, limit C frames)"; "has no swap left (its
 * swap limit is N slots)": its slots are at N; the group events' figures
 * against the group after them.
 */
static void
check_group_words(const struct ctx *c, const struct event *e)
{
	unsigned id = group_said(c, c->before), held, count, slots;
	const struct process *p = machine_process(c->before, e->pid);
	const char *at;

	if ((at = strstr(c->text, "is at its limit (")) &&
	    sscanf(at, "is at its limit (%u of %u frames)", &held, &count) == 2)
		CLAIM(c, id && p && p->cgroup == id && cgroup_frames(c->before, id) == held &&
		      held == count && cgroup_at(c->before, id)->frames_max == count);
	if ((at = strstr(c->text, "is over its limit (")) &&
	    sscanf(at, "is over its limit (holds %u, limit %u frames)", &held, &count) == 2)
		CLAIM(c, id && p && p->cgroup == id && cgroup_frames(c->before, id) == held &&
		      held > count && cgroup_at(c->before, id)->frames_max == count);
	if (e->kind == EV_VICTIM && e->cgroup)
		CLAIM(c, cgroup_maps(c->before, e->cgroup, frame_rmap(c->before, e->frame)));
	if ((at = strstr(c->text, "has no swap left (its swap limit is ")) &&
	    sscanf(at, "has no swap left (its swap limit is %u slot", &slots) == 1)
		CLAIM(c, e->swap_group && cgroup_at(c->before, e->swap_group)->swap_max == slots &&
		      cgroup_slots(c->before, e->swap_group) >= slots &&
		      frame_dirty(c->before, e->frame) && frame_first(c->before, e->frame).pid &&
		      pte_before(c, frame_first(c->before, e->frame).pid,
				 frame_first(c->before, e->frame).vpn)->slot < 0);
	if (e->kind == EV_CGROUP || e->kind == EV_CGROUP_SWAP) {
		id = group_said(c, c->after);
		CLAIM(c, id == e->cgroup && cgroup_frames(c->after, id) == e->held &&
		      cgroup_at(c->after, id)->frames_max == e->count);
	}
	if (e->kind == EV_CGROUP && !(e->flags & EVF_NEW_GROUP))
		check_group_holds(c, e->cgroup, true);
	if (e->kind == EV_CGROUP_ADD) {
		check_group_add(c, e);
		CLAIM(c, cgroup_frames(c->after, e->cgroup) == e->held &&
		      cgroup_at(c->after, e->cgroup)->frames_max == e->count);
	}
	if (e->kind == EV_CGROUP_ADD)
		CLAIM(c, machine_process(c->after, e->pid)->cgroup == e->cgroup &&
		      says(c, "its own frame limit") ==
		      (p->cgroup && cgroup_at(c->before, p->cgroup)->owner == e->pid));
	if (e->kind == EV_CGROUP_SWAP)
		CLAIM(c, cgroup_at(c->after, e->cgroup)->swap_max == e->swap_max &&
		      cgroup_slots(c->after, e->cgroup) == e->swap_used);
}

/*
 * The OOM killer ends the member of the faulting process's group holding
 * the most frames (the lowest pid on a tie), which held what it says; the
 * process is gone after, with every frame and slot only it mapped; the
 * access fails, with its process if that was the one.
 */
static void
check_oom_kill(const struct ctx *c, const struct event *e)
{
	const struct process *p = machine_process(c->before, e->pid);
	const struct process *dead = machine_process(c->before, e->other_pid);
	unsigned id = p->cgroup, own_maps = 0;

	CLAIM(c, id && dead && dead->cgroup == id && dead->resident == e->mappings);
	CLAIM(c, cgroup_frame_limit(c->before, p) == e->count &&
	      cgroup_frames(c->before, id) >= e->count);
	for (int pid = 1; (size_t)pid < c->before->procs_cap; pid++) {
		const struct process *q = machine_process(c->before, pid);

		if (q && q->cgroup == id)
			CLAIM(c, q->resident < dead->resident ||
			      (q->resident == dead->resident && pid >= dead->pid));
	}
	CLAIM(c, !machine_process(c->after, e->other_pid));
	CLAIM(c, e->frames_freed + e->frames_shared == e->mappings);
	for (unsigned f = 0; f < c->after->cfg.frames; f++)
		if (frame_rmap(c->after, (int)f)->holds == HOLDS_DATA)
			own_maps += rmap_maps_pid(&c->after->rmap, frame_rmap(c->after, (int)f),
						  e->other_pid);
	CLAIM(c, own_maps == 0);
	CLAIM(c, says(c, "no swap left") == !!(e->flags & EVF_GROUP_SWAP));
	if (e->flags & EVF_GROUP_SWAP)
		CLAIM(c, c->j > 0 && c->ev->ev[c->j - 1].kind == EV_VICTIM &&
		      (c->ev->ev[c->j - 1].flags & EVF_NO_SLOT));
	else
		CLAIM(c, !victim_for_the_page(c));
	CLAIM(c, says(c, "its access dies with it") == (e->other_pid == e->pid));
	CLAIM(c, c->j + 1 == c->ev->n || c->ev->ev[c->j + 1].kind == EV_TICK ||
	      c->ev->ev[c->j + 1].kind == EV_TRIM);
}

/* Whether ev[0..j] ends the operation's access (see access_ended). */
static bool
ended_by(const struct ctx *c, unsigned j)
{
	for (unsigned i = 0; i <= j; i++) {
		enum event_kind k = c->ev->ev[i].kind;

		if (k == EV_ACCESS || k == EV_SEGFAULT || k == EV_PROTECTION_FAULT ||
		    k == EV_OUT_OF_MEMORY || k == EV_OOM_KILL)
			return true;
	}
	return false;
}

/* Whether ev[0..j] holds an event of one of these kinds (kinds ends with EV_COUNT). */
static bool
told_so_far(const struct ctx *c, const enum event_kind *kinds)
{
	for (unsigned i = 0; i <= c->j; i++)
		for (const enum event_kind *k = kinds; *k != EV_COUNT; k++)
			if (c->ev->ev[i].kind == *k)
				return true;
	return false;
}

/* The figure the statistics line shows under `label` (0 if it shows none). */
static uint64_t
stats_figure(const struct stats_line *l, const char *label)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->it[i].label, label))
			return strtoull(l->it[i].value, NULL, 10);
	return 0;
}

/*
 * The statistics line counts an access with its outcome: at every event
 * its accesses are its hits, faults, segfaults and protection faults; the
 * access under way is among them from the event that decides it (a PAGE
 * FAULT or COPY-ON-WRITE, a refusal, or the ACCESS of a hit) on, and not
 * before; between operations every access is.
 */
static void
check_stats_line(const struct ctx *c)
{
	static const enum event_kind decided[] = { EV_PAGE_FAULT, EV_COW_FAULT, EV_SEGFAULT,
		EV_PROTECTION_FAULT, EV_ACCESS, EV_COUNT };
	struct stats_shape shape = { c->after->cfg.tlb_entries > 0, c->after->cfg.levels,
		c->after->table_frames, 0, false, NULL };
	const struct stats *s = &c->after->stats;
	struct stats_line l;
	uint64_t accesses;

	stats_line_fit(s, &shape, 1000, &l);
	accesses = stats_figure(&l, "accesses");
	CLAIM(c, accesses == stats_figure(&l, "hits") + stats_figure(&l, "faults") +
	      stats_figure(&l, "segfaults") + stats_figure(&l, "protection faults"));
	if (history_op_is_access(c))
		CLAIM(c, accesses + !told_so_far(c, decided) == s->accesses);
	else
		CLAIM(c, accesses == s->accesses);
}

/*
 * LRU's and MRU's column: a page the access under way brought in (ZERO-FILL,
 * SWAP-IN or COPY) shows no step until that access's ACCESS uses it; every
 * other page its last use.
 */
static void
check_last_use_column(const struct ctx *c)
{
	const char *policy = policy_at(c->after->cfg.policy)->name;
	bool under_way = history_op_is_access(c) && !ended_by(c, c->j);
	struct frame_mind fm;

	if (strcmp(policy, "lru") && strcmp(policy, "mru"))
		return;
	for (unsigned f = 0; f < c->after->cfg.frames; f++) {
		bool loaded_now = false;

		if (frame_rmap(c->after, (int)f)->holds != HOLDS_DATA)
			continue;
		for (unsigned i = 0; i <= c->j; i++) {
			const struct event *e = &c->ev->ev[i];

			loaded_now |= (e->kind == EV_ZERO_FILL || e->kind == EV_SWAP_IN ||
				       e->kind == EV_COW_COPY) && (int)f >= e->frame &&
				      (int)f < e->frame + event_frame_run(e);
		}
		assert_true(policy_describe(c->after, (int)f, &fm));
		CLAIM(c, (fm.kind == MIND_NONE) == (under_way && loaded_now));
		if (fm.kind != MIND_NONE)
			CLAIM(c, fm.value == c->after->frames[f].last_used_step);
	}
}

static void
check_event(struct ctx *c, const struct record *r)
{
	const struct event *e = &c->ev->ev[c->j];

	check_label_said_once(c, e);
	check_page_owner_named(c, e);
	if (e->kind == EV_EVICT)
		CLAIM(c, says(c, "TLB entr") ==
		      (c->before->tlb.n && c->before->tlb.mapped[e->frame] > 0));
	check_touch_words(c, e, r);
	check_frame_words(c, e);
	check_pte_words(c, e);
	check_walk_row(c, e);
	check_walk_step(c, e);
	check_refusal(c, e);
	check_unmap(c, e);
	check_tables(c, e);
	if (e->kind == EV_FORK)
		check_fork(c, e);
	check_cow_words(c, e);
	check_shared_words(c, e);
	check_share_words(c, e);
	check_reason_words(c, e, r);
	check_rival(c, e, r);
	check_trim_and_tick(c, e, r);
	check_group_words(c, e);
	check_plurals(c);
	check_frame_dirty(c);
	if (e->kind == EV_OOM_KILL)
		check_oom_kill(c, e);
	check_sweep_words(c, e);
	if (e->flags & EVF_HUGE)
		check_huge_words(c, e);
	check_stats_line(c);
	check_last_use_column(c);
}

/* How often the random scripts reached each case worth checking. */
enum reached {
	R_SEGFAULT, R_PROTECTION, R_OOM, R_DROPPED_REFAULT, R_LIMIT_WITH_FREE,
	R_SWAP_IN, R_EXIT, R_UNMAP, R_TLB_HIT, R_TABLE_FROM_VICTIM, R_TABLE_OOM,
	R_TABLE_FREED, R_FORK, R_COW_COPY, R_COW_LAST, R_MINOR, R_SHARED_EVICT,
	R_TRIM, R_DIRTY_TRIM, R_TICK, R_SHARE, R_SHARED_CLEAN, R_SWEEP, R_GROUP_WITH_FREE, R_GROUP_SWAP,
	R_KILL_SWAP, R_KILL_OTHER, R_KILL_SELF, R_HUGE_FILL, R_HUGE_HIT, R_HUGE_OOM, R_HUGE_NO_ROOM,
	R_HUGE_FREED,
	R_GROUP_ALREADY, R_GROUP_MOVE, R_GROUP_ADD_AT, R_GROUP_ADD_OVER, R_COUNT
};
static unsigned reached[R_COUNT];

static void
tally(const struct event *e)
{
	reached[R_SEGFAULT] += e->kind == EV_SEGFAULT;
	reached[R_PROTECTION] += e->kind == EV_PROTECTION_FAULT;
	reached[R_OOM] += e->kind == EV_OUT_OF_MEMORY;
	reached[R_DROPPED_REFAULT] += e->kind == EV_PAGE_FAULT && (e->flags & EVF_DROPPED);
	reached[R_LIMIT_WITH_FREE] += e->kind == EV_VICTIM && e->free_count > 0;
	reached[R_SWAP_IN] += e->kind == EV_SWAP_IN;
	reached[R_EXIT] += e->kind == EV_EXIT;
	reached[R_UNMAP] += e->kind == EV_UNMAP;
	reached[R_TLB_HIT] += e->kind == EV_TLB_HIT;
	reached[R_TABLE_FROM_VICTIM] += e->kind == EV_NEW_TABLE && (e->flags & EVF_JUST_FREED);
	reached[R_TABLE_OOM] += e->kind == EV_OUT_OF_MEMORY && (e->flags & EVF_NO_VICTIM);
	reached[R_TABLE_FREED] += (e->kind == EV_EXIT || e->kind == EV_UNMAP) && e->depth;
	reached[R_FORK] += e->kind == EV_FORK && e->frames_shared > 0;
	reached[R_COW_COPY] += e->kind == EV_COW_COPY;
	reached[R_COW_LAST] += e->kind == EV_COW_FAULT && (e->flags & EVF_LAST_MAPPING);
	reached[R_MINOR] += e->kind == EV_PAGE_FAULT && (e->flags & EVF_IN_MEMORY);
	reached[R_SHARED_EVICT] += e->kind == EV_EVICT && e->mappings > 1;
	reached[R_TRIM] += e->kind == EV_TRIM;
	reached[R_DIRTY_TRIM] += e->kind == EV_TRIM && (e->flags & EVF_DIRTY);
	reached[R_TICK] += e->kind == EV_TICK;
	reached[R_SWEEP] += e->kind == EV_SWEEP;
	reached[R_SHARE] += e->kind == EV_SHARE;
	reached[R_SHARED_CLEAN] += e->kind == EV_WRITEBACK && (e->flags & EVF_SHARED_CLEAN);
	reached[R_GROUP_WITH_FREE] += e->kind == EV_VICTIM && e->cgroup && e->free_count > 0;
	reached[R_GROUP_SWAP] += e->kind == EV_OUT_OF_MEMORY && (e->flags & EVF_GROUP_SWAP);
	reached[R_KILL_SWAP] += e->kind == EV_OOM_KILL && (e->flags & EVF_GROUP_SWAP);
	reached[R_KILL_OTHER] += e->kind == EV_OOM_KILL && e->other_pid != e->pid;
	reached[R_KILL_SELF] += e->kind == EV_OOM_KILL && e->other_pid == e->pid;
	reached[R_HUGE_FILL] += e->kind == EV_ZERO_FILL && (e->flags & EVF_HUGE);
	reached[R_HUGE_HIT] += e->kind == EV_TLB_HIT && (e->flags & EVF_HUGE);
	reached[R_HUGE_OOM] += e->kind == EV_OUT_OF_MEMORY && (e->flags & EVF_HUGE);
	reached[R_HUGE_NO_ROOM] += e->kind == EV_OUT_OF_MEMORY && (e->flags & EVF_HUGE) &&
				   (e->flags & EVF_LIMITED);
	reached[R_HUGE_FREED] += (e->kind == EV_EXIT || e->kind == EV_UNMAP) &&
				 e->frames_freed >= 4;
	reached[R_GROUP_ALREADY] += e->kind == EV_CGROUP_ADD && (e->flags & EVF_ALREADY_IN);
	reached[R_GROUP_MOVE] += e->kind == EV_CGROUP_ADD && e->left_group;
	reached[R_GROUP_ADD_AT] += e->kind == EV_CGROUP_ADD && !(e->flags & EVF_ALREADY_IN) &&
	    e->held == e->count;
	reached[R_GROUP_ADD_OVER] += e->kind == EV_CGROUP_ADD && !(e->flags & EVF_ALREADY_IN) &&
	    e->held > e->count;
}

/* Whether an operation's last event ends it: no access was cut short (a
 * working-set trim ends with its EVICT, a clock tick ends an access). */
static bool
access_ended(const struct op *op, const struct event_list *ev)
{
	const struct event *last = &ev->ev[ev->n - 1];

	return op->kind != OP_ACCESS || last->kind == EV_ACCESS || last->kind == EV_SEGFAULT ||
	       last->kind == EV_PROTECTION_FAULT || last->kind == EV_OUT_OF_MEMORY ||
	       last->kind == EV_OOM_KILL ||
	       last->kind == EV_TICK || (last->kind == EV_EVICT && op_has(ev, ev->n, EV_TRIM));
}

/* Replays h operation by operation, event by event, checking each. */
static unsigned
check_history(struct history *h, const char *where)
{
	struct record r = { .uses = calloc(history_initial(h)->cfg.frames, sizeof *r.uses) };
	struct event_list ev;
	char text[512];
	unsigned checked = 0;

	for (size_t k = 1; k <= history_length(h); k++) {
		struct machine *before = machine_clone(history_state(h, k - 1));

		history_events(h, k, &ev);
		assert_true(ev.n == 0 || access_ended(history_op(h, k), &ev));
		for (unsigned j = 0; j < ev.n; j++) {
			struct machine *after = history_state_within(h, k, j + 1);
			struct ctx c = { where, k, &ev, j, before, after, text, history_op(h, k) };

			fuzz_check_machine(after, j + 1 == ev.n);
			event_explain(&ev.ev[j], after, text, sizeof text);
			check_event(&c, &r);
			tally(&ev.ev[j]);
			record_event(&r, &ev.ev[j], history_op(h, k), before);
			machine_free(before);
			before = after;
			checked++;
		}
		/* an operation ended: its access's memory references are counted, and
		 * its outcome */
		assert_true(before->stats.costed == before->stats.accesses);
		assert_true(stats_accesses_decided(&before->stats) == before->stats.accesses);
		machine_free(before);
	}
	free(r.p);
	free(r.uses);
	return checked;
}

/* ---- every lesson ------------------------------------------------------- */

/* Notes write permissions as the screen does ("rx", "rw"), never "r-x". */
static void
check_perm_words(const char *path, const char *notes)
{
	static const char *const dashed[] = { "r-x", "rw-", "r--", "-w-", "--x", "-wx" };

	for (size_t i = 0; notes && i < sizeof dashed / sizeof dashed[0]; i++)
		if (strstr(notes, dashed[i]))
			fail_msg("%s: the notes write \"%s\"; the screen writes permissions "
				 "without dashes", path, dashed[i]);
}

static void
t_every_lesson(void **state)
{
	char path[2048];
	struct session s;
	unsigned lessons = 0, events = 0;

	(void)state;
	for (int number = 0; lesson_next(&number, &s, path, sizeof path); lessons++) {
		events += check_history(s.history, path);
		check_perm_words(path, s.notes);
		session_free(&s);
	}
	assert_true(lessons >= 15);
	assert_true(events > 500);
}

/* ---- random scripts ---------------------------------------------------- */

/* Ends h with every live process exiting, to show nothing is left behind. */
static struct history *
exit_all(struct history *h)
{
	int last = history_state(h, history_length(h))->next_pid;
	char line[32], err[256];
	struct cmd_error cerr;
	struct op op;

	for (int pid = 1; pid < last; pid++) {
		if (!machine_process(history_state(h, history_length(h)), pid))
			continue;
		snprintf(line, sizeof line, "exit %d", pid);
		assert_int_equal(cmd_parse(line, &op, &cerr), 0);
		assert_int_equal(history_append(h, &op, line, err, sizeof err), 0);
	}
	return h;
}

static struct history *
random_history(uint64_t seed, int policy, script_command_fn *command)
{
	struct machine_config cfg;
	struct machine *m;
	uint64_t rng = seed;

	machine_config_default(&cfg);
	if (command == script_huge_command) {
		/* 32-byte pages, 8-byte entries: 4 a table, so a huge page is 4 pages;
		 * 2 levels (3+2+5) or 3 (1+2+2+5) */
		cfg.page_size = 32;
		cfg.va_bits = 10;
		cfg.levels = 2 + (unsigned)(seed % 2);
	} else if (seed % 3 == 0) {    /* two levels: one table of 9 bits below a 1-bit top */
		cfg.levels = 2;
		cfg.va_bits = 22;
	}
	cfg.policy = policy;
	cfg.frames = 2 + script_pick(&rng, command == script_huge_command ? 14 : 4);
	cfg.swap_slots = 2 + script_pick(&rng, 8);
	cfg.tlb_entries = script_pick(&rng, 2) ? 0 : 1 + script_pick(&rng, 4);
	cfg.scope = script_pick(&rng, 3) ? SCOPE_GLOBAL : SCOPE_LOCAL;
	cfg.seed = seed;
	cfg.tau = 1 + script_pick(&rng, 4);
	cfg.tick = 1 + script_pick(&rng, 5);
	m = machine_new(&cfg);
	assert_non_null(m);
	return exit_all(script_history_of(m, &rng, 80, command));
}

/* After the last exit every frame and slot is free and no mapping is left. */
static void
assert_nothing_left(const struct machine *m)
{
	assert_int_equal(m->free_frames, m->cfg.frames);
	assert_int_equal(m->swap_used, 0);
	fuzz_check_machine(m, true);
}

static void
t_random_scripts(void **state)
{
	static script_command_fn *const mixes[] = {
		script_command, script_sharing_command, script_cgroup_command, script_huge_command,
	};
	static const char *const mix_names[] = { "", "sharing ", "cgroup ", "huge-page " };
	static const uint64_t seeds[] = { 0, 400, 400, 300 };    /* 0: 10 a policy */
	char where[64];
	unsigned events = 0;

	(void)state;
	memset(reached, 0, sizeof reached);
	for (size_t mix = 0; mix < sizeof mixes / sizeof mixes[0]; mix++) {
		for (uint64_t seed = 1; seed <= (seeds[mix] ? seeds[mix] :
						 10 * (uint64_t)policy_count()); seed++) {
			int policy = (int)(seed % (uint64_t)policy_count());
			struct history *h = random_history(seed, policy, mixes[mix]);

			snprintf(where, sizeof where, "random %sscript %llu (%s)", mix_names[mix],
				 (unsigned long long)seed, policy_at(policy)->name);
			events += check_history(h, where);
			assert_nothing_left(history_state(h, history_length(h)));
			history_free(h);
		}
	}
	assert_true(events > 10000);
	for (int i = 0; i < R_COUNT; i++)
		if (reached[i] < 3)
			fail_msg("the random scripts reached case %d only %u times", i, reached[i]);
}

/* ---- the eight steps of a page fault ------------------------------------ */

static void
t_lesson_15_names_the_eight_steps(void **state)
{
	static const char *const steps[] = {
		"pid 1 reads 0x0",              /* the access */
		"present = 0",                  /* the MMU finds present = 0 */
		"traps to the kernel",          /* page fault, trap */
		"the kernel reads page 0x0 from swap",
		"the data arrives",
		"written into free frame",
		"present = 1",                  /* the page table updated */
		"the instruction is restarted",
	};
	char path[2048], err[1024], text[512];
	struct event_list ev;
	struct session s;
	bool shown = false;

	(void)state;
	assert_int_equal(lesson_find("15", path, sizeof path), 0);
	if (session_load(path, &s, err, sizeof err) != 0)
		fail_msg("%s", err);
	for (size_t k = 1; k <= history_length(s.history) && !shown; k++) {
		const struct machine *m;
		size_t next = 0;

		history_events(s.history, k, &ev);
		m = history_state(s.history, k);        /* valid until the next call */
		for (unsigned j = 0; j < ev.n; j++) {
			event_explain(&ev.ev[j], m, text, sizeof text);
			while (next < 8 && strstr(text, steps[next]))
				next++;
		}
		shown = next == 8 && !op_has(&ev, ev.n, EV_VICTIM) &&
			op_has(&ev, ev.n, EV_FREE_FRAME) && op_has(&ev, ev.n, EV_SWAP_IN);
	}
	assert_true(shown);
	/* The title and notes say how many events the eight steps take. */
	snprintf(text, sizeof text, "%u events", ev.n);
	assert_non_null(strstr(s.title, text));
	assert_non_null(strstr(s.notes, text));
	session_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_every_lesson),
		cmocka_unit_test(t_random_scripts),
		cmocka_unit_test(t_lesson_15_names_the_eight_steps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
