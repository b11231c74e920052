/*
 * exercise_split.c - the kind "split": addresses, some in hex and some in
 * decimal, to split into virtual page number and offset.  The engine's
 * SPLIT event of a read of each address gives the answer and its reason.
 */
#include <stdio.h>

#include "event.h"
#include "exercise.h"

#define ADDRESSES 4

static void
draw(struct ex_params *p, uint64_t *rng)
{
	static const unsigned widths[] = { 12, 14, 16 };
	static const unsigned sizes[] = { 64, 256, 1024, 4096 };

	if (!(p->given & EXP_BIT(EXP_VA_BITS)))
		p->va_bits = ex_pick(rng, widths, 3);
	if (!(p->given & EXP_BIT(EXP_PAGE_SIZE)))
		p->page_size = ex_pick(rng, sizes, 4);
}

/* Writes v in hex ("0x3a7f") or decimal, as the address was written. */
static void
number(uint64_t v, int hex, char *buf, size_t size)
{
	snprintf(buf, size, hex ? "0x%llx" : "%llu", (unsigned long long)v);
}

static int
ask_split(struct exercise *ex, struct machine *m, uint64_t addr, int hex, char *err,
	  size_t size)
{
	struct event_list ev;
	const struct event *split;
	char a[24], id[40], value[24], r[400];

	if (ex_read(m, 0, addr, &ev, err, size))
		return -1;
	split = ex_event(&ev, EV_SPLIT);
	event_explain(split, m, r, sizeof r);
	number(addr, hex, a, sizeof a);
	snprintf(id, sizeof id, "%s vpn", a);
	number(split->vpn, hex, value, sizeof value);
	ex_ask(ex, id, value, r);
	snprintf(id, sizeof id, "%s offset", a);
	number(split->offset, hex, value, sizeof value);
	ex_ask(ex, id, value, r);
	return 0;
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	struct machine *m = ex_machine(&ex->p, err, size);
	int rc = 0;

	if (!m)
		return -1;
	ex_say(ex, "Virtual addresses have %u bits; a page holds %u bytes.", ex->p.va_bits,
	       ex->p.page_size);
	ex_say(ex, "Split each address into its virtual page number (VPN) and the offset");
	ex_say(ex, "in the page.  Answers may be decimal, 0x hex or 0b binary.");
	for (unsigned i = 0; i < ADDRESSES && rc == 0; i++) {
		uint64_t addr;
		char id[40];

		do {            /* each address once: its id names its questions */
			addr = ex_draw_bits(rng, ex->p.va_bits);
			snprintf(id, sizeof id, i % 2 == 0 ? "0x%llx vpn" : "%llu vpn",
				 (unsigned long long)addr);
		} while (exercise_question(ex, id));
		rc = ask_split(ex, m, addr, i % 2 == 0, err, size);
	}
	machine_free(m);
	return rc;
}

const struct ex_kind ex_split = {
	.name = "split",
	.summary = "addresses split into page number and offset",
	.params = EXP_BIT(EXP_PAGE_SIZE) | EXP_BIT(EXP_VA_BITS),
	.draw = draw,
	.build = build,
};
