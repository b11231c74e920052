/*
 * future.c - OPT's look-ahead, built in one backward pass.
 *
 * A forward pass works out which process each queued access runs in
 * (following spawns and switches with op_track_current) and parks that
 * pid in the access's next_use entry; a backward pass with a hash from
 * page to "the step that touches it next" replaces it with the next use.
 * Nothing else is allocated per operation: 4 bytes each in all.
 */
#include <stdlib.h>

#include "future.h"
#include "page_table.h"
#include "xalloc.h"

#define NOT_AN_ACCESS UINT32_MAX

/* Page identity as one key: pid in the top 16 bits (exact while VPNs fit in 48 bits). */
static uint64_t
page_key(uint32_t pid, uint64_t vpn)
{
	return ((uint64_t)pid << 48) ^ vpn;
}

/* next_use[i] = the pid access i runs in, or NOT_AN_ACCESS. */
static void
park_pids(const struct op_source *src, uint32_t *next_use, int current, int next_pid)
{
	struct op scratch;

	for (size_t i = 0; i < src->n; i++) {
		const struct op *op = src->at(src->ctx, i, &scratch);

		next_use[i] = NOT_AN_ACCESS;
		if (op->kind == OP_ACCESS)
			next_use[i] = (uint32_t)(op->pid ? op->pid : current);
		op_track_current(op, &current, &next_pid);
	}
}

struct future *
future_build(const struct op_source *src, int current_pid, int next_pid, unsigned page_bits)
{
	struct future *f = xmalloc(sizeof *f);
	/* A page table serves as the map from page key (its "vpn") to the index
	 * of the operation that touches it next (its "frame" field). */
	struct page_table seen;
	struct op scratch;

	f->n = src->n;
	f->refs = 1;
	f->next_use = xmalloc((src->n ? src->n : 1) * sizeof *f->next_use);
	park_pids(src, f->next_use, current_pid, next_pid);
	page_table_init(&seen);
	for (size_t i = src->n; i-- > 0;) {
		uint32_t pid = f->next_use[i];
		struct pte *e;

		if (pid == NOT_AN_ACCESS)
			continue;
		e = page_table_get(&seen, page_key(pid, src->at(src->ctx, i, &scratch)->addr >> page_bits));
		f->next_use[i] = e->frame >= 0 ? (uint32_t)e->frame + 1 : UINT32_MAX;
		e->frame = (int)i;
	}
	page_table_free(&seen);
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
