/*
 * swap.c - allocating swap slots.
 *
 * The lowest free slot is taken, so pictures and lessons are predictable.
 * Slots are freed only when a process exits or unmaps, so a hint (no free
 * slot lies below it) keeps allocation cheap on long traces.
 */
#include <string.h>

#include "machine.h"
#include "xalloc.h"

static int
swap_grow(struct machine *m)
{
	unsigned old = m->cfg.swap_slots, cap = old ? old * 2 : 16;

	if (!m->cfg.grow_swap || old >= SWAP_SLOTS_MAX)
		return -1;
	if (cap > SWAP_SLOTS_MAX)
		cap = SWAP_SLOTS_MAX;
	m->swap = xrealloc(m->swap, cap, sizeof *m->swap);
	memset(m->swap + old, 0, (cap - old) * sizeof *m->swap);
	m->cfg.swap_slots = cap;
	return 0;
}

int
swap_alloc(struct machine *m, int pid, uint64_t vpn)
{
	unsigned s = m->swap_hint;

	if (m->swap_used == m->cfg.swap_slots && swap_grow(m))
		return -1;
	while (m->swap[s].pid)
		s++;
	m->swap[s] = (struct swap_slot){ .pid = pid, .vpn = vpn };
	m->swap_used++;
	m->swap_hint = s + 1;
	return (int)s;
}

void
swap_release(struct machine *m, int slot)
{
	m->swap[slot].pid = 0;
	m->swap_used--;
	if ((unsigned)slot < m->swap_hint)
		m->swap_hint = (unsigned)slot;
}

bool
swap_full(const struct machine *m)
{
	return m->swap_used == m->cfg.swap_slots &&
	       (!m->cfg.grow_swap || m->cfg.swap_slots >= SWAP_SLOTS_MAX);
}
