/*
 * gift.c - writing exercises as a Moodle GIFT quiz.
 */
#define _POSIX_C_SOURCE 200809L   /* mkstemp, fdopen, fileno, fsync */

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gift.h"
#include "number.h"
#include "xalloc.h"

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

/* Writes the quiz to a new file beside path, then renames it over path. */
int
gift_export(const struct ex_kind *k, const struct ex_params *p, unsigned count,
	    const char *path, char *err, size_t size)
{
	char *tmp = xmalloc(strlen(path) + sizeof ".XXXXXX");
	struct ex_params each = *p;
	struct exercise ex;
	FILE *out = NULL;
	int fd, rc = -1;

	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || (out = fdopen(fd, "w")) == NULL) {
		snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd), unlink(tmp);
		free(tmp);
		return -1;
	}
	fprintf(out, "// vmscope --exercise %s --seed %llu --count %u\n\n", ex_kind_name(k),
		(unsigned long long)p->seed, count);
	for (unsigned i = 0; i < count; i++, each.seed++) {
		if (exercise_make(&ex, k, &each, err, size))
			break;
		gift_write(&ex, out);
		exercise_free(&ex);
		rc = i + 1 == count ? 0 : -1;
	}
	if (fflush(out) != 0 || fsync(fileno(out)) != 0 || ferror(out)) {
		if (rc == 0)
			snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
		rc = -1;
	}
	if (fclose(out) != 0 && rc == 0) {
		snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
