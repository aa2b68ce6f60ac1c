#!/bin/sh
# Build the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with clang and
# ASan+UBSan, and run each for SECONDS (default 60), one at a time, at low
# priority so the machine stays usable.
#
#   sh tests/fuzz/run.sh [SECONDS]          (make fuzz FUZZ_SECONDS=N)
#   FUZZ_TARGETS="num date" sh tests/fuzz/run.sh 600
#
# Library harnesses link lib/*.c; a tool's harness (fuzz_minutes: extract-
# minutes, fuzz_nc_*: normalise-crime) also links cmd/<tool>/*.c except
# main.c, and is skipped when that tool is absent.  Seed corpora are made
# from samples/ at run time; the corpus each run grows is kept in
# out/fuzz/corpus/<name>/ so the next run starts from it.  A crash is
# saved as out/fuzz/crashes/<name>-crash-<sha1>; replay it with
#   build/fuzz/fuzz_<name> out/fuzz/crashes/<name>-crash-<sha1>
# Results (executions, result) go to out/fuzz/summary.tsv; exit 1 when
# any harness found a crash, leak, timeout or failed check.
set -u
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
bld=build/fuzz
out=out/fuzz
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "fuzz: $CC not found (make fuzz installs clang)" >&2; exit 1; }
mkdir -p "$bld" "$out/crashes" "$out/corpus" "$out/seeds"

san="-fsanitize=address,undefined -fno-sanitize-recover=all"
cflags="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer $san \
 -Ilib $(pkg-config --cflags libpcre2-8 2>/dev/null) -DCSPKIT_VERSION=\"fuzz\" \
 -DCSPKIT_DATADIR=\"$root/lib/data\""
libs="$(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8) -lcsv -lz -lm"
export CSPKIT_DATA="$root/lib/data"

# obj SRC: compile SRC (instrumented for coverage) and print the object.
obj() {
	o="$bld/$(echo "$1" | tr '/' '_' | sed 's/\.c$/.o/')"
	if [ ! -f "$o" ] || [ "$1" -nt "$o" ] || [ lib -nt "$o" ] || [ -n "$(find lib cmd -name '*.h' -newer "$o" 2>/dev/null | head -1)" ]; then
		# shellcheck disable=SC2086
		$CC $cflags -fsanitize=fuzzer-no-link -c -o "$o" "$1" || return 1
	fi
	echo "$o"
}

# tool_of NAME: the cmd/ directory a harness needs, or nothing.
tool_of() {
	case $1 in
	minutes) echo extract-minutes ;;
	nc_*) echo normalise-crime ;;
	esac
}

# seeds NAME DIR: fill DIR with seed inputs taken from samples/.
seeds() {
	rm -rf "$2"; mkdir -p "$2"
	files=$(find samples -type f 2>/dev/null | sort)
	case $1 in
	num|date|text)
		# Cells and lines: every field of every sample, one per file.
		# shellcheck disable=SC2086
		[ -n "$files" ] && cat $files | tr '\t,' '\n\n' | tr -d '"' |
			awk 'length > 0 && length < 200 && !seen[$0]++' | head -3000 |
			split -l 1 -a 4 - "$2/cell-"
		for s in "31 February 2019" "12 months to March 2017" "Q1 2023/24" \
			"2016/17" "Dec18-Jan19" "1e400" "123456789012345678901234567890" \
			"-25.6%" "(1,200)" "15/32" "11.12 am" "Down 14.8%" "£139,937"; do
			printf '%s' "$s" > "$2/x-$(printf '%s' "$s" | cksum | cut -d' ' -f1)"
		done ;;
	tsv) for f in $files; do case $f in *.tsv) cp "$f" "$2/";; esac; done ;;
	csvin|nc_data|nc_agg) for f in $files; do case $f in *.csv) cp "$f" "$2/";; esac; done ;;
	minutes|nc_text) for f in $files; do case $f in *.txt|*.md) cp "$f" "$2/";; esac; done ;;
	lines)
		# .gz files as they are (one member, and two: cat a.gz b.gz),
		# then an options byte (fuzz_lines.c) and a sample.
		# Every fifth text sample, so that each directory gives some.
		k=0
		for f in $(printf '%s\n' "$files" | grep -E '\.(txt|csv|tsv)$' | awk 'NR % 5 == 1'); do
			k=$((k + 1))
			[ $k -le 12 ] || break
			b=$(basename "$f")
			gzip -c "$f" > "$2/$b.gz"
			[ $k -le 3 ] && gzip -c "$f" | cat - "$2/$b.gz" > "$2/$b.2.gz"
			o=$(printf '%03o' $(( (k * 37) % 128 )))
			# shellcheck disable=SC2059 # the options byte, in octal
			{ printf "\\$o"; head -c 8000 "$f"; } > "$2/$b.opt"
		done ;;
	ref) # Every reference table, and the samples' tables.
		for f in lib/data/*.tsv $files; do
			case $f in *.tsv) head -c 16384 "$f" > "$2/$(echo "$f" | tr / _)" ;; esac
		done ;;
	rules) # The rule files (read as a table), and report text.
		cp lib/data/rules-*.tsv "$2/"
		for f in $files; do case $f in *.txt) cp "$f" "$2/";; esac; done ;;
	err) # Message text: lines of the samples, some with control bytes.
		# shellcheck disable=SC2086
		[ -n "$files" ] && cat $files | awk 'length > 0 && length < 300 && !seen[$0]++' |
			head -200 | split -l 4 -a 3 - "$2/msg-"
		printf 'a\tb\r\033[31m\nred\177\n\001\002' > "$2/ctl" ;;
	esac
	# Never start empty.
	[ -n "$(ls "$2")" ] || printf 'a\tb\n1\t2\n' > "$2/tiny"
}

status=0
printf 'harness\tseconds\texecutions\tcorpus\tresult\n' > "$out/summary.tsv"
targets=${FUZZ_TARGETS:-$(ls tests/fuzz/fuzz_*.c | sed 's,.*/fuzz_,,; s,\.c$,,')}
for name in $targets; do
	tool=$(tool_of "$name")
	if [ -n "$tool" ] && [ ! -d "cmd/$tool" ]; then
		echo "fuzz: $name: skipped, cmd/$tool not present"
		continue
	fi
	objs=
	for s in lib/*.c; do objs="$objs $(obj "$s")" || exit 1; done
	if [ -n "$tool" ]; then
		for s in cmd/"$tool"/*.c; do
			[ "${s##*/}" = main.c ] && continue
			objs="$objs $(obj "$s")" || exit 1
		done
		inc="-Icmd/$tool"
	else
		inc=
	fi
	bin="$bld/fuzz_$name"
	# Readers opened inside the library (ref_load's, or tsv_open's when
	# it refuses the header: "this is CSV") are held by the harness
	# through a wrapper, to be closed after an exit; else each such input
	# leaves a 128 KB buffer behind, to the RSS limit.
	case $name in ref | rules | tsv) wrap=-Wl,--wrap=lines_open,--wrap=lines_close ;; *) wrap= ;; esac
	# shellcheck disable=SC2086
	$CC $cflags $inc -fsanitize=fuzzer -Wl,--wrap=exit $wrap -o "$bin" \
		"tests/fuzz/fuzz_$name.c" $objs $libs || { echo "fuzz: $name: build failed" >&2; exit 1; }
	seeds "$name" "$out/seeds/$name"
	mkdir -p "$out/corpus/$name"
	dict=
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	# An input that ends in exit() leaves its reader allocated, and
	# libFuzzer then runs a full leak scan for it: 30 times slower.  So
	# file readers fuzz without leak detection, and the corpus they grew
	# is then replayed once with it (every distinct path, leak-checked).
	case $name in num|date|text) leaks=1 ;; *) leaks=0 ;; esac
	# normalise-crime keeps process-lifetime caches (the taxonomy memo,
	# the month totals), which grow over millions of inputs to the RSS
	# limit; fork mode runs it in child processes that start afresh.
	# ref_load and rules_load leave their table behind when they exit,
	# so those harnesses run forked too.
	case $name in nc_* | ref | rules) fork=-fork=1 ;; *) fork= ;; esac
	echo "fuzz: $name for ${secs}s"
	# shellcheck disable=SC2086
	nice -n 10 "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
		-max_len=16384 -close_fd_mask=2 -print_final_stats=1 $dict \
		-detect_leaks=$leaks $fork -artifact_prefix="$out/crashes/$name-" \
		"$out/corpus/$name" "$out/seeds/$name" > "$out/$name.log" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && [ $leaks -eq 0 ]; then
		nice -n 10 "$bin" -runs=0 -detect_leaks=1 -close_fd_mask=2 \
			-artifact_prefix="$out/crashes/$name-leak-" \
			"$out/corpus/$name" > "$out/$name.leaks.log" 2>&1
		rc=$?
		[ $rc -eq 0 ] || cat "$out/$name.leaks.log" >> "$out/$name.log"
	fi
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$name.log" | tail -1)
	# Fork mode reports "#N: cov: ..." progress lines instead.
	[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$out/$name.log" | tail -1)
	ncorp=$(ls "$out/corpus/$name" | wc -l)
	if [ $rc -eq 0 ]; then
		result=clean
	else
		result="FAILED (exit $rc): $(grep -m1 -E '^==[0-9]+==ERROR|^SUMMARY|deadly signal|Test unit written' "$out/$name.log")"
		status=1
	fi
	printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$secs" "${execs:-0}" "$ncorp" "$result" >> "$out/summary.tsv"
	printf 'fuzz: %s: %s executions, %s\n' "$name" "${execs:-0}" "$result"
done
column -t -s '	' "$out/summary.tsv" 2>/dev/null || cat "$out/summary.tsv"
exit $status
