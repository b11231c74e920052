#!/bin/sh
# screenshots.sh - the README's pictures, made from the real program:
# tmux runs vmscope at a fixed size, keys bring it to the middle of a page
# fault, `capture-pane -e` keeps the colours, aha turns the capture into
# HTML and headless chromium renders that to PNG.
#
# usage: screenshots.sh OUTDIR
# Writes OUTDIR/ui-fault.png (normal mode, SHOT_COLS x SHOT_ROWS, default
# 80x24) and OUTDIR/projector.png (key P, at SHOT_PROJECTOR_COLS x
# SHOT_PROJECTOR_ROWS, default 100x30, where the event's name is in big
# letters), each with the text capture beside it (.txt).  Needs tmux, aha and
# chromium; VMSCOPE names the program and VMSCOPE_DATADIR its lessons.
set -eu

outdir=${1:?usage: screenshots.sh OUTDIR}
: "${VMSCOPE:?path of src/vmscope}"
tmux_bin=${TMUX_BIN:-tmux}
chromium=${CHROMIUM:-chromium}
cols=${SHOT_COLS:-80}
rows=${SHOT_ROWS:-24}
projector_cols=${SHOT_PROJECTOR_COLS:-100}
projector_rows=${SHOT_PROJECTOR_ROWS:-30}
lesson=${SHOT_LESSON:-dirty-clean}
# The narration the first picture stops on: an event, not the notes.
marker=${SHOT_MARKER:-WRITE-BACK (event}

for tool in "$tmux_bin" aha "$chromium"; do
	command -v "$tool" > /dev/null 2>&1 ||
		{ echo "screenshots: $tool is not installed" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vmscope-shots.XXXXXX")
T="$tmux_bin -L vmscope-shots-$$ -f /dev/null"
trap '$T kill-server > /dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# wait_for TEXT: polls the pane until TEXT shows (10 s at most).
wait_for() {
	i=0
	until $T capture-pane -p -t shot | grep -qF -e "$1"; do
		i=$((i + 1))
		if [ "$i" -ge 100 ]; then
			echo "screenshots: '$1' never showed; the screen was:" >&2
			$T capture-pane -p -t shot >&2
			exit 1
		fi
		sleep 0.1
	done
}

# press KEY: sends KEY and waits (1 s at most) for the screen to change.
press() {
	before=$($T capture-pane -p -e -t shot)
	$T send-keys -t shot "$1"
	i=0
	while [ "$($T capture-pane -p -e -t shot)" = "$before" ] && [ "$i" -lt 50 ]; do
		i=$((i + 1))
		sleep 0.02
	done
}

# step_until TEXT: presses space until TEXT shows (200 presses at most).
step_until() {
	n=0
	until $T capture-pane -p -t shot | grep -qF -e "$1"; do
		n=$((n + 1))
		[ "$n" -le 200 ] ||
			{ echo "screenshots: '$1' never came" >&2; exit 1; }
		press Space
	done
}

# render NAME: captures the pane into OUTDIR/NAME.txt and OUTDIR/NAME.png.
render() {
	$T capture-pane -p -t shot > "$outdir/$1.txt"
	$T capture-pane -p -e -t shot > "$tmp/$1.ansi"
	aha --black --title vmscope < "$tmp/$1.ansi" |
	    sed -e 's|<pre>|<pre style="font-family:'"'DejaVu Sans Mono'"',monospace;font-size:16px;line-height:19px;margin:0;padding:10px">|' \
		-e 's|<body style="|<body style="margin:0;|' > "$tmp/$1.html"
	mkdir "$tmp/profile-$1"
	"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
	    --disable-background-networking --disable-component-update \
	    --no-first-run --disable-sync --user-data-dir="$tmp/profile-$1" \
	    --window-size="$((cols * 963 / 100 + 20)),$((rows * 19 + 20))" \
	    --screenshot="$outdir/$1.png" "file://$tmp/$1.html" \
	    > "$tmp/chromium.log" 2>&1 ||
		{ cat "$tmp/chromium.log" >&2; exit 1; }
	echo "screenshots: wrote $outdir/$1.png"
}

mkdir -p "$outdir"
$T new-session -d -s shot -x "$cols" -y "$rows" \
    "exec env TERM=xterm-256color LANG=C.UTF-8 '$VMSCOPE' --lesson '$lesson'"
wait_for "vmscope"
step_until "$marker"
render ui-fault
cols=$projector_cols rows=$projector_rows
$T resize-window -t shot -x "$cols" -y "$rows"
press P
wait_for "(event "
render projector
$T send-keys -t shot q
