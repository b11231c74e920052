#!/bin/sh
# test_check.sh - `vmscope --check` end to end: each file of tests/bad/
# gives exactly the problems in its .expected file (every problem, each
# with its JSON path, the file name in front) and exit status 1, or
# "FILE: ok" and 0; folders, huge, missing files and every lesson too.
set -u
: "${VMSCOPE:?}" "${TEST_SRCDIR:?}" "${VMSCOPE_DATADIR:?}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vmscope-check-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP PIPE
status=0

fail() {
	echo "FAIL: $*"
	status=1
}

# check WANT_STATUS WANT_FILE ARGS...: runs --check in tests/bad
check() {
	want_status=$1 want=$2
	shift 2
	(cd "$TEST_SRCDIR/bad" && "$VMSCOPE" --check "$@") > "$tmp/out" 2> "$tmp/err"
	got=$?
	[ "$got" -eq "$want_status" ] || fail "--check $*: exit $got, expected $want_status"
	[ -s "$tmp/err" ] && fail "--check $*: wrote to stderr: $(cat "$tmp/err")"
	cmp -s "$want" "$tmp/out" || { fail "--check $*"; diff -u "$want" "$tmp/out"; }
}

for f in "$TEST_SRCDIR"/bad/*.json; do
	name=$(basename "$f" .json)
	want="$TEST_SRCDIR/bad/$name.expected"
	[ -f "$want" ] || { fail "$name.json has no $name.expected"; continue; }
	if grep -q ': ok$' "$want"; then code=0; else code=1; fi
	check $code "$want" "$name.json"
done

# Several files: each one's problems in order, and 1 if any is bad.
cat "$TEST_SRCDIR/bad/bom.expected" "$TEST_SRCDIR/bad/page-size.expected" \
    "$TEST_SRCDIR/bad/frames-zero.expected" > "$tmp/several"
check 1 "$tmp/several" bom.json page-size.json frames-zero.json

# Files that are refused as a whole.
truncate -s 100M "$tmp/huge.json"
mkdir "$tmp/folder.json"
printf '%s\n' "$tmp/huge.json: larger than 16 MiB, the most a session file may be" \
    "$tmp/folder.json: is a folder; expected a session file (.json)" \
    "$tmp/missing.json: cannot read: No such file or directory" > "$tmp/refused"
check 1 "$tmp/refused" "$tmp/huge.json" "$tmp/folder.json" "$tmp/missing.json"

# Every lesson is a good session.
for f in "$VMSCOPE_DATADIR"/lessons/*.json; do
	echo "$f: ok"
done > "$tmp/lessons"
check 0 "$tmp/lessons" "$VMSCOPE_DATADIR"/lessons/*.json

exit $status
