# Helpers shared by score-minutes.awk and score-figures.awk (POSIX awk:
# mawk and gawk; run.sh runs them under LC_ALL=C so both see bytes).

# die FILE LINE MSG: a malformed fact file is the one error of the scorers.
function die(file, line, msg)
{
	print "accuracy: " file ":" line ": " msg | "cat 1>&2"
	close("cat 1>&2")
	exit_code = 1
	exit 1
}

# nonletters S: UTF-8 punctuation, spaces and symbols made ASCII spaces, so
# "council’s" folds like "council's" and "Seán" keeps its letter:
# U+0080..U+00BF (NBSP, £, «), U+2000..U+2FFF (dashes, quotes, bullets,
# arrows, box drawing), U+F000..U+FFFF (pdftotext's private-use bullets,
# BOM, replacement character), × and ÷.
function nonletters(s)
{
	gsub(/\302[\200-\277]/, " ", s)
	gsub(/\303\227|\303\267/, " ", s)
	gsub(/\342[\200-\277][\200-\277]/, " ", s)
	gsub(/\357[\200-\277][\200-\277]/, " ", s)
	return s
}

# fold S: lower case, every run of characters that are not letters or
# digits one space, trimmed ("Minutes of the Last Meeting:" -> "minutes of
# the last meeting").  Bytes of other UTF-8 characters count as letters.
function fold(s)
{
	s = tolower(nonletters(s))
	gsub(/[^a-z0-9\200-\377]+/, " ", s)
	sub(/^ /, "", s)
	sub(/ $/, "", s)
	return s
}

# ratio N D: N/D to three decimals, "-" when D is 0.
function ratio(n, d)
{
	return d == 0 ? "-" : sprintf("%.3f", n / d)
}

# f1 TP GOLD TOOL: the harmonic mean of precision and recall.
function f1(tp, g, t)
{
	return g + t == 0 ? "-" : sprintf("%.3f", 2 * tp / (g + t))
}

# docname FILE: "tests/accuracy/minutes/seed-000.facts" -> "seed-000".
function docname(file)
{
	sub(/.*\//, "", file)
	sub(/\.[^.]*$/, "", file)
	return file
}

# header LINE MAP: the column numbers of a TSV header, by name.
function header(line, col,   f, n, i)
{
	n = split(line, f, "\t")
	for (i = 1; i <= n; i++)
		col[f[i]] = i
	return n
}

function isdate(s,   m, d)
{
	if (s !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$/)
		return 0
	m = substr(s, 6, 2) + 0
	d = substr(s, 9, 2) + 0
	return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

function istime(s)
{
	return s ~ /^([01][0-9]|2[0-3]):[0-5][0-9]$/
}
