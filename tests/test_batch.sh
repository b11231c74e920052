#!/bin/sh
# test_batch.sh - vmscope --batch end to end: the text and JSON outputs of
# a small run worked out by hand, --quiet, OPT, a lackey trace with a
# page-spanning access, CRLF, byte-order-marked and standard-input
# scripts, endless input refused at once, and the exit statuses 0, 1 and
# 2 with their messages.
#
# Environment (make check sets them): VMSCOPE, the program.
set -u

. "$(dirname "$0")/cli_harness.sh"

# A dirty page written back, a clean one dropped, a swap-in, a TLB hit.
printf 'w 0x0\nr 0x1000\nr 0x2000\nr 0x0\nr 0x4\n' > "$tmp/s1"
machine="--frames 2 --tlb 2 --policy fifo"
cat > "$tmp/s1.text" <<'EOF'
# machine: page_size 4096, va_bits 16, frames 2, swap_slots 16, tlb_entries 2, policy fifo, scope global, seed 1
#   step   pid op vaddr          vpn         tlb  result     frame victim       wb  paddr
       1     1 w  0x0            0x0         miss fault          0 -            -   0x0
       2     1 r  0x1000         0x1         miss fault          1 -            -   0x1000
       3     1 r  0x2000         0x2         miss fault          0 1:0x0        yes 0x0
       4     1 r  0x0            0x0         miss fault          1 1:0x1        no  0x1000
       5     1 r  0x4            0x0         hit  hit            1 -            -   0x1004

accesses:          5
hits:              1 (20.0% of 5)
faults:            4 (80.0% of 5)
evictions:         2
write-backs:       1
TLB hits:          1 (20.0% of 5)
segfaults:         0
protection faults: 0
out of memory:     0
zero-fills:        3
swap-ins:          1
minor faults:      3 (1: 3)
major faults:      1 (1: 1)
working sets:      1: 3 pages (tau 10)
EOF
# (pages 0 1 2 0 0: three distinct pages in the last 10 accesses)
run 0 "text output" --batch --script "$tmp/s1" $machine
same "text output" "$tmp/s1.text" "$tmp/out"
[ -s "$tmp/err" ] && fail "text output: stderr not empty: $(cat "$tmp/err")"

# Policy names in any case: the same run, with the table's name printed.
run 0 "--policy FIFO" --batch --script "$tmp/s1" --frames 2 --tlb 2 --policy FIFO
same "--policy FIFO is fifo" "$tmp/s1.text" "$tmp/out"
run 0 "--compare in any case" --batch --pages 1,2,3,1 --frames 2 --compare LRU,Opt
grep -q '^lru ' "$tmp/out" && grep -q '^opt ' "$tmp/out" ||
	fail "--compare LRU,Opt: rows not named lru and opt: $(cat "$tmp/out")"

# The summary alone, the same figures.
run 0 "--quiet" --batch --script "$tmp/s1" $machine --quiet
sed -n '/^accesses:/,$p' "$tmp/s1.text" > "$tmp/s1.quiet"
same "--quiet prints the summary alone" "$tmp/s1.quiet" "$tmp/out"

# A write to a copy-on-write page traps to the kernel: its row says fault,
# as the summary counts it.  After the fork both share pages 0 and 1:
# step 4 (pid 2 writes page 0) copies it, step 5 (pid 1, now its only
# mapping) makes it writable again, step 6 reads a shared page (a hit),
# steps 7 and 8 copy page 1 and make it writable.
printf 'w 1:0x0\nr 1:0x1000\nfork 1\nw 2:0x0\nw 1:0x0\nr 2:0x1000\nw 1:0x1000\nw 2:0x1000\n' > "$tmp/cow"
run 0 "copy-on-write rows" --batch --script "$tmp/cow" --frames 4
printf '1 fault\n2 fault\n4 fault\n5 fault\n6 hit\n7 fault\n8 fault\nhits: 1\nfaults: 6\n' > "$tmp/cow.want"
awk '/^ *[0-9]/ { print $1, $7 } /^(faults|hits):/ { print $1, $2 }' "$tmp/out" > "$tmp/cow.got"
same "a copy-on-write fault is a fault in its row" "$tmp/cow.want" "$tmp/cow.got"
run 0 "copy-on-write JSON" --batch --script "$tmp/cow" --frames 4 --json
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
faults = [a["step"] for a in d["accesses"] if a["fault"]]
sys.exit(0 if faults == [1, 2, 4, 5, 7, 8] else "faulting steps %s" % faults)
' "$tmp/out" || fail "a copy-on-write fault is a fault in JSON"

# CRLF line ends, and standard input, change nothing.
printf 'w 0x0\r\nr 0x1000\r\nr 0x2000\r\n\r\n# a comment\r\nr 0x0\r\nr 0x4\r\n' > "$tmp/crlf"
run 0 "CRLF script" --batch --script "$tmp/crlf" $machine
same "CRLF script" "$tmp/s1.text" "$tmp/out"
"$VMSCOPE" --batch --script - $machine < "$tmp/s1" > "$tmp/out" 2> "$tmp/err" ||
	fail "stdin script: exit status $?"
same "script from standard input" "$tmp/s1.text" "$tmp/out"

# A UTF-8 byte order mark before a script is skipped, as before a session.
printf '\357\273\277' | cat - "$tmp/s1" > "$tmp/bom"
run 0 "BOM script" --batch --script "$tmp/bom" $machine
same "a script after a byte order mark" "$tmp/s1.text" "$tmp/out"

# refused NAME MESSAGE ARGS...: vmscope ARGS (standard input from $tmp/in)
# ends with status 1 and MESSAGE within 10 s; an endless input must be
# refused as soon as it breaks a limit, never read to its end.
refused() {
	ref_name=$1 ref_msg=$2
	shift 2
	timeout 10 "$VMSCOPE" "$@" < "$tmp/in" > /dev/null 2> "$tmp/err"
	ref_got=$?
	if [ "$ref_got" -eq 124 ]; then
		fail "$ref_name: still reading after 10 s"
	elif [ "$ref_got" -ne 1 ] || [ "$(cat "$tmp/err")" != "vmscope: $ref_msg" ]; then
		fail "$ref_name: status $ref_got, message $(cat "$tmp/err")"
	else
		echo "ok: $ref_name"
	fi
}
nul="expected text, found a NUL byte (is this a binary file?)"
: > "$tmp/in"
for f in pages lackey addr; do
	refused "--trace /dev/zero --trace-format $f" "/dev/zero:1: $nul" \
	    --batch --quiet --trace /dev/zero --trace-format $f
done
refused "--script /dev/zero" "/dev/zero:1: $nul" --batch --quiet --script /dev/zero
# A fifo fed without end: a line (or a page list's comment) never ending.
mkfifo "$tmp/in.fifo"
endless() {
	{ printf '%s' "$1"; while printf 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'; do :; done; } \
	    > "$tmp/in.fifo" 2> /dev/null &
	endless_pid=$!
	ln -sf "$tmp/in.fifo" "$tmp/in"
}
endless ""
refused "an endless script line" \
    "stdin:1: expected a line of at most 1023 characters, found a longer one" \
    --batch --quiet --script -
kill "$endless_pid" 2> /dev/null; wait "$endless_pid" 2> /dev/null
endless "1 2 #"
refused "an endless page-list comment" \
    "stdin:1: expected a comment of at most 1023 characters, found a longer one" \
    --batch --quiet --trace - --trace-format pages
kill "$endless_pid" 2> /dev/null; wait "$endless_pid" 2> /dev/null
rm -f "$tmp/in"

# JSON: one document, accesses streamed before the summary.
run 0 "--json" --batch --script "$tmp/s1" $machine --json
cp "$tmp/out" "$tmp/s1.json"
grep -q '^{"machine":{"page_size":4096,"va_bits":16,"frames":2,"swap_slots":16,"tlb_entries":2,"policy":"fifo","scope":"global","seed":1},' "$tmp/s1.json" ||
	fail "--json: machine object: $(head -c 300 "$tmp/s1.json")"
grep -q '^{"step":3,"pid":1,"op":"r","vaddr":"0x2000","vpn":2,"tlb":"miss","fault":true,"result":"fault","frame":0,"victim":{"pid":1,"vpn":0},"writeback":true,"paddr":"0x0"}' "$tmp/s1.json" ||
	fail "--json: the write-back access"
grep -q '^\],"summary":{"accesses":5,"hits":1,"faults":4,"evictions":2,"writebacks":1,"tlb_hits":1,"tlb_misses":4,"segfaults":0,"protection_faults":0,"out_of_memory":0,"zero_fills":3,"swap_ins":1,"minor_faults":3,"major_faults":1,"faults_by_pid":{"1":{"minor":3,"major":1}},"working_sets":{"1":3}}}$' "$tmp/s1.json" ||
	fail "--json: summary after the accesses"
if command -v python3 > /dev/null 2>&1; then
	python3 - "$tmp/s1.json" <<'EOF' || fail "--json: python3 json.load"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["machine", "accesses", "summary"], list(d)
a = d["accesses"]
assert [x["step"] for x in a] == [1, 2, 3, 4, 5]
assert [x["fault"] for x in a] == [True, True, True, True, False]
assert a[3]["victim"] == {"pid": 1, "vpn": 1} and a[3]["writeback"] is False
assert a[4]["tlb"] == "hit" and a[4]["paddr"] == "0x1004" and a[4]["victim"] is None
assert d["summary"]["faults"] == 4 and d["summary"]["writebacks"] == 1
EOF
	echo "ok: --json parses (python3)"
else
	echo "skip: python3 not found, JSON not parsed"
fi
# --quiet hands the engine hundreds of accesses at a time: an access it
# refuses (page 4096 of a 16-bit space: line 400) or a bad line (line 500)
# past the first hundreds is still named by its line, the one refused
# first wins, and the summary counts exactly the accesses before it, as
# without --quiet.
# quiet_stop NAME LINE ACCESSES MESSAGE: runs $tmp/stop.pages both ways.
quiet_stop() {
	for q in "" --quiet; do
		run 1 "$1 $q" --batch --trace "$tmp/stop.pages" --va-bits 16 --json $q
		[ "$(cat "$tmp/err")" = "vmscope: $tmp/stop.pages:$2: $4" ] ||
			fail "$1 $q: message $(cat "$tmp/err")"
		grep -q "\"summary\":{\"accesses\":$3,\"hits\":0,\"faults\":$3," "$tmp/out" ||
			fail "$1 $q: summary $(tail -c 200 "$tmp/out")"
	done
}
far="address 0x1000000 is outside the 16-bit address space (0x0..0xffff)"
awk 'BEGIN { for (i = 1; i <= 600; i++) print (i == 400 ? 4096 : i % 7) }' > "$tmp/stop.pages"
quiet_stop "an access refused at line 400" 400 399 "$far"
awk 'BEGIN { for (i = 1; i <= 600; i++) print (i == 500 ? "x" : i % 7) }' > "$tmp/stop.pages"
quiet_stop "a bad line 500" 500 499 \
    'expected a page number (decimal, 0x hex or 0b binary), found "x"'
awk 'BEGIN { for (i = 1; i <= 600; i++) print (i == 500 ? "x" : i == 400 ? 4096 : i % 7) }' \
    > "$tmp/stop.pages"
quiet_stop "line 400 refused before bad line 500" 400 399 "$far"
# In text too a run stopped part-way prints the summary of what ran before
# it, after a line saying where it stopped (the summary was dropped before).
for q in "" --quiet; do
	run 1 "text, line 400 refused $q" --batch --trace "$tmp/stop.pages" --va-bits 16 $q
	grep -qFx "# stopped: $tmp/stop.pages:400: $far" "$tmp/out" ||
		fail "text, line 400 refused $q: no line saying where it stopped"
	grep -qx "accesses:          399" "$tmp/out" ||
		fail "text, line 400 refused $q: no summary of the 399 accesses before"
done
printf 'r 0x0\nbogus line\nr 0x1000\n' > "$tmp/bad.script"
run 1 "text, a bad script line" --batch --script "$tmp/bad.script"
grep -qF "# stopped: $tmp/bad.script:2: unknown command \"bogus\" at column 1" "$tmp/out" &&
    grep -qx "accesses:          1" "$tmp/out" ||
	fail "text, a bad script line: no summary after it: $(tail -c 300 "$tmp/out")"

# A bad item after good ones: the document still ends validly, with the error.
printf '1,2,x\n' > "$tmp/bad.pages"
run 1 "--json, a bad trace item" --batch --trace "$tmp/bad.pages" --json
grep -q '^\],"error":".*bad.pages:1: expected a page number.*","summary":{"accesses":2,.*}}$' "$tmp/out" ||
	fail "--json, a bad trace item: the document is not ended with the error: $(tail -c 300 "$tmp/out")"
run 1 "--json, a bad --pages item" --batch --pages 1,,2 --json
grep -q '^\],"error":"--pages: item 2: [^"]*","summary":{"accesses":1,.*}}$' "$tmp/out" ||
	fail "--json, a bad --pages item: $(tail -c 300 "$tmp/out")"
run 0 "--json --quiet" --batch --script "$tmp/s1" $machine --json --quiet
grep -q '"accesses":\[' "$tmp/out" && fail "--json --quiet still lists accesses"
grep -q '"summary":{"accesses":5,' "$tmp/out" || fail "--json --quiet: no summary"

# --events: every event of every operation, with the UI's narration line.
run 0 "--events" --batch --script "$tmp/s1" $machine --events
cp "$tmp/out" "$tmp/s1.events"
sed -n 2p "$tmp/s1.events" | grep -q '^#   step  event: narration$' ||
	fail "--events: header: $(sed -n 2p "$tmp/s1.events")"
# The labels of each step's events, in order (the story of each access).
awk '/^ +[0-9]+  /{ sub(/:.*/, ""); sub(/^ +/, ""); print }' "$tmp/s1.events" |
	tr '\n' ',' > "$tmp/labels"
printf '%s' "1  SPLIT,1  TLB MISS,1  PAGE-TABLE WALK,1  PAGE FAULT,1  FREE FRAME,\
1  ZERO-FILL,1  PTE UPDATE,1  TLB FILL,1  ACCESS,2  SPLIT,2  TLB MISS,\
2  PAGE-TABLE WALK,2  PAGE FAULT,2  FREE FRAME,2  ZERO-FILL,2  PTE UPDATE,2  TLB FILL,\
2  ACCESS,3  SPLIT,3  TLB MISS,3  PAGE-TABLE WALK,3  PAGE FAULT,3  VICTIM,3  WRITE-BACK,\
3  EVICT,3  ZERO-FILL,3  PTE UPDATE,3  TLB FILL,3  ACCESS,4  SPLIT,4  TLB MISS,\
4  PAGE-TABLE WALK,4  PAGE FAULT,4  VICTIM,4  EVICT,4  SWAP-IN,4  PTE UPDATE,4  TLB FILL,\
4  ACCESS,5  SPLIT,5  TLB HIT,5  ACCESS," > "$tmp/labels.want"
same "--events: every event, in order" "$tmp/labels.want" "$tmp/labels"
for want in \
    '       3  WRITE-BACK: dirty 1:0x0 is written from frame 0 to swap slot 0, so its changes survive; swap now holds its latest copy, so D is cleared' \
    '       5  TLB HIT: 1:0x0 is cached in the TLB: frame 1, no page-table walk needed' \
    '       5  ACCESS: read of 0x4 reaches frame 1 at physical 0x1004; R set'; do
	grep -qxF "$want" "$tmp/s1.events" || fail "--events lacks: $want"
done
sed -n '/^accesses:/,$p' "$tmp/s1.events" > "$tmp/s1.events.summary"
same "--events: the same summary" "$tmp/s1.quiet" "$tmp/s1.events.summary"
run 0 "--events --json" --batch --script "$tmp/s1" $machine --events --json
cp "$tmp/out" "$tmp/s1.events.json"
grep -q '^{"machine":{.*},"events":\[$' "$tmp/s1.events.json" ||
	fail "--events --json: head: $(head -c 300 "$tmp/s1.events.json")"
grep -qxF '{"step":3,"pid":1,"event":"writeback","text":"dirty 1:0x0 is written from frame 0 to swap slot 0, so its changes survive; swap now holds its latest copy, so D is cleared"},' \
	"$tmp/s1.events.json" || fail "--events --json: the write-back event"
[ "$(grep -c '^{"step":' "$tmp/s1.events.json")" -eq 42 ] ||
	fail "--events --json: $(grep -c '^{"step":' "$tmp/s1.events.json") events, wanted 42"
grep -q '^\],"summary":{"accesses":5,' "$tmp/s1.events.json" ||
	fail "--events --json: summary after the events"
if command -v python3 > /dev/null 2>&1; then
	python3 - "$tmp/s1.events.json" <<'EOF' || fail "--events --json: python3 json.load"
import json, sys
d = json.load(open(sys.argv[1]))
assert "accesses" not in d and len(d["events"]) == 42
assert all(sorted(e) == ["event", "pid", "step", "text"] for e in d["events"])
assert [e["event"] for e in d["events"] if e["step"] == 5] == ["split", "tlb_hit", "access"]
EOF
fi
# Operations that are not accesses have their events too.
printf 'spawn two 4 rw\nr 0x0\nexit 2\n' > "$tmp/s3"
run 0 "--events: spawn and exit" --batch --script "$tmp/s3" --events
grep -qxF '       1  SPAWN: pid 2 "two" starts with 4 pages mapped rw from 0x0 and becomes current' \
	"$tmp/out" || fail "--events: spawn: $(cat "$tmp/out")"
grep -q '^       3  EXIT: pid 2 exits: 1 frame becomes free; its TLB entries go$' "$tmp/out" || fail "--events: exit: $(cat "$tmp/out")"

# Segmentation and protection faults, in a script with two processes.
cat > "$tmp/s2" <<'EOF'
spawn reader 2 r
r 0x1000
w 0x1000
r 0x5000
r 1:0x5000
EOF
run 0 "faults" --batch --script "$tmp/s2" --tlb 0
awk '/^ *[0-9]+ / && NF > 6 { print $2, $3, $7, $8 }' "$tmp/out" > "$tmp/s2.rows"
printf '%s\n' "2 r fault 0" "2 w protection -" "2 r segfault -" "1 r fault 1" > "$tmp/s2.want"
same "segfault and protection fault rows" "$tmp/s2.want" "$tmp/s2.rows"
grep -q '^segfaults:         1$' "$tmp/out" || fail "segfault count"
grep -q '^protection faults: 1$' "$tmp/out" || fail "protection fault count"
# each touched one page; the refused write and read touched none
grep -q '^working sets:      1: 1 page, 2: 1 page (tau 10)$' "$tmp/out" ||
	fail "working sets of two processes: $(cat "$tmp/out")"

# Out of memory: a dirty victim and no swap slot for it; nothing changes.
printf 'w 0x0\nw 0x1000\nw 0x2000\nr 0x0\n' > "$tmp/oom"
run 0 "out of memory" --batch --script "$tmp/oom" --frames 2 --swap-slots 0 --tlb 0
awk '/^ *[0-9]+ / && NF > 6 { print $1, $7, $8, $9, $10, $11 }' "$tmp/out" > "$tmp/oom.rows"
printf '%s\n' "1 fault 0 - - 0x0" "2 fault 1 - - 0x1000" "3 oom - 1:0x0 no -" \
	"4 hit 0 - - 0x0" > "$tmp/oom.want"
same "out-of-memory rows" "$tmp/oom.want" "$tmp/oom.rows"
grep -q '^out of memory:     1$' "$tmp/out" || fail "out-of-memory count"
grep -q '^OOM kills:' "$tmp/out" && fail "an OOM kills line with no kill"

# A container of 2 frames and no swap: its worker (pid 2) writes three
# pages; the third must evict a dirty page of the group, which has no
# swap: the OOM killer ends pid 2 (row 7: oom-kill, its victim 2:0x0).
# Pid 1, outside, runs on into a frame the kill freed (frame 1).
printf 'spawn worker 4\ncgroup box 2\ncgroup box swap 0\ncgroup box add 2\nr 1:0x0\nw 2:0x0\nw 2:0x1000\nw 2:0x2000\nr 1:0x1000\n' > "$tmp/kill"
run 0 "OOM kill" --batch --script "$tmp/kill" --frames 6 --tlb 0
awk '/^ *[0-9]+ / && NF > 6 { print $1, $2, $7, $8, $9 }' "$tmp/out" > "$tmp/kill.rows"
printf '%s\n' "5 1 fault 0 -" "6 2 fault 1 -" "7 2 fault 2 -" "8 2 oom-kill - 2:0x0" \
	"9 1 fault 1 -" > "$tmp/kill.want"
same "OOM kill rows" "$tmp/kill.want" "$tmp/kill.rows"
grep -q '^OOM kills:         1$' "$tmp/out" || fail "OOM kill count: $(cat "$tmp/out")"
run 0 "OOM kill, JSON" --batch --script "$tmp/kill" --frames 6 --tlb 0 --json --quiet
grep -q '"out_of_memory":0,"oom_kills":1,' "$tmp/out" || fail "OOM kill JSON: $(cat "$tmp/out")"

# Two levels on OSTEP's 5+5+5 machine, no TLB: pages 0x308, 0x309 (one
# level-2 table), 0x320 (a second), 0x308 again.  References, per
# translation with no TLB: each walks both levels, then the data: 4 x 3 = 12.
run 0 "two levels" --batch --page-size 32 --va-bits 15 --levels 2 --pte-bytes 1 \
	--pages 776,777,800,776 --tlb 0 --quiet
grep -q '^memory refs:       12 (3.00 per access)$' "$tmp/out" || fail "levels: refs: $(cat "$tmp/out")"
grep -q '^page-table frames: 2 (1: 2)$' "$tmp/out" || fail "levels: table frames: $(cat "$tmp/out")"
run 0 "two levels, JSON" --batch --page-size 32 --va-bits 15 --levels 2 --pte-bytes 1 \
	--pages 776,777,800,776 --tlb 0 --quiet --json
grep -q '"levels":2,"pte_bytes":1,.*"memory_refs":12,"table_frames":{"total":2,"1":2},' "$tmp/out" ||
	fail "levels: JSON: $(cat "$tmp/out")"
run 0 "two levels, the split" --batch --page-size 32 --va-bits 15 --levels 2 --pte-bytes 1 --pages 1
grep -q '^# levels 2: 5+5+5, pte_bytes 1$' "$tmp/out" || fail "levels: split: $(cat "$tmp/out")"

# OPT looks ahead: the textbook string with 3 frames faults 9 times.
run 0 "opt" --batch --pages 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 --frames 3 \
	--policy opt --quiet
grep -q '^faults:            9 (45.0% of 20)$' "$tmp/out" || fail "opt: $(cat "$tmp/out")"
printf '7\n0\n1\n2\n0\n3\n0\n4\n2\n3\n0\n3\n2\n1\n2\n0\n1\n7\n0\n1\n' |
	"$VMSCOPE" --batch --trace - --frames 3 --policy opt --quiet > "$tmp/out" ||
	fail "opt from standard input"
grep -q '^faults:            9 ' "$tmp/out" || fail "opt from stdin: $(cat "$tmp/out")"

# A lackey trace: valgrind's own lines skipped, I executes, M reads then
# writes, and 4 bytes from 0xffe touch pages 0 and 1.
cat > "$tmp/lackey" <<'EOF'
==42== Lackey, an example Valgrind tool
I  00000ffe,4
 M 00002010,8
==42==
EOF
run 0 "lackey" --batch --trace "$tmp/lackey" --trace-format lackey --tlb 0
awk '/^ *[0-9]+ / && NF > 6 { print $3, $4, $5, $7 }' "$tmp/out" > "$tmp/lackey.rows"
printf '%s\n' "x 0xffe 0x0 fault" "x 0x1000 0x1 fault" "r 0x2010 0x2 fault" \
	"w 0x2010 0x2 hit" > "$tmp/lackey.want"
same "lackey rows" "$tmp/lackey.want" "$tmp/lackey.rows"
grep -q 'va_bits 16 (grows)' "$tmp/out" || fail "lackey: the address space should grow"
printf '0x7fff R\n0x7fff w\n' > "$tmp/addr"
run 0 "addr trace" --batch --trace "$tmp/addr" --trace-format addr --quiet
grep -q '^hits:              1 (50.0% of 2)$' "$tmp/out" || fail "addr: $(cat "$tmp/out")"

# Bad input: status 1, one message naming the place and what was expected.
printf 'r 0x0\nr 0xZZ\n' > "$tmp/bad"
run 1 "bad script" --batch --script "$tmp/bad"
echo "vmscope: $tmp/bad:2: bad number at column 3 (expected decimal, 0x hex or 0b binary)" > "$tmp/want"
same "bad script message" "$tmp/want" "$tmp/err"
printf 'r 0x0\nr 9:0x0\n' > "$tmp/nopid"
run 1 "no such process" --batch --script "$tmp/nopid"
echo "vmscope: $tmp/nopid:2: no process 9" > "$tmp/want"
same "no such process message" "$tmp/want" "$tmp/err"
printf 'r 0x10000\n' > "$tmp/outside"
run 1 "address outside" --batch --script "$tmp/outside" --policy opt
grep -q "^vmscope: $tmp/outside:1: address 0x10000 is outside" "$tmp/err" ||
	fail "address outside (opt): $(cat "$tmp/err")"
run 1 "bad page list" --batch --pages 1,2,x
echo "vmscope: --pages: item 3: expected a page number (decimal, 0x hex or 0b binary), found \"x\"" > "$tmp/want"
same "bad page list message" "$tmp/want" "$tmp/err"
run 1 "missing file" --batch --trace "$tmp/nonexistent"
echo "vmscope: cannot open $tmp/nonexistent: No such file or directory" > "$tmp/want"
same "missing file message" "$tmp/want" "$tmp/err"
printf 'garbage\n' > "$tmp/garbage"
run 1 "garbage lackey" --batch --trace "$tmp/garbage" --trace-format lackey
grep -q "^vmscope: $tmp/garbage:1: expected \"I  ADDR,SIZE\"" "$tmp/err" ||
	fail "garbage lackey: $(cat "$tmp/err")"

# bad_usage MESSAGE ARGS...: cli_harness.sh's usage, named by ARGS.
bad_usage() {
	bad_usage_msg=$1
	shift
	usage "$*" "$bad_usage_msg" "$@"
}
bad_usage 'unrecognized option "--bogus"' --bogus
bad_usage "option '--frames' requires an argument" --batch --pages 1 --frames
bad_usage 'option "--json" takes no argument' --batch --pages 1 --json=yes
bad_usage 'option "--s" is ambiguous' --s 1
bad_usage 'invalid option -- "z"' -z
bad_usage "--frames: 0 is out of range 1..65536" --batch --pages 1 --frames 0
bad_usage "--frames: expected a number (decimal, 0x hex or 0b binary), found \"many\"" --frames many
bad_usage "--page-size: 3000 is not a power of two between 16 and 65536" --page-size 3000
bad_usage "--policy: unknown policy \"best\" (expected fifo, lru, opt, clock, random, mru, lfu, second-chance, nru, aging, wsclock, working-set)" --policy best
bad_usage "--va-bits: 70 is out of range 12..64" --va-bits 70
bad_usage "--tlb: 5000 is out of range 0..1024" --tlb 5000
bad_usage "--tau: 0 is out of range 1..1048576" --tau 0
bad_usage "--levels: 5 is out of range 1..4" --levels 5
bad_usage "--pte-bytes: 3 is not 1, 2, 4 or 8" --pte-bytes 3
bad_usage "--levels: 4 levels cannot split a page number of 18 bits (va_bits 30 minus 12 offset bits): each level below the top takes 9 bits (a 4096-byte page holds 512 8-byte entries); va_bits must be at least 40" --levels 4 --va-bits 30
bad_usage "--tick: 0 is out of range 1..1048576" --tick 0
bad_usage "--swap-slots: 99999999999 is too large (expected at most 16777216)" --swap-slots 99999999999
bad_usage "--frames: 4294967296 is too large (expected at most 65536)" --frames 4294967296
bad_usage 'unrecognized option "--\x1b[2J"' "--$(printf '\033')[2J"
bad_usage 'invalid option -- "\x07"' "-$(printf '\007')"
bad_usage '--policy: unknown policy "\x1b]2;PWNED\x07" (expected fifo, lru, opt, clock, random, mru, lfu, second-chance, nru, aging, wsclock, working-set)' --policy "$(printf '\033]2;PWNED\007')"
bad_usage "--seed: expected a number (decimal, 0x hex or 0b binary), found \"0x\"" --seed 0x
bad_usage "--scope: expected global or local, found \"world\"" --scope world
bad_usage "--trace-format: expected pages, lackey or addr, found \"script\"" --trace x --trace-format script
bad_usage '--script: the argument is empty (""); expected FILE' --batch --script ""
bad_usage '--batch: the argument is empty (""); expected FILE.json' --batch=""
bad_usage 'a session file name is empty ("")' --check a.json ""
bad_usage "--batch needs a session FILE.json, --lesson NAME, --pages LIST, --script FILE or --trace FILE" --batch
bad_usage "give only one of FILE.json, --lesson, --pages, --script and --trace" --batch --pages 1 --trace t
bad_usage "--json works only with --batch" --pages 1 --json
bad_usage "--events works only with --batch" --pages 1 --events
bad_usage "--quiet prints the summary alone; it cannot go with --events" --batch --pages 1 --quiet --events
bad_usage "--trace-format needs --trace" --batch --pages 1 --trace-format addr
bad_usage "--ascii is for the UI; it does nothing with --batch" --batch --pages 1 --ascii
bad_usage "--script -: the UI reads the keyboard from standard input; give a file" --script -
bad_usage "--frames cannot change the machine of a session or lesson (it has its own)" s.json --frames 2
bad_usage "--check cannot be combined with --batch" --batch --check a.json
bad_usage "--check needs at least one session FILE" --check
bad_usage "expected at most one session FILE, found \"b.json\"" a.json b.json

# Sessions and lessons reach their own code: --check, --batch FILE.json,
# --lesson, --list-lessons.
printf 'not json\n' > "$tmp/bad.json"
run 1 "--check of a bad file" --check "$tmp/bad.json"
grep -q "^$tmp/bad.json: ." "$tmp/out" || fail "--check: no problem printed: $(cat "$tmp/out")"
run 1 "--batch of a bad session" --batch "$tmp/bad.json"
grep -q "^vmscope: .*bad.json" "$tmp/err" || fail "--batch bad session: $(cat "$tmp/err")"
run 1 "unknown lesson" --batch --lesson no-such-lesson
echo "vmscope: no lesson called 'no-such-lesson' (vmscope --list-lessons lists them)" > "$tmp/want"
same "unknown lesson message" "$tmp/want" "$tmp/err"
lessons=${VMSCOPE_DATADIR:-}/lessons
if [ -n "${VMSCOPE_DATADIR:-}" ] && ls "$lessons"/*.json > /dev/null 2>&1; then
	first=$(ls "$lessons"/*.json | head -n 1)
	run 0 "--check of a lesson" --check "$first"
	echo "$first: ok" > "$tmp/want"
	same "--check of a lesson" "$tmp/want" "$tmp/out"
	run 0 "--list-lessons" --list-lessons
	[ "$(wc -l < "$tmp/out")" -eq "$(ls "$lessons"/*.json | wc -l)" ] ||
		fail "--list-lessons: one line a lesson: $(cat "$tmp/out")"
	name=$(basename "$first" .json)
	run 0 "--batch --lesson" --batch --lesson "$name" --json --quiet
	run 0 "--batch FILE.json" --batch "$first" --json --quiet
	cp "$tmp/out" "$tmp/by-file"
	"$VMSCOPE" --batch --lesson "$name" --json --quiet > "$tmp/out"
	same "a lesson by name and by file" "$tmp/by-file" "$tmp/out"
else
	echo "skip: no lessons in VMSCOPE_DATADIR"
fi

# A script's bad line is echoed escaped: no terminal escape reaches stderr.
printf 'r 0x0\n\033[2J\033]2;PWNED\007\n' > "$tmp/escapes"
run 1 "escapes in a script" --batch --script "$tmp/escapes"
printf '%s\n' "vmscope: $tmp/escapes:2: unknown command \"\\x1b[2J\\x1b]2;PWNED\\x07\" at column 1 (expected r, w, x, spawn, switch, exit, map, unmap, limit, tlb flush, fork, share, cgroup or hugemap)" > "$tmp/want"
same "escapes in a script" "$tmp/want" "$tmp/err"

# A full disk: said once, and the run stops at once.
if [ -w /dev/full ]; then
	yes 'r 0x0' | head -n 100000 | "$VMSCOPE" --batch --script - > /dev/full 2> "$tmp/err"
	status=$?
	[ "$status" -eq 1 ] || fail "/dev/full: exit status $status, wanted 1"
	echo "vmscope: cannot write the output: No space left on device" > "$tmp/want"
	same "/dev/full" "$tmp/want" "$tmp/err"
fi

# --help and --version: stdout, status 0.
run 0 "--help" --help
for want in 'Usage: vmscope' '^UI:' '^Batch' '^Machine' '^Sessions' '--frames N' \
    '--batch\[=FILE.json\]' '--trace-format FMT' '--check' '-h, --help' 'Examples:'; do
	grep -q -e "$want" "$tmp/out" || fail "--help lacks $want"
done
# No bug-report address: none has been set up, so none may be named.
! grep -q -e 'Report bugs' -e 'https\?://' "$tmp/out" || fail "--help names an address"
run 0 "--version" --version
grep -q '^vmscope [0-9][0-9.]*$' "$tmp/out" || fail "--version: $(cat "$tmp/out")"

finish
