#!/bin/sh
# report.sh RESULTS.tsv - the markdown table for the README: each row with
# its median time, spread, peak memory, and the ratio of its time to the
# first cspkit row of its section (so "miller 21.4x" means Miller took 21.4
# times as long as cspkit on the same input).
awk -F'\t' '
	NR == 1 { next }
	{
		if (!($1 in base) && $2 ~ /^cspkit/) base[$1] = $3
		row[++n] = $0
	}
	END {
		print "| section | command | median s | ± s | peak MB | time / cspkit |"
		print "|---|---|---:|---:|---:|---:|"
		for (i = 1; i <= n; i++) {
			split(row[i], f, "\t")
			r = (f[1] in base) && base[f[1]] > 0 ? sprintf("%.1fx", f[3] / base[f[1]]) : ""
			printf "| %s | %s | %.2f | %.2f | %.1f | %s |\n", f[1], f[2], f[3], f[4], f[7] / 1024, r
		}
	}' "$1"
