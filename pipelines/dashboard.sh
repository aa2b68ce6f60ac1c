#!/bin/sh
# dashboard: a partnership's performance dashboard rebuilt from an MPS
# borough-level crime file, as a table and as an HTML page.
set -eu
OPTSPEC='a:area= G:peers= -:group= -:offences= p:population= -:band='
usage() {
	cat <<'USAGE'
Usage: dashboard.sh [-o DIR] [--area NAME] [--peers PEERS] MPS_BOROUGH.csv
       dashboard.sh [-o DIR] --area NAME [--peers PEERS] POLICE_UK.csv...
Rebuild the summary dashboard of one borough's community safety partnership
from the published MPS borough file, or of any partnership in England and
Wales from its force's data.police.uk street files (a run of months, of one
force or several; the rank is then among the force's partnerships, and
among all the partnerships of the forces whose files give every one of the
12 months): for each headline offence, the recent
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
                  london_rank london_of (force_rank force_of
                  files_rank files_of from police.uk files) group_rank
                  group_of rag rag_reason
  trend.tsv       area offence indicator period count rate_per_1000
                  all_rate_per_1000: the monthly counts, the area's rate
                  and London's or the force's (all the ranked areas together)
  compare.tsv     offence area area_code count population rate_per_1000
                  rank rank_of group_rank group_of: every ranked
                  borough's 12 months, the comparison charts' data
  dashboard.html  the same as one self-contained page (no script, nothing
                  fetched) for a screen, a phone or A4 landscape: periods
                  in words, source, population estimate, date built
                  (SOURCE_DATE_EPOCH when set), peer group; per offence
                  the flag as a word and a colour, the reason as a
                  sentence, the area against every ranked area; the
                  monthly trends against them on one shared scale
  warnings.txt    the tools' warnings

  -a, --area NAME        the borough (default Barnet), or the partnership
  -G, --peers PEERS      its peer group: a file of areas, or a data file name
                         (default group-<area>-msg when there is one; none);
                         --group PEERS, the old spelling, still works
      --offences FILE    the headline offences (default dashboard-offences,
                         or dashboard-offences-police-uk for police.uk files:
                         columns offence and indicator)
  -p, --population EST   population estimate for the rates (rank-boroughs)
      --band P           a change within +-P percent counts as the same
  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/dashboard.sh samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv
  pipelines/dashboard.sh --area Camden --peers none --band 2 -o out/camden \
      samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv
  pipelines/dashboard.sh --area Newport ../shared/data/police-uk/*-gwent-street.csv
  ls out/dashboard/*/dashboard.html          # open one in a browser
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
	_b=${1##*/}
	OUTDIR=${opt_out:-out/dashboard/${_b%.*}}
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
if [ -n "$opt_group" ]; then
	msg "--group is deprecated: use --peers (as rank-boroughs)"
	opt_peers=${opt_peers:-$opt_group}
fi
group=${opt_peers:-group-$(printf '%s' "$area" | tr 'A-Z ' 'a-z-')-msg}
case $group in
none) group= ;;
*) data_file "$group" || { [ -z "$opt_peers" ] && group=; } ||
	usage_error "--peers: $(shquote "$group") not found" ;;
esac
groupfile=${group:+$DATAFILE}
begin_output

# police_offences OUT [OPTION]...: $WORK/OUT = the police.uk files read by
# normalise-crime --by csp OPTION...: one row per partnership and crime type
# key, with total_crime (anti-social behaviour apart).
police_offences() {
	_o=$1
	shift
	eval "step \"\$_o\" normalise-crime --format police-uk --by csp \"\$@\" -- $POLICE"
}
# The area's months, first: normalise-crime --area is what names the
# nearest areas when the area is misspelt or absent, before anything is
# published.
if [ -n "$POLICE" ]; then
	police_offences area.tsv --area "$area"
	only_area area.tsv "$area"
else
	all_offences area.tsv --area "$area"
fi
pick_offences area.tsv "$offences"
[ "$(rows "$WORK/area.tsv")" -gt 0 ] || die "$INPUT: no rows for the area '$area'"

# Windows for every borough or partnership (the ranks need them all).
if [ -n "$POLICE" ]; then
	police_offences windows.tsv --window 3,12 --window-only
else
	all_offences windows.tsv --window 3,12 --window-only
fi
pick_offences windows.tsv "$offences"
# Fewer than 3 months (one police.uk month, say) give no window at all:
# say so, not that the area has no rows.
if [ "$(rows "$WORK/windows.tsv")" -eq 0 ]; then
	months=$(awk "$AWK_TSV"'head { need("period"); next } !seen[f("period")]++ { n++ } END { print n + 0 }' "$WORK/area.tsv")
	eval "set -- ${POLICE:-\"\$INPUT\"}"
	[ $# -eq 1 ] && what=$INPUT || what="$# files"
	die "$what: $months month(s) of data: a dashboard needs at least 3 (the latest quarter; 12 for the rolling year)"
fi

# London (or force) and peer-group ranks of the latest 12 months; every
# ranked area's row kept for the comparison charts.
latest_counts windows.tsv latest12.tsv 12m
if [ -n "$POLICE" ]; then
	# And among all the partnerships in the files given: those of every
	# force whose files give each month of the 12 (awk/files-set.awk), a
	# set rank-boroughs --among reads.  A street file is one force's
	# month, named by its first record's Month and "Falls within".
	data_file areas || die "areas.tsv not found (lib/data, CSPKIT_DATA)"
	eval "set -- $POLICE"
	{
		printf 'falls_within\tmonth\n'
		for _f; do
			sed -n '2{s/\r$//;p;q;}' -- "$_f" |
				awk -F, '{ gsub(/"/, ""); print $4 "\t" $2 }'
		done
	} >"$WORK/heads.tsv"
	window=$(awk "$AWK_TSV"'head { need("period"); next } { print f("period"); exit }' "$WORK/latest12.tsv")
	WINDOW=$window NOTE=$WORK/files-set.note WORDS=$WORK/files-set.words \
		tsvawk files-set "$DATAFILE" "$WORK/heads.tsv" >"$WORK/among.tsv"
	[ ! -s "$WORK/files-set.note" ] || cat "$WORK/files-set.note" >>"$LOG"
	step ranked-files.tsv rank-boroughs ${opt_population:+--population "$opt_population"} \
		--among "$WORK/among.tsv" "$WORK/latest12.tsv"
	only_area ranked-files.tsv "$area"
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
	${group:+--peers "$group"} "$WORK/latest12.tsv"
awk "$AWK_TSV"'
head {
	need("offence area area_code value population rate_per_1000 rank rank_of")
	g = "group_rank" in col
	print "offence", "area", "area_code", "count", "population", "rate_per_1000",
	      "rank", "rank_of", "group_rank", "group_of"
	next
}
f("rank") != "" {
	print f("offence"), f("area"), f("area_code"), f("value"), f("population"), f("rate_per_1000"),
	      f("rank"), f("rank_of"), g ? f("group_rank") : "", g ? f("group_of") : ""
}' "$WORK/ranked.tsv" >"$WORK/compare.tsv"
sort_by compare.tsv offence

# The area's rows; its changes flagged, one flag per offence, and each
# window's direction for the page's sentences.
only_area windows.tsv "$area"
[ "$(rows "$WORK/windows.tsv")" -gt 0 ] || die "$INPUT: no rows for the area '$area'"
only_area ranked.tsv "$area"
awk "$AWK_TSV"'head || f("measure") == "pct_change"' "$WORK/windows.tsv" >"$WORK/changes.tsv"
sort_by changes.tsv area offence
step rag.tsv rag-flag --summary -g area,offence ${opt_band:+--band "$opt_band"} "$WORK/changes.tsv"
step directions.tsv rag-flag -g area,offence ${opt_band:+--band "$opt_band"} "$WORK/changes.tsv"

# The monthly counts of every area, for the area's trend and the average
# of all the ranked areas (trend.awk sums them itself).
if [ -n "$POLICE" ]; then
	police_offences months.tsv
else
	all_offences months.tsv
fi
pick_offences months.tsv "$offences"

# What the ranks are among, for dashboard.awk's rank columns and the
# page's words (awk/words.awk): London's boroughs, or the partnerships of
# the area's force.  Set here, every one, so a variable the user happens
# to have never changes a page; through the environment, so no value is
# ever an awk operand.
if [ -n "$POLICE" ]; then
	force=$(awk "$AWK_TSV"'head { need("parent_area"); next } { print f("parent_area"); exit }' "$WORK/windows.tsv")
	PAGE_RANKCOL=force PAGE_PEERS="$force's partnerships" PAGE_ALL=$force
	PAGE_SRC='data.police.uk street-level crime, by partnership'
	PAGE_FILES=$(cat "$WORK/files-set.words") PAGE_NFILES=$(eval "set -- $POLICE" && echo $#)
else
	PAGE_RANKCOL=london PAGE_PEERS='the London boroughs' PAGE_ALL=London
	PAGE_SRC='Metropolitan Police Service recorded crime by borough (London Datastore)'
	PAGE_FILES= PAGE_NFILES=1
fi
export PAGE_RANKCOL PAGE_PEERS PAGE_ALL PAGE_SRC PAGE_FILES PAGE_NFILES
tsvawk dashboard "$offences" "$WORK/windows.tsv" "$WORK/ranked.tsv" "$WORK/rag.tsv" \
	${POLICE:+"$WORK/ranked-files.tsv"} >"$WORK/dashboard.tsv"
AREA=$area tsvawk trend "$offences" "$WORK/compare.tsv" "$WORK/months.tsv" >"$WORK/trend.tsv"

# The page: its charts drawn by svgchart.awk into $WORK/charts, then read
# in by html.awk.  The date built is SOURCE_DATE_EPOCH's when it is set
# (reproducible builds, the tests).
mkdir "$WORK/charts"
tsvawk words+charts "$WORK/dashboard.tsv" "$WORK/compare.tsv" "$WORK/trend.tsv" >"$WORK/charts.tsv"
CHARTDIR=$WORK/charts tsvawk words+svgchart "$WORK/charts.tsv"
built=$(date -u ${SOURCE_DATE_EPOCH:+-d "@$SOURCE_DATE_EPOCH"} '+%-d %B %Y')
CHARTDIR=$WORK/charts BUILT=$built POPEST=${opt_population:-mid2020} tsvawk words+html \
	"$WORK/dashboard.tsv" "$WORK/directions.tsv" "$WORK/compare.tsv" "$WORK/trend.tsv" \
	${groupfile:+"$groupfile"} >"$WORK/dashboard.html"
publish trend.tsv compare.tsv dashboard.html dashboard.tsv
