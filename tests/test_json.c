/*
 * test_json.c - the JSON wrapper: parse errors with line and column, JSON
 * paths, typed getters, unknown keys with suggestions, and the layout of
 * written documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "json.h"

/* Every problem reported, as "path: what" lines. */
struct seen {
	char text[4096];
	unsigned n;
};

static void
collect(void *ctx, const char *path, const char *what)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%s: %s\n", path, what);
	s->n++;
}

static struct json_reader
reader(struct seen *s)
{
	struct json_reader r = { collect, s, 0, false };

	memset(s, 0, sizeof *s);
	return r;
}

static struct cJSON *
parse(struct seen *s, const char *text)
{
	struct json_reader r = reader(s);
	struct cJSON *doc = json_parse(&r, text, strlen(text));

	assert_int_equal(r.problems, s->n);
	return doc;
}

static void
assert_says(const struct seen *s, const char *needle)
{
	if (!strstr(s->text, needle))
		fail_msg("expected \"%s\" in:\n%s", needle, s->text);
}

static void
t_parse_good_and_bom(void **state)
{
	struct seen s;
	struct cJSON *doc;

	(void)state;
	doc = parse(&s, "{\"a\": [1, 2]}\n");
	assert_non_null(doc);
	assert_int_equal(s.n, 0);
	json_free(doc);
	doc = parse(&s, "\xef\xbb\xbf{\"a\": 1}");
	assert_non_null(doc);
	assert_int_equal(s.n, 0);
	json_free(doc);
}

static void
t_parse_not_json(void **state)
{
	static const struct {
		const char *text, *says;
	} cases[] = {
		{ "", "the file is empty; expected a JSON object" },
		{ " \n\t ", "the file is empty" },
		{ "{\"a\": 1,\n \"b\": tru}", "line 2, column 7: expected JSON, found \"tru}\"" },
		{ "hello", "line 1, column 1: expected JSON, found \"hello\"" },
		{ "{\"a\" 1}", "line 1, column 6: expected JSON" },
		{ "{} x", "line 1, column 4: expected the end of the file after the JSON value" },
		{ "{\"a\": 1}\n{}", "line 2, column 1: expected the end of the file" },
		{ "{\"a\": 1,", "line 1, column 9: the file ends in the middle of a JSON value" },
		{ "{\"a\": [1, 2", "(is it truncated?)" },
		{ "{\"a\": \"ab", "truncated" },
		{ "{\"\xc3\xa9\": x}", "line 1, column 7: expected JSON" },
		{ "{\"a\": 1}\0{}", "expected the end of the file" },
	};
	struct seen s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct json_reader r = reader(&s);
		size_t len = strlen(cases[i].text);

		if (i == sizeof cases / sizeof cases[0] - 1)
			len = 11;
		assert_null(json_parse(&r, cases[i].text, len));
		assert_int_equal(s.n, 1);
		assert_says(&s, cases[i].says);
	}
}

static void
t_parse_unterminated_buffer(void **state)
{
	/* The buffer is not NUL-terminated: only len bytes may be read. */
	char *buf = malloc(8);
	struct seen s;
	struct json_reader r = reader(&s);
	struct cJSON *doc;

	(void)state;
	memcpy(buf, "{\"a\":12}", 8);
	doc = json_parse(&r, buf, 8);
	assert_non_null(doc);
	json_free(doc);
	assert_null(json_parse(&r, buf, 7));
	assert_says(&s, "truncated");
	free(buf);
}

static void
t_paths(void **state)
{
	char p[JSON_PATH_MAX], q[JSON_PATH_MAX];

	(void)state;
	json_path_key(p, sizeof p, "", "machine");
	assert_string_equal(p, "machine");
	json_path_key(q, sizeof q, p, "frames");
	assert_string_equal(q, "machine.frames");
	json_path_key(p, sizeof p, "", "processes");
	json_path_index(q, sizeof q, p, 1);
	json_path_key(p, sizeof p, q, "map");
	json_path_index(q, sizeof q, p, 0);
	json_path_key(p, sizeof p, q, "perm");
	assert_string_equal(p, "processes[1].map[0].perm");
	json_path_key(p, sizeof p, "machine", "odd key\"");
	assert_string_equal(p, "machine[\"odd key\\\"\"]");
	json_path_key(p, sizeof p, "", "");
	assert_string_equal(p, "[\"\"]");
}

static void
t_quote(void **state)
{
	char q[64];

	(void)state;
	json_quote(q, sizeof q, "r 0xZZ", 40);
	assert_string_equal(q, "\"r 0xZZ\"");
	json_quote(q, sizeof q, "a\"b\\c\nd\x01", 40);
	assert_string_equal(q, "\"a\\\"b\\\\c\\nd\\x01\"");
	/* bidi controls escaped, marks (U+200E, U+200F) as overrides (U+202E) */
	json_quote(q, sizeof q, "a\xe2\x80\x8f\xe2\x80\xae\xe2\x81\xa9\xe2\x80\x90", 40);
	assert_string_equal(q, "\"a\\xe2\\x80\\x8f\\xe2\\x80\\xae\\xe2\\x81\\xa9\xe2\x80\x90\"");
	json_quote(q, sizeof q, "abcdefgh", 4);
	assert_string_equal(q, "\"abcd...\"");
	/* never cut inside a UTF-8 character */
	json_quote(q, sizeof q, "ab\xc3\xa9z", 3);
	assert_string_equal(q, "\"ab\xc3\xa9...\"");
	/* a small buffer still gets a closed, terminated quote */
	json_quote(q, 12, "abcdefghijklmnop", 40);
	assert_true(strlen(q) < 12);
	assert_int_equal(q[strlen(q) - 1], '"');
}

static const char *const machine_keys[] = {
	"page_size", "va_bits", "frames", "swap_slots", "tlb_entries",
	"policy", "scope", "seed", NULL
};

static void
t_suggest(void **state)
{
	static const struct {
		const char *typo, *want;
	} cases[] = {
		{ "frmaes", "frames" }, { "Frames", "frames" }, { "frame", "frames" },
		{ "pagesize", "page_size" }, { "page-size", "page_size" },
		{ "PAGE_SIZE", "page_size" }, { "tlb", NULL }, { "colour", NULL },
		{ "sed", "seed" }, { "xyzzy", NULL }, { "", NULL },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *got = json_suggest(cases[i].typo, machine_keys);

		if (!cases[i].want)
			assert_null(got);
		else
			assert_string_equal(got, cases[i].want);
	}
}

static void
t_check_object(void **state)
{
	struct seen s;
	struct cJSON *doc = parse(&s,
	    "{\"frmaes\": 4, \"frames\": 4, \"colour\": 1, \"frames\": 5}");
	struct json_reader r = reader(&s);

	(void)state;
	assert_int_equal(json_check_object(&r, doc, "machine", machine_keys), 0);
	assert_int_equal(s.n, 3);
	assert_says(&s, "machine.frmaes: unknown key; did you mean \"frames\"?\n");
	assert_says(&s, "machine.colour: unknown key; expected one of page_size, "
	    "va_bits, frames, swap_slots, tlb_entries, policy, scope, seed\n");
	assert_says(&s, "machine.frames: given twice; expected each key once\n");
	json_free(doc);

	doc = parse(&s, "[1]");
	r = reader(&s);
	assert_int_equal(json_check_object(&r, doc, "machine", machine_keys), -1);
	assert_says(&s, "machine: expected an object, found an array\n");
	json_free(doc);
}

static void
t_uint(void **state)
{
	static const struct {
		const char *value;
		int ok;
		uint64_t want;
		const char *says;
	} cases[] = {
		{ "4", 1, 4, NULL },
		{ "1", 1, 1, NULL },
		{ "65536", 1, 65536, NULL },
		{ "0", 0, 0, "x: expected an integer from 1 to 65536, found 0" },
		{ "65537", 0, 0, "found 65537" },
		{ "1000000000", 0, 0, "found 1000000000" },
		{ "-3", 0, 0, "found -3" },
		{ "2.5", 0, 0, "found 2.5" },
		{ "1e400", 0, 0, "found inf" },
		/* a double has lost its last digit: it is never shown as if exact */
		{ "9007199254740993", 0, 0, "found a number beyond 2^53 - 1" },
		{ "1152921504606846976", 0, 0, "found a number beyond 2^53 - 1" },
		{ "\"4\"", 0, 0, "found the string \"4\"" },
		{ "true", 0, 0, "found true" },
		{ "null", 0, 0, "found null" },
		{ "{}", 0, 0, "found an object" },
	};
	struct seen s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cJSON *doc = parse(&s, cases[i].value);
		struct json_reader r = reader(&s);
		uint64_t out = 77;

		assert_non_null(doc);
		assert_int_equal(json_as_uint(&r, doc, "x", 1, 65536, false, &out),
		    cases[i].ok ? 0 : -1);
		assert_int_equal(out, cases[i].ok ? cases[i].want : 77);
		if (cases[i].says)
			assert_says(&s, cases[i].says);
		json_free(doc);
	}
}

static void
t_uint_strings(void **state)
{
	static const struct {
		const char *value;
		int ok;
		uint64_t want;
	} cases[] = {
		{ "\"0x7fff\"", 1, 0x7fff }, { "\"0b101\"", 1, 5 }, { "\"42\"", 1, 42 },
		{ "\"18446744073709551615\"", 1, UINT64_MAX },
		{ "\"18446744073709551616\"", 0, 0 }, { "\"0xZZ\"", 0, 0 },
		{ "\"\"", 0, 0 }, { "\" 1\"", 0, 0 }, { "\"-1\"", 0, 0 },
		{ "9007199254740991", 1, 9007199254740991u },
	};
	struct seen s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cJSON *doc = parse(&s, cases[i].value);
		struct json_reader r = reader(&s);
		uint64_t out = 0;

		assert_int_equal(json_as_uint(&r, doc, "seed", 0, UINT64_MAX, true, &out),
		    cases[i].ok ? 0 : -1);
		assert_true(out == cases[i].want);
		if (!cases[i].ok)
			assert_says(&s, "seed: expected an integer from 0 to "
			    "18446744073709551615 (a number or a string such as \"0x7fff\")");
		json_free(doc);
	}
}

static void
t_string_and_bool(void **state)
{
	struct seen s;
	struct cJSON *doc = parse(&s, "{\"name\": \"chrome\", \"long\": \"abcdef\", "
	    "\"n\": 3, \"b\": false}");
	struct json_reader r = reader(&s);
	const char *str = NULL;
	bool b = true;

	(void)state;
	assert_int_equal(json_get_string(&r, doc, "p", "name", JSON_REQUIRED, 24, &str), 1);
	assert_string_equal(str, "chrome");
	assert_int_equal(json_get_string(&r, doc, "p", "long", JSON_REQUIRED, 5, &str), -1);
	assert_says(&s, "p.long: expected a string of at most 5 bytes, found the string \"abcdef\"");
	assert_int_equal(json_get_string(&r, doc, "p", "n", JSON_REQUIRED, 5, &str), -1);
	assert_says(&s, "p.n: expected a string, found 3");
	assert_int_equal(json_get_bool(&r, doc, "p", "b", JSON_REQUIRED, &b), 1);
	assert_false(b);
	assert_int_equal(json_get_bool(&r, doc, "p", "n", JSON_OPTIONAL, &b), -1);
	assert_says(&s, "p.n: expected true or false, found 3");
	assert_int_equal(r.problems, 3);
	json_free(doc);
}

static void
t_plain_text(void **state)
{
	static const struct {
		const char *json;
		const char *says;       /* NULL: accepted */
	} cases[] = {
		{ "\"caf\\u00e9 \\u2192 \\ud83d\\ude00\\ttab\\nline\"", NULL },
		{ "\"\xc3\xa9\xe2\x86\x92\xf0\x9f\x98\x80\"", NULL },
		{ "\"red \\u001b[31m\"", "found byte 0x1b at offset 4" },
		{ "\"bell\\u0007\"", "found byte 0x07 at offset 4" },
		{ "\"del\\u007f\"", "found byte 0x7f at offset 3" },
		{ "\"ab\xff\"", "found byte 0xff at offset 2" },
		{ "\"\xc0\xaf\"", "found byte 0xc0 at offset 0" },          /* overlong */
		{ "\"x\xed\xa0\x80\"", "found byte 0xed at offset 1" },     /* surrogate */
		{ "\"\xf4\x90\x80\x80\"", "found byte 0xf4 at offset 0" }, /* past U+10FFFF */
		{ "\"cut \xe2\x86\"", "found byte 0xe2 at offset 4" },
		/* C1 and bidi controls, by their code points */
		{ "\"next\\u0085line\"", "found the C1 control U+0085 at offset 4" },
		{ "\"ab\\u202ecd\"", "found the bidirectional control U+202E at offset 2" },
		{ "\"\\u2066x\\u2069\"", "found the bidirectional control U+2066 at offset 0" },
		{ "\"x\xe2\x80\x8e\"", "found the bidirectional control U+200E at offset 1" },
		{ "\"\\u200f\"", "found the bidirectional control U+200F at offset 0" },
	};
	struct seen s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct cJSON *doc = parse(&s, cases[i].json);
		struct json_reader r = reader(&s);
		const char *out = NULL;

		assert_non_null(doc);
		assert_int_equal(json_as_string(&r, doc, "t", 64, &out), cases[i].says ? -1 : 0);
		if (cases[i].says) {
			assert_says(&s, "t: expected text (UTF-8, no control characters), ");
			assert_says(&s, cases[i].says);
		}
		json_free(doc);
	}
}

static void
t_required_and_defaults(void **state)
{
	struct seen s;
	struct cJSON *doc = parse(&s, "{\"Frames\": 8}");
	struct json_reader r = reader(&s);
	uint64_t v = 4;
	const char *str = "default";

	(void)state;
	/* lookups are case-sensitive: "Frames" is not "frames" */
	assert_int_equal(json_get_uint(&r, doc, "machine", "frames", JSON_OPTIONAL, 1, 9, &v), 0);
	assert_int_equal(v, 4);
	assert_int_equal(r.problems, 0);
	assert_int_equal(json_get_string(&r, doc, "", "title", JSON_OPTIONAL, 9, &str), 0);
	assert_string_equal(str, "default");
	assert_int_equal(json_get_uint(&r, doc, "machine", "frames", JSON_REQUIRED, 1, 9, &v), -1);
	assert_says(&s, "machine.frames: missing; this key is required\n");
	/* a missing parent object reports the child as missing, and nothing else */
	assert_int_equal(json_get_uint(&r, NULL, "machine", "va_bits", JSON_REQUIRED, 1, 9, &v), -1);
	assert_int_equal(r.problems, 2);
	json_free(doc);
}

static void
t_array_iteration(void **state)
{
	struct seen s;
	struct cJSON *doc = parse(&s, "{\"ops\": [\"a\", \"b\", \"c\"], \"n\": 1}");
	struct json_reader r = reader(&s);
	char path[JSON_PATH_MAX];
	const struct cJSON *a, *it;
	char got[8] = "";
	const char *str;

	(void)state;
	a = json_as_array(&r, json_member(&r, doc, "", "ops", JSON_REQUIRED, path), path);
	for (it = json_first(a); it; it = json_next(it)) {
		assert_int_equal(json_as_string(&r, it, "ops[]", 1, &str), 0);
		strcat(got, str);
	}
	assert_string_equal(got, "abc");
	assert_null(json_as_array(&r, json_member(&r, doc, "", "n", JSON_REQUIRED, path), path));
	assert_says(&s, "n: expected an array, found 1\n");
	assert_null(json_first(NULL));
	json_free(doc);
}

static struct cJSON *
sample(void)
{
	struct cJSON *doc = json_new_object(), *m, *a, *p;

	json_put_uint(doc, "vmscope", 1);
	json_put_string(doc, "title", "T\u00e9st \"q\"\n");
	m = json_put_object(doc, "machine");
	json_put_uint(m, "frames", 4);
	json_put_string(m, "policy", "lru");
	json_put_bool(m, "grow", true);
	json_put_uint(m, "big", JSON_INT_MAX);
	json_put_uint(m, "huge", UINT64_MAX);
	a = json_put_array(doc, "ops");
	json_push_string(a, "r 1:0x7fff");
	json_push_string(a, "w 2:0x7fff");
	p = json_push_object(json_put_array(doc, "processes"));
	json_put_uint(p, "pid", 1);
	json_put_array(p, "map");
	return doc;
}

static void
t_format_layout(void **state)
{
	struct cJSON *doc = sample();
	char *text = json_format(doc);

	(void)state;
	assert_string_equal(text,
	    "{\n"
	    "  \"vmscope\": 1,\n"
	    "  \"title\": \"T\u00e9st \\\"q\\\"\\n\",\n"
	    "  \"machine\": {\n"
	    "    \"frames\": 4,\n"
	    "    \"policy\": \"lru\",\n"
	    "    \"grow\": true,\n"
	    "    \"big\": 9007199254740991,\n"
	    "    \"huge\": \"18446744073709551615\"\n"
	    "  },\n"
	    "  \"ops\": [\"r 1:0x7fff\", \"w 2:0x7fff\"],\n"
	    "  \"processes\": [{\"pid\": 1, \"map\": []}]\n"
	    "}\n");
	free(text);
	json_free(doc);
}

static void
t_format_round_trip(void **state)
{
	struct cJSON *doc = sample(), *back;
	char *once = json_format(doc), *twice;
	struct seen s;
	struct json_reader r = reader(&s);
	uint64_t v = 0;
	char op[16];
	size_t i;

	(void)state;
	for (i = 0; i < 40; i++) {
		snprintf(op, sizeof op, "r 0x%zx", i * 4096);
		json_push_string(cJSON_GetObjectItemCaseSensitive(doc, "ops"), op);
	}
	free(once);
	once = json_format(doc);
	assert_non_null(strstr(once, "  \"ops\": [\n    \"r 1:0x7fff\",\n"));
	back = json_parse(&r, once, strlen(once));
	assert_non_null(back);
	twice = json_format(back);
	assert_string_equal(once, twice);
	assert_int_equal(json_get_uint(&r, cJSON_GetObjectItemCaseSensitive(back, "machine"),
	    "machine", "huge", JSON_REQUIRED, 0, UINT64_MAX, &v), 1);
	assert_true(v == UINT64_MAX);
	assert_int_equal(json_get_uint(&r, cJSON_GetObjectItemCaseSensitive(back, "machine"),
	    "machine", "big", JSON_REQUIRED, 0, JSON_INT_MAX, &v), 1);
	assert_true(v == JSON_INT_MAX);
	free(once);
	free(twice);
	json_free(back);
	json_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_parse_good_and_bom),
		cmocka_unit_test(t_parse_not_json),
		cmocka_unit_test(t_parse_unterminated_buffer),
		cmocka_unit_test(t_paths),
		cmocka_unit_test(t_quote),
		cmocka_unit_test(t_suggest),
		cmocka_unit_test(t_check_object),
		cmocka_unit_test(t_uint),
		cmocka_unit_test(t_uint_strings),
		cmocka_unit_test(t_string_and_bool),
		cmocka_unit_test(t_plain_text),
		cmocka_unit_test(t_required_and_defaults),
		cmocka_unit_test(t_array_iteration),
		cmocka_unit_test(t_format_layout),
		cmocka_unit_test(t_format_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
