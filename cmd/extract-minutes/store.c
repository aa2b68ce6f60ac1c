/* store.c - the rows of one set of minutes (see store.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store.h"
#include "text.h"
#include "tsv.h"

static const char *const kind_names[] = {
	"meeting",    "present",  "in_attendance", "apology",      "item",
	"resolution", "decision", "action",        "next_meeting", "closed",
};

static char *
dup_trim(const char *s, size_t n)
{
	text_trim(&s, &n);
	return xstrndup(s, n);
}

void
meeting_begin(meeting *mt, const char *source, long line, const char *date,
              const char *body, size_t bn)
{
	meeting_clear(mt);
	mt->source = xstrdup(source);
	snprintf(mt->date, sizeof mt->date, "%s", date);
	mt->body = dup_trim(body, bn);
	mt->names = nameidx_new();
	meeting_add(mt, REC_MEETING, line, "", "", "", "", "");
}

void
meeting_set_venue(meeting *mt, const char *s, size_t n)
{
	free(mt->venue);
	mt->venue = dup_trim(s, n);
	if (mt->nrecs > 0 && mt->recs[0].kind == REC_MEETING) {
		free(mt->recs[0].text);
		mt->recs[0].text = xstrdup(mt->venue);
	}
}

rec *
meeting_add(meeting *mt, enum rec_kind kind, long line, const char *item,
            const char *who, const char *role, const char *org,
            const char *text)
{
	rec *r;

	mt->recs = xgrow(mt->recs, &mt->crecs, mt->nrecs + 1, sizeof *mt->recs);
	r = &mt->recs[mt->nrecs++];
	r->kind = kind;
	r->line = line;
	r->item = xstrdup(item ? item : "");
	r->who = xstrdup(who ? who : "");
	r->role = xstrdup(role ? role : "");
	r->org = xstrdup(org ? org : "");
	r->text = xstrdup(text ? text : "");
	memset(&r->owners, 0, sizeof r->owners);
	if (kind == REC_PRESENT || kind == REC_IN_ATTENDANCE ||
	    kind == REC_APOLOGY) {
		nameidx_person(mt->names, r->who, r->role, 0,
		               NIX_LISTED |
		                   (kind == REC_APOLOGY ? NIX_ABSENT : 0));
		if (kind == REC_PRESENT && role_is_chair(r->role))
			nameidx_set_chair(mt->names, r->who);
	}
	if (kind == REC_NEXT_MEETING)
		mt->has_next = true;
	return r;
}

static void
rec_free(rec *r)
{
	free(r->item);
	free(r->who);
	free(r->role);
	free(r->org);
	free(r->text);
	owner_list_free(&r->owners);
}

void
meeting_clear(meeting *mt)
{
	for (size_t i = 0; i < mt->nrecs; i++)
		rec_free(&mt->recs[i]);
	free(mt->recs);
	free(mt->source);
	free(mt->body);
	free(mt->venue);
	nameidx_free(mt->names);
	memset(mt, 0, sizeof *mt);
}

void
meeting_write(const meeting *mt)
{
	for (size_t i = 0; i < mt->nrecs; i++) {
		const rec *r = &mt->recs[i];

		if ((int)r->kind < 0)
			continue;
		out_field(mt->source);
		out_long(r->line);
		out_field(mt->date);
		out_field(mt->body ? mt->body : "");
		out_field(kind_names[r->kind]);
		out_field(r->item);
		out_field(r->who);
		out_field(r->role);
		out_field(r->org);
		out_field(r->text);
		out_endrow();
	}
}
