/*
 * divisor.h - the remainder by a divisor fixed in advance, with a
 * multiply and shifts in place of a division (a 64-bit division takes
 * tens of cycles, and the random policy draws one per fault, at the head
 * of everything the fault then does).
 *
 * Granlund and Montgomery's method ("Division by invariant integers using
 * multiplication", 1994, figure 4.1): for 1 <= d < 2^64 and l = ceil(log2 d),
 * m = floor(2^64 (2^l - d) / d) + 1; then for every n < 2^64,
 * t = mulhi(m, n) and n / d = (t + ((n - t) >> min(l, 1))) >> max(l - 1, 0).
 * The results are exact: the same as n % d, always.
 */
#ifndef VMSCOPE_DIVISOR_H
#define VMSCOPE_DIVISOR_H

#include <stdint.h>

struct divisor {
	uint64_t d, m;
	unsigned shift1, shift2;
};

static inline struct divisor
divisor_of(uint64_t d)
{
	unsigned l = d > 1 ? 64 - (unsigned)__builtin_clzll(d - 1) : 0;
	unsigned __int128 two_l = (unsigned __int128)1 << l;

	return (struct divisor){ .d = d,
		.m = (uint64_t)(((two_l - d) << 64) / d) + 1,
		.shift1 = l < 1 ? l : 1, .shift2 = l > 1 ? l - 1 : 0 };
}

/* n % v->d */
static inline uint64_t
divisor_remainder(const struct divisor *v, uint64_t n)
{
	uint64_t t = (uint64_t)(((unsigned __int128)v->m * n) >> 64);
	uint64_t q = (t + ((n - t) >> v->shift1)) >> v->shift2;

	return n - q * v->d;
}

#endif
