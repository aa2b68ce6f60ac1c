#!/bin/sh
# make accuracy: run the readers over the documents the fact files name and
# score their rows against the facts (tests/accuracy/README.md).
#
#   tests/accuracy/minutes/*.facts     extract-minutes DOCUMENT
#   tests/accuracy/figures/*.figures   normalise-crime --format text DOCUMENT
#
# A document path is relative to ../shared ($CSPKIT_SHARED), or to the repo
# when it starts with samples/.  Environment: CSPKIT_BIN (the tools),
# CSPKIT_DATA (lib/data), CSPKIT_SHARED, ACC_VERBOSE=1 (list each miss and
# false positive), ACC_ONLY=GLOB (documents whose name matches), ACC_FACTS
# (the directory holding minutes/ and figures/, default tests/accuracy),
# AWK.  Exit 0 whatever the scores (a measurement, not a test); 1 when a
# fact file is malformed.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1
bin=${CSPKIT_BIN:-$root/bin}
data=${CSPKIT_DATA:-$root/lib/data}
shared=${CSPKIT_SHARED:-$root/../shared}
facts=${ACC_FACTS:-tests/accuracy}
only=${ACC_ONLY:-*}
verbose=${ACC_VERBOSE:-}
[ "$verbose" = 0 ] && verbose=
AWK=${AWK:-awk}
# Bytes, not characters, under gawk and mawk alike: the folding in
# score-common.awk is written for UTF-8 bytes.
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# docpath FILE: the path on the first line that is not a comment or blank
# ("document<TAB>path"); empty when that line is not one, which the scorer
# then names.
docpath() {
	"$AWK" -F'\t' '/^#/ || /^[ \t\r]*$/ { next }
		{ sub(/\r$/, ""); if (NF == 2 && $1 == "document") print $2; exit }' "$1"
}

# score KIND EXT SCORER TOOL [OPTION]...: run TOOL over the document of
# every $facts/KIND/*.EXT and score the lot.
noshared=0
printed=
score() {
	kind=$1 ext=$2 scorer=$3
	shift 3
	tool=$*
	n=0
	for f in "$facts/$kind"/*."$ext"; do
		[ -f "$f" ] || continue
		name=${f##*/}
		name=${name%."$ext"}
		# shellcheck disable=SC2254
		case $name in $only) ;; *) continue ;; esac
		doc=$(docpath "$f")
		out=$tmp/$kind.$n.tsv
		n=$((n + 1))
		case $doc in
		'') : > "$out" ;;
		samples/*) path=$root/$doc ;;
		*)	if [ ! -d "$shared" ]; then
				noshared=$((noshared + 1))
				continue
			fi
			path=$shared/$doc ;;
		esac
		if [ -n "$doc" ]; then
			if [ ! -f "$path" ]; then
				echo "accuracy: $f: $doc: no such document: not scored" >&2
				continue
			fi
			# shellcheck disable=SC2086
			"$bin"/$tool "$path" > "$out" 2> "$tmp/err"
			rc=$?
			[ $rc -le 1 ] || echo "accuracy: $name: ${tool%% *} exited $rc" >&2
		fi
		echo "$f" >> "$tmp/$kind.args"
		echo "$out" >> "$tmp/$kind.args"
	done
	[ -s "$tmp/$kind.args" ] || return 0
	# The file names carry no tab or newline (fact files are ours), so
	# one per line is safe for xargs-free splitting.
	[ -n "$printed" ] && echo
	printed=1
	set --
	while IFS= read -r a; do set -- "$@" "$a"; done < "$tmp/$kind.args"
	"$AWK" -v words="$data/minutes-words.tsv" -v verbose="$verbose" \
	    -f "$here/score-common.awk" -f "$here/$scorer" "$@" || exit 1
}

[ -x "$bin/extract-minutes" ] || { echo "accuracy: $bin/extract-minutes not built (make all)" >&2; exit 1; }
score minutes facts score-minutes.awk extract-minutes
score figures figures score-figures.awk normalise-crime --format text
if [ -z "$printed" ] && [ $noshared -eq 0 ]; then
	echo "accuracy: no fact file under $facts${ACC_ONLY:+ matches $ACC_ONLY}"
fi
if [ $noshared -gt 0 ]; then
	echo "accuracy: $shared not present (set CSPKIT_SHARED): $noshared document(s) not scored"
fi
exit 0
