/*
 * fuzz_session.c - the session reader under fuzzing.  Whatever the bytes,
 * session_parse must report problems, not crash; and a session it accepts
 * must replay to its end, and what vmscope writes of it must read back
 * without a problem and be written again byte for byte the same.
 */
#include <string.h>

#include "fuzz.h"
#include "history.h"
#include "promise.h"
#include "session.h"

static void
count(void *ctx, const char *problem)
{
	(void)problem;
	(*(unsigned *)ctx)++;
}

void
fuzz_session(const uint8_t *data, size_t size)
{
	struct session s, again;
	unsigned problems = 0;
	char *once, *twice;

	if (session_parse((const char *)data, size, "fuzz", &s, count, &problems) != 0) {
		FUZZ_ASSERT(problems > 0);
		return;
	}
	history_state(s.history, history_length(s.history));
	promises_check(s.expect, history_state(s.history, s.cursor), NULL, NULL);
	once = session_to_json(&s);
	FUZZ_ASSERT(session_parse(once, strlen(once), NULL, &again, NULL, NULL) == 0);
	twice = session_to_json(&again);
	FUZZ_ASSERT(strcmp(once, twice) == 0);
	free(once);
	free(twice);
	session_free(&again);
	session_free(&s);
}
