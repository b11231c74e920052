#!/bin/sh
# e2e_shape.sh - the shape of the page tables as a person sees it, in a
# private tmux server, at 80x24 and 160x48: huge pages (lesson 24), whose
# one TLB entry shows its reach (1:0x4-0x7→f8-11), whose frames are marked
# H, whose entry in the page table is marked H, and the statistics line's
# TLB reach; its zero-fill lights all its frames, not only the first; the
# address bar splits a huge page's address as its walk does.
# The walk's path heading the page-table panel (lesson 16), and key L's
# whole tree (lesson 18), whose tables are in the frames the frames panel
# marks as page tables; at 160x48 the panel grows to its longest line, and
# at 80x24 a line with no room drops its range whole, never cutting a number;
# a save keeps it on (display.tree).
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons),
# TMUX_BIN (tmux; skipped without it).
set -u

name=e2e_shape
. "$(dirname "$0")/tmux_harness.sh"
# lit TEXT: the screen's first line holding TEXT draws it in the touched
# look (bold black on a highlight), from the attributes in force just after it.
lit() {
	look=$(t capture-pane -p -e -t ui | awk -v s="$1" 'index($0, s) {
		print substr($0, 1, index($0, s) + length(s) - 1); exit }' | sgr_state)
	printf '%s\n' "$look" | grep -qE 'bold=1 reverse=0 fg=16 bg=[0-9]+$'
}

# --- huge pages: lesson 24's fill lights its whole run -------------------
for size in "80 24" "160 48"; do
	set -- $size
	open_lesson "$1" "$2" 24
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
	open_lesson "$1" "$2" 24
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

# --- the address bar splits a huge page's address as its walk does -------
# Lesson 24: 32-byte pages (5 offset bits) on two levels of 3 and 2 bits.
# Step 16 reads 0xe0 = 001 11 00000 in page 0x7, in huge page 0x4-0x7,
# whose entry is a leaf at level 1: its index is 001 (0x1) and the low
# 2 + 5 = 7 bits, 110 0000 = 0x60, are the offset in the huge page; there
# is no level-2 index (0x3).  Step 7 reads 0x40, small page 0x2: 000 10
# 00000, indices 0x0 and 0x2, offset 0x0.
open_lesson 160 48 24
t send-keys -t ui G
wait_for "step 16/16"
has "VA 0xe0 = 001│110 0000  huge page 0x4-0x7 (0x1) · offset 0x60  →  PA 0x160 (frame 11)" ||
	fail "160x48: the bar does not split 0xe0 as its huge page's walk does"
has "(0x1│0x3)" && fail "160x48: the bar gives page 0x7 a level-2 index"
t send-keys -t ui B B B B B B B B B
wait_for "step 7/16"
has "VA 0x40 = 000│10│0 0000  VPN 0x2 (0x0│0x2) · offset 0x0" ||
	fail "160x48: a small page's split changed"

# --- the walk's path: lesson 16, step 2 ---------------------------------
# 0x6100 on 5+5+5 bits: VPN 0x308 = 11000|01000, top index 0x18, table
# index 0x8.  Step 1 made the level-2 table in free frame 0 and put page
# 0x308 in frame 1, so step 2's walk reads top[0x18] -> the table in f0,
# then f0[0x8] -> f1; the frames panel shows 0 as 1:PT2 and 1 as 1:0x308.
for size in "80 24" "160 48"; do
	set -- $size
	open_lesson "$1" "$2" 16
	t send-keys -t ui Enter
	wait_for "step 1/5"
	t send-keys -t ui Space
	wait_for "(event 1 of 4)"
	lacks "L1 top[" || fail "$1x$2: a walk's path before the walk"
	t send-keys -t ui Space
	wait_for "(event 2 of 4)"
	has "L1 top[0x18] → PT2 f0" || fail "$1x$2: no first step of the path"
	lacks "L2 f0[" || fail "$1x$2: the second step before it is read"
	t send-keys -t ui Space
	wait_for "(event 3 of 4)"
	has "L2 f0[0x8] → f1" || fail "$1x$2: no second step of the path"
	screen | grep -qE "0 +1:PT2 " || fail "$1x$2: frame 0 is not the level-2 table"
	screen | grep -qE "1 +1:0x308 " || fail "$1x$2: frame 1 does not hold page 0x308"
	lit "L2 f0[0x8] → f1" || fail "$1x$2: the step being shown is not lit"
	t send-keys -t ui Enter
	wait_for "step 2/5"
	has "L2 f0[0x8] → f1" || fail "$1x$2: the path went at the access's end"
done

# --- key L: lesson 18's whole tree against the frames panel -------------
# tree_frames: "N PTk" for each table the tree names ("→ PTk fN");
# panel_frames: the same for each frame the frames panel shows as k:PTk.
tree_frames() {
	screen | grep -oE "→ PT[0-9] f[0-9]+" | sed 's/→ PT\([0-9]\) f\([0-9]*\)/\2 PT\1/' | sort
}
panel_frames() {
	screen | grep -oE "[0-9]+ +1:PT[0-9]" | sed 's/\([0-9]*\) *1:\(PT[0-9]\)/\1 \2/' | sort
}
# tree_lines: each tree line from its arrow to the panel's border.
tree_lines() {
	screen | grep -oE "\] → [^│]*"
}
for size in "80 24" "160 48"; do
	set -- $size
	open_lesson "$1" "$2" 18
	t send-keys -t ui G
	wait_for "step 4/4"
	t send-keys -t ui L
	wait_for "table tree · pid 1"
	has "top table (no frame)" || fail "$1x$2: the tree does not start at the top table"
	# four pages, each under its own tables (4 levels, 48-bit addresses)
	# but 0x400 and 0x10000, which share the level-2 and level-3 ones: 10
	tree_frames > "$work/tree"
	panel_frames > "$work/panel"
	[ -s "$work/panel" ] || fail "$1x$2: the frames panel shows no table"
	comm -13 "$work/tree" "$work/panel" | grep -q . &&
		fail "$1x$2: the frames panel shows tables the tree does not: $(comm -13 "$work/tree" "$work/panel")"
	if [ "$1" = 160 ]; then
		[ "$(wc -l < "$work/tree")" -eq 10 ] || fail "$1x$2: the tree names $(wc -l < "$work/tree") tables, not 10"
		cmp -s "$work/tree" "$work/panel" || fail "$1x$2: the tree's tables and the frames panel's differ"
		has "[0x1ff] → f9 0x7ffffffff" || fail "$1x$2: the last page's entry is missing"
		# the panel grows to its longest line: each top entry covers
		# 2^27 pages (three levels of 9 bits below it), so top[0xfe]
		# covers 0xfe << 27 = 0x7f0000000 to 0x7f0000000 + 0x7ffffff;
		# the PT4 under [0x1ff][0x1ff] covers its last 512 pages
		has "[0xfe] → PT2 f10 0x7f0000000-0x7f7ffffff" ||
			fail "$1x$2: top[0xfe]'s range is not whole"
		has "[0x1ff] → PT4 f8 0x7fffffe00-0x7ffffffff" ||
			fail "$1x$2: the longest line is not whole"
		tree_lines | grep -F "…" && fail "$1x$2: a tree line is cut"
	else
		has " 1 more " || fail "$1x$2: the tree does not say what is scrolled out"
		# no room to grow: a range that does not fit gives way whole
		tree_lines | grep -vE "^\] → (PT[0-9] )?f[0-9]+( (0x[0-9a-f]+(-0x[0-9a-f]+)?|…))? *$" &&
			fail "$1x$2: a tree line cuts a number"
		t send-keys -t ui NPage
		wait_for "[0x1ff] → f9"
	fi
	# the walk of step 4 read top[0xfe] (empty then): its entry is lit
	lit "[0xfe] → PT2 f10" || fail "$1x$2: the walked entry is not lit"
	t send-keys -t ui L
	wait_for "page table · pid 1"
done
# A save keeps the tree on (display.tree), and opening the file shows it;
# with the tree off, the save leaves the key out.
t send-keys -t ui L
wait_for "table tree · pid 1"
t send-keys -t ui -l ":save $work/tree.json"
t send-keys -t ui Enter
wait_for "saved to"
grep -qF '"tree": true' "$work/tree.json" || fail "the save lost the tree"
open_notes 160 48 "'$work/tree.json'"
close_notes
wait_for "table tree · pid 1"
has "[0x1ff] → f9 0x7ffffffff" || fail "the saved tree opens without its last entry"
t send-keys -t ui L
wait_for "page table · pid 1"
t send-keys -t ui -l ":save $work/plain.json"
t send-keys -t ui Enter
wait_for "saved to"
grep -qF '"tree"' "$work/plain.json" && fail "the save kept the tree it had hidden"

# --- key L on one level: no tree, said so ---------------------------------
open 80 24 --frames 4
wait_for "space step"
t send-keys -t ui L
wait_for "one level: the page table is one table, no tree"

echo "e2e_shape: ok"
exit 0
