/*
 * slurp.h - a whole file as a NUL-terminated string, for tests that
 * compare what was written byte for byte.  Include after <cmocka.h>.
 */
#ifndef VMSCOPE_SLURP_H
#define VMSCOPE_SLURP_H

#include <stdio.h>
#include <stdlib.h>

/* The caller frees it. */
static inline char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

#endif
