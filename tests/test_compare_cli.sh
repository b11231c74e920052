#!/bin/sh
# test_compare_cli.sh - vmscope --batch --compare and --sweep-frames end to
# end: text and JSON on the textbook strings (answers worked out by hand
# in tests/test_compare.c), Belady's anomaly named where it occurs and
# not where it does not, a session as the source, an operation that
# cannot run, and every usage error with its message and exit status 2.
#
# Environment (make check sets them): VMSCOPE, the program; VMSCOPE_DATADIR,
# the folder of the lessons (data/).
set -u
: "${VMSCOPE:?path of src/vmscope}" "${VMSCOPE_DATADIR:?path of data/}"

. "$(dirname "$0")/cli_harness.sh"

textbook=7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1
belady=1,2,3,4,1,2,5,1,2,3,4,5

# Silberschatz's string, 3 frames: OPT 9, LRU 12, FIFO 15; every fault
# after the first three evicts; nothing is written.
run 0 "compare, text" --batch --pages $textbook --frames 3 --compare opt,lru,fifo
cat > "$tmp/want" <<'EOF'
# compare: 20 accesses, 3 frames
policy      faults  fault rate  evictions  write-backs
opt              9       45.0%          6            0
lru             12       60.0%          9            0
fifo            15       75.0%         12            0
EOF
same "compare, text" "$tmp/want" "$tmp/out"

run 0 "compare, JSON" --batch --pages $textbook --frames 3 --compare opt,lru,fifo --json
cat > "$tmp/want" <<'EOF'
{"compare":[{"policy":"opt","frames":3,"accesses":20,"hits":11,"faults":9,"fault_rate":0.45,"evictions":6,"writebacks":0},{"policy":"lru","frames":3,"accesses":20,"hits":8,"faults":12,"fault_rate":0.6,"evictions":9,"writebacks":0},{"policy":"fifo","frames":3,"accesses":20,"hits":5,"faults":15,"fault_rate":0.75,"evictions":12,"writebacks":0}]}
EOF
same "compare, JSON" "$tmp/want" "$tmp/out"

# Write-backs: w 0, w 1, r 2 on 2 frames; FIFO and LRU both evict page 0
# (loaded first, used least recently), which is dirty: one write-back.
printf 'w 0x0\nw 0x1000\nr 0x2000\n' > "$tmp/dirty"
run 0 "compare, write-backs" --batch --script "$tmp/dirty" --frames 2 --compare fifo,lru
cat > "$tmp/want" <<'EOF'
# compare: 3 accesses, 2 frames
policy      faults  fault rate  evictions  write-backs
fifo             3      100.0%          1            1
lru              3      100.0%          1            1
EOF
same "compare, write-backs" "$tmp/want" "$tmp/out"

# Belady's string, FIFO and LRU, 1 to 6 frames: FIFO 12 12 9 10 5 5,
# LRU 12 12 10 8 5 5; FIFO's 4 frames fault more than its 3.
run 0 "sweep, text" --batch --pages $belady --sweep-frames 1-6 --compare fifo,lru --ascii
cat > "$tmp/want" <<'EOF'
# sweep: 12 accesses, frames 1-6
frames      fifo       lru
     1        12        12
     2        12        12
     3         9        10
     4        10         8
     5         5         5
     6         5         5

faults   o fifo  ^ lru  2-9: that many policies at one point
12 +  2  2
11 +
10 +        ^  o
 9 +        o
 8 +           ^
 7 +
 6 +
 5 +              2  2
   +--+--+--+--+--+--+
      1  2  3  4  5  6  frames

Belady's anomaly: fifo: 4 frames fault more than 3: 10 > 9
EOF
same "sweep, text" "$tmp/want" "$tmp/out"

run 0 "sweep, JSON" --batch --pages $belady --sweep-frames 3-5 --compare fifo,lru --json
cat > "$tmp/want" <<'EOF'
{"sweep":[{"policy":"fifo","frames":3,"faults":9},{"policy":"fifo","frames":4,"faults":10},{"policy":"fifo","frames":5,"faults":5},{"policy":"lru","frames":3,"faults":10},{"policy":"lru","frames":4,"faults":8},{"policy":"lru","frames":5,"faults":5}],"anomalies":[{"policy":"fifo","frames":4,"faults":10,"fewer_frames":3,"fewer_faults":9}]}
EOF
same "sweep, JSON" "$tmp/want" "$tmp/out"

# Stack algorithms: no anomaly, in text and JSON.
run 0 "sweep, no anomaly" --batch --pages $belady --sweep-frames 1-7 --compare lru,opt
grep -qx "Belady's anomaly: none (no policy faults more with more frames)" "$tmp/out" ||
	fail "sweep, no anomaly: $(tail -1 "$tmp/out")"
run 0 "sweep, no anomaly, JSON" --batch --pages $belady --sweep-frames 1-7 --compare lru,opt --json
grep -q '"anomalies":\[\]}$' "$tmp/out" || fail "sweep, no anomaly, JSON: $(cat "$tmp/out")"

# Runs that ran out of memory are marked and said.  Writes to pages 0-3,
# then a read of 0, with one swap slot: the first dirty victim takes the
# slot, every later one cannot be written and its access is refused (still
# a fault).  fifo, 1 frame: 1 loads, 2 sends 0 to the slot, 3, 4 and 5
# find 1 dirty: 3 refused, 5 faults; 2 frames: 3 sends 0 out, 4 and 5 find
# 1 (the oldest): 2 refused; 3 frames: 4 sends 0 out, 5 finds 1: 1 refused;
# 4 frames: 4 loads, a hit.  opt, 1 frame as fifo; 2 frames: 3 sends 1
# (never used again) out, 4 finds 2 (never again; 0 is used at 5): refused,
# 5 hits: 4 faults; 3 frames: 4 sends 1 (never again, loaded before 2)
# out, 5 hits.
printf 'w 0x0\nw 0x1000\nw 0x2000\nw 0x3000\nr 0x0\n' > "$tmp/oom"
run 0 "sweep, out of memory" --batch --script "$tmp/oom" --swap-slots 1 --sweep-frames 1-4 \
	--compare fifo,opt
cat > "$tmp/want" <<'EOF'
# sweep: 5 accesses, frames 1-4
frames      fifo        opt
     1         5!         5!
     2         5!         4!
     3         5!         4
     4         4          4
! out of memory: fifo, 1-3 frames: 6 accesses refused, each a fault
! out of memory: opt, 1-2 frames: 4 accesses refused, each a fault
EOF
head -n 8 "$tmp/out" > "$tmp/got"
same "sweep, out of memory" "$tmp/want" "$tmp/got"
run 0 "sweep, out of memory, JSON" --batch --script "$tmp/oom" --swap-slots 1 --sweep-frames 2-3 \
	--compare opt --json
cat > "$tmp/want" <<'EOF'
{"sweep":[{"policy":"opt","frames":2,"faults":4,"out_of_memory":1,"oom_kills":0},{"policy":"opt","frames":3,"faults":4}],"anomalies":[]}
EOF
same "sweep, out of memory, JSON" "$tmp/want" "$tmp/out"
# --compare marks them the same way: at 3 frames fifo refuses 1 access (5
# faults: 4 sent 0 to the slot, 5 finds 1 dirty), opt none (4 sends 1 out,
# 5 hits); each evicted and wrote back once.  An unmarked count takes a
# space, so the columns after it stay aligned.
run 0 "compare, out of memory" --batch --script "$tmp/oom" --swap-slots 1 --frames 3 \
	--compare fifo,opt
cat > "$tmp/want" <<'EOF'
# compare: 5 accesses, 3 frames
policy      faults   fault rate  evictions  write-backs
fifo             5!      100.0%          1            1
opt              4        80.0%          1            1
! out of memory: fifo, 3 frames: 1 access refused, a fault
EOF
same "compare, out of memory" "$tmp/want" "$tmp/out"
run 0 "compare, out of memory, JSON" --batch --script "$tmp/oom" --swap-slots 1 --frames 3 \
	--compare fifo,opt --json
grep -q '"writebacks":1,"out_of_memory":1,"oom_kills":0},{"policy":"opt","frames":3,"accesses":5,"hits":1,"faults":4,"fault_rate":0.8,"evictions":1,"writebacks":1}\]}$' \
	"$tmp/out" || fail "compare, out of memory, JSON: $(cat "$tmp/out")"

# Without --compare, --policy's (here the default, lru); Unicode by default.
run 0 "sweep, --policy" --batch --pages $belady --sweep-frames 3-4
grep -q '^faults   ● lru$' "$tmp/out" || fail "sweep, --policy: legend: $(sed -n 6p "$tmp/out")"
grep -q '^10 ┤  ●$' "$tmp/out" || fail "sweep, --policy: lru 3 frames 10"

# A session: its own machine and frames (lesson 05: FIFO, 3 frames).
run 0 "compare, session" --batch "$VMSCOPE_DATADIR/lessons/05-belady-3-frames.json" --compare fifo,opt
cat > "$tmp/want" <<'EOF'
# compare: 12 accesses, 3 frames
policy      faults  fault rate  evictions  write-backs
fifo             9       75.0%          6            0
opt              7       58.3%          4            0
EOF
same "compare, session" "$tmp/want" "$tmp/out"

# An operation that cannot run: named by its line, nothing printed.
printf 'r 0x0\nswitch 9\n' > "$tmp/bad"
run 1 "bad operation" --batch --script "$tmp/bad" --compare fifo,lru
echo "vmscope: $tmp/bad:2: no process 9" > "$tmp/want"
same "bad operation: message" "$tmp/want" "$tmp/err"
[ -s "$tmp/out" ] && fail "bad operation: printed $(cat "$tmp/out")"

p="--batch --pages $belady"
names="fifo, lru, opt, clock, random, mru, lfu, second-chance, nru, aging, wsclock, working-set"
usage "unknown policy" "--compare: unknown policy \"fifo2\" (expected $names)" $p --compare lru,fifo2
usage "empty policy" "--compare: an empty policy name in \"lru,,fifo\" (expected names separated by commas: $names)" $p --compare lru,,fifo
usage "duplicate policy" "--compare: lru is listed twice" $p --compare lru,fifo,lru
usage "frames from 0" "--sweep-frames: \"0-3\": frame counts run from 1 to 65536" $p --sweep-frames 0-3
usage "frames falling" "--sweep-frames: \"10-1\": FIRST is above LAST (expected FIRST-LAST rising, like 1-10)" $p --sweep-frames 10-1
usage "frames too many" "--sweep-frames: \"1-70000\": frame counts run from 1 to 65536" $p --sweep-frames 1-70000
usage "too many counts" "--sweep-frames: \"1-65\" is 65 frame counts; a sweep runs at most 64 (the chart has a column for each)" $p --sweep-frames 1-65
usage "not a range" "--sweep-frames: expected FIRST-LAST frame counts, like 1-10, found \"4\"" $p --sweep-frames 4
usage "with --frames" "--frames cannot go with --sweep-frames: --sweep-frames names the frame counts" $p --sweep-frames 1-4 --frames 3
usage "with --policy" "--policy cannot go with --compare: --compare names the policies" $p --compare fifo --policy lru
usage "with --events" "--compare cannot go with --events: it prints each policy's totals, not one run's events" $p --compare fifo --events
usage "with --quiet" "--sweep-frames cannot go with --quiet: it prints each policy's totals, not one run's summary" $p --sweep-frames 1-3 --quiet
usage "ascii and json" "--ascii draws the sweep's chart; --json has no chart" $p --sweep-frames 1-3 --json --ascii
usage "without --batch" "--compare works only with --batch (in the UI, S shows the sweep chart)" --pages $belady --compare fifo,lru
usage "session machine" "--frames cannot change the machine of a session or lesson (it has its own)" --batch "$VMSCOPE_DATADIR/lessons/05-belady-3-frames.json" --compare fifo --frames 4

finish
