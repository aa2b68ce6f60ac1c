#!/usr/bin/env bats
# The README followed literally on a fresh clone: its quick start, then the
# commands it gives for the user's own data, with the public files of
# ../shared/data saved under their download names.
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
	export SOURCE_DATE_EPOCH=1764979200
}

# readme_block START END: the indented command lines between the two
# marker lines of README.md, as written.
readme_block() {
	awk -v s="$1" -v e="$2" '$0 == s { on = 1; next } $0 == e { on = 0 } on && /^    / { sub(/^    /, ""); print }' README.md
}

@test "README: the quick start is make run and make test, on the first screen" {
	[ "$(sed -n '1,20p' README.md | grep -c '^    make run  *# ')" -eq 1 ]
	[ "$(sed -n '1,20p' README.md | grep -c '^    make test  *# ')" -eq 1 ]
	[ "$(readme_block '<!-- own-data: tests/readme.bats runs these lines as written -->' '<!-- /own-data -->' | wc -l)" -ge 4 ]
	grep -q 'https://data.london.gov.uk/dataset/recorded_crime_summary' README.md
	grep -q 'https://data.police.uk/data/' README.md
	grep -q 'quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False' README.md
	grep -q 'read.delim(f, quote="", colClasses="character", na.strings=character())' README.md
	[ -f docs/PERFORMANCE.md ] && [ -f docs/RELIABILITY.md ]
	grep -q '](docs/PERFORMANCE.md)' README.md
	grep -q '](docs/RELIABILITY.md)' README.md
}

# bats test_tags=stress
@test "README followed literally on a fresh clone: make run, then each own-data command" {
	need_shared data
	command -v git >/dev/null || skip "git not installed"
	git -C "$ROOT" rev-parse HEAD >/dev/null 2>&1 || skip "not a git tree"
	# a clone of what is committed, ../shared beside it
	mkdir "$tmp/w"
	git clone -q "$ROOT" "$tmp/w/cspkit"
	ln -s "$(cd "$SHARED" && pwd)" "$tmp/w/shared"
	cd "$tmp/w/cspkit"
	make -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
	# the quick start (make test is the suite this test is part of)
	env -u CSPKIT_BIN -u CSPKIT_DATA make --no-print-directory -s run >"$tmp/run.txt" 2>&1
	grep -q '^Index of every table and page: out/index.html' "$tmp/run.txt"
	# the downloads, under the names the publishers give them
	mkdir -p data/minutes data/police-uk
	cp ../shared/data/mps_borough_crime_24m_2024-01_to_2025-12.csv "data/MPS Borough Level Crime (most recent 24 months).csv"
	cp ../shared/data/mps_ward_crime_24m_2024-01_to_2025-12.csv "data/MPS Ward Level Crime (most recent 24 months).csv"
	cp ../shared/data/police-uk/*-gwent-street.csv data/police-uk/
	cp samples/minutes/agenda-pack.txt "data/minutes/CSP board 2024-03.txt"
	readme_block '<!-- own-data: tests/readme.bats runs these lines as written -->' '<!-- /own-data -->' >"$tmp/cmds"
	n=0
	while IFS= read -r cmd; do
		n=$((n + 1))
		env -u CSPKIT_BIN -u CSPKIT_DATA sh -c "$cmd" >"$tmp/out.$n" 2>&1 || {
			echo "failed: $cmd" >&2
			cat "$tmp/out.$n" >&2
			return 1
		}
	done <"$tmp/cmds"
	[ "$n" -ge 5 ]
	# what the README says each wrote
	[ -s "out/minutes/CSP board 2024-03/actions.tsv" ]
	d="out/dashboard/MPS Borough Level Crime (most recent 24 months)"
	[ "$(cut -f2 "$d/dashboard.tsv" | sort -u)" = "$(printf 'Camden\narea')" ]
	[ -s "$d/dashboard.html" ]
	[ "$(cut -f2 out/dashboard/2020-11-gwent-street/dashboard.tsv | sort -u)" = "$(printf 'Newport\narea')" ]
	w="out/wards/MPS Ward Level Crime (most recent 24 months)/wards.tsv"
	# Camden's 20 wards, every one with a Census 2021 rate
	[ "$(awk -F'\t' '$8 == "total_crime"' "$w" | wc -l)" -eq 20 ]
	[ "$(awk -F'\t' 'NR > 1 && ($16 == "" || $17 != "census2021")' "$w" | wc -l)" -eq 0 ]
	grep -q 'dashboard/MPS Borough Level Crime (most recent 24 months)/dashboard.html' out/index.html ||
		grep -q 'MPS%20Borough%20Level%20Crime' out/index.html
	# the police.uk folder of its own
	make --no-print-directory -s run DATA=data/police-uk AREA=Newport >"$tmp/pol.txt" 2>&1
	[ "$(cut -f2 out/dashboard/police-uk-gwent-police/dashboard.tsv | sort -u)" = "$(printf 'Newport\narea')" ]
}
