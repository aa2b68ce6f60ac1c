#!/bin/sh
# batch: one pipeline over many files, several at a time.
set -eu
OPTSPEC='j:jobs= S:sshlogin= -:shared-fs -:remote-prefix= -:runner='
OPTS_FIRST=1
usage() {
	cat <<'USAGE'
Usage: batch.sh [-j N] [-o ROOT] [-S LOGINS] PIPELINE [OPTION...] [--] FILE...
Run pipelines/PIPELINE.sh [OPTION...] on each FILE, N at a time, with GNU
parallel when it is installed, else xargs -P.  Each file's tables go to
ROOT/<file name without extension>/ (default: the pipeline's own
out/<kind>/<file name>/).  The pipeline's options come after its name and
end at --; without --, everything after PIPELINE is a file.
Exit status 1 when any run failed (the others still ran).  On a
terminal it says how many runs are done, of how many, the time so far and
the time left; elsewhere nothing.  (On one machine, minutes.sh and
report-indicators.sh given all the packs at once are much faster: one
run of each tool over all of them.)

  -j, --jobs N           runs at a time (default: the number of CPUs)
  -o, --out ROOT         directory of the output directories
  -S, --sshlogin LOGINS  GNU parallel --sshlogin: spread the runs over
                         machines; each file is copied there, its tables
                         copied back and published here, and what was
                         copied removed (--transferfile, --return,
                         --cleanup); cspkit must be installed there
                         (make install PREFIX=P), and rsync
      --remote-prefix P  where cspkit is installed on those machines
                         (default /usr/local)
      --shared-fs        the machines see this directory at the same
                         path: run there in place, nothing copied
      --runner R         parallel or xargs (default: parallel when installed)
  -q, --quiet            pass -q to every run
  -h, --help             this help

Examples:
  pipelines/batch.sh minutes samples/minutes/agenda-pack.txt samples/minutes/parish-council.txt
  pipelines/batch.sh -j 2 dashboard --area Barnet -- samples/mps/borough_*_vintage.csv
On other machines (GNU parallel over ssh; cspkit installed there):
  pipelines/batch.sh -S 8/alice@node1,8/alice@node2 ward-profile -- wards/*.csv
  pipelines/batch.sh -S 4/node1 --remote-prefix /opt/cspkit minutes packs/*.pdf
USAGE
}
. "$(dirname "$0")/common.sh"
parse_opts "$@"
eval "set -- $ARGS"
[ $# -ge 1 ] || usage_error "no pipeline named"
pipe=$PIPEDIR/${1%.sh}.sh
case ${1%.sh} in batch | common | datasets | run-samples) pipe= ;; esac
[ -n "$pipe" ] && [ -f "$pipe" ] ||
	usage_error "'$1' is not a pipeline (minutes, report-indicators, borough-league, ward-profile, dashboard)"
shift
# The pipeline's options: up to --, when there is one.
# (an argument that is exactly --, not a file named 'a -- b.txt')
popts= dashes=
for a; do [ "$a" != -- ] || dashes=1; done
if [ -n "$dashes" ]; then
	while [ "$1" != -- ]; do
		popts="$popts $(shquote "$1")"
		shift
	done
	shift
fi
[ $# -ge 1 ] || usage_error "no files"
[ -z "$opt_quiet" ] || popts="$popts -q"
jobs=${opt_jobs:-$(nproc 2>/dev/null || echo 2)}
case $jobs in '' | *[!0-9]* | 0) usage_error "--jobs: '$jobs' is not a positive number" ;; esac

# One run: sh -c ONE sh FILE, with $pipe, $root and $popts in the script.
one='f=$1; b=${f##*/}; sh '"$(shquote "$pipe")$popts"
[ -z "$opt_out" ] || one="$one"' -o "$r/${b%.*}"'
one="$one"' -- "$f"'
r=${opt_out:-}
export r

runner=${opt_runner:-}
if [ -z "$runner" ]; then
	runner='xargs'
	if command -v parallel >/dev/null 2>&1 && parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
		runner=parallel
	fi
fi
case $runner in parallel | xargs) ;; *) usage_error "--runner: '$runner' is not parallel or xargs" ;; esac
[ -z "$opt_sshlogin" ] || [ "$runner" = parallel ] || die "--sshlogin needs GNU parallel (apt-get install parallel)"

# On a terminal: "n of m packs, elapsed, left" (awk/progress.awk), each
# run saying it ended with a line on stdout; elsewhere nothing.
st=$(mktemp "${TMPDIR:-/tmp}/cspkit-batch.XXXXXX") || die "cannot make a temporary file"
trap 'rm -f -- "$st"' EXIT
nfiles=$#
progress() {
	if [ -t 2 ] && [ -z "$opt_quiet" ]; then
		awk -v total="$nfiles" -v what=packs -f "$PIPEDIR/awk/progress.awk"
	else
		cat >/dev/null
	fi
}
end='; rc=$?; echo; exit $rc'

if [ -n "$opt_sshlogin" ] && [ -z "$opt_shared_fs" ]; then
	# Machines without this directory.  Each file goes to a directory of
	# its own there (the job's --workdir), the
	# installed pipeline writes o/NAME, its tables are copied as a plain
	# directory ret/J (J: the file's number in the list; GNU parallel
	# mangles a --return name with a space) and sent back here, where many.pl
	# publishes each as ROOT/NAME in one rename; --cleanup removes what
	# was copied there.
	name=${pipe##*/}
	name=${name%.sh}
	case $name in
	minutes) kind=minutes ;; report-indicators) kind=reports ;;
	borough-league) kind=league ;; ward-profile) kind=wards ;; *) kind=$name ;;
	esac
	root=${opt_out:-out/$kind}
	prefix=${opt_remote_prefix:-/usr/local}
	stage=$(mktemp -d "${TMPDIR:-/tmp}/cspkit-remote.XXXXXX") || die "cannot make a work directory"
	trap 'rm -rf -- "$stage" "$st"' EXIT
	# shellcheck disable=SC2016
	remote='b=${1#*/./} j=$2 p=$3; shift 3; n=${b##*/}; n=${n%.*}
CSPKIT_BIN=$p/bin CSPKIT_DATA=$p/share/cspkit sh "$p/share/cspkit/pipelines/'"$name"'.sh" "$@" -q -o "o/$n" -- "$b" &&
mkdir -p ret && cp -R -L -- "o/$n" "ret/$j"; rc=$?; rm -rf o; echo; exit $rc'
	# A name relative to here reaches the remote pipeline as it is (DIR/./
	# NAME puts NAME under the job's work directory), so its source
	# column is the local run's; an absolute name, without its leading /;
	# one with a .. in it, as its last component.
	files=$stage/files
	for f; do
		case $f in
		/*) printf '/.%s\0' "$f" ;;
		.. | ../* | */../* | */..) printf '%s/./%s\0' "$(cd "${f%/*}" && pwd)" "${f##*/}" ;;
		*) printf '%s/./%s\0' "$PWD" "$f" ;;
		esac
	done >"$files"
	# the pipeline's options, as words for the remote sh
	eval "set -- $popts"
	rc=0
	{ (cd "$stage" && parallel -0 -j "$jobs" --sshlogin "$opt_sshlogin" --workdir ... \
		--transferfile {} --return 'ret/{#}' --cleanup \
		-q sh -c "$remote" sh {} {#} "$prefix" "$@" <"$files") || echo 1 >"$st"; } |
		progress
	[ ! -s "$st" ] || rc=1
	PROG=$PROG perl "$PIPEDIR/many.pl" adopt "$stage" "$root" "$opt_quiet" || rc=1
	[ "$rc" -eq 0 ] || die "some runs failed"
	exit 0
fi

one=$one$end
if [ "$runner" = parallel ]; then
	{ printf '%s\0' "$@" | parallel -0 -j "$jobs" ${opt_sshlogin:+--sshlogin "$opt_sshlogin" --workdir .} \
		--env r -q sh -c "$one" sh {} || echo 1 >"$st"; } | progress
else
	{ printf '%s\0' "$@" | xargs -0 -P "$jobs" -I {} sh -c "$one" sh {} || echo 1 >"$st"; } | progress
fi
[ ! -s "$st" ] || die "some runs failed"
