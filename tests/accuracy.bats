#!/usr/bin/env bats
# make accuracy's runner and scorers (tests/accuracy/run.sh, *.awk) on fact
# files and tool outputs of our own in tests/accuracy/fixtures/: stub tools
# print the fixture "document" as their output, so the tables below follow
# from the fixtures alone, under mawk and gawk alike.
load test_helper

setup() {
	stub=$BATS_TEST_TMPDIR/bin
	mkdir -p "$stub"
	printf '#!/bin/sh\ncat "$1"\n' > "$stub/extract-minutes"
	# normalise-crime --format text FILE: a .tsv fixture, or no rows
	printf '#!/bin/sh\nshift 2\ncase $1 in\n*.tsv) cat "$1" ;;\n*) printf "source\\tline\\tperiod\\toffence\\toffence_label\\tmeasure\\tvalue\\n" ;;\nesac\n' > "$stub/normalise-crime"
	chmod +x "$stub"/*
	export CSPKIT_BIN=$stub
	export CSPKIT_SHARED=$ROOT/tests/accuracy/fixtures/shared
	export ACC_FACTS=tests/accuracy/fixtures
	unset ACC_ONLY ACC_VERBOSE
}

# accuracy AWK: run.sh under that awk, stdout and stderr apart.
accuracy() {
	command -v "$1" >/dev/null || skip "$1 not installed"
	AWK=$1 run_split sh "$ROOT/tests/accuracy/run.sh"
}

# The tables: board is matched, missed and over-read in every facet; cover
# holds no minutes, so its rows are false positives; report has a period
# disagreement, a nearer duplicate, an unmapped label sharing no word;
# sample is read from samples/, where the stub finds no rows.
tables() {
	cat <<'TAB'
extract-minutes: 2 documents
facet            gold   tool  matched  precision  recall     F1
meeting_date        1      3        1      0.333   1.000  0.500
item                3      4        2      0.500   0.667  0.571
present             2      2        2      1.000   1.000  1.000
in_attendance       1      1        1      1.000   1.000  1.000
apology             2      1        1      1.000   0.500  0.667
resolution          1      1        1      1.000   1.000  1.000
decision            1      1        1      1.000   1.000  1.000
action              2      2        2      1.000   1.000  1.000
action_owner        3      3        2      0.667   0.667  0.667
next_meeting        1      1        1      1.000   1.000  1.000
closed              1      1        0      0.000   0.000  0.000
all                18     20       14      0.700   0.778  0.737

normalise-crime --format text: 2 documents
document   gold   tool  matched  precision  recall period
report        5      6        4      0.667   0.800    2/3
sample        1      0        0          -   0.000      -
total         6      6        4      0.667   0.667    2/3
TAB
}

@test "accuracy: the minutes and figures tables (mawk)" {
	accuracy mawk
	[ "$status" -eq 0 ]
	diff -u <(tables) "$out_file"
	[ ! -s "$err_file" ]
}

@test "accuracy: the minutes and figures tables (gawk)" {
	accuracy gawk
	[ "$status" -eq 0 ]
	diff -u <(tables) "$out_file"
	[ ! -s "$err_file" ]
}

@test "accuracy V=1: each miss and false positive, names folded past honorifics" {
	# "Jane O’Neill" finds "Cllr Jane O'Neill", "R Patel" finds "Ravi
	# Patel", "Tom Okafor" finds "T. Okafor", "Amy Lee" finds "Dr Amy Lee";
	# the weapon sweeps action is matched but its owners differ.
	ACC_VERBOSE=1 accuracy mawk
	[ "$status" -eq 0 ]
	diff -u - <(sed -n '/^extract-minutes:/q;p' "$out_file") <<'OUT'
board apology FN Sam Green (2021-05-12, facts line 10)
board item FN 6 Any other business (2021-05-12, facts line 13)
board closed FN 20:00 (2021-05-12, facts line 19)
board closed FP 20:05 (2021-05-12, line 23)
board meeting_date FP 2021-06-01 (2021-06-01, line 30)
board item FP 1 Welcome (2021-06-01, line 31)
board action_owner FN Sue Marsh (report back on weapon sweeps) (2021-05-12, facts line 16)
board action_owner FP Jane O'Neill (report back on weapon sweeps) (2021-05-12, line 19)
cover meeting_date FP 2021-05-12 (2021-05-12, line 40)
cover item FP 1 Apologies (2021-05-12, line 41)

OUT
	diff -u - <(sed -n '/^report /p' "$out_file") <<'OUT'
report period FN 2022/23 (tool: 2021/22; line 31: unmapped count 44 "Moped-enabled theft" 2022/23)
report figure FN line 40: knife_crime count 101 "Knife crime" 2022/23 (facts line 9)
report figure FP line 55: robbery count 310 "Robbery" 2022/23
report figure FP line 33: unmapped count 44 "Catalytic converters" 2022/23
report        5      6        4      0.667   0.800    2/3
OUT
}

@test "accuracy ACC_ONLY: only the documents whose name matches" {
	ACC_ONLY='c*' accuracy mawk
	[ "$status" -eq 0 ]
	diff -u - "$out_file" <<'OUT'
extract-minutes: 1 document
facet            gold   tool  matched  precision  recall     F1
meeting_date        0      1        0      0.000       -  0.000
item                0      1        0      0.000       -  0.000
present             0      0        0          -       -      -
in_attendance       0      0        0          -       -      -
apology             0      0        0          -       -      -
resolution          0      0        0          -       -      -
decision            0      0        0          -       -      -
action              0      0        0          -       -      -
action_owner        0      0        0          -       -      -
next_meeting        0      0        0          -       -      -
closed              0      0        0          -       -      -
all                 0      2        0      0.000       -  0.000
OUT
}

@test "accuracy: a malformed fact file is exit 1 naming file:line" {
	ACC_FACTS=tests/accuracy/fixtures/bad accuracy mawk
	[ "$status" -eq 1 ]
	[ ! -s "$out_file" ]
	[ "$(cat "$err_file")" = 'accuracy: tests/accuracy/fixtures/bad/minutes/bad.facts:4: unknown facet "attendee"' ]
}

@test "accuracy: ../shared absent is said, and exit 0" {
	CSPKIT_SHARED=$BATS_TEST_TMPDIR/none ACC_ONLY='[bcr]*' accuracy mawk
	[ "$status" -eq 0 ]
	[ "$(cat "$out_file")" = "accuracy: $BATS_TEST_TMPDIR/none not present (set CSPKIT_SHARED): 3 document(s) not scored" ]
	[ ! -s "$err_file" ]
}

@test "accuracy: every fact file of tests/accuracy is well formed" {
	# scored against no rows, so this needs neither ../shared nor the tools
	set -- "$ROOT"/tests/accuracy/minutes/*.facts
	[ -f "$1" ] || skip "no minutes fact files yet"
	args=()
	for f in "$@"; do args+=("$f" /dev/null); done
	LC_ALL=C run awk -v words="$ROOT/lib/data/minutes-words.tsv" \
	    -f "$ROOT/tests/accuracy/score-common.awk" -f "$ROOT/tests/accuracy/score-minutes.awk" "${args[@]}"
	[ "$status" -eq 0 ]
	set -- "$ROOT"/tests/accuracy/figures/*.figures
	[ -f "$1" ] || return 0
	args=()
	for f in "$@"; do args+=("$f" /dev/null); done
	LC_ALL=C run awk -f "$ROOT/tests/accuracy/score-common.awk" -f "$ROOT/tests/accuracy/score-figures.awk" "${args[@]}"
	[ "$status" -eq 0 ]
}
