/*
 * test_cmd.c - the command language: every form, every error with its
 * column and message, and cmd_format/cmd_parse round trips.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "cmd.h"

#define RW (PERM_R | PERM_W)

struct good {
	const char *line;
	enum op_kind kind;
	char access;
	int pid;
	uint64_t addr, pages;
	unsigned perm, limit;
	const char *name;
	const char *canonical;      /* what cmd_format writes */
};

static const struct good goods[] = {
	{ "r 0x3000", OP_ACCESS, 'r', 0, 0x3000, 0, 0, 0, "", "r 0x3000" },
	{ "w 2:0x4000", OP_ACCESS, 'w', 2, 0x4000, 0, 0, 0, "", "w 2:0x4000" },
	{ "x 12", OP_ACCESS, 'x', 0, 12, 0, 0, 0, "", "x 0xc" },
	{ "r 0b101", OP_ACCESS, 'r', 0, 5, 0, 0, 0, "", "r 0x5" },
	{ "r 0B11", OP_ACCESS, 'r', 0, 3, 0, 0, 0, "", "r 0x3" },
	{ "r 0X1f", OP_ACCESS, 'r', 0, 0x1f, 0, 0, 0, "", "r 0x1f" },
	{ "r 0xAbC", OP_ACCESS, 'r', 0, 0xabc, 0, 0, 0, "", "r 0xabc" },
	{ "r 0", OP_ACCESS, 'r', 0, 0, 0, 0, 0, "", "r 0x0" },
	{ "r 007", OP_ACCESS, 'r', 0, 7, 0, 0, 0, "", "r 0x7" },
	{ "  r   0x10  ", OP_ACCESS, 'r', 0, 0x10, 0, 0, 0, "", "r 0x10" },
	{ "\tw\t0x10\t", OP_ACCESS, 'w', 0, 0x10, 0, 0, 0, "", "w 0x10" },
	{ "r 0x10\r", OP_ACCESS, 'r', 0, 0x10, 0, 0, 0, "", "r 0x10" },
	{ "r 0x10\r\n", OP_ACCESS, 'r', 0, 0x10, 0, 0, 0, "", "r 0x10" },
	{ "r 0x10 # the stack", OP_ACCESS, 'r', 0, 0x10, 0, 0, 0, "", "r 0x10" },
	{ "r 0x0#c", OP_ACCESS, 'r', 0, 0, 0, 0, 0, "", "r 0x0" },       /* README: anywhere */
	{ "w 2:0x10#", OP_ACCESS, 'w', 2, 0x10, 0, 0, 0, "", "w 2:0x10" },
	{ "r 1:0", OP_ACCESS, 'r', 1, 0, 0, 0, 0, "", "r 1:0x0" },
	{ "x 0xffff:0x1", OP_ACCESS, 'x', 65535, 1, 0, 0, 0, "", "x 65535:0x1" },
	{ "r 18446744073709551615", OP_ACCESS, 'r', 0, UINT64_MAX, 0, 0, 0, "",
	  "r 0xffffffffffffffff" },
	{ "r 0xFFFFFFFFFFFFFFFF", OP_ACCESS, 'r', 0, UINT64_MAX, 0, 0, 0, "",
	  "r 0xffffffffffffffff" },
	{ "spawn chrome", OP_SPAWN, 0, 0, 0, SPAWN_DEFAULT_PAGES, RW, 0, "chrome",
	  "spawn chrome" },
	{ "spawn a.b-c_9 16", OP_SPAWN, 0, 0, 0, 16, RW, 0, "a.b-c_9", "spawn a.b-c_9 16" },
	{ "spawn x 4 rx", OP_SPAWN, 0, 0, 0, 4, PERM_R | PERM_X, 0, "x", "spawn x 4 rx" },
	{ "spawn x rwx", OP_SPAWN, 0, 0, 0, SPAWN_DEFAULT_PAGES, PERM_R | PERM_W | PERM_X,
	  0, "x", "spawn x rwx" },
	{ "spawn x 0x10 r", OP_SPAWN, 0, 0, 0, 16, PERM_R, 0, "x", "spawn x 16 r" },
	{ "spawn x 2 rw", OP_SPAWN, 0, 0, 0, 2, RW, 0, "x", "spawn x 2" },
	{ "spawn abcdefghijklmnopqrstuvwx", OP_SPAWN, 0, 0, 0, SPAWN_DEFAULT_PAGES, RW, 0,
	  "abcdefghijklmnopqrstuvwx", "spawn abcdefghijklmnopqrstuvwx" },
	{ "switch 2", OP_SWITCH, 0, 2, 0, 0, 0, 0, "", "switch 2" },
	{ "switch 0x10", OP_SWITCH, 0, 16, 0, 0, 0, 0, "", "switch 16" },
	{ "exit 3", OP_EXIT, 0, 3, 0, 0, 0, 0, "", "exit 3" },
	{ "map 1 0x4000 4 rw", OP_MAP, 0, 1, 0x4000, 4, RW, 0, "", "map 1 0x4000 4 rw" },
	{ "map 2 16 0b11 rx", OP_MAP, 0, 2, 16, 3, PERM_R | PERM_X, 0, "",
	  "map 2 0x10 3 rx" },
	{ "unmap 1 0x4000 4", OP_UNMAP, 0, 1, 0x4000, 4, 0, 0, "", "unmap 1 0x4000 4" },
	{ "limit 1 3", OP_LIMIT, 0, 1, 0, 0, 0, 3, "", "limit 1 3" },
	{ "limit 2 none", OP_LIMIT, 0, 2, 0, 0, 0, LIMIT_NONE, "", "limit 2 none" },
	{ "limit 2 65536", OP_LIMIT, 0, 2, 0, 0, 0, 65536, "", "limit 2 65536" },
	{ "fork 1", OP_FORK, 0, 1, 0, 0, 0, 0, "", "fork 1" },
	{ "hugemap 1 0x200000 2 rw", OP_HUGEMAP, 0, 1, 0x200000, 2, RW, 0, "",
	  "hugemap 1 0x200000 2 rw" },
	{ "fork 0x1f  # a child", OP_FORK, 0, 31, 0, 0, 0, 0, "", "fork 31" },
	{ "tlb flush", OP_TLB_FLUSH, 0, 0, 0, 0, 0, 0, "", "tlb flush" },
	{ "share 1 0x1000 2 0x8000 2 rw", OP_SHARE, 0, 1, 0x1000, 2, RW, 0, "",
	  "share 1 0x1000 2 0x8000 2 rw" },
	{ "share 0x3 4096 12 0 0b11 r # shm", OP_SHARE, 0, 3, 0x1000, 3, PERM_R, 0, "",
	  "share 3 0x1000 12 0x0 3 r" },
	{ "cgroup web 3", OP_CGROUP_LIMIT, 0, 0, 0, 0, 0, 3, "web", "cgroup web 3" },
	{ "cgroup  a.b-c_9  0x10 # big", OP_CGROUP_LIMIT, 0, 0, 0, 0, 0, 16, "a.b-c_9",
	  "cgroup a.b-c_9 16" },
	{ "cgroup web add 2", OP_CGROUP_ADD, 0, 2, 0, 0, 0, 0, "web", "cgroup web add 2" },
	{ "cgroup web swap 0", OP_CGROUP_SWAP, 0, 0, 0, 0, 0, 0, "web", "cgroup web swap 0" },
	{ "cgroup add add 1", OP_CGROUP_ADD, 0, 1, 0, 0, 0, 0, "add", "cgroup add add 1" },
	{ "cgroup web swap 16777216", OP_CGROUP_SWAP, 0, 0, 0, 0, 0, 16777216, "web",
	  "cgroup web swap 16777216" },
	{ "", OP_NONE, 0, 0, 0, 0, 0, 0, "", "" },
	{ "   \t ", OP_NONE, 0, 0, 0, 0, 0, 0, "", "" },
	{ "\r", OP_NONE, 0, 0, 0, 0, 0, 0, "", "" },
	{ "# a comment", OP_NONE, 0, 0, 0, 0, 0, 0, "", "" },
	{ "   #indented: r 0xZZ", OP_NONE, 0, 0, 0, 0, 0, 0, "", "" },
};

struct bad {
	const char *line;
	unsigned column;
	const char *msg;
};

#define CGROUP_USAGE "cgroup NAME FRAMES, cgroup NAME add PID or cgroup NAME swap SLOTS"
#define UNKNOWN_EXPECTED "(expected r, w, x, spawn, switch, exit, map, unmap, limit, tlb flush, fork, " \
	"share, cgroup or hugemap)"
#define NUMBER "(expected decimal, 0x hex or 0b binary)"
#define TOO_LARGE "(expected at most 64 bits)"
#define ACCESS_R "(expected r ADDR or r PID:ADDR)"
#define NAME_EXPECTED "(expected 1 to 24 letters, digits, '_', '.' or '-')"
#define PERM_EXPECTED "(expected r, rw, rx or rwx)"
#define SHARE_EXPECTED "(expected share PID1 ADDR1 PID2 ADDR2 PAGES PERM)"

static const struct bad bads[] = {
	{ "foo", 1, "unknown command \"foo\" at column 1 " UNKNOWN_EXPECTED },
	{ "  R 1", 3, "unknown command \"R\" at column 3 " UNKNOWN_EXPECTED },
	{ "tlbflush", 1, "unknown command \"tlbflush\" at column 1 " UNKNOWN_EXPECTED },
	/* user bytes are escaped, never sent to the terminal as they are */
	{ "\033[2J\033]2;PWNED\007", 1, "unknown command \"\\x1b[2J\\x1b]2;PWNED\\x07\" at "
	  "column 1 " UNKNOWN_EXPECTED },
	{ "r 0x0 \302\233x", 7, "unexpected \"\\xc2\\x9bx\" at column 7 "
	  "(expected nothing after r ADDR or r PID:ADDR)" },
	{ "r 0x0 d\303\251j\303\240", 7, "unexpected \"d\303\251j\303\240\" at column 7 "
	  "(expected nothing after r ADDR or r PID:ADDR)" },
	{ "hugemap 1 0x0 1", 17, "missing permission at column 17 "
	  "(expected hugemap PID ADDR PAGES PERM)" },
	{ "r", 3, "missing address at column 3 " ACCESS_R },
	{ "r   ", 3, "missing address at column 3 " ACCESS_R },
	{ "w", 3, "missing address at column 3 (expected w ADDR or w PID:ADDR)" },
	{ "x # no address", 3, "missing address at column 3 (expected x ADDR or x PID:ADDR)" },
	{ "r 0xZZ", 3, "bad number at column 3 " NUMBER },
	{ "r 0x", 3, "bad number at column 3 " NUMBER },
	{ "r 0b", 3, "bad number at column 3 " NUMBER },
	{ "r 0b102", 3, "bad number at column 3 " NUMBER },
	{ "r -1", 3, "bad number at column 3 " NUMBER },
	{ "r +1", 3, "bad number at column 3 " NUMBER },
	{ "r 12ab", 3, "bad number at column 3 " NUMBER },
	{ "r 18446744073709551616", 3, "number too large at column 3 " TOO_LARGE },
	{ "r 0x10000000000000000", 3, "number too large at column 3 " TOO_LARGE },
	{ "r 0b" "11111111111111111111111111111111" "111111111111111111111111111111111", 3,
	  "number too large at column 3 " TOO_LARGE },
	{ "r 1:0x10 5", 10,
	  "unexpected \"5\" at column 10 (expected nothing after r ADDR or r PID:ADDR)" },
	{ "r\t0x1\tx", 7,
	  "unexpected \"x\" at column 7 (expected nothing after r ADDR or r PID:ADDR)" },
	{ "r :5", 3, "missing pid at column 3 (expected r PID:ADDR)" },
	{ "r 5:", 5, "missing address at column 5 (expected r PID:ADDR)" },
	{ "w 0:5", 3, "bad pid at column 3 (expected 1..65535)" },
	{ "r 65536:5", 3, "bad pid at column 3 (expected 1..65535)" },
	{ "r 1:zz", 5, "bad number at column 5 " NUMBER },
	{ "r 12:1:2", 6, "bad number at column 6 " NUMBER },
	{ "r x:5", 3, "bad number at column 3 " NUMBER },
	{ "spawn", 7, "missing name at column 7 (expected spawn NAME [PAGES] [PERM])" },
	{ "spawn a/b", 7, "bad name at column 7 " NAME_EXPECTED },
	{ "spawn abcdefghijklmnopqrstuvwxy", 7, "bad name at column 7 " NAME_EXPECTED },
	{ "spawn a 0", 9, "bad page count at column 9 (expected 1 or more)" },
	{ "spawn a 4x", 9, "bad number at column 9 " NUMBER },
	{ "spawn a 4 rq", 11, "bad permission at column 11 " PERM_EXPECTED },
	{ "spawn a wx", 9, "bad permission at column 9 " PERM_EXPECTED },
	{ "spawn a 4 rw 5", 14, "unexpected \"5\" at column 14 "
	  "(expected nothing after spawn NAME [PAGES] [PERM])" },
	{ "spawn a rw 4", 12, "unexpected \"4\" at column 12 "
	  "(expected nothing after spawn NAME [PAGES] [PERM])" },
	{ "switch", 8, "missing pid at column 8 (expected switch PID)" },
	{ "switch 0", 8, "bad pid at column 8 (expected 1..65535)" },
	{ "switch abc", 8, "bad number at column 8 " NUMBER },
	{ "exit 1 2", 8, "unexpected \"2\" at column 8 (expected nothing after exit PID)" },
	{ "exit", 6, "missing pid at column 6 (expected exit PID)" },
	{ "map", 5, "missing pid at column 5 (expected map PID ADDR PAGES PERM)" },
	{ "map 1", 7, "missing address at column 7 (expected map PID ADDR PAGES PERM)" },
	{ "map 1 0x0", 11, "missing page count at column 11 "
	  "(expected map PID ADDR PAGES PERM)" },
	{ "map 1 0x0 4", 13, "missing permission at column 13 "
	  "(expected map PID ADDR PAGES PERM)" },
	{ "map 1 0x0 0 rw", 11, "bad page count at column 11 (expected 1 or more)" },
	{ "map 1 0x0 1 w", 13, "bad permission at column 13 " PERM_EXPECTED },
	{ "unmap 1 0x0 2 rw", 15, "unexpected \"rw\" at column 15 "
	  "(expected nothing after unmap PID ADDR PAGES)" },
	{ "limit 1", 9, "missing frame limit at column 9 "
	  "(expected limit PID FRAMES or limit PID none)" },
	{ "limit 1 0", 9, "bad frame limit at column 9 (expected 1..65536)" },
	{ "limit 1 70000", 9, "bad frame limit at column 9 (expected 1..65536)" },
	{ "limit 1 nope", 9, "bad frame limit at column 9 (expected FRAMES or none)" },
	{ "limit 1 0xZ", 9, "bad number at column 9 " NUMBER },
	{ "fork", 6, "missing pid at column 6 (expected fork PID)" },
	{ "fork 0", 6, "bad pid at column 6 (expected 1..65535)" },
	{ "fork 65536", 6, "bad pid at column 6 (expected 1..65535)" },
	{ "fork app", 6, "bad number at column 6 " NUMBER },
	{ "fork 1 2", 8, "unexpected \"2\" at column 8 (expected nothing after fork PID)" },
	{ "share", 7, "missing pid at column 7 " SHARE_EXPECTED },
	{ "share 1", 9, "missing address at column 9 " SHARE_EXPECTED },
	{ "share 1 0x0", 13, "missing second pid at column 13 " SHARE_EXPECTED },
	{ "share 1 0x0 2", 15, "missing second address at column 15 " SHARE_EXPECTED },
	{ "share 1 0x0 2 0x0", 19, "missing page count at column 19 " SHARE_EXPECTED },
	{ "share 1 0x0 2 0x0 3", 21, "missing permission at column 21 " SHARE_EXPECTED },
	{ "share 0 0x0 2 0x0 3 rw", 7, "bad pid at column 7 (expected 1..65535)" },
	{ "share 1 0xg 2 0x0 3 rw", 9, "bad number at column 9 " NUMBER },
	{ "share 1 0x0 65536 0x0 3 rw", 13, "bad pid at column 13 (expected 1..65535)" },
	{ "share 1 0x0 2 x 3 rw", 15, "bad number at column 15 " NUMBER },
	{ "share 1 0x0 2 0x0 0 rw", 19, "bad page count at column 19 (expected 1 or more)" },
	{ "share 1 0x0 2 0x0 3 wr", 21, "bad permission at column 21 " PERM_EXPECTED },
	{ "share 1 0x0 2 0x0 3 rw 4", 24, "unexpected \"4\" at column 24 (expected nothing "
	  "after share PID1 ADDR1 PID2 ADDR2 PAGES PERM)" },
	{ "tlb", 5, "missing \"flush\" at column 5 (expected tlb flush)" },
	{ "cgroup", 8, "missing name at column 8 (expected " CGROUP_USAGE ")" },
	{ "cgroup web", 12, "missing frame limit, add or swap at column 12 (expected "
	  CGROUP_USAGE ")" },
	{ "cgroup w@b 3", 8, "bad name at column 8 (expected 1 to 24 letters, digits, '_', "
	  "'.' or '-')" },
	{ "cgroup web 0", 12, "bad frame limit at column 12 (expected 1..65536)" },
	{ "cgroup web 65537", 12, "bad frame limit at column 12 (expected 1..65536)" },
	{ "cgroup web 3x", 12, "bad number at column 12 " NUMBER },
	{ "cgroup web none", 12, "unknown cgroup setting \"none\" at column 12 (expected "
	  "FRAMES, add PID or swap SLOTS)" },
	{ "cgroup web 3 4", 14, "unexpected \"4\" at column 14 (expected nothing after "
	  "cgroup NAME FRAMES)" },
	{ "cgroup web add", 16, "missing pid at column 16 (expected cgroup NAME add PID)" },
	{ "cgroup web add 0", 16, "bad pid at column 16 (expected 1..65535)" },
	{ "cgroup web add x", 16, "bad number at column 16 " NUMBER },
	{ "cgroup web add 1 2", 18, "unexpected \"2\" at column 18 (expected nothing after "
	  "cgroup NAME add PID)" },
	{ "cgroup web swap", 17, "missing slot count at column 17 (expected cgroup NAME swap "
	  "SLOTS)" },
	{ "cgroup web swap 16777217", 17, "bad slot count at column 17 (expected "
	  "0..16777216)" },
	{ "cgroup web swap none", 17, "bad number at column 17 " NUMBER },
	{ "cgroup web swap 1 x", 19, "unexpected \"x\" at column 19 (expected nothing "
	  "after cgroup NAME swap SLOTS)" },
	{ "tlb flsh", 5, "unknown tlb command \"flsh\" at column 5 (expected tlb flush)" },
	{ "tlb flush now", 11,
	  "unexpected \"now\" at column 11 (expected nothing after tlb flush)" },
};

static void
assert_op(const struct good *g, const struct op *op)
{
	assert_int_equal(op->kind, g->kind);
	if (g->kind == OP_ACCESS)
		assert_int_equal(op->access, g->access);
	assert_int_equal(op->pid, g->pid);
	assert_true(op->addr == g->addr);
	assert_true(op->pages == g->pages);
	assert_int_equal(op->perm, g->perm);
	assert_int_equal(op->limit, g->limit);
	assert_string_equal(op->name, g->name);
}

static void
t_good_forms(void **state)
{
	struct cmd_error err;
	struct op op;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		if (cmd_parse(goods[i].line, &op, &err) != 0)
			fail_msg("\"%s\": %s", goods[i].line, err.msg);
		assert_op(&goods[i], &op);
	}
}

/* share's second process and address, which the table above does not hold. */
static void
t_share_second_process(void **state)
{
	struct cmd_error err;
	struct op op, again;
	char buf[64];

	(void)state;
	assert_int_equal(cmd_parse("share 1 0x1000 2 0x8000 2 rw", &op, &err), 0);
	assert_int_equal(op.to_pid, 2);
	assert_true(op.to_addr == 0x8000);
	assert_int_equal(cmd_parse("share 0x3 4096 12 0 0b11 r", &op, &err), 0);
	assert_int_equal(op.to_pid, 12);
	assert_true(op.to_addr == 0);
	cmd_format(&op, buf, sizeof buf);
	assert_int_equal(cmd_parse(buf, &again, &err), 0);
	assert_int_equal(again.to_pid, 12);
	assert_true(again.to_addr == 0 && again.pid == 3 && again.addr == 0x1000);
}

static void
t_errors(void **state)
{
	struct cmd_error err;
	struct op op;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		if (cmd_parse(bads[i].line, &op, &err) != -1)
			fail_msg("\"%s\" was accepted", bads[i].line);
		if (strcmp(err.msg, bads[i].msg) != 0 || err.column != bads[i].column)
			fail_msg("\"%s\": got column %u \"%s\"", bads[i].line, err.column,
				 err.msg);
	}
}

static void
t_format_round_trip(void **state)
{
	struct cmd_error err;
	struct op op, again;
	char buf[128];
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		assert_int_equal(cmd_parse(goods[i].line, &op, &err), 0);
		n = cmd_format(&op, buf, sizeof buf);
		assert_string_equal(buf, goods[i].canonical);
		assert_int_equal(n, strlen(buf));
		assert_int_equal(cmd_parse(buf, &again, &err), 0);
		assert_op(&goods[i], &again);
	}
}

static void
t_format_truncates(void **state)
{
	struct cmd_error err;
	struct op op;
	char buf[6];

	(void)state;
	assert_int_equal(cmd_parse("w 2:0x4000", &op, &err), 0);
	assert_int_equal(cmd_format(&op, buf, sizeof buf), strlen("w 2:0x4000"));
	assert_string_equal(buf, "w 2:0");
}

static void
t_usage_names_every_command(void **state)
{
	static const char *const forms[] = {
		"r ADDR", "w ADDR", "x ADDR", "PID:ADDR", "spawn NAME [PAGES] [PERM]",
		"switch PID", "exit PID", "map PID ADDR PAGES PERM", "unmap PID ADDR PAGES",
		"limit PID FRAMES|none", "tlb flush", "fork PID", "share PID1 ADDR1 PID2 ADDR2 PAGES PERM",
		"cgroup NAME FRAMES|add PID|swap SLOTS", "# ",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strstr(cmd_usage(), forms[i]) == NULL)
			fail_msg("usage lacks \"%s\"", forms[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_good_forms),
		cmocka_unit_test(t_share_second_process),
		cmocka_unit_test(t_errors),
		cmocka_unit_test(t_format_round_trip),
		cmocka_unit_test(t_format_truncates),
		cmocka_unit_test(t_usage_names_every_command),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
