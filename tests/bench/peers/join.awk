# join.awk LOOKUP TABLE - left join TABLE's `area` to LOOKUP's name column
# (second field), appending code and district: the awk hash join.
NR == FNR { if (FNR > 1) { code[$2] = $1; lad[$2] = $3 } next }
FNR == 1 { for (i = 1; i <= NF; i++) if ($i == "area") k = i; print $0, "ward_code", "lad_code"; next }
{ print $0, code[$k], lad[$k] }
