# tmux_harness.sh - what every tmux-driven UI test shares, sourced by them:
# the skip without tmux, a private tmux server, a scratch folder removed on
# exit, and polling for what the screen shows.  Every wait polls; none
# sleeps blind.
#
# Set before sourcing: name (the test's name, for messages, socket and
# folder).  Then: $work, $sock, t (tmux on the private server), screen
# (the pane $pane, "ui" unless set), fail, poll, has, lacks, wait_for,
# wait_gone.  A test may redefine screen or fail after sourcing.

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
