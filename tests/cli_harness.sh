# cli_harness.sh - what the command-line tests share, sourced by them
# (. "$(dirname "$0")/cli_harness.sh"): a scratch folder $tmp, removed on
# exit; fail, which counts a failure; same, which compares two files; run,
# which runs vmscope and checks its exit status; finish, which reports and
# exits.  sh has no local variables: the run_* names are run's own.
: "${VMSCOPE:?path of src/vmscope}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$(basename "$0" .sh).XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
failures=0

fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# same NAME EXPECTED-FILE ACTUAL-FILE
same() {
	if cmp -s "$2" "$3"; then
		echo "ok: $1"
	else
		fail "$1"
		diff -u "$2" "$3" | head -40
	fi
}

# run STATUS NAME ARGS...: vmscope ARGS into $tmp/out and $tmp/err, and
# its exit status checked.
run() {
	run_want=$1 run_name=$2
	shift 2
	"$VMSCOPE" "$@" > "$tmp/out" 2> "$tmp/err"
	run_got=$?
	if [ "$run_got" -ne "$run_want" ]; then
		fail "$run_name: exit status $run_got, wanted $run_want: $(cat "$tmp/err")"
	else
		echo "ok: $run_name"
	fi
}

# finish: the verdict and the exit status.
finish() {
	[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
	echo "all passed"
	exit 0
}
