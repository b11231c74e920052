/*
 * text.c - UTF-8 text in terminal columns: width, clipping with
 * sanitising (no control characters reach the terminal), and greedy word
 * wrapping for the narration.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

/* The character at s: its bytes, its columns, whether it may be shown. */
static size_t
char_at(const char *s, int *cols, bool *ok)
{
	unsigned char c = (unsigned char)*s;
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int w;

	*cols = 1;
	if (c < 0x80) {
		*ok = (c >= 0x20 && c != 0x7f);
		return (1);
	}
	memset(&st, 0, sizeof st);
	n = mbrtowc(&wc, s, strlen(s), &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*ok = false;
		return (1);
	}
	w = wcwidth(wc);
	*ok = (w >= 0);
	if (w >= 0)
		*cols = w;
	return (n);
}

int
text_width(const char *s)
{
	int total = 0, cols;
	bool ok;

	while (*s != '\0') {
		s += char_at(s, &cols, &ok);
		total += ok ? cols : 1;
	}
	return (total);
}

int
text_clip(const char *s, int cols, bool ascii, char *out, size_t size)
{
	size_t len = 0, bytes, n;
	int used = 0, w;
	bool ok, show;

	if (size == 0)
		return (0);
	while (*s != '\0') {
		bytes = char_at(s, &w, &ok);
		show = ok && !(ascii && bytes > 1);
		if (!show)
			w = 1;
		n = show ? bytes : 1;
		if (used + w > cols || len + n >= size)
			break;
		if (show)
			memcpy(out + len, s, n);
		else
			out[len] = '?';
		len += n;
		used += w;
		s += bytes;
	}
	out[len] = '\0';
	return (used);
}

int
text_cut(const char *s, int cols, const char *more, bool ascii, char *out, size_t size)
{
	int room = cols - text_width(more);
	char *space;
	size_t n;

	if (text_width(s) <= cols || room < 1)
		return (text_clip(s, cols, ascii, out, size));
	text_clip(s, room, ascii, out, size);
	n = strlen(out);
	if (s[n] != ' ' && (space = strrchr(out, ' ')) != NULL &&
	    text_width(space) <= room / 2)
		n = (size_t)(space - out);
	while (n > 0 && strchr(" ,:;-", out[n - 1]) != NULL)
		n--;
	out[n] = '\0';
	if (n + strlen(more) < size)
		strcat(out, more);
	return (text_width(out));
}

/* Whether the first n bytes of s fit in cols columns, as text_clip shows them. */
static bool
prefix_fits(const char *s, size_t n, int cols, bool ascii)
{
	char head[1024], out[1024];

	if (n >= sizeof head)
		return (false);
	memcpy(head, s, n);
	head[n] = '\0';
	return (text_clip(head, cols + 1, ascii, out, sizeof out) <= cols);
}

/* The longest run of s before a break (each `brk` before `end`) that fits in cols. */
static size_t
fitting_break(const char *s, const char *brk, const char *end, int cols, bool ascii)
{
	size_t keep = 0;

	for (const char *at = strstr(s, brk); at != NULL && at < end; at = strstr(at + 1, brk))
		if (at > s && prefix_fits(s, (size_t)(at - s), cols, ascii))
			keep = (size_t)(at - s);
	return (keep);
}

int
text_cut_heading(const char *s, int cols, const char *sep, const char *more, bool ascii,
		 char *out, size_t size)
{
	int room = cols - text_width(more);
	const char *first_end = strstr(s, sep);
	char head[1024];
	size_t keep;

	if (text_width(s) <= cols)
		return (text_clip(s, cols, ascii, out, size));
	out[0] = '\0';
	if (room < 0)
		return (0);
	keep = fitting_break(s, sep, s + strlen(s), room, ascii);
	if (keep == 0)
		keep = fitting_break(s, " ", first_end != NULL ? first_end + 1 : s + strlen(s),
		    room, ascii);
	while (keep > 0 && strchr(" ,:;-", s[keep - 1]) != NULL)
		keep--;
	snprintf(head, sizeof head, "%.*s%s", (int)keep, s, more);
	return (text_clip(head, cols, ascii, out, size));
}

/* Bytes of s that fit in width columns; *space gets the last break. */
static size_t
fit(const char *s, int width, size_t *space)
{
	size_t i = 0, n;
	int used = 0, w;
	bool ok;

	*space = 0;
	while (s[i] != '\0') {
		n = char_at(s + i, &w, &ok);
		if (!ok)
			w = 1;
		if (used + w > width)
			break;
		if (s[i] == ' ')
			*space = i;
		used += w;
		i += n;
	}
	return (i);
}

size_t
text_wrap(const char *s, int width, text_line_fn fn, void *ctx)
{
	size_t lines = 0, n, space;
	int w;
	bool ok;

	if (width <= 0)
		return (0);
	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		n = fit(s, width, &space);
		if (s[n] != '\0' && s[n] != ' ' && space > 0)
			n = space;
		if (n == 0)     /* a character wider than the line */
			n = char_at(s, &w, &ok);
		while (n > 0 && s[n - 1] == ' ')
			n--;
		fn(ctx, s, n);
		lines++;
		s += n;
	}
	return (lines);
}
