/*
 * fuzz_cmd.c - the command parser under fuzzing.  Any line either parses
 * or gets a message with a column on the line (or just past its end, where
 * a missing argument would go, after a blank); a command that parses is
 * written by cmd_format in a form that parses again to the same text.
 */
#include <string.h>

#include "cmd.h"
#include "fuzz.h"
#include "xalloc.h"

void
fuzz_cmd(const uint8_t *data, size_t size)
{
	char *line = xmalloc(size + 1), text[512], again[512];
	struct cmd_error err;
	struct op op, op2;

	memcpy(line, data, size);
	line[size] = '\0';
	if (cmd_parse(line, &op, &err) != 0) {
		FUZZ_ASSERT(err.msg[0] != '\0');
		FUZZ_ASSERT(err.column >= 1 && err.column <= strlen(line) + 2);
	} else if (op.kind != OP_NONE) {
		cmd_format(&op, text, sizeof text);
		FUZZ_ASSERT(cmd_parse(text, &op2, &err) == 0);
		cmd_format(&op2, again, sizeof again);
		FUZZ_ASSERT(strcmp(text, again) == 0);
	}
	free(line);
}
