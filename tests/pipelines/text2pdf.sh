#!/bin/sh
# text2pdf.sh TEXT PDF: a plain PDF of TEXT (ASCII, Courier 9 pt, 80 lines a
# page) so the tests can feed the pipelines a real PDF without a PDF tool.
# Offsets in the xref table are counted as the file is written.
awk -v lines_per_page=80 '
function put(s) { body = body s; off += length(s) }
function obj(n, s) { xref[n] = off; put(n " 0 obj\n" s "\nendobj\n") }
function esc(s) { gsub(/\\/, "\\\\", s); gsub(/\(/, "\\(", s); gsub(/\)/, "\\)", s); return s }
{ gsub(/[^\t -~]/, "?"); gsub(/\t/, "    "); line[NR] = $0 }
END {
	pages = int((NR + lines_per_page - 1) / lines_per_page)
	if (pages < 1) pages = 1
	put("%PDF-1.4\n")
	kids = ""
	for (p = 0; p < pages; p++)
		kids = kids (5 + 2 * p) " 0 R "
	obj(1, "<< /Type /Catalog /Pages 2 0 R >>")
	obj(2, "<< /Type /Pages /Kids [" kids "] /Count " pages " >>")
	obj(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
	obj(4, "<< >>")
	for (p = 0; p < pages; p++) {
		s = "BT /F1 9 Tf 10 TL 30 810 Td\n"
		for (i = p * lines_per_page + 1; i <= NR && i <= (p + 1) * lines_per_page; i++)
			s = s "(" esc(line[i]) ") Tj T*\n"
		s = s "ET"
		obj(5 + 2 * p, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " (6 + 2 * p) " 0 R >>")
		obj(6 + 2 * p, "<< /Length " length(s) " >>\nstream\n" s "\nendstream")
	}
	n = 6 + 2 * (pages - 1)
	start = off
	put("xref\n0 " (n + 1) "\n0000000000 65535 f \n")
	for (i = 1; i <= n; i++)
		put(sprintf("%010d 00000 n \n", xref[i]))
	put("trailer\n<< /Size " (n + 1) " /Root 1 0 R >>\nstartxref\n" start "\n%%EOF\n")
	printf "%s", body
}' "$1" >"$2"
