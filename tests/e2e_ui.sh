#!/bin/sh
# e2e_ui.sh - drives the real vmscope in a private tmux server and checks
# what a person would see: a command typed at the prompt, every event of
# the access stepped through (TLB miss, page fault, the page in a frame,
# the PTE present), stepping back restoring each earlier screen exactly,
# resizing below the minimum and back, projector mode, themes, NO_COLOR,
# ASCII, a mouse click, a bad command, quitting by q, Ctrl-C, SIGTERM and
# crashes (SIGSEGV, SIGABRT) with the terminal restored, and Ctrl-Z and
# fg under an interactive bash.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), TMUX_BIN (tmux; skipped without it).
set -u

name=e2e_ui
. "$(dirname "$0")/tmux_harness.sh"
if ! [ -x "$VMSCOPE" ]; then
	echo "e2e_ui: VMSCOPE does not name the built program"
	exit 1
fi

same_as() {
	screen > "$work/now" && cmp -s "$work/now" "$1"
}

wait_same() {
	poll same_as "$1" || {
		diff "$1" "$work/now"
		fail "$2"
	}
}

# start COLS ROWS ENV...: vmscope on a small machine, recorded.
start() {
	cols=$1 rows=$2
	shift 2
	recorded "$cols" "$rows" "env TERM=tmux-256color $* '$VMSCOPE' --frames 4 --tlb 4"
	wait_for "No operations yet"
}

# typed TEXT: the prompt names the process TEXT will run in, then TEXT.
typed() {
	screen | grep -qE -- "^ pid [0-9]+ (›|>) $1"
}

# Types a command and waits for its first event; sets N to its event count.
run_command() {
	t send-keys -t ui -l ":$1"
	poll typed "$1" || fail "the prompt never showed \"$1\" after a pid"
	t send-keys -t ui Enter
	wait_for "(event 1 of "
	N=$(screen | sed -n 's/.*(event 1 of \([0-9]*\)).*/\1/p' | head -n 1)
	[ -n "$N" ] && [ "$N" -ge 2 ] || fail "no event count on the screen"
}

# Two captures in a row agree: the screen has finished changing.
settled() {
	screen > "$work/a" && screen > "$work/b" && cmp -s "$work/a" "$work/b"
}

keep() {
	poll settled || fail "the screen never settled"
	cp "$work/b" "$1"
}

# Steps through every event with space, keeping each screen in step.I.
step_through() {
	keep "$work/step.1"
	i=2
	while [ $i -le "$N" ]; do
		t send-keys -t ui Space
		wait_for "(event $i of $N)"
		keep "$work/step.$i"
		i=$((i + 1))
	done
}

seen_in_steps() {
	cat "$work"/step.* | grep -qF -- "$1" || fail "no step showed \"$1\""
}

# After the access: the page sits in a frame and its PTE is present.
assert_translated() {
	last="$work/step.$N"
	seen_in_steps "TLB MISS (event"
	seen_in_steps "PAGE FAULT (event"
	grep -qF "ACCESS (event $N of $N)" "$last" || fail "the last event is not the access"
	grep -qE "│ *[0-9]+ [D ] 1:0x7 " "$last" || fail "page 1:0x7 in no frame"
	grep -qE "0x7 +1 [01] 1 f[0-9]+ +rw" "$last" || fail "PTE 0x7 not present"
	grep -qF "VA 0x7fff" "$last" || fail "no virtual address"
	grep -qE "PA 0x[0-9a-f]*fff \(frame [0-9]+\)" "$last" || fail "no physical address"
	grep -qF "faults 1 (100%)" "$last" || fail "the fault is not counted"
}

# line_after FILE TEXT: the line after the first holding TEXT.
line_after() {
	awk -v want="$2" 'found { print; exit } index($0, want) { found = 1 }' "$1"
}

# line_before FILE TEXT: the line before the first holding TEXT.
line_before() {
	awk -v want="$2" 'index($0, want) { print prev; exit } { prev = $0 }' "$1"
}

# At the last event, P: what the back row sees, then P again restores
# the screen.  At 80x24 the event's name and position on a row of their
# own with blank rows around; from 100x30 on the name in big letters
# (rows of █), the cells taller.  The grid and the frames with blank rows
# between rows; the TLB of this machine on screen; no swap, as nothing
# goes there.
assert_projector() {
	t send-keys -t ui P
	wait_for "(event $N of $N)"
	poll has "faults 1 (100%)     TLB hits" || fail "projector mode did not come on"
	keep "$work/projector"
	p="$work/projector"
	if [ "$cols" -ge 100 ]; then
		heading="(event $N of $N)"
		top=$(grep -m 1 "█" "$p")
		grep -qE "^ +█.*█ +\(event $N of $N\) *\$" "$p" ||
			fail "projector mode: the event's name is not in big letters"
		[ "$(grep -c "█" "$p")" -eq 5 ] ||
			fail "projector mode: the big letters are not 5 rows high"
		grep -qE "^│ 0 ·+  1 ·+  2 ·+  3 ·+ +│" "$p" ||
			fail "projector mode: the grid is not 4 pages wide"
		line_after "$p" "│ 0 ··" | grep -qE '^│   ··' ||
			fail "projector mode: the cells are not taller at $cols columns"
	else
		heading=" ACCESS  (event $N of $N)"
		top=$heading
		grep -qE "^ [^ ]+  ACCESS  \(event $N of $N\) *\$" "$p" ||
			fail "projector mode: the event is not on a row of its own"
		grep -qE "^│ 0 ··  1 ··  2 ··  3 ·· +│" "$p" ||
			fail "projector mode: the grid is not 4 pages wide"
		line_after "$p" "│ 0 ··  1 ··" | grep -qE '^│ +││' ||
			fail "projector mode: no blank row between rows of the grid"
		has "▣▣" || fail "projector mode without double cells"
	fi
	line_before "$p" "$top" | grep -qE '^ *$' ||
		fail "projector mode: no blank row above the narration"
	line_after "$p" "$heading" | grep -qE '^ *$' ||
		fail "projector mode: the explanation is not set apart from the event"
	grep -qF "read of 0x7fff" "$p" || fail "projector mode: no explanation"
	line_after "$p" "1:0x7  1 ◀" | grep -qE '│ +│$' ||
		fail "projector mode: no blank row between frames"
	grep -qE "^ accesses 1 +faults 1 \(100%\) +TLB hits 0/1 \(0%\) *\$" "$p" ||
		fail "projector mode: the statistics are not the key figures (with the TLB's)"
	grep -qF "TLB  1:0x7" "$p" || fail "projector mode: the machine's TLB is not shown"
	grep -qF "swap ·" "$p" && fail "projector mode: swap is shown though nothing goes there"
	t send-keys -t ui P
	wait_same "$work/step.$N" "projector mode off did not restore the screen"
}

# Back one event at a time: each earlier screen returns exactly.
step_back() {
	i=$N
	while [ $i -gt 1 ]; do
		t send-keys -t ui b
		i=$((i - 1))
		wait_same "$work/step.$i" "b did not restore the screen of event $i"
	done
}

# How the touched page-table row (PTE 0x7, after its pointer) is drawn.
touched_look() {
	t capture-pane -p -e -t ui | grep -F "▶0x7" | head -n 1 | sed 's/▶0x7.*//' | sgr_state
}

# assert_touched WHAT REGEX: the touched row's look matches REGEX.
assert_touched() {
	look=$(touched_look)
	printf '%s\n' "$look" | grep -qE -- "$2" || fail "the touched row is not $1 ($look)"
}
# Bold pure black (colour 16 of 256) on a coloured background.
BOLD_INK='bold=1 reverse=0 fg=16 bg=[0-9]+$'

colour_codes() {
	t capture-pane -p -e -t ui | grep -E "$ESC\[([0-9]*;)*(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)"
}

no_colour() {
	! colour_codes > /dev/null
}

# --- 80x24: the whole tour ---------------------------------------------
start 80 24 LANG=C.UTF-8
has "0/16" || fail "no swap panel"
# Machine options alone: an untitled session, unmodified until a command.
has " vmscope · untitled " || fail "the title bar does not say the session is untitled"
lacks "[modified]" || fail "a new session is marked modified"
run_command "r 0x7fff"
has " vmscope · untitled [modified] " || fail "a changed session is not marked modified"
step_through
assert_translated
step_back
t send-keys -t ui B
wait_for "Start of the session"
t send-keys -t ui End
wait_same "$work/step.$N" "End did not return to the last event"
assert_touched "bold black on a highlight" "$BOLD_INK"

t resize-window -t ui -x 40 -y 10
wait_for "enlarge to at least 80"
# Too narrow for the whole request: the size asked for stays whole.
t resize-window -t ui -x 20 -y 6
wait_for "at least 80"
t resize-window -t ui -x 80 -y 24
wait_same "$work/step.$N" "the screen did not come back after the resize"

t send-keys -t ui P
wait_gone "swap ·"
wait_for "  ACCESS  "
assert_touched "bold black on a highlight in projector mode" "$BOLD_INK"
t send-keys -t ui P
wait_same "$work/step.$N" "projector mode off did not restore the screen"
assert_projector

colour_codes > /dev/null || fail "the default theme shows no colour"
t capture-pane -p -e -t ui > "$work/default.ansi"
t send-keys -t ui t
wait_for "theme: colour-blind safe"
assert_touched "bold black on a highlight (colour-blind safe)" "$BOLD_INK"
t capture-pane -p -e -t ui > "$work/safe.ansi"
cmp -s "$work/default.ansi" "$work/safe.ansi" && fail "the theme did not change"
t send-keys -t ui t
wait_for "theme: monochrome"
poll no_colour || fail "monochrome still shows colour"
assert_touched "reversed in monochrome" "reverse=1 fg=default bg=default$"
t send-keys -t ui t
wait_for "theme: default"

t send-keys -t ui '?'
wait_for "this help"
t send-keys -t ui Escape
wait_for "step 1/1"

type_command "r 0xZZ"
wait_for "bad number at column"
has "step 1/1" || fail "a bad command changed the session"

# A command typed while stepped back asks before dropping what follows.
t send-keys -t ui Home
wait_for "Start of the session"
type_command "w 0x1000"
wait_for "discard the 1 later operation? (y/n)"
t send-keys -t ui n
wait_for "kept the later operations"
t send-keys -t ui End
wait_same "$work/step.$N" "n changed the session"
t send-keys -t ui Home
type_command "w 0x1000"
wait_for "discard the 1 later operation? (y/n)"
t send-keys -t ui y
wait_for "VA 0x1000"
has "step 1/1" || fail "the discarded operation is still there"

# Saved, the session quits without asking; the file holds the new op.
t send-keys -t ui s
wait_for "save as:"
t send-keys -t ui -l "$work/saved.json"
t send-keys -t ui Enter
wait_for "saved to"
lacks "[modified]" || fail "still marked modified after saving"
grep -qF '"w 0x1000"' "$work/saved.json" || fail "the saved session lacks its operation"
grep -qF '"r 0x7fff"' "$work/saved.json" && fail "the saved session kept a discarded operation"
t send-keys -t ui q
assert_restored 0
stop_server

# --- 160x48: the same access, quit by Ctrl-C ---------------------------
start 160 48 LANG=C.UTF-8
run_command "r 0x7fff"
step_through
assert_translated
assert_projector
step_back
# A second process at the same virtual address: both shown, apart.
type_command "spawn editor"
wait_for "step 2/2"
type_command "w 0x7fff"
wait_for "step 3/3"
t send-keys -t ui End
wait_for "ACCESS (event"
keep "$work/two"
grep -qF "pid 1 app" "$work/two" && grep -qF "pid 2 editor" "$work/two" ||
	fail "the two processes are not both shown"
[ "$(grep -cE "0x7 +1 [01] 1 f[0-9]+ +rw" "$work/two")" -eq 2 ] ||
	fail "not two present PTEs for page 0x7"
grep -qE "│ *[0-9]+ [D ] 2:0x7 " "$work/two" || fail "2:0x7 in no frame"
# The current process (where a typed access goes) is marked in both
# stacked panels, and the prompt names it; Tab, which only chooses what a
# single grid shows, does not move the mark.  After "switch 1" both say 1.
[ "$(grep -oF "pid 2 editor · accessing" "$work/two" | wc -l)" -eq 2 ] ||
	fail "the accessing process is not marked in both panels"
grep -qF "pid 2 editor · accessing · typing here" "$work/two" ||
	fail "the current process is not marked"
grep -qF "▶ pid" "$work/two" && fail "a heading uses the pointer of the page accessed"
grep -qF "pid 1 app · typing here" "$work/two" && fail "a process that is not current is marked"
t send-keys -t ui Tab
wait_for "every process is on screen"
has "pid 2 editor · accessing · typing here" || fail "Tab moved the mark off the current process"
look=$(t capture-pane -p -e -t ui | grep -F "pid 2 editor · accessing · typing here" | head -n 1 |
    sed 's/ pid 2 editor.*//' | sgr_state)
case $look in
*reverse=1*) ;;
*) fail "the current process is not reversed ($look)" ;;
esac
t send-keys -t ui :
wait_for " pid 2 ›"
t send-keys -t ui -l "switch 1"
t send-keys -t ui Enter
wait_for "step 4/4"
t send-keys -t ui End
wait_for "pid 1 app · typing here"
lacks "pid 2 editor · typing here" || fail "the mark stayed on pid 2 after switch 1"
t send-keys -t ui :
wait_for " pid 1 ›"
t send-keys -t ui Escape
t send-keys -t ui C-c
assert_restored 130
stop_server

# --- NO_COLOR: no colour escape at all; SIGTERM ends it cleanly --------
start 80 24 LANG=C.UTF-8 NO_COLOR=1
run_command "w 0x1234"
no_colour || fail "NO_COLOR still shows colour"
t send-keys -t ui t
wait_for "colour is off"
no_colour || fail "t brought colour back under NO_COLOR"
if command -v pkill > /dev/null 2>&1; then
	pkill -TERM -P "$(t display -p -t ui '#{pane_pid}')" || fail "no vmscope to stop"
	assert_restored 143
else
	echo "e2e_ui: no pkill, SIGTERM not tried"
	t send-keys -t ui q y
	assert_restored 0
fi
stop_server

# --- a crash (SIGSEGV, SIGABRT): the terminal is given back first -------
if command -v pkill > /dev/null 2>&1; then
	for crash in SEGV:139 ABRT:134; do
		start 80 24 LANG=C.UTF-8
		run_command "r 0x7fff"
		pkill -"${crash%:*}" -P "$(t display -p -t ui '#{pane_pid}')" ||
			fail "no vmscope to crash"
		assert_restored "${crash#*:}"
		stop_server
	done
else
	echo "e2e_ui: no pkill, crashes not tried"
fi

# --- copy-on-write and shared pages: marked in the pages and page-table
# panels, counted in the frames panel, explained by a click; in Unicode
# and ASCII ------------------------------------------------------------
cat > "$work/sharing" <<'SCRIPT'
spawn b 4 rw
w 1:0x0
r 1:0x1000
share 1 0x1000 2 0x8000 1 rw
r 2:0x8000
r 1:0x2000
fork 1
w 3:0x2000
switch 1
SCRIPT
# click TEXT: a click on the first character of TEXT on the screen (its
# column counted in characters: the box is drawn in 3-byte ones).
click() {
	row=$(screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1)
	[ -n "$row" ] || fail "\"$1\" not on the screen"
	line=$(screen | sed -n "${row}p")
	col=$(printf %s "${line%%"$1"*}" | LC_ALL=C.UTF-8 wc -m)
	at="$(printf "\\$(printf %o $((col + 33)))")$(printf "\\$(printf %o $((row - 1 + 33)))")"
	t send-keys -t ui -l "$ESC[M $at$ESC[M#$at"     # pressed, released
}
for charset in C.UTF-8 C; do
	locale=$charset
	open 80 24 --frames 4 --tlb 0 --script "'$work/sharing'"
	wait_for "step 0/9"
	t send-keys -t ui G
	wait_for "step 9/9"
	if [ $charset = C ]; then cow=C shared=S times=x; else cow=▲ shared=◆ times=×; fi
	# Frame 0: pid 1's page 0 and the child's, copy-on-write; frame 1:
	# pid 1's page 1, pid 2's page 8 and the child's page 1, shared.
	has "0 D 1:0x0 ${times}2" || fail "frame 0 does not count its 2 page tables"
	has "1   1:0x1 ${times}3" || fail "frame 1 does not count its 3 page tables"
	has "2   1:0x2  " || fail "frame 2, mapped once, is counted"
	has "0 $cow  1 $shared  2 $cow  3 " || fail "pid 1's pages are not marked"
	has "0x0 1 1 1 f0   r$cow" || fail "PTE 0x0 is not marked copy-on-write"
	has "0x1 1 0 1 f1   rw$shared" || fail "PTE 0x1 is not marked shared"
	has "0x2 1 1 1 f3   rw " || fail "the child's own copy is marked"
	click "1:0x0 ${times}2"
	wait_for "frame 0: shared by pid 1 page 0x0 and pid 3 page 0x0, copy-on-write,"
	click "1:0x1 ${times}3"
	wait_for "frame 1: shared by pid 1 page 0x1, pid 2 page 0x8 and pid 3 page 0x1, a"
	# Frame 2: pid 1's page 2, still marked copy-on-write, whose other
	# mapping got its own copy: not shared any more.
	click "1:0x2 "
	wait_for "frame 2: pid 1 page 0x2, copy-on-write but no longer shared (a write"
	click "0x1 1 0 1 f1"
	wait_for "pid 1 page 0x1: in frame 1, clean, referenced, rw, a shared mapping,"
	t send-keys -t ui q y
	stop_server
done

# --- a copy-on-write page in swap: the page-table perm column marks it
# as the pages grid does, △ (▲ is a page in a frame); a click on its slot
# explains it ----------------------------------------------------------------
printf 'spawn a 4 rw\nw 0x0\nfork 2\nr 3:0x1000\nr 3:0x2000\nr 3:0x3000\n' \
    > "$work/cow-swapped"
locale=C.UTF-8
open 100 30 --frames 3 --tlb 0 --script "'$work/cow-swapped'"
wait_for "step 0/6"
t send-keys -t ui G
wait_for "step 6/6"
has "0x0 0 - - s0   r△" || fail "a copy-on-write PTE in swap is not marked △"
screen | grep -qF "s0   r▲" && fail "a copy-on-write PTE in swap is marked ▲ (in a frame)"
# A click on the slot says what it holds in words ("holds shared by" before).
click "2:0x0 ×2"
wait_for "swap slot 0: holds a page shared by pid 2 page 0x0 and pid 3 page 0x0,"
t send-keys -t ui q y
stop_server

# --- no UTF-8: ASCII only; a click on a page explains it ---------------
start 80 24 LANG=C LC_ALL=C
run_command "r 0x7fff"
t send-keys -t ui Enter
wait_for "(event $N of $N)"
screen | LC_ALL=C grep -q '[^ -~]' && fail "non-ASCII on an ASCII terminal"
# The cell ">7 @" (the page accessed, touched): click its glyph (X10 mouse report).
pos=$(screen | awk '{ i = index($0, ">7 @"); if (i) { print i + 2, NR - 1; exit } }')
[ -n "$pos" ] || fail "page 7 not on the screen"
set -- $pos
t send-keys -t ui -l "$ESC[M $(printf "\\$(printf %o $(($1 + 33)))")$(printf "\\$(printf %o $(($2 + 33)))")"
wait_for "pid 1 page 0x7: in frame"
t send-keys -t ui q
wait_for "quit without saving"
t send-keys -t ui n
wait_for "step 1/1"
t send-keys -t ui q y
assert_restored 0

stop_server

# --- a page number too wide for its frame's entry ends in an ellipsis;
# it never loses digits unmarked (1:0x7fffdead named another page) -------
open 80 24 --va-bits 48 --levels 4
wait_for "No operations yet"
run_command "w 0x7fffdeadbeef"
t send-keys -t ui Enter
wait_for "(event $N of $N)"
has "1:0x7fffdea…│" || fail "a cut page number has no ellipsis"
t send-keys -t ui q y
stop_server

# --- Ctrl-Z under a job-control shell: suspends, restores, resumes -----
if command -v bash > /dev/null 2>&1; then
	t start-server \; set-option -g remain-on-exit on \; \
	    new-session -d -s ui -x 80 -y 24 \
	    "env PS1='ready> ' TERM=tmux-256color LANG=C.UTF-8 bash --norc --noprofile -i"
	wait_for "ready>"
	t send-keys -t ui -l "'$VMSCOPE' --frames 4 --tlb 4"
	t send-keys -t ui Enter
	wait_for "No operations yet"
	t send-keys -t ui C-z
	wait_for "Stopped"
	[ "$(t display -p -t ui '#{alternate_on}')" = 0 ] || fail "suspended on the alternate screen"
	t send-keys -t ui -l "fg"
	t send-keys -t ui Enter
	wait_for "No operations yet"
	[ "$(t display -p -t ui '#{alternate_on}')" = 1 ] || fail "resumed off the alternate screen"
	t send-keys -t ui q
	wait_for "ready>"
	t send-keys -t ui -l 'echo "status=$?"'
	t send-keys -t ui Enter
	wait_for "status=0"
fi

echo "e2e_ui: ok"
exit 0
