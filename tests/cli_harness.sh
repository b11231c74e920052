# cli_harness.sh - what the command-line tests share, sourced by them
# (. "$(dirname "$0")/cli_harness.sh"): a scratch folder $tmp, removed on
# exit; fail, which counts a failure; same, which compares two files; run,
# which runs vmscope and checks its exit status; usage, which checks a
# usage error; finish, which reports and exits.  sh has no local
# variables: the run_* and usage_* names are run's and usage's own.
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

# usage NAME MESSAGE ARGS...: vmscope ARGS is a usage error: exit status
# 2, nothing on standard output, on standard error "vmscope: MESSAGE" and
# the hint to --help, nothing else.
usage() {
	usage_name=$1 usage_msg=$2
	shift 2
	run 2 "usage: $usage_name" "$@"
	printf 'vmscope: %s\nTry '\''vmscope --help'\'' for more information.\n' \
		"$usage_msg" > "$tmp/want"
	same "usage: $usage_name: the message" "$tmp/want" "$tmp/err"
	[ -s "$tmp/out" ] && fail "usage: $usage_name: wrote to standard output"
}

# finish: the verdict and the exit status.
finish() {
	[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
	echo "all passed"
	exit 0
}
