/*
 * batch_compare.c - running a comparison or a sweep in batch, and its
 * printers: text (a table, and for a sweep the chart and the anomalies)
 * and JSON.
 *
 * The operations are held once for every machine: a trace's in an
 * op_queue (12 bytes an access, and OPT's look-ahead 4 more), a session's
 * in its history.  Nothing is printed until every machine has run, so an
 * operation that cannot run leaves no half table behind.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "batch.h"
#include "batch_compare.h"
#include "belady.h"
#include "future.h"
#include "json.h"
#include "op_queue.h"
#include "plural.h"
#include "policy.h"
#include "sweep_chart.h"
#include "sweep_oom.h"
#include "xalloc.h"

/* The batch chart: as wide as a terminal's 80 columns, up to 16 rows of points. */
#define CHART_WIDTH 79
#define CHART_PLOT_ROWS 16

struct outcome {
	const struct compare_plan *p;
	struct compare_result *r;
	struct belady *a;
	size_t na;
};

static double
rate(uint64_t part, uint64_t whole)
{
	return whole ? (double)part / (double)whole : 0.0;
}

/* ---- text --------------------------------------------------------------- */

/* A column wide enough for a heading, every policy's name and a count. */
static int
column_width(const struct outcome *o, const char *heading)
{
	size_t w = strlen(heading) > 8 ? strlen(heading) : 8;

	for (unsigned i = 0; i < o->p->npolicies; i++)
		if (strlen(policy_at(o->p->policy[i])->name) > w)
			w = strlen(policy_at(o->p->policy[i])->name);
	return (int)w;
}

/* Whether any run of the plan ran out of memory. */
static bool
any_ran_out(const struct outcome *o)
{
	for (size_t i = 0; i < compare_size(o->p); i++)
		if (sweep_ran_out(&o->r[i]))
			return true;
	return false;
}

/*
 * A run's fault count, right-aligned in w columns and marked '!' if the
 * run ran out of memory; where a run of the table did (`marks`), an
 * unmarked count with a column after it (`more`) takes a space instead,
 * so that the columns stay aligned.
 */
static void
faults_cell(const struct compare_result *r, int w, bool marks, bool more, FILE *out)
{
	fprintf(out, "%*" PRIu64 "%s", w, r->stats.faults,
		sweep_ran_out(r) ? "!" : marks && more ? " " : "");
}

/* The key to the '!' marks: how each policy's marked runs ran out of memory. */
static void
text_oom_key(const struct outcome *o, FILE *out)
{
	char text[256];

	for (unsigned i = 0; i < o->p->npolicies; i++)
		if (sweep_oom_describe(o->p, o->r, i, text, sizeof text) >= 0)
			fprintf(out, "! out of memory: %s\n", text);
}

static void
text_compare(const struct outcome *o, FILE *out)
{
	int w = column_width(o, "policy");
	bool marks = any_ran_out(o);

	fprintf(out, "# compare: %" PRIu64 " access%s, %u frame%s\n", o->r[0].stats.accesses,
		plural_es(o->r[0].stats.accesses), o->r[0].frames, plural(o->r[0].frames));
	fprintf(out, "%-*s  %8s%s  %10s  %9s  %11s\n", w, "policy", "faults", marks ? " " : "",
		"fault rate", "evictions", "write-backs");
	for (unsigned i = 0; i < o->p->npolicies; i++) {
		const struct stats *s = &o->r[i].stats;

		fprintf(out, "%-*s  ", w, policy_at(o->r[i].policy)->name);
		faults_cell(&o->r[i], 8, marks, true, out);
		fprintf(out, "  %9.1f%%  %9" PRIu64 "  %11" PRIu64 "\n",
			100.0 * rate(s->faults, s->accesses), s->evictions, s->writebacks);
	}
	text_oom_key(o, out);
}

static void
text_anomaly(const struct belady *a, FILE *out)
{
	char text[128];

	belady_describe(a, text, sizeof text);
	fprintf(out, "Belady's anomaly: %s\n", text);
}

/*
 * Faults by frame count (a row each) and policy (a column each); where
 * a run ran out of memory, its count is marked '!' and lines under the
 * table say how (the key).
 */
static void
text_sweep_table(const struct outcome *o, FILE *out)
{
	size_t per = o->p->frames_last - o->p->frames_first + 1;
	int w = column_width(o, "");
	bool marks = any_ran_out(o);

	fputs("frames", out);
	for (unsigned i = 0; i < o->p->npolicies; i++)
		fprintf(out, "%s  %*s", i && marks ? " " : "", w, policy_at(o->p->policy[i])->name);
	fputc('\n', out);
	for (size_t f = 0; f < per; f++) {
		fprintf(out, "%6u", o->r[f].frames);
		for (unsigned i = 0; i < o->p->npolicies; i++) {
			fputs("  ", out);
			faults_cell(&o->r[i * per + f], w, marks, i + 1 < o->p->npolicies, out);
		}
		fputc('\n', out);
	}
	text_oom_key(o, out);
}

static void
text_sweep(const struct outcome *o, bool ascii, FILE *out)
{
	struct sweep_chart c;

	fprintf(out, "# sweep: %" PRIu64 " accesses, frames %u-%u\n", o->r[0].stats.accesses,
		o->p->frames_first, o->p->frames_last);
	text_sweep_table(o, out);
	fputc('\n', out);
	sweep_chart_layout(&c, o->p, o->r, o->a, o->na, CHART_WIDTH, CHART_PLOT_ROWS);
	sweep_chart_print(&c, ascii, out);
	sweep_chart_free(&c);
	fputc('\n', out);
	for (size_t i = 0; i < o->na; i++)
		text_anomaly(&o->a[i], out);
	if (o->na == 0)
		fputs("Belady's anomaly: none (no policy faults more with more frames)\n", out);
}

/* ---- JSON --------------------------------------------------------------- */

static struct cJSON *
json_row(struct cJSON *list, const struct compare_result *r)
{
	struct cJSON *o = json_new_object();

	xnonnull(cJSON_AddItemToArray(list, o) ? o : NULL);
	json_put_string(o, "policy", policy_at(r->policy)->name);
	json_put_uint(o, "frames", r->frames);
	return o;
}

/* How a run ran out of memory, only if it did: the usual rows stay short. */
static void
json_oom(struct cJSON *row, const struct compare_result *r)
{
	if (!sweep_ran_out(r))
		return;
	json_put_uint(row, "out_of_memory", r->stats.out_of_memory);
	json_put_uint(row, "oom_kills", r->stats.oom_kills);
}

static void
json_compare(const struct outcome *o, struct cJSON *doc)
{
	struct cJSON *list = json_put_array(doc, "compare");

	for (unsigned i = 0; i < o->p->npolicies; i++) {
		const struct stats *s = &o->r[i].stats;
		struct cJSON *row = json_row(list, &o->r[i]);

		json_put_uint(row, "accesses", s->accesses);
		json_put_uint(row, "hits", s->hits);
		json_put_uint(row, "faults", s->faults);
		xnonnull(cJSON_AddNumberToObject(row, "fault_rate", rate(s->faults, s->accesses)));
		json_put_uint(row, "evictions", s->evictions);
		json_put_uint(row, "writebacks", s->writebacks);
		json_oom(row, &o->r[i]);
	}
}

static void
json_sweep(const struct outcome *o, struct cJSON *doc)
{
	struct cJSON *list = json_put_array(doc, "sweep");

	for (size_t i = 0; i < compare_size(o->p); i++) {
		const struct stats *s = &o->r[i].stats;
		struct cJSON *row = json_row(list, &o->r[i]);

		json_put_uint(row, "faults", s->faults);
		json_oom(row, &o->r[i]);
	}
	list = json_put_array(doc, "anomalies");
	for (size_t i = 0; i < o->na; i++) {
		struct cJSON *a = json_new_object();

		xnonnull(cJSON_AddItemToArray(list, a) ? a : NULL);
		json_put_string(a, "policy", policy_at(o->a[i].policy)->name);
		json_put_uint(a, "frames", o->a[i].frames);
		json_put_uint(a, "faults", o->a[i].faults);
		json_put_uint(a, "fewer_frames", o->a[i].fewer_frames);
		json_put_uint(a, "fewer_faults", o->a[i].fewer_faults);
	}
}

static void
print_json(const struct outcome *o, bool sweep, FILE *out)
{
	struct cJSON *doc = json_new_object();
	char *s;

	(sweep ? json_sweep : json_compare)(o, doc);
	s = xnonnull(cJSON_PrintUnformatted(doc));
	fputs(s, out);
	fputc('\n', out);
	cJSON_free(s);
	cJSON_Delete(doc);
}

/* ---- running ------------------------------------------------------------ */

static int
run_and_print(const struct machine *initial, const struct op_source *ops,
	      const struct locator *loc, const struct compare_plan *p,
	      const struct compare_output *how, FILE *out, char *err, size_t size)
{
	struct outcome o = { .p = p };
	size_t bad;
	int rc;

	o.r = xcalloc(compare_size(p), sizeof *o.r);
	o.a = xcalloc(compare_size(p), sizeof *o.a);
	if ((rc = compare_run(initial, ops, p, o.r, &bad, err, size)) != 0)
		loc->blame(loc->ctx, bad, err, size);
	else {
		o.na = belady_find(o.r, p, o.a);
		if (how->json)
			print_json(&o, how->sweep, out);
		else if (how->sweep)
			text_sweep(&o, how->ascii, out);
		else
			text_compare(&o, out);
		if (fflush(out) != 0 || ferror(out))
			rc = -1, snprintf(err, size, "cannot write the output: %s",
					  strerror(errno ? errno : EIO));
	}
	free(o.r);
	free(o.a);
	return rc;
}

int
batch_compare_trace(const struct machine *initial, struct trace *t,
		    const struct compare_plan *p, const struct compare_output *how,
		    FILE *out, char *err, size_t size)
{
	struct op_queue *q = op_queue_new();
	struct collected c = { t, q };
	struct locator loc = batch_locate_collected(&c);
	struct op_source ops;
	int rc = trace_read_all(t, q, FUTURE_OPS_MAX, err, size);

	if (rc == 0) {
		ops = op_queue_source(q);
		rc = run_and_print(initial, &ops, &loc, p, how, out, err, size);
	}
	op_queue_free(q);
	return rc;
}

int
batch_compare_history(const struct history *h, const char *label,
		      const struct compare_plan *p, const struct compare_output *how,
		      FILE *out, char *err, size_t size)
{
	struct history_source hs = { h, label };
	struct locator loc = batch_locate_history(&hs);
	struct op_source ops = batch_history_ops(&hs);

	return run_and_print(history_initial(h), &ops, &loc, p, how, out, err, size);
}
