# gen-packs.awk - a corpus of agenda packs for bench.sh's corpus section:
#   mawk -v n=13000 -v dir=DIR -f gen-packs.awk DOC...
# Pack i (DIR/pack-NNNNN.txt) is one to three of the documents (sets of
# minutes, reports), chosen by i, each with its three-digit figures
# varied by i, so that no two packs are the same text and their sizes
# vary as the documents do.
FNR == 1 { d++ }
{ doc[d] = doc[d] $0 "\n" }
END {
	for (i = 0; i < n; i++) {
		f = sprintf("%s/pack-%05d.txt", dir, i)
		m = 1 + i % 3
		for (j = 0; j < m; j++)
			printf "%s", vary(doc[1 + (i * 7 + j * 13) % d], i + j) > f
		close(f)
	}
}
function vary(s, k,   out, lead, num) {
	out = ""
	# three-digit figures, not part of a longer number (years, dates)
	while (match(s, /(^|[^0-9.,])[0-9][0-9][0-9]([^0-9]|$)/)) {
		lead = RSTART + (substr(s, RSTART, 1) ~ /[0-9]/ ? 0 : 1)
		num = substr(s, lead, 3) + 0
		out = out substr(s, 1, lead - 1) sprintf("%d", 100 + (num + k * 37) % 900)
		s = substr(s, lead + 3)
	}
	return out s
}
