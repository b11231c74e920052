#!/bin/sh
# test_docs.sh - what the program says about itself agrees with the manual:
# every option --help lists is in the man page's OPTIONS, with the same
# short form, and the other way round; every key of the UI's key table
# (ui/keys.h) is in the man page's KEYS and on the `?` help screen, with
# its help text; --help and --version exit 0; an unknown option or a
# missing argument exits 2 with one line and a hint; the README's batch
# examples print what the README shows; the man page's POLICIES list the
# policy table's names (as --help gives them) and quote the "Rules:"
# comment of each one's src/policy_NAME.c; --ascii gives the ASCII ramp of
# the thrashing view's bars that ui/glyph.c draws.  The help screen part needs tmux
# (TMUX_BIN) and is left out without it.
vmscope="${VMSCOPE:?}"
man="${TEST_SRCDIR:?}/../man/vmscope.1"
keys_h="$TEST_SRCDIR/../ui/keys.h"
readme="$TEST_SRCDIR/../README.md"
srcdir="$TEST_SRCDIR/../src"
. "$(dirname "$0")/cli_harness.sh"
T="${TMUX_BIN:-tmux} -L test-docs-$$ -f /dev/null"
trap '$T kill-server > /dev/null 2>&1; rm -rf "$tmp"' EXIT

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

# key_table: "LABEL<tab>HELP" for each action of UI_ACTIONS in ui/keys.h,
# whose X(...) lines hold the label and the next line the help text.
key_table() {
	sed -n '/define UI_ACTIONS/,/^$/p' "$keys_h" |
	    awk -F '"' '/X\(ACT_/ { label = $2; getline; print label "\t" $2 }'
}

# man_keys: the key names of the ".It Ic" lines of the man page's KEYS.
man_keys() {
	sed -n '/^\.Sh KEYS/,/^\.Sh [^K]/p' "$man" | grep '^\.It Ic' |
	    sed 's/\\&//g; s/\\-/-/g; s/^\.It //' | tr ' ' '\n' |
	    grep -v -e '^Ic$' -e '^,$' -e '^$' | sort -u
}

# wait_screen TEXT: polls the tmux pane until TEXT shows (10 s at most).
wait_screen() {
	i=0
	until $T capture-pane -p -t docs 2>/dev/null | grep -qF -e "$1"; do
		i=$((i + 1))
		[ "$i" -lt 100 ] || return 1
		sleep 0.1
	done
}

# help_screen: the `?` screen of the real UI at 160x48, blanks squeezed.
help_screen() {
	$T new-session -d -s docs -x 160 -y 48 \
	    "exec env TERM=xterm-256color LANG=C.UTF-8 '$vmscope'" &&
	    wait_screen "vmscope" && $T send-keys -t docs '?' &&
	    wait_screen "vmscope help" &&
	    $T capture-pane -p -t docs | tr -s ' ' > "$tmp/help-screen"
}

check_keys() {
	key_table > "$tmp/keys"
	man_keys > "$tmp/man-keys"
	[ -s "$tmp/keys" ] || { fail "found no actions in $keys_h"; return; }
	cut -f 1 "$tmp/keys" | tr ' ' '\n' | sort -u > "$tmp/table-keys"
	comm -23 "$tmp/table-keys" "$tmp/man-keys" > "$tmp/missing"
	[ ! -s "$tmp/missing" ] ||
	    fail "keys of the key table missing from the man page's KEYS:" $(cat "$tmp/missing")
	echo "keys in the key table and the man page: $(wc -l < "$tmp/table-keys")"
	if ! command -v "${TMUX_BIN:-tmux}" > /dev/null 2>&1; then
		echo "no tmux: the help screen was not checked"
		return
	fi
	help_screen || { fail "the ? help screen did not show"; return; }
	while IFS="$(printf '\t')" read -r label help; do
		grep -qF -e "$label $help" "$tmp/help-screen" ||
		    fail "the help screen lacks \"$label   $help\""
	done < "$tmp/keys"
	echo "actions on the help screen: $(wc -l < "$tmp/keys")"
}

# readme_examples: the README's "    $ src/vmscope ..." commands that need
# no file, each as a line "$ ARGS" followed by the output lines shown
# under it (indented, "..." and blank lines left out).
readme_examples() {
	awk '/^    \$ / { show = ($2 == "src/vmscope" && $0 !~ /\.trace/) }
	    show && /^    \$ src\/vmscope / { sub(/^    \$ src\/vmscope /, "$ "); print; next }
	    show && /^    [^$]/ && $0 != "    ..." { sub(/^    /, ""); print; next }
	    /^[^ ]/ { show = 0 }' "$readme"
}

# check_readme: runs each example and finds every line the README shows.
check_readme() {
	readme_examples > "$tmp/examples"
	grep -c '^\$ ' "$tmp/examples" > "$tmp/count"
	[ "$(cat "$tmp/count")" -gt 0 ] || { fail "found no examples in $readme"; return; }
	while IFS= read -r line; do
		case $line in
		'$ '*)
			# Word splitting of the README's own arguments is intended.
			# shellcheck disable=SC2086
			"$vmscope" ${line#\$ } > "$tmp/out" 2>&1 ||
			    fail "README example exits $?: vmscope ${line#\$ }"
			cmd=${line#\$ } ;;
		*)
			grep -qxF -e "$line" "$tmp/out" ||
			    fail "vmscope $cmd does not print the README's line: $line" ;;
		esac
	done < "$tmp/examples"
	echo "README examples run: $(cat "$tmp/count")"
}

# rules_of FILE: the "Rules:" part of a source file's top comment, in
# lower case with blanks squeezed.
rules_of() {
	awk 'NR == 1, /\*\// { print }' "$1" |
	    sed -e 's|^/\*||' -e 's|\*/$||' -e 's|^ \*||' | tr '\n\t' '  ' |
	    tr -s ' ' | sed -n 's/.*Rules: //p' | sed 's/ *$//' | tr 'A-Z' 'a-z'
}

# man_policy NAME: the text of NAME's entry in the man page's POLICIES,
# in lower case with blanks squeezed.
man_policy() {
	sed -n '/^\.Sh POLICIES/,/^\.S[sh] [^P]/p' "$man" |
	    awk -v p="$1" '/^\.It Cm / { on = ($3 == p); next }
		/^\./ { if ($1 == ".El") on = 0; next }
		on { print }' | tr '\n' ' ' | tr -s ' ' | tr 'A-Z' 'a-z'
}

# help_policies: the policy table's names, one a line, as --help lists them.
help_policies() {
	sed -n '/--policy NAME/,/(default/p' "$tmp/help" | tr '\n' ' ' |
	    sed 's/.*replacement policy: //; s/ *(default.*//' | tr -s ', ' '\n\n' |
	    awk 'NF'
}

# man_policies: the names the man page's POLICIES list, one a line.
man_policies() {
	sed -n '/^\.Sh POLICIES/,/^\.S[sh] [^P]/p' "$man" | sed -n 's/^\.It Cm \([^ ]*\).*/\1/p'
}

# Every policy of the table has its file, src/policy_NAME.c (a hyphen
# written as an underscore), whose rules the man page quotes; the man page
# lists exactly the table's policies; no policy file is left out of the table.
check_policies() {
	n=0
	help_policies > "$tmp/policies"
	for p in $(cat "$tmp/policies"); do
		f="$srcdir/policy_$(echo "$p" | tr '-' '_').c"
		[ -f "$f" ] || { fail "policy $p has no file $f"; continue; }
		rules=$(rules_of "$f")
		[ -n "$rules" ] || { fail "$f has no \"Rules:\" comment"; continue; }
		case "$(man_policy "$p")" in
		*"$rules"*) n=$((n + 1)) ;;
		*) fail "the man page's POLICIES do not quote the rules of $p ($f)" ;;
		esac
	done
	[ "$n" -gt 0 ] || fail "no policy rules checked in $srcdir"
	man_policies | diff -u "$tmp/policies" - > "$tmp/diff" ||
	    fail "the policy table (-) and the man page's POLICIES (+) differ: $(grep '^[-+][^-+]' "$tmp/diff" | tr '\n' ' ')"
	for f in "$srcdir"/policy_*.c; do
		p=$(basename "$f" .c | sed 's/^policy_//' | tr '_' '-')
		grep -qx -e "$p" "$tmp/policies" || fail "$f is not in the policy table"
	done
	echo "policies whose rules the man page quotes: $n"
}

# check_ascii_bars: the man page's --ascii entry gives the ASCII ramp of
# the thrashing view's bars, one to eight eighths, as ui/glyph.c has it
# (the ascii glyphs' .bar, its blank for none left out).
check_ascii_bars() {
	ramp=$(sed -n '/^static const struct glyphs ascii/,/^};/p' "$TEST_SRCDIR/../ui/glyph.c" |
	    sed -n 's/.*\.bar = {\(.*\)},.*/\1/p' | tr -d '",' | sed 's/^ *//; s/  */ /g; s/ *$//')
	[ -n "$ramp" ] || { fail "no ASCII bar ramp found in ui/glyph.c"; return; }
	sed -n '/^\.It Fl -ascii$/,/^\.It /p' "$man" | grep -qF "$ramp" ||
	    fail "the man page's --ascii does not give the bars' ramp '$ramp'"
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

check_keys
check_readme
check_policies
check_ascii_bars
usage_error "an unknown option" --no-such-option --no-such-option
usage_error "a missing argument" argument --frames

finish
