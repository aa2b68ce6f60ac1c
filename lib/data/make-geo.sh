#!/bin/sh
# make-geo.sh - build the national geography tables from the ONS lookups:
#   areas.tsv  every ward, local authority, Community Safety Partnership and
#              police force area of England and Wales: code, name, level,
#              parent code, other names, population
#   lsoas.tsv  every 2021 LSOA: its code and its ward's code
#
#   sh lib/data/make-geo.sh [DATADIR [OUTDIR]]
#
# DATADIR defaults to ../shared/data, OUTDIR to lib/data.  Inputs:
#   ons_lsoa21_to_ward25_to_lad25_bestfit_ew_v2.csv   LSOA21 -> WD25 -> LAD25
#   ons_lad17_to_csp17_to_pfa17_jan2017_ew_v2.csv     LAD17 -> CSP17 -> PFA17
#   ons_mye_persons_sya_mid2020_lad2021.csv           mid-2020 populations
#   ons_mye5_mid2022_population_density_uk.csv        mid-2022 populations
# The LAD lookup is of 2017 and the LSOA lookup of 2025: the 13 authorities
# made since (below, with the 2017 authorities they replaced; facts from the
# ONS code histories) take their force from those, and their partnership
# too when all of them were in one partnership (the seven North Yorkshire
# districts were already the North Yorkshire CSP); otherwise the new
# authority is its own partnership, under its own code (Buckinghamshire).
# A population missing for a new code is the sum of its predecessors'.
set -eu
. "$(dirname "$0")/ons.sh"

data=${1:-../shared/data}
out=${2:-lib/data}
lsoa=$data/ons_lsoa21_to_ward25_to_lad25_bestfit_ew_v2.csv
csp=$data/ons_lad17_to_csp17_to_pfa17_jan2017_ew_v2.csv
m20=$data/ons_mye_persons_sya_mid2020_lad2021.csv
m22=$data/ons_mye5_mid2022_population_density_uk.csv
need "$lsoa" "$csp" "$m20" "$m22"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat >"$tmp/successors" <<'EOF'
E06000058 E06000028 E06000029 E07000048
E06000059 E07000049 E07000050 E07000051 E07000052 E07000053
E06000060 E07000004 E07000005 E07000006 E07000007
E06000061 E07000150 E07000152 E07000153 E07000156
E06000062 E07000151 E07000154 E07000155
E06000063 E07000026 E07000028 E07000029
E06000064 E07000027 E07000030 E07000031
E06000065 E07000163 E07000164 E07000165 E07000166 E07000167 E07000168 E07000169
E06000066 E07000187 E07000188 E07000189 E07000190 E07000191
E07000244 E07000205 E07000206
E07000245 E07000201 E07000204
E08000038 E08000016
E08000039 E08000019
EOF
# An authority of 2019-2023, in the mid-2020 estimates but in neither lookup.
echo 'E07000246 E07000190 E07000191' >"$tmp/interim"

${AWK:-awk} -v PROG="$PROG" -v LSOA="$lsoa" -v CSP="$csp" -v M20="$m20" -v M22="$m22" \
    -v SUCC="$tmp/successors" -v INTERIM="$tmp/interim" -v AREAS="$tmp/areas" -v LSOAS="$tmp/lsoas" "$ONS_AWK"'
# Population column of an ONS estimates file, by LAD code ("395,869" -> 395869).
function pops(file, colname, geocol, dest,    line, h, n, f, ic, ip, ig, v) {
	getline line < file
	n = csv(line, h); ic = col(h, n, "Code", file); ip = col(h, n, colname, file)
	ig = col(h, n, geocol, file)
	while ((getline line < file) > 0) {
		csv(line, f); v = count(f[ip])
		if (f[ic] ~ /^[EW]0[6789]/ && v != "") dest[f[ic]] = v
	}
	close(file)
}
function addalias(code, name) {
	if (name == "" || name == lname[code] || (code SUBSEP name) in hasalias) return
	hasalias[code, name] = 1
	alias[code] = alias[code] (alias[code] == "" ? "" : ";") name
}
# A new authority population: its own figure, or the sum of the populations of
# its predecessors (or of the interim authority a predecessor was part of).
function popof(code, dest,    k, s, p, used) {
	if (code in dest) return dest[code]
	if (!(code in npred)) return ""
	s = 0
	for (k = 1; k <= npred[code]; k++) {
		p = pred[code, k]
		if (!(p in dest) && (p in interim)) p = interim[p]
		if (!(p in dest)) return ""
		if (!(p in used)) s += dest[p]
		used[p] = 1
	}
	return s
}
BEGIN {
	OFS = "\t"
	while ((getline line < SUCC) > 0) {
		n = split(line, f, " ")
		npred[f[1]] = n - 1
		for (i = 2; i <= n; i++) pred[f[1], i - 1] = f[i]
	}
	while ((getline line < INTERIM) > 0) {
		n = split(line, f, " ")
		for (i = 2; i <= n; i++) interim[f[i]] = f[1]
	}
	# 2017: LAD -> CSP -> PFA.
	getline line < CSP
	n = csv(line, h)
	il = col(h, n, "LAD17CD", CSP); iln = col(h, n, "LAD17NM", CSP)
	ic = col(h, n, "CSP17CD", CSP); icn = col(h, n, "CSP17NM", CSP)
	ip = col(h, n, "PFA17CD", CSP); ipn = col(h, n, "PFA17NM", CSP)
	while ((getline line < CSP) > 0) {
		csv(line, f)
		l17[f[il]] = f[iln]; l17csp[f[il]] = f[ic]
		cspname[f[ic]] = f[icn]; csppfa[f[ic]] = f[ip]; pfaname[f[ip]] = f[ipn]
	}
	close(CSP)
	pops(M20, "All ages", "Geography", p20)
	pops(M22, "Estimated Population mid-2022", "Geography", p22)
	# 2025: LSOA -> ward -> LAD.
	getline line < LSOA
	n = csv(line, h)
	is = col(h, n, "LSOA21CD", LSOA); isn = col(h, n, "LSOA21NM", LSOA)
	iw = col(h, n, "WD25CD", LSOA); iwn = col(h, n, "WD25NM", LSOA)
	il = col(h, n, "LAD25CD", LSOA); iln = col(h, n, "LAD25NM", LSOA)
	print "lsoa_code", "ward_code" > LSOAS
	while ((getline line < LSOA) > 0) {
		if (line ~ /^\r?$/) continue
		csv(line, f)
		print f[is], f[iw] > LSOAS
		if (!(f[iw] in wname)) {
			wname[f[iw]] = f[iwn]; wlad[f[iw]] = f[il]
			wards[++nw] = f[iw]
		}
		if (!(f[il] in lname)) { lname[f[il]] = f[iln]; lads[++nl] = f[il] }
		# "Bristol 001A": the LSOA names call some authorities by a
		# shorter name than the LAD ("Bristol, City of").
		p = f[isn]; sub(/ [0-9][0-9][0-9][A-Z]$/, "", p)
		addalias(f[il], p)
	}
	close(LSOA)
	for (k = 1; k <= nl; k++) {
		l = lads[k]
		if (l in l17) { c = l17csp[l]; pfa = csppfa[c] }
		else if (l in npred) {
			c = l17csp[pred[l, 1]]; pfa = csppfa[c]
			if (c == "") die(l ": predecessor " pred[l, 1] " not in " CSP)
			for (i = 1; i <= npred[l]; i++) {
				addalias(l, l17[pred[l, i]])
				if (l17csp[pred[l, i]] != c) c = ""
			}
			if (c == "") {   # its own partnership
				c = l; cspname[c] = lname[l]; csppfa[c] = pfa
			}
		} else die(l " " lname[l] ": not in " CSP " and no predecessors listed")
		lcsp[l] = c
		if (!(c in cspseen)) { cspseen[c] = 1; csps[++nc] = c }
		if (!(pfa in pfaseen)) { pfaseen[pfa] = 1; pfas[++np] = pfa }
		a = popof(l, p20); b = popof(l, p22)
		if (a == "" || b == "") die(l " " lname[l] ": no population")
		lp20[l] = a; lp22[l] = b
		cp20[c] += a; cp22[c] += b; fp20[pfa] += a; fp22[pfa] += b
	}
	print "code", "name", "level", "parent_code", "aliases", "mid2020", "mid2022" > AREAS
	# Forces are named in police.uk files as "Gwent Police", "Avon and
	# Somerset Constabulary"; the City and the Met differently again.
	pfaalias["E23000034"] = "City of London Police"
	pfaalias["E23000001"] = "Metropolitan Police Service"
	for (k = 1; k <= np; k++) {
		p = pfas[k]; a = pfaname[p]
		if (a !~ / Police$/) a = a " Police;" a " Constabulary"
		else a = ""
		if (p in pfaalias) a = pfaalias[p] (a == "" ? "" : ";" a)
		print p, pfaname[p], "pfa", "", a, fp20[p], fp22[p] > AREAS
	}
	for (k = 1; k <= nc; k++)
		print csps[k], cspname[csps[k]], "csp", csppfa[csps[k]], "", cp20[csps[k]], cp22[csps[k]] > AREAS
	for (k = 1; k <= nl; k++)
		print lads[k], lname[lads[k]], "lad", lcsp[lads[k]], alias[lads[k]], lp20[lads[k]], lp22[lads[k]] > AREAS
	for (k = 1; k <= nw; k++)
		print wards[k], wname[wards[k]], "ward", wlad[wards[k]], "", "", "" > AREAS
}'

{
	cat <<'EOF'
# Wards, local authorities (lad), Community Safety Partnerships (csp) and
# police force areas (pfa) of England and Wales, built by make-geo.sh.
# Wards and authorities: ONS "LSOA (2021) to Electoral Ward (2025) to LAD
#   (2025) Best Fit Lookup in EW"; partnerships and forces: ONS "LAD to CSP
#   to PFA (January 2017) Lookup in EW", carried to the 2025 authorities.
# parent_code: a ward's authority, an authority's partnership, a
#   partnership's force.  aliases: the authority's names in LSOA names
#   ("Bristol") and the 2017 authorities it replaced, a force's names in
#   police.uk files ("Gwent Police"), ";"-separated.
# mid2020, mid2022: ONS mid-year population estimates, all persons (2021
#   and 2023 geography); a partnership's or force's is the sum of its
#   authorities'.  Sources: SOURCES.md.
EOF
	head -1 "$tmp/areas"
	tail -n +2 "$tmp/areas" | LC_ALL=C sort -t '	' -k3,3 -k1,1
} >"$out/areas.tsv"
{
	cat <<'EOF'
# 2021 LSOAs of England and Wales and the 2025 ward each lies in (ONS best
# fit), built by make-geo.sh; the ward's authority is in areas.tsv.
EOF
	head -1 "$tmp/lsoas"
	tail -n +2 "$tmp/lsoas" | LC_ALL=C sort
} >"$out/lsoas.tsv"
