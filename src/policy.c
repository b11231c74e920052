/*
 * policy.c - the table of replacement policies and what they share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "machine.h"
#include "policy.h"

const struct policy_ops *const policy_table[] = {
	&policy_fifo, &policy_lru, &policy_opt, &policy_clock, &policy_random,
	&policy_mru, &policy_lfu, &policy_second_chance, &policy_nru, &policy_aging,
	&policy_wsclock, &policy_working_set,
};

#define NPOLICIES ((int)(sizeof policy_table / sizeof policy_table[0]))

int
policy_find(const char *name)
{
	for (int i = 0; i < NPOLICIES; i++)
		if (strcmp(policy_table[i]->name, name) == 0)
			return i;
	return -1;
}

bool
policy_looks_ahead(int index)
{
	return policy_table[index]->looks_ahead;
}

int
policy_count(void)
{
	return NPOLICIES;
}

const char *
policy_names(void)
{
	static char names[NPOLICIES * (POLICY_NAME_MAX + 2)];

	if (!names[0])
		for (int i = 0; i < NPOLICIES; i++)
			snprintf(names + strlen(names), sizeof names - strlen(names),
				 "%s%s", i ? ", " : "", policy_table[i]->name);
	return names;
}

void
policy_ignore(struct policy_state *s, struct machine *m, int frame)
{
	(void)s; (void)m; (void)frame;
}

void
policy_free_state(struct policy_state *s)
{
	free(s);
}
