/*
 * groups_bar.c - the memory groups (cgroups) on one band under the grids:
 * each named group's frames against its memory limit and, when limited,
 * its swap slots against its swap limit, in the words cgroup_usage_text
 * gives them (batch's summary says the same).  A group at its memory
 * limit is lit: its next fault evicts one of its own pages.  When not all
 * fit, the lit groups and the shown process's group are named first; the
 * ones left out are counted at the end.  A click on a group names its members.
 */
#include <stdio.h>
#include <string.h>

#include "cgroup.h"
#include "draw.h"
#include "text.h"
#include "view.h"

#define LABEL " cgroups  "

#define BAND_MAX 64  /* groups the band can name: more than any width holds */

/* The named groups the band names, in the order they were made. */
struct band {
	unsigned id[BAND_MAX];
	unsigned shown;
	unsigned left_out;      /* named groups not on the band */
};

static bool
at_limit(const struct machine *m, unsigned id)
{
	unsigned max = cgroup_at(m, id)->frames_max;

	return (max != LIMIT_NONE && cgroup_frames(m, id) >= max);
}

/*
 * Which groups come first when not all fit: 0 for one at its limit (its
 * next fault evicts its own page), 1 for the group of the process shown,
 * 2 for the rest.
 */
static int
rank(const struct app *a, unsigned id)
{
	const struct process *p = app_process(a);

	if (at_limit(a->m, id))
		return (0);
	return (p != NULL && p->cgroup == id ? 1 : 2);
}

/* Columns a group takes on the band, the separator before it included. */
static int
group_width(const struct app *a, unsigned id, bool first)
{
	char buf[128];

	cgroup_usage_text(a->m, id, buf, sizeof buf);
	return (text_width(buf) + (first ? 0 : text_width(a->g->sep)));
}

static bool
chosen(const struct band *b, unsigned id)
{
	for (unsigned i = 0; i < b->shown; i++)
		if (b->id[i] == id)
			return (true);
	return (false);
}

/* Adds id in the order groups were made (ids grow with it). */
static void
band_add(struct band *b, unsigned id)
{
	unsigned i = b->shown++;

	for (; i > 0 && b->id[i - 1] > id; i--)
		b->id[i] = b->id[i - 1];
	b->id[i] = id;
}

/*
 * The groups that fit in w columns, taken by rank (in the order they were
 * made within a rank), each only if it fits with room left to count the
 * ones still out; drawn in the order they were made.
 */
static void
band_choose(const struct app *a, int w, struct band *b)
{
	unsigned n = cgroup_named(a->m);
	int used = text_width(LABEL);

	b->shown = 0;
	for (int r = 0; r <= 2; r++)
		for (unsigned i = 0; i < a->m->ncgroups && b->shown < BAND_MAX; i++) {
			unsigned id = i + 1, out = n - b->shown - 1;
			int gw, more;

			if (a->m->cgroups[i].owner || rank(a, id) != r || chosen(b, id))
				continue;
			gw = group_width(a, id, b->shown == 0);
			more = out ? snprintf(NULL, 0, "%s+%u more", a->g->sep, out) : 0;
			if (used + gw + more <= w) {
				band_add(b, id);
				used += gw;
			}
		}
	b->left_out = n - b->shown;
}

static void
groups_draw(const struct app *a, const struct rect *r)
{
	struct band b;
	struct pen p;
	char buf[128];

	band_choose(a, r->w, &b);
	pen_at(&p, a, r, 0, 0);
	pen_put(&p, EL_TEXT, " ");
	pen_put(&p, EL_PANEL_TITLE, "cgroups");
	pen_put(&p, EL_TEXT, "  ");
	if (cgroup_named(a->m) == 0)
		pen_put(&p, EL_DIM, "none yet");
	for (unsigned i = 0; i < b.shown; i++) {
		if (i)
			pen_put(&p, EL_DIM, a->g->sep);
		cgroup_usage_text(a->m, b.id[i], buf, sizeof buf);
		pen_put(&p, at_limit(a->m, b.id[i]) ? EL_ALERT : EL_TEXT, buf);
	}
	if (b.left_out)
		pen_printf(&p, EL_DIM, "%s+%u more", b.shown ? a->g->sep : "", b.left_out);
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
	struct band b;

	(void)y;
	band_choose(a, r->w, &b);
	for (unsigned i = 0; i < b.shown; i++) {
		int w = group_width(a, b.id[i], i == 0);

		if (x >= at && x < at + w) {
			explain_group(a, b.id[i], buf, size);
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
