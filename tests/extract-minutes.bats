#!/usr/bin/env bats
# extract-minutes: the four sample layouts (golden stdout, stderr and
# status), the command line, bad bytes, and the three seed minutes (rows
# checked against the text by reading it).
load test_helper

# Relative paths, so the source column and messages do not depend on where
# the worktree is.
setup() { cd "$ROOT/samples/minutes"; }

# Field k of the rows of one record kind: rows RECORD k[,k...]
rows() {
	awk -F'\t' -v r="$1" -v k="$2" 'BEGIN{n=split(k,c,",")}
		$5==r {s=$c[1]; for(i=2;i<=n;i++) s=s "|" $c[i]; print s}' "$out_file"
}

# sample_golden NAME: NAME.txt gives the golden rows and messages, exit 0.
sample_golden() {
	run_split extract-minutes "$1.txt"
	[ "$status" -eq 0 ]
	golden "extract-minutes/$1"
	assert_tsv
}

# --- the sample layouts -------------------------------------------------

@test "pdftotext layout: wrapped titles, one-space attendance, [ACTION] owners" {
	# Cllr Osei is printed in full only in the text (Councillor Kwame Osei);
	# Hannah Whitfield is listed twice; "She agreed" refers to Sunita Rao,
	# the one person named in the sentence before; "Officers to circulate"
	# is the officers' task, owner as printed.
	sample_golden pdftotext-layout
}

@test "a decision's sentence continued in the next paragraph: the rest read up to its own end (the fuzzer's crash)" {
	# "(in writing) to the police ... ." ends the decision held open from
	# the paragraph before; the sentence after it was read with the whole
	# paragraph's length from a later start, past the end of the text
	# (fuzz_minutes: a crash in PCRE2's JIT code; this file segfaulted).
	sample_golden decision-continued
	[ "$(rows decision 10)" = "It was agreed that the Clerk would write (in writing) to the police about the lighting." ]
}

@test "markdown-ish tab tables: inline and standalone Action lines" {
	sample_golden markdown-tabs
}

@test "2024 layout: no heading, dashes, None., numbered list, next meeting with no date" {
	sample_golden layout-2024
}

@test "agenda pack: cover and reports skipped, broken two-column table paired" {
	sample_golden agenda-pack
}

@test "other bodies: heading with the body and venue, inline lists, ACTION lines" {
	# "Minutes of the previous meeting held on ..." inside item 1 is a
	# decision, not the start of another set
	sample_golden liaison-group
}

@test "parish council: one-line Present with plural titles, the clerk and the public; clerk's notes; owners in a right-hand column" {
	# Cllrs Birch, Cole & Dunn take the title; County Cllr Eve and the
	# Clerk attend; of the public only PCSO Gill (an office) attends;
	# "She will circulate" is the PCSO named in the sentence before;
	# "Noted" in the column is a decision, "June" a date, no owner
	sample_golden parish-council
}

@test "policing committee: roles before bracketed names, Proposed/Seconded/And Resolved, the Meetings Administrator resolved" {
	# "Director, Roads and Transport (Mr. K. Nolan)": the role runs to
	# the name; the proposal lines belong to the resolution; "He would
	# arrange" is Sergeant Walsh, named alone in the sentence before
	sample_golden policing-committee
}

@test "board: Present/Also present table, Action/Due, pronouns by sex, never the absent namesake" {
	# "She would circulate" after "Professor Marsh said": Lena Marsh,
	# not Mr Colin Marsh, who sent apologies
	sample_golden board-actions
}

@test "an attendance list of more than 60 people is a warning, not 70 rows" {
	# a list the reader does not understand must not swallow the
	# document as people
	{
		printf 'Minutes of the Board meeting held on 3 May 2024\n\nPresent: '
		for i in $(seq 1 70); do printf 'Ann Name%s, ' "$(printf '%s' "$i" | tr 0-9 a-j)"; done
		printf 'Tom Last\n\n1. WELCOME\n\nThe Board noted the report.\n'
	} >"$BATS_TEST_TMPDIR/m.txt"
	run_split extract-minutes "$BATS_TEST_TMPDIR/m.txt"
	[ "$status" -eq 0 ]
	[ -z "$(rows present 7)" ]
	grep -q 'm.txt:3: attendance list of 71 entries is not a list of people; skipped' "$err_file"
	[ "$(rows decision 10)" = "The Board noted the report." ]
}

@test "panel: two columns flattened into alternate lines, the left running out first" {
	sample_golden panel-columns
}

@test "markdown headings: mixed-case items, RESOLVED over a numbered list, initials" {
	# "It was agreed that the Chair would write ..." is both a decision
	# and an action for the Chair (A Bell)
	sample_golden markdown-headings
}

@test "MINUTES heading with the body below and a Date: line; Action: X to do Y" {
	# the community safety plan after "The meeting ended" gives no rows
	sample_golden minutes-heading
}

# --- layouts from outside Barnet (issue 15): our own minutes in the
# shapes of real councils' files -----------------------------------------

@test "HTML fragment: <h1> heading, <ol start=N> running minute numbers, entities, the public in attendance" {
	# items 1411-1412 take their numbers from the <ol>, 1413 prints its
	# own inside the <li>; "Members of the public - PCSO X" are in
	# attendance, not members
	sample_golden html-running-numbers
}

@test "one-line HTML: <br /> line breaks, '1503Apologies' with no full stop, a next meeting with no year" {
	sample_golden html-one-line
}

@test "HTML minute-matters list: <h4> titles numbered by the <ol>, a nested list and <del> are text" {
	sample_golden html-minute-matters
}

@test "PDF to Markdown: front matter, hidden spans, a heading one word per line, numbers alone, page markers" {
	# the heading runs over 14 lines to ON TUESDAY, 22ND NOVEMBER, 2022;
	# "1." sits alone above its title; "---" and the page number go
	sample_golden pdf-markdown-jpc
}

@test "pandoc: a heading with no year, escaped numbers, lettered sub-items, a list after AGREED to:" {
	# the year comes from the nearest date the minutes print, and the
	# next meeting's from the meeting's; i) ii) are the list, not items
	sample_golden pandoc-no-year
}

@test "HTML attendance table (Present | Also present) and bold headings without numbers" {
	# the heading has no year: 14 March 2012 is mentioned later
	sample_golden html-table-board
}

@test "two column headings flattened into interleaved lines" {
	sample_golden interleaved-columns
}

@test "no heading at all: the date from the file name, a tab after each running number" {
	sample_golden parish-2024-05-20
}

@test "run-on paragraphs: an item number mid-paragraph, DRAFT second heading, weekday that disagrees, briefly closed" {
	sample_golden run-on-parish
}

@test "OCR: scanned-page notes, 'item 1' with its title below, APOLOGIES; and Councillor: labels" {
	sample_golden ocr-scanned
}

@test "bold 'Item N:' headings, a welcome heading without a number, a bold next-meeting date" {
	sample_golden item-colon-spc
}

@test "'Notes of' a meeting with 'Minute 2/2023' numbers" {
	sample_golden minute-numbers
}

@test "Markdown list renumbering: items all printed '1.' are 1, 2, 3; a list of points is not" {
	sample_golden markdown-renumbered
}

@test "a next meeting on the heading's own date: the heading is kept, with a warning" {
	sample_golden next-meeting-same-day
}

@test "minutes the tool cannot read say why: no date, no items" {
	sample_golden unreadable
}

@test "a next meeting on 30 February is a warning, not a row" {
	sample_golden next-meeting-bad-date
}

@test "2024 layout: items are the headings only, not the numbered list" {
	run_split extract-minutes layout-2024.txt
	run rows item 6,10
	assert_output "1|WELCOME AND INTRODUCTIONS
2|APOLOGIES FOR ABSENCE
3|MINUTES OF PREVIOUS MEETING
4|QUARTERLY PERFORMANCE UPDATE
5|SERIOUS VIOLENCE DUTY - STRATEGY
6|ANTI-SOCIAL BEHAVIOUR IN SOCIAL HOUSING
7|DATE OF NEXT MEETING"
}

@test "--strict: the missing next-meeting date makes exit 1, rows still written" {
	run_split extract-minutes --strict layout-2024.txt
	[ "$status" -eq 1 ]
	grep -q 'layout-2024.txt:59: no date given for the next meeting' "$err_file"
	[ "$(rows item 6 | wc -l)" -eq 7 ]
}

# --- command line -------------------------------------------------------

@test "no minutes: header only, a warning, exit 0" {
	printf 'Summary\n\nThis report sets out knife crime trends.\n\n1. That the Board note the report.\n' >"$BATS_TEST_TMPDIR/report.txt"
	run_split extract-minutes "$BATS_TEST_TMPDIR/report.txt"
	[ "$status" -eq 0 ]
	[ "$(cat "$out_file")" = "$(printf 'source\tline\tmeeting_date\tbody\trecord\titem\twho\trole\torganisation\ttext')" ]
	[ "$(cat "$err_file")" = "extract-minutes: $BATS_TEST_TMPDIR/report.txt: no minutes found
extract-minutes: 1 warning" ]
}

@test "empty input: header only and a warning" {
	run_split extract-minutes </dev/null
	[ "$status" -eq 0 ]
	[ "$(wc -l <"$out_file")" -eq 1 ]
	grep -q '^extract-minutes: -: no minutes found$' "$err_file"
}

@test "stdin and '-' read the same, source is -" {
	run_split extract-minutes <markdown-tabs.txt
	[ "$status" -eq 0 ]
	cp "$out_file" "$BATS_TEST_TMPDIR/stdin.tsv"
	run_split extract-minutes - <markdown-tabs.txt
	cmp "$out_file" "$BATS_TEST_TMPDIR/stdin.tsv"
	[ "$(cut -f1 "$out_file" | sort -u | grep -vc source)" -eq 1 ]
	[ "$(sed -n 2p "$out_file" | cut -f1-5)" = "$(printf -- '-\t3\t2019-03-07\tSafer Neighbourhoods and Community Safety Board\tmeeting')" ]
}

@test "--source names the source" {
	run_split extract-minutes --source pack.pdf <markdown-tabs.txt
	[ "$status" -eq 0 ]
	[ "$(cut -f1 "$out_file" | sed 1d | sort -u)" = "pack.pdf" ]
}

@test "several files: one header, each file's meetings with its own source" {
	run_split extract-minutes pdftotext-layout.txt markdown-tabs.txt layout-2024.txt
	[ "$status" -eq 0 ]
	[ "$(grep -c '^source' "$out_file")" -eq 1 ]
	run rows meeting 1,3
	assert_output "pdftotext-layout.txt|2017-10-17
markdown-tabs.txt|2019-03-07
layout-2024.txt|2024-03-12"
	assert_tsv
}

@test "one file with two sets of minutes: both found, each with its own date" {
	cat pdftotext-layout.txt markdown-tabs.txt >"$BATS_TEST_TMPDIR/pack.txt"
	run_split extract-minutes "$BATS_TEST_TMPDIR/pack.txt"
	[ "$status" -eq 0 ]
	run rows meeting 2,3
	assert_output "3|2017-10-17
104|2019-03-07"
	run rows closed 2,3,10
	assert_output "101|2017-10-17|11:12
173|2019-03-07|12:05"
	# rows of the second set carry its date
	[ "$(awk -F'\t' 'NR>1 && $2+0>=104 {print $3}' "$out_file" | sort -u)" = "2019-03-07" ]
}

@test "a line under a heading that is not a name is kept as printed, with a warning" {
	printf 'Minutes of meeting held on 3 May 2024\n\nPresent:\nCllr Jo Bell (Chair)\n4 residents\n\n1. APOLOGIES\n\nNone.\n' >"$BATS_TEST_TMPDIR/m.txt"
	run_split extract-minutes --strict "$BATS_TEST_TMPDIR/m.txt"
	[ "$status" -eq 1 ]
	run rows present 7,8
	assert_output "Jo Bell|Cllr; Chair
4 residents|"
	grep -q 'm.txt:5: attendance line not understood, kept as printed: 4 residents' "$err_file"
}

@test "a file that does not exist: exit 1 naming it" {
	run_split extract-minutes no-such-file.txt
	[ "$status" -eq 1 ]
	grep -q 'no-such-file.txt' "$err_file"
}

@test "--help, -V, a bad option" {
	run extract-minutes --help
	[ "$status" -eq 0 ]
	assert_output --partial "Usage: extract-minutes"
	assert_output --partial "awk -F'\\t' '\$5==\"action\"'"
	run extract-minutes -V
	[ "$status" -eq 0 ]
	assert_output --partial "extract-minutes (cspkit)"
	run_split extract-minutes --bogus markdown-tabs.txt
	[ "$status" -eq 2 ]
	[ ! -s "$out_file" ]
}

@test "write error (/dev/full): exit 1" {
	[ -w /dev/full ] || skip "no /dev/full"
	run_split sh -c 'extract-minutes markdown-tabs.txt >/dev/full'
	[ "$status" -eq 1 ]
}

@test "man page renders" {
	command -v man >/dev/null || skip "no man"
	run man --warnings -l "$ROOT/cmd/extract-minutes/extract-minutes.1"
	[ "$status" -eq 0 ]
	assert_output --partial "next_meeting"
}

# --- bad bytes ----------------------------------------------------------

# bats test_tags=stress
@test "NUL bytes, invalid UTF-8 and a 10 MB line: no crash, strict TSV" {
	f="$BATS_TEST_TMPDIR/bad.txt"
	{
		head -n 30 pdftotext-layout.txt
		printf 'Apologies were received from Jo\0e Bright and Ann \377\376Lowe.\n\n'
		head -c 10000000 /dev/zero | tr '\0' 'x'
		printf '\tcolumn\r\n\n'
		tail -n +31 pdftotext-layout.txt
	} >"$f"
	run_split extract-minutes "$f"
	[ "$status" -eq 0 ]
	assert_tsv
	grep -q "bad.txt:31: NUL bytes or invalid UTF-8 replaced by U+FFFD" "$err_file"
	# the rest of the minutes still reads
	run rows apology 7
	assert_output "Colin Bright
Ruth Doyle
Jo�e Bright
Ann ��Lowe"
	[ "$(rows item 6 | wc -l)" -eq 6 ]
	[ "$(rows closed 10)" = "11:12" ]
}

@test "binary junk: no crash, header only" {
	head -c 300000 /dev/urandom >"$BATS_TEST_TMPDIR/junk.bin"
	run_split extract-minutes "$BATS_TEST_TMPDIR/junk.bin"
	[ "$status" -eq 0 ]
	assert_tsv
	grep -q 'no minutes found' "$err_file"
}

# --- the seed minutes (../shared/seeds) ----------------------------------

seed() { ls "$SHARED"/seeds/"$1"_*.txt; }

@test "seed 21 July 2017 (pdftotext layout): meeting, items, attendance, apology, resolution" {
	need_shared seeds
	run_split extract-minutes --strict "$(seed 000)"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	assert_tsv
	run rows meeting 3,4,10
	assert_output "2017-07-21|Safer Communities Partnership Board|Hendon Town Hall, The Burroughs, London NW4 4BQ"
	run rows item 6,10
	assert_output "1|INTRODUCTION, APOLOGIES AND MINUTES OF PREVIOUS MEETING
2|DOMESTIC VIOLENCE AND ABUSE AND VIOLENCE AGAINST WOMEN AND GIRLS STRATEGY 2017-2010
3|VICTIM SUPPORT ANTI-SOCIAL BEHAVIOUR PROJECT ANNUAL REPORT
4|UPDATE FROM THE LONDON FIRE BRIGADE
5|PREVENT STRATEGY UPDATE
6|UPDATE FROM FAMILY SERVICES
7|RESTORE LONDON BRIEFING
8|LONDON CRIME PREVENTION FUND (LCPF) - DEVELOPMENT OF CO- COMMISSIONING MODEL
9|PERFORMANCE DASHBOARD
10|FUTURE WORK PROGRAMME
11|ANY OTHER BUSINESS"
	run rows present 7,8,9
	assert_output "David Longstaff|Cllr; Chairman|London Borough of Barnet
Kiran Vagarwal||London Borough of Barnet
Jamie Blake||London Borough of Barnet
Simon Rose||Metropolitan Police
Claire Ansdell||National Probation Service
Steve Leader||London Fire Brigade
Bridget O'Dwyer||Barnet Clinical Commissioning Group
Simon Harding|Dr|Middlesex University
Julie Pal||Community Barnet"
	run rows in_attendance 7,9
	assert_output "Seppy Golding|London Borough of Barnet
Sharon Kuman|Metropolitan Police
Sharon Dearman|Victim Support
Karolina Bober|Victim Support
Amanda Lunness|Community Rehabilitation Company
Anika Cosgrove|Restore London
Carol Beckford|Restore London"
	run rows apology 6,7,9
	assert_output "1|Jamie Keddy|MOPAC"
	run rows resolution 2,6
	assert_output "35|1"
	[ "$(rows resolution 10)" = "that the minutes of the meeting held on 28 April 2017 be approved as a correct record, subject to the amendment in minute item 1 to show Jamie Keddy as representing MOPAC and not the National Probation Service." ]
	run rows decision 6
	assert_output "2
3
3
4
5
6
7
8
9
10
10"
	# the numbered list after "agreed the following:" belongs to the
	# decision; its item 2 was split by a blank line after "on"
	[ "$(rows decision 10 | sed -n 3p)" = "The Board noted the update and agreed the following: 1. Ensuring that the Community Safety Team are focussed on hate crime; 2. Victim Support being requested to provide team briefings to partner organisations on services provided; and 3. Victim Support maintaining a focus on referrals to partner organisations where appropriate." ]
	# tasks given to a group, owner as printed
	run rows action 6,7,10
	assert_output "2|Partners|Partners were requested to nominate appropriate representatives to sit on the Boards, Forums and Groups detailed in the Strategy document.
8|Officers|Officers would circulate details to Board Members for Tranche 2."
	[ -z "$(rows next_meeting 2)" ]
	[ "$(rows closed 2,10)" = "255|12:30" ]
}

@test "seed 25 January 2019 (markdown, tab tables): attendance, apologies, actions and owners, next meeting" {
	need_shared seeds
	run_split extract-minutes --strict "$(seed 002)"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	assert_tsv
	# the agenda's ORDER OF BUSINESS table and the Barnet Homes report
	# after the minutes give no rows
	run rows meeting 2,3
	assert_output "61|2019-01-25"
	run rows item 6,10
	assert_output "1|WELCOME AND INTRODUCTIONS
2|APOLOGIES FOR ABSENCE
3|MINUTES OF PREVIOUS MEETING
4|MATTERS ARISING
5|UPDATE ON THE FINDINGS OF THE 2018/19 COMMUNITY SAFETY STRATEGIC ASSESSMENT
6|UPDATE ON THE BARNET ZERO TOLERANCE TO HATE CRIME PROJECT
7|FAMILY SERVICES
8|LONDON FIRE BRIGADE UPDATE TO SCPB
9|PERFORMANCE UPDATE
10|FORWARD WORK PLAN
11|ANY OTHER BUSINESS
12|DATE OF NEXT MEETING"
	run rows present 7,8,9
	assert_output "David Longstaff|Cllr; Chairman|London Borough of Barnet
Sara Leach|Superintendent|Metropolitan Police
Steve Leader||London Fire Brigade
Jamie Blake||LB Barnet
Peter Clifton||LB Barnet
Fiona Bateman|Chair|Children's Safeguarding Board and Adults Safeguarding Board
Ben Norfolk||LB Barnet
Tamara Djuretic|Director of Public Health|LB Barnet
Richard Norfolk||
Amlan Ghoshal||
Amy Colville||Victim Support
Stuart Coleman||Barnet Homes
Kauser Mukhtar||Community Rehabilitation Company
Reshma Hirani|Help Crime Awareness Coordinator|"
	run rows apology 6,7
	assert_output "2|Clare Ansdell
2|Simon Rose
2|Kiran Vagarwal
2|Tim Harris
2|Roger Kemp
2|Sara Morgan
2|Sepia Golding"
	[ -z "$(rows resolution 2)" ]
	run rows decision 6,10
	assert_output "3|The minutes were approved as an accurate record.
10|The Committee noted and approved the Forward Work Plan."
	# owners resolved: Superintendent/Ms Leach -> Sara Leach, Chairman ->
	# David Longstaff, Ms Vagarwal -> Kiran Vagarwal (from the apologies)
	run rows action 2,6,7
	assert_output "122|5|Sara Leach
124|5|Sara Leach
130|5|Peter Clifton
152|6|Reshma Hirani; Peter Clifton
178|8|Fiona Bateman
200|9|Sara Leach
210|10|David Longstaff; Kiran Vagarwal; Peter Clifton"
	[ "$(rows action 10 | sed -n 3p)" = "Mr Clifton agreed to report back at the next meeting." ]
	[ "$(rows next_meeting 6,10)" = "12|2019-04-12 10:00" ]
	[ "$(rows closed 2,10)" = "222|11:12" ]
}

@test "seed 24 November 2023 (2024 layout): attendees with dashes, None., items not the list" {
	need_shared seeds
	run_split extract-minutes "$(seed 001)"
	[ "$status" -eq 0 ]
	assert_tsv
	# DATE OF NEXT MEETING is printed with no date: a warning, no row
	[ "$(cat "$err_file")" = "extract-minutes: $(seed 001):352: no date given for the next meeting
extract-minutes: 1 warning" ]
	run rows meeting 2,3,4
	assert_output "115|2023-11-24|Safer Communities Partnership Board"
	run rows item 6,10
	assert_output "1|INTRODUCTIONS AND APOLOGIES
2|APOLOGIES FOR ABSENCE
3|MINUTES OF PREVIOUS MEETING
4|DECLARATION OF MEMBERS' DISCLOSABLE PECUNIARY INTERESTS AND OTHER INTERESTS
5|PUBLIC QUESTIONS AND COMMENTS (IF ANY)
6|MATTERS ARISING
7|QUARTERLY PERFORMANCE UPDATES
8|NORTH WEST BCU POLICE UPDATE TO THE SAFER COMMUNITIES PARTNERSHIP BOARD
9|FAMILY SERVICES 6 MONTHLY UPDATE
10|ASSURANCE COMMUNITY SAFETY 6 MONTHLY UPDATE
11|COMBATING DRUGS PARTNERSHIP UPDATE
12|SERIOUS VIOLENCE DUTY - STRATEGIC NEEDS ASSESSMENT
13|FORWARD WORK PROGRAMME
14|ANY OTHER BUSINESS
15|DATE OF NEXT MEETING"
	run rows present 7
	assert_output "Sara Conway
Lorraine Busby McVey
Rob Gibbs
Clair Green
Tina McElligott
Declan Khan
David Lingard
Dee Malone
Nicholas Licardo
Perryn Jasper
Reshma Hirani
Christopher Kelly
Jalpa Patel
Koreen Logie
Greg Terefenko
Luke Kwamya
Peter Johnson
Fiona Bateman
Latoya Ridge"
	run rows present 7,8,9
	assert_line "Sara Conway|Councillor; Chair|"
	assert_line "Perryn Jasper|Prevent Coordinator|Barnet Council"
	assert_line "Koreen Logie|Head of Service|National Probation Service"
	assert_line "Luke Kwamya|Head of Public Health Commissioning|"
	assert_line "Latoya Ridge||Victim Support"
	[ -z "$(rows apology 7)" ]
	[ -z "$(rows in_attendance 7)" ]
	run rows resolution 6,10
	assert_output "3|that the minutes of the meeting held on 19 July 2023 be agreed as a correct record."
	run rows decision 6
	assert_output "7
10
11
12"
	# the Board "were urged to notify the relevant officer of any items":
	# a task for the members, no one named (the accuracy gold has it too)
	run rows action 6,7
	assert_output "13|"
	[ -z "$(rows next_meeting 2)" ]
	[ "$(rows closed 2,10)" = "354|11:50" ]
}

@test "seed strategic assessment (004): no minutes, header only" {
	need_shared seeds
	run_split extract-minutes "$(seed 004)"
	[ "$status" -eq 0 ]
	[ "$(wc -l <"$out_file")" -eq 1 ]
	grep -q 'no minutes found' "$err_file"
}
