# reshape.awk - the naive wide-to-long split: one line per row and month,
# splitting on every comma (wrong for quoted fields, which is the point:
# it is the speed people get before they parse CSV properly).
NR == 1 { for (i = 4; i <= NF; i++) month[i] = $i; next }
{ for (i = 4; i <= NF; i++) print $1 "\t" $2 "\t" $3 "\t" month[i] "\t" $i }
