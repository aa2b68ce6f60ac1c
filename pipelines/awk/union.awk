# union.awk - indicator tables as one: the first file's header, then every
# row whose area, area_code, period, base_period, offence and measure have
# not been seen in an earlier row (so a key present at both the minor and
# the major level of an MPS file is kept once, from the first file).
# Needs AWK_TSV (common.sh) in front of it; the files share one header.

head {
	if (!headed++) {
		need("area area_code period base_period offence measure")
		print
	}
	next
}
{
	key = f("area") SUBSEP f("area_code") SUBSEP f("period") SUBSEP f("base_period") \
	      SUBSEP f("offence") SUBSEP f("measure")
	if (!(key in seen)) {
		seen[key] = 1
		print
	}
}
