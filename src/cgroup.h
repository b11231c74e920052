/*
 * cgroup.h - memory control groups: a memory limit (memory.max, in
 * frames) and a swap limit (memory.swap.max, in slots) over a set of
 * processes.
 *
 * `limit PID N` is a group of one: the process's own group, made by that
 * command and named after the pid on screen; `cgroup NAME ...` makes and
 * fills named groups.  A process is in at most one group.  A group's
 * usage is counted, not kept: the frames holding a page that some member
 * maps, and the swap slots keeping one (a page shared with a process
 * outside counts for both sides).  A fault of a member while the group is
 * at its memory limit evicts one of the group's own pages, though frames
 * may be free; when none of them can go (dirty with no swap left to the
 * group, or nothing evictable) the group's OOM killer ends the member
 * holding the most frames.
 */
#ifndef VMSCOPE_CGROUP_H
#define VMSCOPE_CGROUP_H

#include <stdbool.h>
#include <stddef.h>

#include "op.h"
#include "rmap.h"

#define CGROUP_NONE 0           /* a process in no group (cgroup ids count from 1) */
#define SWAP_LIMIT_NONE (~0u)   /* a group whose swap is not limited */

struct cgroup {
	char name[OP_NAME_MAX + 1];      /* a named group's; "" for a process's own (limit) */
	int owner;              /* the pid whose own group it is; 0: named */
	unsigned frames_max;    /* LIMIT_NONE (op.h) or a frame count */
	unsigned swap_max;      /* SWAP_LIMIT_NONE or a slot count (0: no swap) */
};

struct machine;
struct process;

/* The group with this id (from 1), or NULL for CGROUP_NONE. */
const struct cgroup *cgroup_at(const struct machine *m, unsigned id);
/* The id of the named group NAME, or CGROUP_NONE. */
unsigned cgroup_find(const struct machine *m, const char *name);
/* The id of process pid's own group (limit), or CGROUP_NONE. */
unsigned cgroup_own(const struct machine *m, int pid);
/*
 * The id of a group, made if need be: named NAME (owner 0) or pid's own
 * (name ignored), with no limits when new.
 */
unsigned cgroup_make(struct machine *m, const char *name, int owner);

/* The frame limit that binds p (its group's), or LIMIT_NONE. */
unsigned cgroup_frame_limit(const struct machine *m, const struct process *p);
/* Whether some mapping of rmap r is a process of group id. */
bool cgroup_maps(const struct machine *m, unsigned id, const struct rmap *r);
/* The frames holding a page a member of group id maps. */
unsigned cgroup_frames(const struct machine *m, unsigned id);
/* The swap slots keeping a page a member maps. */
unsigned cgroup_slots(const struct machine *m, unsigned id);
/* Its live members. */
unsigned cgroup_members(const struct machine *m, unsigned id);
/* Whether p's group can take `frames` more frames within its memory limit
 * (true if p has none). */
bool cgroup_has_room(const struct machine *m, const struct process *p, unsigned frames);
/* Whether p's group is at (or over) its memory limit; false if p has none. */
bool cgroup_at_limit(const struct machine *m, const struct process *p);
/*
 * A group that must swap frame f's page out, has no slot for it yet and
 * no swap left (its slots at its swap limit): the first such among the
 * groups of the frame's mappings, or CGROUP_NONE.
 */
unsigned cgroup_swap_blocks(const struct machine *m, int f);
/*
 * Whom the OOM killer ends in group id: the live member with the most
 * resident pages, the lowest pid on a tie (the first found, as Linux's
 * scan does); 0 if it has none.
 */
int cgroup_oom_choice(const struct machine *m, unsigned id);

/*
 * A named group's usage against its limits, as the screen's band and
 * batch's summary word it: "web frames 2/3, swap 0/1" (", swap U/L" only
 * when its swap is limited; "frames 2 (no limit)" without a memory
 * limit).  Returns what snprintf returns.
 */
int cgroup_usage_text(const struct machine *m, unsigned id, char *buf, size_t size);
/* The number of named groups (those `cgroup NAME FRAMES` made). */
unsigned cgroup_named(const struct machine *m);

/* A copy of the groups of src for a clone of the machine. */
struct cgroup *cgroup_copy(const struct cgroup *src, unsigned n);

#endif
