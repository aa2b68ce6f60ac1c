/* wardref.h - the ward reference of join-wards: the built-in London table
 * (lib/data/wards.tsv) or an ONS ward lookup given with -r, indexed by ward
 * code and by folded ward name. */
#ifndef JW_WARDREF_H
#define JW_WARDREF_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"

typedef struct ward ward;
struct ward {
	const char *code, *name, *lad_code, *lad_name, *vintage, *population;
	const char *pop_source; /* the census counted: "census2021", or "" */
	ward *next_code; /* next row with the same code (another vintage) */
	ward *next_name; /* next row with the same folded name */
	char *buf;       /* owns the strings above */
};

typedef struct {
	const char *path;                     /* NULL: the built-in table */
	const char *code, *name, *population; /* --ref-* column names */
} wardref_opts;

typedef struct wardref wardref;

/* Load and index; exit 1 on a bad file, 2 on a --ref-* column it lacks. */
wardref *wardref_load(const wardref_opts *o);
const char *wardref_path(const wardref *r);
/* True when the table holds more than one boundary set (a vintage column). */
bool wardref_has_vintage(const wardref *r, const char *vintage);
bool wardref_vintaged(const wardref *r);
/* The boundary sets held, sorted and ", "-separated, into out. */
void wardref_vintages(const wardref *r, sbuf *out);
/* Rows with this exact code / this folded name (chains), or NULL. */
const ward *wardref_by_code(const wardref *r, const char *code, size_t n);
const ward *wardref_by_name(const wardref *r, const char *key, size_t n);
/* The LAD code of a borough given by code or any spelling of its name
 * (London aliases from lib/data/boroughs.tsv, else the table's LAD names),
 * or NULL. */
const char *wardref_lad(const wardref *r, const char *s, size_t n);
/* The local authorities nearest to a name that is none of them, for the
 * message of --borough (near.h): "Barnett" -> "Barnet". */
const char *wardref_near_lad(const wardref *r, const char *s, sbuf *out);
void wardref_free(wardref *r);

#endif
