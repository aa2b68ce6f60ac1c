# progress.awk - how a long batch is going, for a person at a terminal:
#   ... | awk -v total=M -v what=packs -f progress.awk
# Each line read is one run ended; the line "n of M packs, elapsed, left"
# is redrawn in place on stderr (left: the time so far per run, times the
# runs to go), and ended with a newline.  (srand() returns the seed before,
# and a seed given by srand() is the time of day in seconds: two calls read
# the clock in any POSIX awk.)
BEGIN { srand(); start = srand() }
{
	n++
	srand()
	now = srand()
	el = now - start
	printf("\r%d of %d %s, %s elapsed, %s left ", n, total, what, hms(el),
		n < total ? hms(el * (total - n) / n) : hms(0)) > "/dev/stderr"
	fflush("/dev/stderr")
}
END { if (n) printf "\n" > "/dev/stderr" }
function hms(s) {
	s = int(s + 0.5)
	return s >= 3600 ? sprintf("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) \
	                 : sprintf("%d:%02d", s / 60, s % 60)
}
