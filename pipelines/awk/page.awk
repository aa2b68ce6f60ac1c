# page.awk - the frame of site.sh's pages: one look, no script, no
# external file, readable on a phone and printed (A4 landscape, no row
# split).  page_open(OUT, TITLE) and page_close(OUT) write to the file OUT.

function page_open(out, title) {
	print "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">" > out
	print "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" > out
	print "<title>" esc(title) "</title>" > out
	print "<style>" > out
	print "body { font-family: Arial, Helvetica, sans-serif; margin: 0 auto; padding: 1em 1.5em; max-width: 1200px; color: #0b0c0c; line-height: 1.4; }" > out
	print "h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin: 1.2em 0 0.3em; }" > out
	print "a { color: #1d70b8; } .meta, .note { color: #505a5f; font-size: 0.9em; }" > out
	print "table { border-collapse: collapse; width: 100%; font-size: 0.92em; }" > out
	print "th, td { border-bottom: 1px solid #b1b4b6; padding: 5px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }" > out
	print "thead th { background: #f3f2f1; white-space: nowrap; } td.num { text-align: right; white-space: nowrap; }" > out
	print "pre.source { font-size: 0.8em; white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid #b1b4b6; padding: 0.5em; }" > out
	print "pre.source span:target { background: #ffdd00; }" > out
	print "ul.links li { margin: 0.25em 0; }" > out
	print "@media print { @page { size: A4 landscape; margin: 10mm; } body { font-size: 9pt; max-width: none; padding: 0; } tr, li { break-inside: avoid; page-break-inside: avoid; } thead { display: table-header-group; } }" > out
	print "</style>\n</head>\n<body>" > out
}
function page_close(out) {
	print "</body>\n</html>" > out
	close(out)
}
# href(PATH): PATH as a URL path: bytes other than letters, digits and
# - . _ ~ / percent-encoded (a name with a space, # or ?), then escaped.
function href(p,   i, c, r) {
	if (!HEXDONE) { for (i = 1; i < 256; i++) ORD[sprintf("%c", i)] = i; HEXDONE = 1 }
	r = ""
	for (i = 1; i <= length(p); i++) {
		c = substr(p, i, 1)
		r = r (c ~ /[A-Za-z0-9._~\/-]/ ? c : sprintf("%%%02X", ORD[c]))
	}
	return esc(r)
}
# longdate(YYYY-MM-DD): "7 May 2019"; anything else as it is.
function longdate(d,   m) {
	if (d !~ /^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]$/) return d
	m = monthname(substr(d, 1, 7))
	return (substr(d, 9, 2) + 0) " " m
}
