/*
 * atomic_file.h - writing a file whole or not at all: the text goes to a
 * new file beside it, is flushed to the disk, and only then renamed over
 * the old one, so a failure never leaves half a file.
 */
#ifndef VMSCOPE_ATOMIC_FILE_H
#define VMSCOPE_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>

/* Writes everything to out; returns 0, or -1 with a message in err. */
typedef int atomic_writer(FILE *out, void *ctx, char *err, size_t size);

/*
 * Calls write on a new file beside path and renames it over path.
 * Returns 0, or -1 with the writer's message or "PATH: cannot write: why".
 */
int atomic_file_write(const char *path, atomic_writer *write, void *ctx, char *err,
		      size_t size);

#endif
