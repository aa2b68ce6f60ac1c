#!/bin/sh
# mps-wards.sh FILE.csv - the MPS ward crime CSV as a TSV of one row per
# record: "ward borough code" (WardName, LookUp_BoroughName, WardCode), so
# join-wards can be checked against the codes the MPS file gives.
# Quoted fields ("St James's", minor categories with commas) are unquoted;
# the BOM and CR are dropped.
exec gawk -v FPAT='([^,]*)|("([^"]|"")*")' '
function unq(s) { if (s ~ /^".*"$/) { s = substr(s, 2, length(s) - 2); gsub(/""/, "\"", s) } return s }
{ sub(/\r$/, ""); if (NR == 1) sub(/^\357\273\277/, "") }
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i
	  w = col["WardName"]; c = col["WardCode"]; b = col["LookUp_BoroughName"]
	  if (!w || !c || !b) { print "mps-wards.sh: " FILENAME ": not an MPS ward file" > "/dev/stderr"; exit 2 }
	  print "ward\tborough\tcode"; next }
{ print unq($w) "\t" unq($b) "\t" unq($c) }' "$1"
