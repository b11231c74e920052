/*
 * actions.c - what each action of the key table does.  Handlers change
 * the UI state and return a reaction (enum reaction) for the loop to
 * carry out; the dispatch table is generated from UI_ACTIONS itself.
 */
#include <string.h>

#include "keys.h"
#include "view.h"

#define WHEEL_ROWS 3

static unsigned
moved(bool changed)
{
	return (changed ? R_MOVED : R_NONE);
}

static unsigned
act_finish(struct app *a)
{
	unsigned asked = quiz_intercept(a);

	return (asked ? asked : moved(anim_finish(&a->anim, &a->src)));
}

static unsigned
act_back_op(struct app *a)
{
	return (moved(anim_back_op(&a->anim, &a->src)));
}

/* The comparison shows no events: there a step is a whole operation. */
static unsigned
act_next(struct app *a)
{
	unsigned asked;

	if (a->comparing)
		return (act_finish(a));
	asked = quiz_intercept(a);
	return (asked ? asked : moved(anim_next(&a->anim, &a->src)));
}

static unsigned
act_back(struct app *a)
{
	if (a->comparing)
		return (act_back_op(a));
	return (moved(anim_back(&a->anim, &a->src)));
}

static unsigned
act_home(struct app *a)
{
	return (moved(anim_home(&a->anim)));
}

static unsigned
act_end(struct app *a)
{
	return (moved(anim_end(&a->anim, &a->src)));
}

static unsigned
act_play(struct app *a)
{
	if (a->quiz.on && !a->anim.playing) {
		app_aside(a, "the quiz steps with space or Enter, one access at a time");
		return (R_REDRAW);
	}
	if (!anim_toggle(&a->anim, &a->src)) {
		app_say(a, false, "at the end of the session: nothing left to play");
		return (R_REDRAW);
	}
	return (R_TIMER | R_REDRAW);
}

static unsigned
speed_changed(struct app *a, bool changed)
{
	app_aside(a, "play speed: one event every %d ms%s", anim_interval_ms(&a->anim),
	    changed ? "" : " (the limit)");
	return (R_TIMER | R_REDRAW);
}

static unsigned
act_faster(struct app *a)
{
	return (speed_changed(a, anim_faster(&a->anim)));
}

static unsigned
act_slower(struct app *a)
{
	return (speed_changed(a, anim_slower(&a->anim)));
}

static unsigned
act_process(struct app *a)
{
	int pid = app_next_pid(a);

	if (pid == 0)
		return (R_NONE);
	a->shown_pid = pid;
	memset(a->scroll, 0, sizeof a->scroll);
	if (pages_all_stacked(a))
		app_aside(a, "every process is on screen; Tab picks the one shown when "
		    "they do not all fit (next: pid %d)", pid);
	else
		app_aside(a, "showing pid %d %s", pid, machine_process(a->m, pid)->name);
	return (R_RELAYOUT);    /* the tree's width (key L) is the shown process's */
}

static unsigned
scroll_lists(struct app *a, int direction)
{
	int p;

	for (p = 0; p < PANEL_COUNT; p++)
		view_scroll(a, (enum panel)p, direction * (long)view_visible(a, (enum panel)p));
	return (R_REDRAW);
}

static unsigned
act_scroll_up(struct app *a)
{
	return (scroll_lists(a, -1));
}

static unsigned
act_scroll_down(struct app *a)
{
	return (scroll_lists(a, 1));
}

/* A click explains the cell under it; the wheel scrolls the list under it. */
static unsigned
act_mouse(struct app *a)
{
	int p;
	MEVENT ev;
	char buf[sizeof a->message];
	const struct view *v;

	/* The comparison draws no panels: nothing there to explain or scroll. */
	if (getmouse(&ev) != OK || a->comparing)
		return (R_NONE);
	p = layout_hit(&a->layout, ev.y, ev.x);
	if (p < 0 || a->m == NULL)
		return (R_NONE);
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		view_scroll(a, (enum panel)p, ev.bstate & BUTTON4_PRESSED ? -WHEEL_ROWS : WHEEL_ROWS);
		return (R_REDRAW);
	}
	v = view_of((enum panel)p);
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) || v->click == NULL ||
	    !v->click(a, &a->layout.r[p], ev.y, ev.x, buf, sizeof buf))
		return (R_NONE);
	app_say(a, false, "%s", buf);
	return (R_REDRAW);
}

static unsigned
act_projector(struct app *a)
{
	a->projector = !a->projector;
	a->theme.projector = a->projector;
	return (R_RELAYOUT);
}

static unsigned
act_panel_pages(struct app *a)
{
	return (panels_toggle(a, 0));
}

static unsigned
act_panel_page_table(struct app *a)
{
	return (panels_toggle(a, 1));
}

static unsigned
act_panel_frames(struct app *a)
{
	return (panels_toggle(a, 2));
}

static unsigned
act_panel_swap(struct app *a)
{
	return (panels_toggle(a, 3));
}

static unsigned
act_panel_tlb(struct app *a)
{
	return (panels_toggle(a, 4));
}

static unsigned
act_theme(struct app *a)
{
	theme_next(&a->theme);
	app_aside(a, "theme: %s%s", theme_name(&a->theme),
	    a->theme.colour ? "" : " (colour is off)");
	return (R_REDRAW);
}

static unsigned
act_tree(struct app *a)
{
	if (a->m->cfg.levels < 2) {
		app_aside(a, "one level: the page table is one table, no tree (key L needs "
		    "--levels 2 or more)");
		return (R_REDRAW);
	}
	a->tree_on = !a->tree_on;
	a->scroll[PANEL_PAGE_TABLE] = 0;
	app_aside(a, "page-table panel: %s (key L)", a->tree_on ?
	    "the whole tree of the process shown" : "its entries and the walk's path");
	return (R_RELAYOUT);
}

static unsigned
act_table(struct app *a)
{
	a->table_on = !a->table_on;
	app_follow(a);
	panels_place(a, COLS, LINES);
	if (a->table_on && a->layout.r[PANEL_TABLE].h == 0)
		app_aside(a, "frames-by-time table on, but this screen has no room for it "
		    "(key f)");
	else
		app_aside(a, "frames-by-time table %s (key f)", a->table_on ? "shown" : "hidden");
	return (R_RELAYOUT);
}

static unsigned
act_thrash(struct app *a)
{
	a->thrash_on = !a->thrash_on;
	app_follow(a);
	panels_place(a, COLS, LINES);
	if (a->thrash_on && a->layout.r[PANEL_THRASH].h == 0)
		app_aside(a, "thrashing view on, but this screen has no room for it (key T)");
	else
		app_aside(a, "thrashing view %s (key T)", a->thrash_on ? "shown" : "hidden");
	return (R_RELAYOUT);
}

static unsigned
act_working_set(struct app *a)
{
	a->ws_marks = !a->ws_marks;
	if (a->ws_marks)
		app_aside(a, "%s before a page: in its process's working set, the pages of its "
		    "last %u accesses (key w)", a->g->in_ws, a->m->cfg.tau);
	else
		app_aside(a, "working-set marks hidden (key w)");
	return (R_REDRAW);
}

static unsigned
act_compare(struct app *a)
{
	a->comparing = !a->comparing;
	a->sweeping = false;
	app_follow(a);
	if (a->comparing)
		app_aside(a, "comparing: space and b step an access, c closes, "
		    ":compare chooses");
	return (R_RELAYOUT);
}

static unsigned
act_sweep(struct app *a)
{
	a->sweeping = !a->sweeping;
	a->comparing = false;
	app_follow(a);
	if (a->sweeping)
		app_aside(a, "faults against frames for the policies c compares; "
		    "S closes");
	return (R_RELAYOUT);
}

static unsigned
act_redraw(struct app *a)
{
	(void)a;
	clearok(curscr, TRUE);
	return (R_REDRAW);
}

static unsigned
act_quiz(struct app *a)
{
	return (quiz_toggle(a));
}

static unsigned
act_help(struct app *a)
{
	a->mode = MODE_HELP;
	a->help_page = 0;
	return (R_REDRAW);
}

static unsigned
act_notes(struct app *a)
{
	a->mode = MODE_NOTES;
	a->notes_scroll = 0;
	return (R_REDRAW);
}

static unsigned
act_command(struct app *a)
{
	a->mode = MODE_PROMPT;
	a->prompt_for = PROMPT_COMMAND;
	lineedit_start(&a->edit);
	return (R_REDRAW);
}

static unsigned
act_save(struct app *a)
{
	return (command_save(a));
}

static unsigned
act_quit(struct app *a)
{
	return (command_quit(a));
}

#define ACTION_HANDLER(id, group, key, alt, label, hint, help, fn) [id] = fn,
static unsigned (*const handlers[ACT_COUNT])(struct app *) = {
	UI_ACTIONS(ACTION_HANDLER)
};
#undef ACTION_HANDLER

unsigned
actions_key(struct app *a, int key)
{
	int act = keys_lookup(key);

	if (act < 0)
		return (R_NONE);
	/* A message lasts until the next action. */
	if (a->message[0] != '\0') {
		a->message[0] = '\0';
		return (handlers[act](a) | R_REDRAW);
	}
	return (handlers[act](a));
}
