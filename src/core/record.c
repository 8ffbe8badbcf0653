#include "core/record.h"

#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/utf8.h"
#include "core/xalloc.h"

static const char *const status_names[ST__COUNT] = {
    [ST_UNKNOWN] = "UNKNOWN",
    [ST_STARTED] = "STARTED",
    [ST_ONGOING] = "ONGOING",
    [ST_COMPLETED] = "COMPLETED",
    [ST_COMPLETED_WITHOUT_KYC] = "COMPLETED_WITHOUT_KYC",
    [ST_FAILED] = "FAILED",
    [ST_NEEDS_MANUAL_VERIFICATION] = "NEEDS_MANUAL_VERIFICATION",
    [ST_EXPIRED] = "EXPIRED",
    [ST_OTHER] = "OTHER",
};

static const char *const status_badges[ST__COUNT] = {
    [ST_UNKNOWN] = "UNKNOWN",  [ST_STARTED] = "STARTED", [ST_ONGOING] = "ONGOING",
    [ST_COMPLETED] = "DONE",   [ST_COMPLETED_WITHOUT_KYC] = "NO-KYC",
    [ST_FAILED] = "FAILED",    [ST_NEEDS_MANUAL_VERIFICATION] = "REVIEW",
    [ST_EXPIRED] = "EXPIRED",  [ST_OTHER] = "OTHER",
};

const char *status_name(Status s)
{
    return s < ST__COUNT ? status_names[s] : "UNKNOWN";
}

const char *status_badge(Status s)
{
    return s < ST__COUNT ? status_badges[s] : "UNKNOWN";
}

bool status_is_final(Status s)
{
    return s == ST_COMPLETED || s == ST_COMPLETED_WITHOUT_KYC || s == ST_FAILED;
}

const char *status_display(const Summary *s, bool badge)
{
    Status st = summary_status(s);
    if (st == ST_OTHER || st == ST_UNKNOWN) /* raw: "PAUSED", or the text of a wrong type */
        return summary_str(s, SS_STATUS_RAW);
    return badge ? status_badge(st) : status_name(st);
}

const char *status_text(const char *raw)
{
    Status st = status_parse(raw, strlen(raw));
    return st == ST_OTHER || st == ST_UNKNOWN ? raw : status_name(st);
}

Status status_parse(const char *s, size_t len)
{
    while (len && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0)
        return ST_UNKNOWN;
    for (int st = ST_STARTED; st < ST_OTHER; st++) {
        const char *n = status_names[st];
        if (strlen(n) != len)
            continue;
        size_t i = 0;
        for (; i < len; i++) {
            char c = s[i];
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
            else if (c == '-' || c == ' ')
                c = '_';
            if (c != n[i])
                break;
        }
        if (i == len)
            return (Status)st;
    }
    return ST_OTHER;
}

const char *failkind_name(FailKind k)
{
    switch (k) {
    case FAIL_EMAIL: return "email";
    case FAIL_PHONE: return "phone";
    case FAIL_DOC: return "document";
    case FAIL_BIO: return "biometric";
    default: return "?";
    }
}

unsigned summary_failed_total(const Summary *s)
{
    unsigned t = 0;
    for (int k = 0; k < FAIL__COUNT; k++)
        t += s->failed[k];
    return t;
}

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */

/* The fields with a folded form, in their order in the search run. */
static const SumStr keyed[4] = { SS_NAME, SS_EMAIL, SS_ID, SS_DOCNUM };
enum { FOLD_MAX = 3 * SUMMARY_STR_MAX + 8 }; /* folding at most triples a string */

typedef struct Layout {
    char raw[SS__COUNT][SUMMARY_STR_MAX + 1]; /* each field, cut, with its ellipsis */
    size_t len[SS__COUNT];
    char fold[4][FOLD_MAX];
    size_t flen[4];
} Layout;

static void cut_field(const char *v, char *out, size_t *len)
{
    size_t n = strlen(v), cut = utf8_prefix(v, n, SUMMARY_STR_MAX - sizeof ellipsis);
    memcpy(out, v, cut);
    if (cut < n) {
        memcpy(out + cut, ellipsis, sizeof ellipsis - 1);
        cut += sizeof ellipsis - 1;
    }
    out[cut] = '\0';
    *len = cut;
}

static size_t put(Summary *s, size_t pos, int f, const char *v, size_t n)
{
    s->off[f] = (uint16_t)pos;
    memcpy(s->text + pos, v, n);
    s->text[pos + n] = '\0';
    return pos + n + 1;
}

/* The search run first (folded forms; a raw field equal to its folded form points
 * there), then the raw fields that differ, then the rest. */
static size_t lay_out(Summary *s, const Layout *l, bool write)
{
    size_t pos = 0;
    bool shared[SS__COUNT] = { false };
    for (int k = 0; k < 4; k++) {
        if (write)
            put(s, pos, SS_KEY_NAME + k, l->fold[k], l->flen[k]);
        shared[keyed[k]] = l->flen[k] == l->len[keyed[k]] && !memcmp(l->fold[k], l->raw[keyed[k]], l->flen[k]);
        if (write && shared[keyed[k]])
            s->off[keyed[k]] = (uint16_t)pos;
        pos += l->flen[k] + 1;
    }
    for (int f = 0; f < SS__COUNT; f++) {
        if (shared[f])
            continue;
        if (write)
            put(s, pos, f, l->raw[f], l->len[f]);
        pos += l->len[f] + 1;
    }
    return pos;
}

Summary *summary_new(const SummaryInit *in)
{
    Layout layout, *l = &layout;
    for (int f = 0; f < SS__COUNT; f++)
        cut_field(in->str[f] ? in->str[f] : "", l->raw[f], &l->len[f]);
    for (int k = 0; k < 4; k++)
        l->flen[k] = fold_prefix(l->raw[keyed[k]], l->fold[k], FOLD_MAX);
    size_t total = lay_out(NULL, l, false);
    Summary *s = xmalloc(sizeof *s + total);
    s->created_ms = in->created_ms;
    s->updated_ms = in->updated_ms;
    s->invalid = in->invalid;
    s->red_flags = in->red_flags > 65535 ? 65535 : (uint16_t)in->red_flags;
    for (int k = 0; k < FAIL__COUNT; k++)
        s->failed[k] = in->failed[k] > 65535 ? 65535 : (uint16_t)in->failed[k];
    s->bio_quality = in->bio_quality > 255 ? 255 : (uint8_t)in->bio_quality;
    s->status = (uint8_t)in->status;
    s->has_docnum = in->str[SS_DOCNUM] && in->str[SS_DOCNUM][0];
    s->text_len = (uint16_t)lay_out(s, l, true);
    return s;
}

void summary_init_from(const Summary *s, SummaryInit *in)
{
    *in = (SummaryInit){ .status = (Status)s->status, .created_ms = s->created_ms, .updated_ms = s->updated_ms,
                         .invalid = s->invalid, .red_flags = s->red_flags, .bio_quality = s->bio_quality };
    for (int k = 0; k < FAIL__COUNT; k++)
        in->failed[k] = s->failed[k];
    for (int f = 0; f < SS__COUNT; f++)
        in->str[f] = summary_str(s, (SumStr)f);
}

size_t summary_size(const Summary *s)
{
    return sizeof *s + s->text_len;
}

void detail_free(Detail *d)
{
    if (!d)
        return;
    free(d->summary);
    Arena a = d->arena; /* the detail itself lives in its arena */
    arena_free(&a);
}
