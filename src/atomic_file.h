/*
 * atomic_file.h - writing a file whole or not at all, and only over a
 * regular file: the text goes to a new file beside the one a path leads
 * to (symbolic links followed), is flushed to the disk, given the old
 * file's mode (0644 less the umask for a new one) and only then renamed
 * over it, so a failure never leaves half a file.
 */
#ifndef VMSCOPE_ATOMIC_FILE_H
#define VMSCOPE_ATOMIC_FILE_H

#include <stddef.h>
#include <stdio.h>

/*
 * Replaces what path leads to with len bytes of text.  A FIFO, device or
 * folder is refused with "it is a FIFO, not a regular file; DONE only over
 * regular files" (done: "sessions are saved", say), a read-only file with
 * "it is read-only; DONE only over files that may be written".  Returns 0, or -1 with
 * why (without the path) and the old file unchanged.
 */
int atomic_file_replace(const char *path, const char *text, size_t len, const char *done,
			char *why, size_t size);

/* Writes everything to out; returns 0, or -1 with a message in err. */
typedef int atomic_writer(FILE *out, void *ctx, char *err, size_t size);

/*
 * Calls write to make the text, then atomic_file_replace; a path "-" is
 * standard output, written once the text is whole.  Returns 0, or -1 with
 * the writer's message or "PATH: cannot write: why".
 */
int atomic_file_write(const char *path, atomic_writer *write, void *ctx, char *err,
		      size_t size);

#endif
