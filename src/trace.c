/*
 * trace.c - the trace readers of trace.h.
 *
 * One reader serves every format: a fixed buffer refilled with fread (or a
 * string), read in place either a line at a time (lackey, addr, script:
 * the line's '\n' becomes its NUL) or an item at a time (pages, whose
 * items may all sit on one long line).  A refill keeps the unfinished
 * line or item at the front of the buffer; one longer than its limit is
 * refused as soon as the limit is passed, so endless input without a line
 * end (/dev/zero) ends at once.  Memory never grows with the length of the
 * input.  Lines and numbers are taken apart by hand and never copied: a
 * lackey trace of a small program is millions of lines.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "number.h"
#include "op_queue.h"
#include "quote.h"
#include "trace.h"
#include "xalloc.h"

#define READ_BUF   65536
#define LINE_CAP   1024        /* the longest line, with its NUL; less than READ_BUF */
#define ITEM_CAP   72          /* the longest page number read ("0b" + 64 digits) */
#define FOUND_MAX  40          /* how much of a bad line a message quotes */
#define LACKEY_SIZE_MAX 1024u  /* the widest access a lackey line may claim */

/* What is left of a lackey access: each kind, over each page it spans. */
struct span {
	char kinds[2];
	unsigned nkinds, kind;
	uint64_t addr;              /* its first byte */
	uint64_t first, last, vpn;  /* the pages it touches; the next to emit */
};

/* Reads an op: 1, 0 (the end; for a line, nothing on it), or -1 with a message. */
struct trace;
typedef int read_fn(struct trace *, struct op *, char *, size_t);

struct format {
	const char *name;
	read_fn *next;
	read_fn *line;              /* the line formats: the op on t->line */
};

struct trace {
	const struct format *fmt;
	char *name;                 /* the file, "stdin", or a string's label */
	bool is_string;
	FILE *fp;                   /* NULL for a string */
	int read_errno;             /* set once a read fails */
	bool started;               /* the first read is done (a BOM is skipped) */
	const char *data;           /* the string, or buf */
	char *buf;                  /* READ_BUF bytes, a NUL after what is read, and
				     * slack for number_scan_word */
	size_t pos, len;            /* the unread part of data */
	unsigned page_bits;
	uint64_t count;             /* lines read (files), items read (strings) */
	uint64_t where;             /* the position of the last op */
	bool comma, seen_item;      /* pages: a comma is pending; an item was read */
	uint64_t comma_at;          /* pages: the position a pending comma blames */
	struct span span;
	char *line;                 /* the current line, in buf, NUL-terminated */
	size_t line_len;
};

static read_fn next_pages, next_lines, next_lackey, line_lackey, line_addr, line_script;

static const struct format formats[] = {
	[TRACE_PAGES] = { "pages", next_pages, NULL },
	[TRACE_LACKEY] = { "lackey", next_lackey, line_lackey },
	[TRACE_ADDR] = { "addr", next_lines, line_addr },
	[TRACE_SCRIPT] = { "script", next_lines, line_script },
};
#define FORMAT_COUNT (sizeof formats / sizeof formats[0])

int
trace_format_find(const char *name)
{
	size_t i;

	for (i = 0; i < FORMAT_COUNT; i++)
		if (strcmp(formats[i].name, name) == 0)
			return (int)i;
	return -1;
}

static bool
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Whether s[..end) is all blanks (a NUL is not one). */
static bool
is_blank_until(const char *s, const char *end)
{
	while (s < end && is_blank(*s))
		s++;
	return s == end;
}

void
trace_locate(const struct trace *t, uint64_t position, char *buf, size_t size)
{
	if (t->is_string)
		snprintf(buf, size, "%s: item %llu", t->name, (unsigned long long)position);
	else
		snprintf(buf, size, "%s:%llu", t->name, (unsigned long long)position);
}

/* Writes "LOCATION: message" for `position` into err; returns -1. */
__attribute__((format(printf, 5, 6))) static int
fail_at(const struct trace *t, uint64_t position, char *err, size_t size,
	const char *fmt, ...)
{
	char where[256];
	char msg[384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	trace_locate(t, position, where, sizeof where);
	snprintf(err, size, "%s: %s", where, msg);
	return -1;
}

int
trace_blame(const struct trace *t, uint64_t position, char *err, size_t size)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s", err);
	return fail_at(t, position, err, size, "%s", msg);
}

/* ---- the reader -------------------------------------------------------- */

static const char utf8_bom[] = "\xef\xbb\xbf";

/*
 * Moves the unread bytes to the front of the buffer and reads more after
 * them.  Returns whether any came; false at the end, for a string, or once
 * a read fails (read_errno says which).  A file's leading UTF-8 byte order
 * mark is skipped, as sessions skip it.
 */
static bool
reader_refill(struct trace *t)
{
	size_t kept = t->len - t->pos, got;

	if (t->fp == NULL || t->read_errno)
		return false;
	memmove(t->buf, t->buf + t->pos, kept);
	t->pos = 0;
	got = fread(t->buf + kept, 1, READ_BUF - kept, t->fp);
	t->len = kept + got;
	t->buf[t->len] = '\0';     /* a scan for digits stops here */
	if (got == 0 && ferror(t->fp))
		t->read_errno = errno ? errno : EIO;
	if (!t->started && t->len >= 3) {
		t->started = true;
		if (memcmp(t->buf, utf8_bom, 3) == 0)
			t->pos = 3;
	}
	return got > 0;
}

/* The next character, left unread, or EOF. */
static int
reader_peek(struct trace *t)
{
	if (t->pos == t->len && !reader_refill(t))
		return EOF;
	return (unsigned char)t->data[t->pos];
}

static int
read_failed(const struct trace *t, char *err, size_t size)
{
	snprintf(err, size, "%s: %s", t->name, strerror(t->read_errno));
	return -1;
}

static int
fail_nul(const struct trace *t, uint64_t position, char *err, size_t size)
{
	return fail_at(t, position, err, size,
		       "expected text, found a NUL byte (is this a binary file?)");
}

#define LINE_TOO_LONG (-2)

/*
 * Finds the next line in the buffer, refilling it as needed, and ends it
 * with a NUL in place of its '\n'.  Returns 1, 0 at the end, or
 * LINE_TOO_LONG as soon as LINE_CAP bytes pass without a line end.
 */
static int
next_raw_line(struct trace *t)
{
	size_t searched = 0;    /* bytes of the line known to hold no '\n' */
	char *nl;

	for (;;) {
		size_t avail = t->len - t->pos;

		t->line = t->buf + t->pos;
		if ((nl = memchr(t->line + searched, '\n', avail - searched)) != NULL) {
			t->pos += (size_t)(nl - t->line) + 1;
			break;
		}
		if (avail >= LINE_CAP)
			return LINE_TOO_LONG;
		searched = avail;
		if (!reader_refill(t)) {
			if (t->pos == t->len)
				return 0;
			t->line = t->buf + t->pos;      /* a last line with no '\n' */
			nl = t->buf + t->len;
			t->pos = t->len;
			break;
		}
	}
	t->line_len = (size_t)(nl - t->line);
	if (t->line_len >= LINE_CAP)
		return LINE_TOO_LONG;
	*nl = '\0';
	return 1;
}

/* Reads the next line: 1, 0 at the end, or -1 with a message. */
static int
read_line(struct trace *t, char *err, size_t size)
{
	int rc = next_raw_line(t);

	if (t->read_errno)
		return read_failed(t, err, size);
	if (rc == 0)
		return 0;
	t->where = ++t->count;
	if (rc == LINE_TOO_LONG && memchr(t->line, '\0', LINE_CAP))
		return fail_nul(t, t->where, err, size);
	if (rc == LINE_TOO_LONG)
		return fail_at(t, t->where, err, size,
			       "expected a line of at most %d characters, found a longer one",
			       LINE_CAP - 1);
	return 1;
}

/* Whether the current line holds a NUL before its end. */
static bool
line_has_nul(const struct trace *t)
{
	return memchr(t->line, '\0', t->line_len) != NULL;
}

/* ---- numbers ---------------------------------------------------------- */

/* Reads a number in base 10 or 16 at *s, at most max: 0 and *s past it, or -1. */
static int
scan(const char **s, unsigned base, uint64_t max, uint64_t *out)
{
	size_t n = number_scan(*s, base, max, out);

	*s += n;
	return n > 0 ? 0 : -1;
}

static void
access_op(struct op *op, char access, uint64_t addr)
{
	memset(op, 0, sizeof *op);
	op->kind = OP_ACCESS;
	op->access = access;
	op->addr = addr;
}

/* ---- line formats ----------------------------------------------------- */

static bool
span_next(struct trace *t, struct op *op)
{
	struct span *sp = &t->span;

	if (sp->kind == sp->nkinds)
		return false;
	access_op(op, sp->kinds[sp->kind],
		  sp->vpn == sp->first ? sp->addr : sp->vpn << t->page_bits);
	if (sp->vpn++ == sp->last) {
		sp->vpn = sp->first;
		sp->kind++;
	}
	return true;
}

/* The access a lackey kind (I, L, S; M's first) makes. */
static char
lackey_access_kind(char kind)
{
	return kind == 'I' ? ACCESS_EXEC : kind == 'S' ? ACCESS_WRITE : ACCESS_READ;
}

static void
span_start(struct trace *t, char kind, uint64_t addr, uint64_t bytes)
{
	struct span *sp = &t->span;

	sp->nkinds = kind == 'M' ? 2 : 1;
	sp->kinds[0] = lackey_access_kind(kind);
	sp->kinds[1] = ACCESS_WRITE;
	sp->kind = 0;
	sp->addr = addr;
	sp->first = sp->vpn = addr >> t->page_bits;
	sp->last = (addr + bytes - 1) >> t->page_bits;
}

/*
 * Makes op the first access of a lackey line; the others (M's write, the
 * pages after the first) wait in the span.  Most lines are one access.
 */
static inline bool
lackey_start(struct trace *t, char kind, uint64_t addr, uint64_t bytes, struct op *op)
{
	if (kind != 'M' && addr >> t->page_bits == (addr + bytes - 1) >> t->page_bits) {
		access_op(op, lackey_access_kind(kind), addr);
		return true;
	}
	span_start(t, kind, addr, bytes);
	return span_next(t, op);
}

static int
next_lines(struct trace *t, struct op *op, char *err, size_t size)
{
	int rc;

	for (;;) {
		if (span_next(t, op))
			return 1;
		if ((rc = read_line(t, err, size)) <= 0)
			return rc;
		if ((rc = t->fmt->line(t, op, err, size)) != 0)
			return rc;
	}
}

/* "==1234==": valgrind's own messages. */
static bool
is_pid_line(const char *s)
{
	const char *p = s + 2;

	if (s[0] != '=' || s[1] != '=' || *p < '0' || *p > '9')
		return false;
	while (*p >= '0' && *p <= '9')
		p++;
	return p[0] == '=' && p[1] == '=';
}

static const char *
skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* Takes apart the lackey access s starts with; returns where it ends, or NULL. */
static inline const char *
lackey_access(const char *s, char *kind, uint64_t *addr, uint64_t *bytes)
{
	s = skip_spaces(s);
	*kind = *s;
	if ((*kind != 'I' && *kind != 'L' && *kind != 'S' && *kind != 'M') || s[1] != ' ')
		return NULL;
	s = skip_spaces(s + 2);
	if (scan(&s, 16, UINT64_MAX, addr) || *s++ != ',' ||
	    scan(&s, 10, LACKEY_SIZE_MAX, bytes) || *bytes == 0)
		return NULL;
	return s;
}

/* Takes the lackey access line s[..end) apart; -1 if it is not one. */
static int
lackey_fields(const char *s, const char *end, char *kind, uint64_t *addr,
	      uint64_t *bytes)
{
	s = lackey_access(s, kind, addr, bytes);
	return s && is_blank_until(s, end) ? 0 : -1;
}

static bool
is_line_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/*
 * The lackey line at the read position taken apart where it lies, with no
 * search for its end first: what nearly every line of a trace is, a whole
 * valid access line inside the buffer.  Anything else (a line cut by the
 * buffer's end, valgrind's own lines, blank or bad ones, one too long, one
 * past 2^64) returns false with nothing read, for the line reader.
 */
static bool
lackey_in_place(struct trace *t, struct op *op)
{
	const char *line = t->data + t->pos, *s;
	uint64_t addr, bytes;
	char kind;

	if (t->pos == t->len || !(s = lackey_access(line, &kind, &addr, &bytes)))
		return false;
	while (is_line_blank(*s))
		s++;
	if (*s != '\n' || (size_t)(s - line) >= LINE_CAP || addr + (bytes - 1) < addr)
		return false;
	t->pos += (size_t)(s - line) + 1;
	t->where = ++t->count;
	return lackey_start(t, kind, addr, bytes, op);
}

static int
next_lackey(struct trace *t, struct op *op, char *err, size_t size)
{
	if (span_next(t, op) || lackey_in_place(t, op))
		return 1;
	return next_lines(t, op, err, size);
}

static int
line_lackey(struct trace *t, struct op *op, char *err, size_t size)
{
	const char *end = t->line + t->line_len;
	char found[FOUND_MAX * 4 + 8];
	uint64_t addr, bytes;
	char kind;

	if (lackey_fields(t->line, end, &kind, &addr, &bytes)) {
		if (line_has_nul(t))
			return fail_nul(t, t->where, err, size);
		if (is_blank_until(t->line, end) || is_pid_line(t->line))
			return 0;
		quote_bytes(found, sizeof found, t->line, t->line_len, FOUND_MAX);
		return fail_at(t, t->where, err, size, "expected \"I  ADDR,SIZE\", "
			       "\" L ADDR,SIZE\", \" S ADDR,SIZE\" or \" M ADDR,SIZE\" "
			       "(ADDR hex, SIZE 1..%u), found %s", LACKEY_SIZE_MAX, found);
	}
	if (addr + (bytes - 1) < addr)
		return fail_at(t, t->where, err, size, "expected an access below 2^64, "
			       "found %llu bytes at 0x%llx", (unsigned long long)bytes,
			       (unsigned long long)addr);
	return lackey_start(t, kind, addr, bytes, op);
}

static int
line_addr(struct trace *t, struct op *op, char *err, size_t size)
{
	char found[FOUND_MAX * 4 + 8];
	const char *s = t->line + strspn(t->line, " \t"), *end = t->line + t->line_len;
	uint64_t addr;
	char rw;

	if (line_has_nul(t))
		return fail_nul(t, t->where, err, size);
	if (*s == '#' || is_blank_until(s, end))
		return 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	if (scan(&s, 16, UINT64_MAX, &addr) == 0 && (*s == ' ' || *s == '\t')) {
		s += strspn(s, " \t");
		rw = (char)(*s | 0x20);
		if ((rw == 'r' || rw == 'w') && is_blank_until(s + 1, end)) {
			access_op(op, rw == 'r' ? ACCESS_READ : ACCESS_WRITE, addr);
			return 1;
		}
	}
	quote_bytes(found, sizeof found, t->line, t->line_len, FOUND_MAX);
	return fail_at(t, t->where, err, size,
		       "expected \"HEXADDR R\" or \"HEXADDR W\", found %s", found);
}

static int
line_script(struct trace *t, struct op *op, char *err, size_t size)
{
	struct cmd_error ce;

	if (line_has_nul(t))
		return fail_nul(t, t->where, err, size);
	if (cmd_parse(t->line, op, &ce))
		return fail_at(t, t->where, err, size, "%s", ce.msg);
	return op->kind != OP_NONE;
}

/* ---- page lists ------------------------------------------------------- */

#define SKIP_ERROR (-2)

/* Counts a line end of a file; a string counts items instead. */
static void
pages_newline(struct trace *t)
{
	if (!t->is_string)
		t->count++;
}

/* Skips a comment's '#' and the rest of its line: 0, or SKIP_ERROR with a message. */
static int
pages_comment(struct trace *t, char *err, size_t size)
{
	int rc;

	t->pos++;
	rc = next_raw_line(t);
	if (rc == LINE_TOO_LONG || (rc == 1 && line_has_nul(t))) {
		if (rc == 1 || memchr(t->line, '\0', LINE_CAP))
			fail_nul(t, t->count + 1, err, size);
		else
			fail_at(t, t->count + 1, err, size, "expected a comment of at most "
				"%d characters, found a longer one", LINE_CAP - 1);
		return SKIP_ERROR;
	}
	pages_newline(t);
	return 0;
}

/*
 * Skips blanks, commas and (in files) comments up to the next item, which
 * it leaves unread.  Returns its first character, EOF, or SKIP_ERROR with
 * a message.
 */
static int
pages_skip(struct trace *t, char *err, size_t size)
{
	int c;

	while ((c = reader_peek(t)) != EOF) {
		if (c == '#' && !t->is_string) {
			if (pages_comment(t, err, size))
				return SKIP_ERROR;
			continue;
		}
		if (c != ',' && !is_blank(c))
			return c;
		t->pos++;
		if (c == '\n')
			pages_newline(t);
		else if (c == ',') {
			if (t->comma || !t->seen_item) {
				fail_at(t, t->count + 1, err, size,
					"expected a page number before ',', found none");
				return SKIP_ERROR;
			}
			t->comma = true;
			t->comma_at = t->count + 1;
		}
	}
	return EOF;
}

static bool
ends_item(char c)
{
	return c == ',' || is_blank(c);
}

/*
 * Takes the item at the read position, kept whole in the buffer (refilling
 * as needed) unless it passes ITEM_CAP: then it is cut there and refused.
 * Returns its first byte; *n is its length.
 */
static const char *
pages_item(struct trace *t, size_t *n)
{
	const char *item;
	size_t i = 0;

	for (;;) {
		const char *s = t->data + t->pos;
		size_t avail = t->len - t->pos;

		while (i < avail && i <= ITEM_CAP && !ends_item(s[i]))
			i++;
		if (i < avail || i > ITEM_CAP || !reader_refill(t))
			break;
	}
	item = t->data + t->pos;
	t->pos += i;
	*n = i;
	return item;
}

static int
pages_op(struct trace *t, const char *item, size_t n, struct op *op, char *err, size_t size)
{
	char found[FOUND_MAX * 4 + 8];
	uint64_t page = 0, max = UINT64_MAX >> t->page_bits;
	enum number_status st = n > ITEM_CAP ? NUMBER_BAD : number_parse(item, n, &page);

	if (st == NUMBER_OK && page <= max) {
		access_op(op, ACCESS_READ, page << t->page_bits);
		return 1;
	}
	if (memchr(item, '\0', n))
		return fail_nul(t, t->where, err, size);
	quote_bytes(found, sizeof found, item, n, FOUND_MAX);
	if (st == NUMBER_BAD)
		return fail_at(t, t->where, err, size, "expected a page number (%s), found %s",
			       NUMBER_EXPECTED, found);
	return fail_at(t, t->where, err, size, "expected a page number of at most %llu "
		       "(pages of %llu bytes), found %s", (unsigned long long)max,
		       1ULL << t->page_bits, found);
}

/* Where the item at the read position is blamed; it is read from here on. */
static void
pages_item_starts(struct trace *t)
{
	t->where = t->is_string ? ++t->count : t->count + 1;
	t->comma = false;
	t->seen_item = true;
}

/*
 * A plain decimal page number at the read position, read where it lies,
 * and the line end after it: nearly every item of a page list.  Anything
 * else returns false with nothing read.  (Inlined in trace_next, which
 * tries it first, and in trace_next_accesses' loop: no call per item.)
 */
static inline __attribute__((always_inline)) bool
pages_in_place(struct trace *t, uint64_t *addr)
{
	const char *item = t->data + t->pos;
	uint64_t page;
	size_t n;

	if (t->pos == t->len)
		return false;
	n = number_scan(item, 10, UINT64_MAX >> t->page_bits, &page);
	/* A line end, by far the commonest, is tested without a call. */
	if (n == 0 || t->pos + n >= t->len || (item[n] != '\n' && !ends_item(item[n])))
		return false;
	pages_item_starts(t);
	t->pos += n;
	if (item[n] == '\n') {
		t->pos++;
		pages_newline(t);
	}
	*addr = page << t->page_bits;
	return true;
}

static int
next_pages(struct trace *t, struct op *op, char *err, size_t size)
{
	const char *item;
	uint64_t addr;
	size_t n;
	int c;

	c = pages_skip(t, err, size);
	if (c == SKIP_ERROR)
		return -1;
	if (t->read_errno)
		return read_failed(t, err, size);
	if (c == EOF && t->comma)
		return fail_at(t, t->comma_at, err, size,
			       "expected a page number after ',', found the end");
	if (c == EOF)
		return 0;
	if (pages_in_place(t, &addr)) {
		access_op(op, ACCESS_READ, addr);
		return 1;
	}
	pages_item_starts(t);
	item = pages_item(t, &n);
	return pages_op(t, item, n, op, err, size);
}

/* ---- opening and closing ---------------------------------------------- */

static struct trace *
trace_new(enum trace_format format, unsigned page_size, const char *name)
{
	struct trace *t = xcalloc(1, sizeof *t);

	t->fmt = &formats[format];
	t->name = xstrdup(name);
	while ((1ULL << t->page_bits) < page_size)
		t->page_bits++;
	return t;
}

struct trace *
trace_open(const char *path, enum trace_format format, unsigned page_size,
	   char *err, size_t size)
{
	bool std = strcmp(path, "-") == 0;
	FILE *fp = std ? stdin : fopen(path, "r");
	struct trace *t;

	if (fp == NULL) {
		snprintf(err, size, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	t = trace_new(format, page_size, std ? "stdin" : path);
	t->fp = fp;
	/* and the NUL, and the 7 bytes past it a word-wide scan for digits
	 * reads (number_scan_word) */
	t->buf = xcalloc(1, READ_BUF + 8);
	t->data = t->buf;
	return t;
}

struct trace *
trace_open_string(const char *text, const char *label, unsigned page_size)
{
	struct trace *t = trace_new(TRACE_PAGES, page_size, label);

	t->is_string = true;
	t->data = text;
	t->len = strlen(text);
	return t;
}

int
trace_next(struct trace *t, struct op *op, char *err, size_t size)
{
	uint64_t addr;

	/* A page list's next item is nearly always a plain number read where
	 * it lies: then no call at all (next_pages tries again after blanks). */
	if (t->fmt == &formats[TRACE_PAGES] && pages_in_place(t, &addr)) {
		access_op(op, ACCESS_READ, addr);
		return 1;
	}
	return t->fmt->next(t, op, err, size);
}

/*
 * A page list file's lines of one plain decimal number each, read where
 * they lie with the reader's state held in locals: the lines of nearly
 * every page list, the shape pages_in_place reads one at a time.  Stops
 * at anything else (a blank, a comma, a comment, a number of 19 digits or
 * more, the end of what is read), leaving it to pages_in_place and
 * next_pages.
 */
static size_t
pages_lines_in_place(struct trace *t, struct op_access *restrict in,
		     uint64_t *restrict at, size_t max)
{
	const char *s = t->data + t->pos;
	uint64_t line = t->count, top = UINT64_MAX >> t->page_bits;
	unsigned bits = t->page_bits;
	size_t n = 0;

	if (t->is_string)
		return 0;
	for (; n < max; n++) {
		uint64_t page = 0;
		size_t digits = number_scan_word(s, &page);

		if (digits == 8)        /* 8 or more: a digit at a time */
			digits = number_scan(s, 10, top, &page);
		/* data[len] is a NUL, so the end of what is read is no line end;
		 * from 1 to 18 digits (past 18 the page may have wrapped). */
		if (digits - 1 > 17 || s[digits] != '\n' || page > top)
			break;
		in[n] = (struct op_access){ .addr = page << bits, .access = ACCESS_READ };
		at[n] = ++line;
		s += digits + 1;
	}
	if (n) {
		t->pos = (size_t)(s - t->data);
		t->count = t->where = line;
		t->comma = false;
		t->seen_item = true;
	}
	return n;
}

size_t
trace_next_accesses(struct trace *t, struct op_access *restrict in, uint64_t *restrict at,
		    size_t max)
{
	struct op op;
	size_t n = 0;

	if (t->fmt == &formats[TRACE_PAGES]) {
		n = pages_lines_in_place(t, in, at, max);
		while (n < max && pages_in_place(t, &in[n].addr)) {
			in[n].pid = 0;
			in[n].access = ACCESS_READ;
			at[n++] = t->where;
		}
	} else if (t->fmt == &formats[TRACE_LACKEY]) {
		while (n < max && (span_next(t, &op) || lackey_in_place(t, &op))) {
			in[n] = (struct op_access){ .addr = op.addr, .access = op.access };
			at[n++] = t->where;
		}
	}
	return n;
}

uint64_t
trace_position(const struct trace *t)
{
	return t->where;
}

int
trace_read_all(struct trace *t, struct op_queue *q, size_t max, char *err, size_t size)
{
	struct op op;
	int rc;

	while ((rc = trace_next(t, &op, err, size)) > 0)
		if (op_queue_push(q, &op, trace_position(t), max, err, size))
			return trace_blame(t, trace_position(t), err, size);
	return rc;
}

void
trace_close(struct trace *t)
{
	if (t == NULL)
		return;
	if (t->fp && t->fp != stdin)
		fclose(t->fp);
	free(t->buf);
	free(t->name);
	free(t);
}
