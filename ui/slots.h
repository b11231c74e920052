/*
 * slots.h - a numbered list of places a page can be (physical frames, swap
 * slots), drawn the same way for both: "N  pid:VPN  D ◀", owners coloured
 * by process, free places plain, in as many columns as fit.
 */
#ifndef VMSCOPE_UI_SLOTS_H
#define VMSCOPE_UI_SLOTS_H

#include "view.h"

struct slot {
	int pid;                /* 0: free */
	uint64_t vpn;
	bool dirty;
	unsigned table;         /* a page table's level (2 ..), or 0: a page */
};

struct slot_list {
	enum panel panel;
	bool dirty;             /* show the D column */
	size_t (*count)(const struct machine *m);
	void (*get)(const struct machine *m, size_t i, struct slot *out);
	int (*touched)(const struct app *a);     /* the entry the event is on, or -1 */
	void (*explain)(const struct app *a, int i, char *buf, size_t size);
	void (*title)(const struct app *a, char *buf, size_t size);
};

void slots_draw(const struct slot_list *l, const struct app *a, const struct rect *r);
bool slots_click(const struct slot_list *l, const struct app *a, const struct rect *r,
		 int y, int x, char *buf, size_t size);
size_t slots_extent(const struct slot_list *l, const struct app *a, const struct rect *r,
		    size_t *visible, size_t *focus);

#endif
