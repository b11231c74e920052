#!/bin/sh
# e2e_policy_column.sh - the frames panel's column of the policy's state,
# as a person sees it at 80x24 and 160x48: its heading, and after step 6
# of one script (worked out by hand in tests/test_policy_mind.c) FIFO's
# queue, CLOCK's hand and R bits, aging's counters (binary when wide,
# hex when narrow), OPT's next uses; random shows no column.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), TMUX_BIN (tmux; skipped without it).
set -u

name=e2e_policy_column
. "$(dirname "$0")/tmux_harness.sh"
printf '%s\n' 'r 0x0' 'r 0x1000' 'w 0x2000' 'r 0x3000' 'r 0x1000' 'r 0x4000' \
    'r 0x1000' 'r 0x0' > "$work/script"

# at COLS ROWS POLICY: the script under POLICY on 3 frames, after step 6.
at() {
	open "$1" "$2" --policy "$3" --frames 3 --tick 2 --tau 3 --script "'$work/script'"
	wait_for "step 0/8"
	t send-keys -t ui Enter Enter Enter Enter Enter Enter
	wait_for "step 6/8"
}

# row TEXT: the frames panel shows a row matching the regular expression.
row() {
	screen | grep -qE -- "$1" || fail "no frames row like '$1'"
}

# --- 80x24: the narrow forms ----------------------------------------------
at 80 24 clock
row "│  hand and R bits│"
row "│ 0   1:0x3 → R1  │"
row "│ 1   1:0x1   R0  │"
row "│ 2   1:0x4   R1  │"

at 80 24 fifo
row "│queue, 1 = oldest│"
row "│ 0   1:0x3 2     │"
row "│ 1   1:0x4 3 ◀   │"
row "│ 2 D 1:0x2 1     │"

at 80 24 aging
row "│ +8-bit counter│"
row "│ 0   1:0x4 0x80 +◀? *│"
row "│ 1   1:0x1 0xa0 +│"
row "│ 2   1:0x3 0x40 +│"

at 80 24 wsclock
row "│hand, R bits, age│"
row "│ 2 D 1:0x2 →R0 3 │"

at 80 24 random
lacks "hand" || fail "random shows a column"
row "│ 0   1:0x0 +│"

# --- 160x48: the wide forms -----------------------------------------------
at 160 48 clock
row "│ +hand and R bits +│"
row "│ 0   1:0x3 → R1 +│"
row "│ 1   1:0x1   R0 +│"
row "│ 2   1:0x4   R1 ◀ +│"

at 160 48 aging
row "│ +8-bit counter +│"
row "│ 0   1:0x4 10000000 +│"
row "│ 1   1:0x1 10100000 +│"
row "│ 2   1:0x3 01000000 +│"

at 160 48 opt
row "│ +next use \(step\) +│"
row "│ 0   1:0x0     8 +│"
row "│ 1   1:0x1     7 +│"
row "│ 2   1:0x4 never ◀ +│"

echo "e2e_policy_column: ok"
