/*
 * quiz_keys.c - the quiz in the UI: with it on, a step into an access
 * first asks for the student's predictions on the prompt line; nothing
 * of the access is shown until they are in.  Then the verdict goes on the
 * hint line, the access is played to its end (its narration is the
 * engine's explanation; b steps back through it), and the score shows on
 * the statistics line.
 */
#include "app.h"
#include "view.h"

/* The next operation, if stepping now would start it and it is an access. */
static size_t
access_ahead(const struct app *a)
{
	size_t k = a->anim.op + 1;

	if (!anim_complete(&a->anim, &a->src) || k > a->anim.length)
		return 0;
	return history_op(a->h, k)->kind == OP_ACCESS ? k : 0;
}

unsigned
quiz_intercept(struct app *a)
{
	size_t k;

	if (!a->quiz.on || (k = access_ahead(a)) == 0 || a->quiz.answered == k)
		return R_NONE;
	quiz_begin(&a->quiz, k, a->m->cfg.tlb_entries > 0);
	a->mode = MODE_QUIZ;
	return R_REDRAW;
}

static unsigned
reveal(struct app *a)
{
	struct event_list ev;
	struct quiz_truth truth;
	char verdict[sizeof a->message];

	history_events(a->h, a->quiz.op, &ev);
	quiz_truth_of(&ev, &truth);
	quiz_grade(&a->quiz, &truth, verdict, sizeof verdict);
	a->mode = MODE_NORMAL;
	anim_finish(&a->anim, &a->src);
	app_aside(a, "%s", verdict);
	return R_MOVED | R_REDRAW;
}

/* Escape puts the question off; q does so too and then quits as anywhere. */
unsigned
quiz_mode_key(struct app *a, int key)
{
	if (key == 27 || key == 'q') {
		a->quiz.op = 0;
		a->mode = MODE_NORMAL;
		return key == 'q' ? command_quit(a) : R_REDRAW;
	}
	if (!quiz_key(&a->quiz, key))
		return R_NONE;
	return a->quiz.stage == QUIZ_DONE ? reveal(a) : R_REDRAW;
}

unsigned
quiz_toggle(struct app *a)
{
	a->quiz.on = !a->quiz.on;
	a->anim.playing = false;
	if (a->quiz.on)
		app_aside(a, "quiz on: each step into an access asks first (score %u/%u)",
			  a->quiz.right, a->quiz.asked);
	else
		app_aside(a, "quiz off (score %u/%u)", a->quiz.right, a->quiz.asked);
	return R_REDRAW;
}
