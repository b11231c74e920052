/*
 * swap.c - allocating swap slots.
 *
 * The lowest free slot is taken, so pictures and lessons are predictable.
 * Slots are freed only when their last mapping goes (exit, unmap), so a
 * hint (no free slot lies below it) keeps allocation cheap on long traces.  Taking the
 * lowest free slot also means that slot s is used only while s others are:
 * storage grows with the slots in use at once (swap_cap), whatever the
 * configured number of slots, and copies of the machine copy only that.
 */
#include <string.h>

#include "machine.h"
#include "xalloc.h"

/* A machine allowed to grow its swap doubles it when it is full. */
static int
swap_grow(struct machine *m)
{
	unsigned old = m->cfg.swap_slots;

	if (!m->cfg.grow_swap || old >= SWAP_SLOTS_MAX)
		return -1;
	m->cfg.swap_slots = old ? old * 2 : 16;
	if (m->cfg.swap_slots > SWAP_SLOTS_MAX)
		m->cfg.swap_slots = SWAP_SLOTS_MAX;
	return 0;
}

/* Stores slots up to s, doubling (within the configured count) to keep it cheap. */
static void
store_through(struct machine *m, unsigned s)
{
	unsigned old = m->swap_cap, cap = old ? old : 16;

	while (cap <= s)
		cap *= 2;
	if (cap > m->cfg.swap_slots)
		cap = m->cfg.swap_slots;
	m->swap = xrealloc(m->swap, cap, sizeof *m->swap);
	memset(m->swap + old, 0, (cap - old) * sizeof *m->swap);
	m->swap_cap = cap;
}

int
swap_alloc(struct machine *m, int f)
{
	unsigned s = m->swap_hint;

	if (m->swap_used == m->cfg.swap_slots && swap_grow(m))
		return -1;
	while (s < m->swap_cap && m->swap[s].rmap.holds != HOLDS_NOTHING)
		s++;
	if (s == m->swap_cap)
		store_through(m, s);
	rmap_copy(&m->rmap, &m->swap[s].rmap, frame_rmap(m, f));
	m->swap_used++;
	m->swap_hint = s + 1;
	return (int)s;
}

bool
swap_unmap(struct machine *m, int slot, struct mapping map)
{
	if (!rmap_remove(&m->rmap, &m->swap[slot].rmap, map))
		return false;
	m->swap_used--;
	if ((unsigned)slot < m->swap_hint)
		m->swap_hint = (unsigned)slot;
	return true;
}

const struct rmap *
slot_rmap(const struct machine *m, unsigned s)
{
	static const struct rmap none;

	return s < m->swap_cap ? &m->swap[s].rmap : &none;
}

bool
swap_full(const struct machine *m)
{
	return m->swap_used == m->cfg.swap_slots &&
	       (!m->cfg.grow_swap || m->cfg.swap_slots >= SWAP_SLOTS_MAX);
}

bool
frame_can_leave(const struct machine *m, int f)
{
	return !frame_dirty(m, f) || mapping_pte(m, frame_first(m, f))->slot >= 0 ||
	       !swap_full(m);
}
