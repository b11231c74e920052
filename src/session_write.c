/*
 * session_write.c - a session written as JSON in a fixed key order and
 * layout, and saved atomically.
 *
 * The order is vmscope, title, notes, machine, cgroups (only if any),
 * processes, ops, cursor,
 * expect (left out, and the notes marked, once the operations are no
 * longer those the session was loaded with); the current process at the start is listed first (that is how
 * the reader knows it), the others by pid.  Together with json_format's
 * fixed layout, a file vmscope wrote and read back is written again byte
 * for byte the same.
 *
 * Saving never harms the old file.  What would not be read back (over
 * SESSION_FILE_MAX) is refused first; the rest (only regular files
 * replaced, links followed, mode kept) is atomic_file.c's.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cmd.h"
#include "promise.h"
#include "json.h"
#include "machine.h"
#include "display.h"
#include "policy.h"
#include "session.h"
#include "xalloc.h"

void
session_put_machine(struct cJSON *m, const struct machine_config *cfg)
{
	json_put_uint(m, "page_size", cfg->page_size);
	json_put_uint(m, "va_bits", cfg->va_bits);
	json_put_uint(m, "frames", cfg->frames);
	json_put_uint(m, "swap_slots", cfg->swap_slots);
	json_put_uint(m, "tlb_entries", cfg->tlb_entries);
	json_put_string(m, "policy", policy_at(cfg->policy)->name);
	json_put_string(m, "scope", cfg->scope == SCOPE_LOCAL ? "local" : "global");
	json_put_uint(m, "seed", cfg->seed);
	/* Settings newer than the format are written only when not their
	 * default, so older sessions save byte-identically. */
	if (cfg->tau != TAU_DEFAULT)
		json_put_uint(m, "tau", cfg->tau);
	if (cfg->levels != 1)
		json_put_uint(m, "levels", cfg->levels);
	if (cfg->pte_bytes != PTE_BYTES_DEFAULT)
		json_put_uint(m, "pte_bytes", cfg->pte_bytes);
	if (cfg->tick != TICK_DEFAULT)
		json_put_uint(m, "tick", cfg->tick);
	if (cfg->grow_va)
		json_put_bool(m, "grow_va", true);
	if (cfg->grow_swap)
		json_put_bool(m, "grow_swap", true);
}

static void
write_process(struct cJSON *list, const struct machine *m, const struct process *p)
{
	struct cJSON *obj = json_push_object(list), *map;
	char addr[24];
	size_t i;

	json_put_uint(obj, "pid", (uint64_t)p->pid);
	json_put_string(obj, "name", p->name);
	map = json_put_array(obj, "map");
	for (i = 0; i < p->nregions; i++) {
		struct cJSON *r = json_push_object(map);

		snprintf(addr, sizeof addr, "0x%llx",
		    (unsigned long long)(p->regions[i].first_vpn * m->cfg.page_size));
		json_put_string(r, "addr", addr);
		/* A huge mapping counts huge pages, as hugemap does. */
		json_put_uint(r, "pages", p->regions[i].huge ?
		    p->regions[i].npages / machine_huge_pages(m) : p->regions[i].npages);
		json_put_string(r, "perm", perm_name(p->regions[i].perm));
		if (p->regions[i].huge)
			json_put_bool(r, "huge", true);
	}
	if (cgroup_at(m, p->cgroup) && cgroup_at(m, p->cgroup)->owner)
		json_put_uint(obj, "limit", cgroup_at(m, p->cgroup)->frames_max);
	else if (cgroup_at(m, p->cgroup))
		json_put_string(obj, "cgroup", cgroup_at(m, p->cgroup)->name);
}

/* The named groups at the start, if any: name, memory limit, swap limit if set. */
static void
write_cgroups(struct cJSON *doc, const struct machine *m)
{
	struct cJSON *list = NULL;

	for (unsigned i = 0; i < m->ncgroups; i++) {
		const struct cgroup *g = &m->cgroups[i];
		struct cJSON *obj;

		if (g->owner)
			continue;
		if (!list)
			list = json_put_array(doc, "cgroups");
		obj = json_push_object(list);
		json_put_string(obj, "name", g->name);
		json_put_uint(obj, "frames", g->frames_max);
		if (g->swap_max != SWAP_LIMIT_NONE)
			json_put_uint(obj, "swap", g->swap_max);
	}
}

static void
write_processes(struct cJSON *doc, const struct machine *m)
{
	struct cJSON *list = json_put_array(doc, "processes");
	const struct process *cur = machine_process(m, m->current_pid);
	size_t pid;

	if (cur)
		write_process(list, m, cur);
	for (pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p && p != cur)
			write_process(list, m, p);
	}
}

static void
write_ops(struct cJSON *doc, const struct history *h)
{
	struct cJSON *ops = json_put_array(doc, "ops");
	size_t k, n = history_length(h);
	char buf[256];

	for (k = 1; k <= n; k++) {
		const char *text = history_text(h, k);

		if (!text) {
			cmd_format(history_op(h, k), buf, sizeof buf);
			text = buf;
		}
		json_push_string(ops, text);
	}
}

/*
 * Notes whose operations were changed go out behind the caveat, once (a
 * file saved so already begins with it); notes too long to carry it are
 * left out, as they no longer hold.
 */
static void
write_notes(struct cJSON *doc, const struct session *s, bool on_path)
{
	size_t n = strlen(SESSION_NOTES_CAVEAT), len = strlen(s->notes);
	char *text;

	if (on_path || strncmp(s->notes, SESSION_NOTES_CAVEAT, n) == 0) {
		json_put_string(doc, "notes", s->notes);
		return;
	}
	if (n + 1 + len > SESSION_NOTES_MAX) {
		json_put_string(doc, "notes", SESSION_NOTES_CAVEAT);
		return;
	}
	text = xmalloc(n + 1 + len + 1);
	sprintf(text, "%s %s", SESSION_NOTES_CAVEAT, s->notes);
	json_put_string(doc, "notes", text);
	free(text);
}

char *
session_to_json(const struct session *s)
{
	struct cJSON *doc = json_new_object();
	bool on_path = session_on_lesson_path(s);
	char *text;

	json_put_uint(doc, "vmscope", 1);
	if (s->title)
		json_put_string(doc, "title", s->title);
	if (s->notes)
		write_notes(doc, s, on_path);
	session_put_machine(json_put_object(doc, "machine"), &history_initial(s->history)->cfg);
	write_cgroups(doc, history_initial(s->history));
	write_processes(doc, history_initial(s->history));
	write_ops(doc, s->history);
	json_put_uint(doc, "cursor", s->cursor);
	display_write(doc, &s->display);
	if (on_path)
		promises_write(s->expect, doc);
	text = json_format(doc);
	json_free(doc);
	return text;
}

/* ---- atomic save -------------------------------------------------------- */

/*
 * The check made before anything is written: the text fits what vmscope
 * reads back.  Then the safe replace atomic_file.c makes.
 */
static int
save_text(const char *path, const char *text, char *why, size_t size)
{
	size_t len = strlen(text);

	if (len > SESSION_FILE_MAX) {
		snprintf(why, size, "the session would take %zu MiB, more than the %u MiB a "
		    "session file may be (the file is unchanged)", (len + (1u << 20) - 1) >> 20,
		    SESSION_FILE_MAX >> 20);
		return -1;
	}
	return atomic_file_replace(path, text, len, "sessions are saved", why, size);
}

bool
session_would_replace(const struct session *s, const char *path)
{
	struct stat st, own;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode))
		return false;
	return s->path == NULL || stat(s->path, &own) < 0 || own.st_dev != st.st_dev ||
	    own.st_ino != st.st_ino;
}

int
session_save(struct session *s, const char *path, char *err, size_t size)
{
	char *text = session_to_json(s), why[512];
	int failed = save_text(path, text, why, sizeof why);

	free(text);
	if (failed) {
		snprintf(err, size, "%s: cannot save: %s", path, why);
		return -1;
	}
	if (s->path != path) {
		free(s->path);
		s->path = xstrdup(path);
	}
	s->modified = false;
	return 0;
}
