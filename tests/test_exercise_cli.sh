#!/bin/sh
# test_exercise_cli.sh - vmscope --exercise and --grade end to end: whole
# answer sheets fixed per seed (tests/exercise/), every kind's --answers
# graded full marks over several seeds and with --count, one wrong answer
# reported alone with the right one and its reason, blank sheets, sheets
# that cannot be read (exit 3, with their line), and usage errors (exit 2).
# The answers themselves are checked by brute force in test_exercise.c.
#
# Environment (make check sets them): VMSCOPE, the program; TEST_SRCDIR,
# the tests folder.
set -u
: "${VMSCOPE:?path of src/vmscope}" "${TEST_SRCDIR:?path of the tests folder}"

. "$(dirname "$0")/cli_harness.sh"
kinds="bits split translate multilevel tlb eat policy working-set snapshot cow"

# The same seed, the same sheet: problems and answers fixed per seed.
for k in $kinds; do
	run 0 "--exercise $k --seed 3 --answers" --exercise "$k" --seed 3 --answers
	same "$k seed 3 as in tests/exercise" "$TEST_SRCDIR/exercise/$k-seed3.sheet" "$tmp/out"
done
run 0 "a student's own reference string" --exercise policy --answers \
    --pages 7,0,1,2,0,3,0,4,2,3,0,3,2 --frames 3 --policy lru
same "own reference string" "$TEST_SRCDIR/exercise/policy-lru-own.sheet" "$tmp/out"
run 0 "Tanenbaum's snapshot" --exercise snapshot --answers \
    --snapshot 0:126:280:1:0,1:230:265:0:1,2:140:270:0:0,3:110:285:1:1
same "Tanenbaum's snapshot" "$TEST_SRCDIR/exercise/snapshot-tanenbaum.sheet" "$tmp/out"

# --answers graded is full marks, for every kind and several seeds at once.
for k in $kinds; do
	"$VMSCOPE" --exercise "$k" --seed 11 --count 4 --answers > "$tmp/sheet"
	run 0 "$k --answers graded" --grade "$tmp/sheet"
	n=$(grep -c ': exercise .*: \([0-9]*\) of \1 right$' "$tmp/out")
	[ "$n" -eq 4 ] || fail "$k: $n of 4 sheets full marks: $(cat "$tmp/out")"
done

# wrong KIND LINE-PATTERN VALUE EXPECTED: one answer of the seed-3 sheet
# made wrong is reported alone, with its line, right answer and reason.
wrong() {
	sed "s/^\($2\): .*/\1: $3/" "$TEST_SRCDIR/exercise/$1-seed3.sheet" > "$tmp/wrong"
	run 1 "$1: one wrong answer" --grade "$tmp/wrong"
	line=$(grep -n "^$2: " "$tmp/wrong" | cut -d: -f1)
	printf '%s\n' "$tmp/wrong: $4" "  line $line: $5" > "$tmp/want"
	same "$1: the one wrong answer and why" "$tmp/want" "$tmp/out"
}
wrong bits "vpn bits" 5 "exercise bits, seed 3: 6 of 7 right" \
    "vpn bits: 22, not 5: the other 32 - 10 = 22 high bits of the address pick the page"
wrong split "533 offset" 0x21 "exercise split, seed 3: 7 of 8 right" \
    "533 offset: 21, not 0x21: pid 1 reads 0x215 = VPN 0x2 | offset 0x15: the top 4 bits pick the page, the low 8 bits the byte in it"
wrong translate "va 0x2d71" 0x2d71 "exercise translate, seed 3: 4 of 5 right" \
    "va 0x2d71: invalid, not 0x2d71: 0x2d71 = VPN 11 + offset 0x171; entry 11 is not valid, so the access is refused (a segmentation fault)"
wrong multilevel "va 0x5469 pa" 0x18a "exercise multilevel, seed 3: 19 of 20 right" \
    "va 0x5469 pa: 0x189, not 0x18a: level 1 of 2: entry 0x15 of pid 1's top table: present, the next table is in frame 2; level 2 of 2: entry 0x3 of the table in frame 2: the MMU finds present = 1 in PTE 0x2a3 of pid 1: the page is in frame 12 (rw); read of 0x5469 reaches frame 12 at physical 0x189; R set"
wrong tlb "step 5 (page 3)" miss "exercise tlb, seed 3: 13 of 14 right" \
    "step 5 (page 3): hit, not miss: the TLB holds 2 and 3: page 3 is there, a hit"
wrong eat "eat" 295.5 "exercise eat, seed 3: 2 of 3 right" \
    "eat: 295.00, not 295.5: 92.20 ns + 13/1000000 x 15600000 ns = 295.00 ns"
wrong policy "step 6 victim" 0 "exercise policy, seed 3: 36 of 37 right" \
    "step 6 victim: 6, not 0: no frame is free: lru evicts page 6 from frame 0, least recently used: last used at step 1; page 0 was last used at step 2"
wrong snapshot "nru victim" 1 "exercise snapshot, seed 3: 3 of 4 right" \
    "nru victim: 3, not 1: nru evicts page 3 from frame 0, lowest class: 0 (R = 0, D = 0), the lowest frame of its class; page 1 is in class 2 (R = 1, M = 0), in frame 3"
wrong cow "step 6 counts" "2 3 1 1 - -" "exercise cow, seed 3: 14 of 15 right" \
    "step 6 counts: 2 2 1 1 - -, not 2 3 1 1 - -: frame 0: pids 1, 3 (page 0x0); frame 1: pids 2, 3 (page 0x1); frame 2: pid 2 (page 0x0); frame 3: pid 1 (page 0x1)"
wrong working-set "W(10)" "0 2" "exercise working-set, seed 3: 2 of 3 right" \
    "W(10): 0 2 4, not 0 2: references 8..10 are 0 2 4; the distinct pages among them: 0 2 4"
# The same for a table given: one wrong answer, and why the page given is not it.
sed 's/^second-chance victim: .*/second-chance victim: 3/' \
    "$TEST_SRCDIR/exercise/snapshot-tanenbaum.sheet" > "$tmp/wrong"
run 1 "snapshot: one wrong answer" --grade "$tmp/wrong"
printf '%s\n' "$tmp/wrong: exercise snapshot, seed 1: 3 of 4 right" \
    "  line 30: second-chance victim: 2, not 3: second-chance evicts page 2 from frame 2, oldest in the queue with R clear: loaded at step 140 (2 second chances given on the way); page 3 has R = 1: it gets a second chance" > "$tmp/want"
same "snapshot: the one wrong answer and why" "$tmp/want" "$tmp/out"

# Right answers written otherwise are right: another base, 2^N, commas.
sed -e 's/^number of pages: 4194304$/number of pages: 2^22/' -e 's/^offset bits: 10$/offset bits: 0xa/' \
    "$TEST_SRCDIR/exercise/bits-seed3.sheet" > "$tmp/other"
run 0 "answers in another notation" --grade "$tmp/other"
sed -e 's/^\(step [0-9]* frames\): \(.*\) \(.*\) \(.*\) \(.*\)$/\1: \2,\3,\4,\5/' \
    -e 's/^\(step [0-9]* victim\): -$/\1: none/' \
    "$TEST_SRCDIR/exercise/policy-seed3.sheet" > "$tmp/other"
run 0 "lists with commas, none for -" --grade "$tmp/other"

# A blank sheet: every answer wrong, each with the right one.
"$VMSCOPE" --exercise tlb --seed 3 --blank > "$tmp/blank"
grep -q '^step 1 (page [0-9]*):$' "$tmp/blank" || fail "--blank: the answer lines are empty"
run 1 "a blank sheet" --grade "$tmp/blank"
grep -q ': exercise tlb, seed 3: 0 of 14 right$' "$tmp/out" || fail "blank: $(head -1 "$tmp/out")"
[ "$(grep -c ', not answered: ' "$tmp/out")" -eq 14 ] || fail "blank: 14 unanswered"

# A sheet written by hand: the header alone makes the exercise again.
printf 'exercise: policy\nseed: 3\nstep 6 victim: 6\n' > "$tmp/hand"
run 1 "a hand-written sheet" --grade "$tmp/hand"
grep -q ': exercise policy, seed 3: 1 of 37 right$' "$tmp/out" || fail "hand: $(head -1 "$tmp/out")"

# A policy's tick or tau is stated where it decides the answers, and the
# grader reads it back: the same answers under another tick are not right.
run 0 "nru with --tick" --exercise policy --policy nru --tick 3 --seed 4 --answers
cp "$tmp/out" "$tmp/nru"
grep -q '^tick: 3$' "$tmp/nru" || fail "nru sheet: no tick: 3 line"
grep -q '^# A clock tick comes every 3 accesses (tick = 3), after the access:$' "$tmp/nru" ||
	fail "nru sheet: the problem does not state the tick"
run 0 "nru sheet with its tick graded" --grade "$tmp/nru"
sed 's/^tick: 3$/tick: 1/' "$tmp/nru" > "$tmp/other"
run 1 "nru sheet graded under another tick" --grade "$tmp/other"
run 0 "wsclock with --tau" --exercise policy --policy wsclock --tau 2 --seed 4 --blank
grep -q '^tau: 2$' "$tmp/out" || fail "wsclock sheet: no tau: 2 line"
run 0 "fifo with --tick" --exercise policy --policy fifo --tick 3 --seed 4 --blank
grep -q -e '^tick:' -e '^tau:' "$tmp/out" && fail "fifo sheet states a tick or tau it ignores"

# unreadable NAME LINE-TEXT MESSAGE: a sheet that cannot be read ends with
# status 3 and one message naming its line.
unreadable() {
	printf "$2" > "$tmp/bad"
	run 3 "unreadable: $1" --grade "$tmp/bad"
	[ "$(cat "$tmp/err")" = "vmscope: $tmp/bad:$3" ] ||
		fail "unreadable $1: $(cat "$tmp/err"), wanted $3"
	[ -s "$tmp/out" ] && fail "unreadable $1: printed a score"
}
unreadable "no exercise line" '# nothing\n\n' \
    '2: no "exercise: KIND" line: not an answer sheet'
unreadable "an answer first" 'seed: 3\n' '1: expected "exercise: KIND" before anything else'
unreadable "unknown kind" '# x\nexercise: paging\n' \
    '2: unknown exercise "paging" (expected bits, split, translate, multilevel, tlb, eat, policy, working-set, snapshot, cow)'
unreadable "no colon" 'exercise: bits\nseed: 3\npages 12\n' '3: expected KEY: VALUE, found "pages 12"'
unreadable "bad seed" 'exercise: bits\nseed: -1\n' \
    '2: seed: expected a number (decimal, 0x hex or 0b binary) of at most 18446744073709551615'
unreadable "a parameter the kind lacks" 'exercise: bits\nframes: 3\n' '2: exercise bits has no frames'
unreadable "unknown policy" 'exercise: policy\npolicy: lifo\n' \
    "2: policy: unknown policy \"lifo\" (expected $("$VMSCOPE" --policy lifo 2>&1 | sed -n 's/.*(expected \(.*\))$/\1/p'))"
unreadable "bad pages" 'exercise: policy\npages: 1,,2\n' \
    '2: pages: item 2 is not a page number (decimal, 0x hex or 0b binary, at most 65535)'
unreadable "unknown question" 'exercise: bits\nseed: 3\n\nvpn bit: 22\n' \
    '4: exercise bits, seed 3 has no question "vpn bit"'
unreadable "answered twice" 'exercise: bits\npages: 4\n' '2: exercise bits has no pages'
unreadable "answered twice" 'exercise: bits\nvpn bits: 4\n# again\nvpn bits: 5\n' \
    '4: vpn bits is answered twice (first on line 2)'
unreadable "header after answers" 'exercise: bits\nvpn bits: 4\nseed: 3\n' \
    '3: seed: the header (exercise, seed, parameters) must come before the answers'
unreadable "a page size not a power of two" 'exercise: bits\npage-size: 3000\nvpn bits: 4\n' \
    "2: page-size: expected a power of two from 16 to 65536, found 3000"
unreadable "a page size too small" 'exercise: split\nseed: 1\npage-size: 8\n' \
    "3: page-size: expected a power of two from 16 to 65536, found 8"
unreadable "a machine that cannot be" 'exercise: bits\npage-size: 4096\nva-bits: 8\nvpn bits: 4\n' \
    "4: the sheet's exercise cannot be made: va_bits: 8 is out of range 12..64"
unreadable "a bad snapshot" 'exercise: snapshot\nseed: 3\nsnapshot: 0:1:2:1:0,1:5:6:0:2\n' \
    '3: snapshot: item 2 is not PAGE:LOADED:LAST:R:M (page at most 255, steps at most 9999, R and M 0 or 1)'
unreadable "a snapshot for another kind" 'exercise: policy\nsnapshot: 0:1:2:1:0,1:5:6:0:0\n' \
    '2: exercise policy has no snapshot'
unreadable "a cow sheet with a parameter" 'exercise: cow\nseed: 2\nframes: 3\n' \
    '3: exercise cow has no frames'
unreadable "a cow step that is not asked" 'exercise: cow\nseed: 2\nstep 8 copies: 0\n' \
    '3: exercise cow, seed 2 has no question "step 8 copies"'
unreadable "a NUL byte" 'exercise: bits\nseed: 3\0\n' '2: a NUL byte: not a text file'
run 3 "a missing sheet" --grade "$tmp/nothing-here"
[ "$(cat "$tmp/err")" = "vmscope: $tmp/nothing-here: No such file or directory" ] ||
	fail "missing sheet: $(cat "$tmp/err")"

# Usage errors (cli_harness.sh's usage).
usage "unknown kind" '--exercise: unknown kind "paging" (expected bits, split, translate, multilevel, tlb, eat, policy, working-set, snapshot, cow)' \
    --exercise paging
usage "an option the kind does not read" "--frames does nothing for --exercise bits" \
    --exercise bits --frames 3
usage "two outputs" "give only one of --answers, --blank, --json and --export" \
    --exercise bits --answers --blank
usage "--answers alone" "--answers works only with --exercise" --answers
usage "--count 0" "--count: 0 is out of range 1..1000" --exercise bits --count 0
usage "bad --pages" "--pages: item 1 is not a page number (decimal, 0x hex or 0b binary, at most 65535)" \
    --exercise policy --pages x
usage "--grade with options" "--seed cannot be combined with --grade (the sheet names its exercise)" \
    --grade x --seed 3
usage "--exercise with a FILE" '--exercise takes no FILE, found "x.json"' --exercise bits x.json

# --json: the same exercise as data.
run 0 "--json" --exercise working-set --seed 3 --json
tr -d ' \n' < "$tmp/out" > "$tmp/flat"
grep -q '^{"exercises":\[{"exercise":"working-set","seed":3,"parameters":{"tau":"3","pages":"3,5,1,4,5,3,5,0,2,4,5,1"},"problem":\["Aprocess' "$tmp/flat" ||
	fail "--json: $(head -c 200 "$tmp/flat")"
grep -q '{"id":"W(10)","answer":"024","reason":"references8..10are024;thedistinctpagesamongthem:024"}' "$tmp/flat" ||
	fail "--json: the answer to W(10): $(cat "$tmp/out")"

# --export gift: a Moodle quiz, one question a line.  With every \X
# escape removed, a question must show GIFT's special characters only
# where they build it: ::title::[html]text{=answer#feedback ...}.
for k in $kinds; do
	run 0 "--export gift $k" --exercise "$k" --seed 5 --count 3 --export gift "$tmp/quiz.gift"
	[ -s "$tmp/out" ] && fail "--export gift $k: printed to standard output"
	questions=$("$VMSCOPE" --exercise "$k" --seed 5 --count 3 --json | grep -c '"id"')
	[ "$(grep -c '^::' "$tmp/quiz.gift")" -eq "$questions" ] ||
		fail "--export gift $k: not $questions questions"
	plain='[^~=#{}:\\]*'
	bad=$(grep -v -e '^//' -e '^$' "$tmp/quiz.gift" | sed 's/\\.//g' |
	      grep -v -x "::$plain::\\[html\\]$plain{\\(=$plain#$plain\\)\\{1,\\}}" |
	      grep -v -x "::$plain::\\[html\\]$plain{#[0-9.]*:[0-9.]*#$plain}" | head -1)
	[ -z "$bad" ] || fail "--export gift $k: not GIFT: $bad"
done
"$VMSCOPE" --exercise policy --seed 3 --export gift "$tmp/quiz.gift"
grep -q '^::policy seed 3\\: step 6 victim::\[html\]<pre>4 frames, empty at first, .*</pre><p>step 6 victim?</p>{=6#no frame is free\\: lru evicts page 6 from frame 0, least recently used\\: last used at step 1 =0x6#' "$tmp/quiz.gift" ||
	fail "--export gift: the answer and its feedback"
run 1 "--export to a folder that is not there" \
    --exercise bits --export gift "$tmp/no/such/quiz.gift"
case $(cat "$tmp/err") in
"vmscope: $tmp/no/such/quiz.gift: cannot write: cannot create a file in $tmp/no/such: No such file or directory") ;;
*) fail "--export: $(cat "$tmp/err")" ;;
esac
usage "--export without a FILE" "--export gift needs the FILE to write right after it" \
    --exercise bits --export gift
usage "--export md" '--export: expected gift, found "md"' --exercise bits --export md x

finish
