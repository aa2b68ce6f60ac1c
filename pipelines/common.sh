# pipelines/common.sh - sourced by every pipeline script: messages, option
# parsing, where the tools are, and atomic output.
#
# Atomic output, all or nothing: the output directory DIR is a symbolic
# link to a generation directory in .NAME.cspkit/ beside it (NAME being
# DIR's last component).  Every step writes into a private work directory
# there; when all succeeded, the tables are moved into a new generation and
# DIR is flipped to it by one rename(2) of a new link over the old one.  A
# reader sees the old tables or the new ones, never a mix; a failed or
# interrupted run (any signal, at any step) leaves the previous tables as
# they were.  Runs into one DIR take turns (flock on .NAME.cspkit/lock), and
# each removes what dead runs left there (work directories, unpublished
# generations).  The work directory is removed on exit, INT and TERM.
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

# msg TEXT: "prog: TEXT" on stderr, one line: a newline or tab in a file
# name is written \n or \t, as the tools do.
msg() {
	printf '%s: %s\n' "$PROG" "$*" | awk 'NR > 1 { printf "\\n" }
	{ gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); printf "%s", $0 } END { print "" }' >&2
}
say() {
	[ -n "${opt_quiet:-}" ] || msg "$@"
}
die() {
	msg "$@"
	exit 1
}
usage_error() {
	msg "$@"
	printf "Try '%s --help' for more information.\n" "$SCRIPT" >&2
	exit 2
}

# shquote WORD: WORD quoted for eval, every byte kept (a trailing newline
# too, which $(...) would drop).
shquote() {
	_qr= _qs=$1
	while :; do
		case $_qs in
		*\'*) _qr="$_qr${_qs%%\'*}'\\''" _qs=${_qs#*\'} ;;
		*) break ;;
		esac
	done
	printf "'%s'" "$_qr$_qs"
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
			eval "$o_var=\${1#*=}"
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
	_b=${1##*/}
	OUTDIR=${opt_out:-out/$_kind/${_b%.*}}
}

# begin_output: check INPUT can be read; take the lock of OUTDIR, clear
# what dead runs left, and make the work directory beside it.
WORK= GEN= STATE=
begin_output() {
	need_file "$INPUT"
	# OUT without trailing slashes; its parent and last component.
	OUT=${OUTDIR%"${OUTDIR##*[!/]}"}
	case $OUT in
	'') die "$(shquote "$OUTDIR"): not a directory a pipeline can replace" ;;
	*/*) _parent=${OUT%/*} _base=${OUT##*/} ;;
	*) _parent=. _base=$OUT ;;
	esac
	[ -n "$_parent" ] || _parent=/
	case $_base in
	. | ..) die "$OUT: not a directory a pipeline can replace (name a new one)" ;;
	esac
	# Absolute, so that no path below is read as an option or an awk
	# assignment (-o -dash, -o res=5).
	case $_parent in /*) ;; *) _parent=$PWD/$_parent ;; esac
	mkdir -p -- "$_parent" || die "$OUT: cannot make the directory"
	if [ -e "$OUT" ] && [ ! -d "$OUT" ]; then
		die "$OUT: exists and is not a directory"
	fi
	STATE=$_parent/.$_base.cspkit
	mkdir -p -- "$STATE" || die "$OUT: cannot write beside it"
	# One run at a time per directory; the lock goes with the process, so
	# a killed run leaves none.  (Without flock, runs are not ordered and
	# what dead runs left waits for a run that has it.)
	if command -v flock >/dev/null 2>&1; then
		exec 9>>"$STATE/lock" || die "$OUT: cannot write beside it"
		flock 9 || die "$OUT: cannot lock $STATE/lock"
		_cur=$(readlink -- "$OUT" 2>/dev/null || :)
		for _g in "$STATE"/work.* "$STATE"/gen-* "$STATE"/old.* "$STATE"/link; do
			[ -e "$_g" ] || [ -L "$_g" ] || continue
			[ "${_g##*/}" = "${_cur##*/}" ] || rm -rf -- "$_g"
		done
	fi
	WORK=$(mktemp -d -- "$STATE/work.XXXXXX") || die "$OUT: cannot write"
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

# On exit: the work directory; in publish, the generation OUT does not
# name (the new one before the rename, the old one after: a signal may come
# between any two steps).
cleanup() {
	[ -z "$WORK" ] || rm -rf -- "$WORK"
	[ -n "$GEN" ] || return 0
	rm -f -- "$STATE/link"
	_c=$(readlink -- "$OUT" 2>/dev/null || :)
	for _g in "$STATE/gen-a" "$STATE/gen-b"; do
		[ ".$_base.cspkit/${_g##*/}" = "$_c" ] || rm -rf -- "$_g"
	done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME TOOL [ARG]...: run TOOL with its output to $WORK/NAME.  Its
# messages are kept in memory (on a full disk a file would lose them), then
# in $WORK/.stderr and the warnings; when it fails they are shown and the
# pipeline stops with the tool's status.
step() {
	_out=$WORK/$1
	shift
	command -v "$1" >/dev/null 2>&1 ||
		die "$1 not found: run make first (it builds bin/), or set CSPKIT_BIN"
	if _err=$("$@" 2>&1 >"$_out" 9>&-; _rc=$?; echo x; exit $_rc); then
		printf '%s' "${_err%x}" | unwork >"$WORK/.stderr" || :
		cat "$WORK/.stderr" >>"$LOG" || :
	else
		_rc=$?
		printf '%s' "${_err%x}" | unwork >&2
		printf '%s: %s failed (exit %d)\n' "$PROG" "$1" "$_rc" >&2
		exit "$_rc"
	fi
}

# unwork: messages without the work directory in the names of the files
# they cite (they are about the step's input, named in the pipeline).
unwork() {
	W="$WORK/" awk 'BEGIN { w = ENVIRON["W"] }
	{
		while ((i = index($0, w)) > 0)
			$0 = substr($0, 1, i - 1) substr($0, i + length(w))
		print
	}'
}

# rows FILE: data rows (lines after the header).
rows() {
	awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$1"
}

# publish NAME...: the finished tables NAME... and the warnings beside
# them become OUT in one step: moved into a new generation directory, then
# OUT, a symbolic link, is replaced by a link to it with one rename(2).
# Then say what was written.
publish() {
	# Each warning once (several steps may read the same file), without the
	# tools' closing counts.
	awk '!/^[a-z-]+: [0-9]+ warnings?$/ && !seen[$0]++' "$LOG" >"$WORK/warnings.txt"
	_nwarn=$(awk 'END { print NR }' "$WORK/warnings.txt")
	_said=
	for _f; do
		case $_f in
		*.tsv) _said="$_said, $_f ($(rows "$WORK/$_f") rows)" ;;
		*) _said="$_said, $_f" ;;
		esac
	done
	case $_nwarn in 0) ;; 1) _said="$_said, 1 warning" ;; *) _said="$_said, $_nwarn warnings" ;; esac
	# A directory OUT from before (not a link) is replaced only when it
	# holds nothing but what this run writes: never a user's other files.
	_old=
	if [ -L "$OUT" ]; then
		case $(readlink -- "$OUT") in
		".$_base.cspkit/gen-"[ab]) ;;
		*) die "$OUT: a symbolic link $PROG did not make: remove it or choose another -o" ;;
		esac
	elif [ -d "$OUT" ]; then
		for _x in "$OUT"/* "$OUT"/.[!.]* "$OUT"/..?*; do
			[ -e "$_x" ] || continue
			case " warnings.txt $* " in
			*" ${_x##*/} "*) continue ;;
			esac
			case ${_x##*/} in .work.*) continue ;; esac
			die "$OUT: holds $(shquote "${_x##*/}"), not a table of $PROG: move it or choose another -o"
		done
		_old=$(mktemp -d -- "$STATE/old.XXXXXX")
	fi
	# The new generation is the one OUT does not name: gen-a or gen-b.
	_cur=$(readlink -- "$OUT" 2>/dev/null || :)
	case ${_cur##*/} in gen-a) _next=gen-b ;; *) _next=gen-a ;; esac
	rm -rf -- "$STATE/$_next" "$STATE/link"
	GEN=$STATE/$_next
	mkdir -- "$GEN"
	for _f in warnings.txt "$@"; do
		mv -f -- "$WORK/$_f" "$GEN/$_f"
	done
	ln -s -- ".$_base.cspkit/$_next" "$STATE/link"
	# (a directory from before: moved aside first, the one moment OUT is
	# missing; a later run clears it)
	[ -z "$_old" ] || mv -T -- "$OUT" "$_old"
	mv -T -f -- "$STATE/link" "$OUT"
	[ -z "$_cur" ] || rm -rf -- "$STATE/${_cur##*/}"
	GEN=
	[ -z "$_old" ] || rm -rf -- "$_old"
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

# data_file NAME: DATAFILE = the path of a reference table: NAME itself
# when it is a file, else NAME or NAME.tsv in $CSPKIT_DATA or this tree's
# lib/data; false when there is none.
data_file() {
	# lib/data in the tree; installed (make install), the tables are in
	# PREFIX/share/cspkit, the pipelines' parent
	_rd=$ROOT/lib/data
	[ -d "$_rd" ] || _rd=$ROOT
	for DATAFILE in "$1" ${CSPKIT_DATA:+"$CSPKIT_DATA/$1" "$CSPKIT_DATA/$1.tsv"} \
		"$_rd/$1" "$_rd/$1.tsv"; do
		[ -f "$DATAFILE" ] || continue
		# ./ in front: awk reads no operand res=5 as an assignment
		case $DATAFILE in /*) ;; *) DATAFILE=./$DATAFILE ;; esac
		return 0
	done
	DATAFILE=
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
	WANT=$2 awk "$AWK_TSV"'
	head { want = ENVIRON["WANT"]; need("area area_code"); print; next }
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

# tsvawk PROGRAM[+PROGRAM...] [ARG]...: run pipelines/awk/PROGRAM.awk
# behind AWK_TSV; with +, the programs in that order (words+html: the
# page's words, then the page).
tsvawk() {
	_rest=$1 _src=
	shift
	while :; do
		_p=${_rest%%+*}
		_src="$_src$(cat "$PIPEDIR/awk/$_p.awk")
"
		[ "$_rest" != "$_p" ] || break
		_rest=${_rest#*+}
	done
	awk "$AWK_TSV$_src" "$@"
}
