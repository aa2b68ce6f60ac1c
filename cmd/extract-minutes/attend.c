/* attend.c - attendance sections of minutes: the lines under "Present",
 * "In attendance", "Apologies" as people (see prose.h).
 *
 * A section is read in three steps: its lines are joined into units
 * where a list wraps ("Cllr. Sharon" / "Benson, Cllr. Joe Leddin"); each
 * unit is one entry ("Ms Ann Bell, Housing Officer", "A Bell\tLFB") or a
 * list ("Cllrs Ash, Birch & Cole, County Cllr Dyer & the Clerk"); the
 * people found are written only when the section holds a plausible
 * number of them. */
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "people.h"
#include "prose.h"
#include "ref.h"
#include "rules.h"
#include "text.h"

static cs_ruleset *rs;
static int r_public, r_role_name, r_plural, r_clerk, r_role_colon, r_inline,
    r_remote, r_prose, r_label, r_label_attends, r_local, r_for_another,
    r_no_one, r_relative;

static void
load_rules(void)
{
	if (rs)
		return;
	/* the table names its vocabulary (minutes-words) */
	rs = rules_load("rules-minutes-people", NULL);
	r_public = rules_need(rs, "public_tail");
	r_role_name = rules_need(rs, "role_then_name");
	r_plural = rules_need(rs, "plural_title");
	r_clerk = rules_need(rs, "clerk");
	r_role_colon = rules_need(rs, "role_colon_name");
	r_inline = rules_need(rs, "attend_inline");
	r_remote = rules_need(rs, "remote");
	r_prose = rules_need(rs, "prose_line");
	r_label = rules_need(rs, "list_label");
	r_label_attends = rules_need(rs, "label_attends");
	r_local = rules_need(rs, "local_council");
	r_for_another = rules_need(rs, "for_another");
	r_no_one = rules_need(rs, "no_one");
	r_relative = rules_need(rs, "relative_clause");
}

void
attend_free(void)
{
	rules_free(rs);
	rs = NULL;
}

/* ---- the people found, held until the section is read ---- */

enum { ENTRY_PAIRED = -1 }; /* an organisation given to a name above */

typedef struct {
	person p;
	int kind; /* rec_kind */
	int ek;   /* entry_kind, or ENTRY_PAIRED */
	long line;
	bool whole_line;  /* the entry was a line of its own */
	bool for_another; /* "(representing ...)" */
	char *text;       /* as printed, for messages */
} found;

typedef struct {
	found *v;
	size_t n, cap;
} found_list;

static found *
found_push(found_list *fl, int kind, long line, const char *s, size_t n)
{
	found *f;

	fl->v = xgrow(fl->v, &fl->cap, fl->n + 1, sizeof *fl->v);
	f = &fl->v[fl->n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->line = line;
	f->text = xstrndup(s, n);
	return f;
}

static void
found_free(found_list *fl)
{
	for (size_t i = 0; i < fl->n; i++) {
		person_clear(&fl->v[i].p);
		free(fl->v[i].text);
	}
	free(fl->v);
	memset(fl, 0, sizeof *fl);
}

rec *
meeting_add_person(meeting *mt, enum rec_kind kind, long line, const char *item,
                   const person *p)
{
	rec *r =
	    meeting_add(mt, kind, line, item, p->name, p->role, p->org, "");

	nameidx_person(mt->names, p->name, p->role, p->sex,
	               NIX_LISTED | (kind == REC_APOLOGY ? NIX_ABSENT : 0));
	return r;
}

static void
append_field(char **field, const char *s, size_t n, const char *sep)
{
	sbuf b = SBUF_INIT;

	text_trim(&s, &n);
	if (n == 0)
		return;
	sbuf_adds(&b, *field ? *field : "");
	if (b.len)
		sbuf_adds(&b, sep);
	sbuf_add(&b, s, n);
	free(*field);
	*field = xstrdup(b.s);
	sbuf_free(&b);
}

/* A descriptor after a person ("Director of Service", "Housing") goes to
 * the person before it in the same list (from: where the list's people
 * start): a role when it has a job word, else the organisation. */
static bool
describe_prev(found_list *fl, size_t from, int kind, const char *s, size_t n)
{
	found *f;
	person d;
	enum entry_kind k;

	text_trim(&s, &n);
	if (fl->n <= from || n == 0)
		return false;
	f = &fl->v[fl->n - 1];
	if (f->kind != kind || f->ek != ENTRY_PERSON)
		return false;
	k = entry_parse(s, n, &d);
	if (k == ENTRY_ORG && !*f->p.org)
		append_field(&f->p.org, d.org, strlen(d.org), "");
	else if (is_role(s, n) || *f->p.org)
		append_field(&f->p.role, s, n, "; ");
	else
		append_field(&f->p.org, s, n, "");
	person_clear(&d);
	return true;
}

/* ---- one unit of a section ---- */

typedef struct {
	const char *s;
	size_t n;
	char sep; /* the separator after it: ',' ';' or 0 */
} piece;

/* Split on commas and semicolons outside brackets. */
static size_t
split_pieces(const char *s, size_t n, piece *out, size_t max)
{
	size_t np = 0, i = 0;

	while (i <= n && np < max) {
		size_t k = i;
		int depth = 0;

		for (; k < n && (depth > 0 || (s[k] != ',' && s[k] != ';'));
		     k++)
			depth += s[k] == '('            ? 1
			         : s[k] == ')' && depth ? -1
			                                : 0;
		out[np].s = s + i;
		out[np].n = k - i;
		out[np].sep = k < n ? s[k] : 0;
		text_trim(&out[np].s, &out[np].n);
		np++;
		i = k + 1;
	}
	return np;
}

static size_t
count_words(const char *s, size_t n)
{
	size_t w = 0;

	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			w++;
	return w;
}

/* Add one person (or organisation) entry of kind. */
static void
add_entry(found_list *fl, int kind, long line, const char *s, size_t n,
          bool whole_line)
{
	found *f;
	cs_rmatch m;
	size_t so, eo;

	text_trim(&s, &n);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (text_iprefix(s, n, "and ") || text_iprefix(s, n, "& ")) {
		s += s[0] == '&' ? 2 : 4;
		n -= s[-2] == '&' ? 2 : 4;
		text_trim(&s, &n);
	}
	if (n == 0 || text_ieq(s, n, "none"))
		return;
	/* "Sam Lowe (remotely)": how they attended is no part of them */
	if (rules_exec(rs, r_remote, s, n, 0, &m) &&
	    rules_group(&m, 0, &so, &eo) && so > 0)
		n = so;
	f = found_push(fl, kind, line, s, n);
	f->whole_line = whole_line;
	if (rules_exec(rs, r_clerk, s, n, 0, &m)) {
		/* the clerk, unnamed, attends */
		rules_named(rs, &m, "role", &so, &eo);
		f->p.name = xstrndup(s + so, eo - so);
		f->p.role = xstrndup(s + so, eo - so);
		f->p.org = xstrdup("");
		f->ek = ENTRY_PERSON;
		if (kind == REC_PRESENT)
			f->kind = REC_IN_ATTENDANCE;
		return;
	}
	if (rules_exec(rs, r_role_name, s, n, 0, &m)) {
		/* "Senior Engineer, Roads (Mr. P. Kane)" */
		size_t ns, ne, rs_, re_;

		rules_named(rs, &m, "name", &ns, &ne);
		rules_named(rs, &m, "role", &rs_, &re_);
		f->ek = entry_parse(s + ns, ne - ns, &f->p);
		if (f->ek == ENTRY_PERSON)
			append_field(&f->p.role, s + rs_, re_ - rs_, "; ");
		return;
	}
	if (rules_exec(rs, r_role_colon, s, n, 0, &m) &&
	    rules_named(rs, &m, "role", &so, &eo) &&
	    has_role_word(s + so, eo - so)) {
		/* "Minute Secretary: Jo Reed" */
		size_t ns, ne;

		rules_named(rs, &m, "name", &ns, &ne);
		f->ek = entry_parse(s + ns, ne - ns, &f->p);
		if (f->ek == ENTRY_PERSON)
			append_field(&f->p.role, s + so, eo - so, "; ");
		return;
	}
	f->ek = entry_parse(s, n, &f->p);
	if (f->ek == ENTRY_PERSON && kind == REC_PRESENT &&
	    role_other_tier(f->p.role))
		f->kind = REC_IN_ATTENDANCE;
	/* "Jo Reed (representing Dan Hart MP)" attends for another */
	if (f->ek == ENTRY_PERSON && kind == REC_PRESENT &&
	    rules_exec(rs, r_for_another, s, n, 0, &m))
		f->for_another = true;
}

/* "Jo Reed - Chair", "Jo Reed \xE2\x80\x93 Chair": 1 + where the dash
 * between a name and its descriptor is, or 0. */
static size_t
has_dash(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ')
			return i + 1;
		else if (s[i] == ' ' && i + 5 <= n &&
		         memcmp(s + i + 1, "\xE2\x80\x93 ", 4) == 0)
			return i + 1;
	return 0;
}

/* Is a piece the start of a person in a list: a title or honorific, the
 * clerk, or a name of two words or more that is no role ("Director of
 * Service") and no organisation?  A single untitled word ("Housing")
 * describes the person before it. */
static bool
person_start(const char *s, size_t n)
{
	cs_rmatch m;
	person p;
	enum entry_kind k;
	const char *br;
	bool yes;

	text_trim(&s, &n);
	if (text_iprefix(s, n, "and ") || text_iprefix(s, n, "& ")) {
		s += s[0] == '&' ? 2 : 4;
		n -= s[-2] == '&' ? 2 : 4;
		text_trim(&s, &n);
	}
	if (n == 0)
		return false;
	/* "the Clerk" is someone; "District Clerk" after a name is that
	 * person's role */
	if ((title_len(s, n) > 0 && title_len(s, n) < n) ||
	    rules_exec(rs, r_role_name, s, n, 0, &m) ||
	    rules_exec(rs, r_plural, s, n, 0, &m) ||
	    (rules_exec(rs, r_clerk, s, n, 0, &m) &&
	     (text_iprefix(s, n, "the ") || text_ieq(s, n, "clerk"))))
		return true;
	/* "Colin Bright (MOPAC)", "Jo Reed - Chair": the name is what comes
	 * before the brackets or the dash */
	if ((br = memchr(s, '(', n)) != NULL && br > s) {
		n = (size_t)(br - s);
		text_trim(&s, &n);
	}
	n = has_dash(s, n) ? has_dash(s, n) - 1 : n;
	if (count_words(s, n) < 2 || is_role(s, n))
		return false;
	k = entry_parse(s, n, &p);
	yes = k == ENTRY_PERSON && !*p.org && role_postnominal(p.role) &&
	      !p.guessed;
	person_clear(&p);
	return yes;
}

static bool
parses(const char *s, size_t n)
{
	person p;
	enum entry_kind k = entry_parse(s, n, &p);

	person_clear(&p);
	return k != ENTRY_NONE;
}

/* A list: "Cllrs Ash, Birch & Cole, County Cllr Dyer & the Clerk",
 * "Ms. Ann Bell, Director of Housing, Mr. Carl Dyer, Engineer, Roads". */
static void
read_list(found_list *fl, int kind, long line, const char *s, size_t n)
{
	piece pc[512];
	size_t np = split_pieces(s, n, pc, 512), from = fl->n;
	char title[48] = "";
	sbuf lead = SBUF_INIT; /* a role printed before its person */

	for (size_t i = 0; i < np; i++) {
		const char *p = pc[i].s;
		size_t pn = pc[i].n;
		cs_rmatch m;
		size_t so, eo;
		bool ends_title = false;

		if (pn == 0)
			continue;
		if (rules_exec(rs, r_plural, p, pn, 0, &m)) {
			/* "Cllrs Ash" -> "Cllr" for the names after it */
			size_t ts, te, rs_, re_;

			if (rules_named(rs, &m, "title", &ts, &te)) {
				if (rules_named(rs, &m, "tier", &so, &eo))
					ts = so;
				snprintf(title, sizeof title, "%.*s",
				         (int)(te - ts - 1), p + ts);
				if (p[te - 1] !=
				    's') /* "Messrs": no singular */
					title[0] = '\0';
			} else {
				/* "Councillor: Martin Ryan, Jo Reed" */
				rules_named(rs, &m, "one", &ts, &te);
				snprintf(title, sizeof title, "%.*s",
				         (int)(te - ts), p + ts);
			}
			rules_named(rs, &m, "rest", &rs_, &re_);
			p += rs_;
			pn = re_ - rs_;
		} else if (title_len(p, pn) > 0 || (*title && is_role(p, pn)) ||
		           rules_exec(rs, r_clerk, p, pn, 0, &m)) {
			title[0] = '\0';
		}
		/* "Hoskins & Hillard", "Bell, Dornan and Hutchison" */
		while (pn > 0) {
			size_t k = 0, sl = 0;
			sbuf b = SBUF_INIT;

			for (; k < pn; k++) {
				if (k + 3 <= pn &&
				    memcmp(p + k, " & ", 3) == 0) {
					sl = 3;
					break;
				}
				if (k + 5 <= pn &&
				    memcmp(p + k, " and ", 5) == 0) {
					sl = 5;
					break;
				}
			}
			/* split only where both sides are people, or where the
			 * whole is no one entry */
			if (sl && parses(p, pn) &&
			    !(person_start(p + k + sl, pn - k - sl) ||
			      (*title &&
			       count_words(p + k + sl, pn - k - sl) <= 2) ||
			      rules_exec(rs, r_clerk, p + k + sl, pn - k - sl,
			                 0, &m)))
				k = pn, sl = 0;
			if (*title && !title_len(p, k) &&
			    !rules_exec(rs, r_clerk, p, k, 0, &m)) {
				sbuf_adds(&b, title);
				sbuf_addc(&b, ' ');
			}
			sbuf_add(&b, p, k);
			if (!*title && b.len && !person_start(b.s, b.len) &&
			    describe_prev(fl, from, kind, b.s, b.len)) {
				/* a descriptor of the person before */
			} else if (!*title && b.len && fl->n == from &&
			           is_role(b.s, b.len) &&
			           !rules_exec(rs, r_clerk, b.s, b.len, 0,
			                       &m)) {
				/* "Acting Superintendent, P. Brennan", "An
				 * Cathaoirleach, Cllr. Jo Reed": the role of
				 * the person after it */
				if (lead.len)
					sbuf_adds(&lead, ", ");
				sbuf_add(&lead, b.s, b.len);
			} else if (b.len) {
				size_t before = fl->n;

				add_entry(fl, kind, line, b.s, b.len, false);
				if (lead.len && fl->n > before &&
				    fl->v[before].ek == ENTRY_PERSON) {
					append_field(&fl->v[before].p.role,
					             lead.s, lead.len, "; ");
					if (role_is_chair(lead.s) &&
					    fl->v[before].kind ==
					        REC_IN_ATTENDANCE)
						fl->v[before].kind =
						    REC_PRESENT;
					sbuf_clear(&lead);
				}
			}
			sbuf_free(&b);
			if (sl == 0)
				break;
			p += k + sl;
			pn -= k + sl;
			/* "Cllrs Alam, Bell and Hutchison, Amanda Brown": the
			 * title's list ends at its "and" */
			ends_title = true;
		}
		if (ends_title)
			title[0] = '\0';
	}
	sbuf_free(&lead);
}

/* "MOPAC and Inspector Ruth Doyle", "Cllr Ash & the Clerk": "and" or
 * "&" before a person. */
static bool
joins_people(const char *s, size_t n, bool titled_only)
{
	cs_rmatch m;

	for (size_t k = 0; k < n; k++) {
		size_t sl = k + 3 <= n && memcmp(s + k, " & ", 3) == 0     ? 3
		            : k + 5 <= n && memcmp(s + k, " and ", 5) == 0 ? 5
		                                                           : 0;

		if (sl &&
		    ((titled_only ? title_len(s + k + sl, n - k - sl) > 0
		                  : person_start(s + k + sl, n - k - sl)) ||
		     rules_exec(rs, r_clerk, s + k + sl, n - k - sl, 0, &m)))
			return true;
	}
	return false;
}

/* One unit: an entry of its own, or a list. */
static void
read_unit(found_list *fl, int kind, long line, const char *s, size_t n,
          bool one_line)
{
	piece pc[64];
	size_t np;
	cs_rmatch m, lm;
	size_t so, eo;
	bool one, dashed;

	text_trim(&s, &n);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (n == 0 || rules_exec(rs, r_no_one, s, n, 0, &m))
		return;
	/* 8 kB is no list of people (60 people with their roles and
	 * organisations take 6): one entry, read as such, so a page of text
	 * costs one pass, not one per "and" */
	if (n > 8192) {
		add_entry(fl, kind, line, s, n, one_line);
		return;
	}
	/* "Cllr Pocock who has now resigned": the person, not the clause */
	if (rules_exec(rs, r_relative, s, n, 0, &m) &&
	    rules_group(&m, 0, &so, &eo))
		n = so;
	/* "... In attendance: Gil Moss": a second list inside the first */
	if (rules_exec(rs, r_inline, s, n, 0, &m) &&
	    rules_group(&m, 0, &so, &eo)) {
		read_unit(fl, kind, line, s, so, one_line);
		read_unit(fl, REC_IN_ATTENDANCE, line, s + eo, n - eo,
		          one_line);
		return;
	}
	/* "Members of the public - PCSO Ann Lee, Mr & Mrs Hall": only those
	 * there in an office (a title, not an honorific) attend */
	if (rules_exec(rs, r_public, s, n, 0, &m) &&
	    rules_group(&m, 0, &so, &eo)) {
		found_list pub = { 0 };

		read_list(&pub, REC_IN_ATTENDANCE, line, s + eo, n - eo);
		for (size_t i = 0; i < pub.n; i++) {
			found *f = &pub.v[i];

			if (f->ek == ENTRY_PERSON && *f->p.role) {
				found *g =
				    found_push(fl, REC_IN_ATTENDANCE, line,
				               f->text, strlen(f->text));

				g->p = f->p;
				memset(&f->p, 0, sizeof f->p);
				g->ek = ENTRY_PERSON;
			}
		}
		found_free(&pub);
		n = so;
		text_trim(&s, &n);
		while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
			n--;
	}
	if (n == 0)
		return;
	/* "OTHERS: Jo Reed, Engineer": the label says who they are */
	if (!rules_exec(rs, r_role_colon, s, n, 0, &m) &&
	    rules_exec(rs, r_label, s, n, 0, &m) &&
	    rules_named(rs, &m, "label", &so, &eo) &&
	    !rules_exec(rs, r_plural, s, n, 0, &lm) && !title_len(s, n) &&
	    !person_start(s + so, eo - so)) {
		size_t rs_, re_;

		if (rules_exec(rs, r_label_attends, s + so, eo - so, 0, &lm) &&
		    kind == REC_PRESENT)
			kind = REC_IN_ATTENDANCE;
		rules_named(rs, &m, "rest", &rs_, &re_);
		s += rs_;
		n = re_ - rs_;
	}
	/* "Director, Roads (Mr. P. Kane), Engineer, Housing (Ms. A. Lee)":
	 * each role runs up to the name in brackets after it */
	while (n > 0) {
		const char *close = NULL;

		for (size_t i = 0; i + 1 < n && !close; i++) {
			size_t k = i + 1;

			if (s[i] != '(' || !title_len(s + k, n - k))
				continue;
			while (k < n && k < i + 80 && s[k] != ')' &&
			       s[k] != '(')
				k++;
			if (k < n && s[k] == ')')
				close = s + k;
		}
		if (close == NULL)
			break;
		add_entry(fl, kind, line, s, (size_t)(close - s) + 1, one_line);
		n -= (size_t)(close - s) + 1;
		s = close + 1;
		while (n > 0 && (*s == ',' || *s == ' ' || *s == ';'))
			s++, n--;
	}
	if (n == 0)
		return;
	/* "A Bell\tLFB", "Ms Ann Bell, Housing Officer", "Jo Reed - Chair,
	 * Youth Board": one person when no piece after the first starts
	 * another */
	np = split_pieces(s, n, pc, 64);
	/* after "Declan Khan - Assistant Director," or "Jo Reed, Executive,"
	 * the pieces describe the person, unless one has a title */
	dashed = has_dash(pc[0].s, pc[0].n) ||
	         (np > 1 && one_line && is_role(pc[1].s, pc[1].n));
	one = memchr(s, '\t', n) != NULL ||
	      (!rules_exec(rs, r_plural, s, n, 0, &m) &&
	       !joins_people(s, n, dashed));
	for (size_t i = 1; i < np && one; i++)
		one = dashed ? title_len(pc[i].s, pc[i].n) == 0
		             : !person_start(pc[i].s, pc[i].n);
	if (one && !memchr(s, '\t', n) && np == 1 && !parses(s, n))
		one = false;
	if (one) {
		add_entry(fl, kind, line, s, n, one_line);
		return;
	}
	read_list(fl, kind, line, s, n);
}

/* ---- lines into units ---- */

static bool
ends_with_word(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && memcmp(s + n - k, w, k) == 0 &&
	       (n == k || s[n - k - 1] == ' ');
}

static size_t
commas(const char *s, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += s[i] == ',' || s[i] == ';';
	return c;
}

/* Does line b carry on the entry line a broke off? */
static bool
wraps(const char *a, size_t an, const char *b, size_t bn)
{
	size_t k = an, k2 = 0;

	if (an == 0 || bn == 0 || memchr(a, '\t', an) || memchr(b, '\t', bn))
		return false;
	if ((b[0] >= 'a' && b[0] <= 'z') || b[0] == '&' || b[0] == '(')
		return true;
	if (a[an - 1] == '&' || a[an - 1] == '-' ||
	    ends_with_word(a, an, "and") || ends_with_word(a, an, "of") ||
	    ends_with_word(a, an, "for") || ends_with_word(a, an, "the"))
		return true;
	/* "..., Cllr. Sharon" / "Benson, ...": a title or an initial, or a
	 * running list, left without its name */
	while (k > 0 && a[k - 1] != ' ')
		k--;
	if (title_len(a + k, an - k) == an - k && !is_chair_ref(a + k, an - k))
		return true;
	if (an - k == 2 && a[an - 1] == '.' && a[k] >= 'A' && a[k] <= 'Z')
		return true;
	/* "... Traveller" / "Accommodation,": one word is no one */
	if (count_words(b, strcspn(b, ",;")) == 1 && !title_len(b, bn) &&
	    strcspn(b, ",;") + 1 >= bn)
		return true;
	if (a[an - 1] == ',')
		return commas(a, an) >= 2 || !title_len(b, bn);
	/* the last piece of a */
	while (k2 < an && a[an - k2 - 1] != ',' && a[an - k2 - 1] != ';')
		k2++;
	/* "..., Betty Ross, Humza" / "Yousaf MSP, ...": a first name alone */
	if (commas(a, an) >= 2 && !title_len(b, bn) &&
	    count_words(a + an - k2, k2) == 1)
		return true;
	return commas(a, an) >= 2 && !title_len(b, bn) &&
	       !person_start(b, strcspn(b, ",;"));
}

/* Pair a run of bare names with the run of as many organisations after
 * it: a two-column table that extraction broke into columns. */
static void
pair_columns(found_list *fl)
{
	found *v = fl->v;
	size_t n = fl->n;

	for (size_t i = 0; i < n;) {
		size_t a = i, b;

		while (a < n && v[a].ek == ENTRY_PERSON && v[a].whole_line &&
		       !*v[a].p.org)
			a++;
		b = a;
		while (b < n && v[b].ek == ENTRY_ORG && v[b].whole_line)
			b++;
		if (a > i && b - a == a - i) {
			for (size_t k = 0; k < a - i; k++) {
				free(v[i + k].p.org);
				v[i + k].p.org = v[a + k].p.org;
				v[a + k].p.org = NULL;
				v[a + k].ek = ENTRY_PAIRED;
			}
		}
		i = b > i ? b : i + 1;
	}
}

/* ---- the section ---- */

static void
emit(meeting *mt, const char *item, found_list *fl, bool explicit)
{
	size_t people = 0;
	bool local;
	cs_rmatch m;

	for (size_t i = 0; i < fl->n; i++)
		people += fl->v[i].ek == ENTRY_PERSON;
	if (people > ATTEND_MAX) {
		cs_warn_at(mt->source, fl->v[0].line,
		           "attendance list of %zu entries is not a list of "
		           "people; skipped",
		           people);
		return;
	}
	local = mt->body &&
	        rules_exec(rs, r_local, mt->body, strlen(mt->body), 0, &m);
	for (size_t i = 0; i < fl->n; i++) {
		found *f = &fl->v[i];

		/* a council of residents: the police and those there for
		 * another attend, not as members */
		if (local && f->ek == ENTRY_PERSON && f->kind == REC_PRESENT &&
		    (role_officer(f->p.role) || f->for_another))
			f->kind = REC_IN_ATTENDANCE;
		if (f->ek == ENTRY_PERSON) {
			if (f->p.guessed)
				cs_warn_at(mt->source, f->line,
				           "organisation not in the gazetteer, "
				           "split guessed: %s | %s",
				           f->p.name, f->p.org);
			meeting_add_person(mt, f->kind, f->line, item, &f->p);
		} else if (f->ek == ENTRY_ORG)
			cs_warn_at(mt->source, f->line,
			           "organisation with no person beside it: %s",
			           f->p.org);
		else if (f->ek == ENTRY_NONE && explicit) {
			/* under a heading: kept as printed, never dropped */
			cs_warn_at(mt->source, f->line,
			           "attendance line not understood, kept as "
			           "printed: %.60s",
			           f->text);
			meeting_add(mt, f->kind, f->line, item, f->text, "", "",
			            "");
		} else if (f->ek == ENTRY_NONE)
			cs_warn_at(mt->source, f->line,
			           "line before the first item not understood, "
			           "skipped: %.60s",
			           f->text);
	}
}

/* A two-column table flattened into alternate lines: left, right, left,
 * ...  When the left column runs out, the lines left are the right
 * column's: a left-column turn that looks like the right column's rows
 * (an organisation in brackets where the left's had none) says so. */
static void
read_columns(found_list *fl, int kind, int kind2, const src_line *lines,
             size_t n)
{
	bool left_done = false;
	size_t turn = 0;

	for (size_t i = 0; i < n; i++) {
		int k;
		const char *tab = memchr(lines[i].s, '\t', lines[i].n);

		if (tab) {
			/* a row of the table with its cells: left, right */
			const char *c = lines[i].s,
			           *end = lines[i].s + lines[i].n;

			for (int cell = 0; c < end; cell++) {
				const char *e =
				    memchr(c, '\t', (size_t)(end - c));

				if (e == NULL)
					e = end;
				if (e > c)
					add_entry(fl, cell ? kind2 : kind,
					          lines[i].line, c,
					          (size_t)(e - c), true);
				c = e + 1;
			}
			continue;
		}
		if (!left_done && turn % 2 == 0 && fl->n > 0) {
			found probe;
			bool org_here, left_org = false;

			memset(&probe, 0, sizeof probe);
			probe.ek =
			    entry_parse(lines[i].s, lines[i].n, &probe.p);
			/* an entry that is no person ("<esent:p>Luke Orme",
			 * a broken tag) has no org at all */
			org_here = probe.ek == ENTRY_PERSON && probe.p.org &&
			           *probe.p.org;
			for (size_t j = 0; j < fl->n; j++)
				if (fl->v[j].kind == kind && fl->v[j].p.org &&
				    *fl->v[j].p.org)
					left_org = true;
			person_clear(&probe.p);
			if (org_here && !left_org)
				left_done = true;
		}
		k = left_done || turn % 2 ? kind2 : kind;
		add_entry(fl, k, lines[i].line, lines[i].s, lines[i].n, true);
		turn++;
	}
}

size_t
prose_attendance(meeting *mt, int kind, int kind2, const char *item,
                 const src_line *lines, size_t nlines, bool explicit)
{
	found_list fl = { 0 };
	size_t end = 0;
	cs_rmatch m;

	load_rules();
	/* "Present:<tab>Also present:" - the headings of a table's two
	 * columns; its rows are "left<tab>right" */
	if (kind2 < 0 && nlines > 1 &&
	    rules_exec(rs, r_inline, lines[0].s, lines[0].n, 0, &m) &&
	    m.cap.eo[0] == lines[0].n) {
		kind2 = REC_IN_ATTENDANCE;
		lines++;
		nlines--;
	}
	/* the list ends where the lines read as sentences */
	while (end < nlines &&
	       !rules_exec(rs, r_prose, lines[end].s, lines[end].n, 0, &m))
		end++;
	if (kind2 >= 0)
		read_columns(&fl, kind, kind2, lines, end);
	else {
		for (size_t i = 0; i < end;) {
			size_t j = i + 1;
			sbuf u = SBUF_INIT;

			sbuf_add(&u, lines[i].s, lines[i].n);
			while (j < end &&
			       wraps(u.s, u.len, lines[j].s, lines[j].n)) {
				sbuf_addc(&u, ' ');
				sbuf_add(&u, lines[j].s, lines[j].n);
				j++;
			}
			read_unit(&fl, kind, lines[i].line, u.s, u.len,
			          j == i + 1);
			sbuf_free(&u);
			i = j;
		}
		pair_columns(&fl);
	}
	if (fl.n)
		emit(mt, item, &fl, explicit);
	found_free(&fl);
	return end;
}

void
prose_people_list(meeting *mt, enum rec_kind kind, long line, const char *item,
                  const char *s, size_t n)
{
	src_line l = { s, n, line };

	prose_attendance(mt, (int)kind, -1, item, &l, 1, true);
}

/* A line of an apologies item: "Cllrs Ash & Birch.", "Jo Reed", "Cllr
 * Cole who has now resigned. Clerk to thank him ...": the people of its
 * first sentence, when that sentence is only people.  True when the line
 * is used up. */
bool
prose_apology_entry(meeting *mt, long line, const char *item, const char *s,
                    size_t n)
{
	found_list fl = { 0 };
	size_t k = 0, cut;
	bool people;

	load_rules();
	text_trim(&s, &n);
	if (text_ieq(s, n, "none") || text_ieq(s, n, "none."))
		return true;
	if (s[n - 1] == ',')
		return false; /* the list goes on: a sentence */
	/* the first sentence: up to a full stop that ends no title ("Cllr.",
	 * "Mr.") or initial ("A.") */
	for (; k < n; k++) {
		size_t w = k;

		if (s[k] != '.' || !(k + 1 == n || s[k + 1] == ' '))
			continue;
		while (w > 0 && s[w - 1] != ' ')
			w--;
		if (k - w == 1 || title_len(s + w, k - w + 1) == k - w + 1 ||
		    title_len(s + w, k - w) == k - w)
			continue;
		break;
	}
	cut = k;
	/* "... who has now tendered his resignation" */
	for (size_t i = 0; i + 5 <= cut; i++)
		if (memcmp(s + i, " who ", 5) == 0) {
			cut = i;
			break;
		}
	read_unit(&fl, REC_APOLOGY, line, s, cut, true);
	/* each piece a person: "The Chair of the Board, Cllr Ash, welcomed"
	 * is a sentence that wrapped */
	{
		piece pc[64];
		size_t np = split_pieces(s, cut, pc, 64);

		people = fl.n > 0 && fl.n >= np;
		for (size_t i = 0; i < np && people; i++)
			people = pc[i].n == 0 ||
			         person_start(pc[i].s, pc[i].n) ||
			         count_words(pc[i].s, pc[i].n) <= 2;
	}
	for (size_t i = 0; i < fl.n && people; i++)
		people = fl.v[i].ek == ENTRY_PERSON && !fl.v[i].p.guessed &&
		         fl.v[i].kind == REC_APOLOGY;
	if (people) {
		for (size_t i = 0; i < fl.n; i++)
			fl.v[i].kind = REC_APOLOGY;
		emit(mt, item, &fl, false);
	}
	found_free(&fl);
	return people && k >= n - 1;
}
