/* The detail pane's first sections after the name: the reasons (why it needs review, or
 * why it is stuck) and the checks, one verdict per validation (detail_internal.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/diagnose.h"
#include "core/pii.h"
#include "core/reasons.h"
#include "core/steps.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "model/detail_internal.h"
#include "core/glyphs.h"
#include "core/labels.h"

/* First after the name: for a case in review, why it needs review; for any other, why it
 * is stuck (or how it ended): the list regdesk show prints, from core/reasons and
 * core/diagnose. */
static void build_review_reasons(DLines *d, const Summary *s, const Detail *det)
{
    ReviewReason rr[REVIEW_REASONS_MAX];
    size_t n = review_reasons(s, det, rr);
    char note[32];
    snprintf(note, sizeof note, "%zu", n);
    if (!dl_section(d, SEC_REASONS, "Why it needs review", note))
        return;
    if (!n)
        dl_wrap(d, IND, 2, SL_DIM, "No reason can be derived from what the API sent; see the checks and red flags.");
    for (size_t i = 0; i < n; i++) {
        char buf[240];
        fmt_bounded(buf, sizeof buf, "%s %s", glyph(GL_BAD), rr[i].text);
        dl_wrap(d, IND, 2, SL_BAD, buf);
    }
}

static void build_diagnosis(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    static const Glyph g[] = { [FL_INFO] = GL_INFO, [FL_WARN] = GL_WARN, [FL_BAD] = GL_BAD };
    static const Slot sl[] = { [FL_INFO] = SL_NORMAL, [FL_WARN] = SL_WARN, [FL_BAD] = SL_BAD };
    Finding f[DIAGNOSIS_MAX];
    size_t n = diagnose(s, det, c->now_ms, f);
    char note[32];
    snprintf(note, sizeof note, "%zu", n);
    if (!dl_section(d, SEC_REASONS, diagnosis_title(summary_status(s)), note))
        return;
    if (!n)
        dl_wrap(d, IND, 2, SL_DIM, "Nothing in what the API sent explains it.");
    for (size_t i = 0; i < n; i++) {
        char buf[300];
        fmt_bounded(buf, sizeof buf, "%s %s", glyph(g[f[i].level]), f[i].text);
        dl_wrap(d, IND, 2, sl[f[i].level], buf);
    }
}

void build_reasons(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    if (summary_status(s) == ST_NEEDS_MANUAL_VERIFICATION)
        build_review_reasons(d, s, det);
    else
        build_diagnosis(d, c, s, det);
}

typedef enum Verdict { V_OK, V_BAD, V_WARN, V_NONE } Verdict;

enum { CHECK_LABEL_W = 18 }; /* a glyph, a blank and the longest check's name */

/* "  ✓ Liveness         0.71 above the flow's minimum of 0.65", the value wrapped under
 * itself. */
static void check(DLines *d, Verdict v, const char *label, const char *value)
{
    static const Glyph g[] = { GL_OK, GL_BAD, GL_WARN, GL_INFO };
    static const Slot sl[] = { SL_GOOD, SL_BAD, SL_WARN, SL_DIM };
    char lab[40];
    snprintf(lab, sizeof lab, "%s %s", glyph(g[v]), label);
    dl_kv_as(d, IND, CHECK_LABEL_W, sl[v], lab, v == V_NONE ? SL_DIM : SL_NORMAL, value);
}

/* A sub-object that came as less than the object: what the API sent instead. */
static void check_ref(DLines *d, const char *label, Ref r)
{
    char buf[160];
    ref_state_text(r, buf, sizeof buf);
    check(d, V_NONE, label, buf);
}

static bool ok(FieldState st)
{
    return st == FS_OK;
}

static void check_liveness(DLines *d, const Detail *det)
{
    Score live = detail_liveness(det), min = det->flow.liveness_min;
    char buf[160];
    if (!ref_present(&det->bio.ref) && !ok(live.st))
        return;
    if (det->bio.ref.st == REF_ID && !ok(live.st)) {
        check_ref(d, label_title(LBL_LIVENESS), det->bio.ref);
    } else if (!ok(live.st)) {
        fmt_bounded(buf, sizeof buf, "no score%s%s", *det->bio.status.s ? "; status " : "", det->bio.status.s);
        check(d, V_WARN, label_title(LBL_LIVENESS), buf);
    } else if (ok(min.st)) {
        bool pass = live.v > min.v;
        snprintf(buf, sizeof buf, "%.2f %s the flow's minimum of %.2f", live.v, pass ? "above" : "not above", min.v);
        check(d, pass ? V_OK : V_BAD, label_title(LBL_LIVENESS), buf);
    } else {
        snprintf(buf, sizeof buf, "%.2f (%s)", live.v, flow_lacks(det, false));
        check(d, V_NONE, label_title(LBL_LIVENESS), buf);
    }
}

static void check_compare(DLines *d, const Detail *det)
{
    const Compare *c = &det->compare;
    char buf[160];
    if (c->ref.st == REF_POPULATED && ok(c->score.st)) {
        Score thr = ok(c->min_score.st) ? c->min_score : det->flow.compare_min;
        bool pass = ok(thr.st) ? c->score.v >= thr.v : (ok(c->passed.st) && c->passed.v);
        if (ok(thr.st))
            snprintf(buf, sizeof buf, "%.2f %s the threshold of %.2f", c->score.v, pass ? "meets" : "below",
                     thr.v);
        else
            snprintf(buf, sizeof buf, "%.2f (%s)", c->score.v, pass ? "passed" : "did not pass");
        check(d, pass ? V_OK : V_BAD, label_title(LBL_FACE_COMPARE), buf);
    } else if (c->ref.st == REF_ID) {
        check_ref(d, label_title(LBL_FACE_COMPARE), c->ref);
    } else if (det->face.ref.st != REF_ABSENT && det->face.ref.st != REF_NULL) {
        check(d, V_BAD, label_title(LBL_FACE_COMPARE), "never ran, although a selfie exists");
    }
}

/* The government registry's full name, if it answered. */
static const char *registry_name(const DocVal *doc)
{
    for (size_t i = 0; i < doc->registry.n; i++)
        if (doc->registry.items[i].value && !strcmp(doc->registry.items[i].key, "fullName"))
            return doc->registry.items[i].value;
    return NULL;
}

static void check_name(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    const DocVal *doc = &det->doc;
    if (doc->ref.st != REF_POPULATED || !ok(doc->full_name_pct.st))
        return;
    if (!(doc->image_validated.v && doc->score_validated.v)) {
        check(d, V_NONE, label_title(LBL_NAME_MATCH), "registry lookup did not run");
        return;
    }
    char regbuf[256], formbuf[256], buf[600];
    const char *reg = registry_name(doc);
    const char *form = *det->info.full_name.s ? det->info.full_name.s : summary_str(s, SS_NAME);
    if (reg)
        reg = mask_text(c->mask, PII_NAME, reg, regbuf, sizeof regbuf);
    form = mask_text(c->mask, PII_NAME, form, formbuf, sizeof formbuf);
    if (reg)
        fmt_bounded(buf, sizeof buf, "%.0f %%: registry \"%s\" vs \"%s\"", doc->full_name_pct.v, reg, form);
    else
        snprintf(buf, sizeof buf, "%.0f %% with the government registry", doc->full_name_pct.v);
    check(d, doc->full_name_pct.v < 80 ? V_BAD : V_OK, label_title(LBL_NAME_MATCH), buf);
}

/* ok/bad/warn for a validation's status word. */
static Verdict status_verdict(const char *st, const char *const *good, const char *const *bad)
{
    for (; *good; good++)
        if (!strcasecmp(st, *good))
            return V_OK;
    for (; *bad; bad++)
        if (!strcasecmp(st, *bad))
            return V_BAD;
    return V_WARN;
}

static void check_status(DLines *d, const char *label, const Ref *r, const Str *st, const char *extra)
{
    static const char *const good[] = { "validated", "completed", "accepted", "ACTIVE", "VALIDATED", NULL };
    static const char *const bad[] = { "failed", "expired", "FAILED", "NOT_FOUND", "EXPIRED", NULL };
    if (!ref_present(r))
        return;
    if (r->st != REF_POPULATED) {
        check_ref(d, label, *r);
        return;
    }
    char buf[300];
    fmt_bounded(buf, sizeof buf, "%s%s%s", *st->s ? st->s : "no status", extra && *extra ? "  " : "",
                extra ? extra : "");
    check(d, *st->s ? status_verdict(st->s, good, bad) : V_WARN, label, buf);
}

/* Attempts of a kind against the flow's limit, once there is something to count: a
 * failure, or the step done (a registration that has not reached it shows nothing, so
 * "0 of 3 used" never stands for a check not yet run). */
static void check_attempts(DLines *d, const Detail *det, FailKind k, const Ref *done, const char *label)
{
    AttemptTally t;
    attempt_tally(NULL, det, k, &t);
    if (!t.failed && done->st != REF_POPULATED)
        return;
    char tally[120], buf[200];
    attempt_tally_text(&t, tally, sizeof tally);
    if (t.limit)
        snprintf(buf, sizeof buf, "%s", tally);
    else
        snprintf(buf, sizeof buf, "%s (%s)", tally, flow_lacks(det, true));
    check(d, t.limit && t.counted >= t.limit ? V_BAD : t.counted ? V_WARN : V_OK, label, buf);
}

void build_checks(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    if (!dl_section(d, SEC_CHECKS, "Checks", NULL))
        return;
    size_t before = d->n;
    check_liveness(d, det);
    check_compare(d, det);
    check_name(d, c, s, det);
    char extra[200];
    fmt_bounded(extra, sizeof extra, "%s%s%s", det->doc.document_type.s, *det->doc.country.s ? ", " : "",
                det->doc.country.s);
    check_status(d, label_title(LBL_DOCUMENT), &det->doc.ref, &det->doc.status, extra);
    check_status(d, label_title(LBL_EMAIL), &det->email_val.ref, &det->email_val.status, NULL);
    fmt_bounded(extra, sizeof extra, "%s%s%s", *det->phone_val.gateway.s ? "(" : "", det->phone_val.gateway.s,
                *det->phone_val.gateway.s ? ")" : "");
    check_status(d, label_title(LBL_PHONE), &det->phone_val.ref, &det->phone_val.status, extra);
    check_status(d, "Consent", &det->consent.ref, &det->consent.status, NULL);
    check_attempts(d, det, FAIL_DOC, &det->doc.ref, "Document tries");
    check_attempts(d, det, FAIL_BIO, &det->bio.ref, "Liveness tries");
    if (d->n == before && !d->skipping)
        dl_wrap(d, IND, 0, SL_DIM, "No validation was sent with this record.");
}
