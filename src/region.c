/*
 * region.c - finding, inserting and cutting a process's mapped regions.
 * They are kept sorted and disjoint, so every lookup is a binary search:
 * a process with 200,000 regions costs an access about 18 steps, not
 * 200,000.
 */
#include <string.h>

#include "region.h"
#include "xalloc.h"

/* Whether r ends at or before vpn (no overflow at the top of a 64-bit space). */
static bool
ends_by(const struct region *r, uint64_t vpn)
{
	return vpn >= r->first_vpn && vpn - r->first_vpn >= r->npages;
}

/* Whether r starts before first + n (no overflow either). */
static bool
starts_before(const struct region *r, uint64_t first, uint64_t n)
{
	return r->first_vpn < first || r->first_vpn - first < n;
}

size_t
region_after(const struct process *p, uint64_t vpn)
{
	size_t lo = 0, hi = p->nregions;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ends_by(&p->regions[mid], vpn))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct region *
process_region_search(const struct process *p, uint64_t vpn)
{
	size_t i = region_after(p, vpn);

	return i < p->nregions && p->regions[i].first_vpn <= vpn ? &p->regions[i] : NULL;
}

bool
region_overlaps(const struct process *p, uint64_t first, uint64_t n)
{
	size_t i = region_after(p, first);

	return i < p->nregions && starts_before(&p->regions[i], first, n);
}

static void
insert_at(struct process *p, size_t at, struct region r)
{
	if (p->nregions == p->regions_cap) {
		p->regions_cap = p->regions_cap ? p->regions_cap * 2 : 4;
		p->regions = xrealloc(p->regions, p->regions_cap, sizeof *p->regions);
	}
	memmove(p->regions + at + 1, p->regions + at, (p->nregions - at) * sizeof r);
	p->regions[at] = r;
	p->nregions++;
}

void
region_insert(struct process *p, uint64_t first, uint64_t n, unsigned perm, bool huge)
{
	insert_at(p, region_after(p, first),
	    (struct region){ .first_vpn = first, .npages = n, .perm = perm, .huge = huge });
}

uint64_t
region_remove(struct process *p, uint64_t first, uint64_t n)
{
	uint64_t end = first + n, removed = 0;
	size_t i = region_after(p, first);

	while (i < p->nregions && starts_before(&p->regions[i], first, n)) {
		struct region r = p->regions[i];
		uint64_t r_end = r.first_vpn + r.npages;

		/* Drop r, then put back the parts of it outside the cut. */
		memmove(p->regions + i, p->regions + i + 1, (p->nregions - i - 1) * sizeof r);
		p->nregions--;
		removed += (r_end < end ? r_end : end) - (r.first_vpn > first ? r.first_vpn : first);
		if (r_end > end)
			insert_at(p, i, (struct region){ end, r_end - end, r.perm, r.huge });
		if (r.first_vpn < first)
			insert_at(p, i, (struct region){ r.first_vpn, first - r.first_vpn, r.perm, r.huge });
		i += (r.first_vpn < first) + (r_end > end);
	}
	return removed;
}
