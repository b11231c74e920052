/*
 * frames_table.c - replaying a session access by access to record what
 * each frame holds after each one.
 */
#include <stdio.h>
#include <stdlib.h>

#include "event.h"
#include "frames_table.h"
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
		col->victim = (struct ft_page){ victim->other_pid, victim->other_vpn };
	if (col->page.pid > 1 || col->victim.pid > 1)
		t->many_processes = true;
	m = history_state(h, k);
	for (unsigned f = 0; f < t->frames; f++) {
		struct ft_page *cell = &t->cells[c * t->frames + f];

		*cell = (struct ft_page){ 0 };
		if (!frame_is_free(m, (int)f)) {
			struct mapping map = frame_first(m, (int)f);
			*cell = (struct ft_page){ map.pid, map.vpn };
		}
		t->loaded[c * t->frames + f] = cell->pid && m->frames[f].loaded_step == k &&
			col->result == FT_FAULT;
		if (cell->pid && cell->pid != 1)
			t->many_processes = true;
	}
}

int
frames_table_build(struct history *h, struct frames_table *t, char *err, size_t size)
{
	size_t n = count_accesses(h), c = 0;

	*t = (struct frames_table){ .frames = history_initial(h)->cfg.frames, .ncols = n };
	if (n > FT_COLUMNS_MAX || t->frames > FT_FRAMES_MAX) {
		snprintf(err, size, "the frames-by-time table shows at most %d accesses and %d "
			 "frames; this session has %zu accesses and %u frames", FT_COLUMNS_MAX,
			 FT_FRAMES_MAX, n, t->frames);
		return -1;
	}
	t->cols = xcalloc(n ? n : 1, sizeof *t->cols);
	t->cells = xcalloc(n ? n * t->frames : 1, sizeof *t->cells);
	t->loaded = xcalloc(n ? n * t->frames : 1, sizeof *t->loaded);
	for (size_t k = 1; k <= history_length(h); k++)
		if (history_op(h, k)->kind == OP_ACCESS)
			record(t, h, k, c++);
	return 0;
}

void
frames_table_free(struct frames_table *t)
{
	free(t->cols);
	free(t->cells);
	free(t->loaded);
	*t = (struct frames_table){ 0 };
}

void
ft_page_name(const struct frames_table *t, struct ft_page p, char *buf, size_t size)
{
	if (!p.pid)
		buf[0] = '\0';
	else if (t->many_processes)
		snprintf(buf, size, "%d:0x%llx", p.pid, (unsigned long long)p.vpn);
	else
		snprintf(buf, size, "0x%llx", (unsigned long long)p.vpn);
}
