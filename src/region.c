/*
 * region.c - inserting and cutting a process's mapped regions.
 */
#include <string.h>

#include "region.h"
#include "xalloc.h"

bool
region_overlaps(const struct process *p, uint64_t first, uint64_t n)
{
	for (size_t i = 0; i < p->nregions; i++) {
		const struct region *r = &p->regions[i];
		if (first < r->first_vpn + r->npages && r->first_vpn < first + n)
			return true;
	}
	return false;
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
region_insert(struct process *p, uint64_t first, uint64_t n, unsigned perm)
{
	size_t at = 0;

	while (at < p->nregions && p->regions[at].first_vpn < first)
		at++;
	insert_at(p, at, (struct region){ .first_vpn = first, .npages = n, .perm = perm });
}

void
region_remove(struct process *p, uint64_t first, uint64_t n)
{
	uint64_t end = first + n;

	for (size_t i = 0; i < p->nregions;) {
		struct region r = p->regions[i];
		uint64_t r_end = r.first_vpn + r.npages;

		if (r_end <= first || r.first_vpn >= end) {
			i++;
			continue;
		}
		/* Drop r, then put back the parts of it outside the cut. */
		memmove(p->regions + i, p->regions + i + 1, (p->nregions - i - 1) * sizeof r);
		p->nregions--;
		if (r_end > end)
			insert_at(p, i, (struct region){ end, r_end - end, r.perm });
		if (r.first_vpn < first)
			insert_at(p, i, (struct region){ r.first_vpn, first - r.first_vpn, r.perm });
		i += (r.first_vpn < first) + (r_end > end);
	}
}
