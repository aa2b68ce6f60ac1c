#!/bin/sh
# report.sh RESULTS.tsv - the markdown tables for the README.
#
# Table 1, every run: median wall time, spread, CPU time (user + system),
# peak memory, and "x cspkit": the row's median divided by the median of
# the first cspkit row of its section on the same input, so "miller 21.4"
# means Miller took 21.4 times as long as cspkit on the same file.  In
# `scale` the base is the tenth of the input (the whole should be ~10), in
# `pipeline` the serial loop (parallel below 1 is the speed-up).
#
# Table 2, the targets of issue #11 and #5-#7, each with its measured
# figure and whether it is met.
awk -F'\t' '
	NR == 1 { next }
	{
		k = $1 SUBSEP $3
		if (!(k in base) && $2 ~ /^cspkit/) base[k] = $6
		row[++n] = $0
		t[$1, $2, $3] = $6; cpu[$1, $2, $3] = $10; kb[$1, $2, $3] = $11
		inp[$1, $2] = inp[$1, $2] ? inp[$1, $2] : $3   # first input a name ran on
		mbs[$3] = $4
	}
	# ratio(SEC, A, B): the time of A over that of B, on the input A ran on.
	function ratio(sec, a, b, i) { i = inp[sec, a]; return (sec, b, i) in t && t[sec, b, i] > 0 ? t[sec, a, i] / t[sec, b, i] : -1 }
	function show(r) { return r < 0 ? "not run" : sprintf("%.1f", r) }
	function target(what, r, op, want, unit,   ok) {
		if (r < 0) ok = "not run"
		else ok = (op == ">=" ? r >= want : op == "<=" ? r <= want : op == "<" ? r < want : r > want) ? "**met**" : "not met"
		printf "| %s | %s %s%s | %s%s | %s |\n", what, op, want, unit, show(r), r < 0 ? "" : unit, ok
	}
	END {
		print "| section | command | input (MB) | runs | median s | ± s | CPU s | peak MB | x cspkit |"
		print "|---|---|---|---:|---:|---:|---:|---:|---:|"
		for (i = 1; i <= n; i++) {
			split(row[i], f, "\t")
			k = f[1] SUBSEP f[3]
			r = (k in base) && base[k] > 0 ? sprintf("%.2f", f[6] / base[k]) : ""
			printf "| %s | %s | %s (%s) | %s | %.2f | %.2f | %.2f | %.1f | %s |\n",
				f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[10], f[11] / 1024, r
		}
		print ""
		print "| target | wanted | measured | |"
		print "|---|---|---:|---|"
		target("reshape: Miller / normalise-crime --format mps", ratio("reshape", "miller", "cspkit") , ">=", 15, "x")
		target("reshape: gawk naive split / normalise-crime", ratio("reshape", "gawk-naive", "cspkit"), ">=", 2, "x")
		target("reshape: mawk naive split / normalise-crime", ratio("reshape", "mawk-naive", "cspkit"), ">=", 2, "x")
		target("join: mlr join / join-wards", ratio("join", "miller", "cspkit"), ">=", 10, "x")
		target("join: gawk hash join / join-wards", ratio("join", "gawk-hash", "cspkit"), ">=", 1.5, "x")
		target("join: mawk hash join / join-wards", ratio("join", "mawk-hash", "cspkit"), ">=", 1.5, "x")
		target("rank: Miller / rank-boroughs", ratio("rank", "miller", "cspkit"), ">=", 10, "x")
		target("rank: sort+gawk / rank-boroughs", ratio("rank", "sort-gawk", "cspkit"), ">", 1, "x")
		target("rank: sort+mawk / rank-boroughs", ratio("rank", "sort-mawk", "cspkit"), ">", 1, "x")
		target("text: Python loop / normalise-crime text", ratio("text", "python-loop", "cspkit-normalise"), ">=", 3, "x")
		target("text: Python loop / extract-minutes", ratio("text", "python-loop", "cspkit-minutes"), ">=", 3, "x")
		printf "| text: grep -cP / normalise-crime, / extract-minutes (for the record) | | %s, %s | |\n",
			show(ratio("text", "grep-cP", "cspkit-normalise")), show(ratio("text", "grep-cP", "cspkit-minutes"))
		for (kk in kb) {
			split(kk, p, SUBSEP)
			if (p[1] == "memory")
				target("memory: peak of " p[2] " on ~1 GB", kb[kk] / 1024, "<", 10, " MB")
		}
		for (kk in t) {
			split(kk, p, SUBSEP)
			if (p[1] != "scale" || inp["scale", p[2]] == p[3]) continue
			target("scale: " p[2] ", " mbs[p[3]] " MB / " mbs[inp["scale", p[2]]] " MB", t[kk] / t["scale", p[2], inp["scale", p[2]]], "<=", 11, "x")
		}
		r = ratio("pipeline", "cspkit-parallel", "cspkit-serial")
		printf "| pipeline: 1,000 packs, GNU parallel / serial | | %s | |\n", show(r)
	}' "$1"
