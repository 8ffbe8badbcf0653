/* The filter language (core/filter.h) on arbitrary text (cut at the first NUL).
 *
 * A failed compile leaves a display-safe sentence and a column/length inside the
 * expression. A compiled filter, on six fixed summaries (accents, wide characters, a
 * synthetic id, missing and invalid fields, an unrecognised status):
 *   - matches deterministically, and an empty filter matches everything;
 *   - appending a term never breaks an expression that compiles;
 *   - AND: "(EXPR) TERM" (when it compiles) matches exactly where both EXPR and TERM do;
 *   - OR: "(EXPR) OR TERM" and "(EXPR) | TERM" match exactly where either does;
 *   - NOT: "!(EXPR)", and for a single term "!TERM", match exactly where EXPR does not;
 *   - filter_server_params is sound: a server applying the pushed-down parameters as the
 *     API documents them (exact where_ values, case-insensitive like_ substrings,
 *     inclusive createdAt bounds) never drops a summary the filter keeps, and the
 *     parameters themselves are well-formed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/filter.h"
#include "core/timeutil.h"
#include "fuzz.h"

enum { N_SUM = 6 };
static Summary *sums[N_SUM];
static int64_t now_ms;

static int64_t at(const char *iso)
{
    int64_t ms;
    if (!time_parse_iso(iso, &ms))
        fuzz_fail("bad fixed time %s", iso);
    return ms;
}

static Summary *make(const char *id, const char *name, const char *email, const char *cc, const char *phone,
                     const char *step, const char *project, const char *flow, const char *docnum, Status st,
                     const char *raw, int64_t created, int64_t updated, uint32_t invalid, unsigned flags,
                     unsigned f0, unsigned f1, unsigned f2, unsigned f3)
{
    SummaryInit in = {
        .str = { [SS_ID] = id, [SS_NAME] = name, [SS_EMAIL] = email, [SS_PHONE] = phone, [SS_COUNTRY_CODE] = cc,
                 [SS_STEP] = step, [SS_PROJECT] = project, [SS_FLOW] = flow, [SS_STATUS_RAW] = raw,
                 [SS_DOCNUM] = docnum },
        .status = st, .created_ms = created, .updated_ms = updated, .invalid = invalid, .red_flags = flags,
        .failed = { f0, f1, f2, f3 },
    };
    return summary_new(&in);
}

static void init(void)
{
    if (sums[0])
        return;
    now_ms = at("2025-06-01T00:00:00Z");
    const char *p1 = "6650aa01c0ffee0000000p01";
    sums[0] = make("6650aa01c0ffee0000000001", "Ana Ruiz", "ana.ruiz@example.org", "+57", "3001234567", "liveness",
                   p1, "6650aa01c0ffee00000000f1", "1020304050", ST_NEEDS_MANUAL_VERIFICATION, NULL,
                   at("2025-05-10T12:00:00Z"), at("2025-05-30T08:00:00Z"), 0, 2, 1, 0, 2, 3);
    sums[1] = make("6650aa01c0ffee0000000002", "Luc\xC3\xAD" "a G\xC3\xB3mez", "Lucia.Gomez@Gmail.com", "57",
                   "3109876543", "end", p1, "f2", "", ST_COMPLETED, NULL, at("2024-12-02T17:05:36.788Z"),
                   at("2024-12-03T00:00:00Z"), 0, 0, 0, 0, 0, 0);
    sums[2] = make("x1", "", "", "", "", "", "", "", "", ST_OTHER, "PAUSED", TIME_NONE, TIME_NONE, SUMF_CREATED, 0,
                   0, 0, 0, 0);
    sums[3] = make("~00000000000000ab", "Stra\xC3\x9F" "e M\xC3\xBCller", "S@EXAMPLE.COM", "", "", "email", "", "",
                   "", ST_UNKNOWN, NULL, at("2025-05-31T23:59:59.999Z"), TIME_NONE,
                   SUMF_ID | SUMF_REDFLAGS | SUMF_FAILED, 0, 0, 0, 0, 0);
    sums[4] = make("6650aa01c0ffee0000000005", "\xE6\x9D\x8E\xE5\xB0\x8F\xE9\xBE\x99 \xE2\x9C\x93", "li@example.cn",
                   "+52", "5512345678", "document", "p2", "f3", "X-123.456", ST_FAILED, "failed", now_ms, now_ms, 0,
                   65535, 65535, 65535, 65535, 65535);
    sums[5] = make("6650aa01c0ffee0000000006", "Zo\xC3\xAB \xE2\x97\x8C O'Brien", "zoe+tag@example.org", "", "3",
                   "", "", "", "", ST_EXPIRED, NULL, 0, TIME_NONE, SUMF_UPDATED, 1, 0, 0, 0, 1);
}

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static Filter *compile(const char *expr)
{
    FilterError e;
    memset(&e, 0x5A, sizeof e);
    Filter *f = filter_compile(expr, now_ms, &e);
    if (f)
        return f;
    fuzz_check_buf("filter error", e.msg, sizeof e.msg, false);
    FUZZ_CHECK(e.msg[0], "filter_compile failed without a message");
    FUZZ_CHECK(e.column >= 1 && e.length >= 0 && (size_t)(e.column - 1 + e.length) <= chars(expr),
               "error column %d length %d outside the %zu-character expression", e.column, e.length, chars(expr));
    return NULL;
}

static bool icase_contains(const char *hay, const char *needle)
{
    return strcasestr(hay, needle) != NULL;
}

/* The phone as the server stores it: the summary's national number. */
static bool server_keeps(const ServerParams *sp, const Summary *s, const char **why)
{
    if (sp->n_status) {
        bool in = false;
        for (size_t i = 0; i < sp->n_status; i++)
            in |= sp->in_status[i] == summary_status(s);
        if (!in)
            return *why = "status", false;
    }
    if (sp->current_step && strcmp(sp->current_step, summary_str(s, SS_STEP)))
        return *why = "where_currentStep", false;
    if (sp->project && strcmp(sp->project, summary_str(s, SS_PROJECT)))
        return *why = "where_project", false;
    if (sp->flow && strcmp(sp->flow, summary_str(s, SS_FLOW)))
        return *why = "where_projectFlow", false;
    bool e = !sp->like_email || icase_contains(summary_str(s, SS_EMAIL), sp->like_email);
    bool n = !sp->like_name || icase_contains(summary_str(s, SS_NAME), sp->like_name);
    bool p = !sp->like_phone || strstr(summary_str(s, SS_PHONE), sp->like_phone);
    if (sp->like_or ? !((sp->like_email && e) || (sp->like_name && n) || (sp->like_phone && p)) : !(e && n && p))
        return *why = "like_", false;
    if (sp->created_gte != TIME_NONE && (s->created_ms == TIME_NONE || s->created_ms < sp->created_gte))
        return *why = "whereGTE_createdAt", false;
    if (sp->created_lte != TIME_NONE && (s->created_ms == TIME_NONE || s->created_ms > sp->created_lte))
        return *why = "whereLTE_createdAt", false;
    return true;
}

static void check_params(const char *expr, const Filter *f, const bool *m)
{
    ServerParams sp;
    filter_server_params(f, &sp);
    FUZZ_CHECK(sp.n_status <= SERVER_MAX_STATUS, "%zu statuses", sp.n_status);
    for (size_t i = 0; i < sp.n_status; i++) {
        FUZZ_CHECK(sp.in_status[i] != ST_UNKNOWN && sp.in_status[i] != ST_OTHER && sp.in_status[i] < ST__COUNT,
                   "status %d pushed to the server", (int)sp.in_status[i]);
        FUZZ_CHECK(i == 0 || sp.in_status[i] > sp.in_status[i - 1], "statuses repeated or unordered");
    }
    const char *strs[] = { sp.current_step, sp.project, sp.flow, sp.like_name, sp.like_email, sp.like_phone };
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        FUZZ_CHECK(!strs[i] || *strs[i], "an empty server parameter %zu", i);
    if (sp.like_phone)
        for (const char *p = sp.like_phone; *p; p++)
            FUZZ_CHECK(*p >= '0' && *p <= '9', "like_phone \"%s\" is not digits", sp.like_phone);
    FUZZ_CHECK(!sp.like_or || sp.like_name || sp.like_email || sp.like_phone, "like_or without like_ terms");
    for (int i = 0; i < N_SUM; i++) {
        const char *why = "";
        if (m[i])
            FUZZ_CHECK(server_keeps(&sp, sums[i], &why),
                       "filter '%s' keeps summary %d, but the server parameters (%s) would drop it", expr, i, why);
    }
}

static void matches(const Filter *f, bool *m)
{
    for (int i = 0; i < N_SUM; i++)
        m[i] = filter_match(f, sums[i]);
}

static bool has_blank(const char *s)
{
    return strpbrk(s, " \t\n\r\v\f") != NULL;
}

/* Compiles pre EXPR mid TERM; NULL when it does not compile. */
static Filter *compose(const char *pre, const char *expr, const char *mid, const char *term)
{
    size_t n = strlen(pre) + strlen(expr) + strlen(mid) + strlen(term) + 1;
    char *text = malloc(n);
    FUZZ_CHECK(text, "out of memory");
    snprintf(text, n, "%s%s%s%s", pre, expr, mid, term);
    Filter *f = compile(text);
    free(text);
    return f;
}

/* How a composed filter must relate to EXPR's matches m and TERM's t. */
typedef enum Law { LAW_AND, LAW_OR } Law;

static void check_law(const char *mid, Law law, const char *expr, const bool *m, const char *term, Filter *t)
{
    Filter *f = compose("(", expr, mid, term);
    if (!f) /* "(EXPR)" need not compile: a ')' inside a term of EXPR may close the group */
        return;
    for (int i = 0; i < N_SUM; i++) {
        bool want = law == LAW_AND ? m[i] && filter_match(t, sums[i]) : m[i] || filter_match(t, sums[i]);
        FUZZ_CHECK(filter_match(f, sums[i]) == want, "'(%s%s%s' breaks its law on summary %d", expr, mid, term, i);
    }
    filter_free(f);
}

static void check_and_or(const char *expr, const bool *m)
{
    static const char *const terms[] = { "status:review,done", "created>=2025-01-01", "!flags>0", "name:a" };
    for (size_t k = 0; k < sizeof terms / sizeof *terms; k++) {
        Filter *t = compile(terms[k]);
        FUZZ_CHECK(t, "the fixed term '%s' does not compile", terms[k]);
        Filter *f = compose("", expr, " ", terms[k]);
        FUZZ_CHECK(f, "'%s' compiles but not with ' %s' after it", expr, terms[k]);
        filter_free(f);
        check_law(") ", LAW_AND, expr, m, terms[k], t);
        check_law(") OR ", LAW_OR, expr, m, terms[k], t);
        check_law(")|", LAW_OR, expr, m, terms[k], t);
        filter_free(t);
    }
}

/* f (when it compiled) matches exactly where EXPR does not. */
static void check_complement(Filter *f, const char *how, const char *expr, const bool *m)
{
    if (!f)
        return;
    for (int i = 0; i < N_SUM; i++)
        FUZZ_CHECK(filter_match(f, sums[i]) == !m[i], "'%s' is not the complement of '%s' on summary %d", how, expr, i);
    filter_free(f);
}

static void check_not(const char *expr, const bool *m)
{
    if (*expr && *expr != '!' && !has_blank(expr) && !strpbrk(expr, "()|")) /* one term */
        check_complement(compose("!", expr, "", ""), "!TERM", expr, m);
    check_complement(compose("!(", expr, ")", ""), "!(EXPR)", expr, m);
}

FUZZ_TARGET(filter)
{
    init();
    char *expr = fuzz_dup(data, size); /* the expression ends at the first NUL */
    Filter *f = compile(expr);
    if (!f) {
        free(expr);
        return 0;
    }
    bool m[N_SUM], m2[N_SUM];
    matches(f, m);
    matches(f, m2);
    FUZZ_CHECK(!memcmp(m, m2, sizeof m), "filter_match is not repeatable");
    if (filter_is_empty(f))
        for (int i = 0; i < N_SUM; i++)
            FUZZ_CHECK(m[i], "an empty filter rejects summary %d", i);
    if (!has_blank(expr) && *expr)
        FUZZ_CHECK(!filter_is_empty(f), "a one-term filter is empty");
    check_params(expr, f, m);
    filter_free(f);
    check_and_or(expr, m);
    check_not(expr, m);
    free(expr);
    return 0;
}
