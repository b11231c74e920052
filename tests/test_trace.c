/*
 * test_trace.c - the trace readers: each format, page-spanning lackey
 * accesses, CRLF, standard input, reads across the read buffer's edge,
 * and every error with its message.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "trace.h"

#define MAX_OPS 64
#define PAGE 4096

struct want {
	char access;
	uint64_t addr;
	uint64_t where;         /* line, or item of a string */
};

struct got {
	size_t n;
	struct op ops[MAX_OPS];
	uint64_t where[MAX_OPS];
	char err[512];
	int rc;                 /* the last trace_next() */
};

/* Writes len bytes to a new temporary file; the caller unlinks it. */
static char *
temp_file(const char *text, size_t len)
{
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *path = malloc(strlen(dir) + 32);
	int fd;

	assert_non_null(path);
	sprintf(path, "%s/test_trace.XXXXXX", dir);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return path;
}

/*
 * The next op, read on odd rounds as batch --quiet reads a plain access
 * (trace_next_accesses) and otherwise by trace_next: every test of the
 * readers holds both to the same answers.
 */
static int
next_op(struct trace *t, unsigned round, struct op *op, uint64_t *where, char *err,
	size_t size)
{
	struct op_access in;
	int rc;

	if (round % 2 && trace_next_accesses(t, &in, where, 1) == 1) {
		*op = (struct op){ .kind = OP_ACCESS, .access = in.access, .pid = in.pid,
				   .addr = in.addr };
		return 1;
	}
	rc = trace_next(t, op, err, size);
	*where = trace_position(t);
	return rc;
}

static void
drain(struct trace *t, struct got *g)
{
	memset(g, 0, sizeof *g);
	while (g->n < MAX_OPS && (g->rc = next_op(t, (unsigned)g->n, &g->ops[g->n],
						  &g->where[g->n], g->err, sizeof g->err)) > 0)
		g->n++;
}

/* Reads the len bytes of `bytes` as a file in `format`. */
static void
read_bytes(const char *bytes, size_t len, enum trace_format format, struct got *g,
	   char **path)
{
	char err[256];
	struct trace *t;

	*path = temp_file(bytes, len);
	t = trace_open(*path, format, PAGE, err, sizeof err);
	assert_non_null(t);
	drain(t, g);
	trace_close(t);
}

/* Reads `text` as a file in `format`. */
static void
read_text(const char *text, enum trace_format format, struct got *g, char **path)
{
	read_bytes(text, strlen(text), format, g, path);
}

static void
assert_ops(const struct got *g, const struct want *w, size_t n)
{
	size_t i;

	if (g->n != n)
		fail_msg("got %zu ops, wanted %zu (%s)", g->n, n, g->err);
	for (i = 0; i < n; i++) {
		assert_int_equal(g->ops[i].kind, OP_ACCESS);
		assert_int_equal(g->ops[i].access, w[i].access);
		assert_int_equal(g->ops[i].pid, 0);
		if (g->ops[i].addr != w[i].addr)
			fail_msg("op %zu: address 0x%llx, wanted 0x%llx", i,
				 (unsigned long long)g->ops[i].addr,
				 (unsigned long long)w[i].addr);
		assert_int_equal(g->where[i], w[i].where);
	}
}

/* The file's name followed by `rest` ("FILE:3: ..."). */
static void
assert_file_error(const struct got *g, const char *path, const char *rest)
{
	char want[1024];

	snprintf(want, sizeof want, "%s%s", path, rest);
	assert_int_equal(g->rc, -1);
	assert_string_equal(g->err, want);
}

static void
t_format_names(void **state)
{
	(void)state;
	assert_int_equal(trace_format_find("pages"), TRACE_PAGES);
	assert_int_equal(trace_format_find("lackey"), TRACE_LACKEY);
	assert_int_equal(trace_format_find("addr"), TRACE_ADDR);
	assert_int_equal(trace_format_find("script"), TRACE_SCRIPT);
	assert_int_equal(trace_format_find("Pages"), -1);
	assert_int_equal(trace_format_find(""), -1);
}

static void
t_pages_file(void **state)
{
	static const struct want w[] = {
		{ 'r', 1 * PAGE, 1 }, { 'r', 2 * PAGE, 1 }, { 'r', 3 * PAGE, 1 },
		{ 'r', 4 * PAGE, 2 }, { 'r', 5 * PAGE, 2 }, { 'r', 16 * PAGE, 4 },
		{ 'r', 3 * PAGE, 4 }, { 'r', 7 * PAGE, 6 }, { 'r', 0, 7 },
	};
	struct got g;
	char *path;

	(void)state;
	read_text("1 2,3\n4 ,5\r\n\n\t0x10 0B11\n# 9 is a comment\n7,\n0", TRACE_PAGES,
		  &g, &path);
	assert_int_equal(g.rc, 0);
	assert_ops(&g, w, sizeof w / sizeof w[0]);
	unlink(path);
	free(path);
}

static void
t_pages_string(void **state)
{
	static const struct want w[] = {
		{ 'r', 1 * PAGE, 1 }, { 'r', 2 * PAGE, 2 }, { 'r', 0x1f * PAGE, 3 },
		{ 'r', 5 * PAGE, 4 },
	};
	struct trace *t = trace_open_string(" 1, 2 ,0x1f,0b101 ", "--pages", PAGE);
	struct got g;

	(void)state;
	drain(t, &g);
	trace_close(t);
	assert_int_equal(g.rc, 0);
	assert_ops(&g, w, sizeof w / sizeof w[0]);
}

struct bad_string {
	const char *list;
	size_t good;            /* ops read before the error */
	const char *err;
};

static void
t_pages_string_errors(void **state)
{
	static const struct bad_string bads[] = {
		{ "1,,2", 1, "--pages: item 2: expected a page number before ',', found none" },
		{ ",1", 0, "--pages: item 1: expected a page number before ',', found none" },
		{ "1,2,", 2, "--pages: item 3: expected a page number after ',', found the end" },
		{ "1,x,3", 1, "--pages: item 2: expected a page number (decimal, 0x hex or "
		  "0b binary), found \"x\"" },
		{ "1,#2", 1, "--pages: item 2: expected a page number (decimal, 0x hex or "
		  "0b binary), found \"#2\"" },
		{ "1,\n2\n\nz", 2, "--pages: item 3: expected a page number (decimal, 0x hex "
		  "or 0b binary), found \"z\"" },
		{ "-1", 0, "--pages: item 1: expected a page number (decimal, 0x hex or "
		  "0b binary), found \"-1\"" },
		{ "4503599627370495,4503599627370496", 1, "--pages: item 2: expected a page "
		  "number of at most 4503599627370495 (pages of 4096 bytes), found "
		  "\"4503599627370496\"" },
		{ "99999999999999999999", 0, "--pages: item 1: expected a page number of at "
		  "most 4503599627370495 (pages of 4096 bytes), found \"99999999999999999999\"" },
	};
	struct got g;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		struct trace *t = trace_open_string(bads[i].list, "--pages", PAGE);

		drain(t, &g);
		trace_close(t);
		assert_int_equal(g.rc, -1);
		assert_int_equal(g.n, bads[i].good);
		assert_string_equal(g.err, bads[i].err);
	}
}

static void
t_pages_file_errors(void **state)
{
	struct got g;
	char *path;

	(void)state;
	read_text("1\n2 y\n", TRACE_PAGES, &g, &path);
	assert_int_equal(g.n, 2);
	assert_file_error(&g, path, ":2: expected a page number (decimal, 0x hex or 0b "
			  "binary), found \"y\"");
	unlink(path);
	free(path);
	read_text("1,\n", TRACE_PAGES, &g, &path);
	assert_int_equal(g.n, 1);
	assert_file_error(&g, path, ":1: expected a page number after ',', found the end");
	unlink(path);
	free(path);
	read_text("\n\n3 , , 4", TRACE_PAGES, &g, &path);
	assert_int_equal(g.n, 1);
	assert_file_error(&g, path, ":3: expected a page number before ',', found none");
	unlink(path);
	free(path);
}

static const char lackey_text[] =
	"==123== Lackey, an example Valgrind tool\n"
	"==123== Copyright (C) 2002-2017, and GNU GPL'd, by Nicholas Nethercote.\n"
	"I  04000000,3\n"
	" L 04010cd8,8\n"
	" S 1ffefffd38,8\r\n"
	" M 0401b3c8,4\n"
	"\n"
	"I  04000ffe,4\n"
	" M 00000ffc,8\n"
	"==123== \n";

static void
t_lackey(void **state)
{
	static const struct want w[] = {
		{ 'x', 0x4000000, 3 }, { 'r', 0x4010cd8, 4 }, { 'w', 0x1ffefffd38, 5 },
		{ 'r', 0x401b3c8, 6 }, { 'w', 0x401b3c8, 6 },
		/* 4 bytes from 0x4000ffe span two pages: both, in address order */
		{ 'x', 0x4000ffe, 8 }, { 'x', 0x4001000, 8 },
		/* a modify that spans: the read of both pages, then the write */
		{ 'r', 0xffc, 9 }, { 'r', 0x1000, 9 }, { 'w', 0xffc, 9 }, { 'w', 0x1000, 9 },
	};
	struct got g;
	char *path;

	(void)state;
	read_text(lackey_text, TRACE_LACKEY, &g, &path);
	assert_int_equal(g.rc, 0);
	assert_ops(&g, w, sizeof w / sizeof w[0]);
	unlink(path);
	free(path);
}

static void
t_lackey_small_pages(void **state)
{
	static const struct want w[] = {
		/* 40 bytes from 0x18 with 16-byte pages: pages 1, 2 and 3 */
		{ 'w', 0x18, 1 }, { 'w', 0x20, 1 }, { 'w', 0x30, 1 },
	};
	char err[256], *path = temp_file(" S 18,40\n", 9);
	struct trace *t = trace_open(path, TRACE_LACKEY, 16, err, sizeof err);
	struct got g;

	(void)state;
	assert_non_null(t);
	drain(t, &g);
	trace_close(t);
	assert_int_equal(g.rc, 0);
	assert_ops(&g, w, sizeof w / sizeof w[0]);
	unlink(path);
	free(path);
}

#define LACKEY_EXPECTED ": expected \"I  ADDR,SIZE\", \" L ADDR,SIZE\", \" S ADDR,SIZE\" " \
	"or \" M ADDR,SIZE\" (ADDR hex, SIZE 1..1024), found "

struct bad_line {
	const char *text;
	const char *rest;       /* the message after the file's name */
};

static void
assert_bad_lines(const struct bad_line *bads, size_t n, enum trace_format format)
{
	struct got g;
	char *path;
	size_t i;

	for (i = 0; i < n; i++) {
		read_text(bads[i].text, format, &g, &path);
		assert_int_equal(g.n, 0);
		assert_file_error(&g, path, bads[i].rest);
		unlink(path);
		free(path);
	}
}

static void
t_lackey_errors(void **state)
{
	static const struct bad_line bads[] = {
		{ "garbage\n", ":1" LACKEY_EXPECTED "\"garbage\"" },
		{ "==1==\n X 0400,4\n", ":2" LACKEY_EXPECTED "\" X 0400,4\"" },
		{ " L 0400\n", ":1" LACKEY_EXPECTED "\" L 0400\"" },
		{ " L 0400,\n", ":1" LACKEY_EXPECTED "\" L 0400,\"" },
		{ " L 0400,0\n", ":1" LACKEY_EXPECTED "\" L 0400,0\"" },
		{ " L 0400,1025\n", ":1" LACKEY_EXPECTED "\" L 0400,1025\"" },
		{ " L 0400,4 junk\n", ":1" LACKEY_EXPECTED "\" L 0400,4 junk\"" },
		{ " L zz,4\n", ":1" LACKEY_EXPECTED "\" L zz,4\"" },
		{ " L,4\n", ":1" LACKEY_EXPECTED "\" L,4\"" },
		{ "L\n", ":1" LACKEY_EXPECTED "\"L\"" },
		{ " L 10000000000000000,4\n", ":1" LACKEY_EXPECTED
		  "\" L 10000000000000000,4\"" },
		{ "==12 not valgrind\n", ":1" LACKEY_EXPECTED "\"==12 not valgrind\"" },
		{ "\"\\\x01\n", ":1" LACKEY_EXPECTED "\"\\\"\\\\\\x01\"" },
		{ "a line that goes on and on beyond forty characters\n", ":1" LACKEY_EXPECTED
		  "\"a line that goes on and on beyond forty ...\"" },
		{ " L ffffffffffffffff,8\n", ":1: expected an access below 2^64, found 8 "
		  "bytes at 0xffffffffffffffff" },
	};

	(void)state;
	assert_bad_lines(bads, sizeof bads / sizeof bads[0], TRACE_LACKEY);
}

static void
t_long_line_and_nul(void **state)
{
	char text[1100], *path;
	struct got g;

	(void)state;
	memset(text, ' ', sizeof text);
	memcpy(text, " L 10,4", 7);
	text[sizeof text - 1] = '\n';
	read_bytes(text, sizeof text, TRACE_LACKEY, &g, &path);
	assert_file_error(&g, path, ":1: expected a line of at most 1023 characters, "
			  "found a longer one");
	unlink(path);
	free(path);
	read_bytes(" L 10,4\n L 1\0,4\n", 16, TRACE_LACKEY, &g, &path);
	assert_int_equal(g.n, 1);
	assert_file_error(&g, path, ":2: expected text, found a NUL byte (is this a "
			  "binary file?)");
	unlink(path);
	free(path);
}

static void
t_addr(void **state)
{
	static const struct want w[] = {
		{ 'r', 0x7fff, 1 }, { 'w', 0x1000, 2 }, { 'w', 0xabc, 5 }, { 'r', 0, 6 },
	};
	struct got g;
	char *path;

	(void)state;
	read_text("0x7fff R\n1000 w\n\n# a comment\n  ABC\tW \r\n0X0 r", TRACE_ADDR, &g,
		  &path);
	assert_int_equal(g.rc, 0);
	assert_ops(&g, w, sizeof w / sizeof w[0]);
	unlink(path);
	free(path);
}

#define ADDR_EXPECTED ": expected \"HEXADDR R\" or \"HEXADDR W\", found "

static void
t_addr_errors(void **state)
{
	static const struct bad_line bads[] = {
		{ "0x7fff X\n", ":1" ADDR_EXPECTED "\"0x7fff X\"" },
		{ "7fff\n", ":1" ADDR_EXPECTED "\"7fff\"" },
		{ "zz R\n", ":1" ADDR_EXPECTED "\"zz R\"" },
		{ "0x R\n", ":1" ADDR_EXPECTED "\"0x R\"" },
		{ "0x10 R extra\n", ":1" ADDR_EXPECTED "\"0x10 R extra\"" },
		{ "0x10 RW\n", ":1" ADDR_EXPECTED "\"0x10 RW\"" },
		{ "0x10R\n", ":1" ADDR_EXPECTED "\"0x10R\"" },
	};

	(void)state;
	assert_bad_lines(bads, sizeof bads / sizeof bads[0], TRACE_ADDR);
}

static void
t_script(void **state)
{
	struct got g;
	char *path;

	(void)state;
	read_text("spawn b\r\nr 0x10\r\n\r\n# comment\r\n  w 2:0x20 # two\r\ntlb flush",
		  TRACE_SCRIPT, &g, &path);
	assert_int_equal(g.rc, 0);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.ops[0].kind, OP_SPAWN);
	assert_string_equal(g.ops[0].name, "b");
	assert_int_equal(g.ops[1].kind, OP_ACCESS);
	assert_int_equal(g.ops[1].addr, 0x10);
	assert_int_equal(g.ops[2].pid, 2);
	assert_int_equal(g.ops[2].access, 'w');
	assert_int_equal(g.ops[3].kind, OP_TLB_FLUSH);
	assert_int_equal(g.where[2], 5);
	assert_int_equal(g.where[3], 6);
	unlink(path);
	free(path);
}

static void
t_script_errors(void **state)
{
	static const struct bad_line bads[] = {
		{ "# fine\nr 0xZZ\n", ":2: bad number at column 3 (expected decimal, 0x hex "
		  "or 0b binary)" },
		{ "frobnicate 3\n", ":1: unknown command \"frobnicate\" at column 1 (expected "
		  "r, w, x, spawn, switch, exit, map, unmap, limit, tlb flush, fork, share, cgroup "
		  "or hugemap)" },
	};
	struct got g;
	char *path;

	(void)state;
	read_text(bads[0].text, TRACE_SCRIPT, &g, &path);
	assert_file_error(&g, path, bads[0].rest);
	unlink(path);
	free(path);
	assert_bad_lines(bads + 1, 1, TRACE_SCRIPT);
}

static void
t_stdin(void **state)
{
	static const struct want w[] = { { 'r', 2 * PAGE, 1 }, { 'r', 3 * PAGE, 2 } };
	char err[256], *path = temp_file("2\n3\nq\n", 6);
	struct trace *t;
	struct got g;

	(void)state;
	assert_non_null(freopen(path, "r", stdin));
	t = trace_open("-", TRACE_PAGES, PAGE, err, sizeof err);
	assert_non_null(t);
	drain(t, &g);
	trace_close(t);
	assert_ops(&g, w, 2);
	assert_string_equal(g.err, "stdin:3: expected a page number (decimal, 0x hex or "
			    "0b binary), found \"q\"");
	unlink(path);
	free(path);
}

static void
t_open_and_read_failures(void **state)
{
	const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	struct trace *t;
	char err[256], want[512];
	struct got g;

	(void)state;
	t = trace_open("/nonexistent/trace", TRACE_LACKEY, PAGE, err, sizeof err);
	assert_null(t);
	assert_string_equal(err, "cannot open /nonexistent/trace: No such file or directory");
	t = trace_open(dir, TRACE_LACKEY, PAGE, err, sizeof err);
	assert_non_null(t);
	drain(t, &g);
	trace_close(t);
	snprintf(want, sizeof want, "%s: Is a directory", dir);
	assert_int_equal(g.rc, -1);
	assert_string_equal(g.err, want);
}

/* Items and lines that straddle the 64 KiB read buffer come out whole. */
static void
t_across_the_buffer(void **state)
{
	size_t cap = 200000, n = 0, count = 0;
	char *text = malloc(cap), *path, err[256];
	struct trace *t;
	struct op op;
	int rc;

	(void)state;
	while (n + 16 < cap)
		n += (size_t)sprintf(text + n, "%zu,", count++);
	n += (size_t)sprintf(text + n, "%zu", count++);
	path = temp_file(text, n);
	t = trace_open(path, TRACE_PAGES, 16, err, sizeof err);
	for (n = 0; (rc = trace_next(t, &op, err, sizeof err)) > 0; n++)
		if (op.addr != n * 16)
			fail_msg("item %zu read as 0x%llx", n, (unsigned long long)op.addr);
	assert_int_equal(rc, 0);
	assert_int_equal(n, count);
	trace_close(t);
	/* batch --quiet's reader, 7 items at a time, and trace_next where it stops. */
	t = trace_open(path, TRACE_PAGES, 16, err, sizeof err);
	for (n = 0;;) {
		struct op_access in[7];
		uint64_t at[7];
		size_t k = trace_next_accesses(t, in, at, 7);

		for (size_t i = 0; i < k; i++, n++)
			if (in[i].addr != n * 16 || in[i].access != ACCESS_READ || at[i] != 1)
				fail_msg("item %zu read as 0x%llx, line %llu", n,
					 (unsigned long long)in[i].addr,
					 (unsigned long long)at[i]);
		if (k == 0 && (rc = trace_next(t, &op, err, sizeof err)) <= 0)
			break;
		if (k == 0 && op.addr != n++ * 16)
			fail_msg("item %zu read as 0x%llx", n - 1, (unsigned long long)op.addr);
	}
	assert_int_equal(rc, 0);
	assert_int_equal(n, count);
	trace_close(t);
	unlink(path);
	free(path);
	free(text);
}

/*
 * batch --quiet reads a page list's lines a word at a time: every length
 * from 1 to 18 digits (the shortest, the longest and a mixed number of
 * each length), a 19-digit line it leaves to the reader behind it, each
 * read as the number it is, on its own line.
 */
static void
t_page_lines_of_every_length(void **state)
{
	const char *mixed = "987654321098765432";
	uint64_t want[3 * 18 + 1], low = 1;
	size_t count = 0, n = 0, len = 0;
	char text[4096], *path, err[256];
	struct trace *t;

	(void)state;
	for (size_t d = 1; d <= 18; d++, low *= 10) {
		want[count++] = low;
		want[count++] = low * 10 - 1;
		want[count++] = strtoull(mixed + 18 - d, NULL, 10);
	}
	want[count++] = 1000000000000000000u;   /* 19 digits */
	for (size_t i = 0; i < count; i++)
		len += (size_t)sprintf(text + len, "%llu\n", (unsigned long long)want[i]);
	path = temp_file(text, len);
	t = trace_open(path, TRACE_PAGES, 1, err, sizeof err);
	while (n < count) {
		struct op_access in[8];
		uint64_t at[8];
		size_t k = trace_next_accesses(t, in, at, 8);
		struct op op;

		for (size_t i = 0; i < k; i++, n++)
			if (in[i].addr != want[n] || at[i] != n + 1)
				fail_msg("line %zu read as %llu at line %llu", n + 1,
					 (unsigned long long)in[i].addr, (unsigned long long)at[i]);
		if (k == 0) {
			assert_int_equal(trace_next(t, &op, err, sizeof err), 1);
			if (op.addr != want[n++])
				fail_msg("line %zu read as %llu", n, (unsigned long long)op.addr);
		}
	}
	trace_close(t);
	unlink(path);
	free(path);
}

/* Line i of the trace below: five shapes in turn, at address 64 * i. */
static int
lackey_shape(char *dst, size_t i)
{
	switch (i % 5) {
	case 0: return sprintf(dst, "I  %08zx,3\n", 64 * i);
	case 1: return sprintf(dst, " L %08zx,8\r\n", 64 * i);
	case 2: return sprintf(dst, "==%zu== a message of valgrind's\n", i);
	case 3: return sprintf(dst, " M %08zx,4\n", 64 * i);
	default: return sprintf(dst, " S %08zx,8   \n", 64 * i);
	}
}

/*
 * A lackey trace past the read buffer: access lines (I, L with CRLF, M,
 * S with blanks after), valgrind's own lines, and a bad last line whose
 * message names its line number.  Whole lines are read where they lie,
 * lines cut by the buffer's edge through the line reader: both must give
 * the same accesses and count the same lines.
 */
static void
t_lackey_across_the_buffer(void **state)
{
	static const char want_kind[] = "xr-rw";
	size_t cap = 300000, n = 0, lines = 0, i, got = 0;
	char *text = malloc(cap), *path, err[256], want[64];
	struct trace *t;
	struct op op;
	int rc;

	(void)state;
	while (n + 64 < cap)
		n += (size_t)lackey_shape(text + n, lines++);
	n += (size_t)sprintf(text + n, "bad\n");
	path = temp_file(text, n);
	t = trace_open(path, TRACE_LACKEY, 4096, err, sizeof err);
	for (i = 0; i < lines; i++) {
		char kind = want_kind[i % 5];

		if (kind == '-')
			continue;
		for (int k = 0; k < (i % 5 == 3 ? 2 : 1); k++) {
			if (trace_next(t, &op, err, sizeof err) != 1)
				fail_msg("line %zu: %s", i + 1, err);
			if (op.addr != 64 * i || op.access != (k ? 'w' : kind))
				fail_msg("line %zu read as %c 0x%llx", i + 1, op.access,
					 (unsigned long long)op.addr);
			got++;
		}
	}
	rc = trace_next(t, &op, err, sizeof err);
	assert_int_equal(rc, -1);
	snprintf(want, sizeof want, ":%zu: expected", lines + 1);
	if (!strstr(err, want))
		fail_msg("the bad last line: %s", err);
	assert_true(got > 4000);
	trace_close(t);
	unlink(path);
	free(path);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_format_names),
		cmocka_unit_test(t_pages_file),
		cmocka_unit_test(t_pages_string),
		cmocka_unit_test(t_pages_string_errors),
		cmocka_unit_test(t_pages_file_errors),
		cmocka_unit_test(t_lackey),
		cmocka_unit_test(t_lackey_small_pages),
		cmocka_unit_test(t_lackey_errors),
		cmocka_unit_test(t_long_line_and_nul),
		cmocka_unit_test(t_addr),
		cmocka_unit_test(t_addr_errors),
		cmocka_unit_test(t_script),
		cmocka_unit_test(t_script_errors),
		cmocka_unit_test(t_stdin),
		cmocka_unit_test(t_open_and_read_failures),
		cmocka_unit_test(t_across_the_buffer),
		cmocka_unit_test(t_page_lines_of_every_length),
		cmocka_unit_test(t_lackey_across_the_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
