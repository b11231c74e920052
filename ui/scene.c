/*
 * scene.c - a scene's table kept for its position: rebuilt by replaying
 * only when the position moves into another block of accesses or the
 * history changes.
 */
#include "scene.h"

void
scene_move(struct scene *s, size_t op, size_t done)
{
	size_t block = frames_table_block(s->h, op);

	s->op = op;
	s->done = done;
	if (s->built && s->block == block)
		return;
	scene_free(s);
	frames_table_build_block(s->h, block, &s->table);
	s->block = block;
	s->built = true;
}

void
scene_forget(struct scene *s)
{
	scene_free(s);
}

void
scene_free(struct scene *s)
{
	if (s->built)
		frames_table_free(&s->table);
	s->built = false;
}

