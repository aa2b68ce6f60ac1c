/* group.h - which group a row belongs to, for the tools that work group
 * by group (rag-flag, rank-boroughs).
 *
 * The rule, the same in both tools:
 *   - A row's group is the values of its key columns (-g), compared byte
 *     for byte: "Barnet" and "barnet" are two groups.  Groups are numbered
 *     0, 1, ... in the order their first rows come.
 *   - A run is rows of one group that come one after another.  A group
 *     is complete either
 *       consecutive: at the end of its run, so one group is held at a
 *         time (rag-flag; rank-boroughs --grouped), or
 *       held: at the end of the input, so the whole input is held and a
 *         group's rows may stand anywhere (rank-boroughs).
 *   - In consecutive mode a group that comes back in a later run (Barnet
 *     rows, then Brent rows, then Barnet again: unsorted input) is told
 *     apart, GROUP_BACK, and each tool says so: rag-flag warns and flags
 *     the later run on its own (a flag over part of a group is still a
 *     flag of what it saw); rank-boroughs --grouped stops with exit 1 (a
 *     rank among part of the boroughs is a wrong rank).  Held mode has no
 *     runs to care about.
 * A grouping tells the group of each row and where runs start; holding
 * the rows is the tool's: rag-flag copies each row (few, small groups,
 * judged by field), rank-boroughs keeps their bytes in one arena and a
 * fixed record per row (millions of rows, written back in input order:
 * rank.h), which is why the rows themselves are not held here.
 */
#ifndef CS_GROUP_H
#define CS_GROUP_H

#include <stddef.h>
#include <stdint.h>

#include "tsv.h"

typedef struct grouping grouping;

enum group_run {
	GROUP_SAME, /* the row before's group: the run goes on */
	GROUP_NEW,  /* a group not seen before: its first run */
	GROUP_BACK  /* a group seen before, after other groups' rows */
};

/* A grouping by the key columns cols[0..ncols) of a tsv (as tsv_need_list
 * gives them; the array is copied). */
grouping *grouping_new(const int *cols, size_t ncols);
/* The group of t's current row; *run tells how it stands to the row
 * before (the first row is GROUP_NEW).  Sorted input repeats the key of
 * the row before, so that is compared before the key is looked up. */
uint32_t grouping_row(grouping *gr, const tsv *t, enum group_run *run);
/* The group whose key is t's current row's with column col's value taken
 * as val (rank-boroughs --check: a stated rank's counterpart, measure
 * "count"), numbered as a new group when there is none; not a row, so
 * runs are not affected. */
uint32_t grouping_find_as(grouping *gr, const tsv *t, int col, const char *val);
size_t grouping_count(const grouping *gr);
/* "2019-02, burglary, count": the key values of group id, for messages;
 * cut short to fit size (at least 1). */
const char *grouping_label(const grouping *gr, uint32_t id, char *buf,
                           size_t size);
void grouping_free(grouping *gr);

#endif
