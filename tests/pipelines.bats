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
	for p in minutes report-indicators borough-league ward-profile dashboard batch; do
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
