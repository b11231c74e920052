/*
 * grade.h - grading a filled-in answer sheet (exercise_write_sheet).
 *
 * A sheet file holds one or more sheets.  Each begins "exercise: KIND",
 * then "seed: N" and the parameters (page-size, va-bits, frames, tlb,
 * policy, tau, tick, pages: those the kind reads; one left out is drawn
 * from the seed, as --exercise would), then "ID: ANSWER" lines; blank lines and
 * '#' comments are skipped.  The exercise is made again from its header,
 * so the sheet needs nothing else, and every answer is compared with the
 * right one (answer.h).  An ID line left out or left empty is wrong.
 */
#ifndef VMSCOPE_GRADE_H
#define VMSCOPE_GRADE_H

#include <stddef.h>
#include <stdio.h>

enum grade_result {
	GRADE_ALL_RIGHT = 0,
	GRADE_SOME_WRONG = 1,
	GRADE_UNREADABLE = -1,  /* err says "FILE:LINE: what was expected" */
};

/*
 * Grades the sheets of the file at path: prints to out, for each sheet,
 * "FILE: exercise KIND, seed N: R of Q right", then each wrong answer
 * with its line, the right answer and the reason.
 */
enum grade_result grade_file(const char *path, FILE *out, char *err, size_t size);

#endif
