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
		fn(ctx, group_names[g], true);
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
keys_hints(char *buf, size_t size, const char *sep)
{
	size_t len = 0;
	int i, n;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < ACT_COUNT && len < size; i++) {
		if (keys_actions[i].hint == NULL)
			continue;
		/* The first key of the label is enough on the hint line. */
		n = snprintf(buf + len, size - len, "%s%.*s %s", len > 0 ? sep : "",
		    (int)strcspn(keys_actions[i].label, " "), keys_actions[i].label,
		    keys_actions[i].hint);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}
