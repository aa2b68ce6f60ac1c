# gen-indicators.awk - a synthetic indicator table (the columns
# normalise-crime writes) with `rows` rows: the 33 London local
# authorities and a few other areas, by month and offence, plus ward rows,
# so that rank-boroughs has full groups and join-wards has names to fold.
#   awk -v rows=2000000 -f gen-indicators.awk > indicators.tsv
BEGIN {
	OFS = "\t"
	if (rows == "") rows = 1000
	na = split("Barking and Dagenham;Barnet;Bexley;Brent;Bromley;Camden;" \
		"City of London;Croydon;Ealing;Enfield;Greenwich;Hackney;" \
		"Hammersmith & Fulham;Haringey;Harrow;Havering;Hillingdon;" \
		"Hounslow;Islington;Kensington and Chelsea;Kingston;Lambeth;" \
		"Lewisham;Merton;Newham;Redbridge;Richmond upon Thames;" \
		"Southwark;Sutton;Tower Hamlets;Waltham Forest;Wandsworth;" \
		"Westminster;Burnt Oak;St. James's Ward;Totteridge and Woodside;" \
		"London Heathrow and London City Airports", area, ";")
	no = split("burglary_residential;robbery_personal_property;" \
		"violence_with_injury;theft_from_person;criminal_damage;" \
		"bicycle_theft;shoplifting;drug_possession", off, ";")
	print "source", "line", "area", "area_code", "period", "period_start",
	    "period_end", "base_period", "offence", "offence_label",
	    "measure", "value", "unit"
	seed = 4242
	for (r = 0; r < rows; r++) {
		a = r % na + 1
		g = int(r / na)
		o = g % no + 1
		mon = int(g / no)
		y = 2010 + int(mon / 12)   # no wrap: every group once
		m = mon % 12 + 1
		d = m == 2 ? (y % 4 ? 28 : 29) : (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
		seed = (seed * 1103515245 + 12345) % 2147483648
		print "bench.csv", r + 2, area[a], "", sprintf("%04d-%02d", y, m),
		    sprintf("%04d-%02d-01", y, m), sprintf("%04d-%02d-%02d", y, m, d), "",
		    off[o], off[o], "count", int(seed / 65536) % 900, "offences"
	}
}
