/*
 * fuzz_engine.c - the engine under fuzzing.  The first four bytes choose
 * a small machine (frames, swap, TLB, policy, tau, tick, scope, page size, address
 * width, growth, seed, and whether process 1 starts with its whole space
 * mapped); the rest are lines of the command language, each parsed and,
 * if the engine accepts it, applied.  After every operation the machine
 * must hold together (fuzz_machine.c says what that means), and applying
 * the same operation without events, and stopping it after any number of
 * events, leaves the same counters and a machine that still holds
 * together (the UI's micro-steps).
 */
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "fuzz.h"
#include "machine.h"
#include "policy.h"
#include "region.h"
#include "xalloc.h"

#define LINE_MAX_FUZZ 256
#define OPS_MAX 400             /* keeps one input fast */

static void
machine_from(const uint8_t *b, struct machine_config *cfg, bool *flat)
{
	unsigned page_bits;

	machine_config_default(cfg);
	cfg->frames = 1 + (b[0] & 7u);
	cfg->policy = (int)(((b[0] >> 3) & 7u) | (b[3] & 0x10u) >> 1) % policy_count();
	cfg->scope = (b[0] >> 6) & 1u ? SCOPE_LOCAL : SCOPE_GLOBAL;
	cfg->grow_swap = (b[0] >> 7) & 1u;
	cfg->swap_slots = b[1] & 15u;
	cfg->tlb_entries = (b[1] >> 4) & 7u;
	cfg->grow_va = (b[1] >> 7) & 1u;
	page_bits = 4 + (b[2] & 3u);
	cfg->page_size = 1u << page_bits;
	cfg->va_bits = page_bits + 1 + ((b[2] >> 2) & 7u);
	/* Page-table levels and entry size; the address widened to split. */
	cfg->levels = 1 + ((b[2] >> 5) & 3u);
	cfg->pte_bytes = (b[2] >> 7) & 1u ? 4 : 8;
	if (cfg->va_bits < va_split_min_va_bits(cfg->page_size, cfg->levels, cfg->pte_bytes))
		cfg->va_bits = va_split_min_va_bits(cfg->page_size, cfg->levels, cfg->pte_bytes);
	cfg->seed = b[3] >> 1;
	cfg->tau = 1 + ((b[3] >> 5) & 7u);     /* working-set window and tick: both */
	cfg->tick = 1 + ((b[3] >> 1) & 7u);    /* small, so trims and ticks happen */
	*flat = b[3] & 1u;
}

/* The same operation without events, and stopped after `stop` events. */
static void
check_other_ways(const struct machine *before, const struct op *op,
		 const struct machine *after, unsigned stop)
{
	struct machine *quiet = machine_clone(before), *part = machine_clone(before);
	static struct event_list events;
	char err[256];

	FUZZ_ASSERT(engine_apply(quiet, op, NULL, err, sizeof err) == 0);
	FUZZ_ASSERT(memcmp(&quiet->stats, &after->stats, sizeof after->stats) == 0);
	FUZZ_ASSERT(quiet->free_frames == after->free_frames);
	FUZZ_ASSERT(quiet->swap_used == after->swap_used);
	FUZZ_ASSERT(engine_apply_partial(part, op, &events, stop, err, sizeof err) == 0);
	FUZZ_ASSERT(events.n <= stop);
	fuzz_check_machine(part, false);
	machine_free(quiet);
	machine_free(part);
}

void
fuzz_engine(const uint8_t *data, size_t size)
{
	static struct event_list events;
	struct machine_config cfg;
	struct machine *m, *before;
	char line[LINE_MAX_FUZZ], err[256];
	struct cmd_error cerr;
	size_t at = 4, n, ops = 0;
	struct op op;
	bool flat;

	if (size < 4)
		return;
	machine_from(data, &cfg, &flat);
	m = flat ? machine_new_flat(&cfg, "app", PERM_R | PERM_W | PERM_X) : machine_new(&cfg);
	FUZZ_ASSERT(m != NULL);
	while (at < size && ops++ < OPS_MAX) {
		for (n = 0; at + n < size && data[at + n] != '\n'; n++)
			;
		snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1),
		    (const char *)data + at);
		at += n + 1;
		if (cmd_parse(line, &op, &cerr) != 0 || op.kind == OP_NONE)
			continue;
		before = machine_clone(m);
		if (engine_apply(m, &op, &events, err, sizeof err) == 0) {
			fuzz_check_machine(m, true);
			fuzz_check_counters(m);
			check_other_ways(before, &op, m, (unsigned)(n % 13));
		} else
			FUZZ_ASSERT(err[0] != '\0');
		machine_free(before);
	}
	machine_free(m);
}
