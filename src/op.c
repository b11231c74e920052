/*
 * op.c - small facts about operations shared by the engine and OPT's
 * look-ahead, and an array of operations seen as a source.
 */
#include "op.h"

void
op_track_current(const struct op *op, int *current_pid, int *next_pid)
{
	switch (op->kind) {
	case OP_SPAWN:
		/* A new process becomes current, like an app brought to the front. */
		*current_pid = (*next_pid)++;
		break;
	case OP_FORK:
		/* The child takes a pid; the parent stays current. */
		(*next_pid)++;
		break;
	case OP_SWITCH:
		*current_pid = op->pid;
		break;
	case OP_EXIT:
		if (op->pid == *current_pid)
			*current_pid = 0;
		break;
	default:
		break;
	}
}

static const struct op *
op_in_array(const void *ctx, size_t i, struct op *scratch)
{
	(void)scratch;
	return (const struct op *)ctx + i;
}

struct op_source
op_source_array(const struct op *ops, size_t n)
{
	return (struct op_source){ n, op_in_array, ops };
}

const char *
perm_name(unsigned perm)
{
	static const char *const names[8] = {
		"-", "r", "w", "rw", "x", "rx", "wx", "rwx",
	};

	return names[perm & 7];
}
