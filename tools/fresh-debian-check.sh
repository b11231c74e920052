#!/usr/bin/env bash
# tools/fresh-debian-check.sh: prove the README's two set-up commands on a
# fresh Debian 12 (bookworm), in a minbase chroot, from a clone of the
# committed state (CI=true, as root, no terminal), then `make distcheck`.
#
# Usage (as root, on a Debian or Ubuntu host with apt):
#   tools/fresh-debian-check.sh [--keep] [--no-distcheck]
#
#   --keep          reuse the chroot as it is (packages bootstrap installed
#                   by an earlier run stay installed); by default the chroot
#                   is reset to the pristine minbase snapshot taken just after
#                   debootstrap, so every run starts from a fresh machine
#   --no-distcheck  skip `make distcheck`
#
# Environment: FRESH_ROOT (the chroot, /tmp/fresh-deb), FRESH_REPO (the repo
# to clone, this one), FRESH_LOGS (logs, $FRESH_ROOT.logs, outside the chroot).
# The Debian mirror is read from this machine's apt configuration.
#
# Idempotent: makes the chroot (debootstrap) only when it is missing, keeps
# it afterwards, clones the repository afresh each run, unmounts what it
# mounted.  Exit status 0 only when everything passed and no test skipped.
set -euo pipefail

keep=0
distcheck=1
for arg in "$@"; do
	case $arg in
	--keep) keep=1 ;;
	--no-distcheck) distcheck=0 ;;
	-h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "fresh-debian-check: unknown option $arg" >&2; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
repo=${FRESH_REPO:-$here}
root=${FRESH_ROOT:-/tmp/fresh-deb}
root=${root%/}
snapshot=$root.minbase.tar
logs=${FRESH_LOGS:-$root.logs}
suite=bookworm
chroot_path=/usr/sbin:/usr/bin:/sbin:/bin

say() { printf '== %s\n' "$*"; }
die() { printf 'fresh-debian-check: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot, mount)"
case $root in /tmp/?* | /var/tmp/?* | /srv/?* | /mnt/?*) ;; *) die "FRESH_ROOT=$root: choose a directory under /tmp, /var/tmp, /srv or /mnt" ;; esac
git -C "$repo" rev-parse --git-dir > /dev/null 2>&1 || die "$repo is not a git repository"

# debian_mirror: the URI of the first enabled deb source for $suite in this
# machine's apt configuration (one-line .list files or deb822 .sources).
debian_mirror() {
	local f uri
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		uri=$(awk -v s="$suite" '
			$1 == "deb" {
				i = 2
				if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
				if ($(i + 1) == s) { print $i; exit }
			}' "$f")
		[ -z "$uri" ] || { echo "$uri"; return 0; }
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		uri=$(awk -v s="$suite" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " s " ") &&
				    enabled !~ /^no$/ && uris != "") { split(uris, u, " "); print u[1]; found = 1; exit }
				types = suites = uris = enabled = ""
			}
			/^#/ { next }
			/^[ \t]*$/ { flush(); next }
			{
				line = $0; key = tolower(line); sub(/:.*/, "", key)
				val = line; sub(/^[^:]*:[ \t]*/, "", val)
				if (key == "types") types = val
				else if (key == "suites") suites = val
				else if (key == "uris") uris = val
				else if (key == "enabled") enabled = tolower(val)
			}
			END { if (!found) flush() }' "$f")
		[ -z "$uri" ] || { echo "$uri"; return 0; }
	done
	return 1
}

mounted_under() { awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts; }

tmux_started=0
cleanup() {
	if [ "$tmux_started" -eq 1 ]; then
		chroot "$root" env -i PATH=$chroot_path tmux -L fdc kill-server > /dev/null 2>&1 || true
	fi
	local m
	for m in "$root/dev/pts" "$root/proc"; do
		if mountpoint -q "$m" 2> /dev/null; then umount "$m" || umount -l "$m" || true; fi
	done
}
trap cleanup EXIT

# in_chroot CMD: run CMD with bash in the clone, as the README's user would
# on a fresh machine in CI: root, a minimal environment, CI=true, no terminal.
in_chroot() {
	chroot "$root" env -i PATH=$chroot_path HOME=/root CI=true \
	    bash -c "cd /root/vmscope && $1" < /dev/null
}

# stamp: prefix each line with the seconds since the start.
stamp() { perl -MTime::HiRes=time -ne 'BEGIN { $| = 1; $t0 = time } printf "%8.2f %s", time - $t0, $_'; }

mkdir -p "$logs"
rm -f "$logs"/*.log "$logs"/*.txt

# 1. The chroot: made once with debootstrap, snapshotted, reset from the
#    snapshot on each run unless --keep.
command -v debootstrap > /dev/null 2>&1 || {
	say "installing debootstrap on the host"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
}
[ -z "$(mounted_under)" ] || { cleanup; [ -z "$(mounted_under)" ] || die "still mounted under $root: $(mounted_under)"; }

if [ ! -x "$root/usr/bin/apt-get" ] || { [ "$keep" -eq 0 ] && [ ! -f "$snapshot" ]; }; then
	mirror=$(debian_mirror) || die "no enabled '$suite' deb source in /etc/apt; cannot pick a mirror"
	say "debootstrap --variant=minbase $suite $root <the host's mirror>"
	rm -rf "$root" "$snapshot"
	start=$(date +%s)
	debootstrap --variant=minbase "$suite" "$root" "$mirror" > "$logs/debootstrap.log" 2>&1 ||
	    { tail -n 20 "$logs/debootstrap.log"; die "debootstrap failed"; }
	echo "debootstrap: $(($(date +%s) - start)) s" | tee "$logs/times.txt"
	tar -C "$root" --numeric-owner -cpf "$snapshot" .
elif [ "$keep" -eq 0 ]; then
	say "resetting $root to the pristine minbase snapshot"
	rm -rf "$root"
	mkdir -p "$root"
	tar -C "$root" --numeric-owner -xpf "$snapshot"
else
	say "reusing $root as it is (--keep)"
fi
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620,gid=5 devpts "$root/dev/pts"

# shellcheck disable=SC2016 # ${Package} is dpkg-query's, not the shell's
dpkg_list() { chroot "$root" dpkg-query -W -f='${Package}\n' | sort; }
dpkg_list > "$logs/packages-before.txt"

# 2. A fresh clone of the committed state.
rm -rf "$root/root/vmscope"
git clone -q "$repo" "$root/root/vmscope"
commit=$(git -C "$root/root/vmscope" log -1 --format='%h %s')
say "clone of $repo at $commit"

# 3. The README's test command, with a marker echoed between its two halves
#    to time them apart.
say "./bootstrap && make check"
status_check=0
in_chroot './bootstrap && echo "@@ bootstrap done" && make check' 2>&1 | stamp > "$logs/readme-check.log" ||
    status_check=$?
dpkg_list > "$logs/packages-after.txt"

# Phases, from the time stamps: apt-get from "bootstrap: installing" to the
# last dpkg line; autoreconf (silent) from there to configure's first
# "checking"; configure to its last "config.status:"; make to the marker;
# make check to the end.
awk '
	{ t = $1 + 0; line = $0; sub(/^ *[0-9.]+ /, "", line) }
	line ~ /^bootstrap: installing/ { apt0 = t; apt1 = t }
	apt0 != "" && !done && line ~ /^(Selecting|Preparing|Unpacking|Setting up|Processing triggers|debconf|update-alternatives|Get:|Fetched|dpkg|\(Reading database)/ { apt1 = t }
	line ~ /^checking / && conf0 == "" { conf0 = t }
	line ~ /^config\.status: / { conf1 = t }
	line ~ /^@@ bootstrap done/ { done = t }
	{ last = t }
	END {
		if (apt0 == "") { apt0 = 0; apt1 = 0 }
		if (conf0 == "") { conf0 = apt1; conf1 = apt1 }
		if (done == "") done = last
		printf "bootstrap, apt-get update and install: %6.1f s\n", apt1 - apt0
		printf "bootstrap, autoreconf:                 %6.1f s\n", conf0 - apt1
		printf "bootstrap, configure:                  %6.1f s\n", conf1 - conf0
		printf "bootstrap, make:                       %6.1f s\n", done - conf1
		printf "bootstrap in all:                      %6.1f s\n", done
		printf "make check:                            %6.1f s\n", last - done
	}' "$logs/readme-check.log" >> "$logs/times.txt"

# 4. The first command's build step: the program runs in the chroot.
say "src/vmscope --version; --batch (the README's example)"
status_smoke=0
{
	echo '$ src/vmscope --version'
	in_chroot 'src/vmscope --version' 2>&1 || status_smoke=$?
	echo '$ src/vmscope --batch --pages 1,2,3,4,1,2,5,1,2,3,4,5 --frames 3 --policy fifo --quiet'
	in_chroot 'src/vmscope --batch --pages 1,2,3,4,1,2,5,1,2,3,4,5 --frames 3 --policy fifo --quiet' 2>&1 || status_smoke=$?
	echo "(exit status $status_smoke)"
} > "$logs/smoke.log"

# The UI itself (the first README command, src/vmscope) needs a terminal:
# run it under tmux in the chroot, if bootstrap installed tmux, and capture
# the screen.
status_ui=0
if chroot "$root" sh -c 'command -v tmux' > /dev/null 2>&1; then
	say "src/vmscope under tmux (100x32)"
	tmux_started=1
	in_chroot 'tmux -L fdc new-session -d -x 100 -y 32 "src/vmscope; echo vmscope exited \$?; sleep 30"' || status_ui=$?
	sleep 3
	# capture-pane prints every row: drop the blank ones at the bottom.
	in_chroot 'tmux -L fdc capture-pane -p' 2>&1 | sed -e :a -e '/^[[:space:]]*$/{$d;N;ba' -e '}' > "$logs/ui-screen.txt" || status_ui=$?
	in_chroot 'tmux -L fdc display -p "TERM in tmux: #{default-terminal}"' >> "$logs/ui-screen.txt" 2>&1 || true
	chroot "$root" env -i PATH=$chroot_path tmux -L fdc kill-server > /dev/null 2>&1 || true
	tmux_started=0
	grep -q 'vmscope exited' "$logs/ui-screen.txt" && status_ui=1
else
	echo "tmux is not installed in the chroot: the UI was not run" > "$logs/ui-screen.txt"
	status_ui=1
fi

# 5. make distcheck.
status_dist=0
if [ "$distcheck" -eq 1 ]; then
	say "make distcheck"
	in_chroot 'make distcheck' 2>&1 | stamp > "$logs/distcheck.log" || status_dist=$?
	took=$(tail -n 1 "$logs/distcheck.log" | awk '{ print $1 + 0 }')
	printf 'make distcheck:                        %6.1f s\n' "${took:-0}" >> "$logs/times.txt"
fi

# 6. The summary.
tree=$root/root/vmscope
echo
echo "=================== fresh Debian 12 check: $commit"
echo "--- packages bootstrap installed"
grep -h '^ *[0-9.]* bootstrap: installing' "$logs/readme-check.log" | sed 's/^ *[0-9.]* //' || echo "(bootstrap installed nothing)"
comm -13 "$logs/packages-before.txt" "$logs/packages-after.txt" > "$logs/packages-new.txt"
echo "with their dependencies: $(wc -l < "$logs/packages-new.txt") new packages ($(wc -l < "$logs/packages-before.txt") before, $(wc -l < "$logs/packages-after.txt") after; list in $logs/packages-new.txt)"
echo "--- times"
cat "$logs/times.txt"
echo "--- ./bootstrap && make check: exit status $status_check"
grep -E '^ *[0-9.]+ # (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):' "$logs/readme-check.log" | sed 's/^ *[0-9.]* //' ||
    { echo "(no test summary)"; tail -n 15 "$logs/readme-check.log"; }
skipped=0
while IFS= read -r trs; do
	skipped=1
	log=${trs%.trs}.log
	echo "SKIP ${trs#"$tree"/}:"
	grep -iE 'skip|not found|no tmux|not installed' "$log" | sed 's/^/    /' | head -n 5 || true
done < <(find "$tree/tests" -name '*.trs' -exec grep -l ':test-result: SKIP' {} + 2> /dev/null || true)
echo "--- parts skipped inside tests that passed (a tool missing?)"
{ find "$tree/tests" -name '*.log' -exec grep -HiE '(^|: )(skip|no [[:alnum:]_.-]+)[,:]|not (found|installed|checked|parsed|tried)' {} + 2> /dev/null || true; } |
    sed "s|^$tree/||" > "$logs/partial-skips.txt"
head -n 20 "$logs/partial-skips.txt"
[ -s "$logs/partial-skips.txt" ] || echo "(none)"
echo "--- smoke (exit status $status_smoke)"
cat "$logs/smoke.log"
echo "--- src/vmscope under tmux (status $status_ui)"
cat "$logs/ui-screen.txt"
if [ "$distcheck" -eq 1 ]; then
	echo "--- make distcheck: exit status $status_dist"
	grep -E '^ *[0-9.]+ # (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|ERROR):|archives? ready for distribution' "$logs/distcheck.log" |
	    sed 's/^ *[0-9.]* //' || true
	[ "$status_dist" -eq 0 ] || tail -n 25 "$logs/distcheck.log"
fi
echo "--- logs in $logs; the chroot stays at $root"

[ "$status_check" -eq 0 ] && [ "$skipped" -eq 0 ] && [ ! -s "$logs/partial-skips.txt" ] &&
    [ "$status_smoke" -eq 0 ] && [ "$status_ui" -eq 0 ] && [ "$status_dist" -eq 0 ]
