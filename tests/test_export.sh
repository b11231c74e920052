#!/bin/sh
# test_export.sh - vmscope --export md|txt|svg FILE: the frames-by-time
# table of a session, worked out by hand for the textbook reference string
# under LRU (Silberschatz: 7 0 1 2 0 3 0 4 2 3 0 3 2 in 3 frames, victims
# 7 1 2 3 0 4, 9 faults), Markdown escaping, the SVG's state at the cursor,
# and the errors.
#
# Environment (make check sets them): VMSCOPE, the program.
set -u

. "$(dirname "$0")/cli_harness.sh"

legend='* the page was brought in by this access; F a page fault, . a hit, ! refused (segmentation or protection fault, out of memory)'
textbook="--pages 7,0,1,2,0,3,0,4,2,3,0,3,2 --frames 3 --policy lru"

# shellcheck disable=SC2086
run 0 "--export txt" --export txt "$tmp/t.txt" $textbook
[ -s "$tmp/out" ] && fail "--export txt printed to standard output"
cat > "$tmp/want" <<EOF2
step       1    2    3    4    5    6    7    8    9   10   11   12   13
page     0x7  0x0  0x1  0x2  0x0  0x3  0x0  0x4  0x2  0x3  0x0  0x3  0x2
frame 0 0x7*  0x7  0x7 0x2*  0x2  0x2  0x2 0x4*  0x4  0x4 0x0*  0x0  0x0
frame 1      0x0*  0x0  0x0  0x0  0x0  0x0  0x0  0x0 0x3*  0x3  0x3  0x3
frame 2           0x1*  0x1  0x1 0x3*  0x3  0x3 0x2*  0x2  0x2  0x2  0x2
result     F    F    F    F    .    F    .    F    F    F    F    .    .
evicted                 0x7       0x1       0x2  0x3  0x0  0x4

$legend
EOF2
same "the textbook LRU table" "$tmp/want" "$tmp/t.txt"

# FILE "-" is standard output: the same table, and no file called "-".
# shellcheck disable=SC2086
(cd "$tmp" && "$VMSCOPE" --export txt - $textbook > "$tmp/stdout.txt" 2> "$tmp/err") ||
	fail "--export txt -: exit status $?: $(cat "$tmp/err")"
same "--export txt - prints the table" "$tmp/want" "$tmp/stdout.txt"
[ -e "$tmp/-" ] && fail "--export txt - wrote a file called -"

# Markdown: a write, a refused access, stars escaped, two processes named.
printf 'w 0x0\nr 0x1000\nspawn b 2\nr 0x0\nr 0x5000\n' > "$tmp/s"
run 0 "--export md" --export md "$tmp/t.md" --script "$tmp/s" --frames 2
cat > "$tmp/want" <<'EOF2'
| step | 1 | 2 | 4 | 5 |
|---|---|---|---|---|
| page | w 1:0x0 | 1:0x1 | 2:0x0 | 2:0x5 |
| frame 0 | 1:0x0\* | 1:0x0 | 2:0x0\* | 2:0x0 |
| frame 1 |  | 1:0x1\* | 1:0x1 | 1:0x1 |
| result | F | F | F | ! |
| evicted |  |  | 1:0x0 |  |

\* the page was brought in by this access; F a page fault, . a hit, ! refused (segmentation or protection fault, out of memory)
EOF2
same "Markdown, two processes, a refused access" "$tmp/want" "$tmp/t.md"

# SVG: the table, then the frames and page table after the last operation.
# shellcheck disable=SC2086
run 0 "--export svg" --export svg "$tmp/t.svg" $textbook
for line in '<text x="4" y="16" text-anchor="start">step</text>' \
    '<text x="4" y="198" text-anchor="start">after operation 13: frames</text>' \
    '<text x="24" y="220" text-anchor="start">frame 0: 1:0x0 R</text>' \
    '<text x="24" y="264" text-anchor="start">frame 2: 1:0x2 R</text>' \
    '<text x="4" y="286" text-anchor="start">page table of pid 1 (pages touched): VPN P frame D R</text>' \
    '<text x="24" y="308" text-anchor="start">0x0 1 0 0 1</text>' \
    '<text x="24" y="330" text-anchor="start">0x1 0 - - -</text>' \
    '</svg>'; do
	grep -qxF "$line" "$tmp/t.svg" || fail "--export svg lacks: $line"
done
if command -v xmllint > /dev/null 2>&1; then
	xmllint --noout "$tmp/t.svg" || fail "--export svg: not well-formed XML"
fi

# A session file: the SVG shows the state at its cursor.
printf '{"vmscope": 1, "machine": {"frames": 2}, "processes": [{"pid": 1, "name": "a", "map": [{"addr": "0x0", "pages": 4, "perm": "rw"}]}], "ops": ["w 0x0", "r 0x1000", "r 0x2000"], "cursor": 1}\n' > "$tmp/s.json"
run 0 "--export svg of a session" "$tmp/s.json" --export=svg "$tmp/c.svg"
grep -qxF '<text x="4" y="176" text-anchor="start">after operation 1: frames</text>' "$tmp/c.svg" ||
	fail "--export svg of a session: not at its cursor"
grep -qxF '<text x="24" y="198" text-anchor="start">frame 0: 1:0x0 D R</text>' "$tmp/c.svg" ||
	fail "--export svg of a session: frame 0 at the cursor"

# A lesson starts at operation 0: its SVG shows the state at its end.
# Lesson 7 is FIFO on 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1 in 3 frames;
# the last three faults bring 7, 0 and 1 into frames 0, 1 and 2, in turn
# (the frames-by-time table in e2e_table.sh works it), each with R set.
run 0 "--export svg of a lesson" --lesson 7 --export svg "$tmp/l.svg"
for line in \
    '<text x="4" y="198" text-anchor="start">after operation 20: frames</text>' \
    '<text x="24" y="220" text-anchor="start">frame 0: 1:0x7 R</text>' \
    '<text x="24" y="242" text-anchor="start">frame 1: 1:0x0 R</text>' \
    '<text x="24" y="264" text-anchor="start">frame 2: 1:0x1 R</text>'; do
	grep -qxF "$line" "$tmp/l.svg" || fail "--export svg of a lesson lacks: $line"
done

# Usage errors (cli_harness.sh's usage).
usage "unknown format" '--export: expected md, txt or svg (gift with --exercise), found "pdf"' \
    --export pdf x --pages 1
usage "gift without --exercise" '--export: expected md, txt or svg (gift with --exercise), found "gift"' \
    --export gift x --pages 1
usage "no FILE" "--export txt needs the FILE to write right after it" --export txt --pages 1
usage "FILE not after the format" "--export txt needs the FILE to write right after it" \
    "$tmp/s.json" --export txt --pages 1
usage "no source" "--export needs a session FILE.json, --lesson NAME, --pages LIST, --script FILE or --trace FILE" \
    --export txt x
usage "with --batch" "--export cannot go with --batch: --export writes its FILE and prints nothing, --batch prints the run" \
    --batch --pages 1,2,3 --export md "$tmp/o.md"
usage "an empty FILE name" '--export md: the FILE name is empty ("")' --export md "" --pages 1
usage "an empty quiz name" '--export gift: the FILE name is empty ("")' \
    --exercise bits --export gift ""
usage "a UI option" "--ascii is for the UI; it does nothing with --export" \
    --export txt x --pages 1 --ascii
run 1 "more accesses than a table shows" --export txt "$tmp/big" \
    --pages "$(seq -s, 1 201)"
[ "$(cat "$tmp/err")" = "vmscope: the frames-by-time table shows at most 200 accesses and 64 frames; this session has 201 accesses and 4 frames" ] ||
	fail "too many accesses: $(cat "$tmp/err")"
[ -e "$tmp/big" ] && fail "too many accesses: a file was written"

# The file written: only over a regular file (never a FIFO or device), a
# symbolic link followed to the file it names, an old file's mode kept, a
# new one 0644 less the umask -- the same rules as a session save.
mkdir "$tmp/w"
mkfifo "$tmp/w/fifo"
run 1 "over a FIFO" --export md "$tmp/w/fifo" --pages 1
[ "$(cat "$tmp/err")" = "vmscope: $tmp/w/fifo: cannot write: it is a FIFO, not a regular file; files are written only over regular files" ] ||
	fail "over a FIFO: $(cat "$tmp/err")"
[ -p "$tmp/w/fifo" ] || fail "over a FIFO: the FIFO was replaced"
ln -s fifo "$tmp/w/to-fifo"
run 1 "through a link to a FIFO" --export txt "$tmp/w/to-fifo" --pages 1
[ "$(cat "$tmp/err")" = "vmscope: $tmp/w/to-fifo: cannot write: it leads to a FIFO, not a regular file; files are written only over regular files" ] ||
	fail "link to a FIFO: $(cat "$tmp/err")"
# A file in a folder that takes no new file (/proc/self/comm, which its
# process may write) cannot be replaced, and the message says so (not "No
# such file" for a file that is there); a read-only one (/proc/version,
# 0444) is refused as such, root or not.
if [ -f /proc/version ] && [ -w /proc/self/comm ]; then
	run 1 "over /proc/self/comm" --export md /proc/self/comm --pages 1
	[ "$(cat "$tmp/err")" = "vmscope: /proc/self/comm: cannot write: it cannot be replaced: no new file can be made beside it in /proc/self (No such file or directory)" ] ||
		fail "over /proc/self/comm: $(cat "$tmp/err")"
	run 1 "over /proc/version" --export md /proc/version --pages 1
	[ "$(cat "$tmp/err")" = "vmscope: /proc/version: cannot write: it is read-only; files are written only over files that may be written" ] ||
		fail "over /proc/version: $(cat "$tmp/err")"
else
	echo "skip: /proc/version and /proc/self/comm (no /proc)"
fi
if [ "$(id -u)" -eq 0 ] && mknod "$tmp/w/null" c 1 3 2>/dev/null; then
	run 1 "over a device (made in the scratch folder)" --export svg "$tmp/w/null" --pages 1
	[ -c "$tmp/w/null" ] || fail "over a device: the device was replaced"
else
	echo "skip: a device (mknod needs root)"
fi
ln -s real.md "$tmp/w/link.md"
run 0 "through a link to a file not there yet" --export md "$tmp/w/link.md" --pages 1
[ -L "$tmp/w/link.md" ] && [ -f "$tmp/w/real.md" ] ||
	fail "through a link: the link was replaced or its file not written"
echo old > "$tmp/w/kept.md"
chmod 640 "$tmp/w/kept.md"
run 0 "over a 0640 file" --export md "$tmp/w/kept.md" --pages 1
[ "$(stat -c %a "$tmp/w/kept.md")" = 640 ] ||
	fail "mode kept: $(stat -c %a "$tmp/w/kept.md")"
(umask 022 && "$VMSCOPE" --export md "$tmp/w/new.md" --pages 1) ||
	fail "a new file: not written"
[ "$(stat -c %a "$tmp/w/new.md")" = 644 ] ||
	fail "a new file under umask 022: $(stat -c %a "$tmp/w/new.md"), wanted 644"
(umask 027 && "$VMSCOPE" --exercise bits --export gift "$tmp/w/new.gift") ||
	fail "a new quiz: not written"
[ "$(stat -c %a "$tmp/w/new.gift")" = 640 ] ||
	fail "a new quiz under umask 027: $(stat -c %a "$tmp/w/new.gift"), wanted 640"
[ "$(ls -A "$tmp/w" | grep -c vmscope)" -eq 0 ] || fail "a temporary file was left"

finish
