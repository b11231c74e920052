#!/bin/sh
# e2e_lessons.sh - the lessons as a teacher uses them, in a private tmux
# server: a lesson opens on its notes and `n` brings them back at any
# time, and scroll when longer than the screen; the end of a session says so; a long title ends in an ellipsis; a play sped up with + returns to
# the narration; projector mode at 100x30 and 160x48 shows the swap and
# TLB panels at a write-back and a TLB fill (lessons 4 and 11), in big
# letters, and keys 1-5 show or hide panels; a lesson whose operations were changed is saved without
# its promises and still passes --check.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons),
# TMUX_BIN (tmux; skipped without it).
set -u

name=e2e_lessons
. "$(dirname "$0")/tmux_harness.sh"

# --- a lesson opens on its notes; n shows them at any time ---------------
open_notes 80 24 --lesson 3
has "Notes" || fail "lesson 3 does not open on its notes"
has "Two frames, LRU." || fail "lesson 3's notes are not shown"
has "ACCESS (event 11 of 11)" || fail "the notes page does not show the narration of the moment"
close_notes
has "▸ ACCESS (event 11 of 11)" || fail "closing the notes did not show the lesson"
has "n notes" || fail "the hint line does not offer the notes"
t send-keys -t ui n
wait_for "$notes_hint"
# Space leaves the notes and steps on, as the notes tell the student to.
t send-keys -t ui Space
wait_for "SPLIT (event 1 of"
t send-keys -t ui n
wait_for "Two frames, LRU."
has "SPLIT (event 1 of" || fail "n in the middle of an access lost the narration"
t send-keys -t ui n
wait_gone "$notes_hint"

# --- the end of the session says so -------------------------------------
t send-keys -t ui G
wait_for "end: 4 faults, 0 hits; g: start again, n: notes"
t send-keys -t ui g
wait_gone "end: "

# --- notes longer than the screen scroll, and their end can be read ------
open_notes 80 24 --lesson 16
has "(more below)" || fail "lesson 16 at 80x24: the notes page does not say there is more"
lacks "stays in frame 2" || fail "lesson 16 at 80x24: the notes' last line fits (pick longer notes)"
t send-keys -t ui NPage
wait_for "stays in frame 2"
has "(the end)" || fail "lesson 16 at 80x24: scrolled to the end, the hint still says more"
t send-keys -t ui Up
wait_for "(more below)"
t send-keys -t ui PPage
wait_for "Notes"
close_notes

# --- play sped up: the message gives way to the narration ----------------
open_lesson 80 24 7
t send-keys -t ui p + + + + + +
wait_for "end: 15 faults, 5 hits"
lacks "play speed" || fail "play ended on the speed message, not the narration"
has "▸ ACCESS (event" || fail "the narration did not return after +"

# --- while playing, the hint says p pauses; paused, that p plays ---------
open_lesson 100 30 14
has "p play" || fail "paused, the hint does not say p plays"
t send-keys -t ui p
wait_for "p pause"
lacks "p play" || fail "playing, the hint still says p plays"
t send-keys -t ui p
wait_for "p play"

# In ASCII at 80x24 the hints fit whole, "q quit" last.
open_lesson 80 24 4 --ascii
screen | tail -n 1 | grep -qE "q quit *\$" || fail "ASCII 80x24: the hint line is cut"

# step_until TEXT: space until TEXT shows (300 presses at most).
step_until() {
	n=0
	until has "$1"; do
		n=$((n + 1))
		[ "$n" -le 300 ] || fail "\"$1\" never came"
		t send-keys -t ui Space
		sleep 0.02
	done
}

# big_letters: the event's name is on screen five rows high.
big_letters() {
	[ "$(screen | grep -c "█")" -eq 5 ]
}

# --- projector mode keeps what the lesson is about ----------------------
for size in "100 30" "160 48"; do
	set -- $size
	# Lesson 4: swap on screen at the write-back, hidden by 4 elsewhere,
	# shown again by the write-back itself.
	open_lesson "$1" "$2" 4
	step_until "WRITE-BACK (event"
	t send-keys -t ui P
	poll big_letters || fail "$1x$2 lesson 4: no big letters at the write-back"
	has "swap · 1/" || fail "$1x$2 lesson 4: no swap panel at the write-back"
	has "(event " || fail "$1x$2 lesson 4: no event position"
	t send-keys -t ui 4
	wait_for "swap panel hidden"
	has "swap · 1/" || fail "$1x$2 lesson 4: hid the swap panel the write-back touches"
	has "is written from frame 0 to swap slot 0" ||
		fail "$1x$2 lesson 4: the panel key's message took the narration's place"
	t send-keys -t ui t
	wait_for "theme: "
	has "is written from frame 0 to swap slot 0" ||
		fail "$1x$2 lesson 4: the theme's message took the narration's place"
	t send-keys -t ui Space
	wait_gone "swap · "
	t send-keys -t ui 4
	wait_for "swap · "
	# Lesson 11: the TLB on screen at the TLB fill, and on the stats line.
	open_lesson "$1" "$2" 11
	step_until "TLB FILL (event"
	t send-keys -t ui P
	poll big_letters || fail "$1x$2 lesson 11: no big letters at the TLB fill"
	screen | grep -qE "^ TLB +1:0x0" || fail "$1x$2 lesson 11: no TLB at the TLB fill"
done

# --- ? ends in a legend: glyphs (from the glyph table), colours, columns ---
open_lesson 80 24 1
t send-keys -t ui '?'
wait_for "vmscope help"
pages=0
until has "Page-table columns"; do
	pages=$((pages + 1))
	[ "$pages" -le 5 ] || fail "the help screen has no page-table legend"
	t send-keys -t ui Space
	sleep 0.1
done
has "P        present bit" || fail "the legend does not explain P"
t send-keys -t ui Escape
t send-keys -t ui '?'
wait_for "vmscope help"
for i in 1 2 3 4 5; do
	screen >> "$work/help"
	t send-keys -t ui Space
	sleep 0.1
done
for glyph in "·        page mapped" "■        page in a frame" "○        page in swap" \
    "◌        page evicted clean" "▣        the page being accessed"; do
	grep -qF -- "$glyph" "$work/help" || fail "the legend lacks \"$glyph\""
done

# --- a long title is cut after a word, with an ellipsis -------------------
open_lesson 80 24 5
wait_for "step 0/12"
has " vmscope · Belady's anomaly, part 1… " || fail "the long title is not cut with an ellipsis"

# --- off the lesson's path: saved without its promises -------------------
open_lesson 80 24 7
type_command "r 0x5000"
wait_for "discard the 20 later operations? (y/n)"
t send-keys -t ui y
wait_for "step 1/1"
t send-keys -t ui n
wait_for "have been changed since"
close_notes
type_command "save $work/mine.json"
wait_for "saved to"
grep -qF '"expect"' "$work/mine.json" && fail "the changed lesson kept its promises"
grep -qF "have been changed since" "$work/mine.json" ||
	fail "the changed lesson's notes are saved as if they held"
"$VMSCOPE" --check "$work/mine.json" > "$work/check" 2>&1 ||
	fail "--check refuses the changed lesson: $(cat "$work/check")"

# --- a list that does not fit says how much is out of sight -------------
open_lesson 80 24 14
# Without the thrashing view's band (the lesson opens with it), as before it.
t send-keys -t ui T
wait_for "thrashing view hidden (key T)"
has "2 more" || fail "lesson 14 at 80x24: the swap list is cut with no word of slots 14 and 15"
# Both processes are drawn: Tab does not claim to show one.
t send-keys -t ui Tab
wait_for "every process is on screen"

t kill-server 2>/dev/null
echo "all passed"
