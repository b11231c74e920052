/*
 * modes.c - where a key goes: the action table normally, the line editor
 * while the prompt is open, y/n while a question is asked; any key closes
 * the help screen, and leaves the notes page (acting too, but for n, Esc).
 */
#include <string.h>

#include "app.h"
#include "view.h"

static unsigned
normal_key(struct app *a, int key)
{
	return (actions_key(a, key));
}

static unsigned
prompt_key(struct app *a, int key)
{
	char line[EDIT_MAX];

	switch (lineedit_key(&a->edit, key)) {
	case EDIT_CONTINUE:
		return (R_REDRAW);
	case EDIT_CANCEL:
		a->mode = MODE_NORMAL;
		return (R_REDRAW);
	case EDIT_DONE:
		break;
	}
	a->mode = MODE_NORMAL;
	a->message[0] = '\0';
	memcpy(line, a->edit.buf, a->edit.len + 1);
	if (a->prompt_for == PROMPT_SAVE_AS)
		return (command_save_as(a, line) | R_REDRAW);
	lineedit_remember(&a->edit, line);
	return (command_line(a, line) | R_REDRAW);
}

static unsigned
confirm_key(struct app *a, int key)
{
	if (key == 'y' || key == 'Y')
		return (command_answer(a, true) | R_REDRAW);
	if (key == 'n' || key == 'N' || key == 27)
		return (command_answer(a, false) | R_REDRAW);
	return (R_NONE);
}

/* Any key leaves a page of its own; a click is consumed with it. */
static unsigned
close_page(struct app *a, int key)
{
	MEVENT ev;

	if (key == KEY_MOUSE)
		getmouse(&ev);
	a->mode = MODE_NORMAL;
	return (R_REDRAW);
}

static unsigned
help_key(struct app *a, int key)
{
	if ((key == ' ' || key == KEY_NPAGE) && a->help_page + 1 < help_screen_pages(a)) {
		a->help_page++;
		return (R_REDRAW);
	}
	return (close_page(a, key));
}

/* The rows a key scrolls the notes page by (0: it does not scroll it). */
static int
notes_scroll_by(const struct app *a, int key)
{
	int page = a->layout.rows - 4 > 1 ? a->layout.rows - 4 : 1;

	switch (key) {
	case KEY_DOWN: return (1);
	case KEY_UP: return (-1);
	case KEY_NPAGE: return (page);
	case KEY_PPAGE: return (-page);
	default: return (0);
	}
}

/*
 * The notes page: the arrows and PgUp/PgDn scroll it where it is longer
 * than the screen; n or Escape go back to the session; any other key goes
 * back and does what it does there (space steps on, as lessons say).
 */
static unsigned
notes_key(struct app *a, int key)
{
	int by = notes_scroll_by(a, key), max = notes_screen_scroll_max(a);

	if (by != 0 && max > 0) {
		a->notes_scroll += by;
		a->notes_scroll = a->notes_scroll < 0 ? 0 :
		    a->notes_scroll > max ? max : a->notes_scroll;
		return (R_REDRAW);
	}
	if (key == 'n' || key == 27 || key == KEY_MOUSE)
		return (close_page(a, key));
	a->mode = MODE_NORMAL;
	return (actions_key(a, key) | R_REDRAW);
}

static unsigned (*const mode_keys[])(struct app *, int) = {
	[MODE_NORMAL] = normal_key,
	[MODE_PROMPT] = prompt_key,
	[MODE_CONFIRM] = confirm_key,
	[MODE_HELP] = help_key,
	[MODE_NOTES] = notes_key,
	[MODE_QUIZ] = quiz_mode_key,
};

unsigned
modes_key(struct app *a, int key)
{
	return (mode_keys[a->mode](a, key));
}
