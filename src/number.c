/*
 * number.c - reading decimal, 0x hex and 0b binary numbers without the C
 * library's leniencies (no sign, no leading blanks, no octal, no partial
 * reads), with overflow past 64 bits reported rather than clamped.  The
 * overflow checks are the compiler's (no division per digit): the trace
 * readers read millions of numbers.
 */
#include "number.h"

/* Each character's digit value plus one; 0 for a character that is no digit. */
static const unsigned char digit_plus_one[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/* The value of digit c in base `base`, or -1. */
static int
digit_value(char c, unsigned base)
{
	int v = digit_plus_one[(unsigned char)c] - 1;

	return (unsigned)v < base ? v : -1;
}

/* The base a number is written in; *skip is the length of its prefix. */
static unsigned
number_base(const char *s, size_t len, size_t *skip)
{
	*skip = 0;
	if (len < 2 || s[0] != '0')
		return 10;
	*skip = 2;
	if (s[1] == 'x' || s[1] == 'X')
		return 16;
	if (s[1] == 'b' || s[1] == 'B')
		return 2;
	*skip = 0;
	return 10;
}

enum number_status
number_parse(const char *s, size_t len, uint64_t *out)
{
	enum number_status status = NUMBER_OK;
	uint64_t v = 0;
	size_t i;
	unsigned base = number_base(s, len, &i);
	int d;

	if (i == len)
		return NUMBER_BAD;
	for (; i < len; i++) {
		if ((d = digit_value(s[i], base)) < 0)
			return NUMBER_BAD;
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, (unsigned)d, &v))
			status = NUMBER_TOO_LARGE;
	}
	if (status == NUMBER_OK)
		*out = v;
	return status;
}

size_t
number_scan(const char *s, unsigned base, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	size_t n;
	int d;

	for (n = 0; (d = digit_value(s[n], base)) >= 0; n++)
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, (unsigned)d, &v) || v > max)
			return 0;
	if (n > 0)
		*out = v;
	return n;
}
