/* num.h - numbers as printed in reports and data files.
 *
 * Accepts "1,199", "-25.6%", "+ 50%", "£139,937", "Down 14.8%", "Up 3%",
 * "↑50%", "↓2.1%", "15/32", "0.4", "(12)".  The printed precision is kept
 * in `text` ("-15.0" stays "-15.0").  Footnote markers glued after a
 * percent sign or a closing word are not digits of the number
 * ("19.6%12" is 19.6%).
 */
#ifndef CS_NUM_H
#define CS_NUM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	NUM_NONE = 0,   /* not a number */
	NUM_OK = 1,
	NUM_OVERFLOW = 2 /* looks like a number but exceeds what is kept exact */
} num_status;

typedef struct {
	double value;        /* signed value, percent sign not applied */
	char text[40];       /* C-locale text with printed precision: "-25.6" */
	int decimals;        /* digits printed after the point */
	bool percent;        /* a '%' followed */
	bool currency;       /* a '£' or '$' came first */
	bool has_of;         /* "15/32": value 15, of 32 */
	long of;
	size_t end;          /* bytes consumed from the start of the input */
} cs_num;

/* Parse a whole cell (leading/trailing spaces, a trailing '*' or footnote
 * after '%' allowed).  Anything else left over means NUM_NONE. */
num_status num_parse(const char *s, size_t n, cs_num *out);
/* Parse a number starting exactly at s (a prefix); out->end says how far. */
num_status num_prefix(const char *s, size_t n, cs_num *out);
/* Plain integer of digits only ("201902", "07"); false on junk/overflow. */
bool num_long(const char *s, size_t n, long *out);
/* Count as published in data files: digits with optional thousands commas
 * and surrounding spaces ("1,234", " 17 "); false otherwise. */
bool num_count(const char *s, size_t n, long *out);
/* Format v with the given decimals into buf (C locale, no "-0"). */
void num_format(char *buf, size_t size, double v, int decimals);

#endif
