/*
 * atomic_file.c - a file written whole or not at all, and only where a
 * file may be replaced: sessions, exports and quizzes all go through it.
 *
 * Anything but a regular file (a FIFO, a device, a folder) is refused, and
 * so is a read-only file: one the saver may not write, or one with no write
 * permission for anyone (root may write it, but a 0444 file says "keep"),
 * since a rename would replace it past its permissions.  A symbolic link
 * is followed to the file it names.  The text goes to a
 * temporary file in that file's folder, is flushed to the disk, given the
 * old file's mode, owner and group where permitted (or 0644 less the umask
 * for a new file) and renamed over the old one in one step.  On any
 * failure the temporary file is removed and the old file is unchanged.
 */
#define _POSIX_C_SOURCE 200809L   /* mkstemp, open_memstream, fchown, fsync */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "xalloc.h"

#define LINKS_MAX 40                    /* symbolic links followed, as Linux does */
#define TEMP_NAME "/.vmscope-XXXXXX"    /* short, so any file name can be written */
#define NEW_FILE_MODE 0644

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
 * The file a write to path replaces: path with its symbolic links followed,
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
 * over target.  -1 with why on failure, the temporary file removed.
 */
static int
replace_file(const char *target, const char *text, size_t len,
	     const struct stat *old, char *why, size_t size)
{
	char *dir = folder_of(target), *tmp = xmalloc(strlen(dir) + sizeof TEMP_NAME);
	sigset_t held;
	int fd, ok;

	sprintf(tmp, "%s%s", dir, TEMP_NAME);
	hold_signals(&held);
	if ((fd = mkstemp(tmp)) < 0 && old) {
		/* /proc/version: a file, but in a folder that takes no new one */
		snprintf(why, size, "it cannot be replaced: no new file can be made beside it "
			 "in %s (%s)", dir, strerror(errno));
		ok = 0;
	} else if (fd < 0) {
		snprintf(why, size, "cannot create a file in %s: %s", dir, strerror(errno));
		ok = 0;
	} else {
		ok = write_all(fd, text, len) == 0 && fsync(fd) == 0 &&
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
old_file(const char *path, const char *target, const char *done, struct stat *old,
	 bool *exists, char *why, size_t size)
{
	bool linked = strcmp(path, target) != 0;

	*exists = stat(target, old) == 0;
	if (!*exists && errno != ENOENT) {
		snprintf(why, size, "%s", strerror(errno));
		return -1;
	}
	if (*exists && !S_ISREG(old->st_mode)) {
		snprintf(why, size, "%s%s, not a regular file; %s only over regular files",
		    linked ? "it leads to " : "it is ", kind_of(old->st_mode), done);
		return -1;
	}
	if (*exists && (access(target, W_OK) != 0 || (old->st_mode & 0222) == 0)) {
		snprintf(why, size, "%s read-only; %s only over files that may be written",
		    linked ? "it leads to a file that is" : "it is", done);
		return -1;
	}
	return 0;
}

int
atomic_file_replace(const char *path, const char *text, size_t len, const char *done,
		    char *why, size_t size)
{
	char *target;
	struct stat st;
	bool exists;
	int rc;

	if (path[0] == '\0') {
		snprintf(why, size, "the file name is empty");
		return -1;
	}
	if ((target = save_target(path)) == NULL) {
		snprintf(why, size, "%s", strerror(errno));
		return -1;
	}
	rc = old_file(path, target, done, &st, &exists, why, size);
	if (rc == 0)
		rc = replace_file(target, text, len, exists ? &st : NULL, why, size);
	free(target);
	return rc;
}

/* The whole text to standard output; 0, or -1 with why. */
static int
to_stdout(const char *text, size_t len, char *why, size_t size)
{
	if (fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0)
		return 0;
	snprintf(why, size, "%s", strerror(errno ? errno : EIO));
	return -1;
}

int
atomic_file_write(const char *path, atomic_writer *write, void *ctx, char *err,
		  size_t size)
{
	char *text = NULL, why[512];
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int rc;

	if (out == NULL) {
		snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
		return -1;
	}
	rc = write(out, ctx, err, size);
	if (fclose(out) != 0 && rc == 0) {
		snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && (strcmp(path, "-") == 0 ? to_stdout(text, len, why, sizeof why) :
			atomic_file_replace(path, text, len, "files are written", why,
					    sizeof why))) {
		snprintf(err, size, "%s: cannot write: %s", strcmp(path, "-") == 0 ?
			 "standard output" : path, why);
		rc = -1;
	}
	free(text);
	return rc;
}
