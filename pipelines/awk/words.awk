# words.awk - figures as a reader says them, for the pages (put after
# AWK_TSV and before the page's own program).
#
# What the ranks are among, from the environment (the script sets them
# all: a variable the user happens to have must not change a page), for a
# dashboard that is not a London borough's, such as a partnership ranked
# among its force's:
#   PAGE_RANKCOL  the dashboard's rank columns are PAGE_RANKCOL_rank and
#                 PAGE_RANKCOL_of (london)
#   PAGE_PEERS    what they are ranked among ("the London boroughs")
#   PAGE_ALL      the name of them together ("London")
#   PAGE_SRC      the data's publisher ("Metropolitan Police Service
#                 recorded crime by borough (London Datastore)")
#   PAGE_FILES    police.uk files: the forces whose partnerships are
#                 ranked among all in the files ("Gwent, North Wales"),
#                 the table's files_rank files_of
#   PAGE_NFILES   how many files were read (1: the page names it)
BEGIN {
	RANKCOL = ENVIRON["PAGE_RANKCOL"]; PEERS = ENVIRON["PAGE_PEERS"]
	ALL = ENVIRON["PAGE_ALL"]; SRC = ENVIRON["PAGE_SRC"]
	FILES = ENVIRON["PAGE_FILES"]; NFILES = ENVIRON["PAGE_NFILES"] + 0
}

# monthname(YYYY-MM): "December 2025"; anything else as it is.
function monthname(p,   m) {
	if (p !~ /^[0-9][0-9][0-9][0-9]-[01][0-9]$/) return p
	m = substr(p, 6, 2) + 0
	if (m < 1 || m > 12) return p
	split("January February March April May June July August September October November December", MONTHS, " ")
	return MONTHS[m] " " substr(p, 1, 4)
}
# period_words(P): a normalise-crime period in words: "12m to 2025-12" is
# "12 months to December 2025", "3m to 2025-12" "October–December 2025"
# ("November 2024–January 2025" across a year), "2025-12" "December 2025".
function period_words(p,   n, end, y, m, sy, sm, a, b) {
	if (p ~ /^[0-9]+m to [0-9][0-9][0-9][0-9]-[01][0-9]$/) {
		n = substr(p, 1, index(p, "m") - 1) + 0
		end = substr(p, length(p) - 6)
		if (n != 3) return n " months to " monthname(end)
		y = substr(end, 1, 4) + 0; m = substr(end, 6, 2) + 0
		sm = m - 2; sy = y
		if (sm < 1) { sm += 12; sy-- }
		a = monthname(sprintf("%04d-%02d", sy, sm))
		b = monthname(end)
		if (sy == y) sub(/ [0-9]+$/, "", a)
		return a "\342\200\223" b
	}
	return monthname(p)
}
# thousands(N): 28538 as "28,538"; not a whole number: as it is.
function thousands(n,   s, r) {
	if (n !~ /^-?[0-9]+$/) return n
	s = n; r = ""
	while (length(s) > 3 && substr(s, length(s) - 3, 1) ~ /[0-9]/) {
		r = "," substr(s, length(s) - 2) r
		s = substr(s, 1, length(s) - 3)
	}
	return s r
}
function esc(s) {
	gsub(/&/, "\\&amp;", s)
	gsub(/</, "\\&lt;", s)
	gsub(/>/, "\\&gt;", s)
	gsub(/"/, "\\&quot;", s)
	return s
}
