/* The generated dataset: deterministic from --seed and --now, realistic mixes, names,
 * repeat registrants, rare documented variants; and --hostile records. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "simhttp.h"
#include "simsuite.h"

#define NOW "2025-06-01T12:00:00Z"

TestSuite(sim_data, .fini = stop_sims, .timeout = 60);
TestSuite(sim_hostile, .fini = stop_sims, .timeout = 60);

static SimProc *start(const char *count, const char *seed, const char *now, bool hostile)
{
    return simsuite_start((const char *[]){ "--count", count, "--seed", seed, "--now", now, NULL },
                          (const char *[]){ hostile ? "--hostile" : NULL, NULL });
}

/* The raw body of a GET (asserts 200). Caller frees. */
static char *body_of(SimProc *p, const char *path, size_t *len)
{
    SimHttpResp r = simhttp_get(p, path);
    cr_assert_eq(r.status, 200, "%s: %ld", path, r.status);
    if (len)
        *len = r.len;
    return r.body;
}

static const char *const probes[] = {
    "/v2/app-registrations?limit=100&populates[]=emailValidation&populates[]=phoneValidation"
    "&populates[]=biometricValidation&populates[]=documentValidation",
    "/v2/app-registrations?limit=50&page=3&sort=email",
    "/v2/app-registrations?limit=100&where_status=NEEDS_MANUAL_VERIFICATION&populates[]=projectFlow"
    "&populates[]=failedBiometricValidations.face&populates[]=compareFaceVerification",
    "/v2/app-registrations/statistics?funnel=true",
};

Test(sim_data, same_seed_and_now_give_identical_bytes)
{
    sim = start("3000", "42", NOW, false);
    other = start("3000", "42", NOW, false);
    for (size_t i = 0; i < sizeof probes / sizeof *probes; i++) {
        size_t la, lb;
        char *a = body_of(sim, probes[i], &la), *b = body_of(other, probes[i], &lb);
        cr_assert_eq(la, lb, "%s", probes[i]);
        cr_assert_eq(memcmp(a, b, la), 0, "%s differs between runs", probes[i]);
        free(a);
        free(b);
    }
}

Test(sim_data, another_seed_or_now_gives_other_data)
{
    sim = start("500", "42", NOW, false);
    other = start("500", "43", NOW, false);
    char *a = body_of(sim, probes[0], NULL), *b = body_of(other, probes[0], NULL);
    cr_assert_str_neq(a, b);
    free(b);
    simproc_stop(other);
    other = start("500", "42", "2025-07-01T00:00:00Z", false);
    b = body_of(other, probes[0], NULL);
    cr_assert_str_neq(a, b, "dates follow --now");
    free(a);
    free(b);
}

/* Calls fn on every record of the whole dataset (count ≤ 3000), pages of 100. */
static void each_record(SimProc *p, const char *extra, void (*fn)(const cJSON *, void *), void *arg)
{
    for (int page = 1;; page++) {
        char path[512];
        snprintf(path, sizeof path, "/v2/app-registrations?limit=100&page=%d%s", page, extra);
        cJSON *j = simhttp_get_json(p, path);
        const cJSON *r;
        cJSON_ArrayForEach(r, sj_path(j, "data")) fn(r, arg);
        bool last = page >= sj_num(j, "pages");
        cJSON_Delete(j);
        if (last)
            break;
    }
}

typedef struct Mix {
    int n, by_status[7], name_key, dup_id, lower, percent, accents, cjk, emoji, flags_max;
    int in_window;
} Mix;

static const char *const statuses[] = { "STARTED", "ONGOING", "COMPLETED",
                                        "COMPLETED_WITHOUT_KYC", "FAILED",
                                        "NEEDS_MANUAL_VERIFICATION", "EXPIRED" };

static void step_fits_status(const char *status, const char *step)
{
    if (!strcasecmp(status, "STARTED"))
        cr_assert(!strcmp(step, "1") || !strcmp(step, "instructions"), "STARTED at %s", step);
    else if (!strcasecmp(status, "COMPLETED_WITHOUT_KYC"))
        cr_assert_str_eq(step, "skipKYC");
    else if (!strcasecmp(status, "COMPLETED") || !strcasecmp(status, "FAILED") ||
             !strcasecmp(status, "NEEDS_MANUAL_VERIFICATION"))
        cr_assert_str_eq(step, "end", "%s at %s", status, step);
    else
        cr_assert(strcmp(step, "end") && strcmp(step, "1"), "%s at %s", status, step);
}

static void tally(const cJSON *r, void *arg)
{
    Mix *m = arg;
    const char *status = sj_str(r, "status"), *name = sj_str(r, "fullName");
    m->n++;
    for (int s = 0; s < 7; s++)
        m->by_status[s] += strcasecmp(status, statuses[s]) == 0;
    m->lower += strcmp(status, "completed") == 0 || strcmp(status, "ongoing") == 0 ||
                strcmp(status, "failed") == 0 || strcmp(status, "started") == 0 ||
                strcmp(status, "expired") == 0 || strcmp(status, "needs_manual_verification") == 0 ||
                strcmp(status, "completed_without_kyc") == 0;
    step_fits_status(status, sj_str(r, "currentStep"));
    if (!name) {
        name = sj_str(r, "name");
        m->name_key++;
    }
    cr_assert_not_null(name);
    m->dup_id += sj_str(r, "id") != NULL;
    m->accents += strstr(name, "\xc3") != NULL; /* á é í ó ú ñ ç ã ... */
    m->cjk += strstr(name, "\xe4") || strstr(name, "\xe5") || strstr(name, "\xea") ||
              strstr(name, "\xec") || strstr(name, "\xe6") || strstr(name, "\xe9");
    m->emoji += strstr(name, "\xf0\x9f") || strstr(name, "\xe2\x9c\xa8");
    double live = sj_num(r, "biometricValidation.livenessScore");
    m->percent += live > 1.0;
    const cJSON *details = sj_path(r, "redFlagsDetails"), *d;
    int flags = (int)sj_num(r, "redFlags");
    cr_assert_eq(cJSON_GetArraySize(details), flags, "redFlags counts redFlagsDetails");
    cJSON_ArrayForEach(d, details) {
        cr_assert(cJSON_IsNumber(sj_path(d, "count")), "%s.count", d->string);
        cr_assert_not_null(sj_str(d, "lastAt"));
        cr_assert_not_null(sj_str(d, "detail"));
    }
    if (flags > m->flags_max)
        m->flags_max = flags;
    const char *created = sj_str(r, "createdAt"), *updated = sj_str(r, "updatedAt");
    m->in_window += strcmp(created, "2025-03-03T12:00:00.000Z") >= 0 && strcmp(created, NOW) <= 0;
    cr_assert_geq(strcmp(updated, created), 0, "updatedAt before createdAt");
}

Test(sim_data, realistic_mix)
{
    sim = start("3000", "1", NOW, false);
    Mix m = { 0 };
    each_record(sim, "&populates[]=biometricValidation", tally, &m);
    cr_assert_eq(m.n, 3000);
    for (int s = 0; s < 7; s++)
        cr_assert_gt(m.by_status[s], 30, "%s: %d", statuses[s], m.by_status[s]);
    double review = m.by_status[5] * 100.0 / m.n;
    cr_assert(review >= 10 && review <= 15, "review queue %.1f %%", review);
    cr_assert_gt(m.accents, m.n / 3, "Spanish and Portuguese names keep their accents");
    cr_assert_gt(m.cjk, 0, "some East Asian names");
    cr_assert_gt(m.emoji, 0, "some emoji");
    cr_assert_leq(m.flags_max, 5, "0–5 red flags");
    cr_assert_geq(m.flags_max, 3);
    cr_assert_eq(m.in_window, m.n, "created within the 90 days before --now");
    int rare[] = { m.name_key, m.dup_id, m.lower, m.percent };
    const char *what[] = { "name instead of fullName", "id alongside _id", "lower-case status",
                           "0–100 liveness" };
    for (int i = 0; i < 4; i++) {
        cr_assert_gt(rare[i], 0, "%s present", what[i]);
        cr_assert_lt(rare[i], m.n / 15, "%s is rare (%d)", what[i], rare[i]);
    }
}

typedef struct Seen {
    char (*email)[112], (*phone)[40], (*doc)[40];
    int n, same_email, same_phone, same_doc;
} Seen;

static int count_in(char (*list)[112], int n, const char *v)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += strcmp(list[i], v) == 0;
    return c;
}

static void repeats(const cJSON *r, void *arg)
{
    Seen *s = arg;
    const char *email = sj_str(r, "email"), *phone = sj_str(r, "phone"),
               *doc = sj_str(r, "documentValidation.documentNumber");
    int i = s->n++;
    snprintf(s->email[i], 112, "%s", email ? email : "-");
    snprintf(s->phone[i], 40, "%s", phone ? phone : "-");
    snprintf(s->doc[i], 40, "%s", doc ? doc : "-");
    if (email && count_in(s->email, i, email))
        s->same_email++;
    for (int k = 0; k < i; k++) {
        s->same_phone += phone && strcmp(s->phone[k], phone) == 0;
        s->same_doc += doc && strcmp(s->doc[k], doc) == 0;
    }
}

Test(sim_data, some_people_registered_more_than_once)
{
    sim = start("2000", "3", NOW, false);
    Seen s = { calloc(2000, 112), calloc(2000, 40), calloc(2000, 40), 0, 0, 0, 0 };
    each_record(sim, "&populates[]=documentValidation", repeats, &s);
    cr_assert_gt(s.same_email, 2, "same e-mail");
    cr_assert_gt(s.same_phone, s.same_email, "same phone (also across different people)");
    cr_assert_gt(s.same_doc, 2, "same document number");
    cr_assert_lt(s.same_email, 200, "repeats are a few");
    free(s.email);
    free(s.phone);
    free(s.doc);
}

Test(sim_data, hundred_thousand_records_serve_pages)
{
    sim = start("100000", "8", NOW, false);
    cJSON *j = simhttp_get_json(sim, probes[0]);
    cr_assert_eq(sj_num(j, "total"), 100000);
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 100);
    cJSON_Delete(j);
    j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&page=1000&sort=createdAt");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 100, "the last page");
    cJSON_Delete(j);
}

/* ---- --hostile -------------------------------------------------------------------- */

typedef struct Hostile {
    int status_number, flags_string, flags_object, flags_huge, created_number, no_id, null_name;
} Hostile;

static void wrong_types(const cJSON *r, void *arg)
{
    Hostile *h = arg;
    const cJSON *flags = sj_path(r, "redFlags");
    h->status_number += cJSON_IsNumber(sj_path(r, "status"));
    h->flags_string += cJSON_IsString(flags);
    h->flags_object += cJSON_IsObject(flags);
    h->flags_huge += cJSON_IsNumber(flags) && isinf(flags->valuedouble);
    h->created_number += cJSON_IsNumber(sj_path(r, "createdAt"));
    h->no_id += sj_path(r, "_id") == NULL;
    h->null_name += cJSON_IsNull(sj_path(r, "fullName")) || cJSON_IsNull(sj_path(r, "name"));
}

static bool has(const char *body, size_t len, const char *needle)
{
    return memmem(body, len, needle, strlen(needle)) != NULL;
}

Test(sim_hostile, payloads_are_in_the_body)
{
    sim = start("400", "2", NOW, true);
    size_t total = 0;
    bool esc = false, title = false, clear = false, osc52 = false, c1 = false, raw_c1 = false,
         rlo = false, zw = false, raw = false, nul = false, deep = false, huge = false;
    for (int page = 1; page <= 4; page++) {
        char path[128];
        size_t len;
        snprintf(path, sizeof path, "/v2/app-registrations?limit=100&page=%d", page);
        char *b = body_of(sim, path, &len);
        total += len;
        esc |= has(b, len, "\\u001b");
        title |= has(b, len, "\\u001b]0;pwn\\u0007");
        clear |= has(b, len, "\\u001b[2J");
        osc52 |= has(b, len, "\\u001b]52;c;");
        c1 |= has(b, len, "\\u009b");
        raw_c1 |= has(b, len, "\xc2\x9b");
        rlo |= has(b, len, "\xe2\x80\xae");
        zw |= has(b, len, "\xe2\x80\x8b");
        raw |= has(b, len, "\xff\xfe\xc0\xaf");
        nul |= has(b, len, "\\u0000");
        char nest[2600] = "";
        for (int i = 0; i < 500; i++)
            strcat(nest, "{\"d\":");
        deep |= has(b, len, nest);
        const char *notes = memmem(b, len, "Lorem ipsum", 11);
        huge |= notes && memmem(notes, len - (size_t)(notes - b), "\"", 1) &&
                (size_t)((char *)memchr(notes, '"', len - (size_t)(notes - b)) - notes) > 60000;
        free(b);
    }
    cr_assert(esc && title && clear && osc52, "escape sequences");
    cr_assert(c1 && raw_c1, "8-bit CSI, escaped and raw");
    cr_assert(rlo && zw, "bidi override and zero-width characters");
    cr_assert(raw, "raw invalid UTF-8 bytes");
    cr_assert(nul, "an embedded \\u0000");
    cr_assert(deep, "nesting 500 deep");
    cr_assert(huge, "a 64 KB string");
    cr_assert_gt(total, 100000);
}

Test(sim_hostile, wrong_types_nulls_and_missing_fields)
{
    sim = start("400", "2", NOW, true);
    Hostile h = { 0 };
    each_record(sim, "", wrong_types, &h);
    cr_assert_gt(h.status_number, 0, "status as a number");
    cr_assert_gt(h.flags_string, 0, "redFlags as a string");
    cr_assert_gt(h.flags_object, 0, "redFlags as an object");
    cr_assert_gt(h.flags_huge, 0, "redFlags 1e999");
    cr_assert_gt(h.created_number, 0, "createdAt as a number");
    cr_assert_gt(h.no_id, 0, "no _id");
    cr_assert_gt(h.null_name, 0, "null names");
    cr_assert_lt(h.no_id + h.status_number, 200, "hostile records are mixed among normal ones");
}

/* Strict UTF-8 check (no overlongs, surrogates or values past U+10FFFF). */
static bool valid_utf8(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i], len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (!len || i + len > n || (len == 2 && c < 0xc2))
            return false;
        unsigned cp = len == 1 ? c : c & (0x7f >> len);
        for (unsigned k = 1; k < len; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
            return false;
        i += len;
    }
    return true;
}

Test(sim_hostile, without_the_flag_every_string_is_clean)
{
    sim = start("400", "2", NOW, false);
    for (int page = 1; page <= 4; page++) {
        char path[256];
        size_t len;
        snprintf(path, sizeof path, "/v2/app-registrations?limit=100&page=%d&populates[]=documentValidation"
                                    "&populates[]=failedBiometricValidations", page);
        char *b = body_of(sim, path, &len);
        cr_assert(valid_utf8((const unsigned char *)b, len), "page %d is valid UTF-8", page);
        cr_assert_not(has(b, len, "\\u001b") || has(b, len, "\\u0000") || has(b, len, "\xe2\x80\xae"));
        SimHttpResp r = { .body = b, .len = len };
        cJSON *j = simhttp_json(&r);
        cr_assert_not_null(j, "strict JSON");
        cJSON_Delete(j);
        free(b);
    }
}
