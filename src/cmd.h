/*
 * cmd.h - the command language (DESIGN §2): one parser for the UI prompt,
 * session files and batch scripts.
 *
 * Numbers are decimal, 0x hex or 0b binary.  Parsing never looks at a
 * machine: whether a pid exists or an address is in range is the engine's
 * question (engine_check).
 */
#ifndef VMSCOPE_CMD_H
#define VMSCOPE_CMD_H

#include <stddef.h>

#include "op.h"

struct cmd_error {
	unsigned column;        /* from 1: where the problem starts */
	char msg[256];          /* "bad number at column 3 (expected ...)" */
};

/*
 * Parses one line (no newline; a trailing CR is accepted).  Blank lines and
 * "# comments" give OP_NONE.  Returns 0, or -1 with err filled in and *op
 * unspecified.
 */
int cmd_parse(const char *line, struct op *op, struct cmd_error *err);

/* Writes op in canonical command form ("w 2:0x4000"); returns its length. */
size_t cmd_format(const struct op *op, char *buf, size_t size);

/* One line per command: "r ADDR | r PID:ADDR   read ...", for help screens. */
const char *cmd_usage(void);

#endif
