/*
 * session.h - a session (DESIGN §3): the machine, the processes at the
 * start, the operations and the cursor, read and written as JSON.
 *
 * State is never stored: loading replays the operations into a history.
 */
#ifndef VMSCOPE_SESSION_H
#define VMSCOPE_SESSION_H

#include <stdbool.h>
#include <stddef.h>

#include "display.h"
#include "history.h"

struct promises;

/*
 * Session files larger than this are refused before they are read: a real
 * session of a million operations takes about 15 MiB.
 */
#define SESSION_FILE_MAX (16u << 20)
#define SESSION_NOTES_MAX 65536     /* bytes of notes a session may have */

struct session {
	char *title;                /* may be NULL */
	char *notes;                /* may be NULL */
	char *path;                 /* where `s` saves; NULL if it has no file yet */
	struct history *history;
	size_t cursor;              /* operations applied where the user is */
	bool modified;              /* changed since it was loaded or saved */
	struct promises *expect;    /* what the notes promise (promise.h), or NULL */
	struct display display;     /* what the screen shows besides the machine */
	char *lesson_ops;           /* the operations the notes and expect were written
	                               for, one per line; NULL if there are neither */
};

/*
 * Whether the operations are still the ones the session was loaded with.
 * A session that left that path drops its promises when saved (expect is
 * not written) and its notes are shown and saved after SESSION_NOTES_CAVEAT.
 */
bool session_on_lesson_path(const struct session *s);

/* Takes the operations as they are now as the lesson's path (on loading). */
void session_mark_lesson_path(struct session *s);

#define SESSION_NOTES_CAVEAT \
	"(These notes were written for the lesson's own operations; the operations " \
	"have been changed since, so what the notes say may no longer hold.)"


/*
 * Reads a session file and replays it.  Returns 0, or -1 with the first
 * problem in err ("FILE: machine.frames: 0 is out of range 1..65536") and
 * *s untouched.
 */
int session_load(const char *path, struct session *s, char *err, size_t size);

/*
 * How --check hears of each problem: "JSON path: what was expected, what
 * was found" (machine.frmaes: unknown key; did you mean "frames"?), or
 * for the file as a whole just what is wrong (cannot read: Permission
 * denied).  The caller puts the file name in front.
 */
typedef void (*session_problem_fn)(void *ctx, const char *problem);

/*
 * Opens a session file for reading (a lesson's too) without ever waiting:
 * a FIFO with no writer, a device, a socket or a folder is refused, and so
 * is a file over SESSION_FILE_MAX.  The descriptor, or -1 with why
 * ("is a FIFO, not a regular file; expected a session file (.json)").
 */
int session_open(const char *path, char *why, size_t size);

/* Validates a file, reporting every problem; returns how many there were. */
int session_check(const char *path, session_problem_fn report, void *ctx);

/*
 * Reads a session from buf[0..len) (need not be NUL-terminated; a UTF-8
 * byte-order mark is skipped).  Reports every problem it can find, each
 * starting with "name: " unless name is NULL, and returns how many.  With
 * none and s not NULL, *s is the session (path NULL, not modified);
 * otherwise *s is untouched.  session_load and session_check read files
 * through this.
 */
int session_parse(const char *buf, size_t len, const char *name, struct session *s,
		  session_problem_fn report, void *ctx);

/*
 * Writes s to path atomically (temporary file in the same folder, fsync,
 * rename), keeping an existing file's permissions, owner and group where
 * permitted.  A symbolic link is written through: the file it names is
 * replaced.  Refused before anything is written: a session larger than
 * SESSION_FILE_MAX (it could not be read back) and anything that is not
 * a regular file (a FIFO, a device, a folder).  On success s->path
 * becomes path and s->modified false; on failure the old file is intact,
 * s is unchanged and err says why.
 */
int session_save(struct session *s, const char *path, char *err, size_t size);

/*
 * Whether saving s to path would replace an existing regular file other
 * than the one s was read from or last saved to (the UI asks first).
 */
bool session_would_replace(const struct session *s, const char *path);

/*
 * The session as vmscope writes it: fixed key order and layout, so the
 * same session always gives the same bytes.  The caller frees it.
 */
char *session_to_json(const struct session *s);

/* A session around a machine (ownership passes) with no operations yet. */
void session_init(struct session *s, struct machine *initial, const char *title);

/* The built-in default session, used when no lesson can be found. */
int session_default(struct session *s, char *err, size_t size);

void session_free(struct session *s);

/*
 * Fills a JSON object with a machine's settings, in the session format's
 * order (grow_va and grow_swap only when set); batch --json uses it too.
 */
struct cJSON;
void session_put_machine(struct cJSON *obj, const struct machine_config *cfg);

#endif
