/*
 * random_script.h - random scripts for the tests that run the engine
 * through many situations at once: three processes of 8 pages (the third
 * read-execute only) spawned first, then reads, writes and executes of
 * pages inside and outside their mappings (segmentation and protection
 * faults), spawns, forks, frame limits, memory groups, exits, unmaps,
 * maps, switches and TLB flushes, mostly on those processes.  The same seed gives the same
 * script everywhere (rng.h).
 */
#ifndef VMSCOPE_RANDOM_SCRIPT_H
#define VMSCOPE_RANDOM_SCRIPT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "history.h"
#include "rng.h"

static inline unsigned
script_pick(uint64_t *rng, unsigned n)
{
	return (unsigned)(rng_next(rng) % n);
}

/* One of the four permissions a mapping can have. */
static inline const char *
script_perm(uint64_t *rng)
{
	static const char *const perms[] = { "r", "rw", "rx", "rwx" };

	return perms[script_pick(rng, 4)];
}

/*
 * An access by pid: its letter one of letters (a repeated letter comes
 * more often), its page one of the first `pages` of page_size bytes, and
 * its byte one of the first `offsets` of that page (0: the first byte).
 * Drawn page, byte, letter: the order the scripts have always had under
 * gcc, so every seed keeps its script.
 */
static inline void
script_access(uint64_t *rng, char *buf, size_t size, const char *letters, unsigned pid,
	      unsigned pages, unsigned page_size, unsigned offsets)
{
	unsigned page = script_pick(rng, pages);
	unsigned byte = offsets ? script_pick(rng, offsets) : 0;
	char letter = letters[script_pick(rng, (unsigned)strlen(letters))];

	snprintf(buf, size, "%c %u:0x%x", letter, pid, page * page_size + byte);
}

/* One random command, mostly for the 3 processes of 8 pages spawned first. */
static inline void
script_command(uint64_t *rng, char *buf, size_t size)
{
	unsigned pid = 1 + script_pick(rng, 5), roll = script_pick(rng, 100);

	if (roll < 60)
		script_access(rng, buf, size, "rrwx", pid, 10, 0x1000, 16);
	else if (roll < 68)
		snprintf(buf, size, "spawn p%u %u %s", script_pick(rng, 100),
			 2 + script_pick(rng, 7), script_perm(rng));
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
			 script_perm(rng));
	else if (roll < 91)
		snprintf(buf, size, "switch %u", pid);
	else if (roll < 93)
		snprintf(buf, size, "tlb flush");
	else if (roll < 96)
		snprintf(buf, size, "fork %u", pid);
	else
		snprintf(buf, size, "w %u:0x%x", pid, script_pick(rng, 8) * 0x1000);
}

/*
 * One random command that makes processes share pages: mostly reads and
 * writes of the first six pages, forks of the process written, shares of
 * those pages into pages 8-11 of another process and accesses there,
 * exits and limits, so copies, last-mapping writes, shared evictions and
 * minor faults come often.
 */
static inline void
script_sharing_command(uint64_t *rng, char *buf, size_t size)
{
	unsigned pid = 1 + script_pick(rng, 6), roll = script_pick(rng, 100);

	if (roll < 58)
		script_access(rng, buf, size, "rww", pid, 6, 0x1000, 0);
	else if (roll < 72)     /* where shares map pages */
		snprintf(buf, size, "%c %u:0x%x", "rrw"[script_pick(rng, 3)], pid,
			 (8 + script_pick(rng, 4)) * 0x1000);
	else if (roll < 82)
		snprintf(buf, size, "share %u 0x%x %u 0x%x %u %s", pid,
			 script_pick(rng, 6) * 0x1000, 1 + script_pick(rng, 6),
			 (8 + script_pick(rng, 4)) * 0x1000, 1 + script_pick(rng, 2),
			 script_pick(rng, 2) ? "rw" : "r");
	else if (roll < 90)
		snprintf(buf, size, "fork %u", pid);
	else if (roll < 94)
		snprintf(buf, size, "exit %u", pid);
	else if (roll < 96)
		snprintf(buf, size, "spawn p%u 6 rw", pid);
	else if (roll < 98)
		snprintf(buf, size, "limit %u %u", pid, 1 + script_pick(rng, 3));
	else
		snprintf(buf, size, "unmap %u 0x%x 1", pid, script_pick(rng, 6) * 0x1000);
}

/*
 * One random command of containers: two groups with small memory and swap
 * limits, processes moved into them, forks that join them, mostly writes
 * (dirty pages need swap), so group evictions, swap limits and OOM kills
 * come often.
 */
static inline void
script_cgroup_command(uint64_t *rng, char *buf, size_t size)
{
	static const char *const groups[] = { "web", "db" };
	unsigned pid = 1 + script_pick(rng, 6), roll = script_pick(rng, 100);
	const char *g = groups[script_pick(rng, 2)];

	if (roll < 70)
		script_access(rng, buf, size, "rww", pid, 8, 0x1000, 0);
	else if (roll < 76)
		snprintf(buf, size, "cgroup %s %u", g, 1 + script_pick(rng, 3));
	else if (roll < 83)
		snprintf(buf, size, "cgroup %s add %u", g, pid);
	else if (roll < 87)
		snprintf(buf, size, "cgroup %s swap %u", g, script_pick(rng, 3));
	else if (roll < 91)
		snprintf(buf, size, "fork %u", pid);
	else if (roll < 94)
		snprintf(buf, size, "limit %u %u", pid, 1 + script_pick(rng, 3));
	else if (roll < 97)
		snprintf(buf, size, "exit %u", pid);
	else
		snprintf(buf, size, "spawn p%u 8 rw", pid);
}

/*
 * One random command for a machine of 32-byte pages whose huge pages are
 * 4 pages (0x80 bytes): huge mappings past the first 8 pages, accesses
 * across both kinds, unmaps of whole huge pages and some that would cut
 * one (refused), exits, forks (refused with huge pages), TLB flushes.
 */
static inline void
script_huge_command(uint64_t *rng, char *buf, size_t size)
{
	unsigned pid = 1 + script_pick(rng, 4), roll = script_pick(rng, 100);

	if (roll < 60)
		script_access(rng, buf, size, "rrwwx", pid, 24, 0x20, 32);
	else if (roll < 72)
		snprintf(buf, size, "hugemap %u 0x%x %u %s", pid, (2 + script_pick(rng, 4)) * 0x80,
			 1 + script_pick(rng, 2), script_perm(rng));
	else if (roll < 80)
		snprintf(buf, size, "unmap %u 0x%x %u", pid, (2 + script_pick(rng, 4)) * 0x80 +
			 (script_pick(rng, 4) ? 0 : 0x20), 4 * (1 + script_pick(rng, 2)));
	else if (roll < 84)
		snprintf(buf, size, "exit %u", pid);
	else if (roll < 88)
		snprintf(buf, size, "spawn p%u 8 rw", script_pick(rng, 100));
	else if (roll < 92)
		snprintf(buf, size, "tlb flush");
	else if (roll < 95)
		snprintf(buf, size, "limit %u %u", pid, 1 + script_pick(rng, 6));
	else if (roll < 97)
		snprintf(buf, size, "fork %u", pid);
	else
		snprintf(buf, size, "switch %u", pid);
}

typedef void script_command_fn(uint64_t *rng, char *buf, size_t size);

/*
 * A history starting from m (taken over): the three processes, then
 * random commands from `command` until it holds `length` operations (or
 * the commands keep being refused: every process they name is gone);
 * commands the engine refuses are left out.
 */
static inline struct history *
script_history_of(struct machine *m, uint64_t *rng, size_t length,
		  script_command_fn *command)
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
	for (size_t tries = 0; history_length(h) < length && tries < 100 * length; tries++) {
		command(rng, line, sizeof line);
		if (cmd_parse(line, &op, &cerr) != 0)
			fail_msg("the test wrote \"%s\": %s", line, cerr.msg);
		history_append(h, &op, line, err, sizeof err);   /* refused: skipped */
	}
	return h;
}

/* The same with script_command's mix. */
static inline struct history *
script_history(struct machine *m, uint64_t *rng, size_t length)
{
	return script_history_of(m, rng, length, script_command);
}

#endif
