#!/bin/sh
# e2e_shape.sh - the shape of the page tables as a person sees it, in a
# private tmux server, at 80x24 and 160x48: huge pages (lesson 24), whose
# one TLB entry shows its reach (1:0x4-0x7→f8-11), whose frames are marked
# H, whose entry in the page table is marked H, and the statistics line's
# TLB reach; its zero-fill lights all its frames, not only the first.
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

# lit TEXT: the screen's first line holding TEXT draws it in the touched
# look (bold black on a highlight), from the attributes in force just after it.
lit() {
	look=$(t capture-pane -p -e -t ui | grep -F -- "$1" | head -n 1 |
	    sed "s/\(.*$1\).*/\1/" | sgr_state)
	printf '%s\n' "$look" | grep -qE 'bold=1 reverse=0 fg=16 bg=[0-9]+$'
}

# --- huge pages: lesson 24's fill lights its whole run -------------------
for size in "80 24" "160 48"; do
	set -- $size
	lesson "$1" "$2" 24
	for op in 1 2 3 4 5 6 7 8; do
		t send-keys -t ui Enter
	done
	wait_for "step 8/16"
	for ev in 1 2 3 4 5 6; do
		t send-keys -t ui Space
		wait_for "(event $ev of 9)"
	done
	wait_for "ZERO-FILL (event 6 of 9)"
	for f in "8 H 1:0x4" "9 H 1:0x5" "10 H 1:0x6" "11 H 1:0x7"; do
		lit "$f" || fail "$1x$2: frame \"$f\" is not lit by the huge page's zero-fill"
	done
	lit " 4   1:0x3" && fail "$1x$2: frame 4, not the huge page's, is lit"
	t send-keys -t ui Space Space Space
	wait_for "ACCESS (event 9 of 9)"
	lit "8 H 1:0x4" || fail "$1x$2: the access's own frame is not lit"
	lit "9 H 1:0x5" && fail "$1x$2: the access lights a frame it does not reach"
done

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
