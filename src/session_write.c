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
 * Saving never harms the old file.  What would not be read back (over
 * SESSION_FILE_MAX) is refused first, and so is anything but a regular
 * file (a FIFO, a device); a symbolic link is followed to the file it
 * names.  The text goes to a temporary file in that file's folder, is
 * flushed to the disk, given the old file's mode, owner and group where
 * permitted (or 0644 less the umask for a new file) and renamed over the
 * old one in one step.  On any failure the temporary file is removed.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
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

#define LINKS_MAX 40                    /* symbolic links followed, as Linux does */
#define TEMP_NAME "/.vmscope-XXXXXX"    /* short, so any file name can be saved */

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

/* The folder holding path ("." for a bare name); the caller frees it. */
static char *
folder_of(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');

	if (!slash)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	return dir;
}

/* name, relative to the folder of `from` unless it is absolute. */
static char *
path_beside(const char *from, const char *name)
{
	char *dir, *p;

	if (name[0] == '/')
		return xstrdup(name);
	dir = folder_of(from);
	p = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(p, "%s/%s", dir, name);
	free(dir);
	return p;
}

/*
 * The file a save to path writes: path with its symbolic links followed,
 * a link to a file that does not exist yet included.  NULL with errno set
 * if a link cannot be read or there are too many.
 */
static char *
save_target(const char *path)
{
	char *p = xstrdup(path), *next, link[4096];
	struct stat st;
	ssize_t n;
	int hops;

	for (hops = 0; lstat(p, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
		if (hops == LINKS_MAX) {
			errno = ELOOP;
			n = -1;
		} else
			n = readlink(p, link, sizeof link - 1);
		if (n < 0) {
			free(p);
			return NULL;
		}
		link[n] = '\0';
		next = path_beside(p, link);
		free(p);
		p = next;
	}
	return p;
}

/* What a file that is not a regular one is, for the refusal. */
static const char *
kind_of(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "something else";
}

/* The mode a new file gets: 0644 less the umask. */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return NEW_FILE_MODE & ~mask;
}

/*
 * The new file gets the old one's owner and group where that is permitted
 * (as root, or a group the saver is in), and its permissions.
 */
static int
keep_owner_and_mode(int fd, const struct stat *old)
{
	if (old == NULL)
		return fchmod(fd, new_file_mode());
	if ((old->st_uid != geteuid() || old->st_gid != getegid()) &&
	    fchown(fd, old->st_uid, old->st_gid) < 0 &&
	    fchown(fd, (uid_t)-1, old->st_gid) < 0) {
		/* Not permitted: the file becomes the saver's, as a copy would. */
	}
	return fchmod(fd, old->st_mode & 07777);
}

/* Flushes a folder, so a rename in it is on the disk. */
static void
sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/*
 * The signals that would end vmscope are held while the temporary file
 * exists, so it is always renamed or removed before one of them acts (a
 * crash and SIGKILL excepted).
 */
static void
hold_signals(sigset_t *old)
{
	static const int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP,
		SIGSYS };
	sigset_t all;
	size_t i;

	sigfillset(&all);
	for (i = 0; i < sizeof crashes / sizeof crashes[0]; i++)
		sigdelset(&all, crashes[i]);
	sigprocmask(SIG_BLOCK, &all, old);
}

/*
 * Writes text to a new temporary file in target's folder and renames it
 * over target.  -1 with why (after "cannot save: ") on failure, the
 * temporary file removed.
 */
static int
replace_file(const char *target, const char *text, const struct stat *old,
	     char *why, size_t size)
{
	char *dir = folder_of(target), *tmp = xmalloc(strlen(dir) + sizeof TEMP_NAME);
	sigset_t held;
	int fd, ok;

	sprintf(tmp, "%s%s", dir, TEMP_NAME);
	hold_signals(&held);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(why, size, "cannot create a file in %s: %s", dir, strerror(errno));
		ok = 0;
	} else {
		ok = write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0 &&
		    keep_owner_and_mode(fd, old) == 0;
		ok = close(fd) == 0 && ok && rename(tmp, target) == 0;
		if (!ok) {
			snprintf(why, size, "%s", strerror(errno));
			unlink(tmp);
		}
	}
	sigprocmask(SIG_SETMASK, &held, NULL);
	if (ok)
		sync_folder(dir);
	free(tmp);
	free(dir);
	return ok ? 0 : -1;
}

/*
 * Whether target (what path leads to) is absent or a regular file, which
 * may be replaced; *old is the file if there is one.  -1 with why if not.
 */
static int
old_file(const char *path, const char *target, struct stat *old, bool *exists,
	 char *why, size_t size)
{
	bool linked = strcmp(path, target) != 0;

	*exists = stat(target, old) == 0;
	if (!*exists && errno != ENOENT) {
		snprintf(why, size, "%s", strerror(errno));
		return -1;
	}
	if (*exists && !S_ISREG(old->st_mode)) {
		snprintf(why, size, "%s%s, not a regular file; sessions are saved only over "
		    "regular files", linked ? "it leads to " : "it is ",
		    kind_of(old->st_mode));
		return -1;
	}
	return 0;
}

/*
 * The checks made before anything is written: the text fits what vmscope
 * reads back, and the file it replaces (through any symbolic links) is a
 * regular one.  Then the atomic replace.
 */
static int
save_text(const char *path, const char *text, char *why, size_t size)
{
	size_t len = strlen(text);
	char *target;
	struct stat st;
	bool exists;
	int rc;

	if (len > SESSION_FILE_MAX) {
		snprintf(why, size, "the session would take %zu MiB, more than the %u MiB a "
		    "session file may be (the file is unchanged)", (len + (1u << 20) - 1) >> 20,
		    SESSION_FILE_MAX >> 20);
		return -1;
	}
	if ((target = save_target(path)) == NULL) {
		snprintf(why, size, "%s", strerror(errno));
		return -1;
	}
	rc = old_file(path, target, &st, &exists, why, size);
	if (rc == 0)
		rc = replace_file(target, text, exists ? &st : NULL, why, size);
	free(target);
	return rc;
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
