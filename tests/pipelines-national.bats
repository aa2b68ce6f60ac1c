# The dashboard of a partnership outside London, from its force's
# data.police.uk street files (issue 22).
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
	G="$SHARED/data/police-uk"
}

# cell FILE KEYCOL KEY COL: the COL field of the row whose KEYCOL is KEY.
cell() {
	awk -F'\t' -v k="$2" -v v="$3" -v c="$4" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$col[k] == v { print $col[c] }' "$1"
}

# bats test_tags=stress
@test "dashboard --area Newport over 24 Gwent months: table, trend and page" {
	need_shared data/police-uk
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Newport "$G"/*-gwent-street.csv
	[ "$status" -eq 0 ]
	[ "$(cat "$err_file")" = "dashboard: $tmp/d: trend.tsv (360 rows), compare.tsv (75 rows), dashboard.html, dashboard.tsv (15 rows)" ]
	d=$tmp/d/dashboard.tsv
	assert_tsv "$d"
	assert_tsv "$tmp/d/trend.tsv"
	# police.uk's 14 crime types and total crime, one row each.
	[ "$(cut -f4 "$d" | tail -n +2 | sort | tr '\n' ' ')" = "$(awk -F'\t' '!/^#/ && NR > 1 && $1 != "offence" { print $1 }' lib/data/dashboard-offences-police-uk.tsv | sort | tr '\n' ' ')" ]
	# The figures, counted from the files with gawk: 12 months to 2022-10
	# and the 3 months to 2022-10, against a year earlier.
	count() {
		cat "$@" | tr -d '\r' | gawk -v FPAT='([^,]*)|("([^"]|"")*")' '$9 ~ /^Newport / && $10 != "Anti-social behaviour"' | wc -l
	}
	[ "$(cell "$d" offence total_crime rolling12_count)" = "$(count "$G"/2021-1[12]-gwent-street.csv "$G"/2022-*-gwent-street.csv)" ]
	[ "$(cell "$d" offence total_crime rolling12_base_count)" = "$(count "$G"/2020-1[12]-gwent-street.csv "$G"/2021-0*-gwent-street.csv "$G"/2021-10-gwent-street.csv)" ]
	[ "$(cell "$d" offence total_crime quarter_count)" = "$(count "$G"/2022-0[89]-gwent-street.csv "$G"/2022-10-gwent-street.csv)" ]
	[ "$(cell "$d" offence total_crime rolling12_count)" = 16169 ]
	# Rate on mid-2020 (156,447) and rank among Gwent's five partnerships.
	[ "$(cell "$d" offence total_crime rate_per_1000)" = 103.35 ]
	[ "$(cell "$d" offence total_crime force_rank)/$(cell "$d" offence total_crime force_of)" = 5/5 ]
	[ "$(cell "$d" offence total_crime rag)" = red ]
	[ "$(cell "$d" offence anti_social_behaviour rolling12_count)" = 3536 ]
	# The page: one row per dashboard row, each with a flag; nothing fetched.
	h=$tmp/d/dashboard.html
	[ "$(grep -c '<tr data-offence=' "$h")" -eq 15 ]
	! grep -q 'src=\|href=\|<script' "$h"
	grep -q "among Gwent's partnerships" "$h"
	grep -q '<th scope="col">Force rank</th>' "$h"
	# Each comparison chart: Gwent's five partnerships, lowest first (15 charts).
	[ "$(grep -o '<title>[^<]*</title></rect>' "$h" | sed 's/:.*//; s/<title>//' | head -5 | tr '\n' ,)" = \
	  "Monmouthshire,Caerphilly,Torfaen,Blaenau Gwent,Newport," ]
	[ "$(grep -o '<title>[^<]*</title></rect>' "$h" | wc -l)" -eq 75 ]
	grep -q 'against <span class="dashed">the Gwent average</span>' "$h"
	# Trend: 24 months of each of the 15 lines; the Gwent average is the
	# five partnerships' crimes over their 598,194 residents (mid-2020).
	[ "$(cell "$tmp/d/trend.tsv" offence total_crime count | wc -l)" -eq 24 ]
	n=$(tr -d '\r' <"$G"/2020-11-gwent-street.csv | gawk -v FPAT='([^,]*)|("([^"]|"")*")' \
		'$9 ~ /^(Blaenau Gwent|Caerphilly|Monmouthshire|Newport|Torfaen) / && $10 != "Anti-social behaviour"' | wc -l)
	[ "$(awk -F'\t' '$2 == "total_crime" && $4 == "2020-11" { print $7 }' "$tmp/d/trend.tsv")" = \
	  "$(awk -v n="$n" 'BEGIN { printf "%.3f", n * 1000 / 598194 }')" ]
}

@test "dashboard over police.uk files needs --area; an area not in them is an error" {
	need_shared data/police-uk
	run_split sh pipelines/dashboard.sh -o "$tmp/d" "$G"/2022-10-gwent-street.csv
	[ "$status" -eq 2 ]
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Barnet "$G"/2022-1?-gwent-street.csv
	[ "$status" -eq 1 ]
	# normalise-crime names the step's problem first; the pipeline says which step.
	[ "$(head -c 48 "$err_file")" = "normalise-crime: --area Barnet: the input has no" ]
	[ "$(tail -n 1 "$err_file")" = "dashboard: normalise-crime failed (exit 1)" ]
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Newprt "$G"/2022-1?-gwent-street.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "$(printf '%s\n%s' \
		"normalise-crime: --area Newprt: no area of that name in the input; nearest: Newport" \
		"dashboard: normalise-crime failed (exit 1)")" ]
	[ ! -e "$tmp/d/dashboard.tsv" ]
}
