/*
 * test_session.c - session files: loading and replay, every kind of bad
 * input (each problem named by its JSON path), files that must be refused
 * (folders, huge or unreadable ones), byte-for-byte stable saving and
 * atomic saves that fail without harming the old file.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "slurp.h"
#include "cmd.h"
#include "promise.h"
#include "history.h"
#include "machine.h"
#include "policy.h"
#include "session.h"

/* Every problem reported, one per line. */
struct seen {
	char text[8192];
	unsigned n;
};

static void
collect(void *ctx, const char *problem)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%s\n", problem);
	s->n++;
}

static int
parse(const char *text, struct session *s, struct seen *seen)
{
	int n;

	memset(seen, 0, sizeof *seen);
	n = session_parse(text, strlen(text), "t.json", s, collect, seen);
	assert_int_equal((unsigned)n, seen->n);
	return n;
}

static void
assert_says(const struct seen *s, const char *needle)
{
	if (!strstr(s->text, needle))
		fail_msg("expected \"%s\" in:\n%s", needle, s->text);
}

/* A small, valid session in vmscope's own layout. */
static const char good[] =
	"{\n"
	"  \"vmscope\": 1,\n"
	"  \"title\": \"Two apps\",\n"
	"  \"notes\": \"Watch 0x7fff.\",\n"
	"  \"machine\": {\n"
	"    \"page_size\": 4096,\n"
	"    \"va_bits\": 16,\n"
	"    \"frames\": 4,\n"
	"    \"swap_slots\": 8,\n"
	"    \"tlb_entries\": 4,\n"
	"    \"policy\": \"fifo\",\n"
	"    \"scope\": \"global\",\n"
	"    \"seed\": 1\n"
	"  },\n"
	"  \"processes\": [\n"
	"    {\"pid\": 2, \"name\": \"vscode\", \"map\": [{\"addr\": \"0x0\", \"pages\": 16, "
	"\"perm\": \"rw\"}]},\n"
	"    {\n"
	"      \"pid\": 1,\n"
	"      \"name\": \"chrome\",\n"
	"      \"map\": [\n"
	"        {\"addr\": \"0x0\", \"pages\": 4, \"perm\": \"rx\"},\n"
	"        {\"addr\": \"0x4000\", \"pages\": 12, \"perm\": \"rw\"}\n"
	"      ],\n"
	"      \"limit\": 2\n"
	"    }\n"
	"  ],\n"
	"  \"ops\": [\"r 1:0x7fff\", \"w 2:0x7fff\", \"# a comment\", \"r 0x10\"],\n"
	"  \"cursor\": 2,\n"
	"  \"expect\": {\"faults\": 3, \"frames\": {\"0\": \"1:0x7\", \"3\": \"free\"}}\n"
	"}\n";

static void
t_load_and_replay(void **state)
{
	struct session s;
	struct seen seen;
	const struct machine *m;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	assert_string_equal(s.title, "Two apps");
	assert_string_equal(s.notes, "Watch 0x7fff.");
	assert_null(s.path);
	assert_false(s.modified);
	assert_int_equal(s.cursor, 2);
	assert_int_equal(history_length(s.history), 4);
	assert_string_equal(history_text(s.history, 3), "# a comment");
	m = history_initial(s.history);
	assert_int_equal(m->cfg.frames, 4);
	assert_int_equal(m->current_pid, 2);     /* the first listed */
	assert_int_equal(cgroup_frame_limit(m, machine_process(m, 1)), 2);
	assert_int_equal(machine_page_state(m, machine_process(m, 1), 15), PAGE_UNTOUCHED);
	m = history_state(s.history, 4);
	assert_int_equal(m->stats.faults, 3);
	assert_int_equal(frame_first(m, 0).pid, 1);
	assert_int_equal(frame_first(m, 1).pid, 2);
	assert_int_equal(frame_first(m, 2).pid, 2);  /* "r 0x10": the current process, 2 */
	assert_int_equal(promises_count(s.expect), 3);
	assert_int_equal(promises_check(s.expect, m, NULL, NULL), 0);
	session_free(&s);
}

static void
t_bom_accepted(void **state)
{
	char text[sizeof good + 3];
	struct session s;
	struct seen seen;

	(void)state;
	memcpy(text, "\xef\xbb\xbf", 3);
	memcpy(text + 3, good, sizeof good);
	assert_int_equal(parse(text, &s, &seen), 0);
	session_free(&s);
}

static void
t_minimal_and_defaults(void **state)
{
	struct session s;
	struct seen seen;
	const struct machine *m;
	struct machine_config def;

	(void)state;
	assert_int_equal(parse("{\"vmscope\": 1}", &s, &seen), 0);
	m = history_initial(s.history);
	machine_config_default(&def);
	assert_int_equal(m->cfg.frames, def.frames);
	assert_int_equal(m->cfg.page_size, def.page_size);
	assert_int_equal(m->cfg.tau, 10);
	assert_int_equal(m->cfg.levels, 1);
	assert_int_equal(m->cfg.pte_bytes, 8);
	assert_int_equal(m->cfg.tick, 4);
	assert_int_equal(m->current_pid, 0);
	assert_int_equal(history_length(s.history), 0);
	assert_null(s.title);
	assert_null(s.expect);
	session_free(&s);
}

/* Each bad document, the problems it must produce and how many. */
static const struct {
	const char *text;
	unsigned problems;
	const char *says[3];
} bad_cases[] = {
	{ "not json", 1, { "t.json: line 1, column 1: expected JSON, found \"not json\"" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frames\": 4", 1,
	  { "t.json: line 1, column 39: the file ends in the middle of a JSON value" } },
	{ "[1, 2]", 1, { "t.json: expected an object, found an array" } },
	{ "{}", 1, { "t.json: vmscope: missing; this key is required" } },
	{ "{\"machine\": {\"frames\": 0}}", 2,
	  { "t.json: vmscope: missing; this key is required",
	    "t.json: machine.frames: expected an integer from 1 to 65536, found 0" } },
	{ "{\"vmscope\": 2, \"frames\": 3}", 2,
	  { "t.json: vmscope: this file is version 2; this vmscope reads version 1",
	    "t.json: frames: unknown key; expected one of vmscope, title, notes," } },
	{ "{\"vmscope\": \"1\", \"cursor\": 1}", 2,
	  { "t.json: vmscope: expected an integer from 0 to 9007199254740991, "
	    "found the string \"1\"",
	    "t.json: cursor: 1 is past the end: the session has 0 operations" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frmaes\": 4, \"polcy\": \"lru\"}}", 2,
	  { "t.json: machine.frmaes: unknown key; did you mean \"frames\"?",
	    "t.json: machine.polcy: unknown key; did you mean \"policy\"?" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frames\": 0}}", 1,
	  { "t.json: machine.frames: expected an integer from 1 to 65536, found 0" } },
	{ "{\"vmscope\": 1, \"machine\": {\"tau\": 0}}", 1,
	  { "t.json: machine.tau: expected an integer from 1 to 1048576, found 0" } },
	{ "{\"vmscope\": 1, \"machine\": {\"levels\": 5, \"pte_bytes\": 16}}", 2,
	  { "t.json: machine.levels: expected an integer from 1 to 4, found 5",
	    "t.json: machine.pte_bytes: expected an integer from 1 to 8, found 16" } },
	{ "{\"vmscope\": 1, \"machine\": {\"levels\": 2, \"pte_bytes\": 3}}", 1,
	  { "t.json: machine.pte_bytes: 3 is not 1, 2, 4 or 8" } },
	{ "{\"vmscope\": 1, \"machine\": {\"levels\": 2}}", 1,
	  { "t.json: machine.levels: 2 levels cannot split a page number of 4 bits "
	    "(va_bits 16 minus 12 offset bits)" } },
	{ "{\"vmscope\": 1, \"machine\": {\"tick\": 2000000}}", 1,
	  { "t.json: machine.tick: expected an integer from 1 to 1048576, found 2000000" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frames\": 1000000000}}", 1,
	  { "machine.frames: expected an integer from 1 to 65536, found 1000000000" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frames\": -1, \"tlb_entries\": 1e300}}", 2,
	  { "machine.frames: expected an integer from 1 to 65536, found -1",
	    "machine.tlb_entries: expected an integer from 0 to 1024, found a number beyond "
	    "2^53 - 1\n" } },
	/* the advice to write a string only where a string is accepted */
	{ "{\"vmscope\": 1, \"machine\": {\"seed\": 1e30}}", 1,
	  { "machine.seed: expected an integer from 0 to 18446744073709551615 (a number or a "
	    "string such as \"0x7fff\"), found a number beyond 2^53 - 1, which JSON cannot "
	    "hold exactly (write it as a string)" } },
	/* bidi controls in text are refused by their code point and offset */
	{ "{\"vmscope\": 1, \"title\": \"a\\u202eb\", \"notes\": \"ok \\u200f\"}", 2,
	  { "t.json: title: expected text (UTF-8, no control characters), found the "
	    "bidirectional control U+202E at offset 1",
	    "t.json: notes: expected text (UTF-8, no control characters), found the "
	    "bidirectional control U+200F at offset 3" } },
	/* a bidi override is escaped, as a C1 control is */
	{ "\xc2\x9b" "2J\xe2\x80\xae" "evil", 1,
	  { "expected JSON, found \"\\xc2\\x9b2J\\xe2\\x80\\xaeevil\"" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frames\": 2.5, \"va_bits\": \"16\"}}", 2,
	  { "machine.frames: expected an integer from 1 to 65536, found 2.5",
	    "machine.va_bits: expected an integer from 1 to 64, found the string \"16\"" } },
	{ "{\"vmscope\": 1, \"machine\": {\"page_size\": 3000}}", 1,
	  { "t.json: machine.page_size: 3000 is not a power of two between 16 and 65536" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frmaes\": 4, \"page_size\": 3000}, "
	  "\"ops\": [\"r 0xZZ\"]}", 3,
	  { "t.json: machine.frmaes: unknown key; did you mean \"frames\"?\n",
	    "t.json: machine.page_size: 3000 is not a power of two between 16 and 65536\n",
	    "t.json: ops[0]: \"r 0xZZ\": bad number at column 3 (expected " } },
	{ "{\"vmscope\": 1, \"machine\": {\"page_size\": 4096, \"va_bits\": 8}}", 1,
	  { "t.json: machine.va_bits: " } },
	{ "{\"vmscope\": 1, \"machine\": {\"policy\": \"lifo\", \"scope\": \"galaxy\"}}", 2,
	  { "machine.policy: expected one of fifo, lru, opt, clock, random, mru, lfu, "
	    "second-chance, nru, aging, wsclock, working-set, found the string \"lifo\"",
	    "machine.scope: expected global or local, found the string \"galaxy\"" } },
	{ "{\"vmscope\": 1, \"machine\": [4]}", 1,
	  { "t.json: machine: expected an object, found an array" } },
	{ "{\"vmscope\": 1, \"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": []},"
	  " {\"pid\": 1, \"name\": \"b\", \"map\": []}]}", 1,
	  { "t.json: processes[1].pid: pid 1 is already taken" } },
	{ "{\"vmscope\": 1, \"processes\": [{\"name\": \"a b\", \"map\": {}}]}", 3,
	  { "processes[0].pid: missing; this key is required",
	    "processes[0].name: expected 1 to 24 letters, digits, '_', '.' or '-', "
	    "found the string \"a b\"",
	    "processes[0].map: expected an array, found an object" } },
	{ "{\"vmscope\": 1, \"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": "
	  "[{\"addr\": \"0x7fff\", \"pages\": 1, \"perm\": \"rwz\"}, "
	  "{\"addr\": \"0x1000\", \"pages\": 99, \"perm\": \"r\"}]}]}", 2,
	  { "processes[0].map[0].perm: expected r, rw, rx, rwx, w, wx or x, "
	    "found the string \"rwz\"",
	    "processes[0].map[1]: pages 0x1..+99 do not fit" } },
	{ "{\"vmscope\": 1, \"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": "
	  "[{\"addr\": \"0x7fff\", \"pages\": 1, \"perm\": \"r\"}]}]}", 1,
	  { "processes[0].map[0]: addr 0x7fff is not a multiple of the page size (4096)" } },
	{ "{\"vmscope\": 1, \"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": [], "
	  "\"limit\": 0}]}", 1,
	  { "processes[0].limit: expected an integer from 1 to 65536, found 0" } },
	{ "{\"vmscope\": 1, \"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": []}], "
	  "\"ops\": [\"r 1:0x10\", \"r 0xZZ\", \"r 2:0x10\", 7, \"spawn b\", \"r 2:0x10\", "
	  "\"r 1:0x10000\"]}", 4,
	  { "t.json: ops[1]: \"r 0xZZ\": bad number at column 3",
	    "t.json: ops[2]: \"r 2:0x10\": no process 2",
	    "t.json: ops[3]: expected a string, found 7" } },
	{ "{\"vmscope\": 1, \"cgroups\": [{\"name\": \"web\", \"frames\": 0, \"swap\": -1}, "
	  "{\"name\": \"w b\", \"frames\": 2}]}", 3,
	  { "t.json: cgroups[0].frames: expected an integer from 1 to 65536, found 0",
	    "t.json: cgroups[0].swap: expected an integer from 0 to 16777216, found -1",
	    "t.json: cgroups[1].name: expected 1 to 24 letters, digits, '_', '.' or '-', "
	    "found the string \"w b\"" } },
	{ "{\"vmscope\": 1, \"cgroups\": [{\"name\": \"web\", \"frames\": 2, \"swp\": 1}, "
	  "{\"frames\": 2}, 7]}", 3,
	  { "t.json: cgroups[0].swp: unknown key; did you mean \"swap\"?",
	    "t.json: cgroups[1].name: missing; this key is required",
	    "t.json: cgroups[2]: expected an object, found 7" } },
	{ "{\"vmscope\": 1, \"cgroups\": [{\"name\": \"web\", \"frames\": 2}, "
	  "{\"name\": \"web\", \"frames\": 3}]}", 1,
	  { "t.json: cgroups[1].name: cgroup \"web\" is listed twice" } },
	{ "{\"vmscope\": 1, \"cgroups\": {\"name\": \"web\"}}", 1,
	  { "t.json: cgroups: expected an array, found an object" } },
	{ "{\"vmscope\": 1, \"cgroups\": [{\"name\": \"web\", \"frames\": 2}], "
	  "\"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": [], \"cgroup\": \"db\"}, "
	  "{\"pid\": 2, \"name\": \"b\", \"map\": [], \"cgroup\": \"web\", \"limit\": 2}, "
	  "{\"pid\": 3, \"name\": \"c\", \"map\": [], \"cgroup\": 5}]}", 3,
	  { "t.json: processes[0].cgroup: no cgroup \"db\" (expected a name listed under "
	    "cgroups)",
	    "t.json: processes[1].limit: a process in a cgroup has the group's limit (give "
	    "limit or cgroup, not both)",
	    "t.json: processes[2].cgroup: expected a string, found 5" } },
	{ "{\"vmscope\": 1, \"ops\": [\"spawn a\", \"r 0x1\"], \"cursor\": 3}", 1,
	  { "t.json: cursor: 3 is past the end: the session has 2 operations" } },
	{ "{\"vmscope\": 1, \"expect\": {\"fault\": 1, \"frames\": {\"x\": \"1:0x7\", "
	  "\"0\": \"1-7\"}, \"faults_of\": {\"1\": -2, \"1 \": 3, \"2\": 1, \"0x2\": 1}}}", 6,
	  { "expect.fault: unknown key; did you mean \"faults\"?",
	    "expect.frames.x: expected a key from 0 to 65535 (a frame number)",
	    "expect.faults_of[\"2\"]: given twice; expected each pid once" } },
	{ "{\"vmscope\": 1, \"title\": 5, \"notes\": null, \"cursor\": -1}", 3,
	  { "title: expected a string, found 5", "notes: expected a string, found null",
	    "cursor: expected an integer from 0 to 9007199254740991, found -1" } },
	{ "{\"vmscope\": 1, \"machine\": {\"frames\": 2, \"frames\": 3}}", 1,
	  { "machine.frames: given twice; expected each key once" } },
	/* display hints: each problem by its path */
	{ "{\"vmscope\": 1, \"display\": {\"tabel\": true, \"compare\": [\"opt\", \"lfu2\", "
	  "\"opt\", 4]}}", 4,
	  { "display.tabel: unknown key; did you mean \"table\"?",
	    "display.compare[1]: \"lfu2\" is not a policy; expected one of fifo, lru, opt,",
	    "display.compare[2]: opt is listed twice" } },
	{ "{\"vmscope\": 1, \"display\": {\"table\": 1, \"compare\": [\"opt\"]}}", 2,
	  { "display.table: expected true or false, found 1",
	    "display.compare: expected 2 to 4 policies, found 1" } },
	{ "{\"vmscope\": 1, \"display\": {\"compare\": \"opt,lru\"}}", 1,
	  { "display.compare: expected an array, found the string \"opt,lru\"" } },
	{ "{\"vmscope\": 1, \"display\": {\"thrash\": \"yes\", \"trash\": true}}", 2,
	  { "display.thrash: expected true or false, found the string \"yes\"",
	    "display.trash: unknown key; did you mean \"thrash\"?" } },
	{ "{\"vmscope\": 1, \"display\": {\"tree\": 1}}", 1,
	  { "display.tree: expected true or false, found 1" } },
	{ "{\"vmscope\": 1, \"display\": [true]}", 1,
	  { "display: expected an object, found an array" } },
};

static void
t_bad_documents(void **state)
{
	struct session s;
	struct seen seen;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++) {
		memset(&s, 0x5a, sizeof s);
		if ((unsigned)parse(bad_cases[i].text, &s, &seen) != bad_cases[i].problems)
			fail_msg("case %zu: expected %u problems, got:\n%s", i,
			    bad_cases[i].problems, seen.text);
		for (j = 0; j < 3 && bad_cases[i].says[j]; j++)
			assert_says(&seen, bad_cases[i].says[j]);
		assert_int_equal(s.cursor, (size_t)0x5a5a5a5a5a5a5a5au);  /* untouched */
	}
}

/* The prompt's list of policies to compare: commas or blanks, 2 to 4, none twice. */
static void
t_compare_policies(void **state)
{
	static const struct {
		const char *list;
		unsigned n;
		const char *says;
	} cases[] = {
		{ "opt, lru fifo,clock", 4, NULL },
		{ " lru,,fifo ", 2, NULL },
		{ "opt", 0, "expected 2 to 4 policies (as in: opt,lru,fifo,clock)" },
		{ "", 0, "expected 2 to 4 policies" },
		{ "opt,lru,fifo,clock,mru", 0, "at most 4 policies side by side" },
		{ "lru,LRU", 0, "LRU is listed twice" },
		{ "OPT, Lru,Second-Chance", 3, NULL },
		{ "lfu2,lru", 0, "\"lfu2\" is not a policy; expected one of fifo, lru," },
		{ "fifo,lru,fifo", 0, "fifo is listed twice" },
		{ "second-chance-and-more,lru", 0, "\"second-chance-and-more\" is not a policy" },
	};
	int policy[DISPLAY_COMPARE_MAX];
	char err[512];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		err[0] = '\0';
		assert_int_equal(display_parse_policies(cases[i].list, policy, err, sizeof err),
		    cases[i].n);
		if (cases[i].says && !strstr(err, cases[i].says))
			fail_msg("\"%s\": said \"%s\", not \"%s\"", cases[i].list, err,
			    cases[i].says);
	}
	assert_int_equal(display_parse_policies("opt, lru fifo,clock", policy, err, sizeof err), 4);
	assert_int_equal(policy[0], policy_find("opt"));
	assert_int_equal(policy[3], policy_find("clock"));
	assert_int_equal(display_parse_policies("OPT,Second-Chance", policy, err, sizeof err), 2);
	assert_int_equal(policy[0], policy_find("opt"));
	assert_int_equal(policy[1], policy_find("second-chance"));
}

/* A session may name policies in any case; it is saved with the table's names. */
static void
t_policy_names_any_case(void **state)
{
	static const char text[] = "{\"vmscope\": 1, \"machine\": {\"policy\": \"Second-Chance\"}, "
	    "\"display\": {\"compare\": [\"OPT\", \"lru\"]}}";
	struct session s;
	struct seen seen;
	char *saved;

	(void)state;
	assert_int_equal(parse(text, &s, &seen), 0);
	assert_int_equal(history_initial(s.history)->cfg.policy, policy_find("second-chance"));
	assert_int_equal(s.display.compare[0], policy_find("opt"));
	saved = session_to_json(&s);
	assert_non_null(strstr(saved, "\"policy\": \"second-chance\""));
	assert_non_null(strstr(saved, "\"opt\""));
	assert_null(strstr(saved, "OPT"));
	assert_null(strstr(saved, "Second"));
	free(saved);
	session_free(&s);
}

static void
t_bad_machine_skips_replay(void **state)
{
	struct session s;
	struct seen seen;

	(void)state;
	/* With the machine wrong, operations are parsed but not replayed. */
	assert_int_equal(parse("{\"vmscope\": 1, \"machine\": {\"frames\": 0}, "
	    "\"ops\": [\"r 5:0x1\", \"q\"]}", &s, &seen), 2);
	assert_says(&seen, "ops[1]: \"q\": unknown command");
	assert_null(strstr(seen.text, "no process 5"));
}

/* ---- files -------------------------------------------------------------- */

static char tmpdir[256];

static int
make_tmpdir(void **state)
{
	const char *base = getenv("TMPDIR");

	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "%s/vmscope-session-XXXXXX", base ? base : "/tmp");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int
remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char sub[512];

	if (lstat(path, &st) < 0)
		return 0;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	chmod(path, 0700);
	if ((d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
				snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
				remove_tree(sub);
			}
		}
		closedir(d);
	}
	return rmdir(path);
}

static int
drop_tmpdir(void **state)
{
	(void)state;
	return remove_tree(tmpdir);
}

static void
in_tmp(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", tmpdir, name);
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static unsigned
entries_in_tmpdir(void)
{
	DIR *d = opendir(tmpdir);
	struct dirent *e;
	unsigned n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
	closedir(d);
	return n;
}

/* A file refused as a whole: --check hears `says`, a load "PATH: says". */
static void
check_file(const char *path, const char *says)
{
	char want[1024], err[1024];
	struct seen seen;
	struct session s;

	memset(&seen, 0, sizeof seen);
	assert_int_equal(session_check(path, collect, &seen), 1);
	snprintf(want, sizeof want, "%s\n", says);
	assert_string_equal(seen.text, want);
	memset(&s, 0, sizeof s);
	assert_int_equal(session_load(path, &s, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: %s", path, says);
	assert_string_equal(err, want);
	assert_null(s.history);
}

static void
t_refused_files(void **state)
{
	char path[512];
	int fd;

	(void)state;
	in_tmp(path, sizeof path, "missing.json");
	check_file(path, "cannot read: No such file or directory");
	check_file(tmpdir, "is a folder; expected a session file (.json)");

	/* 100 MB, sparse: refused by its size before a byte is read */
	in_tmp(path, sizeof path, "huge.json");
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 100 * 1000 * 1000), 0);
	close(fd);
	check_file(path, "larger than 16 MiB, the most a session file may be");
	unlink(path);

	/* endless devices and FIFOs with no writer: refused at once, never read */
	check_file("/dev/zero", "is a device, not a regular file; expected a session file "
	    "(.json)");
	in_tmp(path, sizeof path, "fifo.json");
	assert_int_equal(mkfifo(path, 0644), 0);
	check_file(path, "is a FIFO, not a regular file; expected a session file (.json)");
	unlink(path);
}

static void
t_unreadable_file(void **state)
{
	char path[512];

	(void)state;
	/* cmocka 1.1.5's skip() prints "not ok", which TAP counts as a failure */
	if (geteuid() == 0) {
		print_message("# skipped the unreadable file: root reads every file\n");
		return;
	}
	in_tmp(path, sizeof path, "secret.json");
	write_text(path, good);
	chmod(path, 0);
	check_file(path, "cannot read: Permission denied");
	unlink(path);
}

static void
t_load_file(void **state)
{
	char path[512], err[512];
	struct session s;
	struct seen seen;

	(void)state;
	in_tmp(path, sizeof path, "good.json");
	write_text(path, good);
	assert_int_equal(session_load(path, &s, err, sizeof err), 0);
	assert_string_equal(s.path, path);
	assert_int_equal(history_length(s.history), 4);
	session_free(&s);
	unlink(path);

	in_tmp(path, sizeof path, "bad.json");
	write_text(path, "{\"vmscope\": 1, \"machine\": {\"frmaes\": 4, \"frames\": 0}}");
	memset(&s, 0, sizeof s);
	assert_int_equal(session_load(path, &s, err, sizeof err), -1);
	assert_non_null(strstr(err, "/bad.json: machine.frmaes: unknown key; did you mean"));
	assert_null(s.history);
	/* --check hears every problem, without the file name */
	memset(&seen, 0, sizeof seen);
	assert_int_equal(session_check(path, collect, &seen), 2);
	assert_string_equal(seen.text,
	    "machine.frmaes: unknown key; did you mean \"frames\"?\n"
	    "machine.frames: expected an integer from 1 to 65536, found 0\n");
	unlink(path);
}

static void
t_check_ok_file(void **state)
{
	char path[512];
	struct seen seen;

	(void)state;
	in_tmp(path, sizeof path, "ok.json");
	write_text(path, good);
	memset(&seen, 0, sizeof seen);
	assert_int_equal(session_check(path, collect, &seen), 0);
	assert_int_equal(seen.n, 0);
	unlink(path);
}

/* ---- saving ------------------------------------------------------------- */

static void
t_save_byte_for_byte(void **state)
{
	char a[512], b[512], err[512];
	char *first, *second;
	struct session s;
	struct seen seen;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(a, sizeof a, "a.json");
	in_tmp(b, sizeof b, "b.json");
	s.modified = true;
	assert_int_equal(session_save(&s, a, err, sizeof err), 0);
	assert_string_equal(s.path, a);
	assert_false(s.modified);
	session_free(&s);
	assert_int_equal(session_load(a, &s, err, sizeof err), 0);
	assert_int_equal(session_save(&s, b, err, sizeof err), 0);
	first = slurp(a);
	second = slurp(b);
	assert_string_equal(first, second);
	/* the current process at the start comes first, and is still current */
	assert_true(strstr(first, "\"pid\": 2") < strstr(first, "\"pid\": 1"));
	assert_int_equal(history_initial(s.history)->current_pid, 2);
	free(first);
	free(second);
	session_free(&s);
	unlink(a);
	unlink(b);
}

static void
t_save_keeps_everything(void **state)
{
	static const char odd[] =
	    "{\"vmscope\": 1, \"title\": \"T\\u00e9st \\\"q\\\"\\n\", "
	    "\"machine\": {\"seed\": \"18446744073709551615\", \"grow_va\": true, "
	    "\"grow_swap\": true, \"scope\": \"local\", \"policy\": \"opt\", \"tau\": 3, \"tick\": 7, "
	    "\"levels\": 2, \"pte_bytes\": 1, \"page_size\": 32, \"va_bits\": 15}, "
	    "\"processes\": [{\"pid\": 7, \"name\": \"a.b-c_d\", "
	    "\"map\": [{\"addr\": 0, \"pages\": 2, \"perm\": \"x\"}], \"limit\": 1}], "
	    "\"ops\": [\"  r   0x1  \", \"w 7:0b10\"], \"cursor\": 1, "
	    "\"display\": {\"compare\": [\"clock\", \"fifo\", \"opt\"], \"table\": true, "
	    "\"thrash\": true, \"working_sets\": true, \"tree\": true}, "
	    "\"expect\": {\"faults_of\": {\"7\": 1}, \"hits\": 0, \"working_sets\": {\"7\": 1}}}";
	struct session s, t;
	struct seen seen;
	char *once, *twice;
	const struct machine *m;

	(void)state;
	assert_int_equal(parse(odd, &s, &seen), 0);
	once = session_to_json(&s);
	assert_int_equal(parse(once, &t, &seen), 0);
	twice = session_to_json(&t);
	assert_string_equal(once, twice);
	m = history_initial(t.history);
	assert_true(m->cfg.seed == UINT64_MAX);
	assert_true(m->cfg.grow_va && m->cfg.grow_swap);
	assert_int_equal(m->cfg.scope, SCOPE_LOCAL);
	assert_int_equal(m->cfg.tau, 3);
	assert_int_equal(m->cfg.levels, 2);
	assert_int_equal(m->cfg.pte_bytes, 1);
	assert_int_equal(m->split.bits[0], 5);
	assert_int_equal(m->cfg.tick, 7);
	assert_int_equal(cgroup_frame_limit(m, machine_process(m, 7)), 1);
	assert_string_equal(t.title, "T\xc3\xa9st \"q\"\n");
	assert_string_equal(history_text(t.history, 1), "  r   0x1  ");
	assert_int_equal(t.cursor, 1);
	assert_int_equal(promises_count(t.expect), 3);
	assert_true(t.display.table);
	assert_true(t.display.thrash);
	assert_true(t.display.working_sets);
	assert_true(t.display.tree);
	assert_int_equal(t.display.ncompare, 3);
	assert_int_equal(t.display.compare[0], policy_find("clock"));
	assert_int_equal(t.display.compare[2], policy_find("opt"));
	free(once);
	free(twice);
	session_free(&s);
	session_free(&t);
}

/* A session whose ops share pages saves, loads and replays to the same state. */
static void
t_share_round_trip(void **state)
{
	static const char shared[] =
	    "{\"vmscope\": 1, \"machine\": {\"frames\": 2, \"tlb_entries\": 0}, "
	    "\"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": [{\"addr\": 0, "
	    "\"pages\": 4, \"perm\": \"rw\"}]}, {\"pid\": 2, \"name\": \"b\", \"map\": "
	    "[{\"addr\": 0, \"pages\": 4, \"perm\": \"rw\"}]}], "
	    "\"ops\": [\"w 1:0x0\", \"share 1 0x0 2 0x8000 1 r\", \"r 1:0x1000\", "
	    "\"r 1:0x2000\", \"r 2:0x8000\"], \"cursor\": 5}";
	struct session s, t;
	struct seen seen;
	char *once, *twice;
	const struct machine *m;

	(void)state;
	assert_int_equal(parse(shared, &s, &seen), 0);
	once = session_to_json(&s);
	assert_int_equal(parse(once, &t, &seen), 0);
	twice = session_to_json(&t);
	assert_string_equal(once, twice);
	assert_non_null(strstr(once, "\"share 1 0x0 2 0x8000 1 r\""));
	/* 1:0x0, dirty and shared, went to slot 0 at op 4 (lru: frame 0 last
	 * used at op 1); pid 2 read it back into frame 1 (lru: 1:0x1, used at
	 * op 3, before 1:0x2 at op 4). */
	m = history_state(t.history, 5);
	assert_true(rmap_has(&m->rmap, frame_rmap(m, 1), (struct mapping){ 2, 8 }));
	assert_false(mapping_pte(m, (struct mapping){ 1, 0 })->present);
	assert_int_equal(slot_rmap(m, 0)->count, 2);
	assert_int_equal(process_region(machine_process(m, 2), 8)->perm, PERM_R);
	free(once);
	free(twice);
	session_free(&s);
	session_free(&t);
}

/* Named groups at the start and group commands among the operations survive a save. */
static void
t_save_keeps_groups(void **state)
{
	static const char doc[] =
	    "{\"vmscope\": 1, \"cgroups\": [{\"name\": \"web\", \"frames\": 2, \"swap\": 0}, "
	    "{\"name\": \"db\", \"frames\": 3}], "
	    "\"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": [], \"cgroup\": \"web\"}, "
	    "{\"pid\": 2, \"name\": \"b\", \"map\": [], \"limit\": 1}, "
	    "{\"pid\": 3, \"name\": \"c\", \"map\": []}], "
	    "\"ops\": [\"cgroup db add 3\", \"cgroup db swap 4\", \"cgroup api 1\"], \"cursor\": 3}";
	struct session s, t;
	struct seen seen;
	char *once, *twice;
	const struct machine *m;

	(void)state;
	assert_int_equal(parse(doc, &s, &seen), 0);
	once = session_to_json(&s);
	assert_int_equal(parse(once, &t, &seen), 0);
	twice = session_to_json(&t);
	assert_string_equal(once, twice);
	assert_non_null(strstr(once, "\"cgroups\": [\n"));
	assert_non_null(strstr(once, "\"cgroup\": \"web\""));
	m = history_initial(t.history);
	assert_int_equal(m->ncgroups, 3);       /* web, db, and pid 2's own */
	assert_int_equal(cgroup_frame_limit(m, machine_process(m, 1)), 2);
	assert_int_equal(cgroup_at(m, cgroup_find(m, "web"))->swap_max, 0);
	assert_int_equal(cgroup_at(m, cgroup_find(m, "db"))->swap_max, SWAP_LIMIT_NONE);
	assert_int_equal(cgroup_frame_limit(m, machine_process(m, 2)), 1);
	assert_int_equal(machine_process(m, 3)->cgroup, CGROUP_NONE);
	m = history_state(t.history, 3);
	assert_int_equal(machine_process(m, 3)->cgroup, cgroup_find(m, "db"));
	assert_int_equal(cgroup_at(m, cgroup_find(m, "db"))->swap_max, 4);
	assert_true(cgroup_find(m, "api") != CGROUP_NONE);
	free(once);
	free(twice);
	session_free(&s);
	session_free(&t);
}

static void
t_save_modes(void **state)
{
	char path[512], err[512];
	struct session s;
	struct seen seen;
	struct stat st;
	mode_t mask = umask(022);

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(path, sizeof path, "new.json");
	assert_int_equal(session_save(&s, path, err, sizeof err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0644);
	chmod(path, 0600);
	assert_int_equal(session_save(&s, path, err, sizeof err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	umask(077);
	unlink(path);
	assert_int_equal(session_save(&s, path, err, sizeof err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	umask(mask);
	unlink(path);
	assert_int_equal(entries_in_tmpdir(), 0);
	session_free(&s);
}

/* A failed save: -1, the message, s as it was, nothing left behind. */
static void
save_fails(struct session *s, const char *path, const char *why)
{
	char err[512], want[600];
	char *old_path = s->path;
	unsigned before = entries_in_tmpdir();

	s->modified = true;
	assert_int_equal(session_save(s, path, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s: cannot save: %s", path, why);
	assert_string_equal(err, want);
	assert_ptr_equal(s->path, old_path);
	assert_true(s->modified);
	assert_int_equal(entries_in_tmpdir(), before);
}

static void
t_save_failures(void **state)
{
	char path[512], dir[512], inner[600], why[700];
	struct session s;
	struct seen seen;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	/* a folder in the way: it and what it holds stay */
	in_tmp(dir, sizeof dir, "folder.json");
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(inner, sizeof inner, "%s/keep", dir);
	write_text(inner, "x");
	save_fails(&s, dir, "it is a folder, not a regular file; sessions are saved only "
	    "over regular files");
	assert_int_equal(access(inner, F_OK), 0);
	/* a folder that does not exist */
	in_tmp(path, sizeof path, "nowhere/s.json");
	snprintf(why, sizeof why, "cannot create a file in %.*s: No such file or directory",
	    (int)(strlen(path) - strlen("/s.json")), path);
	save_fails(&s, path, why);
	/* a folder we may not write to */
	if (geteuid() == 0) {
		print_message("# skipped permission denied: root writes everywhere\n");
	} else {
		chmod(dir, 0555);
		snprintf(inner, sizeof inner, "%s/s.json", dir);
		snprintf(why, sizeof why, "cannot create a file in %s: Permission denied", dir);
		save_fails(&s, inner, why);
		chmod(dir, 0755);
	}
	remove_tree(dir);
	session_free(&s);
}

/* The disk fills up half-way: the old file must come through whole. */
static void
t_save_disk_full(void **state)
{
	char path[512], err[512];
	struct session s;
	struct seen seen;
	struct rlimit old, tiny;
	char *before, *after;
	void (*was)(int);

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(path, sizeof path, "full.json");
	write_text(path, "{\"vmscope\": 1}\n");
	before = slurp(path);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	tiny = old;
	tiny.rlim_cur = 100;
	was = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &tiny), 0);
	assert_int_equal(session_save(&s, path, err, sizeof err), -1);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, was);
	assert_non_null(strstr(err, ": cannot save: File too large"));
	after = slurp(path);
	assert_string_equal(before, after);
	assert_int_equal(entries_in_tmpdir(), 1);   /* no temporary file left */
	free(before);
	free(after);
	unlink(path);
	session_free(&s);
}

/* A FIFO or a device is never replaced by a file, and nothing is written to it. */
static void
t_save_only_regular_files(void **state)
{
	char fifo[512], link[512];
	struct session s;
	struct seen seen;
	struct stat st;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(fifo, sizeof fifo, "fifo.json");
	assert_int_equal(mkfifo(fifo, 0644), 0);
	save_fails(&s, fifo, "it is a FIFO, not a regular file; sessions are saved only "
	    "over regular files");
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	save_fails(&s, "/dev/null", "it is a device, not a regular file; sessions are saved "
	    "only over regular files");
	assert_int_equal(stat("/dev/null", &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	/* nor through a link */
	in_tmp(link, sizeof link, "to-null.json");
	assert_int_equal(symlink("/dev/null", link), 0);
	save_fails(&s, link, "it leads to a device, not a regular file; sessions are saved "
	    "only over regular files");
	unlink(link);
	unlink(fifo);
	session_free(&s);
}

/*
 * A read-only file is not replaced, although its folder would let a
 * rename do it (root included: no write bit for anyone means "keep").
 */
static void
t_save_not_over_read_only(void **state)
{
	char path[512], link[512];
	struct session s;
	struct seen seen;
	char *before, *after;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(path, sizeof path, "read-only.json");
	write_text(path, "{\"vmscope\": 1}\n");
	assert_int_equal(chmod(path, 0444), 0);
	before = slurp(path);
	save_fails(&s, path, "it is read-only; sessions are saved only over files that "
	    "may be written");
	in_tmp(link, sizeof link, "to-read-only.json");
	assert_int_equal(symlink(path, link), 0);
	save_fails(&s, link, "it leads to a file that is read-only; sessions are saved only "
	    "over files that may be written");
	after = slurp(path);
	assert_string_equal(before, after);
	free(before);
	free(after);
	unlink(link);
	unlink(path);
	session_free(&s);
}

/* A link is written through: the file it names is replaced, the link stays. */
static void
t_save_through_a_link(void **state)
{
	char dir[512], target[600], link[512], dangling[512], err[512], *text;
	struct session s;
	struct seen seen;
	struct stat st;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(dir, sizeof dir, "real");
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(target, sizeof target, "%s/target.json", dir);
	write_text(target, "old");
	in_tmp(link, sizeof link, "link.json");
	assert_int_equal(symlink("real/target.json", link), 0);
	assert_int_equal(session_save(&s, link, err, sizeof err), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	text = slurp(target);
	assert_non_null(strstr(text, "\"vmscope\": 1"));
	free(text);
	/* a link to a file not there yet makes that file */
	in_tmp(dangling, sizeof dangling, "dangling.json");
	assert_int_equal(symlink("real/new.json", dangling), 0);
	assert_int_equal(session_save(&s, dangling, err, sizeof err), 0);
	snprintf(target, sizeof target, "%s/new.json", dir);
	assert_int_equal(stat(target, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	unlink(link);
	unlink(dangling);
	remove_tree(dir);
	assert_int_equal(entries_in_tmpdir(), 0);
	session_free(&s);
}

/* What would not be read back is refused before the old file is touched. */
static void
t_save_too_large(void **state)
{
	char path[512], err[512], *text;
	struct session s;
	struct seen seen;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(path, sizeof path, "big.json");
	write_text(path, "the only copy");
	free(s.notes);
	s.notes = malloc(SESSION_FILE_MAX + 1);
	assert_non_null(s.notes);
	memset(s.notes, 'n', SESSION_FILE_MAX);
	s.notes[SESSION_FILE_MAX] = '\0';
	assert_int_equal(session_save(&s, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "the session would take 17 MiB, more than the 16 MiB a "
	    "session file may be (the file is unchanged)"));
	text = slurp(path);
	assert_string_equal(text, "the only copy");
	free(text);
	unlink(path);
	assert_int_equal(entries_in_tmpdir(), 0);
	session_free(&s);
}

/* Every name the file system takes saves, however long; a longer one is refused. */
static void
t_save_long_names(void **state)
{
	char name[300], path[800], err[1024];
	struct session s;
	struct seen seen;
	size_t n;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	for (n = 249; n <= 256; n++) {
		memset(name, 'a', n);
		name[n] = '\0';
		in_tmp(path, sizeof path, name);
		if (n <= 255) {
			assert_int_equal(session_save(&s, path, err, sizeof err), 0);
			assert_int_equal(unlink(path), 0);
		} else {
			assert_int_equal(session_save(&s, path, err, sizeof err), -1);
			assert_non_null(strstr(err, "File name too long"));
		}
	}
	assert_int_equal(entries_in_tmpdir(), 0);
	session_free(&s);
}

/* Saving as root keeps the old file's owner and group. */
static void
t_save_keeps_owner(void **state)
{
	char path[512], err[512];
	struct session s;
	struct seen seen;
	struct stat st;

	(void)state;
	if (geteuid() != 0) {
		print_message("# skipped: only root can give a file away\n");
		return;
	}
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(path, sizeof path, "owned.json");
	write_text(path, "x");
	assert_int_equal(chown(path, 4321, 8765), 0);
	assert_int_equal(session_save(&s, path, err, sizeof err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_uid, 4321);
	assert_int_equal(st.st_gid, 8765);
	unlink(path);
	session_free(&s);
}

/* The UI asks before replacing a file the session was not read from. */
static void
t_would_replace(void **state)
{
	char mine[512], other[512], same[600], err[512];
	struct session s;
	struct seen seen;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	in_tmp(mine, sizeof mine, "mine.json");
	in_tmp(other, sizeof other, "other.json");
	assert_false(session_would_replace(&s, mine));          /* not there */
	write_text(other, "someone's");
	assert_true(session_would_replace(&s, other));          /* no file of its own */
	assert_int_equal(session_save(&s, mine, err, sizeof err), 0);
	assert_false(session_would_replace(&s, mine));
	snprintf(same, sizeof same, "%s/./mine.json", tmpdir);
	assert_false(session_would_replace(&s, same));          /* spelt differently */
	assert_true(session_would_replace(&s, other));
	assert_false(session_would_replace(&s, "/dev/null"));   /* refused, not asked */
	unlink(mine);
	unlink(other);
	session_free(&s);
}

/* ---- the built-in session and session_init ------------------------------ */

static void
t_default_session(void **state)
{
	char err[256];
	struct session s;
	const struct machine *m;

	(void)state;
	assert_int_equal(session_default(&s, err, sizeof err), 0);
	assert_string_equal(s.title, "Two apps, one address");
	assert_null(s.path);
	m = history_state(s.history, history_length(s.history));
	/* both processes touched 0x7fff and landed in different frames */
	assert_int_equal(frame_first(m, 0).pid, 1);
	assert_int_equal(frame_first(m, 0).vpn, 0x7);
	assert_int_equal(frame_first(m, 1).pid, 2);
	assert_int_equal(frame_first(m, 1).vpn, 0x7);
	assert_int_equal(promises_check(s.expect, m, NULL, NULL), 0);
	session_free(&s);
}

static void
t_session_init(void **state)
{
	struct machine_config cfg;
	struct session s;
	struct seen seen;
	char *text;

	(void)state;
	machine_config_default(&cfg);
	session_init(&s, machine_new_flat(&cfg, "app", PERM_R | PERM_W), "Mine");
	assert_string_equal(s.title, "Mine");
	assert_int_equal(history_length(s.history), 0);
	text = session_to_json(&s);
	session_free(&s);
	assert_int_equal(parse(text, &s, &seen), 0);
	assert_int_equal(history_initial(s.history)->current_pid, 1);
	free(text);
	session_free(&s);
}

/*
 * A session whose operations were changed no longer carries its promises
 * nor its notes as if they held; typed back onto its path, it does again.
 */
static void
t_leaving_the_lesson_path(void **state)
{
	struct session s, t;
	struct seen seen;
	struct op op;
	struct cmd_error cerr;
	char err[128], *text;

	(void)state;
	assert_int_equal(parse(good, &s, &seen), 0);
	assert_true(session_on_lesson_path(&s));
	assert_int_equal(cmd_parse("r 2:0x10", &op, &cerr), 0);
	history_truncate(s.history, 3);
	assert_int_equal(history_append(s.history, &op, "r 2:0x10", err, sizeof err), 0);
	assert_false(session_on_lesson_path(&s));
	text = session_to_json(&s);
	assert_null(strstr(text, "\"expect\""));
	assert_int_equal(parse(text, &t, &seen), 0);
	assert_null(t.expect);
	assert_string_equal(t.notes, SESSION_NOTES_CAVEAT " Watch 0x7fff.");
	free(text);
	session_free(&t);

	assert_int_equal(cmd_parse("r 0x10", &op, &cerr), 0);
	history_truncate(s.history, 3);
	assert_int_equal(history_append(s.history, &op, "r 0x10", err, sizeof err), 0);
	assert_true(session_on_lesson_path(&s));
	text = session_to_json(&s);
	assert_non_null(strstr(text, "\"expect\""));
	assert_null(strstr(text, SESSION_NOTES_CAVEAT));
	free(text);
	session_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_load_and_replay),
		cmocka_unit_test(t_bom_accepted),
		cmocka_unit_test(t_minimal_and_defaults),
		cmocka_unit_test(t_bad_documents),
		cmocka_unit_test(t_compare_policies),
		cmocka_unit_test(t_policy_names_any_case),
		cmocka_unit_test(t_bad_machine_skips_replay),
		cmocka_unit_test(t_refused_files),
		cmocka_unit_test(t_unreadable_file),
		cmocka_unit_test(t_load_file),
		cmocka_unit_test(t_check_ok_file),
		cmocka_unit_test(t_save_byte_for_byte),
		cmocka_unit_test(t_save_keeps_everything),
		cmocka_unit_test(t_share_round_trip),
		cmocka_unit_test(t_save_keeps_groups),
		cmocka_unit_test(t_save_modes),
		cmocka_unit_test(t_save_failures),
		cmocka_unit_test(t_save_disk_full),
		cmocka_unit_test(t_save_only_regular_files),
		cmocka_unit_test(t_save_not_over_read_only),
		cmocka_unit_test(t_save_through_a_link),
		cmocka_unit_test(t_save_too_large),
		cmocka_unit_test(t_save_long_names),
		cmocka_unit_test(t_save_keeps_owner),
		cmocka_unit_test(t_would_replace),
		cmocka_unit_test(t_default_session),
		cmocka_unit_test(t_session_init),
		cmocka_unit_test(t_leaving_the_lesson_path),
	};

	return cmocka_run_group_tests(tests, make_tmpdir, drop_tmpdir);
}
