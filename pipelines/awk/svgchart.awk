# svgchart.awk - small charts as SVG, one file per chart, from one table:
# the pages' only drawing code (tested in tests/pipelines.bats).
# Needs AWK_TSV and words.awk (its esc) in front: tsvawk words+svgchart.
# Input columns:
#   chart   the chart's id: letters, digits, - and _ (its file is
#           $CHARTDIR/<chart>.svg); rows of a chart need not be together
#   kind    bars   a ranked bar chart: one bar per label, lowest value on
#                  the left; series "ref" is a reference line (an average)
#           lines  one line per series over the labels (months, in order)
#   scale   charts with the same scale share their value axis (small
#           multiples); empty: the chart's own
#   axis    linear (from 0) or log (lines only; values <= 0 are gaps)
#   series  the line (lines), or "ref" (bars)
#   label   the bar's name, or the point's x label (YYYY-MM shows as
#           "Jan 2024"; others as they are)
#   value   a number; empty: no bar or a gap in the line
#   mark    yes: the bar or series to stand out (drawn dark and named)
#   title   what the chart shows, for its <title> and aria-label
# Every text is escaped; sizes are a viewBox, so a chart fills the width
# its container gives it.

head { need("chart kind scale axis series label value mark title"); next }
{
	c = f("chart")
	if (c !~ /^[A-Za-z0-9_-]+$/) {
		printf "%s: %s: chart id '%s' is not letters, digits, - or _\n", prog, FILENAME, c > "/dev/stderr"
		exit 2
	}
	if (!(c in kind)) {
		order[++ncharts] = c
		kind[c] = f("kind"); axis[c] = f("axis"); title[c] = f("title")
		scale[c] = f("scale") != "" ? f("scale") : "chart " c
	}
	v = f("value")
	if (kind[c] == "bars") {
		if (f("series") == "ref") { ref[c] = v; reflabel[c] = f("label"); next }
		k = ++nitems[c]
		ilabel[c, k] = f("label"); ivalue[c, k] = v; imark[c, k] = f("mark") == "yes"
	} else {
		s = f("series")
		if (!((c, s) in sindex)) { sindex[c, s] = ++nseries[c]; sname[c, nseries[c]] = s }
		si = sindex[c, s]
		if (f("mark") == "yes") smark[c, si] = 1
		x = f("label")
		if (!((c, x) in xindex)) { xindex[c, x] = ++nx[c]; xname[c, nx[c]] = x }
		pvalue[c, si, xindex[c, x]] = v
	}
	if (v != "" && (axis[c] != "log" || v + 0 > 0)) {
		g = scale[c]
		if (!(g in hi) || v + 0 > hi[g]) hi[g] = v + 0
		if (!(g in lo) || v + 0 < lo[g]) lo[g] = v + 0
	}
}
END {
	dir = ENVIRON["CHARTDIR"]
	for (i = 1; i <= ncharts; i++) {
		c = order[i]
		out = dir "/" c ".svg"
		if (kind[c] == "bars") bars(c, out)
		else lines(c, out)
		close(out)
	}
}

# num(V): a value as a reader would write it: 2 significant decimals under
# 10, 1 under 100, none above.
function num(v) {
	v += 0
	if (v != 0 && (v < 0 ? -v < 0.1 : v < 0.1)) return sprintf("%.3f", v)
	if (v < 0 ? -v < 10 : v < 10) return sprintf("%.2f", v)
	if (v < 0 ? -v < 100 : v < 100) return sprintf("%.1f", v)
	return sprintf("%.0f", v)
}
function month(x,   m) {
	if (x !~ /^[0-9][0-9][0-9][0-9]-[01][0-9]$/) return x
	m = substr(x, 6, 2) + 0
	return substr("JanFebMarAprMayJunJulAugSepOctNovDec", m * 3 - 2, 3) " " substr(x, 1, 4)
}
function open_svg(c, out, w, h) {
	printf "<svg class=\"chart %s\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\" xmlns=\"http://www.w3.org/2000/svg\">", \
	       kind[c], w, h, esc(title[c]) > out
	printf "<title>%s</title>", esc(title[c]) > out
}
# nice(X): the tick step: 1, 2 or 5 times a power of ten, about X.
function nice(x,   p) {
	p = 1
	while (p * 10 <= x) p *= 10
	while (p > x) p /= 10
	if (x >= 5 * p) return 5 * p
	if (x >= 2 * p) return 2 * p
	return p
}

# bars(C, OUT): 300 x 104; bars sorted by value, the marked one dark and
# named above it, the reference a dashed line named at the right.
function bars(c, out,   n, i, j, t, top, step, x, y, h, bw, g, lab, ry) {
	n = nitems[c]
	for (i = 1; i <= n; i++) idx[i] = i
	for (i = 2; i <= n; i++)        # insertion sort by value, ties by input order
		for (j = i; j > 1 && ivalue[c, idx[j - 1]] + 0 > ivalue[c, idx[j]] + 0; j--) {
			t = idx[j]; idx[j] = idx[j - 1]; idx[j - 1] = t
		}
	g = scale[c]
	top = hi[g]
	if (ref[c] != "" && ref[c] + 0 > top) top = ref[c] + 0
	if (top <= 0) top = 1
	step = nice(top / 2)
	top = step * int(top / step + 0.999)
	open_svg(c, out, 300, 104)
	# axis: 0 and the top, with light grid lines
	for (t = 0; t <= top + step / 1000; t += step) {
		y = 86 - t * 70 / top
		printf "<line class=\"grid\" x1=\"34\" x2=\"296\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\" stroke-width=\"0.5\"/>", y, y > out
		printf "<text x=\"31\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#505a5f\">%g</text>", y + 3, t > out
	}
	bw = n > 0 ? 262 / n : 0
	for (i = 1; i <= n; i++) {
		j = idx[i]
		if (ivalue[c, j] == "") continue
		x = 34 + (i - 1) * bw
		h = ivalue[c, j] * 70 / top
		printf "<rect class=\"bar%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>", \
		       imark[c, j] ? " mark" : "", x + bw * 0.1, 86 - h, bw * 0.8, h, \
		       imark[c, j] ? "#1d70b8" : "#b1b4b6", esc(ilabel[c, j]), num(ivalue[c, j]) > out
		if (imark[c, j]) {
			lab = esc(ilabel[c, j]) " " num(ivalue[c, j])
			printf "<text class=\"mark\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" x=\"%.1f\" y=\"101\" font-size=\"10\" font-weight=\"bold\" text-anchor=\"%s\" fill=\"#1d70b8\">&#9650; %s</text>", \
			       x + bw / 2, (i <= n / 3 ? "start" : i > 2 * n / 3 ? "end" : "middle"), lab > out
		}
	}
	if (ref[c] != "") {
		ry = 86 - ref[c] * 70 / top
		printf "<line class=\"ref\" x1=\"34\" x2=\"296\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#0b0c0c\" stroke-width=\"1\" stroke-dasharray=\"4 2\"/>", ry, ry > out
		printf "<text class=\"ref\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\" x=\"36\" y=\"%.1f\" font-size=\"10\" fill=\"#0b0c0c\">%s %s</text>", ry - 2, esc(reflabel[c]), num(ref[c]) > out
	}
	print "</svg>" > out
}

# lines(C, OUT): 300 x 160; a labelled value axis (from 0, or log with
# ticks at 1, 2 and 5 times a power of ten), x labels at each January and
# at the ends, a legend naming each series; the marked series solid and
# dark, the others dashed.
function lines(c, out,   g, lmin, lmax, top, step, t, y, i, j, s, n, x, d, open, pts, col, dash, lx, v, lv, last, nj, every, jan) {
	g = scale[c]
	n = nx[c]
	open_svg(c, out, 300, 160)
	if (axis[c] == "log") {
		lmin = lo[g] > 0 ? log(lo[g]) : 0
		lmax = hi[g] > 0 ? log(hi[g]) : 1
		if (lmax - lmin < 0.1) { lmin -= 0.05; lmax += 0.05 }
		for (d = 1e-6; d <= hi[g] * 10 && d < 1e9; d *= 10)
			for (i = 1; i <= 5; i += (i == 1 ? 1 : 3)) {
				t = d * i
				if (log(t) < lmin - 1e-9 || log(t) > lmax + 1e-9) continue
				ytick(c, out, 128 - (log(t) - lmin) * 104 / (lmax - lmin), t)
			}
	} else {
		top = hi[g] > 0 ? hi[g] : 1
		step = nice(top / 3)
		top = step * int(top / step + 0.999)
		for (t = 0; t <= top + step / 1000; t += step)
			ytick(c, out, 128 - t * 104 / top, t)
	}
	# x labels: the first month, the last, and Januaries between: every
	# one up to 4, else every 2nd, 3rd ... so that 4 or so show; none
	# within 50 units of an end (labels are about 45 wide)
	nj = 0
	for (i = 1; i <= n; i++) if (xname[c, i] ~ /-01$/) nj++
	every = int((nj + 3) / 4); if (every < 1) every = 1
	j = 0
	for (i = 1; i <= n; i++) {
		x = n > 1 ? 40 + (i - 1) * 252 / (n - 1) : 166
		jan = xname[c, i] ~ /-01$/
		if (jan) j++
		if (i == 1 || i == n || (jan && (j - 1) % every == 0 && x - 40 >= 50 && 292 - x >= 50)) {
			printf "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"128\" y2=\"131\" stroke=\"#505a5f\" stroke-width=\"0.5\"/>", x, x > out
			printf "<text x=\"%.1f\" y=\"142\" font-size=\"10\" text-anchor=\"%s\" fill=\"#505a5f\">%s</text>", \
			       x, (i == 1 ? "start" : i == n ? "end" : "middle"), esc(month(xname[c, i])) > out
		}
	}
	lx = 40
	for (s = 1; s <= nseries[c]; s++) {
		col = smark[c, s] ? "#1d70b8" : "#505a5f"
		dash = smark[c, s] ? "" : " stroke-dasharray=\"4 2\""
		pts = ""; open = 0
		for (i = 1; i <= n; i++) {
			v = pvalue[c, s, i]
			if (v == "" || (axis[c] == "log" && v + 0 <= 0)) { if (open) print "\"/>" > out; open = 0; continue }
			x = n > 1 ? 40 + (i - 1) * 252 / (n - 1) : 166
			if (axis[c] == "log") y = 128 - (log(v) - lmin) * 104 / (lmax - lmin)
			else y = 128 - v * 104 / top
			if (!open) {
				printf "<polyline class=\"series%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\"%s points=\"", \
				       smark[c, s] ? " mark" : "", col, smark[c, s] ? "2" : "1.5", dash > out
				open = 1
			} else
				printf " " > out
			printf "%.1f,%.1f", x, y > out
			last = v
		}
		if (open) printf "\"/>" > out
		# the legend: a stroke and the series' name with its latest value
		printf "<line x1=\"%d\" x2=\"%d\" y1=\"8\" y2=\"8\" stroke=\"%s\" stroke-width=\"2\"%s/>", lx, lx + 14, col, dash > out
		lv = esc(sname[c, s]) (last != "" ? " (" num(last) ")" : "")
		printf "<text class=\"legend\" x=\"%d\" y=\"11\" font-size=\"10\" fill=\"#0b0c0c\">%s</text>", lx + 17, lv > out
		lx += 17 + length(lv) * 5.2 + 14
		last = ""
	}
	print "</svg>" > out
}
function ytick(c, out, y, t) {
	printf "<line class=\"grid\" x1=\"40\" x2=\"292\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\" stroke-width=\"0.5\"/>", y, y > out
	printf "<text x=\"37\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#505a5f\">%g</text>", y + 3, t > out
}
