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
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons), TMUX_BIN.
set -u

name=e2e_thrash
. "$(dirname "$0")/tmux_harness.sh"

printf 'r 0x0\nr 0x1000\nr 0x2000\nr 0x3000\nr 0x4000\n' > "$work/five"

# start COLS ROWS LANG: the script of five reads, at its end.
start() {
	t kill-server 2>/dev/null
	t new-session -d -s ui -x "$1" -y "$2" \
	    "env TERM=tmux-256color LANG=$3 LC_ALL=$3 '$VMSCOPE' --tau 3 --frames 8 --tlb 0 --script '$work/five'; exec sleep 600"
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

exit 0
