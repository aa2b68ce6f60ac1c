# pipelines/many.sh - sourced after common.sh by minutes.sh and
# report-indicators.sh: one run over many packs.
#
# One run per pack costs about ten processes a pack, and at thousands of
# packs process start-up, not reading, is the time.  Here each tool runs
# once over every pack (the tools take many files, and each row names its
# file in the source column), then one awk splits the rows into the
# packs' tables, and many.pl publishes each pack's directory in one rename
# as common.sh's publish does (same layout and lock: batch and single runs
# can write the same directories).  PDFs go through pdftotext N at a time.
#
# The tables are those of one run per pack, byte for byte: the tools read
# WORK/in/K/NAME (a link to pack K under its own base name, or its text),
# so the source column says in/K/NAME, and the split writes the pack's
# name there; messages are renamed
# the same way and split per pack.  A name the tools would rewrite (a
# control character, bytes that are not UTF-8), an empty file and a PDF
# with no text (the tools see no line of it, and say nothing) each get a
# run of their own.
#
# A script calls, before one_input:
#     many_or_one KIND "$@"         returns when there is one pack
# which, for many, runs many_run (the script's own) between many_begin
# and many_publish, then exits: 0, or 1 when any pack failed.

# many_or_one KIND "$@": one pack (one operand, a file): return.  Else run
# the batch and exit.
many_or_one() {
	_mkind=$1
	shift
	parse_opts "$@"
	eval "set -- $ARGS"
	if [ $# -eq 1 ] && [ "$1" != - ] && [ ! -d "$1" ]; then
		return 0
	fi
	[ $# -ge 1 ] || usage_error "no packs given"
	_mjobs=${opt_jobs:-$(nproc 2>/dev/null || echo 2)}
	case $_mjobs in '' | *[!0-9]* | 0) usage_error "--jobs: '$_mjobs' is not a positive number" ;; esac
	many_begin "$@"
	many_run
	many_publish
	exit "$MFAIL"
}

MWORK=
many_cleanup() {
	[ -z "$MWORK" ] || rm -rf -- "$MWORK"
}

# many_begin INPUT...: the work directory, the packs (many.pl prep), and
# the PDFs' text in MWORK/in/K/NAME.
many_begin() {
	# The work directory is in ROOT, beside the packs' directories: on
	# their file system, so each pack's tables become its directory by
	# one rename.
	_mroot=${opt_out:-out/$_mkind}
	mkdir -p -- "$_mroot" && MWORK=$(mktemp -d -- "$_mroot/.batch.XXXXXX") ||
		die "$_mroot: cannot make a work directory in it"
	case $MWORK in /*) ;; *) MWORK=$PWD/$MWORK ;; esac
	trap 'many_cleanup' EXIT
	# A batch holds the lock of its work directory while it runs; one
	# whose lock nobody holds was left by a batch that was killed, and
	# goes.  (Without flock, what killed batches left stays.)
	if command -v flock >/dev/null 2>&1; then
		exec 8>>"$MWORK/.lock" && flock 8 || die "$_mroot: cannot lock $MWORK/.lock"
		for _d in "$_mroot"/.batch.*; do
			[ "$_d" != "$MWORK" ] && [ -f "$_d/.lock" ] || continue
			flock -n "$_d/.lock" true 2>/dev/null && rm -rf -- "$_d"
		done
	fi
	PROG=$PROG opt_out=${opt_out:-} perl "$PIPEDIR/many.pl" prep "$MWORK" "$_mkind" \
		"${opt_null:-0}" "$@" || die "cannot list the packs"
	MFAIL=0
	[ "$(cat "$MWORK/failed")" -eq 0 ] || MFAIL=1
	if [ -s "$MWORK/pdfs" ]; then
		command -v pdftotext >/dev/null 2>&1 ||
			die "pdftotext not found: apt-get install poppler-utils"
		# Each PDF's text in in/K/NAME, its messages in in/K.err, a
		# failure's status in in/K.fail.  (The file names are arguments,
		# never shell text.)
		_conv='pdftotext -layout -enc UTF-8 -- "$1" "$2" 2>"${2%/*}.err" || { echo $? >"${2%/*}.fail"; rm -f -- "$2"; }'
		if [ -t 2 ] && [ -z "${opt_quiet:-}" ]; then
			# On a terminal: "n of m PDFs, elapsed, left", each
			# conversion saying it ended with a line on stdout.
			(cd "$MWORK" && xargs -0 -n 2 -P "$_mjobs" sh -c "$_conv; echo" sh <pdfs) |
				awk -v total="$(awk -F '\t' '$2 == "pdf" { n++ } END { print n + 0 }' "$MWORK/packs")" -v what=PDFs \
					-f "$PIPEDIR/awk/progress.awk"
		else
			(cd "$MWORK" && xargs -0 -n 2 -P "$_mjobs" sh -c "$_conv" sh <pdfs)
		fi
	fi
	# The packs the tools read: all but the PDFs pdftotext failed on
	# (their message and status said here, as a single run says them).
	(cd "$MWORK" && awk -F '\t' -v OFS='\t' -v prog="$PROG" '
	{
		ok = 1
		if ($2 == "pdf") {
			f = "in/" $1 ".fail"
			if ((getline st < f) > 0) {
				e = "in/" $1 ".err"
				while ((getline l < e) > 0) print l > "/dev/stderr"
				close(e)
				printf "%s: %s: pdftotext failed (exit %d)\n", prog, $3, st > "/dev/stderr"
				ok = 0
				failed = 1
			}
			close(f)
			# no text (a scanned PDF): run on its own, as an empty file
			t = $3
			sub(/.*\//, "", t)
			t = "in/" $1 "/" t
			if (ok && (getline l < t) <= 0) {
				print $1 > "rerun"
				ok = 0
			}
			close(t)
		}
		if (ok) print > "ok"
	}
	END { exit failed }' packs) || MFAIL=1
	: >>"$MWORK/ok"
}

# many_tool NAME TOOL [ARG]...: TOOL ARG... -- in/1/NAME ... in as many
# runs as there are jobs (-j), each over a run of consecutive packs (and
# as many more as the argument list needs); rows in MWORK/NAME.1 ...,
# messages in MWORK/NAME.1.err ...  MNAMES lists them in pack order.  A
# failed tool fails the batch: its messages are shown.
many_tool() {
	_mname=$1
	shift
	command -v "$1" >/dev/null 2>&1 ||
		die "$1 not found: run make first (it builds bin/), or set CSPKIT_BIN"
	# A tool prints each kind of warning ten times a run: over many packs
	# that would be ten packs' worth.  Every warning goes to the split,
	# which gives each pack its own (a pack with more than ten of one kind
	# keeps them all here, where a run of its own says "and N more").
	_mtool=$1
	shift
	set -- "$_mtool" --max-warnings 1000000000 "$@"
	_mn=$(awk 'END { print NR }' "$MWORK/ok")
	_mj=$_mjobs
	[ "$_mn" -ge "$_mj" ] || _mj=$_mn
	[ "$_mj" -ge 1 ] || _mj=1
	# ops.1 ... ops.J: the packs, in order, in J runs of about equal length,
	# a name a line (prep sent names with control characters to runs of
	# their own, so no name holds a newline; xargs -d takes blanks and
	# quotes as they are)
	(cd "$MWORK" && awk -F '\t' -v n="$_mn" -v j="$_mj" \
		'{ b = $3; sub(/.*\//, "", b); print "in/" $1 "/" b > ("ops." (int((NR - 1) * j / n) + 1)) }' ok) ||
		die "cannot list the packs"
	MNAMES='' MERRS=
	_i=1
	while [ "$_i" -le "$_mj" ]; do
		: >>"$MWORK/ops.$_i"
		(cd "$MWORK" && xargs -r -d '\n' "$@" -- <"ops.$_i" >"$_mname.$_i" 2>"$_mname.$_i.err" ||
			echo "$?" >>tool.fail) &
		MNAMES="$MNAMES $_mname.$_i" MERRS="$MERRS $_mname.$_i.err"
		_i=$((_i + 1))
	done
	wait
	if [ -s "$MWORK/tool.fail" ]; then
		# shellcheck disable=SC2086  # (names made here: NAME.N.err)
		(cd "$MWORK" && cat $MERRS) >&2
		_rc=$(head -n 1 "$MWORK/tool.fail")
		# xargs says 123 for a tool's 1 to 125
		[ "$_rc" -ne 123 ] || _rc=1
		printf '%s: %s failed (exit %d)\n' "$PROG" "$1" "$_rc" >&2
		exit "$_rc"
	fi
}

# many_once NAME TOOL [ARG]... FILE: TOOL over FILE (in MWORK), rows in
# MWORK/NAME, messages in MWORK/NAME.err; as many_tool when it fails.
many_once() {
	_mname=$1
	shift
	command -v "$1" >/dev/null 2>&1 ||
		die "$1 not found: run make first (it builds bin/), or set CSPKIT_BIN"
	if ! (cd "$MWORK" && "$@" >"$_mname" 2>"$_mname.err"); then
		_rc=$?
		cat "$MWORK/$_mname.err" >&2
		printf '%s: %s failed (exit %d)\n' "$PROG" "$1" "$_rc" >&2
		exit "$_rc"
	fi
}

# many_split PROGRAM [ARG]...: the split awk (awk/PROGRAM.awk) over the
# packs, writing o/K.TABLE for each, and the summary line of each pack.
many_split() {
	_mp=$1
	shift
	(cd "$MWORK" && awk -v prog="$PROG" -f "$PIPEDIR/awk/many-warnings.awk" -f "$PIPEDIR/awk/$_mp.awk" "$@") ||
		die "cannot split the tables"
}

# many_publish: every pack's directory in one rename each (many.pl
# publish), then the packs with names the tools rewrite, one run each
# with the options in MPOPTS (the script's, quoted for eval).
many_publish() {
	PROG=$PROG perl "$PIPEDIR/many.pl" publish "$MWORK" "$PROG" "${opt_quiet:-}" $MTABLES || MFAIL=1
	if [ -s "$MWORK/single" ] || [ -s "$MWORK/rerun" ]; then
		eval "set -- ${MPOPTS:-} ${opt_quiet:+-q}"
		PROG=$PROG perl "$PIPEDIR/many.pl" single "$MWORK" "$0" "$@" || MFAIL=1
	fi
}
