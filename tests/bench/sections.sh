# sections.sh - the comparisons of bench.sh, one function a section.
# Sourced by bench.sh: uses $bin $data $mps $ind $wind $text $here $root
# $RUNS and bench/have/head_mb.  Names starting "cspkit" are ours;
# report.sh divides every other row of a section by the cspkit row of the
# section that read the same input.
#
# Slow peers (Miller, csvkit, Python) get one run, and Miller and csvkit a
# smaller input where the full one would take minutes or gigabytes; the
# cspkit tool is then timed on that smaller input too, so every ratio
# compares two programs on the same file.

# The wide-to-long reshape of an MPS file (normalise-crime mps mode).
section_reshape() {
	have normalise-crime || return 0
	small=$data/mps-$((BENCH_MB / 4))mb.csv
	head_mb "$mps" $((BENCH_MB / 4)) "$small"
	bench reshape cspkit "$mps" "$RUNS" "$bin/normalise-crime --format mps $mps"
	# What people write first: split on commas, ignoring CSV quoting.
	bench reshape gawk-naive "$mps" "$RUNS" "gawk -F, -f $here/peers/reshape.awk $mps"
	bench reshape mawk-naive "$mps" "$RUNS" "mawk -F, -f $here/peers/reshape.awk $mps"
	bench reshape cspkit "$small" "$RUNS" "$bin/normalise-crime --format mps $small"
	bench reshape miller "$small" 1 "mlr --icsv --otsv reshape -r '^[0-9]{6}\$' -o month,value $small"
}

# Adding ward codes to a ward-level table: join-wards with its name
# folding against exact-key joins on (borough, ward name).
section_join() {
	have join-wards || return 0
	lk=$data/wards-2022.tsv
	bench join cspkit "$wind" "$RUNS" "$bin/join-wards -b borough $wind"
	bench join gawk-hash "$wind" "$RUNS" "gawk -F'\t' -v OFS='\t' -f $here/peers/join.awk $lk $wind"
	bench join mawk-hash "$wind" "$RUNS" "mawk -F'\t' -v OFS='\t' -f $here/peers/join.awk $lk $wind"
	bench join sort-join "$wind" 1 "sh $here/peers/sort-join.sh $lk $wind"
	bench join miller "$wind" 1 "mlr --tsv join --ur -j ward_name,lad_name -l ward_name,lad_name -r area,borough -f $lk $wind"
	# csvjoin takes two minutes over 200k rows: it gets 50k.
	small=$data/ward-indicators-50k.tsv
	[ -s "$small" ] || head -n 50001 "$wind" > "$small"
	bench join cspkit "$small" "$RUNS" "$bin/join-wards -b borough $small"
	# csvjoin takes one key column a file: it joins on the ward name only.
	bench join csvjoin "$small" 1 "csvjoin -t --left -c area,ward_name $small $lk"
}

# Rates per 1000 and ranks within each group (rank-boroughs).  The table
# comes group by group, so --grouped holds one group at a time.
section_rank() {
	have rank-boroughs || return 0
	bor=$data/boroughs.tsv
	bench rank cspkit "$ind" "$RUNS" "$bin/rank-boroughs $ind"
	bench rank cspkit-grouped "$ind" "$RUNS" "$bin/rank-boroughs --grouped $ind"
	bench rank sort-gawk "$ind" "$RUNS" "sh $here/peers/rank-sort-awk.sh gawk $bor $ind"
	bench rank sort-mawk "$ind" "$RUNS" "sh $here/peers/rank-sort-awk.sh mawk $bor $ind"
	# Miller's sort holds every record (about 5 GB per million rows).
	small=$data/indicators-200k.tsv
	[ -s "$small" ] || head -n 200001 "$ind" > "$small"
	bench rank cspkit "$small" "$RUNS" "$bin/rank-boroughs $small"
	bench rank miller "$small" 1 "sh $here/peers/rank-miller.sh $bor $small"
}

# Reading report text: the text extractors against the I/O ceiling (cat,
# wc -l), the regex ceiling (grep -cP) and a Python line loop with one
# compiled regex.
section_text() {
	re=$(cat "$here/peers/stat.re")
	have normalise-crime && bench text cspkit-normalise "$text" "$RUNS" "$bin/normalise-crime --format text $text"
	have extract-minutes && bench text cspkit-minutes "$text" "$RUNS" "$bin/extract-minutes $text"
	bench text cat "$text" "$RUNS" "cat $text"
	bench text wc-l "$text" "$RUNS" "wc -l $text"
	# Through cat: GNU grep stops at the first match when its output is
	# /dev/null, even with -c.
	bench text grep-cP "$text" "$RUNS" "grep -cP '$re' $text | cat"
	bench text python-loop "$text" 1 "python3 $here/peers/loop.py $here/peers/stat.re $text"
}

# Linear scaling: a tenth of each input against the whole (report.sh
# divides the whole's time by the tenth's).
section_scale() {
	tenth=$data/mps-$((BENCH_MB / 10))mb.csv
	head_mb "$mps" $((BENCH_MB / 10)) "$tenth"
	have normalise-crime && {
		bench scale cspkit-reshape "$tenth" "$RUNS" "$bin/normalise-crime --format mps $tenth"
		bench scale cspkit-reshape "$mps" "$RUNS" "$bin/normalise-crime --format mps $mps"
	}
	ttenth=$data/text-$((TEXT_MB / 10))mb.txt
	head_mb "$text" $((TEXT_MB / 10)) "$ttenth"
	have extract-minutes && {
		bench scale cspkit-minutes "$ttenth" "$RUNS" "$bin/extract-minutes $ttenth"
		bench scale cspkit-minutes "$text" "$RUNS" "$bin/extract-minutes $text"
	}
	itenth=$data/ward-indicators-$((IND_ROWS / 10)).tsv
	[ -s "$itenth" ] || head -n $((IND_ROWS / 10 + 1)) "$wind" > "$itenth"
	have join-wards && {
		bench scale cspkit-join "$itenth" "$RUNS" "$bin/join-wards -b borough $itenth"
		bench scale cspkit-join "$wind" "$RUNS" "$bin/join-wards -b borough $wind"
	}
}

# Peak memory of the streaming tools on about 1 GB: NAME-Nx reads N
# copies of the input through a pipe (cat's own few hundred KB do not
# matter: the peak is that of the largest process).
section_memory() {
	n=$(( (1000 + TEXT_MB - 1) / TEXT_MB ))
	have normalise-crime && {
		bench memory cspkit-normalise-text-${n}x "$text" 1 \
			"for i in \$(seq $n); do cat $text; done | $bin/normalise-crime --format text -"
		m=$(( (1000 + BENCH_MB - 1) / BENCH_MB ))
		bench memory cspkit-reshape-${m}x "$mps" 1 \
			"{ cat $mps; for i in \$(seq 2 $m); do tail -n +2 $mps; done; } | $bin/normalise-crime --format mps -"
		# 24 monthly police.uk files of one force (../shared, issue 22),
		# counted per partnership with both windows: held counts, not
		# rows, so memory follows the areas, not the records.  The
		# table names the newest file; the input is all 24 (24 MB).
		pu=$(ls "$shared"/data/police-uk/*-gwent-street.csv 2>/dev/null | tr '\n' ' ')
		last=${pu% }
		last=${last##* }
		[ -z "$pu" ] || bench memory cspkit-police-uk-24m-csp "$last" 1 \
			"$bin/normalise-crime --by csp --window 3,12 $pu"
	}
	have extract-minutes && bench memory cspkit-minutes-${n}x "$text" 1 \
		"for i in \$(seq $n); do cat $text; done | $bin/extract-minutes -"
}

# A whole pipeline (pipelines/minutes.sh: extract-minutes, then one table
# per kind of record) over 1,000 agenda packs: one pack after another in a
# shell loop, and under GNU parallel with pipelines/batch.sh (-j = CPUs).
section_pipeline() {
	have extract-minutes || return 0
	[ -f "$root/pipelines/batch.sh" ] ||
		{ echo "bench: pipelines/batch.sh missing, left out" >&2; return 0; }
	packs=$data/packs
	if [ ! -d "$packs" ]; then
		rm -rf "$packs.tmp"
		mkdir -p "$packs.tmp"
		n=0
		while [ $n -lt 1000 ]; do
			for f in "$root"/samples/minutes/*.txt; do
				cp "$f" "$packs.tmp/pack-$n.txt"
				n=$((n + 1))
				[ $n -lt 1000 ] || break
			done
		done
		mv "$packs.tmp" "$packs"
	fi
	[ -s "$data/packs-all.txt" ] || cat "$packs"/*.txt > "$data/packs-all.txt"
	bench pipeline cspkit-serial "$data/packs-all.txt" 1 \
		"for f in $packs/*.txt; do b=\${f##*/}; sh $root/pipelines/minutes.sh -q -o $data/serial-out/\${b%.txt} \$f; done"
	bench pipeline cspkit-parallel "$data/packs-all.txt" 1 \
		"sh $root/pipelines/batch.sh -q --runner parallel -o $data/batch-out minutes $packs/*.txt"
}

# A decade of every partnership's papers (issue 20): CORPUS_PACKS agenda
# packs (gen-packs.awk: one to three of the samples and ../shared
# documents each, figures varied) through pipelines/minutes.sh in one
# batch (one pass of extract-minutes over all, -j = CPUs), against one
# run per pack on the first CORPUS_SLOW of them (report.sh extrapolates
# that to all, and says so).  For PDF input, the first CORPUS_PDFS packs
# made into PDFs with enscript and ps2pdf: pdftotext alone over them
# (CPUs at a time, as the batch runs it) against the batch over the text
# pdftotext gives, which is cspkit's share of a PDF batch.
section_corpus() {
	have extract-minutes || return 0
	n=$CORPUS_PACKS
	packs=$data/corpus-$n
	if [ ! -d "$packs" ]; then
		say "building $packs"
		rm -rf "$packs.tmp"
		mkdir -p "$packs.tmp"
		# shellcheck disable=SC2046
		mawk -v n="$n" -v dir="$packs.tmp" -f "$here/gen-packs.awk" \
			"$root"/samples/minutes/*.txt "$root"/samples/reports/*.txt \
			$(ls "$shared"/corpus/minutes/*[0-9].txt "$shared"/corpus/minutes/*[0-9].md \
			      "$shared"/seeds/*.txt 2>/dev/null)
		mv "$packs.tmp" "$packs"
	fi
	[ -s "$packs.txt" ] || (cd "$packs" && ls | xargs cat) > "$packs.txt"
	rm -rf "$data/corpus-out"
	bench corpus "cspkit-batch-$n" "$packs.txt" 1 \
		"sh $root/pipelines/minutes.sh -q -o $data/corpus-out $packs"
	# one run per pack, and the batch, on the same first CORPUS_SLOW
	s=$CORPUS_SLOW
	slow=$data/corpus-$n-first-$s
	if [ ! -d "$slow" ]; then
		mkdir -p "$slow.tmp"
		(cd "$packs" && ls | head -n "$s" | xargs -I{} cp {} "$slow.tmp/")
		mv "$slow.tmp" "$slow"
	fi
	[ -s "$slow.txt" ] || (cd "$slow" && ls | xargs cat) > "$slow.txt"
	rm -rf "$data/corpus-single-out" "$data/corpus-slow-out"
	bench corpus "cspkit-single-$s" "$slow.txt" 1 \
		"for f in $slow/*.txt; do b=\${f##*/}; sh $root/pipelines/minutes.sh -q -o $data/corpus-single-out/\${b%.txt} \$f; done"
	bench corpus "cspkit-batch-$s" "$slow.txt" 1 \
		"sh $root/pipelines/minutes.sh -q -o $data/corpus-slow-out $slow"
	# PDFs of the first CORPUS_PDFS packs, and the text pdftotext gets out
	p=$CORPUS_PDFS
	pdfs=$data/corpus-pdf-$p
	if [ ! -d "$pdfs" ]; then
		say "building $pdfs (enscript | ps2pdf)"
		rm -rf "$pdfs.tmp"
		mkdir -p "$pdfs.tmp/text"
		(cd "$packs" && ls | head -n "$p") | xargs -P "$(nproc)" -I{} sh -c \
			'enscript -B -q -p - "$1/$2" | ps2pdf - "$3/${2%.txt}.pdf"' sh "$packs" {} "$pdfs.tmp"
		(cd "$pdfs.tmp" && ls *.pdf) | xargs -P "$(nproc)" -I{} \
			pdftotext -layout -enc UTF-8 "$pdfs.tmp/{}" "$pdfs.tmp/text/{}.txt"
		mv "$pdfs.tmp" "$pdfs"
	fi
	[ -s "$pdfs.txt" ] || (cd "$pdfs/text" && ls | xargs cat) > "$pdfs.txt"
	bench corpus "pdftotext-$p" "$pdfs.txt" 1 \
		"ls $pdfs/*.pdf | xargs -P $(nproc) -I{} pdftotext -layout -enc UTF-8 {} /dev/null"
	rm -rf "$data/corpus-pdftext-out" "$data/corpus-pdf-out"
	bench corpus "cspkit-batch-text-of-pdf-$p" "$pdfs.txt" 1 \
		"sh $root/pipelines/minutes.sh -q -o $data/corpus-pdftext-out $pdfs/text"
	bench corpus "cspkit-batch-pdf-$p" "$pdfs.txt" 1 \
		"sh $root/pipelines/minutes.sh -q -o $data/corpus-pdf-out $pdfs"
}

# data.police.uk street files (issue 22): 1, 6 and 24 months of Gwent
# Police (../shared/data/police-uk; the section says so and is left out
# without them) counted per partnership (normalise-crime --by csp) with
# the dashboard's windows.  Counts are held per area, month and crime
# type, not per record, so the peak memory of 24 months should be that of
# one (report.sh: the ratio); throughput is the files' MB over the median.
# The peer is a gawk count per authority by the LSOA name (peers/
# police-count.awk), on the same 24 files.
section_policeuk() {
	have normalise-crime || return 0
	set -- $(ls "$shared"/data/police-uk/*-gwent-street.csv 2>/dev/null)
	[ $# -ge 24 ] || { echo "bench: ../shared/data/police-uk (24 Gwent months) absent, policeuk left out" >&2; return 0; }
	shift $(($# - 24))
	for n in 1 6 24; do
		files=$(printf '%s\n' "$@" | tail -n $n)
		list=$data/gwent-street-${n}m
		printf '%s\n' $files > "$list"
		# shellcheck disable=SC2086
		in_mb=$(cat $files | wc -c | awk '{ printf "%.1f", $1 / 1e6 }')
		bench policeuk "cspkit-csp-${n}m" "$list" "$RUNS" \
			"$bin/normalise-crime --by csp --window 3,12 $(echo $files)"
	done
	bench policeuk gawk-count "$list" "$RUNS" "gawk -f $here/peers/police-count.awk $(echo $files)"
	in_mb=
}

# Reading the text of a PDF report (issue 16): normalise-crime --format
# text must take under a tenth of the time pdftotext -layout takes to get
# that text out of the PDF.  The pages: about TEXTPDF_MB MB of our report
# samples, and the ../shared corpus reports and seeds when present
# (gen-text.sh, figures varied copy to copy), made into one PDF with
# enscript -B and ps2pdf; normalise-crime reads the text pdftotext wrote.
# Both rows name that text as their input, so report.sh divides one by
# the other.
section_textpdf() {
	have normalise-crime || return 0
	base=$data/textpdf-${TEXTPDF_MB}mb
	if [ ! -s "$base.pdf" ]; then
		say "building $base.pdf (enscript -B | ps2pdf)"
		# shellcheck disable=SC2046
		sh "$here/gen-text.sh" "$TEXTPDF_MB" "$root/samples/reports" \
			$(ls "$shared"/corpus/reports/*_*.md 2>/dev/null) "$shared/seeds" > "$base.txt.tmp" &&
			mv "$base.txt.tmp" "$base.txt"
		# enscript prints Latin-1: the UTF-8 text converted first, so
		# pdftotext gives back the report's words, not "victimsâ\200\231"
		iconv -f UTF-8 -t LATIN1//TRANSLIT "$base.txt" |
			enscript -B -q -X latin1 -p - | ps2pdf - "$base.pdf.tmp" &&
			mv "$base.pdf.tmp" "$base.pdf"
		rm -f "$base.layout.txt"
	fi
	[ -s "$base.layout.txt" ] || pdftotext -layout -enc UTF-8 "$base.pdf" "$base.layout.txt"
	bench_pair textpdf "$TEXTPDF_RUNS" \
		cspkit-normalise "$base.layout.txt" "$bin/normalise-crime --format text $base.layout.txt" \
		pdftotext "$base.layout.txt" "pdftotext -layout -enc UTF-8 $base.pdf -"
	# The same text as a council's word processor or browser prints it:
	# a proportional font embedded in the PDF, UTF-8 kept (enscript
	# writes Latin-1 Courier, the cheapest page pdftotext meets).
	# Chromium's print to PDF makes it; without Chromium the rows are
	# not run.
	web=$base-web
	if [ ! -s "$web.pdf" ] && command -v chromium >/dev/null 2>&1; then
		say "building $web.pdf (HTML | chromium --print-to-pdf)"
		awk -f "$here/tohtml.awk" "$base.txt" > "$web.html" &&
			chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
				--print-to-pdf="$web.pdf.tmp" "$web.html" 2>/dev/null &&
			mv "$web.pdf.tmp" "$web.pdf"
		rm -f "$web.html" "$web.layout.txt"
	fi
	[ -s "$web.pdf" ] || return 0
	[ -s "$web.layout.txt" ] || pdftotext -layout -enc UTF-8 "$web.pdf" "$web.layout.txt"
	bench_pair textpdf "$TEXTPDF_RUNS" \
		cspkit-normalise-web "$web.layout.txt" "$bin/normalise-crime --format text $web.layout.txt" \
		pdftotext-web "$web.layout.txt" "pdftotext -layout -enc UTF-8 $web.pdf -"
}
