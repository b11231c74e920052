/*
 * each_lesson.h - the lessons one after another, for the tests that hold
 * every lesson to something: numbers 1 to 99, each as lesson_find finds
 * it.  Include after cmocka.h.
 */
#ifndef VMSCOPE_EACH_LESSON_H
#define VMSCOPE_EACH_LESSON_H

#include <stdbool.h>
#include <stdio.h>

#include "lessons.h"
#include "session.h"

/*
 * Loads into *s the first lesson numbered above *number (start from 0),
 * its file's path into path, and moves *number to it; false past the
 * last.  A lesson that does not load fails the test.  The caller frees *s.
 */
static inline bool
lesson_next(int *number, struct session *s, char *path, size_t size)
{
	char name[12], err[1024];     /* name: any int, so no compiler warns of truncation */

	while (++*number < 100) {
		snprintf(name, sizeof name, "%d", *number);
		if (lesson_find(name, path, size) != 0)
			continue;
		if (session_load(path, s, err, sizeof err) != 0)
			fail_msg("%s", err);
		return true;
	}
	return false;
}

#endif
