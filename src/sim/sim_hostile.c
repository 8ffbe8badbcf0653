#include "sim/sim_hostile.h"

#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "sim/sim_rng.h"

static const char OSC_TITLE[] = "\x1b]0;pwn\x07";
static const char CSI_CLEAR[] = "\x1b[2J";
static const char OSC52[] = "\x1b]52;c;cm0gLXJmIH4vKg==\x07";
static const char C1_CSI[] = "\xc2\x9b" "1m\x9b" "7m"; /* U+009B as UTF-8, then a raw 0x9B byte */
static const char RLO[] = "\xe2\x80\xae";               /* U+202E */
static const char ZERO_WIDTH[] = "\xe2\x80\x8b\xe2\x80\x8d\xef\xbb\xbf";
static const char RAW_BYTES[] = "\xff\xfe\xc0\xaf";

uint32_t sim_hostile_traits(const SimRec *r)
{
    if (!(r->variant & V_HOSTILE))
        return 0;
    uint64_t a = sim_mix(r->rseed ^ 0x686f7374ULL), b = sim_mix(a);
    uint32_t t = (uint32_t)(a & b) & ((1u << H__COUNT) - 1); /* each trait ~25 % */
    return t ? t : 1u << H_NAME_ESC;
}

static void put(StrBuf *b, const char *s)
{
    strbuf_puts(b, s);
}

/* The text builders below write JSON string contents directly: `lit` escapes what JSON
 * requires (so ESC becomes \u001b) and leaves bytes >= 0x80 raw; `put` appends JSON text
 * as is, for the \u escapes written on purpose. */
static void lit(StrBuf *b, const char *s, size_t n)
{
    jw_escape(b, s, n);
}

static void lits(StrBuf *b, const char *s)
{
    lit(b, s, strlen(s));
}

/* Writes plain as one JSON string with the hostile bytes of `mid` spliced in before its
 * first `at` (at the end without one) and those of `end` after it; frees both buffers. */
static void spliced(JsonW *w, const char *plain, int at, StrBuf *mid, StrBuf *end)
{
    const char *cut = strchr(plain, at);
    size_t head = cut ? (size_t)(cut - plain) : strlen(plain);
    StrBuf q = STRBUF_INIT;
    strbuf_putc(&q, '"');
    lit(&q, plain, head);
    strbuf_append(&q, mid->s ? mid->s : "", mid->len);
    lits(&q, plain + head);
    strbuf_append(&q, end->s ? end->s : "", end->len);
    strbuf_putc(&q, '"');
    jw_raw(w, q.s, q.len);
    strbuf_free(&q);
    strbuf_free(mid);
    strbuf_free(end);
}

void sim_hostile_text(JsonW *w, uint32_t traits, const char *plain)
{
    StrBuf mid = STRBUF_INIT, end = STRBUF_INIT;
    if (HOSTILE(traits, H_NUL))
        put(&mid, "\\u0000");
    if (HOSTILE(traits, H_NAME_ESC))
        lits(&mid, OSC_TITLE);
    if (HOSTILE(traits, H_ZERO_WIDTH))
        lits(&mid, ZERO_WIDTH);
    if (HOSTILE(traits, H_BIDI))
        lits(&mid, RLO);
    if (HOSTILE(traits, H_C1)) {
        put(&end, "\\u009b31m");
        lits(&end, C1_CSI);
    }
    if (HOSTILE(traits, H_RAW_BYTES))
        lits(&end, RAW_BYTES);
    if (HOSTILE(traits, H_NAME_ESC))
        lits(&end, CSI_CLEAR);
    spliced(w, plain, ' ', &mid, &end);
}

void sim_hostile_email(JsonW *w, uint32_t traits, const char *plain)
{
    StrBuf mid = STRBUF_INIT, end = STRBUF_INIT;
    if (HOSTILE(traits, H_EMAIL_OSC52))
        lits(&mid, OSC52);
    if (HOSTILE(traits, H_ZERO_WIDTH))
        lits(&mid, ZERO_WIDTH);
    spliced(w, plain, '@', &mid, &end);
}

void sim_hostile_notes(JsonW *w, uint32_t traits)
{
    StrBuf b = STRBUF_INIT;
    put(&b, "Nota del cliente: ");
    put(&b, OSC_TITLE);
    put(&b, CSI_CLEAR);
    put(&b, RLO);
    put(&b, "aprobado");
    if (HOSTILE(traits, H_HUGE)) {
        static const char chunk[] = "Lorem ipsum dolor sit amet, ñandú acción — ";
        while (b.len < 64 * 1024)
            strbuf_append(&b, chunk, sizeof chunk - 1);
    }
    jw_strn(w, b.s, b.len);
    strbuf_free(&b);
}

void sim_hostile_deep(JsonW *w, int depth)
{
    StrBuf b = STRBUF_INIT;
    for (int i = 0; i < depth; i++)
        strbuf_puts(&b, "{\"d\":");
    strbuf_puts(&b, "\"bottom\"");
    for (int i = 0; i < depth; i++)
        strbuf_putc(&b, '}');
    jw_raw(w, b.s, b.len);
    strbuf_free(&b);
}
