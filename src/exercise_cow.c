/*
 * exercise_cow.c - the kind "cow": copy-on-write after fork.  Process 1
 * has touched a few pages; a sequence of forks, writes and reads follows:
 * after each step, how many pages were copied, and the reference count of
 * each frame (how many page tables map it).  The engine runs the steps
 * (fork, COPY-ON-WRITE and COPY events) and its reverse map (rmap.h) gives
 * the counts; the reasons are the engine's narration of the fault and the
 * copy, and the frames' mappings.  Pages are named in hex everywhere
 * ("page 0x1"), problem, reasons and grader messages alike, because the
 * engine's narration quoted in the reasons names them so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "event.h"
#include "exercise.h"
#include "plural.h"

#define STEPS 7
#define FORKS_MAX 2
#define PAGE_SIZE 4096u

struct step {
	struct op op;
	int child;              /* a fork's child pid */
};

static void
draw(struct ex_params *p, uint64_t *rng)
{
	(void)p; (void)rng;     /* the steps are drawn with the problem */
}

/*
 * The first step forks pid 1; then each step is a fork of a live process
 * (one in five, at most FORKS_MAX in all), or a write (three in four) or a
 * read by one of them of one of the pages.
 */
static void
draw_steps(uint64_t *rng, unsigned pages, struct step *steps)
{
	int pids = 1;

	for (unsigned i = 0; i < STEPS; i++) {
		struct op *op = &steps[i].op;
		int pid = 1 + (int)ex_draw(rng, (unsigned)pids);

		if (i == 0 || (pids <= FORKS_MAX && ex_draw(rng, 5) == 0)) {
			*op = (struct op){ .kind = OP_FORK, .pid = pid };
			steps[i].child = ++pids;
		} else {
			*op = (struct op){ .kind = OP_ACCESS, .pid = pid,
				.access = ex_draw(rng, 4) ? ACCESS_WRITE : ACCESS_READ,
				.addr = ex_draw(rng, pages) * (uint64_t)PAGE_SIZE };
		}
	}
}

/* "pid 2 writes page 0x1", "pid 1 forks (child: pid 2)". */
static void
step_text(const struct step *s, char *buf, size_t size)
{
	if (s->op.kind == OP_FORK)
		snprintf(buf, size, "pid %d forks (child: pid %d)", s->op.pid, s->child);
	else
		snprintf(buf, size, "pid %d %s page 0x%llx", s->op.pid,
			 s->op.access == ACCESS_WRITE ? "writes" : "reads",
			 (unsigned long long)(s->op.addr / PAGE_SIZE));
}

/* "2 1 1 - -": the mappings of each frame, frame 0 first. */
static void
counts_text(const struct machine *m, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (unsigned f = 0; f < m->cfg.frames && k < size; f++)
		k += frame_is_free(m, (int)f)
			? (size_t)snprintf(buf + k, size - k, "%s-", f ? " " : "")
			: (size_t)snprintf(buf + k, size - k, "%s%u", f ? " " : "",
					   frame_rmap(m, (int)f)->count);
}

static int
by_pid(const void *a, const void *b)
{
	return ((const struct mapping *)a)->pid - ((const struct mapping *)b)->pid;
}

/* "frame 0: pids 1, 2 (page 0x0); frame 3: pid 2 (page 0x1)": who maps each frame. */
static void
mappings_text(const struct machine *m, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (unsigned f = 0; f < m->cfg.frames && k < size; f++) {
		const struct rmap *r = frame_rmap(m, (int)f);
		struct mapping maps[FORKS_MAX + 1];
		unsigned n = 0;

		if (frame_is_free(m, (int)f))
			continue;
		RMAP_FOREACH(&m->rmap, r, it)
			maps[n++] = it.map;
		qsort(maps, n, sizeof maps[0], by_pid);
		k += (size_t)snprintf(buf + k, size - k, "%sframe %u: pid%s", k ? "; " : "", f,
				      n > 1 ? "s" : "");
		for (unsigned i = 0; i < n && k < size; i++)
			k += (size_t)snprintf(buf + k, size - k, "%s %d", i ? "," : "", maps[i].pid);
		if (k < size)
			k += (size_t)snprintf(buf + k, size - k, " (page 0x%llx)",
					      (unsigned long long)maps[0].vpn);
	}
}

/* Why the step copied what it did: the engine's words for the fault and the copy. */
static void
copies_reason(const struct step *s, const struct event_list *ev, const struct machine *m,
	      char *buf, size_t size)
{
	const struct event *fault = ex_event(ev, EV_COW_FAULT), *copy = ex_event(ev, EV_COW_COPY);
	const struct event *fork = ex_event(ev, EV_FORK);
	char text[2][512];

	if (fork) {
		event_explain(fork, m, text[0], sizeof text[0]);
		snprintf(buf, size, "a fork copies no page: %s", text[0]);
	} else if (fault) {
		event_explain(fault, m, text[0], sizeof text[0]);
		text[1][0] = '\0';
		if (copy)
			event_explain(copy, m, text[1], sizeof text[1]);
		snprintf(buf, size, "%s%s%s", text[0], copy ? "; " : "", text[1]);
	} else if (s->op.access == ACCESS_READ) {
		snprintf(buf, size, "a read of a page needs no copy of it, shared or not");
	} else {
		snprintf(buf, size, "pid %d's page 0x%llx is its own and writable: no fault, "
			 "no copy", s->op.pid, (unsigned long long)(s->op.addr / PAGE_SIZE));
	}
}

static int
ask_step(struct exercise *ex, struct machine *m, unsigned i, const struct step *s,
	 unsigned long long *copies, char *err, size_t size)
{
	struct event_list ev;
	char id[40], a[64], r[1100];
	unsigned n = 0;

	if (engine_apply(m, &s->op, &ev, err, size))
		return -1;
	for (unsigned e = 0; e < ev.n; e++)
		n += ev.ev[e].kind == EV_COW_COPY;
	*copies += n;
	snprintf(id, sizeof id, "step %u copies", i);
	snprintf(a, sizeof a, "%u", n);
	copies_reason(s, &ev, m, r, sizeof r);
	ex_ask(ex, id, a, r);
	snprintf(id, sizeof id, "step %u counts", i);
	counts_text(m, a, sizeof a);
	mappings_text(m, r, sizeof r);
	ex_ask(ex, id, a, r);
	return 0;
}

/* Process 1 touches its pages 0 .. pages-1, into frames 0 .. pages-1. */
static int
touch_pages(struct machine *m, unsigned pages, char *err, size_t size)
{
	struct event_list ev;

	for (unsigned v = 0; v < pages; v++)
		if (ex_read(m, 1, v * (uint64_t)PAGE_SIZE, &ev, err, size))
			return -1;
	return 0;
}

static void
say_problem(struct exercise *ex, unsigned pages, unsigned frames, const struct step *steps)
{
	char text[64];

	ex_say(ex, "Process 1 has touched its %u pages, 0x0 to 0x%x (private and writable);",
	       pages, pages - 1);
	ex_say(ex, "page 0xN is in frame N.  A fork gives the child the next pid and a page table");
	ex_say(ex, "that maps the parent's frames, copy-on-write: a write to a page whose");
	ex_say(ex, "frame other page tables map too copies it to the lowest free frame.");
	ex_say(ex, "There are %u frames, so nothing is ever evicted.  The steps:", frames);
	for (unsigned i = 0; i < STEPS; i++) {
		step_text(&steps[i], text, sizeof text);
		ex_say(ex, "  %u  %s", i + 1, text);
	}
	ex_say(ex, "For each step: the pages it copies; then the reference count of each");
	ex_say(ex, "frame (the page tables that map it), frame 0 first (- for a free frame).");
	ex_say(ex, "Then the copies in all.");
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	unsigned pages = 2 + ex_draw(rng, 2);
	struct step steps[STEPS];
	unsigned long long copies = 0;
	struct machine *m;
	char a[24], r[64];
	int rc = 0;

	draw_steps(rng, pages, steps);
	ex->p.frames = pages * (FORKS_MAX + 1);        /* a copy for every process */
	ex->p.tlb = 0;
	ex->p.page_size = PAGE_SIZE;
	if ((m = ex_machine(&ex->p, err, size)) == NULL)
		return -1;
	say_problem(ex, pages, ex->p.frames, steps);
	rc = touch_pages(m, pages, err, size);
	for (unsigned i = 0; i < STEPS && rc == 0; i++)
		rc = ask_step(ex, m, i + 1, &steps[i], &copies, err, size);
	if (rc == 0) {
		snprintf(a, sizeof a, "%llu", copies);
		snprintf(r, sizeof r, "the steps copy %s page%s in all", a, plural(copies));
		ex_ask(ex, "copies", a, r);
	}
	machine_free(m);
	return rc;
}

const struct ex_kind ex_cow = {
	.name = "cow",
	.summary = "copies and reference counts after fork and writes (copy-on-write)",
	.params = 0,
	.draw = draw,
	.build = build,
};
