/*
 * rmap.c - the reverse map's shared mappings: a pool of list nodes, reused
 * through a free list and grown by doubling.
 */
#include <stdlib.h>

#include "rmap.h"
#include "xalloc.h"

void
rmap_pool_free(struct rmap_pool *pool)
{
	free(pool->node);
	*pool = (struct rmap_pool){ 0 };
}

void
rmap_pool_copy(struct rmap_pool *dst, const struct rmap_pool *src)
{
	*dst = *src;
	dst->node = src->cap ? xmemdup(src->node, src->cap * sizeof *src->node) : NULL;
}

static bool
same(struct mapping a, struct mapping b)
{
	return a.pid == b.pid && a.vpn == b.vpn;
}

/* A node for map, linked before `next`; returns its index + 1. */
static unsigned
node_new(struct rmap_pool *pool, struct mapping map, unsigned next)
{
	unsigned n;

	if (!pool->free) {
		unsigned old = pool->cap, cap = old ? old * 2 : 16;

		pool->node = xrealloc(pool->node, cap, sizeof *pool->node);
		for (unsigned i = old; i < cap; i++)
			pool->node[i].next = i + 1 < cap ? i + 2 : 0;
		pool->free = old + 1;
		pool->cap = cap;
	}
	n = pool->free;
	pool->free = pool->node[n - 1].next;
	pool->node[n - 1] = (struct rmap_node){ .map = map, .next = next };
	return n;
}

/* Gives node n back; returns the node it linked to. */
static unsigned
node_drop(struct rmap_pool *pool, unsigned n)
{
	unsigned next = pool->node[n - 1].next;

	pool->node[n - 1].next = pool->free;
	pool->free = n;
	return next;
}

void
rmap_add(struct rmap_pool *pool, struct rmap *r, struct mapping map)
{
	unsigned last = 0, n;

	/* At the end, so mappings are listed in the order they were made. */
	for (n = r->more; n; n = pool->node[n - 1].next)
		last = n;
	n = node_new(pool, map, 0);     /* may move the pool: link afterwards */
	if (last)
		pool->node[last - 1].next = n;
	else
		r->more = n;
	r->count++;
}

bool
rmap_remove_shared(struct rmap_pool *pool, struct rmap *r, struct mapping map)
{
	unsigned *link = &r->more;

	if (same(rmap_first(r), map)) {
		/* The second mapping moves inline. */
		struct mapping second = pool->node[r->more - 1].map;

		r->pid = second.pid;
		r->vpn = second.vpn;
		r->more = node_drop(pool, r->more);
		r->count--;
		return false;
	}
	while (*link && !same(pool->node[*link - 1].map, map))
		link = &pool->node[*link - 1].next;
	if (*link) {
		*link = node_drop(pool, *link);
		r->count--;
	}
	return false;
}

void
rmap_drop_more(struct rmap_pool *pool, struct rmap *r)
{
	for (unsigned n = r->more; n;)
		n = node_drop(pool, n);
}

void
rmap_copy(struct rmap_pool *pool, struct rmap *dst, const struct rmap *src)
{
	rmap_set_single(dst, (enum holding)src->holds, rmap_first(src));
	for (unsigned n = src->more; n; n = pool->node[n - 1].next)
		rmap_add(pool, dst, pool->node[n - 1].map);
}

bool
rmap_has(const struct rmap_pool *pool, const struct rmap *r, struct mapping map)
{
	RMAP_FOREACH(pool, r, it)
		if (same(it.map, map))
			return true;
	return false;
}

bool
rmap_maps_pid(const struct rmap_pool *pool, const struct rmap *r, int pid)
{
	RMAP_FOREACH(pool, r, it)
		if (it.map.pid == pid)
			return true;
	return false;
}
