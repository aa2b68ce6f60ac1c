/* owners.h - the owners of an action, as printed, until the set of
 * minutes ends and they can be resolved to names (owners.c). */
#ifndef EM_OWNERS_H
#define EM_OWNERS_H

#include <stdbool.h>
#include <stddef.h>

#include "people.h"

/* One owner of an action as printed, resolved to a name when the set of
 * minutes ends (a full name printed later may resolve it). */
enum owner_how {
	OWNER_NAMED,  /* "Ms Gardiner", "Clerk", "Cabinet Office Team" */
	OWNER_GUESS,  /* untitled words ("Priya Sandhu"): an owner only
			    * when they name someone the minutes know */
	OWNER_PRONOUN /* "she", "he": one of cand, whose sex agrees */
};

#define OWNER_NCAND 4

typedef struct {
	enum owner_how how;
	char *ref;               /* as printed */
	char sex;                /* a pronoun's: 'f', 'm' */
	char *cand[OWNER_NCAND]; /* a pronoun's people named before it,
				       * newest first */
	bool cand_guess[OWNER_NCAND];
	bool fresh; /* cand[0] is the one person named in
				       * the sentence before the pronoun */
} owner;

typedef struct {
	owner *v;
	size_t n, cap;
	bool passive;   /* "will be circulated": no owner is no fault */
	bool tentative; /* only guessed owners: no row unless one is
				 * someone the minutes know */
} owner_list;

void owner_list_free(owner_list *ol);
/* "Cllrs Ash & Birch / Clerk" as owners, one per person ("Cllr Ash",
 * "Cllr Birch", "Clerk"): split on "/", ",", ";", "&" and " and ", a
 * plural title handed to each name after it. */
void owners_parse(owner_list *ol, const char *s, size_t n);
/* The owners as names, "; "-separated: each resolved to the full name the
 * minutes print, never to someone who sent apologies; a pronoun to the
 * person named before it whose sex agrees, or nobody when unsure.  Warns
 * (source:line) when no owner is left. */
char *owners_resolve(const owner_list *ol, const nameidx *ix,
                     const char *source, long line);
/* The same, NULL (and no warning) for a tentative list that names no one
 * the minutes know: the sentence was no action. */
char *owners_resolve_tentative(const owner_list *ol, const nameidx *ix,
                               const char *source, long line);

#endif
