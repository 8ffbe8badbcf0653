/* parse_detail: any body. On success every string of the Detail, down to the failed
 * attempts, review log, key/value rows and raw view, is display-safe (valid UTF-8, no
 * C0 except LF in multi-line fields, no DEL, no C1); every value is in its documented
 * range; the derived review reasons are safe sentences too. On failure: a sentence. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diagnose.h"
#include "core/parse.h"
#include "core/reasons.h"
#include "fuzz.h"

static void check_state(const char *what, FieldState st)
{
    FUZZ_CHECK(st <= FS_INVALID, "%s: field state %d out of range", what, (int)st);
}

static void check_str(const char *what, Str s, bool multiline)
{
    check_state(what, s.st);
    fuzz_check_text(what, s.s, multiline);
    if (s.st == FS_ABSENT || s.st == FS_NULL)
        FUZZ_CHECK(!*s.s, "%s: absent or null but holds \"%s\"", what, s.s);
}

static void check_num(const char *what, Num n)
{
    check_state(what, n.st);
    if (n.st == FS_OK)
        FUZZ_CHECK(isfinite(n.v), "%s: not finite", what);
}

static void check_count(const char *what, Num n)
{
    check_num(what, n);
    if (n.st == FS_OK)
        FUZZ_CHECK(n.v >= 0 && n.v <= 1e9 && n.v == floor(n.v), "%s: %g is not a count", what, n.v);
}

static void check_score(const char *what, Score s)
{
    check_state(what, s.st);
    if (s.st == FS_OK)
        FUZZ_CHECK(s.v >= 0 && s.v <= 1, "%s: score %g outside 0-1", what, s.v);
}

static void check_flag(const char *what, Flag f)
{
    check_state(what, f.st);
}

static void check_time(const char *what, Time t)
{
    check_state(what, t.st);
    if (t.st == FS_INVALID || t.raw) /* the text as sent, when it did not parse */
        fuzz_check_text(what, t.raw, false);
}

static void check_ref(const char *what, Ref r)
{
    FUZZ_CHECK(r.st <= REF_INVALID, "%s: ref state %d", what, (int)r.st);
    fuzz_check_text(what, r.id, false);
}

static void check_kv(const char *what, KVList l)
{
    FUZZ_CHECK(l.n == 0 || l.items, "%s: %zu rows, no array", what, l.n);
    for (size_t i = 0; i < l.n; i++) {
        fuzz_check_text(what, l.items[i].key, false);
        if (l.items[i].value) /* NULL: a header row for a nested object */
            fuzz_check_text(what, l.items[i].value, false);
    }
}

static void check_image(const char *what, const Image *im)
{
    check_ref(what, im->ref);
    check_str(what, im->url, false);
    check_str(what, im->failed_reason, false);
}

#define S(x) check_str(#x, d->x, false)
#define ML(x) check_str(#x, d->x, true)
#define T(x) check_time(#x, d->x)
#define R(x) check_ref(#x, d->x)
#define N(x) check_num(#x, d->x)
#define C(x) check_count(#x, d->x)
#define SC(x) check_score(#x, d->x)
#define F(x) check_flag(#x, d->x)
#define KVL(x) check_kv(#x, d->x)

static void check_subobjects(const Detail *d)
{
    R(project.ref); S(project.name); S(project.status); S(project.contact_email); S(project.default_language);
    F(project.demo_mode);

    R(flow.ref); S(flow.name); S(flow.type); S(flow.target); S(flow.status); N(flow.version);
    SC(flow.liveness_min); SC(flow.compare_min); SC(flow.search_min); C(flow.doc_attempt_limit);
    C(flow.liveness_attempt_limit); F(flow.verify_names); S(flow.email_gateway); S(flow.phone_gateway);
    KVL(flow.steps);

    R(email_val.ref); S(email_val.email); S(email_val.status); S(email_val.type); S(email_val.method);
    C(email_val.attempts); C(email_val.max_attempts); T(email_val.validated_at); T(email_val.expires_at);
    T(email_val.created_at); T(email_val.updated_at);

    R(phone_val.ref); S(phone_val.country_code); S(phone_val.phone); S(phone_val.gateway); S(phone_val.status);
    S(phone_val.type); S(phone_val.method); C(phone_val.attempts); C(phone_val.max_attempts);
    T(phone_val.validated_at); T(phone_val.expires_at); T(phone_val.created_at); T(phone_val.updated_at);

    R(bio.ref); S(bio.status); S(bio.type); S(bio.failed_reason); SC(bio.liveness); check_image("bio.face", &d->bio.face);
    T(bio.created_at); T(bio.updated_at);

    R(doc.ref); S(doc.status); S(doc.document_type); S(doc.category); S(doc.number); S(doc.country);
    S(doc.nationality); S(doc.validation_method); S(doc.input_method); S(doc.failed_reason);
    S(doc.manual_verification_reason); S(doc.info_supported_reason); S(doc.manual_name_decision);
    ML(doc.manual_name_note); S(doc.face_reason); S(doc.url); S(doc.back_url);
    F(doc.image_validated); F(doc.score_validated); F(doc.names_match); F(doc.info_supported);
    F(doc.document_live); N(doc.full_name_pct); N(doc.first_name_pct); N(doc.last_name_pct);
    KVL(doc.ocr); KVL(doc.registry); T(doc.created_at); T(doc.updated_at);

    R(info.ref); S(info.full_name); S(info.first_name); S(info.last_name); S(info.date_of_birth); S(info.gender);
    S(info.country); S(info.city); S(info.address); S(info.document_type); S(info.document_number);
    S(info.status); S(info.ip_address); S(info.user_agent); N(info.full_name_pct);

    R(person.ref); S(person.name); S(person.gender); S(person.nationality); S(person.status); SC(person.liveness);

    check_image("face", &d->face);
    check_image("document_face", &d->document_face);

    R(compare.ref); SC(compare.score); SC(compare.min_score); F(compare.passed); T(compare.compared_at);

    R(consent.ref); S(consent.status); S(consent.source); S(consent.privacy_url); S(consent.terms_url);
    T(consent.accepted_at);

    R(crypto_validation); R(form_submission); R(signature); R(access_control_log); R(assigned_collection);
}

static void check_lists(const Detail *d)
{
    FUZZ_CHECK(d->n_reviews == 0 || d->reviews, "reviews: no array");
    for (size_t i = 0; i < d->n_reviews; i++) {
        const ReviewEntry *r = &d->reviews[i];
        check_str("review.previous_status", r->previous_status, false);
        check_str("review.new_status", r->new_status, false);
        check_str("review.note", r->note, true);
        check_str("review.reviewer", r->reviewer, false);
        check_time("review.created_at", r->created_at);
    }
    FUZZ_CHECK(d->n_attempts == 0 || d->attempts, "attempts: no array");
    for (size_t i = 0; i < d->n_attempts; i++) {
        const Attempt *a = &d->attempts[i];
        FUZZ_CHECK(a->kind < FAIL__COUNT, "attempt kind %d", (int)a->kind);
        check_ref("attempt.ref", a->ref);
        check_str("attempt.reason_raw", a->reason_raw, false);
        fuzz_check_text("attempt.reason_code", a->reason_code, false);
        for (const char *p = a->reason_code; *p; p++)
            FUZZ_CHECK((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_',
                       "attempt.reason_code \"%s\" holds '%c'", a->reason_code, *p);
        check_score("attempt.score", a->score);
        check_str("attempt.status", a->status, false);
        check_str("attempt.document_type", a->document_type, false);
        check_str("attempt.category", a->category, false);
        check_str("attempt.country", a->country, false);
        check_time("attempt.at", a->at);
        /* "oldest first; attempts without a time last" */
        if (i > 0) {
            const Attempt *p = &d->attempts[i - 1];
            FUZZ_CHECK(!(p->at.st != FS_OK && a->at.st == FS_OK), "an attempt with a time after one without");
            if (p->at.st == FS_OK && a->at.st == FS_OK)
                FUZZ_CHECK(p->at.ms <= a->at.ms, "attempts out of time order");
        }
        fuzz_check_text("reason_text", reason_text(a->kind, a->reason_code), false);
    }
    KVL(red_flags_details);
    KVL(unknown);
}

static void check_detail(const Detail *d)
{
    fuzz_check_summary("parse_detail", d->summary);
    S(first_name); S(last_name); S(full_name); S(language); ML(notes); S(ip_address); S(user_agent);
    S(smart_link); S(client);
    T(created_at); T(updated_at); T(completed_at); T(expires_at);
    F(deleted); C(red_flags);
    check_subobjects(d);
    check_lists(d);
    if (d->raw_json) /* NULL only when cJSON could not print the record */
        fuzz_check_text("raw_json", d->raw_json, true);

    ReviewReason rr[REVIEW_REASONS_MAX];
    size_t n = review_reasons(d->summary, d, rr);
    FUZZ_CHECK(n <= REVIEW_REASONS_MAX, "%zu review reasons", n);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(rr[i].kind < RR__COUNT, "review reason kind %d", (int)rr[i].kind);
        fuzz_check_buf("review reason", rr[i].text, sizeof rr[i].text, false);
    }
    unsigned used, limit;
    liveness_attempts(d, &used, &limit);
    FUZZ_CHECK(used <= d->n_attempts, "%u liveness attempts counted of %zu", used, d->n_attempts);
    for (int k = 0; k < FAIL__COUNT; k++) {
        AttemptTally t;
        attempt_tally(NULL, d, (FailKind)k, &t);
        FUZZ_CHECK(t.counted + t.quality == t.failed && t.failed <= d->n_attempts, "tally %u+%u of %u",
                   t.counted, t.quality, t.failed);
    }
    /* The diagnosis at a few clocks: before, inside and long after the record's times. */
    static const int64_t clocks[] = { 0, 1748174400000LL, INT64_MAX / 4 };
    for (size_t c = 0; c < sizeof clocks / sizeof *clocks; c++) {
        Finding f[DIAGNOSIS_MAX];
        size_t nf = diagnose(d->summary, d, clocks[c], f);
        FUZZ_CHECK(nf <= DIAGNOSIS_MAX, "%zu findings", nf);
        for (size_t i = 0; i < nf; i++) {
            FUZZ_CHECK(f[i].kind < FD__COUNT && f[i].level <= FL_BAD, "finding kind %d", (int)f[i].kind);
            fuzz_check_buf("finding", f[i].text, sizeof f[i].text, false);
        }
    }
}

FUZZ_TARGET(detail)
{
    char *body = fuzz_dup(data, size);
    char err[200];
    memset(err, 0x5A, sizeof err);
    Detail *d = parse_detail(body, size, err, sizeof err);
    if (d) {
        check_detail(d);
        detail_free(d);
    } else {
        fuzz_check_buf("parse_detail's error", err, sizeof err, false);
        FUZZ_CHECK(strlen(err) > 10, "parse_detail failed without a sentence: \"%s\"", err);
    }
    free(body);
    return 0;
}
