#!/usr/bin/env bats
# pipelines/minutes.sh and report-indicators.sh over many packs in one run
# of each tool (pipelines/many.sh, issue 20): every directory they write
# is, byte for byte, what a run on that pack alone writes, on the samples
# and on a generated set with PDFs, odd names, empty packs and packs with
# no minutes; failures of some packs leave the others written.
load test_helper

setup() {
	cd "$ROOT"
	tmp=$BATS_TEST_TMPDIR
}

# singles SCRIPT ROOT [OPTION...] -- FILE...: one run per file, into
# ROOT/<file name without extension>, as the batch names them.
singles() {
	local script=$1 root=$2 f b
	shift 2
	local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	for f; do
		b=${f##*/}
		sh "pipelines/$script.sh" -q "${opts[@]}" -o "$root/${b%.*}" -- "$f"
	done
}

# packs DIR: a generated set of agenda packs: each sample minutes with its
# three-digit figures varied, two ways; two samples as one
# pack; a report (no minutes in it); an empty file; the samples as PDFs.
packs() {
	local d=$1 f b i
	mkdir -p "$d"
	for f in samples/minutes/*.txt; do
		b=${f##*/}
		for i in 1 2; do
			awk -v k="$i" '{
				out = ""
				while (match($0, /[0-9][0-9][0-9]/)) {
					out = out substr($0, 1, RSTART - 1) (100 + (substr($0, RSTART, 3) + 37 * k) % 900)
					$0 = substr($0, RSTART + 3)
				}
				print out $0
			}' "$f" >"$d/v$i-$b"
		done
	done
	cat samples/minutes/agenda-pack.txt samples/minutes/layout-2024.txt >"$d/two-sets.txt"
	cp samples/reports/strategic-assessment.txt "$d/no-minutes.txt"
	: >"$d/empty.txt"
	for f in samples/minutes/pdftotext-layout.txt samples/minutes/liaison-group.txt; do
		b=${f##*/}
		sh tests/pipelines/text2pdf.sh "$f" "$d/${b%.txt}-pdf.pdf"
	done
}

# bats test_tags=stress
@test "minutes.sh over a folder: each pack's directory is a single run's, byte for byte" {
	command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) not installed"
	packs "$tmp/p"
	cp samples/minutes/*.txt "$tmp/p/"
	run_split sh pipelines/minutes.sh -q -j 2 -o "$tmp/batch" "$tmp/p"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ] && [ ! -s "$out_file" ]
	singles minutes "$tmp/one" -- "$tmp"/p/*
	[ "$(ls "$tmp/batch" | wc -l)" -eq "$(ls "$tmp/p" | wc -l)" ]
	diff -r "$tmp/one" "$tmp/batch"
	# what was checked is real: rows, warnings, a PDF's source, an empty pack
	[ "$(cat "$tmp"/batch/*/minutes.tsv | wc -l)" -gt 400 ]
	grep -q 'no minutes found' "$tmp/batch/no-minutes/warnings.txt"
	[ "$(sed -n 2p "$tmp/batch/liaison-group-pdf/minutes.tsv" | cut -f1)" = "$tmp/p/liaison-group-pdf.pdf" ]
	[ "$(cat "$tmp/batch/empty/minutes.tsv")" = "$(head -1 "$tmp/batch/v1-agenda-pack/minutes.tsv")" ]
}

@test "minutes.sh: the messages of a batch are those of its single runs" {
	mkdir "$tmp/p"
	cp samples/minutes/layout-2024.txt samples/minutes/agenda-pack.txt "$tmp/p/"
	cp samples/reports/dashboard-tab.txt "$tmp/p/"
	(cd "$tmp/p" && sh "$ROOT/pipelines/minutes.sh" -o ../b layout-2024.txt agenda-pack.txt dashboard-tab.txt) 2>"$tmp/batch.err"
	for f in layout-2024 agenda-pack dashboard-tab; do
		(cd "$tmp/p" && sh "$ROOT/pipelines/minutes.sh" -o "../b/$f" "$f.txt")
	done 2>"$tmp/single.err"
	diff "$tmp/single.err" "$tmp/batch.err"
	[ "$(wc -l <"$tmp/batch.err")" -eq 3 ]
}

@test "minutes.sh: odd names, a list on stdin (- and -0), the same pack twice" {
	mkdir "$tmp/p"
	local names=('with space.txt' "d'e.txt" 'a`id>PWNED`.txt' $'tab\there.txt' $'bad\377byte.txt'
		$'ctl\001.txt' 'Comité.txt' $'new\nline.txt' '-dash.txt')
	local n i=0 files=()
	for n in "${names[@]}"; do
		cp "$(ls samples/minutes/*.txt | sed -n "$((i % 7 + 1))p")" "$tmp/p/$n"
		files+=("$tmp/p/$n")
		i=$((i + 1))
	done
	printf '%s\0' "${files[@]}" "${files[0]}" >"$tmp/list0"
	run_split sh pipelines/minutes.sh -q -0 -o "$tmp/batch" - <"$tmp/list0"
	[ "$status" -eq 0 ]
	[ ! -s "$err_file" ]
	singles minutes "$tmp/one" -- "${files[@]}"
	diff -r "$tmp/one" "$tmp/batch"
	local made=("$tmp/batch"/*)
	[ "${#made[@]}" -eq 9 ]
	[ -z "$(find "$ROOT" "$tmp" -name PWNED)" ]
	# one a line (no name with a newline here)
	printf '%s\n' "${files[@]:0:7}" | sh pipelines/minutes.sh -q -o "$tmp/lines" -
	for n in "${names[@]:0:7}"; do diff -r "$tmp/one/${n%.*}" "$tmp/lines/${n%.*}"; done
}

@test "minutes.sh: a pack that cannot be read, a broken PDF, two packs for one directory: the rest written, exit 1" {
	command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) not installed"
	mkdir -p "$tmp/p/x"
	cp samples/minutes/agenda-pack.txt "$tmp/p/good.txt"
	cp samples/minutes/layout-2024.txt "$tmp/p/x/good.txt"
	printf '%%PDF-1.4 not really\n' >"$tmp/p/broken.pdf"
	cd "$tmp/p"
	run_split sh "$ROOT/pipelines/minutes.sh" -q -o out good.txt missing.txt broken.pdf x/good.txt
	[ "$status" -eq 1 ]
	grep -q '^minutes: missing.txt: cannot read$' "$err_file"
	grep -q '^minutes: x/good.txt: writes out/good, as good.txt does: give one another name$' "$err_file"
	grep -q '^minutes: broken.pdf: pdftotext failed (exit 1)$' "$err_file"
	[ "$(ls out)" = good ]
	sh "$ROOT/pipelines/minutes.sh" -q -o one good.txt
	diff -r one out/good
}

@test "a batch rewrites a single run's directory, and a single run a batch's" {
	sh pipelines/minutes.sh -q -o "$tmp/b/agenda-pack" samples/minutes/liaison-group.txt
	sh pipelines/minutes.sh -q -o "$tmp/b" samples/minutes/agenda-pack.txt samples/minutes/layout-2024.txt
	sh pipelines/minutes.sh -q -o "$tmp/one" samples/minutes/agenda-pack.txt
	diff -r "$tmp/one" "$tmp/b/agenda-pack"
	# one generation each, no work directories left
	[ "$(ls -A "$tmp/b/.agenda-pack.cspkit")" = "$(printf 'gen-b\nlock')" ]
	sh pipelines/minutes.sh -q -o "$tmp/b/layout-2024" samples/minutes/markdown-tabs.txt
	[ "$(sed -n 2p "$tmp/b/layout-2024/minutes.tsv" | cut -f1)" = samples/minutes/markdown-tabs.txt ]
	# a directory of someone else's files is refused, as a single run refuses it
	mkdir "$tmp/b/markdown-tabs" && echo mine >"$tmp/b/markdown-tabs/notes.txt"
	run_split sh pipelines/minutes.sh -q -o "$tmp/b" samples/minutes/markdown-tabs.txt samples/minutes/agenda-pack.txt
	[ "$status" -eq 1 ]
	[ "$(cat "$err_file")" = "minutes: $tmp/b/markdown-tabs: holds 'notes.txt', not a table of minutes: move it or choose another -o" ]
	[ "$(cat "$tmp/b/markdown-tabs/notes.txt")" = mine ]
}

# bats test_tags=stress
@test "report-indicators.sh over many reports: a single run's tables, with --area and --band" {
	command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) not installed"
	mkdir "$tmp/p"
	cp samples/reports/*.txt "$tmp/p/"
	cp samples/minutes/agenda-pack.txt "$tmp/p/minutes-not-a-report.txt"
	sh tests/pipelines/text2pdf.sh samples/reports/strategic-assessment.txt "$tmp/p/sa-pdf.pdf"
	sh tests/pipelines/text2pdf.sh samples/reports/dashboard-tab.txt "$tmp/p/tab-pdf.pdf"
	for opts in "" "--area Barnet --band 2"; do
		rm -rf "$tmp/batch" "$tmp/one"
		# shellcheck disable=SC2086
		run_split sh pipelines/report-indicators.sh -q $opts -o "$tmp/batch" "$tmp"/p/*
		[ "$status" -eq 0 ]
		[ ! -s "$err_file" ]
		# shellcheck disable=SC2086
		singles report-indicators "$tmp/one" $opts -- "$tmp"/p/*
		diff -r "$tmp/one" "$tmp/batch"
	done
	[ "$(ls "$tmp/batch" | wc -l)" -eq "$(ls "$tmp/p" | wc -l)" ]
	[ -s "$tmp/batch/sa-pdf/indicators.check.txt" ]
	[ "$(sed 1d "$tmp/batch/strategic-assessment/rag.tsv" | wc -l)" -gt 50 ]
}

@test "report-indicators.sh: rag-flag's messages go to their report, with its own line numbers" {
	# A rag-flag that also warns, as the real one does, about every
	# robbery row (file:line of the table it read): the batch must give
	# each report its own messages at the lines of its own table.
	mkdir "$tmp/bin"
	cat >"$tmp/bin/rag-flag" <<EOF
#!/bin/sh
for f; do :; done
awk -F'\t' 'NR > 1 && \$9 == "robbery" { printf "rag-flag: %s:%d: test: a robbery row\n", FILENAME, FNR > "/dev/stderr" }' "\$f"
exec "$CSPKIT_BIN/rag-flag" "\$@"
EOF
	chmod +x "$tmp/bin/rag-flag"
	mkdir "$tmp/p"
	cp samples/reports/*.txt "$tmp/p/"
	CSPKIT_BIN=$tmp/bin:$CSPKIT_BIN sh pipelines/report-indicators.sh -q -o "$tmp/batch" "$tmp"/p/*
	CSPKIT_BIN=$tmp/bin:$CSPKIT_BIN singles report-indicators "$tmp/one" -- "$tmp"/p/*
	diff -r "$tmp/one" "$tmp/batch"
	[ "$(cat "$tmp"/batch/*/warnings.txt | grep -c 'test: a robbery row')" -ge 2 ]
}

# ---- batch.sh -S over real ssh, machines without a shared directory -------

# start_sshd: sshd on 127.0.0.1 at a free port, with a host key and a user
# key made here, and an ssh config "cspkit-test" for GNU parallel
# (PARALLEL_SSH); skips when sshd cannot be installed or started.
start_sshd() {
	sh tests/deps.sh openssh-server openssh-client rsync parallel >/dev/null 2>&1 ||
		skip "openssh-server, rsync or GNU parallel cannot be installed here"
	[ -x /usr/sbin/sshd ] || skip "no /usr/sbin/sshd after installing openssh-server"
	local s=$tmp/ssh port try
	mkdir -p "$s"
	ssh-keygen -q -t ed25519 -N '' -f "$s/host_key"
	ssh-keygen -q -t ed25519 -N '' -f "$s/user_key"
	cp "$s/user_key.pub" "$s/authorized_keys"
	chmod 600 "$s/authorized_keys"
	# (privilege separation wants this directory; a root-owned one exists
	# wherever sshd runs as a service)
	[ -d /run/sshd ] || mkdir -p /run/sshd 2>/dev/null || :
	for try in 1 2 3 4 5; do
		port=$((20000 + (RANDOM % 20000)))
		cat >"$s/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $s/host_key
AuthorizedKeysFile $s/authorized_keys
PidFile $s/sshd.pid
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
CONF
		cat >"$s/ssh_config" <<CONF
Host cspkit-test
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $s/user_key
	IdentitiesOnly yes
	UserKnownHostsFile $s/known_hosts
	StrictHostKeyChecking no
	BatchMode yes
	LogLevel ERROR
CONF
		rm -f "$s/sshd.pid"
		/usr/sbin/sshd -f "$s/sshd_config" -E "$s/sshd.log" || continue
		for _ in $(seq 50); do [ -s "$s/sshd.pid" ] && break; sleep 0.1; done
		if ssh -F "$s/ssh_config" cspkit-test true 2>/dev/null; then
			export PARALLEL_SSH="ssh -F $s/ssh_config"
			SSHD_PID=$(cat "$s/sshd.pid")
			return 0
		fi
		[ ! -s "$s/sshd.pid" ] || kill "$(cat "$s/sshd.pid")" 2>/dev/null || :
	done
	skip "sshd would not start on 127.0.0.1 ($(tail -1 "$s/sshd.log" 2>/dev/null))"
}

teardown() {
	if [ -n "${SSHD_PID:-}" ]; then kill "$SSHD_PID" 2>/dev/null || :; fi
}

# bats test_tags=stress
@test "batch.sh -S over ssh, nothing shared: the tools installed there, the tables of the local run" {
	start_sshd
	make -s install PREFIX="$tmp/remote" >/dev/null
	# minutes and reports, with a pipeline option, a name with a space
	mkdir "$tmp/in"
	cp samples/minutes/agenda-pack.txt "$tmp/in/pack one.txt"
	run_split sh pipelines/batch.sh -q -S 2/cspkit-test --remote-prefix "$tmp/remote" -o "$tmp/remote-out" \
		minutes samples/minutes/layout-2024.txt samples/minutes/liaison-group.txt "$tmp/in/pack one.txt"
	[ "$status" -eq 0 ]
	diff /dev/null "$err_file"
	sh pipelines/batch.sh -q -o "$tmp/local-out" minutes samples/minutes/layout-2024.txt \
		samples/minutes/liaison-group.txt "$tmp/in/pack one.txt"
	# the relative names are the local run's; the absolute one lost its /
	diff -r -x 'pack one' -x '.pack one.cspkit' "$tmp/local-out" "$tmp/remote-out"
	diff <(cut -f2- "$tmp/local-out/pack one/minutes.tsv") <(cut -f2- "$tmp/remote-out/pack one/minutes.tsv")
	[ "$(sed -n 2p "$tmp/remote-out/pack one/minutes.tsv" | cut -f1)" = "${tmp#/}/in/pack one.txt" ]
	# each directory published here as a single run publishes it
	[ -L "$tmp/remote-out/layout-2024" ]
	[ "$(ls -A "$tmp/remote-out/.layout-2024.cspkit")" = "$(printf 'gen-a\nlock')" ]
	run_split sh pipelines/batch.sh -q -S 2/cspkit-test --remote-prefix "$tmp/remote" -o "$tmp/r2" \
		report-indicators --area Barnet --band 2 -- samples/reports/dashboard-tab.txt samples/reports/strategic-assessment.txt
	[ "$status" -eq 0 ]
	sh pipelines/batch.sh -q -o "$tmp/l2" report-indicators --area Barnet --band 2 -- \
		samples/reports/dashboard-tab.txt samples/reports/strategic-assessment.txt
	diff -r "$tmp/l2" "$tmp/r2"
	# --shared-fs: today's behaviour (the remote runs here, in place)
	run_split sh pipelines/batch.sh -q -S 1/cspkit-test --shared-fs -o "$tmp/s" minutes samples/minutes/layout-2024.txt
	[ "$status" -eq 0 ]
	diff -r "$tmp/local-out/layout-2024" "$tmp/s/layout-2024"
}

# ---- progress -------------------------------------------------------------

# bats test_tags=stress
@test "progress: 'n of m packs, elapsed, left' on a terminal, nothing elsewhere" {
	command -v script >/dev/null || skip "script (util-linux) not installed"
	command -v pdftotext >/dev/null || skip "pdftotext (poppler-utils) not installed"
	# batch.sh, xargs and GNU parallel; minutes.sh converting PDFs
	printf '%s\n' "cd $(printf '%q' "$ROOT")" \
		"sh pipelines/batch.sh --runner xargs -o $(printf '%q' "$tmp/x") minutes samples/minutes/agenda-pack.txt samples/minutes/layout-2024.txt samples/minutes/liaison-group.txt" \
		>"$tmp/run.sh"
	sh tests/pipelines/text2pdf.sh samples/minutes/agenda-pack.txt "$tmp/a.pdf"
	sh tests/pipelines/text2pdf.sh samples/minutes/liaison-group.txt "$tmp/b.pdf"
	printf '%s\n' "sh pipelines/minutes.sh -o $(printf '%q' "$tmp/m") $(printf '%q' "$tmp/a.pdf") $(printf '%q' "$tmp/b.pdf")" >>"$tmp/run.sh"
	script -qec "sh $tmp/run.sh" /dev/null >"$tmp/tty.txt" </dev/null
	tr '\r' '\n' <"$tmp/tty.txt" | grep -Eq '^3 of 3 packs, 0:[0-9][0-9] elapsed, 0:00 left'
	tr '\r' '\n' <"$tmp/tty.txt" | grep -Eq '^1 of 2 PDFs, 0:[0-9][0-9] elapsed, [0-9]+:[0-9][0-9] left'
	tr '\r' '\n' <"$tmp/tty.txt" | grep -Eq '^2 of 2 PDFs, 0:[0-9][0-9] elapsed, 0:00 left'
	# not a terminal: the messages only
	run_split sh "$tmp/run.sh"
	[ "$status" -eq 0 ]
	! grep -q ' of [0-9]' "$err_file"
	[ "$(grep -c '^minutes: ' "$err_file")" -eq 5 ]
}

# bats test_tags=stress
@test "a killed batch's work directory goes with the next batch; a running one's stays" {
	command -v flock >/dev/null || skip "flock (util-linux) not installed"
	mkdir -p "$tmp/o/.batch.dead/o/1" "$tmp/o/.batch.live"
	: >"$tmp/o/.batch.dead/.lock"
	: >"$tmp/o/.batch.live/.lock"
	# (the lock held by the process killed below, not by a child of it)
	(exec 7>>"$tmp/o/.batch.live/.lock" && flock 7 && exec sleep 30) &
	local holder=$!
	sleep 0.5
	sh pipelines/minutes.sh -q -o "$tmp/o" samples/minutes/agenda-pack.txt samples/minutes/layout-2024.txt
	kill "$holder" 2>/dev/null || :
	[ "$(ls -A "$tmp/o" | grep batch)" = .batch.live ]
	[ -f "$tmp/o/agenda-pack/minutes.tsv" ]
}
