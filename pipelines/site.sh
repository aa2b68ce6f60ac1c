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
  make run && sh pipelines/site.sh && xdg-open out/index.html
USAGE
}
. "$(dirname "$0")/common.sh"
parse_opts "$@"
eval "set -- $ARGS"
[ $# -le 1 ] || usage_error "one output directory expected"
top=${1:-out}
[ -d "$top" ] || die "$(shquote "$top"): no such directory"
# begin_output wants an input to check; the pages read only what is in OUT.
INPUT=/dev/null
OUTDIR=$top/pages
begin_output

site_awk() {
	_p=$1
	shift
	awk "$AWK_TSV$(cat "$PIPEDIR/awk/words.awk" "$PIPEDIR/awk/page.awk" "$PIPEDIR/awk/$_p.awk")" "$@"
}

# The manifest: kind, number, name, and the table's path from OUT, one
# row each.  A name holding a tab or a newline cannot be a row: skipped,
# said in the warnings.
TAB=$(printf '\t')
NL='
'
printf 'kind\tn\tname\tpath\n' >"$WORK/manifest.tsv"
printf 'n\tpage\ttitle\n' >"$WORK/pages.tsv"
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
			"$PROG" "$(shquote "$d")" >>"$LOG"; continue ;;
		esac
		n=$((n + 1))
		printf '%s\t%d\t%s\t%s\n' "$kind" "$n" "$name" "${f#"$top"/}" >>"$WORK/manifest.tsv"
		case $kind in
		minutes)
			PAGEDIR=$WORK N=$n NAME=$name site_awk meetings "$f" ;;
		reports)
			PAGEDIR=$WORK N=$n NAME=$name site_awk report "$f" ;;
		esac
	done
done
# The pages, then the index, each in one rename.
set --
for f in "$WORK"/*.html; do
	[ -f "$f" ] && set -- "$@" "${f##*/}"
done
TOP=$top site_awk index "$WORK/manifest.tsv" "$WORK/pages.tsv" >"$WORK/index.tmp"
mv -f -- "$WORK/index.tmp" "$STATE/index.html"
publish "$@"
mv -f -- "$STATE/index.html" "$top/index.html"
say "$top/index.html: $n tables linked"
