/*
 * quiz.h - predict, then see: before an access is shown, the student says
 * whether the TLB hits, whether the page faults and which frame the page
 * ends in; then the engine's events say whether each was right, and a
 * score is kept.  Pure (no curses): the keys are plain characters and the
 * truth comes from the operation's events.
 */
#ifndef VMSCOPE_UI_QUIZ_H
#define VMSCOPE_UI_QUIZ_H

#include <stdbool.h>
#include <stddef.h>

#include "event.h"

enum quiz_stage { QUIZ_TLB, QUIZ_FAULT, QUIZ_FRAME, QUIZ_DONE };

#define QUIZ_NO_FRAME (-1)      /* '-': the access is refused, no frame */

struct quiz {
	bool on;
	unsigned right, asked;      /* the score: predictions right, made */
	size_t op;                  /* the operation asked about, 0: none */
	size_t answered;            /* the last operation predicted */
	enum quiz_stage stage;
	bool tlb_hit, fault;        /* what the student said */
	char frame[8];              /* the frame's digits as typed, or "-" */
};

/* What the engine did: from the events of the operation. */
struct quiz_truth {
	bool has_tlb, tlb_hit, fault;
	int frame;                  /* where the page ends, or QUIZ_NO_FRAME */
};

void quiz_truth_of(const struct event_list *ev, struct quiz_truth *t);

/* Starts asking about operation op (skipping the TLB on a machine with none). */
void quiz_begin(struct quiz *q, size_t op, bool has_tlb);

/*
 * Takes a key: h/m for the TLB, f/n for a fault, digits then Enter (or -)
 * for the frame, Backspace to correct.  Returns whether the key was one
 * the question takes.
 */
bool quiz_key(struct quiz *q, int key);

/* The question asked now, with its keys ("TLB: h hit, m miss"). */
void quiz_question(const struct quiz *q, char *buf, size_t size);

/*
 * Scores a finished prediction against the truth and writes the verdict,
 * short enough for 80 columns:
 * "quiz: TLB hit, wrong: miss; fault, right; frame 1, wrong: frame 2".
 */
void quiz_grade(struct quiz *q, const struct quiz_truth *t, char *buf, size_t size);

#endif
