/*
 * ui.c - the terminal session and the one event loop.
 *
 * The loop waits in getch(): for ever while paused (no CPU at all), or
 * until the next animation tick while playing.  Each pass carries out
 * what the last key's handler asked for (load a new position, place the
 * panels again, restart the timer) and draws the screen once: erase, the
 * views into stdscr, one doupdate.  Every other signal whose default
 * action ends the process (SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGALRM,
 * SIGPIPE, the real-time ones...) only sets a flag; the interrupted
 * getch() returns and the loop ends, restoring the terminal and saying if
 * changes were not saved.  Ncurses itself handles SIGTSTP (Ctrl-Z) and
 * SIGWINCH, which arrives as KEY_RESIZE.  While curses is active a signal
 * that dumps core (SIGSEGV, SIGQUIT...: crash.c) puts the terminal back
 * before it kills.  SIGXFSZ is ignored, so a save past the file size
 * limit fails with a message instead of ending vmscope.
 */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "app.h"
#include "crash.h"
#include "view.h"

#define ESC_DELAY_MS 25
#define LOST_TERMINAL 8        /* blocking reads in a row that gave nothing */

/* The signals that end the process without a core dump. */
static const int trapped[] = { SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
	SIGVTALRM, SIGPROF,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};
#define NTRAPPED (sizeof trapped / sizeof trapped[0])
#ifdef SIGRTMIN
#define NREALTIME 64            /* at most; SIGRTMIN..SIGRTMAX is known at run time */
#else
#define NREALTIME 0
#endif

/* How the signals were handled before the UI took them. */
struct old_signals {
	struct sigaction trapped[NTRAPPED], realtime[NREALTIME + 1], xfsz;
};

/* The terminal session's one piece of shared state: the signal caught. */
static volatile sig_atomic_t caught_signal;

static void
on_signal(int sig)
{
	caught_signal = sig;
}

/* The real-time signal number i (0-based), or 0 past SIGRTMAX. */
static int
realtime_signal(int i)
{
#ifdef SIGRTMIN
	if (i < NREALTIME && SIGRTMIN + i <= SIGRTMAX)
		return (SIGRTMIN + i);
#else
	(void)i;
#endif
	return (0);
}

static void
trap_signals(struct old_signals *old)
{
	struct sigaction sa, ignore;
	size_t i;
	int rt;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;        /* no SA_RESTART: getch() must return */
	caught_signal = 0;
	for (i = 0; i < NTRAPPED; i++)
		sigaction(trapped[i], &sa, &old->trapped[i]);
	for (i = 0; (rt = realtime_signal((int)i)) != 0; i++)
		sigaction(rt, &sa, &old->realtime[i]);
	ignore = sa;
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGXFSZ, &ignore, &old->xfsz);
}

static void
restore_signals(const struct old_signals *old)
{
	size_t i;
	int rt;

	for (i = 0; i < NTRAPPED; i++)
		sigaction(trapped[i], &old->trapped[i], NULL);
	for (i = 0; (rt = realtime_signal((int)i)) != 0; i++)
		sigaction(rt, &old->realtime[i], NULL);
	sigaction(SIGXFSZ, &old->xfsz, NULL);
}

/* Ended by a signal with unsaved changes: the user hears of it on the way out. */
static void
say_unsaved(const struct session *s, int status, char *err, size_t size)
{
	if (status <= 128 || !s->modified)
		return;
	snprintf(err, size, "ended by a signal (%s); the changes%s%s were not saved",
	    strsignal(status - 128), s->path ? " to " : "", s->path ? s->path : "");
}

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

static bool
utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return (cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0));
}

static bool
colour_wanted(const struct ui_options *opt)
{
	const char *nc = getenv("NO_COLOR");

	return (!opt->no_color && (nc == NULL || nc[0] == '\0'));
}

/* Starts curses on the terminal; on failure err says why and nothing is left open. */
static SCREEN *
term_open(char *err, size_t size)
{
	const char *term = getenv("TERM");
	const char *cup;
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, size, "the live UI needs a terminal on standard input and "
		    "output (for a run without one, use --batch)");
		return (NULL);
	}
	if (term == NULL || term[0] == '\0') {
		snprintf(err, size, "TERM is not set, so the terminal cannot be used");
		return (NULL);
	}
	set_escdelay(ESC_DELAY_MS);
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		snprintf(err, size, "unknown terminal type \"%s\" (TERM)", term);
		return (NULL);
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (const char *)-1) {
		endwin();
		delscreen(scr);
		snprintf(err, size, "terminal \"%s\" cannot position the cursor", term);
		return (NULL);
	}
	return (scr);
}

static void
term_setup(void)
{
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

void
app_render(const struct app *a)
{
	int p;

	erase();
	if (a->layout.too_small)
		too_small_draw(a);
	else if (a->mode == MODE_HELP)
		help_screen_draw(a);
	else if (a->mode == MODE_NOTES)
		notes_screen_draw(a);
	else if (a->sweeping)
		sweep_screen_draw(a);
	else if (a->comparing)
		compare_screen_draw(a);
	else {
		for (p = 0; p < PANEL_COUNT; p++) {
			if (a->layout.r[p].w > 0 && a->layout.r[p].h > 0)
				view_of((enum panel)p)->draw(a, &a->layout.r[p]);
		}
	}
	attrset(A_NORMAL);
	wnoutrefresh(stdscr);
	doupdate();
}

void
app_react(struct app *a, unsigned r)
{
	if (r & R_MOVED)
		app_load(a);
	/* Which panels show can depend on the event (panels.c). */
	if (r & (R_RELAYOUT | R_MOVED))
		panels_place(a, COLS, LINES);
	if (r & R_TIMER)
		a->next_tick = now_ms() + anim_interval_ms(&a->anim);
	if (r & (R_MOVED | R_RELAYOUT | R_REDRAW))
		app_render(a);
}

/* The next key, or ERR when the play timer is due (or a signal came). */
static int
read_key(const struct app *a)
{
	int64_t wait;

	if (a->anim.playing) {
		wait = a->next_tick - now_ms();
		timeout(wait > 0 ? (int)(wait < 60000 ? wait : 60000) : 0);
	} else
		timeout(-1);
	return (getch());
}

unsigned
app_tick(struct app *a)
{
	int64_t now = now_ms();
	unsigned r = R_NONE;

	if (!a->anim.playing || now < a->next_tick)
		return (R_NONE);
	/*
	 * A notice or an aside (the play speed) gives way to the narration at
	 * the next event played, and at the end of play; the title bar keeps
	 * showing the speed.  An error stays until a key.
	 */
	if (!a->message_error)
		a->message[0] = '\0';
	if (anim_tick(&a->anim, &a->src))
		r = R_MOVED;
	a->next_tick += anim_interval_ms(&a->anim);
	if (a->next_tick < now)
		a->next_tick = now + anim_interval_ms(&a->anim);  /* after a suspend */
	return (r | R_REDRAW);
}

static int
loop(struct app *a)
{
	unsigned r = R_RELAYOUT | R_REDRAW;
	int key, lost = 0;

	while (!(r & R_QUIT)) {
		app_react(a, r);
		key = read_key(a);
		if (caught_signal != 0)
			return (128 + caught_signal);
		/*
		 * A wait for ever that ends with no key (a resume from Ctrl-Z
		 * does, once) over and over: the terminal is gone.
		 */
		lost = key == ERR && !a->anim.playing ? lost + 1 : 0;
		if (lost > LOST_TERMINAL)
			return (128 + SIGHUP);
		if (key == ERR)
			r = app_tick(a);
		else if (key == KEY_RESIZE)
			r = R_RELAYOUT;
		else
			r = modes_key(a, key);
	}
	return (0);
}

int
ui_run(struct session *s, const struct ui_options *opt, char *err, size_t size)
{
	struct old_signals old;
	struct ui_options o = *opt;
	struct app a;
	SCREEN *scr;
	int status;

	setlocale(LC_ALL, "");
	o.ascii = o.ascii || !utf8_locale();
	trap_signals(&old);
	crash_guard_save(STDIN_FILENO, STDOUT_FILENO);
	if ((scr = term_open(err, size)) == NULL) {
		restore_signals(&old);
		return (1);
	}
	crash_guard_on();
	term_setup();
	app_init(&a, s, &o);
	theme_init(&a.theme, colour_wanted(&o));
	a.theme.projector = a.projector;
	status = loop(&a);
	endwin();
	crash_guard_off();
	delscreen(scr);
	restore_signals(&old);
	app_free(&a);
	say_unsaved(s, status, err, size);
	return (status);
}
