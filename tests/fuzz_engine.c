/*
 * fuzz_engine.c - the engine under fuzzing.  The first four bytes choose
 * a small machine (frames, swap, TLB, policy, scope, page size, address
 * width, growth, seed, and whether process 1 starts with its whole space
 * mapped); the rest are lines of the command language, each parsed and,
 * if the engine accepts it, applied.  After every operation the machine
 * must hold together:
 *  - frames and page tables agree: a used frame's owner has a present PTE
 *    pointing back at it, every present PTE's frame names it, the free
 *    count and each process's resident count match;
 *  - swap slots and page tables agree the same way, and the used count;
 *  - every TLB entry translates a present page to its frame;
 *  - regions are sorted, disjoint and found by process_region;
 *  - the counters add up (accesses = hits + faults + segfaults +
 *    protection faults; faults = zero fills + swap-ins + out of memory;
 *    TLB hits + misses = accesses with a TLB; per-process faults sum to
 *    the total; write-backs <= evictions <= faults);
 *  - applying the same operation without events, and stopping it after
 *    any number of events, leaves the same counters and a machine that
 *    still holds together (the UI's micro-steps).
 */
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "fuzz.h"
#include "machine.h"
#include "policy.h"
#include "region.h"
#include "xalloc.h"

#define LINE_MAX_FUZZ 256
#define OPS_MAX 400             /* keeps one input fast */

static void
machine_from(const uint8_t *b, struct machine_config *cfg, bool *flat)
{
	unsigned page_bits;

	machine_config_default(cfg);
	cfg->frames = 1 + (b[0] & 7u);
	cfg->policy = (int)((b[0] >> 3) & 7u) % policy_count();
	cfg->scope = (b[0] >> 6) & 1u ? SCOPE_LOCAL : SCOPE_GLOBAL;
	cfg->grow_swap = (b[0] >> 7) & 1u;
	cfg->swap_slots = b[1] & 15u;
	cfg->tlb_entries = (b[1] >> 4) & 7u;
	cfg->grow_va = (b[1] >> 7) & 1u;
	page_bits = 4 + (b[2] & 3u);
	cfg->page_size = 1u << page_bits;
	cfg->va_bits = page_bits + 1 + ((b[2] >> 2) & 7u);
	cfg->seed = b[3] >> 1;
	*flat = b[3] & 1u;
}

static unsigned
present_in(const struct process *p)
{
	unsigned n = 0;

	PAGE_TABLE_FOREACH(&p->pt, e)
		n += e->present;
	return n;
}

/*
 * Part-way through an access (whole false) a frame is filled one event
 * before its PTE is marked present: its owner's PTE exists but may not be
 * present yet, and the resident counts run one ahead.
 */
static void
check_frames(const struct machine *m, bool whole)
{
	unsigned f, free_frames = 0;

	for (f = 0; f < m->cfg.frames; f++) {
		const struct frame *fr = &m->frames[f];
		const struct pte *e;

		if (fr->pid == 0) {
			free_frames++;
			continue;
		}
		FUZZ_ASSERT(machine_process(m, fr->pid) != NULL);
		e = frame_owner_pte(m, (int)f);
		FUZZ_ASSERT(e != NULL);
		FUZZ_ASSERT(!whole || (e->present && e->frame == (int)f));
	}
	FUZZ_ASSERT(free_frames == m->free_frames);
}

static void
check_swap(const struct machine *m)
{
	unsigned s, used = 0;

	FUZZ_ASSERT(m->swap_cap <= m->cfg.swap_slots);
	for (s = 0; s < m->cfg.swap_slots; s++) {
		struct swap_slot sl = machine_swap_slot(m, s);
		const struct process *p;
		const struct pte *e;

		if (sl.pid == 0)
			continue;
		used++;
		FUZZ_ASSERT((p = machine_process(m, sl.pid)) != NULL);
		e = page_table_find(&p->pt, sl.vpn);
		FUZZ_ASSERT(e != NULL && e->slot == (int)s);
	}
	FUZZ_ASSERT(used == m->swap_used);
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

static void
check_processes(const struct machine *m, bool whole)
{
	unsigned resident = 0;
	size_t pid;

	for (pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p == NULL)
			continue;
		check_regions(p);
		PAGE_TABLE_FOREACH(&p->pt, e) {
			FUZZ_ASSERT(!e->present || (e->frame >= 0 &&
			    (unsigned)e->frame < m->cfg.frames &&
			    m->frames[e->frame].pid == p->pid &&
			    m->frames[e->frame].vpn == e->vpn));
			FUZZ_ASSERT(e->slot < 0 || ((unsigned)e->slot < m->cfg.swap_slots &&
			    machine_swap_slot(m, (unsigned)e->slot).pid == p->pid &&
			    machine_swap_slot(m, (unsigned)e->slot).vpn == e->vpn));
			FUZZ_ASSERT(!e->dirty || e->present);
		}
		FUZZ_ASSERT(whole ? present_in(p) == p->resident : present_in(p) <= p->resident);
		resident += p->resident;
	}
	FUZZ_ASSERT(resident + m->free_frames == m->cfg.frames);
}

static void
check_tlb(const struct machine *m)
{
	unsigned i;

	for (i = 0; i < m->tlb.n; i++) {
		const struct tlb_entry *t = &m->tlb.e[i];
		const struct process *p;
		const struct pte *e;

		if (t->pid == 0)
			continue;
		FUZZ_ASSERT((p = machine_process(m, t->pid)) != NULL);
		e = page_table_find(&p->pt, t->vpn);
		FUZZ_ASSERT(e != NULL && e->present && e->frame == t->frame);
	}
}

/* What must hold between operations (whole), or part-way through one. */
static void
check_structure(const struct machine *m, bool whole)
{
	check_frames(m, whole);
	check_swap(m);
	check_processes(m, whole);
	check_tlb(m);
}

/* What must hold between operations. */
static void
check_counters(const struct machine *m)
{
	const struct stats *s = &m->stats;
	uint64_t faults = 0;
	size_t pid;

	FUZZ_ASSERT(s->accesses == s->hits + s->faults + s->segfaults + s->protection_faults);
	FUZZ_ASSERT(s->faults == s->zero_fills + s->swap_ins + s->out_of_memory);
	FUZZ_ASSERT(s->writebacks <= s->evictions && s->evictions <= s->faults);
	if (m->cfg.tlb_entries)
		FUZZ_ASSERT(s->tlb_hits + s->tlb_misses == s->accesses);
	else
		FUZZ_ASSERT(s->tlb_hits == 0 && s->tlb_misses == 0);
	for (pid = 1; pid < m->procs_cap; pid++)
		if (m->procs[pid])
			faults += m->procs[pid]->faults;
	FUZZ_ASSERT(faults == s->faults);
}

/* The same operation without events, and stopped after `stop` events. */
static void
check_other_ways(const struct machine *before, const struct op *op,
		 const struct machine *after, unsigned stop)
{
	struct machine *quiet = machine_clone(before), *part = machine_clone(before);
	static struct event_list events;
	char err[256];

	FUZZ_ASSERT(engine_apply(quiet, op, NULL, err, sizeof err) == 0);
	FUZZ_ASSERT(memcmp(&quiet->stats, &after->stats, sizeof after->stats) == 0);
	FUZZ_ASSERT(quiet->free_frames == after->free_frames);
	FUZZ_ASSERT(quiet->swap_used == after->swap_used);
	FUZZ_ASSERT(engine_apply_partial(part, op, &events, stop, err, sizeof err) == 0);
	FUZZ_ASSERT(events.n <= stop);
	check_structure(part, false);
	machine_free(quiet);
	machine_free(part);
}

void
fuzz_engine(const uint8_t *data, size_t size)
{
	static struct event_list events;
	struct machine_config cfg;
	struct machine *m, *before;
	char line[LINE_MAX_FUZZ], err[256];
	struct cmd_error cerr;
	size_t at = 4, n, ops = 0;
	struct op op;
	bool flat;

	if (size < 4)
		return;
	machine_from(data, &cfg, &flat);
	m = flat ? machine_new_flat(&cfg, "app", PERM_R | PERM_W | PERM_X) : machine_new(&cfg);
	FUZZ_ASSERT(m != NULL);
	while (at < size && ops++ < OPS_MAX) {
		for (n = 0; at + n < size && data[at + n] != '\n'; n++)
			;
		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1),
		    (const char *)data + at);
		at += n + 1;
		if (cmd_parse(line, &op, &cerr) != 0 || op.kind == OP_NONE)
			continue;
		before = machine_clone(m);
		if (engine_apply(m, &op, &events, err, sizeof err) == 0) {
			check_structure(m, true);
			check_counters(m);
			check_other_ways(before, &op, m, (unsigned)(n % 13));
		} else
			FUZZ_ASSERT(err[0] != '\0');
		machine_free(before);
	}
	machine_free(m);
}
