/*
 * test_exercise.c - exercises: the same seed makes the same problem, and
 * every kind's answers agree with a brute-force computation written here
 * from the problem as it is printed (not with the engine's functions);
 * answers are compared as answer.h says.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "answer.h"
#include "exercise.h"
#include "gift.h"
#include "policy.h"

#define SEEDS 40

static struct exercise
make(const char *kind, uint64_t seed)
{
	struct ex_params p;
	struct exercise ex;
	char err[256];

	ex_params_init(&p);
	p.seed = seed;
	if (exercise_make(&ex, ex_kind_find(kind), &p, err, sizeof err))
		fail_msg("%s seed %llu: %s", kind, (unsigned long long)seed, err);
	return ex;
}

static const char *
answer(const struct exercise *ex, const char *fmt, ...)
{
	const struct ex_question *q;
	char id[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(id, sizeof id, fmt, ap);
	va_end(ap);
	if ((q = exercise_question(ex, id)) == NULL)
		fail_msg("%s seed %llu: no question \"%s\"", ex->kind->name,
			 (unsigned long long)ex->p.seed, id);
	return q->answer;
}

/* The answer must say the value v (as answer.h compares). */
static void
expect_number(const struct exercise *ex, const char *id, unsigned long long v)
{
	char text[32];

	snprintf(text, sizeof text, "%llu", v);
	if (!answer_matches(answer(ex, "%s", id), text, 0))
		fail_msg("%s seed %llu, %s: answer %s, brute force %llu", ex->kind->name,
			 (unsigned long long)ex->p.seed, id, answer(ex, "%s", id), v);
}

static void
expect_text(const struct exercise *ex, const char *id, const char *want)
{
	if (strcmp(answer(ex, "%s", id), want) != 0)
		fail_msg("%s seed %llu, %s: answer \"%s\", brute force \"%s\"", ex->kind->name,
			 (unsigned long long)ex->p.seed, id, answer(ex, "%s", id), want);
}

/* ---- the kinds list and the seed ---------------------------------------- */

static void
test_kinds_listed(void **state)
{
	char names[256] = "";

	(void)state;
	for (size_t i = 0; ex_kind_at(i); i++)
		snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
			 i ? ", " : "", ex_kind_name(ex_kind_at(i)));
	assert_string_equal(names, EX_KINDS);
}

/*
 * Fixed problems per seed: splitmix64 from the seed, the same everywhere
 * (policy seed 2: opt, 3 frames, 3,1,2,4,0,2,1,2,2,4,0,1; tlb seed 7: 2
 * entries, 0,3,1,2,0,1,0,0,2,3,1,3).  tests/test_exercise_cli.sh holds whole
 * sheets per seed.
 */
static void
test_seed_fixes_the_problem(void **state)
{
	struct exercise a = make("policy", 2), b = make("policy", 2), c = make("tlb", 7);
	static const uint64_t refs[] = { 3, 1, 2, 4, 0, 2, 1, 2, 2, 4, 0, 1 };

	(void)state;
	assert_string_equal(policy_at(a.p.policy)->name, "opt");
	assert_int_equal(a.p.frames, 3);
	assert_int_equal(a.p.nrefs, 12);
	for (unsigned i = 0; i < a.p.nrefs; i++) {
		assert_int_equal(a.p.refs[i], refs[i]);
		assert_int_equal(b.p.refs[i], refs[i]);
	}
	assert_int_equal(c.p.tlb, 2);
	assert_int_equal(c.p.refs[1], 3);
	assert_int_equal(c.p.refs[11], 3);
	assert_int_equal(a.nq, b.nq);
	for (size_t i = 0; i < a.nq; i++)
		assert_string_equal(a.q[i].answer, b.q[i].answer);
	exercise_free(&a);
	exercise_free(&b);
	exercise_free(&c);
}

/* A parameter given is kept; the others are still drawn from the seed. */
static void
test_given_parameters_kept(void **state)
{
	struct ex_params p;
	struct exercise ex;
	char err[256];

	(void)state;
	ex_params_init(&p);
	p.seed = 2;
	assert_int_equal(ex_params_read_pages(&p, "7, 0,1,2,0,3,0,4,2,3,0,3,2", err,
					      sizeof err), 0);
	p.frames = 3;
	p.given |= EXP_BIT(EXP_FRAMES);
	assert_int_equal(exercise_make(&ex, ex_kind_find("policy"), &p, err, sizeof err), 0);
	assert_int_equal(ex.p.nrefs, 13);
	assert_int_equal(ex.p.refs[0], 7);
	assert_int_equal(ex.p.frames, 3);
	exercise_free(&ex);
	assert_int_equal(ex_params_read_pages(&p, "1,x", err, sizeof err), -1);
	assert_string_equal(err, "pages: item 2 is not a page number (decimal, 0x hex or "
			    "0b binary, at most 65535)");
}

/* No question is called like a sheet's header key, or grading could not tell them apart. */
static void
test_no_question_named_as_a_header_key(void **state)
{
	(void)state;
	for (size_t k = 0; ex_kind_at(k); k++)
		for (uint64_t seed = 1; seed <= 5; seed++) {
			struct exercise ex = make(ex_kind_name(ex_kind_at(k)), seed);

			for (size_t i = 0; i < ex.nq; i++) {
				assert_string_not_equal(ex.q[i].id, "exercise");
				assert_string_not_equal(ex.q[i].id, "seed");
				for (int p = 0; p < EXP_COUNT; p++)
					assert_string_not_equal(ex.q[i].id,
								ex_param_name((enum ex_param)p));
				assert_null(strchr(ex.q[i].id, ':'));
				/* Unique: grading finds an answer's question by its id. */
				assert_ptr_equal(exercise_question(&ex, ex.q[i].id), &ex.q[i]);
			}
			exercise_free(&ex);
		}
}

/* ---- bits and split: arithmetic by division --------------------------- */

static void
test_bits_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("bits", seed);
		unsigned offset = 0, entry = 0, levels = 1, below = 0;
		unsigned long long pages = 1;
		char id[32];

		while ((1u << offset) < ex.p.page_size)
			offset++;
		for (unsigned b = offset; b < ex.p.va_bits; b++)
			pages *= 2;
		if (sscanf(ex.lines[1], "Its page table has one level (linear); each entry "
			   "takes %u bytes.", &entry) != 1)
			assert_int_equal(sscanf(ex.lines[1], "Its page table has %u levels; each "
						"entry takes %u bytes", &levels, &entry), 2);
		while ((1u << below) < ex.p.page_size / entry)
			below++;
		expect_number(&ex, "offset bits", offset);
		expect_number(&ex, "vpn bits", ex.p.va_bits - offset);
		expect_number(&ex, "number of pages", pages);
		if (levels == 1) {
			expect_number(&ex, "page table bytes", pages * entry);
		} else {
			unsigned top = ex.p.va_bits - offset - (levels - 1) * below;

			expect_number(&ex, "level 1 index bits", top);
			for (unsigned l = 2; l <= levels; l++) {
				snprintf(id, sizeof id, "level %u index bits", l);
				expect_number(&ex, id, below);
			}
			expect_number(&ex, "top table bytes", (1ull << top) * entry);
		}
		exercise_free(&ex);
	}
}

static void
test_split_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("split", seed);

		for (size_t i = 0; i < ex.nq; i += 2) {
			unsigned long long addr = strtoull(ex.q[i].id, NULL, 0);
			char id[64];

			snprintf(id, sizeof id, "%.*s offset", (int)strcspn(ex.q[i].id, " "),
				 ex.q[i].id);
			expect_number(&ex, ex.q[i].id, addr / ex.p.page_size);
			expect_number(&ex, id, addr % ex.p.page_size);
		}
		exercise_free(&ex);
	}
}

/* ---- translate: from the table as printed ----------------------------- */

static void
test_translate_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("translate", seed);
		int pfn[64];
		unsigned pages = 0, vpn, valid;
		char frame[16];

		for (size_t i = 0; i < ex.nlines; i++)
			if (sscanf(ex.lines[i], "%u %u %15s", &vpn, &valid, frame) == 3) {
				assert_int_equal(vpn, pages);
				pfn[pages++] = valid ? atoi(frame) : -1;
			}
		assert_int_equal(pages, (1u << ex.p.va_bits) / ex.p.page_size);
		for (size_t i = 0; i < ex.nq; i++) {
			unsigned long long va = strtoull(ex.q[i].id + 3, NULL, 16);
			int f = pfn[va / ex.p.page_size];

			if (f < 0)
				expect_text(&ex, ex.q[i].id, "invalid");
			else
				expect_number(&ex, ex.q[i].id,
					      (unsigned long long)f * ex.p.page_size +
					      va % ex.p.page_size);
		}
		exercise_free(&ex);
	}
}

/* ---- multilevel: from the tables as printed ----------------------------- */

/* The hex entries after a dump line's colon; returns how many. */
static unsigned
dump_entries(const char *line, int *entry)
{
	const char *s = strchr(line, ':') + 1;
	unsigned n = 0;
	char word[8];
	int used;

	while (sscanf(s, "%7s%n", word, &used) == 1) {
		entry[n++] = strcmp(word, "--") == 0 ? -1 : (int)strtol(word, NULL, 16);
		s += used;
	}
	return n;
}

static void
test_multilevel_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("multilevel", seed);
		int top[64], table[256][64];
		unsigned va_bits, top_bits, low_bits, offset_bits, frame, n = 0;
		char id[64], want[32];

		assert_int_equal(sscanf(ex.lines[0], "Virtual addresses have %u bits: %u + %u "
					"index bits and %u offset bits", &va_bits, &top_bits,
					&low_bits, &offset_bits), 4);
		for (unsigned f = 0; f < 256; f++)
			table[f][0] = -2;       /* no table in frame f */
		for (size_t i = 0; i < ex.nlines; i++) {
			if (strncmp(ex.lines[i], "top table:", 10) == 0)
				n = dump_entries(ex.lines[i], top);
			else if (sscanf(ex.lines[i], "table in frame %x:", &frame) == 1)
				assert_int_equal(dump_entries(ex.lines[i], table[frame]),
						 1u << low_bits);
		}
		assert_int_equal(n, 1u << top_bits);
		for (size_t q = 0; q < ex.nq; q += 4) {
			unsigned long long va = strtoull(ex.q[q].id + 3, NULL, 16);
			unsigned long long page = va / ex.p.page_size;
			unsigned ti = (unsigned)(page / (1u << low_bits));
			unsigned li = (unsigned)(page % (1u << low_bits));
			int t = top[ti], f = t < 0 ? -1 : table[t][li];

			snprintf(id, sizeof id, "va 0x%llx top index", va);
			expect_number(&ex, id, ti);
			snprintf(id, sizeof id, "va 0x%llx table frame", va);
			if (t < 0)
				expect_text(&ex, id, "-");
			else
				expect_number(&ex, id, (unsigned)t);
			snprintf(id, sizeof id, "va 0x%llx pte index", va);
			expect_number(&ex, id, li);
			snprintf(id, sizeof id, "va 0x%llx pa", va);
			snprintf(want, sizeof want, "%llu", (unsigned long long)f * ex.p.page_size +
				 va % ex.p.page_size);
			if (f < 0)
				expect_text(&ex, id, "invalid");
			else
				assert_true(answer_matches(answer(&ex, "%s", id), want, 0));
		}
		exercise_free(&ex);
	}
}

/* ---- tlb: an LRU list of entries -------------------------------------- */

static void
test_tlb_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("tlb", seed);
		uint64_t page[16];
		unsigned long long used[16], hits = 0;
		unsigned n = 0;
		char id[64], rate[32];

		for (unsigned s = 1; s <= ex.p.nrefs; s++) {
			unsigned long long v = ex.p.refs[s - 1];
			unsigned i = 0;
			bool hit;

			while (i < n && page[i] != v)
				i++;
			hit = i < n;
			if (hit) {
				hits++;
			} else if (n < ex.p.tlb) {
				i = n++;
			} else {
				i = 0;
				for (unsigned j = 1; j < n; j++)
					if (used[j] < used[i])
						i = j;
			}
			page[i] = v;
			used[i] = s;
			snprintf(id, sizeof id, "step %u (page %llu)", s, v);
			expect_text(&ex, id, hit ? "hit" : "miss");
		}
		expect_number(&ex, "hits", hits);
		snprintf(rate, sizeof rate, "%.1f", 100.0 * (double)hits / ex.p.nrefs);
		assert_true(answer_matches(answer(&ex, "hit rate %%"), rate, 0.05));
		exercise_free(&ex);
	}
}

/* ---- eat: the stated model, in floating point ------------------------- */

static void
test_eat_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("eat", seed);
		unsigned t, m, h, levels, p, c, d, q;
		char text[2048] = "", s1[32], s2[32], s3[32];
		double no_fault, service;

		for (size_t i = 0; i < ex.nlines; i++)
			snprintf(text + strlen(text), sizeof text - strlen(text), "%s ", ex.lines[i]);
		assert_int_equal(sscanf(text, "A TLB lookup takes %u ns and a memory access %u ns. "
					" The TLB hit rate is %u%%; the page table has %u level",
					&t, &m, &h, &levels), 4);
		assert_int_equal(sscanf(strstr(text, "level"), "%*s %u", &p), 1);
		assert_int_equal(sscanf(strstr(text, "serving one takes "), "serving one takes %u ms if the victim is "
					"clean and %u ms if it is dirty, and %u%%", &c, &d, &q), 3);
		no_fault = t + m + (1 - h / 100.0) * levels * m;
		service = ((1 - q / 100.0) * c + q / 100.0 * d) * 1e6;
		snprintf(s1, sizeof s1, "%.2f", no_fault);
		snprintf(s2, sizeof s2, "%.0f", service);
		snprintf(s3, sizeof s3, "%.2f", no_fault + p / 1e6 * service);
		assert_true(answer_matches(answer(&ex, "eat without faults"), s1, 0.01));
		assert_true(answer_matches(answer(&ex, "mean fault service"), s2, 0));
		assert_true(answer_matches(answer(&ex, "eat"), s3, 0.01));
		exercise_free(&ex);
	}
}

/* ---- policy: fifo, lru, opt, clock and nru simulated by hand ---------- */

struct sim {
	unsigned frames, n;
	long long page[16];
	unsigned long long loaded[16], used[16];
	int r[16];
	unsigned hand;
};

/* The frame the named policy evicts, at step s of refs. */
static unsigned
sim_victim(struct sim *x, const char *policy, const uint64_t *refs, unsigned nrefs,
	   unsigned s)
{
	unsigned best = 0;

	if (strcmp(policy, "clock") == 0) {
		while (x->r[x->hand]) {
			x->r[x->hand] = 0;
			x->hand = (x->hand + 1) % x->frames;
		}
		best = x->hand;
		x->hand = (x->hand + 1) % x->frames;
		return best;
	}
	for (unsigned f = 1; f < x->frames; f++) {
		if (strcmp(policy, "fifo") == 0 && x->loaded[f] < x->loaded[best])
			best = f;
		if (strcmp(policy, "lru") == 0 && x->used[f] < x->used[best])
			best = f;
		/* nru: only reads, so no page is dirty: class 2R; ties to the lowest frame */
		if (strcmp(policy, "nru") == 0 && x->r[f] < x->r[best])
			best = f;
		if (strcmp(policy, "opt") == 0) {
			unsigned nf = s + 1, nb = s + 1;
			while (nf <= nrefs && refs[nf - 1] != (uint64_t)x->page[f])
				nf++;
			while (nb <= nrefs && refs[nb - 1] != (uint64_t)x->page[best])
				nb++;
			if (nf > nb || (nf == nb && x->loaded[f] < x->loaded[best]))
				best = f;
		}
	}
	return best;
}

static void
frames_now(const struct sim *x, char *buf, size_t size)
{
	buf[0] = '\0';
	for (unsigned f = 0; f < x->frames; f++) {
		if (f < x->n)
			snprintf(buf + strlen(buf), size - strlen(buf), "%s%lld", f ? " " : "",
				 x->page[f]);
		else
			snprintf(buf + strlen(buf), size - strlen(buf), "%s-", f ? " " : "");
	}
}

/* tick: clear every R bit after each tick-th access (nru), or 0 never. */
static void
check_policy(const char *policy, uint64_t seed, unsigned tick)
{
	struct ex_params p;
	struct exercise ex;
	struct sim x = { 0 };
	unsigned long long faults = 0;
	char err[256], id[64], want[64];

	ex_params_init(&p);
	p.seed = seed;
	p.policy = policy_find(policy);
	p.given = EXP_BIT(EXP_POLICY);
	if (tick) {
		p.tick = tick;
		p.given |= EXP_BIT(EXP_TICK);
	}
	assert_int_equal(exercise_make(&ex, ex_kind_find("policy"), &p, err, sizeof err), 0);
	x.frames = ex.p.frames;
	for (unsigned s = 1; s <= ex.p.nrefs; s++) {
		long long v = (long long)ex.p.refs[s - 1];
		unsigned f = 0;
		bool hit;

		while (f < x.n && x.page[f] != v)
			f++;
		hit = f < x.n;
		snprintf(id, sizeof id, "step %u (page %lld) result", s, v);
		expect_text(&ex, id, hit ? "hit" : "fault");
		snprintf(id, sizeof id, "step %u victim", s);
		if (hit || x.n < x.frames) {
			expect_text(&ex, id, "-");
			f = hit ? f : x.n++;
		} else {
			f = sim_victim(&x, policy, ex.p.refs, ex.p.nrefs, s);
			expect_number(&ex, id, (unsigned long long)x.page[f]);
		}
		if (!hit) {
			faults++;
			x.loaded[f] = s;
		}
		x.page[f] = v;
		x.used[f] = s;
		x.r[f] = 1;
		if (tick && s % tick == 0)
			memset(x.r, 0, sizeof x.r);
		snprintf(id, sizeof id, "step %u frames", s);
		frames_now(&x, want, sizeof want);
		expect_text(&ex, id, want);
	}
	expect_number(&ex, "faults", faults);
	exercise_free(&ex);
}

static void
test_policy_brute_force(void **state)
{
	static const char *const policies[] = { "fifo", "lru", "opt", "clock" };

	(void)state;
	for (size_t i = 0; i < 4; i++)
		for (uint64_t seed = 1; seed <= SEEDS; seed++)
			check_policy(policies[i], seed, 0);
	/* The tick given decides nru's victims: each of these is another problem. */
	for (unsigned tick = 1; tick <= 5; tick++)
		for (uint64_t seed = 1; seed <= SEEDS; seed++)
			check_policy("nru", seed, tick);
}

/* ---- snapshot: the four rules applied to the table by hand ------------ */

/* The rows of the table in load order (the order of their frames). */
static void
by_load(const struct ex_params *p, struct ex_snapshot_page *rows)
{
	for (unsigned i = 0; i < p->nsnapshot; i++) {
		unsigned rank = 0;

		for (unsigned j = 0; j < p->nsnapshot; j++)
			rank += p->snapshot[j].loaded < p->snapshot[i].loaded;
		rows[rank] = p->snapshot[i];
	}
}

/* The page the named policy evicts from the table, by its rule alone. */
static unsigned
snapshot_victim(const struct ex_params *p, const char *policy)
{
	struct ex_snapshot_page q[2 * EX_SNAPSHOT_MAX];
	unsigned n = p->nsnapshot, best = 0, head = 0;

	by_load(p, q);
	if (strcmp(policy, "second-chance") == 0) {
		/* R set: to the back of the queue, R cleared; the first with R clear goes. */
		while (q[head].r) {
			q[n] = q[head++];
			q[n++].r = false;
		}
		return q[head].page;
	}
	for (unsigned i = 1; i < n; i++) {
		unsigned ci = 2 * q[i].r + q[i].m, cb = 2 * q[best].r + q[best].m;

		if ((strcmp(policy, "nru") == 0 && ci < cb) ||
		    (strcmp(policy, "fifo") == 0 && q[i].loaded < q[best].loaded) ||
		    (strcmp(policy, "lru") == 0 && q[i].last_used < q[best].last_used))
			best = i;
	}
	return q[best].page;
}

static void
check_snapshot(const struct exercise *ex)
{
	static const char *const policies[] = { "nru", "fifo", "lru", "second-chance" };

	assert_int_equal(ex->nq, 4);
	for (size_t i = 0; i < 4; i++) {
		char id[40];

		snprintf(id, sizeof id, "%s victim", policies[i]);
		expect_number(ex, id, snapshot_victim(&ex->p, policies[i]));
	}
}

/*
 * Tanenbaum's table (Modern Operating Systems, chapter 3; tests/test_policy.c
 * runs the same snapshot on the policies directly): NRU evicts page 2 (the
 * only one in class 0), FIFO page 3 (loaded at 110), LRU page 1 (last used
 * at 265), second chance page 2 (3 and 0 have R set and go to the back).
 */
static void
test_snapshot_tanenbaum(void **state)
{
	struct ex_params p;
	struct exercise ex;
	char err[256];

	(void)state;
	ex_params_init(&p);
	assert_int_equal(ex_params_read_snapshot(&p, "0:126:280:1:0, 1:230:265:0:1, "
						 "2:140:270:0:0, 3:110:285:1:1", err,
						 sizeof err), 0);
	assert_int_equal(exercise_make(&ex, ex_kind_find("snapshot"), &p, err, sizeof err), 0);
	expect_text(&ex, "nru victim", "2");
	expect_text(&ex, "fifo victim", "3");
	expect_text(&ex, "lru victim", "1");
	expect_text(&ex, "second-chance victim", "2");
	check_snapshot(&ex);
	assert_non_null(strstr(ex.q[3].reason, "(2 second chances given on the way)"));
	exercise_free(&ex);
}

static void
test_snapshot_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 4 * SEEDS; seed++) {
		struct exercise ex = make("snapshot", seed);

		check_snapshot(&ex);
		exercise_free(&ex);
	}
}

/* A table that cannot be: each message names the item and what is wrong. */
static void
test_snapshot_refused(void **state)
{
	static const struct { const char *text, *err; } bad[] = {
		{ "0:1:2:1:0", "snapshot: at least 2 pages" },
		{ "0:1:2:1:0,0:3:4:0:0", "snapshot: item 2: its page is in the table already" },
		{ "0:1:2:1:0,1:2:4:0:0",
		  "snapshot: item 2: another page is loaded or used at one of its steps" },
		{ "0:3:2:1:0,1:5:6:0:0", "snapshot: item 1: its page must be loaded (at step 1 "
		  "or later) no later than its last use" },
		{ "0:1:2:1:0;1:5:6:0:0", "snapshot: item 1 is not PAGE:LOADED:LAST:R:M (page at "
		  "most 255, steps at most 9999, R and M 0 or 1)" },
		{ "0:1:2:1:0,1:5:6:0:2", "snapshot: item 2 is not PAGE:LOADED:LAST:R:M (page at "
		  "most 255, steps at most 9999, R and M 0 or 1)" },
		{ "0:1:2:1:0 1:5:6:0:1", "snapshot: expected a comma after item 1" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct ex_params p;
		char err[256];

		ex_params_init(&p);
		assert_int_equal(ex_params_read_snapshot(&p, bad[i].text, err, sizeof err), -1);
		assert_string_equal(err, bad[i].err);
	}
}

/* ---- cow: the steps as printed, counted by hand -------------------------- */

/* Reference counts "2 1 -" of frames count[0..n). */
static void
cow_counts(const unsigned *count, unsigned n, char *buf, size_t size)
{
	buf[0] = '\0';
	for (unsigned f = 0; f < n; f++)
		if (count[f])
			snprintf(buf + strlen(buf), size - strlen(buf), "%s%u", f ? " " : "",
				 count[f]);
		else
			snprintf(buf + strlen(buf), size - strlen(buf), "%s-", f ? " " : "");
}

/*
 * Reads the problem's lines and keeps, for each process, the frame of each
 * page: a fork gives the child its parent's frames (each counted once more);
 * a write to a frame counted more than once moves the writer's page to the
 * lowest frame counted 0 (a copy); a read changes nothing.
 */
static void
check_cow(const struct exercise *ex)
{
	unsigned pages = 0, frames = 0, count[16] = { 0 }, frame_of[8][8] = { { 0 } };
	unsigned long long copies = 0;
	unsigned steps = 0;
	char id[40], want[64];

	for (size_t l = 0; l < ex->nlines; l++) {
		const char *line = ex->lines[l];
		unsigned step, pid, child, page, f, copied = 0;
		char verb[8];

		if (sscanf(line, "Process 1 has touched its %u pages", &pages) == 1) {
			for (unsigned v = 0; v < pages; v++)
				frame_of[1][v] = v, count[v] = 1;
			continue;
		}
		if (sscanf(line, "There are %u frames", &frames) == 1)
			continue;
		if (sscanf(line, "  %u  pid %u forks (child: pid %u)", &step, &pid, &child) == 3) {
			for (unsigned v = 0; v < pages; v++)
				count[frame_of[child][v] = frame_of[pid][v]]++;
		} else if (sscanf(line, "  %u  pid %u %7s page 0x%x", &step, &pid, verb, &page) == 4) {
			f = frame_of[pid][page];
			if (strcmp(verb, "writes") == 0 && count[f] > 1) {
				unsigned copy = 0;

				while (count[copy])
					copy++;
				count[f]--;
				count[copy] = 1;
				frame_of[pid][page] = copy;
				copied = 1;
			}
		} else {
			continue;
		}
		assert_true(pages >= 1 && frames >= pages && frames <= 16);
		steps++;
		copies += copied;
		snprintf(id, sizeof id, "step %u copies", step);
		expect_number(ex, id, copied);
		snprintf(id, sizeof id, "step %u counts", step);
		cow_counts(count, frames, want, sizeof want);
		expect_text(ex, id, want);
	}
	expect_number(ex, "copies", copies);
	assert_int_equal(ex->nq, 2 * steps + 1);       /* every step was read */
}

static void
test_cow_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= 4 * SEEDS; seed++) {
		struct exercise ex = make("cow", seed);

		check_cow(&ex);
		exercise_free(&ex);
	}
}

/* Every "page N" in a cow exercise is hex, as the engine's narration has it. */
static void
assert_pages_in_hex(const char *text)
{
	for (const char *p = strstr(text, "page "); p; p = strstr(p + 1, "page ")) {
		if (p[5] >= '0' && p[5] <= '9' && strncmp(p + 5, "0x", 2) != 0)
			fail_msg("page in decimal: %s", text);
	}
}

static void
test_cow_pages_in_hex(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("cow", seed);

		for (size_t l = 0; l < ex.nlines; l++)
			assert_pages_in_hex(ex.lines[l]);
		for (size_t i = 0; i < ex.nq; i++)
			assert_pages_in_hex(ex.q[i].reason);
		exercise_free(&ex);
	}
}

/* ---- working set: the window scanned for each page -------------------- */

static void
test_working_set_brute_force(void **state)
{
	(void)state;
	for (uint64_t seed = 1; seed <= SEEDS; seed++) {
		struct exercise ex = make("working-set", seed);

		assert_true(ex.nq >= 1);
		for (size_t i = 0; i < ex.nq; i++) {
			unsigned t = (unsigned)atoi(ex.q[i].id + 2);
			char want[128] = "";

			for (unsigned v = 0; v < 64; v++) {
				bool in = false;
				for (unsigned s = t; s >= 1 && s + ex.p.tau > t; s--)
					in |= ex.p.refs[s - 1] == v;
				if (in)
					snprintf(want + strlen(want), sizeof want - strlen(want),
						 "%s%u", want[0] ? " " : "", v);
			}
			expect_text(&ex, ex.q[i].id, want);
		}
		exercise_free(&ex);
	}
}

/* ---- comparing answers -------------------------------------------------- */

static void
test_answer_matching(void **state)
{
	(void)state;
	assert_true(answer_matches("0x5234", "21044", 0));
	assert_true(answer_matches("0x5234", " 0X5234 ", 0));
	assert_true(answer_matches("16", "2^4", 0));
	assert_true(answer_matches("16", "0b10000", 0));
	assert_false(answer_matches("16", "15", 0));
	assert_true(answer_matches("7 0 -", "7,0,-", 0));
	assert_true(answer_matches("7 0 -", "7, 0, none", 0));
	assert_false(answer_matches("7 0 -", "7 0", 0));
	assert_false(answer_matches("7 0", "7 0 1", 0));
	assert_true(answer_matches("fault", "Miss", 0));
	assert_true(answer_matches("hit", "H", 0));
	assert_false(answer_matches("miss", "fault", 0));
	assert_false(answer_matches("hit", "fault", 0));
	assert_true(answer_matches("invalid", "segfault", 0));
	assert_true(answer_matches("58.3", "58.33%", 0.05));
	assert_false(answer_matches("58.3", "58.4", 0.05));
	assert_true(answer_matches("58.3", "58.3", 0));
	assert_false(answer_matches("96.40", "96.5", 0.01));
	assert_false(answer_matches("3", "", 0));
}

/* ---- GIFT ---------------------------------------------------------------- */

/* What f holds, from its start (at most size - 1 bytes). */
static const char *
contents(FILE *f, char *buf, size_t size)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	return buf;
}

static void
test_gift_escaping(void **state)
{
	FILE *f = tmpfile();
	char buf[4096];
	struct exercise ex;

	(void)state;
	assert_non_null(f);
	gift_escape(f, "a~b=c#d{e}f:g\\h <i> & j");
	assert_string_equal(contents(f, buf, sizeof buf),
			    "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h &lt;i&gt; &amp; j");
	fclose(f);

	/* A whole question: title, problem, answers in both bases, feedback. */
	f = tmpfile();
	ex = make("translate", 3);
	gift_write(&ex, f);
	contents(f, buf, sizeof buf);
	assert_non_null(strstr(buf, "::translate seed 3\\: va 0x35ff::[html]<pre>Virtual "));
	assert_non_null(strstr(buf, "the physical frame number)\\:\\n   VPN  valid  PFN\\n"));
	assert_non_null(strstr(buf, "</pre><p>va 0x35ff?</p>{=46591#0x35ff \\= VPN 13 + offset "
			       "0x1ff; entry 13 is valid with PFN 45, so PA \\= 45 x 1024 + 0x1ff "
			       "\\= 0xb5ff (46591) =0xb5ff#0x35ff \\= VPN 13"));
	assert_non_null(strstr(buf, "<p>va 0x2d71?</p>{=invalid#0x2d71 \\= VPN 11"));
	exercise_free(&ex);
	fclose(f);

	f = tmpfile();
	ex = make("eat", 3);
	gift_write(&ex, f);
	assert_non_null(strstr(contents(f, buf, sizeof buf),
			       "<p>eat?</p>{#295.00:0.01#92.20 ns + 13/1000000 x 15600000 ns "
			       "\\= 295.00 ns}\n\n"));
	exercise_free(&ex);
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_listed),
		cmocka_unit_test(test_seed_fixes_the_problem),
		cmocka_unit_test(test_given_parameters_kept),
		cmocka_unit_test(test_no_question_named_as_a_header_key),
		cmocka_unit_test(test_bits_brute_force),
		cmocka_unit_test(test_split_brute_force),
		cmocka_unit_test(test_translate_brute_force),
		cmocka_unit_test(test_multilevel_brute_force),
		cmocka_unit_test(test_tlb_brute_force),
		cmocka_unit_test(test_eat_brute_force),
		cmocka_unit_test(test_policy_brute_force),
		cmocka_unit_test(test_working_set_brute_force),
		cmocka_unit_test(test_snapshot_tanenbaum),
		cmocka_unit_test(test_snapshot_brute_force),
		cmocka_unit_test(test_snapshot_refused),
		cmocka_unit_test(test_cow_brute_force),
		cmocka_unit_test(test_cow_pages_in_hex),
		cmocka_unit_test(test_answer_matching),
		cmocka_unit_test(test_gift_escaping),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
