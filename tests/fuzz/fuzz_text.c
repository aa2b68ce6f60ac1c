/* fuzz_text.c - text.h and names.h over arbitrary bytes: utf8_fix always
 * gives valid UTF-8 without NUL, text_clean never grows a line nor breaks
 * valid UTF-8, trimming stays inside the string, name folding terminates. */
#define _GNU_SOURCE
#include "fuzz.h"
#include "mem.h"
#include "names.h"
#include "text.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	sbuf fixed = SBUF_INIT, key = SBUF_INIT;
	size_t nbad, len, tn;
	const char *ts;
	char *copy;

	nbad = utf8_fix(s, size, &fixed);
	FZ_CHECK(utf8_valid(fixed.s ? fixed.s : "", fixed.len));
	FZ_CHECK(memchr(sbuf_str(&fixed), '\0', fixed.len) == NULL);
	if (utf8_valid(s, size) && memchr(s, '\0', size) == NULL)
		FZ_CHECK(nbad == 0 && fixed.len == size);

	/* text_clean on the raw bytes (exact-size copy, for ASan) ... */
	copy = xmalloc(size ? size : 1);
	memcpy(copy, s, size);
	len = text_clean(copy, size);
	FZ_CHECK(len <= size);
	free(copy);
	/* ... and on valid UTF-8, which it must keep valid. */
	copy = xmalloc(fixed.len ? fixed.len : 1);
	memcpy(copy, sbuf_str(&fixed), fixed.len);
	len = text_clean(copy, fixed.len);
	FZ_CHECK(len <= fixed.len);
	FZ_CHECK(utf8_valid(copy, len));
	(void)text_is_furniture(copy, len);
	(void)text_is_blank(copy, len);
	ts = copy;
	tn = len;
	text_trim(&ts, &tn);
	FZ_CHECK(ts >= copy && ts + tn <= copy + len);
	name_fold(copy, len, 0, &key);
	name_fold(copy, len, NAME_DROP_WARD, &key);
	FZ_CHECK(strlen(sbuf_str(&key)) == key.len);
	free(copy);

	(void)text_is_furniture(s, size);
	(void)text_is_blank(s, size);
	(void)text_ieq(s, size, "agenda item");
	(void)text_iprefix(s, size, "RESOLVED");
	ts = s;
	tn = size;
	text_trim(&ts, &tn);
	FZ_CHECK(ts >= s && ts + tn <= s + size);
	name_fold(s, size, NAME_DROP_WARD, &key);
	sbuf_free(&fixed);
	sbuf_free(&key);
	return 0;
}
