# many-warnings.awk - loaded before many-minutes.awk and many-reports.awk
# (pipelines/many.sh, many_split): the part of finishing a pack that both
# splits share.
#
# pack_warnings(K, MSGS): pack K's warnings.txt, as a run of its own writes
# it: pdftotext's messages (a PDF pack), then MSGS (the tools' messages,
# one a line), each line once and the runs' closing counts left out.
# Returns the number of lines written.
function pack_warnings(k, msgs,   f, l, all, w, n, i, nw, seen) {
	all = ""
	if (type[k] == "pdf") {
		f = "in/" k ".err"
		while ((getline l < f) > 0)
			all = all l "\n"
		close(f)
	}
	all = all msgs
	f = "o/" k "/warnings.txt"
	printf "" > f
	n = split(all, w, "\n")
	nw = 0
	for (i = 1; i < n; i++) {
		if (w[i] ~ /^[a-z-]+: [0-9]+ warnings?$/ || (w[i] in seen))
			continue
		seen[w[i]] = 1
		print w[i] > f
		nw++
	}
	close(f)
	return nw
}
