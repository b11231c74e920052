/*
 * xalloc.h - allocation that cannot fail quietly.
 *
 * Running out of memory is the one error vmscope does not recover from:
 * these print a message and abort rather than hand back NULL.
 */
#ifndef VMSCOPE_XALLOC_H
#define VMSCOPE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n, size_t size);   /* n * size, overflow-checked */
char *xstrdup(const char *s);
void *xmemdup(const void *p, size_t size);

/* p, or if it is NULL the same message and abort: for memory that others
 * allocate, such as cJSON's. */
void *xnonnull(void *p);

#endif
