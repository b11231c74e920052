/*
 * slots.h - a numbered list of places a page can be (physical frames, swap
 * slots), drawn the same way for both: "N D pid:VPN ×2 ◀", owners coloured
 * by process, the page tables that map a shared one coloured by how it is
 * shared (copy-on-write or a shared mapping), free places plain, in as
 * many columns as fit; a list may add a column of its own under a heading.
 */
#ifndef VMSCOPE_UI_SLOTS_H
#define VMSCOPE_UI_SLOTS_H

#include "sharing.h"
#include "view.h"

struct slot {
	int pid;                /* 0: free */
	uint64_t vpn;
	bool dirty;
	unsigned table;         /* a page table's level (2 ..), or 0: a page */
	unsigned maps;          /* page tables that map it */
	enum sharing sharing;   /* copy-on-write or shared (sharing.h) */
	bool huge;              /* one page of a huge page: H in the D column */
};

struct slot_list {
	enum panel panel;
	bool dirty;             /* show the D column */
	size_t (*count)(const struct machine *m);
	void (*get)(const struct machine *m, size_t i, struct slot *out);
	/* The most page tables that map any one of them (a count is drawn
	 * beside those mapped more than once: "1:0x3 ×2"). */
	unsigned (*max_maps)(const struct machine *m);
	/* The first entry the event is on, *run of them from it, or -1. */
	int (*touched)(const struct app *a, int *run);
	void (*explain)(const struct app *a, int i, char *buf, size_t size);
	void (*title)(const struct app *a, char *buf, size_t size);
	/*
	 * Optional: a column of its own after the owner, under a heading row
	 * (the frames panel's policy state): the columns its entries take in a
	 * form (0: no column), its heading for the room there is, entry i.
	 */
	int (*column_width)(const struct app *a, bool narrow);
	const char *(*column_header)(const struct app *a, int room);
	void (*column_cell)(const struct app *a, int i, bool narrow, char *buf, size_t size);
};

/* What r holds, as a list shows it (owner, count of mappings, sharing). */
void slot_from_rmap(const struct machine *m, const struct rmap *r, struct slot *out);

void slots_draw(const struct slot_list *l, const struct app *a, const struct rect *r);
bool slots_click(const struct slot_list *l, const struct app *a, const struct rect *r,
		 int y, int x, char *buf, size_t size);
size_t slots_extent(const struct slot_list *l, const struct app *a, const struct rect *r,
		    size_t *visible, size_t *focus);

#endif
