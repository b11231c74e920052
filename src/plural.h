/*
 * plural.h - the one rule for a counted noun's ending, so that no line
 * says "1 frames": "frame%s" with plural(n) reads "1 frame", "2 frames";
 * "access%s" with plural_es(n) reads "1 access", "2 accesses".
 */
#ifndef VMSCOPE_PLURAL_H
#define VMSCOPE_PLURAL_H

#include <stdint.h>

static inline const char *
plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

static inline const char *
plural_es(uint64_t n)
{
	return n == 1 ? "" : "es";
}

#endif
