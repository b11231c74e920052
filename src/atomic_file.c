/*
 * atomic_file.c - a file written whole or not at all (temporary file,
 * fsync, rename).
 */
#define _POSIX_C_SOURCE 200809L   /* mkstemp, fdopen, fileno, fsync */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "xalloc.h"

static int
cannot(const char *path, char *err, size_t size)
{
	snprintf(err, size, "%s: cannot write: %s", path, strerror(errno));
	return -1;
}

int
atomic_file_write(const char *path, atomic_writer *write, void *ctx, char *err,
		  size_t size)
{
	char *tmp = xmalloc(strlen(path) + sizeof ".XXXXXX");
	FILE *out = NULL;
	int fd, rc;

	sprintf(tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0 || (out = fdopen(fd, "w")) == NULL) {
		rc = cannot(path, err, size);
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return rc;
	}
	rc = write(out, ctx, err, size);
	if (rc == 0 && (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0))
		rc = cannot(path, err, size);
	if (fclose(out) != 0 && rc == 0)
		rc = cannot(path, err, size);
	if (rc == 0 && rename(tmp, path) != 0)
		rc = cannot(path, err, size);
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
