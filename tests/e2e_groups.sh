#!/bin/sh
# e2e_groups.sh - the memory groups' band under the grids, as a person sees
# it at 80x24, at 160x48 and in projector mode at 160x48: at each step of a
# script with two groups the band shows what the engine counts at that step
# (batch's summary of the script's first k lines, "web ...; db ..." there,
# "web ... · db ..." on the band), and at the steps worked out by hand
# below the numbers are these:
#   step 3   web is made with a limit of 2 frames, no swap limit yet:
#            "web frames 0/2"
#   step 10  worker (pid 2, in web) has written pages 0 and 1: 2 frames;
#            web's swap limit is 1 slot, none used; db made, empty:
#            "web frames 2/2, swap 0/1 · db frames 0/3"
#   step 12  web at its limit evicts its own dirty 2:0x0 into its one slot;
#            db's pid 3 holds 1 frame: "web frames 2/2, swap 1/1 · db frames 1/3"
#   step 13  the next write must evict dirty 2:0x1 with web's swap full: the
#            OOM killer ends pid 2, its frames and its slot go:
#            "web frames 0/2, swap 0/1 · db frames 1/3"
# Mid-operation the band is true of the event shown: at step 13's VICTIM,
# before the kill, web still holds 2 frames and 1 slot.
# A process in a group names it in its heading ("pid 2 worker · web").
# When not all groups fit (80x24, a long name first), the group at its
# limit and the group of the process shown are named before the others,
# in the order they were made, and "+N more" counts exactly the ones left
# out: 10 columns of label + "verylongname_database frames 0/2" (32) +
# " · " (3) + "web frames 1/1, swap 0/1" (24) + " · +1 more" (10) = 79
# columns; cache (" · cache frames 0/3", 19 more) does not fit.
# Every wait polls; none sleeps blind.
#
# Environment: VMSCOPE (the program), TMUX_BIN (tmux; skipped without it).
set -u

name=e2e_groups
. "$(dirname "$0")/tmux_harness.sh"
printf '%s\n' 'spawn worker 4' 'spawn db 4' 'cgroup web 2' 'cgroup web swap 1' \
    'cgroup web add 2' 'cgroup db 3' 'cgroup db add 3' 'r 1:0x0' 'w 2:0x0' \
    'w 2:0x1000' 'w 3:0x0' 'w 2:0x2000' 'w 2:0x3000' > "$work/script"
steps=13

# at COLS ROWS [OPTION]: the script in the UI, at step 0.
at() {
	open "$1" "$2" --frames 6 ${3:-} --script "'$work/script'"
	wait_for "step 0/$steps"
}

# band: what the band says after its label, trailing blanks dropped.
band() {
	screen | sed -n 's/^ cgroups  //p' | sed 's/ *$//'
}

# engine K: batch's summary of groups after the script's first K lines,
# worded as the band words it ("none yet" where batch has no such line).
engine() {
	head -n "$1" "$work/script" > "$work/first"
	said=$("$VMSCOPE" --batch --quiet --frames 6 --script "$work/first" |
	    sed -n 's/^cgroups: *//p' | sed 's/; / · /g')
	echo "${said:-none yet}"
}

# walk: every step, the band against the engine, and the hand-worked ones.
walk() {
	k=0
	[ "$(band)" = "none yet" ] || fail "step 0: the band says '$(band)', not 'none yet'"
	while [ $k -lt $steps ]; do
		k=$((k + 1))
		t send-keys -t ui Enter
		wait_for "step $k/$steps"
		want=$(engine $k)
		poll test "$(band)" = "$want" ||
		    fail "step $k: the band says '$(band)', the engine '$want'"
		case $k in
		3) hand="web frames 0/2" ;;
		10) hand="web frames 2/2, swap 0/1 · db frames 0/3" ;;
		12) hand="web frames 2/2, swap 1/1 · db frames 1/3" ;;
		13) hand="web frames 0/2, swap 0/1 · db frames 1/3" ;;
		*) continue ;;
		esac
		[ "$want" = "$hand" ] || fail "step $k: the engine says '$want', by hand '$hand'"
	done
}

at 80 24
walk
# One event back, at step 13's VICTIM, before the OOM KILL: web still
# holds its 2 frames and its slot.
t send-keys -t ui b
wait_for "VICTIM (event 5 of 6)"
has "pid 2 worker · web" || fail "80x24: no heading naming pid 2's group"
poll test "$(band)" = "web frames 2/2, swap 1/1 · db frames 1/3" ||
    fail "at step 13's VICTIM the band says '$(band)'"

printf '%s\n' 'cgroup verylongname_database 2' 'cgroup cache 3' 'cgroup web 2' \
    'cgroup web swap 1' 'cgroup web add 1' 'cgroup web 1' 'w 0x1000' > "$work/crowd"
open 80 24 --frames 6 --script "'$work/crowd'"
wait_for "step 0/7"
for k in 1 2 3 4; do t send-keys -t ui Enter; wait_for "step $k/7"; done
poll test "$(band)" = "verylongname_database frames 0/2 · cache frames 0/3 · +1 more" ||
    fail "step 4: the band says '$(band)'"
t send-keys -t ui Enter
wait_for "step 5/7"
poll test "$(band)" = "verylongname_database frames 0/2 · web frames 0/2, swap 0/1 · +1 more" ||
    fail "step 5: pid 1's group web is not on the band: '$(band)'"
t send-keys -t ui Enter Enter
wait_for "step 7/7"
poll test "$(band)" = "verylongname_database frames 0/2 · web frames 1/1, swap 0/1 · +1 more" ||
    fail "step 7: web at its limit is not on the band: '$(band)'"

at 160 48
walk

at 160 48 --projector
walk

echo "e2e_groups: ok"
