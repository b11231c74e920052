/*
 * answer.h - whether a student's answer says the same as the right one.
 *
 * Both are read as words separated by blanks or commas, compared word by
 * word: numbers by value (decimal, 0x hex, 0b binary or 2^N; within the
 * question's tolerance for decimals such as 58.3; a trailing % is
 * ignored), other words without regard to case, with a few synonyms
 * ("h" for hit; "miss", "m" or "f" for a page fault; "none" for "-";
 * "segfault" for invalid).
 */
#ifndef VMSCOPE_ANSWER_H
#define VMSCOPE_ANSWER_H

#include <stdbool.h>

bool answer_matches(const char *right, const char *given, double tolerance);

#endif
