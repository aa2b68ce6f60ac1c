# sections.sh - the comparisons of bench.sh, one function a section.
# Sourced by bench.sh: uses $bin $data $mps $ind $text $here $shared and
# bench/have.  Names starting "cspkit" are ours; report.sh divides every
# other row of a section by the section's first cspkit row.

section_reshape() {
	have normalise-crime || return 0
	bench reshape cspkit "$RUNS" "$bin/normalise-crime --format mps $mps"
	# What people write first: split on commas, ignoring CSV quoting.
	bench reshape awk-naive "$RUNS" "awk -F, -f $here/peers/reshape.awk $mps"
	bench reshape miller 1 "mlr --icsv --otsv reshape -r '^[0-9]{6}\$' -o month,value $mps"
}

# The full UK ward lookup, or a synthetic one of the same size when the
# shared data is absent.
ward_lookup() {
	lk=$data/wards-uk.tsv
	[ -s "$lk" ] && return 0
	if [ -f "$shared/data/ons_ward_to_lad_dec2023_uk.csv" ]; then
		mlr --icsv --otsv cat "$shared/data/ons_ward_to_lad_dec2023_uk.csv" |
			awk -F'\t' -v OFS='\t' 'NR == 1 { print "WD23CD", "WD23NM", "LAD23CD", "LAD23NM"; next }
				{ print $1, $2, $4, $5 }' > "$lk"
	else
		awk -v OFS='\t' 'BEGIN { print "WD23CD", "WD23NM", "LAD23CD", "LAD23NM"
			for (i = 0; i < 8441; i++)
				print sprintf("E05%06d", i), "Ward " i, sprintf("E06%06d", i % 361), "District " i % 361 }' > "$lk"
	fi
}

section_join() {
	have join-wards || return 0
	ward_lookup
	bench join cspkit "$RUNS" "$bin/join-wards -r $lk $ind"
	bench join awk-hash "$RUNS" "awk -F'\t' -v OFS='\t' -f $here/peers/join.awk $lk $ind"
	bench join sort-join 1 "sh $here/peers/sort-join.sh $lk $ind"
	bench join miller 1 "mlr --tsv join --ul -j area -l area -r WD23NM -f $lk $ind"
	head -n 200001 "$ind" > "$data/ind-200k.tsv"
	bench join cspkit-200k "$RUNS" "$bin/join-wards -r $lk $data/ind-200k.tsv"
	bench join csvjoin-200k 1 "csvjoin -t --left -c area,WD23NM $data/ind-200k.tsv $lk"
}

section_rank() {
	have rank-boroughs || return 0
	bench rank cspkit "$RUNS" "$bin/rank-boroughs $ind"
	bench rank sort-awk "$RUNS" "sh $here/peers/rank-sort-awk.sh $root/lib/data/boroughs.tsv $ind"
	bench rank miller 1 "sh $here/peers/rank-miller.sh $root/lib/data/boroughs.tsv $ind"
}

section_text() {
	have normalise-crime || return 0
	bench text cspkit-normalise "$RUNS" "$bin/normalise-crime --format text $text"
	have extract-minutes && bench text cspkit-minutes "$RUNS" "$bin/extract-minutes $text"
	bench text cat "$RUNS" "cat $text"
	bench text wc-l "$RUNS" "wc -l $text"
	bench text grep-cP "$RUNS" "grep -cP '$(cat "$here/peers/stat.re")' $text"
	bench text python-loop 1 "python3 $here/peers/loop.py $here/peers/stat.re $text"
}

# Linear scaling: a tenth of the input against the whole.
section_scale() {
	have normalise-crime || return 0
	head -c $((BENCH_MB * 100000)) "$mps" | sed '$d' > "$data/mps-tenth.csv"
	bench scale cspkit-full "$RUNS" "$bin/normalise-crime --format mps $mps"
	bench scale cspkit-tenth "$RUNS" "$bin/normalise-crime --format mps $data/mps-tenth.csv"
}

# Peak memory of the streaming tools on about 1 GB.
section_memory() {
	have normalise-crime || return 0
	big=$data/text-1gb.txt
	[ -s "$big" ] || { cat "$text" "$text" > "$big.tmp" && mv "$big.tmp" "$big"; }
	bench memory cspkit-normalise-text 1 "$bin/normalise-crime --format text $big"
	have extract-minutes && bench memory cspkit-minutes 1 "$bin/extract-minutes $big"
	bigcsv=$data/mps-1gb.csv
	if [ ! -s "$bigcsv" ]; then
		{ cat "$mps"; for i in 2 3 4 5; do sed 1d "$mps"; done; } > "$bigcsv.tmp" && mv "$bigcsv.tmp" "$bigcsv"
	fi
	bench memory cspkit-reshape 1 "$bin/normalise-crime --format mps $bigcsv"
}

# A whole pipeline over 1,000 agenda packs, one at a time and under GNU
# parallel.
section_pipeline() {
	have extract-minutes || return 0
	packs=$data/packs
	if [ ! -d "$packs" ]; then
		mkdir -p "$packs.tmp"
		n=0
		while [ $n -lt 1000 ]; do
			for f in $(find "$root/samples" -name '*.txt' | sort); do
				cp "$f" "$packs.tmp/pack-$n.txt"
				n=$((n + 1))
				[ $n -lt 1000 ] || break
			done
		done
		mv "$packs.tmp" "$packs"
	fi
	bench pipeline cspkit-serial "$RUNS" "for f in $packs/*.txt; do $bin/extract-minutes \$f; done"
	bench pipeline cspkit-parallel "$RUNS" "$root/pipelines/batch.sh -o $data/batch-out minutes $packs/*.txt"
}
