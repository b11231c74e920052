/*
 * number.h - the one reading of numbers shared by the command language,
 * the trace readers and the command-line options: decimal, 0x hex or 0b
 * binary (prefix and digits in either case), at most 64 bits.
 */
#ifndef VMSCOPE_NUMBER_H
#define VMSCOPE_NUMBER_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
 * Writes a size in bytes in the largest binary unit that holds it exactly
 * ("512 B", "12 KiB", "2 MiB", "2060 KiB"), so no figure is rounded.
 */
void number_bytes_text(uint64_t bytes, char *buf, size_t size);

/* Each character's digit value plus one; 0 for a character that is no digit. */
extern const unsigned char number_digit_plus_one[256];

/* The value of digit c in base `base` (at most 16), or -1. */
static inline int
number_digit(char c, unsigned base)
{
	unsigned v = base == 10 ? (unsigned)(unsigned char)c - '0'
				: number_digit_plus_one[(unsigned char)c] - 1u;

	return v < base ? (int)v : -1;
}

/*
 * Reads the digits of `base` (10 or 16, no prefix) at the start of s, up
 * to the first other character, into *out.  Returns how many there were,
 * or 0 (and *out untouched) if none or their value is past max.  For the
 * trace formats, whose numbers end inside a line: inline, so each call's
 * base is a constant, and the digits are read with no overflow check
 * unless there are more than 15 (hex) or 19 (decimal), the most that
 * cannot pass 2^64 - 1 (millions of numbers pass through here).
 */
static inline size_t
number_scan(const char *s, unsigned base, uint64_t max, uint64_t *out)
{
	size_t n, safe = base == 16 ? 15 : 19;
	uint64_t v = 0;
	int d;

	for (n = 0; (d = number_digit(s[n], base)) >= 0; n++)
		v = v * base + (unsigned)d;
	if (n > safe) {         /* rare: read again, watching for overflow */
		v = 0;
		for (size_t i = 0; i < n; i++)
			if (__builtin_mul_overflow(v, base, &v) ||
			    __builtin_add_overflow(v, (unsigned)number_digit(s[i], base), &v))
				return 0;
	}
	if (n == 0 || v > max)
		return 0;
	*out = v;
	return n;
}

/*
 * Reads the decimal digits at the start of s, a word at a time: s must
 * have 8 readable bytes (a buffer's slack past its NUL will do).  Returns
 * how many digits there are, from 0 to 7, with their value in *out; or 8
 * when there are 8 or more and *out is untouched (read them with
 * number_scan).
 */
static inline unsigned
number_scan_word(const char *s, uint64_t *out)
{
	const uint64_t ones = 0x0101010101010101u, high = 0xf0 * ones, zeros = '0' * ones;
	uint64_t w, not_digit, v;
	unsigned n;

	memcpy(&w, s, sizeof w);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);       /* the first character in the lowest byte */
#endif
	/* A byte is a digit when its high nibble is 3, and still is once 6
	 * is added (a carry out of a byte only reaches those after it). */
	not_digit = ((w & high) ^ zeros) | (((w + 6 * ones) & high) ^ zeros);
	if (!not_digit)
		return 8;
	n = (unsigned)__builtin_ctzll(not_digit) / 8;
	if (n == 0)
		return 0;
	/* The digits' values, moved up so the missing leading ones are 0,
	 * then summed in pairs, fours and the eight. */
	v = (w - zeros) << (8 * (8 - n));
	v = ((v & 0x0f0f0f0f0f0f0f0fu) * 2561) >> 8;
	v = ((v & 0x00ff00ff00ff00ffu) * 6553601) >> 16;
	*out = ((v & 0x0000ffff0000ffffu) * 42949672960001u) >> 32;
	return n;
}

#endif
