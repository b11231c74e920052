/*
 * lineedit.h - the one-line editor behind the `:` prompt: insert, delete,
 * move, and a history walked with Up and Down.
 *
 * Pure apart from curses' key-code constants, so it is unit-tested.  Bytes
 * of a UTF-8 character are inserted one at a time and deleted together.
 */
#ifndef VMSCOPE_UI_LINEEDIT_H
#define VMSCOPE_UI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#define EDIT_MAX 4096          /* PATH_MAX: any path the system takes */
#define EDIT_HISTORY 32

struct lineedit {
	char buf[EDIT_MAX];
	size_t len, cur;                /* bytes; cur is the cursor */
	char hist[EDIT_HISTORY][EDIT_MAX];
	size_t nhist;                   /* oldest first */
	size_t browse;                  /* == nhist: the line being typed */
	char draft[EDIT_MAX];           /* that line, kept while browsing */
	bool full;                      /* the last key's byte did not fit */
};

enum edit_result { EDIT_CONTINUE, EDIT_DONE, EDIT_CANCEL };

/* An empty line (history kept). */
void lineedit_start(struct lineedit *e);

/*
 * Handles one key: Enter gives EDIT_DONE, Esc EDIT_CANCEL.  A byte that
 * would make the line longer than EDIT_MAX - 1 is refused and sets full.
 */
enum edit_result lineedit_key(struct lineedit *e, int key);

/* Adds a line to the history (not blank lines, not a repeat of the last). */
void lineedit_remember(struct lineedit *e, const char *line);

#endif
