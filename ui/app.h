/*
 * app.h - the UI's state: the session, where the user is in it, the
 * cached machine for that position, and the look (layout, theme, glyphs).
 *
 * Only the loop and the action handlers change a struct app; views get it
 * const.  Nothing in here decides memory behaviour: machines and events
 * come from the history.
 */
#ifndef VMSCOPE_UI_APP_H
#define VMSCOPE_UI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "anim.h"
#include "comparison.h"
#include "event.h"
#include "glyph.h"
#include "history.h"
#include "layout.h"
#include "lineedit.h"
#include "quiz.h"
#include "scene.h"
#include "session.h"
#include "sweep_screen.h"
#include "theme.h"
#include "thrash.h"
#include "ui.h"

/* What a handler asks the loop to do: a bit set. */
enum reaction {
	R_NONE = 0,
	R_REDRAW = 1u << 0,     /* draw the screen again */
	R_RELAYOUT = 1u << 1,   /* the mode changed: place the panels again */
	R_MOVED = 1u << 2,      /* the position changed: load its state */
	R_TIMER = 1u << 3,      /* play started or its speed changed */
	R_QUIT = 1u << 4,
};

/* A panel as the teacher left it: by the rule (panels.c), or forced. */
enum panel_choice { CHOICE_AUTO, CHOICE_SHOWN, CHOICE_HIDDEN };

enum mode { MODE_NORMAL, MODE_PROMPT, MODE_CONFIRM, MODE_HELP, MODE_NOTES, MODE_QUIZ };
enum prompt_for { PROMPT_COMMAND, PROMPT_SAVE_AS };
enum confirm_for { CONFIRM_DISCARD, CONFIRM_QUIT, CONFIRM_REPLACE };

/* The thrashing view's series, kept for the position it was built at. */
struct thrash_cache {
	bool built;
	size_t done;                    /* operations complete when it was built */
	struct thrash_series s;
};

/* Accesses the thrashing view's series holds: more than any screen's width. */
#define THRASH_VIEW_POINTS 512

/* The events of one operation, kept so counting them twice is free. */
struct event_cache {
	bool valid;
	size_t op;
	struct event_list list;
};

struct app {
	struct session *s;
	struct history *h;

	struct anim anim;
	struct anim_source src;
	struct event_cache counted;     /* the last operation counted */
	struct event_list events;       /* events of the operation shown */
	struct machine *m;              /* the state at the position (owned) */
	int typed_pid;                  /* where a typed "r ADDR" goes; 0: nowhere */
	struct scene scene;             /* the same, for the frames-by-time table */
	bool table_on;                  /* the table is on screen (f) */
	bool ws_marks;                  /* working-set pages are marked (w) */
	bool thrash_on;                 /* the thrashing view is on screen (T) */
	struct thrash_cache thrash;     /* its series, for the position */
	bool tree_on;                   /* the page-table panel shows the whole tree (L) */
	bool comparing;                 /* the comparison fills the screen (c) */
	struct comparison compare;      /* its policies, each at the position */
	bool sweeping;                  /* the sweep chart fills the screen (S) */
	struct sweep_view sweep;             /* its results, for the compared policies */

	struct layout layout;
	struct theme theme;
	const struct glyphs *g;
	bool projector;
	enum panel_choice panel_choice[PANEL_COUNT];
	bool uses_swap;                 /* the session puts pages in swap */
	bool uses_groups;               /* the session makes a named cgroup */
	int shown_pid;                  /* Tab's choice; 0: follow the operation */
	long scroll[PANEL_COUNT];       /* rows moved by PgUp/PgDn and the wheel */

	enum mode mode;
	int help_page;
	int notes_scroll;               /* rows of the notes page off its top */
	struct lineedit edit;
	enum prompt_for prompt_for;
	enum confirm_for confirm_for;
	char question[128];
	char pending[EDIT_MAX];         /* the command a question is about */
	char message[320];              /* shown until the next key: in the */
	bool message_error;             /* narration, or on the hint line for */
	bool message_aside;             /* an aside (a setting changed) */

	struct quiz quiz;               /* predictions and their score (Q, --quiz) */

	int64_t next_tick;              /* ms on the monotonic clock */
	int status;                     /* exit status once R_QUIT */
};

/* app.c: the position and what is drawn for it */
void app_init(struct app *a, struct session *s, const struct ui_options *opt);
void app_free(struct app *a);
void app_load(struct app *a);                   /* the state for anim's position */
void app_forget(struct app *a);                 /* the history changed */
/* Brings the table and the comparison, when shown, to the position. */
void app_follow(struct app *a);
/*
 * Puts what the screen shows besides the machine in the session's display,
 * as a save writes it: the table if it is on (f), the thrashing view (T),
 * the working-set marks (w), the page-table tree (L), the comparison's
 * policies if it is open (c, :compare).
 */
void app_keep_display(struct app *a);
const struct event *app_event(const struct app *a);       /* being shown, or NULL */
const struct event *app_access(const struct app *a);      /* the op's SPLIT, or NULL */
const struct process *app_process(const struct app *a);   /* shown, or NULL */
int app_next_pid(const struct app *a);                    /* Tab's next process */
/* The live processes by pid, at most max of them; returns how many there are. */
size_t app_processes(const struct app *a, const struct process **out, size_t max);
/* An aside: a setting changed (theme, speed, panels), said on the hint line
 * so the event's sentence stays where the class reads it. */
void app_aside(struct app *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void app_say(struct app *a, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* panels.c: which panels are on screen */
void panels_learn(struct app *a);               /* the history changed */
unsigned panels_layout_flags(const struct app *a);
unsigned panels_toggle(struct app *a, unsigned n);  /* key n + 1 */
/* Places every panel for a cols x rows screen, the table's band included. */
void panels_place(struct app *a, int cols, int rows);

/* ui.c: the whole screen, drawn once (erase, every view, one doupdate) */
void app_render(const struct app *a);
/* ui.c: carries out a reaction (load, place the panels, restart the timer), then draws once */
void app_react(struct app *a, unsigned r);
/* ui.c: the play timer's tick, if it is due; the reaction it asks for */
unsigned app_tick(struct app *a);

/* actions.c: the key table's handlers */
unsigned actions_key(struct app *a, int key);

/* command.c: the prompt's lines and the questions they raise */
unsigned command_line(struct app *a, const char *line);
/* `s`: to the session's file, or asks for a name if it has none (a lesson) */
unsigned command_save(struct app *a);
/* Asks first before replacing a file the session was not read from. */
unsigned command_save_as(struct app *a, const char *path);
unsigned command_answer(struct app *a, bool yes);
unsigned command_quit(struct app *a);           /* asks first if unsaved */
/* The prompt's own commands (save, quit...), as help lines. */
void command_help_visit(void (*fn)(void *ctx, const char *line, bool heading), void *ctx);

/* modes.c: keys in each mode */
unsigned modes_key(struct app *a, int key);

/*
 * quiz_keys.c: with the quiz on, stepping into an access first asks for
 * predictions (MODE_QUIZ); the answer is scored, then the access is shown.
 * quiz_intercept returns R_REDRAW if it asked, R_NONE to step as usual.
 */
unsigned quiz_intercept(struct app *a);
unsigned quiz_mode_key(struct app *a, int key);
unsigned quiz_toggle(struct app *a);

/* touch.c: the cells the event being shown touches */
bool touches_page(const struct app *a, int pid, uint64_t vpn);
bool touches_pte(const struct app *a, int pid, uint64_t vpn);
/* The first frame the event is on, *run of them from it (a huge page's), or -1. */
int touched_frame(const struct app *a, int *run);
int touched_slot(const struct app *a, int *run);   /* the swap slot the event is on, or -1 */
bool touches_tlb_entry(const struct app *a, const struct tlb_entry *e);
bool touches_tlb(const struct app *a);          /* the TLB as a whole */
bool touches_swap(const struct app *a);         /* any swap slot */
enum element touch_element(const struct app *a); /* how a touched cell looks */

#endif
