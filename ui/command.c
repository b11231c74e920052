/*
 * command.c - a line typed at the prompt: one of the prompt's own
 * commands (save, quit, help), or an operation of the command language,
 * parsed with cmd_parse, checked by the engine, appended to the history
 * and then shown from its first event.  A bad line changes nothing; a line
 * typed while stepped back asks before the later operations are dropped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "engine.h"
#include "plural.h"
#include "policy.h"
#include "text.h"
#include "view.h"

struct prompt_command {
	const char *name, *usage, *help;
	unsigned (*run)(struct app *a, const char *arg);
};

static unsigned run_save(struct app *a, const char *arg);
static unsigned run_quit(struct app *a, const char *arg);
static unsigned run_help(struct app *a, const char *arg);
static unsigned run_compare(struct app *a, const char *arg);

static const struct prompt_command prompt_commands[] = {
	{ "save", "save [FILE]", "save the session (to FILE)", run_save },
	{ "quit", "quit", "quit (asks if there are unsaved changes)", run_quit },
	{ "help", "help", "the help screen", run_help },
	{ "compare", "compare P,P[,P,P]", "compare 2 to 4 policies side by side", run_compare },
};
#define NCOMMANDS (sizeof prompt_commands / sizeof prompt_commands[0])

static unsigned
run_save(struct app *a, const char *arg)
{
	if (*arg != '\0')
		return (command_save_as(a, arg));
	return (command_save(a));
}

static unsigned
run_quit(struct app *a, const char *arg)
{
	(void)arg;
	return (command_quit(a));
}

static unsigned
run_help(struct app *a, const char *arg)
{
	(void)arg;
	a->mode = MODE_HELP;
	a->help_page = 0;
	return (R_REDRAW);
}

static unsigned
run_compare(struct app *a, const char *arg)
{
	int policy[DISPLAY_COMPARE_MAX];
	char err[256];
	unsigned n = display_parse_policies(arg, policy, err, sizeof err);

	if (n == 0) {
		app_say(a, true, "compare: %s", err);
		return (R_REDRAW);
	}
	compare_choose(&a->compare, policy, n);
	a->comparing = true;
	app_follow(a);
	return (R_RELAYOUT);
}

/* The prompt command `line` names, with *arg after its name; or NULL. */
static const struct prompt_command *
find_command(const char *line, const char **arg)
{
	size_t i, n = strcspn(line, " \t");

	for (i = 0; i < NCOMMANDS; i++) {
		if (strlen(prompt_commands[i].name) == n &&
		    strncmp(prompt_commands[i].name, line, n) == 0) {
			*arg = line + n + strspn(line + n, " \t");
			return (&prompt_commands[i]);
		}
	}
	return (NULL);
}

/* Copies line without the blanks around it. */
static void
trim(char *out, size_t size, const char *line)
{
	size_t n;

	line += strspn(line, " \t");
	n = strlen(line);
	while (n > 0 && isspace((unsigned char)line[n - 1]))
		n--;
	snprintf(out, size, "%.*s", (int)n, line);
}

static unsigned
save_now(struct app *a, const char *path)
{
	char err[EDIT_MAX + 512];

	app_keep_display(a);
	if (session_save(a->s, path, err, sizeof err) != 0)
		app_say(a, true, "not saved: %s", err);
	else
		app_say(a, false, "saved to %s", path);
	return (R_REDRAW);
}

/*
 * One VICTIM event: the step it belongs to, the page it names, and what
 * came of it: the page went, or it could not (out of memory, or the OOM
 * killer ended killed_pid).
 */
struct victim {
	uint64_t step, vpn;
	int pid;
	enum event_kind fate;   /* EV_EVICT, EV_OUT_OF_MEMORY or EV_OOM_KILL */
	int killed_pid;
};

/* What came of the VICTIM event ev->ev[i], from the events after it. */
static struct victim
victim_at(const struct event_list *ev, unsigned i, uint64_t step)
{
	struct victim v = { step, ev->ev[i].other_vpn, ev->ev[i].other_pid, EV_EVICT, 0 };

	for (unsigned j = i + 1; j < ev->n && ev->ev[j].kind != EV_VICTIM; j++)
		if (ev->ev[j].kind == EV_OUT_OF_MEMORY || ev->ev[j].kind == EV_OOM_KILL) {
			v.fate = ev->ev[j].kind;
			v.killed_pid = ev->ev[j].other_pid;
		}
	return v;
}

/*
 * The victims of the first n operations, in order (*count of them), or
 * NULL if there are none or memory ran out.
 */
static struct victim *
victims(struct history *h, size_t n, size_t *count)
{
	struct victim *v = NULL, *grown;
	size_t cap = 0;
	struct event_list ev;

	*count = 0;
	for (size_t k = 1; k <= n; k++) {
		history_events(h, k, &ev);
		for (unsigned i = 0; i < ev.n; i++) {
			if (ev.ev[i].kind != EV_VICTIM)
				continue;
			if (*count == cap) {
				cap = cap ? 2 * cap : 16;
				if ((grown = realloc(v, cap * sizeof *v)) == NULL) {
					free(v);
					*count = 0;
					return (NULL);
				}
				v = grown;
			}
			v[(*count)++] = victim_at(&ev, i, k);
		}
	}
	return (v);
}

/*
 * What a step does (or, past, did) with its victim: "evicts 1:0x2",
 * "cannot evict 1:0x2 (out of memory)", "cannot evict 1:0x2, and the OOM
 * killer ends pid 2", or "evicts nothing".
 */
static void
tell_victim(char *buf, size_t size, const struct victim *v, bool past)
{
	const char *evicts = past ? "evicted" : "evicts";
	const char *cannot = past ? "could not" : "cannot";

	if (v == NULL)
		snprintf(buf, size, "%s nothing", evicts);
	else if (v->fate == EV_EVICT)
		snprintf(buf, size, "%s %d:0x%llx", evicts, v->pid, (unsigned long long)v->vpn);
	else if (v->fate == EV_OUT_OF_MEMORY)
		snprintf(buf, size, "%s evict %d:0x%llx (out of memory)", cannot, v->pid,
		    (unsigned long long)v->vpn);
	else
		snprintf(buf, size, "%s evict %d:0x%llx, and the OOM killer %s pid %d", cannot,
		    v->pid, (unsigned long long)v->vpn, past ? "ended" : "ends", v->killed_pid);
}

static bool
same_victim(const struct victim *x, const struct victim *y)
{
	return (x->step == y->step && x->pid == y->pid && x->vpn == y->vpn &&
	    x->fate == y->fate);
}

/*
 * OPT decides with every queued operation in view, so an appended one can
 * change an eviction already shown: says which, instead of letting the
 * replayed past change silently.  `before` lists the victims of the first
 * n operations as they were shown.
 */
static void
tell_replanned(struct app *a, const struct victim *before, size_t nbefore,
    size_t n, const char *text)
{
	struct victim *after;
	const struct victim *was, *now;
	size_t nafter, i;
	uint64_t step;
	char old[96], new[96];

	after = victims(a->h, n, &nafter);
	for (i = 0; i < nbefore && i < nafter && same_victim(&before[i], &after[i]); i++)
		;
	if (i == nbefore && i == nafter) {
		free(after);
		return;
	}
	was = i < nbefore ? &before[i] : NULL;
	now = i < nafter ? &after[i] : NULL;
	step = was && (!now || was->step <= now->step) ? was->step : now->step;
	if (was && was->step != step)
		was = NULL;
	if (now && now->step != step)
		now = NULL;
	tell_victim(old, sizeof old, was, true);
	tell_victim(new, sizeof new, now, false);
	app_say(a, false, "OPT looks ahead: with \"%s\" now queued, step %llu %s, where "
	    "it %s; the steps before it were replayed with the new future",
	    text, (unsigned long long)step, new, old);
	free(after);
}

/* Columns of a refused command echoed before its reason. */
#define ECHO_COLS 32

/*
 * A command refused: its echo cut short, so the reason stays within the
 * narration's rows however long the command.
 */
static void
refuse(struct app *a, const char *line, const char *reason)
{
	char echo[ECHO_COLS * 4 + 8];

	text_cut(line, ECHO_COLS, a->g->more, a->g->ascii, echo, sizeof echo);
	app_say(a, true, "%s: %s", echo, reason);
}

/* Drops the operations after the one shown, appends op, shows its first event. */
static unsigned
append(struct app *a, const struct op *op, const char *text)
{
	struct victim *before = NULL;
	size_t nbefore = 0, n;
	bool ahead = policy_looks_ahead(history_initial(a->h)->cfg.policy);
	char err[256];

	if (history_length(a->h) > a->anim.op) {
		history_truncate(a->h, a->anim.op);
		a->s->modified = true;
		app_forget(a);
	}
	n = history_length(a->h);
	if (ahead)
		before = victims(a->h, n, &nbefore);
	if (history_append(a->h, op, text, err, sizeof err) != 0) {
		refuse(a, text, err);
		free(before);
		return (R_MOVED);
	}
	a->s->modified = true;
	app_forget(a);
	if (ahead)
		tell_replanned(a, before, nbefore, n, text);
	free(before);
	anim_enter(&a->anim, history_length(a->h), &a->src);
	return (R_MOVED);
}

/* Parses and checks line against the state after the operation shown. */
static bool
accept(struct app *a, const char *line, struct op *op)
{
	struct cmd_error cerr;
	char err[256];

	if (cmd_parse(line, op, &cerr) != 0) {
		refuse(a, line, cerr.msg);
		return (false);
	}
	if (op->kind == OP_NONE)
		return (false);
	if (engine_check(history_state(a->h, a->anim.op), op, err, sizeof err) != 0) {
		refuse(a, line, err);
		return (false);
	}
	return (true);
}

unsigned
command_line(struct app *a, const char *raw)
{
	const struct prompt_command *c;
	char line[EDIT_MAX];
	const char *arg;
	size_t later;
	struct op op;

	trim(line, sizeof line, raw);
	if ((c = find_command(line, &arg)) != NULL)
		return (c->run(a, arg));
	if (!accept(a, line, &op))
		return (R_REDRAW);
	later = history_length(a->h) - a->anim.op;
	if (later == 0)
		return (append(a, &op, line));
	snprintf(a->pending, sizeof a->pending, "%s", line);
	snprintf(a->question, sizeof a->question, "discard the %zu later operation%s?",
	    later, plural(later));
	a->confirm_for = CONFIRM_DISCARD;
	a->mode = MODE_CONFIRM;
	return (R_REDRAW);
}

unsigned
command_answer(struct app *a, bool yes)
{
	struct op op;

	a->mode = MODE_NORMAL;
	if (a->confirm_for == CONFIRM_QUIT)
		return (yes ? R_QUIT : R_REDRAW);
	if (a->confirm_for == CONFIRM_REPLACE) {
		if (yes)
			return (save_now(a, a->pending));
		app_say(a, false, "not saved; %s is unchanged", a->pending);
		return (R_REDRAW);
	}
	if (!yes) {
		app_say(a, false, "kept the later operations; \"%s\" was not run", a->pending);
		return (R_REDRAW);
	}
	if (!accept(a, a->pending, &op))
		return (R_REDRAW);
	return (append(a, &op, a->pending));
}

unsigned
command_save(struct app *a)
{
	if (a->s->path != NULL)
		return (save_now(a, a->s->path));
	a->mode = MODE_PROMPT;
	a->prompt_for = PROMPT_SAVE_AS;
	lineedit_start(&a->edit);
	return (R_REDRAW);
}

/* A file the session was not read from is replaced only once the user says so. */
unsigned
command_save_as(struct app *a, const char *raw)
{
	char path[EDIT_MAX];
	const char *name;

	trim(path, sizeof path, raw);
	if (path[0] == '\0') {
		app_say(a, true, "not saved: no file name given");
		return (R_REDRAW);
	}
	if (!session_would_replace(a->s, path))
		return (save_now(a, path));
	name = strrchr(path, '/') != NULL && strrchr(path, '/')[1] != '\0' ?
	    strrchr(path, '/') + 1 : path;
	snprintf(a->pending, sizeof a->pending, "%s", path);
	snprintf(a->question, sizeof a->question, "%.80s exists: replace it?", name);
	a->confirm_for = CONFIRM_REPLACE;
	a->mode = MODE_CONFIRM;
	return (R_REDRAW);
}

unsigned
command_quit(struct app *a)
{
	if (!a->s->modified)
		return (R_QUIT);
	snprintf(a->question, sizeof a->question, "quit without saving your changes?");
	a->confirm_for = CONFIRM_QUIT;
	a->mode = MODE_CONFIRM;
	return (R_REDRAW);
}

void
command_help_visit(void (*fn)(void *ctx, const char *line, bool heading), void *ctx)
{
	char line[128];
	size_t i;

	fn(ctx, "", false);
	fn(ctx, "The prompt's own commands", true);
	for (i = 0; i < NCOMMANDS; i++) {
		snprintf(line, sizeof line, "  %-28s %s", prompt_commands[i].usage,
		    prompt_commands[i].help);
		fn(ctx, line, false);
	}
}
