/*
 * cmd.c - the command language (DESIGN §2): one table of commands, each a
 * short list of argument kinds, and one table of argument kinds, each with
 * the parser that reads it.  Every error names the column where the
 * problem starts and says what was expected there.
 *
 * Tokens are separated by blanks (space, tab; a CR or LF counts as one, so
 * a CRLF line end is harmless).  A '#' anywhere begins a comment that runs
 * to the end of the line, on a line of its own, after a command or right
 * after a token ("r 0x0#c" reads 0x0); no token may hold a '#'.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "machine.h"
#include "number.h"
#include "quote.h"

struct token {
	const char *s;
	size_t len;
	unsigned column;        /* from 1 */
};

struct lexer {
	const char *line;
	size_t pos;
};

enum arg_kind {
	ARG_END,                /* no more arguments */
	ARG_TARGET,             /* ADDR or PID:ADDR */
	ARG_NAME,
	ARG_PID,
	ARG_ADDR,
	ARG_PAGES,
	ARG_PERM,
	ARG_OPT_PAGES,          /* [PAGES]: declines a token that is no number */
	ARG_OPT_PERM,           /* [PERM] */
	ARG_LIMIT,              /* FRAMES or none */
	ARG_FLUSH,              /* the word "flush" */
	ARG_TO_PID,             /* share's second process ... */
	ARG_TO_ADDR,            /* ... and the address there */
	ARG_SLOTS,              /* a swap slot count, 0 or more */
};

#define ARGS_MAX 6

#define CGROUP_USAGE "cgroup NAME FRAMES, cgroup NAME add PID or cgroup NAME swap SLOTS"

struct cmd_entry {
	const char *name;
	const char *listed;     /* how the "unknown command" message lists it */
	enum op_kind kind;
	char access;
	enum arg_kind args[ARGS_MAX];
	const char *usage;      /* the "expected ..." of a missing argument */
};

static const struct cmd_entry cmd_table[] = {
	{ "r", "r", OP_ACCESS, ACCESS_READ, { ARG_TARGET }, "r ADDR or r PID:ADDR" },
	{ "w", "w", OP_ACCESS, ACCESS_WRITE, { ARG_TARGET }, "w ADDR or w PID:ADDR" },
	{ "x", "x", OP_ACCESS, ACCESS_EXEC, { ARG_TARGET }, "x ADDR or x PID:ADDR" },
	{ "spawn", "spawn", OP_SPAWN, 0, { ARG_NAME, ARG_OPT_PAGES, ARG_OPT_PERM },
	  "spawn NAME [PAGES] [PERM]" },
	{ "switch", "switch", OP_SWITCH, 0, { ARG_PID }, "switch PID" },
	{ "exit", "exit", OP_EXIT, 0, { ARG_PID }, "exit PID" },
	{ "map", "map", OP_MAP, 0, { ARG_PID, ARG_ADDR, ARG_PAGES, ARG_PERM },
	  "map PID ADDR PAGES PERM" },
	{ "unmap", "unmap", OP_UNMAP, 0, { ARG_PID, ARG_ADDR, ARG_PAGES },
	  "unmap PID ADDR PAGES" },
	{ "limit", "limit", OP_LIMIT, 0, { ARG_PID, ARG_LIMIT },
	  "limit PID FRAMES or limit PID none" },
	{ "tlb", "tlb flush", OP_TLB_FLUSH, 0, { ARG_FLUSH }, "tlb flush" },
	{ "fork", "fork", OP_FORK, 0, { ARG_PID }, "fork PID" },
	{ "share", "share", OP_SHARE, 0,
	  { ARG_PID, ARG_ADDR, ARG_TO_PID, ARG_TO_ADDR, ARG_PAGES, ARG_PERM },
	  "share PID1 ADDR1 PID2 ADDR2 PAGES PERM" },
	/* cgroup has three forms, told apart by the word after NAME (parse_cgroup). */
	{ "cgroup", "cgroup", OP_CGROUP_LIMIT, 0, { ARG_END }, CGROUP_USAGE },
	{ "hugemap", "hugemap", OP_HUGEMAP, 0, { ARG_PID, ARG_ADDR, ARG_PAGES, ARG_PERM },
	  "hugemap PID ADDR PAGES PERM" },
};
#define CMD_COUNT (sizeof cmd_table / sizeof cmd_table[0])

/* The forms of cgroup after NAME: a frame count, or one of these words. */
static const struct cmd_entry cgroup_limit_form =
	{ "FRAMES", NULL, OP_CGROUP_LIMIT, 0, { ARG_END }, "cgroup NAME FRAMES" };
static const struct cmd_entry cgroup_forms[] = {
	{ "add", NULL, OP_CGROUP_ADD, 0, { ARG_PID }, "cgroup NAME add PID" },
	{ "swap", NULL, OP_CGROUP_SWAP, 0, { ARG_SLOTS }, "cgroup NAME swap SLOTS" },
};

/* Returns 0 (read), 1 (an optional argument declines the token) or -1. */
typedef int arg_parse_fn(const struct token *, struct op *, struct cmd_error *);

struct arg_entry {
	const char *what;       /* "missing <what>" */
	bool optional;
	arg_parse_fn *parse;
};

static const struct perm_word {
	const char *word;
	unsigned perm;
} perm_words[] = {
	{ "r", PERM_R },
	{ "rw", PERM_R | PERM_W },
	{ "rx", PERM_R | PERM_X },
	{ "rwx", PERM_R | PERM_W | PERM_X },
};

static const char usage_text[] =
	"r ADDR | r PID:ADDR          read ADDR in the current process or in PID\n"
	"w ADDR | w PID:ADDR          write\n"
	"x ADDR | x PID:ADDR          execute (fetch an instruction)\n"
	"spawn NAME [PAGES] [PERM]    new process, PAGES mapped from address 0\n"
	"                             (default: all of them) with PERM (default rw)\n"
	"switch PID                   make PID the current process\n"
	"exit PID                     end PID; its frames and swap slots are freed\n"
	"map PID ADDR PAGES PERM      map PAGES pages from ADDR with PERM\n"
	"hugemap PID ADDR PAGES PERM  map PAGES huge pages (a leaf one level up;\n"
	"                             2 levels or more) from ADDR with PERM\n"
	"unmap PID ADDR PAGES         unmap PAGES pages from ADDR\n"
	"limit PID FRAMES|none        cap the frames PID may hold, or lift the cap\n"
	"tlb flush                    empty the TLB\n"
	"fork PID                     copy PID into a child that shares its pages,\n"
	"                             copy-on-write; PID stays current\n"
	"share PID1 ADDR1 PID2 ADDR2 PAGES PERM\n"
	"                             map PID1's PAGES pages at ADDR1 (touched, in\n"
	"                             memory or swap) into PID2 at ADDR2 with PERM:\n"
	"                             both page tables point at the same frames\n"
	"cgroup NAME FRAMES|add PID|swap SLOTS  a memory group: its limit\n"
	"                             (memory.max), a member, its swap (0: none)\n"
	"# text                       a comment\n"
	"Numbers: " NUMBER_EXPECTED ".  PERM: r, rw, rx or rwx.\n";

__attribute__((format(printf, 3, 4))) static int
fail(struct cmd_error *err, unsigned column, const char *fmt, ...)
{
	va_list ap;

	err->column = column;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

#define SHOWN_MAX 24            /* bytes of a token a message shows */
#define SHOWN_SIZE (SHOWN_MAX * 4 + 8)

/* A token as a message shows it: quoted, escaped, cut (quote.h). */
static void
show_token(const struct token *tok, char *buf, size_t size)
{
	quote_bytes(buf, size, tok->s, tok->len, SHOWN_MAX);
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The next token, or 0 at the end of the line or at a comment. */
static int
lex_next(struct lexer *lx, struct token *tok)
{
	const char *l = lx->line;
	size_t start;

	while (is_blank(l[lx->pos]))
		lx->pos++;
	if (l[lx->pos] == '\0' || l[lx->pos] == '#')
		return 0;
	start = lx->pos;
	while (l[lx->pos] != '\0' && l[lx->pos] != '#' && !is_blank(l[lx->pos]))
		lx->pos++;
	tok->s = l + start;
	tok->len = lx->pos - start;
	tok->column = (unsigned)start + 1;
	return 1;
}

static bool
token_is(const struct token *tok, const char *word)
{
	return strlen(word) == tok->len && memcmp(tok->s, word, tok->len) == 0;
}

/* A number from min to max; `what` names it when it is out of range. */
static int
parse_number(const struct token *tok, uint64_t min, uint64_t max, const char *what,
	     uint64_t *out, struct cmd_error *err)
{
	switch (number_parse(tok->s, tok->len, out)) {
	case NUMBER_BAD:
		return fail(err, tok->column, "bad number at column %u (expected %s)",
			    tok->column, NUMBER_EXPECTED);
	case NUMBER_TOO_LARGE:
		return fail(err, tok->column,
			    "number too large at column %u (expected at most 64 bits)",
			    tok->column);
	default:
		break;
	}
	if (*out >= min && *out <= max)
		return 0;
	if (max == UINT64_MAX)
		return fail(err, tok->column, "bad %s at column %u (expected %llu or more)",
			    what, tok->column, (unsigned long long)min);
	return fail(err, tok->column, "bad %s at column %u (expected %llu..%llu)", what,
		    tok->column, (unsigned long long)min, (unsigned long long)max);
}

static int
parse_pid_token(const struct token *tok, int *pid, struct cmd_error *err)
{
	uint64_t v;

	if (parse_number(tok, 1, PID_MAX, "pid", &v, err))
		return -1;
	*pid = (int)v;
	return 0;
}

static int
arg_pid(const struct token *tok, struct op *op, struct cmd_error *err)
{
	return parse_pid_token(tok, &op->pid, err);
}

static int
arg_addr(const struct token *tok, struct op *op, struct cmd_error *err)
{
	return parse_number(tok, 0, UINT64_MAX, "address", &op->addr, err);
}

static int
arg_pages(const struct token *tok, struct op *op, struct cmd_error *err)
{
	return parse_number(tok, 1, UINT64_MAX, "page count", &op->pages, err);
}

/* ADDR, or PID:ADDR with each half checked where it stands. */
static int
arg_target(const struct token *tok, struct op *op, struct cmd_error *err)
{
	const char *colon = memchr(tok->s, ':', tok->len);
	struct token pid, addr = *tok;

	if (!colon)
		return arg_addr(tok, op, err);
	pid = (struct token){ tok->s, (size_t)(colon - tok->s), tok->column };
	addr.s = colon + 1;
	addr.len = tok->len - pid.len - 1;
	addr.column = tok->column + (unsigned)pid.len + 1;
	if (pid.len == 0)
		return fail(err, pid.column, "missing pid at column %u (expected %c PID:ADDR)",
			    pid.column, op->access);
	if (addr.len == 0)
		return fail(err, addr.column,
			    "missing address at column %u (expected %c PID:ADDR)",
			    addr.column, op->access);
	if (parse_pid_token(&pid, &op->pid, err))
		return -1;
	return arg_addr(&addr, op, err);
}

static int
arg_to_pid(const struct token *tok, struct op *op, struct cmd_error *err)
{
	return parse_pid_token(tok, &op->to_pid, err);
}

static int
arg_to_addr(const struct token *tok, struct op *op, struct cmd_error *err)
{
	return parse_number(tok, 0, UINT64_MAX, "address", &op->to_addr, err);
}

static int
arg_name(const struct token *tok, struct op *op, struct cmd_error *err)
{
	size_t i;

	for (i = 0; i < tok->len && i < OP_NAME_MAX; i++) {
		char c = tok->s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-'))
			break;
	}
	if (i < tok->len)
		return fail(err, tok->column, "bad name at column %u (expected 1 to %d "
			    "letters, digits, '_', '.' or '-')", tok->column, OP_NAME_MAX);
	memcpy(op->name, tok->s, tok->len);
	op->name[tok->len] = '\0';
	return 0;
}

static int
arg_perm(const struct token *tok, struct op *op, struct cmd_error *err)
{
	size_t i;

	for (i = 0; i < sizeof perm_words / sizeof perm_words[0]; i++) {
		if (token_is(tok, perm_words[i].word)) {
			op->perm = perm_words[i].perm;
			return 0;
		}
	}
	return fail(err, tok->column,
		    "bad permission at column %u (expected r, rw, rx or rwx)", tok->column);
}

static int
arg_opt_pages(const struct token *tok, struct op *op, struct cmd_error *err)
{
	if (tok->s[0] < '0' || tok->s[0] > '9')
		return 1;
	return arg_pages(tok, op, err);
}

static int
arg_limit(const struct token *tok, struct op *op, struct cmd_error *err)
{
	uint64_t v;

	if (token_is(tok, "none")) {
		op->limit = LIMIT_NONE;
		return 0;
	}
	if (tok->s[0] < '0' || tok->s[0] > '9')
		return fail(err, tok->column,
			    "bad frame limit at column %u (expected FRAMES or none)",
			    tok->column);
	if (parse_number(tok, 1, FRAMES_MAX, "frame limit", &v, err))
		return -1;
	op->limit = (unsigned)v;
	return 0;
}

static int
arg_flush(const struct token *tok, struct op *op, struct cmd_error *err)
{
	(void)op;
	if (token_is(tok, "flush"))
		return 0;
	char shown[SHOWN_SIZE];

	show_token(tok, shown, sizeof shown);
	return fail(err, tok->column, "unknown tlb command %s at column %u (expected tlb flush)",
		    shown, tok->column);
}

static int
arg_slots(const struct token *tok, struct op *op, struct cmd_error *err)
{
	uint64_t v;

	if (parse_number(tok, 0, SWAP_SLOTS_MAX, "slot count", &v, err))
		return -1;
	op->limit = (unsigned)v;
	return 0;
}

static const struct arg_entry arg_table[] = {
	[ARG_TARGET] = { "address", false, arg_target },
	[ARG_NAME] = { "name", false, arg_name },
	[ARG_PID] = { "pid", false, arg_pid },
	[ARG_ADDR] = { "address", false, arg_addr },
	[ARG_PAGES] = { "page count", false, arg_pages },
	[ARG_PERM] = { "permission", false, arg_perm },
	[ARG_OPT_PAGES] = { "page count", true, arg_opt_pages },
	[ARG_OPT_PERM] = { "permission", true, arg_perm },
	[ARG_LIMIT] = { "frame limit", false, arg_limit },
	[ARG_FLUSH] = { "\"flush\"", false, arg_flush },
	[ARG_TO_PID] = { "second pid", false, arg_to_pid },
	[ARG_TO_ADDR] = { "second address", false, arg_to_addr },
	[ARG_SLOTS] = { "slot count", false, arg_slots },
};

static int
unknown_command(const struct token *tok, struct cmd_error *err)
{
	char list[128], shown[SHOWN_SIZE];
	size_t i, n = 0;

	for (i = 0; i < CMD_COUNT; i++) {
		const char *sep = i == 0 ? "" : i + 1 == CMD_COUNT ? " or " : ", ";

		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s", sep,
				      cmd_table[i].listed);
	}
	show_token(tok, shown, sizeof shown);
	return fail(err, tok->column, "unknown command %s at column %u (expected %s)", shown,
		    tok->column, list);
}

static const struct cmd_entry *
cmd_find(const struct token *tok)
{
	size_t i;

	for (i = 0; i < CMD_COUNT; i++)
		if (token_is(tok, cmd_table[i].name))
			return &cmd_table[i];
	return NULL;
}

/* Reads the arguments of `c` into op; `last` is the token before them. */
static int
parse_args(const struct cmd_entry *c, struct lexer *lx, struct token last,
	   struct op *op, struct cmd_error *err)
{
	char shown[SHOWN_SIZE];
	struct token tok;
	bool have = false;
	size_t i;
	int rc;

	for (i = 0; i < ARGS_MAX && c->args[i] != ARG_END; i++) {
		const struct arg_entry *a = &arg_table[c->args[i]];

		if (!have && !(have = lex_next(lx, &tok))) {
			if (a->optional)
				continue;
			return fail(err, last.column + (unsigned)last.len + 1,
				    "missing %s at column %u (expected %s)", a->what,
				    last.column + (unsigned)last.len + 1, c->usage);
		}
		if ((rc = a->parse(&tok, op, err)) < 0)
			return -1;
		if (rc == 0) {
			last = tok;
			have = false;
		}
	}
	if (have || lex_next(lx, &tok)) {
		show_token(&tok, shown, sizeof shown);
		return fail(err, tok.column, "unexpected %s at column %u (expected nothing "
			    "after %s)", shown, tok.column, c->usage);
	}
	return 0;
}

/* The form of cgroup the token after NAME names, reading a frame count into op. */
static const struct cmd_entry *
cgroup_form(const struct token *tok, struct op *op, struct cmd_error *err)
{
	char shown[SHOWN_SIZE];
	uint64_t v;

	if (tok->s[0] >= '0' && tok->s[0] <= '9') {
		if (parse_number(tok, 1, FRAMES_MAX, "frame limit", &v, err))
			return NULL;
		op->limit = (unsigned)v;
		return &cgroup_limit_form;
	}
	for (size_t i = 0; i < sizeof cgroup_forms / sizeof cgroup_forms[0]; i++)
		if (token_is(tok, cgroup_forms[i].name))
			return &cgroup_forms[i];
	show_token(tok, shown, sizeof shown);
	fail(err, tok->column, "unknown cgroup setting %s at column %u (expected FRAMES, "
	     "add PID or swap SLOTS)", shown, tok->column);
	return NULL;
}

/* cgroup NAME, then one of its forms and that form's arguments. */
static int
parse_cgroup(struct lexer *lx, struct token last, struct op *op, struct cmd_error *err)
{
	const struct cmd_entry *form;
	struct token tok;
	int i;

	for (i = 0; i < 2; i++) {
		unsigned column = last.column + (unsigned)last.len + 1;

		if (!lex_next(lx, &tok))
			return fail(err, column, "missing %s at column %u (expected %s)",
				    i == 0 ? "name" : "frame limit, add or swap", column,
				    CGROUP_USAGE);
		if (i == 0 && arg_name(&tok, op, err))
			return -1;
		last = tok;
	}
	if (!(form = cgroup_form(&tok, op, err)))
		return -1;
	op->kind = form->kind;
	return parse_args(form, lx, tok, op, err);
}

int
cmd_parse(const char *line, struct op *op, struct cmd_error *err)
{
	struct lexer lx = { line, 0 };
	const struct cmd_entry *c;
	struct token tok;

	memset(op, 0, sizeof *op);
	err->column = 0;
	err->msg[0] = '\0';
	if (!lex_next(&lx, &tok)) {
		op->kind = OP_NONE;
		return 0;
	}
	if ((c = cmd_find(&tok)) == NULL)
		return unknown_command(&tok, err);
	op->kind = c->kind;
	op->access = c->access;
	if (c->kind == OP_SPAWN) {
		op->pages = SPAWN_DEFAULT_PAGES;
		op->perm = PERM_R | PERM_W;
	}
	if (c->kind == OP_CGROUP_LIMIT)
		return parse_cgroup(&lx, tok, op, err);
	return parse_args(c, &lx, tok, op, err);
}

static size_t
format_access(const struct op *op, char *buf, size_t size)
{
	if (op->pid == 0)
		return (size_t)snprintf(buf, size, "%c 0x%llx", op->access,
					(unsigned long long)op->addr);
	return (size_t)snprintf(buf, size, "%c %d:0x%llx", op->access, op->pid,
				(unsigned long long)op->addr);
}

static size_t
format_spawn(const struct op *op, char *buf, size_t size)
{
	char pages[24] = "", perm[8] = "";

	if (op->pages != SPAWN_DEFAULT_PAGES)
		snprintf(pages, sizeof pages, " %llu", (unsigned long long)op->pages);
	if (op->perm != (PERM_R | PERM_W))
		snprintf(perm, sizeof perm, " %s", perm_name(op->perm));
	return (size_t)snprintf(buf, size, "spawn %s%s%s", op->name, pages, perm);
}

static size_t
format_limit(const struct op *op, char *buf, size_t size)
{
	if (op->limit == LIMIT_NONE)
		return (size_t)snprintf(buf, size, "limit %d none", op->pid);
	return (size_t)snprintf(buf, size, "limit %d %u", op->pid, op->limit);
}

/* Returns the length of the canonical form, as snprintf does, even if cut. */
size_t
cmd_format(const struct op *op, char *buf, size_t size)
{
	unsigned long long addr = op->addr, pages = op->pages;

	switch (op->kind) {
	case OP_ACCESS:
		return format_access(op, buf, size);
	case OP_SPAWN:
		return format_spawn(op, buf, size);
	case OP_SWITCH:
		return (size_t)snprintf(buf, size, "switch %d", op->pid);
	case OP_EXIT:
		return (size_t)snprintf(buf, size, "exit %d", op->pid);
	case OP_MAP:
	case OP_HUGEMAP:
		return (size_t)snprintf(buf, size, "%s %d 0x%llx %llu %s",
					op->kind == OP_MAP ? "map" : "hugemap", op->pid, addr,
					pages, perm_name(op->perm));
	case OP_UNMAP:
		return (size_t)snprintf(buf, size, "unmap %d 0x%llx %llu", op->pid, addr, pages);
	case OP_LIMIT:
		return format_limit(op, buf, size);
	case OP_TLB_FLUSH:
		return (size_t)snprintf(buf, size, "tlb flush");
	case OP_FORK:
		return (size_t)snprintf(buf, size, "fork %d", op->pid);
	case OP_SHARE:
		return (size_t)snprintf(buf, size, "share %d 0x%llx %d 0x%llx %llu %s", op->pid,
					addr, op->to_pid, (unsigned long long)op->to_addr,
					pages, perm_name(op->perm));
	case OP_CGROUP_LIMIT:
		return (size_t)snprintf(buf, size, "cgroup %s %u", op->name, op->limit);
	case OP_CGROUP_ADD:
		return (size_t)snprintf(buf, size, "cgroup %s add %d", op->name, op->pid);
	case OP_CGROUP_SWAP:
		return (size_t)snprintf(buf, size, "cgroup %s swap %u", op->name, op->limit);
	default:
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
}

const char *
cmd_usage(void)
{
	return usage_text;
}
