/* num.h - numbers as printed in reports and data files.
 *
 * Accepts "1,199", "-25.6%", "+ 50%", "£139,937", "Down 14.8%", "Up 3%",
 * "↑50%", "↓2.1%", "15/32", "0.4", "(12)".  The printed precision is kept
 * in `text` ("-15.0" stays "-15.0").  Footnote markers glued after a
 * percent sign or a closing word are not digits of the number
 * ("19.6%12" is 19.6%).
 *
 * Choices (tested in tests/unit/test_num.c):
 * - Minus is '-', U+2212 or an en dash; "Down"/"↓" negate, "Up"/"↑" do not;
 *   a contradiction ("Down +3%") is not a number.  Spaces may follow a sign.
 * - "(12)" and "(£1,200)" are accounts-style negatives; a bracketed figure
 *   that is signed or a percentage keeps its sign ("(5%)" is 5).
 * - Thousands commas only in groups of three after a 1-3 digit lead group.
 * - "a/b" is has_of only for plain integers with 0 < a <= b and no further
 *   '/' ("2016/17" and "28/02/2019" are not ranks).
 * - More than 15 significant digits, or an exponent ("1e400") that makes
 *   the value inexact, is NUM_OVERFLOW (value 0, text "").
 * - "%" may be preceded by spaces or spelled "per cent"/"percent".
 * - Nothing depends on the locale; s need not be NUL-terminated at n.
 */
#ifndef CS_NUM_H
#define CS_NUM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	NUM_NONE = 0, /* not a number */
	NUM_OK = 1,
	NUM_OVERFLOW =
	    2 /* looks like a number but exceeds what is kept exact */
} num_status;

typedef struct {
	double value;  /* signed value, percent sign not applied */
	char text[40]; /* C-locale text with printed precision: "-25.6" */
	int decimals;  /* digits printed after the point */
	bool percent;  /* a '%' followed */
	bool currency; /* a '£' or '$' came first */
	bool has_of;   /* "15/32": value 15, of 32 */
	long of;
	size_t end; /* bytes consumed from the start of the input */
} cs_num;

/* Parse a whole cell (leading/trailing spaces, a trailing '*', '†' or
 * superscript digit, digits glued after '%' allowed).  Anything else left
 * over means NUM_NONE; on NUM_NONE *out is zeroed. */
num_status num_parse(const char *s, size_t n, cs_num *out);
/* Parse a number starting exactly at s (no leading space); out->end says
 * how far (also on NUM_OVERFLOW).  "19.6%12" ends after '%'. */
num_status num_prefix(const char *s, size_t n, cs_num *out);
/* Plain integer of digits only ("201902", "07"); false on junk/overflow. */
bool num_long(const char *s, size_t n, long *out);
/* Count as published in data files: digits with optional thousands commas
 * and surrounding spaces/tabs ("1,234", " 17 "); false otherwise, also for
 * "1,23,4", "12,34", "-3", "3.0" and overflow of long. */
bool num_count(const char *s, size_t n, long *out);
/* Format v with the given decimals (0..22) into buf (C locale, no "-0",
 * halves rounded away from zero; truncated to size, always terminated). */
void num_format(char *buf, size_t size, double v, int decimals);
/* v in decimal ("-1234"), as snprintf "%ld" writes it, truncated to size
 * and always terminated; the length written.  For counts and line
 * numbers, without printf's cost (normalise-crime writes a line number a
 * row). */
size_t num_format_long(char *buf, size_t size, long v);

#endif
