/*
 * frames_table.h - the frames-by-time table of a session: for each access,
 * the page it touched, whether it hit, faulted or was refused, the page
 * evicted, and what every frame held afterwards (the table textbooks draw
 * for a reference string).  Built by replaying the session's history.
 */
#ifndef VMSCOPE_FRAMES_TABLE_H
#define VMSCOPE_FRAMES_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "history.h"

#define FT_COLUMNS_MAX 200      /* accesses a table can show */
#define FT_FRAMES_MAX 64

enum ft_result { FT_HIT, FT_FAULT, FT_REFUSED };

struct ft_page {
	int pid;                /* 0: none (a free frame, no victim) */
	uint64_t vpn;
	unsigned table;         /* 0: a page of data; else the level (2...) of the
				 * page-table page a frame holds (multi-level tables) */
};

struct ft_column {
	size_t step;            /* the operation, from 1 */
	char access;            /* 'r', 'w', 'x' */
	struct ft_page page;    /* the page accessed */
	enum ft_result result;
	struct ft_page victim;
	bool no_frame;          /* a fault that took no frame (nothing loaded nor
				 * copied: a copy-on-write write by the page's
				 * last mapping, a minor fault) */
};

struct frames_table {
	unsigned frames;        /* rows: the machine's frames, at most FT_FRAMES_MAX */
	size_t first;           /* accesses of the session before the first column */
	bool many_processes;    /* pages need their pid to be told apart */
	size_t ncols;
	struct ft_column *cols;
	struct ft_page *cells;  /* cells[col * frames + f]: frame f after col */
	bool *loaded;           /* the same: the page was brought in at col */
};

/*
 * Builds the table of h's accesses.  Returns 0, or -1 with a message if
 * the session has more than FT_COLUMNS_MAX accesses or FT_FRAMES_MAX frames.
 */
int frames_table_build(struct history *h, struct frames_table *t, char *err, size_t size);
void frames_table_free(struct frames_table *t);

/*
 * The accesses of a session come in blocks of FT_COLUMNS_MAX; the block
 * that holds operation op's place: that of the last access at or before
 * op (the first block if there is none).
 */
size_t frames_table_block(const struct history *h, size_t op);

/*
 * Builds the table of one block of h's accesses (frames past FT_FRAMES_MAX
 * are left out): what a screen shows around a position in a session of
 * any length.
 */
void frames_table_build_block(struct history *h, size_t block, struct frames_table *t);

/* The last column whose operation is at or before op, or -1 if none is. */
long frames_table_column(const struct frames_table *t, size_t op);

/*
 * "0x3", or "1:0x3" when many processes appear; "" for none; "PT2" or
 * "1:PT2" for a page of pid 1's level-2 table, as the frames panel says.
 */
void ft_page_name(const struct frames_table *t, struct ft_page p, char *buf, size_t size);
/* The same in the pages grid's short hex: "3", or "1:3"; "" for none. */
void ft_page_short(const struct frames_table *t, struct ft_page p, char *buf, size_t size);

#endif
