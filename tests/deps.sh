#!/bin/sh
# Install the Debian packages named as arguments that are not installed yet.
# Used by make test / run / check / bench so a fresh machine needs no manual
# step.  Root uses apt-get directly; others use sudo when it works without a
# password; otherwise we say what to install and fail.
missing=
for p in "$@"; do
	s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $s in *" installed") ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
	echo "cspkit: missing packages:$missing (no apt-get here: install them by hand)" >&2
	exit 1
fi
if [ "$(id -u)" = 0 ]; then
	as_root=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	as_root="sudo -n"
else
	echo "cspkit: missing packages:$missing" >&2
	echo "cspkit: run as root or with sudo: apt-get install$missing" >&2
	exit 1
fi
echo "cspkit: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$as_root apt-get update -qq >/dev/null 2>&1 || true
# shellcheck disable=SC2086
if ! $as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null; then
	echo "cspkit: apt-get install$missing failed" >&2
	exit 1
fi
