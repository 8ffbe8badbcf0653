/* Sentences that quote outside text: format whole, split into regdesk's words and the
 * quotes, shorten only the quotes until the sentence fits (msg.h). */
#include "core/msg.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/safetext.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static const char ELLIPSIS[] = "\xE2\x80\xA6";
enum { ELLIPSIS_LEN = sizeof ELLIPSIS - 1, WORD_SLACK = 16 };

typedef struct Seg {
    size_t start, len; /* in the processed text */
    size_t keep;       /* bytes kept; == len unless shortened */
    bool quote, ell;   /* ell: shortened, ends in the ellipsis */
} Seg;

typedef struct Split {
    StrBuf text; /* the segments' processed bytes, one after the other */
    Seg *segs;
    size_t n, cap;
} Split;

static void add_seg(Split *sp, const char *s, size_t len, bool quote, bool sanitize)
{
    size_t start = sp->text.len;
    if (sanitize)
        safetext_append(&sp->text, s, len, SAFE_LINE);
    else
        strbuf_append(&sp->text, s, len);
    size_t got = sp->text.len - start;
    if (got == 0 && !quote)
        return;
    sp->segs = xgrow(sp->segs, &sp->cap, sp->n + 1, sizeof *sp->segs);
    sp->segs[sp->n++] = (Seg){ start, got, got, quote, false };
}

/* Words and quotes of text; a mark that opens or closes nothing is dropped, and a quote
 * left open runs to the end. */
static void split(Split *sp, const char *text, size_t len, bool sanitize)
{
    bool inq = false;
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c != MSG_QUOTE_OPEN && c != MSG_QUOTE_CLOSE)
            continue;
        if (i > from || (inq && c == MSG_QUOTE_CLOSE))
            add_seg(sp, text + from, i - from, inq, sanitize);
        if (c == MSG_QUOTE_OPEN && !inq)
            inq = true;
        else if (c == MSG_QUOTE_CLOSE && inq)
            inq = false;
        from = i + 1;
    }
    if (len > from)
        add_seg(sp, text + from, len - from, inq, sanitize);
}

/* How many bytes of a quote to keep in `room` bytes, its ellipsis included. */
static size_t shorten(const char *q, size_t len, size_t room, bool *ell)
{
    *ell = room < len && room >= ELLIPSIS_LEN;
    if (room >= len)
        return len;
    if (room < ELLIPSIS_LEN + 1)
        return 0; /* only the ellipsis, or nothing, fits */
    size_t keep = utf8_prefix(q, len, room - ELLIPSIS_LEN);
    if (q[keep] != ' ') /* mid-word: end on the word before when one ends near */
        for (size_t i = keep; i > 0 && keep - i < WORD_SLACK; i--)
            if (q[i - 1] == ' ') {
                keep = i - 1;
                break;
            }
    while (keep > 0 && q[keep - 1] == ' ')
        keep--;
    return keep;
}

/* Water-filling: every quote gets an equal share of `avail`; what a short quote does not
 * use goes to the longer ones. */
static void share_out(Split *sp, size_t avail)
{
    size_t left = 0;
    for (size_t i = 0; i < sp->n; i++)
        left += sp->segs[i].quote;
    bool *done = xcalloc(sp->n ? sp->n : 1, sizeof *done);
    for (bool again = true; again && left;) {
        again = false;
        size_t share = avail / left;
        for (size_t i = 0; i < sp->n; i++) {
            Seg *s = &sp->segs[i];
            if (!s->quote || done[i] || s->len > share)
                continue;
            done[i] = true;
            avail -= s->len;
            left--;
            again = true;
        }
    }
    size_t share = left ? avail / left : 0, extra = left ? avail % left : 0;
    for (size_t i = 0; i < sp->n; i++) {
        Seg *s = &sp->segs[i];
        if (!s->quote || done[i])
            continue;
        size_t room = share + (extra ? 1 : 0);
        extra -= extra ? 1 : 0;
        s->keep = shorten(strbuf_cstr(&sp->text) + s->start, s->len, room, &s->ell);
    }
    free(done);
}

static void emit(const Split *sp, char *buf, size_t n, bool keep_marks)
{
    StrBuf out = STRBUF_INIT;
    for (size_t i = 0; i < sp->n; i++) {
        const Seg *s = &sp->segs[i];
        if (s->quote && keep_marks)
            strbuf_putc(&out, MSG_QUOTE_OPEN);
        strbuf_append(&out, strbuf_cstr(&sp->text) + s->start, s->keep);
        if (s->ell)
            strbuf_append(&out, ELLIPSIS, ELLIPSIS_LEN);
        if (s->quote && keep_marks)
            strbuf_putc(&out, MSG_QUOTE_CLOSE);
    }
    /* Only when regdesk's own words alone overflow the buffer. */
    size_t len = utf8_prefix(strbuf_cstr(&out), out.len, n - 1);
    memcpy(buf, strbuf_cstr(&out), len);
    buf[len] = '\0';
    strbuf_free(&out);
}

static void fit(char *buf, size_t n, const char *text, size_t len, bool keep_marks, bool sanitize)
{
    if (n == 0)
        return;
    Split sp = { STRBUF_INIT, NULL, 0, 0 };
    split(&sp, text, len, sanitize);
    size_t words = 0, quotes = 0, marks = 0;
    for (size_t i = 0; i < sp.n; i++) {
        if (sp.segs[i].quote) {
            quotes += sp.segs[i].len;
            marks += keep_marks ? 2 : 0;
        } else {
            words += sp.segs[i].len;
        }
    }
    size_t room = n - 1;
    if (words + quotes + marks > room)
        share_out(&sp, room > words + marks ? room - words - marks : 0);
    emit(&sp, buf, n, keep_marks);
    strbuf_free(&sp.text);
    free(sp.segs);
}

static void vformat(char *buf, size_t n, bool keep_marks, bool sanitize, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));
static void vformat(char *buf, size_t n, bool keep_marks, bool sanitize, const char *fmt, va_list ap)
{
    StrBuf raw = STRBUF_INIT;
    strbuf_vprintf(&raw, fmt, ap);
    fit(buf, n, strbuf_cstr(&raw), raw.len, keep_marks, sanitize);
    strbuf_free(&raw);
}

void msg_vformat(char *buf, size_t n, const char *fmt, va_list ap)
{
    vformat(buf, n, true, true, fmt, ap);
}

void safetext_vformat(char *buf, size_t n, const char *fmt, va_list ap)
{
    vformat(buf, n, false, true, fmt, ap);
}

void vfmt_bounded(char *buf, size_t n, const char *fmt, va_list ap)
{
    vformat(buf, n, false, false, fmt, ap);
}

#define FORWARD(name, vname)                                                                                \
    void name(char *buf, size_t n, const char *fmt, ...)                                                    \
    {                                                                                                       \
        va_list ap;                                                                                         \
        va_start(ap, fmt);                                                                                  \
        vname(buf, n, fmt, ap);                                                                             \
        va_end(ap);                                                                                         \
    }
FORWARD(msg_format, msg_vformat)
FORWARD(safetext_format, safetext_vformat)
FORWARD(fmt_bounded, vfmt_bounded)

void msg_plain(char *buf, size_t n, const char *msg)
{
    fit(buf, n, msg, strlen(msg), false, false);
}
