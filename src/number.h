/*
 * number.h - the one reading of numbers shared by the command language,
 * the trace readers and the command-line options: decimal, 0x hex or 0b
 * binary (prefix and digits in either case), at most 64 bits.
 */
#ifndef VMSCOPE_NUMBER_H
#define VMSCOPE_NUMBER_H

#include <stddef.h>
#include <stdint.h>

enum number_status {
	NUMBER_OK,
	NUMBER_BAD,         /* empty, a stray character, a bare prefix, a sign */
	NUMBER_TOO_LARGE,   /* well formed but past UINT64_MAX */
};

/* What a bad number was expected to be, for messages. */
#define NUMBER_EXPECTED "decimal, 0x hex or 0b binary"

/* Reads s[0..len) as a whole; *out is set only on NUMBER_OK. */
enum number_status number_parse(const char *s, size_t len, uint64_t *out);

/*
 * Reads the digits of `base` (10 or 16, no prefix) at the start of s, up
 * to the first other character, into *out.  Returns how many there were,
 * or 0 (and *out untouched) if none or their value is past max.  For the
 * trace formats, whose numbers end inside a line.
 */
size_t number_scan(const char *s, unsigned base, uint64_t max, uint64_t *out);

#endif
