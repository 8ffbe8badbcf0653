/* The "why it is stuck" findings (diagnose.h). Each function below looks at one kind of
 * evidence and adds at most a few sentences; diagnose() calls them in the order support
 * reads them: where it is, what ran out, what failed last, what is still pending. */
#include "core/diagnose.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/reasons.h"
#include "core/steps.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "core/utf8.h"

typedef struct Dx {
    const Summary *s;
    const Detail *d;
    int64_t now;
    Finding *out;
    size_t n;
} Dx;

static void add(Dx *x, FindingKind kind, FindingLevel level, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void add(Dx *x, FindingKind kind, FindingLevel level, const char *fmt, ...)
{
    if (x->n >= DIAGNOSIS_MAX)
        return;
    Finding *f = &x->out[x->n++];
    f->kind = kind;
    f->level = level;
    char marked[MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    msg_vformat(marked, sizeof marked, fmt, ap); /* the record's text (QS) shrinks, the sentence stays */
    va_end(ap);
    msg_plain(f->text, sizeof f->text, marked);
}

/* "2026-12-01 10:11 UTC (2d ago)", or "(in 37m)" for a time still to come. */
static void when(const Dx *x, int64_t ms, char *buf, size_t n)
{
    char t[24], age[16];
    time_format_short(ms, t, sizeof t);
    time_format_age(ms <= x->now ? x->now - ms : ms - x->now, age, sizeof age);
    snprintf(buf, n, "%s UTC (%s%s%s)", t, ms <= x->now ? "" : "in ", age, ms <= x->now ? " ago" : "");
}

/* The record's last change: the detail's updatedAt, else the summary's. */
static int64_t last_change(const Dx *x)
{
    return x->d->updated_at.st == FS_OK ? x->d->updated_at.ms : x->s->updated_ms;
}

static int64_t created(const Dx *x)
{
    return x->d->created_at.st == FS_OK ? x->d->created_at.ms : x->s->created_ms;
}

/* ---- where it is -------------------------------------------------------------------- */

static void progress(Dx *x)
{
    Status st = summary_status(x->s);
    bool expired = st == ST_EXPIRED;
    const char *raw = summary_str(x->s, SS_STEP);
    char since[64] = "an unknown time";
    if (last_change(x) != TIME_NONE)
        when(x, last_change(x), since, sizeof since);
    if (step_is_last(raw)) {
        add(x, FD_LAST_STEP, FL_WARN, "It reported its last step (" QS "), but its status is still %s; the last "
            "change was %s.", step_label(raw), status_display(x->s, false), since);
        return;
    }
    if (!strcmp(step_label(raw), "not started")) {
        char born[64] = "an unknown time";
        if (created(x) != TIME_NONE)
            when(x, created(x), born, sizeof born);
        if (expired)
            add(x, FD_NOT_STARTED, FL_BAD, "It expired before the applicant reported any step (created %s).", born);
        else
            add(x, FD_NOT_STARTED, FL_WARN, "The applicant has not reported any step since it was created, %s.",
                born);
        return;
    }
    const char *next = step_next(raw, &x->d->flow);
    if (!next)
        add(x, FD_WAITING, FL_WARN, "The last step it reported is \"" QS "\"; nothing has changed since %s.", raw,
            since);
    else if (step_is_last(next))
        add(x, FD_WAITING, expired ? FL_BAD : FL_WARN, "It reported every step up to " QS " but never the final one "
            "(end)%s; %s %s.", step_label(raw), expired ? " before it expired" : "",
            expired ? "its last change was" : "nothing has changed since", since);
    else if (expired)
        add(x, FD_WAITING, FL_BAD, "It expired waiting on the %s step (the last one reported was " QS "); its last "
            "change was %s.", step_label(next), step_label(raw), since);
    else
        add(x, FD_WAITING, FL_WARN, "It waits on the %s step (the last one reported was " QS "); nothing has "
            "changed since %s.", step_label(next), step_label(raw), since);
}

/* expiresAt: while the registration is open, the link the applicant continues with. */
static void link(Dx *x)
{
    Time e = x->d->expires_at;
    if (e.st != FS_OK)
        return;
    char at[64];
    when(x, e.ms, at, sizeof at);
    if (e.ms <= x->now)
        add(x, FD_LINK_EXPIRED, FL_BAD, "Its registration link expired %s; send a new one with "
            "`regdesk resend-link %s`.", at, summary_str(x->s, SS_ID));
    else
        add(x, FD_LINK_VALID, FL_INFO, "Its registration link is valid until %s.", at);
}

/* ---- attempts ------------------------------------------------------------------------ */

static const char *kind_word(FailKind k)
{
    return k == FAIL_BIO ? "liveness" : k == FAIL_DOC ? "document" : k == FAIL_PHONE ? "phone" : "e-mail";
}

static void quality_note(const AttemptTally *t, char *buf, size_t n)
{
    if (t->quality)
        snprintf(buf, n, "; %u quality reject%s did not count", t->quality, t->quality == 1 ? "" : "s");
    else
        *buf = '\0';
}

/* Document and liveness attempts against the flow's limits: used up (a cause), or how
 * many are left. */
static void attempts(Dx *x, bool used_up)
{
    static const FailKind kinds[] = { FAIL_DOC, FAIL_BIO };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        AttemptTally t;
        attempt_tally(NULL, x->d, kinds[i], &t);
        char q[64];
        quality_note(&t, q, sizeof q);
        bool out = t.limit && t.counted >= t.limit;
        if (used_up && out)
            add(x, FD_ATTEMPTS_OUT, FL_BAD, "%u of %u %s attempts failed: none is left%s.", t.counted, t.limit,
                kind_word(kinds[i]), q);
        else if (!used_up && !out && t.failed && t.limit)
            add(x, FD_ATTEMPTS_LEFT, FL_INFO, "%u of %u %s attempts used, %u left%s.", t.counted, t.limit,
                kind_word(kinds[i]), t.limit - t.counted, q);
        else if (!used_up && t.failed && !t.limit)
            add(x, FD_ATTEMPTS_LEFT, FL_INFO, "%u %s attempt%s failed%s (the flow's limit is not loaded).", t.counted,
                kind_word(kinds[i]), t.counted == 1 ? "" : "s", q);
    }
}

/* The most recent failed attempt: attempts are oldest first, those without a time last. */
static void last_failure(Dx *x)
{
    const Detail *d = x->d;
    const Attempt *a = NULL;
    for (size_t i = 0; i < d->n_attempts; i++)
        if (!a || d->attempts[i].at.st == FS_OK)
            a = &d->attempts[i];
    if (!a)
        return;
    char at[72] = "";
    if (a->at.st == FS_OK) {
        strcpy(at, " on ");
        when(x, a->at.ms, at + 4, sizeof at - 4);
    }
    const char *kind = kind_word(a->kind);
    if (a->ref.st != REF_POPULATED) {
        add(x, FD_LAST_FAILURE, FL_WARN, "The last failure was a %s attempt; the API sent only its id (" QS ").", kind,
            *a->ref.id ? a->ref.id : "none");
    } else if (a->kind == FAIL_EMAIL || a->kind == FAIL_PHONE) {
        add(x, FD_LAST_FAILURE, FL_WARN, "The last failure was %s %s code%s: " QS ".",
            a->kind == FAIL_EMAIL ? "an" : "a", kind, at, attempt_text(a));
    } else {
        bool quality = a->kind == FAIL_BIO && reason_is_quality(a->reason_code);
        char score[32] = "";
        if (a->kind == FAIL_BIO && !quality && a->score.st == FS_OK)
            snprintf(score, sizeof score, ", score %.2f", a->score.v);
        add(x, FD_LAST_FAILURE, quality ? FL_INFO : FL_WARN, "The last failure was a %s attempt%s: " QS " [" QS "]%s%s.",
            kind, at, attempt_text(a), *a->reason_code ? a->reason_code : "no code", score,
            quality ? ", a quality reject that used no attempt" : "");
    }
}

/* ---- codes ------------------------------------------------------------------------------ */

/* A flow whose gateway for the channel is none (or off) sends no code. */
static bool gateway_off(const Detail *d, const Str *gw)
{
    if (d->flow.ref.st != REF_POPULATED)
        return false;
    return !*gw->s || !strcmp(gw->s, "none") || !strcmp(gw->s, "off") || !strcmp(gw->s, "disabled");
}

static void code(Dx *x, FailKind k, Ref ref, Str status, Time sent, const char *to, bool off)
{
    AttemptTally t;
    attempt_tally(NULL, x->d, k, &t);
    const char *ch = kind_word(k);
    if (ref.st == REF_POPULATED && strcmp(status.s, "validated") && !off) {
        char at[72] = "";
        if (sent.st == FS_OK) {
            strcpy(at, " on ");
            when(x, sent.ms, at + 4, sizeof at - 4);
        }
        char earlier[48] = "";
        if (t.failed)
            snprintf(earlier, sizeof earlier, "; %u earlier code%s failed", t.failed, t.failed == 1 ? "" : "s");
        add(x, FD_CODE_PENDING, FL_WARN, "The %s code sent%s" QS "%s was never confirmed (status " QS ")%s.", ch,
            *to ? " to " : "", to, at, *status.s ? status.s : "none", earlier);
    } else if (ref.st != REF_POPULATED && t.failed) {
        add(x, FD_CODES_FAILED, FL_WARN, "%u %s code%s failed and none was confirmed.", t.failed, ch,
            t.failed == 1 ? "" : "s");
    }
}

static void codes(Dx *x)
{
    const Detail *d = x->d;
    const EmailVal *e = &d->email_val;
    const PhoneVal *p = &d->phone_val;
    char phone[512]; /* longer than a sentence has room for: it shrinks there (add) */
    fmt_bounded(phone, sizeof phone, "%s%s%s", p->country_code.s, *p->country_code.s ? " " : "", p->phone.s);
    code(x, FAIL_EMAIL, e->ref, e->status, e->created_at.st == FS_OK ? e->created_at : e->updated_at, e->email.s,
         gateway_off(d, &d->flow.email_gateway));
    code(x, FAIL_PHONE, p->ref, p->status, p->created_at.st == FS_OK ? p->created_at : p->updated_at, phone,
         gateway_off(d, &d->flow.phone_gateway));
}

/* ---- how it ended ------------------------------------------------------------------------ */

static void ended(Dx *x)
{
    Status st = summary_status(x->s);
    Time done = x->d->completed_at;
    int64_t at_ms = done.st == FS_OK ? done.ms : last_change(x);
    char at[64] = "an unknown time";
    if (at_ms != TIME_NONE)
        when(x, at_ms, at, sizeof at);
    if (st == ST_COMPLETED)
        add(x, FD_ENDED, FL_INFO, "It completed on %s; nothing is pending.", at);
    else if (st == ST_COMPLETED_WITHOUT_KYC)
        add(x, FD_ENDED, FL_INFO, "It finished without KYC (the flow let the applicant skip it) on %s.", at);
    else
        add(x, FD_ENDED, FL_BAD, "It ended FAILED on %s.", at);
}

/* The review log's last entry, when it set the status the record has now. */
static void decided(Dx *x)
{
    const Detail *d = x->d;
    if (!d->n_reviews)
        return;
    const ReviewEntry *r = &d->reviews[d->n_reviews - 1];
    if (status_parse(r->new_status.s, strlen(r->new_status.s)) != summary_status(x->s))
        return;
    char at[72] = "", note[160] = "";
    if (r->created_at.st == FS_OK) {
        strcpy(at, " on ");
        when(x, r->created_at.ms, at + 4, sizeof at - 4);
    }
    if (*r->note.s) {
        size_t len = strlen(r->note.s), cut = utf8_prefix(r->note.s, len, 100);
        snprintf(note, sizeof note, ": \"%.*s%s\"", (int)cut, r->note.s, cut < len ? "…" : "");
    }
    add(x, FD_DECIDED, FL_INFO, "%s%s" QS " set it to %s%s%s.", r->by_staff ? "Verifik staff" : "A reviewer",
        *r->reviewer.s ? " " : "", r->reviewer.s, status_display(x->s, false), at, note);
}

static void checks(Dx *x)
{
    ReviewReason rr[REVIEW_REASONS_MAX];
    size_t n = failed_checks(x->d, rr);
    for (size_t i = 0; i < n; i++)
        add(x, FD_CHECK_FAILED, FL_BAD, "%s", rr[i].text);
}

size_t diagnose(const Summary *s, const Detail *d, int64_t now_ms, Finding *out)
{
    Dx x = { s, d, now_ms, out, 0 };
    Status st = summary_status(s);
    if (st == ST_NEEDS_MANUAL_VERIFICATION)
        return 0;
    if (status_is_final(st)) {
        ended(&x);
        decided(&x);
        if (st == ST_FAILED) {
            attempts(&x, true);
            checks(&x);
            codes(&x);
            last_failure(&x);
        }
    } else {
        progress(&x);
        link(&x);
        attempts(&x, true);
        last_failure(&x);
        codes(&x);
        attempts(&x, false);
    }
    if (d->deleted.st == FS_OK && d->deleted.v)
        add(&x, FD_DELETED, FL_WARN, "The record is marked deleted.");
    return x.n;
}

const char *diagnosis_title(Status st)
{
    return status_is_final(st) || st == ST_EXPIRED ? "How it ended" : "Why it is stuck";
}

const char *finding_kind_name(FindingKind k)
{
    static const char *const names[FD__COUNT] = {
        [FD_WAITING] = "waiting",          [FD_NOT_STARTED] = "notStarted",     [FD_LAST_STEP] = "lastStep",
        [FD_LINK_EXPIRED] = "linkExpired", [FD_LINK_VALID] = "linkValid",       [FD_ATTEMPTS_OUT] = "attemptsUsedUp",
        [FD_ATTEMPTS_LEFT] = "attemptsLeft", [FD_LAST_FAILURE] = "lastFailure", [FD_CODE_PENDING] = "codePending",
        [FD_CODES_FAILED] = "codesFailed", [FD_CHECK_FAILED] = "checkFailed",   [FD_DECIDED] = "decided",
        [FD_ENDED] = "ended",              [FD_DELETED] = "deleted",
    };
    return k < FD__COUNT ? names[k] : "?";
}
