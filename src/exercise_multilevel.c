/*
 * exercise_multilevel.c - the kind "multilevel": a two-level page table
 * shown as the contents of its tables (the top table, then each table
 * below it in its frame), and virtual addresses to translate level by
 * level, as OSTEP's paging-multilevel-translate.py asks (by default its
 * 32-byte pages, 15-bit addresses, one-byte entries: 5 + 5 + 5 bits).
 *
 * The engine builds the tables: the valid pages are mapped and touched in
 * a drawn order, so the engine makes each table below the top in a frame
 * and the pages in others.  Every valid page is then resident, so reading
 * an address changes nothing; each is read through the engine, whose
 * TABLE WALK, PAGE-TABLE WALK and ACCESS or SEGMENTATION FAULT events give
 * the answers and their reason.  The machine has no TLB, so every read
 * walks.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "exercise.h"
#include "page_walk.h"
#include "va_split.h"

#define ADDRESSES 5
#define ENTRIES_MAX 64          /* entries of a table the problem can show */
#define VALID_TABLES 3u         /* tables below the top that hold pages */

static void
draw(struct ex_params *p, uint64_t *rng)
{
	(void)rng;
	if (!(p->given & EXP_BIT(EXP_PAGE_SIZE)))
		p->page_size = 32;
	if (!(p->given & EXP_BIT(EXP_VA_BITS)))
		p->va_bits = 15;
	if (!(p->given & EXP_BIT(EXP_LEVELS)))
		p->levels = 2;
	if (!(p->given & EXP_BIT(EXP_PTE_BYTES)))
		p->pte_bytes = 1;
	if (!(p->given & EXP_BIT(EXP_FRAMES)))
		p->frames = 128;
}

/* Maps and touches a few pages under VALID_TABLES top entries, in a drawn order. */
static int
fill(struct machine *m, uint64_t *rng, char *err, size_t size)
{
	const struct va_split *s = &m->split;
	unsigned top = 1u << s->bits[0], below = 1u << s->bits[1];
	uint64_t pages[VALID_TABLES * ENTRIES_MAX];
	unsigned n = 0;
	struct event_list ev;

	for (unsigned t = 0; t < VALID_TABLES; t++) {
		uint64_t prefix = ex_draw(rng, top);

		for (unsigned j = 0; j < below; j++) {
			uint64_t vpn = (prefix << s->shift[0]) | j;

			if (ex_draw(rng, 3) || process_region(machine_process(m, 1), vpn))
				continue;
			if (machine_map(m, 1, vpn, 1, PERM_R | PERM_W, false, err, size))
				return -1;
			pages[n++] = vpn;
		}
	}
	for (unsigned i = n; i > 1; i--) {     /* a drawn order of first touches */
		unsigned j = ex_draw(rng, i);
		uint64_t v = pages[i - 1];
		pages[i - 1] = pages[j];
		pages[j] = v;
	}
	for (unsigned i = 0; i < n; i++)
		if (ex_read(m, 1, pages[i] * m->cfg.page_size, &ev, err, size))
			return -1;
	return 0;
}

/* "-- 11 --": a table's entries in hex, "--" where empty. */
static void
say_entries(struct exercise *ex, const char *head, const int *entry, unsigned n)
{
	char line[ENTRIES_MAX * 3 + 64];
	size_t k = (size_t)snprintf(line, sizeof line, "%s", head);

	for (unsigned i = 0; i < n && k < sizeof line; i++)
		k += (size_t)(entry[i] < 0 ? snprintf(line + k, sizeof line - k, " --") :
			      snprintf(line + k, sizeof line - k, " %02x", entry[i]));
	ex_say(ex, "%s", line);
}

static void
say_tables(struct exercise *ex, const struct machine *m)
{
	const struct process *p = machine_process(m, 1);
	const struct va_split *s = &m->split;
	unsigned top = 1u << s->bits[0], below = 1u << s->bits[1];
	int entry[ENTRIES_MAX];
	char head[48];

	for (unsigned i = 0; i < top; i++) {
		const struct pt_table *t = pt_tree_find(&p->tables, 1, i);
		entry[i] = t ? t->frame : -1;
	}
	say_entries(ex, "top table:        ", entry, top);
	for (unsigned i = 0; i < top; i++) {
		const struct pt_table *t = pt_tree_find(&p->tables, 1, i);

		if (!t)
			continue;
		for (unsigned j = 0; j < below; j++) {
			const struct pte *e = page_table_find(&p->pt, ((uint64_t)i << s->shift[0]) | j);
			entry[j] = e && e->present ? e->frame : -1;
		}
		snprintf(head, sizeof head, "table in frame %02x:", t->frame);
		say_entries(ex, head, entry, below);
	}
}

/* The engine's sentences for the walk of one read, joined. */
static void
walk_reason(const struct event_list *ev, const struct machine *m, char *r, size_t size)
{
	size_t k = 0;
	char one[300];

	r[0] = '\0';
	for (unsigned i = 0; i < ev->n && k < size; i++) {
		int kind = ev->ev[i].kind;

		if (kind != EV_WALK_TABLE && kind != EV_WALK && kind != EV_ACCESS &&
		    kind != EV_SEGFAULT)
			continue;
		event_explain(&ev->ev[i], m, one, sizeof one);
		k += (size_t)snprintf(r + k, size - k, "%s%s", k ? "; " : "", one);
	}
}

static int
ask_translation(struct exercise *ex, struct machine *m, uint64_t addr, char *err,
		size_t size)
{
	struct event_list ev;
	const struct event *split, *top, *access;
	char id[40], a[32], r[400];
	unsigned long long va = addr;

	if (ex_read(m, 1, addr, &ev, err, size))
		return -1;
	split = ex_event(&ev, EV_SPLIT);
	top = ex_event(&ev, EV_WALK_TABLE);
	access = ex_event(&ev, EV_ACCESS);
	walk_reason(&ev, m, r, sizeof r);

	snprintf(id, sizeof id, "va 0x%llx top index", va);
	snprintf(a, sizeof a, "%llu", (unsigned long long)top->index);
	ex_ask(ex, id, a, r);
	snprintf(id, sizeof id, "va 0x%llx table frame", va);
	if (top->frame == NO_FRAME)
		snprintf(a, sizeof a, "-");
	else
		snprintf(a, sizeof a, "0x%x", top->frame);
	ex_ask(ex, id, a, r);
	snprintf(id, sizeof id, "va 0x%llx pte index", va);
	snprintf(a, sizeof a, "%llu",
		 (unsigned long long)va_split_index(&m->split, 1, split->vpn));
	ex_ask(ex, id, a, r);
	snprintf(id, sizeof id, "va 0x%llx pa", va);
	if (access)
		snprintf(a, sizeof a, "0x%llx", (unsigned long long)access->paddr);
	else
		snprintf(a, sizeof a, "invalid");
	ex_ask(ex, id, a, r);
	return 0;
}

/* Half the addresses on valid pages, the others anywhere. */
static uint64_t
draw_address(const struct machine *m, uint64_t *rng, unsigned i)
{
	const struct process *p = machine_process(m, 1);
	uint64_t vpns[ENTRIES_MAX * VALID_TABLES];
	size_t n = page_table_sorted_vpns(&p->pt, vpns, ENTRIES_MAX * VALID_TABLES);
	uint64_t offset = ex_draw(rng, m->cfg.page_size);

	if (i % 2 == 0 && n > 0)
		return vpns[ex_draw(rng, (unsigned)n)] * m->cfg.page_size + offset;
	return ex_draw_bits(rng, m->cfg.va_bits);
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	struct machine_config cfg;
	struct machine *m;
	int rc = 0;

	ex_machine_config(&ex->p, &cfg);
	cfg.grow_va = false;
	cfg.tlb_entries = 0;            /* every read walks the tables */
	if (machine_config_check(&cfg, err, size))
		return -1;
	if (cfg.levels != 2) {
		snprintf(err, size, "multilevel: the exercise is about two levels (--levels 2)");
		return -1;
	}
	m = machine_new(&cfg);
	if (m->split.bits[0] > 6 || m->split.bits[1] > 6 ||
	    cfg.frames < (VALID_TABLES << m->split.bits[1]) + VALID_TABLES) {
		snprintf(err, size, "multilevel: at most %d entries a table (6 index bits a "
			 "level) and frames enough for %d full tables", ENTRIES_MAX, VALID_TABLES);
		machine_free(m);
		return -1;
	}
	if (machine_add_process(m, 1, "app", err, size) || fill(m, rng, err, size)) {
		machine_free(m);
		return -1;
	}
	m->current_pid = 1;
	ex_say(ex, "Virtual addresses have %u bits: %u + %u index bits and %u offset bits;",
	       ex->p.va_bits, m->split.bits[0], m->split.bits[1], m->split.offset_bits);
	ex_say(ex, "pages are %u bytes, and physical memory has %u frames.", ex->p.page_size,
	       ex->p.frames);
	ex_say(ex, "The top table's entries give the frame of a table below it; that");
	ex_say(ex, "table's entries give the page's frame (hex, entry 0 first, -- empty):");
	say_tables(ex, m);
	ex_say(ex, "For each address: the top index, the frame of the table it leads to");
	ex_say(ex, "(- if the entry is empty), the index in that table, and the physical");
	ex_say(ex, "address or \"invalid\".  Numbers may be decimal or 0x hex.");
	for (unsigned i = 0; i < ADDRESSES && rc == 0; i++) {
		uint64_t addr;
		char id[40];

		do {            /* each address once: its ids name its questions */
			addr = draw_address(m, rng, i);
			snprintf(id, sizeof id, "va 0x%llx pa", (unsigned long long)addr);
		} while (exercise_question(ex, id));
		rc = ask_translation(ex, m, addr, err, size);
	}
	machine_free(m);
	return rc;
}

const struct ex_kind ex_multilevel = {
	.name = "multilevel",
	.summary = "addresses translated through a two-level page table",
	.params = EXP_BIT(EXP_PAGE_SIZE) | EXP_BIT(EXP_VA_BITS) | EXP_BIT(EXP_LEVELS) |
	    EXP_BIT(EXP_PTE_BYTES) | EXP_BIT(EXP_FRAMES),
	.draw = draw,
	.build = build,
};
