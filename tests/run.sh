#!/bin/sh
# Run every unit test binary and every bats file, as TAP, and end with one
# line "N passed, N failed".  Exit 1 when anything failed.
# Environment (set by the Makefile): CSPKIT_BIN, CSPKIT_UNIT, CSPKIT_DATA.
# TESTS="tests/foo.bats ..." limits the bats files run; CSPKIT_JOBS=1
# runs them one at a time; CSPKIT_TIMING=1 ends each case's line with
# "in Nms" (wall), to find the cases that belong in make stress.
# CSPKIT_TAGS is passed to bats --filter-tags: "!stress" (make test) leaves
# out the cases tagged stress (big inputs, signals, whole real-data files),
# "stress" (make stress) runs only those; empty runs everything.
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

# The unit tests are quick and belong to every run except a stress-only one.
[ "$CSPKIT_TAGS" = stress ] && CSPKIT_UNIT=/nonexistent
for u in "$CSPKIT_UNIT"/test_*; do
	[ -x "$u" ] || continue
	echo "# unit: ${u##*/}"
	if [ -n "$CSPKIT_VALGRIND" ]; then
		valgrind -q --error-exitcode=99 --leak-check=full "$u"
	else
		"$u"
	fi > "$log.u" 2>&1
	rc=$?
	cat "$log.u"; cat "$log.u" >> "$log"
	[ $rc -eq 0 ] || { echo "not ok - ${u##*/} exited $rc"; echo "not ok - ${u##*/}" >> "$log"; }
done
rm -f "$log.u"

# The bats files run side by side, CSPKIT_JOBS at once (default: the
# CPUs), when GNU parallel is there (bats --jobs needs it), else one after
# another; the cases of one file run in order (bats 1.8 polls for a free
# slot once a second within a file: quick cases would wait).  Largest
# files first, so the last to start is a short one.
jobs=${CSPKIT_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
par=
if [ "$jobs" -gt 1 ] 2>/dev/null && command -v parallel >/dev/null 2>&1; then
	par="--jobs $jobs --no-parallelize-within-files"
	PARALLEL="--will-cite ${PARALLEL:-}"
	export PARALLEL
fi
files=${TESTS:-$(ls -S "$here"/*.bats "$here"/*/*.bats 2>/dev/null)}
if [ -n "$files" ]; then
	# shellcheck disable=SC2086
	bats --tap $par ${CSPKIT_TIMING:+--timing} ${CSPKIT_TAGS:+--filter-tags "$CSPKIT_TAGS"} $files > "$log.b" 2>&1
	cat "$log.b"; cat "$log.b" >> "$log"
	rm -f "$log.b"
fi

pass=$(grep -c '^ok ' "$log")
fail=$(grep -c '^not ok ' "$log")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
