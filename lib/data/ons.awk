# ons.awk - what every builder of a reference table from ONS CSV files
# needs (make-geo.sh, make-wards.sh): each prepends it to its program
# ("$(cat ons.awk)"'...') and sets PROG (-v PROG=make-geo.sh) for messages.

# Split one RFC 4180 line (no embedded newlines in these files) into f[];
# returns the field count.  A BOM and a CR line end are dropped.
function csv(line, f,    n, i, c, q, cur) {
	sub(/\r$/, "", line)
	sub(/^\357\273\277/, "", line)
	if (index(line, "\"") == 0)
		return split(line, f, ",")
	n = 0; cur = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(line, i + 1, 1) == "\"") { cur = cur c; i++ }
				else q = 0
			} else cur = cur c
		} else if (c == "\"") q = 1
		else if (c == ",") { f[++n] = cur; cur = "" }
		else cur = cur c
	}
	f[++n] = cur
	return n
}
# Column index by header name, spaces around it ignored (the 2023 ward
# lookup says " WardName"), or die naming the file.
function col(h, n, name, file,    i, s) {
	for (i = 1; i <= n; i++) {
		s = h[i]; gsub(/^ +| +$/, "", s)
		if (s == name) return i
	}
	die(file ": no column " name)
}
function die(msg) { print PROG ": " msg > "/dev/stderr"; exit 1 }
# A printed count as digits ("12,786" -> 12786); "" when it is none.
function count(s) {
	gsub(/,/, "", s)
	return s ~ /^[0-9]+$/ ? s : ""
}
