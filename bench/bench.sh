#!/bin/sh
# bench.sh - the figures of `make bench`: batch throughput per policy, peak
# memory against trace length, a real valgrind trace, OSTEP's script for
# comparison, and the UI's idle cost.  Each line says what was measured,
# the figure and the target; the exit status is 1 if a target was missed.
#
# Environment (make bench sets them): VMSCOPE, RUNSTAT, GENPAGES, STEPBENCH, and
# optionally TMUX_BIN, OSTEP_REPO (a bare git dir of ostep-homework),
# BENCH_RUNS (timed runs per figure, best kept; default 5).
set -eu

: "${VMSCOPE:?path of src/vmscope}" "${RUNSTAT:?path of bench/runstat}"
: "${GENPAGES:?path of bench/genpages}" "${STEPBENCH:?path of bench/stepbench}"
runs=${BENCH_RUNS:-5}
ostep=${OSTEP_REPO:-/work/.mirror/remzi-arpacidusseau+ostep-homework/repo}
missed=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vmscope-bench.XXXXXX")
tmux_cmd="${TMUX_BIN:-tmux} -L vmscope-bench-$$ -f /dev/null"
cleanup() {
	$tmux_cmd kill-server > /dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# field FILE KEY: one field of a runstat report.
field() {
	tr ' ' '\n' < "$1" | sed -n "s/^$2=//p"
}

# best CMD...: runs CMD $runs times under runstat (output discarded) and
# leaves the report of the fastest run in $tmp/best.
best() {
	i=0
	rm -f "$tmp/best"
	while [ "$i" -lt "$runs" ]; do
		"$RUNSTAT" -o "$tmp/run" "$@" > /dev/null ||
			{ echo "bench: failed: $*" >&2; cat "$tmp/run" >&2; exit 1; }
		if [ ! -f "$tmp/best" ] ||
		    awk -v a="$(field "$tmp/run" wall)" -v b="$(field "$tmp/best" wall)" \
		    'BEGIN { exit !(a < b) }'; then
			cp "$tmp/run" "$tmp/best"
		fi
		i=$((i + 1))
	done
}

# verdict OK: prints the end of a figure's line and counts misses.
verdict() {
	if [ "$1" -eq 1 ]; then
		echo "  ok"
	else
		echo "  MISSED"
		missed=$((missed + 1))
	fi
}

# ge A B / lt A B: numeric comparisons of decimals, as 1 or 0.
ge() { awk -v a="$1" -v b="$2" 'BEGIN { print (a >= b) ? 1 : 0 }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b) ? 1 : 0 }'; }

# The options of every page-list run; word splitting is intended.
pagelist="--batch --trace-format pages --frames 64 --quiet --trace"

throughput() {
	echo "== batch throughput: 1,000,000 accesses (pages 0..999 uniform, seed 1), 64 frames, --quiet, whole process, best of $runs"
	for p in fifo lru clock random opt; do
		target=10
		[ "$p" = opt ] && target=3
		best "$VMSCOPE" $pagelist "$tmp/pages-1m" --policy "$p"
		w=$(field "$tmp/best" wall)
		mps=$(awk -v w="$w" 'BEGIN { printf "%.1f", 1 / w }')
		printf '%-7s %8.3f s  %6s M accesses/s   target >= %s M/s' \
		    "$p" "$w" "$mps" "$target"
		verdict "$(ge "$mps" "$target")"
	done
}

memory() {
	echo "== peak memory (max RSS): 100,000 vs 1,000,000 accesses; must not grow for fifo, lru, clock, random"
	for p in fifo lru clock random opt; do
		"$RUNSTAT" -o "$tmp/small" "$VMSCOPE" $pagelist "$tmp/pages-100k" \
		    --policy "$p" > /dev/null
		"$RUNSTAT" -o "$tmp/big" "$VMSCOPE" $pagelist "$tmp/pages-1m" \
		    --policy "$p" > /dev/null
		s=$(field "$tmp/small" maxrss_kb)
		b=$(field "$tmp/big" maxrss_kb)
		printf '%-7s %7s KiB -> %7s KiB' "$p" "$s" "$b"
		if [ "$p" = opt ]; then
			echo "  (opt holds the whole queue to look ahead: grows by design)"
			continue
		fi
		# Allow 5% or 256 KiB of allocator and page-cache noise.
		verdict "$(awk -v s="$s" -v b="$b" \
		    'BEGIN { print (b <= s * 1.05 || b <= s + 256) ? 1 : 0 }')"
	done
}

lackey() {
	echo "== valgrind lackey trace of 'ls /', whole process, best of $runs"
	if ! command -v valgrind > /dev/null 2>&1; then
		echo "skipped: valgrind is not installed"
		return
	fi
	valgrind --tool=lackey --trace-mem=yes --log-file="$tmp/ls.lackey" \
	    ls / > /dev/null 2>&1
	best "$VMSCOPE" --batch --trace "$tmp/ls.lackey" --trace-format lackey \
	    --va-bits 48 --frames 64 --quiet
	w=$(field "$tmp/best" wall)
	printf 'ls /    %8.3f s for %s trace lines   target < 0.5 s' "$w" \
	    "$(wc -l < "$tmp/ls.lackey" | tr -d ' ')"
	verdict "$(lt "$w" 0.5)"
}

ostep() {
	echo "== for comparison: OSTEP paging-policy.py, FIFO, same 1,000,000 accesses, 64 frames"
	if ! command -v python3 > /dev/null 2>&1 ||
	    ! git --git-dir="$ostep" show \
	    HEAD:vm-beyondphys-policy/paging-policy.py > "$tmp/pp.py" 2>/dev/null; then
		echo "skipped: needs python3 and the ostep-homework mirror ($ostep)"
		return
	fi
	"$RUNSTAT" -o "$tmp/pp.stat" python3 "$tmp/pp.py" -f "$tmp/pages-1m" \
	    -p FIFO -C 64 -c -N > "$tmp/pp.out"
	best "$VMSCOPE" $pagelist "$tmp/pages-1m" --policy fifo
	"$VMSCOPE" $pagelist "$tmp/pages-1m" --policy fifo --json > "$tmp/vm.json"
	py=$(field "$tmp/pp.stat" wall)
	vm=$(field "$tmp/best" wall)
	printf 'paging-policy.py %.2f s, vmscope %.3f s: %.0f times faster\n' \
	    "$py" "$vm" "$(awk -v a="$py" -v b="$vm" 'BEGIN { print a / b }')"
	echo "paging-policy.py: $(sed -n 's/^FINALSTATS \(hits *[0-9]*\) *\(misses *[0-9]*\).*/\1, \2/p' "$tmp/pp.out")"
	echo "vmscope:          hits $(json_count hits "$tmp/vm.json"), misses (faults) $(json_count faults "$tmp/vm.json")"
}

# json_count KEY FILE: the first integer value of "KEY" in a JSON file.
json_count() {
	tr -d ' \t\n' < "$2" | grep -o "\"$1\":[0-9]*" | head -n 1 | cut -d: -f2
}

steps() {
	echo "== one operation back and forward on a long history (engine: state + events; slowest of 20, at the end and in the middle)"
	for n in 100000 1000000; do
		target=20
		[ "$n" -eq 1000000 ] && target=50
		"$STEPBENCH" "$n" > "$tmp/steps"
		worst=$(awk -v a="$(field "$tmp/steps" step_end_ms)" \
		    -v b="$(field "$tmp/steps" step_middle_ms)" \
		    'BEGIN { print (a > b) ? a : b }')
		printf '%7s ops %8s ms (first replay %s s)   target < %s ms' \
		    "$n" "$worst" "$(field "$tmp/steps" replay_s)" "$target"
		verdict "$(lt "$worst" "$target")"
	done
}

# cpu_ns PID: CPU time the process has used so far, in nanoseconds.
cpu_ns() {
	if [ -r "/proc/$1/schedstat" ]; then
		cut -d ' ' -f 1 "/proc/$1/schedstat"
	else
		awk -v hz="$(getconf CLK_TCK)" \
		    '{ printf "%.0f\n", ($14 + $15) * 1e9 / hz }' "/proc/$1/stat"
	fi
}

# wait_screen TEXT: polls the UI's pane until TEXT shows (10 s at most).
wait_screen() {
	i=0
	until $tmux_cmd capture-pane -p -t bench 2>/dev/null | grep -qF "$1"; do
		i=$((i + 1))
		[ "$i" -lt 100 ] || return 1
		sleep 0.1
	done
}

idle() {
	echo "== UI on the first lesson, paused, 100x30: CPU time over 5 s"
	if ! command -v "${TMUX_BIN:-tmux}" > /dev/null 2>&1; then
		echo "skipped: tmux is not installed"
		return
	fi
	$tmux_cmd new-session -d -s bench -x 100 -y 30 \
	    "exec env TERM=xterm-256color LANG=C.UTF-8 '$VMSCOPE'"
	if ! wait_screen "vmscope"; then
		echo "skipped: the UI did not draw its first screen within 10 s"
		return
	fi
	pid=$($tmux_cmd display-message -p -t bench '#{pane_pid}')
	sleep 1
	c0=$(cpu_ns "$pid")
	sleep 5
	ms=$(awk -v a="$c0" -v b="$(cpu_ns "$pid")" \
	    'BEGIN { printf "%.3f", (b - a) / 1e6 }')
	$tmux_cmd kill-server > /dev/null 2>&1 || true
	printf 'paused  %8s ms of CPU in 5 s   target < 10 ms' "$ms"
	verdict "$(lt "$ms" 10)"
}

echo "vmscope benchmark: $("$VMSCOPE" --version | head -n 1) on $(uname -m), $(nproc 2>/dev/null || echo '?') CPUs"
"$GENPAGES" 1000000 1000 1 > "$tmp/pages-1m"
head -n 100000 "$tmp/pages-1m" > "$tmp/pages-100k"
throughput
memory
lackey
steps
idle
ostep
if [ "$missed" -ne 0 ]; then
	echo "bench: $missed target(s) missed"
	exit 1
fi
echo "bench: every target met"
