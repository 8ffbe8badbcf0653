/* `regdesk show --format json`: the typed detail as one JSON object. */
#include "cli/jsonw.h"
#include "cli/show.h"
#include "cli/show_internal.h"
#include "core/diagnose.h"
#include "core/reasons.h"

static void score(JsonW *w, const char *key, Score s)
{
    if (s.st == FS_OK)
        jw_num(w, key, s.v);
    else
        jw_null(w, key);
}

static void num(JsonW *w, const char *key, Num n)
{
    if (n.st == FS_OK)
        jw_num(w, key, n.v);
    else
        jw_null(w, key);
}

static void time_field(JsonW *w, const char *key, Time t)
{
    jw_time(w, key, t.st == FS_OK ? t.ms : TIME_NONE);
}

static void ref_obj(JsonW *w, const char *key, Ref r, const char *name)
{
    jw_object(w, key);
    jw_text(w, "id", r.id);
    jw_text(w, "name", name);
    jw_end(w, '}');
}

static void kv_array(JsonW *w, const char *key, const KVList *kv)
{
    jw_array(w, key);
    for (size_t i = 0; i < kv->n; i++) {
        jw_object(w, NULL);
        jw_str(w, "key", kv->items[i].key);
        jw_str(w, "value", kv->items[i].value);
        jw_uint(w, "depth", kv->items[i].depth);
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

static void identity(JsonW *w, const Detail *d)
{
    const Summary *s = d->summary;
    jw_text(w, "id", summary_str(s, SS_ID));
    jw_text(w, "status", show_status(s));
    jw_text(w, "step", summary_str(s, SS_STEP));
    jw_text(w, "name", summary_str(s, SS_NAME));
    jw_text(w, "email", summary_str(s, SS_EMAIL));
    jw_text(w, "phone", summary_str(s, SS_PHONE));
    jw_text(w, "countryCode", summary_str(s, SS_COUNTRY_CODE));
    jw_text(w, "language", d->language.s);
    ref_obj(w, "project", d->project.ref, d->project.name.s);
    ref_obj(w, "flow", d->flow.ref, d->flow.name.s);
    time_field(w, "createdAt", d->created_at);
    time_field(w, "updatedAt", d->updated_at);
    time_field(w, "completedAt", d->completed_at);
    time_field(w, "expiresAt", d->expires_at);
}

static void contact(JsonW *w, const char *key, Ref ref, Str status, Num attempts, Num max)
{
    jw_object(w, key);
    jw_str(w, "state", show_ref_word(ref));
    jw_text(w, "status", status.s);
    num(w, "attempts", attempts);
    num(w, "maxAttempts", max);
    jw_end(w, '}');
}

static void validations(JsonW *w, const Detail *d)
{
    ShowScores sc;
    show_scores(d, &sc);
    contact(w, "emailValidation", d->email_val.ref, d->email_val.status, d->email_val.attempts,
            d->email_val.max_attempts);
    contact(w, "phoneValidation", d->phone_val.ref, d->phone_val.status, d->phone_val.attempts,
            d->phone_val.max_attempts);
    jw_object(w, "liveness");
    score(w, "score", sc.live);
    score(w, "minimum", sc.live_min);
    jw_uint(w, "attemptsUsed", sc.live_tries.counted);
    if (sc.live_tries.limit)
        jw_uint(w, "attemptLimit", sc.live_tries.limit);
    else
        jw_null(w, "attemptLimit");
    jw_end(w, '}');
    jw_object(w, "faceCompare");
    score(w, "score", sc.compare);
    score(w, "threshold", sc.threshold);
    jw_bool(w, "passed", sc.compare_passed);
    jw_end(w, '}');
    const DocVal *doc = &d->doc;
    jw_object(w, "document");
    jw_str(w, "state", show_ref_word(doc->ref));
    jw_text(w, "status", doc->status.s);
    jw_text(w, "type", doc->document_type.s);
    jw_text(w, "number", doc->number.s);
    jw_text(w, "country", doc->country.s);
    num(w, "fullNameMatchPct", doc->full_name_pct);
    num(w, "firstNameMatchPct", doc->first_name_pct);
    num(w, "lastNameMatchPct", doc->last_name_pct);
    kv_array(w, "registry", &doc->registry);
    jw_end(w, '}');
}

/* "attempts": {"biometric": {"failed", "counted", "qualityRejects", "limit"}, …} */
static void tallies(JsonW *w, const Detail *d)
{
    jw_object(w, "attempts");
    for (int k = 0; k < FAIL__COUNT; k++) {
        AttemptTally t;
        attempt_tally(NULL, d, (FailKind)k, &t);
        jw_object(w, failkind_name((FailKind)k));
        jw_uint(w, "failed", t.failed);
        jw_uint(w, "counted", t.counted);
        jw_uint(w, "qualityRejects", t.quality);
        if (t.limit)
            jw_uint(w, "limit", t.limit);
        else
            jw_null(w, "limit");
        jw_end(w, '}');
    }
    jw_end(w, '}');
}

static void attempts(JsonW *w, const Detail *d)
{
    tallies(w, d);
    jw_array(w, "failedAttempts");
    for (size_t i = 0; i < d->n_attempts; i++) {
        const Attempt *a = &d->attempts[i];
        jw_object(w, NULL);
        jw_str(w, "kind", failkind_name(a->kind));
        jw_text(w, "id", a->ref.id);
        jw_bool(w, "loaded", a->ref.st == REF_POPULATED);
        time_field(w, "at", a->at);
        jw_text(w, "code", a->reason_code);
        jw_str(w, "reason", a->ref.st == REF_POPULATED ? attempt_text(a) : NULL);
        jw_text(w, "raw", a->reason_raw.s);
        score(w, "score", a->score);
        jw_bool(w, "qualityReject", a->kind == FAIL_BIO && reason_is_quality(a->reason_code));
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

/* "diagnosis": [{"kind", "level", "text"}], empty for a registration in review. */
static void diagnosis(JsonW *w, const Detail *d, int64_t now)
{
    static const char *const levels[] = { "info", "warn", "bad" };
    Finding f[DIAGNOSIS_MAX];
    size_t n = diagnose(d->summary, d, now, f);
    jw_array(w, "diagnosis");
    for (size_t i = 0; i < n; i++) {
        jw_object(w, NULL);
        jw_str(w, "kind", finding_kind_name(f[i].kind));
        jw_str(w, "level", levels[f[i].level]);
        jw_str(w, "text", f[i].text);
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

static void reviews(JsonW *w, const Detail *d)
{
    ReviewReason rr[REVIEW_REASONS_MAX];
    size_t n = review_reasons(d->summary, d, rr);
    jw_array(w, "reviewReasons");
    for (size_t i = 0; i < n; i++)
        jw_str(w, NULL, rr[i].text);
    jw_end(w, ']');
    jw_array(w, "reviewHistory");
    for (size_t i = 0; i < d->n_reviews; i++) {
        const ReviewEntry *r = &d->reviews[i];
        jw_object(w, NULL);
        time_field(w, "at", r->created_at);
        jw_text(w, "previousStatus", r->previous_status.s);
        jw_text(w, "newStatus", r->new_status.s);
        jw_text(w, "note", r->note.s);
        jw_text(w, "reviewer", r->reviewer.s);
        jw_bool(w, "byStaff", r->by_staff);
        jw_end(w, '}');
    }
    jw_end(w, ']');
}

void show_json(const Detail *d, int64_t now_ms, StrBuf *b)
{
    JsonW w;
    jw_init(&w, b);
    jw_object(&w, NULL);
    identity(&w, d);
    diagnosis(&w, d, now_ms);
    validations(&w, d);
    if (d->red_flags.st == FS_INVALID)
        jw_null(&w, "redFlags");
    else
        jw_uint(&w, "redFlags", d->summary->red_flags);
    kv_array(&w, "redFlagsDetails", &d->red_flags_details);
    attempts(&w, d);
    reviews(&w, d);
    jw_text(&w, "notes", d->notes.s);
    jw_end(&w, '}');
    strbuf_putc(b, '\n');
}
