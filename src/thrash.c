/*
 * thrash.c - replaying the last accesses of a session to read, after each
 * one, its fault count and the working sets of the processes then alive
 * (see thrash.h).
 */
#include <stdlib.h>

#include "thrash.h"
#include "xalloc.h"

static bool
is_access(const struct history *h, size_t k)
{
	return history_op(h, k)->kind == OP_ACCESS;
}

static int
by_vpn(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/*
 * The frames p's working set needs: a page each, but a huge page the
 * whole of its run (the set holds its first page once).
 */
static uint64_t
working_set_frames(const struct machine *m, const struct process *p)
{
	uint64_t *huge, frames = p->ws.size, run;
	size_t n = 0;

	if (!machine_maps_huge(m))
		return frames;
	run = machine_huge_pages(m);
	huge = xcalloc(p->ws.len + 1, sizeof *huge);
	for (unsigned i = 0; i < p->ws.len; i++) {
		const struct region *r = p->ws.window[i] == WS_GONE ? NULL :
		    process_region(p, p->ws.window[i]);

		if (r && r->huge)
			huge[n++] = p->ws.window[i];
	}
	qsort(huge, n, sizeof *huge, by_vpn);
	for (size_t i = 0; i < n; i++)
		frames += i == 0 || huge[i] != huge[i - 1] ? run - 1 : 0;
	free(huge);
	return frames;
}

/*
 * The frames the live processes' working sets need in m; *processes gets
 * how many there are.
 */
static uint64_t
working_sets(const struct machine *m, unsigned *processes)
{
	uint64_t sum = 0;

	*processes = 0;
	for (size_t pid = 1; pid < m->procs_cap; pid++) {
		const struct process *p = machine_process(m, (int)pid);

		if (p) {
			sum += working_set_frames(m, p);
			++*processes;
		}
	}
	return sum;
}

/*
 * The last `want` accesses among operations 1..done, oldest first, into
 * ks; returns how many there are (fewer near the start).
 */
static size_t
last_accesses(const struct history *h, size_t done, size_t want, size_t *ks)
{
	size_t n = 0;

	for (size_t k = done; k >= 1 && n < want; k--)
		if (is_access(h, k))
			ks[n++] = k;
	for (size_t i = 0; i < n / 2; i++) {
		size_t t = ks[i];

		ks[i] = ks[n - 1 - i];
		ks[n - 1 - i] = t;
	}
	return n;
}

static size_t
accesses_before(const struct history *h, size_t k)
{
	size_t n = 0;

	while (--k >= 1)
		n += is_access(h, k);
	return n;
}

/* Access ks[j]: whether it faulted, and the working sets after it. */
static struct thrash_point
replay(struct history *h, size_t k)
{
	uint64_t faults = history_state(h, k - 1)->stats.faults;
	const struct machine *m = history_state(h, k);
	struct thrash_point p = { .step = k, .fault = m->stats.faults > faults };

	p.ws_sum = working_sets(m, &p.processes);
	return p;
}

void
thrash_build(struct history *h, size_t done, size_t max, struct thrash_series *s)
{
	/* Before the first point: the accesses its fault rate reads, at least
	 * the one whose working sets say whether it was already over. */
	size_t want = max + THRASH_RATE_WINDOW - 1;
	size_t *ks = xcalloc(want ? want : 1, sizeof *ks);
	size_t n = last_accesses(h, done, want, ks), points = n < max ? n : max;
	struct thrash_point *all = xcalloc(n ? n : 1, sizeof *all);
	unsigned faults = 0;

	*s = (struct thrash_series){ .frames = history_initial(h)->cfg.frames, .n = points };
	s->first = (n ? accesses_before(h, ks[0]) : 0) + n - points;
	for (size_t j = 0; j < n; j++) {
		all[j] = replay(h, ks[j]);
		faults += all[j].fault;
		if (j >= THRASH_RATE_WINDOW)
			faults -= all[j - THRASH_RATE_WINDOW].fault;
		all[j].faults = faults;
		all[j].window = j + 1 < THRASH_RATE_WINDOW ? (unsigned)j + 1 : THRASH_RATE_WINDOW;
	}
	s->over_before = n > points && all[n - points - 1].ws_sum > s->frames;
	s->p = xcalloc(points ? points : 1, sizeof *s->p);
	for (size_t i = 0; i < points; i++)
		s->p[i] = all[n - points + i];
	free(all);
	free(ks);
}

void
thrash_free(struct thrash_series *s)
{
	free(s->p);
	*s = (struct thrash_series){ 0 };
}

size_t
thrash_over_since(const struct thrash_series *s)
{
	size_t i = s->n;

	if (s->n == 0 || !thrash_over(s, s->n - 1))
		return SIZE_MAX;
	while (i > 0 && thrash_over(s, i - 1))
		i--;
	return i > 0 || !s->over_before ? i : SIZE_MAX;
}
