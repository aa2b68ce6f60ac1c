#!/bin/sh
# dashboard: a partnership's performance dashboard rebuilt from an MPS
# borough-level crime file, as a table and as an HTML page.
set -eu
OPTSPEC='a:area= G:group= -:offences= p:population= -:band='
usage() {
	cat <<'USAGE'
Usage: dashboard.sh [-o DIR] [--area NAME] [--group PEERS] MPS_BOROUGH.csv
Rebuild the summary dashboard of one borough's community safety partnership
from the published MPS borough file: for each headline offence, the recent
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

  -a, --area NAME        the borough (default Barnet)
  -G, --group PEERS      its peer group: a file of areas, or a data file name
                         (default group-<area>-msg when there is one; none)
      --offences FILE    the headline offences (default dashboard-offences,
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
  xdg-open out/dashboard/*/dashboard.html
USAGE
}
. "$(dirname "$0")/common.sh"
one_input dashboard "MPS borough file" "$@"
area=${opt_area:-Barnet}
data_file "${opt_offences:-dashboard-offences}" ||
	usage_error "--offences: $(shquote "${opt_offences:-dashboard-offences}") not found"
offences=$DATAFILE
group=${opt_group:-group-$(printf '%s' "$area" | tr 'A-Z ' 'a-z-')-msg}
case $group in
none) group= ;;
*) data_file "$group" || { [ -z "$opt_group" ] && group=; } ||
	usage_error "--group: $(shquote "$group") not found" ;;
esac
begin_output

# Windows for every borough (the ranks need them all).
all_offences windows.tsv --window 3,12 --window-only
pick_offences windows.tsv "$offences"

# London and peer-group ranks of the latest 12 months.
latest_counts windows.tsv latest12.tsv 12m
step ranked.tsv rank-boroughs ${opt_population:+--population "$opt_population"} \
	${group:+--group "$group"} "$WORK/latest12.tsv"

# The area's rows; its changes flagged, one flag per offence.
only_area windows.tsv "$area"
[ "$(rows "$WORK/windows.tsv")" -gt 0 ] || die "$INPUT: no rows for the area '$area'"
only_area ranked.tsv "$area"
awk "$AWK_TSV"'head || f("measure") == "pct_change"' "$WORK/windows.tsv" >"$WORK/changes.tsv"
sort_by changes.tsv area offence
step rag.tsv rag-flag --summary -g area,offence ${opt_band:+--band "$opt_band"} "$WORK/changes.tsv"

# The monthly counts for the trend lines.
all_offences months.tsv --area "$area"
pick_offences months.tsv "$offences"

tsvawk dashboard "$offences" "$WORK/windows.tsv" "$WORK/ranked.tsv" "$WORK/rag.tsv" >"$WORK/dashboard.tsv"
tsvawk trend "$offences" "$WORK/months.tsv" >"$WORK/trend.tsv"
tsvawk html "$WORK/dashboard.tsv" "$WORK/trend.tsv" >"$WORK/dashboard.html"
publish trend.tsv dashboard.html dashboard.tsv
