#!/bin/sh
# test_ui_truth.sh - what the screen says is true of what it shows, driven
# through the real vmscope in a private tmux server:
#  - a machine with no process left is drawn, not a crash (an empty
#    session, the first lesson after G and two exits, a script that exits);
#  - the page-table walk's row is drawn while it is read, P = 0 included;
#  - the accessed page keeps its pointer all through its access, and the
#    accessing process's heading says so in words;
#  - refs/access counts an access once it has ended, and the figures a
#    lesson promises stay on its stats line;
#  - an address too long for the bar leaves out parts, never cuts one;
#  - a refused access shows no physical address; a page not mapped is
#    drawn "not mapped" and refused, never as a PTE or a page accessed;
#  - a process at its frame limit says so, and its heading shows the limit;
#  - a dropped page (evicted clean, never written) has its own glyph and
#    is never called untouched;
#  - a heading too long drops whole fields, never cutting a word;
#  - a count of rows out of sight stays inside its panel's corners, and a
#    help line too long ends at a word.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons), TMUX_BIN
# (tmux; skipped without it).
set -u

name=test_ui_truth
. "$(dirname "$0")/tmux_harness.sh"
: "${VMSCOPE_DATADIR:?the data folder}"
failures=0

session=0

screen() {
	t capture-pane -p -t "ui$session" 2>/dev/null
}

fail() {
	echo "FAIL: $*"
	echo "--- the screen:"
	screen | sed 's/^/  | /'
	failures=$((failures + 1))
}

# expect WHAT TEXT: the screen comes to show TEXT.
expect() {
	poll has "$2" && echo "ok: $1" || fail "$1: the screen never showed '$2'"
}

# refute WHAT TEXT: the screen (settled on an earlier expect) lacks TEXT.
refute() {
	lacks "$2" && echo "ok: $1" || fail "$1: the screen shows '$2'"
}

# start ARGS...: vmscope at 100x30 (or $COLS x $ROWS) with ARGS; its exit status goes to
# $work/status when it ends (it must not end on its own here).
# The previous session goes once the new one holds the server up.
start() {
	session=$((session + 1))
	rm -f "$work/status"
	t new-session -d -s "ui$session" -x "${COLS:-100}" -y "${ROWS:-30}" \
	    "env TERM=tmux-256color LANG=C.UTF-8 '$VMSCOPE' $*; echo \$? > '$work/status'; \
	    exec sleep 600"
	[ "$session" -gt 1 ] && t kill-session -t "ui$((session - 1))"
	poll has " vmscope " || fail "vmscope $* did not start"
}

keys() {
	t send-keys -t "ui$session" "$@"
}

# command TEXT: types :TEXT and Enter.
command() {
	keys -l ":$1"
	keys Enter
}

alive() {
	if [ -s "$work/status" ]; then
		fail "$1: vmscope ended with status $(cat "$work/status")"
	else
		echo "ok: $1: still running"
	fi
}

# --- No process left: a state like any other ---------------------------
printf '{"vmscope": 1}\n' > "$work/empty.json"
start "'$work/empty.json'"
expect "an empty session" "no process: spawn one with"
expect "an empty session: the narration" "No process yet"
alive "an empty session"
command "spawn app 4"
expect "spawn from no process" "SPAWN (event 1 of 1)"

start ""
keys G
expect "the first lesson, at its end" "step 4/4"
command "exit 1"
expect "exit 1" "EXIT (event 1 of 1): pid 1 exits"
command "exit 2"
expect "exit 2: no process left" "no process: spawn one with"
alive "the first lesson with both processes gone"
keys Tab b G
expect "Tab, b and G with no process" "step 6/6"
alive "Tab, b and G with no process"

printf 'r 0x0\nexit 1\n' > "$work/exits"
start "--script '$work/exits'"
keys G
expect "a script that exits its process" "no process: spawn one with"
alive "a script that exits its process"

# --- The walk's row is on screen while it is read ----------------------
start ""
keys Space Space Space
expect "the walk of page 0x7" "PAGE-TABLE WALK (event 3 of"
expect "the walk's row, P = 0" "▶0x7 0 - - -    rw"

# The accessed page keeps its pointer through the whole access (no flicker
# at FREE FRAME or TLB FILL); a heading names the accessing process in
# words, never with the page's pointer.
start ""
keys Space Space Space Space Space
expect "lesson 1: the free frame" "FREE FRAME (event 5 of"
expect "lesson 1: page 7 still marked at FREE FRAME" "▶7 ▣"
keys Space Space Space
expect "lesson 1: the TLB fill" "TLB FILL (event 8 of"
expect "lesson 1: page 7 still marked at TLB FILL" "▶7 ▣"
keys Space Space Space
expect "lesson 1: step 2" "step 2/"
expect "lesson 1: pid 2 accessing" "pid 2 vscode · accessing"
refute "lesson 1: pid 1 not accessing" "pid 1 chrome · accessing"
refute "lesson 1: no pointer in a heading" "▶ pid"

# --- Two levels: the tables in frames, the indices, the working set ------
# Lesson 16 after step 4: pages 0x308, 0x309 and 0x320 touched (0x308 since
# evicted, still in the working set), two level-2 tables in frames 0 and 3.
start "--lesson 16"
keys Enter Enter Enter Enter
expect "lesson 16: step 4" "step 4/5"
expect "lesson 16: the level indices of 0x320" "VPN 0x320 (0x19│0x0)"
expect "lesson 16: a table's frame" "0   1:PT2"
expect "lesson 16: the other table's frame" "3   1:PT2"
expect "lesson 16: page-table frames counted" "PT frames 2"
expect "lesson 16: the working set in the title" "pid 1 app · ws 3"

# At 80 columns a 48-bit address leaves out what does not fit whole (the
# level indices), never a number cut short: lesson 18's step 4 ends in
# frame 13 at 0xd000 (it read "PA 0xd00").
COLS=80 ROWS=24 start "--lesson 18"
keys Escape Enter Enter Enter Enter
expect "lesson 18 at 80x24: step 4" "step 4/4"
expect "lesson 18 at 80x24: the physical address whole" "PA 0xd000 (frame 13)"

# What a lesson promises stays on its stats line: lesson 2 is about
# zero-fills, and at 80x24 they gave way first.
COLS=80 ROWS=24 start "--lesson 2"
keys Escape G
expect "lesson 2 at 80x24: the end" "end: 3 faults"
expect "lesson 2 at 80x24: the zero-fills it promises" "zero-fills 3"

# refs/access counts an access when it ends: under way, the line keeps the
# average of the accesses ended (lesson 17: 5 + 1 references after two
# steps, 3.0; its third access read 2.0 at its SPLIT, 3 accesses for 6).
# accesses counts one with its outcome: at its SPLIT, not yet.
start "--lesson 17"
keys Escape Space
expect "lesson 17: the first access under way, undecided" "accesses 0"
expect "lesson 17: no access ended, no average" "refs/access -"
keys Enter Enter
expect "lesson 17: two accesses ended" "refs/access 3.0"
keys Space
expect "lesson 17: the third access under way, undecided" "accesses 2"
expect "lesson 17: the average of the two ended" "refs/access 3.0"
keys Enter
expect "lesson 17: three ended, 11 references" "refs/access 3.7"

# Between accesses the pages grid opens on the first mapped page: lesson
# 16's pages start at 0x300, and at rest its grid showed only empty rows.
start "--lesson 16"
keys Escape
expect "lesson 16 at rest: the first mapped row" "300 · · · ·"

# A walk's step below the top lights the frame of the table it reads:
# lesson 16's second access reads entry 0x8 of the table in frame 0.
keys Enter Space Space Space
expect "lesson 16: the leaf walk" "PAGE-TABLE WALK (event 3 of 4): level 2 of 2"
expect "lesson 16: the table's frame marked" "0   1:PT2      ◀"

# A policy column with no room for its values is not headed either:
# lesson 18's 48-bit pages leave the frames panel none at 100x30.
start "--lesson 18"
keys Escape G
expect "lesson 18: the end" "step 4/4"
refute "lesson 18: no heading over values not shown" "last used (step)"
refute "lesson 18: nor its short heading" "used"

# Key w marks every page of a huge page in the working set (lesson 24,
# step 12: pages 0x4-0x6 of the huge page read, 0x7 being read); it
# marked 0x4 alone.
start "--lesson 24"
keys Escape Enter Enter Enter Enter Enter Enter Enter Enter Enter Enter Enter Enter w
expect "lesson 24: step 12" "step 12/16"
expect "lesson 24: the huge page's pages marked" "•■•■•■▶▣"

# A walk's line, once the fault changed the entry it read, says what the
# entry holds now: lesson 16's first access reads top[0x18] empty, and its
# NEW TABLE puts the table in frame 0; its third reads f0[0x9] with P = 0,
# and its PTE UPDATE points it at frame 2.
COLS=160 ROWS=48 start "--lesson 16"
keys Escape Space Space
expect "lesson 16: the walk reads an empty entry" "L1 top[0x18] → empty"
keys Space Space Space
expect "lesson 16: the table made" "NEW TABLE (event 5 of 9)"
expect "lesson 16: the line says the new table" "L1 top[0x18] → new PT2 f0"
keys Enter Enter Space Space Space Space Space Space Space
expect "lesson 16: step 3's PTE update" "PTE UPDATE (event"
expect "lesson 16: the leaf's line says where it points now" "L2 f0[0x9] → now f2"

# --- A refused access has no physical address ---------------------------
start "--lesson 12"
keys Enter Enter Space Space Space
expect "lesson 12: the protection fault" "PROTECTION FAULT (event 3 of 3)"
expect "lesson 12: the translation is refused" "translation refused: no physical address"
refute "lesson 12: no physical address" "PA 0x"
# At 80 columns the refusal is said whole: the address's bits make room.
COLS=80 ROWS=24 start "--lesson 12"
keys Enter Enter Space Space Space
expect "lesson 12 at 80x24: the refusal whole" "→  translation refused: no physical address"

# An access to a page not mapped: the row says so (never a PTE with P = 0),
# and the cell is refused, not a page being accessed.
start "--lesson 12"
keys Enter Enter Enter Space Space Space
expect "lesson 12: the walk finds no mapping" "no mapping at page 0xc"
expect "lesson 12: the unmapped row" "▶0xc not mapped"
refute "lesson 12: no PTE for 0xc" "0xc 0 - -"
expect "lesson 12: the refused cell" "c ✗"
refute "lesson 12: 0xc is not a page being accessed" "c ▣"

# A long command refused: its echo is cut short, the reason is on screen.
start ""
keys Escape :
keys -l "w $(printf '9%.0s' $(seq 1 300))"
keys Enter
expect "a long command's reason" "number too large"

# --- At a frame limit, the words say so ---------------------------------
start "--lesson 13"
keys Enter Enter Space Space Space Space Space
expect "lesson 13: the victim at the limit" "VICTIM (event 5 of"
expect "lesson 13: the limit in the heading" "pid 1 batch · limit 1/1"
expect "lesson 13: the limit in the narration" "pid 1 is at its frame limit (1 of 1)"
expect "lesson 13: the free frames" "frames 2 and 3 are free"
refute "lesson 13: frames are free" "no free frame"

# --- A dropped page is not an untouched one ------------------------------
start "--lesson 5"
keys Enter Enter Enter Enter
expect "lesson 5: page 0x1 evicted clean at step 4" "step 4/12"
expect "lesson 5: the dropped glyph" "1 ◌"
keys Space Space Space Space
expect "lesson 5: the re-fault" "PAGE FAULT (event 4 of"
expect "lesson 5: the re-fault's words" "0x1 was evicted clean at step 4 and never written"
refute "lesson 5: page 0x1 was touched" "never touched"

# Lesson 14's evicted working sets are dropped, not untouched (its
# thrashing view hidden, so every process's grid fits).
start "--lesson 14"
keys G T
expect "lesson 14 at its end" "step 31/31"
expect "lesson 14: the view hidden" "thrashing view hidden (key T)"
expect "lesson 14: web's evicted pages" "0 ◌  1 ◌  2 ·"

start "--lesson 5 --ascii"
keys Enter Enter Enter Enter
expect "lesson 5 in ASCII: the dropped glyph" "1 ~"

# --- OPT does not change the past without a word --------------------------
# With r 0x0 queued, OPT's choice at step 3 changes from 0x0 to 0x1.
start "--frames 2 --policy opt"
command "r 0x0"
command "r 0x1000"
command "r 0x2000"
keys G
expect "opt: step 3 as shown" "step 3/3"
command "r 0x0"
expect "opt: the re-plan is said" "OPT looks ahead"
expect "opt: which step changed" "step 3 evicts 1:0x1, where it evicted 1:0x0"
keys B G
command "r 0x1000"
expect "opt: an append that changes nothing" "step 5/5"
refute "opt: no re-plan, no notice" "OPT looks ahead"

# With r 2:0x0 queued, OPT must spare clean 2:0x0 at step 7 and choose
# dirty 2:0x1, which cgroup web (no swap) cannot evict: the OOM killer
# ends pid 2 (walkthrough: the notice said "evicts 2:0x1").
printf '%s\n' "spawn a 4 rw" "cgroup web 2" "cgroup web swap 0" "cgroup web add 2" \
    "r 2:0x0" "w 2:0x1000" "r 2:0x2000" "r 1:0x0" > "$work/replan-oom.txt"
start "--frames 6 --policy opt --script $work/replan-oom.txt"
keys G
command "r 2:0x0"
expect "opt: a re-plan that kills is said" "step 7 cannot evict 2:0x1, and the OOM killer ends"
expect "opt: ... and what step 7 did before" "pid 2, where it evicted 2:0x0"

# --- A heading too long drops whole fields, never part of a word --------
# Lesson 14 at its end at 160x48: pid 3's page-table heading "pid 3 third
# · accessing · typing here · ws 2" has 35 columns; it keeps its fields
# that fit and an ellipsis, never "typing he" or a bare "· ws".
cut_word() {
	screen | grep -E "typing (h|he|her)?(│| *$)|· ws *(│|$)|· ws…"
}
COLS=160 ROWS=48 start "--lesson 14"
keys G
expect "lesson 14 at 160x48, at its end" "step 31/31"
expect "lesson 14 at 160x48: pid 3's heading, whole fields" "pid 3 third · accessing…"
cut_word && fail "lesson 14 at 160x48: a heading cut inside a field" || echo "ok: no field cut"
COLS=100 ROWS=30 start "--lesson 19"
keys G
expect "lesson 19 at 100x30, at its end" "step 8/8"
cut_word && fail "lesson 19 at 100x30: a heading cut inside a field" || echo "ok: no field cut"

# --- A count on a border stays inside the panel's corners ----------------
# 65,536 frames and 16,777,216 swap slots at 80x24: each list shows 14
# rows (0-13), so 65536 - 14 = 65522 frames and 16777216 - 14 = 16777202
# slots are out of sight; " 16777202 more " is wider than the swap
# panel's border leaves, so it says "+16777202", and every bottom corner
# stays.
COLS=80 ROWS=24 start "--frames 65536 --swap-slots 16777216 --va-bits 64"
expect "a large machine: the frames out of sight" "└─ 65522 more "
expect "a large machine: the slots out of sight, in short" "└─ +16777202 ─"
bottom=$(screen | grep "^└" | head -n 1)
[ "$(printf '%s' "$bottom" | grep -o "┘" | wc -l)" -eq 4 ] && [ "${bottom%┘}" != "$bottom" ] &&
    echo "ok: every bottom corner stays" || fail "a bottom corner is overwritten: $bottom"

# --- The help's legend at 80x24: a meaning too long ends at a word -------
# "the row or cell the event is about (the page being accessed, all three
# rows of the walk ...)" does not fit in 80 columns: it ends "all…", not
# "all thr".
COLS=80 ROWS=24 start "--frames 4"
keys "?"
expect "help at 80x24" "vmscope help"
keys Space
expect "help at 80x24: the commands" "Commands (type : first)"
keys Space
expect "help at 80x24: the glyphs" "Glyphs"
keys Space
expect "help at 80x24: the legend's pointer line ends at a word" "(the page being accessed, all…"
refute "help at 80x24: no word cut" "all thr"

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "all passed"
