/*
 * quiz.c - the predictions a student makes before an access is shown,
 * and their score against the engine's events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quiz.h"

#define QUIZ_PREFIX "quiz: "

void
quiz_truth_of(const struct event_list *ev, struct quiz_truth *t)
{
	*t = (struct quiz_truth){ .frame = QUIZ_NO_FRAME };
	for (unsigned i = 0; i < ev->n; i++) {
		const struct event *e = &ev->ev[i];

		if (e->kind == EV_TLB_HIT || e->kind == EV_TLB_MISS) {
			t->has_tlb = true;
			t->tlb_hit = e->kind == EV_TLB_HIT;
		} else if (event_kind_faults(e->kind)) {
			t->fault = true;
		} else if (e->kind == EV_ACCESS) {
			t->frame = e->frame;
		}
	}
}

void
quiz_begin(struct quiz *q, size_t op, bool has_tlb)
{
	q->op = op;
	q->stage = has_tlb ? QUIZ_TLB : QUIZ_FAULT;
	q->frame[0] = '\0';
}

static bool
frame_key(struct quiz *q, int key)
{
	size_t n = strlen(q->frame);

	if (key >= '0' && key <= '9' && n + 1 < sizeof q->frame && strcmp(q->frame, "-") != 0) {
		q->frame[n] = (char)key;
		q->frame[n + 1] = '\0';
	} else if (key == '-' && n == 0) {
		strcpy(q->frame, "-");
		q->stage = QUIZ_DONE;
	} else if ((key == 8 || key == 127 || key == 263) && n > 0) {
		q->frame[n - 1] = '\0';       /* Backspace, DEL, KEY_BACKSPACE */
	} else if ((key == '\n' || key == '\r') && n > 0) {
		q->stage = QUIZ_DONE;
	} else {
		return false;
	}
	return true;
}

bool
quiz_key(struct quiz *q, int key)
{
	switch (q->stage) {
	case QUIZ_TLB:
		if (key != 'h' && key != 'm')
			return false;
		q->tlb_hit = key == 'h';
		q->stage = QUIZ_FAULT;
		return true;
	case QUIZ_FAULT:
		if (key != 'f' && key != 'n')
			return false;
		q->fault = key == 'f';
		q->stage = QUIZ_FRAME;
		return true;
	case QUIZ_FRAME:
		return frame_key(q, key);
	default:
		return false;
	}
}

void
quiz_question(const struct quiz *q, char *buf, size_t size)
{
	switch (q->stage) {
	case QUIZ_TLB:
		snprintf(buf, size, "predict operation %zu: TLB h hit or m miss?", q->op);
		break;
	case QUIZ_FAULT:
		snprintf(buf, size, "predict operation %zu: f page fault or n none?", q->op);
		break;
	default:
		snprintf(buf, size, "predict operation %zu: which frame? digits and Enter, "
			 "- if refused: %s", q->op, q->frame);
		break;
	}
}

/* Appends "WHAT, right" or "WHAT, wrong: TRUTH" and counts it. */
static size_t
verdict(struct quiz *q, char *buf, size_t size, size_t k, bool right, const char *what,
	const char *truth)
{
	const char *sep = k > strlen(QUIZ_PREFIX) ? "; " : "";

	q->asked++;
	q->right += right;
	if (k >= size)
		return k;
	if (right)
		return k + (size_t)snprintf(buf + k, size - k, "%s%s, right", sep, what);
	return k + (size_t)snprintf(buf + k, size - k, "%s%s, wrong: %s", sep, what, truth);
}

void
quiz_grade(struct quiz *q, const struct quiz_truth *t, char *buf, size_t size)
{
	char said[24], truth[24];
	int frame = strcmp(q->frame, "-") == 0 ? QUIZ_NO_FRAME : atoi(q->frame);
	size_t k = (size_t)snprintf(buf, size, QUIZ_PREFIX);

	if (t->has_tlb)
		k = verdict(q, buf, size, k, q->tlb_hit == t->tlb_hit,
			    q->tlb_hit ? "TLB hit" : "TLB miss", t->tlb_hit ? "hit" : "miss");
	k = verdict(q, buf, size, k, q->fault == t->fault, q->fault ? "fault" : "no fault",
		    t->fault ? "fault" : "no fault");
	if (frame == QUIZ_NO_FRAME)
		snprintf(said, sizeof said, "refused");
	else
		snprintf(said, sizeof said, "frame %d", frame);
	if (t->frame == QUIZ_NO_FRAME)
		snprintf(truth, sizeof truth, "refused");
	else
		snprintf(truth, sizeof truth, "frame %d", t->frame);
	verdict(q, buf, size, k, frame == t->frame, said, truth);
	q->answered = q->op;
	q->op = 0;
}
