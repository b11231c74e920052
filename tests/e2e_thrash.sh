#!/bin/sh
# e2e_thrash.sh - working sets on the screen as a person sees them, at
# 80x24 and 160x48, in a private tmux server.
#
# Key w: a script reads pages 0, 1, 2, 3, 4 in turn with --tau 3, so the
# working set after the fifth access is the pages of the last three:
# 2, 3 and 4.  Pages 0 and 1 are still resident (8 frames) but are left
# unmarked; 4, the page being accessed, keeps the pointer.  Stepped back
# into the fourth access, before its ACCESS event, the window is the first
# three accesses: 0, 1, 2 marked, 3 under the pointer.  w again hides the
# marks; --ascii marks with *.
#
# Key T, on lesson 14 (4 frames, LRU; web and db read two pages each in
# turn, then a third process joins with the same habits), at its end: 30
# accesses.  Faults: accesses 1-4 load the four pages, 5-16 hit, 17-30
# fault.  The fault rate over the accesses ending at each (10, fewer at
# the start) in eighths rounded up: 4/4 four times (█), 4/5 ▇, 4/6 ▆,
# 4/7 ▅, 4/8 4/9 4/10 ▄, then 3 2 1 of 10 (▃ ▂ ▁), 0 three times (blank),
# 1 2 3 4 5 6 7 8 9 of 10 (▁ ▂ ▃ ▄ ▄ ▅ ▆ ▇ ▇: full only for all 10) and
# 10 of 10 five times.  The
# sum of the working sets (tau 10) is 1 2 3 4 over the first four
# accesses, 4 through access 16, 5 at access 17 (step 18, third's first
# page: over the 4 frames, ▲), 6 after: the frames line is 16 thin, ▲,
# 13 heavy; "over by 2 since step 18"; 2 processes for 12 accesses, then
# 3.  At 160x48 each access takes 3 columns.  Inside step 18 the band
# holds accesses 1-16 and says access 17 is under way, not counted.  The lesson's display.thrash
# opens it with the view; --ascii draws the line with - ^ =; a save keeps
# the marks and leaves out the view once hidden.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons), TMUX_BIN.
set -u

name=e2e_thrash
. "$(dirname "$0")/tmux_harness.sh"

printf 'r 0x0\nr 0x1000\nr 0x2000\nr 0x3000\nr 0x4000\n' > "$work/five"

# start COLS ROWS LOCALE: the script of five reads, at its end.
start() {
	locale=$3
	open "$1" "$2" --tau 3 --frames 8 --tlb 0 --script "'$work/five'"
	wait_for "step 0/5"
	t send-keys -t ui G
	wait_for "step 5/5"
}

for size in "80 24" "160 48"; do
	set -- $size
	at="${1}x$2"
	start "$1" "$2" C.UTF-8
	has "pid 1 app · ws 3" || fail "$at: the heading does not give ws 3"
	has "•" && fail "$at: marks before the key"
	t send-keys -t ui w
	wait_for "• before a page: in its process's working set, the pages of its last 3 accesses"
	has " 0 ■  1 ■ •2 ■ •3 ■" || fail "$at: pages 2 and 3 are not marked, or 0 and 1 are"
	has "▶4 ▣ " || fail "$at: the page being accessed lost its pointer"
	# Back into the fourth access, before its ACCESS event: the window 0, 1, 2.
	t send-keys -t ui B Enter b b b b b b b b b b b b
	wait_for "PAGE-TABLE WALK (event 2 of 7)"
	has "•0 ■ •1 ■ •2 ■ ▶3 ▣" || fail "$at: inside the fourth access, 0 1 2 are not marked"
	t send-keys -t ui w
	wait_for "working-set marks hidden (key w)"
	has "•" && fail "$at: marks after the key hid them"
done

start 80 24 C
t send-keys -t ui w
wait_for "* before a page"
has " 0 #  1 # *2 # *3 #" || fail "--ascii: pages 2 and 3 are not marked with *"

# lesson COLS ROWS LOCALE: lesson 14, its notes closed, at its end.
lesson() {
	locale=$3
	open_lesson "$1" "$2" 14
	t send-keys -t ui G
	wait_for "step 31/31"
}

# thrice TEXT: each character of TEXT three times.
thrice() {
	printf '%s' "$1" | sed 's/./&&&/g'
}

for size in "80 24 1" "160 48 3"; do
	set -- $size
	at="${1}x$2"
	lesson "$1" "$2" C.UTF-8
	has "thrashing ·" || fail "$at: lesson 14 (display.thrash) opens without the view"
	rate="████▇▆▅▄▄▄▃▂▁   ▁▂▃▄▄▅▆▇▇█████"
	line="────────────────▲━━━━━━━━━━━━━"
	procs="222222222222333333333333333333"
	if [ "$3" = 3 ]; then
		rate=$(thrice "$rate") procs=$(thrice "$procs")
		line="$(thrice "────────────────")▲━━$(thrice "━━━━━━━━━━━━━")"
		has "thrashing · accesses 1-30, 3 columns each · fault rate over the last 10" ||
		    fail "$at: the title"
	else
		has "thrashing · accesses 1-30, a column each · fault rate over the last 10" ||
		    fail "$at: the title"
	fi
	has "fault rate  $rate " || fail "$at: the fault rate's bars"
	has "10 of last 10" || fail "$at: the latest fault rate"
	has "sum of W" || fail "$at: no row of the sum"
	has "6 pages" || fail "$at: the sum of the working sets at the end"
	has "4 frames    $line·" || fail "$at: the frames line (dotted after the last access)"
	has "over by 2" || fail "$at: not over by 2"
	has "since step 18" || fail "$at: not since step 18"
	has "processes   $procs " || fail "$at: the processes' row"
	# Back to step 17: 2 + 2 pages in the 4 frames, the third's none yet.
	t send-keys -t ui B B B B B B B B B B B B B B
	wait_for "step 17/31"
	has "fits" || fail "$at: at step 17 the working sets do not fit"
	has "▲" && fail "$at: at step 17 a point stops fitting"
	# Into step 18 (access 17, third's first page), at its PAGE FAULT: the
	# statistics count access 17 already; the band holds accesses 1-16,
	# of whose last 10 (7-16, all hits) none faulted, and says 17 is not
	# counted.
	t send-keys -t ui Space Space Space Space
	wait_for "PAGE FAULT (event 4 of"
	has "accesses 17 " || fail "$at: the statistics do not count access 17"
	has "thrashing · accesses 1-16 (17 under way, not counted) · " ||
	    fail "$at: the title does not say access 17 is not counted"
	has "0 of last 10" || fail "$at: the band's fault rate, of accesses 7-16"
	t send-keys -t ui Enter
	wait_for "step 18/31"
	has "under way" && fail "$at: at step 18's end an access is still under way"
	t send-keys -t ui T
	wait_for "thrashing view hidden (key T)"
	has "fault rate" && fail "$at: T did not hide the view"
done

# The table and the view together at 160x48: the table above.
lesson 160 48 C.UTF-8
t send-keys -t ui f
wait_for "frames by time"
wait_for "thrashing ·"
table_row=$(screen | grep -n "frames by time" | cut -d: -f1)
view_row=$(screen | grep -n "thrashing ·" | cut -d: -f1)
[ "$table_row" -lt "$view_row" ] || fail "160x48: the table is not above the view"

# --ascii, and T on a session without display.thrash: a script.
lesson 80 24 C
has "4 frames    ----------------^=============." || fail "--ascii: the frames line"
has "thrashing - accesses 1-30" || fail "--ascii: the title"
# A save keeps what the screen shows: lesson 14 with the view hidden and
# the marks on saves working_sets and no thrash.
lesson 80 24 C.UTF-8
t send-keys -t ui T w
wait_for "before a page"
type_command "save $work/saved.json"
wait_for "saved to"
grep -qF '"working_sets": true' "$work/saved.json" || fail "the save lost the marks"
grep -qF '"thrash"' "$work/saved.json" && fail "the save kept the hidden view"

start 80 24 C.UTF-8
has "thrashing ·" && fail "a script opens with the view"
t send-keys -t ui T
wait_for "thrashing view shown (key T)"
# Five faults in five accesses: 1 of 1 ... 5 of 5, full bars, 3 columns each;
# the working sets 1 2 3 3 3 pages (tau 3) fit in the 8 frames.
has "fault rate  ███████████████ " || fail "the script's five faults are not full bars"
has "5 of last 5" || fail "the script's latest fault rate"
has "fits" || fail "the script's working sets do not fit in 8 frames"

exit 0
