# gen-wards.awk WARDS.tsv - a ward-level indicator table for join-wards:
# the indicator columns plus `borough`, `rows` rows cycling over the 2022
# London wards of lib/data/wards.tsv by month and offence, names written
# as published (so an exact-key join in awk or Miller finds them too).
#   awk -v rows=2000000 -f gen-wards.awk lib/data/wards.tsv > wards-ind.tsv
BEGIN { FS = OFS = "\t"; if (rows == "") rows = 1000 }
/^#/ || $5 != 2022 { next }
{ name[n + 0] = $2; lad[n + 0] = $4; n++ }
END {
	no = split("burglary_residential;robbery_personal_property;" \
		"violence_with_injury;theft_from_person;criminal_damage;" \
		"bicycle_theft;shoplifting;drug_possession", off, ";")
	print "source", "line", "area", "area_code", "borough", "period",
	    "period_start", "period_end", "base_period", "offence",
	    "offence_label", "measure", "value", "unit"
	seed = 4242
	for (r = 0; r < rows; r++) {
		w = r % n
		g = int(r / n)
		o = g % no + 1
		mon = int(g / no)
		y = 2023 + int(mon / 12) % 4
		m = mon % 12 + 1
		d = m == 2 ? (y % 4 ? 28 : 29) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
		seed = (seed * 1103515245 + 12345) % 2147483648
		print "bench.csv", r + 2, name[w], "", lad[w], sprintf("%04d-%02d", y, m),
		    sprintf("%04d-%02d-01", y, m), sprintf("%04d-%02d-%02d", y, m, d), "",
		    off[o], off[o], "count", int(seed / 65536) % 60, "offences"
	}
}
