/*
 * number.c - reading decimal, 0x hex and 0b binary numbers without the C
 * library's leniencies (no sign, no leading blanks, no octal, no partial
 * reads), with overflow past 64 bits reported rather than clamped.
 */
#include "number.h"

/* The value of digit c in base `base`, or -1. */
static int
digit_value(char c, unsigned base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
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
	uint64_t most = UINT64_MAX / base;     /* v * base fits up to here */
	unsigned last = (unsigned)(UINT64_MAX % base);
	int d;

	if (i == len)
		return NUMBER_BAD;
	for (; i < len; i++) {
		if ((d = digit_value(s[i], base)) < 0)
			return NUMBER_BAD;
		if (v > most || (v == most && (unsigned)d > last))
			status = NUMBER_TOO_LARGE;
		v = v * base + (unsigned)d;
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

	for (n = 0; (d = digit_value(s[n], base)) >= 0; n++) {
		if ((unsigned)d > max || v > (max - (unsigned)d) / base)
			return 0;       /* v * base + d would pass max */
		v = v * base + (unsigned)d;
	}
	if (n > 0)
		*out = v;
	return n;
}
