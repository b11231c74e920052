/*
 * lessons.h - the library of lessons: session files that teach, found by
 * name in $VMSCOPE_DATADIR/lessons (for tests), then in the installed
 * PKGDATADIR/lessons, and last in the data/lessons of the source tree
 * vmscope was built from (so an uninstalled build finds them too).
 *
 * A lesson's name is its file name without ".json"; lessons are ordered
 * by the number their name starts with ("01-two-apps" comes first), and
 * may be named without that number ("two-apps") or by the number alone
 * ("1").  The first folder that holds any lesson is the library; folders
 * are not mixed.
 */
#ifndef VMSCOPE_LESSONS_H
#define VMSCOPE_LESSONS_H

#include <stddef.h>
#include <stdio.h>

/* Prints every lesson's name and title, one a line, in order. */
void lessons_list(FILE *out);

/* The path of lesson `name` into path; 0, or -1 if there is no such lesson. */
int lesson_find(const char *name, char *path, size_t size);

/* The path of the first lesson; 0, or -1 if no lesson is installed. */
int lesson_first(char *path, size_t size);

#endif
