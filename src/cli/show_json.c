/* `regdesk show --format json`: the typed detail as one JSON object. */
#include "core/jsonw.h"
#include "cli/show.h"
#include "cli/show_internal.h"
#include "core/diagnose.h"
#include "core/reasons.h"

static void score(JsonOut *w, const char *key, Score s)
{
    if (s.st == FS_OK)
        jo_num(w, key, s.v);
    else
        jo_null(w, key);
}

static void num(JsonOut *w, const char *key, Num n)
{
    if (n.st == FS_OK)
        jo_num(w, key, n.v);
    else
        jo_null(w, key);
}

static void time_field(JsonOut *w, const char *key, Time t)
{
    jo_time(w, key, t.st == FS_OK ? t.ms : TIME_NONE);
}

static void ref_obj(JsonOut *w, const char *key, Ref r, const char *name)
{
    jo_object(w, key);
    jo_text(w, "id", r.id);
    jo_text(w, "name", name);
    jo_end(w, '}');
}

static void kv_array(JsonOut *w, const char *key, const KVList *kv, unsigned mask)
{
    StrBuf v = STRBUF_INIT;
    jo_array(w, key);
    for (size_t i = 0; i < kv->n; i++) {
        jo_object(w, NULL);
        jo_str(w, "key", kv->items[i].key);
        strbuf_reset(&v);
        mask_kv_value(mask, kv->items[i].key, kv->items[i].value, &v);
        jo_str(w, "value", kv->items[i].value ? strbuf_cstr(&v) : NULL);
        jo_uint(w, "depth", kv->items[i].depth);
        jo_end(w, '}');
    }
    jo_end(w, ']');
    strbuf_free(&v);
}

static void identity(JsonOut *w, const Detail *d, unsigned mask)
{
    const Summary *s = d->summary;
    StrBuf t = STRBUF_INIT;
    jo_text(w, "id", summary_str(s, SS_ID));
    jo_text(w, "status", show_status(s));
    jo_text(w, "step", summary_str(s, SS_STEP));
    jo_text(w, "name", show_masked(mask, PII_NAME, summary_str(s, SS_NAME), &t));
    jo_text(w, "email", show_masked(mask, PII_EMAIL, summary_str(s, SS_EMAIL), &t));
    jo_text(w, "phone", show_masked(mask, PII_PHONE, summary_str(s, SS_PHONE), &t));
    strbuf_free(&t);
    jo_text(w, "countryCode", summary_str(s, SS_COUNTRY_CODE));
    jo_text(w, "language", d->language.s);
    ref_obj(w, "project", d->project.ref, d->project.name.s);
    ref_obj(w, "flow", d->flow.ref, d->flow.name.s);
    time_field(w, "createdAt", d->created_at);
    time_field(w, "updatedAt", d->updated_at);
    time_field(w, "completedAt", d->completed_at);
    time_field(w, "expiresAt", d->expires_at);
}

static void contact(JsonOut *w, const char *key, Ref ref, Str status, Num attempts, Num max)
{
    jo_object(w, key);
    jo_str(w, "state", show_ref_word(ref));
    jo_text(w, "status", status.s);
    num(w, "attempts", attempts);
    num(w, "maxAttempts", max);
    jo_end(w, '}');
}

static void validations(JsonOut *w, const Detail *d, unsigned mask)
{
    StrBuf t = STRBUF_INIT;
    ShowScores sc;
    show_scores(d, &sc);
    contact(w, "emailValidation", d->email_val.ref, d->email_val.status, d->email_val.attempts,
            d->email_val.max_attempts);
    contact(w, "phoneValidation", d->phone_val.ref, d->phone_val.status, d->phone_val.attempts,
            d->phone_val.max_attempts);
    jo_object(w, "liveness");
    score(w, "score", sc.live);
    score(w, "minimum", sc.live_min);
    jo_uint(w, "attemptsUsed", sc.live_tries.counted);
    if (sc.live_tries.limit)
        jo_uint(w, "attemptLimit", sc.live_tries.limit);
    else
        jo_null(w, "attemptLimit");
    jo_end(w, '}');
    jo_object(w, "faceCompare");
    score(w, "score", sc.compare);
    score(w, "threshold", sc.threshold);
    jo_bool(w, "passed", sc.compare_passed);
    jo_end(w, '}');
    const DocVal *doc = &d->doc;
    jo_object(w, "document");
    jo_str(w, "state", show_ref_word(doc->ref));
    jo_text(w, "status", doc->status.s);
    jo_text(w, "type", doc->document_type.s);
    jo_text(w, "number", show_masked(mask, PII_DOCUMENT, doc->number.s, &t));
    jo_text(w, "country", doc->country.s);
    num(w, "fullNameMatchPct", doc->full_name_pct);
    num(w, "firstNameMatchPct", doc->first_name_pct);
    num(w, "lastNameMatchPct", doc->last_name_pct);
    kv_array(w, "registry", &doc->registry, mask);
    jo_end(w, '}');
    strbuf_free(&t);
}

/* "attempts": {"biometric": {"failed", "counted", "qualityRejects", "limit"}, …} */
static void tallies(JsonOut *w, const Detail *d)
{
    jo_object(w, "attempts");
    for (int k = 0; k < FAIL__COUNT; k++) {
        AttemptTally t;
        attempt_tally(NULL, d, (FailKind)k, &t);
        jo_object(w, failkind_name((FailKind)k));
        jo_uint(w, "failed", t.failed);
        jo_uint(w, "counted", t.counted);
        jo_uint(w, "qualityRejects", t.quality);
        if (t.limit)
            jo_uint(w, "limit", t.limit);
        else
            jo_null(w, "limit");
        jo_end(w, '}');
    }
    jo_end(w, '}');
}

static void attempts(JsonOut *w, const Detail *d)
{
    tallies(w, d);
    jo_array(w, "failedAttempts");
    for (size_t i = 0; i < d->n_attempts; i++) {
        const Attempt *a = &d->attempts[i];
        jo_object(w, NULL);
        jo_str(w, "kind", failkind_name(a->kind));
        jo_text(w, "id", a->ref.id);
        jo_bool(w, "loaded", a->ref.st == REF_POPULATED);
        time_field(w, "at", a->at);
        jo_text(w, "code", a->reason_code);
        jo_str(w, "reason", a->ref.st == REF_POPULATED ? attempt_text(a) : NULL);
        jo_text(w, "raw", a->reason_raw.s);
        score(w, "score", a->score);
        jo_bool(w, "qualityReject", a->kind == FAIL_BIO && reason_is_quality(a->reason_code));
        jo_end(w, '}');
    }
    jo_end(w, ']');
}

/* "diagnosis": [{"kind", "level", "text"}], empty for a registration in review. */
static void diagnosis(JsonOut *w, const Detail *d, int64_t now, unsigned mask)
{
    StrBuf t = STRBUF_INIT; /* a finding may quote the address a code went to */
    static const char *const levels[] = { "info", "warn", "bad" };
    Finding f[DIAGNOSIS_MAX];
    size_t n = diagnose(d->summary, d, now, f);
    jo_array(w, "diagnosis");
    for (size_t i = 0; i < n; i++) {
        jo_object(w, NULL);
        jo_str(w, "kind", finding_kind_name(f[i].kind));
        jo_str(w, "level", levels[f[i].level]);
        jo_str(w, "text", show_masked_text(mask, f[i].text, &t));
        jo_end(w, '}');
    }
    jo_end(w, ']');
    strbuf_free(&t);
}

static void reviews(JsonOut *w, const Detail *d, unsigned mask)
{
    StrBuf t = STRBUF_INIT;
    ReviewReason rr[REVIEW_REASONS_MAX];
    size_t n = review_reasons(d->summary, d, rr);
    jo_array(w, "reviewReasons");
    for (size_t i = 0; i < n; i++)
        jo_str(w, NULL, show_masked_text(mask, rr[i].text, &t));
    jo_end(w, ']');
    jo_array(w, "reviewHistory");
    for (size_t i = 0; i < d->n_reviews; i++) {
        const ReviewEntry *r = &d->reviews[i];
        jo_object(w, NULL);
        time_field(w, "at", r->created_at);
        jo_text(w, "previousStatus", r->previous_status.s);
        jo_text(w, "newStatus", r->new_status.s);
        jo_text(w, "note", show_masked_text(mask, r->note.s, &t));
        jo_text(w, "reviewer", show_masked_text(mask, r->reviewer.s, &t));
        jo_bool(w, "byStaff", r->by_staff);
        jo_end(w, '}');
    }
    jo_end(w, ']');
    strbuf_free(&t);
}

void show_json(const Detail *d, int64_t now_ms, unsigned mask, StrBuf *b)
{
    JsonOut w;
    StrBuf t = STRBUF_INIT;
    jo_init(&w, b);
    jo_object(&w, NULL);
    identity(&w, d, mask);
    diagnosis(&w, d, now_ms, mask);
    validations(&w, d, mask);
    if (d->red_flags.st == FS_INVALID)
        jo_null(&w, "redFlags");
    else
        jo_uint(&w, "redFlags", d->summary->red_flags);
    kv_array(&w, "redFlagsDetails", &d->red_flags_details, mask);
    attempts(&w, d);
    reviews(&w, d, mask);
    jo_text(&w, "notes", show_masked_text(mask, d->notes.s, &t));
    jo_end(&w, '}');
    strbuf_putc(b, '\n');
    strbuf_free(&t);
}
