/*
 * session_read.c - a session file's JSON turned into a machine, its
 * processes and a history of operations (DESIGN §3), with every problem
 * reported by its JSON path.
 *
 * Reading goes on after a problem wherever the rest can still be judged:
 * all unknown keys, all bad settings, every process and every operation.
 * Operations are replayed into the history only while the machine and the
 * processes are sound; otherwise they are only parsed, so one bad setting
 * does not drown the report in operations that "fail" because of it.
 *
 * The first process listed is the current one at the start.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "display.h"
#include "promise.h"
#include "json.h"
#include "machine.h"
#include "policy.h"
#include "session.h"
#include "xalloc.h"

#define TITLE_MAX 200
#define OP_TEXT_MAX 1024
#define SHOW_OP 60              /* bytes of a bad operation quoted */
#define VERSION 1

struct reading {
	struct json_reader r;
	const char *name;
	session_problem_fn report;
	void *ctx;
	struct machine_config cfg;
	struct machine *m;          /* NULL once the machine cannot be built */
	bool replay;                /* machine and processes sound so far */
	struct history *h;          /* owns m once made */
	size_t nops;
	const char *title, *notes;  /* borrowed from the document */
	uint64_t cursor;
	struct promises *expect;
	struct display display;
};

static const char *const top_keys[] = {
	"vmscope", "title", "notes", "machine", "cgroups", "processes", "ops", "cursor",
	"expect", "display", NULL
};
static const char *const machine_keys[] = {
	"page_size", "va_bits", "frames", "swap_slots", "tlb_entries", "policy",
	"scope", "seed", "tau", "tick", "levels", "pte_bytes", "grow_va", "grow_swap", NULL
};
static const char *const process_keys[] = { "pid", "name", "map", "limit", "cgroup", NULL };
static const char *const cgroup_keys[] = { "name", "frames", "swap", NULL };
static const char *const region_keys[] = { "addr", "pages", "perm", "huge", NULL };

/* The unsigned settings of struct machine_config and their limits. */
static const struct setting {
	const char *key;
	size_t offset;
	unsigned min, max;
} settings[] = {
	{ "page_size", offsetof(struct machine_config, page_size), PAGE_SIZE_MIN, PAGE_SIZE_MAX },
	{ "va_bits", offsetof(struct machine_config, va_bits), 1, VA_BITS_MAX },
	{ "frames", offsetof(struct machine_config, frames), 1, FRAMES_MAX },
	{ "swap_slots", offsetof(struct machine_config, swap_slots), 0, SWAP_SLOTS_MAX },
	{ "tlb_entries", offsetof(struct machine_config, tlb_entries), 0, TLB_ENTRIES_MAX },
	{ "tau", offsetof(struct machine_config, tau), 1, TAU_MAX },
	{ "tick", offsetof(struct machine_config, tick), 1, TICK_MAX },
	{ "levels", offsetof(struct machine_config, levels), 1, LEVELS_MAX },
	{ "pte_bytes", offsetof(struct machine_config, pte_bytes), 1, PTE_BYTES_MAX },
};

static void
relay(void *ctx, const char *path, const char *what)
{
	struct reading *rd = ctx;
	char line[JSON_PATH_MAX + 768];

	snprintf(line, sizeof line, "%s%s%s%s%s", rd->name ? rd->name : "",
	    rd->name ? ": " : "", path, *path ? ": " : "", what);
	if (rd->report)
		rd->report(rd->ctx, line);
}

/* ---- the machine -------------------------------------------------------- */

/* A string member, with its path; 1 if present and a string. */
static int
read_word(struct reading *rd, const struct cJSON *obj, const char *key,
	  char *path, const char **word)
{
	const struct cJSON *v = json_member(&rd->r, obj, "machine", key, JSON_OPTIONAL, path);

	return v && json_as_string(&rd->r, v, path, 64, word) == 0;
}

static void
read_choices(struct reading *rd, const struct cJSON *obj)
{
	char path[JSON_PATH_MAX], q[96];
	const char *word;

	if (read_word(rd, obj, "policy", path, &word)) {
		rd->cfg.policy = policy_find(word);
		json_quote(q, sizeof q, word, 24);
		if (rd->cfg.policy < 0)
			json_problem(&rd->r, path, "expected one of %s, found the string %s",
			    policy_names(), q);
	}
	if (read_word(rd, obj, "scope", path, &word)) {
		json_quote(q, sizeof q, word, 24);
		if (strcmp(word, "global") == 0)
			rd->cfg.scope = SCOPE_GLOBAL;
		else if (strcmp(word, "local") == 0)
			rd->cfg.scope = SCOPE_LOCAL;
		else
			json_problem(&rd->r, path, "expected global or local, found the string %s", q);
	}
}

static void
read_settings(struct reading *rd, const struct cJSON *obj)
{
	struct machine_config *cfg = &rd->cfg;
	uint64_t v;
	size_t i;

	for (i = 0; i < sizeof settings / sizeof settings[0]; i++) {
		unsigned *field = (unsigned *)((char *)cfg + settings[i].offset);

		v = *field;
		if (json_get_uint(&rd->r, obj, "machine", settings[i].key, JSON_OPTIONAL,
		    settings[i].min, settings[i].max, &v) == 1)
			*field = (unsigned)v;
	}
	json_get_uint(&rd->r, obj, "machine", "seed", JSON_OPTIONAL, 0, UINT64_MAX, &cfg->seed);
	json_get_bool(&rd->r, obj, "machine", "grow_va", JSON_OPTIONAL, &cfg->grow_va);
	json_get_bool(&rd->r, obj, "machine", "grow_swap", JSON_OPTIONAL, &cfg->grow_swap);
}

static void
read_machine(struct reading *rd, const struct cJSON *doc)
{
	unsigned before = rd->r.problems, values;
	char path[JSON_PATH_MAX], err[256];
	const struct cJSON *obj;

	machine_config_default(&rd->cfg);
	obj = json_member(&rd->r, doc, "", "machine", JSON_OPTIONAL, path);
	if (obj && json_check_object(&rd->r, obj, path, machine_keys) < 0)
		return;
	values = rd->r.problems;
	if (obj) {
		read_settings(rd, obj);
		read_choices(rd, obj);
	}
	/* Unknown keys do not stop the values from being judged together. */
	if (rd->r.problems != values)
		return;
	if (machine_config_check(&rd->cfg, err, sizeof err) < 0)
		json_problem(&rd->r, "", "machine.%s", err);
	if (rd->r.problems != before)
		return;
	rd->m = machine_new(&rd->cfg);
	rd->replay = rd->m != NULL;
}

/* ---- processes ---------------------------------------------------------- */

/* A name as `spawn NAME` would take it, so both ways of naming agree. */
static int
good_name(const char *name)
{
	char line[OP_NAME_MAX + 16];
	struct cmd_error ce;
	struct op op;

	snprintf(line, sizeof line, "spawn %s", name);
	return cmd_parse(line, &op, &ce) == 0 && op.kind == OP_SPAWN &&
	    strcmp(op.name, name) == 0;
}

static int
read_perm(struct reading *rd, const struct cJSON *obj, const char *parent, unsigned *perm)
{
	char path[JSON_PATH_MAX];
	const struct cJSON *v = json_member(&rd->r, obj, parent, "perm", JSON_REQUIRED, path);
	const char *s;

	if (!v || json_as_string(&rd->r, v, path, 8, &s) < 0)
		return -1;
	for (*perm = PERM_R; *perm <= (PERM_R | PERM_W | PERM_X); (*perm)++)
		if (strcmp(perm_name(*perm), s) == 0)
			return 0;
	json_expected(&rd->r, path, "r, rw, rx, rwx, w, wx or x", v);
	return -1;
}

/* One mapped region; mapped into pid unless pid is 0 (check only). */
static void
read_region(struct reading *rd, const struct cJSON *v, const char *path, int pid)
{
	unsigned before = rd->r.problems, perm = 0;
	uint64_t addr = 0, pages = 0, ps = rd->cfg.page_size;
	bool huge = false;
	char err[256];

	if (json_check_object(&rd->r, v, path, region_keys) < 0)
		return;
	json_get_uint(&rd->r, v, path, "addr", JSON_REQUIRED, 0, UINT64_MAX, &addr);
	json_get_uint(&rd->r, v, path, "pages", JSON_REQUIRED, 1, UINT64_MAX, &pages);
	read_perm(rd, v, path, &perm);
	json_get_bool(&rd->r, v, path, "huge", JSON_OPTIONAL, &huge);
	if (rd->r.problems != before || !rd->m)
		return;
	if (addr % ps)
		json_problem(&rd->r, path, "addr 0x%llx is not a multiple of the page "
		    "size (%llu)", (unsigned long long)addr, (unsigned long long)ps);
	else if (pid && machine_map(rd->m, pid, addr / ps, pages, perm, huge, err,
				    sizeof err) < 0)
		json_problem(&rd->r, path, "%s", err);
}

static void
read_regions(struct reading *rd, const struct cJSON *obj, const char *parent, int pid)
{
	char path[JSON_PATH_MAX], ipath[JSON_PATH_MAX];
	const struct cJSON *map, *it;
	size_t i = 0;

	map = json_member(&rd->r, obj, parent, "map", JSON_REQUIRED, path);
	if (!map || !json_as_array(&rd->r, map, path))
		return;
	for (it = json_first(map); it; it = json_next(it)) {
		json_path_index(ipath, sizeof ipath, path, i++);
		read_region(rd, it, ipath, pid);
	}
}

/* A name a spawn or a cgroup takes, at path; 0 if good. */
static int
read_name(struct reading *rd, const struct cJSON *obj, const char *parent, const char *key,
	  enum json_need need, const char **name)
{
	char path[JSON_PATH_MAX], err[96];
	const struct cJSON *v = json_member(&rd->r, obj, parent, key, need, path);

	if (!v || json_as_string(&rd->r, v, path, OP_NAME_MAX, name) < 0)
		return -1;
	if (good_name(*name))
		return 0;
	snprintf(err, sizeof err, "1 to %d letters, digits, '_', '.' or '-'", OP_NAME_MAX);
	json_expected(&rd->r, path, err, v);
	*name = NULL;
	return -1;
}

/* The process's group ("cgroup": a name listed under cgroups) or own limit. */
static void
read_process_group(struct reading *rd, const struct cJSON *v, const char *path, int pid)
{
	char ppath[JSON_PATH_MAX];
	uint64_t limit = LIMIT_NONE;
	const char *group = NULL;
	unsigned before = rd->r.problems;
	struct process *p;

	json_get_uint(&rd->r, v, path, "limit", JSON_OPTIONAL, 1, FRAMES_MAX, &limit);
	read_name(rd, v, path, "cgroup", JSON_OPTIONAL, &group);
	if (group && limit != LIMIT_NONE) {
		json_path_key(ppath, sizeof ppath, path, "limit");
		json_problem(&rd->r, ppath, "a process in a cgroup has the group's limit "
		    "(give limit or cgroup, not both)");
	}
	if (rd->r.problems != before || !rd->m || !pid)
		return;
	p = machine_process(rd->m, pid);
	if (group && !(p->cgroup = cgroup_find(rd->m, group))) {
		json_path_key(ppath, sizeof ppath, path, "cgroup");
		json_problem(&rd->r, ppath, "no cgroup \"%s\" (expected a name listed under "
		    "cgroups)", group);
	} else if (limit != LIMIT_NONE) {
		p->cgroup = cgroup_make(rd->m, "", pid);
		rd->m->cgroups[p->cgroup - 1].frames_max = (unsigned)limit;
	}
}

/* Adds the process to the machine; its pid, or 0 if it could not be added. */
static int
add_process(struct reading *rd, const struct cJSON *v, const char *path, bool first)
{
	unsigned before = rd->r.problems;
	uint64_t pid = 0;
	char ppath[JSON_PATH_MAX], err[256];
	const char *name = NULL;

	json_get_uint(&rd->r, v, path, "pid", JSON_REQUIRED, 1, PID_MAX, &pid);
	read_name(rd, v, path, "name", JSON_REQUIRED, &name);
	if (rd->r.problems != before || !rd->m) {
		read_process_group(rd, v, path, 0);
		return 0;
	}
	if (machine_add_process(rd->m, (int)pid, name, err, sizeof err) < 0) {
		json_path_key(ppath, sizeof ppath, path, "pid");
		json_problem(&rd->r, ppath, "%s", err);
		return 0;
	}
	read_process_group(rd, v, path, (int)pid);
	if (first)
		rd->m->current_pid = (int)pid;
	return (int)pid;
}

static void
read_processes(struct reading *rd, const struct cJSON *doc)
{
	char path[JSON_PATH_MAX], ipath[JSON_PATH_MAX];
	const struct cJSON *list, *it;
	unsigned before = rd->r.problems;
	size_t i = 0;

	list = json_member(&rd->r, doc, "", "processes", JSON_OPTIONAL, path);
	if (list && json_as_array(&rd->r, list, path)) {
		for (it = json_first(list); it; it = json_next(it)) {
			json_path_index(ipath, sizeof ipath, path, i);
			if (json_check_object(&rd->r, it, ipath, process_keys) == 0)
				read_regions(rd, it, ipath, add_process(rd, it, ipath, i == 0));
			i++;
		}
	}
	if (rd->r.problems != before)
		rd->replay = false;
}

/* ---- memory groups (cgroups) --------------------------------------------- */

/* One named group and its limits; made in the machine if it is sound. */
static void
read_cgroup(struct reading *rd, const struct cJSON *v, const char *path)
{
	unsigned before = rd->r.problems, id;
	uint64_t frames = 0, swap = SWAP_LIMIT_NONE;
	char npath[JSON_PATH_MAX];
	const char *name = NULL;

	if (json_check_object(&rd->r, v, path, cgroup_keys) < 0)
		return;
	read_name(rd, v, path, "name", JSON_REQUIRED, &name);
	json_get_uint(&rd->r, v, path, "frames", JSON_REQUIRED, 1, FRAMES_MAX, &frames);
	json_get_uint(&rd->r, v, path, "swap", JSON_OPTIONAL, 0, SWAP_SLOTS_MAX, &swap);
	if (rd->r.problems != before || !rd->m)
		return;
	if (cgroup_find(rd->m, name)) {
		json_path_key(npath, sizeof npath, path, "name");
		json_problem(&rd->r, npath, "cgroup \"%s\" is listed twice", name);
		return;
	}
	id = cgroup_make(rd->m, name, 0);
	rd->m->cgroups[id - 1].frames_max = (unsigned)frames;
	rd->m->cgroups[id - 1].swap_max = (unsigned)swap;
}

static void
read_cgroups(struct reading *rd, const struct cJSON *doc)
{
	char path[JSON_PATH_MAX], ipath[JSON_PATH_MAX];
	const struct cJSON *list, *it;
	unsigned before = rd->r.problems;
	size_t i = 0;

	list = json_member(&rd->r, doc, "", "cgroups", JSON_OPTIONAL, path);
	if (list && json_as_array(&rd->r, list, path))
		for (it = json_first(list); it; it = json_next(it)) {
			json_path_index(ipath, sizeof ipath, path, i++);
			read_cgroup(rd, it, ipath);
		}
	if (rd->r.problems != before)
		rd->replay = false;
}

/* ---- operations --------------------------------------------------------- */

static void
read_op(struct reading *rd, const struct cJSON *v, const char *path)
{
	char q[SHOW_OP * 4 + 8], err[256];
	struct cmd_error ce;
	const char *text;
	struct op op;

	if (json_as_string(&rd->r, v, path, OP_TEXT_MAX, &text) < 0)
		return;
	json_quote(q, sizeof q, text, SHOW_OP);
	if (cmd_parse(text, &op, &ce) < 0)
		json_problem(&rd->r, path, "%s: %s", q, ce.msg);
	else if (rd->h && history_append(rd->h, &op, text, err, sizeof err) < 0)
		json_problem(&rd->r, path, "%s: %s", q, err);
}

static void
read_ops(struct reading *rd, const struct cJSON *doc)
{
	char path[JSON_PATH_MAX], ipath[JSON_PATH_MAX];
	const struct cJSON *list, *it;

	if (rd->replay) {
		rd->h = history_new(rd->m);
		rd->m = NULL;
	}
	list = json_member(&rd->r, doc, "", "ops", JSON_OPTIONAL, path);
	if (!list || !json_as_array(&rd->r, list, path))
		return;
	for (it = json_first(list); it; it = json_next(it)) {
		json_path_index(ipath, sizeof ipath, path, rd->nops++);
		read_op(rd, it, ipath);
	}
}

/* ---- the document ------------------------------------------------------- */

/*
 * Only a file that says it is another version stops the reading: its keys
 * may mean other things.  A missing or malformed version is reported, and
 * the rest is read as version 1.
 */
static int
read_version(struct reading *rd, const struct cJSON *doc)
{
	uint64_t version = VERSION;

	json_get_uint(&rd->r, doc, "", "vmscope", JSON_REQUIRED, 0, JSON_INT_MAX, &version);
	if (version == VERSION)
		return 0;
	json_problem(&rd->r, "vmscope", "this file is version %llu; this vmscope reads "
	    "version %d", (unsigned long long)version, VERSION);
	return -1;
}

static void
read_rest(struct reading *rd, const struct cJSON *doc)
{
	char path[JSON_PATH_MAX];
	const struct cJSON *v;

	json_get_uint(&rd->r, doc, "", "cursor", JSON_OPTIONAL, 0, JSON_INT_MAX, &rd->cursor);
	if (rd->cursor > rd->nops)
		json_problem(&rd->r, "cursor", "%llu is past the end: the session has %zu "
		    "operations", (unsigned long long)rd->cursor, rd->nops);
	v = json_member(&rd->r, doc, "", "expect", JSON_OPTIONAL, path);
	if (v)
		rd->expect = promises_read(&rd->r, v, path);
	v = json_member(&rd->r, doc, "", "display", JSON_OPTIONAL, path);
	if (v)
		display_read(&rd->r, v, path, &rd->display);
}

static void
read_document(struct reading *rd, const struct cJSON *doc)
{
	if (json_check_object(&rd->r, doc, "", top_keys) < 0 || read_version(rd, doc) < 0)
		return;
	json_get_string(&rd->r, doc, "", "title", JSON_OPTIONAL, TITLE_MAX, &rd->title);
	json_get_string(&rd->r, doc, "", "notes", JSON_OPTIONAL, SESSION_NOTES_MAX, &rd->notes);
	read_machine(rd, doc);
	read_cgroups(rd, doc);
	read_processes(rd, doc);
	read_ops(rd, doc);
	read_rest(rd, doc);
}

static void
fill(struct session *s, struct reading *rd)
{
	memset(s, 0, sizeof *s);
	s->title = rd->title ? xstrdup(rd->title) : NULL;
	s->notes = rd->notes ? xstrdup(rd->notes) : NULL;
	s->history = rd->h;
	s->cursor = (size_t)rd->cursor;
	s->expect = rd->expect;
	s->display = rd->display;
	session_mark_lesson_path(s);
}

int
session_parse(const char *buf, size_t len, const char *name, struct session *s,
	      session_problem_fn report, void *ctx)
{
	struct reading rd;
	struct cJSON *doc;

	memset(&rd, 0, sizeof rd);
	rd.r = (struct json_reader){ relay, &rd, 0, false };
	rd.name = name;
	rd.report = report;
	rd.ctx = ctx;
	doc = json_parse(&rd.r, buf, len);
	if (doc)
		read_document(&rd, doc);
	if (rd.r.problems == 0 && s && rd.h) {
		fill(s, &rd);
	} else {
		history_free(rd.h);
		machine_free(rd.m);
		promises_free(rd.expect);
	}
	json_free(doc);
	return (int)rd.r.problems;
}
