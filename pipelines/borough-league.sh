#!/bin/sh
# borough-league: a London league table per offence for the latest rolling
# 12 months, from an MPS borough-level crime file.
set -eu
OPTSPEC='a:area= p:population= -:by='
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
      --by rate|value    rank the rate per 1000 (default) or the count
  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/borough-league.sh samples/mps/borough-24m.csv
  pipelines/borough-league.sh --area Camden -o out/camden \
      ../shared/data/mps_borough_crime_24m_2024-01_to_2025-12.csv
  awk -F'\t' '$NF == "yes"' out/league/*/league.tsv   # the area's rows
USAGE
}
. "$(dirname "$0")/common.sh"
parse_opts "$@"
eval "set -- $ARGS"
[ $# -eq 1 ] || usage_error "one MPS borough file expected"
need_file "$1"
begin_output "${opt_out:-out/league/$(stem "$1")}"

# Minor categories (with their total) and major ones (burglary, robbery ...).
step minor.tsv normalise-crime --format mps --window 12 --window-only -- "$1"
step major.tsv normalise-crime --format mps --level major --window 12 --window-only -- "$1"
by_offence minor.tsv total=1
by_offence major.tsv
union offence.tsv minor.tsv major.tsv
# The latest 12 months: count rows of the window that ends last.
awk "$AWK_TSV"'
head { need("measure period_end base_period"); print; next }
f("measure") == "count" && f("base_period") == "" { row[++n] = $0; end[n] = f("period_end"); if (end[n] > last) last = end[n] }
END { for (i = 1; i <= n; i++) if (end[i] == last) print row[i] }' "$WORK/offence.tsv" >"$WORK/latest.tsv"
step ranked.tsv rank-boroughs ${opt_population:+--population "$opt_population"} \
	${opt_by:+--by "$opt_by"} "$WORK/latest.tsv"
awk -v area="${opt_area:-Barnet}" "$AWK_TSV"'
head {
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
	close(sort)
	if (!found)
		printf "borough-league: %s: no ranked rows for this area\n", area >> warnings
}' warnings="$LOG" "$WORK/ranked.tsv" >"$WORK/league.tsv"
publish league.tsv
