/* tsv.h - read TSV by column name; write strict TSV (SPEC section 1).
 *
 * Reader: operands are one stream with one header kept; a later operand's
 * header must equal the first.  Fields are split in place, without
 * copying.  A row whose field count differs from the header is a data
 * error naming file:line (exit 1).  Empty input (no header at all) is
 * reported by tsv_empty(); tools then write nothing and exit 0.
 *
 * Writer: one buffered stdout.  Tab, CR, LF and NUL inside a field become a
 * space; each byte that is not part of valid UTF-8 (overlong forms and
 * surrogates included) becomes U+FFFD.  cs_finish() flushes it and turns a write error into exit 1.
 */
#ifndef CS_TSV_H
#define CS_TSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tsv tsv;

tsv *tsv_open(int nnames, char *const names[]);
bool tsv_empty(const tsv *t);
size_t tsv_ncols(const tsv *t);
const char *tsv_colname(const tsv *t, size_t i);
/* Index of a column by exact name, or -1. */
int tsv_col(const tsv *t, const char *name);
/* Index of a column that must exist: a usage error (exit 2) naming the
 * column and the operand otherwise. */
int tsv_need(const tsv *t, const char *name);
/* Indexes of the columns named in a comma-separated list ("area,offence",
 * the -g options), each resolved as by tsv_need; an empty name is a usage
 * error.  The count goes in *n; free the array. */
int *tsv_need_list(const tsv *t, const char *list, size_t *n);
/* Read the next data row; false at end of input. */
bool tsv_next(tsv *t);
const char *tsv_get(const tsv *t, size_t i);
size_t tsv_len(const tsv *t, size_t i);
const char *tsv_source(const tsv *t);
long tsv_lineno(const tsv *t);
void tsv_close(tsv *t);

/* ---- writer (stdout) ---- */
void out_field(const char *s); /* one field, sanitised */
void out_fieldn(const char *s, size_t n);
void out_fieldf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void out_long(long v);
/* Fixed-point number in the C locale: out_fixed(12.345, 2) -> "12.35";
 * -0.00 is written 0.00. Non-finite values are written as "" (unknown). */
void out_fixed(double v, int decimals);
void out_empty(void); /* an unknown field */
void out_endrow(void);
/* Bytes already in TSV form, written as they are: whole rows of the
 * header's width, fields sanitised, each row ending in LF.  For tools that
 * write millions of rows differing in a field or two, which they assemble
 * from pieces cleaned once. */
void out_raw(const char *s, size_t n);
/* Write a header line from names (count n). */
void out_header(const char *const names[], size_t n);
/* Copy the input row of t as the first fields of the output row. */
void out_row_of(const tsv *t);
/* Flush; false on a write error (cs_finish does this for you). */
bool out_flush(void);

/* ---- pass-through output (SPEC: keep every input column, append the
 * added ones; an added column that already exists is overwritten in place).
 * out_pass_header writes the header and fills where[k]: the input column
 * that added column k overwrites, or -1 when it is appended.
 * out_pass_row writes the current input row with vals[k] (NULL = empty). */
void out_pass_header(const tsv *t, const char *const added[], size_t nadd,
                     int where[]);
void out_pass_row(const tsv *t, const char *const vals[], size_t nadd,
                  const int where[]);
/* The same for a row held apart from the reader (a tool that holds a
 * group): its ncols fields f[i] of length flen[i]. */
void out_pass_fields(char *const f[], const size_t flen[], size_t ncols,
                     const char *const vals[], size_t nadd, const int where[]);

#endif
