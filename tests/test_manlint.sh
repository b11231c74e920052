#!/bin/sh
# test_manlint.sh - the manual passes mandoc's and groff's checks with
# nothing to say, and no rendered line is wider than 80 columns.
# Skips (77) when neither mandoc nor groff is installed.
man="${TEST_SRCDIR:?}/../man/vmscope.1"
checked=0
failed=0

# check NAME CMD...: runs a checker; any output or a non-zero status fails.
check() {
	name=$1
	shift
	out=$("$@" 2>&1)
	status=$?
	checked=$((checked + 1))
	if [ "$status" -ne 0 ] || [ -n "$out" ]; then
		echo "FAIL: $name (status $status):"
		echo "$out"
		failed=$((failed + 1))
	else
		echo "ok: $name"
	fi
}

# wide: prints the lines of the 80-column rendering that are wider than that.
wide() {
	mandoc -Tascii -O width=80 "$man" | sed 's/.\x08//g' |
		awk 'length > 80 { print length ": " $0 }'
}

if command -v mandoc > /dev/null 2>&1; then
	check "mandoc -Tlint -W warning" mandoc -Tlint -W warning "$man"
	check "rendered at 80 columns, no line wider" wide
fi
if command -v groff > /dev/null 2>&1; then
	check "groff -mandoc -ww -z" groff -mandoc -ww -z "$man"
fi
if [ "$checked" -eq 0 ]; then
	echo "SKIP: neither mandoc nor groff is installed"
	exit 77
fi
[ "$failed" -eq 0 ]
