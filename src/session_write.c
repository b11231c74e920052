/*
 * session_write.c - a session written as JSON in a fixed key order and
 * layout, and saved atomically.
 *
 * The order is vmscope, title, notes, machine, processes, ops, cursor,
 * expect (left out, and the notes marked, once the operations are no
 * longer those the session was loaded with); the current process at the start is listed first (that is how
 * the reader knows it), the others by pid.  Together with json_format's
 * fixed layout, a file vmscope wrote and read back is written again byte
 * for byte the same.
 *
 * Saving never harms the old file: the text goes to a temporary file in
 * the same folder, is flushed to the disk, given the old file's mode (or
 * 0644 less the umask for a new file) and renamed over the old one in one
 * step.  On any failure the temporary file is removed.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "promise.h"
#include "json.h"
#include "machine.h"
#include "policy.h"
#include "session.h"
#include "xalloc.h"

#define NEW_FILE_MODE 0644

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
		json_put_uint(r, "pages", p->regions[i].npages);
		json_put_string(r, "perm", perm_name(p->regions[i].perm));
	}
	if (p->frame_limit != LIMIT_NONE)
		json_put_uint(obj, "limit", p->frame_limit);
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
	if (n + 2 + len > SESSION_NOTES_MAX) {
		json_put_string(doc, "notes", SESSION_NOTES_CAVEAT);
		return;
	}
	text = xmalloc(n + 2 + len + 1);
	sprintf(text, "%s\n\n%s", SESSION_NOTES_CAVEAT, s->notes);
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
	write_processes(doc, history_initial(s->history));
	write_ops(doc, s->history);
	json_put_uint(doc, "cursor", s->cursor);
	if (on_path)
		promises_write(s->expect, doc);
	text = json_format(doc);
	json_free(doc);
	return text;
}

/* ---- atomic save -------------------------------------------------------- */

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The mode the saved file gets: the old file's, or 0644 less the umask. */
static mode_t
save_mode(const char *path)
{
	struct stat st;
	mode_t mask;

	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	mask = umask(0);
	umask(mask);
	return NEW_FILE_MODE & ~mask;
}

/* Flushes the folder holding path, so the rename itself is on the disk. */
static void
sync_folder(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	fd = open(dir, O_RDONLY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Writes text to a new temporary file beside path and renames it over path. */
static int
replace_file(const char *path, const char *text)
{
	mode_t mode = save_mode(path);
	size_t n = strlen(path);
	char *tmp = xmalloc(n + 8);
	int fd, ok, saved;

	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", 8);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return -1;
	}
	ok = write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0 &&
	    fchmod(fd, mode) == 0;
	saved = errno;
	if (close(fd) < 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (ok && rename(tmp, path) < 0) {
		ok = 0;
		saved = errno;
	}
	if (!ok)
		unlink(tmp);
	free(tmp);
	if (ok)
		sync_folder(path);
	errno = saved;
	return ok ? 0 : -1;
}

int
session_save(struct session *s, const char *path, char *err, size_t size)
{
	char *text = session_to_json(s);
	int failed = replace_file(path, text);

	free(text);
	if (failed) {
		snprintf(err, size, "%s: cannot save: %s", path, strerror(errno));
		return -1;
	}
	if (s->path != path) {
		free(s->path);
		s->path = xstrdup(path);
	}
	s->modified = false;
	return 0;
}
