# files-set.awk - the partnerships the dashboard ranks "among all the
# partnerships in the files given": every partnership of each police force
# whose data.police.uk files give all the months of the ranked window.
# A street file is one force's month: its first record's "Falls within"
# ("North Wales Police") and Month ("2022-10") say which; a force whose
# files miss a month of the window is left out (its partnerships would be
# ranked on the crimes other forces' files place in them) and named in a
# note.  The set is what rank-boroughs --among FILE reads.
# Files: areas.tsv (code name level parent_code aliases), then a table
# falls_within month, one row per file.  ENVIRON["WINDOW"] is the ranked
# window ("12m to 2022-10"), ENVIRON["NOTE"] the file for the notes.
# Writes an area column (the partnerships, by name) and, in ENVIRON["WORDS"],
# the forces' names in the order first given.  Needs AWK_TSV in front.

head {
	if (file == 1) need("code name level parent_code aliases")
	if (file == 2) need("falls_within month")
	next
}
# A force is known by its name or a name in its aliases ("Gwent Police").
file == 1 && f("level") == "pfa" {
	fname[f("code")] = f("name")
	byname[tolower(f("name"))] = f("code")
	na = split(f("aliases"), al, ";")
	for (i = 1; i <= na; i++)
		if (al[i] != "") byname[tolower(al[i])] = f("code")
	next
}
file == 1 && f("level") == "csp" { ncsp++; csp[ncsp] = f("name"); cspforce[ncsp] = f("parent_code"); next }
file == 2 {
	k = tolower(f("falls_within"))
	if (!(k in byname)) { unknown[f("falls_within")] = 1; next }
	fc = byname[k]
	if (!(fc in seen)) { seen[fc] = 1; forces[++nf] = fc }
	have[fc, f("month")] = 1
}
END {
	w = ENVIRON["WINDOW"]
	n = substr(w, 1, index(w, "m") - 1) + 0
	y = substr(w, length(w) - 6, 4) + 0; m = substr(w, length(w) - 1, 2) + 0
	print "area"
	words = ""
	for (i = 1; i <= nf; i++) {
		fc = forces[i]
		missing = 0
		yy = y; mm = m
		for (k = 0; k < n; k++) {
			if (!((fc, sprintf("%04d-%02d", yy, mm)) in have)) missing++
			if (--mm < 1) { mm = 12; yy-- }
		}
		if (n == 0 || missing) {
			printf "dashboard: %s: its files give %d of the %d months to %s: its partnerships are not ranked among all the partnerships in the files\n", \
			       fname[fc], n - missing, n, sprintf("%04d-%02d", y, m) >ENVIRON["NOTE"]
			continue
		}
		words = words (words == "" ? "" : ", ") fname[fc]
		for (j = 1; j <= ncsp; j++)
			if (cspforce[j] == fc) print csp[j]
	}
	for (u in unknown)
		printf "dashboard: \"Falls within\" %s is no police force area of England and Wales: its files are not in the rank among all the partnerships in the files\n", u >ENVIRON["NOTE"]
	printf "%s", words >ENVIRON["WORDS"]
}
