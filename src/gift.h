/*
 * gift.h - exercises as a Moodle GIFT quiz (the plain-text format Moodle
 * imports): one question per question of each exercise, its text the
 * problem, its answer the right one with the reason as feedback.
 *
 * In GIFT the characters ~ = # { } : mark the question's structure, so
 * in every text they are escaped with a backslash, as is the backslash.
 * Texts are in [html] format, the problem in a <pre> block whose lines
 * are joined with GIFT's \n, so a question is one line; & < > are
 * written as HTML entities.
 */
#ifndef VMSCOPE_GIFT_H
#define VMSCOPE_GIFT_H

#include <stddef.h>
#include <stdio.h>

#include "exercise.h"

/* Writes s to out with GIFT's special characters (and HTML's) escaped. */
void gift_escape(FILE *out, const char *s);

/* Writes the questions of one exercise. */
void gift_write(const struct exercise *ex, FILE *out);

/*
 * Writes `count` exercises of kind k (seeds p->seed, p->seed + 1, ...) to
 * the file at path, replacing it only once all is written.  Returns 0, or
 * -1 with a message.
 */
int gift_export(const struct ex_kind *k, const struct ex_params *p, unsigned count,
		const char *path, char *err, size_t size);

#endif
