/*
 * page_table.c - a sparse page table: open addressing on the VPN.
 */
#include <stdlib.h>
#include <string.h>

#include "page_table.h"
#include "xalloc.h"

#define INITIAL_CAP 16

void
page_table_init(struct page_table *pt)
{
	memset(pt, 0, sizeof *pt);
}

void
page_table_free(struct page_table *pt)
{
	free(pt->slots);
	page_table_init(pt);
}

/*
 * Room for cap entries (cap a power of two of at least INITIAL_CAP), on a
 * cache line's boundary so no entry straddles two lines.
 */
static struct pte *
slots_alloc(size_t cap)
{
	return xnonnull(aligned_alloc(64, cap * sizeof(struct pte)));
}

void
page_table_copy(struct page_table *dst, const struct page_table *src)
{
	*dst = *src;
	if (src->cap)
		dst->slots = memcpy(slots_alloc(src->cap), src->slots,
				    src->cap * sizeof *src->slots);
}

static struct pte *
insert_slot(struct page_table *pt, uint64_t vpn)
{
	size_t i = page_table_home(vpn, pt->cap);

	while (pt->slots[i].used)
		i = (i + 1) & (pt->cap - 1);
	return &pt->slots[i];
}

static void
grow(struct page_table *pt)
{
	struct page_table old = *pt;

	pt->cap = old.cap ? old.cap * 2 : INITIAL_CAP;
	pt->slots = memset(slots_alloc(pt->cap), 0, pt->cap * sizeof *pt->slots);
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].used)
			*insert_slot(pt, old.slots[i].vpn) = old.slots[i];
	free(old.slots);
}

struct pte *
page_table_get(struct page_table *pt, uint64_t vpn)
{
	struct pte *e = page_table_find(pt, vpn);

	if (e)
		return e;
	if ((pt->count + 1) * 2 > pt->cap)
		grow(pt);
	e = insert_slot(pt, vpn);
	*e = (struct pte){ .vpn = vpn, .used = true, .frame = -1, .slot = -1 };
	pt->count++;
	return e;
}

void
page_table_remove(struct page_table *pt, uint64_t vpn)
{
	struct pte *e = page_table_find(pt, vpn);
	size_t mask = pt->cap - 1, hole;

	if (!e)
		return;
	hole = (size_t)(e - pt->slots);
	pt->slots[hole].used = false;
	pt->count--;
	/* Shift back later members of the probe run so lookups still find them. */
	for (size_t i = (hole + 1) & mask; pt->slots[i].used; i = (i + 1) & mask) {
		size_t home = page_table_home(pt->slots[i].vpn, pt->cap);
		if (((i - home) & mask) >= ((i - hole) & mask)) {
			pt->slots[hole] = pt->slots[i];
			pt->slots[i].used = false;
			hole = i;
		}
	}
}

static int
cmp_vpn(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

size_t
page_table_sorted_vpns(const struct page_table *pt, uint64_t *out, size_t max)
{
	size_t n = 0;

	PAGE_TABLE_FOREACH(pt, e) {
		if (n == max)
			break;
		out[n++] = e->vpn;
	}
	qsort(out, n, sizeof *out, cmp_vpn);
	return n;
}
