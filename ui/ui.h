/*
 * ui.h - the live terminal front end.
 *
 * The UI reads engine state and the engine's events; it never decides
 * anything about memory behaviour.
 */
#ifndef VMSCOPE_UI_H
#define VMSCOPE_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"

struct ui_options {
	bool ascii;         /* --ascii, or no UTF-8 locale: draw ASCII only */
	bool no_color;      /* --no-color or NO_COLOR */
	bool projector;     /* --projector: start in projector mode */
	bool quiz;          /* --quiz: start with the quiz on */
};

/*
 * Runs the UI on s until the user quits.  Restores the terminal on every
 * exit path.  Returns the process exit status (0, or 1 with err filled in
 * when the terminal cannot be used).
 */
int ui_run(struct session *s, const struct ui_options *opt, char *err, size_t size);

#endif
