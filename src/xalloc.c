/*
 * xalloc.c - aborting allocators (see xalloc.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void *
xnonnull(void *p)
{
	if (!p) {
		fputs("vmscope: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *
xmalloc(size_t size)
{
	return xnonnull(malloc(size ? size : 1));
}

void *
xcalloc(size_t n, size_t size)
{
	return xnonnull(calloc(n ? n : 1, size ? size : 1));
}

void *
xrealloc(void *p, size_t n, size_t size)
{
	size_t bytes = n * size;

	if (size && n > SIZE_MAX / size)
		xnonnull(NULL);
	return xnonnull(realloc(p, bytes ? bytes : 1));
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s) + 1);
}

void *
xmemdup(const void *p, size_t size)
{
	return memcpy(xmalloc(size), p, size);
}
