#!/bin/sh
# test_ui_safety.sh - nothing lost, the terminal always given back, driven
# through the real vmscope in a private tmux server:
#  - every signal whose default action ends a process leaves the terminal
#    on the main screen with echo, canonical input and the cursor back;
#  - ended by SIGTERM with unsaved changes, vmscope says so on the way out;
#  - a lesson is never written: `s` asks for a new name;
#  - `:save FILE` asks before replacing a file the session was not read
#    from, and n keeps it;
#  - the prompt takes a path longer than 255 bytes and saves under it whole.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), VMSCOPE_DATADIR (the lessons), TMUX_BIN
# (tmux; skipped without it, or without pkill).
set -u

name=test_ui_safety
. "$(dirname "$0")/tmux_harness.sh"
: "${VMSCOPE_DATADIR:?the data folder}"
if ! command -v pkill > /dev/null 2>&1; then
	echo "test_ui_safety: no pkill, skipped"
	exit 77
fi

# start ARGS...: vmscope with ARGS at 100x30, in $work, recorded (its
# stderr too, in $work/err).
start() {
	rm -f "$work/err"
	recorded 100 30 "cd '$work'; env TERM=tmux-256color LANG=C.UTF-8 \
	    VMSCOPE_DATADIR='$VMSCOPE_DATADIR' '$VMSCOPE' $* 2> '$work/err'"
}

vmscope_pid() {
	pgrep -P "$(t display -p -t ui '#{pane_pid}')" -x vmscope ||
	    pgrep -P "$(t display -p -t ui '#{pane_pid}')"
}

# --- every signal that ends a process gives the terminal back ----------
for sig in QUIT:131 USR1:138 USR2:140 ALRM:142 PIPE:141 TERM:143 HUP:129 INT:130 \
    XCPU:152 VTALRM:154 PROF:155 SYS:159 TRAP:133 34:162; do
	start --frames 4
	wait_for "No operations yet"
	pid=$(vmscope_pid) || fail "no vmscope for signal ${sig%:*}"
	kill -"${sig%:*}" "$pid" || fail "cannot send SIG${sig%:*}"
	assert_restored "${sig#*:}" "SIG${sig%:*}"
	stop_server
done

# --- a modified session ended by SIGTERM says its changes were lost ---
start --frames 4
wait_for "No operations yet"
type_command "r 0x0"
wait_for "[modified]"
kill -TERM "$(vmscope_pid)"
assert_restored 143 "SIGTERM, modified"
grep -qF "the changes were not saved" "$work/err" ||
	fail "SIGTERM with changes said: $(cat "$work/err")"
stop_server

# --- a lesson is never written: s asks for a new name ------------------
cp "$VMSCOPE_DATADIR/lessons/03-page-fault.json" "$work/lesson-before"
mkdir "$work/data" "$work/data/lessons"
cp "$VMSCOPE_DATADIR/lessons/03-page-fault.json" "$work/data/lessons/"
VMSCOPE_DATADIR_SAVED=$VMSCOPE_DATADIR
VMSCOPE_DATADIR=$work/data
start --lesson page-fault
wait_for "n or Esc: back to the session"    # a lesson opens on its notes
t send-keys -t ui Escape
wait_for "accesses "
type_command "r 0x0"
wait_for "discard the 1 later operation?"
t send-keys -t ui y
wait_for "[modified]"
t send-keys -t ui s
wait_for "save as:"
t send-keys -t ui -l "copy.json"
t send-keys -t ui Enter
wait_for "saved to copy.json"
cmp -s "$work/lesson-before" "$work/data/lessons/03-page-fault.json" ||
	fail "saving a lesson changed the lesson"
grep -qF '"r 0x0"' "$work/copy.json" || fail "the copy lacks the new operation"

# --- :save FILE asks before replacing a file it was not read from ------
echo "someone else's" > "$work/theirs.json"
type_command "save theirs.json"
wait_for "theirs.json exists: replace it? (y/n)"
t send-keys -t ui n
wait_for "not saved; theirs.json is unchanged"
[ "$(cat "$work/theirs.json")" = "someone else's" ] || fail "n replaced the file"
type_command "save theirs.json"
wait_for "theirs.json exists: replace it?"
t send-keys -t ui y
wait_for "saved to theirs.json"
grep -qF '"r 0x0"' "$work/theirs.json" || fail "y did not save"
# Its own file again: no question.
type_command "save theirs.json"
wait_for "saved to theirs.json"

# --- a path longer than 255 bytes is taken whole ------------------------
long=$work/$(printf '%0200d' 0)/$(printf '%0200d' 1).json
mkdir "${long%/*}"
type_command "save $long"
poll test -s "$long" || fail "a ${#long}-byte path did not save"
t send-keys -t ui q
assert_restored 0 "q after saving"
stop_server
VMSCOPE_DATADIR=$VMSCOPE_DATADIR_SAVED

echo "test_ui_safety: ok"
exit 0
