/*
 * big_font.c - the letters of big_font.h: each a picture of '#' and '.',
 * five rows of the same width, most four columns wide.
 */
#include <ctype.h>
#include <string.h>

#include "big_font.h"

struct big_letter {
	char c;
	const char *rows[BIG_FONT_ROWS];
};

static const struct big_letter letters[] = {
	{ 'A', { ".##.", "#..#", "####", "#..#", "#..#" } },
	{ 'B', { "###.", "#..#", "###.", "#..#", "###." } },
	{ 'C', { ".###", "#...", "#...", "#...", ".###" } },
	{ 'D', { "###.", "#..#", "#..#", "#..#", "###." } },
	{ 'E', { "####", "#...", "###.", "#...", "####" } },
	{ 'F', { "####", "#...", "###.", "#...", "#..." } },
	{ 'G', { ".###", "#...", "#.##", "#..#", ".###" } },
	{ 'H', { "#..#", "#..#", "####", "#..#", "#..#" } },
	{ 'I', { "###", ".#.", ".#.", ".#.", "###" } },
	{ 'J', { "..##", "...#", "...#", "#..#", ".##." } },
	{ 'K', { "#..#", "#.#.", "##..", "#.#.", "#..#" } },
	{ 'L', { "#...", "#...", "#...", "#...", "####" } },
	{ 'M', { "#...#", "##.##", "#.#.#", "#...#", "#...#" } },
	{ 'N', { "#...#", "##..#", "#.#.#", "#..##", "#...#" } },
	{ 'O', { ".##.", "#..#", "#..#", "#..#", ".##." } },
	{ 'P', { "###.", "#..#", "###.", "#...", "#..." } },
	{ 'Q', { ".##.", "#..#", "#..#", "#.##", ".###" } },
	{ 'R', { "###.", "#..#", "###.", "#.#.", "#..#" } },
	{ 'S', { ".###", "#...", ".##.", "...#", "###." } },
	{ 'T', { "#####", "..#..", "..#..", "..#..", "..#.." } },
	{ 'U', { "#..#", "#..#", "#..#", "#..#", ".##." } },
	{ 'V', { "#...#", "#...#", "#...#", ".#.#.", "..#.." } },
	{ 'W', { "#...#", "#...#", "#.#.#", "##.##", "#...#" } },
	{ 'X', { "#...#", ".#.#.", "..#..", ".#.#.", "#...#" } },
	{ 'Y', { "#...#", ".#.#.", "..#..", "..#..", "..#.." } },
	{ 'Z', { "####", "...#", ".##.", "#...", "####" } },
	{ '-', { "...", "...", "###", "...", "..." } },
	{ ' ', { "..", "..", "..", "..", ".." } },
};

/* The letter for c; anything unknown is drawn as a space. */
static const struct big_letter *
letter(char c)
{
	size_t i, n = sizeof letters / sizeof letters[0];

	c = (char)toupper((unsigned char)c);
	for (i = 0; i < n; i++) {
		if (letters[i].c == c)
			return (&letters[i]);
	}
	return (&letters[n - 1]);
}

int
big_font_width(const char *s)
{
	int w = 0;

	for (; *s != '\0'; s++)
		w += (int)strlen(letter(*s)->rows[0]) + (s[1] != '\0');
	return (w);
}

/* Appends t to out[*len .. size) if it fits. */
static void
append(char *out, size_t size, size_t *len, const char *t)
{
	size_t n = strlen(t);

	if (*len + n < size) {
		memcpy(out + *len, t, n + 1);
		*len += n;
	}
}

void
big_font_row(const char *s, int row, const char *ink, char *out, size_t size)
{
	size_t len = 0;
	const char *p;

	if (size == 0)
		return;
	out[0] = '\0';
	if (row < 0 || row >= BIG_FONT_ROWS)
		return;
	for (; *s != '\0'; s++) {
		for (p = letter(*s)->rows[row]; *p != '\0'; p++)
			append(out, size, &len, *p == '#' ? ink : " ");
		if (s[1] != '\0')
			append(out, size, &len, " ");
	}
}
