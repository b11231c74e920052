/*
 * promise.c - a session's promises about its final state: read from JSON,
 * written back in a fixed order, and checked against a replay (promise.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plural.h"
#include "promise.h"
#include "number.h"
#include "xalloc.h"

#define PROMISE_STATS(X) \
	X(accesses) X(hits) X(faults) X(evictions) X(writebacks) \
	X(tlb_hits) X(tlb_misses) X(segfaults) X(protection_faults) \
	X(out_of_memory) X(zero_fills) X(swap_ins) X(minor_faults) X(major_faults) \
	X(table_reads) X(mem_refs) X(oom_kills)

#define STAT_ENTRY(f) { #f, offsetof(struct stats, f) },
static const struct {
	const char *name;
	size_t offset;
} stat_table[] = { PROMISE_STATS(STAT_ENTRY) };
#undef STAT_ENTRY

#define STAT_KEY(f) #f,
static const char *const promise_keys[] = {
	PROMISE_STATS(STAT_KEY) "faults_of", "frames", "working_sets", NULL
};
#undef STAT_KEY

#define NSTATS (sizeof stat_table / sizeof stat_table[0])

/* In the order they are written. */
enum claim_kind { CLAIM_STAT, CLAIM_FAULTS_OF, CLAIM_FRAME, CLAIM_WORKING_SET };

struct claim {
	enum claim_kind kind;
	uint64_t key;           /* stat_table index, pid or frame */
	uint64_t value;         /* a count, a working set's pages; for a frame,
				 * the pid (0: free) */
	uint64_t vpn;           /* for a frame */
};

struct promises {
	struct claim *p;
	size_t n, cap;
};

static void
add(struct promises *e, struct claim pr)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 16;
		e->p = xrealloc(e->p, e->cap, sizeof *e->p);
	}
	e->p[e->n++] = pr;
}

static int
by_kind_and_key(const void *a, const void *b)
{
	const struct claim *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* ---- reading ------------------------------------------------------------ */

static const char *const map_names[] = {
	[CLAIM_FAULTS_OF] = "faults_of", [CLAIM_FRAME] = "frames",
	[CLAIM_WORKING_SET] = "working_sets",
};

/* "1:0x7" or "free" into pr->value (pid) and pr->vpn. */
static int
read_owner(struct json_reader *r, const struct cJSON *v, const char *path,
	   struct claim *pr)
{
	const char *s, *colon;
	uint64_t pid;

	if (json_as_string(r, v, path, 64, &s) < 0)
		return -1;
	if (strcmp(s, "free") == 0) {
		pr->value = 0;
		return 0;
	}
	colon = strchr(s, ':');
	if (colon && number_parse(s, (size_t)(colon - s), &pid) == NUMBER_OK &&
	    pid >= 1 && pid <= PID_MAX &&
	    number_parse(colon + 1, strlen(colon + 1), &pr->vpn) == NUMBER_OK) {
		pr->value = pid;
		return 0;
	}
	json_expected(r, path, "\"PID:VPN\" (such as \"1:0x7\") or \"free\"", v);
	return -1;
}

/*
 * One member of "faults_of" (pid -> count), "frames" (frame -> owner) or
 * "working_sets" (pid -> pages).
 */
static void
read_member(struct json_reader *r, const struct cJSON *item, const char *parent,
	    enum claim_kind kind, struct promises *e)
{
	uint64_t max = kind == CLAIM_FRAME ? FRAMES_MAX - 1 : PID_MAX;
	uint64_t min = kind == CLAIM_FRAME ? 0 : 1;
	struct claim pr = { kind, 0, 0, 0 };
	char path[JSON_PATH_MAX];
	const char *key = json_key(item);
	int bad;

	json_path_key(path, sizeof path, parent, key);
	if (number_parse(key, strlen(key), &pr.key) != NUMBER_OK || pr.key < min ||
	    pr.key > max) {
		json_problem(r, path, "expected a key from %llu to %llu (a %s)",
		    (unsigned long long)min, (unsigned long long)max,
		    kind == CLAIM_FRAME ? "frame number" : "pid");
		return;
	}
	if (kind == CLAIM_FRAME)
		bad = read_owner(r, item, path, &pr);
	else
		bad = json_as_uint(r, item, path, 0, JSON_INT_MAX, false, &pr.value);
	if (!bad)
		add(e, pr);
}

static void
read_map(struct json_reader *r, const struct cJSON *obj, const char *parent,
	 enum claim_kind kind, struct promises *e)
{
	char path[JSON_PATH_MAX];
	const struct cJSON *v, *item;

	v = json_member(r, obj, parent, map_names[kind], JSON_OPTIONAL, path);
	if (!v || !json_as_object(r, v, path))
		return;
	for (item = json_first(v); item; item = json_next(item))
		read_member(r, item, path, kind, e);
}

/* After sorting, the same pid or frame twice is a contradiction. */
static void
find_twins(struct json_reader *r, const struct promises *e, const char *parent)
{
	char base[JSON_PATH_MAX], path[JSON_PATH_MAX], key[24];
	size_t i;

	for (i = 1; i < e->n; i++) {
		if (e->p[i].kind != e->p[i - 1].kind || e->p[i].key != e->p[i - 1].key ||
		    e->p[i].kind == CLAIM_STAT)
			continue;
		json_path_key(base, sizeof base, parent, map_names[e->p[i].kind]);
		snprintf(key, sizeof key, "%llu", (unsigned long long)e->p[i].key);
		json_path_key(path, sizeof path, base, key);
		json_problem(r, path, "given twice; expected each %s once",
		    e->p[i].kind == CLAIM_FRAME ? "frame" : "pid");
	}
}

struct promises *
promises_read(struct json_reader *r, const struct cJSON *v, const char *path)
{
	unsigned before = r->problems;
	struct promises *e;
	size_t i;

	if (json_check_object(r, v, path, promise_keys) < 0)
		return NULL;
	e = xcalloc(1, sizeof *e);
	for (i = 0; i < NSTATS; i++) {
		struct claim pr = { CLAIM_STAT, i, 0, 0 };

		if (json_get_uint(r, v, path, stat_table[i].name, JSON_OPTIONAL, 0,
		    JSON_INT_MAX, &pr.value) == 1)
			add(e, pr);
	}
	read_map(r, v, path, CLAIM_FAULTS_OF, e);
	read_map(r, v, path, CLAIM_FRAME, e);
	read_map(r, v, path, CLAIM_WORKING_SET, e);
	if (e->n)
		qsort(e->p, e->n, sizeof *e->p, by_kind_and_key);
	find_twins(r, e, path);
	if (r->problems != before) {
		promises_free(e);
		return NULL;
	}
	return e;
}

/* ---- writing ------------------------------------------------------------ */

static void
owner_text(uint64_t pid, uint64_t vpn, char *buf, size_t size)
{
	if (pid == 0)
		snprintf(buf, size, "free");
	else
		snprintf(buf, size, "%llu:0x%llx", (unsigned long long)pid,
		    (unsigned long long)vpn);
}

void
promises_write(const struct promises *e, struct cJSON *obj)
{
	struct cJSON *x, *maps[4] = { NULL, NULL, NULL, NULL };
	char key[24], owner[48];
	size_t i;

	if (!e)
		return;
	x = json_put_object(obj, "expect");
	for (i = 0; i < e->n; i++) {
		const struct claim *pr = &e->p[i];

		if (pr->kind == CLAIM_STAT) {
			json_put_uint(x, stat_table[pr->key].name, pr->value);
			continue;
		}
		if (!maps[pr->kind])
			maps[pr->kind] = json_put_object(x, map_names[pr->kind]);
		snprintf(key, sizeof key, "%llu", (unsigned long long)pr->key);
		if (pr->kind == CLAIM_FRAME) {
			owner_text(pr->value, pr->vpn, owner, sizeof owner);
			json_put_string(maps[pr->kind], key, owner);
		} else
			json_put_uint(maps[pr->kind], key, pr->value);
	}
}

/* ---- checking ----------------------------------------------------------- */

static void
check_one(struct json_reader *r, const struct claim *pr, const struct machine *m)
{
	char path[JSON_PATH_MAX], key[24], want[48], got[48];
	const struct process *p;

	if (pr->kind == CLAIM_STAT) {
		uint64_t v;

		memcpy(&v, (const char *)&m->stats + stat_table[pr->key].offset, sizeof v);
		json_path_key(path, sizeof path, "expect", stat_table[pr->key].name);
		if (v != pr->value)
			json_problem(r, path, "the notes promise %llu, the replay gives %llu",
			    (unsigned long long)pr->value, (unsigned long long)v);
		return;
	}
	json_path_key(want, sizeof want, "expect", map_names[pr->kind]);
	snprintf(key, sizeof key, "%llu", (unsigned long long)pr->key);
	json_path_key(path, sizeof path, want, key);
	if (pr->kind == CLAIM_FAULTS_OF || pr->kind == CLAIM_WORKING_SET) {
		bool faults = pr->kind == CLAIM_FAULTS_OF;

		p = machine_process(m, (int)pr->key);
		if (!p)
			json_problem(r, path, "the notes promise process %s, the replay has "
			    "no such process at the end", key);
		else if ((faults ? p->faults : p->ws.size) != pr->value)
			json_problem(r, path, "the notes promise %llu %s%s%s, the replay "
			    "gives %llu", (unsigned long long)pr->value,
			    faults ? "fault" : "page", plural(pr->value),
			    faults ? "" : " in the working set",
			    (unsigned long long)(faults ? p->faults : p->ws.size));
		return;
	}
	owner_text(pr->value, pr->vpn, want, sizeof want);
	if (pr->key >= m->cfg.frames)
		snprintf(got, sizeof got, "no such frame (%u frame%s)", m->cfg.frames,
			 plural(m->cfg.frames));
	else if (frame_rmap(m, (int)pr->key)->holds == HOLDS_PAGE_TABLE)
		snprintf(got, sizeof got, "a page table of pid %d", frame_rmap(m, (int)pr->key)->pid);
	else {
		struct mapping first = frame_first(m, (int)pr->key);

		owner_text((uint64_t)first.pid, first.vpn, got, sizeof got);
	}
	if (strcmp(want, got) != 0)
		json_problem(r, path, "the notes promise %s, the replay has %s", want, got);
}

unsigned
promises_check(const struct promises *e, const struct machine *m,
	     json_report_fn report, void *ctx)
{
	struct json_reader r = { report, ctx, 0, false };
	size_t i;

	for (i = 0; e && i < e->n; i++)
		check_one(&r, &e->p[i], m);
	return r.problems;
}

bool
promises_name(const struct promises *e, const char *stat)
{
	for (size_t i = 0; e != NULL && i < e->n; i++)
		if (e->p[i].kind == CLAIM_STAT && strcmp(stat_table[e->p[i].key].name, stat) == 0)
			return true;
	return false;
}

size_t
promises_count(const struct promises *e)
{
	return e ? e->n : 0;
}

void
promises_free(struct promises *e)
{
	if (!e)
		return;
	free(e->p);
	free(e);
}
