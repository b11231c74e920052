/*
 * quote.c - user bytes quoted for a message (see quote.h).
 */
#include <stdio.h>
#include <string.h>

#include "quote.h"

#define ESCAPED_MAX 4   /* the longest escape: \xNN */

/*
 * How many bytes of well-formed, printable UTF-8 start at p[0..n): 1 for
 * printable ASCII, 2 to 4 for a multi-byte character that is neither
 * overlong, a surrogate, past U+10FFFF, a C1 control nor a bidi control;
 * 0 otherwise.
 */
static size_t
printable_utf8(const unsigned char *p, size_t n)
{
	size_t len, i;

	if (p[0] >= 0x20 && p[0] < 0x7f)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((p[0] == 0xc2 && p[1] < 0xa0) ||            /* C1 controls */
	    (p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xf0 && p[1] < 0x90) ||
	    (p[0] == 0xed && p[1] > 0x9f) || (p[0] == 0xf4 && p[1] > 0x8f))
		return 0;
	if (bidi_control_at((const char *)p, len))
		return 0;
	return len;
}

unsigned
bidi_control_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c;

	if (n < 3 || p[0] != 0xe2 || (p[1] != 0x80 && p[1] != 0x81) || (p[2] & 0xc0) != 0x80)
		return 0;
	c = 0x2000u | (unsigned)(p[1] & 0x3f) << 6 | (unsigned)(p[2] & 0x3f);
	if (c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069))
		return c;
	return 0;
}

/* One byte, escaped, into tmp. */
static void
escape_byte(char *tmp, size_t size, unsigned char c)
{
	if (c == '"' || c == '\\')
		snprintf(tmp, size, "\\%c", c);
	else if (c == '\n')
		snprintf(tmp, size, "\\n");
	else if (c == '\t')
		snprintf(tmp, size, "\\t");
	else
		snprintf(tmp, size, "\\x%02x", c);
}

void
quote_bytes(char *dst, size_t size, const char *s, size_t n, size_t maxlen)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0, i = 0, k;
	char tmp[ESCAPED_MAX + 1];

	if (size < 8) {
		if (size)
			*dst = '\0';
		return;
	}
	dst[o++] = '"';
	while (i < n && i < maxlen) {
		k = printable_utf8(p + i, n - i);
		if (k == 1 && (p[i] == '"' || p[i] == '\\'))
			k = 0;
		if (k == 0) {
			escape_byte(tmp, sizeof tmp, p[i]);
		} else {
			memcpy(tmp, p + i, k);
			tmp[k] = '\0';
		}
		/* Room left for this, "...", the closing quote and the NUL. */
		if (o + strlen(tmp) + 5 > size)
			break;
		memcpy(dst + o, tmp, strlen(tmp));
		o += strlen(tmp);
		i += k ? k : 1;
	}
	if (i < n) {
		memcpy(dst + o, "...", 3);
		o += 3;
	}
	dst[o++] = '"';
	dst[o] = '\0';
}

void
quote_string(char *dst, size_t size, const char *s, size_t maxlen)
{
	quote_bytes(dst, size, s, strlen(s), maxlen);
}
