#!/bin/sh
# test_docs.sh - what the program says about itself agrees with the manual:
# every option --help lists is in the man page's OPTIONS, with the same
# short form, and the other way round; --help and --version exit 0; an
# unknown option or a missing argument exits 2 with one line and a hint.
vmscope="${VMSCOPE:?}"
man="${TEST_SRCDIR:?}/../man/vmscope.1"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_docs.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() {
	echo "FAIL: $*"
	failed=$((failed + 1))
}

# help_options: "--long -s" (or "--long") for each option line of --help,
# a line that starts with blanks and then "-x, --long" or "--long".
help_options() {
	sed -n 's/^[[:space:]]\{1,\}\(-[[:alnum:]], \)\{0,1\}\(--[[:alnum:]][[:alnum:]-]*\).*/\2 \1/p' \
	    "$tmp/help" | sed 's/, $//; s/ $//' | sort -u
}

# man_options: the same from the ".It Fl" lines of the OPTIONS section.
man_options() {
	sed -n '/^\.Sh OPTIONS/,/^\.Sh /p' "$man" | grep '^\.It Fl' |
	    sed 's/^\.It //; s/ , / /g' |
	    awk '{ long = ""; short = ""
		for (i = 1; i < NF; i++)
			if ($i == "Fl" && $(i + 1) ~ /^-/)
				long = "-" $(i + 1)
			else if ($i == "Fl")
				short = "-" $(i + 1)
		print short == "" ? long : long " " short }' | sort -u
}

# usage_error NAME WORD ARGS...: exit 2, nothing on stdout, at most two
# lines on stderr (the problem and a hint) that contain WORD and --help.
usage_error() {
	name=$1
	word=$2
	shift 2
	"$vmscope" "$@" > "$tmp/out" 2> "$tmp/err"
	status=$?
	[ "$status" -eq 2 ] || fail "$name: exit status $status, expected 2"
	[ ! -s "$tmp/out" ] || fail "$name: wrote to standard output"
	lines=$(wc -l < "$tmp/err")
	[ "$lines" -ge 1 ] && [ "$lines" -le 2 ] ||
	    fail "$name: $lines lines on standard error, expected one and a hint"
	grep -q -e '--help' "$tmp/err" || fail "$name: no hint to --help"
	grep -q -e "$word" "$tmp/err" || fail "$name: the message does not say '$word'"
	sed 's/^/  stderr: /' "$tmp/err"
}

"$vmscope" --help > "$tmp/help" 2> "$tmp/err" || fail "--help exited $?"
[ ! -s "$tmp/err" ] || fail "--help wrote to standard error"
[ -s "$tmp/help" ] || fail "--help printed nothing"
"$vmscope" --version > "$tmp/version" || fail "--version exited $?"
grep -q '^vmscope [0-9]' "$tmp/version" ||
    fail "--version does not start with 'vmscope VERSION': $(head -n 1 "$tmp/version")"

help_options > "$tmp/from-help"
man_options > "$tmp/from-man"
[ -s "$tmp/from-help" ] || fail "found no options in --help"
[ -s "$tmp/from-man" ] || fail "found no options in the man page's OPTIONS"
if ! diff -u "$tmp/from-help" "$tmp/from-man" > "$tmp/diff"; then
	fail "--help (-) and the man page's OPTIONS (+) list different options:"
	sed -n '3,$p' "$tmp/diff" | grep '^[-+]'
fi
echo "options in --help and in the man page: $(wc -l < "$tmp/from-help")"

usage_error "an unknown option" --no-such-option --no-such-option
usage_error "a missing argument" argument --frames

[ "$failed" -eq 0 ]
