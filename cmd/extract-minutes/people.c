/* people.c - attendance entries, titles, organisations and name
 * resolution for extract-minutes (see people.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "hash.h"
#include "mem.h"
#include "names.h"
#include "people.h"
#include "re.h"
#include "ref.h"
#include "text.h"

enum {
	K_HON = 1,
	K_TITLE = 2,
	K_CHAIR = 4,
	K_JOB = 8,
	K_ORGWORD = 16,
	K_FEMALE = 32,
	K_MALE = 64,
	K_PLURAL = 128,
	K_OTHERTIER = 256,
	K_POSTNOMINAL = 512,
	K_OFFICER = 2048,
	K_BODY = 4096,
	K_OTHER = 1024 /* words of the rule tables' kinds */
};

static hmap *orgs;     /* folded organisation name -> 1 */
static hmap *wordkind; /* word (as printed) -> kinds bitmask */
static char **titles;  /* honorifics and titles, longest first */
static size_t ntitles, titles_cap;
static cs_re *re_ref;  /* a titled mention or "the Chairman" */
static cs_re *re_name; /* the shape of a personal name */
static sbuf fold;      /* scratch for name_fold */

static unsigned
kinds_of(const char *s, size_t n)
{
	return (unsigned)(uintptr_t)hmap_get(wordkind, s, n);
}

static int
longer_first(const void *a, const void *b)
{
	size_t la = strlen(*(char *const *)a), lb = strlen(*(char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : 0;
}

static void
load_orgs(void)
{
	cs_table *t = ref_load("organisations");
	int cn = ref_need(t, "name"), ca = ref_need(t, "aliases");

	orgs = hmap_new();
	for (size_t r = 0; r < t->nrows; r++) {
		const char *name = ref_get(t, r, (size_t)cn);
		const char *al = ref_get(t, r, (size_t)ca);

		name_fold(name, strlen(name), 0, &fold);
		*hmap_put(orgs, fold.s, fold.len) = (void *)1;
		while (al && *al) {
			size_t k = strcspn(al, ";");

			if (k > 0) {
				name_fold(al, k, 0, &fold);
				*hmap_put(orgs, fold.s, fold.len) = (void *)1;
			}
			al += k + (al[k] == ';');
		}
	}
	ref_free(t);
}

static void
load_words(void)
{
	cs_table *t = ref_load("minutes-words");
	int cw = ref_need(t, "word"), ck = ref_need(t, "kind");
	static const struct {
		const char *name;
		unsigned bit;
	} kinds[] = {
		{ "honorific", K_HON },       { "title", K_TITLE },
		{ "chair", K_CHAIR },         { "job", K_JOB },
		{ "orgword", K_ORGWORD },     { "female", K_FEMALE },
		{ "male", K_MALE },           { "plural", K_PLURAL },
		{ "othertier", K_OTHERTIER }, { "postnominal", K_POSTNOMINAL },
		{ "decision", K_OTHER },      { "body", K_BODY },
		{ "undertake", K_OTHER },     { "pronoun_f", K_OTHER },
		{ "pronoun_m", K_OTHER },     { "officer", K_OFFICER },
	};
	sbuf pat = SBUF_INIT;

	wordkind = hmap_new();
	for (size_t r = 0; r < t->nrows; r++) {
		const char *w = ref_get(t, r, (size_t)cw);
		const char *k = ref_get(t, r, (size_t)ck);
		unsigned bit = 0;
		void **slot;

		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			if (strcmp(k, kinds[i].name) == 0)
				bit = kinds[i].bit;
		if (bit == 0)
			cs_die_at(CS_EXIT_DATA, t->path, t->lineno[r],
			          "unknown kind '%s'", k);
		slot = hmap_put(wordkind, w, strlen(w));
		/* "Chairman Cllr Mrs Shewell": a chair word is printed
		 * before a name as a title is */
		if (((uintptr_t)*slot & (K_HON | K_TITLE | K_CHAIR)) == 0 &&
		    (bit & (K_HON | K_TITLE | K_CHAIR))) {
			titles = xgrow(titles, &titles_cap, ntitles + 1,
			               sizeof *titles);
			titles[ntitles++] = xstrdup(w);
		}
		*slot = (void *)((uintptr_t)*slot | bit);
	}
	ref_free(t);
	qsort(titles, ntitles, sizeof *titles, longer_first);

	/* A titled mention: the title, then one or two capitalised words. */
	sbuf_adds(&pat, "(?<![\\p{L}])(?:(?:");
	for (size_t i = 0; i < ntitles; i++) {
		if (i)
			sbuf_addc(&pat, '|');
		for (const char *c = titles[i]; *c; c++)
			if (*c == ' ')
				sbuf_adds(&pat, "\\s+");
			else if (*c == '-' || *c == '.')
				sbuf_printf(&pat, "\\%c", *c);
			else
				sbuf_addc(&pat, *c);
	}
	sbuf_adds(&pat, ")\\.?\\s+\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+)?"
	                "|[Tt]he\\s+[Cc]hair(?:man|woman|person)?\\b)");
	re_ref = re_compile(pat.s, "", "titled name");
	sbuf_free(&pat);
}

void
people_init(void)
{
	load_orgs();
	load_words();
	re_name = re_compile(
	    "^(?:\\p{Lu}[\\p{L}'.-]*|de|van|von|der|den|le|la|da|di|bin|al|el)"
	    "(?:\\s+(?:\\p{Lu}[\\p{L}'.-]*|de|van|von|der|den|le|la|da|di|bin|"
	    "al|el)){0,4}$",
	    "", "name shape");
}

void
people_free(void)
{
	hmap_free(orgs, NULL);
	hmap_free(wordkind, NULL);
	for (size_t i = 0; i < ntitles; i++)
		free(titles[i]);
	free(titles);
	re_free(re_ref);
	re_free(re_name);
	sbuf_free(&fold);
}

void
person_clear(person *p)
{
	free(p->name);
	free(p->role);
	free(p->org);
	memset(p, 0, sizeof *p);
}

/* True when s[0..n) is, as a whole, an organisation of the gazetteer. */
static bool
org_known(const char *s, size_t n)
{
	text_trim(&s, &n);
	if (n == 0)
		return false;
	name_fold(s, n, 0, &fold);
	return fold.len > 0 && hmap_has(orgs, fold.s, fold.len);
}

/* ---- words ---- */

static bool
is_word_char(char c)
{
	return c != ' ' && c != '\t' && c != ',' && c != '(' && c != ')' &&
	       c != '/' && c != ';' && c != ':';
}

/* Call back for each word of s[0..n) with its kinds; also each two-word
 * phrase, so "Chief Executive" counts.  Returns the union of kinds. */
static unsigned
words_kinds(const char *s, size_t n)
{
	unsigned all = 0;
	size_t i = 0, prev_so = (size_t)-1;

	while (i < n) {
		size_t so, eo;

		while (i < n && !is_word_char(s[i]))
			i++;
		so = i;
		while (i < n && is_word_char(s[i]))
			i++;
		eo = i;
		if (eo == so)
			break;
		all |= kinds_of(s + so, eo - so);
		if (prev_so != (size_t)-1)
			all |= kinds_of(s + prev_so, eo - prev_so);
		prev_so = so;
	}
	return all;
}

static bool
is_connector(const char *s, size_t n)
{
	static const char *const w[] = { "of", "and", "&", "for", "the",
		                         "in", "on",  "-", "de",  NULL };

	for (size_t i = 0; w[i]; i++)
		if (strlen(w[i]) == n && memcmp(w[i], s, n) == 0)
			return true;
	return false;
}

/* Capitalised words (or connectors) only: the look of a proper name. */
static bool
capitalised(const char *s, size_t n)
{
	size_t i = 0, words = 0;

	while (i < n) {
		size_t so;

		while (i < n && s[i] == ' ')
			i++;
		so = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i == so)
			break;
		words++;
		if (!is_connector(s + so, i - so) &&
		    !((unsigned char)s[so] >= 'A' &&
		      (unsigned char)s[so] <= 'Z') &&
		    !((unsigned char)s[so] >= '0' &&
		      (unsigned char)s[so] <= '9') &&
		    s[so] != '\'' && (unsigned char)s[so] < 0x80)
			return false;
	}
	return words > 0;
}

/* An organisation by its look: capitalised, with an organisation word. */
static bool
org_shaped(const char *s, size_t n)
{
	unsigned k;

	if (!capitalised(s, n))
		return false;
	k = words_kinds(s, n);
	return (k & K_ORGWORD) && !(k & (K_JOB | K_CHAIR | K_TITLE | K_HON));
}

/* Words that start sentences, never names. */
static bool
sentence_word(const char *s, size_t n)
{
	static const char *const w[] = {
		"The",     "It",          "This", "That",     "These",
		"There",   "They",        "He",   "She",      "We",
		"All",     "Each",        "Both", "Officers", "Partners",
		"Members", "Councillors", "In",   NULL
	};
	size_t k = 0;

	while (k < n && s[k] != ' ')
		k++;
	for (size_t i = 0; w[i]; i++)
		if (strlen(w[i]) == k && memcmp(s, w[i], k) == 0)
			return true;
	return false;
}

static bool
name_shaped(const char *s, size_t n)
{
	if (n == 0 || n > 80 || sentence_word(s, n) ||
	    re_match(re_name, s, n, 0, NULL) != RE_MATCH)
		return false;
	return !(words_kinds(s, n) & K_ORGWORD);
}

/* Length of the honorific or title at the start of s, including a
 * following '.', or 0. */
static size_t
title_at(const char *s, size_t n, unsigned *kinds)
{
	for (size_t i = 0; i < ntitles; i++) {
		size_t k = strlen(titles[i]);

		if (k <= n && memcmp(s, titles[i], k) == 0 &&
		    (k == n || s[k] == ' ' || s[k] == '.')) {
			if (kinds)
				*kinds = kinds_of(titles[i], k);
			if (k < n && s[k] == '.')
				k++;
			return k;
		}
	}
	return 0;
}

size_t
title_len(const char *s, size_t n)
{
	return title_at(s, n, NULL);
}

bool
is_role(const char *s, size_t n)
{
	text_trim(&s, &n);
	return n > 0 && capitalised(s, n) &&
	       ((!title_at(s, n, NULL) &&
	         (words_kinds(s, n) & (K_JOB | K_CHAIR))) ||
	        (kinds_of(s, n) & K_CHAIR) || kinds_of(s, n) == K_PLURAL ||
	        (kinds_of(s, n) & K_PLURAL && !memchr(s, ' ', n)));
}

static void
add_role(sbuf *role, const char *s, size_t n)
{
	text_trim(&s, &n);
	if (role == NULL || n == 0)
		return;
	if (role->len)
		sbuf_adds(role, "; ");
	sbuf_add(role, s, n);
}

bool
name_strip(const char *s, size_t n, sbuf *bare, sbuf *role)
{
	bool any = false;
	size_t k;
	unsigned kinds;

	sbuf_clear(bare);
	text_trim(&s, &n);
	while ((k = title_at(s, n, &kinds)) > 0 && k < n) {
		if (kinds & (K_TITLE | K_CHAIR))
			add_role(role, s, s[k - 1] == '.' ? k - 1 : k);
		s += k;
		n -= k;
		text_trim(&s, &n);
		any = true;
	}
	sbuf_add(bare, s, n);
	return any;
}

bool
is_chair_ref(const char *s, size_t n)
{
	text_trim(&s, &n);
	if (text_iprefix(s, n, "the "))
		s += 4, n -= 4;
	return n > 0 && (kinds_of(s, n) & K_CHAIR);
}

bool
is_body(const char *s, size_t n)
{
	static const char *const own[] = { "Parish",   "Town",   "Community",
		                           "City",     "County", "Borough",
		                           "District", "Full",   "Village",
		                           NULL };
	size_t k;

	/* "the Parish Council", "The Committee": the meeting's own body;
	 * "Finance Sub-Committee", "the Working Group" are others, and the
	 * members ("Councillors") are people */
	text_trim(&s, &n);
	if (text_iprefix(s, n, "the "))
		s += 4, n -= 4;
	if (n == 0 || s[n - 1] == 's')
		return false;
	k = n;
	while (k > 0 && s[k - 1] != ' ')
		k--;
	if (!(kinds_of(s + k, n - k) & K_BODY))
		return false;
	if (k == 0)
		return true;
	for (size_t i = 0; own[i]; i++)
		if (k - 1 == strlen(own[i]) && memcmp(s, own[i], k - 1) == 0)
			return true;
	return false;
}

bool
role_officer(const char *role)
{
	while (role && *role) {
		size_t k = strcspn(role, ";");
		const char *w = role;
		size_t wn = k;

		text_trim(&w, &wn);
		if (kinds_of(w, wn) & K_OFFICER)
			return true;
		role += k + (role[k] == ';');
	}
	return false;
}

bool
role_postnominal(const char *role)
{
	while (role && *role) {
		size_t k = strcspn(role, ";");
		const char *w = role;
		size_t wn = k;

		text_trim(&w, &wn);
		if (wn && !(kinds_of(w, wn) & K_POSTNOMINAL))
			return false;
		role += k + (role[k] == ';');
	}
	return true;
}

bool
has_role_word(const char *s, size_t n)
{
	return (words_kinds(s, n) & (K_JOB | K_CHAIR)) != 0;
}

bool
role_other_tier(const char *role)
{
	return role && (words_kinds(role, strlen(role)) & K_OTHERTIER);
}

bool
role_is_chair(const char *role)
{
	while (role && *role) {
		size_t k = strcspn(role, ";");
		const char *w = role;
		size_t wn = k;

		text_trim(&w, &wn);
		if (kinds_of(w, wn) & K_CHAIR)
			return true;
		role += k + (role[k] == ';');
	}
	return false;
}

/* ---- attendance entries ---- */

/* An organisation after one already found ("Jo Bell (Probation) - Kent
 * Council") is kept after "; ", as roles are, not run into it. */
static void
add_org(sbuf *org, const char *s, size_t n)
{
	text_trim(&s, &n);
	if (n == 0)
		return;
	if (org->len)
		sbuf_adds(org, "; ");
	sbuf_add(org, s, n);
}

/* Split a descriptor ("Head of Service, National Probation Service") into
 * role and organisation. */
static void
classify_descriptor(const char *s, size_t n, sbuf *role, sbuf *org)
{
	const char *parts[16];
	size_t lens[16], np = 0, org_at = (size_t)-1;

	text_trim(&s, &n);
	if (n == 0)
		return;
	if (org_known(s, n)) {
		add_org(org, s, n);
		return;
	}
	for (size_t i = 0; i < n && np < 16;) {
		size_t k = i;

		while (k < n && s[k] != ',')
			k++;
		parts[np] = s + i;
		lens[np] = k - i;
		text_trim(&parts[np], &lens[np]);
		np++;
		i = k + 1;
	}
	for (size_t i = np; i-- > 0;)
		if (org_known(parts[i], lens[i]) ||
		    org_shaped(parts[i], lens[i])) {
			org_at = i;
			break;
		}
	if (org_at == (size_t)-1) {
		if (words_kinds(s, n) & (K_JOB | K_CHAIR | K_TITLE))
			add_role(role, s, n);
		else
			add_org(org, s, n);
		return;
	}
	add_org(org, parts[org_at], lens[org_at]);
	if (np > 1) {
		sbuf joined = SBUF_INIT;

		for (size_t i = 0; i < np; i++) {
			if (i == org_at || lens[i] == 0)
				continue;
			if (joined.len)
				sbuf_adds(&joined, ", ");
			sbuf_add(&joined, parts[i], lens[i]);
		}
		add_role(role, joined.s, joined.len);
		sbuf_free(&joined);
	}
}

/* The name part: "(Chairman)" parentheticals to role or organisation,
 * titles to role; false when what is left is not a name. */
static bool
parse_name_part(const char *s, size_t n, sbuf *name, sbuf *role, sbuf *org)
{
	sbuf plain = SBUF_INIT, paren = SBUF_INIT;
	bool ok;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '(') {
			size_t k = i + 1;

			while (k < n && s[k] != ')')
				k++;
			sbuf_clear(&paren);
			sbuf_add(&paren, s + i + 1, k - i - 1);
			i = k;
			continue;
		}
		sbuf_addc(&plain, s[i]);
	}
	name_strip(plain.s ? plain.s : "", plain.len, name, role);
	while (name->len &&
	       (name->s[name->len - 1] == ' ' || name->s[name->len - 1] == ','))
		name->s[--name->len] = '\0';
	/* "Chris Stephens MP": letters after the name are a role */
	for (;;) {
		char *sp = strrchr(name->s ? name->s : "", ' ');

		if (sp == NULL ||
		    !(kinds_of(sp + 1, strlen(sp + 1)) & K_POSTNOMINAL))
			break;
		add_role(role, sp + 1, strlen(sp + 1));
		name->len = (size_t)(sp - name->s);
		name->s[name->len] = '\0';
	}
	ok = name_shaped(sbuf_str(name), name->len);
	if (ok && paren.len)
		classify_descriptor(paren.s, paren.len, role, org);
	sbuf_free(&plain);
	sbuf_free(&paren);
	return ok;
}

static enum entry_kind
make_person(person *p, const char *nm, size_t nn, const char *desc, size_t dn,
            bool guessed)
{
	sbuf name = SBUF_INIT, role = SBUF_INIT, org = SBUF_INIT;
	enum entry_kind k = ENTRY_NONE;

	text_trim(&nm, &nn);
	if (nn > 0 && parse_name_part(nm, nn, &name, &role, &org)) {
		if (desc)
			classify_descriptor(desc, dn, &role, &org);
		p->name = xstrdup(sbuf_str(&name));
		p->role = xstrdup(sbuf_str(&role));
		p->org = xstrdup(sbuf_str(&org));
		p->guessed = guessed;
		p->sex = name_sex(nm, nn);
		k = ENTRY_PERSON;
	}
	sbuf_free(&name);
	sbuf_free(&role);
	sbuf_free(&org);
	return k;
}

static const char *
find_str(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, lit, k) == 0)
			return s + i;
	return NULL;
}

/* The first comma not inside parentheses: "Jane Smith (Cabinet Office,
 * secretariat)" is one name with its descriptor, not a name cut at
 * "Office" and a role "secretariat)". */
static const char *
comma_outside(const char *s, size_t n)
{
	int depth = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth > 0)
			depth--;
		else if (s[i] == ',' && depth == 0)
			return s + i;
	}
	return NULL;
}

static enum entry_kind
org_entry(person *p, const char *s, size_t n)
{
	p->name = xstrdup("");
	p->role = xstrdup("");
	p->org = xstrndup(s, n);
	return ENTRY_ORG;
}

enum entry_kind
entry_parse(const char *s, size_t n, person *p)
{
	const char *sep;
	size_t k;

	memset(p, 0, sizeof *p);
	text_trim(&s, &n);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ',' || s[n - 1] == ';'))
		n--;
	if (n == 0 || n > 300)
		return ENTRY_NONE;
	if ((sep = memchr(s, '\t', n)) != NULL) {
		sbuf desc = SBUF_INIT;
		enum entry_kind r;

		/* Cells after the name: role and/or organisation. */
		for (const char *c = sep; c < s + n;) {
			const char *e =
			    memchr(c + 1, '\t', (size_t)(s + n - c - 1));
			const char *cell = c + 1;
			size_t cn = (size_t)((e ? e : s + n) - cell);

			text_trim(&cell, &cn);
			if (cn) {
				if (desc.len)
					sbuf_adds(&desc, ", ");
				sbuf_add(&desc, cell, cn);
			}
			c = e ? e : s + n;
		}
		r = make_person(p, s, (size_t)(sep - s), desc.s, desc.len,
		                false);
		sbuf_free(&desc);
		return r;
	}
	if (org_known(s, n))
		return org_entry(p, s, n);
	/* "Cllr A Bell - Chairman", "Mr C Dyer â County Councillor" */
	if ((sep = find_str(s, n, " - ")) != NULL)
		return make_person(p, s, (size_t)(sep - s), sep + 3,
		                   (size_t)(s + n - sep - 3), false);
	if ((sep = find_str(s, n, " \xE2\x80\x93 ")) != NULL ||
	    (sep = find_str(s, n, " \xE2\x80\x94 ")) != NULL)
		return make_person(p, s, (size_t)(sep - s), sep + 5,
		                   (size_t)(s + n - sep - 5), false);
	/* One space between name and organisation: the gazetteer finds the
	 * longest organisation that ends the line. */
	for (size_t i = 1; i < n; i++)
		if (s[i - 1] == ' ' && s[i] != '(' && org_known(s + i, n - i)) {
			if (make_person(p, s, i - 1, s + i, n - i, false) ==
			    ENTRY_PERSON)
				return ENTRY_PERSON;
			break;
		}
	if (org_shaped(s, n) && !title_at(s, n, NULL))
		return org_entry(p, s, n);
	if ((sep = comma_outside(s, n)) != NULL &&
	    make_person(p, s, (size_t)(sep - s), sep + 1,
	                (size_t)(s + n - sep - 1), false) == ENTRY_PERSON)
		return ENTRY_PERSON;
	person_clear(p);
	if (make_person(p, s, n, NULL, 0, false) == ENTRY_PERSON)
		return ENTRY_PERSON;
	/* Last resort: titles, two name words, then an organisation-looking
	 * rest ("Jo Bloggs Borehamwood Youth Forum"): a guess, reported. */
	{
		size_t i = 0, words = 0, t;

		while ((t = title_at(s + i, n - i, NULL)) > 0 && i + t < n)
			for (i += t; i < n && s[i] == ' ';)
				i++;
		for (k = i; k < n && words < 2; words++) {
			while (k < n && s[k] != ' ')
				k++;
			if (words == 0)
				while (k < n && s[k] == ' ')
					k++;
		}
		if (words == 2 && k < n && org_shaped(s + k + 1, n - k - 1))
			return make_person(p, s, k, s + k + 1, n - k - 1, true);
	}
	return ENTRY_NONE;
}

/* ---- prose references ---- */

bool
prose_next_ref(const char *s, size_t n, size_t *pos, size_t *so, size_t *eo)
{
	re_caps m;
	size_t a, b;

	if (*pos >= n || re_match(re_ref, s, n, *pos, &m) != RE_MATCH ||
	    !re_group(&m, 0, &a, &b))
		return false;
	/* A second capitalised word that is an organisation or job word is
	 * not part of the name ("Mr Leader London Fire Brigade"). */
	{
		size_t last = b;

		while (last > a && s[last - 1] != ' ')
			last--;
		if (last > a && !is_chair_ref(s + a, b - a) &&
		    (kinds_of(s + last, b - last) &
		     (K_ORGWORD | K_JOB | K_TITLE))) {
			size_t c = last;

			while (c > a && s[c - 1] == ' ')
				c--;
			/* Keep it when dropping it would leave only a title. */
			if (title_at(s + a, c - a, NULL) < c - a)
				b = c;
		}
	}
	*so = a;
	*eo = b;
	*pos = b > *pos ? b : *pos + 1;
	return true;
}

/* ---- names index ---- */

typedef struct {
	char *name;
	char *role;  /* as listed: "Meetings Administrator" */
	char sex;    /* 'f', 'm' or 0 */
	bool absent; /* sent apologies */
	bool listed; /* in an attendance list */
} ixname;

struct nameidx {
	ixname *v;
	size_t n, cap;
	char *chair;
};

nameidx *
nameidx_new(void)
{
	return xcalloc(1, sizeof(nameidx));
}

void
nameidx_free(nameidx *ix)
{
	if (ix == NULL)
		return;
	for (size_t i = 0; i < ix->n; i++) {
		free(ix->v[i].name);
		free(ix->v[i].role);
	}
	free(ix->v);
	free(ix->chair);
	free(ix);
}

static size_t
count_words(const char *s)
{
	size_t w = 0;

	for (const char *c = s; *c; c++)
		if (*c != ' ' && (c == s || c[-1] == ' '))
			w++;
	return w;
}

char
name_sex(const char *s, size_t n)
{
	size_t k;
	unsigned kinds;

	text_trim(&s, &n);
	while ((k = title_at(s, n, &kinds)) > 0 && k < n) {
		if (kinds & (K_FEMALE | K_MALE))
			return (kinds & K_FEMALE) ? 'f' : 'm';
		s += k;
		n -= k;
		text_trim(&s, &n);
	}
	return 0;
}

static ixname *
ix_find(nameidx *ix, const char *name)
{
	for (size_t i = 0; i < ix->n; i++)
		if (strcmp(ix->v[i].name, name) == 0)
			return &ix->v[i];
	return NULL;
}

void
nameidx_person(nameidx *ix, const char *name, const char *role, char sex,
               int how)
{
	ixname *e;

	if (count_words(name) < 2 || !name_shaped(name, strlen(name)) ||
	    (kinds_of(name, strcspn(name, " ")) &
	     (K_PLURAL | K_TITLE | K_HON | K_CHAIR | K_JOB | K_ORGWORD)))
		return; /* "Cllrs Shewell" is no one's name */
	if ((e = ix_find(ix, name)) == NULL) {
		ix->v = xgrow(ix->v, &ix->cap, ix->n + 1, sizeof *ix->v);
		e = &ix->v[ix->n++];
		memset(e, 0, sizeof *e);
		e->name = xstrdup(name);
		e->absent = (how & NIX_ABSENT) != 0;
	}
	e->listed |= (how & NIX_LISTED) != 0;
	if (!e->sex)
		e->sex = sex;
	if (!e->role && role && *role)
		e->role = xstrdup(role);
}

void
nameidx_add(nameidx *ix, const char *name)
{
	nameidx_person(ix, name, NULL, 0, 0);
}

void
nameidx_set_chair(nameidx *ix, const char *name)
{
	if (ix->chair == NULL && name && *name) {
		ix->chair = xstrdup(name);
		nameidx_add(ix, name);
	}
}

static bool
word_eq(const char *w, size_t wn, const char *lit, size_t ln)
{
	return wn == ln && memcmp(w, lit, wn) == 0;
}

/* Is index entry e a candidate under flags (absence, sex)? */
static bool
ix_allowed(const ixname *e, int flags, char sex)
{
	if ((flags & IXR_PRESENT) && e->absent)
		return false;
	if ((flags & IXR_ABSENT) && !e->absent)
		return false;
	if ((flags & IXR_UNLISTED) && e->listed)
		return false;
	return !(sex && e->sex && sex != e->sex);
}

/* The one index name whose first (last=false) or last word is w; NULL
 * when none; *many when several. */
static const ixname *
match_word(const nameidx *ix, const char *w, size_t wn, bool last, int flags,
           char sex, bool *many)
{
	const ixname *found = NULL;

	*many = false;
	for (size_t i = 0; i < ix->n; i++) {
		const char *nm = ix->v[i].name;
		const char *sp = last ? strrchr(nm, ' ') : strchr(nm, ' ');
		bool hit = last ? word_eq(w, wn, sp + 1, strlen(sp + 1))
		                : word_eq(w, wn, nm, (size_t)(sp - nm));

		if (!hit || !ix_allowed(&ix->v[i], flags, sex))
			continue;
		if (found && strcmp(found->name, nm) != 0)
			*many = true;
		found = found ? found : &ix->v[i];
	}
	return found;
}

/* "JF had again contacted ...": the one name whose words' initials spell
 * two or three capitals. */
static const ixname *
match_initials(const nameidx *ix, const char *w, size_t wn, int flags)
{
	const ixname *found = NULL;

	if (wn < 2 || wn > 3)
		return NULL;
	for (size_t i = 0; i < wn; i++)
		if (w[i] < 'A' || w[i] > 'Z')
			return NULL;
	for (size_t i = 0; i < ix->n; i++) {
		const char *nm = ix->v[i].name;
		size_t k = 0;
		bool ok = true;

		if (count_words(nm) != wn || !ix_allowed(&ix->v[i], flags, 0))
			continue;
		for (const char *c = nm; *c && ok; c++)
			if (c == nm || c[-1] == ' ')
				ok = k < wn && *c == w[k++];
		if (ok && k == wn) {
			if (found)
				return NULL;
			found = &ix->v[i];
		}
	}
	return found;
}

/* "Cllr. O. William" where the minutes list Owen Williams: a full name
 * not printed elsewhere whose surname lacks (or has) a final "s" of the
 * one listed person with its initial. */
static const ixname *
match_plural_slip(const nameidx *ix, const char *name, int flags)
{
	const char *sp = strrchr(name, ' ');
	const ixname *found = NULL;
	size_t ln;

	if (sp == NULL)
		return NULL;
	ln = strlen(sp + 1);
	for (size_t i = 0; i < ix->n; i++) {
		const char *nm = ix->v[i].name;
		const char *esp = strrchr(nm, ' ');
		size_t el = strlen(esp + 1);
		bool slip = (el == ln + 1 && esp[1 + ln] == 's' &&
		             memcmp(esp + 1, sp + 1, ln) == 0) ||
		            (ln == el + 1 && sp[1 + el] == 's' &&
		             memcmp(esp + 1, sp + 1, el) == 0);

		if (!slip || nm[0] != name[0] || !ix->v[i].listed ||
		    !ix_allowed(&ix->v[i], flags, 0))
			continue;
		if (found)
			return NULL;
		found = &ix->v[i];
	}
	return found;
}

/* "the Meetings Administrator": the one person listed with that role. */
static const ixname *
match_role(const nameidx *ix, const char *r, size_t rn, int flags)
{
	const ixname *found = NULL;

	for (size_t i = 0; i < ix->n; i++) {
		const char *role = ix->v[i].role;

		if (!role || !ix_allowed(&ix->v[i], flags, 0))
			continue;
		/* the role is the first part of "Meetings Administrator,
		 * Newcastle West" */
		if (strlen(role) >= rn && strncasecmp(role, r, rn) == 0 &&
		    (role[rn] == '\0' || role[rn] == ',' || role[rn] == ';')) {
			if (found)
				return NULL;
			found = &ix->v[i];
		}
	}
	return found;
}

char *
nameidx_resolve_as(const nameidx *ix, const char *ref, int flags, int *status)
{
	sbuf bare = SBUF_INIT;
	const ixname *hit;
	const char *r = ref;
	size_t rn = strlen(ref);
	char *out, sex = name_sex(ref, strlen(ref));
	bool many;

	*status = RESOLVE_UNKNOWN;
	text_trim(&r, &rn);
	if (text_iprefix(r, rn, "the ") || text_iprefix(r, rn, "our ")) {
		r += 4;
		rn -= 4;
	}
	if (is_chair_ref(r, rn)) {
		if (ix->chair) {
			*status = RESOLVE_FULL;
			return xstrdup(ix->chair);
		}
		return xstrndup(r, rn);
	}
	name_strip(r, rn, &bare, NULL);
	out = xstrdup(sbuf_str(&bare));
	if (count_words(out) >= 2) {
		/* A full name stands; but "Ms Kauser Mukhtar" and "Kauser
		 * Mukhtar" are one person either way.  A role held by one
		 * listed person is that person. */
		if ((hit = match_role(ix, out, strlen(out), flags)) != NULL ||
		    (!ix_find((nameidx *)ix, out) &&
		     (hit = match_plural_slip(ix, out, flags)) != NULL)) {
			free(out);
			out = xstrdup(hit->name);
		}
		*status = RESOLVE_FULL;
	} else if (bare.len > 0) {
		hit = match_word(ix, bare.s, bare.len, true, flags, sex, &many);
		if (hit == NULL && !many && !(flags & IXR_SURNAME))
			hit = match_word(ix, bare.s, bare.len, false, flags,
			                 sex, &many);
		if (hit == NULL && !many && !(flags & IXR_SURNAME))
			hit = match_role(ix, bare.s, bare.len, flags);
		if (hit == NULL && !many && !(flags & IXR_SURNAME))
			hit = match_initials(ix, bare.s, bare.len, flags);
		if (many)
			*status = RESOLVE_AMBIGUOUS;
		else if (hit) {
			free(out);
			out = xstrdup(hit->name);
			*status = RESOLVE_FULL;
		}
	}
	sbuf_free(&bare);
	return out;
}

char *
nameidx_resolve(const nameidx *ix, const char *ref, int *status)
{
	return nameidx_resolve_as(ix, ref, 0, status);
}

char
nameidx_sex(const nameidx *ix, const char *ref)
{
	int st;
	char *full;
	char sex = name_sex(ref, strlen(ref));
	const ixname *e;

	if (sex)
		return sex;
	full = nameidx_resolve_as(ix, ref, 0, &st);
	e = st == RESOLVE_FULL ? ix_find((nameidx *)ix, full) : NULL;
	free(full);
	return e ? e->sex : 0;
}

bool
nameidx_absent(const nameidx *ix, const char *ref)
{
	int st;
	char *full = nameidx_resolve_as(ix, ref, 0, &st);
	const ixname *e =
	    st == RESOLVE_FULL ? ix_find((nameidx *)ix, full) : NULL;
	bool absent = e && e->absent;

	free(full);
	return absent;
}

bool
nameidx_knows(const nameidx *ix, const char *phrase)
{
	bool many;
	size_t n = strlen(phrase);

	if (count_words(phrase) >= 2)
		return ix_find((nameidx *)ix, phrase) != NULL;
	return match_word(ix, phrase, n, true, 0, 0, &many) || many ||
	       match_word(ix, phrase, n, false, 0, 0, &many) || many ||
	       match_initials(ix, phrase, n, 0);
}
