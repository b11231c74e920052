/*
 * keys.h - every user action, in one table: the keys that trigger it, the
 * word the hint line uses, the help text, its group and its handler.
 *
 * The key dispatch (actions.c), the hint line and the `?` help screen are
 * all generated from UI_ACTIONS, so a key cannot be bound without being
 * documented, nor documented without being bound.  No curses needed to
 * read the table: key codes come from <curses.h> as plain constants.
 */
#ifndef VMSCOPE_UI_KEYS_H
#define VMSCOPE_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

enum key_group { GROUP_STEP, GROUP_VIEW, GROUP_SESSION, GROUP_COUNT };

#define KEY_CTRL(c) ((c) & 0x1f)

/*
 * X(id, group, key, alt, label, hint, help, handler): `alt` is a second
 * key or 0; `label` names the key(s) on screen; `hint` is the word on the
 * hint line, or NULL to leave the action to the help screen.
 */
#define UI_ACTIONS(X) \
	X(ACT_NEXT, GROUP_STEP, ' ', 0, "space", "step", \
	  "next event of the operation", act_next) \
	X(ACT_FINISH, GROUP_STEP, '\n', '\r', "Enter", "finish", \
	  "finish the operation", act_finish) \
	X(ACT_BACK, GROUP_STEP, 'b', 0, "b", "back", \
	  "back one event", act_back) \
	X(ACT_BACK_OP, GROUP_STEP, 'B', 0, "B", NULL, \
	  "back one operation", act_back_op) \
	X(ACT_HOME, GROUP_STEP, KEY_HOME, 'g', "Home g", NULL, \
	  "start of the session", act_home) \
	X(ACT_END, GROUP_STEP, KEY_END, 'G', "End G", NULL, \
	  "end of the session", act_end) \
	X(ACT_PLAY, GROUP_STEP, 'p', 0, "p", "play", \
	  "play or pause", act_play) \
	X(ACT_FASTER, GROUP_STEP, '+', '=', "+", NULL, \
	  "play faster", act_faster) \
	X(ACT_SLOWER, GROUP_STEP, '-', 0, "-", NULL, \
	  "play slower", act_slower) \
	X(ACT_PROCESS, GROUP_VIEW, '\t', 0, "Tab", "process", \
	  "show the next process", act_process) \
	X(ACT_SCROLL_UP, GROUP_VIEW, KEY_PPAGE, 0, "PgUp", NULL, \
	  "scroll grids up (wheel)", act_scroll_up) \
	X(ACT_SCROLL_DOWN, GROUP_VIEW, KEY_NPAGE, 0, "PgDn", NULL, \
	  "scroll grids down (wheel)", act_scroll_down) \
	X(ACT_MOUSE, GROUP_VIEW, KEY_MOUSE, 0, "click", NULL, \
	  "explain the cell clicked", act_mouse) \
	X(ACT_PROJECTOR, GROUP_VIEW, 'P', 0, "P", NULL, \
	  "projector mode on or off", act_projector) \
	X(ACT_PANEL_PAGES, GROUP_VIEW, '1', 0, "1", NULL, \
	  "show or hide virtual pages", act_panel_pages) \
	X(ACT_PANEL_PAGE_TABLE, GROUP_VIEW, '2', 0, "2", NULL, \
	  "show or hide page tables", act_panel_page_table) \
	X(ACT_PANEL_FRAMES, GROUP_VIEW, '3', 0, "3", NULL, \
	  "show or hide frames", act_panel_frames) \
	X(ACT_PANEL_SWAP, GROUP_VIEW, '4', 0, "4", NULL, \
	  "show or hide swap", act_panel_swap) \
	X(ACT_PANEL_TLB, GROUP_VIEW, '5', 0, "5", NULL, \
	  "show or hide the TLB", act_panel_tlb) \
	X(ACT_TABLE, GROUP_VIEW, 'f', 0, "f", NULL, \
	  "frames-by-time table", act_table) \
	X(ACT_WORKING_SET, GROUP_VIEW, 'w', 0, "w", NULL, \
	  "mark working-set pages", act_working_set) \
	X(ACT_THRASH, GROUP_VIEW, 'T', 0, "T", NULL, \
	  "thrashing view", act_thrash) \
	X(ACT_TREE, GROUP_VIEW, 'L', 0, "L", NULL, \
	  "page-table tree: every table", act_tree) \
	X(ACT_COMPARE, GROUP_VIEW, 'c', 0, "c", NULL, \
	  "compare policies", act_compare) \
	X(ACT_SWEEP, GROUP_VIEW, 'S', 0, "S", NULL, \
	  "chart faults against frames", act_sweep) \
	X(ACT_THEME, GROUP_VIEW, 't', 0, "t", NULL, \
	  "next colour theme", act_theme) \
	X(ACT_QUIZ, GROUP_VIEW, 'Q', 0, "Q", NULL, \
	  "quiz on or off", act_quiz) \
	X(ACT_NOTES, GROUP_VIEW, 'n', 0, "n", "notes", \
	  "notes, narration in full", act_notes) \
	X(ACT_REDRAW, GROUP_VIEW, KEY_CTRL('l'), 0, "Ctrl-L", NULL, \
	  "redraw the screen", act_redraw) \
	X(ACT_HELP, GROUP_VIEW, '?', KEY_F(1), "? F1", "help", \
	  "this help", act_help) \
	X(ACT_COMMAND, GROUP_SESSION, ':', 0, ":", "command", \
	  "command prompt, with history", act_command) \
	X(ACT_SAVE, GROUP_SESSION, 's', 0, "s", NULL, \
	  "save the session", act_save) \
	X(ACT_QUIT, GROUP_SESSION, 'q', 0, "q", "quit", \
	  "quit (asks if unsaved)", act_quit)

#define ACTION_ENUM(id, group, key, alt, label, hint, help, fn) id,
enum action { UI_ACTIONS(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

struct action_info {
	enum action id;
	enum key_group group;
	int key, alt;
	const char *label, *hint, *help;
};

/* The table, indexed by enum action. */
extern const struct action_info keys_actions[ACT_COUNT];

/* The action bound to a key, or -1. */
int keys_lookup(int key);

/* "Stepping", "View", "Session". */
const char *keys_group_name(enum key_group g);

/*
 * Visits the lines of the help screen in order: a heading per group, then
 * one line per action of that group ("  space    next event ...").
 */
typedef void (*keys_line_fn)(void *ctx, const char *line, bool heading);
void keys_help_visit(keys_line_fn fn, void *ctx);

/*
 * Visits the actions shown on the hint line, in table order, with the
 * first key of their label (`key`, `keylen` bytes) and their hint word.
 */
typedef void (*keys_hint_fn)(void *ctx, const char *key, size_t keylen, const char *hint);
void keys_hints_visit(keys_hint_fn fn, void *ctx);

/* Writes the hint line ("space step | Enter finish | ..."), separated by `sep`. */
void keys_hints(char *buf, size_t size, const char *sep);

#endif
