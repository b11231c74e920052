/*
 * exercise_bits.c - the kind "bits": from the address width, the page
 * size, the size of a page-table entry and the number of levels: the
 * offset and VPN bits, the number of pages, and either the size of a
 * one-level page table or the index bits of each level and the size of
 * the top table.  The machine's own split of an address (va_split.h, as
 * the simulator walks it) gives the bits.
 */
#include <stdio.h>

#include "exercise.h"
#include "va_split.h"

static void
draw(struct ex_params *p, uint64_t *rng)
{
	static const unsigned widths[] = { 16, 20, 24, 32, 48 };
	static const unsigned sizes[] = { 256, 1024, 4096, 8192, 16384 };
	static const unsigned entries[] = { 4, 8 };
	static const unsigned levels[] = { 1, 1, 2, 3 };

	if (!(p->given & EXP_BIT(EXP_VA_BITS)))
		p->va_bits = ex_pick(rng, widths, 5);
	if (!(p->given & EXP_BIT(EXP_PAGE_SIZE)))
		p->page_size = ex_pick(rng, sizes, 5);
	if (!(p->given & EXP_BIT(EXP_PTE_BYTES)))
		p->pte_bytes = ex_pick(rng, entries, 2);
	if (!(p->given & EXP_BIT(EXP_LEVELS))) {
		p->levels = ex_pick(rng, levels, 4);
		if (p->va_bits < va_split_min_va_bits(p->page_size, p->levels, p->pte_bytes) + 1)
			p->levels = 1;
	}
}

/* "2^N" where v is a power of two, else v, for reasons. */
static void
power(uint64_t v, char *buf, size_t size)
{
	if (v && !(v & (v - 1)))
		snprintf(buf, size, "2^%d", __builtin_ctzll(v));
	else
		snprintf(buf, size, "%llu", (unsigned long long)v);
}

/* A question whose answer is a number. */
static void
ask_number(struct exercise *ex, const char *id, uint64_t v, const char *reason)
{
	char a[24];

	snprintf(a, sizeof a, "%llu", (unsigned long long)v);
	ex_ask(ex, id, a, reason);
}

static void
ask_flat_table(struct exercise *ex, uint64_t pages)
{
	char r[400], p2[32], t2[32];

	power(pages, p2, sizeof p2);
	power(pages * ex->p.pte_bytes, t2, sizeof t2);
	snprintf(r, sizeof r, "one %u-byte entry for each of the %s pages: %s x %u = %s = "
		 "%llu bytes", ex->p.pte_bytes, p2, p2, ex->p.pte_bytes, t2,
		 (unsigned long long)(pages * ex->p.pte_bytes));
	ask_number(ex, "page table bytes", pages * ex->p.pte_bytes, r);
}

static void
ask_levels(struct exercise *ex, const struct va_split *s, unsigned vpn_bits)
{
	unsigned below = s->levels > 1 ? s->bits[1] : 0;
	char id[40], r[400], t2[32];
	uint64_t top = ((uint64_t)1 << s->bits[0]) * ex->p.pte_bytes;

	for (unsigned l = 0; l < s->levels; l++) {
		snprintf(id, sizeof id, "level %u index bits", l + 1);
		if (l > 0)
			snprintf(r, sizeof r, "a table below the top fills one page: %u / %u = 2^%u "
				 "entries, so %u bits", ex->p.page_size, ex->p.pte_bytes, s->bits[l],
				 s->bits[l]);
		else
			snprintf(r, sizeof r, "the top level takes the VPN bits the %u level%s "
				 "below leave: %u - %u x %u = %u", s->levels - 1,
				 s->levels == 2 ? "" : "s", vpn_bits, s->levels - 1, below, s->bits[0]);
		ask_number(ex, id, s->bits[l], r);
	}
	power(top, t2, sizeof t2);
	snprintf(r, sizeof r, "2^%u entries of %u bytes = %s = %llu bytes", s->bits[0],
		 ex->p.pte_bytes, t2, (unsigned long long)top);
	ask_number(ex, "top table bytes", top, r);
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	struct machine *m = ex_machine(&ex->p, err, size);
	struct va_split s;
	unsigned vpn_bits;
	uint64_t pages;
	char r[400];

	(void)rng;
	if (!m)
		return -1;
	s = m->split;
	vpn_bits = m->cfg.va_bits - s.offset_bits;
	pages = machine_pages_per_process(m);
	machine_free(m);

	ex_say(ex, "A machine has %u-bit virtual addresses and %u-byte pages.", ex->p.va_bits,
	       ex->p.page_size);
	if (s.levels == 1) {
		ex_say(ex, "Its page table has one level (linear); each entry takes %u bytes.",
		       ex->p.pte_bytes);
	} else {
		ex_say(ex, "Its page table has %u levels; each entry takes %u bytes, and every",
		       s.levels, ex->p.pte_bytes);
		ex_say(ex, "table below the top fills one page.");
	}
	ex_say(ex, "How many bits of an address are the offset in the page, how many the");
	ex_say(ex, "virtual page number (VPN)?  How many pages has the address space?");
	ex_say(ex, s.levels == 1 ? "How many bytes does the page table take?" :
	       "How many bits index each level (level 1 is the top), and how many bytes "
	       "does the top table take?");
	ex_say(ex, "(Numbers may be written as 2^N.)");

	snprintf(r, sizeof r, "a page holds %u = 2^%u bytes, so the low %u bits of an address "
		 "pick the byte in the page", ex->p.page_size, s.offset_bits, s.offset_bits);
	ask_number(ex, "offset bits", s.offset_bits, r);
	snprintf(r, sizeof r, "the other %u - %u = %u high bits of the address pick the page",
		 ex->p.va_bits, s.offset_bits, vpn_bits);
	ask_number(ex, "vpn bits", vpn_bits, r);
	snprintf(r, sizeof r, "%u VPN bits name 2^%u = %llu pages", vpn_bits, vpn_bits,
		 (unsigned long long)pages);
	ask_number(ex, "number of pages", pages, r);
	if (s.levels == 1)
		ask_flat_table(ex, pages);
	else
		ask_levels(ex, &s, vpn_bits);
	return 0;
}

const struct ex_kind ex_bits = {
	.name = "bits",
	.summary = "address bits, pages and page-table size",
	.params = EXP_BIT(EXP_PAGE_SIZE) | EXP_BIT(EXP_VA_BITS) | EXP_BIT(EXP_LEVELS) |
	    EXP_BIT(EXP_PTE_BYTES),
	.draw = draw,
	.build = build,
};
