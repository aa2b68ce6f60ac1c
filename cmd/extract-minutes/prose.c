/* prose.c - the rows of one set of minutes, and the reading of its
 * paragraphs (see prose.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "prose.h"
#include "re.h"
#include "text.h"
#include "tsv.h"

static cs_re *re_decision, *re_resolved, *re_apology,
	*re_inline_action, *re_marker, *re_pronoun, *re_untitled,
	*re_numbered, *re_commit;

#define BODIES "(?:[Bb]oard(?:\\s+Members)?|[Cc]ommittee|[Ss]ub-[Cc]ommittee|[Pp]artnership" \
	"(?:\\s+[Bb]oard)?|[Pp]anel|[Ff]orum|[Gg]roup|Members)"
#define DECIDED "(?:noted|agreed|approved|endorsed|requested|ratified|accepted" \
	"|adopted|resolved|supported|NOTED|AGREED|APPROVED|RESOLVED)"

void
prose_init(void)
{
	if (re_decision)
		return;
	re_decision = re_compile(
		"^(?:.*?(?:\\band|,)\\s+)?(?:[Tt]he\\s+)?" BODIES
		"\\s+(?:(?:also|further|unanimously|formally|duly)\\s+)?"
		"(?:(?:considered|discussed|received|reviewed)\\b[^.;]{0,200}?\\band\\s+)?"
		DECIDED "\\b"
		"|^(?:The\\s+)?[Mm]inutes\\b[^.]{0,160}?\\b(?:were|was)\\s+(?:approved|agreed|confirmed|signed)\\b"
		"|^It\\s+was\\s+(?:agreed|AGREED|resolved|RESOLVED|approved|APPROVED)\\b",
		"", "decision");
	re_resolved = re_compile("^(?:RESOLVED|Resolved(?=\\s*[:\\-]|\\s+that))"
				 "\\s*(?:[:\\-,]\\s*)?", "", "resolved");
	re_apology = re_compile(
		"^(?:Apologies(?:\\s+for\\s+absence)?\\s+(?:were|was|had\\s+been|have\\s+been"
		"|has\\s+been)\\s+(?:received|submitted|given|noted|tendered|made)"
		"\\s+(?:from|by|on\\s+behalf\\s+of|for)|Apologies(?:\\s+for\\s+absence)?\\s*:)"
		"\\s*(?<list>[^.]+)", "i", "apologies sentence");
	re_inline_action = re_compile(
		"(?:^|\\s)(?:Actions?|ACTIONS?)(?:\\s+(?:by|BY))?\\s*:\\s*(?<who>[^.:]{1,160}?)\\s*\\.?\\s*$",
		"", "inline action");
	re_marker = re_compile("\\[\\s*ACTION\\s*(?::\\s*(?<who>[^\\]]*))?\\]|\\(ACTION\\)",
			       "i", "action marker");
	re_pronoun = re_compile("^(?:(?:It\\s+was\\s+agreed\\s+that|Agreed\\s+that)\\s+)?"
				"(?:he|she|they|He|She|They)\\b", "", "pronoun");
	re_untitled = re_compile(
		"^(?:(?:It\\s+was\\s+agreed\\s+that|Agreed\\s+that)\\s+)?"
		"(?<n>\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})(?:\\s+"
		"(?:would|will|to|agreed|undertook|offered|said|confirmed|was|is|should"
		"|has|had|must|can|could|stated|reported|noted|asked|presented|explained"
		"|gave|introduced|outlined|spoke|updated)\\b|,\\s)", "", "untitled subject");
	/* where a sentence says what someone will do */
	re_commit = re_compile(
		"\\b(?:(?:he|she|they)\\s+)?(?:would|will|agreed|undertook|offered"
		"|to\\s+(?:circulate|provide|share|arrange|report|bring|contact|send"
		"|update|write|review|confirm|liaise|follow))\\b", "", "undertaking");
	re_numbered = re_compile("^(?:\\(?\\d{1,2}[.)]|\\([a-z]{1,3}\\)|[a-z][.)])\\s+\\S",
				 "", "numbered line");
}

void
prose_free(void)
{
	cs_re **all[] = { &re_decision, &re_resolved,
		&re_apology, &re_inline_action, &re_marker, &re_pronoun,
		&re_untitled, &re_numbered,
		&re_commit };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		re_free(*all[i]);
		*all[i] = NULL;
	}
}

static char *
dup_trim(const char *s, size_t n)
{
	text_trim(&s, &n);
	return xstrndup(s, n);
}

/* ---- resolving names at the end of the set ---- */

static bool
is_attendee(const rec *r)
{
	return r->kind == REC_PRESENT || r->kind == REC_IN_ATTENDANCE ||
	       r->kind == REC_APOLOGY;
}

/* "Cllr Smith" in the list, "Councillor John Smith" in the text. */
static void
resolve_attendees(meeting *mt)
{
	for (size_t i = 0; i < mt->nrecs; i++) {
		rec *r = &mt->recs[i];
		int st;
		char *full;

		if (!is_attendee(r) || strchr(r->who, ' ') || !*r->who)
			continue;
		full = nameidx_resolve(mt->names, r->who, &st);
		if (st == RESOLVE_FULL) {
			free(r->who);
			r->who = full;
		} else
			free(full);
	}
	/* The same person listed twice: keep the first listing, completing
	 * it from the second. */
	for (size_t i = 0; i < mt->nrecs; i++) {
		rec *r = &mt->recs[i];

		if (!is_attendee(r) || !*r->who)
			continue;
		for (size_t k = 0; k < i; k++) {
			rec *q = &mt->recs[k];

			if (!is_attendee(q) || strcmp(q->who, r->who) != 0 ||
			    (q->kind == REC_APOLOGY) != (r->kind == REC_APOLOGY))
				continue;
			if (!*q->org && *r->org) {
				free(q->org);
				q->org = r->org;
				r->org = xstrdup("");
			}
			if (!*q->role && *r->role) {
				free(q->role);
				q->role = r->role;
				r->role = xstrdup("");
			}
			r->kind = (enum rec_kind)-1;   /* dropped */
			break;
		}
	}
}

static void
add_owner(sbuf *who, const char *name)
{
	const char *p = who->s;
	size_t k = strlen(name);

	if (k == 0)
		return;
	/* no repeats */
	while (p && (p = strstr(p, name)) != NULL) {
		if ((p == who->s || p[-1] == ' ') && (p[k] == '\0' || p[k] == ';'))
			return;
		p += k;
	}
	if (who->len)
		sbuf_adds(who, "; ");
	sbuf_adds(who, name);
}

static void
resolve_owners(meeting *mt, rec *r)
{
	sbuf who = SBUF_INIT;
	const char *line = r->owners ? r->owners : "";
	bool ambiguous = false;

	while (*line) {
		size_t ln = strcspn(line, "\n");
		char *group = xstrndup(line, ln), *save = NULL;

		for (char *alt = strtok_r(group, "|", &save); alt;
		     alt = strtok_r(NULL, "|", &save)) {
			bool guess = alt[0] == '?';
			int st;
			char *full;

			if (guess && !nameidx_knows(mt->names, alt + 1) &&
			    !is_chair_ref(alt + 1, strlen(alt + 1)))
				continue;
			full = nameidx_resolve(mt->names, alt + guess, &st);
			if (st == RESOLVE_AMBIGUOUS) {
				cs_warn_at(mt->source, r->line,
					   "'%s' could be several people; kept as printed",
					   alt + guess);
				ambiguous = true;
			}
			add_owner(&who, full);
			free(full);
			break;
		}
		free(group);
		line += ln + (line[ln] == '\n');
	}
	if (who.len == 0 && !ambiguous)
		cs_warn_at(mt->source, r->line, "action with no owner named");
	free(r->who);
	r->who = xstrdup(sbuf_str(&who));
	sbuf_free(&who);
}

void
meeting_emit(meeting *mt)
{
	resolve_attendees(mt);
	for (size_t i = 0; i < mt->nrecs; i++)
		if (mt->recs[i].kind == REC_ACTION)
			resolve_owners(mt, &mt->recs[i]);
	meeting_write(mt);
}

/* ---- text helpers ---- */

void
prose_append(sbuf *b, const char *s, size_t n)
{
	text_trim(&s, &n);
	if (n == 0)
		return;
	if (b->len > 0) {
		char last = b->s[b->len - 1];
		bool hyphen_wrap = last == '-' && b->len > 1 &&
				   b->s[b->len - 2] != ' ';

		if (!hyphen_wrap && last != ' ')
			sbuf_addc(b, ' ');
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i] == '\t' ? ' ' : s[i];

		if (c == ' ' && b->len > 0 && b->s[b->len - 1] == ' ')
			continue;
		sbuf_addc(b, c);
	}
}

bool
prose_numbered(const char *s, size_t n)
{
	return n < 100000 && re_test(re_numbered, s, n);
}

/* ---- lists of people ---- */

static void
add_person(meeting *mt, enum rec_kind kind, long line, const char *item,
	   const char *s, size_t n)
{
	person p;
	enum entry_kind k;

	text_trim(&s, &n);
	if (n == 0 || text_ieq(s, n, "none") || text_ieq(s, n, "none."))
		return;
	k = entry_parse(s, n, &p);
	if (k == ENTRY_ORG && mt->nrecs > 0) {
		rec *prev = &mt->recs[mt->nrecs - 1];

		/* "Jamie Keddy, MOPAC": the organisation of the name before */
		if (prev->kind == kind && prev->line == line && !*prev->org) {
			free(prev->org);
			prev->org = p.org;
			p.org = NULL;
			person_clear(&p);
			return;
		}
	}
	if (k == ENTRY_PERSON)
		meeting_add(mt, kind, line, item, p.name, p.role, p.org, "");
	else {
		char *who = dup_trim(s, n);

		cs_warn_at(mt->source, line, "not read as a name: %.60s", who);
		meeting_add(mt, kind, line, item, who, "", k == ENTRY_ORG ? p.org : "", "");
		free(who);
	}
	person_clear(&p);
}

/* Split on commas and semicolons outside brackets; a piece that is not one
 * entry is split again on " and ". */
void
prose_people_list(meeting *mt, enum rec_kind kind, long line,
		  const char *item, const char *s, size_t n)
{
	size_t i = 0;

	text_trim(&s, &n);
	while (n > 0 && s[n - 1] == '.')
		n--;
	while (i < n) {
		size_t k = i;
		int depth = 0;
		person p;

		for (; k < n && (depth > 0 || (s[k] != ',' && s[k] != ';')); k++)
			depth += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
		if (entry_parse(s + i, k - i, &p) != ENTRY_NONE) {
			person_clear(&p);
			add_person(mt, kind, line, item, s + i, k - i);
		} else {
			size_t a = i;

			if (text_iprefix(s + a, k - a, "and "))
				a += 4;
			for (size_t j = a; j + 5 <= k; j++)
				if (memcmp(s + j, " and ", 5) == 0) {
					add_person(mt, kind, line, item, s + a, j - a);
					a = j + 5;
				}
			add_person(mt, kind, line, item, s + a, k - a);
		}
		i = k + 1;
	}
}

bool
prose_apology_entry(meeting *mt, long line, const char *item, const char *s,
		    size_t n)
{
	person p;
	enum entry_kind k;

	if (text_ieq(s, n, "none") || text_ieq(s, n, "none."))
		return true;
	if (n > 0 && s[n - 1] == '.')
		return false;       /* a sentence */
	k = entry_parse(s, n, &p);
	if (k == ENTRY_PERSON)
		meeting_add(mt, REC_APOLOGY, line, item, p.name, p.role, p.org, "");
	person_clear(&p);
	return k == ENTRY_PERSON;
}

/* ---- sentences ---- */

typedef struct {
	size_t so, eo;
} span;

static bool
abbreviation_before(const char *s, size_t dot)
{
	static const char *const ab[] = { "Mr", "Mrs", "Ms", "Dr", "St", "No",
		"incl", "e.g", "i.e", "eg", "ie", "Cllr", "approx", "Intel",
		"Prof", "Rev", "vs", "cf", NULL };
	size_t w = dot;

	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(')
		w--;
	for (size_t i = 0; ab[i]; i++)
		if (strlen(ab[i]) == dot - w && memcmp(s + w, ab[i], dot - w) == 0)
			return true;
	/* an initial: "J. Smith" */
	return dot - w == 1 && s[w] >= 'A' && s[w] <= 'Z';
}

static span *
split_sentences(const char *s, size_t n, size_t *count)
{
	span *v = NULL;
	size_t cap = 0, nv = 0, start = 0;

	for (size_t i = 0; i < n; i++) {
		bool end = false;

		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && i + 1 < n &&
		    s[i + 1] == ' ') {
			size_t k = i + 1;

			while (k < n && s[k] == ' ')
				k++;
			end = k < n && ((s[k] >= 'A' && s[k] <= 'Z') ||
					(s[k] >= '0' && s[k] <= '9') ||
					s[k] == '\'' || s[k] == '"') &&
			      !(s[i] == '.' && abbreviation_before(s, i));
		}
		if (end || i + 1 == n) {
			v = xgrow(v, &cap, nv + 1, sizeof *v);
			v[nv].so = start;
			v[nv].eo = i + 1;
			nv++;
			start = i + 1;
			while (start < n && s[start] == ' ')
				start++;
			i = start - 1;
		}
	}
	*count = nv;
	return v;
}

static void
remember_ref(meeting *mt, const char *ref, size_t n)
{
	free(mt->refs[3]);
	memmove(mt->refs + 1, mt->refs, 3 * sizeof mt->refs[0]);
	mt->refs[0] = xstrndup(ref, n);
}

/* People a sentence names, in order, into the recent references; titled
 * mentions with a full name also go to the names index. */
static void
note_refs(meeting *mt, const char *s, size_t n)
{
	size_t pos = 0, so, eo;
	sbuf bare = SBUF_INIT;

	if (re_match(re_untitled, s, n, 0) == RE_MATCH &&
	    re_named(re_untitled, "n", &so, &eo)) {
		char *g = xmalloc(eo - so + 2);

		g[0] = '?';
		memcpy(g + 1, s + so, eo - so);
		g[eo - so + 1] = '\0';
		free(mt->refs[3]);
		memmove(mt->refs + 1, mt->refs, 3 * sizeof mt->refs[0]);
		mt->refs[0] = g;
		/* "Priya Sandhu, Tenancy Manager, reported": a full name
		 * (titled ones are taken below) */
		if (!name_strip(g + 1, strlen(g + 1), &bare, NULL))
			nameidx_add(mt->names, g + 1);
	}
	while (prose_next_ref(s, n, &pos, &so, &eo)) {
		remember_ref(mt, s + so, eo - so);
		name_strip(s + so, eo - so, &bare, NULL);
		nameidx_add(mt->names, sbuf_str(&bare));
	}
	sbuf_free(&bare);
}

/* The owner of an "[ACTION]" sentence: its subject, or for "she"/"he"
 * the people named before it. */
static char *
subject_of(meeting *mt, const char *s, size_t n)
{
	size_t pos = 0, so, eo, last_so = 0, last_eo = 0, verb = n, vb;
	sbuf out = SBUF_INIT;

	if (re_match(re_pronoun, s, n, 0) == RE_MATCH) {
		for (size_t i = 0; i < 4 && mt->refs[i]; i++) {
			if (out.len)
				sbuf_addc(&out, '|');
			sbuf_adds(&out, mt->refs[i]);
		}
		return out.s;
	}
	/* The person named last before the undertaking ("..., Inspector
	 * Doyle said he would ..."). */
	size_t from = text_iprefix(s, n, "it was agreed that ") ? 19 :
		      text_iprefix(s, n, "agreed that ") ? 12 : 0;

	if (re_match(re_commit, s, n, from) == RE_MATCH)
		re_group(re_commit, 0, &verb, &vb);
	while (prose_next_ref(s, n, &pos, &so, &eo) && eo <= verb) {
		last_so = so;
		last_eo = eo;
	}
	if (last_eo > 0)
		sbuf_add(&out, s + last_so, last_eo - last_so);
	else if (re_match(re_untitled, s, n, 0) == RE_MATCH &&
		 re_named(re_untitled, "n", &so, &eo)) {
		sbuf_addc(&out, '?');
		sbuf_add(&out, s + so, eo - so);
	}
	return out.s ? out.s : xstrdup("");
}

/* "Ms Hirani/Mr Clifton", "Chairman, Ms Vagarwal and Mr Clifton": one
 * reference per line. */
static char *
split_owners(const char *s, size_t n)
{
	sbuf out = SBUF_INIT;
	size_t i = 0;

	while (i < n) {
		size_t k = i, len;
		const char *p;

		while (k < n && s[k] != '/' && s[k] != ',' && s[k] != ';' &&
		       s[k] != '&' && !(k + 5 <= n && memcmp(s + k, " and ", 5) == 0))
			k++;
		p = s + i;
		len = k - i;
		text_trim(&p, &len);
		if (len) {
			if (out.len)
				sbuf_addc(&out, '\n');
			sbuf_add(&out, p, len);
		}
		i = k + (k + 5 <= n && memcmp(s + k, " and ", 5) == 0 ? 5 : 1);
	}
	return out.s ? out.s : xstrdup("");
}

/* Which owners (bit k for the k-th line of owners) the sentence names,
 * by their last word. */
static unsigned
owners_named(const char *s, size_t n, const char *owners)
{
	unsigned mask = 0;

	for (unsigned k = 0; *owners && k < 16; k++) {
		size_t ln = strcspn(owners, "\n");
		size_t w = ln;

		while (w > 0 && owners[w - 1] != ' ')
			w--;
		for (size_t i = 0; ln - w > 0 && i + (ln - w) <= n; i++)
			if (memcmp(s + i, owners + w, ln - w) == 0) {
				mask |= 1u << k;
				break;
			}
		owners += ln + (owners[ln] == '\n');
	}
	return mask;
}

static unsigned
owners_all(const char *owners)
{
	unsigned k = *owners ? 1 : 0;

	for (const char *c = owners; *c && k < 16; c++)
		k += *c == '\n';
	return k >= 16 ? 0xFFFFu : (1u << k) - 1;
}

static void
add_text_rec(meeting *mt, enum rec_kind kind, long line, const char *item,
	     const char *s, size_t n, char *owners)
{
	char *t = dup_trim(s, n);
	rec *r = meeting_add(mt, kind, line, item, "", "", "", t);

	r->owners = owners;
	free(t);
}

/* "The Board agreed the following:" takes the numbered list after it
 * (and a sub-list under an item ending "including:"). */
static bool
continue_list(meeting *mt, const char *s, size_t n)
{
	rec *r = &mt->recs[mt->list_rec - 1];
	bool numbered = prose_numbered(s, n);
	size_t tn = strlen(r->text);
	sbuf b = SBUF_INIT;

	if (n == 0 || (!numbered && !mt->list_sub))
		return false;
	sbuf_adds(&b, r->text);
	/* sub-list bullets lost their marks: "; " keeps them apart */
	sbuf_adds(&b, numbered || (tn && strchr(":;.,", r->text[tn - 1])) ? " " : "; ");
	sbuf_add(&b, s, n);
	free(r->text);
	r->text = xstrdup(b.s);
	sbuf_free(&b);
	if (numbered)
		mt->list_sub = s[n - 1] == ':';
	return true;
}

/* Remove "[ACTION]" markers from a sentence into out. */
static void
strip_markers(const char *s, size_t n, sbuf *out, char **who)
{
	size_t pos = 0;

	sbuf_clear(out);
	while (pos < n && re_match(re_marker, s, n, pos) == RE_MATCH) {
		size_t a, b, wa, wb;

		re_group(re_marker, 0, &a, &b);
		if (who && *who == NULL && re_named(re_marker, "who", &wa, &wb) && wb > wa)
			*who = split_owners(s + wa, wb - wa);
		sbuf_add(out, s + pos, a - pos);
		pos = b;
	}
	sbuf_add(out, s + pos, n - pos);
	while (out->len && (out->s[out->len - 1] == ' '))
		out->s[--out->len] = '\0';
}

void
prose_paragraph(meeting *mt, long line, const char *item, const char *s,
		size_t n, const char *owners, size_t on, bool next_item)
{
	size_t ns, so, eo, body_n = n;
	span *sv;
	char *explicit_owners = NULL;
	const char *task = NULL;
	size_t taskn = 0;
	sbuf clean = SBUF_INIT;

	if (strcmp(mt->refs_item, item) != 0) {
		for (size_t i = 0; i < 4; i++) {
			free(mt->refs[i]);
			mt->refs[i] = NULL;
		}
		snprintf(mt->refs_item, sizeof mt->refs_item, "%s", item);
		mt->resolved_list = false;
		mt->list_rec = 0;
	}
	if (next_item)
		prose_next_meeting(mt, line, item, s, n, true);
	/* RESOLVED statements, and the numbered list after "RESOLVED:" */
	if (n > 0 && re_match(re_resolved, s, n, 0) == RE_MATCH) {
		re_group(re_resolved, 0, &so, &eo);
		/* "RESOLVED -" or "RESOLVED that:" over a numbered list */
		mt->resolved_list = eo == n || (n - eo < 12 && s[n - 1] == ':');
		if (!mt->resolved_list && eo < n)
			add_text_rec(mt, REC_RESOLUTION, line, item, s + eo, n - eo, NULL);
		return;
	}
	if (mt->resolved_list && prose_numbered(s, n)) {
		size_t k = 0;

		while (k < n && s[k] != ' ')
			k++;
		add_text_rec(mt, REC_RESOLUTION, line, item, s + k, n - k, NULL);
		return;
	}
	mt->resolved_list = false;
	if (mt->list_rec && continue_list(mt, s, n))
		return;
	mt->list_rec = 0;
	if (n > 0 && re_match(re_apology, s, n, 0) == RE_MATCH &&
	    re_named(re_apology, "list", &so, &eo))
		prose_people_list(mt, REC_APOLOGY, line, item, s + so, eo - so);

	/* "... meeting. Action: Superintendent Leach" */
	if (owners == NULL && n > 0 && re_match(re_inline_action, s, n, 0) == RE_MATCH &&
	    re_named(re_inline_action, "who", &so, &eo)) {
		size_t a, b;

		re_group(re_inline_action, 0, &a, &b);
		owners = s + so;
		on = eo - so;
		body_n = a;
	}
	if (owners) {
		/* "Action: Sam Keane to report in July": the owner, then the
		 * task, which is the action's text */
		for (size_t k = 0; k + 5 < on; k++)
			if (memcmp(owners + k, " to ", 4) == 0 &&
			    owners[k + 4] >= 'a' && owners[k + 4] <= 'z') {
				task = owners;
				taskn = on;
				on = k;
				break;
			}
		explicit_owners = split_owners(owners, on);
	}

	sv = split_sentences(s, body_n, &ns);
	for (size_t i = 0; i < ns; i++) {
		const char *st = s + sv[i].so;
		size_t sn = sv[i].eo - sv[i].so;
		char *marker_who = NULL;

		if (re_test(re_marker, st, sn)) {
			strip_markers(st, sn, &clean, &marker_who);
			if (marker_who == NULL)
				marker_who = subject_of(mt, clean.s, clean.len);
			add_text_rec(mt, REC_ACTION, line, item, clean.s, clean.len,
				     marker_who);
		} else {
			sbuf_clear(&clean);
			sbuf_add(&clean, st, sn);
		}
		if (re_test(re_decision, clean.s, clean.len)) {
			add_text_rec(mt, REC_DECISION, line, item, clean.s, clean.len, NULL);
			if (i + 1 == ns && clean.len && clean.s[clean.len - 1] == ':') {
				mt->list_rec = mt->nrecs;
				mt->list_sub = false;
			}
		}
		if (!next_item)
			prose_next_meeting(mt, line, item, clean.s, clean.len, false);
		note_refs(mt, clean.s, clean.len);
	}
	if (explicit_owners && task) {
		add_text_rec(mt, REC_ACTION, line, item, task, taskn, explicit_owners);
	} else if (explicit_owners) {
		/* The action is the end of the paragraph, back to where every
		 * owner has been named; or its last sentence. */
		size_t from = ns > 0 ? sv[ns - 1].so : 0;
		unsigned covered = 0, all = owners_all(explicit_owners);

		for (size_t i = ns; i-- > 0 && covered != all;) {
			unsigned m = owners_named(s + sv[i].so, sv[i].eo - sv[i].so,
						  explicit_owners);

			if (m & ~covered) {
				covered |= m;
				from = sv[i].so;
			}
		}
		strip_markers(s + from, body_n - from, &clean, NULL);
		add_text_rec(mt, REC_ACTION, line, item, sbuf_str(&clean), clean.len,
			     explicit_owners);
	}
	free(sv);
	sbuf_free(&clean);
}
