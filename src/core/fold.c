#include "core/fold.h"

#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"

/* Base letters for U+00C0–U+00FF. ' ' = not a letter (× ÷), '*' = expands (see below). */
static const char latin1[64 + 1] = "aaaaaa*ceeeeiiiidnooooo ouuuuy**"
                                   "aaaaaa*ceeeeiiiidnooooo ouuuuy*y";
/* Base letters for U+0100–U+017F (Latin Extended-A), same conventions. */
static const char latin_a[128 + 1] = "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
                                     "ii**jjkkklllllll" "lllnnnnnnnnnoooo" "oo**rrrrrrssssss"
                                     "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

static const char *expansion(uint32_t cp)
{
    switch (cp) {
    case 0xC6: case 0xE6: return "ae";
    case 0xDE: case 0xFE: return "th";
    case 0xDF: case 0x1E9E: return "ss";
    case 0x132: case 0x133: return "ij";
    case 0x152: case 0x153: return "oe";
    default: return NULL;
    }
}

static inline unsigned char fold_ascii(unsigned char b)
{
    return (unsigned char)(b - 'A') < 26 ? (unsigned char)(b + 32) : b;
}

uint32_t fold_cp(uint32_t cp)
{
    const char *x = expansion(cp);
    if (x)
        return (unsigned char)x[0];
    if (cp < 0x80)
        return fold_ascii((unsigned char)cp);
    if (cp < 0xC0)
        return cp;
    if (cp <= 0xFF)
        return latin1[cp - 0xC0] == ' ' ? cp : (unsigned char)latin1[cp - 0xC0];
    if (cp <= 0x17F)
        return (unsigned char)latin_a[cp - 0x100];
    if (cp >= 0x218 && cp <= 0x21B) /* Romanian Ș ș Ț ț (comma below) */
        return cp < 0x21A ? 's' : 't';
    if (cp >= 0x300 && cp <= 0x36F)
        return 0;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        return cp + 0x20;
    if (cp == 0x3C2) /* final sigma */
        return 0x3C3;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    return cp;
}

size_t fold_cp_utf8(uint32_t cp, char out[4])
{
    const char *x = expansion(cp);
    if (x) {
        memcpy(out, x, 2);
        return 2;
    }
    uint32_t f = fold_cp(cp);
    return f ? utf8_encode(f, out) : 0;
}

/* Folds the (non-ASCII) code point at p into out; *adv = bytes it occupies in p. An
 * invalid byte counts as one U+FFFD. */
static size_t fold_at(const char *p, char out[4], size_t *adv)
{
    uint32_t cp;
    size_t len = utf8_decode(p, strnlen(p, 4), &cp);
    *adv = len ? len : 1;
    return fold_cp_utf8(cp, out);
}

/* Hands out the folded bytes of a string one at a time, without allocating. */
typedef struct FoldIter {
    const char *p; /* next unread source byte */
    char buf[4];   /* folded bytes of the last non-ASCII code point */
    unsigned i, n; /* buf[i..n) not handed out yet */
} FoldIter;

static int iter_next(FoldIter *it)
{
    while (it->i == it->n) {
        unsigned char b = (unsigned char)*it->p;
        if (b == 0)
            return -1;
        if (b < 0x80) {
            it->p++;
            return fold_ascii(b);
        }
        size_t adv;
        it->n = (unsigned)fold_at(it->p, it->buf, &adv);
        it->i = 0;
        it->p += adv;
    }
    return (unsigned char)it->buf[it->i++];
}

/* Does the folded needle match the folded text starting at p, skipping the first `skip`
 * folded bytes of p's code point (a match may start inside an expansion: "se" in "ße")?
 * *end = first source byte after the match. */
static bool match_at(const char *p, unsigned skip, const char *needle, const char **end)
{
    FoldIter it = { .p = p };
    for (unsigned k = 0; k < skip; k++)
        iter_next(&it);
    for (const unsigned char *q = (const unsigned char *)needle; *q; q++)
        if (iter_next(&it) != *q)
            return false;
    *end = it.p;
    return true;
}

/* U+0300–U+036F are CC 80..CD AF in UTF-8. */
static bool at_mark(const char *p)
{
    unsigned char a = (unsigned char)p[0];
    if (a != 0xCC && a != 0xCD)
        return false;
    unsigned char b = (unsigned char)p[1]; /* p[0] was not NUL, so p[1] exists */
    return b >= 0x80 && (a == 0xCC ? b <= 0xBF : b <= 0xAF);
}

static long found(const char *hay, const char *start, const char *end, size_t *hay_len)
{
    while (at_mark(end))
        end += 2;
    *hay_len = (size_t)(end - start);
    return (long)(start - hay);
}

long fold_find_len(const char *hay, const char *needle, size_t *hay_len)
{
    unsigned char c0 = (unsigned char)needle[0];
    const char *end;
    if (!c0) {
        *hay_len = 0;
        return 0;
    }
    for (const char *p = hay; *p;) {
        unsigned char b = (unsigned char)*p;
        if (b < 0x80) { /* the fast path: one compare per ASCII byte */
            if (fold_ascii(b) == c0 && match_at(p, 0, needle, &end))
                return found(hay, p, end, hay_len);
            p++;
            continue;
        }
        char f[4];
        size_t adv, n = fold_at(p, f, &adv);
        for (size_t k = 0; k < n; k++)
            if ((unsigned char)f[k] == c0 && match_at(p, (unsigned)k, needle, &end))
                return found(hay, p, end, hay_len);
        p += adv;
    }
    return -1;
}

long fold_find(const char *hay, const char *needle)
{
    size_t len;
    return fold_find_len(hay, needle, &len);
}

bool fold_has_prefix(const char *hay, const char *needle)
{
    const char *end;
    return match_at(hay, 0, needle, &end);
}

int fold_compare(const char *a, const char *b)
{
    FoldIter x = { .p = a }, y = { .p = b };
    for (;;) {
        int ca = iter_next(&x), cb = iter_next(&y);
        if (ca != cb || ca < 0)
            return ca - cb;
    }
}

size_t fold_prefix(const char *s, char *out, size_t n)
{
    size_t k = 0;
    /* ASCII, the bulk of names, e-mails and ids, a byte at a time without the iterator. */
    while (k < n && (unsigned char)s[k] - 1u < 0x7Fu) {
        out[k] = (char)fold_ascii((unsigned char)s[k]);
        k++;
    }
    FoldIter it = { .p = s + k };
    for (int c; k < n && (c = iter_next(&it)) >= 0;)
        out[k++] = (char)c;
    return k;
}

char *fold_string(const char *s)
{
    size_t len = strlen(s);
    char *out = xmalloc(3 * len + 1); /* worst case: a bad byte becomes U+FFFD (3 bytes) */
    FoldIter it = { .p = s };
    size_t n = 0;
    for (int c; (c = iter_next(&it)) >= 0;)
        out[n++] = (char)c;
    out[n] = '\0';
    return out;
}
