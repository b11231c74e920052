/*
 * future.c - OPT's look-ahead, built in one backward pass.
 *
 * A forward pass works out which process each queued access runs in
 * (following spawns and switches with op_track_current) and parks that
 * pid in the access's next_use entry; a backward pass with a hash from
 * page to "the step that touches it next" replaces it with the next use.
 * Nothing else is allocated per operation: 4 bytes each in all, and the
 * hash holds one entry per distinct page; once the pass is done it holds
 * each page's first use, kept for the pages that frames share.
 */
#include <stdlib.h>

#include "future.h"
#include "xalloc.h"

#define NOT_AN_ACCESS UINT32_MAX

/*
 * The hash of the backward pass: page key -> index of the operation that
 * touches the page next, by open addressing with linear probing, kept at
 * most half full.  Keys are never removed.
 */
struct next_touch {
	size_t cap, count;      /* cap is a power of two */
	uint64_t *key;
	uint32_t *at;           /* NOT_AN_ACCESS: the slot is empty */
};

static void
next_touch_init(struct next_touch *t, size_t cap)
{
	t->cap = cap;
	t->count = 0;
	t->key = xmalloc(cap * sizeof *t->key);
	t->at = xmalloc(cap * sizeof *t->at);
	for (size_t i = 0; i < cap; i++)
		t->at[i] = NOT_AN_ACCESS;
}

static size_t
next_touch_home(const struct next_touch *t, uint64_t key)
{
	key ^= key >> 33;
	key *= UINT64_C(0xff51afd7ed558ccd);      /* murmur3's finalizer */
	key ^= key >> 33;
	return (size_t)key & (t->cap - 1);
}

/* The slot holding key, or the empty one where it belongs. */
static size_t
next_touch_slot(const struct next_touch *t, uint64_t key)
{
	size_t i = next_touch_home(t, key);

	while (t->at[i] != NOT_AN_ACCESS && t->key[i] != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void
next_touch_grow(struct next_touch *t)
{
	struct next_touch old = *t;

	next_touch_init(t, old.cap * 2);
	for (size_t i = 0; i < old.cap; i++)
		if (old.at[i] != NOT_AN_ACCESS) {
			size_t j = next_touch_slot(t, old.key[i]);

			t->key[j] = old.key[i];
			t->at[j] = old.at[i];
			t->count++;
		}
	free(old.key);
	free(old.at);
}

/* Records that operation i touches the page; returns the operation that
 * touched it next before (NOT_AN_ACCESS: none). */
static uint32_t
next_touch_swap(struct next_touch *t, uint64_t key, uint32_t i)
{
	size_t j = next_touch_slot(t, key);
	uint32_t was = t->at[j];

	if (was == NOT_AN_ACCESS) {
		if (2 * (t->count + 1) > t->cap) {
			next_touch_grow(t);
			j = next_touch_slot(t, key);
		}
		t->key[j] = key;
		t->count++;
	}
	t->at[j] = i;
	return was;
}

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
	struct next_touch *seen = f->first_use = xmalloc(sizeof *seen);
	struct op scratch;

	f->n = src->n;
	f->refs = 1;
	f->next_use = xmalloc((src->n ? src->n : 1) * sizeof *f->next_use);
	park_pids(src, f->next_use, current_pid, next_pid);
	next_touch_init(seen, 64);
	for (size_t i = src->n; i-- > 0;) {
		uint32_t pid = f->next_use[i], next;

		if (pid == NOT_AN_ACCESS)
			continue;
		next = next_touch_swap(seen, page_key(pid, src->at(src->ctx, i, &scratch)->addr >> page_bits),
				       (uint32_t)i);
		f->next_use[i] = next != NOT_AN_ACCESS ? next + 1 : UINT32_MAX;
	}
	return f;       /* seen now holds each page's first use */
}

uint64_t
future_next_use_of(const struct future *f, int pid, uint64_t vpn, uint64_t step)
{
	const struct next_touch *first = f ? f->first_use : NULL;
	size_t j;
	uint64_t u;

	if (!first)
		return NEVER;
	j = next_touch_slot(first, page_key((uint32_t)pid, vpn));
	if (first->at[j] == NOT_AN_ACCESS)
		return NEVER;
	for (u = first->at[j] + 1; u <= step;)
		u = future_next_use(f, u);
	return u;
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
	free(f->first_use->key);
	free(f->first_use->at);
	free(f->first_use);
	free(f);
}
