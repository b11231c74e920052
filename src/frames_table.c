/*
 * frames_table.c - replaying a session access by access to record what
 * each frame holds after each one.
 */
#include <stdio.h>
#include <stdlib.h>

#include "event.h"
#include "frames_table.h"
#include "page_walk.h"
#include "xalloc.h"

static size_t
count_accesses(const struct history *h)
{
	size_t n = 0;

	for (size_t k = 1; k <= history_length(h); k++)
		n += history_op(h, k)->kind == OP_ACCESS;
	return n;
}

static bool
has(const struct event_list *ev, enum event_kind kind, const struct event **out)
{
	for (unsigned i = 0; i < ev->n; i++)
		if (ev->ev[i].kind == kind) {
			if (out)
				*out = &ev->ev[i];
			return true;
		}
	return false;
}

/* Whether the access faulted (a copy-on-write write included). */
static bool
faulted(const struct event_list *ev)
{
	for (unsigned i = 0; i < ev->n; i++)
		if (event_kind_faults(ev->ev[i].kind))
			return true;
	return false;
}

/* What frame f of m holds: a page, a page of a page table, or nothing. */
static struct ft_page
held(const struct machine *m, int f)
{
	const struct pt_table *table = walk_table_in_frame(m, f);
	struct mapping map = frame_first(m, f);

	if (frame_is_free(m, f))
		return (struct ft_page){ 0 };
	if (table)
		return (struct ft_page){ map.pid, 0, table->depth + 1 };
	return (struct ft_page){ map.pid, map.vpn, 0 };
}

/* Whether some frame of m was filled by operation k. */
static bool
frame_taken(const struct machine *m, size_t k)
{
	for (unsigned f = 0; f < m->cfg.frames; f++)
		if (!frame_is_free(m, (int)f) && m->frames[f].loaded_step == k)
			return true;
	return false;
}

/* Fills column c from operation k's events and the state after it. */
static void
record(struct frames_table *t, struct history *h, size_t k, size_t c)
{
	struct ft_column *col = &t->cols[c];
	const struct event *split = NULL, *victim = NULL;
	struct event_list ev;
	const struct machine *m;

	history_events(h, k, &ev);
	has(&ev, EV_SPLIT, &split);
	*col = (struct ft_column){ .step = k, .access = split ? split->access : 'r',
		.page = { split ? split->pid : 0, split ? split->vpn : 0 } };
	col->result = !has(&ev, EV_ACCESS, NULL) ? FT_REFUSED :
		faulted(&ev) ? FT_FAULT : FT_HIT;
	if (has(&ev, EV_VICTIM, &victim) && has(&ev, EV_EVICT, NULL))
		col->victim = (struct ft_page){ victim->other_pid, victim->other_vpn, 0 };
	if (col->page.pid > 1 || col->victim.pid > 1)
		t->many_processes = true;
	m = history_state(h, k);
	col->no_frame = col->result == FT_FAULT && !frame_taken(m, k);
	for (unsigned f = 0; f < t->frames; f++) {
		struct ft_page *cell = &t->cells[c * t->frames + f];

		*cell = held(m, (int)f);
		t->loaded[c * t->frames + f] = cell->pid && m->frames[f].loaded_step == k &&
			col->result == FT_FAULT;
		if (cell->pid && cell->pid != 1)
			t->many_processes = true;
	}
}

/* Allocates t for ncols columns of `frames` rows, the first after `first` accesses. */
static void
make(struct frames_table *t, unsigned frames, size_t first, size_t ncols)
{
	size_t cells = ncols ? ncols * frames : 1;

	*t = (struct frames_table){ .frames = frames, .first = first, .ncols = ncols };
	t->cols = xcalloc(ncols ? ncols : 1, sizeof *t->cols);
	t->cells = xcalloc(cells, sizeof *t->cells);
	t->loaded = xcalloc(cells, sizeof *t->loaded);
}

/* Records t's columns: the accesses numbered t->first on, in order. */
static void
fill(struct frames_table *t, struct history *h)
{
	size_t seen = 0, c = 0;

	for (size_t k = 1; k <= history_length(h) && c < t->ncols; k++) {
		if (history_op(h, k)->kind != OP_ACCESS)
			continue;
		if (seen++ >= t->first)
			record(t, h, k, c++);
	}
}

int
frames_table_build(struct history *h, struct frames_table *t, char *err, size_t size)
{
	size_t n = count_accesses(h);
	unsigned frames = history_initial(h)->cfg.frames;

	if (n > FT_COLUMNS_MAX || frames > FT_FRAMES_MAX) {
		snprintf(err, size, "the frames-by-time table shows at most %d accesses and %d "
			 "frames; this session has %zu accesses and %u frames", FT_COLUMNS_MAX,
			 FT_FRAMES_MAX, n, frames);
		return -1;
	}
	make(t, frames, 0, n);
	fill(t, h);
	return 0;
}

size_t
frames_table_block(const struct history *h, size_t op)
{
	size_t n = 0;

	for (size_t k = 1; k <= op && k <= history_length(h); k++)
		n += history_op(h, k)->kind == OP_ACCESS;
	return n ? (n - 1) / FT_COLUMNS_MAX : 0;
}

void
frames_table_build_block(struct history *h, size_t block, struct frames_table *t)
{
	unsigned frames = history_initial(h)->cfg.frames;
	size_t first = block * FT_COLUMNS_MAX, n = count_accesses(h);
	size_t ncols = n > first ? n - first : 0;

	make(t, frames < FT_FRAMES_MAX ? frames : FT_FRAMES_MAX, first,
	     ncols < FT_COLUMNS_MAX ? ncols : FT_COLUMNS_MAX);
	fill(t, h);
}

long
frames_table_column(const struct frames_table *t, size_t op)
{
	long c = (long)t->ncols - 1;

	while (c >= 0 && t->cols[c].step > op)
		c--;
	return c;
}

void
frames_table_free(struct frames_table *t)
{
	free(t->cols);
	free(t->cells);
	free(t->loaded);
	*t = (struct frames_table){ 0 };
}

/* Writes p's name with `hex` in front of its number ("0x" or ""). */
static void
name_page(const struct frames_table *t, struct ft_page p, const char *hex, char *buf,
	  size_t size)
{
	int n = 0;

	buf[0] = '\0';
	if (!p.pid)
		return;
	if (t->many_processes)
		n = snprintf(buf, size, "%d:", p.pid);
	if (n < 0 || (size_t)n >= size)
		return;
	if (p.table)
		snprintf(buf + n, size - (size_t)n, "PT%u", p.table);
	else
		snprintf(buf + n, size - (size_t)n, "%s%llx", hex, (unsigned long long)p.vpn);
}

void
ft_page_name(const struct frames_table *t, struct ft_page p, char *buf, size_t size)
{
	name_page(t, p, "0x", buf, size);
}

void
ft_page_short(const struct frames_table *t, struct ft_page p, char *buf, size_t size)
{
	name_page(t, p, "", buf, size);
}
