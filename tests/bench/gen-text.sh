#!/bin/sh
# gen-text.sh MB DIR|FILE... - about MB megabytes of report and minutes
# text: every .txt under the given directories (the bundled samples, and
# the shared seeds when present) and every file named (the corpus
# reports, .md), repeated, with the three-digit figures of each copy
# varied so that no two copies are the same text.
mb=$1
shift
files=$(for d in "$@"; do
	if [ -d "$d" ]; then find "$d" -name '*.txt'; elif [ -f "$d" ]; then echo "$d"; fi
done | sort)
[ -n "$files" ] || { echo "gen-text: no .txt files under $*" >&2; exit 1; }
# mawk writes the same text about ten times as fast as gawk.
awk=$(command -v mawk || echo awk)
# shellcheck disable=SC2086
cat $files | "$awk" -v want=$((mb * 1000000)) '
	{ block[n++] = $0; size += length($0) + 1 }
	END {
		for (k = 0; total < want; k++) {
			for (i = 0; i < n; i++) {
				line = block[i]
				out = ""
				# Vary three-digit figures: not years, not dates.
				while (match(line, /(^|[^0-9.,])[0-9][0-9][0-9]([^0-9]|$)/)) {
					lead = RSTART + (substr(line, RSTART, 1) ~ /[0-9]/ ? 0 : 1)
					num = substr(line, lead, 3) + 0
					out = out substr(line, 1, lead - 1) sprintf("%d", 100 + (num + k * 37) % 900)
					line = substr(line, lead + 3)
				}
				print out line
			}
			total += size
		}
	}'
