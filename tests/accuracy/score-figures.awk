# score-figures.awk: normalise-crime --format text rows scored against
# figure files.
#
#   awk [-v verbose=1] -f score-common.awk -f score-figures.awk \
#       FIGURES TOOL.tsv [FIGURES TOOL.tsv]...
#
# FIGURES is a tests/accuracy/figures/*.figures file (format in README.md),
# TOOL.tsv the normalise-crime output for its document.  A tool row matches a
# fact with the same offence, measure and numerically equal value (for
# "unmapped" the folded labels must also share a word); pairs are taken
# nearest line first, one-to-one.  Prints one row per document (gold, tool,
# matched, precision, recall, period agreement over matched facts whose gold
# period is not empty) and a total row; with verbose, first one line per
# miss, false positive and period disagreement ("document figure FN|FP text",
# "document period FN text").  Exit 1 naming file:line when a figure file is
# malformed.

BEGIN {
	ndoc = 0
	for (a = 1; a < ARGC; a += 2) {
		read_facts(ARGV[a])
		read_tool(ARGV[a + 1])
		score(docname(ARGV[a]))
	}
	table()
	exit 0
}

function read_facts(file,   line, f, nf, ln, col, ncol, rc, need, i)
{
	delete G_line; delete G_period; delete G_off; delete G_label
	delete G_meas; delete G_val; delete G_fline
	ng = 0
	ln = 0
	state = 0	# 0 before the document line, 1 before the header, 2 rows
	while ((rc = (getline line < file)) > 0) {
		ln++
		sub(/\r$/, "", line)
		if (line ~ /^#/ || line ~ /^[ \t]*$/)
			continue
		nf = split(line, f, "\t")
		if (state == 0) {
			if (nf != 2 || f[1] != "document" || f[2] == "")
				die(file, ln, "the first line must be \"document<TAB>path\"")
			state = 1
			continue
		}
		if (state == 1) {
			delete col
			ncol = header(line, col)
			split("line period offence offence_label measure value", need, " ")
			for (i = 1; i <= 6; i++)
				if (!(need[i] in col))
					die(file, ln, "the header has no \"" need[i] "\" column")
			state = 2
			continue
		}
		if (nf != ncol)
			die(file, ln, nf " fields, the header has " ncol)
		if (f[col["line"]] !~ /^[1-9][0-9]*$/)
			die(file, ln, "line \"" f[col["line"]] "\" is not a line number")
		if (f[col["offence"]] !~ /^[a-z0-9_]+$/)
			die(file, ln, "offence \"" f[col["offence"]] "\" is not a taxonomy key")
		if (f[col["measure"]] !~ /^[a-z0-9_]+$/)
			die(file, ln, "measure \"" f[col["measure"]] "\" is not a measure")
		if (f[col["value"]] !~ /^-?([0-9]+|[0-9]*\.[0-9]+)$/)
			die(file, ln, "value \"" f[col["value"]] "\" is not a number")
		ng++
		G_line[ng] = f[col["line"]] + 0
		G_period[ng] = f[col["period"]]
		G_off[ng] = f[col["offence"]]
		G_label[ng] = f[col["offence_label"]]
		G_meas[ng] = f[col["measure"]]
		G_val[ng] = f[col["value"]]
		G_fline[ng] = ln
	}
	if (rc < 0)
		die(file, 0, "cannot read")
	if (state < 2)
		die(file, ln, state == 0 ? "no \"document<TAB>path\" line" : "no header line")
	close(file)
}

function read_tool(file,   line, f, col, ln)
{
	delete T_line; delete T_period; delete T_off; delete T_label
	delete T_meas; delete T_val
	nt = 0
	if ((getline line < file) <= 0) {
		close(file)
		return
	}
	header(line, col)
	while ((getline line < file) > 0) {
		split(line, f, "\t")
		nt++
		T_line[nt] = f[col["line"]] + 0
		T_period[nt] = f[col["period"]]
		T_off[nt] = f[col["offence"]]
		T_label[nt] = f[col["offence_label"]]
		T_meas[nt] = f[col["measure"]]
		T_val[nt] = f[col["value"]]
	}
	close(file)
}

# shareword A B: whether two labels have a folded word in common.
function shareword(a, b,   A, B, na, nb, i, j)
{
	na = split(fold(a), A, " ")
	nb = split(fold(b), B, " ")
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++)
			if (A[i] == B[j])
				return 1
	return 0
}

# score DOC: every candidate pair, sorted by line distance (then fact, then
# row order), taken greedily.
function score(doc,   g, t, np, PD, PG, PT, ORD, i, gm, tm, hit, pn, pa, d)
{
	np = 0
	for (g = 1; g <= ng; g++)
		for (t = 1; t <= nt; t++) {
			if (T_off[t] != G_off[g] || T_meas[t] != G_meas[g] || T_val[t] + 0 != G_val[g] + 0)
				continue
			if (G_off[g] == "unmapped" && !shareword(G_label[g], T_label[t]))
				continue
			np++
			d = T_line[t] - G_line[g]
			PD[np] = d < 0 ? -d : d
			PG[np] = g
			PT[np] = t
			ORD[np] = np
		}
	sortpairs(ORD, PD, np)
	hit = pn = pa = 0
	for (i = 1; i <= np; i++) {
		g = PG[ORD[i]]
		t = PT[ORD[i]]
		if (g in gm || t in tm)
			continue
		gm[g] = t
		tm[t] = g
		hit++
		if (G_period[g] != "") {
			pn++
			if (fold(G_period[g]) == fold(T_period[t]))
				pa++
			else if (verbose)
				print doc " period FN " G_period[g] " (tool: " T_period[t] "; " fact(g) ")"
		}
	}
	if (verbose) {
		for (g = 1; g <= ng; g++)
			if (!(g in gm))
				print doc " figure FN " fact(g) " (facts line " G_fline[g] ")"
		for (t = 1; t <= nt; t++)
			if (!(t in tm))
				print doc " figure FP line " T_line[t] ": " T_off[t] " " T_meas[t] " " T_val[t] " \"" T_label[t] "\"" (T_period[t] == "" ? "" : " " T_period[t])
	}
	ndoc++
	D_name[ndoc] = doc
	D_gold[ndoc] = ng
	D_tool[ndoc] = nt
	D_hit[ndoc] = hit
	D_pn[ndoc] = pn
	D_pa[ndoc] = pa
}

function fact(g)
{
	return "line " G_line[g] ": " G_off[g] " " G_meas[g] " " G_val[g] " \"" G_label[g] "\"" (G_period[g] == "" ? "" : " " G_period[g])
}

# sortpairs ORD KEY N: ORD[1..N] ordered by KEY[ORD[i]], then by ORD[i]
# itself (the fact-major order the pairs were made in); insertion sort, as
# the pairs of one document are few.
function sortpairs(ord, key, n,   i, j, v)
{
	for (i = 2; i <= n; i++) {
		v = ord[i]
		for (j = i - 1; j >= 1 && (key[ord[j]] > key[v] || (key[ord[j]] == key[v] && ord[j] > v)); j--)
			ord[j + 1] = ord[j]
		ord[j + 1] = v
	}
}

function agree(a, n)
{
	return n == 0 ? "-" : a "/" n
}

function table(   i, w, sg, st, sh, spn, spa)
{
	if (verbose && ndoc)
		print ""
	w = 8
	for (i = 1; i <= ndoc; i++)
		if (length(D_name[i]) > w)
			w = length(D_name[i])
	printf "normalise-crime --format text: %d document%s\n", ndoc, ndoc == 1 ? "" : "s"
	printf "%-" w "s %6s %6s %8s %10s %7s %6s\n", "document", "gold", "tool", "matched", "precision", "recall", "period"
	for (i = 1; i <= ndoc; i++) {
		printf "%-" w "s %6d %6d %8d %10s %7s %6s\n", D_name[i], D_gold[i], D_tool[i], D_hit[i],
		    ratio(D_hit[i], D_tool[i]), ratio(D_hit[i], D_gold[i]), agree(D_pa[i], D_pn[i])
		sg += D_gold[i]; st += D_tool[i]; sh += D_hit[i]; spn += D_pn[i]; spa += D_pa[i]
	}
	printf "%-" w "s %6d %6d %8d %10s %7s %6s\n", "total", sg, st, sh, ratio(sh, st), ratio(sh, sg), agree(spa, spn)
}
