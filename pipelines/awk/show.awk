# show.awk - print some columns of a TSV padded for a terminal, for
# make run: -v cols="a,b,c" (names from the header), -v max=N rows at
# most, -v cut=N characters at most in a cell.
BEGIN { FS = "\t"; ncol = split(cols, want, ","); if (cut == "") cut = 60 }
NR == 1 {
	for (i = 1; i <= NF; i++) at[$i] = i
	for (k = 1; k <= ncol; k++) cell[0, k] = want[k]
	next
}
n < max {
	n++
	for (k = 1; k <= ncol; k++) {
		v = (want[k] in at) ? $(at[want[k]]) : ""
		if (length(v) > cut) v = substr(v, 1, cut - 3) "..."
		cell[n, k] = v
	}
}
END {
	for (r = 0; r <= n; r++)
		for (k = 1; k <= ncol; k++)
			if (length(cell[r, k]) > w[k]) w[k] = length(cell[r, k])
	for (r = 0; r <= n; r++) {
		line = "  "
		for (k = 1; k < ncol; k++)
			line = line sprintf("%-*s  ", w[k], cell[r, k])
		print line cell[r, ncol]
	}
	if (NR - 1 > n) printf "  ... %d rows in all\n", NR - 1
}
