#!/bin/sh
# generate.sh PAGING_POLICY_PY: rewrites the golden files of this folder
# from OSTEP's simulator (vm-beyondphys-policy/paging-policy.py of
# remzi-arpacidusseau/ostep-homework, which is not part of vmscope).
# Each NAME-POLICY-CN.txt holds the reference string, the policy, the
# frame count and, one line per access, the page, HIT or MISS and the page
# replaced (- for none).  For OPT only HIT or MISS is kept: when several
# pages are never used again, which one goes is a free choice.
set -eu
pp=${1:?usage: generate.sh path/to/paging-policy.py}
cd "$(dirname "$0")"

# golden NAME LIST FRAMES: one file per policy.
golden() {
	for p in FIFO LRU OPT MRU; do
		out=$1-$(echo "$p" | tr A-Z a-z)-c$3.txt
		{
			echo "# python3 paging-policy.py -a $2 -p $p -C $3 -c"
			echo "# pages $2"
			echo "# policy $(echo "$p" | tr A-Z a-z)"
			echo "# frames $3"
			python3 "$pp" -a "$2" -p "$p" -C "$3" -c |
			    sed -n 's/^Access: \([0-9]*\) *\(HIT\|MISS\).*Replaced:\([-0-9]*\).*/\1 \2 \3/p' |
			    if [ "$p" = OPT ]; then cut -d' ' -f1,2; else cat; fi
		} > "$out"
	done
}

# drawn SEED N MAXPAGE: a reference string drawn by the simulator itself.
drawn() {
	python3 "$pp" -s "$1" -n "$2" -m "$3" -p FIFO -C 1 -c |
	    sed -n 's/^Access: \([0-9]*\) .*/\1/p' | paste -sd, -
}

golden textbook 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 3
golden textbook 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 4
golden belady 1,2,3,4,1,2,5,1,2,3,4,5 3
golden belady 1,2,3,4,1,2,5,1,2,3,4,5 4
golden random1 "$(drawn 1 30 10)" 3
golden random2 "$(drawn 2 40 12)" 4
golden random3 "$(drawn 3 50 16)" 5
golden random4 "$(drawn 4 45 8)" 2
golden random5 "$(drawn 5 35 20)" 6
