/*
 * scene.h - what a view of one machine draws from: its history, the state
 * drawn, the position in the session, and the frames-by-time table of the
 * accesses around that position.  The main screen has one scene; the
 * comparison has one per policy, each drawn the same way.
 */
#ifndef VMSCOPE_UI_SCENE_H
#define VMSCOPE_UI_SCENE_H

#include <stdbool.h>
#include <stddef.h>

#include "frames_table.h"
#include "history.h"

struct scene {
	struct history *h;
	const struct machine *m;    /* the state drawn beside the table */
	size_t op;                  /* the operation shown: the table's cursor */
	size_t done;                /* operations complete: the columns filled */
	struct frames_table table;  /* the block of accesses that holds op */
	bool built;                 /* table is h's block `block` */
	size_t block;
};

/*
 * Moves the scene to operation op shown with `done` complete, building the
 * table again only when op lies in another block.  Leaves m alone.
 */
void scene_move(struct scene *s, size_t op, size_t done);

/* The history changed: the table is built again on the next move. */
void scene_forget(struct scene *s);

/* Frees the table (not the history, not the machine). */
void scene_free(struct scene *s);

#endif
