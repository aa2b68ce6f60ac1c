#!/bin/sh
# site: out/index.html, a page linking every table and page the pipelines
# wrote under out/, and the pages the tables lack: one per meeting of
# each minutes table, one per report's indicators.
set -eu
OPTSPEC=
usage() {
	cat <<'USAGE'
Usage: site.sh [-q] [OUT]
Link what the pipelines wrote under OUT (default out): writes
  OUT/index.html   every dashboard, league table, ward profile, minutes
                   and report table, with its warnings, dashboards on the
                   most boroughs first
  OUT/pages/       meeting-N.html: one page per meeting of a minutes
                   table (attendance, items, decisions and resolutions,
                   actions with their owners), report-N.html: a report's
                   indicators, each figure linked to its line in the
                   report's text (shown below the table)
The pages are published in one rename, then index.html in another.

  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  make run && sh pipelines/site.sh && ls out/index.html   # open it in a browser
USAGE
}
. "$(dirname "$0")/common.sh"
parse_opts "$@"
eval "set -- $ARGS"
[ $# -le 1 ] || usage_error "one output directory expected"
top=${1:-out}
[ -d "$top" ] || die "$(shquote "$top"): no such directory"
OUTDIR=$top/pages
# The pages are made in a private directory first; only when they differ
# from what is there is OUTDIR taken (begin_output, publish), so a rerun
# with nothing changed touches nothing.
BUILD=$(mktemp -d) || die "cannot make a temporary directory"
trap 'rm -rf -- "$BUILD"; cleanup' EXIT
SITELOG=$BUILD/.log
: >"$SITELOG"

# The manifest: kind, number, name, and the table's path from OUT, one
# row each.  A name holding a tab or a newline cannot be a row: skipped,
# said in the warnings.
TAB=$(printf '\t')
NL='
'
printf 'kind\tn\tname\tpath\n' >"$BUILD/manifest.tsv"
printf 'n\tpage\ttitle\n' >"$BUILD/pages.tsv"
n=0
for kind in dashboard league wards minutes reports; do
	case $kind in
	dashboard) t=dashboard.tsv ;; league) t=league.tsv ;; wards) t=wards.tsv ;;
	minutes) t=minutes.tsv ;; reports) t=indicators.tsv ;;
	esac
	for f in "$top/$kind"/*/"$t"; do
		[ -f "$f" ] || continue
		d=${f%/*}
		name=${d##*/}
		case $name in
		*"$TAB"* | *"$NL"*) printf '%s: %s: a tab or newline in the name, not listed\n' \
			"$PROG" "$(shquote "$d")" >>"$SITELOG"; continue ;;
		esac
		n=$((n + 1))
		printf '%s\t%d\t%s\t%s\n' "$kind" "$n" "$name" "${f#"$top"/}" >>"$BUILD/manifest.tsv"
		case $kind in
		minutes)
			PAGEDIR=$BUILD N=$n NAME=$name tsvawk words+page+meetings "$f" ;;
		reports)
			PAGEDIR=$BUILD N=$n NAME=$name tsvawk words+page+report "$f" ;;
		esac
	done
done
# The pages, then the index, each in one rename.
set --
for f in "$BUILD"/*.html; do
	[ -f "$f" ] && set -- "$@" "${f##*/}"
done
TOP=$top tsvawk words+page+index "$BUILD/manifest.tsv" "$BUILD/pages.tsv" >"$BUILD/index.tmp"
# Nothing changed (the same pages, the same index): nothing rewritten, so
# a rerun of make run is a no-op.
same=1
cmp -s -- "$BUILD/index.tmp" "$top/index.html" || same=
for f in "$@"; do
	cmp -s -- "$BUILD/$f" "$OUTDIR/$f" || same=
done
for f in "$OUTDIR"/*.html; do
	[ ! -f "$f" ] || [ -f "$BUILD/${f##*/}" ] || same=
done
if [ -n "$same" ]; then
	say "$top/index.html: up to date"
	exit 0
fi
# begin_output wants an input to check; the pages read only what is in OUT.
INPUT=/dev/null
begin_output
cat "$SITELOG" >>"$LOG"
for f in "$@"; do
	mv -f -- "$BUILD/$f" "$WORK/$f"
done
mv -f -- "$BUILD/index.tmp" "$STATE/index.html"
publish "$@"
mv -f -- "$STATE/index.html" "$top/index.html"
say "$top/index.html: $n tables linked"
