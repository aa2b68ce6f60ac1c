#!/bin/sh
# make-wards.sh - build wards.tsv, the London ward table join-wards loads,
# from the ONS ward-to-LAD lookups and the Census 2011 ward populations.
#
#   sh lib/data/make-wards.sh [DATADIR [REFDIR]] > lib/data/wards.tsv
#
# DATADIR defaults to ../shared/data and REFDIR to ../shared/ref (relative
# to the repository root).  Only the London rows (LAD code E09*) are kept:
#   vintage 2014  ons_ward_to_lad_dec2019_uk.csv  (WD19CD, WD19NM, LAD19CD, LAD19NM)
#   vintage 2022  ons_ward_to_lad_dec2023_uk.csv  (WD23CD, " WardName", LAD23CD, LAD23NM)
# population = Census 2011 usual residents of a 2014 ward, from
# gla_ons_census2011_ward_population_2014wards.csv, matched by ward code,
# cross-checked against REFDIR/barnet_wards_pre2022.tsv; Census 2021 usual
# residents of a 2022 ward, from ons_census2021_ts001_ward2022_population_ew.csv
# (ward, population); empty when the code is not in the census table (it is
# never estimated).  population_source names the census: census2011 or
# census2021, the names rank-boroughs --population uses.
set -eu
. "$(dirname "$0")/ons.sh"

data=${1:-../shared/data}
ref=${2:-../shared/ref}
old=$data/ons_ward_to_lad_dec2019_uk.csv
new=$data/ons_ward_to_lad_dec2023_uk.csv
pop=$data/gla_ons_census2011_ward_population_2014wards.csv
pop21=$data/ons_census2021_ts001_ward2022_population_ew.csv
barnet=$ref/barnet_wards_pre2022.tsv
need "$old" "$new" "$pop" "$pop21"
[ -r "$barnet" ] || barnet=/dev/null

cat <<'EOF'
# London wards (LAD codes E09*) in both boundary sets, built by make-wards.sh.
# vintage 2014: the wards in force until the May 2022 borough elections, from
#   the ONS "Ward to Local Authority District (December 2019) Lookup in the UK".
# vintage 2022: the wards from May 2022, from the ONS "Ward to Local Authority
#   District (December 2023) Lookup in the UK".
# A ward whose boundary did not change keeps its code and is listed in both.
# population: usual residents by ward code, for a 2014 ward Census 2011 (ONS,
#   via the GLA ward table on 2014 boundaries), for a 2022 ward Census 2021
#   (ONS TS001 by 2022 ward); empty where the census has no figure for that
#   code.  population_source: census2011 or census2021, the census counted.
#   Sources and dates: SOURCES.md.
EOF
printf 'ward_code\tward_name\tlad_code\tlad_name\tvintage\tpopulation\tpopulation_source\n'

${AWK:-awk} -v PROG="$PROG" -v OLD="$old" -v NEW="$new" -v POP="$pop" -v POP21="$pop21" -v BARNET="$barnet" "$ONS_AWK"'
function lookup(file, vintage, cd, nm, lcd, lnm,    line, h, n, f, ic, in_, il, iln, k) {
	if ((getline line < file) <= 0) die(file ": empty")
	n = csv(line, h)
	ic = col(h, n, cd, file); in_ = col(h, n, nm, file)
	il = col(h, n, lcd, file); iln = col(h, n, lnm, file)
	while ((getline line < file) > 0) {
		if (line ~ /^\r?$/) continue
		csv(line, f)
		if (f[il] !~ /^E09/) continue
		k = vintage SUBSEP f[ic]
		if (k in seen) continue
		seen[k] = 1
		rows[++nrows] = f[ic] "\t" f[in_] "\t" f[il] "\t" f[iln] "\t" vintage
		code[nrows] = f[ic]; vint[nrows] = vintage
	}
	close(file)
}
BEGIN {
	# Census 2011 population by ward code ("12,786" -> 12786).
	getline line < POP
	n = csv(line, h); ic = col(h, n, "Ward Code", POP); ip = col(h, n, "Persons: All Ages", POP)
	while ((getline line < POP) > 0) {
		csv(line, f); v = count(f[ip])
		if (f[ic] ~ /^E05/ && v != "") census[f[ic]] = v
	}
	close(POP)
	# Census 2021 population by 2022 ward code (plain integers).
	getline line < POP21
	n = csv(line, h); ic = col(h, n, "ward", POP21); ip = col(h, n, "population", POP21)
	while ((getline line < POP21) > 0) {
		csv(line, f)
		if (f[ic] ~ /^E05/ && f[ip] ~ /^[0-9]+$/) census21[f[ic]] = f[ip]
	}
	close(POP21)
	# Barnet cross-check: the reference table must agree with the census.
	getline line < BARNET
	while ((getline line < BARNET) > 0) {
		split(line, b, "\t")
		if (!(b[1] in census)) census[b[1]] = b[5]
		else if (census[b[1]] != b[5]) {
			die(b[1] ": population " b[5] " disagrees with census " census[b[1]])
		}
	}
	lookup(OLD, "2014", "WD19CD", "WD19NM", "LAD19CD", "LAD19NM")
	lookup(NEW, "2022", "WD23CD", "WardName", "LAD23CD", "LAD23NM")
	for (i = 1; i <= nrows; i++) {
		if (vint[i] == "2022")
			p = code[i] in census21 ? census21[code[i]] "\tcensus2021" : "\t"
		else
			p = code[i] in census ? census[code[i]] "\tcensus2011" : "\t"
		print vint[i] "\t" code[i] "\t" rows[i] "\t" p
	}
}' | LC_ALL=C sort -t '	' -k1,1 -k2,2 | cut -f3-
