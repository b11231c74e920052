# tmux_harness.sh - what every tmux-driven UI test shares, sourced by them:
# the skip without tmux, a private tmux server, a scratch folder removed on
# exit, and polling for what the screen shows.  Every wait polls; none
# sleeps blind.
#
# Set before sourcing: name (the test's name, for messages, socket and
# folder).  Then: $work, $sock, t (tmux on the private server), screen
# (the pane $pane, "ui" unless set), fail, poll, has, lacks, wait_for,
# wait_gone, sgr_state, $ESC; fresh, open, open_notes, close_notes, open_lesson
# (vmscope in pane ui, its locale $locale: C.UTF-8 unless a test sets it);
# recorded, stop_server, assert_restored (how vmscope leaves the terminal);
# type_command.
# A test may redefine screen or fail after sourcing.

TMUX_BIN=${TMUX_BIN:-$(command -v tmux 2>/dev/null || true)}
if [ -z "$TMUX_BIN" ] || ! [ -x "$TMUX_BIN" ]; then
	echo "$name: no tmux, skipped"
	exit 77
fi
: "${VMSCOPE:?path of src/vmscope}"

work=$(mktemp -d "${TMPDIR:-/tmp}/vmscope-$name.XXXXXX") || exit 1
sock="vmscope-$name-$$"
pane=ui

t() {
	"$TMUX_BIN" -L "$sock" -f /dev/null "$@"
}

cleanup() {
	t kill-server 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

screen() {
	t capture-pane -p -t "$pane" 2>/dev/null
}

fail() {
	echo "FAIL: $*"
	echo "--- the screen:"
	screen
	exit 1
}

# Polls (0.05 s steps, 10 s cap) until `check ARGS` succeeds.
poll() {
	tries=0
	while [ $tries -lt 200 ]; do
		"$@" && return 0
		sleep 0.05
		tries=$((tries + 1))
	done
	return 1
}

has() {
	screen | grep -qF -- "$1"
}

lacks() {
	! screen | grep -qF -- "$1"
}

wait_for() {
	poll has "$1" || fail "waited 10 s for \"$1\""
}

wait_gone() {
	poll lacks "$1" || fail "waited 10 s for \"$1\" to go"
}

ESC=$(printf '\033')

servers=0
locale=C.UTF-8
notes_hint="n or Esc: back to the session"

# fresh: a tmux server of its own for the next screen (a new one on a
# dying one's socket can fail).
fresh() {
	t kill-server 2>/dev/null
	servers=$((servers + 1))
	sock="vmscope-$name-$$-$servers"
}

# open COLS ROWS ARGS...: vmscope ARGS (words of a shell command line) in
# pane ui, COLS x ROWS, on a fresh server; the pane stays once it ends.
open() {
	cols=$1 rows=$2
	shift 2
	fresh
	t new-session -d -s ui -x "$cols" -y "$rows" \
	    "env TERM=tmux-256color LANG=$locale LC_ALL=$locale '$VMSCOPE' $*; exec sleep 600"
}

# open_notes COLS ROWS ARGS...: open, for a session with notes (a lesson),
# once it shows them.
open_notes() {
	open "$@"
	wait_for "$notes_hint"
}

# type_command TEXT: types :TEXT and Enter.
type_command() {
	t send-keys -t ui -l ":$1"
	t send-keys -t ui Enter
}

# close_notes: Escape leaves the notes page, and it goes.
close_notes() {
	t send-keys -t ui Escape
	wait_gone "$notes_hint"
}

# open_lesson COLS ROWS N [OPTIONS...]: lesson N opened, its notes closed.
open_lesson() {
	cols=$1 rows=$2
	shift 2
	open_notes "$cols" "$rows" --lesson "$@"
	close_notes
}

# recorded COLS ROWS COMMAND: COMMAND (a shell line) in pane ui, COLS x
# ROWS, on a fresh server, its exit status then written to $work/status
# and the terminal's settings to $work/stty.  The shell ignores SIGINT so
# that after a Ctrl-C it lives on to record them (dash would not), dumps
# no core, then sleeps so the pane, alive, still shows the terminal's modes.
recorded() {
	fresh
	rm -f "$work/status" "$work/stty"
	t start-server \; set-option -g remain-on-exit on \; \
	    set-option -g default-shell /bin/sh \; \
	    new-session -d -s ui -x "$1" -y "$2" \
	    "trap '' INT; ulimit -c 0; $3; \
	    echo \$? > '$work/status'; stty -a > '$work/stty'; exec sleep 600"
}

# stop_server: the server ends, and is seen gone.
stop_server() {
	t kill-server 2>/dev/null
	poll sh -c "! '$TMUX_BIN' -L '$sock' has-session 2>/dev/null" || fail "tmux did not stop"
}

# assert_restored STATUS [WHAT]: what recorded ran ended with STATUS and
# gave the terminal back: the main screen, echo and canonical input on,
# the cursor shown, no mouse reports, cursor keys out of keypad mode.
assert_restored() {
	what=${2:+$2: }
	poll test -s "$work/status" || fail "${what}vmscope did not exit"
	poll test -s "$work/stty" || fail "${what}the shell did not run on after vmscope"
	[ "$(cat "$work/status")" = "$1" ] ||
		fail "${what}exit status $(cat "$work/status"), expected $1"
	grep -q -- ' -echo ' "$work/stty" && fail "${what}echo left off"
	grep -q -- ' -icanon ' "$work/stty" && fail "${what}canonical input left off"
	[ "$(t display -p -t ui '#{alternate_on}')" = 0 ] || fail "${what}still on the alternate screen"
	[ "$(t display -p -t ui '#{cursor_flag}')" = 1 ] || fail "${what}the cursor is left hidden"
	[ "$(t display -p -t ui '#{mouse_any_flag}')" = 0 ] || fail "${what}mouse reports left on"
	[ "$(t display -p -t ui '#{keypad_cursor_flag}')" = 0 ] ||
		fail "${what}cursor keys left in keypad mode"
}

# The attributes in force at the end of each input line (a line of
# `capture-pane -e`, which starts from the defaults), from its SGR codes:
# "bold=B reverse=R fg=F bg=G", colours as numbers of the 256 or "default".
sgr_state() {
	awk -v esc="$ESC" '{
		bold = rev = 0; fg = bg = "default"
		n = split($0, part, esc)
		for (i = 2; i <= n; i++) {
			end = index(part[i], "m")
			if (substr(part[i], 1, 1) != "[" || end == 0)
				continue
			k = split(substr(part[i], 2, end - 2), p, ";")
			if (k == 0) { bold = rev = 0; fg = bg = "default" }
			for (j = 1; j <= k; j++) {
				v = p[j] + 0
				if (v == 0) { bold = rev = 0; fg = bg = "default" }
				else if (v == 1) bold = 1
				else if (v == 22) bold = 0
				else if (v == 7) rev = 1
				else if (v == 27) rev = 0
				else if (v == 38) { fg = p[j + 2]; j += 2 }
				else if (v == 48) { bg = p[j + 2]; j += 2 }
				else if (v >= 30 && v <= 37) fg = v - 30
				else if (v == 39) fg = "default"
				else if (v >= 40 && v <= 47) bg = v - 40
				else if (v == 49) bg = "default"
				else if (v >= 90 && v <= 97) fg = v - 82
				else if (v >= 100 && v <= 107) bg = v - 92
			}
		}
		printf "bold=%d reverse=%d fg=%s bg=%s\n", bold, rev, fg, bg
	}'
}
