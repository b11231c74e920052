/*
 * pte_rows.c - the page-table rows to draw: the entries, and the one a
 * walk is reading.
 */
#include "pte_rows.h"

/* The VPN a walk among shown[0..n) read in p's table; false if none. */
static bool
walked(const struct process *p, const struct event *shown, size_t n, uint64_t *vpn)
{
	for (size_t i = 0; i < n; i++)
		if (shown[i].kind == EV_WALK && shown[i].pid == p->pid) {
			*vpn = event_leaf_vpn(&shown[i]);
			return true;
		}
	return false;
}

size_t
vpns_insert(uint64_t *v, size_t n, uint64_t vpn)
{
	size_t i;

	for (i = n; i > 0 && v[i - 1] > vpn; i--)
		v[i] = v[i - 1];
	v[i] = vpn;
	return n + 1;
}

size_t
pte_rows(const struct process *p, const struct event *shown, size_t n, uint64_t *out)
{
	size_t count = page_table_sorted_vpns(&p->pt, out, p->pt.count);
	uint64_t read;

	if (!walked(p, shown, n, &read) || page_table_find(&p->pt, read))
		return count;
	return vpns_insert(out, count, read);
}
