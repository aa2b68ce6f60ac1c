# tohtml.awk - report text as a web page set in a proportional font, as a
# council's report reaches a PDF from a word processor or a browser.
# Lines stay lines (white-space: pre-wrap), so tables keep their tabs.
BEGIN {
	print "<!doctype html><html><head><meta charset=\"utf-8\"><style>"
	print "body{font-family:\"DejaVu Serif\",serif;font-size:10.5pt;" \
	    "margin:0;white-space:pre-wrap}"
	print "@page{size:A4;margin:2cm}</style></head><body>"
}
{
	gsub(/&/, "\\&amp;")
	gsub(/</, "\\&lt;")
	gsub(/>/, "\\&gt;")
	print
}
END { print "</body></html>" }
