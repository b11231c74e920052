/*
 * future.c - OPT's look-ahead, built in one backward pass.
 *
 * A forward pass works out which (pid, VPN) each queued access touches
 * (following spawns and switches with op_track_current); a backward pass
 * with a hash from page to "the step that touches it next" fills next_use.
 */
#include <stdlib.h>

#include "future.h"
#include "page_table.h"
#include "xalloc.h"

/* Page identity as one key: pid in the top 16 bits (exact while VPNs fit in 48 bits). */
static uint64_t
page_key(int pid, uint64_t vpn)
{
	return ((uint64_t)pid << 48) ^ vpn;
}

static uint64_t *
touched_pages(const struct op *ops, size_t n, int current, int next_pid, unsigned page_bits)
{
	uint64_t *keys = xmalloc(n * sizeof *keys);

	for (size_t i = 0; i < n; i++) {
		keys[i] = NEVER;
		if (ops[i].kind == OP_ACCESS) {
			int pid = ops[i].pid ? ops[i].pid : current;
			keys[i] = page_key(pid, ops[i].addr >> page_bits);
		}
		op_track_current(&ops[i], &current, &next_pid);
	}
	return keys;
}

struct future *
future_build(const struct op *ops, size_t n, int current_pid, int next_pid,
	     unsigned page_bits)
{
	struct future *f = xmalloc(sizeof *f);
	uint64_t *keys = touched_pages(ops, n, current_pid, next_pid, page_bits);
	/* A page table serves as the map from page key (its "vpn") to the index
	 * of the operation that touches it next (its "frame" field). */
	struct page_table seen;

	f->n = n;
	f->refs = 1;
	f->next_use = xmalloc((n ? n : 1) * sizeof *f->next_use);
	page_table_init(&seen);
	for (size_t i = n; i-- > 0;) {
		f->next_use[i] = NEVER;
		if (keys[i] == NEVER)
			continue;
		struct pte *e = page_table_get(&seen, keys[i]);
		if (e->frame >= 0)
			f->next_use[i] = (uint64_t)e->frame + 1;
		e->frame = (int)i;
	}
	page_table_free(&seen);
	free(keys);
	return f;
}

struct future *
future_ref(struct future *f)
{
	if (f)
		f->refs++;
	return f;
}

void
future_unref(struct future *f)
{
	if (!f || --f->refs > 0)
		return;
	free(f->next_use);
	free(f);
}

uint64_t
future_next_use(const struct future *f, uint64_t step)
{
	if (!f || step == 0 || step > f->n)
		return NEVER;
	return f->next_use[step - 1];
}
