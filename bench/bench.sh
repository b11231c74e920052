#!/bin/sh
# bench.sh - the figures of `make bench`: vmscope against the limit probes
# (the least work a job needs) and OSTEP's script, batch throughput per
# policy, peak memory against trace length, a real valgrind trace, and the
# UI's idle cost.  Each line says what was measured, the figure and the
# target; the exit status is 1 if a target was missed.
#
# Environment (make bench sets them): VMSCOPE, BENCH_BIN (the folder of the
# probe_* programs), RUNSTAT, GENPAGES, STEPBENCH, and optionally TMUX_BIN,
# OSTEP_REPO (a bare git dir of ostep-homework), BENCH_RUNS (timed runs per
# figure, best kept; default 5), BENCH_LACKEY (a lackey trace to use instead
# of making one of gzip with valgrind).
set -eu

: "${VMSCOPE:?path of src/vmscope}" "${RUNSTAT:?path of bench/runstat}"
: "${BENCH_BIN:?folder of bench/probe_*}"
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

# pair VM_ARGS PROBE_CMD: runs vmscope with VM_ARGS and the command line
# PROBE_CMD in turn, $runs times each (interleaved, so drift hits both),
# and sets vm_wall and probe_wall to their best wall times.
pair() {
	i=0
	vm_wall=
	probe_wall=
	while [ "$i" -lt "$runs" ]; do
		"$RUNSTAT" -o "$tmp/run" "$VMSCOPE" $1 > /dev/null ||
			{ echo "bench: failed: vmscope $1" >&2; cat "$tmp/run" >&2; exit 1; }
		vm_wall=$(awk -v a="$(field "$tmp/run" wall)" -v b="$vm_wall" \
		    'BEGIN { print (b == "" || a < b) ? a : b }')
		"$RUNSTAT" -o "$tmp/run" $2 > /dev/null ||
			{ echo "bench: failed: $2" >&2; cat "$tmp/run" >&2; exit 1; }
		probe_wall=$(awk -v a="$(field "$tmp/run" wall)" -v b="$probe_wall" \
		    'BEGIN { print (b == "" || a < b) ? a : b }')
		i=$((i + 1))
	done
}

# ostep_wall POLICY: the wall time of paging-policy.py on the 1M page list
# with POLICY (FIFO, LRU, ...), run once and remembered; empty without it.
ostep_wall() {
	if [ ! -f "$tmp/pp.py" ]; then
		echo ""
		return
	fi
	if [ ! -f "$tmp/pp-$1.stat" ]; then
		"$RUNSTAT" -o "$tmp/pp-$1.stat" python3 "$tmp/pp.py" \
		    -f "$tmp/pages-1m" -p "$1" -C 64 -c -N > "$tmp/pp-$1.out"
	fi
	field "$tmp/pp-$1.stat" wall
}

# versus LABEL FLOOR VM_ARGS PROBE_CMD [OSTEP_POLICY]: one line: vmscope's
# and the probe's best times, their ratio against its floor, and (where
# the script is at hand) how many times faster vmscope is than OSTEP's.
versus() {
	pair "$3" "$4"
	ratio=$(awk -v a="$vm_wall" -v b="$probe_wall" 'BEGIN { printf "%.2f", a / b }')
	printf '%-16s vmscope %7.3f s  probe %7.3f s  ratio %5s x  floor <= %s x' \
	    "$1" "$vm_wall" "$probe_wall" "$ratio" "$2"
	py=
	[ -z "${5:-}" ] || py=$(ostep_wall "$5")
	[ -z "$py" ] || printf '  (OSTEP %s: %.1f s, %.0f x slower)' "$5" "$py" \
	    "$(awk -v a="$py" -v b="$vm_wall" 'BEGIN { print a / b }')"
	verdict "$(awk -v r="$ratio" -v f="$2" 'BEGIN { print (r <= f) ? 1 : 0 }')"
}

# The probes' jobs.  To add one: build bench/probe_NAME in Makefile.am's
# BENCH_TOOLS and add a `versus` line here.
ratios() {
	echo "== vmscope against the limit probes: whole processes, interleaved, best of $runs;"
	echo "   page list: 1,000,000 accesses (pages 0..999 uniform, seed 1), 64 frames, --quiet"
	pages="$tmp/pages-1m"
	for p in fifo lru random; do
		op=
		[ "$p" = fifo ] && op=FIFO
		[ "$p" = lru ] && op=LRU
		versus "$p --tlb 0" 3 "$pagelist $pages --policy $p --tlb 0" \
		    "$BENCH_BIN/probe_pages $p 64 $pages" $op
	done
	for p in fifo lru random; do
		versus "$p (TLB 4)" 4 "$pagelist $pages --policy $p" \
		    "$BENCH_BIN/probe_pages $p 64 $pages"
	done
	versus "clock --tlb 0" 4 "$pagelist $pages --policy clock --tlb 0" \
	    "$BENCH_BIN/probe_pages clock 64 $pages"
	versus "clock (TLB 4)" 4 "$pagelist $pages --policy clock" \
	    "$BENCH_BIN/probe_pages clock 64 $pages"
	versus "opt --tlb 0" 2.5 "$pagelist $pages --policy opt --tlb 0" \
	    "$BENCH_BIN/probe_opt 64 $pages"
	if [ -z "$lackey_trace" ]; then
		echo "lackey: skipped: valgrind is not installed and BENCH_LACKEY is not set"
		return
	fi
	echo "   lackey trace: $lackey_what, $(wc -l < "$lackey_trace" | tr -d ' ') lines, lru, 64 frames, --va-bits 48, --quiet"
	versus "lackey --tlb 0" 2 "--batch --trace $lackey_trace --trace-format lackey --va-bits 48 --frames 64 --quiet --tlb 0" \
	    "$BENCH_BIN/probe_lackey 64 $lackey_trace"
	versus "lackey (TLB 4)" 2 "--batch --trace $lackey_trace --trace-format lackey --va-bits 48 --frames 64 --quiet" \
	    "$BENCH_BIN/probe_lackey 64 $lackey_trace"
}

# make_lackey: sets lackey_trace (and lackey_what) to BENCH_LACKEY or to a
# new trace of gzip compressing 15 KB of the page list; empty if neither.
make_lackey() {
	lackey_trace=
	if [ -n "${BENCH_LACKEY:-}" ]; then
		lackey_trace=$BENCH_LACKEY
		lackey_what=$BENCH_LACKEY
	elif command -v valgrind > /dev/null 2>&1 && command -v gzip > /dev/null 2>&1; then
		head -c 15000 "$tmp/pages-1m" > "$tmp/gz.in"
		valgrind --tool=lackey --trace-mem=yes --log-file="$tmp/gzip.lackey" \
		    gzip -c "$tmp/gz.in" > /dev/null 2>&1
		lackey_trace=$tmp/gzip.lackey
		lackey_what="gzip -c of 15 KB"
	fi
}

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
			# It holds the whole queue to look ahead: what each access adds.
			per=$(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.1f", (b - s) * 1024 / 900000 }')
			printf '  %s bytes per queued access   target <= 24' "$per"
			verdict "$(awk -v p="$per" 'BEGIN { print (p <= 24) ? 1 : 0 }')"
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

# get_ostep: leaves OSTEP's paging-policy.py in $tmp/pp.py if python3 and
# the mirror are at hand.
get_ostep() {
	command -v python3 > /dev/null 2>&1 &&
	    git --git-dir="$ostep" show \
	    HEAD:vm-beyondphys-policy/paging-policy.py > "$tmp/pp.py" 2>/dev/null ||
	    rm -f "$tmp/pp.py"
}

ostep() {
	echo "== for comparison: OSTEP paging-policy.py, FIFO, same 1,000,000 accesses, 64 frames"
	py=$(ostep_wall FIFO)
	if [ -z "$py" ]; then
		echo "skipped: needs python3 and the ostep-homework mirror ($ostep)"
		return
	fi
	best "$VMSCOPE" $pagelist "$tmp/pages-1m" --policy fifo
	"$VMSCOPE" $pagelist "$tmp/pages-1m" --policy fifo --json > "$tmp/vm.json"
	vm=$(field "$tmp/best" wall)
	printf 'paging-policy.py %.2f s, vmscope %.3f s: %.0f times faster\n' \
	    "$py" "$vm" "$(awk -v a="$py" -v b="$vm" 'BEGIN { print a / b }')"
	echo "paging-policy.py: $(sed -n 's/^FINALSTATS \(hits *[0-9]*\) *\(misses *[0-9]*\).*/\1, \2/p' "$tmp/pp-FIFO.out")"
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
get_ostep
make_lackey
ratios
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
