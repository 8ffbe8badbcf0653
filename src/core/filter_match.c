/* Running a compiled filter over summaries. Nothing here allocates: needles were folded
 * when the filter was compiled, haystacks are folded on the fly (core/fold.c). */
#include <string.h>

#include "core/filter_internal.h"
#include "core/fold.h"
#include "core/sla.h"

enum { PHONE_MAX = SUMMARY_STR_MAX + 8 };

/* The digits of s without the separators people write in phone numbers. False when s
 * holds anything else, or nothing. */
static bool phone_digits(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (n + 1 >= cap)
                return false;
            out[n++] = *s;
        } else if (!strchr(" -.()", *s)) {
            return false;
        }
    }
    out[n] = '\0';
    return n > 0;
}

/* The country code's digits, when it looks like one ("+57", "57": 1–3 digits). An old
 * example sends "US": then the number is compared without a country code. */
static size_t cc_digits(const char *cc, char out[4])
{
    if (*cc == '+')
        cc++;
    size_t n = strspn(cc, "0123456789");
    if (n == 0 || n > 3 || cc[n])
        return 0;
    memcpy(out, cc, n);
    return n;
}

/* needle "+digits": the international number (country code + national) starts with the
 * digits, or equals them when exact. needle "digits": the national number contains them
 * (equals them when exact), or the international number starts with (equals) them, so
 * "3001", "573001" and "+573001" all find +57 3001234567. */
bool filter_phone_match(const Summary *s, const char *needle, bool exact)
{
    char intl[PHONE_MAX];
    size_t cc = cc_digits(summary_str(s, SS_COUNTRY_CODE), intl);
    if (!phone_digits(summary_str(s, SS_PHONE), intl + cc, sizeof intl - cc))
        return false;
    const char *national = intl + cc;
    bool plus = *needle == '+';
    const char *d = needle + plus;
    size_t n = strlen(d);
    if (exact)
        return !strcmp(intl, d) || (!plus && !strcmp(national, d));
    return !strncmp(intl, d, n) || (!plus && strstr(national, d));
}

static bool text_match(const Term *t, const char *hay)
{
    for (size_t i = 0; i < t->n_vals; i++) {
        const char *v = t->vals[i];
        bool hit = t->mode == TM_EXACT    ? !strcmp(hay, v)
                   : t->mode == TM_PREFIX ? fold_has_prefix(hay, v)
                                          : fold_find(hay, v) >= 0;
        if (hit)
            return true;
    }
    return false;
}

static bool phone_term_match(const Term *t, const Summary *s)
{
    for (size_t i = 0; i < t->n_vals; i++)
        if (filter_phone_match(s, t->vals[i], t->mode == TM_EXACT))
            return true;
    return false;
}

static bool status_match(const Term *t, const Summary *s)
{
    Status st = summary_status(s);
    if (t->mask & (1u << st))
        return true;
    if (st != ST_OTHER)
        return false;
    const char *raw = summary_str(s, SS_STATUS_RAW);
    for (size_t i = 0; i < t->n_vals; i++)
        if (t->mode == TM_EXACT ? !fold_compare(raw, t->vals[i]) : fold_has_prefix(raw, t->vals[i]))
            return true;
    return false;
}

/* The value a range term measures; false when the record has none (a missing time, or
 * a count that arrived with the wrong type): such a record fails the comparison. */
static bool subject_value(Subject subj, const Summary *s, int64_t *v)
{
    switch (subj) {
    case SUBJ_FLAGS:
        *v = s->red_flags;
        return !(s->invalid & SUMF_REDFLAGS);
    case SUBJ_FAILED:
        *v = summary_failed_total(s);
        return !(s->invalid & SUMF_FAILED);
    case SUBJ_INVALID:
        *v = __builtin_popcount(s->invalid);
        return true;
    case SUBJ_CREATED:
        *v = s->created_ms;
        return *v != TIME_NONE;
    case SUBJ_UPDATED:
        *v = s->updated_ms;
        return *v != TIME_NONE;
    case SUBJ_REVIEW:
        *v = summary_review_since(s);
        return *v != TIME_NONE;
    default: /* one kind of failed attempt */
        *v = s->failed[subj - SUBJ_FAILED_KIND];
        return !(s->invalid & SUMF_FAILED);
    }
}

static bool range_match(const Term *t, const Summary *s)
{
    int64_t v;
    if (!subject_value((Subject)t->field, s, &v))
        return false;
    return (v >= t->lo && v < t->hi) != t->outside;
}

static bool word_match(const Term *t, const Summary *s)
{
    static const SumStr where[] = { SS_NAME, SS_EMAIL, SS_ID, SS_DOCNUM };
    for (size_t i = 0; i < sizeof where / sizeof *where; i++)
        if (fold_find(summary_str(s, where[i]), t->vals[0]) >= 0)
            return true;
    return t->phone && filter_phone_match(s, t->phone, false);
}

static bool term_match(const Term *t, const Summary *s)
{
    switch (t->kind) {
    case TK_STATUS: return status_match(t, s);
    case TK_RANGE: return range_match(t, s);
    case TK_TEXT: return text_match(t, summary_str(s, (SumStr)t->field));
    case TK_PHONE: return phone_term_match(t, s);
    case TK_INVALID: return (s->invalid & t->mask) != 0;
    case TK_WORD: return word_match(t, s);
    }
    return false;
}

/* Depth is bounded by FILTER_DEPTH_MAX when the filter is compiled. */
static bool node_match(const Filter *f, uint32_t i, const Summary *s)
{
    const Node *nd = &f->nodes[i];
    switch (nd->kind) {
    case NK_TERM: return term_match(&f->terms[nd->a], s) != f->terms[nd->a].negate;
    case NK_NOT: return !node_match(f, nd->a, s);
    case NK_AND:
        for (uint32_t k = 0; k < nd->n; k++)
            if (!node_match(f, f->kids[nd->a + k], s))
                return false;
        return true;
    case NK_OR:
        for (uint32_t k = 0; k < nd->n; k++)
            if (node_match(f, f->kids[nd->a + k], s))
                return true;
        return false;
    }
    return false;
}

bool filter_match(const Filter *f, const Summary *s)
{
    return f->root < 0 || node_match(f, (uint32_t)f->root, s);
}

/* ---- which fields matched --------------------------------------------------------------- */

static uint32_t word_hits(const Term *t, const Summary *s)
{
    static const SumStr where[] = { SS_NAME, SS_EMAIL, SS_ID, SS_DOCNUM };
    uint32_t hits = 0;
    for (size_t i = 0; i < sizeof where / sizeof *where; i++)
        if (fold_find(summary_str(s, where[i]), t->vals[0]) >= 0)
            hits |= 1u << where[i];
    if (t->phone && filter_phone_match(s, t->phone, false))
        hits |= 1u << SS_PHONE;
    return hits;
}

static uint32_t term_hits(const Term *t, const Summary *s)
{
    if (t->negate)
        return 0;
    switch (t->kind) {
    case TK_TEXT: return text_match(t, summary_str(s, (SumStr)t->field)) ? 1u << t->field : 0;
    case TK_PHONE: return phone_term_match(t, s) ? 1u << SS_PHONE : 0;
    case TK_WORD: return word_hits(t, s);
    default: return 0;
    }
}

static uint32_t node_hits(const Filter *f, uint32_t i, const Summary *s)
{
    const Node *nd = &f->nodes[i];
    uint32_t hits = 0;
    switch (nd->kind) {
    case NK_TERM: return term_hits(&f->terms[nd->a], s);
    case NK_NOT: return 0;
    case NK_AND:
    case NK_OR:
        for (uint32_t k = 0; k < nd->n; k++)
            hits |= node_hits(f, f->kids[nd->a + k], s);
        return hits;
    }
    return 0;
}

uint32_t filter_hit_fields(const Filter *f, const Summary *s)
{
    return f && f->root >= 0 ? node_hits(f, (uint32_t)f->root, s) : 0;
}
