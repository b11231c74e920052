/*
 * cgroup.c - memory control groups: finding and making them, and what
 * they use, counted from the frames' and slots' reverse maps (cgroup.h).
 */
#include <stdio.h>
#include <string.h>

#include "cgroup.h"
#include "machine.h"
#include "xalloc.h"

const struct cgroup *
cgroup_at(const struct machine *m, unsigned id)
{
	return id == CGROUP_NONE ? NULL : &m->cgroups[id - 1];
}

unsigned
cgroup_find(const struct machine *m, const char *name)
{
	for (unsigned i = 0; i < m->ncgroups; i++)
		if (!m->cgroups[i].owner && strcmp(m->cgroups[i].name, name) == 0)
			return i + 1;
	return CGROUP_NONE;
}

unsigned
cgroup_own(const struct machine *m, int pid)
{
	for (unsigned i = 0; i < m->ncgroups; i++)
		if (m->cgroups[i].owner == pid)
			return i + 1;
	return CGROUP_NONE;
}

unsigned
cgroup_make(struct machine *m, const char *name, int owner)
{
	unsigned id = owner ? cgroup_own(m, owner) : cgroup_find(m, name);
	struct cgroup *g;

	if (id != CGROUP_NONE)
		return id;
	/* Few groups: one more each time keeps a clone's copy exact. */
	m->cgroups = xrealloc(m->cgroups, m->ncgroups + 1, sizeof *m->cgroups);
	g = &m->cgroups[m->ncgroups++];
	*g = (struct cgroup){ .owner = owner, .frames_max = LIMIT_NONE,
		.swap_max = SWAP_LIMIT_NONE };
	if (!owner)
		snprintf(g->name, sizeof g->name, "%s", name);
	return m->ncgroups;
}

unsigned
cgroup_frame_limit(const struct machine *m, const struct process *p)
{
	const struct cgroup *g = cgroup_at(m, p->cgroup);

	return g ? g->frames_max : LIMIT_NONE;
}

bool
cgroup_maps(const struct machine *m, unsigned id, const struct rmap *r)
{
	RMAP_FOREACH(&m->rmap, r, it)
		if (machine_mapper(m, it.map.pid)->cgroup == id)
			return true;
	return false;
}

unsigned
cgroup_frames(const struct machine *m, unsigned id)
{
	unsigned n = 0;

	for (unsigned f = 0; f < m->cfg.frames; f++)
		if ((frame_rmap(m, (int)f)->holds == HOLDS_DATA ||
		     frame_rmap(m, (int)f)->holds == HOLDS_HUGE) &&
		    cgroup_maps(m, id, frame_rmap(m, (int)f)))
			n++;
	return n;
}

unsigned
cgroup_slots(const struct machine *m, unsigned id)
{
	unsigned n = 0;

	for (unsigned s = 0; s < m->swap_cap; s++)
		if (cgroup_maps(m, id, slot_rmap(m, s)))
			n++;
	return n;
}

unsigned
cgroup_members(const struct machine *m, unsigned id)
{
	unsigned n = 0;

	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		n += p && p->cgroup == id;
	}
	return n;
}

bool
cgroup_has_room(const struct machine *m, const struct process *p, unsigned frames)
{
	unsigned limit = cgroup_frame_limit(m, p);

	return limit == LIMIT_NONE || (uint64_t)cgroup_frames(m, p->cgroup) + frames <= limit;
}

bool
cgroup_at_limit(const struct machine *m, const struct process *p)
{
	return !cgroup_has_room(m, p, 1);
}

unsigned
cgroup_swap_blocks(const struct machine *m, int f)
{
	RMAP_FOREACH(&m->rmap, frame_rmap(m, f), it) {
		unsigned id = machine_mapper(m, it.map.pid)->cgroup;
		const struct cgroup *g = cgroup_at(m, id);

		if (g && g->swap_max != SWAP_LIMIT_NONE && cgroup_slots(m, id) >= g->swap_max)
			return id;
	}
	return CGROUP_NONE;
}

int
cgroup_oom_choice(const struct machine *m, unsigned id)
{
	const struct process *chosen = NULL;

	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p && p->cgroup == id && (!chosen || p->resident > chosen->resident))
			chosen = p;
	}
	return chosen ? chosen->pid : 0;
}

int
cgroup_usage_text(const struct machine *m, unsigned id, char *buf, size_t size)
{
	const struct cgroup *g = cgroup_at(m, id);
	int k;

	if (g->frames_max == LIMIT_NONE)
		k = snprintf(buf, size, "%s frames %u (no limit)", g->name, cgroup_frames(m, id));
	else
		k = snprintf(buf, size, "%s frames %u/%u", g->name, cgroup_frames(m, id),
			     g->frames_max);
	if (g->swap_max == SWAP_LIMIT_NONE || k < 0)
		return k;
	return k + snprintf(buf + ((size_t)k < size ? (size_t)k : size),
			    (size_t)k < size ? size - (size_t)k : 0, ", swap %u/%u",
			    cgroup_slots(m, id), g->swap_max);
}

unsigned
cgroup_named(const struct machine *m)
{
	unsigned n = 0;

	for (unsigned i = 0; i < m->ncgroups; i++)
		n += !m->cgroups[i].owner;
	return n;
}

struct cgroup *
cgroup_copy(const struct cgroup *src, unsigned n)
{
	return n ? xmemdup(src, n * sizeof *src) : NULL;
}
