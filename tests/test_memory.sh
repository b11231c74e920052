#!/bin/sh
# test_memory.sh - memory follows what a session uses, never what it is
# allowed: with swap_slots at its maximum (2^24), a one-access batch run,
# a batch run that fills 20,000 slots and the check of a 5,000-operation
# session (which replays through the history's checkpoints) each fit in a
# 64 MB address space.  Until swap was stored only up to the slots used,
# every machine and checkpoint held 2^24 slots (256 MB) each.
#
# Skipped (status 77) where the limit cannot be set or the program cannot
# run under it at all (sanitizer builds reserve terabytes of shadow).
set -u
. "$(dirname "$0")/cli_harness.sh"
trap 'exit 1' INT TERM HUP PIPE
LIMIT_KB=65536

# limited ARGS...: vmscope ARGS in a 64 MB address space, output to $tmp/out.
limited() {
	(ulimit -v "$LIMIT_KB" && exec "$VMSCOPE" "$@") > "$tmp/out" 2> "$tmp/err"
}

if ! limited --version; then
	echo "skip: vmscope cannot run in a $LIMIT_KB KB address space here"
	exit 77
fi

# fits WHAT ARGS...: vmscope ARGS succeeds within the limit.
fits() {
	what=$1
	shift
	limited "$@" || fail "$what: exit $? in $LIMIT_KB KB: $(head -c 300 "$tmp/err")"
}

fits "one access, 2^24 slots" --batch --quiet --swap-slots 16777216 --pages 1
grep -q '^faults: *1 ' "$tmp/out" || fail "one access: $(cat "$tmp/out")"

# 20,001 pages written in turn through 1 frame: 20,000 of them go to swap.
awk 'BEGIN { for (i = 0; i <= 20000; i++) print "w 0x" sprintf("%x", i * 4096) }' \
	> "$tmp/writes"
fits "20,000 slots used of 2^24" --batch --quiet --swap-slots 16777216 --frames 1 \
	--va-bits 32 --tlb 0 --script "$tmp/writes"
grep -q '^write-backs: *20000$' "$tmp/out" || fail "20,000 slots: $(cat "$tmp/out")"

# A 5,000-operation session with 2^24 slots: --check replays it all.
awk 'BEGIN {
	printf "{\"vmscope\": 1, \"machine\": {\"swap_slots\": 16777216, \"frames\": 4},\n"
	printf " \"processes\": [{\"pid\": 1, \"name\": \"a\", \"map\": [{\"addr\": \"0x0\", "
	printf "\"pages\": 16, \"perm\": \"rw\"}]}],\n \"ops\": [\"w 0x0\""
	for (i = 1; i < 5000; i++)
		printf ", \"%s 0x%x\"", (i % 2 ? "r" : "w"), (i * 7 % 16) * 4096
	printf "]}\n"
}' > "$tmp/session.json"
fits "--check of 5,000 operations with 2^24 slots" --check "$tmp/session.json"
grep -q ': ok$' "$tmp/out" || fail "--check: $(cat "$tmp/out")"

finish
