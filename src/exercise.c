/*
 * exercise.c - what every exercise kind shares: the table of kinds, the
 * parameters, drawing from the seed, and writing a problem, an answer
 * sheet and JSON.  Each kind's problem and answers are in exercise_KIND.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "engine.h"
#include "exercise.h"
#include "json.h"
#include "number.h"
#include "policy.h"
#include "rng.h"
#include "xalloc.h"

static const struct ex_kind *const kinds[] = {
	&ex_bits, &ex_split, &ex_translate, &ex_multilevel, &ex_tlb, &ex_eat, &ex_policy,
	&ex_working_set, &ex_snapshot, &ex_cow,
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static const char *const param_names[EXP_COUNT] = {
	[EXP_PAGE_SIZE] = "page-size", [EXP_VA_BITS] = "va-bits", [EXP_LEVELS] = "levels",
	[EXP_PTE_BYTES] = "pte-bytes", [EXP_FRAMES] = "frames",
	[EXP_TLB] = "tlb", [EXP_POLICY] = "policy", [EXP_TAU] = "tau", [EXP_TICK] = "tick",
	[EXP_PAGES] = "pages", [EXP_SNAPSHOT] = "snapshot",
};

/* The problem's draws start from a stream other than the parameters', so
 * giving a parameter never changes the draws of the rest. */
#define BUILD_STREAM 0x6578657263697365ull      /* "exercise" */

const struct ex_kind *
ex_kind_find(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i]->name, name) == 0)
			return kinds[i];
	return NULL;
}

const char *
ex_kind_name(const struct ex_kind *k)
{
	return k->name;
}

const struct ex_kind *
ex_kind_at(size_t i)
{
	return i < NKINDS ? kinds[i] : NULL;
}

unsigned
ex_kind_params(const struct ex_kind *k)
{
	return k->params;
}

const char *
ex_param_name(enum ex_param p)
{
	return param_names[p];
}

void
ex_params_init(struct ex_params *p)
{
	struct machine_config cfg;

	machine_config_default(&cfg);
	*p = (struct ex_params){ .seed = 1, .page_size = cfg.page_size, .va_bits = cfg.va_bits,
		.levels = cfg.levels, .pte_bytes = cfg.pte_bytes, .frames = cfg.frames,
		.tlb = cfg.tlb_entries, .tau = cfg.tau, .tick = cfg.tick,
		.policy = cfg.policy };
}

int
ex_params_read_pages(struct ex_params *p, const char *list, char *err, size_t size)
{
	const char *s = list;
	unsigned n = 0;

	for (;;) {
		size_t len;
		uint64_t v;

		s += strspn(s, " \t");
		len = strcspn(s, ", \t");
		if (n == EX_REFS_MAX) {
			snprintf(err, size, "pages: more than %d pages", EX_REFS_MAX);
			return -1;
		}
		if (number_parse(s, len, &v) != NUMBER_OK || v > 0xffff) {
			snprintf(err, size, "pages: item %u is not a page number "
				 "(%s, at most 65535)", n + 1, NUMBER_EXPECTED);
			return -1;
		}
		p->refs[n++] = v;
		s += len;
		s += strspn(s, " \t");
		if (*s == '\0')
			break;
		if (*s++ != ',') {
			snprintf(err, size, "pages: expected a comma after item %u", n);
			return -1;
		}
	}
	p->nrefs = n;
	p->given |= EXP_BIT(EXP_PAGES);
	return 0;
}

unsigned
ex_draw(uint64_t *rng, unsigned n)
{
	return (unsigned)(rng_next(rng) % n);
}

uint64_t
ex_draw_bits(uint64_t *rng, unsigned bits)
{
	return rng_next(rng) >> (64 - bits);
}

unsigned
ex_pick(uint64_t *rng, const unsigned *choices, unsigned n)
{
	return choices[ex_draw(rng, n)];
}

void
ex_refs_text(const struct ex_params *p, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < p->nrefs && k < size; i++)
		k += (size_t)snprintf(buf + k, size - k, "%s%llu", i ? " " : "",
				      (unsigned long long)p->refs[i]);
}

void
ex_say(struct exercise *ex, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (ex->nlines == ex->lines_cap) {
		ex->lines_cap = ex->lines_cap ? 2 * ex->lines_cap : 16;
		ex->lines = xrealloc(ex->lines, ex->lines_cap, sizeof *ex->lines);
	}
	ex->lines[ex->nlines++] = xstrdup(line);
}

struct ex_question *
ex_ask(struct exercise *ex, const char *id, const char *answer, const char *reason)
{
	struct ex_question *q;

	if (ex->nq == ex->q_cap) {
		ex->q_cap = ex->q_cap ? 2 * ex->q_cap : 16;
		ex->q = xrealloc(ex->q, ex->q_cap, sizeof *ex->q);
	}
	q = &ex->q[ex->nq++];
	*q = (struct ex_question){ 0 };
	snprintf(q->id, sizeof q->id, "%s", id);
	snprintf(q->answer, sizeof q->answer, "%s", answer);
	snprintf(q->reason, sizeof q->reason, "%s", reason);
	return q;
}

void
ex_note(struct ex_question *q, const char *value, const char *fmt, ...)
{
	struct ex_note *n;
	va_list ap;

	if (q->nnotes == EX_NOTES_MAX)
		return;
	n = &q->notes[q->nnotes++];
	snprintf(n->value, sizeof n->value, "%s", value);
	va_start(ap, fmt);
	vsnprintf(n->text, sizeof n->text, fmt, ap);
	va_end(ap);
}

void
ex_machine_config(const struct ex_params *p, struct machine_config *cfg)
{
	machine_config_default(cfg);
	cfg->page_size = p->page_size;
	cfg->va_bits = p->va_bits;
	cfg->levels = p->levels;
	cfg->pte_bytes = p->pte_bytes;
	cfg->frames = p->frames;
	cfg->tlb_entries = p->tlb;
	cfg->policy = p->policy;
	cfg->tau = p->tau;
	cfg->tick = p->tick;
	cfg->seed = p->seed;
	cfg->grow_va = true;
	cfg->grow_swap = true;
}

struct machine *
ex_machine(const struct ex_params *p, char *err, size_t size)
{
	struct machine_config cfg;

	ex_machine_config(p, &cfg);
	if (machine_config_check(&cfg, err, size))
		return NULL;
	return machine_new_flat(&cfg, "app", PERM_R | PERM_W);
}

int
ex_read(struct machine *m, int pid, uint64_t addr, struct event_list *ev, char *err,
	size_t size)
{
	struct op op = { .kind = OP_ACCESS, .access = ACCESS_READ, .pid = pid, .addr = addr };

	return engine_apply(m, &op, ev, err, size);
}

const struct event *
ex_event(const struct event_list *ev, int kind)
{
	for (unsigned i = 0; i < ev->n; i++)
		if ((int)ev->ev[i].kind == kind)
			return &ev->ev[i];
	return NULL;
}

int
exercise_make(struct exercise *ex, const struct ex_kind *k, const struct ex_params *p,
	      char *err, size_t size)
{
	uint64_t rng = p->seed;

	*ex = (struct exercise){ .kind = k, .p = *p };
	k->draw(&ex->p, &rng);
	rng = p->seed ^ BUILD_STREAM;
	if (k->build(ex, &rng, err, size) == 0)
		return 0;
	exercise_free(ex);
	return -1;
}

void
exercise_free(struct exercise *ex)
{
	for (size_t i = 0; i < ex->nlines; i++)
		free(ex->lines[i]);
	free(ex->lines);
	free(ex->q);
	*ex = (struct exercise){ 0 };
}

const struct ex_question *
exercise_question(const struct exercise *ex, const char *id)
{
	for (size_t i = 0; i < ex->nq; i++)
		if (strcmp(ex->q[i].id, id) == 0)
			return &ex->q[i];
	return NULL;
}

/* ---- writing ------------------------------------------------------------ */

/* Whether the exercise's sheet states parameter i. */
static bool
states(const struct exercise *ex, enum ex_param i)
{
	unsigned bits = ex->kind->states ? ex->kind->states(&ex->p) : ex->kind->params;

	return bits & EXP_BIT(i);
}

/* The value of parameter i as the sheet and the options write it. */
static void
param_text(const struct ex_params *p, enum ex_param i, char *buf, size_t size)
{
	size_t k = 0;

	switch (i) {
	case EXP_PAGE_SIZE: snprintf(buf, size, "%u", p->page_size); break;
	case EXP_VA_BITS: snprintf(buf, size, "%u", p->va_bits); break;
	case EXP_LEVELS: snprintf(buf, size, "%u", p->levels); break;
	case EXP_PTE_BYTES: snprintf(buf, size, "%u", p->pte_bytes); break;
	case EXP_FRAMES: snprintf(buf, size, "%u", p->frames); break;
	case EXP_TLB: snprintf(buf, size, "%u", p->tlb); break;
	case EXP_TAU: snprintf(buf, size, "%u", p->tau); break;
	case EXP_TICK: snprintf(buf, size, "%u", p->tick); break;
	case EXP_POLICY: snprintf(buf, size, "%s", policy_at(p->policy)->name); break;
	case EXP_PAGES:
		buf[0] = '\0';
		for (unsigned r = 0; r < p->nrefs && k < size; r++)
			k += (size_t)snprintf(buf + k, size - k, "%s%llu", r ? "," : "",
					      (unsigned long long)p->refs[r]);
		break;
	case EXP_SNAPSHOT: ex_snapshot_text(p, buf, size); break;
	default: buf[0] = '\0';
	}
}

#define PARAM_TEXT_MAX (EX_REFS_MAX * 7 + 1)

void
exercise_write_problem(const struct exercise *ex, FILE *out)
{
	fprintf(out, "Exercise %s, seed %llu\n\n", ex->kind->name,
		(unsigned long long)ex->p.seed);
	for (size_t i = 0; i < ex->nlines; i++)
		fprintf(out, "%s\n", ex->lines[i]);
	fputc('\n', out);
	for (size_t i = 0; i < ex->nq; i++)
		fprintf(out, "  %s?\n", ex->q[i].id);
}

void
exercise_write_sheet(const struct exercise *ex, bool answers, FILE *out)
{
	char value[PARAM_TEXT_MAX];

	fprintf(out, "# vmscope answer sheet: write each answer after its colon, "
		"then run vmscope --grade FILE\n");
	fprintf(out, "exercise: %s\nseed: %llu\n", ex->kind->name,
		(unsigned long long)ex->p.seed);
	for (int i = 0; i < EXP_COUNT; i++) {
		if (!states(ex, (enum ex_param)i))
			continue;
		param_text(&ex->p, (enum ex_param)i, value, sizeof value);
		fprintf(out, "%s: %s\n", param_names[i], value);
	}
	fputs("#\n", out);
	for (size_t i = 0; i < ex->nlines; i++)
		fprintf(out, "#%s%s\n", ex->lines[i][0] ? " " : "", ex->lines[i]);
	fputs("#\n", out);
	for (size_t i = 0; i < ex->nq; i++) {
		const struct ex_question *q = &ex->q[i];

		if (answers)
			fprintf(out, "%s: %s\n#   %s\n", q->id, q->answer, q->reason);
		else
			fprintf(out, "%s:\n", q->id);
	}
}

void
exercise_to_json(const struct exercise *ex, struct cJSON *array)
{
	struct cJSON *o = json_push_object(array), *params, *lines, *qs;
	char value[PARAM_TEXT_MAX];

	json_put_string(o, "exercise", ex->kind->name);
	json_put_uint(o, "seed", ex->p.seed);
	params = json_put_object(o, "parameters");
	for (int i = 0; i < EXP_COUNT; i++) {
		if (!states(ex, (enum ex_param)i))
			continue;
		param_text(&ex->p, (enum ex_param)i, value, sizeof value);
		json_put_string(params, param_names[i], value);
	}
	lines = json_put_array(o, "problem");
	for (size_t i = 0; i < ex->nlines; i++)
		json_push_string(lines, ex->lines[i]);
	qs = json_put_array(o, "questions");
	for (size_t i = 0; i < ex->nq; i++) {
		struct cJSON *q = json_push_object(qs);

		json_put_string(q, "id", ex->q[i].id);
		json_put_string(q, "answer", ex->q[i].answer);
		json_put_string(q, "reason", ex->q[i].reason);
	}
}

int
exercise_print(const struct ex_kind *k, const struct ex_params *p, unsigned count,
	       enum ex_output how, FILE *out, char *err, size_t size)
{
	struct cJSON *doc = json_new_object(), *array = json_put_array(doc, "exercises");
	struct ex_params each = *p;
	struct exercise ex;
	int rc = 0;

	for (unsigned i = 0; i < count && rc == 0; i++, each.seed++) {
		if ((rc = exercise_make(&ex, k, &each, err, size)) != 0)
			break;
		if (i > 0 && how != EX_JSON)
			fputc('\n', out);
		if (how == EX_PROBLEM)
			exercise_write_problem(&ex, out);
		else if (how == EX_JSON)
			exercise_to_json(&ex, array);
		else
			exercise_write_sheet(&ex, how == EX_ANSWERS, out);
		exercise_free(&ex);
	}
	if (rc == 0 && how == EX_JSON) {
		char *text = json_format(doc);
		fputs(text, out);
		free(text);
	}
	cJSON_Delete(doc);
	return rc;
}
