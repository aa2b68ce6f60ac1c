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

# rank_all FILES...: "AREA RANK OF" per partnership and offence key, counted
# from the street files with gawk, independently of the tools: the 12 months
# to 2022-10, each record in the authority its LSOA name starts with
# ("Newport 014B"), among the partnerships listed in $tmp/set (name, mid-2020
# population from lib/data/areas.tsv); rank 1 = the lowest rate, ties share
# the lower rank.  Offences: total_crime (anti-social behaviour apart),
# burglary, anti_social_behaviour.
rank_all() {
	cat "$@" | tr -d '\r' | gawk -v FPAT='([^,]*)|("([^"]|"")*")' -v setf="$tmp/set" '
	BEGIN {
		while ((getline l < setf) > 0) { split(l, fld, "\t"); pop[fld[1]] = fld[2] }
	}
	FNR == 1 && /^Crime ID,/ { next }
	$2 >= "2021-11" && $2 <= "2022-10" {
		la = $9; sub(/ [0-9][0-9][0-9][A-Z]$/, "", la)
		if (!(la in pop)) next
		if ($10 == "Anti-social behaviour") n[la, "anti_social_behaviour"]++
		else n[la, "total_crime"]++
		if ($10 == "Burglary") n[la, "burglary"]++
	}
	END {
		split("total_crime burglary anti_social_behaviour", offs, " ")
		for (o in offs) for (a in pop) {
			r = 1; k = 0
			for (b in pop) {
				k++
				if (n[b, offs[o]] * 1000 / pop[b] < n[a, offs[o]] * 1000 / pop[a]) r++
			}
			print a, offs[o], r, k
		}
	}'
}

@test "dashboard over fewer than 3 police.uk months says how many it has, not that the area has no rows" {
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Newport samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "dashboard: samples/police-uk/2022-10-gwent-street.csv: 1 month(s) of data: a dashboard needs at least 3 (the latest quarter; 12 for the rolling year)" ]
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Newport samples/police-uk/2021-10-gwent-street.csv samples/police-uk/2022-10-gwent-street.csv
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "dashboard: 2 files: 2 month(s) of data: a dashboard needs at least 3 (the latest quarter; 12 for the rolling year)" ]
	[ ! -e "$tmp/d" ]
}

# bats test_tags=stress
@test "dashboard over Gwent and North Wales files: rank among the force's and among all the partnerships in the files" {
	need_shared data/police-uk
	# North Wales's 5 months (2020-07 to 2020-11) given again as the 24
	# Gwent has, the Month column rewritten: both forces then give every
	# month of the 12 ranked, and the partnerships of both are ranked.
	mkdir "$tmp/nw"
	i=0
	for m in 2020-11 2020-12 2021-01 2021-02 2021-03 2021-04 2021-05 2021-06 2021-07 \
		2021-08 2021-09 2021-10 2021-11 2021-12 2022-01 2022-02 2022-03 2022-04 \
		2022-05 2022-06 2022-07 2022-08 2022-09 2022-10; do
		src=$(ls "$G"/*-north-wales-street.csv | sed -n "$((i % 5 + 1))p")
		sed "s/^\([^,]*\),2020-[01][0-9],/\1,$m,/" "$src" >"$tmp/nw/$m-north-wales-street.csv"
		i=$((i + 1))
	done
	run_split sh pipelines/dashboard.sh -q -o "$tmp/d" --area Newport "$G"/*-gwent-street.csv "$tmp"/nw/*.csv
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	d=$tmp/d/dashboard.tsv
	assert_tsv "$d"
	[ "$(head -1 "$d" | cut -f16-21)" = "$(printf 'force_rank\tforce_of\tfiles_rank\tfiles_of\tgroup_rank\tgroup_of')" ]
	# The 11 partnerships of the two forces, with their mid-2020 residents.
	awk -F'\t' '$3 == "csp" && ($4 == "W15000001" || $4 == "W15000002") { print $2 "\t" $6 }' lib/data/areas.tsv >"$tmp/set"
	[ "$(wc -l <"$tmp/set")" -eq 11 ]
	rank_all "$G"/*-gwent-street.csv "$tmp"/nw/*.csv >"$tmp/all"
	awk -F'\t' '$1 ~ /^(Blaenau Gwent|Caerphilly|Monmouthshire|Newport|Torfaen)$/' "$tmp/set" >"$tmp/set5"
	mv "$tmp/set5" "$tmp/set"
	rank_all "$G"/*-gwent-street.csv >"$tmp/force"
	for o in total_crime burglary anti_social_behaviour; do
		[ "$(cell "$d" offence "$o" files_rank) of $(cell "$d" offence "$o" files_of)" = \
		  "$(awk -v o="$o" '$1 == "Newport" && $2 == o { print $3 " of " $4 }' "$tmp/all")" ]
		[ "$(cell "$d" offence "$o" force_rank) of $(cell "$d" offence "$o" force_of)" = \
		  "$(awk -v o="$o" '$1 == "Newport" && $2 == o { print $3 " of " $4 }' "$tmp/force")" ]
	done
	[ "$(cell "$d" offence total_crime files_of)" = 11 ]
	# The page: both ranks, each "of N", and the set in words.
	h=$tmp/d/dashboard.html
	grep -q '<th scope="col">Force rank</th><th scope="col">Gwent, North Wales rank</th>' "$h"
	grep -q "ranked among Gwent's partnerships and among the 11 partnerships of Gwent and North Wales," "$h"
	r=$(cell "$d" offence total_crime files_rank)
	grep -q "<tr data-offence=\"total_crime\">.*<td data-label=\"Force rank\" class=\"num\">5 of 5</td><td data-label=\"Gwent, North Wales rank\" class=\"num\">$r of 11</td>" "$h"
	# The data line names what was read, not one file of them.
	grep -q '<dt>Data</dt><dd>data.police.uk street-level crime, by partnership, 48 street files: November 2020 to October 2022,' "$h"
	grep -q '<footer><p>Built by cspkit from 48 street files\.' "$h"
}

# bats test_tags=stress
@test "dashboard over Gwent's 24 months and North Wales's 5: a force whose files miss months of the 12 is not ranked among all" {
	need_shared data/police-uk
	run_split sh pipelines/dashboard.sh -o "$tmp/d" --area Newport "$G"/*-gwent-street.csv "$G"/*-north-wales-street.csv
	[ "$status" -eq 0 ]
	[ "$(cat "$tmp/d/warnings.txt")" = "dashboard: North Wales: its files give 0 of the 12 months to 2022-10: its partnerships are not ranked among all the partnerships in the files" ]
	d=$tmp/d/dashboard.tsv
	[ "$(cell "$d" offence total_crime files_rank)/$(cell "$d" offence total_crime files_of)" = 5/5 ]
	[ "$(cell "$d" offence total_crime force_rank)/$(cell "$d" offence total_crime force_of)" = 5/5 ]
	grep -q '<dt>Data</dt><dd>data.police.uk street-level crime, by partnership, 29 street files: ' "$tmp/d/dashboard.html"
}

# make dashboard DATA=... AREA=...: one area's dashboard, in a directory
# that names the area, from an MPS borough file or police.uk street files.
make_dashboard_copy() {
	mkdir -p "$1/lib" "$1/tests"
	cp -R Makefile pipelines samples "$1/"
	cp -R lib/data "$1/lib/"
	cp tests/deps.sh "$1/tests/"
	make -C "$1" -s deps-run >/dev/null 2>&1 || skip "cannot install the make run packages here"
}

# bats test_tags=stress
@test "make dashboard DATA=MPS file AREA=...: the borough's dashboard under out/areas/<area>/" {
	make_dashboard_copy "$tmp/a"
	mps=$ROOT/samples/mps/mps_borough_crime_24m_2024-01_to_2025-12.csv
	run_split make -C "$tmp/a" --no-print-directory -s dashboard DATA="$mps" AREA=Camden
	[ "$status" -eq 0 ]
	[ "$(cat "$err_file")" = "dashboard: out/areas/camden/dashboard: trend.tsv (264 rows), compare.tsv (352 rows), dashboard.html, dashboard.tsv (11 rows)" ]
	sh pipelines/dashboard.sh -q --area Camden -o "$tmp/direct" "$mps"
	diff "$tmp/direct/dashboard.tsv" "$tmp/a/out/areas/camden/dashboard/dashboard.tsv"
	# Another area: its own directory; Camden's is left as it was.
	make -C "$tmp/a" -s dashboard DATA="$mps" AREA='Kensington and Chelsea' 2>/dev/null
	[ "$(cell "$tmp/a/out/areas/kensington-and-chelsea/dashboard/dashboard.tsv" offence total_crime area)" = "Kensington and Chelsea" ]
	[ "$(cell "$tmp/a/out/areas/camden/dashboard/dashboard.tsv" offence total_crime area)" = Camden ]
	# No DATA: a usage error, nothing written.
	run_split make -C "$tmp/a" --no-print-directory -s dashboard AREA=Camden
	[ "$status" -eq 2 ]
	[ "$(head -n 1 "$err_file")" = "datasets: make dashboard: DATA= an MPS borough file, police.uk street files (a directory or a quoted pattern)" ]
	run_split make -C "$tmp/a" --no-print-directory -s dashboard DATA="$tmp/none" AREA=Camden
	[ "$status" -eq 2 ]
	[ "$(head -n 1 "$err_file")" = "datasets: DATA='$tmp/none': no such file, directory or files" ]
}

# bats test_tags=stress
@test "make dashboard DATA=police.uk files AREA=...: the partnership's, from a directory or a quoted pattern" {
	need_shared data/police-uk
	make_dashboard_copy "$tmp/a"
	run_split make -C "$tmp/a" --no-print-directory -s dashboard DATA="$G/*-gwent-street.csv" AREA=Newport
	[ "$status" -eq 0 ]
	[ "$(cat "$err_file")" = "dashboard: out/areas/newport/dashboard: trend.tsv (360 rows), compare.tsv (75 rows), dashboard.html, dashboard.tsv (15 rows)" ]
	sh pipelines/dashboard.sh -q --area Newport -o "$tmp/direct" "$G"/*-gwent-street.csv
	diff "$tmp/direct/dashboard.tsv" "$tmp/a/out/areas/newport/dashboard/dashboard.tsv"
	# The directory: every street file in it (Gwent's and North Wales's).
	run_split make -C "$tmp/a" --no-print-directory -s dashboard DATA="$G" AREA='Blaenau Gwent'
	[ "$status" -eq 0 ]
	d=$tmp/a/out/areas/blaenau-gwent/dashboard
	[ "$(cell "$d/dashboard.tsv" offence total_crime area_code)" = W14000019 ]
	[ "$(cell "$d/dashboard.tsv" offence total_crime files_of)" = 5 ]
	[ "$(cat "$d/warnings.txt")" = "dashboard: North Wales: its files give 0 of the 12 months to 2022-10: its partnerships are not ranked among all the partnerships in the files" ]
	grep -q ', 29 street files: ' "$d/dashboard.html"
}

# bats test_tags=stress
@test "the police.uk dashboard's awk is portable: mawk writes what gawk writes" {
	need_shared data/police-uk
	command -v mawk >/dev/null && command -v gawk >/dev/null || skip "needs both mawk and gawk"
	for a in mawk gawk; do
		mkdir -p "$tmp/$a"
		ln -s "$(command -v $a)" "$tmp/$a/awk"
		PATH=$tmp/$a:$PATH SOURCE_DATE_EPOCH=0 sh pipelines/dashboard.sh -q -o "$tmp/$a.out" \
			--area Torfaen "$G"/*-gwent-street.csv "$G"/*-north-wales-street.csv
	done
	diff -r "$tmp/mawk.out" "$tmp/gawk.out"
	[ "$(cut -f18,19 "$tmp/gawk.out/dashboard.tsv" | sed -n 2p)" = "$(printf '3\t5')" ]
}
