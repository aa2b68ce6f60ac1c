/* people.h - people and organisations in minutes: attendance entries,
 * titles, the organisation gazetteer, and resolving "Ms Gardiner" to the
 * full name the same minutes print elsewhere.
 *
 * The word lists are data: lib/data/organisations.tsv and
 * lib/data/minutes-words.tsv. */
#ifndef EM_PEOPLE_H
#define EM_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "mem.h"

typedef struct {
	char *name; /* without honorifics or titles; "" when none */
	char *role; /* titles and roles, "; "-separated */
	char *org;
	bool guessed; /* the name/organisation split was a guess */
	char sex;     /* 'f', 'm' from an honorific ("Mrs"), else 0 */
} person;

enum entry_kind { ENTRY_NONE, ENTRY_PERSON, ENTRY_ORG };

void people_init(void);
void people_free(void);

/* One attendance entry ("Cllr A Bell (Chairman) London Fire Brigade",
 * "A Bell\tLFB", "A Bell - Head of Service, LFB", "LFB").  Fills p (free
 * with person_clear) unless ENTRY_NONE. */
enum entry_kind entry_parse(const char *s, size_t n, person *p);
void person_clear(person *p);

/* Remove leading honorifics and titles from a name: the bare name goes to
 * bare, kept titles (not Mr/Ms...) are appended "; "-separated to role
 * (which may be NULL).  Returns true when any title or honorific was
 * there. */
bool name_strip(const char *s, size_t n, sbuf *bare, sbuf *role);
/* Length of the title or honorific that starts s ("Cllr.", "Detective
 * Sergeant"), with its '.', or 0. */
size_t title_len(const char *s, size_t n);
/* A job or chair phrase ("Clerk", "Meetings Administrator"), no name. */
bool is_role(const char *s, size_t n);
/* A chair word ("Chairman", "Chair") alone, optionally after "The". */
bool is_chair_ref(const char *s, size_t n);
/* The meeting's own body as a subject ("The Parish Council"), not its
 * members ("Councillors"). */
bool is_body(const char *s, size_t n);
/* A role with a police rank ("Inspector", "PC; Police Scotland"). */
bool role_officer(const char *role);
/* A role of post-nominal letters only ("MP", "MSP; OBE"), or none. */
bool role_postnominal(const char *role);
/* A phrase with a job or chair word ("Minute taker", "Head of Unit"). */
bool has_role_word(const char *s, size_t n);
/* A role ("County Cllr", "Mr C Dyer - County Councillor") of a member
 * of another council, who attends but is no member. */
bool role_other_tier(const char *role);
/* A role string ("Cllr; Chairman") names the chair of the meeting. */
bool role_is_chair(const char *role);

/* Person references in prose: titled mentions ("Ms Kauser Mukhtar",
 * "Chief Superintendent Rose") and "the Chairman".  Finds the first at or
 * after *pos; sets [*so, *eo) of the whole reference and *pos past it. */
bool prose_next_ref(const char *s, size_t n, size_t *pos, size_t *so,
                    size_t *eo);

/* The sex an honorific in front of a name gives ("Mrs Bell": 'f', "Mr
 * Bell": 'm'), or 0. */
char name_sex(const char *s, size_t n);

/* ---- names printed in one set of minutes ---- */
typedef struct nameidx nameidx;

nameidx *nameidx_new(void);
void nameidx_free(nameidx *ix);
/* Record a full name (two words or more) printed in the minutes. */
void nameidx_add(nameidx *ix, const char *name);
/* The same, with what the minutes say of the person: the role listed
 * ("Meetings Administrator"), sex ('f', 'm', 0), and how: NIX_LISTED in
 * an attendance list, NIX_ABSENT among the apologies. */
enum { NIX_ABSENT = 1, NIX_LISTED = 2 };
void nameidx_person(nameidx *ix, const char *name, const char *role, char sex,
                    int how);
void nameidx_set_chair(nameidx *ix, const char *name);
/* Resolve a reference ("Ms Gardiner", "Superintendent Leach", "Chairman",
 * "Aveen", "the Meetings Administrator") to the one full name the minutes
 * print for it.  Returns a malloc'd string: the full name, or the
 * reference without honorifics when it cannot be resolved; *status says
 * which.  A sex the reference gives must agree. */
enum { RESOLVE_FULL, RESOLVE_UNKNOWN, RESOLVE_AMBIGUOUS };
char *nameidx_resolve(const nameidx *ix, const char *ref, int *status);
/* The same, among only the people present (IXR_PRESENT: never someone
 * who sent apologies) or only those absent (IXR_ABSENT); IXR_SURNAME: a
 * one-word reference is a surname only ("Cllrs Bell, Dornan" in a list);
 * IXR_UNLISTED: only names printed in the text, not in a list ("Bell" in
 * a list is not the "Alan Bell" listed beside it). */
enum { IXR_PRESENT = 1, IXR_ABSENT = 2, IXR_SURNAME = 4, IXR_UNLISTED = 8 };
char *nameidx_resolve_as(const nameidx *ix, const char *ref, int flags,
                         int *status);
/* The sex of the person a reference names, when the minutes say; 0. */
char nameidx_sex(const nameidx *ix, const char *ref);
/* Does the reference name someone who sent apologies? */
bool nameidx_absent(const nameidx *ix, const char *ref);
/* Is this (untitled) phrase a person the minutes know? */
bool nameidx_knows(const nameidx *ix, const char *phrase);

#endif
