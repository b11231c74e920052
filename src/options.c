/*
 * options.c - reading the command line.
 *
 * One table lists every option with its group, its argument, what it sets
 * and its help line; getopt_long's table and --help are both made from it.
 * Setting an option only records it: whether the options make sense
 * together (one source of operations, batch-only options with --batch, no
 * machine options for a session, which has its own machine) is checked
 * once at the end, so each mistake gets one clear message.
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "number.h"
#include "export.h"
#include "options.h"
#include "policy.h"
#include "quote.h"

enum opt_id {
	O_ASCII, O_NO_COLOR, O_PROJECTOR, O_QUIZ,
	O_BATCH, O_PAGES, O_SCRIPT, O_TRACE, O_TRACE_FORMAT, O_JSON, O_QUIET,
	O_EVENTS, O_COMPARE, O_SWEEP,
	O_FRAMES, O_POLICY, O_PAGE_SIZE, O_VA_BITS, O_SWAP_SLOTS, O_TLB, O_SCOPE,
	O_SEED, O_TAU, O_TICK, O_LEVELS, O_PTE_BYTES,
	O_CHECK, O_LESSON, O_LIST_LESSONS,
	O_EXERCISE, O_ANSWERS, O_BLANK, O_EX_COUNT, O_SNAPSHOT, O_EXPORT, O_GRADE,
	O_HELP, O_VERSION,
	O_COUNT
};

enum group { G_UI, G_BATCH, G_MACHINE, G_SESSIONS, G_EXERCISES, G_OTHER, G_COUNT };

struct spec;
typedef int setter(struct options *, const struct spec *, const char *, char *, size_t);

struct spec {
	const char *name;
	char short_name;
	int has_arg;            /* getopt's no_argument, required_argument... */
	const char *arg;        /* its name in --help */
	enum group group;
	setter *set;
	size_t offset;          /* the field of struct options it sets */
	int mode;               /* for set_mode */
	const char *help;
	uint64_t max;           /* for set_unsigned: the machine's own limit */
};

static setter set_flag, set_string, set_unsigned, set_seed, set_policy, set_scope,
	set_trace_format, set_mode, set_compare, set_sweep;

#define FIELD(f) offsetof(struct options, f)

/* What a user typed, shown in a message: quoted and escaped (quote.h). */
#define QUOTED_MAX 60
#define QUOTED_SIZE (QUOTED_MAX * 4 + 8)

static const char *
quoted(char *dst, size_t size, const char *s)
{
	quote_string(dst, size, s, QUOTED_MAX);
	return dst;
}

static const struct spec specs[O_COUNT] = {
	[O_ASCII] = { "ascii", 0, no_argument, NULL, G_UI, set_flag, FIELD(ascii), 0,
		"draw with ASCII characters only (also a batch sweep's chart)" },
	[O_NO_COLOR] = { "no-color", 0, no_argument, NULL, G_UI, set_flag, FIELD(no_color), 0,
		"no colours (also when NO_COLOR is set)" },
	[O_PROJECTOR] = { "projector", 0, no_argument, NULL, G_UI, set_flag,
		FIELD(projector), 0, "start in projector mode: large, bold, high contrast" },
	[O_QUIZ] = { "quiz", 0, no_argument, NULL, G_UI, set_flag, FIELD(quiz), 0,
		"start with the quiz on: predict each access before it is shown (Q)" },
	[O_BATCH] = { "batch", 0, optional_argument, "FILE.json", G_BATCH, set_mode,
		FIELD(session), RUN_BATCH,
		"run with no screen: a session, a lesson, --pages, --script or --trace" },
	[O_PAGES] = { "pages", 0, required_argument, "LIST", G_BATCH, set_string,
		FIELD(pages), 0, "page numbers to read, comma-separated" },
	[O_SCRIPT] = { "script", 0, required_argument, "FILE", G_BATCH, set_string,
		FIELD(script), 0, "commands, one a line ('-': standard input); "
		"without --batch, queued in the UI" },
	[O_TRACE] = { "trace", 0, required_argument, "FILE", G_BATCH, set_string,
		FIELD(trace), 0, "a trace file ('-': standard input)" },
	[O_TRACE_FORMAT] = { "trace-format", 0, required_argument, "FMT", G_BATCH,
		set_trace_format, FIELD(trace_format), 0, "pages, lackey or addr" },
	[O_JSON] = { "json", 0, no_argument, NULL, G_BATCH, set_flag, FIELD(json), 0,
		"print one JSON document" },
	[O_QUIET] = { "quiet", 0, no_argument, NULL, G_BATCH, set_flag, FIELD(quiet), 0,
		"print the summary alone" },
	[O_EVENTS] = { "events", 0, no_argument, NULL, G_BATCH, set_flag, FIELD(events), 0,
		"print every event of every operation with its narration, "
		"not one line per access" },
	[O_COMPARE] = { "compare", 0, required_argument, "LIST", G_BATCH, set_compare,
		FIELD(compare), 0, "run each policy of LIST (comma-separated) on the same "
		"operations and print a row each: faults, fault rate, evictions, write-backs" },
	[O_SWEEP] = { "sweep-frames", 0, required_argument, "FIRST-LAST", G_BATCH, set_sweep,
		FIELD(sweep), 0, "run with each frame count from FIRST to LAST (at most "
		"64 of them) and print the faults, a chart of them and Belady's "
		"anomalies; the policies are --compare's, or --policy" },
	[O_FRAMES] = { "frames", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.frames), 0, "physical frames", FRAMES_MAX },
	[O_POLICY] = { "policy", 0, required_argument, "NAME", G_MACHINE, set_policy,
		FIELD(cfg.policy), 0, "replacement policy" },
	[O_PAGE_SIZE] = { "page-size", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.page_size), 0, "bytes per page, a power of two", PAGE_SIZE_MAX },
	[O_VA_BITS] = { "va-bits", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.va_bits), 0, "bits in a virtual address", VA_BITS_MAX },
	[O_SWAP_SLOTS] = { "swap-slots", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.swap_slots), 0, "slots in swap space", SWAP_SLOTS_MAX },
	[O_TLB] = { "tlb", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.tlb_entries), 0, "TLB entries; 0 turns the TLB off",
		TLB_ENTRIES_MAX },
	[O_SCOPE] = { "scope", 0, required_argument, "global|local", G_MACHINE, set_scope,
		FIELD(cfg.scope), 0, "whose pages a fault may evict" },
	[O_SEED] = { "seed", 0, required_argument, "N", G_MACHINE, set_seed,
		FIELD(cfg.seed), 0, "seed of the random policy; with --exercise, of the "
		"exercise" },
	[O_LEVELS] = { "levels", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.levels), 0, "page-table levels, 1 to 4; each level below the top "
		"indexes a table that fills a page", LEVELS_MAX },
	[O_PTE_BYTES] = { "pte-bytes", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.pte_bytes), 0, "bytes per page-table entry: 1, 2, 4 or 8",
		PTE_BYTES_MAX },
	[O_TAU] = { "tau", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.tau), 0, "working-set window: a process's working set is the "
		"pages it touched in its last N accesses", TAU_MAX },
	[O_TICK] = { "tick", 0, required_argument, "N", G_MACHINE, set_unsigned,
		FIELD(cfg.tick), 0, "a clock tick every N accesses (nru clears R bits, "
		"aging shifts its counters)", TICK_MAX },
	[O_CHECK] = { "check", 0, no_argument, "FILE...", G_SESSIONS, set_mode, 0, RUN_CHECK,
		"check session files, print each problem, and exit" },
	[O_LESSON] = { "lesson", 0, required_argument, "NAME", G_SESSIONS, set_string,
		FIELD(lesson), 0, "open a lesson (with --batch, run it)" },
	[O_LIST_LESSONS] = { "list-lessons", 0, no_argument, NULL, G_SESSIONS, set_mode, 0,
		RUN_LIST_LESSONS, "list the lessons with their titles" },
	[O_EXERCISE] = { "exercise", 0, required_argument, "KIND", G_EXERCISES, set_mode,
		FIELD(exercise), RUN_EXERCISE, "print a seeded exercise of this kind: " EX_KINDS },
	[O_ANSWERS] = { "answers", 0, no_argument, NULL, G_EXERCISES, set_flag, FIELD(answers),
		0, "with its worked answers and their reasons (a sheet graded full marks)" },
	[O_BLANK] = { "blank", 0, no_argument, NULL, G_EXERCISES, set_flag, FIELD(blank), 0,
		"as an answer sheet to fill in and --grade" },
	[O_EX_COUNT] = { "count", 0, required_argument, "N", G_EXERCISES, set_unsigned,
		FIELD(count), 0, "N exercises, seeds S, S+1, ...", EX_COUNT_MAX },
	[O_SNAPSHOT] = { "snapshot", 0, required_argument, "P:L:U:R:M,...", G_EXERCISES,
		set_string, FIELD(snapshot), 0, "with --exercise snapshot, its table: for each "
		"page its number, the steps it was loaded and last used at, R and M" },
	[O_EXPORT] = { "export", 0, required_argument, "FMT FILE", G_EXERCISES, set_string,
		FIELD(export_format), 0, "write to FILE (- for standard output): with "
		"--exercise, gift (a Moodle quiz); else md, txt or svg, the frames-by-time "
		"table of a session, a lesson or --pages, --script, --trace" },
	[O_GRADE] = { "grade", 0, required_argument, "FILE", G_EXERCISES, set_mode,
		FIELD(grade), RUN_GRADE, "grade a filled-in answer sheet" },
	[O_HELP] = { "help", 'h', no_argument, NULL, G_OTHER, set_mode, 0, RUN_HELP,
		"display this help and exit" },
	[O_VERSION] = { "version", 'V', no_argument, NULL, G_OTHER, set_mode, 0, RUN_VERSION,
		"output version information and exit" },
};

static const char *const group_titles[G_COUNT] = {
	[G_UI] = "UI:",
	[G_BATCH] = "Batch (no screen: one line per access, then a summary):",
	[G_MACHINE] = "Machine (for the UI, --pages, --script and --trace):",
	[G_SESSIONS] = "Sessions and lessons:",
	[G_EXERCISES] = "Exercises:",
	[G_OTHER] = "",
};

#define BIT(id) (UINT64_C(1) << (id))
_Static_assert(O_COUNT <= 64, "options.given holds a bit per option");

__attribute__((format(printf, 3, 4))) static int
fail(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return -1;
}

static void *
field(struct options *o, const struct spec *s)
{
	return (char *)o + s->offset;
}

/* ---- setters ------------------------------------------------------------ */

static int
set_flag(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	(void)arg, (void)err, (void)size;
	*(bool *)field(o, s) = true;
	return 0;
}

static int
set_string(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	if (arg[0] == '\0')
		return fail(err, size, "--%s: the argument is empty (\"\"); expected %s",
			    s->name, s->arg);
	*(const char **)field(o, s) = arg;
	return 0;
}

/*
 * Reads a number of at most `fits`; one that does not fit is too large
 * for the limit `max` a person needs to hear of.
 */
static int
read_number(const struct spec *s, const char *arg, uint64_t fits, uint64_t max,
	    uint64_t *v, char *err, size_t size)
{
	enum number_status st = number_parse(arg, strlen(arg), v);
	char q[QUOTED_SIZE];

	if (st == NUMBER_BAD)
		return fail(err, size, "--%s: expected a number (%s), found %s", s->name,
			    NUMBER_EXPECTED, quoted(q, sizeof q, arg));
	if (st == NUMBER_TOO_LARGE || *v > fits)
		return fail(err, size, "--%s: %s is too large (expected at most %llu)",
			    s->name, arg, (unsigned long long)max);
	return 0;
}

static int
set_unsigned(struct options *o, const struct spec *s, const char *arg, char *err,
	     size_t size)
{
	uint64_t v;

	/* What fits is held to the machine's limits later, with their ranges. */
	if (read_number(s, arg, UINT_MAX, s->max, &v, err, size))
		return -1;
	*(unsigned *)field(o, s) = (unsigned)v;
	return 0;
}

static int
set_seed(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	return read_number(s, arg, UINT64_MAX, UINT64_MAX, (uint64_t *)field(o, s), err, size);
}

static int
set_policy(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	char q[QUOTED_SIZE];

	(void)s;
	if ((o->cfg.policy = policy_find(arg)) < 0)
		return fail(err, size, "--policy: unknown policy %s (expected %s)",
			    quoted(q, sizeof q, arg), policy_names());
	return 0;
}

static int
set_scope(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	char q[QUOTED_SIZE];

	(void)s;
	if (strcmp(arg, "global") == 0)
		o->cfg.scope = SCOPE_GLOBAL;
	else if (strcmp(arg, "local") == 0)
		o->cfg.scope = SCOPE_LOCAL;
	else
		return fail(err, size, "--scope: expected global or local, found %s",
			    quoted(q, sizeof q, arg));
	return 0;
}

static int
set_trace_format(struct options *o, const struct spec *s, const char *arg, char *err,
		 size_t size)
{
	int f = trace_format_find(arg);
	char q[QUOTED_SIZE];

	(void)s;
	if (f < 0 || f == TRACE_SCRIPT)
		return fail(err, size, "--trace-format: expected pages, lackey or addr, found %s",
			    quoted(q, sizeof q, arg));
	o->trace_format = (enum trace_format)f;
	return 0;
}

/* The policies of --compare: known names, each once. */
static int
set_compare(struct options *o, const struct spec *s, const char *arg, char *err,
	    size_t size)
{
	char name[POLICY_NAME_MAX + 1], q[QUOTED_SIZE];
	struct compare_plan *p = &o->plan;
	size_t len;
	int policy;

	p->npolicies = 0;
	for (const char *at = arg;; at += len + 1) {
		len = strcspn(at, ",");
		if (len == 0)
			return fail(err, size, "--%s: an empty policy name in %s (expected "
				    "names separated by commas: %s)", s->name,
				    quoted(q, sizeof q, arg), policy_names());
		snprintf(name, sizeof name, "%.*s", (int)len, at);
		if (len > POLICY_NAME_MAX || (policy = policy_find(name)) < 0) {
			snprintf(name, sizeof name, "%.*s", (int)(len < 40 ? len : 40), at);
			return fail(err, size, "--%s: unknown policy %s (expected %s)", s->name,
				    quoted(q, sizeof q, name), policy_names());
		}
		for (unsigned i = 0; i < p->npolicies; i++)
			if (p->policy[i] == policy)
				return fail(err, size, "--%s: %s is listed twice", s->name, name);
		p->policy[p->npolicies++] = policy;
		if (at[len] == '\0')
			break;
	}
	o->compare = arg;
	return 0;
}

/* --sweep-frames FIRST-LAST: frame counts a machine can have, not too many. */
static int
set_sweep(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	const char *dash = strchr(arg, '-');
	enum number_status sa, sb = NUMBER_OK;
	uint64_t first = 0, last = 0;
	char q[QUOTED_SIZE];

	if (!dash || (sa = number_parse(arg, (size_t)(dash - arg), &first)) == NUMBER_BAD ||
	    (sb = number_parse(dash + 1, strlen(dash + 1), &last)) == NUMBER_BAD)
		return fail(err, size, "--%s: expected FIRST-LAST frame counts, like 1-10, "
			    "found %s", s->name, quoted(q, sizeof q, arg));
	if (sa == NUMBER_TOO_LARGE || sb == NUMBER_TOO_LARGE || first < 1 || last > FRAMES_MAX)
		return fail(err, size, "--%s: %s: frame counts run from 1 to %u", s->name,
			    quoted(q, sizeof q, arg), FRAMES_MAX);
	if (first > last)
		return fail(err, size, "--%s: %s: FIRST is above LAST (expected FIRST-LAST "
			    "rising, like %llu-%llu)", s->name, quoted(q, sizeof q, arg),
			    (unsigned long long)last, (unsigned long long)first);
	if (last - first + 1 > SWEEP_POINTS_MAX)
		return fail(err, size, "--%s: %s is %llu frame counts; a sweep runs at most "
			    "%u (the chart has a column for each)", s->name,
			    quoted(q, sizeof q, arg), (unsigned long long)(last - first + 1),
			    SWEEP_POINTS_MAX);
	o->plan.frames_first = (unsigned)first;
	o->plan.frames_last = (unsigned)last;
	o->sweep = arg;
	return 0;
}

static const struct spec *
mode_spec(enum run_mode mode)
{
	size_t i;

	for (i = 0; i < O_COUNT; i++)
		if (specs[i].set == set_mode && specs[i].mode == (int)mode)
			return &specs[i];
	return NULL;
}

/* --help and --version win over everything; other modes exclude each other. */
static int
set_mode(struct options *o, const struct spec *s, const char *arg, char *err, size_t size)
{
	bool final = o->mode == RUN_HELP || o->mode == RUN_VERSION;

	if (final)
		return 0;
	if (s->mode != RUN_HELP && s->mode != RUN_VERSION && o->mode != RUN_UI &&
	    o->mode != (enum run_mode)s->mode)
		return fail(err, size, "--%s cannot be combined with --%s", s->name,
			    mode_spec(o->mode)->name);
	if (arg && arg[0] == '\0')
		return fail(err, size, "--%s: the argument is empty (\"\"); expected %s",
			    s->name, s->arg);
	o->mode = (enum run_mode)s->mode;
	if (arg)
		*(const char **)field(o, s) = arg;
	return 0;
}

/* ---- getopt ------------------------------------------------------------- */

static const struct spec *
spec_for(int c)
{
	size_t i;

	if (c >= 256 && c < 256 + O_COUNT)
		return &specs[c - 256];
	for (i = 0; i < O_COUNT; i++)
		if (specs[i].short_name && specs[i].short_name == c)
			return &specs[i];
	return NULL;
}

/* What went wrong with argv's word `word` ("--fo=1"), a long option. */
static int
bad_long_option(const char *word, char *err, size_t size)
{
	size_t len = strcspn(word + 2, "="), i, matches = 0, exact = O_COUNT;
	char q[QUOTED_SIZE];

	for (i = 0; i < O_COUNT; i++) {
		if (strncmp(specs[i].name, word + 2, len) == 0) {
			matches++;
			if (strlen(specs[i].name) == len)
				exact = i;
		}
	}
	quote_bytes(q, sizeof q, word, len + 2, QUOTED_MAX);
	if (exact < O_COUNT || matches == 1)
		return fail(err, size, "option %s takes no argument", q);
	if (matches > 1)
		return fail(err, size, "option %s is ambiguous", q);
	return fail(err, size, "unrecognized option %s", q);
}

static int
bad_option(int c, char **argv, char *err, size_t size)
{
	const struct spec *s = spec_for(optopt);
	char q[QUOTED_SIZE], letter = (char)optopt;

	if (c == ':' && s)
		return fail(err, size, "option '--%s' requires an argument", s->name);
	quote_bytes(q, sizeof q, &letter, 1, 1);
	if (c == ':' || (optopt > 0 && optopt < 256))
		return fail(err, size, "invalid option -- %s", q);
	if (strncmp(argv[optind - 1], "--", 2) == 0)
		return bad_long_option(argv[optind - 1], err, size);
	return fail(err, size, "unrecognized option %s", quoted(q, sizeof q, argv[optind - 1]));
}

static void
long_options(struct option *longs)
{
	size_t i;

	for (i = 0; i < O_COUNT; i++)
		longs[i] = (struct option){ specs[i].name, specs[i].has_arg, NULL,
			256 + (int)i };
	longs[O_COUNT] = (struct option){ NULL, 0, NULL, 0 };
}

/* ---- checking the whole ------------------------------------------------- */

static uint64_t
group_bits(enum group g)
{
	uint64_t bits = 0;
	size_t i;

	for (i = 0; i < O_COUNT; i++)
		if (specs[i].group == g)
			bits |= BIT(i);
	return bits;
}

/* The first option in `bits` that was given, or NULL. */
static const char *
first_given(const struct options *o, uint64_t bits)
{
	size_t i;

	for (i = 0; i < O_COUNT; i++)
		if (o->given & bits & BIT(i))
			return specs[i].name;
	return NULL;
}

static int
take_files(struct options *o, char **rest, int nrest, char *err, size_t size)
{
	const char *extra;
	char q[QUOTED_SIZE];
	int i;

	for (i = 0; i < nrest; i++)
		if (rest[i][0] == '\0')
			return fail(err, size, "a session file name is empty (\"\")");

	if (o->mode == RUN_CHECK || o->mode == RUN_LIST_LESSONS) {
		if ((extra = first_given(o, ~BIT(O_CHECK) & ~BIT(O_LIST_LESSONS))))
			return fail(err, size, "--%s cannot be combined with --%s", extra,
				    mode_spec(o->mode)->name);
		if (o->mode == RUN_CHECK && nrest == 0)
			return fail(err, size, "--check needs at least one session FILE");
		if (o->mode == RUN_LIST_LESSONS && nrest > 0)
			return fail(err, size, "--list-lessons takes no FILE, found %s",
				    quoted(q, sizeof q, rest[0]));
		o->files = rest;
		o->nfiles = nrest;
		return 0;
	}
	if (nrest > (o->session ? 0 : 1))
		return fail(err, size, "expected at most one session FILE, found %s",
			    quoted(q, sizeof q, rest[nrest - 1]));
	if (nrest == 1)
		o->session = rest[0];
	return 0;
}

static int
check_sources(const struct options *o, char *err, size_t size)
{
	int n = !!o->session + !!o->lesson + !!o->pages + !!o->script + !!o->trace;
	const char *m;

	if (n > 1)
		return fail(err, size, "give only one of FILE.json, --lesson, --pages, "
			    "--script and --trace");
	if ((o->mode == RUN_BATCH || o->mode == RUN_EXPORT) && n == 0)
		return fail(err, size, "--%s needs a session FILE.json, --lesson NAME, "
			    "--pages LIST, --script FILE or --trace FILE",
			    o->mode == RUN_BATCH ? "batch" : "export");
	if ((o->session || o->lesson) && (m = first_given(o, group_bits(G_MACHINE))))
		return fail(err, size, "--%s cannot change the machine of a session or "
			    "lesson (it has its own)", m);
	if ((o->given & BIT(O_TRACE_FORMAT)) && !o->trace)
		return fail(err, size, "--trace-format needs --trace");
	return 0;
}

/* --ascii draws a batch sweep's chart in ASCII. */
static uint64_t
chart_ascii(const struct options *o)
{
	return o->mode == RUN_BATCH && o->sweep ? BIT(O_ASCII) : 0;
}

/*
 * --compare and --sweep-frames: with --batch; with neither --events nor
 * --quiet (they print one machine's run); one way each to name the
 * policies and the frames; --ascii for the chart, which --json has not.
 */
static int
check_compare(struct options *o, char *err, size_t size)
{
	const char *m = o->compare ? "compare" : "sweep-frames";

	if (!o->compare && !o->sweep)
		return 0;
	if (o->mode != RUN_BATCH)
		return fail(err, size, "--%s works only with --batch (in the UI, S shows "
			    "the sweep chart)", m);
	if (o->events || o->quiet)
		return fail(err, size, "--%s cannot go with --%s: it prints each policy's "
			    "totals, not one run's %s", m, o->events ? "events" : "quiet",
			    o->events ? "events" : "summary");
	if (o->compare && (o->given & BIT(O_POLICY)))
		return fail(err, size, "--policy cannot go with --compare: --compare names "
			    "the policies");
	if (o->sweep && (o->given & BIT(O_FRAMES)))
		return fail(err, size, "--frames cannot go with --sweep-frames: "
			    "--sweep-frames names the frame counts");
	if (o->ascii && o->json)
		return fail(err, size, "--ascii draws the sweep's chart; --json has no chart");
	if (!o->compare) {
		o->plan.policy[0] = o->cfg.policy;
		o->plan.npolicies = 1;
	}
	if (!o->sweep)          /* a session's own frames are filled in later */
		o->plan.frames_first = o->plan.frames_last =
			o->session || o->lesson ? 0 : o->cfg.frames;
	return 0;
}

static int
check_mode_options(const struct options *o, char *err, size_t size)
{
	const char *m;

	if (o->mode != RUN_BATCH &&
	    (m = first_given(o, BIT(O_JSON) | BIT(O_QUIET) | BIT(O_EVENTS))))
		return fail(err, size, "--%s works only with --batch", m);
	if ((m = first_given(o, group_bits(G_EXERCISES) &
			     ~(o->mode == RUN_EXPORT ? BIT(O_EXPORT) : 0))))
		return fail(err, size, "--%s works only with --exercise", m);
	if (o->quiet && o->events)
		return fail(err, size, "--quiet prints the summary alone; it cannot go "
			    "with --events");
	if (o->mode != RUN_UI && (m = first_given(o, group_bits(G_UI) & ~chart_ascii(o))))
		return fail(err, size, "--%s is for the UI; it does nothing with --%s", m,
			    o->mode == RUN_BATCH ? "batch" : "export");
	m = o->script ? o->script : o->trace;
	if (o->mode == RUN_UI && m && strcmp(m, "-") == 0)
		return fail(err, size, "--%s -: the UI reads the keyboard from standard "
			    "input; give a file", o->script ? "script" : "trace");
	return 0;
}

/* Machine problems, named by the option that sets the value. */
static int
check_machine(const struct options *o, char *err, size_t size)
{
	static const struct { const char *key; enum opt_id id; } keys[] = {
		{ "page_size", O_PAGE_SIZE }, { "va_bits", O_VA_BITS },
		{ "frames", O_FRAMES }, { "swap_slots", O_SWAP_SLOTS },
		{ "tlb_entries", O_TLB }, { "policy", O_POLICY }, { "scope", O_SCOPE },
		{ "tau", O_TAU }, { "tick", O_TICK }, { "levels", O_LEVELS },
		{ "pte_bytes", O_PTE_BYTES },
	};
	char msg[256];
	size_t i, len;

	if (machine_config_check(&o->cfg, msg, sizeof msg) == 0)
		return 0;
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		len = strlen(keys[i].key);
		if (strncmp(msg, keys[i].key, len) == 0 && msg[len] == ':')
			return fail(err, size, "--%s%s", specs[keys[i].id].name, msg + len);
	}
	return fail(err, size, "%s", msg);
}

/* A growing address space starts wide enough for its levels to split it. */
static void
widen_for_levels(struct machine_config *c)
{
	unsigned least;

	if (c->levels < 1 || c->levels > LEVELS_MAX || c->pte_bytes < 1 ||
	    c->pte_bytes > PTE_BYTES_MAX || c->page_size < PAGE_SIZE_MIN)
		return;         /* machine_config_check names the bad value */
	least = va_split_min_va_bits(c->page_size, c->levels, c->pte_bytes);
	if (c->va_bits < least)
		c->va_bits = least;
}

/* The machine options an exercise reads, and the parameter each sets. */
static const struct { enum opt_id id; enum ex_param param; } ex_options[] = {
	{ O_PAGE_SIZE, EXP_PAGE_SIZE }, { O_VA_BITS, EXP_VA_BITS }, { O_LEVELS, EXP_LEVELS },
	{ O_PTE_BYTES, EXP_PTE_BYTES }, { O_FRAMES, EXP_FRAMES },
	{ O_TLB, EXP_TLB }, { O_POLICY, EXP_POLICY }, { O_TAU, EXP_TAU }, { O_TICK, EXP_TICK },
	{ O_PAGES, EXP_PAGES }, { O_SNAPSHOT, EXP_SNAPSHOT },
};

/* The parameters given for the kind; the options it does not read are refused. */
static int
exercise_params(struct options *o, char *err, size_t size)
{
	uint64_t allowed = (group_bits(G_EXERCISES) & ~BIT(O_SNAPSHOT)) | BIT(O_JSON) |
	    BIT(O_SEED);
	const char *extra;

	ex_params_init(&o->ex);
	o->ex.seed = o->cfg.seed;
	o->ex.page_size = o->cfg.page_size;
	o->ex.va_bits = o->cfg.va_bits;
	o->ex.levels = o->cfg.levels;
	o->ex.pte_bytes = o->cfg.pte_bytes;
	o->ex.frames = o->cfg.frames;
	o->ex.tlb = o->cfg.tlb_entries;
	o->ex.policy = o->cfg.policy;
	o->ex.tau = o->cfg.tau;
	o->ex.tick = o->cfg.tick;
	for (size_t i = 0; i < sizeof ex_options / sizeof ex_options[0]; i++) {
		if (!(ex_kind_params(o->kind) & EXP_BIT(ex_options[i].param)))
			continue;
		allowed |= BIT(ex_options[i].id);
		if (o->given & BIT(ex_options[i].id))
			o->ex.given |= EXP_BIT(ex_options[i].param);
	}
	if ((extra = first_given(o, ~allowed & ~BIT(O_GRADE))))
		return fail(err, size, "--%s does nothing for --exercise %s", extra,
			    ex_kind_name(o->kind));
	if ((o->pages && ex_params_read_pages(&o->ex, o->pages, err + 2, size - 2)) ||
	    (o->snapshot && ex_params_read_snapshot(&o->ex, o->snapshot, err + 2, size - 2))) {
		memcpy(err, "--", 2);
		return -1;
	}
	if (!(o->given & BIT(O_VA_BITS)))
		widen_for_levels(&o->cfg);      /* the kind draws its own width */
	return check_machine(o, err, size);
}

/*
 * The word after --export FMT (or after --export=FMT) in argv, or NULL: the
 * FILE it writes, which getopt leaves among the other names.
 */
static const char *
export_file_in(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		size_t len = strcspn(argv[i], "=");

		if (len < 5 || strncmp(argv[i], "--export", len) != 0)
			continue;
		i += argv[i][len] == '=' ? 1 : 2;
		/* "-" is a FILE: standard output */
		return i < argc && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) ? argv[i] : NULL;
	}
	return NULL;
}

/* Takes --export's FILE (the name right after FMT) out of the names given. */
static int
take_export_file(struct options *o, int *nrest, char **rest, char *err, size_t size)
{
	for (int i = 0; i < *nrest; i++) {
		if (rest[i] != o->export_file)
			continue;
		memmove(rest + i, rest + i + 1, (size_t)(*nrest - i - 1) * sizeof *rest);
		--*nrest;
		if (o->export_file[0] == '\0')
			return fail(err, size, "--export %s: the FILE name is empty (\"\")",
				    o->export_format);
		return 0;
	}
	return fail(err, size, "--export %s needs the FILE to write right after it",
		    o->export_format);
}

static int
finish_exercise(struct options *o, char **rest, int nrest, char *err, size_t size)
{
	char q[QUOTED_SIZE];

	if ((o->kind = ex_kind_find(o->exercise)) == NULL)
		return fail(err, size, "--exercise: unknown kind %s (expected %s)",
			    quoted(q, sizeof q, o->exercise), EX_KINDS);
	if (exercise_params(o, err, size))
		return -1;
	if (o->answers + o->blank + o->json + !!o->export_format > 1)
		return fail(err, size, "give only one of --answers, --blank, --json and --export");
	if (o->count < 1 || o->count > EX_COUNT_MAX)
		return fail(err, size, "--count: %u is out of range 1..%u", o->count,
			    EX_COUNT_MAX);
	if (o->export_format && strcmp(o->export_format, "gift") != 0)
		return fail(err, size, "--export: expected gift, found %s",
			    quoted(q, sizeof q, o->export_format));
	if (o->export_format && take_export_file(o, &nrest, rest, err, size))
		return -1;
	if (nrest > 0)
		return fail(err, size, "--exercise takes no FILE, found %s",
			    quoted(q, sizeof q, rest[0]));
	return 0;
}

static int
finish_grade(struct options *o, char **rest, int nrest, char *err, size_t size)
{
	const char *extra = first_given(o, ~BIT(O_GRADE));
	char q[QUOTED_SIZE];

	if (extra)
		return fail(err, size, "--%s cannot be combined with --grade (the sheet names "
			    "its exercise)", extra);
	if (nrest > 0)
		return fail(err, size, "--grade takes one FILE, found also %s",
			    quoted(q, sizeof q, rest[0]));
	return 0;
}

/* What every option is before the command line is read. */
static void
options_default(struct options *o)
{
	*o = (struct options){ .mode = RUN_UI, .trace_format = TRACE_PAGES, .count = 1 };
	machine_config_default(&o->cfg);
}

static int
finish(struct options *o, char **rest, int nrest, char *err, size_t size)
{
	char q[QUOTED_SIZE];

	if (o->mode == RUN_HELP || o->mode == RUN_VERSION)
		return 0;
	if (o->mode == RUN_EXERCISE)
		return finish_exercise(o, rest, nrest, err, size);
	if (o->mode == RUN_GRADE)
		return finish_grade(o, rest, nrest, err, size);
	if (o->export_format && o->mode == RUN_BATCH)
		return fail(err, size, "--export cannot go with --batch: --export writes its "
			    "FILE and prints nothing, --batch prints the run");
	if (o->export_format && o->mode == RUN_UI) {
		if (export_format_find(o->export_format) < 0)
			return fail(err, size, "--export: expected md, txt or svg (gift with "
				    "--exercise), found %s", quoted(q, sizeof q, o->export_format));
		if (take_export_file(o, &nrest, rest, err, size))
			return -1;
		o->mode = RUN_EXPORT;
	}
	if (take_files(o, rest, nrest, err, size))
		return -1;
	if (o->mode == RUN_CHECK || o->mode == RUN_LIST_LESSONS)
		return 0;
	if (check_sources(o, err, size) || check_mode_options(o, err, size) ||
	    check_compare(o, err, size))
		return -1;
	o->machine_given = first_given(o, group_bits(G_MACHINE)) != NULL;
	if (o->pages || o->trace) {
		o->cfg.grow_va = !(o->given & BIT(O_VA_BITS));
		o->cfg.grow_swap = !(o->given & BIT(O_SWAP_SLOTS));
	}
	if (o->cfg.grow_va)
		widen_for_levels(&o->cfg);
	return check_machine(o, err, size);
}

int
options_parse(int argc, char **argv, struct options *o, char *err, size_t size)
{
	struct option longs[O_COUNT + 1];
	const struct spec *s;
	int c;

	options_default(o);
	o->export_file = export_file_in(argc, argv);
	long_options(longs);
	opterr = 0;
	optind = 0;     /* glibc: start afresh, so the parser can run again */
	while ((c = getopt_long(argc, argv, ":hV", longs, NULL)) != -1) {
		if ((s = spec_for(c)) == NULL || c == ':')
			return bad_option(c, argv, err, size);
		o->given |= BIT(s - specs);
		if (s->set(o, s, optarg, err, size))
			return -1;
	}
	return finish(o, argv + optind, argc - optind, err, size);
}

/* ---- help --------------------------------------------------------------- */

static const char help_head[] =
	"Usage: vmscope [OPTION]... [FILE.json]\n"
	"  or:  vmscope --batch [FILE.json] [OPTION]...\n"
	"  or:  vmscope --check FILE...\n"
	"  or:  vmscope --exercise KIND [--seed N] [OPTION]...\n"
	"  or:  vmscope --grade FILE\n"
	"Watch virtual memory work: pages and page tables, the TLB, frames, swap,\n"
	"page faults and replacement policies, step by step in the terminal, or\n"
	"headless in batch.  With no FILE and no operations, the first lesson opens.\n";

static const char help_tail[] =
	"\nNumbers are decimal, 0x hex or 0b binary.  With --pages or --trace the\n"
	"address space grows to hold every page unless --va-bits is given, and swap\n"
	"grows unless --swap-slots is given.\n"
	"\nExamples:\n"
	"  vmscope --frames 3 --policy opt --script homework.txt\n"
	"      open the commands of homework.txt in the UI, ready to step through\n"
	"  vmscope --batch --pages 1,2,3,4,1,2,5,1,2,3,4,5 --frames 3 --policy fifo\n"
	"      Belady's reference string under FIFO, access by access\n"
	"  valgrind --tool=lackey --trace-mem=yes --log-file=ls.trace ls\n"
	"  vmscope --batch --trace ls.trace --trace-format lackey --va-bits 48 --quiet\n"
	"      a real program: record its memory trace with valgrind, then replay it\n"
	"  vmscope --exercise policy --pages 7,0,1,2,0,3,0,4 --frames 3 --policy lru --blank\n"
	"      an answer sheet for a reference string; fill it in, then --grade it\n"
	"\nExit status: 0 done, 1 bad input, 2 bad usage; --grade: 0 all right, 1 some\n"
	"wrong, 3 a sheet that cannot be read.\n";

/* " (default X)" for the options that have one. */
static void
default_text(const struct spec *s, char *buf, size_t size)
{
	struct options def;

	options_default(&def);
	buf[0] = '\0';
	if (s->set == set_unsigned)
		snprintf(buf, size, " (default %u)", *(unsigned *)field(&def, s));
	else if (s->set == set_seed)
		snprintf(buf, size, " (default %llu)", (unsigned long long)def.cfg.seed);
	else if (s->set == set_policy)
		snprintf(buf, size, ": %s (default %s)", policy_names(),
			 policy_at(def.cfg.policy)->name);
	else if (s->set == set_scope)
		snprintf(buf, size, " (default %s)",
			 def.cfg.scope == SCOPE_LOCAL ? "local" : "global");
	else if (s->set == set_trace_format)
		snprintf(buf, size, " (default pages)");
}

#define HELP_INDENT 28
#define HELP_WIDTH 79

/* Writes text from column col, wrapped at HELP_WIDTH, then a newline. */
static void
help_wrap(FILE *out, const char *text, size_t col)
{
	size_t word;

	for (; *text; text += word) {
		text += strspn(text, " ");
		word = strcspn(text, " ");
		if (col > HELP_INDENT && col + 1 + word > HELP_WIDTH) {
			fprintf(out, "\n%*s", HELP_INDENT, "");
			col = HELP_INDENT;
		} else if (col > HELP_INDENT) {
			fputc(' ', out);
			col++;
		}
		fwrite(text, 1, word, out);
		col += word;
	}
	fputc('\n', out);
}

static void
help_line(FILE *out, const struct spec *s)
{
	char left[64], text[384], dflt[256];
	int n;

	if (s->short_name)
		n = snprintf(left, sizeof left, "  -%c, --%s", s->short_name, s->name);
	else
		n = snprintf(left, sizeof left, "      --%s", s->name);
	if (s->arg)
		snprintf(left + n, sizeof left - (size_t)n,
			 s->has_arg == optional_argument ? "[=%s]" : " %s", s->arg);
	if (strlen(left) >= HELP_INDENT)
		fprintf(out, "%s\n%*s", left, HELP_INDENT, "");
	else
		fprintf(out, "%-*s", HELP_INDENT, left);
	default_text(s, dflt, sizeof dflt);
	snprintf(text, sizeof text, "%s%s", s->help, dflt);
	help_wrap(out, text, HELP_INDENT);
}

void
options_help(FILE *out)
{
	size_t g, i;

	fputs(help_head, out);
	for (g = 0; g < G_COUNT; g++) {
		fprintf(out, "\n%s%s", group_titles[g], *group_titles[g] ? "\n" : "");
		for (i = 0; i < O_COUNT; i++)
			if (specs[i].group == g)
				help_line(out, &specs[i]);
	}
	fputs(help_tail, out);
}

/* ---- what the options lead to ------------------------------------------- */

bool
options_have_ops(const struct options *o)
{
	return o->pages || o->script || o->trace;
}

struct trace *
options_open_ops(const struct options *o, char *err, size_t size)
{
	if (o->pages)
		return trace_open_string(o->pages, "--pages", o->cfg.page_size);
	if (o->script)
		return trace_open(o->script, TRACE_SCRIPT, o->cfg.page_size, err, size);
	return trace_open(o->trace, o->trace_format, o->cfg.page_size, err, size);
}

void
options_title(const struct options *o, char *buf, size_t size)
{
	const char *path = o->script ? o->script : o->trace;

	if (o->pages)
		snprintf(buf, size, "pages %.40s%s", o->pages, strlen(o->pages) > 40 ? "..." : "");
	else
		snprintf(buf, size, "%s", strcmp(path, "-") == 0 ? "stdin" : path);
}

struct machine *
options_machine(const struct options *o)
{
	bool executes = o->trace && o->trace_format == TRACE_LACKEY;

	return machine_new_flat(&o->cfg, "app",
				PERM_R | PERM_W | (executes ? PERM_X : 0));
}
