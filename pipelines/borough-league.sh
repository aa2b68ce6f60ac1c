#!/bin/sh
# borough-league: a London league table per offence for the latest rolling
# 12 months, from an MPS borough-level crime file.
set -eu
OPTSPEC='a:area= p:population= -:rank-by= -:by='
usage() {
	cat <<'USAGE'
Usage: borough-league.sh [-o DIR] [--area NAME] [--population EST] MPS_BOROUGH.csv
Rank the London boroughs on every offence over the 12 months ending at the
file's latest month, by rate per 1000 residents (rank 1 = lowest rate).
Writes DIR/league.tsv (default DIR: out/league/<file name>):
  source line offence offence_label period area area_code count
  population rate_per_1000 rank rank_of highlight
one row per borough and offence (plus total_crime, the sum of all
offences), sorted by offence then rank; highlight is "yes" on the --area
rows.  Tool warnings go to DIR/warnings.txt.

  -a, --area NAME        the borough to highlight (default Barnet)
  -p, --population EST   rank-boroughs' estimate: mid2020 (default), mid2019,
                         census2021, census2011
      --rank-by rate|value
                         rank the rate per 1000 (default) or the count
                         (--by, the old spelling, still works)
  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/borough-league.sh samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv
  pipelines/borough-league.sh --area Camden -o out/camden \
      samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv
  awk -F'\t' '$NF == "yes"' out/league/*/league.tsv   # the area's rows
USAGE
}
. "$(dirname "$0")/common.sh"
one_input league "MPS borough file" "$@"
[ -z "$opt_by" ] || { [ -n "$opt_rank_by" ] || opt_rank_by=$opt_by; msg "--by is deprecated: use --rank-by (as rank-boroughs)"; }
begin_output

all_offences offence.tsv --window 12 --window-only
latest_counts offence.tsv latest.tsv 12m
step ranked.tsv rank-boroughs ${opt_population:+--population "$opt_population"} \
	${opt_rank_by:+--rank-by "$opt_rank_by"} "$WORK/latest.tsv"
AREA=${opt_area:-Barnet} WARNINGS=$LOG awk "$AWK_TSV"'
head {
	area = ENVIRON["AREA"]; warnings = ENVIRON["WARNINGS"]
	need("source line offence offence_label period area area_code value population rate_per_1000 rank rank_of")
	print "source", "line", "offence", "offence_label", "period", "area", "area_code", "count",
	      "population", "rate_per_1000", "rank", "rank_of", "highlight"
	fflush()
	sort = "sort -t\"\t\" -k3,3 -k11,11n -k6,6"
	next
}
f("rank") != "" {
	hit = tolower(f("area")) == tolower(area) || f("area_code") == area
	found += hit
	print f("source"), f("line"), f("offence"), f("offence_label"), f("period"), f("area"),
	      f("area_code"), f("value"), f("population"), f("rate_per_1000"), f("rank"),
	      f("rank_of"), hit ? "yes" : "" | sort
}
END {
	if (close(sort) != 0)
		exit 1
	if (!found)
		printf "borough-league: %s: no ranked rows for this area\n", area >> warnings
}' "$WORK/ranked.tsv" >"$WORK/league.tsv"
publish league.tsv
