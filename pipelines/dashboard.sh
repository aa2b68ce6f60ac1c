#!/bin/sh
# dashboard: a partnership's performance dashboard rebuilt from an MPS
# borough-level crime file, as a table and as an HTML page.
set -eu
OPTSPEC='a:area= G:group= -:offences= p:population= -:band='
usage() {
	cat <<'USAGE'
Usage: dashboard.sh [-o DIR] [--area NAME] [--group PEERS] MPS_BOROUGH.csv
       dashboard.sh [-o DIR] --area NAME [--group PEERS] POLICE_UK.csv...
Rebuild the summary dashboard of one borough's community safety partnership
from the published MPS borough file, or of any partnership in England and
Wales from its force's data.police.uk street files (a run of months; the
rank is then among the force's partnerships): for each headline offence, the recent
quarter (the latest 3 months) and the rolling 12 months with the change on
the same months a year earlier, the rate per 1000 residents, the rank among
the 32 London boroughs and in the borough's most similar group (rank 1 =
lowest rate), and a red / amber / green flag with its reason (rag-flag:
green when neither change is worse, red when both are, amber otherwise).
Writes DIR (default out/dashboard/<file name>):
  dashboard.tsv   source area area_code offence indicator quarter
                  quarter_count quarter_base_count quarter_pct_change
                  rolling12 rolling12_count rolling12_base_count
                  rolling12_pct_change population rate_per_1000
                  london_rank london_of group_rank group_of rag rag_reason
  trend.tsv       area offence indicator period count: the monthly counts
  dashboard.html  the same as a page to open in a browser: RAG colours,
                  the reasons, and a sparkline of the monthly counts
  warnings.txt    the tools' warnings

  -a, --area NAME        the borough (default Barnet), or the partnership
  -G, --group PEERS      its peer group: a file of areas, or a data file name
                         (default group-<area>-msg when there is one; none)
      --offences FILE    the headline offences (default dashboard-offences,
                         or dashboard-offences-police-uk for police.uk files:
                         columns offence and indicator)
  -p, --population EST   population estimate for the rates (rank-boroughs)
      --band P           a change within +-P percent counts as the same
  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/dashboard.sh samples/mps/borough-24m.csv
  pipelines/dashboard.sh --area Camden --group none --band 2 \
      ../shared/data/mps_borough_crime_24m_2024-01_to_2025-12.csv
  pipelines/dashboard.sh --area Newport ../shared/data/police-uk/*-gwent-street.csv
  xdg-open out/dashboard/*/dashboard.html
USAGE
}
. "$(dirname "$0")/common.sh"
# police.uk street files (their header starts "Crime ID,") come as a run of
# months: every operand is read; an MPS file is one.
parse_opts "$@"
POLICE=
if (eval "set -- $ARGS"; [ $# -ge 1 ] && [ -r "$1" ] && head -c 9 -- "$1" | grep -q '^Crime ID,'); then
	POLICE=$ARGS
	eval "set -- $ARGS"
	INPUT=$1
	OUTDIR=${opt_out:-out/dashboard/$(stem "$1")}
	[ -n "$opt_area" ] || usage_error "--area: name the partnership (police.uk files cover a force)"
	for _f; do need_file "$_f"; done
else
	one_input dashboard "MPS borough file" "$@"
fi
area=${opt_area:-Barnet}
deflist=dashboard-offences${POLICE:+-police-uk}
data_file "${opt_offences:-$deflist}" ||
	usage_error "--offences: $(shquote "${opt_offences:-$deflist}") not found"
offences=$DATAFILE
group=${opt_group:-group-$(printf '%s' "$area" | tr 'A-Z ' 'a-z-')-msg}
case $group in
none) group= ;;
*) data_file "$group" || { [ -z "$opt_group" ] && group=; } ||
	usage_error "--group: $(shquote "$group") not found" ;;
esac
begin_output

# police_offences OUT [OPTION]...: $WORK/OUT = the police.uk files read by
# normalise-crime --by csp OPTION...: one row per partnership and crime type
# key, with total_crime (anti-social behaviour apart).
police_offences() {
	_o=$1
	shift
	eval "step \"\$_o\" normalise-crime --format police-uk --by csp \"\$@\" -- $POLICE"
}
# The monthly counts for the trend lines, first: normalise-crime --area
# is what names the nearest areas when the area is misspelt or absent.
if [ -n "$POLICE" ]; then
	police_offences months.tsv --area "$area"
	only_area months.tsv "$area"
else
	all_offences months.tsv --area "$area"
fi
pick_offences months.tsv "$offences"

[ "$(rows "$WORK/months.tsv")" -gt 0 ] || die "$INPUT: no rows for the area '$area'"

# Windows for every borough or partnership (the ranks need them all).
if [ -n "$POLICE" ]; then
	police_offences windows.tsv --window 3,12 --window-only
else
	all_offences windows.tsv --window 3,12 --window-only
fi
pick_offences windows.tsv "$offences"

# London (or force) and peer-group ranks of the latest 12 months.
latest_counts windows.tsv latest12.tsv 12m
if [ -n "$POLICE" ]; then
	# A force's files hold a few crimes in other forces' areas: only the
	# partnerships of the area's force are ranked (its records with no
	# location are the force's own row, not ranked).
	fcode=$(WANT=$area awk "$AWK_TSV"'head { want = ENVIRON["WANT"]; need("area area_code parent_area_code"); next }
		tolower(f("area")) == tolower(want) || f("area_code") == want { print f("parent_area_code"); exit }' "$WORK/windows.tsv")
	[ -n "$fcode" ] || die "$INPUT: no rows for the area '$area'"
	FC=$fcode awk "$AWK_TSV"'BEGIN { fc = ENVIRON["FC"] } head || f("parent_area_code") == fc' "$WORK/latest12.tsv" >"$WORK/latest12.tmp"
	mv -f "$WORK/latest12.tmp" "$WORK/latest12.tsv"
fi
step ranked.tsv rank-boroughs ${opt_population:+--population "$opt_population"} \
	${group:+--group "$group"} "$WORK/latest12.tsv"

# The area's rows; its changes flagged, one flag per offence.
only_area windows.tsv "$area"
[ "$(rows "$WORK/windows.tsv")" -gt 0 ] || die "$INPUT: no rows for the area '$area'"
only_area ranked.tsv "$area"
awk "$AWK_TSV"'head || f("measure") == "pct_change"' "$WORK/windows.tsv" >"$WORK/changes.tsv"
sort_by changes.tsv area offence
step rag.tsv rag-flag --summary -g area,offence ${opt_band:+--band "$opt_band"} "$WORK/changes.tsv"

# The rank column says what the rank is among: London's boroughs, or the
# partnerships of the area's force (named on the page).  Through the
# environment, so no value is ever an awk operand.
CS_RANKCOL= CS_RANKWHAT= CS_SRCWHAT=
if [ -n "$POLICE" ]; then
	CS_RANKCOL=force
	CS_RANKWHAT="$(awk "$AWK_TSV"'head { need("parent_area"); next } { print f("parent_area"); exit }' "$WORK/windows.tsv")'s partnerships"
	CS_SRCWHAT='data.police.uk street-level crime, by partnership'
fi
export CS_RANKCOL CS_RANKWHAT CS_SRCWHAT
tsvawk dashboard "$offences" "$WORK/windows.tsv" "$WORK/ranked.tsv" "$WORK/rag.tsv" >"$WORK/dashboard.tsv"
tsvawk trend "$offences" "$WORK/months.tsv" >"$WORK/trend.tsv"
tsvawk html "$WORK/dashboard.tsv" "$WORK/trend.tsv" >"$WORK/dashboard.html"
publish trend.tsv dashboard.html dashboard.tsv
