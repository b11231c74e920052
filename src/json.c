/*
 * json.c - reading JSON through cJSON: parse errors with line and column,
 * JSON paths and typed getters (see json.h; unknown keys are json_keys.c).
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "json.h"
#include "quote.h"
#include "number.h"
#include "xalloc.h"

#define PROBLEM_MAX 512
#define SHOW_MAX 40             /* bytes of a found string shown in messages */

static const char utf8_bom[] = "\xef\xbb\xbf";

void
json_problem(struct json_reader *r, const char *path, const char *fmt, ...)
{
	char what[PROBLEM_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	r->problems++;
	if (r->report)
		r->report(r->ctx, path, what);
}

void
json_free(struct cJSON *doc)
{
	cJSON_Delete(doc);
}

/* Whether d is a whole number no further from 0 than limit (below 2^63). */
int
json_whole(double d, double limit)
{
	return d >= -limit && d <= limit && d == (double)(int64_t)d;
}

/* ---- messages ----------------------------------------------------------- */

void
json_quote(char *dst, size_t size, const char *s, size_t maxlen)
{
	quote_string(dst, size, s, maxlen);
}

/* "the string \"4\"", "-3", "an array": what a person sees in the file. */
/* What v is, for "found ..."; string_ok: `what` accepts a string instead. */
static void
describe(const struct cJSON *v, bool string_ok, char *buf, size_t size)
{
	char q[SHOW_MAX * 4 + 8];

	if (!v)
		snprintf(buf, size, "nothing");
	else if (cJSON_IsString(v)) {
		json_quote(q, sizeof q, v->valuestring, SHOW_MAX);
		snprintf(buf, size, "the string %s", q);
	} else if (cJSON_IsNumber(v) && json_whole(v->valuedouble, (double)JSON_INT_MAX))
		snprintf(buf, size, "%.0f", v->valuedouble);
	else if (cJSON_IsNumber(v) && (v->valuedouble > (double)JSON_INT_MAX ||
	    v->valuedouble < -(double)JSON_INT_MAX) && isfinite(v->valuedouble))
		/* Its digits are lost already: a double holds no more exactly. */
		snprintf(buf, size, "a number beyond %s2^53 - 1%s", v->valuedouble < 0 ? "-" : "",
		    string_ok ? ", which JSON cannot hold exactly (write it as a string)" : "");
	else if (cJSON_IsNumber(v))
		snprintf(buf, size, "%.15g", v->valuedouble);
	else if (cJSON_IsBool(v))
		snprintf(buf, size, "%s", cJSON_IsTrue(v) ? "true" : "false");
	else if (cJSON_IsNull(v))
		snprintf(buf, size, "null");
	else
		snprintf(buf, size, "%s", cJSON_IsArray(v) ? "an array" : "an object");
}

void
json_expected(struct json_reader *r, const char *path, const char *what,
	      const struct cJSON *v)
{
	char found[SHOW_MAX * 4 + 32];

	describe(v, strstr(what, "a string") != NULL, found, sizeof found);
	json_problem(r, path, "expected %s, found %s", what, found);
}

/* ---- parsing ------------------------------------------------------------ */

/* Line and column (in characters, from 1) of buf[pos]. */
static void
locate(const char *buf, size_t pos, unsigned long *line, unsigned long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < pos; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/* Up to 16 bytes of buf from pos to the end of the line, quoted. */
static void
excerpt(const char *buf, size_t len, size_t pos, char *dst, size_t size)
{
	char tmp[20];
	size_t n = 0;

	while (pos + n < len && n < 16 && buf[pos + n] != '\n' && buf[pos + n] != '\0') {
		tmp[n] = buf[pos + n];
		n++;
	}
	tmp[n] = '\0';
	json_quote(dst, size, tmp, 16);
}

/* Whether parsing buf followed by suffix fails at or after buf's end. */
static int
fails_after(const char *buf, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	char *copy = xmalloc(len + n);
	const char *end = NULL;
	struct cJSON *doc;
	int after;

	memcpy(copy, buf, len);
	memcpy(copy + len, suffix, n);
	doc = cJSON_ParseWithLengthOpts(copy, len + n, &end, 0);
	after = doc == NULL && end != NULL && (size_t)(end - copy) >= len;
	cJSON_Delete(doc);
	free(copy);
	return after;
}

/*
 * Whether cJSON ran out of text rather than met a bad character.  It
 * reports both at the last byte (or an open string at its start), so
 * parse again with a byte no JSON may hold appended, after closing a
 * string or not, and see whether the error moves past the end.
 */
static int
ran_out(const char *buf, size_t len)
{
	return fails_after(buf, len, "\x01") || fails_after(buf, len, "\"\x01");
}

static void
parse_error(struct json_reader *r, const char *buf, size_t len, size_t pos, const char *why)
{
	unsigned long line, col;
	char found[80];

	locate(buf, pos, &line, &col);
	if (why) {
		json_problem(r, "", "line %lu, column %lu: %s", line, col, why);
		return;
	}
	excerpt(buf, len, pos, found, sizeof found);
	json_problem(r, "", "line %lu, column %lu: expected JSON, found %s", line, col, found);
}

static int
only_space(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (!strchr(" \t\r\n", buf[i]) || buf[i] == '\0')
			return 0;
	return 1;
}

/* UTF-16 or UTF-32: a byte-order mark, or ASCII beside a zero byte at the start. */
static int
wide_text(const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf;

	if (len < 2)
		return 0;
	return (p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff) ||
	    (p[0] == 0 && p[1] >= '\t' && p[1] < 0x80) || (p[1] == 0 && p[0] >= '\t' && p[0] < 0x80);
}

/* How deep buf[0..pos) leaves the nesting of arrays and objects. */
static size_t
depth_at(const char *buf, size_t pos)
{
	size_t i, depth = 0;
	int in_string = 0;

	for (i = 0; i < pos; i++) {
		if (in_string && buf[i] == '\\')
			i++;
		else if (buf[i] == '"')
			in_string = !in_string;
		else if (!in_string && (buf[i] == '[' || buf[i] == '{'))
			depth++;
		else if (!in_string && (buf[i] == ']' || buf[i] == '}') && depth > 0)
			depth--;
	}
	return depth;
}

#define NUL_MARK '\xff'                /* a byte no valid UTF-8 holds */

/*
 * cJSON cuts a string at a NUL (a zero byte or \u0000) without a word.
 * Each one inside a string is overwritten in place with NUL_MARK (\u0000
 * with six of them), so json_as_string can name the string's path;
 * returns how many there were.  Not done (0) if the text holds NUL_MARK
 * already.
 */
static size_t
mark_nuls(char *buf, size_t len)
{
	size_t i, n = 0;
	int in_string = 0;

	if (memchr(buf, (unsigned char)NUL_MARK, len))
		return 0;
	for (i = 0; i < len; i++) {
		if (!in_string) {
			in_string = buf[i] == '"';
		} else if (buf[i] == '"') {
			in_string = 0;
		} else if (buf[i] == '\0') {
			buf[i] = NUL_MARK;
			n++;
		} else if (buf[i] == '\\' && i + 5 < len && memcmp(buf + i + 1, "u0000", 5) == 0) {
			memset(buf + i, NUL_MARK, 6);
			i += 5;
			n++;
		} else if (buf[i] == '\\') {
			i++;
		}
	}
	return n;
}

struct cJSON *
json_parse(struct json_reader *r, const char *text, size_t len)
{
	const char *end = NULL;
	struct cJSON *doc;
	char *buf, deep[128];
	size_t pos;

	if (len >= 3 && memcmp(text, utf8_bom, 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (wide_text(text, len)) {
		json_problem(r, "", "the file is UTF-16 or UTF-32; expected UTF-8 "
		    "(save it as UTF-8)");
		return NULL;
	}
	if (only_space(text, len)) {
		json_problem(r, "", "the file is empty; expected a JSON object");
		return NULL;
	}
	buf = xmemdup(text, len ? len : 1);
	r->nul_marked = mark_nuls(buf, len) > 0;
	doc = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	pos = end ? (size_t)(end - buf) : 0;
	if (!doc && depth_at(buf, pos) >= CJSON_NESTING_LIMIT) {
		snprintf(deep, sizeof deep, "arrays and objects nested more than %d deep; "
		    "expected a vmscope session (a few levels)", CJSON_NESTING_LIMIT);
		parse_error(r, buf, len, pos, deep);
	}
	else if (!doc && ran_out(buf, len))
		parse_error(r, buf, len, len,
		    "the file ends in the middle of a JSON value (is it truncated?)");
	else if (!doc)
		parse_error(r, buf, len, pos, NULL);
	else if (!only_space(buf + pos, len - pos)) {
		while (strchr(" \t\r\n", buf[pos]) && buf[pos] != '\0')
			pos++;
		parse_error(r, buf, len, pos,
		    "expected the end of the file after the JSON value");
		cJSON_Delete(doc);
		doc = NULL;
	}
	free(buf);
	return doc;
}

/* ---- paths -------------------------------------------------------------- */

static int
identifier(const char *key)
{
	const char *p;

	if (!isalpha((unsigned char)*key) && *key != '_')
		return 0;
	for (p = key; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '_')
			return 0;
	return 1;
}

void
json_path_key(char *dst, size_t size, const char *parent, const char *key)
{
	char q[SHOW_MAX * 4 + 8];

	if (identifier(key)) {
		snprintf(dst, size, "%s%s%s", parent, *parent ? "." : "", key);
		return;
	}
	json_quote(q, sizeof q, key, SHOW_MAX);
	snprintf(dst, size, "%s[%s]", parent, q);
}

void
json_path_index(char *dst, size_t size, const char *parent, size_t index)
{
	snprintf(dst, size, "%s[%zu]", parent, index);
}

/* ---- getters ------------------------------------------------------------ */

const struct cJSON *
json_as_array(struct json_reader *r, const struct cJSON *v, const char *path)
{
	if (cJSON_IsArray(v))
		return v;
	json_expected(r, path, "an array", v);
	return NULL;
}

const struct cJSON *
json_as_object(struct json_reader *r, const struct cJSON *v, const char *path)
{
	if (cJSON_IsObject(v))
		return v;
	json_expected(r, path, "an object", v);
	return NULL;
}

const char *
json_key(const struct cJSON *member)
{
	return member->string;
}

const struct cJSON *
json_first(const struct cJSON *array)
{
	return array ? array->child : NULL;
}

const struct cJSON *
json_next(const struct cJSON *item)
{
	return item->next;
}

static int
number_value(const struct cJSON *v, bool strings_ok, uint64_t *out)
{
	double d;

	if (strings_ok && cJSON_IsString(v))
		return number_parse(v->valuestring, strlen(v->valuestring), out) ==
		    NUMBER_OK ? 0 : -1;
	if (!cJSON_IsNumber(v))
		return -1;
	d = v->valuedouble;
	if (d < 0 || !json_whole(d, (double)JSON_INT_MAX))
		return -1;
	*out = (uint64_t)d;
	return 0;
}

int
json_as_uint(struct json_reader *r, const struct cJSON *v, const char *path,
	     uint64_t min, uint64_t max, bool strings_ok, uint64_t *out)
{
	char what[160];
	uint64_t n;

	if (number_value(v, strings_ok, &n) == 0 && n >= min && n <= max) {
		*out = n;
		return 0;
	}
	snprintf(what, sizeof what, "an integer from %llu to %llu%s",
	    (unsigned long long)min, (unsigned long long)max,
	    strings_ok ? " (a number or a string such as \"0x7fff\")" : "");
	json_expected(r, path, what, v);
	return -1;
}

/* Length of the UTF-8 sequence at s (1 to 4), or 0 if it is malformed. */
static size_t
utf8_length(const unsigned char *s)
{
	static const struct {
		unsigned char lead_min, lead_max, next_min, next_max;
		size_t len;
	} forms[] = {   /* RFC 3629: no overlong forms, surrogates or past U+10FFFF */
		{ 0xc2, 0xdf, 0x80, 0xbf, 2 }, { 0xe0, 0xe0, 0xa0, 0xbf, 3 },
		{ 0xe1, 0xec, 0x80, 0xbf, 3 }, { 0xed, 0xed, 0x80, 0x9f, 3 },
		{ 0xee, 0xef, 0x80, 0xbf, 3 }, { 0xf0, 0xf0, 0x90, 0xbf, 4 },
		{ 0xf1, 0xf3, 0x80, 0xbf, 4 }, { 0xf4, 0xf4, 0x80, 0x8f, 4 },
	};
	size_t i, k;

	if (*s < 0x80)
		return 1;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		if (*s < forms[i].lead_min || *s > forms[i].lead_max)
			continue;
		if (s[1] < forms[i].next_min || s[1] > forms[i].next_max)
			return 0;
		for (k = 2; k < forms[i].len; k++)
			if ((s[k] & 0xc0) != 0x80)
				return 0;
		return forms[i].len;
	}
	return 0;
}

/*
 * Text a terminal shows as it is: valid UTF-8 with no control characters
 * but tab and newline, C1 and bidi controls included, so a file cannot
 * smuggle escape sequences into the screen or reorder a line.  Returns 0,
 * or -1 with the offending character's offset in *at.
 */
static int
plain_text(const char *s, size_t *at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	while (p[i]) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || p[i] == 0x7f ||
		    (n = utf8_length(p + i)) == 0 || (p[i] == 0xc2 && p[i + 1] < 0xa0) ||
		    bidi_control_at(s + i, n)) {
			*at = i;
			return -1;
		}
		i += n;
	}
	return 0;
}

/* What plain_text refused at s, offset `at`: a character by its code point, else the byte. */
static void
text_problem(struct json_reader *r, const char *path, const char *s, size_t at)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned bidi = bidi_control_at(s, strlen(s));

	if (bidi)
		json_problem(r, path, "expected text (UTF-8, no control characters), found the "
		    "bidirectional control U+%04X at offset %zu", bidi, at);
	else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0)
		json_problem(r, path, "expected text (UTF-8, no control characters), found the "
		    "C1 control U+%04X at offset %zu", (unsigned)p[1], at);
	else
		json_problem(r, path, "expected text (UTF-8, no control characters), "
		    "found byte 0x%02x at offset %zu", p[0], at);
}

int
json_as_string(struct json_reader *r, const struct cJSON *v, const char *path,
	       size_t maxlen, const char **out)
{
	char what[64];
	size_t at;

	if (cJSON_IsString(v) && strlen(v->valuestring) <= maxlen) {
		if (plain_text(v->valuestring, &at) == 0) {
			*out = v->valuestring;
			return 0;
		}
		if (r->nul_marked && v->valuestring[at] == NUL_MARK)
			json_problem(r, path, "expected text, found a NUL character (\\u0000 "
			    "or a zero byte) at offset %zu, which a string may not hold", at);
		else
			text_problem(r, path, v->valuestring + at, at);
		return -1;
	}
	if (cJSON_IsString(v))
		snprintf(what, sizeof what, "a string of at most %zu bytes", maxlen);
	else
		snprintf(what, sizeof what, "a string");
	json_expected(r, path, what, v);
	return -1;
}

int
json_as_bool(struct json_reader *r, const struct cJSON *v, const char *path, bool *out)
{
	if (cJSON_IsBool(v)) {
		*out = cJSON_IsTrue(v);
		return 0;
	}
	json_expected(r, path, "true or false", v);
	return -1;
}

const struct cJSON *
json_member(struct json_reader *r, const struct cJSON *obj, const char *parent,
	    const char *key, enum json_need need, char *path)
{
	const struct cJSON *v;

	json_path_key(path, JSON_PATH_MAX, parent, key);
	v = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
	if (!v && need == JSON_REQUIRED)
		json_problem(r, path, "missing; this key is required");
	return v;
}

int
json_get_uint(struct json_reader *r, const struct cJSON *obj, const char *parent,
	      const char *key, enum json_need need, uint64_t min, uint64_t max,
	      uint64_t *out)
{
	char path[JSON_PATH_MAX];
	const struct cJSON *v = json_member(r, obj, parent, key, need, path);

	if (!v)
		return need == JSON_REQUIRED ? -1 : 0;
	return json_as_uint(r, v, path, min, max, max > JSON_INT_MAX, out) == 0 ? 1 : -1;
}

int
json_get_string(struct json_reader *r, const struct cJSON *obj, const char *parent,
		const char *key, enum json_need need, size_t maxlen, const char **out)
{
	char path[JSON_PATH_MAX];
	const struct cJSON *v = json_member(r, obj, parent, key, need, path);

	if (!v)
		return need == JSON_REQUIRED ? -1 : 0;
	return json_as_string(r, v, path, maxlen, out) == 0 ? 1 : -1;
}

int
json_get_bool(struct json_reader *r, const struct cJSON *obj, const char *parent,
	      const char *key, enum json_need need, bool *out)
{
	char path[JSON_PATH_MAX];
	const struct cJSON *v = json_member(r, obj, parent, key, need, path);

	if (!v)
		return need == JSON_REQUIRED ? -1 : 0;
	return json_as_bool(r, v, path, out) == 0 ? 1 : -1;
}
