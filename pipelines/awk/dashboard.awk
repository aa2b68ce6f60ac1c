# dashboard.awk - one dashboard row per headline offence of one area.
# Files, in order: the offence list (offence indicator), the area's window
# rows (normalise-crime --window 3,12, one row per offence key), its ranked
# latest-12-month rows (rank-boroughs), its flags (rag-flag --summary)
# and, for police.uk files, its rows ranked among all the partnerships in
# the files (rank-boroughs --among, columns files_rank files_of).
# PAGE_RANKCOL=NAME in the environment names the rank columns NAME_rank
# NAME_of (default london).
# Needs AWK_TSV (common.sh) in front of it.

head {
	if (file == 1) need("offence indicator")
	if (file == 2) need("source area area_code period base_period offence measure value")
	if (file == 3) need("offence population rate_per_1000 rank rank_of")
	if (file == 4) need("offence rag rag_reason")
	if (file == 5) need("offence rank rank_of")
	next
}
file == 1 { order[++n] = f("offence"); indicator[f("offence")] = f("indicator"); next }
file == 2 {
	if (source == "") { source = f("source"); area = f("area"); code = f("area_code") }
	off = f("offence")
	len = f("period")
	sub(/ .*/, "", len)             # "3m" or "12m"
	if (f("measure") == "count")
		count[f("period"), off] = f("value")
	else if (f("measure") == "pct_change") {
		period[len, off] = f("period")
		base[len, off] = f("base_period")
		change[len, off] = f("value")
	}
	next
}
file == 3 {
	off = f("offence")
	pop[off] = f("population"); rate[off] = f("rate_per_1000")
	rank[off] = f("rank"); rank_of[off] = f("rank_of")
	if ("group_rank" in col) { grank[off] = f("group_rank"); grank_of[off] = f("group_of") }
	next
}
file == 4 { rag[f("offence")] = f("rag"); reason[f("offence")] = f("rag_reason"); next }
file == 5 { frank[f("offence")] = f("rank"); frank_of[f("offence")] = f("rank_of") }

END {
	files = ARGC > 5
	print "source", "area", "area_code", "offence", "indicator",
	      "quarter", "quarter_count", "quarter_base_count", "quarter_pct_change",
	      "rolling12", "rolling12_count", "rolling12_base_count", "rolling12_pct_change",
	      "population", "rate_per_1000", rc("rank"), rc("of") (files ? "\tfiles_rank\tfiles_of" : ""),
	      "group_rank", "group_of", "rag", "rag_reason"
	for (i = 1; i <= n; i++) {
		off = order[i]
		printf "%s\t%s\t%s\t%s\t%s", source, area, code, off, indicator[off]
		window("3m", off)
		window("12m", off)
		print "", pop[off], rate[off], rank[off],
		      rank_of[off] (files ? "\t" frank[off] "\t" frank_of[off] : ""),
		      grank[off], grank_of[off], rag[off], reason[off]
	}
}

function rc(what) { return (ENVIRON["PAGE_RANKCOL"] == "" ? "london" : ENVIRON["PAGE_RANKCOL"]) "_" what }

# window(LEN, OFF): the four fields of one window: its period, count, the
# count a year earlier and the change.
function window(len, off,   p, b) {
	p = period[len, off]
	b = base[len, off]
	printf "\t%s\t%s\t%s\t%s", p, (p != "" ? count[p, off] : ""),
	       (b != "" ? count[b, off] : ""), change[len, off]
}
