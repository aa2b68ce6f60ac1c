#!/bin/sh
# rank-miller.sh BOROUGHS TABLE - the same ranking in Miller: join the
# populations, compute the rate, sort within groups and number the rows
# (ties are not shared: Miller has no rank verb).
mlr --tsv join -j area -l name -r area -f "$1" \
	then filter '$area != "City of London"' \
	then put '$rate_per_1000 = $value * 1000 / $mid2020' \
	then sort -f period,offence,measure -nf rate_per_1000 \
	then step -a counter -f rate_per_1000 -g period,offence,measure "$2"
