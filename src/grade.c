/*
 * grade.c - reading a filled-in answer sheet and grading it: the whole
 * file is read first, so a sheet that cannot be read is reported (with its
 * line) before any score is printed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "exercise.h"
#include "grade.h"
#include "number.h"
#include "policy.h"
#include "quote.h"
#include "xalloc.h"

#define SHEET_BYTES_MAX (1 << 20)
#define QUOTE_MAX 40

/* One answer as the sheet gives it. */
struct given {
	const char *text;       /* NULL: no line for the question */
	unsigned line;
};

struct sheet {
	unsigned line;          /* of its "exercise:" */
	const struct ex_kind *kind;
	struct ex_params p;
	bool made;
	struct exercise ex;
	struct given *answers;  /* by question */
};

struct reader {
	const char *path;
	unsigned line;
	struct sheet *sheets;
	size_t n, cap;
	char *err;
	size_t size;
};

__attribute__((format(printf, 2, 3))) static int
refuse(struct reader *r, const char *fmt, ...)
{
	int k = snprintf(r->err, r->size, "%s:%u: ", r->path, r->line);
	va_list ap;

	if (k >= 0 && (size_t)k < r->size) {
		va_start(ap, fmt);
		vsnprintf(r->err + k, r->size - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static struct sheet *
current(struct reader *r)
{
	return r->n ? &r->sheets[r->n - 1] : NULL;
}

static int
begin_sheet(struct reader *r, const char *kind)
{
	const struct ex_kind *k = ex_kind_find(kind);
	char q[QUOTE_MAX * 4 + 8];

	if (!k) {
		quote_string(q, sizeof q, kind, QUOTE_MAX);
		return refuse(r, "unknown exercise %s (expected %s)", q, EX_KINDS);
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 4;
		r->sheets = xrealloc(r->sheets, r->cap, sizeof *r->sheets);
	}
	r->sheets[r->n++] = (struct sheet){ .line = r->line, .kind = k };
	ex_params_init(&current(r)->p);
	return 0;
}

/* A whole number for a header key, or -1 with a message. */
static int
header_number(struct reader *r, const char *key, const char *value, uint64_t max,
	      uint64_t *v)
{
	if (number_parse(value, strlen(value), v) != NUMBER_OK || *v > max)
		return refuse(r, "%s: expected a number (%s) of at most %llu", key,
			      NUMBER_EXPECTED, (unsigned long long)max);
	return 0;
}

/* Sets parameter `which` of the sheet from value. */
static int
set_param(struct reader *r, struct sheet *s, enum ex_param which, const char *value)
{
	unsigned *fields[EXP_COUNT] = {
		[EXP_PAGE_SIZE] = &s->p.page_size, [EXP_VA_BITS] = &s->p.va_bits,
		[EXP_LEVELS] = &s->p.levels, [EXP_PTE_BYTES] = &s->p.pte_bytes,
		[EXP_FRAMES] = &s->p.frames, [EXP_TLB] = &s->p.tlb, [EXP_TAU] = &s->p.tau, [EXP_TICK] = &s->p.tick,
	};
	const char *key = ex_param_name(which);
	char q[QUOTE_MAX * 4 + 8], msg[200];
	uint64_t v;

	if (!(ex_kind_params(s->kind) & EXP_BIT(which)))
		return refuse(r, "exercise %s has no %s", ex_kind_name(s->kind), key);
	if (which == EXP_POLICY) {
		if ((s->p.policy = policy_find(value)) < 0) {
			quote_string(q, sizeof q, value, QUOTE_MAX);
			return refuse(r, "policy: unknown policy %s (expected %s)", q,
				      policy_names());
		}
	} else if (which == EXP_PAGES) {
		if (ex_params_read_pages(&s->p, value, msg, sizeof msg))
			return refuse(r, "%s", msg);
	} else if (which == EXP_SNAPSHOT) {
		if (ex_params_read_snapshot(&s->p, value, msg, sizeof msg))
			return refuse(r, "%s", msg);
	} else if (header_number(r, key, value, 1u << 30, &v)) {
		return -1;
	} else if (which == EXP_PAGE_SIZE && !page_size_valid((unsigned)v)) {
		/* Said here, at its line, rather than when the exercise cannot be made. */
		return refuse(r, "page-size: expected a power of two from %u to %u, found %llu",
			      PAGE_SIZE_MIN, PAGE_SIZE_MAX, (unsigned long long)v);
	} else {
		*fields[which] = (unsigned)v;
	}
	s->p.given |= EXP_BIT(which);
	return 0;
}

/* 1 if key is not a header key (seed or a parameter), else 0 or -1 as it is read. */
static int
header_line(struct reader *r, const char *key, const char *value)
{
	struct sheet *s = current(r);
	int which = -1;

	for (int i = 0; i < EXP_COUNT; i++)
		if (strcmp(key, ex_param_name((enum ex_param)i)) == 0)
			which = i;
	if (which < 0 && strcmp(key, "seed") != 0)
		return 1;
	if (s->made)
		return refuse(r, "%s: the header (exercise, seed, parameters) must come "
			      "before the answers", key);
	if (which < 0)
		return header_number(r, key, value, UINT64_MAX, &s->p.seed);
	return set_param(r, s, (enum ex_param)which, value);
}

/* Makes the sheet's exercise, once its header is read. */
static int
make(struct reader *r, struct sheet *s)
{
	char msg[300];

	if (s->made)
		return 0;
	if (exercise_make(&s->ex, s->kind, &s->p, msg, sizeof msg))
		return refuse(r, "the sheet's exercise cannot be made: %s", msg);
	s->made = true;
	s->answers = xcalloc(s->ex.nq ? s->ex.nq : 1, sizeof *s->answers);
	return 0;
}

static int
answer_line(struct reader *r, const char *key, const char *value)
{
	struct sheet *s = current(r);
	const struct ex_question *q;
	char quoted[QUOTE_MAX * 4 + 8];
	size_t i;

	if (make(r, s))
		return -1;
	if ((q = exercise_question(&s->ex, key)) == NULL) {
		quote_string(quoted, sizeof quoted, key, QUOTE_MAX);
		return refuse(r, "exercise %s, seed %llu has no question %s", ex_kind_name(s->kind),
			      (unsigned long long)s->p.seed, quoted);
	}
	i = (size_t)(q - s->ex.q);
	if (s->answers[i].text)
		return refuse(r, "%s is answered twice (first on line %u)", key,
			      s->answers[i].line);
	s->answers[i] = (struct given){ value, r->line };
	return 0;
}

static char *
trim(char *s)
{
	char *end;

	s += strspn(s, " \t");
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

static int
read_line(struct reader *r, char *line)
{
	char *colon, *key, *value, q[QUOTE_MAX * 4 + 8];
	int rc;

	line = trim(line);
	if (*line == '\0' || *line == '#')
		return 0;
	if ((colon = strchr(line, ':')) == NULL) {
		quote_string(q, sizeof q, line, QUOTE_MAX);
		return refuse(r, "expected KEY: VALUE, found %s", q);
	}
	*colon = '\0';
	key = trim(line);
	value = trim(colon + 1);
	if (strcmp(key, "exercise") == 0)
		return begin_sheet(r, value);
	if (!current(r))
		return refuse(r, "expected \"exercise: KIND\" before anything else");
	if ((rc = header_line(r, key, value)) <= 0)
		return rc;
	return answer_line(r, key, value);
}

/* Reads the file into a NUL-terminated buffer; NULL with a message. */
static char *
slurp(struct reader *r)
{
	FILE *f = fopen(r->path, "rb");
	char *buf;
	size_t n;

	if (!f) {
		snprintf(r->err, r->size, "%s: %s", r->path, strerror(errno));
		return NULL;
	}
	buf = xmalloc(SHEET_BYTES_MAX + 1);
	n = fread(buf, 1, SHEET_BYTES_MAX + 1, f);
	if (ferror(f) || n > SHEET_BYTES_MAX) {
		snprintf(r->err, r->size, "%s: %s", r->path, ferror(f) ? strerror(errno) :
			 "larger than 1 MiB: not an answer sheet");
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	if (strlen(buf) != n) {
		r->line = 1;
		for (char *c = buf; *c; c++)
			r->line += *c == '\n';
		refuse(r, "a NUL byte: not a text file");
		free(buf);
		return NULL;
	}
	return buf;
}

static int
read_sheets(struct reader *r, char *buf)
{
	char *line = buf, *next;

	if (strncmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	for (r->line = 1; line; r->line++, line = next) {
		if ((next = strchr(line, '\n')) != NULL && *(next + 1) == '\0')
			*next = '\0', next = NULL;       /* the last line's newline */
		else if (next)
			*next++ = '\0';
		if (read_line(r, line))
			return -1;
	}
	r->line--;
	if (r->n == 0)
		return refuse(r, "no \"exercise: KIND\" line: not an answer sheet");
	for (size_t i = 0; i < r->n; i++) {
		r->line = r->sheets[i].line;
		if (make(r, &r->sheets[i]))
			return -1;
	}
	return 0;
}

/* A student's answer as printed: as written, or quoted if it holds a control byte. */
static const char *
shown(const char *text, char *buf, size_t size)
{
	for (const char *c = text; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f) {
			quote_string(buf, size, text, QUOTE_MAX);
			return buf;
		}
	return text;
}

/* Prints why a wrong answer is wrong; the note for the value given, if any. */
static void
print_wrong(const struct ex_question *q, const struct given *g, FILE *out)
{
	const char *note = NULL;
	char given[QUOTE_MAX * 4 + 8];

	if (g->line)
		fprintf(out, "  line %u: ", g->line);
	else
		fputs("  ", out);
	if (!g->text || !*g->text) {
		fprintf(out, "%s: %s, not answered: %s\n", q->id, q->answer, q->reason);
		return;
	}
	for (unsigned i = 0; i < q->nnotes; i++)
		if (answer_matches(q->notes[i].value, g->text, 0))
			note = q->notes[i].text;
	fprintf(out, "%s: %s, not %s: %s%s%s\n", q->id, q->answer, shown(g->text, given,
		sizeof given), q->reason, note ? "; " : "", note ? note : "");
}

static bool
grade_sheet(const struct reader *r, const struct sheet *s, FILE *out)
{
	size_t right = 0;

	for (size_t i = 0; i < s->ex.nq; i++) {
		const char *t = s->answers[i].text;
		right += t && *t && answer_matches(s->ex.q[i].answer, t, s->ex.q[i].tolerance);
	}
	fprintf(out, "%s: exercise %s, seed %llu: %zu of %zu right\n", r->path,
		ex_kind_name(s->kind), (unsigned long long)s->p.seed, right, s->ex.nq);
	for (size_t i = 0; i < s->ex.nq; i++) {
		const char *t = s->answers[i].text;
		if (!(t && *t && answer_matches(s->ex.q[i].answer, t, s->ex.q[i].tolerance)))
			print_wrong(&s->ex.q[i], &s->answers[i], out);
	}
	return right == s->ex.nq;
}

static void
free_sheets(struct reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		if (r->sheets[i].made)
			exercise_free(&r->sheets[i].ex);
		free(r->sheets[i].answers);
	}
	free(r->sheets);
}

enum grade_result
grade_file(const char *path, FILE *out, char *err, size_t size)
{
	struct reader r = { .path = path, .err = err, .size = size };
	enum grade_result result = GRADE_UNREADABLE;
	char *buf = slurp(&r);

	if (buf && read_sheets(&r, buf) == 0) {
		result = GRADE_ALL_RIGHT;
		for (size_t i = 0; i < r.n; i++)
			if (!grade_sheet(&r, &r.sheets[i], out))
				result = GRADE_SOME_WRONG;
	}
	free_sheets(&r);
	free(buf);
	return result;
}
