# pipelines/common.sh - sourced by every pipeline script: messages, option
# parsing, where the tools are, and atomic output.
#
# Atomic output: every step writes into a private work directory made inside
# the output directory (so the final rename stays on one file system); the
# finished tables are renamed into place only after every step succeeded.
# A failed or interrupted run leaves the previous tables untouched and no
# half-written one.  The work directory is removed on exit, INT and TERM.
#
# A script sets OPTSPEC and defines usage(), then:
#     . "$(dirname "$0")/common.sh"
#     one_input KIND "what it reads" "$@"     (or parse_opts, for batch.sh)
#     ...check its options...
#     begin_output
#     step NAME TOOL ARG...                   (each tool, output in $WORK/NAME)
#     publish TABLE...
# OPTSPEC lists options as S:long (a flag) or S:long= (takes a value); S is
# the short letter or - for none.  Each sets $opt_long (dashes become _).
# -o/--out DIR, -q/--quiet, -h/--help and -V/--version are always there.
# With OPTS_FIRST set, options end at the first operand.

SCRIPT=${0##*/}
PROG=${SCRIPT%.sh}
PIPEDIR=$(cd "$(dirname "$0")" && pwd)
ROOT=${PIPEDIR%/*}
# dash has no pipefail; the steps below never rely on a pipe's status.
# shellcheck disable=SC3040
if (set -o pipefail) 2>/dev/null; then set -o pipefail; fi

# The tools: $CSPKIT_BIN, else this tree's bin/, else $PATH.
if [ -n "${CSPKIT_BIN:-}" ]; then
	PATH=$CSPKIT_BIN:$PATH
elif [ -d "$ROOT/bin" ]; then
	PATH=$ROOT/bin:$PATH
fi
# Numbers and sorting the same whatever the user's locale.
LC_ALL=C
export PATH LC_ALL

say() {
	[ -n "${opt_quiet:-}" ] || printf '%s: %s\n' "$PROG" "$*" >&2
}
die() {
	printf '%s: %s\n' "$PROG" "$*" >&2
	exit 1
}
usage_error() {
	printf "%s: %s\nTry '%s --help' for more information.\n" "$PROG" "$*" "$SCRIPT" >&2
	exit 2
}

# shquote WORD: WORD quoted for eval.
shquote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# opt_find ARG: find ARG (-x or --long) in the option table; sets o_var
# and o_val (non-empty when the option takes a value).
opt_find() {
	for _s in $OPTSPEC o:out= q:quiet; do
		_short=${_s%%:*} _long=${_s#*:}
		case $_long in *=) o_val=1 _long=${_long%=} ;; *) o_val= ;; esac
		if [ "$1" = "--$_long" ] || { [ "$_short" != - ] && [ "$1" = "-$_short" ]; }; then
			o_var=opt_$(printf '%s' "$_long" | tr - _)
			return 0
		fi
	done
	return 1
}

# parse_opts "$@": set the opt_* variables; the operands are left in ARGS,
# quoted for eval "set -- $ARGS".
parse_opts() {
	ARGS=
	for _s in $OPTSPEC o:out= q:quiet; do
		_long=${_s#*:}
		eval "opt_$(printf '%s' "${_long%=}" | tr - _)="
	done
	while [ $# -gt 0 ]; do
		case $1 in
		--) shift; break ;;
		-h | --help) usage; exit 0 ;;
		-V | --version)
			normalise-crime --version | sed "s/^normalise-crime/$PROG/"
			exit 0 ;;
		--*=*)
			opt_find "${1%%=*}" && [ -n "$o_val" ] || usage_error "unknown option '${1%%=*}' (or it takes no value)"
			eval "$o_var=\$(printf '%s' \"\${1#*=}\")"
			shift ;;
		-?*)
			opt_find "$1" || usage_error "unknown option '$1'"
			if [ -n "$o_val" ]; then
				[ $# -ge 2 ] || usage_error "option '$1' needs a value"
				eval "$o_var=\$2"
				shift 2
			else
				eval "$o_var=1"
				shift
			fi ;;
		*)
			# OPTS_FIRST: options only before the first operand.
			[ -z "${OPTS_FIRST:-}" ] || break
			ARGS="$ARGS $(shquote "$1")"; shift ;;
		esac
	done
	for _a; do ARGS="$ARGS $(shquote "$_a")"; done
}

# stem FILE: the file name without directory and extension.
stem() {
	_b=${1##*/}
	printf '%s\n' "${_b%.*}"
}

# need_file FILE: die unless FILE is readable.
need_file() {
	[ -r "$1" ] && [ ! -d "$1" ] || die "$1: cannot read"
}

# one_input KIND WHAT "$@": parse the command line of a pipeline that reads
# one file, WHAT (for the message when there is not exactly one); the file
# is INPUT and the output directory OUTDIR, --out or out/KIND/<file name>.
one_input() {
	_kind=$1 _what=$2
	shift 2
	parse_opts "$@"
	eval "set -- $ARGS"
	[ $# -eq 1 ] || usage_error "one $_what expected"
	INPUT=$1
	OUTDIR=${opt_out:-out/$_kind/$(stem "$1")}
}

# begin_output: check INPUT can be read, make OUTDIR and the work directory
# inside it.
WORK=
begin_output() {
	need_file "$INPUT"
	OUT=$OUTDIR
	mkdir -p "$OUT" || die "$OUT: cannot make the directory"
	WORK=$(mktemp -d "$OUT/.work.XXXXXX") || die "$OUT: cannot write"
	LOG=$WORK/.log
	: >"$LOG"
}

# as_text: TEXT is INPUT, or for a PDF its text by pdftotext -layout.
as_text() {
	TEXT=$INPUT
	case $INPUT in
	*.pdf | *.PDF)
		command -v pdftotext >/dev/null 2>&1 ||
			die "pdftotext not found: apt-get install poppler-utils"
		step text.txt pdftotext -layout -enc UTF-8 -- "$INPUT" -
		TEXT=$WORK/text.txt ;;
	esac
}

trap '[ -z "$WORK" ] || rm -rf "$WORK"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME TOOL [ARG]...: run TOOL with its output to $WORK/NAME.  Its
# warnings are kept for warnings.txt; when it fails they are shown and the
# pipeline stops with the tool's status.
step() {
	_out=$WORK/$1
	shift
	command -v "$1" >/dev/null 2>&1 ||
		die "$1 not found: run make first (it builds bin/), or set CSPKIT_BIN"
	if "$@" >"$_out" 2>"$WORK/.stderr-raw"; then
		unwork <"$WORK/.stderr-raw" >"$WORK/.stderr"
		cat "$WORK/.stderr" >>"$LOG"
	else
		_rc=$?
		unwork <"$WORK/.stderr-raw" >&2
		printf '%s: %s failed (exit %d)\n' "$PROG" "$1" "$_rc" >&2
		exit "$_rc"
	fi
}

# unwork: messages without the work directory in the names of the files
# they cite (they are about the step's input, named in the pipeline).
unwork() {
	awk -v w="$WORK/" '{
		while ((i = index($0, w)) > 0)
			$0 = substr($0, 1, i - 1) substr($0, i + length(w))
		print
	}'
}

# rows FILE: data rows (lines after the header).
rows() {
	awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$1"
}

# publish NAME...: rename the finished tables from the work directory into
# the output directory, in the order given (make's target last), and the
# warnings beside them; then say what was written.
publish() {
	# Each warning once (several steps may read the same file), without the
	# tools' closing counts.
	awk '!/^[a-z-]+: [0-9]+ warnings?$/ && !seen[$0]++' "$LOG" >"$WORK/warnings.txt"
	_nwarn=$(awk 'END { print NR }' "$WORK/warnings.txt")
	mv -f "$WORK/warnings.txt" "$OUT/warnings.txt"
	_said=
	for _f; do
		mv -f "$WORK/$_f" "$OUT/$_f"
		case $_f in
		*.tsv) _said="$_said, $_f ($(rows "$OUT/$_f") rows)" ;;
		*) _said="$_said, $_f" ;;
		esac
	done
	case $_nwarn in 0) ;; 1) _said="$_said, 1 warning" ;; *) _said="$_said, $_nwarn warnings" ;; esac
	say "$OUT: ${_said#, }"
}

# by_offence NAME [total=1]: rewrite $WORK/NAME with one row per area,
# period and offence key (awk/by-offence.awk).
by_offence() {
	tsvawk by-offence "${2:-total=}" "$WORK/$1" >"$WORK/$1.tmp"
	mv -f "$WORK/$1.tmp" "$WORK/$1"
}

# union OUT NAME...: $WORK/OUT = the tables NAME... as one, each key once
# (awk/union.awk).
union() {
	_to=$WORK/$1
	shift
	(cd "$WORK" && tsvawk union "$@") >"$_to"
}

# all_offences OUT [OPTION]...: $WORK/OUT = the MPS file INPUT read by
# normalise-crime --format mps OPTION... at both levels, one row per offence
# key: the minor categories with total_crime, and the major ones (burglary,
# robbery ...), a key present at both levels kept once.
all_offences() {
	_o=$1
	shift
	step "$_o.minor" normalise-crime --format mps "$@" -- "$INPUT"
	step "$_o.major" normalise-crime --format mps --level major "$@" -- "$INPUT"
	by_offence "$_o.minor" total=1
	by_offence "$_o.major"
	union "$_o" "$_o.minor" "$_o.major"
}

# data_file NAME: the path of a reference table: NAME itself when it is a
# file, else NAME or NAME.tsv in $CSPKIT_DATA or this tree's lib/data.
data_file() {
	if [ -f "$1" ]; then
		printf '%s\n' "$1"
		return 0
	fi
	for _d in ${CSPKIT_DATA:+"$CSPKIT_DATA"} "$ROOT/lib/data"; do
		for _f in "$_d/$1" "$_d/$1.tsv"; do
			if [ -f "$_f" ]; then
				printf '%s\n' "$_f"
				return 0
			fi
		done
	done
	return 1
}

# pick_offences NAME FILE: keep the rows of $WORK/NAME whose offence is
# listed in FILE (a table with an offence column).
pick_offences() {
	awk "$AWK_TSV"'
	FNR == NR { if (!head) want[f("offence")] = 1; next }
	head || f("offence") in want' "$2" "$WORK/$1" >"$WORK/$1.tmp"
	mv -f "$WORK/$1.tmp" "$WORK/$1"
}

# sort_by NAME COLUMN...: sort $WORK/NAME by the named columns (text
# order, stable), the header kept first.
sort_by() {
	_in=$WORK/$1
	shift
	awk -v keys="$*" "$AWK_TSV"'
	head { n = split(keys, k, " "); for (i = 1; i <= n; i++) need(k[i]); next }
	{ s = ""; for (i = 1; i <= n; i++) s = s f(k[i]) "\t"; print s NR "\t" $0 }' "$_in" >"$_in.keyed"
	sort -t "$(printf '\t')" -k1,$# -k$(($# + 1)),$(($# + 1))n -o "$_in.keyed" "$_in.keyed"
	head -n 1 "$_in" >"$_in.tmp"
	cut -f $(($# + 2))- "$_in.keyed" >>"$_in.tmp"
	mv -f "$_in.tmp" "$_in"
	rm -f "$_in.keyed"
}

# latest_counts NAME OUT WINDOW: $WORK/OUT = the count rows of $WORK/NAME
# for the WINDOW-month window ("12m") that ends last (not the year before).
latest_counts() {
	awk -v window="$3 " "$AWK_TSV"'
	head { need("measure period period_end base_period"); print; next }
	f("measure") == "count" && f("base_period") == "" && index(f("period"), window) == 1 {
		row[++n] = $0; end[n] = f("period_end"); if (end[n] > last) last = end[n]
	}
	END { for (i = 1; i <= n; i++) if (end[i] == last) print row[i] }' "$WORK/$1" >"$WORK/$2"
}

# only_area NAME AREA: keep the rows of $WORK/NAME about AREA (its name in
# any case, or its code).
only_area() {
	awk -v want="$2" "$AWK_TSV"'
	head { need("area area_code"); print; next }
	tolower(f("area")) == tolower(want) || f("area_code") == want' "$WORK/$1" >"$WORK/$1.tmp"
	mv -f "$WORK/$1.tmp" "$WORK/$1"
}

# AWK_TSV goes in front of the pipelines' awk programs: tab-separated in and
# out; in each file, "#" lines before the header are skipped, head is 1 on
# the header line, col["name"] is a column's index there, f("name") the
# field, file the number of the file being read (1, 2 ...), and
# need("a b c") stops with a message unless all are present.
AWK_TSV='
BEGIN { FS = OFS = "\t" }
FNR == 1 { inbody = 0; file++ }
{ head = 0 }
!inbody && /^#/ { next }
!inbody { inbody = head = 1; split("", col); for (i = 1; i <= NF; i++) col[$i] = i }
function need(names,   n, a, i) {
	n = split(names, a, " ")
	for (i = 1; i <= n; i++)
		if (!(a[i] in col)) {
			printf "%s: %s: no column %s\n", prog, FILENAME, a[i] > "/dev/stderr"
			exit 2
		}
}
function f(name) { return $(col[name]) }
'
AWK_TSV="BEGIN { prog = \"$PROG\" }$AWK_TSV"

# tsvawk PROGRAM [ARG]...: run pipelines/awk/PROGRAM.awk behind AWK_TSV.
tsvawk() {
	_p=$1
	shift
	awk "$AWK_TSV$(cat "$PIPEDIR/awk/$_p.awk")" "$@"
}
