/* rank.h - rank-boroughs' internals: held rows, ranking groups, areas.
 *
 * Rows are held in a batch (the whole input, or one ranking group with
 * --grouped): their bytes in one growing arena and a fixed-size record
 * each, so holding two million rows costs two allocations that grow, not
 * two million.  The ranks are computed per group once the batch is
 * complete, then the rows are written in input order.
 */
#ifndef RB_RANK_H
#define RB_RANK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "borough.h"
#include "geo.h"
#include "group.h"
#include "hash.h"
#include "tsv.h"

/* What a row's measure says about how to rank it. */
enum kind {
	K_COUNT,    /* a count (or no measure column): rate = value/pop*1000 */
	K_RATE1000, /* already per 1000: the rate is the value */
	K_RATE100K, /* per 100 000: rate = value / 100 */
	K_OTHER,    /* a change or share: ranked by value, no rate */
	K_STATED    /* measure "rank": a rank stated in a report */
};

/* Row flags. */
enum {
	F_LONDON = 1,  /* takes part in the London (or --areas any) ranking */
	F_PEER = 2,    /* a member of the --group peer group */
	F_POP_SHOW = 4 /* write pop as computed (an estimate, or copied by
			 * --check); else the input's own population field */
};

typedef struct {
	size_t off; /* line bytes in the arena, tabs restored */
	uint32_t len;
	uint32_t group; /* index into the group table */
	uint32_t line;  /* line number in its source */
	int32_t area;   /* area id, -1 for no area */
	uint16_t src;   /* index into the source names */
	uint8_t kind;
	uint8_t flags;
	double value; /* NAN when empty or not a number */
	double pop;   /* NAN when unknown */
	double rate;  /* NAN when none */
	int32_t set;  /* the comparison set it is ranked in (F_LONDON) */
	int32_t rank, rank_of; /* 0 when not ranked */
	int32_t grank, gof;
} row;

/* A ranking group: rows with the same values in the -g columns, numbered
 * by lib/group (the rule of group.h, held or with --grouped consecutive);
 * the rows stay in the batch's arena, not in lib/group, for speed. */
typedef struct {
	size_t first, n; /* its rows in the batch's order[] */
} group;

/* A distinct area: a London borough (id = its index in borough.h's table)
 * or another place, known by its folded name. */
typedef struct {
	const char *name;    /* display name */
	const cs_borough *b; /* NULL outside London */
	const geo_area *g;   /* in the national geography, or NULL */
	bool g_by_code;      /* g was found by an area_code, not a name */
	bool member;         /* in the --group peer group */
	bool listed;         /* in the --among FILE list */
	int set;             /* its comparison set; -1 none, -2 not yet known */
	long missing;        /* peer groups ranked without it */
} area;

/* --among: which areas an area is ranked with.  Set 0 is London's 32 (33)
 * boroughs, as before there were others; the national sets are the areas
 * of one level in a force area, in Wales, England or both, or a list. */
enum among {
	AMONG_DEFAULT,
	AMONG_LONDON,
	AMONG_FORCE,
	AMONG_WALES,
	AMONG_ENGLAND,
	AMONG_EW,
	AMONG_FILE
};

typedef struct {
	char *key;                /* "force W15000002 csp", "file" */
	char *label;              /* for messages: "Gwent's partnerships" */
	const geo_area **members; /* national sets; NULL for a list */
	size_t nmembers;          /* rank_of */
} cmpset;

typedef struct {
	/* options */
	bool by_value, desc, include_city, any_area, check, grouped;
	int estimate;     /* borough.h POP_*, or -1: the input column,
				 * or POP_N: an estimate only geo.h has */
	int geo_estimate; /* geo.h's index of the same estimate, or -1 */
	enum among among;
	const char *among_file;
	cmpset *sets; /* [0] is London */
	size_t nsets, setcap;
	const char *check_against;
	/* input columns (-1 when absent) */
	int *gcols;
	size_t ngcols;
	int c_area, c_code, c_value, c_measure, c_pop, c_unit;
	size_t ncols;
	int *colrep;  /* per input column: the added column that
				 * overwrites it, or -1 */
	int where[6]; /* per added column: the input column it
				 * overwrites, or -1 (tsv.h out_pass_header) */
	size_t nadd;
	/* the batch */
	char *arena;
	size_t alen, acap;
	row *rows;
	size_t nrows, rcap;
	size_t *order; /* row indices grouped by group */
	size_t ocap;
	uint32_t *touched; /* groups with rows in the batch, first seen first */
	size_t ntouched, tcap;
	uint32_t cur; /* the group being read (--grouped) */
	/* groups */
	group *groups; /* by the grouping's numbers */
	size_t ngroups, gcap;
	grouping *grouping; /* made at the first row, from gcols */
	enum group_run run; /* of the row rank_group_of saw last */
	/* areas */
	area *areas;
	size_t nareas, acap2;
	hmap *acache;  /* raw "area\x1fcode" -> id + 1 */
	hmap *afold;   /* folded non-London name -> id + 1 */
	int last_area; /* the id area_id returned last */
	bool last_area_ok;
	size_t nmembers;      /* peer group size */
	const char *peer_src; /* --group as given */
	long peer_groups;     /* groups given a peer ranking */
	/* sources */
	const char **srcs;
	size_t nsrcs, scap;
	/* stated ranks for --check */
	struct stated {
		size_t row;
		uint32_t group; /* the group whose rank it states */
		long of;        /* stated denominator, 0 unknown */
	} * stated;
	size_t nstated, stcap;
	/* scratch, here and not in statics so that each ranker (a unit
	 * test makes several) has its own */
	uint32_t *seen_stamp; /* per area: last group stamp */
	size_t *seen_row;
	uint32_t stamp;
	uint32_t *mark; /* per area: stamp of the last ranking */
	size_t mcap;    /* slots of mark, seen_stamp, seen_row */
} ranker;

/* areas.c */
int area_id(ranker *r, const char *name, size_t n, const char *code, size_t cn);
int area_set(ranker *r, int id);
void among_load(ranker *r, const char *file);
void peers_load(ranker *r, const char *file);
void peers_report(ranker *r);

/* rank.c */
void rank_init(ranker *r);
/* The group of t's current row; then rank_add holds the row (with
 * --grouped it stops when the group came earlier: lib/group's rule). */
uint32_t rank_group_of(ranker *r, const tsv *t);
void rank_add(ranker *r, const tsv *t, uint32_t g);
void rank_batch(ranker *r);
void rank_write(ranker *r);
void rank_reset(ranker *r);
void rank_free(ranker *r);
const char *group_label(const ranker *r, size_t g, char *buf, size_t size);
const char *src_name(const ranker *r, const row *w);

/* check.c */
void check_stated(ranker *r);

#endif
