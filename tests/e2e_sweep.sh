#!/bin/sh
# e2e_sweep.sh - the sweep chart (key S) as a person sees it, at 80x24 and
# 160x48, in a private tmux server: lesson 5 (FIFO, 3 frames, Belady's
# string 1 2 3 4 1 2 5 1 2 3 4 5) swept with 1 to 8 frames under the
# policies the comparison uses (fifo, opt, lru, clock).  Worked out by
# hand (tests/test_compare.c): FIFO 12 12 9 10 5..., OPT 12 9 7 6 5...,
# LRU 12 12 10 8 5..., CLOCK as FIFO here; so FIFO and CLOCK at 4 frames
# fault more than at 3 (10 > 9), and LRU and OPT never.  The chart has a
# row per count from 12 down to 5; all four policies meet at 5 from 5
# frames on ("4").  S closes it; --ascii and a non-UTF-8 locale draw it
# in ASCII.  Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons), TMUX_BIN.
set -u

name=e2e_sweep
. "$(dirname "$0")/tmux_harness.sh"
# sweep COLS ROWS LOCALE [OPTIONS]: lesson 5, its notes closed, the chart on.
sweep() {
	locale=$3
	open_lesson "$1" "$2" 05-belady-3-frames ${4:-}
	t send-keys -t ui S
	wait_for "sweep: faults of the session's 12 operations with 1 to 8 frames"
}

# The screen's line for fault count N (its label and the axis), blanks at
# the end dropped.
count_row() {
	screen | sed -n "s/^ *$1 [┤+]/&/p" | sed 's/ *$//' | head -n 1
}

# check_chart SIZE AXIS MARKS...: the rows the hand-worked counts give.
# Columns: the axis, then a frame count every 3 (1 at +3 ... 8 at +24).
check_chart() {
	size=$1 axis=$2 fifo=$3 opt=$4 lru=$5 clock=$6
	has "faults   $fifo fifo  $opt opt  $lru lru  $clock clock  2-9: that many policies at one point" ||
	    fail "$size: the legend"
	[ "$(count_row 12)" = " 12 $axis  4  3" ] ||
	    fail "$size: 12 faults: all four at 1 frame, three at 2: '$(count_row 12)'"
	[ "$(count_row 11)" = " 11 $axis" ] || fail "$size: 11 faults: none"
	[ "$(count_row 10)" = " 10 $axis        $lru  2" ] ||
	    fail "$size: 10 faults: lru at 3, fifo and clock at 4: '$(count_row 10)'"
	[ "$(count_row 9)" = "  9 $axis     $opt  2" ] ||
	    fail "$size: 9 faults: opt at 2, fifo and clock at 3: '$(count_row 9)'"
	[ "$(count_row 5)" = "  5 $axis              4  4  4  4" ] ||
	    fail "$size: 5 faults: all four from 5 frames on"
	has "Belady's anomaly: fifo: 4 frames fault more than 3: 10 > 9" ||
	    fail "$size: fifo's anomaly not named"
	has "Belady's anomaly: clock: 4 frames fault more than 3: 10 > 9" ||
	    fail "$size: clock's anomaly not named"
	lacks "anomaly: lru" || fail "$size: lru named, a stack algorithm"
	lacks "anomaly: opt" || fail "$size: opt named, a stack algorithm"
}

sweep 80 24 C.UTF-8
check_chart "80x24" "┤" "●" "▲" "■" "◆"
has "       1  2  3  4  5  6  7  8  frames" || fail "80x24: the frame counts"
t resize-window -t ui -x 160 -y 48
wait_for "vmscope · Belady's anomaly, part 1: FIFO with 3 frames"
check_chart "160x48" "┤" "●" "▲" "■" "◆"
t send-keys -t ui S
wait_gone "sweep: faults of the session's"
lacks "Belady's anomaly: fifo" || fail "S did not close the chart"
echo "ok: sweep chart at 80x24 and 160x48, closed by S"

# Runs that ran out of memory are said under the anomalies: writes to pages
# 0-3 and a read of 0 with one swap slot (tests/test_compare_cli.sh works
# fifo and opt by hand; lru and clock refuse as fifo does here).
cat > "$work/oom.json" <<'EOF'
{"vmscope": 1, "machine": {"frames": 2, "swap_slots": 1, "policy": "fifo"},
 "processes": [{"pid": 1, "name": "app", "map": [{"addr": "0x0", "pages": 16, "perm": "rw"}]}],
 "ops": ["w 0x0", "w 0x1000", "w 0x2000", "w 0x3000", "r 0x0"]}
EOF
for size in "80 24" "160 48"; do
	set -- $size
	locale=C.UTF-8
	open "$1" "$2" "'$work/oom.json'"
	wait_for "step 0/5"
	t send-keys -t ui S
	wait_for "sweep: faults of the session's 5 operations"
	for line in "fifo, 1-3 frames: 6 accesses refused, each a fault" \
	    "opt, 1-2 frames: 4 accesses refused, each a fault" \
	    "lru, 1-3 frames: 6 accesses refused, each a fault" \
	    "clock, 1-3 frames: 6 accesses refused, each a fault"; do
		has "out of memory: $line" || fail "$1x$2: the sweep does not say: $line"
	done
done
echo "ok: sweep chart says which runs ran out of memory"

sweep 80 24 C.UTF-8 --ascii
check_chart "--ascii" "+" "o" "^" "#" "*"
sweep 80 24 C
check_chart "LANG=C" "+" "o" "^" "#" "*"
echo "ok: sweep chart in ASCII (--ascii, LANG=C)"
