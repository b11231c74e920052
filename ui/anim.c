/*
 * anim.c - the animation timeline: moving one event or one operation at
 * a time through a session, and the play timer's speed steps.
 */
#include "anim.h"

/* Milliseconds per event, slowest first. */
static const int speed_ms[ANIM_SPEEDS] = { 1600, 800, 400, 200, 100, 50, 25 };

static unsigned
count(const struct anim_source *src, size_t k)
{
	return (k == 0 ? 0 : src->count(src->ctx, k));
}

static bool
move(struct anim *a, size_t k, unsigned j)
{
	if (a->op == k && a->ev == j)
		return (false);
	a->op = k;
	a->ev = j;
	return (true);
}

void
anim_init(struct anim *a, size_t length, size_t cursor, const struct anim_source *src)
{
	a->length = length;
	a->op = cursor < length ? cursor : length;
	a->ev = count(src, a->op);
	a->playing = false;
	a->speed = ANIM_SPEED_DEFAULT;
}

bool
anim_complete(const struct anim *a, const struct anim_source *src)
{
	return (a->ev >= count(src, a->op));
}

bool
anim_at_end(const struct anim *a, const struct anim_source *src)
{
	return (a->op >= a->length && anim_complete(a, src));
}

size_t
anim_done(const struct anim *a, const struct anim_source *src)
{
	return (anim_complete(a, src) ? a->op : a->op - 1);
}

void
anim_enter(struct anim *a, size_t k, const struct anim_source *src)
{
	unsigned n = count(src, k);

	move(a, k, n > 0 ? 1 : 0);
}

bool
anim_next(struct anim *a, const struct anim_source *src)
{
	if (!anim_complete(a, src))
		return (move(a, a->op, a->ev + 1));
	if (a->op >= a->length)
		return (false);
	anim_enter(a, a->op + 1, src);
	return (true);
}

bool
anim_finish(struct anim *a, const struct anim_source *src)
{
	if (!anim_complete(a, src))
		return (move(a, a->op, count(src, a->op)));
	if (a->op >= a->length)
		return (false);
	return (move(a, a->op + 1, count(src, a->op + 1)));
}

bool
anim_back(struct anim *a, const struct anim_source *src)
{
	if (a->ev > 1)
		return (move(a, a->op, a->ev - 1));
	if (a->op == 0)
		return (false);
	return (move(a, a->op - 1, count(src, a->op - 1)));
}

bool
anim_back_op(struct anim *a, const struct anim_source *src)
{
	if (a->op == 0)
		return (false);
	return (move(a, a->op - 1, count(src, a->op - 1)));
}

bool
anim_home(struct anim *a)
{
	return (move(a, 0, 0));
}

bool
anim_end(struct anim *a, const struct anim_source *src)
{
	return (move(a, a->length, count(src, a->length)));
}

void
anim_set_length(struct anim *a, size_t length, const struct anim_source *src)
{
	unsigned n;

	a->length = length;
	if (a->op > length)
		a->op = length;
	n = count(src, a->op);
	/* The operation's events may have changed (OPT sees new ops). */
	if (a->ev > n || a->ev == 0)
		a->ev = n;
}

bool
anim_toggle(struct anim *a, const struct anim_source *src)
{
	if (!a->playing && anim_at_end(a, src))
		return (false);
	a->playing = !a->playing;
	return (true);
}

bool
anim_tick(struct anim *a, const struct anim_source *src)
{
	bool moved = anim_next(a, src);

	if (!moved || anim_at_end(a, src))
		a->playing = false;
	return (moved);
}

bool
anim_faster(struct anim *a)
{
	if (a->speed + 1 >= ANIM_SPEEDS)
		return (false);
	a->speed++;
	return (true);
}

bool
anim_slower(struct anim *a)
{
	if (a->speed == 0)
		return (false);
	a->speed--;
	return (true);
}

int
anim_interval_ms(const struct anim *a)
{
	return (speed_ms[a->speed < ANIM_SPEEDS ? a->speed : ANIM_SPEEDS - 1]);
}
