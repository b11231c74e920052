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

# A run that would hang (a FIFO waited on) is cut short where timeout exists.
cut_short=$(command -v timeout > /dev/null 2>&1 && echo "timeout 10" || echo)

# check WANT_STATUS WANT_FILE ARGS...: runs --check in tests/bad
check() {
	want_status=$1 want=$2
	shift 2
	(cd "$TEST_SRCDIR/bad" && $cut_short "$VMSCOPE" --check "$@") > "$tmp/out" 2> "$tmp/err"
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
# A FIFO with no writer is refused at once, never waited on; so is a device.
truncate -s 100M "$tmp/huge.json"
mkdir "$tmp/folder.json"
mkfifo "$tmp/fifo.json"
printf '%s\n' "$tmp/huge.json: larger than 16 MiB, the most a session file may be" \
    "$tmp/folder.json: is a folder; expected a session file (.json)" \
    "$tmp/missing.json: cannot read: No such file or directory" \
    "$tmp/fifo.json: is a FIFO, not a regular file; expected a session file (.json)" \
    "/dev/null: is a device, not a regular file; expected a session file (.json)" \
    > "$tmp/refused"
check 1 "$tmp/refused" "$tmp/huge.json" "$tmp/folder.json" \
    "$tmp/missing.json" "$tmp/fifo.json" /dev/null

# --list-lessons: a FIFO among the lessons is listed without waiting.
mkdir -p "$tmp/data/lessons"
cp "$VMSCOPE_DATADIR/lessons/01-two-apps.json" "$tmp/data/lessons/"
mkfifo "$tmp/data/lessons/02-stuck.json"
VMSCOPE_DATADIR="$tmp/data" $cut_short "$VMSCOPE" --list-lessons > "$tmp/out" 2>&1
got=$?
[ "$got" -eq 0 ] || fail "--list-lessons with a FIFO: exit $got"
grep -q '^02-stuck  *(not a readable lesson)$' "$tmp/out" ||
	fail "--list-lessons with a FIFO: $(cat "$tmp/out")"

# Every lesson is a good session.
for f in "$VMSCOPE_DATADIR"/lessons/*.json; do
	echo "$f: ok"
done > "$tmp/lessons"
check 0 "$tmp/lessons" "$VMSCOPE_DATADIR"/lessons/*.json

exit $status
