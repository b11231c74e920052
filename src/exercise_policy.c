/*
 * exercise_policy.c - the kind "policy": a reference string run through a
 * few frames under a replacement policy (any in the policy table): for
 * each reference, hit or fault, the page evicted, the pages in the frames
 * afterwards; then the number of faults.  The engine runs the references
 * (with OPT's look-ahead, as batch mode gives it), so its VICTIM events
 * give each victim and why.  A policy with a clock tick (nru, aging) or a
 * working-set window (wsclock, working-set) has its tick or tau stated in
 * the problem and on the sheet, so the sheet can be solved and graded.
 */
#include <stdio.h>
#include <string.h>

#include "engine.h"
#include "event.h"
#include "exercise.h"
#include "future.h"
#include "plural.h"
#include "policy.h"

#define REFERENCES 12
#define FRAMES_SHOWN 16

/*
 * Draws among the four policies every course works by hand (a sheet may
 * name any other of the table with `policy:` or --policy); a fixed list,
 * so a seed's problem stays the same as the table grows.
 */
static int
draw_policy(uint64_t *rng)
{
	static const char *const drawn[] = { "fifo", "lru", "opt", "clock" };

	return policy_find(drawn[ex_draw(rng, sizeof drawn / sizeof drawn[0])]);
}

void
ex_draw_references(struct ex_params *p, uint64_t *rng, unsigned pages)
{
	unsigned page = ex_draw(rng, pages);

	p->nrefs = REFERENCES;
	for (unsigned i = 0; i < p->nrefs; i++) {
		p->refs[i] = page;
		/* Mostly near the last reference, sometimes anywhere: some reuse. */
		page = ex_draw(rng, 3) ? (page + 1 + ex_draw(rng, 2)) % pages : ex_draw(rng, pages);
	}
}

static void
draw(struct ex_params *p, uint64_t *rng)
{
	if (!(p->given & EXP_BIT(EXP_FRAMES)))
		p->frames = 3 + ex_draw(rng, 2);
	if (!(p->given & EXP_BIT(EXP_POLICY)))
		p->policy = draw_policy(rng);
	if (!(p->given & EXP_BIT(EXP_PAGES)))
		ex_draw_references(p, rng, p->frames + 3);
}

/* "7 0 -": the page in each frame, frame 0 first. */
static void
frames_text(const struct machine *m, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (unsigned f = 0; f < m->cfg.frames && k < size; f++) {
		if (!frame_is_free(m, (int)f))
			k += (size_t)snprintf(buf + k, size - k, "%s%llu", f ? " " : "",
					      (unsigned long long)frame_first(m, (int)f).vpn);
		else
			k += (size_t)snprintf(buf + k, size - k, "%s-", f ? " " : "");
	}
}

/*
 * The figure each policy that has one compares, in words: a note for every
 * other resident page says why it was not the victim.  Other policies
 * (clock's hand, random's draw) give no such note.
 */
static void
note_others(struct ex_question *q, const struct machine *m, const struct event *victim)
{
	const char *policy = policy_at(m->cfg.policy)->name;

	for (unsigned f = 0; f < m->cfg.frames; f++) {
		const struct frame *fr = &m->frames[f];
		unsigned long long page, next;
		char value[16];

		if (frame_is_free(m, (int)f) || (int)f == victim->frame)
			continue;
		page = frame_first(m, (int)f).vpn;
		snprintf(value, sizeof value, "%llu", page);
		if (strcmp(policy, "fifo") == 0) {
			ex_note(q, value, "page %llu was loaded at step %llu", page,
				(unsigned long long)fr->loaded_step);
		} else if (strcmp(policy, "lru") == 0) {
			ex_note(q, value, "page %llu was last used at step %llu", page,
				(unsigned long long)fr->last_used_step);
		} else if (strcmp(policy, "opt") == 0) {
			next = future_next_use(m->future, fr->last_used_step);
			if (next == NEVER)
				ex_note(q, value, "page %llu is never used again", page);
			else
				ex_note(q, value, "page %llu is next used at step %llu", page, next);
		}
	}
}

static int
ask_reference(struct exercise *ex, struct machine *m, unsigned step, char *err, size_t size)
{
	unsigned long long page = ex->p.refs[step - 1];
	struct machine *before = machine_clone(m);
	struct event_list ev;
	const struct event *victim, *access;
	char id[40], a[FRAMES_SHOWN * 8], r[400], why[200];
	struct ex_question *q;

	if (ex_read(m, 0, page * m->cfg.page_size, &ev, err, size)) {
		machine_free(before);
		return -1;
	}
	victim = ex_event(&ev, EV_VICTIM);
	access = ex_event(&ev, EV_ACCESS);
	snprintf(id, sizeof id, "step %u (page %llu) result", step, page);
	if (!ex_event(&ev, EV_PAGE_FAULT)) {
		snprintf(r, sizeof r, "page %llu is in frame %d already: a hit", page,
			 access->frame);
		ex_ask(ex, id, "hit", r);
	} else {
		snprintf(r, sizeof r, "page %llu is in no frame: a page fault", page);
		ex_ask(ex, id, "fault", r);
	}

	snprintf(id, sizeof id, "step %u victim", step);
	if (victim) {
		policy_at(m->cfg.policy)->explain(&victim->why, m, why, sizeof why);
		snprintf(a, sizeof a, "%llu", (unsigned long long)victim->other_vpn);
		snprintf(r, sizeof r, "no frame is free: %s evicts page %s from frame %d, %s",
			 policy_at(m->cfg.policy)->name, a, victim->frame, why);
		q = ex_ask(ex, id, a, r);
		note_others(q, before, victim);
	} else {
		ex_ask(ex, id, "-", ex_event(&ev, EV_FREE_FRAME) ?
		       "a frame is free, so no page is evicted" :
		       "a hit: no fault, so the policy chooses no victim");
	}
	snprintf(id, sizeof id, "step %u frames", step);
	frames_text(m, a, sizeof a);
	if (ex_event(&ev, EV_FREE_FRAME))
		snprintf(r, sizeof r, "page %llu goes to frame %d, the lowest free one", page,
			 access->frame);
	else if (victim)
		snprintf(r, sizeof r, "page %llu takes frame %d, page %llu's", page,
			 access->frame, (unsigned long long)victim->other_vpn);
	else
		snprintf(r, sizeof r, "a hit: page %llu stays in frame %d", page, access->frame);
	ex_ask(ex, id, a, r);
	machine_free(before);
	return 0;
}

/* OPT looks at the references still to come, as batch mode gives them. */
static void
give_future(struct exercise *ex, struct machine *m)
{
	struct op ops[EX_REFS_MAX];
	struct op_source src;
	struct future *f;

	if (!policy_looks_ahead(m->cfg.policy))
		return;
	for (unsigned i = 0; i < ex->p.nrefs; i++)
		ops[i] = (struct op){ .kind = OP_ACCESS, .access = ACCESS_READ,
			.addr = ex->p.refs[i] * m->cfg.page_size };
	src = op_source_array(ops, ex->p.nrefs);
	f = future_build(&src, m->current_pid, m->next_pid, machine_page_bits(m));
	machine_set_future(m, f);
	future_unref(f);
}

static void
say_problem(struct exercise *ex)
{
	char list[EX_REFS_MAX * 7];

	ex_refs_text(&ex->p, list, sizeof list);
	ex_say(ex, "%u frame%s, empty at first, hold%s the pages of one process; the policy is",
	       ex->p.frames, plural(ex->p.frames), ex->p.frames == 1 ? "s" : "");
	ex_say(ex, "%s: %s.", policy_at(ex->p.policy)->name, policy_at(ex->p.policy)->summary);
	if (policy_at(ex->p.policy)->tick) {
		ex_say(ex, "A clock tick comes every %u access%s (tick = %u), after the access:",
		       ex->p.tick, plural_es(ex->p.tick), ex->p.tick);
		ex_say(ex, "%s.", policy_at(ex->p.policy)->tick_says);
	}
	if (policy_at(ex->p.policy)->reads_tau) {
		ex_say(ex, "The working-set window is tau = %u: a page is in the working set if",
		       ex->p.tau);
		ex_say(ex, "it was used in the last %u accesses.", ex->p.tau);
	}
	ex_say(ex, "A page goes to the lowest free frame, or to the frame of the page evicted.");
	ex_say(ex, "The references, step 1 first:");
	ex_say(ex, "  %s", list);
	ex_say(ex, "For each step: hit or fault; the page evicted (- if none); the page in");
	ex_say(ex, "each frame afterwards, frame 0 first (- for an empty frame).  Then the");
	ex_say(ex, "number of faults.");
}

static int
build(struct exercise *ex, uint64_t *rng, char *err, size_t size)
{
	struct machine *m;
	char a[16], r[64];

	(void)rng;
	if (ex->p.frames > FRAMES_SHOWN) {
		snprintf(err, size, "policy: at most %d frames", FRAMES_SHOWN);
		return -1;
	}
	if ((m = ex_machine(&ex->p, err, size)) == NULL)
		return -1;
	say_problem(ex);
	give_future(ex, m);
	for (unsigned s = 1; s <= ex->p.nrefs; s++)
		if (ask_reference(ex, m, s, err, size)) {
			machine_free(m);
			return -1;
		}
	snprintf(a, sizeof a, "%llu", (unsigned long long)m->stats.faults);
	snprintf(r, sizeof r, "%s of the %u references fault", a, ex->p.nrefs);
	ex_ask(ex, "faults", a, r);
	machine_free(m);
	return 0;
}

#define STATED (EXP_BIT(EXP_FRAMES) | EXP_BIT(EXP_POLICY) | EXP_BIT(EXP_PAGES))

/* The tick and tau are stated only for the policies they change. */
static unsigned
states(const struct ex_params *p)
{
	return STATED | (policy_at(p->policy)->tick ? EXP_BIT(EXP_TICK) : 0) |
	    (policy_at(p->policy)->reads_tau ? EXP_BIT(EXP_TAU) : 0);
}

const struct ex_kind ex_policy = {
	.name = "policy",
	.summary = "a reference string under a replacement policy",
	.params = STATED | EXP_BIT(EXP_TICK) | EXP_BIT(EXP_TAU),
	.draw = draw,
	.build = build,
	.states = states,
};
