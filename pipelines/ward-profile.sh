#!/bin/sh
# ward-profile: each ward of one borough, from an MPS ward-level crime file.
set -eu
OPTSPEC='b:borough= l:level='
usage() {
	cat <<'USAGE'
Usage: ward-profile.sh [-o DIR] [--borough NAME] [--level major|minor] MPS_WARD.csv
Profile the wards of one borough over the 12 months ending at the file's
latest month.  Writes DIR/wards.tsv (default DIR: out/wards/<file name>):
  source line ward_code ward_name lad_code lad_name vintage offence
  offence_label period count base_period base_count pct_change
  population rate_per_1000 population_source
one row per ward and offence (major categories by default, and
total_crime, the sum of all), with the same 12 months a year earlier
(base_*) and the change in percent.  The ONS code, borough and boundary
set (2014 or 2022 wards) come from join-wards, and so does the population:
Census 2011 for a 2014 ward, Census 2021 for a 2022 ward, named in
population_source; the rate per 1000 residents is empty where the ward has
none (the City's wards).  Tool warnings go to DIR/warnings.txt.

  -b, --borough NAME     the borough (default Barnet)
  -l, --level LEVEL      major (default) or minor categories
  -o, --out DIR          output directory
  -q, --quiet            say nothing on success
  -h, --help             this help

Examples:
  pipelines/ward-profile.sh samples/mps/ward_2022_wards.csv
  pipelines/ward-profile.sh --borough Barnet --level minor -o out/barnet-minor \
      samples/mps/mps_ward_crime_24m_2024-01_to_2025-12_barnet.csv
  awk -F'\t' '$8 == "burglary"' out/wards/*/wards.tsv | sort -t"$(printf '\t')" -k16,16n
USAGE
}
. "$(dirname "$0")/common.sh"
one_input wards "MPS ward file" "$@"
case ${opt_level:=major} in major | minor) ;; *) usage_error "--level: '$opt_level' is not major or minor" ;; esac
borough=${opt_borough:-Barnet}
begin_output

step window.tsv normalise-crime --format mps --area "$borough" --level "$opt_level" \
	--window 12 --window-only -- "$INPUT"
[ "$(rows "$WORK/window.tsv")" -gt 0 ] || die "$INPUT: no rows for the borough '$borough'"
by_offence window.tsv total=1
step joined.tsv join-wards -c area_code --borough "$borough" "$WORK/window.tsv"
awk "$AWK_TSV"'
head {
	need("source line area area_code period period_end base_period offence offence_label measure value")
	need("ward_code ward_name lad_code lad_name vintage population population_source")
	print "source", "line", "ward_code", "ward_name", "lad_code", "lad_name", "vintage",
	      "offence", "offence_label", "period", "count", "base_period", "base_count",
	      "pct_change", "population", "rate_per_1000", "population_source"
	next
}
{ key = f("area") SUBSEP f("area_code") SUBSEP f("offence") }
f("measure") == "pct_change" {
	# the change row names the latest window and the one it is compared with
	if (!(key in latest)) order[++n] = key
	latest[key] = f("period"); base[key] = f("base_period"); change[key] = f("value")
	row[key] = $0
}
f("measure") == "count" { count[key, f("period")] = f("value") }
END {
	# Ward by ward in the order first met, each with its total first.
	for (i = 1; i <= n; i++) {
		$0 = row[order[i]]
		w = f("area_code") SUBSEP f("area")
		if (!(w in nrows)) ward[++nwards] = w
		if (f("offence") == "total_crime") first[w] = i
		else list[w, ++nrows[w]] = i
	}
	for (j = 1; j <= nwards; j++) {
		w = ward[j]
		if (w in first) line(order[first[w]])
		for (i = 1; i <= nrows[w]; i++) line(order[list[w, i]])
	}
}
function line(k,   code, name, c, pop) {
	$0 = row[k]
	code = f("ward_code") != "" ? f("ward_code") : f("area_code")
	name = f("ward_name") != "" ? f("ward_name") : f("area")
	c = count[k, latest[k]]
	pop = f("population")
	print f("source"), f("line"), code, name, f("lad_code"), f("lad_name"), f("vintage"),
	      f("offence"), f("offence_label"), latest[k], c, base[k], count[k, base[k]],
	      change[k], pop, (pop > 0 && c != "") ? sprintf("%.2f", c * 1000 / pop) : "",
	      f("population_source")
}' "$WORK/joined.tsv" >"$WORK/wards.tsv"
publish wards.tsv
