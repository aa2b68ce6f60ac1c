# gen-mps.awk - a synthetic MPS ward-level crime file, wide by month, in
# the 2014-ward vintage (MajorText,MinorText,WardName,WardCode,
# LookUp_BoroughName,YYYYMM...), CRLF, with what real files carry: quoted
# names with commas and apostrophes and quoted "1,234" counts, on about
# a fifth of the rows (the published files in ../shared/data: 5-12%).
# Stops after `mb` megabytes (or `rows` rows).
#   awk -v mb=200 -v months=48 -f gen-mps.awk > mps.csv
# Counts come from a fixed linear congruential sequence, so every run
# writes the same file.
BEGIN {
	if (months == "") months = 24
	want = mb != "" ? mb * 1000000 : 0
	if (rows == "") rows = want ? 1e12 : 1000
	ncat = split("Burglary|Burglary - Residential;" \
		"Burglary|Burglary - Business and Community;" \
		"Robbery|Robbery of Personal Property;" \
		"Violence Against the Person|Violence with Injury;" \
		"Violence Against the Person|Violence without Injury;" \
		"Theft|Theft from the Person;" \
		"Theft|Other Theft;" \
		"Vehicle Offences|Theft from a Motor Vehicle;" \
		"Arson and Criminal Damage|Criminal Damage;" \
		"Miscellaneous Crimes Against Society|\"Making, Supplying or Possessing Articles for use i\"", cat, ";")
	nb = split("Barnet;Brent;Camden;Enfield;Haringey;Harrow;Westminster;Kingston upon Thames", bor, ";")
	line = "MajorText,MinorText,WardName,WardCode,LookUp_BoroughName"
	y = 2019; m = 1
	for (i = 0; i < months; i++) {
		line = line sprintf(",%04d%02d", y, m)
		if (++m > 12) { m = 1; y++ }
	}
	printf "%s\r\n", line
	size = length(line) + 2
	seed = 12345
	for (r = 0; r < rows && (!want || size < want); r++) {
		split(cat[r % ncat + 1], c, "|")
		w = int(r / ncat)
		ward = (w % 25 == 3) ? "\"St James's, Upper\"" : "Ward " w
		line = sprintf("%s,%s,%s,E05%06d,%s", c[1], c[2], ward, w % 1000000, bor[w % nb + 1])
		for (i = 0; i < months; i++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			v = int(seed / 65536) % 600   # 0-59; 1 in 600 over 999
			line = line (v == 599 ? sprintf(",\"1,%03d\"", seed % 1000) : "," v % 60)
		}
		printf "%s\r\n", line
		size += length(line) + 2
	}
}
