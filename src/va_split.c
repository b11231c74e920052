/*
 * va_split.c - dividing a virtual address among the page-table levels
 * (see va_split.h for the rule).
 */
#include <stdio.h>

#include "va_split.h"

static unsigned
log2u(uint64_t x)
{
	unsigned n = 0;

	while (x >>= 1)
		n++;
	return n;
}

unsigned
va_split_min_va_bits(unsigned page_size, unsigned levels, unsigned pte_bytes)
{
	return log2u(page_size) + (levels - 1) * log2u(page_size / pte_bytes) + 1;
}

int
va_split_make(struct va_split *s, unsigned page_size, unsigned va_bits,
	      unsigned levels, unsigned pte_bytes, char *err, size_t size)
{
	unsigned offset_bits = log2u(page_size), vpn_bits = va_bits - offset_bits;
	unsigned table_bits = log2u(page_size / pte_bytes), below = (levels - 1) * table_bits;
	unsigned l, shift = 0;

	if (levels > 1 && vpn_bits <= below) {
		snprintf(err, size, "levels: %u levels cannot split a page number of %u bits "
			 "(va_bits %u minus %u offset bits): each level below the top takes "
			 "%u bits (a %u-byte page holds %u %u-byte entries); va_bits must be "
			 "at least %u", levels, vpn_bits, va_bits, offset_bits, table_bits,
			 page_size, page_size / pte_bytes, pte_bytes,
			 va_split_min_va_bits(page_size, levels, pte_bytes));
		return -1;
	}
	*s = (struct va_split){ .levels = levels, .offset_bits = offset_bits };
	for (l = levels; l-- > 0;) {
		s->bits[l] = l == 0 ? vpn_bits - below : table_bits;
		s->shift[l] = shift;
		shift += s->bits[l];
	}
	return 0;
}

void
va_split_describe(const struct va_split *s, char *buf, size_t size)
{
	size_t n = 0;
	unsigned l;

	buf[0] = '\0';
	for (l = 0; l < s->levels && n < size; l++)
		n += (size_t)snprintf(buf + n, size - n, "%u+", s->bits[l]);
	if (n < size)
		snprintf(buf + n, size - n, "%u", s->offset_bits);
}
