/*
 * tlb.h - a fully associative TLB with LRU replacement.
 *
 * Entries are tagged with the pid, so switching processes does not flush
 * it; an exiting process's entries are removed, and so is the entry of a
 * page when its frame is taken away.
 */
#ifndef VMSCOPE_TLB_H
#define VMSCOPE_TLB_H

#include <stdint.h>

struct tlb_entry {
	int pid;                /* 0: empty */
	uint64_t vpn;
	int frame;
	unsigned perm;
	uint64_t last_used;     /* a use counter, for LRU */
};

struct tlb {
	unsigned n;             /* entries; 0 means there is no TLB */
	struct tlb_entry *e;
	uint64_t clock;
};

int tlb_init(struct tlb *t, unsigned entries);
int tlb_copy(struct tlb *dst, const struct tlb *src);
void tlb_free(struct tlb *t);

/* Index of the entry for (pid, vpn), touched as used; -1 on a miss. */
int tlb_lookup(struct tlb *t, int pid, uint64_t vpn);

/*
 * Installs (pid, vpn) -> frame in an empty entry or in place of the least
 * recently used one; *replaced gets the old entry (pid 0 if it was empty).
 * Returns the index used.
 */
int tlb_fill(struct tlb *t, int pid, uint64_t vpn, int frame, unsigned perm,
	     struct tlb_entry *replaced);

void tlb_remove(struct tlb *t, int pid, uint64_t vpn);
/* Removes a process's entries, or all if pid is 0; returns how many went. */
unsigned tlb_flush(struct tlb *t, int pid);

#endif
