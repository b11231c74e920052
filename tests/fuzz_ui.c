/*
 * fuzz_ui.c - the UI's state machine under fuzzing, without a terminal:
 * curses draws into /dev/null (newterm), and the bytes are keys, clicks,
 * resizes and play-timer ticks fed through the same calls the event loop
 * makes (modes_key, app_tick, app_react), the screen drawn after each.
 *
 * The first three bytes choose the screen (20..200 columns, 5..60 rows),
 * ASCII, projector mode and colour, and the session: the built-in lesson,
 * a queued script under OPT with two frames (the history is truncated and
 * replayed as commands are typed), a machine with no TLB and no swap, or
 * one with no process at all.  Then each byte is a key: ASCII as itself,
 * 0x80..0x8f the named keys (arrows, paging, Home, End, Backspace, Delete,
 * Enter, Shift-Tab, F1), a resize (two bytes follow) or a tick, and 0x90
 * and up a mouse event at the two bytes that follow.
 *
 * Nothing is ever saved: Enter on a save (the save-as prompt, or a
 * command line starting with "save") is turned into Escape, so no input
 * can write a file.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "app.h"
#include "cmd.h"
#include "fuzz.h"
#include "machine.h"
#include "policy.h"
#include "session.h"

#define KEYS_MAX 600

enum { SPECIAL = 0x80, RESIZE = 0x8d, TICK = 0x8e, MOUSE = 0x90 };

static const int special_keys[] = { KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME,
	KEY_END, KEY_NPAGE, KEY_PPAGE, KEY_BACKSPACE, KEY_DC, KEY_ENTER, KEY_BTAB, KEY_F(1) };

static const char *const queued[] = { "r 0x0", "r 0x1000", "r 0x2000", "r 0x3000", "r 0x0",
	"spawn b 4", "w 0x10", "switch 1", "exit 2", "r 0x5000", NULL };

/* A terminal that is /dev/null both ways, made once. */
static void
open_screen(void)
{
	static SCREEN *scr;
	FILE *out, *in;

	if (scr)
		return;
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	FUZZ_ASSERT(out && in);
	scr = newterm("xterm-256color", out, in);
	FUZZ_ASSERT(scr != NULL);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

static struct machine *
small_machine(int policy, unsigned frames, unsigned swap, unsigned tlb, bool process)
{
	struct machine_config cfg;

	machine_config_default(&cfg);
	cfg.policy = policy;
	cfg.frames = frames;
	cfg.swap_slots = swap;
	cfg.tlb_entries = tlb;
	return process ? machine_new_flat(&cfg, "app", PERM_R | PERM_W | PERM_X) :
	    machine_new(&cfg);
}

static void
make_session(unsigned kind, struct session *s)
{
	char err[256];
	struct op op;
	size_t i;

	switch (kind) {
	case 0:
		FUZZ_ASSERT(session_default(s, err, sizeof err) == 0);
		break;
	case 1:
		session_init(s, small_machine(policy_find("opt"), 2, 16, 4, true), "queued");
		for (i = 0; queued[i]; i++) {
			struct cmd_error cerr;

			FUZZ_ASSERT(cmd_parse(queued[i], &op, &cerr) == 0);
			FUZZ_ASSERT(history_append(s->history, &op, queued[i], err, sizeof err) == 0);
		}
		break;
	case 2:
		session_init(s, small_machine(policy_find("clock"), 1, 0, 0, true), NULL);
		break;
	default:
		session_init(s, small_machine(policy_find("lru"), 4, 8, 2, false), NULL);
		break;
	}
}

/* Whether Enter now would save: the save-as prompt, or a "save" line. */
static bool
would_save(const struct app *a, int key)
{
	const char *line = a->edit.buf + strspn(a->edit.buf, " \t");

	if (a->mode != MODE_PROMPT || (key != '\n' && key != '\r' && key != KEY_ENTER))
		return false;
	return a->prompt_for == PROMPT_SAVE_AS || strncmp(line, "save", 4) == 0;
}

/* A click or a wheel turn at (x, y), queued as curses would, then read. */
static int
mouse_key(uint8_t kind, uint8_t x, uint8_t y)
{
	static const mmask_t buttons[] = { BUTTON1_CLICKED, BUTTON1_PRESSED, BUTTON4_PRESSED,
		BUTTON5_PRESSED };
	MEVENT ev = { .id = 0, .x = x % COLS, .y = y % LINES, .z = 0,
		.bstate = buttons[kind % 4] };

	if (ungetmouse(&ev) == ERR)
		return ERR;
	return getch();
}

void
fuzz_ui(const uint8_t *data, size_t size)
{
	struct ui_options opt = { 0 };
	struct session s;
	struct app a;
	size_t at = 3, keys = 0;
	unsigned r = R_RELAYOUT | R_REDRAW;
	int key;

	if (size < 3)
		return;
	open_screen();
	resize_term(5 + data[1] % 56, 20 + data[0] % 181);
	opt.ascii = data[2] & 1;
	opt.projector = (data[2] >> 1) & 1;
	make_session((data[2] >> 3) & 3, &s);
	app_init(&a, &s, &opt);
	theme_init(&a.theme, (data[2] >> 2) & 1);
	a.theme.projector = a.projector;
	while (!(r & R_QUIT) && keys++ < KEYS_MAX) {
		app_react(&a, r);
		FUZZ_ASSERT(a.anim.op <= history_length(a.h));
		if (at >= size)
			break;
		key = data[at++];
		if (key == TICK) {
			a.next_tick = 0;
			r = app_tick(&a);
			continue;
		}
		if (key == RESIZE && at + 2 <= size) {
			resize_term(5 + data[at + 1] % 56, 20 + data[at] % 181);
			at += 2;
			r = R_RELAYOUT;
			continue;
		}
		if (key >= MOUSE && at + 2 <= size) {
			key = mouse_key((uint8_t)key, data[at], data[at + 1]);
			at += 2;
		} else if (key >= SPECIAL) {
			key = special_keys[(key - SPECIAL) % (sizeof special_keys / sizeof *special_keys)];
		}
		if (key == ERR)
			continue;
		if (would_save(&a, key))
			key = 27;
		r = modes_key(&a, key);
	}
	app_free(&a);
	session_free(&s);
}
