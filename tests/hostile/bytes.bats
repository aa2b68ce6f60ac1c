#!/usr/bin/env bats
# Hostile bytes: empty input, header only, binary junk, NUL bytes, invalid
# and overlong UTF-8, UTF-16 with a BOM, CRLF line ends, for every tool.
load hostile_helper

# ---- empty input and header only ---------------------------------------

@test "empty input: the TSV filters write nothing, say nothing, exit 0" {
	: >"$T/empty"
	for tool in join-wards rank-boroughs rag-flag; do
		run_split $tool "$T/empty"
		expect_status 0
		out_empty
		err_empty
	done
}

@test "empty input: normalise-crime writes the header only" {
	: >"$T/empty"
	run_split normalise-crime "$T/empty"
	expect_status 0
	out_rows 0
	err_empty
}

@test "empty input: extract-minutes writes the header and warns no minutes were found" {
	run_split extract-minutes - </dev/null
	expect_status 0
	out_rows 0
	out_header_is source line meeting_date body record item who role organisation text
	err_has "extract-minutes: -: no minutes found" "extract-minutes: 1 warning"
	err_clean extract-minutes
}

@test "empty input under --strict: extract-minutes exits 1 on its warning" {
	run_split extract-minutes --strict - </dev/null
	expect_status 1
	out_rows 0
	err_has "-: no minutes found"
}

@test "header only: the TSV filters write the header with their added columns" {
	ind "$T/h.tsv"
	run_split join-wards "$T/h.tsv"
	expect_status 0
	out_rows 0
	out_header_is $IND ward_code ward_name lad_code lad_name vintage population population_source
	err_empty
	run_split rank-boroughs "$T/h.tsv"
	expect_status 0
	out_header_is $IND population rate_per_1000 rank rank_of
	err_empty
	run_split rag-flag "$T/h.tsv"
	expect_status 0
	out_header_is $IND direction rag rag_reason
	err_empty
}

@test "header only: an MPS file with no data rows gives the header only" {
	printf 'Borough,Major Category,Minor Category,201901,201902\n' >"$T/h.csv"
	run_split normalise-crime "$T/h.csv"
	expect_status 0
	out_rows 0
	err_empty
}

# ---- binary junk --------------------------------------------------------

# A few KB of an executable: NULs, high bytes, no structure.
junk() { head -c 4096 "$(command -v sh)" >"$1"; }

@test "binary junk: the TSV filters name the missing column (exit 2) and write nothing" {
	junk "$T/junk"
	run_split join-wards "$T/junk"
	expect_status 2
	out_empty
	err_has "join-wards: $T/junk: no column 'area' in the header"
	err_clean join-wards
	run_split rank-boroughs "$T/junk"
	expect_status 2
	out_empty
	err_has "rank-boroughs: $T/junk: no column 'period' in the header"
	run_split rag-flag "$T/junk"
	expect_status 2
	out_empty
	err_has "rag-flag: $T/junk: no column 'area' in the header"
}

@test "binary junk: extract-minutes reports the bad bytes at file:line and finds no minutes" {
	junk "$T/junk"
	run_split extract-minutes "$T/junk"
	expect_status 0
	out_rows 0
	err_has "extract-minutes: $T/junk:1: NUL bytes or invalid UTF-8 replaced by U+FFFD" \
		"extract-minutes: $T/junk: no minutes found"
	err_clean extract-minutes
}

@test "binary junk: normalise-crime --format mps names the bad header at file:1" {
	junk "$T/junk"
	run_split normalise-crime --format mps "$T/junk"
	expect_status 1
	out_tsv
	err_has "normalise-crime: $T/junk:1: not an MPS crime file header"
	err_clean normalise-crime
}

@test "binary junk: normalise-crime text mode writes only the header and says why" {
	junk "$T/junk"
	run_split normalise-crime --format text "$T/junk"
	expect_status 0
	out_rows 0
	err_has "normalise-crime: $T/junk:1: NUL bytes or invalid UTF-8 replaced by U+FFFD (reported once per file)"
	err_clean normalise-crime
	# Once per file, each file in its turn.
	{ printf 'Burglary rose.\n'; cat "$T/junk"; } >"$T/junk2"
	run_split normalise-crime --format text "$T/junk" "$T/junk2"
	expect_status 0
	[ "$(grep -c 'replaced by U+FFFD' "$err_file")" -eq 2 ]
	err_has "normalise-crime: $T/junk2:2: NUL bytes or invalid UTF-8 replaced by U+FFFD"
}

# ---- NUL bytes ----------------------------------------------------------

@test "NUL bytes inside TSV fields become spaces; the row still passes through" {
	printf '%s\nx\t2\tBar\0net\tE09000003\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurg\0lary\tcount\t12\toffences\n' "$IND" >"$T/nul.tsv"
	run_split rag-flag "$T/nul.tsv"
	expect_status 0
	out_rows 1
	[ "$(field 1 area)" = "Bar net" ]
	[ "$(field 1 offence_label)" = "Burg lary" ]
	run_split rank-boroughs "$T/nul.tsv"
	expect_status 0
	out_rows 1
	[ "$(field 1 area)" = "Bar net" ]
	# Ranked by its code: Barnet, 12 offences over 399007 people.
	[ "$(field 1 rate_per_1000)" = "0.03" ]
}

@test "NUL bytes in a ward name: join-wards warns with the whole name at file:line" {
	ind "$T/nul.tsv"
	printf 'x\t2\tBar\0net\t\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurglary\tcount\t12\toffences\n' >>"$T/nul.tsv"
	printf 'x\t3\tBurnt\0Oak\t\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurglary\tcount\t12\toffences\n' >>"$T/nul.tsv"
	run_split join-wards --borough Barnet "$T/nul.tsv"
	expect_status 0
	out_rows 2
	# The whole name, not "Bar": the NUL shown as U+FFFD (utf8_fix).
	err_has "join-wards: $T/nul.tsv:2: ward \"Bar"$'\xef\xbf\xbd'"net\" not found"
	[ "$(field 1 area)" = "Bar net" ] && [ "$(field 1 ward_code)" = "" ]
	# The name folds the NUL as a space, as the output writes it.
	[ "$(field 2 ward_code)" = "E05000044" ]
	[ "$(grep -c 'not found' "$err_file")" -eq 1 ]
	err_clean join-wards
}

@test "NUL bytes in minutes: reported once at the first file:line, minutes still read" {
	sed '5s/Anne/An\x00ne/; 9s/MATTERS/MAT\x00TERS/' "$SAMPLES/minutes/liaison-group.txt" >"$T/m.txt"
	run_split extract-minutes "$T/m.txt"
	expect_status 0
	out_rows 16
	err_has "extract-minutes: $T/m.txt:5: NUL bytes or invalid UTF-8 replaced by U+FFFD (reported once per file)"
	[ "$(grep -c 'replaced by U+FFFD (reported once' "$err_file")" -eq 1 ]
	[ "$(field 8 text)" = "MAT�TERS ARISING" ]
}

@test "NUL bytes in an MPS CSV count: a data error at file:line, not a number read as 1" {
	printf 'Borough,Major Category,Minor Category,201901\nBarnet,Burglary,Burglary in a Dwelling,1\0002\n' >"$T/n.csv"
	run_split normalise-crime "$T/n.csv"
	expect_status 1
	out_rows 0
	err_has "normalise-crime: $T/n.csv:2: not a count in column 2019-01"
}

# ---- invalid and overlong UTF-8 ----------------------------------------

@test "invalid and overlong UTF-8 in pass-through columns leave as U+FFFD: output stays UTF-8" {
	printf '%s\nx\t2\tBar\377net\tE09000003\t2019-02\t2019-02-01\t2019-02-28\t\tburglary\tBurg\300\257ary\tcount\t12\toffences\n' "$IND" >"$T/u.tsv"
	for tool in rag-flag rank-boroughs "join-wards --borough Barnet"; do
		run_split $tool "$T/u.tsv"
		expect_status 0
		out_rows 1
		[ "$(field 1 area)" = "Bar�net" ]
		[ "$(field 1 offence_label)" = "Burg��ary" ]
	done
}

@test "overlong UTF-8 (C0 AF for '/') in minutes is not read as a slash" {
	printf 'MINUTES OF THE SAFER NEIGHBOURHOOD BOARD HELD ON 12\300\2573\3002019\n\nPresent: Cllr Ann Lee (Chair)\n' >"$T/o.txt"
	run_split extract-minutes "$T/o.txt"
	expect_status 0
	out_tsv
	err_has "$T/o.txt:1: NUL bytes or invalid UTF-8 replaced by U+FFFD"
	# No date was made of "12/3/2019".
	! grep -q '2019-03-12' "$out_file"
}

# ---- UTF-16 -------------------------------------------------------------

@test "UTF-16 with a BOM: every tool stops at file:1 and says to convert it" {
	iconv -f UTF-8 -t UTF-16 <"$SAMPLES/rag/dashboard.tsv" >"$T/u16.tsv"
	iconv -f UTF-8 -t UTF-16 <"$SAMPLES/minutes/liaison-group.txt" >"$T/u16.txt"
	iconv -f UTF-8 -t UTF-16BE <"$SAMPLES/mps/borough_2019_vintage.csv" | { printf '\376\377'; cat; } >"$T/u16.csv"
	for c in "join-wards $T/u16.tsv" "rank-boroughs $T/u16.tsv" "rag-flag $T/u16.tsv" \
		 "extract-minutes $T/u16.txt" "normalise-crime $T/u16.csv"; do
		run_split $c
		expect_status 1
		out_tsv
		[ "$(wc -l <"$out_file")" -le 1 ]
		tool=${c%% *} f=${c#* }
		err_has "$tool: $f:1: UTF-16 text (byte-order mark" "iconv -f UTF-16 -t UTF-8"
		err_clean "$tool"
	done
}

# ---- CRLF ---------------------------------------------------------------

@test "CRLF: a TSV with CR LF line ends gives the same table as with LF" {
	f=$SAMPLES/rag/dashboard.tsv
	sed 's/$/\r/' "$f" >"$T/crlf.tsv"
	for tool in rag-flag rank-boroughs "join-wards --borough Barnet"; do
		$tool "$f" >"$T/lf.out" 2>/dev/null || true
		run_split $tool "$T/crlf.tsv"
		out_tsv
		diff "$T/lf.out" "$out_file"
	done
}

@test "CRLF: minutes and an MPS CSV with CR LF read as with LF" {
	sed 's/$/\r/' "$SAMPLES/minutes/liaison-group.txt" >"$T/m.txt"
	extract-minutes --source m "$SAMPLES/minutes/liaison-group.txt" >"$T/lf.out"
	run_split extract-minutes --source m "$T/m.txt"
	expect_status 0
	out_rows 16
	diff "$T/lf.out" "$out_file"
	sed 's/$/\r/' "$SAMPLES/mps/borough_2019_vintage.csv" >"$T/c.csv"
	normalise-crime --source c "$SAMPLES/mps/borough_2019_vintage.csv" >"$T/lf.out"
	run_split normalise-crime --source c "$T/c.csv"
	expect_status 0
	out_tsv
	diff "$T/lf.out" "$out_file"
}

# ---- several operands ------------------------------------------------------

@test "two report operands, the first with a tab table or a sentence: the second is read, no crash" {
	printf '\t2017/18\t2018/19\nBurglary\t100\t90\n' >"$T/a.txt"
	printf 'x\n' >"$T/b.txt"
	run_split normalise-crime --format text "$T/a.txt" "$T/b.txt"
	expect_status 0
	out_rows 2
	err_empty
	# The sentence reader's patterns likewise, before a blank operand.
	printf 'There were 590 fewer burglaries in Barnet.\n' >"$T/s.txt"
	printf '\n\n' >"$T/blank.txt"
	run_split normalise-crime --format text "$T/s.txt" "$T/blank.txt"
	expect_status 0
	out_rows 1
	[ "$(field 1 value)" = "-590" ]
	err_empty
}

@test "a broken HTML tag on a name in an attendance list: kept as printed with a warning, no crash" {
	# fuzz_minutes: "<esent:p>Luke Orme</p>" is no person, and its entry
	# has no organisation; the two-column test read that organisation
	# (a NULL) and extract-minutes segfaulted on this file.
	cat >"$T/m.txt" <<'HTML'
<p><strong>DATA STANDARDS PANEL</strong></p>
<p><strong>Minutes of the meeting held on 3 October 2013 at the Old Admiralty:</strong></p>
<p><strong>Panel Members</strong></p>
<p><strong>Officials (regular attendees)</strong></p>
<p>Grace Holt (Chair)</p>
<p>Tom Vale (Cabinet Office)</p>
<p>Dr Nina Shaw</p>
<p>Ada Pike (Cabinet Office, secretariat)</p>
<esent:p>Luke Orme</p>
<p>Ian Frost (Cabinet Office)</p>
<p>Rosa Hale (Justice)</p>
<p><strong>Apologies:</strong></p>
<p>Sir Colin Marsh</p>
<p><strong><u>Welcome</u></strong></p>
<p>The Chair welcomed the Panel.</p>
HTML
	run_split extract-minutes "$T/m.txt"
	expect_status 0
	[ "$(cut -f5 "$out_file" | grep -c '^present$')" -eq 3 ]
	[ "$(cut -f5 "$out_file" | grep -c '^in_attendance$')" -eq 4 ]
	[ "$(cut -f5,7 "$out_file" | grep '^present' | cut -f2 | sed -n 3p)" = "<esent:p>Luke Orme" ]
	[ "$(cat "$err_file")" = "$(printf '%s\n%s' \
		"extract-minutes: $T/m.txt:9: attendance line not understood, kept as printed: <esent:p>Luke Orme" \
		"extract-minutes: 1 warning")" ]
}
