/*
 * op.h - one operation of the command language, as data.
 *
 * Every source of work (the UI prompt, a session file, a batch script, a
 * page list, a valgrind trace) becomes a sequence of struct op.  The engine
 * applies them one at a time; nothing else interprets commands.
 */
#ifndef VMSCOPE_OP_H
#define VMSCOPE_OP_H

#include <stddef.h>
#include <stdint.h>

enum op_kind {
	OP_NONE,        /* a blank line or a comment: nothing to do */
	OP_ACCESS,      /* r|w|x [PID:]ADDR */
	OP_SPAWN,       /* spawn NAME [PAGES] [PERM] */
	OP_SWITCH,      /* switch PID */
	OP_EXIT,        /* exit PID */
	OP_MAP,         /* map PID ADDR PAGES PERM */
	OP_UNMAP,       /* unmap PID ADDR PAGES */
	OP_LIMIT,       /* limit PID FRAMES | limit PID none */
	OP_TLB_FLUSH,   /* tlb flush */
	OP_FORK,        /* fork PID */
	OP_SHARE,       /* share PID ADDR TO_PID TO_ADDR PAGES PERM */
	OP_CGROUP_LIMIT,        /* cgroup NAME FRAMES */
	OP_CGROUP_ADD,          /* cgroup NAME add PID */
	OP_CGROUP_SWAP,         /* cgroup NAME swap SLOTS */
	OP_HUGEMAP,     /* hugemap PID ADDR PAGES PERM: PAGES huge pages */
};

enum access_kind { ACCESS_READ = 'r', ACCESS_WRITE = 'w', ACCESS_EXEC = 'x' };

enum perm { PERM_R = 1, PERM_W = 2, PERM_X = 4 };

#define OP_NAME_MAX 24          /* longest process name, without the NUL */
#define LIMIT_NONE 0u           /* "limit PID none" */
#define SPAWN_DEFAULT_PAGES 0u  /* spawn without PAGES: the whole address space */

struct op {
	enum op_kind kind;
	char access;            /* enum access_kind, for OP_ACCESS */
	int pid;                /* 0: the current process (OP_ACCESS only); OP_FORK: the parent;
				 * OP_SHARE: the process whose pages are shared */
	uint64_t addr;          /* OP_ACCESS, OP_MAP, OP_UNMAP, OP_SHARE, OP_HUGEMAP */
	uint64_t pages;         /* OP_SPAWN, OP_MAP, OP_UNMAP, OP_SHARE; OP_HUGEMAP: huge pages */
	unsigned perm;          /* enum perm bits: OP_SPAWN, OP_MAP, OP_SHARE (to_pid's),
				 * OP_HUGEMAP */
	int to_pid;             /* OP_SHARE: the process the pages are mapped into ... */
	uint64_t to_addr;       /* ... at this address */
	unsigned limit;         /* OP_LIMIT, OP_CGROUP_LIMIT: frames, or LIMIT_NONE
				 * (OP_LIMIT only); OP_CGROUP_SWAP: slots */
	char name[OP_NAME_MAX + 1]; /* OP_SPAWN; OP_CGROUP_*: the group's */
};

/* An access alone, as batch runs stream them (an OP_ACCESS's fields). */
struct op_access {
	uint64_t addr;
	int pid;                /* 0: the current process */
	char access;            /* enum access_kind */
};

/*
 * A sequence of operations held elsewhere (a history, a compact queue):
 * operation i (from 0, below n) is at(ctx, i, scratch), which returns
 * either a pointer to where it is kept or scratch, filled in.
 */
struct op_source {
	size_t n;
	const struct op *(*at)(const void *ctx, size_t i, struct op *scratch);
	const void *ctx;
};

/* ops[0..n) as a source (valid while the array is). */
struct op_source op_source_array(const struct op *ops, size_t n);

/*
 * How an operation moves the "current process" cursor, given the next pid a
 * spawn would get.  Shared by the engine and by OPT's look-ahead, which must
 * know which process each queued access belongs to without simulating memory.
 */
void op_track_current(const struct op *op, int *current_pid, int *next_pid);

/* "r", "rw", "rx", "rwx" (and "x", "w", "wx" for completeness) <-> bits. */
const char *perm_name(unsigned perm);

#endif
