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
};

struct ft_column {
	size_t step;            /* the operation, from 1 */
	char access;            /* 'r', 'w', 'x' */
	struct ft_page page;    /* the page accessed */
	enum ft_result result;
	struct ft_page victim;
};

struct frames_table {
	unsigned frames;
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

/* "0x3", or "1:0x3" when many processes appear; "" for none. */
void ft_page_name(const struct frames_table *t, struct ft_page p, char *buf, size_t size);

#endif
