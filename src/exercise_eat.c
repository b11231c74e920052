/*
 * exercise_eat.c - the kind "eat": effective access time.  Textbooks
 * differ on what they count, so the problem states its cost model, and
 * eat_cost() below is that model and nothing else:
 *
 *   every access pays the TLB lookup t and one memory access m for the data;
 *   a TLB miss (1 - h of them) also walks the L levels of the page table,
 *   one memory access each: (1 - h) x L x m;
 *   a page fault (p of the accesses) also pays the fault service time,
 *   c for a clean victim, d for a dirty one (a fraction q is dirty).
 *
 * All times are kept in hundredths of a nanosecond, and the drawn values
 * are chosen so every answer is exact to two decimals.
 */
#include <stdio.h>

#include "exercise.h"
#include "plural.h"

struct eat_model {
	unsigned t, m;          /* ns: TLB lookup, memory access */
	unsigned h;             /* TLB hit rate, per cent */
	unsigned levels;
	unsigned p;             /* page faults per million accesses */
	unsigned c, d;          /* ms: fault service with a clean, a dirty victim */
	unsigned q;             /* tenths of the victims that are dirty */
};

struct eat_cost {
	unsigned long long no_fault;    /* hundredths of a ns */
	unsigned long long service;     /* ns: the mean fault service time */
	unsigned long long total;       /* hundredths of a ns */
};

static struct eat_cost
eat_cost(const struct eat_model *e)
{
	struct eat_cost c;

	c.no_fault = 100ull * (e->t + e->m) + (100ull - e->h) * e->levels * e->m;
	c.service = ((10ull - e->q) * e->c + (unsigned long long)e->q * e->d) * 100000ull;
	/* p / 10^6 x service ns, in hundredths: p x service / 10^4. */
	c.total = c.no_fault + (unsigned long long)e->p * c.service / 10000ull;
	return c;
}

static void
draw(struct ex_params *p, uint64_t *rng)
{
	(void)p, (void)rng;
}

static struct eat_model
draw_model(uint64_t *rng)
{
	struct eat_model e;

	e.t = ex_draw(rng, 11);
	e.m = 50 + 10 * ex_draw(rng, 6);
	e.h = 80 + ex_draw(rng, 20);
	e.levels = 1 + ex_draw(rng, 4);
	e.p = 1 + ex_draw(rng, 20);
	e.c = 2 + ex_draw(rng, 9);
	e.d = e.c + 4 + ex_draw(rng, 7);
	e.q = 2 + ex_draw(rng, 7);
	return e;
}

/* Hundredths as "123.45". */
static void
hundredths(unsigned long long v, char *buf, size_t size)
{
	snprintf(buf, size, "%llu.%02llu", v / 100, v % 100);
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	struct eat_model e = draw_model(rng);
	struct eat_cost c = eat_cost(&e);
	char a[32], walk[32], r[400];
	struct ex_question *q;

	(void)err, (void)size;
	ex_say(ex, "A TLB lookup takes %u ns and a memory access %u ns.  The TLB hit rate", e.t, e.m);
	ex_say(ex, "is %u%%; the page table has %u level%s.  %u access%s in a million cause%s",
	       e.h, e.levels, plural(e.levels), e.p, plural_es(e.p),
	       e.p == 1 ? "s" : "");
	ex_say(ex, "a page fault; serving one takes %u ms if the victim is clean and %u ms",
	       e.c, e.d);
	ex_say(ex, "if it is dirty, and %u0%% of the victims are dirty.", e.q);
	ex_say(ex, "Cost model: every access pays the TLB lookup and one memory access for");
	ex_say(ex, "the data; a TLB miss also pays one memory access per page-table level;");
	ex_say(ex, "a page fault also pays the fault service time.  Give times in ns, to");
	ex_say(ex, "two decimals.");

	hundredths(c.no_fault, a, sizeof a);
	hundredths((100ull - e.h) * e.levels * e.m, walk, sizeof walk);
	snprintf(r, sizeof r, "%u + %u ns on every access, plus the walk on the %u%% of misses: "
		 "0.%02u x %u x %u = %s ns; %u + %u + %s = %s ns", e.t, e.m, 100 - e.h,
		 100 - e.h, e.levels, e.m, walk, e.t, e.m, walk, a);
	q = ex_ask(ex, "eat without faults", a, r);
	q->tolerance = 0.01;

	snprintf(a, sizeof a, "%llu", c.service);
	snprintf(r, sizeof r, "0.%u x %u ms + 0.%u x %u ms = %llu ns", 10 - e.q, e.c, e.q, e.d,
		 c.service);
	ex_ask(ex, "mean fault service", a, r);

	hundredths(c.total, a, sizeof a);
	hundredths(c.no_fault, walk, sizeof walk);
	snprintf(r, sizeof r, "%s ns + %u/1000000 x %llu ns = %s ns", walk, e.p, c.service, a);
	q = ex_ask(ex, "eat", a, r);
	q->tolerance = 0.01;
	return 0;
}

const struct ex_kind ex_eat = {
	.name = "eat",
	.summary = "effective access time, with the cost model stated",
	.params = 0,
	.draw = draw,
	.build = build,
};
