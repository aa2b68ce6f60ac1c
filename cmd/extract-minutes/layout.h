/* layout.h - the layout clean-up of extract-minutes: one pass that turns
 * the lines of a document (pdftotext output, PDF/Word/HTML converted to
 * Markdown, raw HTML fragments) into plain lines of text, knowing nothing
 * about minutes.
 *
 * - HTML: block tags (<p>, <br />, <div>, <h1>..<h6>, <li>, <tr>) end a
 *   line, table cells are joined by tabs, an ordered list's items get
 *   their numbers as text (<ol start="2579"><li>Police Report becomes
 *   "2579. Police Report"), hidden spans, <del>, <button>, <script>,
 *   <style> and comments are dropped.
 * - Markdown: front matter, emphasis, escapes (\. \_ \*), hard line
 *   breaks, block quotes, superscripts (16^th^), pandoc spans
 *   ([text]{.underline}) and links ([text](url)) become their text.
 * - Page furniture: page numbers, "---" page markers, form feeds,
 *   converters' "Scanned page" notes, signature rules (____, ……).
 * - Wrapped lines: a number alone on its line joins the line after it;
 *   a line that clearly continues (the one before is as long as the
 *   text's lines and has no sentence end, or it starts in lower case)
 *   joins the line before, also across one blank line (PDF converters
 *   that double-space every line).
 *
 * What the markup said is kept as flags: a line that was all emphasis
 * (bold, underlined) or a heading (<h2>, "## ") may be a heading to the
 * reader above. */
#ifndef EM_LAYOUT_H
#define EM_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

enum {
	LY_EMPH = 1,    /* the whole line was bold/underlined/italic */
	LY_HEADING = 2, /* <hN> or a Markdown "#" heading */
	LY_LISTNUM = 4, /* its number came from an <ol>, not the text */
};

typedef struct layout layout;
/* One clean line: valid UTF-8, no markup, no CR/LF; from the 1-based line
 * of source where it starts. */
typedef void (*layout_fn)(void *arg, const char *source, long line,
                          const char *s, size_t n, unsigned flags);

layout *layout_new(layout_fn fn, void *arg);
/* Feed one raw line of an operand (valid UTF-8, as utf8_fix leaves it). */
void layout_line(layout *ly, const char *source, long line, const char *s,
                 size_t n);
/* The operand ended: give out what is held and forget its state. */
void layout_end_file(layout *ly);
void layout_free(layout *ly);

#endif
