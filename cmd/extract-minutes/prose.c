/* prose.c - the rows of one set of minutes, and the reading of its
 * paragraphs (see prose.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "err.h"
#include "prose.h"
#include "re.h"
#include "rules.h"
#include "store.h"
#include "when.h"
#include "text.h"
#include "tsv.h"

static cs_re *re_apology, *re_marker, *re_pronoun, *re_untitled, *re_numbered,
    *re_commit;

/* The recogniser tables of decisions and actions (lib/data/rules-minutes-
 * decisions*.tsv). */
static cs_ruleset *rs_dec, *rs_act;
static int r_res_head, r_res_it, r_past, r_label, r_due, r_to, r_undertake,
    r_will, r_pronoun, r_said, r_agreed_that, r_mid, r_bare, r_pronoun_mid,
    r_passive, r_verb_first, r_anaphora, r_proposed_line, r_ongoing,
    r_requested, r_speaker, r_we, r_that_names;

void
prose_init(void)
{
	if (re_apology)
		return;
	re_apology =
	    re_compile("^(?:Apologies(?:\\s+for\\s+absence)?\\s+(?:(?:were|was|"
	               "had\\s+been|have\\s+been"
	               "|has\\s+been)\\s+)?(?:(?:received|submitted|given|"
	               "noted|tendered|made|accepted)"
	               "\\s+)?(?:from|by|on\\s+behalf\\s+of|for)\\b|Apologies(?"
	               ":\\s+for\\s+absence)?\\s*:)"
	               "\\s*(?<list>(?:[^.]|(?<=\\b\\p{Lu})\\.|(?<=\\bCllrs|"
	               "\\bCllr|\\bMrs|\\bMr|\\bMs|\\bDr)\\.)+?)"
	               "(?:\\s+(?:noted|received|accepted))?"
	               "(?:(?<!\\bCllrs|\\bCllr|\\bMrs|\\bMr|\\bMs|\\bDr|"
	               "\\b\\p{Lu})\\.(?:\\s|$)|$)",
	               "i", "apologies sentence");
	re_marker = re_compile(
	    "\\[\\s*ACTION\\s*(?::\\s*(?<who>[^\\]]*))?\\]|\\(ACTION\\)", "i",
	    "action marker");
	re_pronoun = re_compile(
	    "^(?:(?:It\\s+was\\s+agreed\\s+that|Agreed\\s+that)\\s+)?"
	    "(?:he|she|they|He|She|They)\\b",
	    "", "pronoun");
	re_untitled = re_compile(
	    "^(?:(?:It\\s+was\\s+agreed\\s+that|Agreed\\s+that)\\s+)?"
	    "(?!(?:He|She|They|It|We|This|That|There|These|Those|Our)\\b)(?<n>"
	    "\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})(?:\\s+"
	    "(?:would|will|to|agreed|undertook|offered|said|confirmed|was|is|"
	    "should"
	    "|has|had|must|can|could|stated|reported|noted|asked|presented|"
	    "explained"
	    "|gave|introduced|outlined|spoke|updated)\\b|,\\s)",
	    "", "untitled subject");
	/* where a sentence says what someone will do */
	re_commit = re_compile(
	    "\\b(?:(?:he|she|they)\\s+)?(?:would|will|agreed|undertook|offered"
	    "|to\\s+(?:circulate|provide|share|arrange|report|bring|contact|"
	    "send"
	    "|update|write|review|confirm|liaise|follow))\\b",
	    "", "undertaking");
	re_numbered = re_compile(
	    "^(?:\\(?\\d{1,2}[.)]|\\([a-z]{1,3}\\)|[a-z][.)])\\s+\\S", "",
	    "numbered line");
	/* the tables name their vocabulary (minutes-words) */
	rs_dec = rules_load("rules-minutes-decisions", NULL);
	rs_act = rules_load("rules-minutes-decisions-actions", NULL);
	r_res_head = rules_need(rs_dec, "resolution_head");
	r_res_it = rules_need(rs_dec, "resolution_it_was");
	r_past = rules_need(rs_dec, "past_decision");
	r_label = rules_need(rs_act, "action_label");
	r_due = rules_need(rs_act, "due_line");
	r_to = rules_need(rs_act, "action_to");
	r_undertake = rules_need(rs_act, "action_undertake");
	r_will = rules_need(rs_act, "action_will");
	r_pronoun = rules_need(rs_act, "action_pronoun");
	r_said = rules_need(rs_act, "action_said_would");
	r_agreed_that = rules_need(rs_act, "action_agreed_that");
	r_mid = rules_need(rs_act, "action_mid");
	r_bare = rules_need(rs_act, "action_bare");
	r_pronoun_mid = rules_need(rs_act, "action_pronoun_mid");
	r_passive = rules_need(rs_act, "action_passive");
	r_ongoing = rules_need(rs_act, "action_ongoing");
	r_requested = rules_need(rs_act, "action_requested");
	r_speaker = rules_need(rs_act, "speaker");
	r_we = rules_need(rs_act, "action_we");
	r_that_names = rules_need(rs_act, "action_that_names");
	r_verb_first = rules_need(rs_dec, "decision_verb_first");
	r_anaphora = rules_need(rs_dec, "anaphora");
	r_proposed_line = rules_need(rs_dec, "decision_proposed_line");
}

void
prose_free(void)
{
	cs_re **all[] = { &re_apology,  &re_marker,   &re_pronoun,
		          &re_untitled, &re_numbered, &re_commit };

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		re_free(*all[i]);
		*all[i] = NULL;
	}
	rules_free(rs_dec);
	rules_free(rs_act);
	rs_dec = rs_act = NULL;
	attend_free();
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
		bool surname;

		if (!is_attendee(r) || strchr(r->who, ' ') || !*r->who)
			continue;
		surname = title_len(r->role, strlen(r->role)) > 0;
		/* a bare token after a title is a surname ("Cllrs Bell,
		 * Dornan"); a name in a list names the present
		 * among the present, the absent among the absent */
		full = nameidx_resolve_as(
		    mt->names, r->who,
		    IXR_UNLISTED | (surname ? IXR_SURNAME : 0) |
		        (r->kind == REC_APOLOGY ? IXR_ABSENT : IXR_PRESENT),
		    &st);
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
			    (q->kind == REC_APOLOGY) !=
			        (r->kind == REC_APOLOGY))
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
			r->kind = (enum rec_kind) - 1; /* dropped */
			break;
		}
	}
}

void
meeting_emit(meeting *mt)
{
	resolve_attendees(mt);
	for (size_t i = 0; i < mt->nrecs; i++) {
		rec *r = &mt->recs[i];

		if (r->kind == REC_ACTION) {
			char *who = owners_resolve_tentative(
			    &r->owners, mt->names, mt->source, r->line);

			free(r->who);
			r->who = who ? who : xstrdup("");
			if (who == NULL)
				r->kind = (enum rec_kind) - 1; /* no action */
		}
	}
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
		bool hyphen_wrap =
		    last == '-' && b->len > 1 && b->s[b->len - 2] != ' ';

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

/* ---- sentences ---- */

typedef struct {
	size_t so, eo;
} span;

static bool
abbreviation_before(const char *s, size_t dot)
{
	static const char *const ab[] = {
		"Mr",   "Mrs",  "Ms",  "Dr",  "St",   "No",     "incl",
		"e.g",  "i.e",  "eg",  "ie",  "Cllr", "Cllrs",  "Messrs",
		"Supt", "Insp", "Sgt", "Det", "Ch",   "approx", "Intel",
		"Prof", "Rev",  "vs",  "cf",  NULL
	};
	size_t w = dot;

	while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '(')
		w--;
	for (size_t i = 0; ab[i]; i++)
		if (strlen(ab[i]) == dot - w &&
		    memcmp(s + w, ab[i], dot - w) == 0)
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
			end = k < n &&
			      ((s[k] >= 'A' && s[k] <= 'Z') ||
			       (s[k] >= '0' && s[k] <= '9') || s[k] == '\'' ||
			       s[k] == '"') &&
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

void
prose_reset(prose *p)
{
	meeting *mt = p->mt;

	for (size_t i = 0; i < OWNER_NCAND; i++)
		free(p->refs[i].ref);
	free(p->last_sentence);
	memset(p, 0, sizeof *p);
	p->mt = mt;
}

/* ---- people named in the text ---- */

static void
remember(prose *p, const char *ref, size_t n, bool guess)
{
	free(p->refs[OWNER_NCAND - 1].ref);
	memmove(p->refs + 1, p->refs, (OWNER_NCAND - 1) * sizeof p->refs[0]);
	p->refs[0].ref = xstrndup(ref, n);
	p->refs[0].guess = guess;
	p->refs[0].sentence = p->sentence;
}

static void
forget_refs(prose *p)
{
	for (size_t i = 0; i < OWNER_NCAND; i++) {
		free(p->refs[i].ref);
		p->refs[i].ref = NULL;
	}
}

/* People a sentence names, in order, into the recent references; titled
 * mentions with a full name also go to the names index, with the sex
 * their honorific gives ("Ms Helen Creed"). */
static void
note_refs(prose *p, const char *s, size_t n)
{
	meeting *mt = p->mt;
	size_t pos = 0, so, eo;
	sbuf bare = SBUF_INIT;
	re_caps m;

	if (re_match(re_untitled, s, n, 0, &m) == RE_MATCH &&
	    re_named(re_untitled, &m, "n", &so, &eo)) {
		remember(p, s + so, eo - so, true);
		/* "Priya Sandhu, Tenancy Manager, reported": a full name
		 * (titled ones are taken below) */
		if (!name_strip(s + so, eo - so, &bare, NULL))
			nameidx_add(mt->names, sbuf_str(&bare));
	}
	while (prose_next_ref(s, n, &pos, &so, &eo)) {
		remember(p, s + so, eo - so, false);
		name_strip(s + so, eo - so, &bare, NULL);
		nameidx_person(mt->names, sbuf_str(&bare), NULL,
		               name_sex(s + so, eo - so), 0);
	}
	sbuf_free(&bare);
}

/* A pronoun owner: the people named before it are its candidates. */
static void
pronoun_owner(prose *p, owner_list *ol, const char *pro, size_t n)
{
	owner *o;

	ol->v = xgrow(ol->v, &ol->cap, ol->n + 1, sizeof *ol->v);
	o = &ol->v[ol->n++];
	memset(o, 0, sizeof *o);
	o->how = OWNER_PRONOUN;
	o->ref = xstrndup(pro, n);
	o->sex = (pro[0] == 's' || pro[0] == 'S') ? 'f' : 'm';
	for (size_t i = 0; i < OWNER_NCAND && p->refs[i].ref; i++) {
		o->cand[i] = xstrdup(p->refs[i].ref);
		o->cand_guess[i] = p->refs[i].guess;
	}
	/* "Sunita Rao said ... She agreed to ...", "Cllr Bell said the
	 * order was in hand and he would ...": the last sentence to name
	 * anyone, this one or one of the two before, named one person */
	o->fresh =
	    p->refs[0].ref && p->refs[0].sentence >= p->sentence - 2 &&
	    !(p->refs[1].ref && p->refs[1].sentence == p->refs[0].sentence &&
	      strcmp(p->refs[1].ref, p->refs[0].ref) != 0);
}

/* "Esme will contact ...": an untitled owner of "will" is an owner only
 * when the minutes know the name; a title, a role or the clerk stands. */
static enum owner_how
how_for(const char *s, size_t n, bool personal)
{
	if (!personal || title_len(s, n) > 0 || is_role(s, n) ||
	    is_chair_ref(s, n) || text_iprefix(s, n, "the ") ||
	    text_ieq(s, n, "all"))
		return OWNER_NAMED;
	return OWNER_GUESS;
}

/* The owner of an "[ACTION]" sentence: its subject, or for "she"/"he"
 * the person named before it. */
static void
subject_of(prose *p, const char *s, size_t n, owner_list *ol)
{
	size_t pos = 0, so, eo, last_so = 0, last_eo = 0, verb = n, vb;
	re_caps m;

	if (re_match(re_pronoun, s, n, 0, &m) == RE_MATCH) {
		re_group(&m, 0, &so, &eo);
		while (eo > so && s[eo - 1] != ' ')
			eo--;
		so = eo;
		while (eo < n && s[eo] != ' ')
			eo++;
		pronoun_owner(p, ol, s + so, eo - so);
		return;
	}
	/* The person named last before the undertaking ("..., Inspector
	 * Doyle said he would ..."). */
	size_t from = text_iprefix(s, n, "it was agreed that ") ? 19
	              : text_iprefix(s, n, "agreed that ")      ? 12
	                                                        : 0;

	if (re_match(re_commit, s, n, from, &m) == RE_MATCH)
		re_group(&m, 0, &verb, &vb);
	while (prose_next_ref(s, n, &pos, &so, &eo) && eo <= verb) {
		last_so = so;
		last_eo = eo;
	}
	if (last_eo > 0)
		owners_parse(ol, s + last_so, last_eo - last_so);
	else if (re_match(re_untitled, s, n, 0, &m) == RE_MATCH &&
	         re_named(re_untitled, &m, "n", &so, &eo)) {
		size_t first = ol->n;

		owners_parse(ol, s + so, eo - so);
		for (size_t i = first; i < ol->n; i++)
			ol->v[i].how =
			    how_for(ol->v[i].ref, strlen(ol->v[i].ref), true);
	}
}

/* ---- decisions and actions ---- */

/* A decision of this meeting: a decision_* rule matches once what
 * reports past decisions ("as agreed at the May meeting") is blanked. */
static bool
is_decision(const char *s, size_t n)
{
	sbuf b = SBUF_INIT;
	cs_rmatch m;
	size_t pos = 0, nr = rules_count(rs_dec);
	bool yes = false;

	sbuf_add(&b, s, n);
	while (pos < n && rules_exec(rs_dec, r_past, b.s, b.len, pos, &m)) {
		for (size_t i = m.cap.so[0]; i < m.cap.eo[0]; i++)
			b.s[i] = b.s[i] == ' ' ? ' ' : 'x';
		pos = m.cap.eo[0] > pos ? m.cap.eo[0] : pos + 1;
	}
	for (size_t r = 0; r < nr && !yes; r++)
		yes =
		    strncmp(rules_name(rs_dec, (int)r), "decision_", 9) == 0 &&
		    rules_exec(rs_dec, (int)r, b.s, b.len, 0, &m);
	sbuf_free(&b);
	return yes;
}

static bool
has_str(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, lit, k) == 0)
			return true;
	return false;
}

/* The action a sentence gives someone ("Clerk to write to ...", "Cllr
 * Hale agreed to ...", "She will circulate ..."): its owners into ol.
 * personal: a "will"/"would" owner must be a person (not "MCC will
 * ..."); labelled actions ("Action: ...") take any owner. */
static bool
sentence_action(prose *p, const char *s, size_t n, bool personal,
                owner_list *ol)
{
	static const int *const order[] = {
		&r_agreed_that, &r_to,          &r_undertake, &r_said,
		&r_pronoun,     &r_will,        &r_ongoing,   &r_bare,
		&r_mid,         &r_pronoun_mid, &r_passive,   &r_requested,
		&r_that_names,  &r_we
	};
	cs_rmatch m;
	size_t so, eo, lead = 0;

	/* "ii) Cllrs. A and B volunteered ...": a list mark is no part */
	while (lead < n && lead < 16 && s[lead] != ' ')
		lead++;
	if (lead > 1 && lead < 16 && lead < n && s[lead - 1] == ')') {
		s += lead + 1;
		n -= lead + 1;
	}

	/* "The Community Response includes:" introduces a list */
	if (n > 0 && s[n - 1] == ':')
		return false;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		int r = *order[i];

		if (!rules_exec(rs_act, r, s, n, 0, &m))
			continue;
		if (!rules_named(rs_act, &m, "who", &so, &eo)) {
			cs_rmatch sm;

			if (r != r_passive && r != r_requested && r != r_we)
				continue;
			ol->passive = true; /* "will be circulated" */
			/* "Ms Lee confirmed that the wording would be
			 * amended": she undertook it */
			if (rules_exec(rs_act, r_speaker, s, n, 0, &sm) &&
			    rules_named(rs_act, &sm, "who", &so, &eo))
				owners_parse(ol, s + so, eo - so);
			return true;
		}
		/* "The Clerk's report to ...": a possessive is no owner */
		if (has_str(s + so, eo - so, "'s ") ||
		    has_str(s + so, eo - so, "\xE2\x80\x99s "))
			return false;
		if (r == r_pronoun || r == r_pronoun_mid) {
			/* the people named earlier in the sentence come first
			 * ("Cllr Davies said the order was in hand and he
			 * would follow up") */
			note_refs(p, s, so);
			pronoun_owner(p, ol, s + so, eo - so);
		} else {
			size_t first = ol->n;
			bool must_know =
			    personal && (r == r_will || r == r_agreed_that ||
			                 r == r_to || r == r_that_names);

			owners_parse(ol, s + so, eo - so);
			/* "The Parish Council will produce a leaflet": the
			 * meeting's own body is no owner; "It was agreed that
			 * the Council give ..." is its decision, no task */
			for (size_t k = first; k < ol->n;) {
				if (!is_body(ol->v[k].ref,
				             strlen(ol->v[k].ref))) {
					k++;
					continue;
				}
				if (r == r_agreed_that || r == r_to ||
				    r == r_undertake) {
					owner_list_free(ol);
					return false;
				}
				free(ol->v[k].ref);
				memmove(ol->v + k, ol->v + k + 1,
				        (ol->n - k - 1) * sizeof *ol->v);
				ol->n--;
				ol->passive = true;
			}
			if (ol->passive && ol->n == first)
				return true;
			ol->tentative = true;
			for (size_t k = first; k < ol->n; k++) {
				ol->v[k].how =
				    how_for(ol->v[k].ref, strlen(ol->v[k].ref),
				            must_know);
				if (ol->v[k].how != OWNER_GUESS)
					ol->tentative = false;
			}
			if (r == r_passive)
				ol->passive = true;
		}
		return true;
	}
	/* "At the request of the Chair, Jo Reed will join ...": after a
	 * leading clause */
	for (size_t k = 0; !personal && k < n && k < 60; k++)
		if (s[k] == ',' && k + 2 < n && s[k + 1] == ' ')
			return sentence_action(p, s + k + 2, n - k - 2, true,
			                       ol);
	return false;
}

/* Which owners (bit k for the k-th) the sentence names, by the last word
 * of each. */
static unsigned
owners_named(const char *s, size_t n, const owner_list *ol)
{
	unsigned mask = 0;

	for (size_t k = 0; k < ol->n && k < 16; k++) {
		const char *o = ol->v[k].ref;
		const char *w = strrchr(o, ' ');
		size_t wn;

		w = w ? w + 1 : o;
		wn = strlen(w);
		for (size_t i = 0; wn > 0 && i + wn <= n; i++)
			if (memcmp(s + i, w, wn) == 0) {
				mask |= 1u << k;
				break;
			}
	}
	return mask;
}

static rec *
add_text_rec(meeting *mt, enum rec_kind kind, long line, const char *item,
             const char *s, size_t n, owner_list *owners)
{
	char *t = dup_trim(s, n);
	rec *r = meeting_add(mt, kind, line, item, "", "", "", t);

	if (owners) {
		r->owners = *owners;
		memset(owners, 0, sizeof *owners);
	}
	free(t);
	return r;
}

/* "The Board agreed the following:" takes the numbered list after it
 * (and a sub-list under an item ending "including:"). */
static bool
continue_list(prose *p, const char *s, size_t n)
{
	meeting *mt = p->mt;
	rec *r = &mt->recs[p->list_rec - 1];
	bool numbered = prose_numbered(s, n);
	size_t tn = strlen(r->text);
	sbuf b = SBUF_INIT;

	if (n == 0 || (!numbered && !p->list_sub))
		return false;
	sbuf_adds(&b, r->text);
	/* sub-list bullets lost their marks: "; " keeps them apart */
	sbuf_adds(&b, numbered || (tn && strchr(":;.,", r->text[tn - 1]))
	                  ? " "
	                  : "; ");
	sbuf_add(&b, s, n);
	free(r->text);
	r->text = xstrdup(b.s);
	sbuf_free(&b);
	if (numbered)
		p->list_sub = s[n - 1] == ':';
	return true;
}

/* Remove "[ACTION]" markers from a sentence into out; the owner a marker
 * names ("[ACTION: Ms Bell]") into ol. */
static bool
strip_markers(const char *s, size_t n, sbuf *out, owner_list *ol)
{
	size_t pos = 0;
	bool named = false;
	re_caps m;

	sbuf_clear(out);
	while (pos < n && re_match(re_marker, s, n, pos, &m) == RE_MATCH) {
		size_t a, b, wa, wb;

		if (!re_group(&m, 0, &a, &b))
			break;
		if (ol && !named && re_named(re_marker, &m, "who", &wa, &wb) &&
		    wb > wa) {
			owners_parse(ol, s + wa, wb - wa);
			named = true;
		}
		sbuf_add(out, s + pos, a - pos);
		pos = b;
	}
	sbuf_add(out, s + pos, n - pos);
	while (out->len && (out->s[out->len - 1] == ' '))
		out->s[--out->len] = '\0';
	return named;
}

static size_t
count_text_words(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' &&
		    (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t'))
			w++;
	return w;
}

/* Owners' words only ("Jo Reed", "Clerk / Cllr Ash"), no sentence: few
 * words, each capitalised or a joining word. */
static bool
names_only(const char *s, size_t n)
{
	size_t words = 0, i = 0;

	while (i < n) {
		size_t so;

		while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == '/'))
			i++;
		so = i;
		while (i < n && s[i] != ' ' && s[i] != ',' && s[i] != '/')
			i++;
		if (i == so)
			break;
		words++;
		if ((s[so] >= 'a' && s[so] <= 'z') &&
		    !text_ieq(s + so, i - so, "and") &&
		    !text_ieq(s + so, i - so, "the"))
			return false;
	}
	return words > 0 && words <= 10;
}

bool
prose_owner_column(const char *s, size_t n, size_t *body_n, size_t *oso,
                   size_t *oeo)
{
	size_t gap = n, gs = 0, words = 0;

	/* the last gap: a tab, or four spaces */
	for (size_t i = 0; i < n; i++) {
		size_t k = i;

		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k > i && k < n &&
		    (memchr(s + i, '\t', k - i) || k - i >= 4)) {
			gs = i;
			gap = k;
		}
		if (k > i)
			i = k - 1;
	}
	if (gap >= n || gs == 0 || n - gap > 60)
		return false;
	*oso = gap;
	*oeo = n;
	while (*oeo > *oso && (s[*oeo - 1] == ' ' || s[*oeo - 1] == '.'))
		(*oeo)--;
	/* "ClerkS": a stray letter the page glued on */
	if (*oeo - *oso > 2 && s[*oeo - 1] == 'S' && s[*oeo - 2] >= 'a' &&
	    s[*oeo - 2] <= 'z')
		(*oeo)--;
	for (size_t i = *oso; i < *oeo; i++)
		if (s[i] != ' ' && (i == *oso || s[i - 1] == ' '))
			words++;
	*body_n = gs;
	/* the owner's words are few and capitalised, after a text of some
	 * length */
	return words > 0 && words <= 6 && s[*oso] >= 'A' && s[*oso] <= 'Z' &&
	       names_only(s + *oso, *oeo - *oso) &&
	       count_text_words(s, gs) >= 3;
}

void
prose_paragraph(prose *p, long line, const char *item, const char *s, size_t n,
                const char *owners, size_t on, bool next_item)
{
	meeting *mt = p->mt;
	size_t ns, so, eo, body_n = n;
	span *sv;
	owner_list label = { 0 };
	const char *task = NULL;
	size_t taskn = 0;
	bool labelled = false;
	sbuf clean = SBUF_INIT;
	cs_rmatch m;
	re_caps caps;

	if (strcmp(p->refs_item, item) != 0) {
		forget_refs(p);
		free(p->last_sentence);
		p->last_sentence = NULL;
		p->open_rec = 0;
		snprintf(p->refs_item, sizeof p->refs_item, "%s", item);
		p->resolved_list = false;
		p->list_rec = 0;
	}
	if (p->open_rec && n > 0 && owners == NULL && !prose_numbered(s, n)) {
		/* the rest of a decision's sentence: up to its full stop */
		rec *r = &mt->recs[p->open_rec - 1];
		size_t k = 0;
		sbuf b = SBUF_INIT;

		while (k < n &&
		       !(s[k] == '.' && (k + 1 == n || s[k + 1] == ' ')))
			k++;
		k += k < n;
		sbuf_adds(&b, r->text);
		sbuf_addc(&b, ' ');
		sbuf_add(&b, s, k);
		free(r->text);
		r->text = xstrdup(b.s);
		sbuf_free(&b);
		p->open_rec = 0;
		while (k < n && s[k] == ' ')
			k++;
		s += k;
		n -= k;
		body_n = n; /* what follows reads the rest, not the whole */
		if (n == 0)
			return;
	}
	p->open_rec = 0;
	if (next_item)
		prose_next_meeting(mt, line, item, s, n, true);
	/* "Due: next meeting" under an action says when, and no more */
	if (owners == NULL && n > 0 && rules_exec(rs_act, r_due, s, n, 0, &m))
		return;
	/* RESOLVED statements; "RESOLVED:" or "And Resolved:" alone takes
	 * the numbered list or the quoted statement after it */
	if (n > 0 && rules_exec(rs_dec, r_res_head, s, n, 0, &m)) {
		eo = m.cap.eo[0];
		/* "Proposed by: X / Seconded by: Y / And Resolved:": the
		 * proposal is the resolution's, not a decision of its own */
		for (size_t i = mt->nrecs; i-- > 0;) {
			rec *r = &mt->recs[i];
			cs_rmatch pm;

			if (r->kind != REC_DECISION ||
			    strcmp(r->item, item) != 0 ||
			    !rules_exec(rs_dec, r_proposed_line, r->text,
			                strlen(r->text), 0, &pm))
				break;
			r->kind = (enum rec_kind) - 1;
		}
		eo = m.cap.eo[0];
		p->resolved_list = eo == n || (n - eo < 12 && s[n - 1] == ':');
		if (!p->resolved_list && eo < n)
			add_text_rec(mt, REC_RESOLUTION, line, item, s + eo,
			             n - eo, NULL);
		return;
	}
	if (p->resolved_list && prose_numbered(s, n)) {
		size_t k = 0;

		while (k < n && s[k] != ' ')
			k++;
		add_text_rec(mt, REC_RESOLUTION, line, item, s + k, n - k,
		             NULL);
		return;
	}
	if (p->resolved_list && n > 0 &&
	    (s[0] == '"' || s[0] == '\'' ||
	     text_iprefix(s, n, "\xE2\x80\x9C") ||
	     text_iprefix(s, n, "that "))) {
		/* And Resolved: / "That, the draft Minutes ... be adopted" */
		add_text_rec(mt, REC_RESOLUTION, line, item, s, n, NULL);
		p->resolved_list = false;
		return;
	}
	p->resolved_list = false;
	if (p->list_rec && continue_list(p, s, n))
		return;
	p->list_rec = 0;

	/* "... meeting. Action: Superintendent Leach" */
	if (owners == NULL && n > 0 &&
	    rules_exec(rs_act, r_label, s, n, 0, &m) &&
	    rules_named(rs_act, &m, "who", &so, &eo)) {
		owners = s + so;
		on = eo - so;
		body_n = m.cap.so[0];
	}
	if (owners && on > 0 && on < 12 &&
	    rules_exec(rs_dec, r_verb_first, owners, on, 0, &m) &&
	    m.cap.eo[0] == on) {
		/* "... Balance of 6,564.21<tabs>Noted": the meeting noted it */
		add_text_rec(mt, REC_DECISION, line, item, s, n, NULL);
		owners = NULL;
	} else if (owners && date_month_name(owners, on) > 0) {
		/* "... request for support<tabs>February": when, not who */
		owners = NULL;
	}
	if (owners) {
		/* "Action: Sam Keane to report in July": the owner, then the
		 * task, which is the action's text; "Action: The Director will
		 * present ...": a sentence, whose subject owns it; "Action: Jo
		 * Reed": the owners of the paragraph above */
		labelled = true;
		text_trim(&owners, &on);
		if (names_only(owners, on)) {
			owners_parse(&label, owners, on);
			/* a column beside the text holds other notes too
			 * ("Website/Social Media"): an owner there is a person,
			 * a role, or all of them */
			for (size_t k = 0; p->owner_column && k < label.n; k++)
				label.v[k].how =
				    how_for(label.v[k].ref,
				            strlen(label.v[k].ref), true);
		} else {
			/* the first of its sentences that names who */
			size_t nl;
			span *lv = split_sentences(owners, on, &nl);

			task = owners;
			taskn = on;
			for (size_t i = 0; i < nl; i++)
				if (sentence_action(p, owners + lv[i].so,
				                    lv[i].eo - lv[i].so, false,
				                    &label))
					break;
			free(lv);
			/* "Action: Treasury officials to circulate ...": the
			 * words before " to " and a verb */
			for (size_t k = 0; label.n == 0 && !label.passive &&
			                   k + 5 < on && k < 80;
			     k++)
				if (memcmp(owners + k, " to ", 4) == 0 &&
				    owners[k + 4] >= 'a' &&
				    owners[k + 4] <= 'z') {
					/* "Team with Board input to ...": the
					 * owner is before "with" */
					size_t w = 0;

					while (w + 6 < k &&
					       memcmp(owners + w, " with ",
					              6) != 0)
						w++;
					owners_parse(&label, owners,
					             w + 6 < k ? w : k);
					break;
				}
		}
	}

	sv = split_sentences(s, body_n, &ns);
	for (size_t i = 0; i < ns; i++) {
		const char *st = s + sv[i].so;
		size_t sn = sv[i].eo - sv[i].so;
		owner_list ol = { 0 };
		bool acted = false;

		p->sentence++;
		if (re_test(re_marker, st, sn)) {
			if (!strip_markers(st, sn, &clean, &ol))
				subject_of(p, clean.s, clean.len, &ol);
			add_text_rec(mt, REC_ACTION, line, item, clean.s,
			             clean.len, &ol);
			acted = true;
		} else {
			sbuf_clear(&clean);
			sbuf_add(&clean, st, sn);
		}
		/* "... welcomed everyone. Apologies received from Cllrs. A
		 * and B." */
		if (re_match(re_apology, clean.s, clean.len, 0, &caps) ==
		        RE_MATCH &&
		    re_named(re_apology, &caps, "list", &so, &eo))
			prose_people_list(mt, REC_APOLOGY, line, item,
			                  clean.s + so, eo - so);
		if (rules_exec(rs_dec, r_res_it, clean.s, clean.len, 0, &m))
			add_text_rec(mt, REC_RESOLUTION, line, item, clean.s,
			             clean.len, NULL);
		else if (is_decision(clean.s, clean.len)) {
			if (p->last_sentence &&
			    rules_exec(rs_dec, r_anaphora, clean.s, clean.len,
			               0, &m)) {
				/* "This was agreed.", "NO OBJECTIONS": what was
				 * agreed is the sentence before */
				sbuf b = SBUF_INIT;

				sbuf_adds(&b, p->last_sentence);
				sbuf_addc(&b, ' ');
				sbuf_add(&b, clean.s, clean.len);
				add_text_rec(mt, REC_DECISION, line, item, b.s,
				             b.len, NULL);
				sbuf_free(&b);
			} else
				add_text_rec(mt, REC_DECISION, line, item,
				             clean.s, clean.len, NULL);
			if (i + 1 == ns && clean.len &&
			    clean.s[clean.len - 1] == ':') {
				p->list_rec = mt->nrecs;
				p->list_sub = false;
			} else if (i + 1 == ns && clean.len &&
			           clean.s[clean.len - 1] >= 'a' &&
			           clean.s[clean.len - 1] <= 'z')
				/* cut in mid-sentence by a line break */
				p->open_rec = mt->nrecs;
		}
		if (!acted && !labelled &&
		    sentence_action(p, clean.s, clean.len, true, &ol)) {
			if (p->last_sentence &&
			    count_text_words(clean.s, clean.len) <= 4) {
				/* "Clerk ask Highways.": what about is the
				 * sentence before */
				sbuf b = SBUF_INIT;

				sbuf_adds(&b, p->last_sentence);
				sbuf_addc(&b, ' ');
				sbuf_add(&b, clean.s, clean.len);
				add_text_rec(mt, REC_ACTION, line, item, b.s,
				             b.len, &ol);
				sbuf_free(&b);
			} else
				add_text_rec(mt, REC_ACTION, line, item,
				             clean.s, clean.len, &ol);
		}
		owner_list_free(&ol);
		if (!next_item)
			prose_next_meeting(mt, line, item, clean.s, clean.len,
			                   false);
		note_refs(p, clean.s, clean.len);
		free(p->last_sentence);
		p->last_sentence = xstrndup(clean.s, clean.len);
	}
	if (labelled && task) {
		add_text_rec(mt, REC_ACTION, line, item, task, taskn, &label);
	} else if (labelled) {
		/* The action is the end of the paragraph, back to where every
		 * owner has been named; or its last sentence; all of it when
		 * the owners stand in a column beside it. */
		size_t from = ns > 0 && !p->owner_column ? sv[ns - 1].so : 0;
		unsigned covered = 0,
		         all = label.n >= 16 ? 0xFFFFu : (1u << label.n) - 1;

		for (size_t i = ns;
		     i-- > 0 && covered != all && !p->owner_column;) {
			unsigned mk = owners_named(s + sv[i].so,
			                           sv[i].eo - sv[i].so, &label);

			if (mk & ~covered) {
				covered |= mk;
				from = sv[i].so;
			}
		}
		strip_markers(s + from, body_n - from, &clean, NULL);
		add_text_rec(mt, REC_ACTION, line, item, sbuf_str(&clean),
		             clean.len, &label);
	}
	owner_list_free(&label);
	free(sv);
	sbuf_free(&clean);
}
