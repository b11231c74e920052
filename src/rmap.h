/*
 * rmap.h - the reverse map: what a frame or swap slot holds, and every
 * mapping (pid, page) of it.
 *
 * A page is mapped once in the common case, so the first mapping lives in
 * the frame or slot itself and costs no allocation; only a page that is
 * shared (fork, shared mappings) puts its further mappings in a list of
 * nodes kept in one pool per machine.  Nodes are linked by index, so a
 * copy of the machine copies the pool in one piece.
 */
#ifndef VMSCOPE_RMAP_H
#define VMSCOPE_RMAP_H

#include <stdbool.h>
#include <stdint.h>

/* What a frame or slot holds. */
enum holding {
	HOLDS_NOTHING,      /* free */
	HOLDS_DATA,         /* a process's page */
	HOLDS_PAGE_TABLE,   /* a page of a page table (multi-level tables) */
	HOLDS_HUGE,         /* one page of a huge page (never a victim) */
};

/* One page table's entry for the held page: process pid, its page vpn. */
struct mapping {
	int pid;
	uint64_t vpn;
};

/* What one frame or slot holds and its mappings; zeroed means free. */
struct rmap {
	uint64_t vpn;       /* the first mapping, inline */
	int pid;
	unsigned count;     /* mappings in all: 0 when free */
	unsigned more;      /* pool index + 1 of the second mapping's node; 0: none */
	uint32_t holds;     /* enum holding (wide: no padding, so rmaps compare as bytes) */
};

struct rmap_node {
	struct mapping map;
	unsigned next;      /* pool index + 1 of the next node; 0: last */
};

struct rmap_pool {
	struct rmap_node *node;
	unsigned cap;
	unsigned free;      /* pool index + 1 of the first unused node; 0: none */
};

void rmap_pool_free(struct rmap_pool *pool);
/* Makes dst an independent copy of src. */
void rmap_pool_copy(struct rmap_pool *dst, const struct rmap_pool *src);

/*
 * Makes r hold `holds` with map its only mapping.  Field by field, in
 * place: built whole as a literal and copied, the rmap went through the
 * stack, and the wide load copying it stalled on the narrow stores (a
 * cost every page fault paid).
 */
static inline void
rmap_set_single(struct rmap *r, enum holding holds, struct mapping map)
{
	r->vpn = map.vpn;
	r->pid = map.pid;
	r->count = 1;
	r->more = 0;
	r->holds = (uint32_t)holds;
}

/* Adds a mapping to a held r. */
void rmap_add(struct rmap_pool *pool, struct rmap *r, struct mapping map);
/*
 * Removes a mapping r has; returns whether none is left (r is then free).
 * (Inline: the unshared case is every exit's and unmap's.)
 */
bool rmap_remove_shared(struct rmap_pool *pool, struct rmap *r, struct mapping map);
static inline bool
rmap_remove(struct rmap_pool *pool, struct rmap *r, struct mapping map)
{
	if (r->count == 1) {
		*r = (struct rmap){ 0 };
		return true;
	}
	return rmap_remove_shared(pool, r, map);
}
/* Frees the nodes of a shared r's further mappings (rmap_clear). */
void rmap_drop_more(struct rmap_pool *pool, struct rmap *r);

/* Frees r and its nodes.  (Inline: every eviction clears a frame, nearly always unshared.) */
static inline void
rmap_clear(struct rmap_pool *pool, struct rmap *r)
{
	if (r->more)
		rmap_drop_more(pool, r);
	*r = (struct rmap){ 0 };
}
/* Makes a free dst hold what src holds, with the same mappings. */
void rmap_copy(struct rmap_pool *pool, struct rmap *dst, const struct rmap *src);

/* Whether r has this mapping. */
bool rmap_has(const struct rmap_pool *pool, const struct rmap *r, struct mapping map);
/* Whether some mapping of r is process pid's. */
bool rmap_maps_pid(const struct rmap_pool *pool, const struct rmap *r, int pid);

/* The first mapping (the only one unless shared). */
static inline struct mapping
rmap_first(const struct rmap *r)
{
	return (struct mapping){ .pid = r->pid, .vpn = r->vpn };
}

/*
 * The node of r's second mapping, and the node after n: NULL when there
 * is none.  (The first mapping is in r itself.)
 */
static inline const struct rmap_node *
rmap_second(const struct rmap_pool *pool, const struct rmap *r)
{
	return r->more ? &pool->node[r->more - 1] : NULL;
}

static inline const struct rmap_node *
rmap_after(const struct rmap_pool *pool, const struct rmap_node *n)
{
	return n->next ? &pool->node[n->next - 1] : NULL;
}

struct rmap_iter {
	const struct rmap *r;
	unsigned i;         /* mappings visited */
	unsigned node;      /* the next one's node, as rmap.more */
	struct mapping map; /* the current one */
};

/* Moves to the next mapping; false when all were visited. */
static inline bool
rmap_next(const struct rmap_pool *pool, struct rmap_iter *it)
{
	if (it->i == it->r->count)
		return false;
	if (it->i++ == 0) {
		it->map = rmap_first(it->r);
		it->node = it->r->more;
	} else {
		const struct rmap_node *n = &pool->node[it->node - 1];

		it->map = n->map;
		it->node = n->next;
	}
	return true;
}

/* Visits every mapping of r as it.map; r must not change meanwhile. */
#define RMAP_FOREACH(pool, rm, it) \
	for (struct rmap_iter it = { .r = (rm) }; rmap_next((pool), &it);)

#endif
