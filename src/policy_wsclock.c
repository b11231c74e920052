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

static uint64_t
age(const struct frame_values *fv, const struct machine *m, int f)
{
	return frame_owner_time(m, f) - fv->v[f];
}

static unsigned
wsclock_hand(const struct policy_state *s)
{
	return frame_values(s)->hand;
}

/* Between a page's load and its first use (an access under way), it is new: age 0. */
static void
wsclock_describe(const struct policy_state *s, const struct machine *m, int frame,
		 struct frame_mind *out)
{
	const struct frame_values *fv = frame_values(s);

	out->kind = MIND_NUMBER;
	out->value = fv->v[frame] > frame_owner_time(m, frame) ? 0 : age(fv, m, frame);
}

/* One turn of the hand from where it is; see the rules above. */
static int
sweep(struct frame_values *fv, struct machine *m, const struct victim_filter *filter,
      struct victim_why *why)
{
	int first_old_dirty = -1, oldest_clean = -1, first = -1;

	for (unsigned i = 0; i < fv->nframes; i++) {
		int f = (int)((fv->hand + i) % fv->nframes);

		if (!victim_filter_allows(m, filter, f))
			continue;
		if (first < 0)
			first = f;
		if (m->frames[f].referenced) {
			m->frames[f].referenced = false;
			fv->v[f] = frame_owner_time(m, f);
			why->swept++;
		} else if (age(fv, m, f) >= m->cfg.tau) {
			why->rule = OLD_CLEAN;
			if (!frame_dirty(m, f))
				return f;
			if (first_old_dirty < 0)
				first_old_dirty = f;
		}
		if (!frame_dirty(m, f) && (oldest_clean < 0 || age(fv, m, f) > age(fv, m, oldest_clean)))
			oldest_clean = f;
	}
	if (first_old_dirty >= 0) {
		why->rule = OLD_DIRTY;
		return first_old_dirty;
	}
	why->rule = oldest_clean >= 0 ? YOUNG_CLEAN : YOUNG_UNDER_HAND;
	return oldest_clean >= 0 ? oldest_clean : first;
}

static int
wsclock_choose(struct policy_state *s, struct machine *m,
	       const struct victim_filter *filter, struct victim_why *why)
{
	struct frame_values *fv = frame_values(s);
	int victim;

	*why = (struct victim_why){ 0 };
	victim = sweep(fv, m, filter, why);
	why->value = age(fv, m, victim);
	fv->hand = (unsigned)(victim + 1) % fv->nframes;
	return victim;
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
	.accessed = policy_ignore,
	.evicted = policy_ignore,
	.choose = wsclock_choose,
	.explain = wsclock_explain,
	.mind = { .header = "hand, R bits, age", .short_header = "hand R age",
		  .has_hand = true, .shows_r = true, .hand = wsclock_hand,
		  .kind = MIND_NUMBER, .describe = wsclock_describe },
};
