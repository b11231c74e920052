/*
 * rng.h - splitmix64: a small, fast generator whose sequence is the same
 * on every machine and libc, so seeded runs (the random policy, benchmark
 * page lists) replay identically everywhere.
 */
#ifndef VMSCOPE_RNG_H
#define VMSCOPE_RNG_H

#include <stdint.h>

static inline uint64_t
rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

#endif
