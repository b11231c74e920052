/*
 * lineedit.c - the prompt's line editor: a table of editing keys, and
 * printable bytes inserted at the cursor.
 */
#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "lineedit.h"

#define CTRL(c) ((c) & 0x1f)

static bool
continuation(char c)
{
	return (((unsigned char)c & 0xc0) == 0x80);
}

/* The start of the character before byte i. */
static size_t
prev_char(const struct lineedit *e, size_t i)
{
	while (i > 0 && continuation(e->buf[--i]))
		;
	return (i);
}

static size_t
next_char(const struct lineedit *e, size_t i)
{
	if (i < e->len)
		i++;
	while (i < e->len && continuation(e->buf[i]))
		i++;
	return (i);
}

static void
cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

static void
set_line(struct lineedit *e, const char *s)
{
	size_t n = strlen(s);

	if (n >= EDIT_MAX)
		n = EDIT_MAX - 1;
	memcpy(e->buf, s, n);
	e->buf[n] = '\0';
	e->len = e->cur = n;
}

static void
backspace(struct lineedit *e)
{
	if (e->cur > 0)
		cut(e, prev_char(e, e->cur), e->cur);
}

static void
delete(struct lineedit *e)
{
	if (e->cur < e->len)
		cut(e, e->cur, next_char(e, e->cur));
}

static void
left(struct lineedit *e)
{
	e->cur = prev_char(e, e->cur);
}

static void
right(struct lineedit *e)
{
	e->cur = next_char(e, e->cur);
}

static void
home(struct lineedit *e)
{
	e->cur = 0;
}

static void
end(struct lineedit *e)
{
	e->cur = e->len;
}

static void
kill_line(struct lineedit *e)
{
	cut(e, 0, e->len);
}

static void
older(struct lineedit *e)
{
	if (e->browse == 0)
		return;
	if (e->browse == e->nhist)
		memcpy(e->draft, e->buf, e->len + 1);
	set_line(e, e->hist[--e->browse]);
}

static void
newer(struct lineedit *e)
{
	if (e->browse >= e->nhist)
		return;
	e->browse++;
	set_line(e, e->browse == e->nhist ? e->draft : e->hist[e->browse]);
}

static const struct {
	int key;
	void (*fn)(struct lineedit *);
} edit_keys[] = {
	{ KEY_BACKSPACE, backspace }, { 127, backspace }, { CTRL('h'), backspace },
	{ KEY_DC, delete }, { CTRL('d'), delete },
	{ KEY_LEFT, left }, { CTRL('b'), left },
	{ KEY_RIGHT, right }, { CTRL('f'), right },
	{ KEY_HOME, home }, { CTRL('a'), home },
	{ KEY_END, end }, { CTRL('e'), end },
	{ CTRL('u'), kill_line },
	{ KEY_UP, older }, { CTRL('p'), older },
	{ KEY_DOWN, newer }, { CTRL('n'), newer },
};

static void
insert(struct lineedit *e, char c)
{
	if (e->len + 1 >= EDIT_MAX) {
		e->full = true;
		return;
	}
	memmove(e->buf + e->cur + 1, e->buf + e->cur, e->len - e->cur + 1);
	e->buf[e->cur++] = c;
	e->len++;
}

void
lineedit_start(struct lineedit *e)
{
	e->buf[0] = '\0';
	e->len = e->cur = 0;
	e->browse = e->nhist;
	e->full = false;
}

enum edit_result
lineedit_key(struct lineedit *e, int key)
{
	size_t i;

	e->full = false;
	if (key == '\n' || key == '\r' || key == KEY_ENTER)
		return (EDIT_DONE);
	if (key == 27)
		return (EDIT_CANCEL);
	for (i = 0; i < sizeof edit_keys / sizeof edit_keys[0]; i++) {
		if (edit_keys[i].key == key) {
			edit_keys[i].fn(e);
			return (EDIT_CONTINUE);
		}
	}
	if ((key >= ' ' && key < 127) || (key >= 0x80 && key <= 0xff))
		insert(e, (char)key);
	return (EDIT_CONTINUE);
}

void
lineedit_remember(struct lineedit *e, const char *line)
{
	if (line[strspn(line, " \t")] == '\0')
		return;
	if (e->nhist > 0 && strcmp(e->hist[e->nhist - 1], line) == 0)
		return;
	if (e->nhist == EDIT_HISTORY) {
		memmove(e->hist[0], e->hist[1], sizeof e->hist[0] * (EDIT_HISTORY - 1));
		e->nhist--;
	}
	snprintf(e->hist[e->nhist++], EDIT_MAX, "%s", line);
	e->browse = e->nhist;
}
