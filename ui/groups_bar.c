/*
 * groups_bar.c - the memory groups (cgroups) on one band under the grids:
 * each named group's frames against its memory limit and, when limited,
 * its swap slots against its swap limit, in the words cgroup_usage_text
 * gives them (batch's summary says the same).  A group at its memory
 * limit is lit: its next fault evicts one of its own pages.  Groups that
 * do not fit are counted at the end; a click on a group names its members.
 */
#include <stdio.h>
#include <string.h>

#include "cgroup.h"
#include "draw.h"
#include "text.h"
#include "view.h"

#define LABEL " cgroups  "

/* The id of the n-th named group (from 0), or CGROUP_NONE. */
static unsigned
named_group(const struct machine *m, unsigned n)
{
	for (unsigned i = 0; i < m->ncgroups; i++)
		if (!m->cgroups[i].owner && n-- == 0)
			return (i + 1);
	return (CGROUP_NONE);
}

static bool
at_limit(const struct machine *m, unsigned id)
{
	unsigned max = cgroup_at(m, id)->frames_max;

	return (max != LIMIT_NONE && cgroup_frames(m, id) >= max);
}

/* Columns group n takes on the band, separator before it included. */
static int
group_width(const struct app *a, unsigned n)
{
	char buf[128];

	cgroup_usage_text(a->m, named_group(a->m, n), buf, sizeof buf);
	return (text_width(buf) + (n ? text_width(a->g->sep) : 0));
}

/* How many groups fit in w columns, leaving room to count the rest. */
static unsigned
fitting(const struct app *a, int w)
{
	unsigned n = cgroup_named(a->m), i;
	int used = text_width(LABEL);

	for (i = 0; i < n; i++) {
		int more = i + 1 < n ? snprintf(NULL, 0, "%s+%u more", a->g->sep, n - i - 1) : 0;

		if (used + group_width(a, i) + more > w)
			break;
		used += group_width(a, i);
	}
	return (i);
}

static void
groups_draw(const struct app *a, const struct rect *r)
{
	unsigned n = cgroup_named(a->m), shown = fitting(a, r->w), i;
	struct pen p;
	char buf[128];

	pen_at(&p, a, r, 0, 0);
	pen_put(&p, EL_TEXT, " ");
	pen_put(&p, EL_PANEL_TITLE, "cgroups");
	pen_put(&p, EL_TEXT, "  ");
	if (n == 0)
		pen_put(&p, EL_DIM, "none yet");
	for (i = 0; i < shown; i++) {
		unsigned id = named_group(a->m, i);

		if (i)
			pen_put(&p, EL_DIM, a->g->sep);
		cgroup_usage_text(a->m, id, buf, sizeof buf);
		pen_put(&p, at_limit(a->m, id) ? EL_ALERT : EL_TEXT, buf);
	}
	if (shown < n)
		pen_printf(&p, EL_DIM, "%s+%u more", shown ? a->g->sep : "", n - shown);
}

/* "cgroup web: frames 2/2 ...; members pid 2 worker, pid 3 worker+" */
static void
explain_group(const struct app *a, unsigned id, char *buf, size_t size)
{
	size_t k = (size_t)snprintf(buf, size, "cgroup ");
	const char *sep = "; its processes: ";

	cgroup_usage_text(a->m, id, buf + k, size - k);
	for (size_t pid = 1; pid < a->m->procs_cap && (k = strlen(buf)) < size; pid++) {
		const struct process *p = machine_process(a->m, (int)pid);

		if (p && p->cgroup == id) {
			snprintf(buf + k, size - k, "%spid %d %s", sep, p->pid, p->name);
			sep = ", ";
		}
	}
	if (*sep == ';' && (k = strlen(buf)) < size)
		snprintf(buf + k, size - k, "; no process is in it");
}

static bool
groups_click(const struct app *a, const struct rect *r, int y, int x, char *buf, size_t size)
{
	int at = r->x + text_width(LABEL);
	unsigned shown = fitting(a, r->w);

	(void)y;
	for (unsigned i = 0; i < shown; i++) {
		int w = group_width(a, i);

		if (x >= at && x < at + w) {
			explain_group(a, named_group(a->m, i), buf, size);
			return (true);
		}
		at += w;
	}
	return (false);
}

const struct view view_groups = {
	.panel = PANEL_GROUPS,
	.draw = groups_draw,
	.click = groups_click,
};
