/*
 * event.c - the narration: one line per event that says what happened
 * and why.  The words live here, once, for the UI and batch mode alike.
 */
#include <stdarg.h>
#include <stdio.h>

#include "event.h"
#include "machine.h"
#include "plural.h"
#include "policy.h"

#define LABEL(kind, label, key) [kind] = label,
static const char *const labels[EV_COUNT] = { EVENT_KINDS(LABEL) };
#undef LABEL
#define KEY(kind, label, key) [kind] = key,
static const char *const keys[EV_COUNT] = { EVENT_KINDS(KEY) };
#undef KEY

typedef void explain_fn(const struct event *, const struct machine *, char *, size_t);

const char *
event_label(enum event_kind kind)
{
	return kind < EV_COUNT ? labels[kind] : "?";
}

const char *
event_key(enum event_kind kind)
{
	return kind < EV_COUNT ? keys[kind] : "?";
}

static unsigned long long
ull(uint64_t v)
{
	return (unsigned long long)v;
}

static const char *
access_verb(char kind)
{
	return kind == 'w' ? "write" : kind == 'x' ? "execute" : "read";
}

/* "reads", "writes", "executes": what a process does to an address. */
static const char *
access_verb_s(char kind)
{
	return kind == 'w' ? "writes" : kind == 'x' ? "executes" : "reads";
}

/* Appends to the line in b (of size n) already k bytes long; returns the new length. */
__attribute__((format(printf, 4, 5))) static int
append(char *b, size_t n, int k, const char *fmt, ...)
{
	va_list ap;
	int more;

	if (k < 0 || (size_t)k >= n)
		return k;
	va_start(ap, fmt);
	more = vsnprintf(b + k, n - (size_t)k, fmt, ap);
	va_end(ap);
	return more < 0 ? more : k + more;
}

/*
 * "; page 0x6 lies in huge page 0x4-0x7, a leaf one level up: index 0x1
 * leads to its entry, and the low 7 bits, 0x40, are the byte in the huge
 * page": the last level's index is no table's, but part of the offset.
 */
static void
split_huge(const struct event *e, const struct machine *m, char *b, size_t n, int k)
{
	unsigned walked = m->cfg.levels - 1;
	unsigned low = machine_page_bits(m) + m->split.bits[walked];
	uint64_t first = e->vpn & ~(e->count - 1);

	k = append(b, n, k, "; page 0x%llx lies in huge page 0x%llx-0x%llx, a leaf one level "
		   "up: %s ", ull(e->vpn), ull(first), ull(first + e->count - 1),
		   walked == 1 ? "index" : "indices");
	for (unsigned l = 0; l < walked; l++)
		k = append(b, n, k, "%s0x%llx", l ? " | " : "",
			   ull(va_split_index(&m->split, l, e->vpn)));
	append(b, n, k, " %s to its entry, and the low %u bits, 0x%llx, are the byte in the huge page",
	       walked == 1 ? "leads" : "lead", low,
	       ull(e->vaddr & ((UINT64_C(1) << low) - 1)));
}

static void
explain_split(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "pid %d %s 0x%llx = ", e->pid, access_verb_s(e->access),
			 ull(e->vaddr));

	if (!m) {
		append(b, n, k, "page 0x%llx + offset 0x%llx", ull(e->vpn), ull(e->offset));
		return;
	}
	unsigned ob = machine_page_bits(m);
	k = append(b, n, k, "VPN 0x%llx | offset 0x%llx: the top %u bits pick the page, the "
		   "low %u bits the byte in it", ull(e->vpn), ull(e->offset),
		   m->cfg.va_bits - ob, ob);
	if (e->flags & EVF_HUGE) {
		split_huge(e, m, b, n, k);
		return;
	}
	for (unsigned l = 0; m->cfg.levels > 1 && l < m->cfg.levels; l++)
		k = append(b, n, k, "%s0x%llx", l ? " | " : "; the page's bits are one index "
			   "a level: ", ull(va_split_index(&m->split, l, e->vpn)));
}

static void
explain_tlb_hit(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "%d:0x%llx is cached in the TLB: frame %d, no page-table walk needed",
		 e->pid, ull(e->vpn), e->frame);
}

static void
explain_tlb_miss(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "%d:0x%llx is not in the TLB, so the MMU walks the page table",
		 e->pid, ull(e->vpn));
}

/* "level 2 of 4: entry 0x1a of the table in frame 7: ", for a table read. */
static int
table_entry(const struct event *e, const struct machine *m, char *b, size_t n, int k)
{
	k = append(b, n, k, "level %u", e->depth + 1);
	if (m)
		k = append(b, n, k, " of %u", m->cfg.levels);
	k = append(b, n, k, ": entry 0x%llx of ", ull(e->index));
	if (e->table_frame == NO_FRAME)
		return append(b, n, k, "pid %d's top table", e->pid);
	return append(b, n, k, "the table in frame %d", e->table_frame);
}

static void
explain_walk_table(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = table_entry(e, m, b, n, 0);

	if (e->frame != NO_FRAME)
		append(b, n, k, ": present, the next table is in frame %d", e->frame);
	else if (!e->perm)
		append(b, n, k, ": empty, no table below it, and page 0x%llx is not mapped",
		       ull(e->vpn));
	else
		append(b, n, k, ": empty, no level-%u table below it: one is made when a "
		       "page under it is touched", e->depth + 2);
}

/* A copy-on-write page: shared since a fork, or no longer shared. */
static void
cow_note(const struct event *e, char *b, size_t n, int k)
{
	if (e->mappings > 1)
		append(b, n, k, "; the page is copy-on-write, shared by %u page tables since a "
		       "fork, so it is read-only until written", e->mappings);
	else
		append(b, n, k, "; the page is still marked copy-on-write (read-only), but no "
		       "other page table shares it any more: a write only makes it writable "
		       "again, with no copy");
}

static void
explain_walk(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = 0;

	if (m && m->cfg.levels > 1)
		k = append(b, n, table_entry(e, m, b, n, 0), ": ");
	if (!e->perm) {
		append(b, n, k, "the MMU finds no mapping at page 0x%llx in pid %d's page "
		       "table", ull(e->vpn), e->pid);
		return;
	}
	k = append(b, n, k, "the MMU finds present = %d in PTE 0x%llx of pid %d: ",
		   (e->flags & EVF_PRESENT) ? 1 : 0, ull(e->vpn), e->pid);
	if (e->flags & EVF_PRESENT)
		k = append(b, n, k, "the page is in frame %d (%s)", e->frame, perm_name(e->perm));
	else if (e->flags & EVF_SWAPPED)
		k = append(b, n, k, "its contents wait in swap slot %d", e->slot);
	else if (e->flags & EVF_DROPPED)
		k = append(b, n, k, "no frame and no swap slot; the page (%s) was evicted "
			   "clean at step %llu", perm_name(e->perm), ull(e->evicted_step));
	else
		k = append(b, n, k, "the page is mapped (%s) but was never touched",
			   perm_name(e->perm));
	if (e->flags & EVF_COW)
		cow_note(e, b, n, k);
	else if ((e->flags & EVF_SHARED_MAPPING) && e->mappings > 1)
		append(b, n, k, "; the page is in a shared mapping, mapped by %u page tables: "
		       "a write by any of them is seen by all", e->mappings);
}

static void
explain_segfault(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "page 0x%llx is not mapped in pid %d: the %s is refused (SIGSEGV) "
		 "and has no physical address", ull(e->vpn), e->pid, access_verb(e->access));
}

static void
explain_protection(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "%s %s of page 0x%llx needs %c, but the page is %s: the access is "
		 "refused (SIGSEGV) and has no physical address",
		 e->access == 'x' ? "an" : "a", access_verb(e->access),
		 ull(e->vpn), e->access, perm_name(e->perm));
}

/* A named group's name ("web"), from the machine that has it. */
static const char *
group_name(const struct machine *m, unsigned id)
{
	return m && id != CGROUP_NONE && id <= m->ncgroups ? cgroup_at(m, id)->name : "?";
}

/*
 * "pid 1 is at its frame limit (1 of 1)", or over it once the limit was
 * lowered; "cgroup web is at its limit (3 of 3 frames)" for a named group.
 */
static int
limit_state(const struct event *e, const struct machine *m, char *b, size_t n, int k)
{
	if (e->cgroup != CGROUP_NONE && e->held > e->count)
		return append(b, n, k, "cgroup %s is over its limit (holds %u, limit %llu "
			      "frame%s)", group_name(m, e->cgroup), e->held, ull(e->count),
			      plural(e->count));
	if (e->cgroup != CGROUP_NONE)
		return append(b, n, k, "cgroup %s is at its limit (%u of %llu frame%s)",
			      group_name(m, e->cgroup), e->held, ull(e->count), plural(e->count));
	if (e->held > e->count)
		return append(b, n, k, "pid %d is over its frame limit (holds %u, limit "
			      "%llu)", e->pid, e->held, ull(e->count));
	return append(b, n, k, "pid %d is at its frame limit (%u of %llu)", e->pid,
		      e->held, ull(e->count));
}

static void room_note(const struct event *e, const struct machine *m, char *b, size_t n,
		      int k);

static void
explain_page_fault(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "the MMU raises a page fault and the CPU traps to the kernel: ");

	if (e->flags & EVF_IN_MEMORY) {
		k = append(b, n, k, "page 0x%llx is already in memory (frame %d, brought in by "
			   "pid %d), so nothing is read from swap slot %d", ull(e->vpn),
			   e->frame, e->other_pid, e->slot);
		if (!(e->flags & EVF_OWN_COPY)) {
			append(b, n, k, ": only the page-table entry is filled, a minor fault");
			return;
		}
		k = append(b, n, k, "; the page is copy-on-write and pid %d writes, so it "
			   "needs a copy of its own", e->pid);
	} else if (e->flags & EVF_SWAPPED)
		k = append(b, n, k, "page 0x%llx must come back from swap slot %d",
			   ull(e->vpn), e->slot);
	else if (e->flags & EVF_DROPPED)
		k = append(b, n, k, "page 0x%llx was evicted clean at step %llu and never "
			   "written, so swap holds no copy: it must be zero-filled again",
			   ull(e->vpn), ull(e->evicted_step));
	else
		k = append(b, n, k, "page 0x%llx was never touched, so it needs a fresh "
			   "zeroed frame", ull(e->vpn));
	room_note(e, m, b, n, k);
}

/* Where a fault's frame will come from, when not simply a free one. */
static void
room_note(const struct event *e, const struct machine *m, char *b, size_t n, int k)
{
	if (e->flags & EVF_LIMITED) {
		k = append(b, n, k, "; ");
		k = limit_state(e, m, b, n, k);
		append(b, n, k, ", so it must give up one of its own pages");
	} else if ((e->flags & EVF_LOCAL) && e->held)
		append(b, n, k, "; local scope: pid %d replaces one of its own pages", e->pid);
	else if (e->flags & EVF_LOCAL)
		append(b, n, k, "; local scope, but pid %d holds no frame of its own, so "
		       "the policy chooses among every process's pages", e->pid);
}

static void
explain_free_frame(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "frame %d is free, so no page has to be evicted", e->frame);
}

/* The policy's own words for why it chose the victim. */
static int
victim_reason(const struct victim_why *w, const struct machine *m, char *b, size_t n)
{
	if (!m)
		return snprintf(b, n, "chosen");
	return policy_at(m->cfg.policy)->explain(w, m, b, n);
}

/* ", rather than 1:0x2 (last used at step 3)": the page that ranked next. */
static int
rather_than(const struct rival *r, const struct machine *m, char *b, size_t n, int k)
{
	if (!m || !r->pid)
		return k;
	k = append(b, n, k, ", rather than %d:0x%llx (", r->pid, ull(r->vpn));
	if (k < 0 || (size_t)k >= n)
		return k;
	k += policy_at(m->cfg.policy)->rival_explain(r, b + k, n - k);
	return append(b, n, k, ")");
}

/* "cgroup web has no swap left (its swap limit is 0 slots)". */
static int
no_swap_left(const struct event *e, const struct machine *m, char *b, size_t n, int k)
{
	return append(b, n, k, "cgroup %s has no swap left (its swap limit is %u slot%s)",
		      group_name(m, e->swap_group), e->swap_max, plural(e->swap_max));
}

/* "frames 2, 3 and 5", "frames 2, 3, 5 and 4 more": the free frames a limit leaves. */
static int
free_frames(const struct event *e, char *b, size_t n, int k)
{
	unsigned listed = e->free_count < 3 ? e->free_count : 3;

	k = append(b, n, k, "frame%s %d", plural(e->free_count), e->free_first[0]);
	for (unsigned i = 1; i < listed; i++)
		k = append(b, n, k, "%s %d", i + 1 == e->free_count ? " and" : ",",
			   e->free_first[i]);
	if (e->free_count > listed)
		k = append(b, n, k, " and %u more", e->free_count - listed);
	return append(b, n, k, " %s free", e->free_count == 1 ? "is" : "are");
}

/* Why a process takes from its own pages: its frame limit. */
static int
limit_reason(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = limit_state(e, m, b, n, 0);

	if (!e->free_count)
		return append(b, n, k, ", and no frame is free: ");
	k = append(b, n, k, ": it %s one of its own pages although ",
		   (e->flags & EVF_NO_SLOT) ? "must give up" : "evicts");
	k = free_frames(e, b, n, k);
	return append(b, n, k, "; ");
}

/* One look of a sweeping policy's search, in the policy's own words. */
static void
explain_sweep(const struct event *e, const struct machine *m, char *b, size_t n)
{
	if (!m) {
		snprintf(b, n, "the policy looks at frame %d", e->frame);
		return;
	}
	policy_at(m->cfg.policy)->look_explain(e, m, b, n);
}

static void
explain_victim(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = (e->flags & EVF_LIMITED) ? limit_reason(e, m, b, n) :
		snprintf(b, n, "no free frame: ");

	k = append(b, n, k, "%s %s %d:0x%llx",
		   m ? policy_at(m->cfg.policy)->name : "the policy",
		   (e->flags & EVF_NO_SLOT) ? "chooses" : "evicts",
		   e->other_pid, ull(e->other_vpn));
	if (e->mappings > 1)
		k = append(b, n, k, ", shared by %u page tables,", e->mappings);
	k = append(b, n, k, " %s frame %d, ", (e->flags & EVF_NO_SLOT) ? "in" : "from",
		   e->frame);
	if (k < 0 || (size_t)k >= n)
		return;
	k += victim_reason(&e->why, m, b + k, n - k);
	k = rather_than(&e->why.rival, m, b, n, k);
	if (e->flags & EVF_GROUP_SWAP) {
		k = append(b, n, k, "; it is %s, needs a swap slot, and ",
			   (e->flags & EVF_SHARED_CLEAN) ? "clean but in a shared mapping" : "dirty");
		k = no_swap_left(e, m, b, n, k);
		append(b, n, k, ", so it cannot be evicted");
		return;
	}
	if (e->flags & EVF_SHARED_CLEAN)
		append(b, n, k, "; it is clean but in a shared mapping with no swap slot, so "
		       "%s", (e->flags & EVF_NO_SLOT) ? "it needs one and swap is full: it "
		       "cannot be evicted" : "it must be written to swap first: its sharers "
		       "must find that one copy again");
	else
		append(b, n, k, "%s", (e->flags & EVF_NO_SLOT) ?
		       "; it is dirty and swap is full, so it cannot be evicted" :
		       (e->flags & EVF_DIRTY) ?
		       "; it is dirty, so it must be written to swap first" : "; it is clean");
}

/* A page leaving memory without a fault: the working set's trimming. */
static void
explain_trim(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "no fault: %s takes %d:0x%llx from frame %d, ",
			 m ? policy_at(m->cfg.policy)->name : "the policy", e->other_pid,
			 ull(e->other_vpn), e->frame);

	if (k < 0 || (size_t)k >= n)
		return;
	k += victim_reason(&e->why, m, b + k, n - k);
	append(b, n, k, "%s", (e->flags & EVF_DIRTY) ?
	       "; it is dirty, so it is written to swap first" : "; it is clean");
}

static void
explain_tick(const struct event *e, const struct machine *m, char *b, size_t n)
{
	const struct policy_ops *p = m ? policy_at(m->cfg.policy) : NULL;

	snprintf(b, n, "clock tick (every %llu access%s): %s", ull(e->count),
		 plural_es(e->count),
		 p && p->tick_says ? p->tick_says : "the policy does its periodic work");
}

static void
explain_writeback(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	if (e->flags & EVF_SHARED_CLEAN)
		snprintf(b, n, "clean %d:0x%llx is written from frame %d to swap slot %d: "
			 "every page table that maps it now points at the slot, where each "
			 "sharer finds the page again", e->other_pid, ull(e->other_vpn),
			 e->frame, e->slot);
	else
		snprintf(b, n, "dirty %d:0x%llx is written from frame %d to swap slot %d, so "
			 "its changes survive; swap now holds its latest copy, so D is cleared",
			 e->other_pid, ull(e->other_vpn), e->frame, e->slot);
}

static void
explain_evict(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "%d:0x%llx leaves frame %d: ", e->other_pid, ull(e->other_vpn),
			 e->frame);

	bool tlb = e->flags & EVF_TLB_REMOVED;

	(void)m;
	if (!(e->flags & EVF_KEEPS_SLOT)) {
		append(b, n, k, "never written, so it is simply dropped%s%s and will be "
		       "zero-filled if touched again",
		       e->mappings > 1 ? " from every page table that maps it" : "",
		       tlb ? " (its TLB entry removed)" : "");
		return;
	}
	if (e->mappings > 1)
		k = append(b, n, k, "present bit cleared in all %u page tables that map it%s",
			   e->mappings, tlb ? ", their TLB entries removed" : "");
	else
		k = append(b, n, k, "present bit cleared%s", tlb ? ", TLB entry removed" : "");
	append(b, n, k, "; its copy stays in swap slot %d", e->slot);
}

static void
explain_oom_swap(const struct event *e, const struct machine *m, char *b, size_t n)
{
	unsigned slots = m ? m->cfg.swap_slots : 0;
	char used[32] = "the only one is in use";

	if (slots != 1)
		snprintf(used, sizeof used, "all %u are in use", slots);
	snprintf(b, n, "%s %d:0x%llx needs a swap slot and %s; the access "
		 "fails, and every page stays where it was",
		 (e->flags & EVF_SHARED_CLEAN) ? "shared" : "dirty", e->other_pid,
		 ull(e->other_vpn), used);
}

static void
explain_oom(const struct event *e, const struct machine *m, char *b, size_t n)
{
	if ((e->flags & EVF_NO_VICTIM) && e->source != NO_FRAME) {
		snprintf(b, n, "pid %d needs a frame to copy frame %d into, and "
			 "no frame it may take can be given up (frame %d holds the page being "
			 "copied); the write fails, and every page stays where it was", e->pid,
			 e->source, e->source);
		return;
	}
	if ((e->flags & EVF_NO_VICTIM) && (e->flags & EVF_LIMITED)) {
		snprintf(b, n, "page 0x%llx needs a frame, but pid %d holds %u, its frame limit "
			 "of %llu, and every one holds a page of a huge page, which is never "
			 "evicted; the access fails", ull(e->vpn), e->pid, e->held, ull(e->count));
		return;
	}
	if (e->flags & EVF_NO_VICTIM) {
		snprintf(b, n, "page 0x%llx needs a frame, but none is free and "
			 "every frame pid %d may take%s holds a page table%s, which %s never "
			 "evicted; the access fails", ull(e->vpn), e->pid,
			 (e->flags & EVF_LOCAL) ? " (local scope: its own)" : "",
			 m && m->huge_frames ? " or a huge page" : "",
			 m && m->huge_frames ? "are" : "is");
		return;
	}
	if (e->flags & EVF_GROUP_SWAP) {
		int k = snprintf(b, n, "%s %d:0x%llx needs a swap slot and ",
				 (e->flags & EVF_SHARED_CLEAN) ? "shared" : "dirty", e->other_pid,
				 ull(e->other_vpn));

		k = no_swap_left(e, m, b, n, k);
		append(b, n, k, "; the access fails, and every page stays where it was");
		return;
	}
	explain_oom_swap(e, m, b, n);
}

static int still_shared(const struct event *e, char *b, size_t n, int k);
static int freed(const struct event *e, char *b, size_t n, int k);

/*
 * "cgroup web was at its limit of 3 frames with no swap left: the OOM
 * killer ends pid 3, 'worker', which held 2 frames; ..." (said after
 * the kill, beside a screen where the group holds less)
 */
static void
explain_oom_kill(const struct event *e, const struct machine *m, char *b, size_t n)
{
	const struct process *dead = m && e->other_pid > 0 && (size_t)e->other_pid < m->procs_cap ?
		m->procs[e->other_pid] : NULL;
	int k;

	if (e->cgroup != CGROUP_NONE)
		k = snprintf(b, n, "cgroup %s was %s its limit of %llu frame%s",
			     group_name(m, e->cgroup), e->held > e->count ? "over" : "at",
			     ull(e->count), plural(e->count));
	else
		k = snprintf(b, n, "pid %d was %s its frame limit of %llu", e->pid,
			     e->held > e->count ? "over" : "at", ull(e->count));
	if (e->flags & EVF_GROUP_SWAP)
		k = append(b, n, k, " with no swap left (its swap limit is %u slot%s)",
			   e->swap_max, plural(e->swap_max));
	else
		k = append(b, n, k, " and none of %s pages can be evicted",
			   e->cgroup != CGROUP_NONE ? "the group's" : "its");
	k = append(b, n, k, ": the OOM killer ends pid %d", e->other_pid);
	if (dead)
		k = append(b, n, k, ", '%s',", dead->name);
	k = freed(e, b, n, append(b, n, k, " which held %u frame%s; ", e->mappings,
				      plural(e->mappings)));
	k = still_shared(e, b, n, k);
	if (e->other_pid == e->pid)
		append(b, n, k, "; its access dies with it");
	else
		append(b, n, k, "; pid %d's access fails, and may be tried again", e->pid);
}

/*
 * What a named group holds against its limit, after its subject, and for
 * `then`, what its processes' next faults do about it: "holds 1 of its 3
 * frames"; "holds 3 of its 3 frames, at its limit: the next fault ...";
 * "holds 3 frames, 1 over its limit of 2: its pages stay ...".
 */
static int
group_holds(const struct event *e, char *b, size_t n, int k, bool then)
{
	if (e->held > e->count) {
		k = append(b, n, k, "holds %u frame%s, %llu over its limit of %llu", e->held,
			   plural(e->held), ull(e->held - e->count), ull(e->count));
		return then ? append(b, n, k, ": its pages stay until evicted, but each fault of "
				     "its processes now evicts one of the group's own pages, so "
				     "it never grows") : k;
	}
	if (e->held)
		k = append(b, n, k, "holds %u of its %llu frame%s", e->held, ull(e->count),
			   plural(e->count));
	else
		k = append(b, n, k, "holds none of its %llu frame%s", ull(e->count),
			   plural(e->count));
	if (then && e->held == e->count)
		k = append(b, n, k, ", at its limit: the next fault of its processes evicts one "
			   "of the group's own pages, though frames may be free");
	return k;
}

/* "cgroup web is made with a limit of 3 frames (memory.max)..." */
static void
explain_cgroup(const struct event *e, const struct machine *m, char *b, size_t n)
{
	const char *name = group_name(m, e->cgroup);
	int k;

	if (e->flags & EVF_NEW_GROUP) {
		snprintf(b, n, "cgroup %s is made with a memory limit of %llu frame%s (memory.max): "
			 "at the limit its processes' faults evict the group's own pages, though "
			 "frames may be free", name, ull(e->count), plural(e->count));
		return;
	}
	k = snprintf(b, n, "cgroup %s's memory limit is now %llu frame%s (memory.max); the group ",
		     name, ull(e->count), plural(e->count));
	group_holds(e, b, n, k, true);
}

/*
 * "pid 2 moves from cgroup db into cgroup web: cgroup web now holds 2 of
 * its 2 frames, at its limit: ..." (the group it moves into, named, as
 * the one it left may be); "pid 2 is already in ...".
 */
static void
explain_cgroup_add(const struct event *e, const struct machine *m, char *b, size_t n)
{
	const char *name = group_name(m, e->cgroup);
	int k;

	if (e->flags & EVF_ALREADY_IN) {
		k = snprintf(b, n, "pid %d is already in cgroup %s: nothing changes; the group ", e->pid,
			     name);
		group_holds(e, b, n, k, false);
		return;
	}
	k = snprintf(b, n, "pid %d moves ", e->pid);
	if (e->left_group != CGROUP_NONE)
		k = append(b, n, k, "from cgroup %s ", group_name(m, e->left_group));
	k = append(b, n, k, "into cgroup %s: cgroup %s now ", name, name);
	k = group_holds(e, b, n, k, true);
	if (e->flags & EVF_OWN_LIMIT_LEFT)
		append(b, n, k, "; its own frame limit no longer applies");
}

static void
explain_cgroup_swap(const struct event *e, const struct machine *m, char *b, size_t n)
{
	snprintf(b, n, "cgroup %s may keep at most %u page%s in swap (memory.swap.max; it keeps "
		 "%u): at its memory limit, a dirty page of the group with no slot yet "
		 "cannot be evicted past that, and the OOM killer ends one of its processes "
		 "instead", group_name(m, e->cgroup), e->swap_max, plural(e->swap_max),
		 e->swap_used);
}

/* The frame a page is brought into: "free frame 2", or "frame 2, just freed by
 * evicting 1:0x3" when this very access made room. */
static int
fill_target(const struct event *e, char *b, size_t n, int k)
{
	if (e->flags & EVF_JUST_FREED)
		return append(b, n, k, "frame %d, just freed by evicting %d:0x%llx", e->frame,
			      e->other_pid, ull(e->other_vpn));
	return append(b, n, k, "free frame %d", e->frame);
}

static void
explain_new_table(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "the kernel makes pid %d's level-%u table in ", e->pid,
			 e->depth + 1);

	k = fill_target(e, b, n, k);
	if (m) {
		unsigned shift = m->split.shift[e->depth - 1];
		uint64_t first = e->vpn >> shift << shift;

		k = append(b, n, k, " for pages 0x%llx-0x%llx", ull(first),
			   ull(first + (UINT64_C(1) << shift) - 1));
	}
	k = append(b, n, k, " (a page-table page: never evicted); entry 0x%llx of ",
		   ull(e->index));
	if (e->table_frame == NO_FRAME)
		append(b, n, k, "the top table now points to it");
	else
		append(b, n, k, "the table in frame %d now points to it", e->table_frame);
}

/*
 * The faulting page: "page 0x3", or "3:0x3" when the sentence also names
 * another process's page (the victim that made room), so the two are not
 * taken for one process's.
 */
static void
page_name(const struct event *e, char *b, size_t n)
{
	if ((e->flags & EVF_JUST_FREED) && e->other_pid != e->pid)
		snprintf(b, n, "%d:0x%llx", e->pid, ull(e->vpn));
	else
		snprintf(b, n, "page 0x%llx", ull(e->vpn));
}

static void
explain_swap_in(const struct event *e, const struct machine *m, char *b, size_t n)
{
	char page[40];
	int k;

	(void)m;
	page_name(e, page, sizeof page);
	k = snprintf(b, n, "the kernel reads %s from swap slot %d; the data arrives "
		     "and is written into ", page, e->slot);
	k = fill_target(e, b, n, k);
	if (e->flags & EVF_OWN_COPY)
		append(b, n, k, "; pid %d writes this copy-on-write page, so the frame is its "
		       "own copy, and slot %d keeps the old contents for the processes "
		       "sharing it", e->pid, e->slot);
}

static void
explain_zero_fill(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = fill_target(e, b, n, snprintf(b, n, "the kernel zeroes "));
	char page[40];

	(void)m;
	page_name(e, page, sizeof page);
	if (e->flags & EVF_DROPPED)
		append(b, n, k, " for %s again: evicted clean at step %llu and "
		       "never written, it has no copy in swap", page, ull(e->evicted_step));
	else
		append(b, n, k, " for %s, touched for the first time (demand "
		       "paging)", page);
}

static void
explain_pte_update(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "the kernel updates the page table: ");

	(void)m;
	if (e->source != NO_FRAME) {
		k = append(b, n, k, "pid %d's page 0x%llx now points at frame %d, writable "
			   "(%s), its own copy; frame %d stays with ", e->pid, ull(e->vpn),
			   e->frame, perm_name(e->perm), e->source);
		if (e->mappings == 1)
			append(b, n, k, "the one other mapping");
		else
			append(b, n, k, "the other %u mappings", e->mappings);
		return;
	}
	if (e->flags & EVF_LAST_MAPPING) {
		append(b, n, k, "PTE 0x%llx of pid %d <- writable (%s), still frame %d; D "
		       "and R stay as they were", ull(e->vpn), e->pid, perm_name(e->perm),
		       e->frame);
		return;
	}
	k = append(b, n, k, "PTE 0x%llx of pid %d <- present = 1, frame %d", ull(e->vpn),
		   e->pid, e->frame);
	if (e->flags & EVF_IN_MEMORY)
		append(b, n, k, ", the frame its sharer brought back; D starts clear (R is "
		       "the frame's)");
	else if (e->flags & EVF_OWN_COPY)
		append(b, n, k, ", writable (%s), its own; D and R start clear",
		       perm_name(e->perm));
	else
		append(b, n, k, "; D and R start clear");
}

static void
explain_tlb_fill(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "TLB <- %d:0x%llx -> frame %d", e->pid, ull(e->vpn), e->frame);

	(void)m;
	if ((e->flags & EVF_REPLACED) && k > 0 && (size_t)k < n)
		snprintf(b + k, n - k, ", replacing %d:0x%llx, the least recently used entry",
			 e->other_pid, ull(e->other_vpn));
}

static void
explain_access(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = (e->flags & EVF_RESTARTED) ?
		snprintf(b, n, "the kernel returns and the instruction is restarted: ") : 0;

	(void)m;
	append(b, n, k, "%s of 0x%llx reaches frame %d at physical 0x%llx; R set%s",
	       access_verb(e->access), ull(e->vaddr), e->frame, ull(e->paddr),
	       e->access == 'w' ? ", D set" : "");
}

static void
explain_spawn(const struct event *e, const struct machine *m, char *b, size_t n)
{
	const struct process *p = m ? machine_process(m, e->pid) : NULL;

	snprintf(b, n, "pid %d%s%s%s starts with %llu page%s mapped %s from 0x0 and becomes "
		 "current", e->pid, p ? " \"" : "", p ? p->name : "", p ? "\"" : "",
		 ull(e->count), plural(e->count), perm_name(e->perm));
}

static void
explain_switch(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "pid %d is now the current process; the TLB keeps its entries "
		 "(they are tagged by pid)", e->pid);
}

/* "; 2 page tables give back their frames", after exit and unmap. */
static void
tables_freed(const struct event *e, char *b, size_t n, int k)
{
	if (e->depth)
		append(b, n, k, "; %u page table%s left with no entry give%s back %s frame%s",
		       e->depth, plural(e->depth), e->depth == 1 ? "s" : "",
		       e->depth == 1 ? "its" : "their", plural(e->depth));
}

/*
 * "2 frames and 1 swap slot become", "1 frame becomes", "3 swap slots
 * become": the counts that are not zero, then `verb` agreeing with them
 * ("no frame or swap slot becomes" when both are).
 */
static int
frames_and_slots(char *b, size_t n, int k, unsigned frames, unsigned slots, const char *verb)
{
	bool one = (frames + slots == 1) || (!frames && !slots);

	if (frames)
		k = append(b, n, k, "%u frame%s%s", frames, plural(frames), slots ? " and " : "");
	if (slots)
		k = append(b, n, k, "%u swap slot%s", slots, plural(slots));
	if (!frames && !slots)
		k = append(b, n, k, "no frame or swap slot");
	return append(b, n, k, " %s%s", verb, one ? "s" : "");
}

/*
 * "; 2 frames and 1 swap slot stay, still mapped by other processes";
 * "; 1 frame stays, still mapped by another process".
 */
static int
still_shared(const struct event *e, char *b, size_t n, int k)
{
	if (!e->frames_shared && !e->slots_shared)
		return k;
	k = frames_and_slots(b, n, append(b, n, k, "; "), e->frames_shared, e->slots_shared,
			     "stay");
	return append(b, n, k, ", still mapped by %s",
		      e->frames_shared + e->slots_shared == 1 ? "another process" :
		      "other processes");
}

/* "2 frames and 1 swap slot become free", "no frame or swap slot becomes free". */
static int
freed(const struct event *e, char *b, size_t n, int k)
{
	return append(b, n, frames_and_slots(b, n, k, e->frames_freed, e->slots_freed, "become"),
		      " free");
}

static void
explain_exit(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = freed(e, b, n, snprintf(b, n, "pid %d exits: ", e->pid));

	(void)m;
	k = still_shared(e, b, n, k);
	tables_freed(e, b, n, append(b, n, k, "; its TLB entries go"));
}

static void
explain_map(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "pid %d maps %llu page%s at 0x%llx (%s); %s touched on demand",
		 e->pid, ull(e->count), plural(e->count), ull(e->vaddr), perm_name(e->perm),
		 e->count == 1 ? "it is" : "they are");
}

static void
explain_unmap(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k;

	(void)m;
	if (e->count == 0) {
		/* A table made for a fault that then failed may still go. */
		tables_freed(e, b, n, snprintf(b, n, "pid %d unmaps nothing at 0x%llx: none of "
			     "those pages was mapped", e->pid, ull(e->vaddr)));
		return;
	}
	k = snprintf(b, n, "pid %d unmaps %llu mapped page%s from 0x%llx: ", e->pid,
		     ull(e->count), plural(e->count), ull(e->vaddr));
	tables_freed(e, b, n, still_shared(e, b, n, freed(e, b, n, k)));
}

static void
explain_limit(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	if (e->flags & EVF_NO_LIMIT)
		snprintf(b, n, "pid %d has no frame limit any more", e->pid);
	else if (e->held > e->count)
		snprintf(b, n, "pid %d may hold at most %llu frame%s; it holds %u, %llu over its "
			 "limit: they stay until evicted, but it never grows again: each of its "
			 "faults replaces one of its own pages", e->pid, ull(e->count),
			 plural(e->count), e->held, ull(e->held - e->count));
	else if (e->held == e->count)
		snprintf(b, n, "pid %d may hold at most %llu frame%s; it holds %u, at its limit: "
			 "its next fault replaces one of its own pages, though frames may be free",
			 e->pid, ull(e->count), plural(e->count), e->held);
	else
		snprintf(b, n, "pid %d may hold at most %llu frame%s; it holds %u: at the limit "
			 "its faults replace its own pages", e->pid, ull(e->count),
			 plural(e->count), e->held);
}

static void
explain_tlb_flush(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "the TLB is emptied (%llu %s dropped): the next accesses walk "
		 "the page table", ull(e->count), e->count == 1 ? "entry" : "entries");
}

static void
explain_fork(const struct event *e, const struct machine *m, char *b, size_t n)
{
	const struct process *c = m ? machine_process(m, e->other_pid) : NULL;
	int k = snprintf(b, n, "pid %d forks pid %d", e->pid, e->other_pid);

	if (c)
		k = append(b, n, k, " \"%s\"", c->name);
	k = append(b, n, k, ": a copy of its mappings, whose page table points at the same "
		   "%u frame%s and %u swap slot%s; %llu touched page%s of writable mappings "
		   "become%s read-only and copy-on-write in both", e->frames_shared,
		   plural(e->frames_shared), e->slots_shared, plural(e->slots_shared),
		   ull(e->count), plural(e->count), e->count == 1 ? "s" : "");
	if (e->mappings)
		k = append(b, n, k, "; %u page%s of shared mappings stay%s shared, not "
			   "copy-on-write", e->mappings, plural(e->mappings),
			   e->mappings == 1 ? "s" : "");
	if (e->depth)
		k = append(b, n, k, "; its %u page table%s below the top %s copied into free "
			   "frames", e->depth, plural(e->depth), e->depth == 1 ? "is" : "are");
	if (e->held)
		append(b, n, k, "; pid %d's %u TLB entr%s dropped", e->pid, e->held,
		       e->held == 1 ? "y is" : "ies are");
}

static void
explain_cow_fault(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "pid %d writes page 0x%llx, which is read-only and "
			 "copy-on-write: the CPU traps to the kernel; ", e->pid, ull(e->vpn));

	(void)m;
	if (e->flags & EVF_LAST_MAPPING) {
		append(b, n, k, "pid %d is the last mapping of frame %d, so nothing is "
		       "copied: the page just becomes writable again", e->pid, e->frame);
		return;
	}
	k = append(b, n, k, "frame %d is shared by %u page tables, so pid %d needs a "
		   "copy of its own", e->frame, e->mappings, e->pid);
	room_note(e, m, b, n, k);
}

static void
explain_cow_copy(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "write to a copy-on-write page shared by %u: the kernel "
			 "copies frame %d into ", e->mappings, e->source);

	(void)m;
	fill_target(e, b, n, k);
}

static void
explain_share(const struct event *e, const struct machine *m, char *b, size_t n)
{
	(void)m;
	snprintf(b, n, "pid %d shares %llu page%s from 0x%llx with pid %d, mapped there "
		 "from page 0x%llx (%s): both page tables point at the same %u frame%s and "
		 "%u swap slot%s; a write by either is seen by both, and the pages leave "
		 "memory only for swap", e->pid, ull(e->count), plural(e->count),
		 ull(e->vaddr), e->other_pid, ull(e->other_vpn), perm_name(e->perm),
		 e->frames_shared, plural(e->frames_shared), e->slots_shared,
		 plural(e->slots_shared));
}

/* ---- huge pages (EVF_HUGE): one entry, a run of frames ------------------ */

/* The huge page holding the event's page: its first and last page numbers. */
static uint64_t
huge_first(const struct event *e)
{
	return e->vpn & ~(e->count - 1);
}

static uint64_t
huge_last(const struct event *e)
{
	return huge_first(e) + e->count - 1;
}

/* "frames 8-11": the run from `first`. */
static int
huge_frames(const struct event *e, int first, char *b, size_t n, int k)
{
	return append(b, n, k, "frames %d-%d", first, first + (int)e->count - 1);
}

static void
huge_walk(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = append(b, n, table_entry(e, m, b, n, 0), ": the MMU finds present = %d in "
		       "the leaf entry of huge page 0x%llx-0x%llx of pid %d (%llu pages, no "
		       "table below it): ", (e->flags & EVF_PRESENT) ? 1 : 0,
		       ull(huge_first(e)), ull(huge_last(e)), e->pid, ull(e->count));

	if (e->flags & EVF_PRESENT)
		append(b, n, huge_frames(e, e->frame, b, n,
		       append(b, n, k, "the huge page is in ")), " (%s)", perm_name(e->perm));
	else
		append(b, n, k, "the huge page is mapped (%s) but was never touched",
		       perm_name(e->perm));
}

/* The access's own frame: page i of the huge page is in its first frame + i. */
static int
huge_first_frame(const struct event *e)
{
	return e->frame - (int)(e->vpn - huge_first(e));
}

static void
huge_access(const struct event *e, char *b, size_t n)
{
	int k = (e->flags & EVF_RESTARTED) ?
		snprintf(b, n, "the kernel returns and the instruction is restarted: ") : 0;

	k = append(b, n, k, "%s of 0x%llx reaches frame %d at physical 0x%llx: page 0x%llx "
		   "is page %llu of huge page 0x%llx-0x%llx, in ", access_verb(e->access),
		   ull(e->vaddr), e->frame, ull(e->paddr), ull(e->vpn),
		   ull(e->vpn - huge_first(e)), ull(huge_first(e)), ull(huge_last(e)));
	k = huge_frames(e, huge_first_frame(e), b, n, k);
	append(b, n, k, "; R set%s", e->access == 'w' ? ", D set" : "");
}

static void
huge_tlb_fill(const struct event *e, char *b, size_t n)
{
	int k = snprintf(b, n, "TLB <- %d:0x%llx-0x%llx -> ", e->pid, ull(huge_first(e)),
			 ull(huge_last(e)));

	k = append(b, n, huge_frames(e, e->frame, b, n, k), ": one entry covers the whole "
		   "huge page, %llu pages", ull(e->count));
	if (e->flags & EVF_REPLACED)
		append(b, n, k, ", replacing %d:0x%llx, the least recently used entry",
		       e->other_pid, ull(e->other_vpn));
}

/*
 * "huge page 0x8-0xb needs 4 frames, but cgroup db holds 2 of its limit
 * of 4 frames, room for 2 more": a group's limit too tight for a huge page.
 */
static void
huge_no_room(const struct event *e, const struct machine *m, char *b, size_t n)
{
	unsigned room = e->held < e->frames_max ? e->frames_max - e->held : 0;
	int k = snprintf(b, n, "huge page 0x%llx-0x%llx needs %llu frames, but ",
			 ull(huge_first(e)), ull(huge_last(e)), ull(e->count));

	if (e->cgroup != CGROUP_NONE)
		k = append(b, n, k, "cgroup %s holds %u frame%s, its limit %u",
			   group_name(m, e->cgroup), e->held, plural(e->held), e->frames_max);
	else
		k = append(b, n, k, "pid %d holds %u frame%s, its limit %u", e->pid, e->held,
			   plural(e->held), e->frames_max);
	append(b, n, k, ": room for %u more; a huge page counts against the limit whole, "
	       "and vmscope does not evict pages to make room for one; the access fails", room);
}

static void
huge_oom(const struct event *e, const struct machine *m, char *b, size_t n)
{
	if (e->flags & EVF_LIMITED) {
		huge_no_room(e, m, b, n);
		return;
	}
	snprintf(b, n, "huge page 0x%llx-0x%llx needs %llu free frames in a row, from a "
		 "multiple of %llu, and no such run is free (%u frame%s free): huge pages "
		 "are never swapped, and vmscope does not evict pages to make room for one; "
		 "the access fails", ull(huge_first(e)), ull(huge_last(e)), ull(e->count),
		 ull(e->count), e->free_count, plural(e->free_count));
}

static void
huge_map(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k = snprintf(b, n, "pid %d maps %llu huge page%s at 0x%llx (%s)", e->pid,
			 ull(e->count), plural(e->count), ull(e->vaddr), perm_name(e->perm));

	if (m)
		k = append(b, n, k, ", each %llu pages under one entry a level up",
			   ull(machine_huge_pages(m)));
	append(b, n, k, "; they are touched on demand");
}

/* The narration of an event about a huge page; false for a kind it leaves to the rest. */
static bool
explain_huge(const struct event *e, const struct machine *m, char *b, size_t n)
{
	int k;

	switch (e->kind) {
	case EV_MAP: huge_map(e, m, b, n); return true;
	case EV_WALK: huge_walk(e, m, b, n); return true;
	case EV_ACCESS: huge_access(e, b, n); return true;
	case EV_TLB_FILL: huge_tlb_fill(e, b, n); return true;
	case EV_OUT_OF_MEMORY: huge_oom(e, m, b, n); return true;
	case EV_TLB_HIT:
		snprintf(b, n, "%d:0x%llx is cached in the TLB: the entry for huge page "
			 "0x%llx-0x%llx covers it, so page 0x%llx is in frame %d; no page-table "
			 "walk needed", e->pid, ull(e->vpn), ull(huge_first(e)),
			 ull(huge_last(e)), ull(e->vpn), e->frame);
		return true;
	case EV_PAGE_FAULT:
		snprintf(b, n, "the MMU raises a page fault and the CPU traps to the kernel: "
			 "huge page 0x%llx-0x%llx was never touched, so it gets %llu fresh "
			 "zeroed frames in a row, all at once", ull(huge_first(e)),
			 ull(huge_last(e)), ull(e->count));
		return true;
	case EV_FREE_FRAME:
		append(b, n, huge_frames(e, e->frame, b, n, 0), " are free, a run of %llu that "
		       "starts at a multiple of %llu, as the frames of huge page 0x%llx-0x%llx "
		       "must: no page has to be evicted", ull(e->count), ull(e->count),
		       ull(huge_first(e)), ull(huge_last(e)));
		return true;
	case EV_ZERO_FILL:
		k = huge_frames(e, e->frame, b, n, snprintf(b, n, "the kernel zeroes free "));
		append(b, n, k, " for huge page 0x%llx-0x%llx, touched for the first time "
		       "(demand paging): the whole huge page at once", ull(huge_first(e)),
		       ull(huge_last(e)));
		return true;
	case EV_PTE_UPDATE:
		k = snprintf(b, n, "the kernel updates the page table: the entry of huge page "
			     "0x%llx-0x%llx of pid %d <- present = 1, frame %d (its pages are in ",
			     ull(huge_first(e)), ull(huge_last(e)), e->pid, e->frame);
		append(b, n, huge_frames(e, e->frame, b, n, k), "); D and R start clear");
		return true;
	default:
		return false;
	}
}

static explain_fn *const explainers[EV_COUNT] = {
	[EV_SPLIT] = explain_split, [EV_TLB_HIT] = explain_tlb_hit,
	[EV_TLB_MISS] = explain_tlb_miss, [EV_WALK_TABLE] = explain_walk_table,
	[EV_WALK] = explain_walk, [EV_NEW_TABLE] = explain_new_table,
	[EV_SEGFAULT] = explain_segfault, [EV_PROTECTION_FAULT] = explain_protection,
	[EV_PAGE_FAULT] = explain_page_fault, [EV_FREE_FRAME] = explain_free_frame,
	[EV_SWEEP] = explain_sweep, [EV_VICTIM] = explain_victim,
	[EV_WRITEBACK] = explain_writeback,
	[EV_EVICT] = explain_evict, [EV_OUT_OF_MEMORY] = explain_oom,
	[EV_SWAP_IN] = explain_swap_in, [EV_ZERO_FILL] = explain_zero_fill,
	[EV_PTE_UPDATE] = explain_pte_update, [EV_TLB_FILL] = explain_tlb_fill,
	[EV_ACCESS] = explain_access, [EV_TRIM] = explain_trim, [EV_TICK] = explain_tick, [EV_SPAWN] = explain_spawn,
	[EV_SWITCH] = explain_switch, [EV_EXIT] = explain_exit, [EV_MAP] = explain_map,
	[EV_UNMAP] = explain_unmap, [EV_LIMIT] = explain_limit,
	[EV_TLB_FLUSH] = explain_tlb_flush, [EV_FORK] = explain_fork,
	[EV_COW_FAULT] = explain_cow_fault, [EV_COW_COPY] = explain_cow_copy,
	[EV_SHARE] = explain_share,
	[EV_CGROUP] = explain_cgroup, [EV_CGROUP_ADD] = explain_cgroup_add,
	[EV_CGROUP_SWAP] = explain_cgroup_swap, [EV_OOM_KILL] = explain_oom_kill,
};

void
event_explain(const struct event *ev, const struct machine *m, char *buf, size_t size)
{
	if (!size)
		return;
	buf[0] = '\0';
	if ((ev->flags & EVF_HUGE) && explain_huge(ev, m, buf, size))
		return;
	if (ev->kind < EV_COUNT)
		explainers[ev->kind](ev, m, buf, size);
}
