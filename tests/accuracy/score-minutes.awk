# score-minutes.awk: extract-minutes rows scored against fact files.
#
#   awk -v words=lib/data/minutes-words.tsv [-v verbose=1] \
#       -f score-common.awk -f score-minutes.awk FACTS TOOL.tsv [FACTS TOOL.tsv]...
#
# FACTS is a tests/accuracy/minutes/*.facts file (format in README.md),
# TOOL.tsv the extract-minutes output for its document.  Prints one row per
# facet (gold, tool, matched, precision, recall, F1) summed over the
# documents, and an "all" row over every facet; with verbose, first one line
# per miss and false positive: "document facet FN|FP text".  Exit 1 naming
# file:line when a fact file is malformed.
#
# All the work is in BEGIN, reading with getline, so an empty tool output
# (a crashed tool) is still scored as no rows.

BEGIN {
	nfacet = split("meeting_date item present in_attendance apology " \
	    "resolution decision action action_owner next_meeting closed", FACET, " ")
	for (i = 1; i <= nfacet; i++)
		if (FACET[i] != "action_owner")
			INFACTS[FACET[i]] = 1
	# extract-minutes record kind -> facet
	split("meeting item present in_attendance apology resolution decision " \
	    "action next_meeting closed", r, " ")
	for (i in r)
		RECORD[r[i]] = r[i] == "meeting" ? "meeting_date" : r[i]
	PERSON["present"] = PERSON["in_attendance"] = PERSON["apology"] = 1
	CONTAINS["resolution"] = CONTAINS["decision"] = CONTAINS["action"] = 1
	load_titles(words)
	ndoc = 0
	for (a = 1; a < ARGC; a += 2) {
		read_facts(ARGV[a])
		read_tool(ARGV[a + 1])
		score(docname(ARGV[a]))
		ndoc++
	}
	table()
	exit 0
}

# load_titles FILE: the honorific and title words of minutes-words.tsv,
# folded, so "Chief Superintendent Jane Smith" folds to "jane smith".
function load_titles(file,   line, f, n, w)
{
	maxtw = 0
	if (file == "")
		return
	while ((getline line < file) > 0) {
		if (line ~ /^#/ || split(line, f, "\t") < 2)
			continue
		if (f[2] != "honorific" && f[2] != "title")
			continue
		w = fold(f[1])
		TITLE[w] = 1
		n = split(w, f, " ")
		if (n > maxtw)
			maxtw = n
	}
	close(file)
}

# namefold S: a person's name folded: bracketed text dropped, punctuation
# removed ("O'Brien" -> "obrien", "Smith-Jones" -> "smithjones"), lower
# case, leading honorifics and titles dropped ("Cllr Dr J. Smith" -> "j smith").
function namefold(s,   w, n, i, k, j, seq, out, found)
{
	gsub(/\([^)]*\)|\[[^]]*\]/, " ", s)
	gsub(/\302\240|\342\200[\200-\212]/, " ", s)
	gsub(/\302[\200-\277]|\342[\200-\277][\200-\277]|\357[\200-\277][\200-\277]/, "", s)
	s = tolower(s)
	gsub(/[^a-z0-9\200-\377 \t]/, "", s)
	n = split(s, w, " ")
	i = 1
	do {
		found = 0
		for (k = maxtw; k >= 1 && !found; k--) {
			if (i + k - 1 >= n)	# keep at least one word
				continue
			seq = w[i]
			for (j = 1; j < k; j++)
				seq = seq " " w[i + j]
			if (seq in TITLE) {
				i += k
				found = 1
			}
		}
	} while (found)
	out = ""
	for (; i <= n; i++)
		out = out (out == "" ? "" : " ") w[i]
	return out
}

# samename A B: folded names match when the last words are equal and, where
# both have a first word, the first letters agree ("j smith" ~ "jane smith").
function samename(a, b,   A, B, na, nb)
{
	na = split(a, A, " ")
	nb = split(b, B, " ")
	if (na == 0 || nb == 0 || A[na] != B[nb])
		return 0
	if (na > 1 && nb > 1 && substr(A[1], 1, 1) != substr(B[1], 1, 1))
		return 0
	return 1
}

function read_facts(file,   line, f, nf, ln, meet, facet, rc)
{
	delete G_facet; delete G_key; delete G_det; delete G_meet; delete G_line
	delete G_fkey; delete G_fdet
	delete MEETING
	ng = 0
	ln = 0
	meet = ""
	gotdoc = 0
	while ((rc = (getline line < file)) > 0) {
		ln++
		sub(/\r$/, "", line)
		if (line ~ /^#/ || line ~ /^[ \t]*$/)
			continue
		nf = split(line, f, "\t")
		if (!gotdoc) {
			if (nf != 2 || f[1] != "document" || f[2] == "")
				die(file, ln, "the first line must be \"document<TAB>path\"")
			gotdoc = 1
			continue
		}
		if (nf < 2 || nf > 3)
			die(file, ln, "expected facet<TAB>key[<TAB>detail], found " nf " fields")
		facet = f[1]
		if (!(facet in INFACTS))
			die(file, ln, "unknown facet \"" facet "\"")
		if (f[2] == "" && facet != "item")
			die(file, ln, facet ": empty key")
		if (facet == "meeting_date") {
			if (!isdate(f[2]))
				die(file, ln, "meeting_date \"" f[2] "\" is not YYYY-MM-DD")
			if (f[2] in MEETING)
				die(file, ln, "meeting_date " f[2] " given twice")
			MEETING[f[2]] = 1
			meet = f[2]
		} else if (meet == "")
			die(file, ln, facet " before any meeting_date")
		if (facet == "next_meeting" && (!isdate(f[2]) || (nf == 3 && f[3] != "" && !istime(f[3]))))
			die(file, ln, "next_meeting must be YYYY-MM-DD<TAB>[HH:MM]")
		if (facet == "closed" && !istime(f[2]))
			die(file, ln, "closed \"" f[2] "\" is not HH:MM")
		if (facet == "item" && (nf < 3 || fold(f[3]) == ""))
			die(file, ln, "item needs the first words of its title")
		if (facet in CONTAINS && fold(f[2]) == "")
			die(file, ln, facet ": the key has no words")
		ng++
		G_facet[ng] = facet
		G_key[ng] = f[2]
		G_det[ng] = nf == 3 ? f[3] : ""
		G_meet[ng] = meet
		G_line[ng] = ln
		# folded once here, compared with every row of the meeting
		G_fkey[ng] = (facet in PERSON) ? namefold(f[2]) : fold(f[2])
		G_fdet[ng] = fold(G_det[ng])
	}
	if (rc < 0)
		die(file, 0, "cannot read")
	if (!gotdoc)
		die(file, ln, "no \"document<TAB>path\" line")
	close(file)
}

# read_tool FILE: the rows of the facets scored, by column name.
function read_tool(file,   line, f, col, n, rec, ln)
{
	delete T_facet; delete T_meet; delete T_item; delete T_who; delete T_text
	delete T_line; delete T_fitem; delete T_ftext; delete T_fwho
	nt = 0
	ln = 0
	if ((getline line < file) <= 0) {
		close(file)
		return
	}
	header(line, col)
	while ((getline line < file) > 0) {
		ln++
		split(line, f, "\t")
		rec = f[col["record"]]
		if (!(rec in RECORD))
			continue
		nt++
		T_facet[nt] = RECORD[rec]
		T_meet[nt] = f[col["meeting_date"]]
		T_item[nt] = f[col["item"]]
		T_who[nt] = f[col["who"]]
		T_text[nt] = f[col["text"]]
		T_line[nt] = ("line" in col) ? f[col["line"]] : ln + 1
		T_fitem[nt] = fold(T_item[nt])
		T_ftext[nt] = fold(T_text[nt])
		T_fwho[nt] = namefold(T_who[nt])
	}
	close(file)
}

# matches G T: whether tool row T is a row for gold fact G (same meeting and
# facet already checked).
function matches(g, t,   facet)
{
	facet = G_facet[g]
	if (facet == "meeting_date")
		return G_key[g] == T_meet[t]
	if (facet == "item") {
		if (G_fkey[g] != "" && G_fkey[g] != T_fitem[t])
			return 0
		return index(T_ftext[t] " ", G_fdet[g] " ") == 1
	}
	if (facet in PERSON)
		return samename(G_fkey[g], T_fwho[t])
	if (facet in CONTAINS)
		return index(" " T_ftext[t] " ", " " G_fkey[g] " ") > 0
	if (facet == "next_meeting")
		return substr(T_text[t], 1, 10) == G_key[g]
	if (facet == "closed")
		return T_text[t] == G_key[g]
	return 0
}

# score DOC: one-to-one matching, the most constrained fact first, each
# taking its first free row in line order; then the owners of the matched
# actions.
function score(doc,   g, t, c, maxc, ncand, CAND, gm, tm, G_own, T_own, G_raw, T_raw, ngo, nto, i, j, used)
{
	maxc = 0
	for (g = 1; g <= ng; g++) {
		ncand[g] = 0
		for (t = 1; t <= nt; t++)
			if (T_facet[t] == G_facet[g] && (G_facet[g] == "meeting_date" || T_meet[t] == G_meet[g]) && matches(g, t))
				CAND[g, ++ncand[g]] = t
		if (ncand[g] > maxc)
			maxc = ncand[g]
	}
	for (c = 1; c <= maxc; c++)
		for (g = 1; g <= ng; g++) {
			if (ncand[g] != c)
				continue
			for (i = 1; i <= c; i++) {
				t = CAND[g, i]
				if (!(t in tm)) {
					gm[g] = t
					tm[t] = g
					break
				}
			}
		}
	for (g = 1; g <= ng; g++) {
		GOLD[G_facet[g]]++
		if (g in gm)
			HIT[G_facet[g]]++
		else if (verbose)
			say(doc, G_facet[g], "FN", G_facet[g] == "item" ? G_key[g] " " G_det[g] : G_key[g], G_meet[g], "facts line " G_line[g])
	}
	for (t = 1; t <= nt; t++) {
		TOOL[T_facet[t]]++
		if (!(t in tm) && verbose)
			say(doc, T_facet[t], "FP", toolkey(t), T_meet[t], "line " T_line[t])
	}
	for (g = 1; g <= ng; g++) {
		if (G_facet[g] != "action" || !(g in gm))
			continue
		t = gm[g]
		ngo = owners(G_det[g], G_own, G_raw)
		nto = owners(T_who[t], T_own, T_raw)
		delete used
		GOLD["action_owner"] += ngo
		TOOL["action_owner"] += nto
		for (i = 1; i <= ngo; i++) {
			for (j = 1; j <= nto; j++)
				if (!(j in used) && samename(G_own[i], T_own[j]))
					break
			if (j <= nto) {
				used[j] = 1
				HIT["action_owner"]++
			} else if (verbose)
				say(doc, "action_owner", "FN", G_raw[i] " (" G_key[g] ")", G_meet[g], "facts line " G_line[g])
		}
		for (j = 1; j <= nto; j++)
			if (!(j in used) && verbose)
				say(doc, "action_owner", "FP", T_raw[j] " (" G_key[g] ")", T_meet[t], "line " T_line[t])
	}
}

# owners S ARR RAW: "Jane Smith; the Clerk" -> the folded names in ARR, as
# printed in RAW; their count.
function owners(s, arr, raw,   f, n, i, k, v)
{
	delete arr
	delete raw
	n = split(s, f, ";")
	k = 0
	for (i = 1; i <= n; i++)
		if ((v = namefold(f[i])) != "") {
			arr[++k] = v
			raw[k] = f[i]
			sub(/^[ \t]+/, "", raw[k])
			sub(/[ \t]+$/, "", raw[k])
		}
	return k
}

function toolkey(t,   facet)
{
	facet = T_facet[t]
	if (facet == "meeting_date")
		return T_meet[t]
	if (facet == "item")
		return T_item[t] " " T_text[t]
	if (facet in PERSON)
		return T_who[t]
	if (facet == "action")
		return T_text[t] " [" T_who[t] "]"
	return T_text[t]
}

function say(doc, facet, kind, text, meet, where)
{
	gsub(/  +/, " ", text)
	sub(/^ /, "", text)
	print doc " " facet " " kind " " text " (" meet ", " where ")"
}

function table(   i, f, g, t, h, sg, st, sh)
{
	if (verbose && ndoc)
		print ""
	printf "extract-minutes: %d document%s\n", ndoc, ndoc == 1 ? "" : "s"
	printf "%-14s %6s %6s %8s %10s %7s %6s\n", "facet", "gold", "tool", "matched", "precision", "recall", "F1"
	for (i = 1; i <= nfacet; i++) {
		f = FACET[i]
		g = GOLD[f] + 0; t = TOOL[f] + 0; h = HIT[f] + 0
		sg += g; st += t; sh += h
		printf "%-14s %6d %6d %8d %10s %7s %6s\n", f, g, t, h, ratio(h, t), ratio(h, g), f1(h, g, t)
	}
	printf "%-14s %6d %6d %8d %10s %7s %6s\n", "all", sg, st, sh, ratio(sh, st), ratio(sh, sg), f1(sh, sg, st)
}
