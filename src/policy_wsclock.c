/*
 * policy_wsclock.c - WSClock: the clock algorithm with working sets.
 *
 * Rules: the frames form a circle with a hand, which starts at frame 0,
 * and each frame remembers a time of last use, counted in its owner's own
 * accesses (those that reach a page, as working sets count them): the
 * access that loads it, and each time the hand finds its R bit set.  On a
 * fault with no free frame, the hand looks at the frames in turn, passing
 * over those the fault may not take.  A page with R set is in use: R is
 * cleared, its time of last use becomes now, and the hand moves on.  A page
 * with R clear whose age (its owner's accesses since its time of last use)
 * is at least --tau N is outside the working set: if clean it is the
 * victim; if dirty its write-back is due, and the hand moves on.  If the
 * hand comes round to where it started, the victim is the first dirty page
 * outside the working set it passed (written to swap now); failing that
 * every page is in its working set, and the victim is the clean page
 * unused longest (ties: the first from where the hand started), or with
 * none clean the page where the hand started.  The hand stops just past the
 * victim.  Loading into a free frame does not move the hand.
 * The rival a victim's line names is the page the hand would have taken
 * next had the victim been spared: what a new search, started where the
 * hand stopped, would take by the rules above, with the R bits and times
 * of last use as the search that chose the victim left them.
 */
#include <stdio.h>

#include "frame_values.h"
#include "machine.h"

/* Which rule chose the victim (victim_why.rule). */
enum { OLD_CLEAN, OLD_DIRTY, YOUNG_CLEAN, YOUNG_UNDER_HAND };

/* A load is followed at once by its use, the owner's next access. */
static void
wsclock_loaded(struct policy_state *s, struct machine *m, int frame)
{
	frame_values(s)->v[frame] = frame_owner_time(m, frame) + 1;
}

/*
 * A time of last use ahead of the owner's now reads as age 0: the page was
 * loaded by the access under way, or the process that maps it first is no
 * longer the one whose time it was counted in (a sharer left).
 */
static uint64_t
age(const struct frame_values *fv, const struct machine *m, int f)
{
	uint64_t now = frame_owner_time(m, f);

	return now > fv->v[f] ? now - fv->v[f] : 0;
}

static unsigned
wsclock_hand(const struct policy_state *s)
{
	return frame_values(s)->hand;
}

static void
wsclock_describe(const struct policy_state *s, const struct machine *m, int frame,
		 struct frame_mind *out)
{
	out->kind = MIND_NUMBER;
	out->value = age(frame_values(s), m, frame);
}

/* What a look saw (sweep.saw). */
enum { PASSED, IN_USE, YOUNG, WRITE_BACK_DUE, TAKEN_OLD_CLEAN, ROUND_OLD_DIRTY,
	ROUND_YOUNG_CLEAN, ROUND_UNDER_HAND };

/* The candidates a search keeps between looks (sweep.kept). */
enum { FIRST_OLD_DIRTY, OLDEST_CLEAN, FIRST_ALLOWED };

/* The victim: its age is the reason's figure; the hand stops just past it. */
static int
take(struct frame_values *fv, const struct machine *m, struct victim_why *why,
     struct sweep *sw, int f, unsigned saw)
{
	sw->frame = f;
	sw->saw = saw;
	sw->value = why->value = age(fv, m, f);
	fv->hand = (unsigned)(f + 1) % fv->nframes;
	return f;
}

/* Back where it started: the rules for a turn that found no clean page outside. */
static int
came_round(struct frame_values *fv, const struct machine *m, struct victim_why *why,
	   struct sweep *sw)
{
	if (sw->kept[FIRST_OLD_DIRTY] >= 0) {
		why->rule = OLD_DIRTY;
		return take(fv, m, why, sw, sw->kept[FIRST_OLD_DIRTY], ROUND_OLD_DIRTY);
	}
	if (sw->kept[OLDEST_CLEAN] >= 0) {
		why->rule = YOUNG_CLEAN;
		return take(fv, m, why, sw, sw->kept[OLDEST_CLEAN], ROUND_YOUNG_CLEAN);
	}
	why->rule = YOUNG_UNDER_HAND;
	return take(fv, m, why, sw, sw->kept[FIRST_ALLOWED], ROUND_UNDER_HAND);
}

/* What the hand does at frame f, which the fault may take; see the rules above. */
static int
look_at(struct frame_values *fv, struct machine *m, struct victim_why *why,
	struct sweep *sw, int f)
{
	int *oldest_clean = &sw->kept[OLDEST_CLEAN];

	if (sw->kept[FIRST_ALLOWED] < 0)
		sw->kept[FIRST_ALLOWED] = f;
	sw->value = age(fv, m, f);
	if (m->frames[f].referenced) {
		m->frames[f].referenced = false;
		fv->v[f] = frame_owner_time(m, f);
		why->swept++;
		sw->saw = IN_USE;
	} else if (age(fv, m, f) >= m->cfg.tau) {
		if (!frame_dirty(m, f)) {
			why->rule = OLD_CLEAN;
			return take(fv, m, why, sw, f, TAKEN_OLD_CLEAN);
		}
		if (sw->kept[FIRST_OLD_DIRTY] < 0)
			sw->kept[FIRST_OLD_DIRTY] = f;
		sw->saw = WRITE_BACK_DUE;
	} else
		sw->saw = YOUNG;
	if (!frame_dirty(m, f) && (*oldest_clean < 0 || age(fv, m, f) > age(fv, m, *oldest_clean)))
		*oldest_clean = f;
	return NO_FRAME;
}

/* One look of the hand, which moves on after it; after a whole turn, the decision. */
static int
wsclock_look(struct policy_state *s, struct machine *m, const struct victim_filter *filter,
	     struct victim_why *why, struct sweep *sw)
{
	struct frame_values *fv = frame_values(s);
	int f;

	if (sw->looks == 0) {
		sw->start = fv->hand;
		sw->kept[FIRST_OLD_DIRTY] = sw->kept[OLDEST_CLEAN] = sw->kept[FIRST_ALLOWED] = -1;
	}
	if (sw->looks++ == fv->nframes)
		return came_round(fv, m, why, sw);
	f = (int)((sw->start + sw->looks - 1) % fv->nframes);
	sw->frame = f;
	fv->hand = (unsigned)(f + 1) % fv->nframes;
	if (victim_filter_allows(m, filter, f))
		return look_at(fv, m, why, sw, f);
	sw->saw = PASSED;
	return NO_FRAME;
}

static int
wsclock_choose(struct policy_state *s, struct machine *m,
	       const struct victim_filter *filter, struct victim_why *why)
{
	struct sweep sw = { 0 };

	*why = (struct victim_why){ 0 };
	return policy_sweep(wsclock_look, s, m, filter, why, &sw);
}

/* "the hand at frame 2 (1:0x3): R = 0, unused for 4 of its process's accesses". */
static int
look_start(const struct event *ev, char *buf, size_t size)
{
	int k = snprintf(buf, size, "the hand at frame %d (%d:0x%llx): ", ev->frame,
			 ev->other_pid, (unsigned long long)ev->other_vpn);

	if (k < 0 || (size_t)k >= size || ev->why.rule == IN_USE)
		return k;
	return k + snprintf(buf + k, size - (size_t)k, "R = 0, unused for %llu of its "
			    "process's accesses", (unsigned long long)ev->why.value);
}

/* The rest of the sentence of a look after which the hand moves on. */
static int
moves_on(const struct event *ev, unsigned tau, int next, char *buf, size_t size)
{
	switch (ev->why.rule) {
	case IN_USE:
		return snprintf(buf, size, "R = 1, so the page is in use: R is cleared, its "
				"time of last use becomes now, and the hand moves on to frame %d",
				next);
	case YOUNG:
		return snprintf(buf, size, ", fewer than tau = %u: in its working set, so the "
				"hand moves on to frame %d", tau, next);
	default:        /* WRITE_BACK_DUE */
		return snprintf(buf, size, " (tau = %u): outside its working set but dirty, so "
				"its write-back is due and the hand moves on to frame %d", tau,
				next);
	}
}

static int
wsclock_look_explain(const struct event *ev, const struct machine *m, char *buf, size_t size)
{
	unsigned tau = m->cfg.tau, saw = ev->why.rule;
	int next = (ev->frame + 1) % (int)m->cfg.frames, k;
	unsigned long long vpn = ev->other_vpn, a = ev->why.value;

	if (saw == PASSED)
		return snprintf(buf, size, "the hand at frame %d: not a frame this fault may "
				"take, so it passes over it to frame %d", ev->frame, next);
	if (saw == ROUND_OLD_DIRTY)
		k = snprintf(buf, size, "the hand has gone all the way round and found no "
			     "clean page outside the working set: the first dirty one it passed, "
			     "%d:0x%llx in frame %d, unused for %llu (tau = %u), is the victim",
			     ev->other_pid, vpn, ev->frame, a, tau);
	else if (saw == ROUND_YOUNG_CLEAN)
		k = snprintf(buf, size, "the hand has gone all the way round: every page it "
			     "may take is in its working set (tau = %u); the clean one unused "
			     "longest, %d:0x%llx in frame %d, unused for %llu, is the victim", tau,
			     ev->other_pid, vpn, ev->frame, a);
	else if (saw == ROUND_UNDER_HAND)
		k = snprintf(buf, size, "the hand has gone all the way round: every page it "
			     "may take is in its working set (tau = %u) and dirty; the first it "
			     "looked at, %d:0x%llx in frame %d, is the victim", tau, ev->other_pid,
			     vpn, ev->frame);
	else {
		k = look_start(ev, buf, size);
		if (k < 0 || (size_t)k >= size)
			return k;
		if (saw != TAKEN_OLD_CLEAN)
			return k + moves_on(ev, tau, next, buf + k, size - (size_t)k);
		k += snprintf(buf + k, size - (size_t)k, " (tau = %u): outside its working set "
			      "and clean, so it is the victim", tau);
	}
	if (k < 0 || (size_t)k >= size)
		return k;
	return k + snprintf(buf + k, size - (size_t)k, "; the hand stops just past it, at "
			    "frame %d", next);
}

static int
wsclock_rival(const struct policy_state *s, const struct machine *m,
	      const struct victim_filter *filter, int victim, struct rival *r)
{
	struct sweep sw;
	int f = policy_spared_search(s, m, filter, victim, &sw);

	if (f >= 0) {
		r->rule = sw.saw;
		r->value = age(frame_values(s), m, f);
	}
	return f;
}

static int
wsclock_rival_explain(const struct rival *r, char *buf, size_t size)
{
	unsigned long long a = r->value;

	switch (r->rule) {
	case TAKEN_OLD_CLEAN:
		return snprintf(buf, size, "R = 0, clean, outside its working set: unused for "
				"%llu", a);
	case ROUND_OLD_DIRTY:
		return snprintf(buf, size, "R = 0, dirty, outside its working set: unused for "
				"%llu", a);
	case ROUND_YOUNG_CLEAN:
		return snprintf(buf, size, "clean, in its working set, unused longest");
	default:        /* ROUND_UNDER_HAND */
		return snprintf(buf, size, "dirty, in its working set, first from the hand");
	}
}

static int
wsclock_explain(const struct victim_why *why, const struct machine *m, char *buf, size_t size)
{
	unsigned long long a = why->value;
	int k;

	switch (why->rule) {
	case OLD_CLEAN:
		k = snprintf(buf, size, "R clear, clean, and outside the working set: unused "
			     "for %llu of its process's accesses (tau = %u)", a, m->cfg.tau);
		break;
	case OLD_DIRTY:
		k = snprintf(buf, size, "the hand went round and found no clean page outside "
			     "the working set; this is the first dirty one it passed, unused "
			     "for %llu of its process's accesses (tau = %u)", a, m->cfg.tau);
		break;
	case YOUNG_CLEAN:
		k = snprintf(buf, size, "every page the hand may take is in its working set "
			     "(tau = %u); this is the clean one unused longest: for %llu of its "
			     "process's accesses", m->cfg.tau, a);
		break;
	default:
		k = snprintf(buf, size, "every page the hand may take is in its working set "
			     "(tau = %u) and dirty; this one was under the hand", m->cfg.tau);
		break;
	}
	if (k < 0 || (size_t)k >= size)
		return k;
	return k + snprintf(buf + k, size - (size_t)k, " (%u R bit%s cleared on the way)",
			    why->swept, why->swept == 1 ? "" : "s");
}

const struct policy_ops policy_wsclock = {
	.name = "wsclock",
	.reads_tau = true,
	.summary = "clock over the frames; evict a clean page with R clear outside the working set",
	.create = frame_values_create,
	.clone = frame_values_clone,
	.destroy = policy_free_state,
	.loaded = wsclock_loaded,
	.choose = wsclock_choose,
	.explain = wsclock_explain,
	.rival = wsclock_rival,
	.rival_explain = wsclock_rival_explain,
	.look = wsclock_look,
	.look_explain = wsclock_look_explain,
	.mind = { .header = "hand, R bits, age", .short_header = "hand R age",
		  .has_hand = true, .shows_r = true, .hand = wsclock_hand,
		  .kind = MIND_NUMBER, .describe = wsclock_describe },
};
