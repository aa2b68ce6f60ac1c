#!/usr/bin/env bats
# pipelines/*.sh end to end: golden tables on the samples, figures checked
# by hand on the real MPS files (../shared/data), atomic output under
# interruption, make run under -j, batch.sh, and the dashboard page in
# headless Chromium.
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
	TAB=$(printf '\t')
	# the dashboard's date built, the same on every run
	export SOURCE_DATE_EPOCH=1764979200
}

# run_pipe NAME ARG...: run pipelines/NAME.sh -q -o $tmp/NAME ARG...; then
# $out_file holds every file it wrote (name line, then the file), so one
# golden file covers all the tables and warnings.txt of the run.
run_pipe() {
	local name=$1
	shift
	run_split sh "pipelines/$name.sh" -q -o "$tmp/$name" "$@"
	gather "$tmp/$name"
}
gather() {
	local f
	: >"$out_file.all"
	for f in "$1"/*; do
		[ -f "$f" ] || continue
		case $f in *.tsv) assert_tsv "$f" ;; esac
		printf '==> %s <==\n' "${f##*/}" >>"$out_file.all"
		cat "$f" >>"$out_file.all"
	done
	cat "$out_file" "$out_file.all" >"$out_file.both"
	mv "$out_file.both" "$out_file"
}

# cell FILE KEYCOL KEY COL: column COL of the row whose KEYCOL is KEY.
cell() {
	awk -F'\t' -v k="$2" -v v="$3" -v want="$4" '
		NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
		$c[k] == v { print $c[want] }' "$1"
}

# ---- command line -------------------------------------------------------

@test "every pipeline: --help with examples, exit 0; usage errors exit 2" {
	for p in minutes report-indicators borough-league ward-profile dashboard batch site; do
		run sh "pipelines/$p.sh" --help
		[ "$status" -eq 0 ]
		[[ "${lines[0]}" == "Usage: $p.sh "* ]]
		[[ "$output" == *"Examples:"* ]]
	done
	: >"$tmp/errs"
	usage_fails() {
		run_split "$@"
		[ "$status" -eq 2 ]
		cat "$err_file" >>"$tmp/errs"
	}
	usage_fails sh pipelines/dashboard.sh --colour samples/mps/borough_2024_vintage.csv
	usage_fails sh pipelines/ward-profile.sh --level middle samples/mps/ward_2022_wards.csv
	usage_fails sh pipelines/borough-league.sh
	usage_fails sh pipelines/minutes.sh -o
	usage_fails sh pipelines/report-indicators.sh --area=Barnet --band
	usage_fails sh pipelines/batch.sh nonsense x
	usage_fails sh pipelines/batch.sh -j x minutes samples/minutes/agenda-pack.txt
	mv "$tmp/errs" "$out_file"
	: >"$err_file"
	golden pipelines/usage
}

@test "a missing input is a data error (exit 1) and writes nothing" {
	run_split sh pipelines/dashboard.sh -o "$tmp/d" samples/mps/no-such-file.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "dashboard: samples/mps/no-such-file.csv: cannot read" ]
	[ ! -e "$tmp/d" ]
}

@test "an area the file does not have is an error, not an empty table" {
	run_split sh pipelines/ward-profile.sh -o "$tmp/w" --borough Barnett samples/mps/ward_2022_wards.csv
	[ "$status" -eq 1 ]
	# normalise-crime names the nearest area; the pipeline says which step.
	[ "$(cat "$err_file")" = "$(printf '%s\n%s' \
		"normalise-crime: --area Barnett: no area of that name in the input; nearest: Barnet" \
		"ward-profile: normalise-crime failed (exit 1)")" ]
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Enfield samples/mps/borough_2008_vintage.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "$(printf '%s\n%s' \
		"normalise-crime: --area Enfield: the input has no rows for it (it has Barnet, Camden and London Heathrow and London City Airports)" \
		"dashboard: normalise-crime failed (exit 1)")" ]
	[ -z "$(ls -A "$tmp/w")" ] && [ -z "$(ls -A "$tmp/d")" ]
}

@test "a failing tool stops the pipeline with its status and message; nothing published" {
	printf 'not,an,mps\nfile,at,all\n' >"$tmp/bad.csv"
	run_split sh pipelines/borough-league.sh -o "$tmp/l" "$tmp/bad.csv"
	[ "$status" -ne 0 ]
	grep -q '^normalise-crime: ' "$err_file"
	grep -q '^borough-league: normalise-crime failed (exit [12])$' "$err_file"
	[ -z "$(ls -A "$tmp/l")" ]
}

# ---- the samples, golden ------------------------------------------------

@test "minutes: a pdftotext-layout pack, split by record kind" {
	run_pipe minutes samples/minutes/pdftotext-layout.txt
	[ "$status" -eq 0 ]
	golden pipelines/minutes
	# Each kind's table holds exactly its rows of minutes.tsv.
	m=$tmp/minutes
	[ "$(awk -F'\t' 'NR > 1 && ($5 == "present" || $5 == "in_attendance" || $5 == "apology")' "$m/minutes.tsv" | wc -l)" \
	  -eq "$(($(wc -l <"$m/attendance.tsv") - 1))" ]
	[ "$(awk -F'\t' 'NR > 1 && $5 == "action"' "$m/minutes.tsv" | wc -l)" -eq "$(($(wc -l <"$m/actions.tsv") - 1))" ]
	[ "$(awk -F'\t' 'NR > 1 && $5 == "item"' "$m/minutes.tsv" | wc -l)" -eq "$(($(wc -l <"$m/items.tsv") - 1))" ]
}

@test "minutes: the same pack as a PDF gives the same records, source the PDF" {
	command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) not installed"
	sh tests/pipelines/text2pdf.sh samples/minutes/pdftotext-layout.txt "$tmp/pack.pdf"
	run_split sh pipelines/minutes.sh -q -o "$tmp/pdf" "$tmp/pack.pdf"
	[ "$status" -eq 0 ]
	sh pipelines/minutes.sh -q -o "$tmp/txt" samples/minutes/pdftotext-layout.txt
	[ "$(sed 1d "$tmp/pdf/minutes.tsv" | cut -f1 | sort -u)" = "$tmp/pack.pdf" ]
	for t in attendance items resolutions decisions actions; do
		diff <(cut -f5,6,7 "$tmp/txt/$t.tsv") <(cut -f5,6,7 "$tmp/pdf/$t.tsv")
	done
}

@test "report-indicators: indicators, --check warnings beside them, RAG" {
	run_pipe report-indicators --area Harrow samples/reports/strategic-assessment.txt
	[ "$status" -eq 0 ]
	golden pipelines/report-indicators
	# The sample's planted inconsistency: knife crime 402 -> 362 is -10.0%, not -7%.
	grep -q 'knife crime: stated -7% but 362 vs 402 gives -10.0%' "$tmp/report-indicators/indicators.check.txt"
	[ "$(wc -l <"$tmp/report-indicators/rag.tsv")" -eq "$(wc -l <"$tmp/report-indicators/indicators.tsv")" ]
}

@test "borough-league: 2019-vintage sample, three boroughs, Barnet highlighted" {
	run_pipe borough-league samples/mps/borough_2019_vintage.csv
	[ "$status" -eq 0 ]
	golden pipelines/borough-league
	# Barnet "Domestic Burglary", 2020-03..2021-02: 1883 offences,
	# 1883 / 399007 (mid-2020) * 1000 = 4.72, lowest of the three.
	l=$tmp/borough-league/league.tsv
	row=$(awk -F'\t' '$3 == "burglary_residential" && $6 == "Barnet"' "$l" | cut -f5,8-)
	[ "$row" = "12m to 2021-02${TAB}1883${TAB}399007${TAB}4.72${TAB}1${TAB}3${TAB}yes" ]
	[ "$(awk -F'\t' '$13 == "yes"' "$l" | cut -f6 | sort -u)" = Barnet ]
}

@test "ward-profile: 2014 and 2022 ward samples, Barnet's wards only" {
	run_pipe ward-profile samples/mps/ward_2014_wards.csv
	[ "$status" -eq 0 ]
	golden pipelines/ward-profile-2014
	run_pipe ward-profile samples/mps/ward_2022_wards.csv
	[ "$status" -eq 0 ]
	golden pipelines/ward-profile-2022
	[ "$(cut -f6 "$tmp/ward-profile/wards.tsv" | sort -u)" = "$(printf 'Barnet\nlad_name')" ]
}

@test "dashboard: 2019-vintage sample, table, trend and page" {
	run_pipe dashboard samples/mps/borough_2019_vintage.csv
	[ "$status" -eq 0 ]
	golden pipelines/dashboard
	d=$tmp/dashboard
	# One page row per dashboard row, each with a flag and a sparkline.
	[ "$(grep -c '<tr data-offence=' "$d/dashboard.html")" -eq "$(($(wc -l <"$d/dashboard.tsv") - 1))" ]
	! grep -q 'src=\|href=\|<script' "$d/dashboard.html"
}

@test "dashboard: 2024 sample, residential burglary is both RES lines summed" {
	run_split sh pipelines/dashboard.sh -q -o "$tmp/d" samples/mps/borough_2024_vintage.csv
	[ "$status" -eq 0 ]
	# RES BURGLARY OF A HOME + OF UNCONNECTED BUILDING, Barnet, by hand:
	# 2025-03..2026-02 2184, a year before 2210, 2025-12..2026-02 533.
	d=$tmp/d/dashboard.tsv
	[ "$(cell "$d" offence burglary_residential rolling12_count)" = 2184 ]
	[ "$(cell "$d" offence burglary_residential rolling12_base_count)" = 2210 ]
	[ "$(cell "$d" offence burglary_residential rolling12_pct_change)" = -1.2 ]
	[ "$(cell "$d" offence burglary_residential quarter_count)" = 533 ]
	# an offence the file lacks keeps its line, empty
	[ "$(cell "$d" offence robbery indicator)" = "Robbery (all)" ]
	[ -z "$(cell "$d" offence robbery rolling12_count)" ]
}

# bats test_tags=stress
@test "the scripts' awk is portable: mawk writes what gawk writes" {
	command -v mawk >/dev/null && command -v gawk >/dev/null || skip "needs both mawk and gawk"
	mkdir -p "$tmp/mawk" "$tmp/gawk"
	ln -s "$(command -v mawk)" "$tmp/mawk/awk"
	ln -s "$(command -v gawk)" "$tmp/gawk/awk"
	for a in mawk gawk; do
		PATH=$tmp/$a:$PATH sh pipelines/minutes.sh -q -o "$tmp/$a.out/m" samples/minutes/markdown-tabs.txt
		PATH=$tmp/$a:$PATH sh pipelines/report-indicators.sh -q -o "$tmp/$a.out/r" samples/reports/dashboard-tab.txt
		PATH=$tmp/$a:$PATH sh pipelines/borough-league.sh -q -o "$tmp/$a.out/l" samples/mps/borough_2019_vintage.csv
		PATH=$tmp/$a:$PATH sh pipelines/ward-profile.sh -q -o "$tmp/$a.out/w" samples/mps/ward_2014_wards.csv
		PATH=$tmp/$a:$PATH sh pipelines/dashboard.sh -q -o "$tmp/$a.out/d" samples/mps/borough_2019_vintage.csv
		# site.sh's pages of an out/ tree, a name to percent-encode among them
		mkdir -p "$tmp/$a.site/league/a b#?" "$tmp/$a.site/minutes" "$tmp/$a.site/reports"
		cp "$tmp/$a.out/l/league.tsv" "$tmp/$a.site/league/a b#?/"
		cp -RL "$tmp/$a.out/m" "$tmp/$a.site/minutes/m"
		cp -RL "$tmp/$a.out/r" "$tmp/$a.site/reports/r"
		PATH=$tmp/$a:$PATH sh pipelines/site.sh -q "$tmp/$a.site"
	done
	diff -r "$tmp/gawk.out" "$tmp/mawk.out"
	diff -r "$tmp/gawk.site" "$tmp/mawk.site"
	grep -q 'href="league/a%20b%23%3F/league.tsv"' "$tmp/mawk.site/index.html"
}

# ---- the real files in ../shared, figures checked by hand ---------------

@test "real 2024-25 MPS borough file: Barnet's league figures" {
	need_shared data
	f=$SHARED/data/mps_borough_crime_24m_2024-01_to_2025-12.csv
	run_split sh pipelines/borough-league.sh -q -o "$tmp/l" "$f"
	[ "$status" -eq 0 ]
	l=$tmp/l/league.tsv
	[ "$(awk -F'\t' '$3 == "total_crime"' "$l" | wc -l)" -eq 32 ]
	# Barnet 2025-01..2025-12, all its 32 lines summed by awk: 28538;
	# / 399007 (mid-2020) * 1000 = 71.52.
	row=$(awk -F'\t' '$3 == "total_crime" && $6 == "Barnet"' "$l" | cut -f8-)
	[ "$row" = "28538${TAB}399007${TAB}71.52${TAB}7${TAB}32${TAB}yes" ]
	# The rank again, from the raw file and lib/data/boroughs.tsv: the
	# boroughs whose 2025 rate is below Barnet's, plus one.
	rank=$(awk -F, -v OFS='\t' '
		FNR == 1 && NR != FNR { for (i = 4; i <= NF; i++) if ($i == "202501") s = i; next }
		NR == FNR { if (!/^#/ && $2 != "name") pop[$2] = $5; next }
		{ for (i = s; i < s + 12; i++) n[$3] += $i }
		END { for (b in pop) if (b in n) r[b] = n[b] / pop[b]
		      k = 1; for (b in r) if (r[b] < r["Barnet"]) k++; print k }' \
		FS='\t' lib/data/boroughs.tsv FS=, "$f")
	[ "$rank" = 7 ]
	# Residential burglary is three 2024-file lines: 1 + 1294 + 341.
	[ "$(awk -F'\t' '$3 == "burglary_residential" && $6 == "Barnet"' "$l" | cut -f8)" = 1636 ]
}

# bats test_tags=stress
@test "real 2024-25 MPS borough file: Barnet's dashboard" {
	need_shared data
	run_split sh pipelines/dashboard.sh -q -o "$tmp/d" "$SHARED/data/mps_borough_crime_24m_2024-01_to_2025-12.csv"
	[ "$status" -eq 0 ]
	d=$tmp/d/dashboard.tsv
	assert_tsv "$d"
	# Oct-Dec 2025: home 97+108+140, unconnected 41+28+30, "- RESIDENTIAL"
	# 0 = 444; Oct-Dec 2024: 129+156+182 + 27+24+34 + 0 = 552; -19.6%.
	[ "$(cell "$d" offence burglary_residential quarter_count)" = 444 ]
	[ "$(cell "$d" offence burglary_residential quarter_base_count)" = 552 ]
	[ "$(cell "$d" offence burglary_residential quarter_pct_change)" = -19.6 ]
	# 2025: 1636; 2024: 0 + 1494 + 345 = 1839; -11.0%; 22nd of 32.
	[ "$(cell "$d" offence burglary_residential rolling12_base_count)" = 1839 ]
	[ "$(cell "$d" offence burglary_residential rolling12_pct_change)" = -11.0 ]
	[ "$(cell "$d" offence burglary_residential london_rank)" = 22 ]
	[ "$(cell "$d" offence burglary_residential rag)" = green ]
	# Violence with injury 2025 1782 vs 1919 in 2024: -7.1%.
	[ "$(cell "$d" offence violence_with_injury rolling12_count)" = 1782 ]
	[ "$(cell "$d" offence violence_with_injury rolling12_pct_change)" = -7.1 ]
	# Theft of a motor vehicle: both windows up, so red.
	[ "$(cell "$d" offence theft_of_motor_vehicle rag)" = red ]
	[ "$(wc -l <"$d")" -eq 12 ]
}

@test "real MPS ward files: Barnet's wards, 2022 and 2014 boundaries" {
	need_shared data
	run_split sh pipelines/ward-profile.sh -q -o "$tmp/w22" "$SHARED/data/mps_ward_crime_24m_2024-01_to_2025-12.csv"
	[ "$status" -eq 0 ]
	w=$tmp/w22/wards.tsv
	assert_tsv "$w"
	[ "$(awk -F'\t' '$8 == "total_crime"' "$w" | wc -l)" -eq 24 ]
	# Burnt Oak (E05013630), all its lines: 1745 in 2025, 1556 in 2024, +12.1%;
	# Census 2021 21,857 residents: 1745 * 1000 / 21857 = 79.84.
	[ "$(awk -F'\t' '$3 == "E05013630" && $8 == "total_crime"' "$w" | cut -f11-17)" = \
	  "1745${TAB}12m to 2024-12${TAB}1556${TAB}12.1${TAB}21857${TAB}79.84${TAB}census2021" ]
	# every one of Barnet's 24 current wards has a rate now
	[ "$(awk -F'\t' 'NR > 1 && $16 == ""' "$w" | wc -l)" -eq 0 ]
	run_split sh pipelines/ward-profile.sh -q -o "$tmp/w14" "$SHARED/data/mps_ward_crime_24m_2020-09_to_2022-08_2014wards.csv"
	[ "$status" -eq 0 ]
	w=$tmp/w14/wards.tsv
	[ "$(awk -F'\t' '$8 == "total_crime"' "$w" | wc -l)" -eq 21 ]
	# Burnt Oak (E05000044) 2021-09..2022-08: 1532; Census 2011 18217: 84.10.
	[ "$(awk -F'\t' '$3 == "E05000044" && $8 == "total_crime"' "$w" | cut -f11,15,16)" = \
	  "1532${TAB}18217${TAB}84.10" ]
}

@test "real seeds: minutes of 21 July 2017 and the 2017 strategic assessment" {
	need_shared seeds
	run_split sh pipelines/minutes.sh -q -o "$tmp/m" "$SHARED/seeds/000_2d49bef283f698f3.txt"
	[ "$status" -eq 0 ]
	# 9 members present, 7 also present, 1 apology (Jamie Keddy); items 1-11.
	[ "$(wc -l <"$tmp/m/attendance.tsv")" -eq 18 ]
	[ "$(sed 1d "$tmp/m/items.tsv" | cut -f6 | tr '\n' ' ')" = "1 2 3 4 5 6 7 8 9 10 11 " ]
	[ "$(sed -n 2p "$tmp/m/items.tsv" | cut -f3,10)" = "2017-07-21${TAB}INTRODUCTION, APOLOGIES AND MINUTES OF PREVIOUS MEETING" ]
	run_split sh pipelines/report-indicators.sh -q --area Barnet -o "$tmp/r" "$SHARED/seeds/004_74e1a5d32b1337c0.txt"
	[ "$status" -eq 0 ]
	# "590 fewer burglaries" against the report's own 3878 -> 3297: 581.
	grep -q 'stated -590 but 3297 vs 3878 gives -581' "$tmp/r/indicators.check.txt"
	[ "$(wc -l <"$tmp/r/rag.tsv")" -eq "$(wc -l <"$tmp/r/indicators.tsv")" ]
}

# ---- atomic output, make, batch -----------------------------------------

# A bin directory of the real tools in which rank-boroughs writes half a
# table, says so in $tmp/started, and hangs: a pipeline caught mid-step.
hanging_bin() {
	mkdir -p "$tmp/bin"
	for t in "$CSPKIT_BIN"/*; do ln -sf "$t" "$tmp/bin/"; done
	rm -f "$tmp/bin/rank-boroughs"
	cat >"$tmp/bin/rank-boroughs" <<-HANG
	#!/bin/sh
	printf 'source\tline\tarea\n' ; printf 'half a table' ; : >"$tmp/started"; exec sleep 60
	HANG
	chmod +x "$tmp/bin/rank-boroughs"
}

# interrupt SIGNAL: start borough-league on the hanging tools in its own
# process group, wait until it is inside the step, send SIGNAL to the group.
interrupt() {
	rm -f "$tmp/started"
	# (a background job starts with INT ignored: env gives it back, as at a terminal)
	CSPKIT_BIN=$tmp/bin setsid env --default-signal=INT sh pipelines/borough-league.sh -q -o "$tmp/l" \
		samples/mps/borough_2019_vintage.csv &
	pid=$!
	for _ in $(seq 200); do [ -e "$tmp/started" ] && break; sleep 0.1; done
	[ -e "$tmp/started" ]
	kill "-$1" -- "-$pid"
	st=0
	wait "$pid" || st=$?
}

# bats test_tags=stress
@test "interrupted mid-step (TERM, INT): the previous tables stay, no temp files" {
	command -v setsid >/dev/null || skip "setsid not installed"
	sh pipelines/borough-league.sh -q -o "$tmp/l" samples/mps/borough_2019_vintage.csv
	mkdir "$tmp/before" && cp -p -R "$tmp/l/." "$tmp/before/"   # (l is a link: copy what it holds)
	hanging_bin
	interrupt TERM
	[ "$st" -eq 143 ]
	diff -r "$tmp/before" "$tmp/l"
	interrupt INT
	[ "$st" -eq 130 ]
	diff -r "$tmp/before" "$tmp/l"
	# and a first run that is stopped leaves no table at all
	rm -rf "$tmp/l"
	interrupt TERM
	[ -z "$(ls -A "$tmp/l")" ]
}

@test "killed outright (KILL): no half table under a table's name" {
	command -v setsid >/dev/null || skip "setsid not installed"
	sh pipelines/borough-league.sh -q -o "$tmp/l" samples/mps/borough_2019_vintage.csv
	cp -p "$tmp/l/league.tsv" "$tmp/league.before"
	hanging_bin
	interrupt KILL
	cmp "$tmp/league.before" "$tmp/l/league.tsv"
	# the dead run's work directory is beside it, for the next run to clear
	[ "$(ls "$tmp/l")" = "$(printf 'league.tsv\nwarnings.txt')" ]
}

# A copy of the parts make run needs (no cmd/: the tools are $CSPKIT_BIN).
make_copy() {
	mkdir -p "$1/lib" "$1/tests"
	cp -R Makefile pipelines samples "$1/"
	cp -R lib/data "$1/lib/"
	cp tests/deps.sh "$1/tests/"
}

# bats test_tags=stress
@test "make -j4 run prints and writes what make run does; a rerun is a no-op" {
	make_copy "$tmp/a"
	make -C "$tmp/a" -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
	(cd "$tmp/a" && make run) >"$tmp/serial.txt" 2>&1
	mv "$tmp/a/out" "$tmp/out.serial"
	(cd "$tmp/a" && make -j4 run) >"$tmp/parallel.txt" 2>&1
	diff "$tmp/serial.txt" "$tmp/parallel.txt"
	diff -r "$tmp/out.serial" "$tmp/a/out"
	grep -Eq '^  in all +[0-9]+ +[0-9]+ +[0-9]+$' "$tmp/serial.txt"
	# nothing changed: nothing rebuilt, the same summary
	touch "$tmp/mark"
	sleep 1
	(cd "$tmp/a" && make -j4 run) >"$tmp/again.txt" 2>&1
	diff "$tmp/serial.txt" "$tmp/again.txt"
	[ -z "$(find "$tmp/a/out" -newer "$tmp/mark")" ]
	# one input touched: only its outputs are rebuilt
	touch "$tmp/a/samples/mps/ward_2022_wards.csv"
	(cd "$tmp/a" && make -j4 pipelines)
	# (each output directory is a link into .NAME.cspkit/ beside it)
	[ "$(find -L "$tmp/a/out" -name '.*' -prune -o -name '*.tsv' -newer "$tmp/mark" -print)" = \
	  "$tmp/a/out/wards/ward_2022_wards/wards.tsv" ]
}

@test "make pipelines DATA=dir: a flat directory of MPS files" {
	make_copy "$tmp/a"
	mkdir "$tmp/data"
	cp samples/mps/borough_2019_vintage.csv "$tmp/data/mps_borough_crime_2019.csv"
	cp samples/mps/ward_2022_wards.csv "$tmp/data/mps_ward_crime_2024.csv"
	printf 'a,b\n1,2\n' >"$tmp/data/population_borough.csv"    # not crime: left alone
	run make -C "$tmp/a" -s pipeline-dirs DATA="$tmp/data"
	[[ "$output" == *"out/league/mps_borough_crime_2019/"* ]]
	[[ "$output" == *"out/dashboard/mps_borough_crime_2019/"* ]]
	[[ "$output" == *"out/wards/mps_ward_crime_2024/"* ]]
	[[ "$output" != *population* ]]
	make -C "$tmp/a" -s out/wards/mps_ward_crime_2024/wards.tsv DATA="$tmp/data"
	sh pipelines/ward-profile.sh -q -o "$tmp/direct" samples/mps/ward_2022_wards.csv
	diff <(cut -f2- "$tmp/direct/wards.tsv") <(cut -f2- "$tmp/a/out/wards/mps_ward_crime_2024/wards.tsv")
}

# bats test_tags=stress
@test "batch.sh: the same tables as one run per file, with xargs and with GNU parallel" {
	run_split sh pipelines/batch.sh --runner xargs -j 2 -q -o "$tmp/x" dashboard --area Camden -- \
		samples/mps/borough_2008_vintage.csv samples/mps/borough_2019_vintage.csv
	[ "$status" -eq 0 ]
	for f in 2008 2019; do
		sh pipelines/dashboard.sh -q --area Camden -o "$tmp/one/$f" "samples/mps/borough_${f}_vintage.csv"
		diff -r "$tmp/one/$f" "$tmp/x/borough_${f}_vintage"
	done
	# one bad file: the others still run, exit 1
	run_split sh pipelines/batch.sh --runner xargs -q -o "$tmp/y" borough-league "$tmp/nothing.csv" samples/mps/borough_2019_vintage.csv
	[ "$status" -eq 1 ]
	[ -f "$tmp/y/borough_2019_vintage/league.tsv" ]
	sh tests/deps.sh parallel >/dev/null 2>&1 || skip "GNU parallel cannot be installed here"
	# -S 2/: is GNU parallel's --sshlogin for this machine: the remote path
	# on a shared directory (machines without one: tests/batch.bats)
	run_split sh pipelines/batch.sh -S 2/: --shared-fs -q -o "$tmp/p" dashboard --area Camden -- \
		samples/mps/borough_2008_vintage.csv samples/mps/borough_2019_vintage.csv
	[ "$status" -eq 0 ]
	diff -r "$tmp/x" "$tmp/p"
}

# ---- charts and pages (no browser) ----------------------------------------

@test "svgchart.awk: ranked bars, lines on one shared log scale, every label escaped" {
	printf 'chart\tkind\tscale\taxis\tseries\tlabel\tvalue\tmark\ttitle\n' >"$tmp/c.tsv"
	printf 'r1\tbars\t\tlinear\t\tCamden\t4.5\t\tA & B\n' >>"$tmp/c.tsv"
	printf 'r1\tbars\t\tlinear\t\t<script>x</script>\t2.5\tyes\tA & B\n' >>"$tmp/c.tsv"
	printf 'r1\tbars\t\tlinear\t\tBarnet\t3.1\t\tA & B\n' >>"$tmp/c.tsv"
	printf 'r1\tbars\t\tlinear\tref\tLondon\t3.3\t\tA & B\n' >>"$tmp/c.tsv"
	printf 't1\tlines\ts\tlog\tBarnet\t2024-12\t0.5\tyes\tT\n' >>"$tmp/c.tsv"
	printf 't1\tlines\ts\tlog\tBarnet\t2025-01\t0.6\tyes\tT\n' >>"$tmp/c.tsv"
	printf 't1\tlines\ts\tlog\tLondon\t2024-12\t0\t\tT\n' >>"$tmp/c.tsv"
	printf 't1\tlines\ts\tlog\tLondon\t2025-01\t0.4\t\tT\n' >>"$tmp/c.tsv"
	printf 't2\tlines\ts\tlog\tBarnet\t2024-12\t5\tyes\tT2\n' >>"$tmp/c.tsv"
	printf 't2\tlines\ts\tlog\tBarnet\t2025-01\t6.2\tyes\tT2\n' >>"$tmp/c.tsv"
	mkdir "$tmp/svg"
	CHARTDIR=$tmp/svg sh -c '. ./pipelines/common.sh; tsvawk words+svgchart "$1"' pipelines/svgchart.sh "$tmp/c.tsv"
	out_file=$tmp/stdout err_file=$tmp/stderr
	for c in r1 t1 t2; do printf '==> %s.svg <==\n' "$c"; cat "$tmp/svg/$c.svg"; done >"$out_file"
	: >"$err_file"
	golden pipelines/svgchart
	# bars lowest first, the marked one escaped and named
	[ "$(grep -o '<title>[^<]*</title></rect>' "$tmp/svg/r1.svg" | sed 's/<[^>]*>//g')" = \
	  "$(printf '&lt;script&gt;x&lt;/script&gt;: 2.50\nBarnet: 3.10\nCamden: 4.50')" ]
	! grep -q '<script' "$tmp/svg/r1.svg"
	# t1 and t2 share the scale: the same ticks at the same heights
	[ "$(grep -o '<text x="37"[^>]*>[^<]*' "$tmp/svg/t1.svg")" = "$(grep -o '<text x="37"[^>]*>[^<]*' "$tmp/svg/t2.svg")" ]
	# a 0 on a log scale is a gap: London's line starts at its second month
	grep -q 'stroke-dasharray="4 2" points="292.0,' "$tmp/svg/t1.svg"
}

# bats test_tags=stress
@test "site.sh: an index of every table, a page per meeting, report figures linked to their lines" {
	make_copy "$tmp/a"
	cp -R bin "$tmp/a/"
	cd "$tmp/a"
	make -s pipelines >/dev/null 2>&1
	run_split sh pipelines/site.sh out
	[ "$status" -eq 0 ]
	[ "$(tail -n 1 "$err_file")" = "site: out/index.html: 45 tables linked" ]
	# every table and page written is linked, and every link is there
	find -L out -name '.*' -prune -o \( -name '*.tsv' -o -name '*.html' -o -name 'warnings.txt' \) -print |
		sed 's|^out/||' | grep -v '^index.html$' | sort >"$tmp/written"
	grep -o 'href="[^"]*"' out/index.html | sed 's/^href="//; s/"$//' | sort -u >"$tmp/linked"
	# (the pages' own warnings.txt is site.sh's, not a pipeline's)
	diff <(grep -vx 'pages/warnings.txt' "$tmp/written") "$tmp/linked"
	# dashboards on the most boroughs first: the real file's
	grep -m1 -o 'dashboard/[^/]*/dashboard.html' out/index.html |
		grep -qx 'dashboard/mps_borough_crime_24m_2024-01_to_2025-12/dashboard.html'
	# the agenda pack's meeting: attendance, items, decisions, the action's owner
	m=out/pages/meeting-12-1.html
	grep -q '<h1>Community Safety Partnership Board, 7 May 2019</h1>' "$m"
	grep -q '<h2>Present (4)</h2>' "$m"
	grep -q '<h2>Apologies (2)</h2>' "$m"
	grep -q '<h2>Items (3)</h2>' "$m"
	grep -q '<tr><td>2</td><td>Decision</td><td>The Board noted the update.</td><td class="num">67</td></tr>' "$m"
	grep -q '<tr><td>2</td><td>Nia Roberts</td><td>Superintendent Roberts would provide one for the next meeting.</td><td class="num">63</td></tr>' "$m"
	# a report's figure links to its line, and the line is there with its text
	r=$(grep -l 'Figures from strategic-assessment' out/pages/report-*.html)
	grep -q '<td class="num"><a href="#L19">79</a></td>' "$r"
	[ "$(grep -o '<span id="L19">[^<]*' "$r" | sed 's/.*>//; s/^ *19  //')" = \
	  "$(sed -n 19p samples/reports/strategic-assessment.txt | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')" ]
	# nothing changed: nothing rewritten
	touch "$tmp/mark"
	sleep 1
	sh pipelines/site.sh -q out
	[ -z "$(find out -newer "$tmp/mark")" ]
}

# bats test_tags=stress
@test "make run on a fresh copy: the real 32-borough league head, Barnet's real dashboard, out/index.html" {
	make_copy "$tmp/a"
	make -C "$tmp/a" -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
	run_split make -C "$tmp/a" --no-print-directory -s run
	[ "$status" -eq 0 ]
	# Richmond's 2025 total, summed from the file by hand: 11686 / 198141 = 58.98 per 1000
	grep -A 3 '^London league table, total recorded crime per 1000 residents' "$out_file" | tail -n 3 >"$tmp/head"
	[ "$(awk '{ print $1, $NF }' "$tmp/head" | head -n 1)" = "rank highlight" ]
	grep -Eq '^  1 +Richmond upon Thames +11686 +198141 +58.98 +12m to 2025-12 *$' "$out_file"
	grep -Eq '^  7 +Barnet +28538 +399007 +71.52 +12m to 2025-12 +yes$' "$out_file"
	grep -q '^  \.\.\. 32 rows in all$' "$out_file"
	grep -q '^Index of every table and page: out/index.html' "$out_file"
	d=$tmp/a/out/dashboard/mps_borough_crime_24m_2024-01_to_2025-12
	[ "$(cell "$d/dashboard.tsv" offence burglary_residential london_rank)" = 22 ]
	[ "$(grep -o '<rect class="bar' "$d/dashboard.html" | wc -l)" -eq $((11 * 32)) ]
	grep -q 'href="dashboard/mps_borough_crime_24m_2024-01_to_2025-12/dashboard.html"' "$tmp/a/out/index.html"
}

# ---- the pages in a browser ---------------------------------------------

REAL=samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv

need_chromium() {
	sh tests/deps.sh chromium >/dev/null 2>&1 || skip "chromium cannot be installed here"
	command -v chromium >/dev/null || skip "chromium not found"
}
# chrome ARG...: headless Chromium with a fresh profile, no network.
chrome() {
	local profile rc
	profile=$(mktemp -d)
	rc=0
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --hide-scrollbars \
		--user-data-dir="$profile" "$@" 2>/dev/null || rc=$?
	rm -rf "$profile"
	return $rc
}
# probe PAGE WIDTH JS: what the browser laid out at WIDTH px, as the
# script JS (which sets the array out) reports it, in $out_file.
probe() {
	JS="<script>const out = []; $3
const p = document.createElement('pre'); p.id = 'probe'; p.textContent = out.join('\\n');
document.body.appendChild(p);</script></body>" awk '{
		i = index($0, "</body>")
		if (i) $0 = substr($0, 1, i - 1) ENVIRON["JS"] substr($0, i + 7)
		print }' "$1" >"$1.probe.html"
	chrome --window-size="$2,1000" --dump-dom "file://$1.probe.html" >"$tmp/dom.html"
	out_file=$tmp/stdout err_file=$tmp/stderr
	awk '/<pre id="probe">/ { on = 1; sub(/.*<pre id="probe">/, "") }
	     on { e = sub(/<\/pre>.*/, ""); print; if (e) exit }' "$tmp/dom.html" |
		sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' >"$out_file"
	: >"$err_file"
}

# What a reader sees of each indicator row: its name, the flag's word and
# colour, the bars of its chart (all, the area's, the London line), its
# trend panel's lines; then the periods in the header.
ROWS_JS='for (const tr of document.querySelectorAll("#dashboard tbody tr")) {
  const rag = tr.querySelector("td.rag"), chart = tr.querySelector("td.chart svg");
  const panel = document.querySelector("figure.panel[data-offence=\"" + tr.dataset.offence + "\"]");
  out.push([tr.dataset.offence, tr.querySelector("th").textContent, rag.textContent,
    getComputedStyle(rag).backgroundColor,
    chart ? chart.querySelectorAll("rect.bar").length + " bars, " + chart.querySelectorAll("rect.bar.mark").length +
      " marked, " + chart.querySelectorAll("line.ref").length + " London line" : "no chart",
    panel ? panel.querySelectorAll("polyline").length + " trend lines" : "no trend"].join(" | "));
}
for (const dt of document.querySelectorAll("dl.meta dt"))
  if (/quarter|12 months|Built/.test(dt.textContent)) out.push(dt.textContent + ": " + dt.nextElementSibling.textContent);
out.push("scripts: " + document.querySelectorAll("script").length);'

# bats test_tags=stress
@test "dashboard page in headless Chromium: every indicator with its charts, periods in words, 32 boroughs" {
	need_chromium
	SOURCE_DATE_EPOCH=1764979200 sh pipelines/dashboard.sh -q -o "$tmp/d" "$REAL"
	probe "$tmp/d/dashboard.html" 1280 "$ROWS_JS"
	golden pipelines/dashboard-dom
	# the flag words agree with dashboard.tsv; every chart has the 32 boroughs
	[ "$(head -n 11 "$out_file" | cut -d'|' -f3 | tr -d ' ' | tr 'A-Z' 'a-z')" = \
	  "$(sed 1d "$tmp/d/dashboard.tsv" | cut -f20)" ]
	[ "$(grep -c '| 32 bars, 1 marked, 1 London line | 2 trend lines$' "$out_file")" -eq 11 ]
}

# Wider than the window is a horizontal scroll bar.
WIDTH_JS='out.push("page " + document.documentElement.scrollWidth + " window " + document.documentElement.clientWidth);
let wide = 0;
for (const e of document.querySelectorAll("body *"))
  if (e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5) wide++;
out.push("wider than the window: " + wide);'

# bats test_tags=stress
@test "dashboard and index pages: no horizontal scroll at 1280, 1024 or 800 px or a phone's 500" {
	need_chromium
	sh pipelines/dashboard.sh -q -o "$tmp/d" "$REAL"
	for w in 1280 1024 800 500; do
		probe "$tmp/d/dashboard.html" "$w" "$WIDTH_JS"
		[ "$(sed -n 2p "$out_file")" = "wider than the window: 0" ]
		read -r _ page _ window <"$out_file"
		[ "$page" -le "$window" ]
	done
	make_copy "$tmp/a"
	cp -R bin "$tmp/a/"
	(cd "$tmp/a" && make -s pipelines >/dev/null 2>&1 && sh pipelines/site.sh -q out)
	for w in 800 500; do
		probe "$tmp/a/out/index.html" "$w" "$WIDTH_JS"
		[ "$(sed -n 2p "$out_file")" = "wider than the window: 0" ]
		probe "$tmp/a/out/pages/meeting-12-1.html" "$w" "$WIDTH_JS"
		[ "$(sed -n 2p "$out_file")" = "wider than the window: 0" ]
	done
}

# bats test_tags=stress
@test "dashboard printed: A4 landscape, every row whole on one page" {
	need_chromium
	command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || skip "poppler-utils not found"
	sh pipelines/dashboard.sh -q -o "$tmp/d" "$REAL"
	chrome --no-pdf-header-footer --print-to-pdf="$tmp/d.pdf" "file://$tmp/d/dashboard.html"
	pdfinfo "$tmp/d.pdf" >"$tmp/info"
	grep -q '^Page size: *841.92 x 594.96 pts (A4)$' "$tmp/info"
	pages=$(awk '/^Pages:/ { print $2 }' "$tmp/info")
	# the table on two pages, the trends on the third
	[ "$pages" -eq 3 ]
	for p in $(seq "$pages"); do
		pdftotext -layout -f "$p" -l "$p" "$tmp/d.pdf" "$tmp/page$p.txt"
	done
	grep -q 'October–December 2025 against October–December 2024' "$tmp/page1.txt"
	grep -q '12 months to December 2025 against the 12 months to December 2024' "$tmp/page1.txt"
	grep -q 'Worse on both: up 1.7% on the' "$tmp/page1.txt"
	grep -q '^Monthly trends, offences per 1000 residents' "$tmp/page3.txt"
	# Each row's first line (its rate and London rank) and its last (the
	# chart's label of the area) are on the same page.
	sed 1d "$tmp/d/dashboard.tsv" | cut -f15-17 | while IFS="$TAB" read -r rate rank of; do
		label=$(awk -v r="$rate" 'BEGIN { printf "%s", (r < 10 ? sprintf("%.2f", r) : sprintf("%.1f", r)) }')
		first=$(grep -l -E " $rate +$rank of $of " "$tmp"/page?.txt)
		last=$(grep -l -F "▲ Barnet $label" "$tmp"/page?.txt)
		[ -n "$first" ] && [ "$first" = "$last" ] || { echo "row $rate $rank: $first / $last"; false; }
	done
}

# bats test_tags=stress
@test "hostile labels: a <script> indicator and dataset name are text on the pages" {
	need_chromium
	{
		printf 'offence\tindicator\n'
		printf 'total_crime\t<script>document.title="x"</script> & "all"\n'
		printf 'burglary\t<img src=x onerror=alert(1)>\n'
	} >"$tmp/offences.tsv"
	sh pipelines/dashboard.sh -q --offences "$tmp/offences.tsv" -o "$tmp/d" "$REAL"
	probe "$tmp/d/dashboard.html" 1280 "$ROWS_JS"
	[ "$(head -n 2 "$out_file" | cut -d'|' -f2)" = \
	  "$(printf ' <script>document.title="x"</script> & "all" \n <img src=x onerror=alert(1)> ')" ]
	# the probe's is the only script, no image
	grep -q '^scripts: 1$' "$out_file"
	! grep -q '<img' "$tmp/dom.html"
	# a dataset named like a tag, in the index
	mkdir -p "$tmp/o/league/<script>alert(1)"
	sh pipelines/borough-league.sh -q -o "$tmp/l" samples/mps/borough_2019_vintage.csv
	cp "$tmp/l/league.tsv" "$tmp/o/league/<script>alert(1)/"
	sh pipelines/site.sh -q "$tmp/o"
	probe "$tmp/o/index.html" 1280 'out.push(document.querySelector("li[data-kind=league] b").textContent);
out.push("scripts: " + document.querySelectorAll("script").length);
out.push(decodeURIComponent(document.querySelector("li[data-kind=league] a").getAttribute("href")));'
	[ "$(cat "$out_file")" = "$(printf '<script>alert(1)\nscripts: 1\nleague/<script>alert(1)/league.tsv')" ]
	# a report's category with a tag: the tools drop the tag from the
	# label, the page shows the source line as printed, as text
	mkdir -p "$tmp/r/reports"
	sed 's/^Robbery\t/Robbery <script>x<\/script> \& "q"\t/' samples/reports/dashboard-tab.txt >"$tmp/rep.txt"
	sh pipelines/report-indicators.sh -q -o "$tmp/r/reports/rep" "$tmp/rep.txt"
	sh pipelines/site.sh -q "$tmp/r"
	probe "$tmp/r/pages/report-1.html" 1280 'out.push(document.getElementById("L16").textContent.slice(0, 39));
out.push(document.querySelector("#indicators a[href=\"#L16\"]").closest("tr").children[4].textContent);
out.push("scripts: " + document.querySelectorAll("script").length);'
	[ "$(cat "$out_file")" = "$(printf '   16  Robbery <script>x</script> & "q"\nRobbery x & "q"\nscripts: 1')" ]
}

# bats test_tags=stress
@test "make run with one broken dataset: the others are built and listed, exit 1" {
	make_copy "$tmp/a"
	make -C "$tmp/a" -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
	printf 'not,an,mps\nfile,at,all\n' >"$tmp/a/samples/mps/broken_borough.csv"
	run_split make -C "$tmp/a" --no-print-directory run
	[ "$status" -ne 0 ]
	grep -q '^normalise-crime: samples/mps/broken_borough.csv:1: not an MPS crime file header' "$err_file"
	grep -q '^cspkit: some pipelines failed' "$err_file"
	grep -q '^  out/wards/ward_2022_wards/  *1 ' "$out_file"
	grep -q '^  out/league/broken_borough/  *0  *0  *0$' "$out_file"
	[ -f "$tmp/a/out/dashboard/borough_2019_vintage/dashboard.html" ]
}
