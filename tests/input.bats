#!/usr/bin/env bats
# Wrong input named with a way out, and gzip read directly (SPEC section 1,
# issue 17).  Samples in samples/wrong/ (bytes of the right kinds, not real
# documents); golden stderr in tests/golden/input/.
load test_helper

setup() {
	cd "$SAMPLES/wrong"
}

# ---- a file that is not the tool's kind, from its first bytes ------------

@test "PDF to extract-minutes: names pdftotext and pipelines/minutes.sh" {
	run_split extract-minutes minutes.pdf
	[ "$status" -eq 1 ]
	golden input/pdf-extract-minutes
}

@test "PDF on stdin to normalise-crime: the command names a FILE" {
	run_split sh -c 'normalise-crime < minutes.pdf'
	[ "$status" -eq 1 ]
	golden input/pdf-normalise-crime
}

@test "PDF to a TSV tool: pdftotext, then normalise-crime, then the tool" {
	for t in join-wards rank-boroughs rag-flag; do
		run_split "$t" minutes.pdf
		[ "$status" -eq 1 ]
		golden "input/pdf-$t"
	done
}

@test "xlsx (a zip) to every tool is a data error, one line" {
	for t in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		run_split "$t" dashboard.xlsx
		[ "$status" -eq 1 ]
		golden "input/zip-$t"
	done
}

@test "CSV to a TSV tool: says it wants TSV and what makes one" {
	for t in join-wards rank-boroughs rag-flag; do
		run_split "$t" indicators.csv
		[ "$status" -eq 1 ]
		golden "input/csv-$t"
	done
}

@test "MPS crime CSV to a TSV tool: run normalise-crime first" {
	run_split join-wards ../mps/ward_2022_wards.csv
	[ "$status" -eq 1 ]
	golden input/mps-join-wards
}

@test "ONS ward lookup given as data: give it to join-wards -r" {
	run_split normalise-crime ward-lookup.csv
	[ "$status" -eq 1 ]
	golden input/lookup-normalise-crime
	run_split join-wards ward-lookup.csv
	[ "$status" -eq 1 ]
	golden input/lookup-join-wards
	# ... and given as the reference it is read.
	run_split join-wards -r ward-lookup.csv ../wards/barnet-ward-indicators.tsv
	[ "$status" -eq 0 ]
}

@test "a CSV that is no crime file to normalise-crime: its first fields named" {
	run_split normalise-crime population.csv
	[ "$status" -eq 1 ]
	golden input/csv-normalise-crime
	# --format text is the way out the message names.
	run_split normalise-crime --format text population.csv
	[ "$status" -eq 0 ]
}

@test "report text whose first line has commas is still report text" {
	printf 'Safer Communities Board, 12 March 2019.\nBurglary fell by 15%% in Barnet.\n' > "$BATS_TEST_TMPDIR/r.txt"
	run_split normalise-crime "$BATS_TEST_TMPDIR/r.txt"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
}

# ---- gzip, by magic bytes, files and stdin -------------------------------

@test "gzip: an MPS file and its .gz give the same rows, also on stdin" {
	gz="$BATS_TEST_TMPDIR/ward.csv.gz"
	gzip -c ../mps/ward_2022_wards.csv > "$gz"
	normalise-crime -s w ../mps/ward_2022_wards.csv > "$BATS_TEST_TMPDIR/plain"
	run_split normalise-crime -s w "$gz"
	[ "$status" -eq 0 ]
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
	run_split sh -c "normalise-crime -s w < '$gz'"
	[ "$status" -eq 0 ]
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
}

@test "gzip: minutes, a TSV tool, and two members read as one stream" {
	gz="$BATS_TEST_TMPDIR/m.gz"
	gzip -c ../minutes/liaison-group.txt > "$gz"
	extract-minutes -s m ../minutes/liaison-group.txt > "$BATS_TEST_TMPDIR/plain" 2>/dev/null || true
	run_split extract-minutes -s m "$gz"
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
	head -3 ../wards/barnet-ward-indicators.tsv | gzip -c > "$gz"
	sed 1,3d ../wards/barnet-ward-indicators.tsv | gzip -c >> "$gz"
	join-wards --borough Barnet ../wards/barnet-ward-indicators.tsv > "$BATS_TEST_TMPDIR/plain" 2>/dev/null
	run_split join-wards --borough Barnet "$gz"
	cmp "$BATS_TEST_TMPDIR/plain" "$out_file"
}

@test "gzip: truncated and corrupt data are data errors" {
	gzip -c ../mps/ward_2022_wards.csv | head -c 200 > "$BATS_TEST_TMPDIR/cut.gz"
	cd "$BATS_TEST_TMPDIR"
	run_split normalise-crime cut.gz
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "normalise-crime: cut.gz: gzip data ends early (a truncated download?)" ]
	printf '\037\213\010\000\000\000\000\000\000\003garbage-not-deflate' > bad.gz
	run_split rag-flag bad.gz
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "rag-flag: bad.gz: gzip data is corrupt (invalid block type)" ]
}
