/*
 * trace.h - streaming readers of work: page lists, valgrind lackey traces,
 * address traces and command scripts, turned into operations one at a
 * time in constant memory (one fixed read buffer, lines read in place).
 *
 * Formats:
 *   pages   page numbers separated by blanks or commas; page n is a read
 *           of address n * page_size in the current process.  In a file,
 *           '#' starts a comment that runs to the end of the line.
 *   lackey  `valgrind --tool=lackey --trace-mem=yes` output: "I  ADDR,SIZE"
 *           executes, " L" reads, " S" writes, " M" reads then writes the
 *           same bytes.  An access whose bytes span pages touches each of
 *           them, in address order.  "==PID==" lines and blank lines are
 *           skipped; anything else is an error.
 *   addr    lines "HEXADDR R" or "HEXADDR W" (an optional 0x; R and W in
 *           either case); blank lines and '#' comment lines are skipped.
 *   script  command-language lines (cmd.h); blank lines and comments are
 *           skipped; CRLF line ends are accepted.
 * A file may start with a UTF-8 byte order mark.  A line (or a page
 * list's comment) is at most 1023 characters and holds no NUL: longer or
 * binary input is refused as soon as it is seen, never read to its end.
 * Nothing else is skipped: every error names "FILE:LINE" (or, for a page
 * list given as a string, "LABEL: item N"), what was expected and what was
 * found.
 */
#ifndef VMSCOPE_TRACE_H
#define VMSCOPE_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "op.h"

enum trace_format { TRACE_PAGES, TRACE_LACKEY, TRACE_ADDR, TRACE_SCRIPT };

/* The format called `name` ("pages", "lackey", "addr", "script"), or -1. */
int trace_format_find(const char *name);

struct trace;

/*
 * Opens `path` ("-" reads standard input) in `format`.  page_size (a power
 * of two) turns page numbers into addresses and finds page boundaries.
 * Returns the reader, or NULL with a message if the file cannot be opened.
 */
struct trace *trace_open(const char *path, enum trace_format format,
			 unsigned page_size, char *err, size_t size);

/*
 * A page list held in a string, items separated by commas (blanks around
 * them are allowed); `label` ("--pages") names it in messages.  The string
 * must outlive the reader.
 */
struct trace *trace_open_string(const char *text, const char *label, unsigned page_size);

/*
 * Reads the next operation into *op.  Returns 1, 0 at the end, or -1 with
 * err filled in ("FILE:LINE: expected ..., found ...").
 */
int trace_next(struct trace *t, struct op *op, char *err, size_t size);

/*
 * Reads up to max plain accesses in a row into in[], as trace_next would
 * one by one, with their positions (as trace_position) in at[]: batch
 * --quiet's reader, with no call per access.  Returns how many; 0 when
 * the next operation is not one it reads (trace_next reads every one).
 */
size_t trace_next_accesses(struct trace *t, struct op_access *in, uint64_t *at, size_t max);

/* Where the operation last returned came from: a line, or an item of a string. */
uint64_t trace_position(const struct trace *t);

/* Writes a position as "FILE:LINE" (or "LABEL: item N"), for messages. */
void trace_locate(const struct trace *t, uint64_t position, char *buf, size_t size);

/*
 * Puts the position in front of the message already in err ("no process
 * 3" becomes "ops.txt:7: no process 3"), for problems found after reading,
 * such as an operation the engine refuses.  Returns -1.
 */
int trace_blame(const struct trace *t, uint64_t position, char *err, size_t size);

struct op_queue;

/*
 * Reads every operation left into q (op_queue.h), at most `max` of them.
 * Returns 0, or -1 with the trace's message, or the queue's, located.
 */
int trace_read_all(struct trace *t, struct op_queue *q, size_t max, char *err, size_t size);

void trace_close(struct trace *t);

#endif
