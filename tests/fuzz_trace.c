/*
 * fuzz_trace.c - the trace readers under fuzzing.  The bytes become a file
 * in memory (memfd), read through trace_open as any trace file is; a page
 * list is also read as a string.  Every reader must end, with operations
 * or with a message naming where, and never crash or leak.
 */
#define _GNU_SOURCE

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "trace.h"
#include "xalloc.h"

#define PAGE_SIZE 4096

/* Reads t to its end or its first error; the reader must say where. */
static void
drain(struct trace *t)
{
	char err[512], where[256];
	struct op op;
	int rc;

	while ((rc = trace_next(t, &op, err, sizeof err)) == 1)
		continue;
	if (rc < 0) {
		FUZZ_ASSERT(err[0] != '\0');
		trace_locate(t, trace_position(t), where, sizeof where);
	}
	trace_close(t);
}

static void
as_file(const uint8_t *data, size_t size, enum trace_format format)
{
	char path[64], err[512];
	int fd = memfd_create("fuzz-trace", 0);
	struct trace *t;

	FUZZ_ASSERT(fd >= 0);
	FUZZ_ASSERT(size == 0 || write(fd, data, size) == (ssize_t)size);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	t = trace_open(path, format, PAGE_SIZE, err, sizeof err);
	FUZZ_ASSERT(t != NULL);
	drain(t);
	close(fd);
}

void
fuzz_trace_pages(const uint8_t *data, size_t size)
{
	char *text = xmalloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	drain(trace_open_string(text, "--pages", PAGE_SIZE));
	free(text);
	as_file(data, size, TRACE_PAGES);
}

void
fuzz_trace_lackey(const uint8_t *data, size_t size)
{
	as_file(data, size, TRACE_LACKEY);
}

void
fuzz_trace_addr(const uint8_t *data, size_t size)
{
	as_file(data, size, TRACE_ADDR);
}

void
fuzz_trace_script(const uint8_t *data, size_t size)
{
	as_file(data, size, TRACE_SCRIPT);
}
