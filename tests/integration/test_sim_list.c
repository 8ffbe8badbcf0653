/* GET /v2/app-registrations: envelope, paging, every filter, like_ search, sort and
 * populates (reference §4), against a running regdesk-sim. */
#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "simhttp.h"
#include "simsuite.h"

#define NOW "2025-06-01T12:00:00Z"

TestSuite(sim_list, .fini = stop_sims, .timeout = 60);

static void start(const char *count)
{
    sim = simsuite_start((const char *[]){ "--count", count, "--seed", "5", "--now", NOW, NULL },
                         NULL);
}

static cJSON *list(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long total_of(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static cJSON *vlist(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* GET /v2/app-registrations?<query>, parsed. */
static cJSON *vlist(const char *fmt, va_list ap)
{
    char q[1024], path[1200];
    vsnprintf(q, sizeof q, fmt, ap);
    snprintf(path, sizeof path, "/v2/app-registrations?%s", q);
    return simhttp_get_json(sim, path);
}

static cJSON *list(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cJSON *j = vlist(fmt, ap);
    va_end(ap);
    return j;
}

static long total_of(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cJSON *j = vlist(fmt, ap);
    va_end(ap);
    long t = (long)sj_num(j, "total");
    cJSON_Delete(j);
    return t;
}

/* The string at path (sj_str's form) in the list for query, copied to out. */
static void text_of(const char *query, const char *path, char *out, size_t cap)
{
    cJSON *j = list("%s", query);
    snprintf(out, cap, "%s", sj_str(j, path));
    cJSON_Delete(j);
}

/* The total of where_<field>=<value>, once every row of its first 100 has that value. */
static long total_where(const char *field, const char *value)
{
    cJSON *j = list("limit=100&where_%s=%s", field, value);
    const cJSON *r;
    cJSON_ArrayForEach(r, sj_path(j, "data"))
        cr_assert_str_eq(sj_str(r, field), value, "where_%s=%s", field, value);
    long total = (long)sj_num(j, "total");
    cJSON_Delete(j);
    return total;
}

static bool is_hex_id(const cJSON *v)
{
    if (!cJSON_IsString(v) || strlen(v->valuestring) != 24)
        return false;
    for (const char *p = v->valuestring; *p; p++)
        if (!isxdigit((unsigned char)*p) || isupper((unsigned char)*p))
            return false;
    return true;
}

/* The registration's name, whichever key it came in. */
static const char *name_of(const cJSON *r)
{
    const char *n = sj_str(r, "fullName");
    return n ? n : sj_str(r, "name");
}

static bool contains_ci(const char *hay, const char *needle)
{
    return hay && strcasestr(hay, needle) != NULL;
}

Test(sim_list, envelope_and_defaults)
{
    start("123");
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations");
    cr_assert(cJSON_IsArray(sj_path(j, "data")));
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 10, "default page size 10");
    cr_assert_eq(sj_num(j, "total"), 123);
    cr_assert_eq(sj_num(j, "limit"), 10);
    cr_assert_eq(sj_num(j, "page"), 1);
    cr_assert_eq(sj_num(j, "pages"), 13);
    cJSON_Delete(j);
    j = list("limit=5&page=%s", "25");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 3, "last page holds the rest");
    cr_assert_eq(sj_num(j, "page"), 25);
    cr_assert_eq(sj_num(j, "pages"), 25);
    cJSON_Delete(j);
    j = list("limit=50&page=%s", "9");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 0, "past the end: empty, same total");
    cr_assert_eq(sj_num(j, "total"), 123);
    cJSON_Delete(j);
}

Test(sim_list, limit_and_per_page)
{
    start("200");
    cJSON *j = list("perPage=%s", "7");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 7);
    cr_assert_eq(sj_num(j, "limit"), 7);
    cJSON_Delete(j);
    j = list("limit=3&perPage=%s", "7");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 3, "limit wins when both are sent");
    cJSON_Delete(j);
    j = list("limit=100&perPage=%s", "100");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 100);
    cJSON_Delete(j);
}

Test(sim_list, out_of_range_page_size_is_the_documented_409)
{
    start("20");
    const char *bad[] = { "limit=0", "limit=101", "limit=abc", "limit=-1", "limit=", "limit=5x" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char path[128];
        snprintf(path, sizeof path, "/v2/app-registrations?%s", bad[i]);
        SimHttpResp r = simhttp_get(sim, path);
        cr_assert_eq(r.status, 409, "%s → %ld", bad[i], r.status);
        cr_assert_str_eq(r.body, "{\"code\":\"MissingParameter\",\"message\":\"Invalid parameter: "
                                 "limit must be between 1 and 100\"}", "%s", bad[i]);
        simhttp_free(&r);
    }
    SimHttpResp r = simhttp_get(sim, "/v2/app-registrations?perPage=500");
    cr_assert_eq(r.status, 409);
    cJSON *j = simhttp_json(&r);
    cr_assert_str_eq(sj_str(j, "code"), "MissingParameter");
    cr_assert(strstr(sj_str(j, "message"), "perPage must be between 1 and 100"));
    cJSON_Delete(j);
    simhttp_free(&r);
    r = simhttp_get(sim, "/v2/app-registrations?page=0");
    cr_assert_eq(r.status, 409);
    simhttp_free(&r);
}

Test(sim_list, pages_cover_every_record_once)
{
    start("250");
    char seen[250][25];
    int n = 0;
    for (int page = 1; page <= 3; page++) {
        cJSON *j = list("limit=100&page=%d", page);
        cr_assert_eq(sj_num(j, "pages"), 3);
        const cJSON *r;
        cJSON_ArrayForEach(r, sj_path(j, "data")) {
            const char *id = sj_str(r, "_id");
            cr_assert_not_null(id);
            for (int k = 0; k < n; k++)
                cr_assert_str_neq(seen[k], id, "%s twice", id);
            snprintf(seen[n++], 25, "%s", id);
        }
        cJSON_Delete(j);
    }
    cr_assert_eq(n, 250);
}

Test(sim_list, unpopulated_refs_are_ids)
{
    start("300");
    cJSON *j = list("limit=%s", "100");
    const cJSON *r;
    const char *refs[] = { "_id", "client", "project", "projectFlow" };
    const char *optional[] = { "emailValidation", "phoneValidation", "biometricValidation",
                               "documentValidation", "informationValidation", "person", "face",
                               "documentFace", "compareFaceVerification", "consentSession" };
    const char *arrays[] = { "failedEmailValidations", "failedPhoneValidations",
                             "failedDocumentValidations", "failedBiometricValidations" };
    int populated_somewhere = 0;
    cJSON_ArrayForEach(r, sj_path(j, "data")) {
        for (size_t i = 0; i < 4; i++)
            cr_assert(is_hex_id(sj_path(r, refs[i])), "%s", refs[i]);
        for (size_t i = 0; i < 10; i++) {
            const cJSON *v = sj_path(r, optional[i]);
            cr_assert(cJSON_IsNull(v) || is_hex_id(v), "%s is an id or null", optional[i]);
            populated_somewhere += is_hex_id(v);
        }
        for (size_t i = 0; i < 4; i++) {
            const cJSON *e;
            cJSON_ArrayForEach(e, sj_path(r, arrays[i])) cr_assert(is_hex_id(e), "%s", arrays[i]);
        }
    }
    cr_assert_gt(populated_somewhere, 100);
    cJSON_Delete(j);
}

static void assert_sorted(const char *sort, int (*cmp)(const cJSON *, const cJSON *))
{
    cJSON *j = list("limit=100&sort=%s", sort);
    const cJSON *data = sj_path(j, "data"), *prev = NULL, *r;
    cJSON_ArrayForEach(r, data) {
        if (prev)
            cr_assert_leq(cmp(prev, r), 0, "sort=%s out of order at %s", sort, sj_str(r, "_id"));
        prev = r;
    }
    cJSON_Delete(j);
}

static int by_created(const cJSON *a, const cJSON *b)
{
    return strcmp(sj_str(a, "createdAt"), sj_str(b, "createdAt"));
}
static int by_created_desc(const cJSON *a, const cJSON *b)
{
    return -by_created(a, b);
}
static int by_updated_desc(const cJSON *a, const cJSON *b)
{
    return -strcmp(sj_str(a, "updatedAt"), sj_str(b, "updatedAt"));
}
static int by_flags(const cJSON *a, const cJSON *b)
{
    return (int)(sj_num(a, "redFlags") - sj_num(b, "redFlags"));
}
static int by_flags_desc(const cJSON *a, const cJSON *b)
{
    return -by_flags(a, b);
}
static int by_email(const cJSON *a, const cJSON *b)
{
    const char *x = sj_str(a, "email"), *y = sj_str(b, "email");
    return strcmp(x ? x : "", y ? y : "");
}
static int by_name(const cJSON *a, const cJSON *b)
{
    return strcmp(name_of(a), name_of(b));
}
static int by_status(const cJSON *a, const cJSON *b)
{
    return strcasecmp(sj_str(a, "status"), sj_str(b, "status"));
}

Test(sim_list, sorts)
{
    start("400");
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=100");
    const cJSON *prev = NULL, *r;
    cJSON_ArrayForEach(r, sj_path(j, "data")) {
        if (prev)
            cr_assert_geq(by_created(prev, r), 0, "default order is -createdAt");
        prev = r;
    }
    cJSON_Delete(j);
    assert_sorted("createdAt", by_created);
    assert_sorted("-createdAt", by_created_desc);
    assert_sorted("-updatedAt", by_updated_desc);
    assert_sorted("redFlags", by_flags);
    assert_sorted("-redFlags", by_flags_desc);
    assert_sorted("email", by_email);
    assert_sorted("fullName", by_name);
    assert_sorted("name", by_name);
    assert_sorted("status", by_status);
}

static const char *const statuses[] = { "STARTED", "ONGOING", "COMPLETED",
                                        "COMPLETED_WITHOUT_KYC", "FAILED",
                                        "NEEDS_MANUAL_VERIFICATION", "EXPIRED" };

Test(sim_list, where_status_and_in_status)
{
    start("1500");
    long sum = 0;
    for (int s = 0; s < 7; s++) {
        cJSON *j = list("limit=100&where_status=%s", statuses[s]);
        long t = (long)sj_num(j, "total");
        cr_assert_gt(t, 0, "%s present", statuses[s]);
        const cJSON *r;
        cJSON_ArrayForEach(r, sj_path(j, "data"))
            cr_assert_eq(strcasecmp(sj_str(r, "status"), statuses[s]), 0);
        sum += t;
        cJSON_Delete(j);
    }
    cr_assert_eq(sum, 1500, "every record has one of the seven statuses");
    long failed = total_of("where_status=%s", "FAILED"), expired = total_of("where_status=%s", "EXPIRED");
    cr_assert_eq(total_of("in_status[]=FAILED&in_status[]=%s", "EXPIRED"), failed + expired);
    cr_assert_eq(total_of("in_status=FAILED&in_status=%s", "EXPIRED"), failed + expired);
    cr_assert_eq(total_of("where_status=FAILED&in_status[]=FAILED&in_status[]=%s", "EXPIRED"), failed,
                 "where_ and in_ intersect");
    cr_assert_eq(total_of("where_status=%s", "BOGUS"), 0);
    cr_assert_eq(total_of("where_status=%s", "failed"), 0, "status values are exact");
}

Test(sim_list, where_project_flow_and_step)
{
    start("600");
    const char *first = "limit=100&populates[]=projectFlow&sort=createdAt";
    char flow[25], project[25];
    text_of(first, "data.0.projectFlow._id", flow, sizeof flow);
    text_of(first, "data.0.projectFlow.project", project, sizeof project);
    long in_project = total_where("project", project);
    cr_assert_gt(in_project, 0);
    cr_assert_lt(in_project, 600);
    long in_flow = total_where("projectFlow", flow);
    cr_assert_gt(in_flow, 0);
    cr_assert_leq(in_flow, in_project);
    cr_assert_eq(total_of("where_project=%s", "0123456789abcdef01234567"), 0);
    cr_assert_eq(total_of("where_projectFlow=%s", "not-an-id"), 0);
    const char *steps[] = { "end", "1", "skipKYC", "liveness" };
    for (size_t i = 0; i < 4; i++)
        cr_assert_gt(total_where("currentStep", steps[i]), 0, "step %s", steps[i]);
    cr_assert_eq(total_of("where_currentStep=%s", "nowhere"), 0);
}

Test(sim_list, created_range_is_inclusive)
{
    start("500");
    char t10[32], t60[32];
    text_of("limit=100&sort=createdAt", "data.10.createdAt", t10, sizeof t10);
    text_of("limit=100&sort=createdAt", "data.60.createdAt", t60, sizeof t60);
    char q[160];
    snprintf(q, sizeof q, "limit=100&sort=createdAt&whereGTE_createdAt=%s&whereLTE_createdAt=%s", t10, t60);
    cJSON *j = list("%s", q);
    cr_assert_eq(sj_num(j, "total"), 51, "both ends included");
    cr_assert_str_eq(sj_str(j, "data.0.createdAt"), t10);
    cr_assert_str_eq(sj_str(j, "data.50.createdAt"), t60);
    cJSON_Delete(j);
    cr_assert_eq(total_of("whereGTE_createdAt=%s", t10), 490);
    cr_assert_eq(total_of("whereLTE_createdAt=%s", t60), 61);
    cr_assert_eq(total_of("whereGTE_createdAt=%s", "2030-01-01"), 0);
    cr_assert_eq(total_of("whereLTE_createdAt=%s", NOW), 500, "nothing after --now");
    SimHttpResp r = simhttp_get(sim, "/v2/app-registrations?whereGTE_createdAt=last-week");
    cr_assert_eq(r.status, 409);
    cr_assert(strstr(r.body, "MissingParameter"));
    simhttp_free(&r);
}

Test(sim_list, like_is_case_insensitive_but_not_accent_insensitive)
{
    start("2000");
    long lower = total_of("like_name=%s", "ruiz"), upper = total_of("like_name=%s", "RUIZ");
    cr_assert_gt(lower, 0);
    cr_assert_eq(lower, upper);
    cJSON *j = list("limit=100&like_name=%s", "rUiZ");
    const cJSON *r;
    cJSON_ArrayForEach(r, sj_path(j, "data")) cr_assert(contains_ci(name_of(r), "ruiz"), "%s", name_of(r));
    cJSON_Delete(j);
    cr_assert_gt(total_of("like_name=%s", "jos%C3%A9"), 0, "José");
    cr_assert_eq(total_of("like_name=%s", "jos%C3%A9"), total_of("like_name=%s", "JOS%C3%89"),
                 "Latin-1 capitals fold too");
    cr_assert_eq(total_of("like_name=%s", "jose"), 0, "accents are not folded (documented)");
    j = list("limit=100&like_email=%s", "example.org");
    cr_assert_gt(sj_num(j, "total"), 0);
    cJSON_ArrayForEach(r, sj_path(j, "data")) cr_assert(contains_ci(sj_str(r, "email"), "example.org"));
    cJSON_Delete(j);
}

Test(sim_list, like_phone_with_or_without_dial_code)
{
    start("300");
    cJSON *j = list("limit=1&like_email=%s", "@");
    char phone[32], dial[8], q[64];
    snprintf(phone, sizeof phone, "%s", sj_str(j, "data.0.phone"));
    snprintf(dial, sizeof dial, "%s", sj_str(j, "data.0.countryCode"));
    cJSON_Delete(j);
    cr_assert_gt(total_of("like_phone=%s", phone + strlen(phone) - 6), 0);
    snprintf(q, sizeof q, "%%2B%s%.4s", dial + 1, phone); /* "+57300…" */
    cr_assert_gt(total_of("like_phone=%s", q), 0, "with the dial code");
    cr_assert_eq(total_of("like_phone=%s", "zzz"), 0);
}

Test(sim_list, question_mark_like_terms_are_ored)
{
    start("2000");
    long a = total_of("like_name=%s", "ruiz"), b = total_of("like_email=%s", "gomez");
    long both = total_of("like_name=ruiz&like_email=%s", "gomez");
    cr_assert_gt(a, 0);
    cr_assert_gt(b, 0);
    long raw = total_of("?like_name=ruiz&?like_email=%s", "gomez");
    long encoded = total_of("%%3Flike_name=ruiz&%%3Flike_email=%s", "gomez");
    cr_assert_eq(raw, a + b - both, "OR: |A|+|B|-|A∩B| = %ld+%ld-%ld", a, b, both);
    cr_assert_eq(encoded, raw, "%%3F-encoded names are the same parameters");
    cr_assert_eq(total_of("?like_name=%s", "ruiz"), a, "a one-term group");
    cr_assert_eq(total_of("like_name=ruiz&?like_email=gomez&?like_phone=%s", "zzz"), both,
                 "plain like_ terms AND with the OR group");
}

Test(sim_list, populates_and_bare_populates)
{
    start("300");
    cJSON *j = list("limit=100&populates[]=emailValidation&populates=phoneValidation"
                    "&populates%%5B%%5D=biometricValidation.face%s", "");
    const cJSON *r;
    int email = 0, phone = 0, bio = 0;
    cJSON_ArrayForEach(r, sj_path(j, "data")) {
        const cJSON *e = sj_path(r, "emailValidation"), *p = sj_path(r, "phoneValidation"),
                    *b = sj_path(r, "biometricValidation");
        if (cJSON_IsObject(e)) {
            cr_assert_str_eq(sj_str(e, "email"), sj_str(r, "email"));
            email++;
        } else {
            cr_assert(cJSON_IsNull(e));
        }
        if (cJSON_IsObject(p)) {
            cr_assert_str_eq(sj_str(p, "phone"), sj_str(r, "phone"));
            phone++;
        }
        if (cJSON_IsObject(b)) {
            cr_assert(cJSON_IsObject(sj_path(b, "face")), "dotted path populates the nested ref");
            cr_assert(cJSON_IsNumber(sj_path(b, "livenessScore")));
            bio++;
        }
        cr_assert(cJSON_IsNull(sj_path(r, "documentValidation")) ||
                  is_hex_id(sj_path(r, "documentValidation")), "not asked for: still an id");
    }
    cr_assert_gt(email, 10);
    cr_assert_gt(phone, 10);
    cr_assert_gt(bio, 10);
    cJSON_Delete(j);
    cr_assert_eq(total_of("foo=bar&populates[]=%s", "noSuchPath"), 300, "unknown parameters are ignored");
}

/* GET /v3/projects (D-PROJ-LIST): the standard envelope, each project with its flows
 * as objects; --no-projects makes it an API without the endpoint. */
Test(sim_list, projects_list_and_an_api_without_one)
{
    start("20");
    cJSON *j = simhttp_get_json(sim, "/v3/projects");
    cr_assert_eq(sj_num(j, "total"), 3);
    cr_assert_eq(sj_num(j, "pages"), 1);
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 3);
    size_t flows = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, sj_path(j, "data"))
    {
        cr_assert_eq(strlen(sj_str(p, "_id")), 24);
        cr_assert_not_null(sj_str(p, "name"));
        const cJSON *f;
        cJSON_ArrayForEach(f, sj_path(p, "projectFlows"))
        {
            cr_assert_str_eq(sj_str(f, "project"), sj_str(p, "_id"), "a flow belongs to its project");
            cr_assert_str_eq(sj_str(f, "type"), "onboarding");
            flows++;
        }
    }
    cr_assert_eq(flows, 6);
    cJSON_Delete(j);
    j = simhttp_get_json(sim, "/v3/projects?limit=2&page=2");
    cr_assert_eq(cJSON_GetArraySize(sj_path(j, "data")), 1, "the last page holds the rest");
    cr_assert_eq(sj_num(j, "pages"), 2);
    cJSON_Delete(j);
    SimHttpResp r = simhttp_get(sim, "/v3/projects?limit=101");
    cr_assert_eq(r.status, 409, "the documented limit");
    simhttp_free(&r);
    simproc_stop(sim);
    sim = simproc_start((const char *[]){ "--count", "20", "--no-projects", NULL });
    cr_assert_not_null(sim);
    r = simhttp_get(sim, "/v3/projects");
    cr_assert_eq(r.status, 404);
    simhttp_free(&r);
}
