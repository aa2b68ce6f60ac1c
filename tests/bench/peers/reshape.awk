# reshape.awk - the naive wide-to-long split of an MPS file (run with
# -F,): one line per row and month with the row's label columns, splitting
# on every comma.  Wrong for quoted fields, which is the point: it is the
# speed people get before they parse CSV properly.
{ sub(/\r$/, "") }
NR == 1 {
	for (i = 1; i <= NF; i++) if ($i ~ /^[0-9][0-9][0-9][0-9][0-9][0-9]$/) { first = i; break }
	for (i = first; i <= NF; i++) month[i] = $i
	next
}
{
	key = $1
	for (i = 2; i < first; i++) key = key "\t" $i
	for (i = first; i <= NF; i++) print key "\t" month[i] "\t" $i
}
