/*
 * genpages.c - write a reproducible page list for `make bench`.
 *
 * usage: genpages COUNT PAGES SEED
 *
 * Writes COUNT page numbers, one a line, drawn uniformly from 0..PAGES-1
 * by splitmix64 seeded with SEED: the same list on every machine and libc,
 * in the format of OSTEP's paging-policy.py -f and of vmscope's
 * --trace-format pages.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "rng.h"

/* A uniform draw from 0..n-1, rejecting the biased top of the range. */
static uint64_t
uniform(uint64_t *state, uint64_t n)
{
	uint64_t limit, x;

	limit = UINT64_MAX - UINT64_MAX % n;
	do
		x = rng_next(state);
	while (x >= limit);
	return (x % n);
}

static uint64_t
number(const char *s, const char *what)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || *s == '-') {
		fprintf(stderr, "genpages: %s: expected a decimal number, got \"%s\"\n",
		    what, s);
		exit(2);
	}
	return (v);
}

int
main(int argc, char **argv)
{
	uint64_t count, pages, state, i;

	if (argc != 4) {
		fprintf(stderr, "usage: genpages COUNT PAGES SEED\n");
		return (2);
	}
	count = number(argv[1], "COUNT");
	pages = number(argv[2], "PAGES");
	state = number(argv[3], "SEED");
	if (pages == 0) {
		fprintf(stderr, "genpages: PAGES must be at least 1\n");
		return (2);
	}
	for (i = 0; i < count; i++)
		printf("%" PRIu64 "\n", uniform(&state, pages));
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("genpages");
		return (1);
	}
	return (0);
}
