/*
 * va_split.h - how a virtual address divides into the index of each
 * page-table level and the offset in the page.
 *
 * A table below the top fills one page, so its index has as many bits as
 * a page holds entries (log2(page_size / pte_bytes)); the top level takes
 * the bits that remain.  With one level the whole page number indexes one
 * flat table, as vmscope has always done.
 */
#ifndef VMSCOPE_VA_SPLIT_H
#define VMSCOPE_VA_SPLIT_H

#include <stddef.h>
#include <stdint.h>

#define LEVELS_MAX 4u

struct va_split {
	unsigned levels;
	unsigned offset_bits;
	unsigned bits[LEVELS_MAX];  /* bits[0]: the top level, walked first */
	unsigned shift[LEVELS_MAX]; /* where each index starts in the page number */
};

/*
 * Splits an address of va_bits bits with pages of page_size bytes over
 * `levels` tables of pte_bytes-byte entries.  Returns 0, or -1 with a
 * message naming the numbers when the top level would get no bit
 * ("levels: 2 levels cannot split ...").  The sizes themselves are
 * assumed checked (a power-of-two page size, pte_bytes below it).
 */
int va_split_make(struct va_split *s, unsigned page_size, unsigned va_bits,
		  unsigned levels, unsigned pte_bytes, char *err, size_t size);

/* The narrowest address that `levels` levels can split (one bit on top). */
unsigned va_split_min_va_bits(unsigned page_size, unsigned levels, unsigned pte_bytes);

/* The index that page number vpn uses at level l (0: the top). */
static inline uint64_t
va_split_index(const struct va_split *s, unsigned l, uint64_t vpn)
{
	uint64_t idx = vpn >> s->shift[l];

	return s->bits[l] >= 64 ? idx : idx & ((UINT64_C(1) << s->bits[l]) - 1);
}

/*
 * Pages covered by one entry at level l: 1 at the last level, a whole
 * table's worth of pages at the level above it, and so on.
 */
static inline uint64_t
va_split_entry_pages(const struct va_split *s, unsigned l)
{
	return UINT64_C(1) << s->shift[l];
}

/* "9+9+9+9+12": the index bits of each level, then the offset bits. */
void va_split_describe(const struct va_split *s, char *buf, size_t size);

#endif
