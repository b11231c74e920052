#!/bin/sh
# e2e_table.sh - the frames-by-time table and the comparison of policies as
# a person sees them, at 80x24 and 160x48, in a private tmux server: lesson
# 7 (FIFO on the textbook string 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1,
# 3 frames) opens with the table; after four accesses the cursor's
# brackets sit over the fourth column, frame 0 holds 7 7 7 then 2 brought
# in, and 7 is struck as 2's victim; f hides the table; c compares fifo,
# opt, lru and clock with their fault counts, worked out by hand (at the
# fourth access 4 each; at the end 15, 9, 12, 14), stepping with the main
# cursor; :compare chooses two of them; lesson 31 opens in the comparison;
# a string wider than the screen pages with the cursor; --ascii strikes
# with a minus.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons), TMUX_BIN.
set -u

name=e2e_table
. "$(dirname "$0")/tmux_harness.sh"
# The screen's line that starts (after blanks and a border) with WORD.
row() {
	screen | sed -n "s/^[│| ]*$1 /&/p" | head -n 1
}

# col TEXT LINE: the character column where TEXT starts in LINE (0: absent).
col() {
	printf '%s\n' "$2" | awk -v t="$1" '{ i = index($0, t); if (!i) { print 0; exit }
	    print length(substr($0, 1, i - 1)) + 1 }'
}

# At the fourth access: the cursor on the fourth page (2), frame 0 holding
# 7 7 7 and then 2, brought in (*), and 7, its victim, struck in the faults' row.
fourth_access() {
	for k in 1 2 3 4; do
		t send-keys -t ui Enter
		wait_for "step $k/20"
	done
	strip=$(row page) f0=$(row f0) faults=$(row fault)
	printf '%s\n' "$strip" | grep -qF "page   7  0  1 [2] 0  3  0  4" ||
	    fail "$1: the strip does not bracket the fourth page"
	printf '%s\n' "$f0" | grep -qF "f0     7* 7  7  2*" ||
	    fail "$1: frame 0 does not hold 7, 7, 7 and 2 brought in"
	[ "$(col '[2]' "$strip")" -eq "$(($(col '2*' "$f0") - 1))" ] ||
	    fail "$1: the cursor's column is not frame 0's fourth column"
	printf '%s\n' "$faults" | grep -qF "fault  F  F  F  $2" ||
	    fail "$1: the faults' row does not show three faults and 7 struck ($2)"
	# Columns still to come are empty: nothing after 2* in frame 0.
	printf '%s\n' "$f0" | grep -qE '2\* *[│|]?$' || fail "$1: a column to come is filled"
}

# compare_counts FIFO OPT LRU CLOCK: each policy's faults on the screen.
compare_counts() {
	for pair in "fifo $1" "opt $2" "lru $3" "clock $4"; do
		set -- $pair
		wait_for "$1 · faults $2 "
	done
}

for size in "80 24" "160 48"; do
	set -- $size
	cols=$1 rows=$2
	open_lesson "$cols" "$rows" 7
	has "frames by time · fifo" || fail "${cols}x$rows: lesson 7 opens without its table"
	fourth_access "${cols}x$rows" "7̶"
	t send-keys -t ui f
	wait_gone "frames by time"
	t send-keys -t ui f
	wait_for "frames by time"

	# The comparison, stepping with the main cursor.
	t send-keys -t ui c
	wait_for "(the session's policy)"
	compare_counts 4 4 4 4
	row page | grep -qF "[2]" || fail "${cols}x$rows: the comparison lost the cursor"
	t send-keys -t ui G
	wait_for "step 20/20"
	compare_counts 15 9 12 14
	row page | grep -qF "0  1  7  0 [1]" || fail "${cols}x$rows: the cursor is not at the end"
	# Back one access: the twentieth was a fault for fifo (1 evicts 0).
	t send-keys -t ui b
	wait_for "step 19/20"
	wait_for "fifo · faults 14 "
	type_command "compare lru,fifo"
	wait_gone "opt · faults"
	has "lru · faults" || fail "${cols}x$rows: :compare lru,fifo does not show lru"
	has "clock · faults" && fail "${cols}x$rows: :compare lru,fifo still shows clock"
	type_command "compare lru,lifo"
	wait_for "compare: \"lifo\" is not a policy"
	t send-keys -t ui c
	wait_for "frames by time · fifo"
done

# Lesson 31 opens (past its notes) in the comparison of opt, lru, fifo and
# clock; c shows the session's own lru with its table.
open_lesson 80 24 31
wait_for "lru · faults 0 · accesses 0  (the session's policy)"
t send-keys -t ui Space
wait_for "step 1/20"
row page | grep -qF "page  [7] 0  1" || fail "lesson 31: the cursor is not on the first access"
t send-keys -t ui G
compare_counts 15 9 12 14
# The end's counts are the session's policy's, and the hint says whose.
wait_for "end (lru): 12 faults, 8 hits; g: start again"
t send-keys -t ui c
wait_for "frames by time · lru"
row f0 | grep -qE ' 1 +[│|]$' || fail "lesson 31: frame 0 does not end holding page 1"

# The help's legend explains the table's marks (a page or two on at 80x24).
t send-keys -t ui '?'
wait_for "vmscope help"
changed() {
	[ "$(screen | cksum)" != "$1" ]
}
pages=0
while lacks "the page that fault evicted" && [ $pages -lt 6 ]; do
	before=$(screen | cksum)
	t send-keys -t ui Space
	poll changed "$before" || fail "the help's next page did not come"
	pages=$((pages + 1))
done
has "7̶        the page that fault evicted" || fail "the help's legend does not strike 7"
t send-keys -t ui q

# A string longer than the screen is wide: 33 accesses, 24 columns fit at
# 80; the columns page with the cursor, the last page ending at the end.
open 80 24 --pages 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,1,2,3 \
    --frames 4 --policy fifo
wait_for "step 0/33"
t send-keys -t ui f Enter
wait_for "step 1/33"
row page | grep -qE "^[│|]page  \[1\] 2  3 .* 8  9  a  b  c  d  e  f  1  2  3  4  5  6  7  8  9 [│|]$" ||
    fail "long string: the first page of columns is not accesses 1-24"
t send-keys -t ui G
wait_for "step 33/33"
row page | grep -qE "^[│|]page   a  b  c .* f  1  2 \[3\][│|]$" ||
    fail "long string: the last page of columns does not end at the cursor"
row fault | grep -qE "^[│|]fault  6̶  7̶ " || fail "long string: the faults' row does not follow"

# :save keeps the display choices: lesson 7's table hidden with f and the
# comparison of lru and fifo (chosen with :compare, open) are what the file
# says, and opening it shows them again; lesson 7 with its table on and the
# comparison closed saves the table alone.
save_as() {
	type_command "save $1"
	wait_for "saved to"
}
open_lesson 80 24 7
t send-keys -t ui f
wait_gone "frames by time"
type_command "compare LRU,fifo"
wait_for "lru · faults 0 "
save_as "$work/compared.json"
tr -d ' \n' < "$work/compared.json" | grep -qF '"display":{"compare":["lru","fifo"]}' ||
	fail ":save: the file does not keep the comparison of lru and fifo without the table"
open_lesson 80 24 7
t send-keys -t ui c
wait_for "(the session's policy)"
t send-keys -t ui c
wait_for "frames by time · fifo"
save_as "$work/table.json"
tr -d ' \n' < "$work/table.json" | grep -qF '"display":{"table":true}' ||
	fail ":save: the file does not keep the table alone"
open_notes 80 24 "'$work/compared.json'"
t send-keys -t ui Escape
wait_for "lru · faults 0 "
has "fifo · faults 0 " || fail "the saved comparison does not open with fifo"
has "opt · faults" && fail "the saved comparison opens with opt"
t send-keys -t ui c
wait_for "step 0/20"
has "frames by time" && fail "the saved session opens with the table it had hidden"

# Without UTF-8 the victim is struck with a minus.
open_lesson 80 24 7 --ascii
fourth_access "--ascii" "-7"

echo "e2e_table: ok"
