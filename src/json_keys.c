/*
 * json_keys.c - an object's keys against the list of those allowed:
 * unknown keys (with a "did you mean" when one is a small edit away) and
 * keys given twice (see json.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "json.h"

#define SUGGEST_KEY_MAX 40      /* longer keys get no suggestion */
#define LIST_MAX 256            /* the "expected one of" list */

static int
same(char a, char b)
{
	return tolower((unsigned char)a) == tolower((unsigned char)b);
}

/*
 * Edit distance with adjacent transpositions (optimal string alignment),
 * ignoring case, so "frmaes" and "Frames" are both one step from "frames".
 */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[SUGGEST_KEY_MAX + 1][SUGGEST_KEY_MAX + 1];

	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			size_t best = d[i - 1][j - 1] + !same(a[i - 1], b[j - 1]);

			if (d[i - 1][j] + 1 < best)
				best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) &&
			    d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *
json_suggest(const char *key, const char *const *allowed)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, d, limit;

	if (strlen(key) > SUGGEST_KEY_MAX)
		return NULL;
	for (; *allowed; allowed++) {
		if (strlen(*allowed) > SUGGEST_KEY_MAX)
			continue;
		limit = strlen(*allowed) <= 4 ? 1 : 2;
		d = distance(key, *allowed);
		if (d <= limit && d < best_d) {
			best = *allowed;
			best_d = d;
		}
	}
	return best;
}

static void
unknown_key(struct json_reader *r, const char *path, const char *key,
	    const char *const *allowed)
{
	const char *near = json_suggest(key, allowed);
	char list[LIST_MAX];
	size_t n = 0;

	if (near) {
		json_problem(r, path, "unknown key; did you mean \"%s\"?", near);
		return;
	}
	list[0] = '\0';
	for (; *allowed && n + strlen(*allowed) + 3 < sizeof list; allowed++)
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", *allowed);
	json_problem(r, path, "unknown key; expected one of %s", list);
}

/* Index of key in allowed[], or -1. */
static int
allowed_index(const char *key, const char *const *allowed)
{
	int i;

	for (i = 0; allowed[i]; i++)
		if (strcmp(key, allowed[i]) == 0)
			return i;
	return -1;
}

int
json_check_object(struct json_reader *r, const struct cJSON *v, const char *path,
		  const char *const *allowed)
{
	char kpath[JSON_PATH_MAX];
	const struct cJSON *item;
	uint64_t seen = 0;
	int i;

	if (!cJSON_IsObject(v)) {
		json_expected(r, path, "an object", v);
		return -1;
	}
	for (item = v->child; item; item = item->next) {
		json_path_key(kpath, sizeof kpath, path, item->string);
		i = allowed_index(item->string, allowed);
		if (i < 0)
			unknown_key(r, kpath, item->string, allowed);
		else if (i < 64 && (seen & (UINT64_C(1) << i)))
			json_problem(r, kpath, "given twice; expected each key once");
		else if (i < 64)
			seen |= UINT64_C(1) << i;
	}
	return 0;
}
