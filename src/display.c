/*
 * display.c - a session's display hints read from and written to JSON, and
 * the list of policies a comparison shows.
 */
#include <stdio.h>
#include <string.h>

#include "display.h"
#include "json.h"
#include "policy.h"

static const char *const display_keys[] = {
	"table", "thrash", "working_sets", "tree", "compare", NULL
};

/* Adds policy index p to the list, refusing a policy given twice. */
static bool
add_policy(struct display *d, int p)
{
	for (unsigned i = 0; i < d->ncompare; i++)
		if (d->compare[i] == p)
			return false;
	d->compare[d->ncompare++] = p;
	return true;
}

static void
read_compare(struct json_reader *r, const struct cJSON *list, const char *path,
	     struct display *d)
{
	char ipath[JSON_PATH_MAX];
	const struct cJSON *it;
	const char *name;
	size_t i = 0, n = 0;
	int p;

	if (!json_as_array(r, list, path))
		return;
	for (it = json_first(list); it; it = json_next(it))
		n++;
	if (n < DISPLAY_COMPARE_MIN || n > DISPLAY_COMPARE_MAX) {
		json_problem(r, path, "expected %d to %d policies, found %zu", DISPLAY_COMPARE_MIN,
			     DISPLAY_COMPARE_MAX, n);
		return;
	}
	for (it = json_first(list); it; it = json_next(it)) {
		json_path_index(ipath, sizeof ipath, path, i++);
		if (json_as_string(r, it, ipath, POLICY_NAME_MAX * 4, &name))
			continue;
		if ((p = policy_find(name)) < 0)
			json_problem(r, ipath, "\"%s\" is not a policy; expected one of %s",
				     name, policy_names());
		else if (!add_policy(d, p))
			json_problem(r, ipath, "%s is listed twice", name);
	}
	if (d->ncompare != n)
		d->ncompare = 0;
}

void
display_read(struct json_reader *r, const struct cJSON *v, const char *path,
	     struct display *d)
{
	char cpath[JSON_PATH_MAX];
	const struct cJSON *list;

	*d = (struct display){ 0 };
	if (json_check_object(r, v, path, display_keys) < 0)
		return;
	json_get_bool(r, v, path, "table", JSON_OPTIONAL, &d->table);
	json_get_bool(r, v, path, "thrash", JSON_OPTIONAL, &d->thrash);
	json_get_bool(r, v, path, "working_sets", JSON_OPTIONAL, &d->working_sets);
	json_get_bool(r, v, path, "tree", JSON_OPTIONAL, &d->tree);
	list = json_member(r, v, path, "compare", JSON_OPTIONAL, cpath);
	if (list)
		read_compare(r, list, cpath, d);
}

void
display_write(struct cJSON *doc, const struct display *d)
{
	struct cJSON *obj, *list;

	if (!d->table && !d->thrash && !d->working_sets && !d->tree && !d->ncompare)
		return;
	obj = json_put_object(doc, "display");
	if (d->table)
		json_put_bool(obj, "table", true);
	if (d->thrash)
		json_put_bool(obj, "thrash", true);
	if (d->working_sets)
		json_put_bool(obj, "working_sets", true);
	if (d->tree)
		json_put_bool(obj, "tree", true);
	if (!d->ncompare)
		return;
	list = json_put_array(obj, "compare");
	for (unsigned i = 0; i < d->ncompare; i++)
		json_push_string(list, policy_at(d->compare[i])->name);
}

unsigned
display_parse_policies(const char *list, int *out, char *err, size_t size)
{
	struct display d = { 0 };
	char name[POLICY_NAME_MAX + 1];
	size_t n;
	int p;

	for (list += strspn(list, ", \t"); *list; list += strspn(list, ", \t")) {
		n = strcspn(list, ", \t");
		snprintf(name, sizeof name, "%.*s", (int)n, list);
		if (n > POLICY_NAME_MAX || (p = policy_find(name)) < 0) {
			snprintf(err, size, "\"%.*s\" is not a policy; expected one of %s",
				 (int)(n < 40 ? n : 40), list, policy_names());
			return 0;
		}
		if (d.ncompare == DISPLAY_COMPARE_MAX) {
			snprintf(err, size, "at most %d policies side by side", DISPLAY_COMPARE_MAX);
			return 0;
		}
		if (!add_policy(&d, p)) {
			snprintf(err, size, "%s is listed twice", name);
			return 0;
		}
		list += n;
	}
	if (d.ncompare < DISPLAY_COMPARE_MIN) {
		snprintf(err, size, "expected %d to %d policies (as in: opt,lru,fifo,clock)",
			 DISPLAY_COMPARE_MIN, DISPLAY_COMPARE_MAX);
		return 0;
	}
	memcpy(out, d.compare, d.ncompare * sizeof *out);
	return d.ncompare;
}
