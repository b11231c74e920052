/*
 * region.h - a process's mapped regions: runs of pages with permissions,
 * kept sorted by first page and never overlapping, so they are searched
 * in O(log n) (process_region_search, declared in machine.h, lives here
 * too).
 */
#ifndef VMSCOPE_REGION_H
#define VMSCOPE_REGION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine.h"

/* The index of the first region that ends after vpn, or nregions if none. */
size_t region_after(const struct process *p, uint64_t vpn);

/* Whether any page of [first, first+n) is mapped. */
bool region_overlaps(const struct process *p, uint64_t first, uint64_t n);

/* Adds a region (of huge pages if `huge`); the caller has checked it overlaps nothing. */
void region_insert(struct process *p, uint64_t first, uint64_t n, unsigned perm, bool huge);

/*
 * Unmaps [first, first+n), splitting regions that straddle its ends.
 * Returns how many of those pages were mapped.
 */
uint64_t region_remove(struct process *p, uint64_t first, uint64_t n);

#endif
