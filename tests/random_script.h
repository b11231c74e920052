/*
 * random_script.h - random scripts for the tests that run the engine
 * through many situations at once: three processes of 8 pages (the third
 * read-execute only) spawned first, then reads, writes and executes of
 * pages inside and outside their mappings (segmentation and protection
 * faults), spawns, frame limits, exits, unmaps, maps, switches and TLB
 * flushes, mostly on those processes.  The same seed gives the same
 * script everywhere (rng.h).
 */
#ifndef VMSCOPE_RANDOM_SCRIPT_H
#define VMSCOPE_RANDOM_SCRIPT_H

#include <stdint.h>
#include <stdio.h>

#include "cmd.h"
#include "history.h"
#include "rng.h"

static inline unsigned
script_pick(uint64_t *rng, unsigned n)
{
	return (unsigned)(rng_next(rng) % n);
}

/* One random command, mostly for the 3 processes of 8 pages spawned first. */
static inline void
script_command(uint64_t *rng, char *buf, size_t size)
{
	static const char *const perms[] = { "r", "rw", "rx", "rwx" };
	unsigned pid = 1 + script_pick(rng, 5), roll = script_pick(rng, 100);

	if (roll < 60)
		snprintf(buf, size, "%c %u:0x%x", "rrwx"[script_pick(rng, 4)], pid,
			 script_pick(rng, 10) * 0x1000 + script_pick(rng, 16));
	else if (roll < 68)
		snprintf(buf, size, "spawn p%u %u %s", script_pick(rng, 100),
			 2 + script_pick(rng, 7), perms[script_pick(rng, 4)]);
	else if (roll < 74)
		snprintf(buf, size, "limit %u %u", pid, 1 + script_pick(rng, 3));
	else if (roll < 77)
		snprintf(buf, size, "limit %u none", pid);
	else if (roll < 81)
		snprintf(buf, size, "exit %u", pid);
	else if (roll < 85)
		snprintf(buf, size, "unmap %u 0x%x %u", pid, script_pick(rng, 8) * 0x1000,
			 1 + script_pick(rng, 2));
	else if (roll < 88)
		snprintf(buf, size, "map %u 0x%x 1 %s", pid, script_pick(rng, 10) * 0x1000,
			 perms[script_pick(rng, 4)]);
	else if (roll < 91)
		snprintf(buf, size, "switch %u", pid);
	else if (roll < 93)
		snprintf(buf, size, "tlb flush");
	else
		snprintf(buf, size, "w %u:0x%x", pid, script_pick(rng, 8) * 0x1000);
}

/*
 * A history starting from m (taken over): the three processes, then
 * random commands until it holds `length` operations; commands the
 * engine refuses are left out.
 */
static inline struct history *
script_history(struct machine *m, uint64_t *rng, size_t length)
{
	struct history *h = history_new(m);
	char line[64], err[256];
	struct cmd_error cerr;
	struct op op;

	for (int i = 0; i < 3; i++) {
		snprintf(line, sizeof line, "spawn p%d 8 %s", i + 1, i == 2 ? "rx" : "rw");
		assert_int_equal(cmd_parse(line, &op, &cerr), 0);
		assert_int_equal(history_append(h, &op, line, err, sizeof err), 0);
	}
	while (history_length(h) < length) {
		script_command(rng, line, sizeof line);
		if (cmd_parse(line, &op, &cerr) != 0)
			fail_msg("the test wrote \"%s\": %s", line, cerr.msg);
		history_append(h, &op, line, err, sizeof err);   /* refused: skipped */
	}
	return h;
}

#endif
