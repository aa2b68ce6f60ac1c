/* owners.c - the owners of an action: parsed from the words that name
 * them ("Cllrs Ash & Birch / Clerk") and resolved to people when the set
 * of minutes ends (see prose.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "mem.h"
#include "people.h"
#include "prose.h"
#include "text.h"

static void
owner_clear(owner *o)
{
	free(o->ref);
	for (size_t i = 0; i < OWNER_NCAND; i++)
		free(o->cand[i]);
	memset(o, 0, sizeof *o);
}

void
owner_list_free(owner_list *ol)
{
	for (size_t i = 0; i < ol->n; i++)
		owner_clear(&ol->v[i]);
	free(ol->v);
	memset(ol, 0, sizeof *ol);
}

static owner *
owner_push(owner_list *ol, enum owner_how how, const char *s, size_t n)
{
	owner *o;

	ol->v = xgrow(ol->v, &ol->cap, ol->n + 1, sizeof *ol->v);
	o = &ol->v[ol->n++];
	memset(o, 0, sizeof *o);
	o->how = how;
	o->ref = xstrndup(s, n);
	return o;
}

/* Length of a plural title at the start of s ("Cllrs", "Cllrs.",
 * "County Councillors"), not counting a '.', or 0. */
static size_t
plural_at(const char *s, size_t n)
{
	static const char *const tier[] = { "County ", "Borough ", "District ",
		                            "City ", NULL };
	static const char *const pl[] = { "Councillors", "Cllrs", NULL };
	size_t t = 0;

	for (size_t i = 0; tier[i]; i++)
		if (n > strlen(tier[i]) &&
		    memcmp(s, tier[i], strlen(tier[i])) == 0)
			t = strlen(tier[i]);
	for (size_t i = 0; pl[i]; i++) {
		size_t k = strlen(pl[i]);

		if (n >= t + k && memcmp(s + t, pl[i], k) == 0 &&
		    (n == t + k || s[t + k] == ' ' || s[t + k] == '.'))
			return t + k;
	}
	return 0;
}

static bool
is_sep(const char *s, size_t n, size_t i, size_t *len)
{
	if (s[i] == '/' || s[i] == ',' || s[i] == ';' || s[i] == '&') {
		*len = 1;
		return true;
	}
	if (i + 5 <= n && memcmp(s + i, " and ", 5) == 0) {
		*len = 5;
		return true;
	}
	return false;
}

void
owners_parse(owner_list *ol, const char *s, size_t n)
{
	char title[40] = ""; /* a plural title's singular */
	size_t i = 0;
	sbuf b = SBUF_INIT;

	text_trim(&s, &n);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	while (i < n) {
		size_t k = i, sl = 0, pk;
		const char *p;
		size_t len;

		while (k < n && !is_sep(s, n, k, &sl))
			k++;
		p = s + i;
		len = k - i;
		text_trim(&p, &len);
		if (text_iprefix(p, len, "the ") ||
		    text_iprefix(p, len, "our ")) {
			p += 4;
			len -= 4;
		}
		if ((pk = plural_at(p, len)) > 0 && pk + 1 < len) {
			/* "Cllrs Ash" -> "Cllr" for the names after it */
			snprintf(title, sizeof title, "%.*s", (int)(pk - 1), p);
			p += pk;
			len -= pk;
			if (len && *p == '.')
				p++, len--;
			text_trim(&p, &len);
		}
		if (len > 0) {
			sbuf_clear(&b);
			/* a bare name after a plural title takes it */
			if (*title && !title_len(p, len) && !is_role(p, len) &&
			    !(p[0] >= 'a' && p[0] <= 'z')) {
				sbuf_adds(&b, title);
				sbuf_addc(&b, ' ');
			}
			sbuf_add(&b, p, len);
			owner_push(ol, OWNER_NAMED, b.s, b.len);
		}
		i = k + (k < n ? sl : 0);
	}
	sbuf_free(&b);
}

static void
add_name(sbuf *who, const char *name)
{
	const char *p = who->s;
	size_t k = strlen(name);

	if (k == 0)
		return;
	/* no repeats */
	while (p && (p = strstr(p, name)) != NULL) {
		if ((p == who->s || p[-1] == ' ') &&
		    (p[k] == '\0' || p[k] == ';'))
			return;
		p += k;
	}
	if (who->len)
		sbuf_adds(who, "; ");
	sbuf_adds(who, name);
}

/* A pronoun's person: the newest one named before it whose sex the
 * minutes give and agrees, or the one person named in the sentence just
 * before when the minutes do not give a sex ("Priya Sandhu reported ...
 * She would circulate ..."); nobody when unsure, and never someone who
 * sent apologies. */
static char *
resolve_pronoun(const owner *o, const nameidx *ix)
{
	for (size_t i = 0; i < OWNER_NCAND && o->cand[i]; i++) {
		const char *c = o->cand[i];
		char sex;
		int st;

		if (o->cand_guess[i] && !nameidx_knows(ix, c))
			continue;
		if (nameidx_absent(ix, c))
			continue;
		sex = nameidx_sex(ix, c);
		if (sex == 0 && i == 0 && o->fresh)
			return nameidx_resolve_as(ix, c, IXR_PRESENT, &st);
		if (sex == 0)
			return NULL;
		if (sex == o->sex)
			return nameidx_resolve_as(ix, c, IXR_PRESENT, &st);
	}
	return NULL;
}

char *
owners_resolve(const owner_list *ol, const nameidx *ix, const char *source,
               long line)
{
	sbuf who = SBUF_INIT;
	bool ambiguous = false;
	char *out;

	for (size_t i = 0; i < ol->n; i++) {
		const owner *o = &ol->v[i];
		char *full = NULL;
		int st = RESOLVE_UNKNOWN;

		switch (o->how) {
		case OWNER_PRONOUN:
			full = resolve_pronoun(o, ix);
			break;
		case OWNER_GUESS:
			if (!nameidx_knows(ix, o->ref) &&
			    !is_chair_ref(o->ref, strlen(o->ref)))
				break;
			/* FALLTHROUGH */
		case OWNER_NAMED:
			/* "Cllr Bell" is the Bell who is there, when one is;
			 * else the one who sent apologies ("Action: Ms Rao"
			 * may give her a task) */
			full = nameidx_resolve_as(ix, o->ref, IXR_PRESENT, &st);
			if (st == RESOLVE_UNKNOWN && o->how == OWNER_NAMED) {
				free(full);
				full = nameidx_resolve_as(ix, o->ref, 0, &st);
			}
			if (st == RESOLVE_AMBIGUOUS) {
				cs_warn_at(source, line,
				           "'%s' could be several people; kept "
				           "as printed",
				           o->ref);
				ambiguous = true;
			}
			break;
		}
		if (full)
			add_name(&who, full);
		free(full);
	}
	if (who.len == 0 && !ambiguous && !ol->passive && !ol->tentative)
		cs_warn_at(source, line, "action with no owner named");
	out = xstrdup(sbuf_str(&who));
	sbuf_free(&who);
	return out;
}

char *
owners_resolve_tentative(const owner_list *ol, const nameidx *ix,
                         const char *source, long line)
{
	char *who = owners_resolve(ol, ix, source, line);

	if (ol->tentative && *who == '\0') {
		free(who);
		return NULL;
	}
	return who;
}
