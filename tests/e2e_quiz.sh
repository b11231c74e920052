#!/bin/sh
# e2e_quiz.sh - the quiz in the real UI, driven by tmux: with --quiz a
# step into an access asks first (TLB, fault, frame) and shows nothing of
# it; a right prediction and a wrong one are scored on the statistics
# line with the verdict on the hint line, the wrong one naming what the
# engine did; the question names Esc and q; Escape puts a question off,
# q quits from it; Q turns the quiz off with the
# score.  At 80x24 and 160x48.
#
# Environment (make check sets them): VMSCOPE, the program; TMUX_BIN.
set -u

name=e2e_quiz
. "$(dirname "$0")/tmux_harness.sh"

# first_question COLS ROWS: the quiz on pages 1, 2, 1 in 2 frames, recorded,
# its score 0/0, asking the first question after a step.
first_question() {
	recorded "$1" "$2" "env TERM=tmux-256color LANG=C.UTF-8 '$VMSCOPE' --quiz --pages 1,2,1 --frames 2"
	wait_for "quiz 0/0"
	t send-keys -t ui Space
	wait_for "predict operation 1: TLB h hit or m miss?"
}

run_at() {
	cols=$1 rows=$2
	first_question "$cols" "$rows"
	has "step 1/3" && fail "$cols x $rows: the access was shown before the prediction"
	has "predict operation 1: TLB h hit or m miss?  Esc: not now, q: quit" ||
	    fail "$cols x $rows: the question does not say Esc and q"
	t send-keys -t ui m
	wait_for "predict operation 1: f page fault or n none?"
	t send-keys -t ui f 0 Enter
	wait_for "quiz: TLB miss, right; fault, right; frame 0, right"
	wait_for "quiz 3/3"
	wait_for "read of 0x1000 reaches frame 0 at physical 0x0"

	t send-keys -t ui Space
	wait_for "predict operation 2: TLB h hit or m miss?"
	t send-keys -t ui h n 0 Enter
	wait_for "quiz: TLB hit, wrong: miss; no fault, wrong: fault; frame 0, wrong: frame 1"
	wait_for "quiz 3/6"
	wait_for "read of 0x2000 reaches frame 1 at physical 0x1000"

	t send-keys -t ui Space
	wait_for "predict operation 3: TLB h hit or m miss?"
	t send-keys -t ui Escape
	wait_gone "predict operation 3"
	has "quiz 3/6" || fail "$cols x $rows: Escape changed the score"
	t send-keys -t ui Q
	wait_for "quiz off (score 3/6)"
	wait_gone "quiz 3/6"
	t send-keys -t ui q
	assert_restored 0 "$cols x $rows"
	echo "ok: the quiz at $cols x $rows"
}

# q during a question quits, as it does anywhere (nothing is unsaved here).
quit_in_question() {
	first_question 80 24
	t send-keys -t ui q
	assert_restored 0 "q in a quiz question"
	echo "ok: q quits from a quiz question"
}

run_at 80 24
run_at 160 48
quit_in_question
