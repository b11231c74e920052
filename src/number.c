/*
 * number.c - reading decimal, 0x hex and 0b binary numbers without the C
 * library's leniencies (no sign, no leading blanks, no octal, no partial
 * reads), with overflow past 64 bits reported rather than clamped.  The
 * overflow checks are the compiler's (no division per digit).  The trace
 * readers' number_scan is in number.h.
 */
#include <stdio.h>

#include "number.h"

const unsigned char number_digit_plus_one[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
	['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

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
		if ((d = number_digit(s[i], base)) < 0)
			return NUMBER_BAD;
		if (__builtin_mul_overflow(v, base, &v) ||
		    __builtin_add_overflow(v, (unsigned)d, &v))
			status = NUMBER_TOO_LARGE;
	}
	if (status == NUMBER_OK)
		*out = v;
	return status;
}

void
number_bytes_text(uint64_t bytes, char *buf, size_t size)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	unsigned u = 0;

	while (bytes && bytes % 1024 == 0 && u + 1 < sizeof units / sizeof units[0]) {
		bytes /= 1024;
		u++;
	}
	snprintf(buf, size, "%llu %s", (unsigned long long)bytes, units[u]);
}
