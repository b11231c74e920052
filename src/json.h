/*
 * json.h - cJSON wrapped once: reading with JSON paths in every message,
 * and writing in one fixed, readable layout.
 *
 * Reading never trusts the document.  Every getter names the value by its
 * JSON path ("machine.frames", "processes[1].map[0].perm", "ops[3]") and,
 * when the value is wrong, says what was expected and what was found.
 * Lookups are case-sensitive; an unknown key is a problem, with a "did you
 * mean" when an allowed key is a small edit away.  Problems go to the
 * reader's callback and are counted; nothing here stops at the first one.
 *
 * Numbers: cJSON keeps them as doubles, so an integer is accepted only if it
 * is finite, whole and at most JSON_INT_MAX (2^53 - 1, the largest a double
 * holds exactly), and it is range-checked before any conversion.  Where a
 * value may be larger (an address, a seed), a string in the command
 * language's number syntax ("0x7fff", "0b101", "42") is accepted too.
 */
#ifndef VMSCOPE_JSON_H
#define VMSCOPE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cJSON;

#define JSON_INT_MAX ((UINT64_C(1) << 53) - 1)
#define JSON_PATH_MAX 256

/* Whether d is a whole number within +-limit (limit below 2^63); NaN is not. */
int json_whole(double d, double limit);

/* Where problems go: path is "" for the document as a whole. */
typedef void (*json_report_fn)(void *ctx, const char *path, const char *what);

struct json_reader {
	json_report_fn report;
	void *ctx;
	unsigned problems;          /* reported so far */
	bool nul_marked;            /* json_parse marked NULs in strings (json.c) */
};

/* Reports one problem at path (printf-style) and counts it. */
void json_problem(struct json_reader *r, const char *path, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Parses buf[0..len) (need not be NUL-terminated).  A UTF-8 byte-order
 * mark at the start is skipped: editors on some systems add one, and it
 * carries no meaning.  Returns the document, or NULL after reporting
 * "line L, column C: ..." (the end of a truncated file is called that).
 */
struct cJSON *json_parse(struct json_reader *r, const char *buf, size_t len);
void json_free(struct cJSON *doc);

/*
 * Writes s for a message: in double quotes, control characters and
 * quotes escaped, cut (with "...") after about maxlen bytes (quote.h).
 */
void json_quote(char *dst, size_t size, const char *s, size_t maxlen);

/*
 * Child paths: "parent.key" (or "key" at the top), "parent[index]"; a key
 * that is not a plain identifier is written quoted: parent["odd key"].
 */
void json_path_key(char *dst, size_t size, const char *parent, const char *key);
void json_path_index(char *dst, size_t size, const char *parent, size_t index);

/*
 * Whether v is an object; if not, reports "expected an object, found ...".
 * If it is, also reports each key that is not in allowed[] (NULL-terminated)
 * and each allowed key given twice.  Returns 0 if v is an object (even with
 * unknown keys, so that its known keys can still be checked), else -1.
 */
int json_check_object(struct json_reader *r, const struct cJSON *v, const char *path,
		      const char *const *allowed);

/* An object's members iterate like an array's items (json_first, json_next). */
const struct cJSON *json_as_object(struct json_reader *r, const struct cJSON *v,
				   const char *path);
/* The key of an object's member. */
const char *json_key(const struct cJSON *member);

/* Reports "expected <what>, found <v as the file has it>". */
void json_expected(struct json_reader *r, const char *path, const char *what,
		   const struct cJSON *v);

/* The allowed key nearest to key within a small edit distance, or NULL. */
const char *json_suggest(const char *key, const char *const *allowed);

/* Arrays: NULL-terminated iteration; json_as_array reports a non-array. */
const struct cJSON *json_as_array(struct json_reader *r, const struct cJSON *v,
				  const char *path);
const struct cJSON *json_first(const struct cJSON *array);
const struct cJSON *json_next(const struct cJSON *item);

/*
 * Value getters.  Each returns 0 and sets *out, or -1 after reporting what
 * was expected and what was found (*out unchanged).
 * json_as_uint: an integer min..max, or (if strings_ok) a number string.
 * json_as_string: a string of at most maxlen bytes of plain text (valid
 * UTF-8, no control characters but tab and newline); *out is borrowed.
 */
int json_as_uint(struct json_reader *r, const struct cJSON *v, const char *path,
		 uint64_t min, uint64_t max, bool strings_ok, uint64_t *out);
int json_as_string(struct json_reader *r, const struct cJSON *v, const char *path,
		   size_t maxlen, const char **out);
int json_as_bool(struct json_reader *r, const struct cJSON *v, const char *path, bool *out);

/* Whether a key is required; an optional key that is absent keeps *out. */
enum json_need { JSON_OPTIONAL, JSON_REQUIRED };

/*
 * obj.key (case-sensitive), with its path written to path[JSON_PATH_MAX].
 * Returns the value, or NULL if it is absent (reported as "missing" when
 * required).
 */
const struct cJSON *json_member(struct json_reader *r, const struct cJSON *obj,
				const char *parent, const char *key, enum json_need need,
				char *path);

/*
 * The same as the getters above for obj.key.  Return 1 if the value was
 * there and good, 0 if an optional key is absent (*out keeps its default),
 * -1 after a problem.  json_get_uint takes number strings when max is
 * above JSON_INT_MAX, since only a string can hold such a value exactly.
 */
int json_get_uint(struct json_reader *r, const struct cJSON *obj, const char *parent,
		  const char *key, enum json_need need, uint64_t min, uint64_t max,
		  uint64_t *out);
int json_get_string(struct json_reader *r, const struct cJSON *obj, const char *parent,
		    const char *key, enum json_need need, size_t maxlen, const char **out);
int json_get_bool(struct json_reader *r, const struct cJSON *obj, const char *parent,
		  const char *key, enum json_need need, bool *out);

/*
 * Writing.  Members keep the order they were added in.  Integers up to
 * JSON_INT_MAX are written as numbers, larger ones as decimal strings (which
 * json_as_uint with strings_ok reads back).  Running out of memory aborts,
 * as with xmalloc.
 */
struct cJSON *json_new_object(void);
struct cJSON *json_put_object(struct cJSON *obj, const char *key);
struct cJSON *json_put_array(struct cJSON *obj, const char *key);
void json_put_uint(struct cJSON *obj, const char *key, uint64_t v);
void json_put_string(struct cJSON *obj, const char *key, const char *s);
void json_put_bool(struct cJSON *obj, const char *key, bool b);
struct cJSON *json_push_object(struct cJSON *array);
void json_push_string(struct cJSON *array, const char *s);

/*
 * The document as text in vmscope's one layout: two-space indents, a
 * container on one line when it fits in 78 columns, else one member a line;
 * ends with a newline.  The same document always gives the same bytes.
 * The caller frees the result.
 */
char *json_format(const struct cJSON *doc);

#endif
