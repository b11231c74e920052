#!/bin/sh
# test_ostep.sh - page-list runs agree with OSTEP's paging-policy.py access
# by access: hit or miss, and for fifo, lru and mru the page replaced.  The
# golden answers are in tests/ostep (see its README).
#
# Environment (make check sets them): VMSCOPE, the program; TEST_SRCDIR,
# the tests folder.
set -u
: "${VMSCOPE:?path of src/vmscope}" "${TEST_SRCDIR:?path of the tests folder}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_ostep.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0 runs=0

for golden in "$TEST_SRCDIR"/ostep/*.txt; do
	pages=$(sed -n 's/^# pages //p' "$golden")
	policy=$(sed -n 's/^# policy //p' "$golden")
	frames=$(sed -n 's/^# frames //p' "$golden")
	runs=$((runs + 1))
	if ! "$VMSCOPE" --batch --pages "$pages" --frames "$frames" --policy "$policy" \
	    --tlb 0 > "$tmp/out" 2> "$tmp/err"; then
		echo "FAIL: $golden: vmscope failed: $(cat "$tmp/err")"
		failures=$((failures + 1))
		continue
	fi
	# OSTEP's page numbers as vmscope prints them: VPNs and victims in hex.
	awk -v opt="$policy" '!/^#/ && NF {
		victim = $3 == "-" ? "-" : sprintf("1:0x%x", $3)
		print sprintf("0x%x", $1), $2, (opt == "opt" ? "" : victim)
	}' "$golden" > "$tmp/want"
	awk -v opt="$policy" '/^#/ { next } NF == 0 { exit } {
		print $5, ($7 == "hit" ? "HIT" : $7 == "fault" ? "MISS" : $7),
		    (opt == "opt" ? "" : $9)
	}' "$tmp/out" > "$tmp/got"
	if cmp -s "$tmp/want" "$tmp/got"; then
		echo "ok: $(basename "$golden")"
	else
		echo "FAIL: $(basename "$golden") (< OSTEP, > vmscope)"
		diff "$tmp/want" "$tmp/got" | head -20
		failures=$((failures + 1))
	fi
done

[ "$runs" -gt 0 ] || { echo "FAIL: no golden files in $TEST_SRCDIR/ostep"; exit 1; }
[ "$failures" -eq 0 ] || { echo "$failures of $runs runs disagree"; exit 1; }
echo "all $runs runs agree"
