/*
 * keys.c - the action table's data, key lookup, and the help and hint
 * text generated from it.  Only curses' key-code constants are used.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

#define ACTION_INFO(id_, group_, key_, alt_, label_, hint_, help_, fn) \
	[id_] = { .id = id_, .group = group_, .key = key_, .alt = alt_, \
		  .label = label_, .hint = hint_, .help = help_ },
const struct action_info keys_actions[ACT_COUNT] = { UI_ACTIONS(ACTION_INFO) };
#undef ACTION_INFO

static const char *const group_names[GROUP_COUNT] = {
	[GROUP_STEP] = "Stepping",
	[GROUP_VIEW] = "View",
	[GROUP_SESSION] = "Session",
};

int
keys_lookup(int key)
{
	int i;

	if (key == 0)
		return (-1);
	for (i = 0; i < ACT_COUNT; i++) {
		if (keys_actions[i].key == key || keys_actions[i].alt == key)
			return (i);
	}
	return (-1);
}

const char *
keys_group_name(enum key_group g)
{
	return (g < GROUP_COUNT ? group_names[g] : "?");
}

void
keys_help_visit(keys_line_fn fn, void *ctx)
{
	char line[128];
	int g, i;

	for (g = 0; g < GROUP_COUNT; g++) {
		fn(ctx, keys_group_name((enum key_group)g), true);
		for (i = 0; i < ACT_COUNT; i++) {
			if (keys_actions[i].group != (enum key_group)g)
				continue;
			snprintf(line, sizeof line, "  %-8s %s",
			    keys_actions[i].label, keys_actions[i].help);
			fn(ctx, line, false);
		}
	}
}

void
keys_hints_visit(keys_hint_fn fn, void *ctx)
{
	const char *label;
	int i;

	for (i = 0; i < ACT_COUNT; i++) {
		if (keys_actions[i].hint == NULL)
			continue;
		label = keys_actions[i].label;
		fn(ctx, label, strcspn(label, " "), keys_actions[i].hint);
	}
}

struct hints_buf {
	char *buf;
	size_t size, len;
	const char *sep;
};

static void
append_hint(void *ctx, const char *key, size_t keylen, const char *hint)
{
	struct hints_buf *h = ctx;
	int n;

	if (h->len >= h->size)
		return;
	n = snprintf(h->buf + h->len, h->size - h->len, "%s%.*s %s",
	    h->len > 0 ? h->sep : "", (int)keylen, key, hint);
	if (n > 0)
		h->len += (size_t)n;
}

void
keys_hints(char *buf, size_t size, const char *sep)
{
	struct hints_buf h = { buf, size, 0, sep };

	if (size == 0)
		return;
	buf[0] = '\0';
	keys_hints_visit(append_hint, &h);
}
