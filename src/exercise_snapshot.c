/*
 * exercise_snapshot.c - the kind "snapshot" (Tanenbaum's exercise): a
 * table of the pages in memory, each with its frame, the step it was
 * loaded at, the step it was last used at, and its R and M bits; a fault
 * needs a frame: which page does each of nru, fifo, lru and second chance
 * evict?
 *
 * The answers come from the policies themselves (policy_*.c), run on a
 * machine whose state is the table: for each policy a machine with as
 * many frames as the table has pages replays the table's history through
 * the engine (each page read at the step it was loaded, written there if
 * M is set, and read again at the step it was last used; the steps between
 * are operations that touch no page), so frames, load order, last uses and
 * dirty bits are the engine's own.  R is the one bit the table states
 * rather than derives: the operating system clears it from time to time,
 * so after the replay each frame's R bit is set as the table says.  Then a
 * read of a page not in memory faults, and the policy's VICTIM event gives
 * the page and the rule it applied.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "event.h"
#include "exercise.h"
#include "number.h"
#include "policy.h"

static const char *const asked[] = { "nru", "fifo", "lru", "second-chance" };
#define NASKED (sizeof asked / sizeof asked[0])

/* ---- reading and writing the table -------------------------------------- */

/* A number of at most max from the text up to the first of `stops`; moves *s past it. */
static int
field(const char **s, const char *stops, unsigned max, unsigned *v)
{
	size_t len = strcspn(*s, stops);
	uint64_t x;

	if (number_parse(*s, len, &x) != NUMBER_OK || x > max)
		return -1;
	*v = (unsigned)x;
	*s += len;
	return 0;
}

/* Reads one row "PAGE:LOADED:LAST:R:M" from *s. */
static int
read_row(const char **s, struct ex_snapshot_page *row)
{
	unsigned r, m;

	if (field(s, ":", EX_SNAPSHOT_PAGE_MAX, &row->page) || *(*s)++ != ':' ||
	    field(s, ":", EX_SNAPSHOT_STEP_MAX, &row->loaded) || *(*s)++ != ':' ||
	    field(s, ":", EX_SNAPSHOT_STEP_MAX, &row->last_used) || *(*s)++ != ':' ||
	    field(s, ":", 1, &r) || *(*s)++ != ':' || field(s, ", \t", 1, &m))
		return -1;
	row->r = r;
	row->m = m;
	return 0;
}

/* Whether some row before row i has this page, or an event at step t. */
static const char *
clash(const struct ex_params *p, unsigned i)
{
	const struct ex_snapshot_page *a = &p->snapshot[i];

	if (a->loaded < 1 || a->loaded > a->last_used)
		return "its page must be loaded (at step 1 or later) no later than its last use";
	for (unsigned j = 0; j < i; j++) {
		const struct ex_snapshot_page *b = &p->snapshot[j];

		if (b->page == a->page)
			return "its page is in the table already";
		if (b->loaded == a->loaded || b->loaded == a->last_used ||
		    b->last_used == a->loaded || b->last_used == a->last_used)
			return "another page is loaded or used at one of its steps";
	}
	return NULL;
}

int
ex_params_read_snapshot(struct ex_params *p, const char *text, char *err, size_t size)
{
	const char *s = text, *why;
	unsigned n = 0;

	for (;;) {
		s += strspn(s, " \t");
		if (n == EX_SNAPSHOT_MAX) {
			snprintf(err, size, "snapshot: more than %d pages", EX_SNAPSHOT_MAX);
			return -1;
		}
		if (read_row(&s, &p->snapshot[n])) {
			snprintf(err, size, "snapshot: item %u is not PAGE:LOADED:LAST:R:M "
				 "(page at most %d, steps at most %d, R and M 0 or 1)", n + 1,
				 EX_SNAPSHOT_PAGE_MAX, EX_SNAPSHOT_STEP_MAX);
			return -1;
		}
		if ((why = clash(p, n++)) != NULL) {
			snprintf(err, size, "snapshot: item %u: %s", n, why);
			return -1;
		}
		s += strspn(s, " \t");
		if (*s == '\0')
			break;
		if (*s++ != ',') {
			snprintf(err, size, "snapshot: expected a comma after item %u", n);
			return -1;
		}
	}
	if (n < 2) {
		snprintf(err, size, "snapshot: at least 2 pages");
		return -1;
	}
	p->nsnapshot = n;
	p->given |= EXP_BIT(EXP_SNAPSHOT);
	return 0;
}

void
ex_snapshot_text(const struct ex_params *p, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < p->nsnapshot && k < size; i++) {
		const struct ex_snapshot_page *row = &p->snapshot[i];

		k += (size_t)snprintf(buf + k, size - k, "%s%u:%u:%u:%d:%d", i ? "," : "",
				      row->page, row->loaded, row->last_used, row->r, row->m);
	}
}

/* ---- drawing a table ---------------------------------------------------- */

/* Whether step t is taken by one of the first n rows. */
static bool
taken(const struct ex_params *p, unsigned n, unsigned t)
{
	for (unsigned i = 0; i < n; i++)
		if (p->snapshot[i].loaded == t || p->snapshot[i].last_used == t)
			return true;
	return false;
}

/* A step in [from, from + span) no row has yet. */
static unsigned
free_step(const struct ex_params *p, unsigned n, uint64_t *rng, unsigned from, unsigned span)
{
	unsigned t;

	do
		t = from + ex_draw(rng, span);
	while (taken(p, n, t));
	return t;
}

/*
 * Pages 0.., loaded at steps 100..199 and last used at steps 200..299, as
 * in Tanenbaum's table (so the order of loading and the order of last use
 * are drawn apart); R set for the pages used after a drawn moment (the last
 * clearing of R), at least one of them and not all; M drawn.
 */
static void
draw(struct ex_params *p, uint64_t *rng)
{
	unsigned n = 4 + ex_draw(rng, 2), cleared;

	if (p->given & EXP_BIT(EXP_SNAPSHOT))
		return;
	for (unsigned i = 0; i < n; i++) {
		struct ex_snapshot_page *row = &p->snapshot[i];

		row->page = i;
		row->loaded = free_step(p, i, rng, 100, 100);
		row->last_used = free_step(p, i, rng, 200, 100);
		row->m = ex_draw(rng, 2);
	}
	/* R: used after the (cleared)-th earliest last use. */
	cleared = ex_draw(rng, n - 1);
	for (unsigned i = 0; i < n; i++) {
		unsigned earlier = 0;

		for (unsigned j = 0; j < n; j++)
			earlier += p->snapshot[j].last_used < p->snapshot[i].last_used;
		p->snapshot[i].r = earlier > cleared;
	}
	p->nsnapshot = n;
}

/* ---- the machine that holds the table ----------------------------------- */

/* The table's row of page vpn. */
static const struct ex_snapshot_page *
row_of(const struct ex_params *p, uint64_t vpn)
{
	for (unsigned i = 0; i < p->nsnapshot; i++)
		if (p->snapshot[i].page == vpn)
			return &p->snapshot[i];
	return NULL;
}

/* The last step of the table: the fault comes at the next. */
static unsigned
last_step(const struct ex_params *p)
{
	unsigned t = 0;

	for (unsigned i = 0; i < p->nsnapshot; i++)
		if (p->snapshot[i].last_used > t)
			t = p->snapshot[i].last_used;
	return t;
}

/* The lowest page number not in the table: the page that faults. */
static unsigned
faulting_page(const struct ex_params *p)
{
	unsigned page = 0;

	while (row_of(p, page))
		page++;
	return page;
}

/* Applies op at step t, after operations on nothing up to it. */
static int
apply_at(struct machine *m, unsigned t, const struct op *op, struct event_list *ev,
	 char *err, size_t size)
{
	static const struct op nothing = { .kind = OP_NONE };

	while (m->step + 1 < t)
		if (engine_apply(m, &nothing, NULL, err, size))
			return -1;
	return engine_apply(m, op, ev, err, size);
}

/* Page row's access at step t, if it has one there: its load or its last use. */
static bool
access_at(const struct ex_snapshot_page *row, unsigned t, struct op *op)
{
	if (row->loaded != t && row->last_used != t)
		return false;
	*op = (struct op){ .kind = OP_ACCESS, .pid = 0, .addr = row->page * 4096ull,
		.access = row->loaded == t && row->m ? ACCESS_WRITE : ACCESS_READ };
	return true;
}

/* A machine under policy that holds the table: NULL with a message. */
static struct machine *
snapshot_machine(const struct ex_params *table, int policy, char *err, size_t size)
{
	struct ex_params mp = *table;
	struct machine *m;
	struct op op;

	mp.frames = table->nsnapshot;
	mp.policy = policy;
	mp.page_size = 4096;
	mp.tlb = 0;
	mp.tick = TICK_MAX;     /* R is the table's, not a tick's */
	if ((m = ex_machine(&mp, err, size)) == NULL)
		return NULL;
	for (unsigned t = 1; t <= last_step(table); t++)
		for (unsigned i = 0; i < table->nsnapshot; i++)
			if (access_at(&table->snapshot[i], t, &op) &&
			    apply_at(m, t, &op, NULL, err, size)) {
				machine_free(m);
				return NULL;
			}
	for (unsigned f = 0; f < m->cfg.frames; f++)
		m->frames[f].referenced = row_of(table, frame_first(m, (int)f).vpn)->r;
	return m;
}

/* The frame page vpn is in. */
static int
frame_of(const struct machine *m, uint64_t vpn)
{
	return page_table_find(&machine_process(m, 1)->pt, vpn)->frame;
}

/* ---- the problem and its answers ---------------------------------------- */

static void
say_table(struct exercise *ex, const struct machine *m)
{
	const struct ex_params *p = &ex->p;

	ex_say(ex, "A process has %u pages in %u frames, all full.  At step %u it reads page %u,",
	       p->nsnapshot, p->nsnapshot, last_step(p) + 1, faulting_page(p));
	ex_say(ex, "which is in no frame: a page fault.  Each page's frame, the step it was");
	ex_say(ex, "loaded at and last used at, and its R (referenced) and M (modified: the");
	ex_say(ex, "dirty bit D) bits:");
	ex_say(ex, "  page  frame  loaded  last used  R  M");
	for (unsigned i = 0; i < p->nsnapshot; i++) {
		const struct ex_snapshot_page *row = &p->snapshot[i];

		ex_say(ex, "  %4u  %5d  %6u  %9u  %d  %d", row->page, frame_of(m, row->page),
		       row->loaded, row->last_used, row->r, row->m);
	}
	ex_say(ex, "Every use sets R, and the operating system clears it from time to time;");
	ex_say(ex, "a write sets M.  The frames were filled in the order of loading.");
	ex_say(ex, "Which page does each of these policies evict?");
	for (size_t i = 0; i < NASKED; i++)
		ex_say(ex, "  %s: %s", asked[i], policy_at(policy_find(asked[i]))->summary);
	ex_say(ex, "(nru's class is 2R + M; a tie goes to the lowest frame.)");
}

/*
 * Why another page is not the victim, in the table's terms (under second
 * chance every page loaded before the victim had R set: the first with R
 * clear would have gone).
 */
static void
note_other(struct ex_question *q, const char *policy, const struct ex_snapshot_page *row,
	   const struct ex_snapshot_page *victim, const struct machine *m)
{
	char value[16];

	snprintf(value, sizeof value, "%u", row->page);
	if (strcmp(policy, "nru") == 0)
		ex_note(q, value, "page %u is in class %d (R = %d, M = %d), in frame %d", row->page,
			2 * row->r + row->m, row->r, row->m, frame_of(m, row->page));
	else if (strcmp(policy, "lru") == 0)
		ex_note(q, value, "page %u was last used at step %u", row->page, row->last_used);
	else if (strcmp(policy, "fifo") == 0 || row->loaded > victim->loaded)
		ex_note(q, value, "page %u was loaded at step %u", row->page, row->loaded);
	else
		ex_note(q, value, "page %u has R = 1: it gets a second chance", row->page);
}

/* Asks which page policy evicts: the engine's victim and the policy's rule. */
static int
ask_policy(struct exercise *ex, const char *policy, char *err, size_t size)
{
	struct machine *m = snapshot_machine(&ex->p, policy_find(policy), err, size);
	struct event_list ev;
	const struct event *victim;
	char id[40], a[16], why[200], r[400];
	struct op op = { .kind = OP_ACCESS, .access = ACCESS_READ,
		.addr = faulting_page(&ex->p) * 4096ull };
	struct ex_question *q;

	if (m == NULL)
		return -1;
	if (ex->nq == 0)
		say_table(ex, m);
	if (apply_at(m, last_step(&ex->p) + 1, &op, &ev, err, size)) {
		machine_free(m);
		return -1;
	}
	victim = ex_event(&ev, EV_VICTIM);
	policy_at(m->cfg.policy)->explain(&victim->why, m, why, sizeof why);
	snprintf(id, sizeof id, "%s victim", policy);
	snprintf(a, sizeof a, "%llu", (unsigned long long)victim->other_vpn);
	snprintf(r, sizeof r, "%s evicts page %s from frame %d, %s", policy, a, victim->frame,
		 why);
	q = ex_ask(ex, id, a, r);
	for (unsigned i = 0; i < ex->p.nsnapshot; i++)
		if (ex->p.snapshot[i].page != victim->other_vpn)
			note_other(q, policy, &ex->p.snapshot[i],
				   row_of(&ex->p, victim->other_vpn), m);
	machine_free(m);
	return 0;
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	(void)rng;
	for (size_t i = 0; i < NASKED; i++)
		if (ask_policy(ex, asked[i], err, size))
			return -1;
	return 0;
}

const struct ex_kind ex_snapshot = {
	.name = "snapshot",
	.summary = "which page nru, fifo, lru and second chance evict from a table",
	.params = EXP_BIT(EXP_SNAPSHOT),
	.draw = draw,
	.build = build,
};
