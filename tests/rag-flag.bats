#!/usr/bin/env bats
# rag-flag: change mode, target mode, schemes, summary, colour, bad input.
# Every golden row was checked by hand against samples/rag/*.tsv; the
# figures that decide each flag are repeated in the comments.
load test_helper

# Relative paths, so that messages in the golden .err files do not depend
# on where the worktree is.
setup() { cd "$ROOT"; }
S=samples/rag

# ok_golden NAME ARG...: rag-flag ARG... exits 0, writes strict TSV, and
# its stdout and stderr match tests/golden/rag-flag/NAME.{out,err}.
ok_golden() {
	local name=$1
	shift
	run_split rag-flag "$@"
	[ "$status" -eq 0 ]
	golden "rag-flag/$name"
	assert_tsv
}

# --- change mode ---------------------------------------------------------

@test "all better: green, every indicator named" {
	# VWI: 12m -2.5% (lower is better) better; count 2016/17 2236 vs
	# 2015/16 2301 = -2.8% better; rank 2/32 for 12m to 2019-02 against
	# the rank of the period ending before it (4/32) better. 0 of 3 worse.
	ok_golden all-better "$S/all-better.tsv"
}

@test "all worse: red" {
	# Robbery +52%, +25%, +170 offences, rank 11/15 (base_period row 8/15):
	# 4 of 4 worse.
	ok_golden all-worse --summary "$S/all-worse.tsv"
}

@test "mixed: amber below the red share, red at it" {
	# Burglary: quarter -4% better; 12m count 3705 vs 3562 = +4.0% worse;
	# rank 23/32 vs 20/32 worse: 2 of 3 = 0.67 < 0.75, amber.
	# Knife crime with injury: +17%, rate 0.31 vs 0.27 = +14.8%, +6
	# offences worse; -8.3% better: 3 of 4 = 0.75, red.
	ok_golden mixed "$S/mixed.tsv"
	ok_golden mixed-summary --summary "$S/mixed.tsv"
}

@test "ranks against the previous rank; chains of base periods" {
	# Theft from the person, of 32: 2018/19 12 against 2017/18 9 (the
	# period ending last before it; 2016/17's 14 is history): worse.  The
	# two ranks of 15 have no periods: cannot be ordered, unknown.  1 of 1
	# worse: red.  Shoplifting: 2018/19 1650 <- 2017/18 1702 <- 2016/17
	# 1580; only the latest comparison counts: -3.1%, better, green.
	ok_golden ranks "$S/ranks.tsv"
	# The same flags whatever the order of the rows.
	{ head -1 "$S/ranks.tsv"; tail -n +2 "$S/ranks.tsv" | sort -r; } > "$BATS_TEST_TMPDIR/r.tsv"
	run_split rag-flag --summary "$BATS_TEST_TMPDIR/r.tsv"
	[ "$(cut -f2,3,5- "$out_file" | sort)" = "$(rag-flag --summary "$S/ranks.tsv" | cut -f2,3,5- | sort)" ]
}

@test "--red-share moves the red line" {
	# 2 of 3 = 0.67 >= 0.6: burglary turns red.
	ok_golden mixed-red-share --summary --red-share 0.6 "$S/mixed.tsv"
}

@test "same within the band" {
	# Without a band: +1.5%, rate 66.4 vs 65.9 (+0.8%), share 3.1 vs 3.0
	# (+0.1 points) worse, -0.8% better: 3 of 4, red.  With --band 2 every
	# change is within 2 (percent, or points for the share): all same, green.
	ok_golden band-none --summary "$S/band.tsv"
	ok_golden band-2 --summary --band 2 "$S/band.tsv"
}

@test "--band 0.8 keeps a change of exactly the band as same" {
	ok_golden band-0.8 --summary --band 0.8 "$S/band.tsv"
}

@test "unknown polarity and unknown bases: empty direction, named, warned" {
	# Crimestoppers reports have no polarity: both rows unknown, no flag.
	# Total crime: -3.2% better; lone rank, rate with no base, count whose
	# base period is absent, and 'n/a' are unknown and named: green on 1.
	ok_golden unknown "$S/unknown.tsv"
}

@test "--strict turns the polarity warnings into exit 1" {
	run_split rag-flag --strict --summary "$S/unknown.tsv"
	[ "$status" -eq 1 ]
	golden rag-flag/unknown-strict
}

@test "--higher-is-better KEY gives the missing polarity" {
	# 25 vs 21 (+19.0%) and +18% are better when higher: green.
	ok_golden unknown-higher --summary --higher-is-better crimestoppers_reports "$S/unknown.tsv"
}

@test "higher-is-better measures: confidence, SD rate, ETE; FTE lower" {
	# ASB: confidence 60 vs 67 (-7.0 points) worse; repeat calls -17% and
	# total 8299 vs 8406 (-1.3%) better: 1 of 3, amber.  DV: SD rate 17 vs
	# 25 (-8.0 points) worse and +2% worse: red.  Youth justice: ETE +3.1
	# points better, FTE 265 vs 301 (-12.0%) better: green.
	ok_golden higher --summary "$S/higher.tsv"
}

@test "--lower-is-better overrides the table" {
	# Confidence read as lower-is-better: -7 points is better: green.
	ok_golden higher-lower --summary --lower-is-better anti_social_behaviour -g offence "$S/higher.tsv"
}

@test "--polarity FILE replaces the built-in table" {
	printf 'kind\tkey\tpolarity\nmeasure\trank\tlower\noffence\tburglary\thigher\n' > "$BATS_TEST_TMPDIR/pol.tsv"
	# Only ranks (lower) and burglary (higher) have a polarity now:
	# -4% worse, +4.0% better, rank 23/32 (was 20) worse: 2 of 3, amber.
	# Knife crime: no rule at all, four unknowns, no flag.
	ok_golden polarity-file --summary --polarity "$BATS_TEST_TMPDIR/pol.tsv" "$S/mixed.tsv"
}

@test "-g area: one group, offences named in the reasons" {
	# Burglary count +4.0% and rank, knife +17%, rate +14.8% and +6
	# offences worse; -4% and -8.3% better: 5 of 7 = 0.71, amber.
	ok_golden group-area --summary -g area "$S/mixed.tsv"
	# The long names: --group-by, as rank-boroughs; --group, the old
	# spelling, read as short for it, with no warning.
	ok_golden group-area --summary --group-by area "$S/mixed.tsv"
	ok_golden group-area --summary --group area "$S/mixed.tsv"
}

@test "-g area with 16 offences: each list names five, then how many more" {
	# 12m to 2019-03 changes: +6.2 +11.4 +21.7 +14 +3.3 (named) and
	# drug trafficking +8.7, weapons +17.5, hate crime +2.4 worse;
	# -3.1 -9.8 -12.5 -26.9 -1.2 (named) and bicycle theft -18 better;
	# criminal damage 0 same; 'n/a' unknown.  8 of 15 = 0.53, amber.
	ok_golden many --summary -g area "$S/many.tsv"
	# Every row carries the same reason, the capped one.
	run_split rag-flag -g area "$S/many.tsv"
	[ "$status" -eq 0 ]
	[ "$(cut -f16 "$out_file" | sort -u | wc -l)" -eq 2 ]
	[ "$(grep -c ' and 3 more; better: .* and 1 more; same: ' "$out_file")" -eq 16 ]
}

@test "target mode: the not-met list is capped the same way" {
	# --target-value 0, lower is better: the 6 falls and the 0 are met,
	# the 8 rises not met (5 named, 3 more); 'n/a' is an unknown status.
	ok_golden many-target --summary -g area --target-value 0 "$S/many.tsv"
}

@test "a group that comes back is flagged again, with a warning" {
	ok_golden ungrouped --summary "$S/ungrouped.tsv"
}

@test "several files are one stream; a second pass overwrites in place" {
	run_split rag-flag "$S/mixed.tsv" "$S/all-worse.tsv"
	[ "$status" -eq 0 ]
	cp "$out_file" "$BATS_TEST_TMPDIR/once.tsv"
	[ "$(head -1 "$out_file" | tr '\t' '\n' | grep -c '^rag$')" -eq 1 ]
	run_split rag-flag "$BATS_TEST_TMPDIR/once.tsv"
	[ "$status" -eq 0 ]
	cmp "$out_file" "$BATS_TEST_TMPDIR/once.tsv"
}

# --- target mode ---------------------------------------------------------

@test "targets met, near and missed; status words" {
	# 118 vs 60 referrals (higher): met.  64 vs 72: 11.1% short > 10, red.
	# 63 vs 66 satisfaction: 4.5% short, amber.  23 vs 25 RJ offers: no
	# polarity.  4.5 vs 5 ASB per 1000 (lower): met.  41 vs 36 repeat
	# callers: 13.9% over, red.  Completed, On track green; Delayed amber;
	# 'Not yet due' not a status word; no target at all: empty.
	ok_golden targets --target target --status status "$S/targets.tsv"
}

@test "targets: --tolerance 15 makes the 11.1% and 13.9% misses amber" {
	run_split rag-flag --target target --status status --tolerance 15 "$S/targets.tsv"
	[ "$status" -eq 0 ]
	[ "$(cut -f17 "$out_file" | sort | uniq -c | tr -s ' ' | paste -sd'|')" = ' 3 | 4 amber| 4 green| 1 rag' ] ||
		{ cut -f17 "$out_file" | sort | uniq -c; false; }
}

@test "targets: --summary, the worst row decides" {
	ok_golden targets-summary --target target --status status --summary -g area "$S/targets.tsv"
}

@test "targets: --target-value N for every row" {
	# Target 50: 118 referrals met; 64 met; 63 met; 23 (no polarity);
	# 4.5 ASB per 1000 met (lower); 41 callers met; 7 reviews: no polarity.
	ok_golden target-value --target-value 50 --summary -g area "$S/targets.tsv"
}

@test "targets under the Barnet corporate scheme" {
	# 4.5% short: green amber (<= 5); 11.1% and 13.9%: red (> 10);
	# Delayed: red amber.
	ok_golden targets-barnet --target target --status status --scheme scheme-barnet-corporate "$S/targets.tsv"
}

@test "change mode under the Barnet corporate scheme, scheme given as a path" {
	# Burglary 2 of 3 worse (0.67 >= 0.5): red amber; knife 3 of 4: red.
	ok_golden mixed-barnet --summary --scheme "$ROOT/lib/data/scheme-barnet-corporate.tsv" "$S/mixed.tsv"
}

# --- colour --------------------------------------------------------------

@test "--color=always colours the flag only" {
	ok_golden color --summary --color=always "$S/mixed.tsv"
	grep -q $'\033\\[33mamber\033\\[0m' "$out_file"
}

@test "--color=auto and --color=never write plain TSV to a pipe or file" {
	run_split rag-flag --summary --color=auto "$S/mixed.tsv"
	! grep -q $'\033' "$out_file"
	run_split rag-flag --summary --color "$S/mixed.tsv"
	grep -q $'\033' "$out_file"
	run_split rag-flag --summary --color=always --color=never "$S/mixed.tsv"
	! grep -q $'\033' "$out_file"
}

@test "--color=auto colours on a terminal unless NO_COLOR is set" {
	command -v script > /dev/null || skip "no script(1) to make a terminal"
	script -qec "rag-flag --summary $S/mixed.tsv" /dev/null > "$BATS_TEST_TMPDIR/tty"
	grep -q $'\033\\[31mred' "$BATS_TEST_TMPDIR/tty"
	NO_COLOR=1 script -qec "rag-flag --summary $S/mixed.tsv" /dev/null > "$BATS_TEST_TMPDIR/tty"
	grep -q 'red' "$BATS_TEST_TMPDIR/tty"
	! grep -q $'\033' "$BATS_TEST_TMPDIR/tty"
}

# --- bad input -----------------------------------------------------------

@test "a missing column is a usage error before any data" {
	run_split rag-flag "$S/no-measure.tsv"
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	golden rag-flag/no-measure
	run_split rag-flag -g area,ward "$S/mixed.tsv"
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
	run_split rag-flag --target goal "$S/mixed.tsv"
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
}

@test "a ragged row is a data error naming file:line" {
	run_split rag-flag "$S/ragged.tsv"
	[ "$status" -eq 1 ]
	golden rag-flag/ragged
}

@test "bad option values are usage errors" {
	for args in "--band abc" "--band -1" "--red-share 0" "--red-share 1.5" \
		    "--tolerance x" "--color=sometimes" "--target-value 5x" \
		    "--target target --target-value 5" "--frobnicate"; do
		# shellcheck disable=SC2086
		run_split rag-flag $args "$S/mixed.tsv"
		[ "$status" -eq 2 ] || { echo "$args: $status"; false; }
		[ ! -s "$out_file" ]
		grep -q "^rag-flag: " "$err_file"
	done
	run_split rag-flag --band abc "$S/mixed.tsv"
	golden rag-flag/bad-band
}

@test "a bad polarity or scheme file is exit 1" {
	printf 'kind\tkey\tpolarity\noffence\tburglary\tup\n' > "$BATS_TEST_TMPDIR/pol.tsv"
	run_split rag-flag --polarity "$BATS_TEST_TMPDIR/pol.tsv" "$S/mixed.tsv"
	[ "$status" -eq 1 ]
	grep -q "polarity 'up' is not lower or higher" "$err_file"
	printf 'rag\tworse_share\ttarget_gap\ngreen\tzero\t<=0\n' > "$BATS_TEST_TMPDIR/sch.tsv"
	run_split rag-flag --scheme "$BATS_TEST_TMPDIR/sch.tsv" "$S/mixed.tsv"
	[ "$status" -eq 1 ]
	grep -q "condition 'zero' is not" "$err_file"
	run_split rag-flag --scheme no-such-scheme "$S/mixed.tsv"
	[ "$status" -eq 1 ]
}

@test "a full disk is exit 1" {
	run rag-flag "$S/mixed.tsv"
	[ "$status" -eq 0 ]
	run_split sh -c 'rag-flag "$1" > /dev/full' sh "$S/mixed.tsv"
	[ "$status" -eq 1 ]
	grep -q "write error" "$err_file"
}

@test "empty input: no output, exit 0; header only: header only" {
	run_split rag-flag /dev/null
	[ "$status" -eq 0 ]
	[ ! -s "$out_file" ]
	head -1 "$S/mixed.tsv" > "$BATS_TEST_TMPDIR/h.tsv"
	run_split rag-flag "$BATS_TEST_TMPDIR/h.tsv"
	[ "$status" -eq 0 ]
	[ "$(cat "$out_file")" = "$(head -1 "$S/mixed.tsv")"$'\tdirection\trag\trag_reason' ]
}

@test "--help and --version" {
	run rag-flag --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"Examples:"* ]]
	run rag-flag -V
	[ "$status" -eq 0 ]
	[[ "$output" == "rag-flag (cspkit) "* ]]
}

# --- the seeds -----------------------------------------------------------

# The performance dashboard in seed 002 (lines 694-724) prints, per crime
# type, its figures and the "positive / negative factors" its RAG rests on
# (the glossary: green all positive, amber mixed, red all or nearly all
# negative); the colours were images and are lost.  Worked by hand:
#
#   Burglary: quarter -4% (better), 12 months +4% (worse), ranks 15/15 and
#     23/33 with no earlier rank (unknown).  Factors: "increase in rolling
#     12 months" (-), "decrease in last quarter" (+): mixed.  1 of 2 worse
#     = 0.5: AMBER, as the factors say.
#   Robbery: quarter +52%, 12 months +25% (both worse), ranks 11/15 and
#     9/32 unknown.  Factors: two increases (-) and "9th lowest of all 32
#     boroughs" (+), so the paper would say amber.  rag-flag does not
#     judge a rank without an earlier rank (a position is not a change):
#     2 of 2 worse, RED.  The difference is the rank position only.
#   Violent crime (VWI): quarter +14% (worse), 12 months 0% (same), ranks
#     1/15 and 2/32 unknown.  Factors: ranks (+), "decrease in rolling 12
#     months" (+; the table prints 0%): green on the paper.  The quarter's
#     +14% is not among the factors, but it is in the table (and the
#     minutes, item 9: "Violent crime 20% red in 1/4"): 1 of 2 worse, AMBER.
#   Knife injury victims under 25: 51 vs 53, -4%: "decrease" (+): GREEN.
#   Gun discharges: 4 vs 3, +33%: "increase" (-): RED.
#   Domestic violence: SD rate 17% vs 25% (higher is better: worse),
#     volume +2% (worse); factor "decrease in SD rate" (-): RED (and red
#     from the volume alone, when the SD rate is not read).
#   ASB: confidence 60%, 7% down (higher is better: worse); repeat calls
#     -17% and total calls 8299 vs 8406 (better).  Factors: two reductions
#     (+), "decrease in confidence" (-): 1 of 3 worse, AMBER.
# Residential and business burglary print only monthly volumes and ranks:
# no change, so no flag.
@test "seed 002 dashboard: the flags its printed factors imply" {
	need_shared seeds
	[ -x "$CSPKIT_BIN/normalise-crime" ] || skip "normalise-crime not built"
	seed=$(ls "$SHARED"/seeds/002_*.txt)
	normalise-crime --format text "$seed" 2>/dev/null |
		awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "line") l = i; print; next }
			    $l >= 694 && $l < 725' > "$BATS_TEST_TMPDIR/dash.tsv" || true
	[ "$(wc -l < "$BATS_TEST_TMPDIR/dash.tsv")" -gt 1 ] || skip "normalise-crime gives no dashboard rows"
	rag-flag --summary "$BATS_TEST_TMPDIR/dash.tsv" > "$BATS_TEST_TMPDIR/flags.tsv" 2>/dev/null
	assert_tsv "$BATS_TEST_TMPDIR/flags.tsv"
	flag() { awk -F'\t' -v o="$1" '$2 == o { print $3 }' "$BATS_TEST_TMPDIR/flags.tsv" | sort -u | paste -sd' '; }
	cat "$BATS_TEST_TMPDIR/flags.tsv"
	[ "$(flag burglary)" = amber ]
	[ "$(flag robbery)" = red ]
	[ "$(flag violence_with_injury)" = amber ]
	[ "$(flag knife_crime_with_injury)" = green ]
	[ "$(flag gun_crime)" = red ]
	[ "$(flag domestic_abuse)" = red ]
	[ "$(flag burglary_residential)" = "" ]
	[ "$(flag burglary_business_community)" = "" ]
	# The ASB table (lines 720-724) is the hardest shape; when
	# normalise-crime reads it, its flag must be the factors' amber.
	if grep -q $'\tanti_social_behaviour\t' "$BATS_TEST_TMPDIR/dash.tsv"; then
		[ "$(flag anti_social_behaviour)" = amber ]
	fi
}
