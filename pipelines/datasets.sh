#!/bin/sh
# datasets.sh - the datasets of `make pipelines`: which file of a source
# directory goes to which pipeline, in one place, for the Makefile and for
# the files make cannot name.
#
# Layout of a source directory SRC (samples/, or DATA=DIR):
#   SRC/minutes/NAME.txt|.pdf   minutes            out/minutes/NAME/
#   SRC/reports/NAME.txt|.pdf   report-indicators  out/reports/NAME/
#   SRC/mps/NAME.csv            a ward file when NAME has "ward" in it
#                               (ward-profile, out/wards/NAME/), else a
#                               borough file (borough-league, out/league/NAME/,
#                               and dashboard, out/dashboard/NAME/)
#   outside samples/, a flat folder too (DATA=~/Downloads), each file by
#   what it is:
#   SRC/NAME.txt|.pdf           a report (report-indicators) when NAME says
#                               report, assessment, performance or
#                               indicator, else a minutes pack (minutes)
#   SRC/NAME.csv                by its header, as lib/sniff.c knows them:
#                               an MPS ward file (WardCode) or borough file
#                               (MajorText/Major Category and a borough
#                               column), or a data.police.uk street file
#                               (Crime ID, Month, Reported by ...): the
#                               street files of one force are one run of
#                               months, one dashboard of the partnership
#                               AREA (out/dashboard/police-uk-<force>/)
#   Anything else is left alone, and a folder with nothing to run is an
#   error (exit 1) naming what it holds.
#
# make handles only the file names it can hold as words and hand to a
# recipe (letters, digits and . _ , + @ - /): a name with a space, a quote,
# a $ or a backtick ("a`id`.txt") is split or re-read by make.  Those are
# run here instead, each name one argument, never shell text.
#
# Usage:
#   datasets.sh safe DIR               DIR (no trailing /) when make can name it
#   datasets.sh list KIND SRC...       the inputs make can name, one a line;
#                                      KIND minutes, reports, borough or ward
#   datasets.sh dirs SRC...            the output directories of the others,
#                                      as shell words (for eval)
#   datasets.sh run AREA SRC...        run the pipelines on the others whose
#                                      tables are older than their input or
#                                      the pipeline, and on police.uk files;
#                                      exit 1 when one failed or a DATA
#                                      folder had nothing to run ($GROUP and
#                                      $POPULATION: the dashboard's options)
#   datasets.sh param NAME VALUE       out/.params/NAME holding VALUE,
#                                      rewritten only when VALUE changed
#                                      (make's stamp of a parameter)
#   datasets.sh dashboard AREA DATA    make dashboard: AREA's dashboard in
#                                      out/areas/<area>/dashboard/ from DATA:
#                                      an MPS borough file (London), a
#                                      police.uk street file, a directory
#                                      (its police.uk street files, else
#                                      its one MPS borough file) or a
#                                      quoted pattern ('gwent/*.csv')
set -eu
. "$(dirname "$0")/common.sh"

# make_safe PATH: PATH is made of characters make and a recipe pass as is.
make_safe() {
	case $1 in
	'' | *[!A-Za-z0-9._,+@/-]*) return 1 ;;
	esac
}

# inputs SRC: KIND and path of every dataset of SRC, one pair per call of
# the function named by $each.
inputs() {
	_src=${1%"${1##*[!/]}"}
	[ -n "$_src" ] || _src=/
	for _k in minutes reports; do
		for _f in "$_src/$_k"/*.txt "$_src/$_k"/*.pdf; do
			[ -f "$_f" ] && $each "$_k" "$_f"
		done
	done
	for _f in "$_src"/mps/*.csv; do
		[ -f "$_f" ] && $each "$(mps_kind "$_f")" "$_f"
	done
	[ "$_src" != samples ] || return 0
	for _f in "$_src"/*.txt "$_src"/*.pdf; do
		[ -f "$_f" ] || continue
		case ${_f##*/} in
		*[Rr]eport* | *[Aa]ssessment* | *[Pp]erformance* | *[Ii]ndicator*) $each reports "$_f" ;;
		*) $each minutes "$_f" ;;
		esac
	done
	for _f in "$_src"/*.csv; do
		[ -f "$_f" ] || continue
		_k=$(csv_kind "$_f")
		case $_k in
		ward | borough | police-uk) $each "$_k" "$_f" ;;
		esac
	done
}

# mps_kind FILE: ward or borough, from the file's name (SRC/mps/ is MPS).
mps_kind() {
	case ${1##*/} in
	*[Ww]ard*) echo ward ;;
	*) echo borough ;;
	esac
}

# csv_kind FILE: ward, borough or police-uk from the CSV's header (the
# kinds lib/sniff.c names), else "other".  (|| :, as head leaves the rest
# of the file unread: a SIGPIPE under pipefail is no failure here.)
csv_kind() {
	_h=$(head -n 1 -- "$1" | tr -d '\r"' | sed 's/^\xef\xbb\xbf//') || :
	case ,$_h, in
	*,Crime\ ID,Month,Reported\ by,*) echo police-uk ;;
	*,WardCode,* | *,Ward\ Code,*)
		case ,$_h, in
		*,MajorText,* | *,Major\ Category,* | *,major_category,*) echo ward ;;
		*) echo other ;;
		esac ;;
	*,MajorText,* | *,Major\ Category,*) echo borough ;;
	*) echo other ;;
	esac
}

# what_is FILE: a few words on a file left alone, for the error that a
# folder had nothing to run.
what_is() {
	case ${1##*/} in
	*.csv) printf 'a CSV with header "%s": not an MPS or data.police.uk file' \
		"$(head -n 1 -- "$1" | tr -d '\r' | cut -c1-60)" ;;
	*.xlsx | *.xls | *.ods) printf 'a spreadsheet: save it as CSV' ;;
	*.zip) printf 'a zip: unzip it into the folder' ;;
	*) if [ -d "$1" ]; then printf 'a folder (only minutes/, reports/, mps/ are read)'
	   else printf 'not a pack (.txt, .pdf) or crime file (.csv)'; fi ;;
	esac
}

# need_src SRC: die unless SRC is a directory (a DATA= that names nothing
# must not pass for an empty one).
need_src() {
	for _s; do
		[ -d "$_s" ] || die "DATA=$(shquote "$_s"): no such directory"
	done
}

# name_of FILE: the file name without directory and last extension.
name_of() {
	_b=${1##*/}
	printf '%s' "${_b%.*}"
}

# Per kind: the pipelines, as "script outkind table" triples.
pipes_of() {
	case $1 in
	minutes) echo "minutes minutes minutes.tsv" ;;
	reports) echo "report-indicators reports rag.tsv" ;;
	borough) echo "borough-league league league.tsv dashboard dashboard dashboard.tsv" ;;
	ward) echo "ward-profile wards wards.tsv" ;;
	esac
}

# police_force FILE: the force of a data.police.uk file, as a name part
# ("Gwent Police" -> gwent-police), from its first record's Reported by.
police_force() {
	_fo=$(sed -n 2p -- "$1" | tr -d '\r' | cut -d, -f3 | tr 'A-Z ' 'a-z-' | tr -cd 'a-z0-9-')
	printf '%s\n' "${_fo:-unknown}"
}

print_safe() {
	[ "$1" = "$want" ] && make_safe "$2" && printf '%s\n' "$2"
	return 0
}

print_dirs() {
	if [ "$1" = police-uk ]; then
		_fo=$(police_force "$2")
		case " $_seen " in *" $_fo "*) return 0 ;; esac
		_seen="$_seen $_fo"
		printf '%s ' "$(shquote "out/dashboard/police-uk-$_fo/")"
		return 0
	fi
	make_safe "$2" && return 0
	_in=$2
	set -- $(pipes_of "$1")
	while [ $# -gt 0 ]; do
		printf '%s ' "$(shquote "out/$2/$(name_of "$_in")/")"
		shift 3
	done
}

# newer_than T FILE...: T exists and is newer than every FILE.
newer_than() {
	_t=$1
	shift
	[ -f "$_t" ] || return 1
	for _x; do
		[ -e "$_x" ] || continue
		[ "$_t" -nt "$_x" ] || return 1
	done
}

run_one() {
	found=$((found + 1))
	if [ "$1" = police-uk ]; then
		# one dashboard per force, over all its months, after the loop
		_fo=$(police_force "$2")
		case " $forces " in *" $_fo "*) ;; *) forces="$forces $_fo" ;; esac
		# its files as shell words in files_<force>
		_v=files_$(printf '%s' "$_fo" | tr - _)
		eval "_cur=\${$_v:-}"
		_cur="$_cur $(shquote "$2")"
		eval "$_v=\$_cur"
		return 0
	fi
	make_safe "$2" && return 0
	_in=$2
	set -- $(pipes_of "$1")
	while [ $# -gt 0 ]; do
		_dir=out/$2/$(name_of "$_in")
		# shellcheck disable=SC2086
		if ! newer_than "$_dir/$3" "$_in" "$PIPEDIR/$1.sh" "$PIPEDIR/common.sh" \
			"$PIPEDIR"/awk/*.awk "$ROOT"/lib/data/*.tsv ${CSPKIT_BIN:-"$ROOT/bin"}/* out/.params/*; then
			_area=
			case $1 in
			borough-league | dashboard) _area=--area ;;
			ward-profile) _area=--borough ;;
			esac
			sh "$PIPEDIR/$1.sh" -q ${_area:+"$_area" "$area"} $(param_opts "$1") -o "$_dir" -- "$_in" || failed=1
		fi
		shift 3
	done
}

# is_police FILE: FILE is a data.police.uk street file (its header).
is_police() {
	[ -f "$1" ] && [ "$(csv_kind "$1")" = police-uk ]
}

# area_dashboard AREA DATA: the dashboard of AREA from DATA (see above),
# in a directory that names the area, so that no AREA is shown another's
# page; always rebuilt (the script publishes in one rename).
area_dashboard() {
	_area=$1 _data=$2
	[ -n "$_data" ] || usage_error "make dashboard: DATA= an MPS borough file, police.uk street files (a directory or a quoted pattern)"
	[ -n "$_area" ] || usage_error "make dashboard: AREA= the borough or partnership"
	if [ -d "$_data" ]; then
		set --
		for _f in "$_data"/*.csv; do
			is_police "$_f" && set -- "$@" "$_f"
		done
		if [ $# -eq 0 ]; then
			each=print_all want=borough
			_one=$(inputs "$_data")
			[ -n "$_one" ] || die "DATA=$(shquote "$_data"): no police.uk street file or MPS borough file in it"
			[ "$(printf '%s\n' "$_one" | wc -l)" -eq 1 ] ||
				die "DATA=$(shquote "$_data"): more than one MPS borough file: name one"
			set -- "$_one"
		fi
	elif [ -e "$_data" ]; then
		set -- "$_data"
	else
		# a pattern: the shell's expansion, every file one argument
		# shellcheck disable=SC2086
		set -- $_data
		[ -e "$1" ] || die "DATA=$(shquote "$_data"): no such file, directory or files"
	fi
	_slug=$(printf '%s' "$_area" | tr 'A-Z' 'a-z' | tr -cs 'a-z0-9' '-')
	_slug=${_slug#-}
	_slug=${_slug%-}
	[ -n "$_slug" ] || usage_error "AREA=$(shquote "$_area"): no letter or digit to name a directory by"
	exec sh "$PIPEDIR/dashboard.sh" --area "$_area" -o "out/areas/$_slug/dashboard" -- "$@"
}

print_all() {
	[ "$1" = "$want" ] && printf '%s\n' "$2"
	return 0
}


# param_opts PIPELINE: GROUP and POPULATION as its options, when set
# (words without spaces: an estimate's name, a group file make can name).
param_opts() {
	case $1 in
	dashboard) printf '%s ' ${GROUP:+--peers "$GROUP"} ${POPULATION:+--population "$POPULATION"} ;;
	borough-league) printf '%s ' ${POPULATION:+--population "$POPULATION"} ;;
	esac
}

# run_police FORCE: the dashboard of AREA from all the force's files.
run_police() {
	_dir=out/dashboard/police-uk-$1
	_v=files_$(printf '%s' "$1" | tr - _)
	eval "_cur=\${$_v:-}"
	eval "set -- $_cur"
	# shellcheck disable=SC2046
	if ! newer_than "$_dir/dashboard.tsv" "$@" "$PIPEDIR/dashboard.sh" "$PIPEDIR/common.sh" \
		"$PIPEDIR"/awk/*.awk "$ROOT"/lib/data/*.tsv ${CSPKIT_BIN:-"$ROOT/bin"}/* out/.params/*; then
		sh "$PIPEDIR/dashboard.sh" -q --area "$area" $(param_opts dashboard) -o "$_dir" -- "$@" || failed=1
	fi
}

[ $# -ge 1 ] || usage_error "safe, list, dirs, run, dashboard or param expected"
cmd=$1
shift
case $cmd in
safe)
	_d=${1%"${1##*[!/]}"}
	[ -d "$_d" ] && make_safe "$_d" && printf '%s\n' "$_d"
	exit 0 ;;
list)
	want=$1 each=print_safe
	shift
	for s; do [ ! -d "$s" ] || inputs "$s"; done ;;
dirs)
	each=print_dirs _seen=
	for s; do [ ! -d "$s" ] || inputs "$s"; done ;;
run)
	area=$1 each=run_one failed=
	shift
	need_src "$@"
	for s; do
		found=0 forces=
		inputs "$s"
		for _fo in $forces; do run_police "$_fo"; done
		[ "$found" -eq 0 ] && [ "$s" != samples ] || continue
		# A folder with nothing to run says what it holds.
		failed=1
		msg "DATA=$(shquote "$s"): nothing to run: no minutes or report pack (.txt, .pdf), MPS borough or ward file or data.police.uk street file"
		_n=0
		for _f in "$s"/* "$s"/.[!.]*; do
			[ -e "$_f" ] || continue
			_n=$((_n + 1))
			[ "$_n" -le 10 ] && msg "  ${_f##*/}: $(what_is "$_f")"
		done
		[ "$_n" -gt 0 ] || msg "  (the folder is empty)"
		[ "$_n" -le 10 ] || msg "  and $((_n - 10)) more"
	done
	[ -z "$failed" ] || exit 1 ;;
dashboard)
	[ $# -eq 2 ] || usage_error "dashboard AREA DATA expected"
	area_dashboard "$1" "$2" ;;
param)
	mkdir -p out/.params
	_p=out/.params/$1
	[ -f "$_p" ] && [ "$(cat "$_p")" = "${2:-}" ] || printf '%s\n' "${2:-}" >"$_p"
	printf '%s\n' "$_p" ;;
*) usage_error "'$cmd': safe, list, dirs, run, dashboard or param expected" ;;
esac
