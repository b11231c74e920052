/*
 * json_write.c - building JSON documents with cJSON and laying them out in
 * vmscope's one format (see json.h).
 *
 * cJSON encodes every scalar (so escaping is never ours); this file only
 * chooses where the line breaks go: a container stays on one line when it
 * fits in LINE_WIDTH columns, otherwise each member gets its own line.
 * Integers are added as raw text, since cJSON would print a large double
 * with too few digits to read it back exactly.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "json.h"
#include "xalloc.h"

#define LINE_WIDTH 78
#define INDENT 2

struct text {
	char *p;
	size_t len, cap;
};

/* ---- building ----------------------------------------------------------- */

struct cJSON *
json_new_object(void)
{
	return xnonnull(cJSON_CreateObject());
}

static struct cJSON *
put(struct cJSON *obj, const char *key, struct cJSON *v)
{
	xnonnull(v);
	if (!cJSON_AddItemToObject(obj, key, v))
		xnonnull(NULL);
	return v;
}

struct cJSON *
json_put_object(struct cJSON *obj, const char *key)
{
	return put(obj, key, cJSON_CreateObject());
}

struct cJSON *
json_put_array(struct cJSON *obj, const char *key)
{
	return put(obj, key, cJSON_CreateArray());
}

static struct cJSON *
uint_item(uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%" PRIu64, v);
	return v <= JSON_INT_MAX ? cJSON_CreateRaw(buf) : cJSON_CreateString(buf);
}

void
json_put_uint(struct cJSON *obj, const char *key, uint64_t v)
{
	put(obj, key, uint_item(v));
}

void
json_put_string(struct cJSON *obj, const char *key, const char *s)
{
	put(obj, key, cJSON_CreateString(s));
}

void
json_put_bool(struct cJSON *obj, const char *key, bool b)
{
	put(obj, key, cJSON_CreateBool(b));
}

struct cJSON *
json_push_object(struct cJSON *array)
{
	struct cJSON *v = xnonnull(cJSON_CreateObject());

	if (!cJSON_AddItemToArray(array, v))
		xnonnull(NULL);
	return v;
}

void
json_push_string(struct cJSON *array, const char *s)
{
	if (!cJSON_AddItemToArray(array, xnonnull(cJSON_CreateString(s))))
		xnonnull(NULL);
}

/* ---- layout ------------------------------------------------------------- */

static void
append(struct text *t, const char *s, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		t->p = xrealloc(t->p, t->cap, 1);
	}
	memcpy(t->p + t->len, s, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static void
append_str(struct text *t, const char *s)
{
	append(t, s, strlen(s));
}

/*
 * A scalar, encoded by cJSON; but a whole number that a double holds
 * exactly is written with all its digits, which cJSON may not do.
 */
static void
append_scalar(struct text *t, const struct cJSON *v)
{
	char *s, num[24];

	if (cJSON_IsNumber(v) && json_whole(v->valuedouble, (double)JSON_INT_MAX)) {
		snprintf(num, sizeof num, "%.0f", v->valuedouble);
		append_str(t, num);
		return;
	}
	s = xnonnull(cJSON_PrintUnformatted(v));

	append_str(t, s);
	cJSON_free(s);
}

static void
append_key(struct text *t, const char *key)
{
	struct cJSON *k = xnonnull(cJSON_CreateString(key));

	append_scalar(t, k);
	cJSON_Delete(k);
	append_str(t, ": ");
}

static int
container(const struct cJSON *v)
{
	return cJSON_IsObject(v) || cJSON_IsArray(v);
}

/* v on one line; gives up (returns -1) once it passes `limit` bytes. */
static int
flat(struct text *t, const struct cJSON *v, size_t limit)
{
	const struct cJSON *c;

	if (!container(v)) {
		append_scalar(t, v);
		return t->len > limit ? -1 : 0;
	}
	append_str(t, cJSON_IsObject(v) ? "{" : "[");
	for (c = v->child; c; c = c->next) {
		if (cJSON_IsObject(v))
			append_key(t, c->string);
		if (flat(t, c, limit) < 0)
			return -1;
		if (c->next)
			append_str(t, ", ");
	}
	append_str(t, cJSON_IsObject(v) ? "}" : "]");
	return t->len > limit ? -1 : 0;
}

static void
spaces(struct text *t, size_t n)
{
	while (n--)
		append(t, " ", 1);
}

/* v starting at column col of a line indented by indent; `tail` follows it. */
static void
lay_out(struct text *t, const struct cJSON *v, size_t indent, size_t col, size_t tail)
{
	struct text one = { NULL, 0, 0 };
	size_t room = LINE_WIDTH > col + tail ? LINE_WIDTH - col - tail : 0;
	const struct cJSON *c;

	if (flat(&one, v, room) == 0 || !container(v) || !v->child) {
		append(t, one.p, one.len);
		free(one.p);
		return;
	}
	free(one.p);
	append_str(t, cJSON_IsObject(v) ? "{\n" : "[\n");
	for (c = v->child; c; c = c->next) {
		size_t start = t->len;

		spaces(t, indent + INDENT);
		if (cJSON_IsObject(v))
			append_key(t, c->string);
		lay_out(t, c, indent + INDENT, t->len - start, c->next ? 1 : 0);
		append_str(t, c->next ? ",\n" : "\n");
	}
	spaces(t, indent);
	append_str(t, cJSON_IsObject(v) ? "}" : "]");
}

char *
json_format(const struct cJSON *doc)
{
	struct text t = { NULL, 0, 0 };

	lay_out(&t, doc, 0, 0, 0);
	append_str(&t, "\n");
	return t.p;
}
