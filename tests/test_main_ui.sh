#!/bin/sh
# test_main_ui.sh - the front door's way into the UI: machine options and
# queued operations become a session at step 0 of n, under the title of
# their source; a bad queued operation stops vmscope before the screen
# opens, naming its file and line; typing over queued operations under
# OPT keeps running.
#
# Environment (make check sets them): VMSCOPE, the program; TMUX_BIN,
# tmux (the screen part is skipped, status 77, without it).
set -u
: "${VMSCOPE:?path of src/vmscope}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_main_ui.XXXXXX")
tmux_cmd="${TMUX_BIN:-tmux} -L vmscope-main-ui-$$ -f /dev/null"
cleanup() {
	$tmux_cmd kill-server > /dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# No terminal needed to refuse a bad script: the session is built first.
printf 'r 0x0\nspawn b 4\nr 7:0x0\n' > "$tmp/bad"
"$VMSCOPE" --script "$tmp/bad" > "$tmp/out" 2> "$tmp/err" < /dev/null
status=$?
[ "$status" -eq 1 ] || fail "bad script for the UI: exit status $status, wanted 1"
echo "vmscope: $tmp/bad:3: no process 7" > "$tmp/want"
cmp -s "$tmp/want" "$tmp/err" || fail "bad script for the UI: $(cat "$tmp/err")"

tmux=${TMUX_BIN:-tmux}
if ! command -v "$tmux" > /dev/null 2>&1; then
	[ "$failures" -eq 0 ] || exit 1
	echo "skip: no tmux"
	exit 77
fi

# wait_for TEXT: polls the screen until TEXT shows, for up to 5 s.
wait_for() {
	i=0
	while [ "$i" -lt 50 ]; do
		$tmux_cmd capture-pane -p -t "$pane" > "$tmp/screen" 2> /dev/null &&
			grep -qF -e "$1" "$tmp/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "screen never showed '$1'"
	sed 's/^/  | /' "$tmp/screen"
	return 1
}

pane=t
$tmux_cmd new-session -d -s t -x 100 -y 30 \
	"env TERM=xterm-256color LANG=C.UTF-8 '$VMSCOPE' --frames 3 --policy fifo \
	--pages 1,2,3,4; echo \$? > '$tmp/status'; sleep 30"
wait_for "step 0/4" &&
	wait_for "pages 1,2,3,4" &&
	wait_for "fifo" &&
	wait_for "3 frames"
# quits WHAT [y]: q (and y to "quit without saving?") ends vmscope with status 0.
quits() {
	$tmux_cmd send-keys -t "$pane" q
	[ $# -lt 2 ] || { wait_for "quit without saving" && $tmux_cmd send-keys -t "$pane" "$2"; }
	i=0
	while [ ! -s "$tmp/status" ] && [ "$i" -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ "$(cat "$tmp/status" 2> /dev/null)" = 0 ] ||
		fail "$1: vmscope did not quit with status 0 on q: '$(cat "$tmp/status" 2> /dev/null)'"
	rm -f "$tmp/status"
}
quits "page list"

# Under OPT, typing at step 0 over queued operations replaces OPT's view of
# the future while the screen's machine still looks at the old one (issue
# 10: a use after free, which the sanitizer build reports).
printf 'r 0x0\nr 0x1000\nr 0x2000\nr 0x3000\nr 0x0\n' > "$tmp/opt"
pane=opt
$tmux_cmd new-session -d -s opt -x 100 -y 30 \
	"env TERM=xterm-256color LANG=C.UTF-8 '$VMSCOPE' --frames 2 --policy opt \
	--script '$tmp/opt'; echo \$? > '$tmp/status'; sleep 30"
wait_for "step 0/5"
$tmux_cmd send-keys -t "$pane" g
$tmux_cmd send-keys -t "$pane" -l ':r 0x5000'
$tmux_cmd send-keys -t "$pane" Enter
wait_for "discard the 5 later operations?"
$tmux_cmd send-keys -t "$pane" y
wait_for "(event 1 of"
$tmux_cmd send-keys -t "$pane" Space
wait_for "(event 2 of"
quits "typing at step 0 under opt" y

[ "$failures" -eq 0 ] || { echo "$failures failures"; exit 1; }
echo "all passed"
