/*
 * exercise_translate.c - the kind "translate": a one-level page table,
 * some entries invalid, and virtual addresses to translate or to call
 * invalid (as OSTEP's paging-linear-translate.py asks).
 *
 * The table is made by the engine itself: the valid pages are mapped and
 * touched in the order of the frames they are to land in, while pages of
 * filler processes take the frames in between (a fault takes the lowest
 * free frame); then the fillers exit.  The table printed is the one the
 * machine then holds, and each address is read through the engine: an
 * ACCESS event gives the physical address, a SEGMENTATION FAULT an
 * invalid one.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine.h"
#include "event.h"
#include "exercise.h"
#include "op.h"
#include "xalloc.h"

#define ADDRESSES 5
#define PAGES_MAX 64

static void
draw(struct ex_params *p, uint64_t *rng)
{
	static const unsigned sizes[] = { 1024, 2048, 4096 };
	static const unsigned pages[] = { 8, 16 };
	static const unsigned times[] = { 2, 4 };

	if (!(p->given & EXP_BIT(EXP_PAGE_SIZE)))
		p->page_size = ex_pick(rng, sizes, 3);
	if (!(p->given & EXP_BIT(EXP_VA_BITS)))
		p->va_bits = (unsigned)__builtin_ctz(p->page_size * ex_pick(rng, pages, 2));
	if (!(p->given & EXP_BIT(EXP_FRAMES)))
		p->frames = ex_pick(rng, times, 2) << (p->va_bits - __builtin_ctz(p->page_size));
}

/* frame_of[v]: the frame page v is to be in (each valid one with even odds), or -1. */
static void
draw_table(uint64_t *rng, unsigned pages, unsigned frames, int *frame_of)
{
	bool *taken = xcalloc(frames, sizeof *taken);

	for (unsigned v = 0; v < pages; v++) {
		unsigned f;

		frame_of[v] = -1;
		if (ex_draw(rng, 2))
			continue;
		do
			f = ex_draw(rng, frames);
		while (taken[f]);
		taken[f] = true;
		frame_of[v] = (int)f;
	}
	free(taken);
}

/* Fills frames 0.. in order: page v of pid 1 where frame_of says, fillers elsewhere. */
static int
fill_frames(struct machine *m, const int *frame_of, unsigned pages, char *err, size_t size)
{
	struct event_list ev;
	int last = -1, filler = 1;
	uint64_t filler_page = pages;
	struct op bye = { .kind = OP_EXIT };

	for (unsigned v = 0; v < pages; v++)
		last = frame_of[v] > last ? frame_of[v] : last;
	for (int f = 0; f <= last; f++) {
		unsigned v = 0;
		while (v < pages && frame_of[v] != f)
			v++;
		if (v < pages) {
			if (ex_read(m, 1, (uint64_t)v * m->cfg.page_size, &ev, err, size))
				return -1;
			continue;
		}
		if (filler_page == pages) {
			filler++;
			filler_page = 0;
			if (machine_add_process(m, filler, "filler", err, size) ||
			    machine_map(m, filler, 0, pages, PERM_R | PERM_W, false, err, size))
				return -1;
		}
		if (ex_read(m, filler, filler_page++ * m->cfg.page_size, &ev, err, size))
			return -1;
	}
	for (bye.pid = 2; bye.pid <= filler; bye.pid++)
		if (engine_apply(m, &bye, &ev, err, size))
			return -1;
	return 0;
}

/* The machine holding the drawn table in pid 1's page table; NULL with a message. */
static struct machine *
table_machine(const struct ex_params *p, uint64_t *rng, unsigned pages, char *err,
	      size_t size)
{
	struct machine_config cfg;
	struct machine *m;
	int frame_of[PAGES_MAX];

	ex_machine_config(p, &cfg);
	if (machine_config_check(&cfg, err, size))
		return NULL;
	m = machine_new(&cfg);
	if (machine_add_process(m, 1, "app", err, size))
		goto fail;
	draw_table(rng, pages, p->frames, frame_of);
	for (unsigned v = 0; v < pages; v++)
		if (frame_of[v] >= 0 && machine_map(m, 1, v, 1, PERM_R | PERM_W, false, err, size))
			goto fail;
	if (fill_frames(m, frame_of, pages, err, size) == 0)
		return m;
fail:
	machine_free(m);
	return NULL;
}

static void
say_table(struct exercise *ex, const struct machine *m, unsigned pages)
{
	const struct process *p = machine_process(m, 1);

	ex_say(ex, "Page table (one-level; the valid bit, then the physical frame number):");
	ex_say(ex, "   VPN  valid  PFN");
	for (unsigned v = 0; v < pages; v++) {
		const struct pte *e = page_table_find(&p->pt, v);

		if (e && e->present)
			ex_say(ex, "  %4u      1  %3d", v, e->frame);
		else
			ex_say(ex, "  %4u      0    -", v);
	}
}

static int
ask_translation(struct exercise *ex, struct machine *m, uint64_t addr, char *err,
		size_t size)
{
	struct event_list ev;
	const struct event *split, *access;
	char id[40], a[32], r[400];
	unsigned long long vpn, offset;

	if (ex_read(m, 1, addr, &ev, err, size))
		return -1;
	split = ex_event(&ev, EV_SPLIT);
	access = ex_event(&ev, EV_ACCESS);
	vpn = split->vpn;
	offset = split->offset;
	snprintf(id, sizeof id, "va 0x%llx", (unsigned long long)addr);
	if (!access) {
		snprintf(r, sizeof r, "0x%llx = VPN %llu + offset 0x%llx; entry %llu is not "
			 "valid, so the access is refused (a segmentation fault)",
			 (unsigned long long)addr, vpn, offset, vpn);
		ex_ask(ex, id, "invalid", r);
		return 0;
	}
	snprintf(a, sizeof a, "0x%llx", (unsigned long long)access->paddr);
	snprintf(r, sizeof r, "0x%llx = VPN %llu + offset 0x%llx; entry %llu is valid with "
		 "PFN %d, so PA = %d x %u + 0x%llx = 0x%llx (%llu)", (unsigned long long)addr,
		 vpn, offset, vpn, access->frame, access->frame, m->cfg.page_size, offset,
		 (unsigned long long)access->paddr, (unsigned long long)access->paddr);
	ex_ask(ex, id, a, r);
	return 0;
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	unsigned bits = ex->p.va_bits - (unsigned)__builtin_ctz(ex->p.page_size);
	unsigned pages = bits < 31 ? 1u << bits : 0;
	struct machine *m;
	int rc = 0;

	if (pages == 0 || pages > PAGES_MAX || ex->p.frames < pages) {
		snprintf(err, size, "translate: the address space must have at most %d pages "
			 "(va-bits minus the page size's bits at most 6) and at most as many "
			 "pages as there are frames", PAGES_MAX);
		return -1;
	}
	if ((m = table_machine(&ex->p, rng, pages, err, size)) == NULL)
		return -1;
	ex_say(ex, "Virtual addresses have %u bits (%u pages of %u bytes); physical memory",
	       ex->p.va_bits, pages, ex->p.page_size);
	ex_say(ex, "has %u frames.", ex->p.frames);
	say_table(ex, m, pages);
	ex_say(ex, "Translate each virtual address to its physical address, or write");
	ex_say(ex, "\"invalid\" if its page is not valid.");
	for (unsigned i = 0; i < ADDRESSES && rc == 0; i++) {
		uint64_t addr;
		char id[40];

		do {            /* each address once: its id names its question */
			addr = ex_draw_bits(rng, ex->p.va_bits);
			snprintf(id, sizeof id, "va 0x%llx", (unsigned long long)addr);
		} while (exercise_question(ex, id));
		rc = ask_translation(ex, m, addr, err, size);
	}
	machine_free(m);
	return rc;
}

const struct ex_kind ex_translate = {
	.name = "translate",
	.summary = "addresses translated through a one-level page table",
	.params = EXP_BIT(EXP_PAGE_SIZE) | EXP_BIT(EXP_VA_BITS) | EXP_BIT(EXP_FRAMES),
	.draw = draw,
	.build = build,
};
