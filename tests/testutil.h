/*
 * testutil.h - small helpers shared by the engine's unit tests: build a
 * machine, run commands and page lists, look for events.
 */
#ifndef VMSCOPE_TESTUTIL_H
#define VMSCOPE_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cmd.h"
#include "engine.h"
#include "fuzz.h"
#include "future.h"
#include "machine.h"
#include "policy.h"

/* A machine with process 1 mapped rw over a 16-page space, as DESIGN's default. */
static inline struct machine *
test_machine(const char *policy, unsigned frames, unsigned tlb)
{
	struct machine_config cfg;

	machine_config_default(&cfg);
	cfg.policy = policy_find(policy);
	cfg.frames = frames;
	cfg.tlb_entries = tlb;
	return machine_new_flat(&cfg, "app", PERM_R | PERM_W);
}

static inline struct op
test_op(const char *line)
{
	struct op op;
	struct cmd_error err;

	if (cmd_parse(line, &op, &err) != 0)
		fail_msg("cannot parse \"%s\": %s", line, err.msg);
	return op;
}

/*
 * Applies an operation that must be accepted, then checks the machine
 * holds together (its reverse map agrees with the page tables, the
 * counts add up; fuzz_machine.c), aborting the test if not.
 */
static inline void
test_apply(struct machine *m, const struct op *op, struct event_list *ev, const char *line)
{
	char err[256];

	if (engine_apply(m, op, ev, err, sizeof err) != 0)
		fail_msg("\"%s\" refused: %s", line, err);
	fuzz_check_machine(m, true);
	fuzz_check_counters(m);
}

/* Applies one command that must be accepted; its events land in *ev. */
static inline void
test_run(struct machine *m, const char *line, struct event_list *ev)
{
	struct op op = test_op(line);

	test_apply(m, &op, ev, line);
}

/* Ends a list of event kinds for expect_kinds. */
#define END EV_COUNT

/* Fails unless the events are exactly these kinds, in order (ending in END). */
static inline void
expect_kinds(const struct event_list *ev, const enum event_kind *kinds)
{
	unsigned i = 0;

	for (; kinds[i] != END; i++) {
		if (i >= ev->n)
			fail_msg("only %u events; expected %s next", ev->n, event_label(kinds[i]));
		if (ev->ev[i].kind != kinds[i])
			fail_msg("event %u is %s, expected %s", i + 1,
				 event_label(ev->ev[i].kind), event_label(kinds[i]));
	}
	assert_int_equal(ev->n, i);
}

/* Index of the first event of a kind, or -1. */
static inline int
test_find(const struct event_list *ev, enum event_kind kind)
{
	for (unsigned i = 0; i < ev->n; i++)
		if (ev->ev[i].kind == kind)
			return (int)i;
	return -1;
}

/* The machine sees the n operations ops queued, so OPT can look ahead. */
static inline void
test_look_ahead(struct machine *m, const struct op *ops, size_t n)
{
	struct op_source src = op_source_array(ops, n);
	struct future *f = future_build(&src, m->current_pid, m->next_pid,
					machine_page_bits(m));

	machine_set_future(m, f);
	future_unref(f);
}

/* Reads of pages (ints, ending with -1) in process 1; the machine sees
 * them all queued, so OPT can look ahead.  Returns the machine's faults. */
static inline uint64_t
test_page_run(struct machine *m, const int *pages, int *victims)
{
	size_t n = 0;
	struct op *ops;

	while (pages[n] >= 0)
		n++;
	ops = calloc(n, sizeof *ops);
	for (size_t i = 0; i < n; i++)
		ops[i] = (struct op){ .kind = OP_ACCESS, .access = 'r', .pid = 1,
			.addr = (uint64_t)pages[i] * m->cfg.page_size };
	test_look_ahead(m, ops, n);
	for (size_t i = 0; i < n; i++) {
		struct event_list ev;
		int v;

		test_apply(m, &ops[i], &ev, "a page of the list");
		v = test_find(&ev, EV_VICTIM);
		if (victims)
			victims[i] = v < 0 ? -1 : (int)ev.ev[v].other_vpn;
	}
	machine_set_future(m, NULL);
	free(ops);
	return m->stats.faults;
}

#endif
