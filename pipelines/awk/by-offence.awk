# by-offence.awk - one row per area, period and offence key.
#
# A published file can hold several categories under one key (the 2024
# MPS files split residential burglary into three lines), so the counts of
# rows sharing area, area_code, period and offence are summed, their labels
# joined with "; ", and each pct_change row recomputed from the summed
# counts of its period and base_period (1 decimal, empty when the base is
# 0 or missing).  With -v total=1 every area and period also gets a
# total_crime row: the sum of all its counts.  Other measures pass through.
# Rows keep the order in which their key first appears.
# Needs AWK_TSV (common.sh) in front of it.

head {
	need("area area_code period base_period offence offence_label measure value")
	print
	next
}
{
	kind = f("measure")
	if (kind != "count" && !(kind == "pct_change" && f("base_period") != "")) {
		add("", $0)
		next
	}
	key = f("area") SUBSEP f("area_code") SUBSEP f("period") SUBSEP f("offence")
	if (kind == "count") {
		count(key, f("offence_label"), f("value"))
		if (total)
			count(f("area") SUBSEP f("area_code") SUBSEP f("period") SUBSEP "total_crime", \
			      "all offences", f("value"), "total_crime")
	} else {
		pct(key)
		if (total)
			pct(f("area") SUBSEP f("area_code") SUBSEP f("period") SUBSEP "total_crime", "total_crime")
	}
}

function add(key, row) {
	n++
	kept[n] = row
	keyof[n] = key
}

# count(KEY, LABEL, VALUE [, OFFENCE]): add VALUE to KEY's sum; the first
# row of a key is its template (OFFENCE replaces its offence).
function count(key, label, value, offence,   row) {
	if (!(("c" SUBSEP key) in slot)) {
		row = $0
		if (offence != "")
			row = set(row, "offence", offence)
		add("c" SUBSEP key, row)
		slot["c" SUBSEP key] = n
		labels[key] = label
	} else if (index("; " labels[key] "; ", "; " label "; ") == 0)
		labels[key] = labels[key] "; " label
	if (value != "") {
		sum[key] += value
		known[key] = 1
	}
}

function pct(key, offence,   row) {
	if (("p" SUBSEP key) in slot)
		return
	row = $0
	if (offence != "")
		row = set(row, "offence", offence)
	add("p" SUBSEP key, row)
	slot["p" SUBSEP key] = n
	base[key] = f("base_period")
}

# set(ROW, COLUMN, VALUE): ROW with COLUMN replaced.
function set(row, name, value,   a, i, m, s) {
	m = split(row, a, "\t")
	a[col[name]] = value
	s = a[1]
	for (i = 2; i <= m; i++)
		s = s "\t" a[i]
	return s
}

END {
	for (i = 1; i <= n; i++) {
		row = kept[i]
		k = keyof[i]
		if (k == "") {
			print row
			continue
		}
		kind = substr(k, 1, 1)
		k = substr(k, 3)
		if (kind == "c") {
			row = set(row, "value", (k in known) ? sum[k] : "")
			print set(row, "offence_label", labels[k])
			continue
		}
		split(k, p, SUBSEP)
		b = p[1] SUBSEP p[2] SUBSEP base[k] SUBSEP p[4]
		v = ""
		if ((k in known) && (b in known) && sum[b] != 0) {
			v = sprintf("%.1f", 100 * (sum[k] - sum[b]) / sum[b])
			if (v == "-0.0")
				v = "0.0"
		}
		row = set(row, "value", v)
		print set(row, "offence_label", labels[p[1] SUBSEP p[2] SUBSEP p[3] SUBSEP p[4]])
	}
}
