#!/bin/sh
# e2e_shape.sh - the shape of the page tables as a person sees it, in a
# private tmux server, at 80x24 and 160x48: huge pages (lesson 24), whose
# one TLB entry shows its reach (1:0x4-0x7→f8-11), whose frames are marked
# H, whose entry in the page table is marked H, and the statistics line's
# TLB reach.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons),
# TMUX_BIN (tmux; skipped without it).
set -u

name=e2e_shape
. "$(dirname "$0")/tmux_harness.sh"
servers=0

# open COLS ROWS ARGS...: vmscope with ARGS on a COLS x ROWS screen.
# Each on a server of its own: a new one on a dying one's socket can fail.
open() {
	cols=$1 rows=$2
	shift 2
	t kill-server 2>/dev/null
	servers=$((servers + 1))
	sock="vmscope-shape-$$-$servers"
	t new-session -d -s ui -x "$cols" -y "$rows" \
	    "env TERM=tmux-256color LANG=C.UTF-8 '$VMSCOPE' $*; exec sleep 600"
}

# lesson COLS ROWS N: lesson N, its notes closed.
lesson() {
	open "$1" "$2" --lesson "$3"
	wait_for "n or Esc: back to the session"
	t send-keys -t ui Escape
	wait_gone "n or Esc: back to the session"
}

# --- huge pages: lesson 24 at its end, at both sizes --------------------
for size in "80 24" "160 48"; do
	set -- $size
	lesson "$1" "$2" 24
	t send-keys -t ui G
	wait_for "end: 5 faults, 11 hits"
	has "TLB  1:0x4-0x7→f8-11" || fail "$1x$2: the huge page's TLB entry does not show its reach"
	has "1:0x3→f4" || fail "$1x$2: a small page's TLB entry changed"
	for f in "8 H 1:0x4" "9 H 1:0x5" "10 H 1:0x6" "11 H 1:0x7"; do
		has "$f" || fail "$1x$2: frame \"$f\" is not marked as a huge page's"
	done
	screen | grep -qE "0x4 1 0 1 f8 +rw H" || fail "$1x$2: the huge page's entry is not marked H"
	screen | grep -qE "0x3 1 0 1 f4 +rw  " || fail "$1x$2: a small page's entry is marked"
	has "TLB reach 160 B" || fail "$1x$2: no TLB reach on the statistics line"
	has "0x7 is page 3 of huge page 0x4-0x7, in frames 8-11" ||
		fail "$1x$2: the access does not say which frame of the huge page"
done

echo "e2e_shape: ok"
exit 0
