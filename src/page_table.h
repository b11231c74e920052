/*
 * page_table.h - one process's page-table entries, kept sparse.
 *
 * Only pages that have been touched have an entry, so a 48-bit address
 * space costs memory in proportion to the pages used, not its size; an
 * entry outlives its page's eviction, so the engine knows a page that was
 * touched and dropped from one that never was.
 * An open-addressing hash on the VPN with linear probing; removal shifts
 * later entries back, so no tombstones pile up.
 */
#ifndef VMSCOPE_PAGE_TABLE_H
#define VMSCOPE_PAGE_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * 32 bytes, so an entry never straddles two cache lines and a table of a
 * thousand pages fits twice as well in the cache: the fields every fault
 * reads or writes are whole bytes, the rarer flags bits beside the count
 * of window references (at most TAU_MAX, 2^20).
 */
struct pte {
	uint64_t vpn;
	uint64_t evicted_step;  /* when it last left its frame; 0: never */
	int frame;              /* valid when present */
	int slot;               /* swap slot holding its contents, or -1 */
	unsigned window_refs : 30;  /* its references in the working-set window */
	bool cow : 1;           /* copy-on-write: shared since a fork, so read-only
				 * (perm lacks W) though its mapping is writable */
	bool shared : 1;        /* in a shared mapping (share): its writes are every
				 * sharer's, never copied, and it leaves memory only
				 * for a swap slot (never dropped) */
	bool used;              /* slot of the hash in use */
	bool present;           /* P: resident in `frame` */
	bool dirty;             /* D: written since it was loaded (R is the frame's) */
	uint8_t perm;           /* enum perm bits, copied from the mapping */
};

_Static_assert(sizeof(struct pte) == 32, "a PTE fills half a cache line");

struct page_table {
	struct pte *slots;
	size_t cap;         /* a power of two, or 0 */
	size_t count;
};

void page_table_init(struct page_table *pt);
void page_table_free(struct page_table *pt);
/* Makes dst an independent copy of src (dst's old contents are not freed). */
void page_table_copy(struct page_table *dst, const struct page_table *src);

/* Where the search for vpn starts: Fibonacci hashing spreads consecutive VPNs. */
static inline size_t
page_table_home(uint64_t vpn, size_t cap)
{
	return (size_t)((vpn * 0x9e3779b97f4a7c15ull) >> 32) & (cap - 1);
}

/* The entry for vpn, or NULL.  (Inline: every access looks one up.) */
static inline struct pte *
page_table_find(const struct page_table *pt, uint64_t vpn)
{
	if (!pt->cap)
		return NULL;
	for (size_t i = page_table_home(vpn, pt->cap);; i = (i + 1) & (pt->cap - 1)) {
		struct pte *e = &pt->slots[i];
		if (!e->used)
			return NULL;
		if (e->vpn == vpn)
			return e;
	}
}

/* The entry for vpn, created (not present, no slot) if missing. */
struct pte *page_table_get(struct page_table *pt, uint64_t vpn);

void page_table_remove(struct page_table *pt, uint64_t vpn);

/* Visits every entry in no particular order. */
#define PAGE_TABLE_FOREACH(pt, e) \
	for (struct pte *e = (pt)->slots; e && e < (pt)->slots + (pt)->cap; e++) \
		if (e->used)

/* Fills out[] with the touched VPNs in ascending order; returns how many. */
size_t page_table_sorted_vpns(const struct page_table *pt, uint64_t *out, size_t max);

#endif
