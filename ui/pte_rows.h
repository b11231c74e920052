/*
 * pte_rows.h - which page-table rows the panel draws (no curses: tested
 * on its own).
 */
#ifndef VMSCOPE_UI_PTE_ROWS_H
#define VMSCOPE_UI_PTE_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "machine.h"

/*
 * Fills out[] (room for p->pt.count + 1) with the VPNs of p's rows in
 * ascending order and returns how many: every entry p's table holds, and
 * the entry a page-table walk among shown[0..n) read for p, even when the
 * table holds none for it (a page never touched, or not mapped), so the
 * row the narration names is on screen (drawn "not mapped" when no region
 * holds it).
 */
size_t pte_rows(const struct process *p, const struct event *shown, size_t n, uint64_t *out);

/* Inserts vpn into the ascending v[0..n) (room for one more); returns n + 1. */
size_t vpns_insert(uint64_t *v, size_t n, uint64_t vpn);

#endif
