/*
 * gift.c - writing exercises as a Moodle GIFT quiz.
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "gift.h"
#include "number.h"

void
gift_escape(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("~=#{}:\\", *s))
			fprintf(out, "\\%c", *s);
		else if (*s == '&')
			fputs("&amp;", out);
		else if (*s == '<')
			fputs("&lt;", out);
		else if (*s == '>')
			fputs("&gt;", out);
		else
			fputc(*s, out);
	}
}

/*
 * The answer part: a number within a tolerance is a numerical question;
 * a whole number is accepted in decimal and in hex; anything else as
 * written (Moodle's short answers ignore case).
 */
static void
write_answer(const struct ex_question *q, FILE *out)
{
	uint64_t v;

	if (q->tolerance > 0) {
		fprintf(out, "{#%s:%g#", q->answer, q->tolerance);
	} else if (number_parse(q->answer, strlen(q->answer), &v) == NUMBER_OK) {
		fprintf(out, "{=%llu#", (unsigned long long)v);
		gift_escape(out, q->reason);
		fprintf(out, " =0x%llx#", (unsigned long long)v);
	} else {
		fputs("{=", out);
		gift_escape(out, q->answer);
		fputc('#', out);
	}
	gift_escape(out, q->reason);
	fputs("}\n\n", out);
}

void
gift_write(const struct exercise *ex, FILE *out)
{
	char title[128];

	for (size_t i = 0; i < ex->nq; i++) {
		const struct ex_question *q = &ex->q[i];

		snprintf(title, sizeof title, "%s seed %llu: %s", ex_kind_name(ex->kind),
			 (unsigned long long)ex->p.seed, q->id);
		fputs("::", out);
		gift_escape(out, title);
		fputs("::[html]<pre>", out);
		for (size_t l = 0; l < ex->nlines; l++) {
			gift_escape(out, ex->lines[l]);
			fputs("\\n", out);
		}
		fputs("</pre><p>", out);
		gift_escape(out, q->id);
		fputs("?</p>", out);
		write_answer(q, out);
	}
}

struct quiz {
	const struct ex_kind *kind;
	const struct ex_params *p;
	unsigned count;
};

static int
write_quiz(FILE *out, void *ctx, char *err, size_t size)
{
	const struct quiz *q = ctx;
	struct ex_params each = *q->p;
	struct exercise ex;

	fprintf(out, "// vmscope --exercise %s --seed %llu --count %u\n\n",
		ex_kind_name(q->kind), (unsigned long long)q->p->seed, q->count);
	for (unsigned i = 0; i < q->count; i++, each.seed++) {
		if (exercise_make(&ex, q->kind, &each, err, size))
			return -1;
		gift_write(&ex, out);
		exercise_free(&ex);
	}
	return 0;
}

int
gift_export(const struct ex_kind *k, const struct ex_params *p, unsigned count,
	    const char *path, char *err, size_t size)
{
	struct quiz q = { k, p, count };

	return atomic_file_write(path, write_quiz, &q, err, size);
}
