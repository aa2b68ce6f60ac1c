#!/usr/bin/env bats
# make on the user's own data: every parameter that changes an output is
# known to make (a stamp per parameter), DATA=dir on any folder runs what
# its files are or says why it ran nothing.
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
	export SOURCE_DATE_EPOCH=1764979200
}

# make_copy DIR: the parts of the tree make pipelines needs (the tools come
# from $CSPKIT_BIN).
make_copy() {
	mkdir -p "$1/lib" "$1/tests"
	cp -R Makefile pipelines samples "$1/"
	cp -R lib/data "$1/lib/"
	cp tests/deps.sh "$1/tests/"
}

# col FILE NAME: the values of column NAME, one a line, without the header.
col() {
	awk -F'\t' -v n="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == n) c = i; next } { print $c }' "$1"
}

# bats test_tags=stress
@test "make knows AREA, GROUP and POPULATION: a change rebuilds, the same value does not" {
	make_copy "$tmp/a"
	mkdir "$tmp/data"
	cp samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv "$tmp/data/"
	d=$tmp/a/out/dashboard/mps_borough_crime_24m_2024-01_to_2025-12
	l=$tmp/a/out/league/mps_borough_crime_24m_2024-01_to_2025-12
	make -C "$tmp/a" -s pipelines DATA="$tmp/data"
	[ "$(col "$d/dashboard.tsv" area | sort -u)" = Barnet ]
	[ "$(cat "$tmp/a/out/.params/AREA")" = Barnet ]
	# the same AREA again: nothing rebuilt
	touch "$tmp/mark"
	sleep 1
	make -C "$tmp/a" -s pipelines DATA="$tmp/data"
	[ -z "$(find -L "$tmp/a/out" -name '*.tsv' -newer "$tmp/mark")" ]
	# AREA=Camden after Barnet: the dashboard and the league's highlight
	make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Camden
	[ "$(col "$d/dashboard.tsv" area | sort -u)" = Camden ]
	[ "$(awk -F'\t' '$NF == "yes" { print $6 }' "$l/league.tsv" | sort -u)" = Camden ]
	# the population estimate changes the rates
	col "$d/dashboard.tsv" population | sort -u >"$tmp/pop.default"
	make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Camden POPULATION=census2021
	[ "$(cat "$tmp/a/out/.params/POPULATION")" = census2021 ]
	[ "$(col "$d/dashboard.tsv" population | grep . | sort -u)" = 209700 ]
	! diff -q "$tmp/pop.default" <(col "$d/dashboard.tsv" population | sort -u)
	# and the peer group: Barnet's by default, none with GROUP=none
	make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Barnet POPULATION=census2021
	[ -n "$(col "$d/dashboard.tsv" group_rank | grep . | head -n 1)" ]
	make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Barnet POPULATION=census2021 GROUP=none
	[ -z "$(col "$d/dashboard.tsv" group_rank | grep .)" ]
}

# bats test_tags=stress
@test "make run AREA=Camden after a Barnet run rebuilds the dashboard it prints" {
	make_copy "$tmp/a"
	make -C "$tmp/a" -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
	mkdir "$tmp/data"
	cp samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv "$tmp/data/"
	d=$tmp/a/out/dashboard/mps_borough_crime_24m_2024-01_to_2025-12
	make -C "$tmp/a" --no-print-directory -s run DATA="$tmp/data" >"$tmp/barnet.txt"
	grep -Eq '^  7 +Barnet .* yes$' "$tmp/barnet.txt"
	grep -q 'Barnet&#8217;s rate' "$d/dashboard.html"
	make -C "$tmp/a" --no-print-directory -s run DATA="$tmp/data" AREA=Camden >"$tmp/camden.txt"
	! grep -Eq ' Barnet .* yes$' "$tmp/camden.txt"
	[ "$(col "$d/dashboard.tsv" area | sort -u)" = Camden ]
	! grep -q 'Barnet&#8217;s rate' "$d/dashboard.html"
	# the dashboard it prints is Camden's: 31st on total crime for Barnet
	! diff <(grep -A 3 '^Dashboard rebuilt' "$tmp/barnet.txt") <(grep -A 3 '^Dashboard rebuilt' "$tmp/camden.txt")
}

@test "DATA=dir, a flat folder of MPS files under any names: each by its header" {
	make_copy "$tmp/a"
	mkdir "$tmp/data"
	cp samples/mps/borough_2019_vintage.csv "$tmp/data/MPS Borough Level Crime (most recent 24 months).csv"
	cp samples/mps/ward_2022_wards.csv "$tmp/data/download.csv"
	printf 'a,b\n1,2\n' >"$tmp/data/crime_borough_notes.csv" # a name, not a crime file
	run_split make -C "$tmp/a" -s pipelines DATA="$tmp/data"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	(cd "$tmp/a/out" && find -L . -name '*.tsv' ! -path '*/.*' | sort) >"$tmp/tables"
	[ "$(cat "$tmp/tables")" = "$(printf '%s\n' \
		'./dashboard/MPS Borough Level Crime (most recent 24 months)/compare.tsv' \
		'./dashboard/MPS Borough Level Crime (most recent 24 months)/dashboard.tsv' \
		'./dashboard/MPS Borough Level Crime (most recent 24 months)/trend.tsv' \
		'./league/MPS Borough Level Crime (most recent 24 months)/league.tsv' \
		./wards/download/wards.tsv)" ]
	sh pipelines/ward-profile.sh -q -o "$tmp/direct" samples/mps/ward_2022_wards.csv
	diff <(cut -f2- "$tmp/direct/wards.tsv") <(cut -f2- "$tmp/a/out/wards/download/wards.tsv")
}

@test "DATA=dir, a flat folder of packs: minutes and reports by name" {
	make_copy "$tmp/a"
	mkdir "$tmp/data"
	cp samples/minutes/agenda-pack.txt "$tmp/data/csp-board-2024-03.txt"
	cp samples/reports/strategic-assessment.txt "$tmp/data/strategic-assessment-2023.txt"
	run_split make -C "$tmp/a" -s pipelines DATA="$tmp/data"
	[ "$status" -eq 0 ]
	[ -s "$tmp/a/out/minutes/csp-board-2024-03/actions.tsv" ]
	[ -s "$tmp/a/out/reports/strategic-assessment-2023/rag.tsv" ]
	sh pipelines/minutes.sh -q -o "$tmp/direct" samples/minutes/agenda-pack.txt
	diff <(cut -f2- "$tmp/direct/minutes.tsv") <(cut -f2- "$tmp/a/out/minutes/csp-board-2024-03/minutes.tsv")
	[ ! -e "$tmp/a/out/minutes/strategic-assessment-2023" ]
}

# bats test_tags=stress
@test "DATA=dir, a folder of data.police.uk months: one dashboard of the partnership AREA" {
	need_shared data/police-uk
	make_copy "$tmp/a"
	mkdir "$tmp/data"
	cp "$SHARED"/data/police-uk/2021-0[1-6]-gwent-street.csv "$tmp/data/"
	run_split make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Newport
	[ "$status" -eq 0 ]
	d=$tmp/a/out/dashboard/police-uk-gwent-police
	[ "$(col "$d/dashboard.tsv" area | sort -u)" = Newport ]
	[ "$(col "$d/dashboard.tsv" area_code | sort -u)" = W14000022 ]
	sh pipelines/dashboard.sh -q --area Newport -o "$tmp/direct" "$tmp"/data/*.csv
	diff "$tmp/direct/dashboard.tsv" "$d/dashboard.tsv"
	[ "$(make -C "$tmp/a" -s pipeline-dirs DATA="$tmp/data")" = " 'out/dashboard/police-uk-gwent-police/' " ]
	# the same again is a no-op; another partnership rebuilds it
	touch "$tmp/mark"
	sleep 1
	make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Newport
	[ -z "$(find -L "$d/" -newer "$tmp/mark")" ]
	make -C "$tmp/a" -s pipelines DATA="$tmp/data" AREA=Torfaen
	[ "$(col "$d/dashboard.tsv" area | sort -u)" = Torfaen ]
}

@test "DATA=dir with nothing to run: exit non-zero naming what the folder holds" {
	make_copy "$tmp/a"
	mkdir -p "$tmp/data/sub" "$tmp/empty"
	printf 'LAD17CD,LAD17NM,CSP17CD\nE09000003,Barnet,E22000187\n' >"$tmp/data/lookup.csv"
	printf 'PK\003\004' >"$tmp/data/crime.xlsx"
	: >"$tmp/data/notes.docx"
	run_split make -C "$tmp/a" -s --no-print-directory pipelines DATA="$tmp/data"
	[ "$status" -ne 0 ]
	[ "$(sed "s|$tmp|TMP|g" "$err_file" | grep -v '^make')" = "$(cat <<'EOF'
datasets: DATA='TMP/data': nothing to run: no minutes or report pack (.txt, .pdf), MPS borough or ward file or data.police.uk street file
datasets:   crime.xlsx: a spreadsheet: save it as CSV
datasets:   lookup.csv: a CSV with header "LAD17CD,LAD17NM,CSP17CD": not an MPS or data.police.uk file
datasets:   notes.docx: not a pack (.txt, .pdf) or crime file (.csv)
datasets:   sub: a folder (only minutes/, reports/, mps/ are read)
EOF
)" ]
	[ ! -e "$tmp/a/out/dashboard" ]
	run_split make -C "$tmp/a" -s --no-print-directory pipelines DATA="$tmp/empty"
	[ "$status" -ne 0 ]
	grep -q "^datasets:   (the folder is empty)$" "$err_file"
	run_split make -C "$tmp/a" -s --no-print-directory pipelines DATA="$tmp/nothing"
	[ "$status" -ne 0 ]
	grep -q "^datasets: DATA='$tmp/nothing': no such directory$" "$err_file"
}

@test "make install DESTDIR=: the tools, the pipelines as cspkit-NAME, their man pages" {
	make -C "$ROOT" -s install DESTDIR="$tmp/stage" PREFIX=/opt/cspkit >/dev/null
	s=$tmp/stage/opt/cspkit
	for p in minutes report-indicators borough-league dashboard ward-profile batch site; do
		[ -x "$s/bin/cspkit-$p" ]
		[ -f "$s/share/cspkit/pipelines/$p.sh" ]
		[ "$(cat "$s/share/man/man1/cspkit-$p.1")" = ".so man1/cspkit-pipelines.1" ]
		grep -q "exec sh '/opt/cspkit/share/cspkit/pipelines/$p.sh' \"\$@\"$" "$s/bin/cspkit-$p"
	done
	grep -q '^\.Os cspkit [0-9]' "$s/share/man/man1/cspkit-pipelines.1"
	for t in extract-minutes normalise-crime join-wards rank-boroughs rag-flag; do
		[ -x "$s/bin/$t" ] && [ -f "$s/share/man/man1/$t.1" ]
	done
	[ -f "$s/share/cspkit/wards.tsv" ] && [ -f "$s/share/cspkit/pipelines/awk/html.awk" ]
	make -C "$ROOT" -s uninstall DESTDIR="$tmp/stage" PREFIX=/opt/cspkit >/dev/null
	[ -z "$(find "$s" -type f)" ]
}

@test "installed under a PREFIX, cspkit-ward-profile runs with nothing of the tree" {
	make -C "$ROOT" -s install PREFIX="$tmp/prefix" >/dev/null
	mkdir "$tmp/work"
	cp samples/mps/ward_2022_wards.csv "$tmp/work/wards.csv"
	(cd "$tmp/work" && env -u CSPKIT_BIN -u CSPKIT_DATA PATH=/usr/bin:/bin \
		"$tmp/prefix/bin/cspkit-ward-profile" -q wards.csv)
	sh pipelines/ward-profile.sh -q -o "$tmp/direct" samples/mps/ward_2022_wards.csv
	diff <(cut -f2- "$tmp/direct/wards.tsv") <(cut -f2- "$tmp/work/out/wards/wards/wards.tsv")
	(cd "$tmp/work" && env -u CSPKIT_BIN -u CSPKIT_DATA PATH=/usr/bin:/bin \
		"$tmp/prefix/bin/cspkit-dashboard" -q "$ROOT/samples/mps/borough_2024_vintage.csv")
	[ -s "$tmp/work/out/dashboard/borough_2024_vintage/dashboard.html" ]
}
