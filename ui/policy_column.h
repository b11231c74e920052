/*
 * policy_column.h - the frames panel's column of the replacement policy's
 * state (policy_describe in src/policy.h): each frame's entry in words
 * that fit, in a wide form or a narrow one, and the column's heading.
 */
#ifndef VMSCOPE_UI_POLICY_COLUMN_H
#define VMSCOPE_UI_POLICY_COLUMN_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

/*
 * Columns every entry takes in that form (the numbers right-aligned to
 * the widest the session can reach); 0 if the policy shows nothing.
 */
int policy_column_width(const struct app *a, bool narrow);
/* The heading: the policy's long one if it fits `room` columns, else its short one. */
const char *policy_column_header(const struct app *a, int room);
/* Frame f's entry, e.g. "→ R1" (clock), "01000000" (aging), padded to the width. */
void policy_column_cell(const struct app *a, int frame, bool narrow, char *buf, size_t size);

#endif
