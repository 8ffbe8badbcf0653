#include "core/reasons.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Legacy provider codes Verifik's dashboard maps onto its own (reference §3.6). */
static const struct { const char *legacy, *code; } legacy_codes[] = {
    { "err_liveness_face_close_to_border", "face_close_to_border" },
    { "err_liveness_face_too_small", "face_too_far" },
    { "err_multiple_faces_detected", "multiple_faces_detected" },
    { "err_no_face_detected", "no_face_detected" },
};

void reason_normalize(const char *raw, char *out, size_t n)
{
    const char *p = raw;
    while (*p == ' ')
        p++;
    if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[2]) &&
        p[3] == ':')
        p += 4; /* "409:" */
    size_t len = 0;
    /* A code is [A-Za-z0-9_]; whatever follows ("@0.45", a blank, stack text, a
     * sanitised line break) is not part of it. */
    while ((isalnum((unsigned char)p[len]) || p[len] == '_') && len + 1 < n) {
        out[len] = (char)tolower((unsigned char)p[len]);
        len++;
    }
    out[len] = '\0';
    for (size_t i = 0; i < sizeof legacy_codes / sizeof *legacy_codes; i++)
        if (!strcmp(out, legacy_codes[i].legacy))
            snprintf(out, n, "%s", legacy_codes[i].code);
}

typedef struct ReasonText {
    const char *code, *text;
    bool quality;
} ReasonText;

static const ReasonText bio_reasons[] = {
    { "face_close_to_border", "Face too close to the edge of the picture", true },
    { "face_not_centered", "Face not centred in the picture", true },
    { "face_occluded", "Face partly covered", true },
    { "face_rotation_too_large", "Head turned too far", true },
    { "face_too_close", "Face too close to the camera", true },
    { "face_too_far", "Face too far from the camera", true },
    { "multiple_faces_detected", "More than one face in the picture", true },
    { "no_face_detected", "No face found in the picture", true },
    { "poor_lighting", "Lighting too poor", true },
    { "liveness_failed", "Liveness check failed (score too low)", false },
    { "liveness_error", "Liveness check could not run", false },
};

static const ReasonText doc_reasons[] = {
    { "document_number_is_not_extracted", "Document number could not be read", false },
    { "document_type_not_detected", "Document type not recognised", false },
    { "existing_document_validation_with_document_number",
      "Document number already used in another registration", false },
    { "image_is_required", "No document image was sent", false },
    { "insecure_image_url", "Document image URL refused as insecure", false },
    { "prompt_template_not_found", "No scan template for this document", false },
    { "unspecified", "Document scan failed (no reason given)", false },
};

static const ReasonText *lookup(const ReasonText *t, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(t[i].code, code))
            return &t[i];
    return NULL;
}

#define LOOKUP(table, code) lookup(table, sizeof table / sizeof *table, code)

bool reason_is_quality(const char *code)
{
    const ReasonText *r = LOOKUP(bio_reasons, code);
    return r && r->quality;
}

const char *reason_text(FailKind kind, const char *code)
{
    const ReasonText *r = NULL;
    if (kind == FAIL_BIO)
        r = LOOKUP(bio_reasons, code);
    else if (kind == FAIL_DOC)
        r = LOOKUP(doc_reasons, code);
    if (r)
        return r->text;
    if (kind == FAIL_DOC)
        return "Document scan failed";
    return *code ? "Failed" : "Failed (no reason recorded)";
}

const char *attempt_text(const Attempt *a)
{
    if ((a->kind == FAIL_EMAIL || a->kind == FAIL_PHONE) && !*a->reason_code) {
        if (!strcmp(a->status.s, "expired"))
            return "Code expired before it was entered";
        if (!strcmp(a->status.s, "failed"))
            return "Code refused";
    }
    return reason_text(a->kind, a->reason_code);
}

/* ---- Manual-review reasons --------------------------------------------------------- */

static bool score_ok(Score s)
{
    return s.st == FS_OK;
}

/* The liveness score: the biometric validation's, else the person's. */
static Score liveness_score(const Detail *d)
{
    return score_ok(d->bio.liveness) ? d->bio.liveness : d->person.liveness;
}

static void add(ReviewReason *out, size_t *n, ReviewReasonKind kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add(ReviewReason *out, size_t *n, ReviewReasonKind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    out[*n].kind = kind;
    vsnprintf(out[*n].text, sizeof out[*n].text, fmt, ap);
    va_end(ap);
    (*n)++;
}

static void compare_reasons(const Detail *d, ReviewReason *out, size_t *n)
{
    const Compare *c = &d->compare;
    Score flow_min = d->flow.compare_min;
    if (c->ref.st == REF_POPULATED && score_ok(c->score)) {
        Score used = score_ok(c->min_score) ? c->min_score : flow_min;
        if (score_ok(used) && c->score.v < used.v)
            add(out, n, RR_COMPARE_BELOW, "Face compare scored %.2f, below the threshold of %.2f.",
                c->score.v, used.v);
        else if (!score_ok(used) && c->passed.st == FS_OK && !c->passed.v)
            add(out, n, RR_COMPARE_BELOW, "Face compare scored %.2f and did not pass.", c->score.v);
        if (score_ok(c->min_score) && score_ok(flow_min) && fabs(c->min_score.v - flow_min.v) > 0.0005)
            add(out, n, RR_COMPARE_STALE_THRESHOLD,
                "Face compare ran with threshold %.2f; the flow now requires %.2f.", c->min_score.v,
                flow_min.v);
        return;
    }
    if (c->ref.st == REF_ID)
        return; /* it ran; the result is just not loaded */
    /* It never ran. Say why only from what is there: a document that was scanned but
     * yielded no portrait, or a selfie with nothing to compare it to. A documentFace
     * that is null before any document was scanned means "not done yet". */
    const Image *df = &d->document_face;
    bool doc_scanned = d->doc.ref.st == REF_POPULATED || d->doc.ref.st == REF_ID;
    bool no_doc_face = !strcmp(d->doc.face_reason.s, "document_face_not_provided") ||
                       (df->ref.st == REF_POPULATED && !df->has_image) || (doc_scanned && df->ref.st == REF_NULL);
    bool selfie = d->face.ref.st == REF_ID || d->face.ref.st == REF_POPULATED || d->bio.face.has_image;
    if (no_doc_face)
        add(out, n, RR_COMPARE_NO_DOC_FACE,
            "Face compare could not run: no portrait was found on the document.");
    else if (selfie && (df->ref.st == REF_ID || df->ref.st == REF_POPULATED))
        add(out, n, RR_COMPARE_NOT_RUN, "Face compare never ran, although the selfie and the document "
                                        "portrait are both there.");
    else if (selfie && doc_scanned)
        add(out, n, RR_COMPARE_NOT_RUN, "Face compare never ran, although a selfie exists.");
}

static void document_reasons(const Detail *d, ReviewReason *out, size_t *n)
{
    const DocVal *doc = &d->doc;
    if (doc->ref.st != REF_POPULATED)
        return;
    bool lookup_ran = doc->image_validated.v && doc->score_validated.v;
    if (lookup_ran && doc->full_name_pct.st == FS_OK && doc->full_name_pct.v < 80)
        add(out, n, RR_NAME_MATCH_LOW,
            "Name match with the government registry is %.0f %% (below 80 %%).", doc->full_name_pct.v);
    if (status_parse(doc->status.s, strlen(doc->status.s)) == ST_NEEDS_MANUAL_VERIFICATION)
        add(out, n, RR_DOC_NEEDS_REVIEW, "The document check itself asked for manual review.");
    if (!strcasecmp(doc->category.s, "Unknown"))
        add(out, n, RR_DOC_CATEGORY_UNKNOWN, "The document's category could not be determined.");
    const char *why = doc->manual_verification_reason.s;
    if (!strcmp(why, "validation_timeout"))
        add(out, n, RR_MANUAL_REASON, "The government registry did not answer in time.");
    else if (!strcmp(why, "manual_review_requested"))
        add(out, n, RR_MANUAL_REASON, "A manual review was requested for this document.");
    else if (*why)
        add(out, n, RR_MANUAL_REASON, "Manual review reason given by the server: %s.", why);
}

size_t review_reasons(const Summary *s, const Detail *d, ReviewReason *out)
{
    /* A reason explains a review. Elsewhere the same evidence means something else (a
     * failed registration ran out of attempts, a started one has not reached the
     * step): core/diagnose says that. */
    return summary_status(s) == ST_NEEDS_MANUAL_VERIFICATION ? failed_checks(d, out) : 0;
}

size_t failed_checks(const Detail *d, ReviewReason *out)
{
    size_t n = 0;
    compare_reasons(d, out, &n);
    Score live = liveness_score(d), min = d->flow.liveness_min;
    if (score_ok(live) && score_ok(min) && live.v <= min.v)
        add(out, &n, RR_LIVENESS_LOW, "Liveness scored %.2f, at or below the flow's minimum of %.2f.",
            live.v, min.v);
    document_reasons(d, out, &n);
    return n;
}

static unsigned flow_limit(const Detail *d, FailKind k)
{
    Num lim = k == FAIL_BIO ? d->flow.liveness_attempt_limit : k == FAIL_DOC ? d->flow.doc_attempt_limit : (Num){ 0 };
    return lim.st == FS_OK && lim.v >= 1 && lim.v < 1000 ? (unsigned)lim.v : 0;
}

void attempt_tally(const Summary *s, const Detail *d, FailKind k, AttemptTally *out)
{
    *out = (AttemptTally){ 0 };
    if (d) {
        for (size_t i = 0; i < d->n_attempts; i++) {
            const Attempt *a = &d->attempts[i];
            if (a->kind != k)
                continue;
            out->failed++;
            out->quality += k == FAIL_BIO && reason_is_quality(a->reason_code);
        }
        out->limit = flow_limit(d, k);
    } else {
        out->failed = s->failed[k];
        out->quality = k == FAIL_BIO && s->bio_quality <= s->failed[k] ? s->bio_quality : 0;
    }
    out->counted = out->failed - out->quality;
}

void attempt_tally_text(const AttemptTally *t, char *buf, size_t n)
{
    int k = t->limit ? snprintf(buf, n, "%u of %u used", t->counted, t->limit)
                     : snprintf(buf, n, "%u failed", t->counted);
    if (t->quality && k >= 0 && (size_t)k < n)
        snprintf(buf + k, n - (size_t)k, "; %u quality reject%s did not count", t->quality,
                 t->quality == 1 ? "" : "s");
}

void liveness_attempts(const Detail *d, unsigned *used, unsigned *limit)
{
    AttemptTally t;
    attempt_tally(NULL, d, FAIL_BIO, &t);
    *used = t.counted;
    *limit = t.limit;
}
