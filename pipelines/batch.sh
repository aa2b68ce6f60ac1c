#!/bin/sh
# batch: one pipeline over many files, several at a time.
set -eu
OPTSPEC='j:jobs= S:sshlogin= -:runner='
OPTS_FIRST=1
usage() {
	cat <<'USAGE'
Usage: batch.sh [-j N] [-o ROOT] [-S LOGINS] PIPELINE [OPTION...] [--] FILE...
Run pipelines/PIPELINE.sh [OPTION...] on each FILE, N at a time, with GNU
parallel when it is installed, else xargs -P.  Each file's tables go to
ROOT/<file name without extension>/ (default: the pipeline's own
out/<kind>/<file name>/).  The pipeline's options come after its name and
end at --; without --, everything after PIPELINE is a file.
Exit status 1 when any run failed (the others still ran).

  -j, --jobs N           runs at a time (default: the number of CPUs)
  -o, --out ROOT         directory of the output directories
  -S, --sshlogin LOGINS  GNU parallel --sshlogin: spread the runs over
                         machines that see this directory at the same path
      --runner R         parallel or xargs (default: parallel when installed)
  -q, --quiet            pass -q to every run
  -h, --help             this help

Examples:
  pipelines/batch.sh minutes packs/*.pdf
  pipelines/batch.sh -j 8 dashboard --area Camden -- data/mps_borough_*.csv
  pipelines/batch.sh -S 8/alice@node1,8/alice@node2 ward-profile -- wards/*.csv
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
one='f=$1; b=${f##*/}; exec sh '"$(shquote "$pipe")$popts"
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

if [ "$runner" = parallel ]; then
	printf '%s\0' "$@" | parallel -0 -j "$jobs" ${opt_sshlogin:+--sshlogin "$opt_sshlogin" --workdir .} \
		--env r -q sh -c "$one" sh {} || die "some runs failed"
else
	printf '%s\0' "$@" | xargs -0 -P "$jobs" -I {} sh -c "$one" sh {} || die "some runs failed"
fi
