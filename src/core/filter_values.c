/* Value parsers of the filter language: statuses, phone numbers, counts, dates,
 * durations and the names of invalid fields. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/filter_values.h"
#include "core/timeutil.h"

enum { DAY_MS = 86400000 };
#define MAX_DURATION_MS (1000LL * 366 * DAY_MS) /* a thousand years: anything more is a typo */

/* ---- Statuses ---------------------------------------------------------------------- */

/* Words reviewers use besides the API's names and the list's badges. */
static const struct {
    const char *text;
    Status st;
} aliases[] = {
    { "NOKYC", ST_COMPLETED_WITHOUT_KYC },
    { "APPROVED", ST_COMPLETED },
    { "REJECTED", ST_FAILED },
};

/* Upper-cases ASCII and maps '-' and ' ' to '_', like status_parse. False if too long. */
static bool normalize(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s);
    if (n >= cap)
        return false;
    for (size_t i = 0; i <= n; i++) {
        char ch = s[i];
        out[i] = ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch == '-' || ch == ' ' ? '_' : ch;
    }
    return true;
}

/* Every spelling of st that status: accepts (its name, its badge, its aliases), each
 * normalised as a user's value is, so the two compare with strcmp. */
static size_t spellings(Status st, char out[4][64])
{
    const char *sp[4];
    size_t n = 0;
    sp[n++] = status_name(st);
    if (strcmp(status_badge(st), sp[0]))
        sp[n++] = status_badge(st);
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (aliases[i].st == st)
            sp[n++] = aliases[i].text;
    for (size_t i = 0; i < n; i++)
        normalize(sp[i], out[i], sizeof out[i]);
    return n;
}

/* Is v a prefix of cand, or of cand from one of its words on ("MANUAL" in
 * "NEEDS_MANUAL_VERIFICATION")? */
static bool word_prefix(const char *cand, const char *v)
{
    size_t n = strlen(v);
    for (const char *w = cand;; w++) {
        if (!strncmp(w, v, n))
            return true;
        if (!(w = strchr(w, '_')))
            return false;
    }
}

static bool ambiguous(Ctx *c, const char *v, uint32_t mask)
{
    char list[160] = ""; /* every name together is 110 bytes */
    size_t len = 0;
    for (int st = 0; st < ST__COUNT; st++)
        if (mask & (1u << st))
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", len ? ", " : "",
                                    status_name((Status)st));
    return filter_fail(c, "ambiguous status '%s' in '%s': %s", filter_show(c, v), c->shown, list);
}

/* The status whose spelling (or a word of it) is closest to nv, and how close. */
static int closest_status(const char *nv, Status *best)
{
    int best_d = 99;
    size_t nlen = strlen(nv);
    for (int st = 0; st < ST__COUNT; st++) {
        char cand[4][64];
        size_t n = spellings((Status)st, cand);
        for (size_t i = 0; i < n; i++) {
            int d = filter_edit_distance(nv, nlen, cand[i], strlen(cand[i]));
            for (const char *w = cand[i]; w;) {
                const char *end = strchr(w, '_');
                int dw = filter_edit_distance(nv, nlen, w, end ? (size_t)(end - w) : strlen(w));
                d = dw < d ? dw : d;
                w = end ? end + 1 : NULL;
            }
            if (d < best_d) {
                best_d = d;
                *best = (Status)st;
            }
        }
    }
    return best_d;
}

/* status=: the canonical name only (and UNKNOWN, OTHER); anything else is a raw text. */
static Status exact_status(const char *nv)
{
    if (!strcmp(nv, "UNKNOWN"))
        return ST_UNKNOWN;
    if (!strcmp(nv, "OTHER"))
        return ST_OTHER;
    Status st = status_parse(nv, strlen(nv));
    return st == ST_OTHER ? ST__COUNT : st;
}

bool filter_status_resolve(Ctx *c, const char *v, bool fuzzy, Status *out)
{
    char nv[64];
    *out = ST__COUNT;
    if (!normalize(v, nv, sizeof nv)) /* too long to be a known status: match its text */
        return true;
    if (!fuzzy) {
        *out = exact_status(nv);
        return true;
    }
    uint32_t prefix_of = 0;
    for (int st = 0; st < ST__COUNT; st++) {
        char cand[4][64];
        size_t n = spellings((Status)st, cand);
        for (size_t i = 0; i < n; i++) {
            if (!strcmp(cand[i], nv)) { /* an exact spelling beats any prefix */
                *out = (Status)st;
                return true;
            }
            if (word_prefix(cand[i], nv))
                prefix_of |= 1u << st;
        }
    }
    if (prefix_of && !(prefix_of & (prefix_of - 1))) {
        *out = (Status)__builtin_ctz(prefix_of);
        return true;
    }
    if (prefix_of)
        return ambiguous(c, v, prefix_of);
    /* Nothing known: an unrecognised status by its text, unless it is a near miss of a
     * known one, which would silently match nothing. */
    Status near = ST_UNKNOWN;
    if (closest_status(nv, &near) <= (strlen(nv) <= 4 ? 1 : 2))
        return filter_fail(c, "unknown status '%s' in '%s'; did you mean %s? (status=%s matches "
                              "that text as sent)", filter_show(c, v), c->shown, status_name(near),
                           c->shown_value);
    return true;
}

/* ---- Phones, counts, dates, durations ---------------------------------------------- */

const char *filter_phone_needle(Arena *a, const char *s)
{
    char *out = arena_alloc(a, strlen(s) + 1), *o = out;
    bool digits = false;
    if (*s == '+')
        *o++ = *s++;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            *o++ = *s;
            digits = true;
        } else if (!strchr(" -.()", *s)) {
            return NULL;
        }
    }
    *o = '\0';
    return digits ? out : NULL;
}

bool filter_parse_count(const char *s, int64_t *out)
{
    size_t n = strspn(s, "0123456789");
    if (n == 0 || n > 9 || s[n])
        return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    *out = v;
    return true;
}

/* "2025-05": the whole month. */
static bool parse_month(const char *s, int64_t *a, int64_t *b)
{
    if (strlen(s) != 7 || strspn(s, "0123456789") != 4 || s[4] != '-' ||
        strspn(s + 5, "0123456789") != 2)
        return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    unsigned m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
    if (m < 1 || m > 12)
        return false;
    *a = time_days_from_civil(y, m, 1) * DAY_MS;
    *b = time_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) * DAY_MS;
    return true;
}

/* today, yesterday and -DURATION, against the compile-time now. */
static bool parse_relative(const char *s, int64_t now, int64_t *a, int64_t *b)
{
    int64_t day = now - (now % DAY_MS + DAY_MS) % DAY_MS; /* midnight UTC, also before 1970 */
    if (!strcasecmp(s, "today") || !strcasecmp(s, "yesterday")) {
        *a = day - (tolower((unsigned char)*s) == 'y' ? DAY_MS : 0);
        *b = *a + DAY_MS;
        return true;
    }
    int64_t d;
    if (*s != '-' || !filter_parse_duration(s + 1, &d))
        return false;
    *a = now - d;
    *b = *a + 1;
    return true;
}

bool filter_parse_when(const char *s, int64_t now, int64_t *a, int64_t *b)
{
    if (parse_month(s, a, b) || parse_relative(s, now, a, b))
        return true;
    if (!time_parse_iso(s, a))
        return false;
    *b = *a + (strlen(s) == 10 ? DAY_MS : 1); /* a bare date is its whole day */
    return true;
}

bool filter_parse_duration(const char *s, int64_t *ms)
{
    int64_t total = 0;
    if (!*s)
        return false;
    while (*s) {
        size_t digits = strspn(s, "0123456789"), part_len = digits + 1;
        int64_t part;
        if (!s[digits] || !time_parse_duration(s, part_len, &part))
            return false;
        total += part;
        if (total > MAX_DURATION_MS)
            return false;
        s += part_len;
    }
    *ms = total;
    return true;
}

/* ---- Invalid fields ---------------------------------------------------------------- */

static const struct {
    const char *name;
    uint32_t bit;
} invalid_fields[] = {
    { "id", SUMF_ID },           { "status", SUMF_STATUS },     { "name", SUMF_NAME },
    { "email", SUMF_EMAIL },     { "phone", SUMF_PHONE },       { "step", SUMF_STEP },
    { "created", SUMF_CREATED }, { "updated", SUMF_UPDATED },   { "flags", SUMF_REDFLAGS },
    { "failed", SUMF_FAILED },   { "project", SUMF_PROJECT },   { "flow", SUMF_FLOW },
};

bool filter_invalid_bits(const char *name, uint32_t *bits)
{
    if (!strcasecmp(name, "yes")) {
        *bits = SUMF_ALL;
        return true;
    }
    for (size_t i = 0; i < sizeof invalid_fields / sizeof *invalid_fields; i++) {
        if (!strcasecmp(name, invalid_fields[i].name)) {
            *bits = invalid_fields[i].bit;
            return true;
        }
    }
    return false;
}

const char *filter_invalid_names(void)
{
    return "id status name email phone step created updated flags failed project flow";
}

/* ---- Suggestions ------------------------------------------------------------------- */

static char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
}

static int min3(int a, int b, int c)
{
    int m = a < b ? a : b;
    return m < c ? m : c;
}

int filter_edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    if (na > 31 || nb > 31)
        return 99;
    int d[32][32];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= na; i++) {
        for (size_t j = 1; j <= nb; j++) {
            int cost = lower(a[i - 1]) != lower(b[j - 1]);
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]) && d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = d[i - 2][j - 2] + 1;
        }
    }
    return d[na][nb];
}
