# ons.sh - sourced by the builders of reference tables from ONS files
# (make-geo.sh, make-wards.sh): PROG, the awk library, and the check that
# every input can be read before anything is written.
PROG=${0##*/}
ONS_AWK=$(cat "$(dirname "$0")/ons.awk")

# need FILE...: exit 1 naming the first that cannot be read.
need() {
	for _f; do
		[ -r "$_f" ] || { echo "$PROG: $_f: not readable" >&2; exit 1; }
	done
}
