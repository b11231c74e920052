/*
 * answer.c - comparing an answer with the right one, word by word.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answer.h"
#include "number.h"

#define WORD_MAX 64
#define SEPARATORS " \t,"

/* The words each right answer also accepts. */
static const char *const synonyms[][5] = {
	{ "hit", "h", NULL },
	{ "fault", "f", "miss", "m", NULL },
	{ "miss", "m", NULL },
	{ "-", "none", NULL },
	{ "invalid", "segfault", NULL },
};

/* Reads a whole-number word: decimal, 0x, 0b, or 2^N. */
static bool
whole_number(const char *w, uint64_t *v)
{
	uint64_t n;

	if (number_parse(w, strlen(w), v) == NUMBER_OK)
		return true;
	if (strncmp(w, "2^", 2) == 0 && number_parse(w + 2, strlen(w + 2), &n) == NUMBER_OK &&
	    n < 64) {
		*v = UINT64_C(1) << n;
		return true;
	}
	return false;
}

static bool
decimal(const char *w, double *v)
{
	char *end;

	if (!*w || !(isdigit((unsigned char)*w) || *w == '.'))
		return false;
	*v = strtod(w, &end);
	return *end == '\0';
}

static bool
same_word(const char *right, const char *given, double tolerance)
{
	uint64_t a, b;
	double x, y;

	if (whole_number(right, &a) && whole_number(given, &b) && a == b)
		return true;
	if (tolerance > 0 && decimal(right, &x) && decimal(given, &y))
		return x - y <= tolerance + 1e-9 && y - x <= tolerance + 1e-9;
	if (strcasecmp(right, given) == 0)
		return true;
	for (size_t i = 0; i < sizeof synonyms / sizeof synonyms[0]; i++)
		if (strcmp(synonyms[i][0], right) == 0)
			for (size_t j = 1; synonyms[i][j]; j++)
				if (strcasecmp(synonyms[i][j], given) == 0)
					return true;
	return false;
}

/* Copies the next word of *s (without a trailing %) into w; false at the end. */
static bool
next_word(const char **s, char *w)
{
	size_t n;

	*s += strspn(*s, SEPARATORS);
	n = strcspn(*s, SEPARATORS);
	if (n == 0)
		return false;
	if (n >= WORD_MAX)
		n = WORD_MAX - 1;
	memcpy(w, *s, n);
	w[n] = '\0';
	*s += strcspn(*s, SEPARATORS);
	if (n > 1 && w[n - 1] == '%')
		w[n - 1] = '\0';
	return true;
}

bool
answer_matches(const char *right, const char *given, double tolerance)
{
	char a[WORD_MAX], b[WORD_MAX];
	bool more_a, more_b;

	for (;;) {
		more_a = next_word(&right, a);
		more_b = next_word(&given, b);
		if (!more_a || !more_b)
			return more_a == more_b;
		if (!same_word(a, b, tolerance))
			return false;
	}
}
