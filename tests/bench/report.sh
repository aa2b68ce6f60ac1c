#!/bin/sh
# report.sh RESULTS.tsv - the markdown tables for docs/PERFORMANCE.md.
#
# Table 1, every run: median wall time, spread, CPU time (user + system,
# mean, all processes of a pipeline), peak memory, and "x cspkit": the
# row's median divided by the median of the first cspkit row of its
# section on the same input, so "miller 21.4" means Miller took 21.4
# times as long as cspkit on the same file; the same with CPU time beside
# it (steadier on a machine shared with other work).  In
# `scale` the base is the tenth of the input (the whole should be ~10), in
# `pipeline` the serial loop (parallel below 1 is the speed-up).
#
# Table 2, the targets of issue #11, #5-#7, #20 and #16, each with its measured
# figure and whether it is met.
awk -F'\t' '
	NR == 1 { next }
	{
		k = $1 SUBSEP $3
		if (!(k in base) && $2 ~ /^cspkit/) { base[k] = $6; cbase[k] = $10 }
		row[++n] = $0
		t[$1, $2, $3] = $6; cpu[$1, $2, $3] = $10; kb[$1, $2, $3] = $11
		inp[$1, $2] = inp[$1, $2] ? inp[$1, $2] : $3   # first input a name ran on
		mbs[$3] = $4
	}
	# ratio(SEC, A, B): the median time of A over that of B, on the input
	# A ran on; cratio the same with CPU time.  -1 when either is missing.
	function ratio(sec, a, b, i) { i = inp[sec, a]; return (sec, b, i) in t && t[sec, b, i] > 0 ? t[sec, a, i] / t[sec, b, i] : -1 }
	function cratio(sec, a, b, i) { i = inp[sec, a]; return (sec, b, i) in cpu && cpu[sec, b, i] > 0 ? cpu[sec, a, i] / cpu[sec, b, i] : -1 }
	function show(r) { return r < 0 ? "not run" : sprintf("%.2f", r) }
	function meets(r, op, want) { return op == ">=" ? r >= want : op == "<=" ? r <= want : op == "<" ? r < want : r > want }
	# A target row: judged on wall time; the CPU-time figure beside it.
	function target(what, r, op, want, unit, c,   ok) {
		if (r < 0) ok = "not run"
		else ok = meets(r, op, want) ? "**met**" : "not met"
		if (r >= 0 && c != "" && meets(r, op, want) != meets(c, op, want))
			ok = ok " (CPU: " (meets(c, op, want) ? "met" : "not met") ")"
		printf "| %s | %s %s%s | %s%s | %s | %s |\n", what, op, want, unit, show(r), r < 0 ? "" : unit,
			c == "" ? "" : show(c) (c < 0 ? "" : unit), ok
	}
	function vs(what, sec, a, b, op, want) { target(what, ratio(sec, a, b), op, want, "x", cratio(sec, a, b)) }
	END {
		print "| section | command | input (MB) | runs | median s | ± s | CPU s | peak MB | x cspkit | x cspkit, CPU |"
		print "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
		# Sections in the order bench.sh runs them (a rerun of one
		# appends its rows at the end of the results).
		ns = split("reshape join rank text scale memory pipeline corpus policeuk textpdf", order, " ")
		for (j = 1; j <= ns; j++) rank_of[order[j]] = j
		for (i = 1; i <= n; i++) { split(row[i], f, "\t"); key[i] = sprintf("%02d %06d", rank_of[f[1]] ? rank_of[f[1]] : 99, i) }
		for (i = 2; i <= n; i++)   # insertion sort: a few dozen rows
			for (j = i; j > 1 && key[j - 1] > key[j]; j--) {
				tk = key[j]; key[j] = key[j - 1]; key[j - 1] = tk
				tr = row[j]; row[j] = row[j - 1]; row[j - 1] = tr
			}
		for (i = 1; i <= n; i++) {
			split(row[i], f, "\t")
			k = f[1] SUBSEP f[3]
			r = (k in base) && base[k] > 0 ? sprintf("%.2f", f[6] / base[k]) : ""
			c = (k in cbase) && cbase[k] > 0 ? sprintf("%.2f", f[10] / cbase[k]) : ""
			printf "| %s | %s | %s (%s) | %s | %.2f | %.2f | %.2f | %.1f | %s | %s |\n",
				f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[10], f[11] / 1024, r, c
		}
		print ""
		print "| target | wanted | wall | CPU | |"
		print "|---|---|---:|---:|---|"
		vs("reshape: Miller / normalise-crime --format mps", "reshape", "miller", "cspkit", ">=", 15)
		vs("reshape: gawk naive split / normalise-crime", "reshape", "gawk-naive", "cspkit", ">=", 2)
		vs("reshape: mawk naive split / normalise-crime", "reshape", "mawk-naive", "cspkit", ">=", 2)
		vs("join: mlr join / join-wards", "join", "miller", "cspkit", ">=", 10)
		vs("join: gawk hash join / join-wards", "join", "gawk-hash", "cspkit", ">=", 1.5)
		vs("join: mawk hash join / join-wards", "join", "mawk-hash", "cspkit", ">=", 1.5)
		vs("rank: Miller / rank-boroughs", "rank", "miller", "cspkit", ">=", 10)
		vs("rank: sort+gawk / rank-boroughs", "rank", "sort-gawk", "cspkit", ">", 1)
		vs("rank: sort+mawk / rank-boroughs", "rank", "sort-mawk", "cspkit", ">", 1)
		vs("text: Python loop / normalise-crime text", "text", "python-loop", "cspkit-normalise", ">=", 3)
		vs("text: Python loop / extract-minutes", "text", "python-loop", "cspkit-minutes", ">=", 3)
		printf "| text: grep -cP / normalise-crime, / extract-minutes (for the record) | | %s, %s | %s, %s | |\n",
			show(ratio("text", "grep-cP", "cspkit-normalise")), show(ratio("text", "grep-cP", "cspkit-minutes")),
			show(cratio("text", "grep-cP", "cspkit-normalise")), show(cratio("text", "grep-cP", "cspkit-minutes"))
		for (kk in kb) {
			split(kk, p, SUBSEP)
			if (p[1] == "memory")
				target("memory: peak of " p[2] " (about 1 GB)", kb[kk] / 1024, "<", 10, " MB", "")
		}
		for (kk in t) {
			split(kk, p, SUBSEP)
			if (p[1] != "scale" || inp["scale", p[2]] == p[3]) continue
			target("scale: " p[2] ", " mbs[p[3]] " MB / " mbs[inp["scale", p[2]]] " MB", t[kk] / t["scale", p[2], inp["scale", p[2]]], "<=", 11, "x",
				cpu[kk] / cpu["scale", p[2], inp["scale", p[2]]])
		}
		r = ratio("pipeline", "cspkit-parallel", "cspkit-serial")
		printf "| pipeline: 1,000 packs, GNU parallel / serial | | %s | %s | |\n", show(r),
			show(cratio("pipeline", "cspkit-parallel", "cspkit-serial"))
		corpus()
		policeuk()
		# issue 16: reading the text of a PDF report costs under a
		# tenth of getting that text out of the PDF
		vs("text mode / pdftotext: normalise-crime --format text / pdftotext -layout, same pages", "textpdf", "cspkit-normalise", "pdftotext", "<", 0.1)
		vs("the same, pages printed by Chromium (proportional embedded font)", "textpdf", "cspkit-normalise-web", "pdftotext-web", "<", 0.1)
	}
	# The policeuk section (issue 22): MB/s over 24 months of police.uk
	# files, and the peak memory of 6 and 24 months against 1 (streaming:
	# it must not grow with the months).
	function policeuk(   i1, i24, n) {
		i24 = inp["policeuk", "cspkit-csp-24m"]
		if (i24 == "") return
		printf "| policeuk: normalise-crime --by csp, 24 months, MB/s | | %.1f | %.1f | |\n",
			mbs[i24] / t["policeuk", "cspkit-csp-24m", i24], mbs[i24] / cpu["policeuk", "cspkit-csp-24m", i24]
		i1 = inp["policeuk", "cspkit-csp-1m"]
		for (n = 6; n <= 24; n += 18)
			target("policeuk: peak memory, " n " months / 1 month", kb["policeuk", "cspkit-csp-" n "m", inp["policeuk", "cspkit-csp-" n "m"]] / kb["policeuk", "cspkit-csp-1m", i1], "<=", 1.5, "x", "")
	}
	# The corpus section (issue 20): packs per second of the batch and of
	# one run per pack (measured on a subset, extrapolated to the corpus),
	# and cspkit'"'"'s share of a PDF batch against pdftotext'"'"'s.
	function corpus(   kk, p, nm, big, small, pdf, tb, cb, ts, cs, tp, cp, tx, cx) {
		for (kk in t) {
			split(kk, p, SUBSEP)
			if (p[1] != "corpus" || p[3] != inp["corpus", p[2]]) continue
			if (match(p[2], /^cspkit-batch-[0-9]+$/)) {
				nm = substr(p[2], 14) + 0
				if (nm > big) big = nm
			}
			if (match(p[2], /^cspkit-single-[0-9]+$/)) small = substr(p[2], 15) + 0
			if (match(p[2], /^pdftotext-[0-9]+$/)) pdf = substr(p[2], 11) + 0
		}
		if (big) {
			tb = t["corpus", "cspkit-batch-" big, inp["corpus", "cspkit-batch-" big]]
			cb = cpu["corpus", "cspkit-batch-" big, inp["corpus", "cspkit-batch-" big]]
			target("corpus: " big " text packs, one batch (s)", tb, "<", 60, " s", cb)
			printf "| corpus: packs per second, one batch | | %.0f | %.0f | |\n", big / tb, big / cb
		}
		if (big && small) {
			ts = t["corpus", "cspkit-single-" small, inp["corpus", "cspkit-single-" small]]
			cs = cpu["corpus", "cspkit-single-" small, inp["corpus", "cspkit-single-" small]]
			printf "| corpus: packs per second, one run per pack (%d packs) | | %.1f | %.1f | |\n", small, small / ts, small / cs
			printf "| corpus: one run per pack, %d packs extrapolated from %d (s) | | %.0f | %.0f | |\n", big, small, ts * big / small, cs * big / small
			vs("corpus: one run per pack / one batch, same " small " packs", "corpus", "cspkit-single-" small, "cspkit-batch-" small, ">", 1)
		}
		if (pdf) {
			vs("corpus: cspkit / pdftotext, " pdf " PDFs", "corpus", "cspkit-batch-text-of-pdf-" pdf, "pdftotext-" pdf, "<", 0.2)
			tp = t["corpus", "cspkit-batch-pdf-" pdf, inp["corpus", "cspkit-batch-pdf-" pdf]]
			if (tp > 0)
				printf "| corpus: PDF packs per second, one batch (pdftotext included) | | %.1f | %.1f | |\n", pdf / tp,
					pdf / cpu["corpus", "cspkit-batch-pdf-" pdf, inp["corpus", "cspkit-batch-pdf-" pdf]]
		}
	}' "$1"
