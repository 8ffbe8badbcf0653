/* `regdesk show` as text: identity, why it needs review, validations with their scores
 * against the thresholds, red flags, failed attempts, review history, notes. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/show.h"
#include "cli/show_internal.h"
#include "core/diagnose.h"
#include "core/labels.h"
#include "core/reasons.h"
#include "core/safetext.h"
#include "core/steps.h"
#include "core/timeutil.h"

enum { LABEL = 14, RAW_COLS = 80 };

static void row(StrBuf *b, const char *label, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* "  label         value" */
static void row(StrBuf *b, const char *label, const char *fmt, ...)
{
    strbuf_printf(b, "  %-*s", LABEL, label);
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(b, fmt, ap);
    va_end(ap);
    strbuf_putc(b, '\n');
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "—";
}

static void time_cell(Time t, char *buf, size_t n)
{
    if (t.st == FS_OK) {
        char s[24];
        time_format_short(t.ms, s, sizeof s);
        snprintf(buf, n, "%s UTC", s);
    } else if (t.st == FS_INVALID) {
        snprintf(buf, n, "invalid (%s)", t.raw ? t.raw : "?");
    } else {
        snprintf(buf, n, "—");
    }
}

/* Multi-line text indented under its heading. */
static void indented(StrBuf *b, const char *indent, const char *text)
{
    strbuf_puts(b, indent);
    for (const char *p = text; *p; p++) {
        strbuf_putc(b, *p);
        if (*p == '\n' && p[1])
            strbuf_puts(b, indent);
    }
    strbuf_putc(b, '\n');
}

static void identity(const Detail *d, int64_t now, unsigned mask, StrBuf *b)
{
    const Summary *s = d->summary;
    StrBuf t1 = STRBUF_INIT;
    strbuf_printf(b, "%s — %s (step: %s)\n", or_dash(show_masked(mask, PII_NAME, summary_str(s, SS_NAME), &t1)),
                  show_status(s), step_label(summary_str(s, SS_STEP)));
    row(b, label(LBL_ID), "%s", summary_str(s, SS_ID));
    row(b, label(LBL_EMAIL), "%s", or_dash(show_masked(mask, PII_EMAIL, summary_str(s, SS_EMAIL), &t1)));
    const char *cc = summary_str(s, SS_COUNTRY_CODE), *phone = show_masked(mask, PII_PHONE, summary_str(s, SS_PHONE), &t1);
    row(b, label(LBL_PHONE), "%s%s%s", cc, *cc && *phone ? " " : "", *phone ? phone : (*cc ? "" : "—"));
    if (d->doc.ref.st == REF_POPULATED)
        row(b, label(LBL_DOCUMENT), "%s %s%s%s%s", or_dash(d->doc.document_type.s),
            or_dash(show_masked(mask, PII_DOCUMENT, d->doc.number.s, &t1)), *d->doc.country.s ? " (" : "",
            d->doc.country.s, *d->doc.country.s ? ")" : "");
    strbuf_free(&t1);
    row(b, label(LBL_PROJECT), "%s (%s)", or_dash(d->project.name.s), or_dash(d->project.ref.id));
    row(b, label(LBL_FLOW), "%s (%s)", or_dash(d->flow.name.s[0] ? d->flow.name.s : d->flow.type.s), or_dash(d->flow.ref.id));
    if (*d->language.s)
        row(b, label(LBL_LANGUAGE), "%s", d->language.s);
    char t[96], age[16] = "";
    time_cell(d->created_at, t, sizeof t);
    if (d->created_at.st == FS_OK)
        time_format_age(now - d->created_at.ms, age, sizeof age);
    row(b, label(LBL_CREATED), "%s%s%s%s", t, *age ? " (" : "", age, *age ? " ago)" : "");
    const struct { const char *label; Time t; } times[] = {
        { label(LBL_UPDATED), d->updated_at }, { label(LBL_COMPLETED), d->completed_at }, { label(LBL_EXPIRES), d->expires_at } };
    for (size_t i = 0; i < sizeof times / sizeof *times; i++)
        if (times[i].t.st != FS_ABSENT || i == 0) {
            time_cell(times[i].t, t, sizeof t);
            row(b, times[i].label, "%s", t);
        }
}

/* First after the identity: why it needs review, or for any other status why it is
 * stuck (or how it ended). */
static void reasons(const Detail *d, int64_t now, unsigned mask, StrBuf *b)
{
    StrBuf t = STRBUF_INIT; /* a finding may quote the address a code went to */
    Status st = summary_status(d->summary);
    if (st != ST_NEEDS_MANUAL_VERIFICATION) {
        Finding f[DIAGNOSIS_MAX];
        size_t n = diagnose(d->summary, d, now, f);
        strbuf_printf(b, "\n%s\n", diagnosis_title(st));
        if (!n)
            strbuf_puts(b, "  nothing in what the API sent explains it\n");
        for (size_t i = 0; i < n; i++)
            strbuf_printf(b, "  • %s\n", show_masked_text(mask, f[i].text, &t));
        strbuf_free(&t);
        return;
    }
    ReviewReason rr[REVIEW_REASONS_MAX];
    size_t n = review_reasons(d->summary, d, rr);
    strbuf_puts(b, "\nWhy it needs review\n");
    if (!n)
        strbuf_puts(b, "  no reason can be derived from what the API sent; see the checks and red flags\n");
    for (size_t i = 0; i < n; i++)
        strbuf_printf(b, "  • %s\n", show_masked_text(mask, rr[i].text, &t));
    strbuf_free(&t);
}

static void contact_validation(StrBuf *b, const char *label, Ref ref, Str status, Num attempts, Num max)
{
    if (ref.st != REF_POPULATED) {
        char state[200];
        ref_state_text(ref, state, sizeof state);
        row(b, label, "%s", state);
        return;
    }
    char tries[64] = "";
    if (attempts.st == FS_OK && max.st == FS_OK)
        snprintf(tries, sizeof tries, " (attempt %.0f of %.0f)", attempts.v, max.v);
    row(b, label, "%s%s", or_dash(status.s), tries);
}

static void biometrics(const Detail *d, StrBuf *b)
{
    ShowScores sc;
    show_scores(d, &sc);
    char line[160];
    if (sc.live.st == FS_OK && sc.live_min.st == FS_OK)
        snprintf(line, sizeof line, "%.2f against a minimum of %.2f: %s", sc.live.v, sc.live_min.v,
                 sc.live.v > sc.live_min.v ? "passed" : "at or below the minimum");
    else if (sc.live.st == FS_OK)
        snprintf(line, sizeof line, "%.2f (%s)", sc.live.v, flow_lacks(d, false));
    else if (d->bio.ref.st == REF_POPULATED)
        snprintf(line, sizeof line, "no score");
    else
        ref_state_text(d->bio.ref, line, sizeof line);
    row(b, label(LBL_LIVENESS), "%s", line);
    attempt_tally_text(&sc.live_tries, line, sizeof line);
    if (sc.live_tries.limit && (sc.live_tries.failed || d->bio.ref.st == REF_POPULATED))
        row(b, "", "attempts %s", line);
    else if (sc.live_tries.failed || d->bio.ref.st == REF_POPULATED)
        row(b, "", "attempts %s (%s)", line, flow_lacks(d, true));
    if (sc.compare.st == FS_OK && sc.threshold.st == FS_OK)
        snprintf(line, sizeof line, "%.2f against a threshold of %.2f: %s", sc.compare.v, sc.threshold.v,
                 sc.compare_passed ? "passed" : "below the threshold");
    else if (sc.compare.st == FS_OK)
        snprintf(line, sizeof line, "%.2f: %s", sc.compare.v, sc.compare_passed ? "passed" : "did not pass");
    else if (d->compare.ref.st == REF_POPULATED)
        snprintf(line, sizeof line, "no score in its result");
    else
        ref_state_text(d->compare.ref, line, sizeof line);
    row(b, label(LBL_FACE_COMPARE), "%s", line);
}

/* Failed document scans against the flow's limit, when there were any. */
static void document_tries(const Detail *d, StrBuf *b)
{
    AttemptTally t;
    attempt_tally(NULL, d, FAIL_DOC, &t);
    char line[96];
    attempt_tally_text(&t, line, sizeof line);
    if (t.failed || d->doc.ref.st == REF_POPULATED)
        row(b, "", "attempts %s", line);
}

static void kv_rows(StrBuf *b, const KVList *kv, unsigned mask, const char *first);

static void document(const Detail *d, unsigned mask, StrBuf *b)
{
    const DocVal *doc = &d->doc;
    if (doc->ref.st != REF_POPULATED) {
        char state[200];
        ref_state_text(doc->ref, state, sizeof state);
        row(b, label(LBL_DOCUMENT), "%s", state);
        document_tries(d, b);
        return;
    }
    row(b, label(LBL_DOCUMENT), "%s, %s %s", or_dash(doc->status.s), or_dash(doc->document_type.s), doc->category.s);
    document_tries(d, b);
    if (doc->full_name_pct.st == FS_OK) {
        char parts[64] = "";
        if (doc->first_name_pct.st == FS_OK && doc->last_name_pct.st == FS_OK)
            snprintf(parts, sizeof parts, " (first names %.0f %%, last names %.0f %%)", doc->first_name_pct.v,
                     doc->last_name_pct.v);
        row(b, label(LBL_NAME_MATCH), "%.0f %% with the government registry%s", doc->full_name_pct.v, parts);
    }
    kv_rows(b, &doc->registry, mask, "registry says");
}

static void validations(const Detail *d, unsigned mask, StrBuf *b)
{
    strbuf_puts(b, "\nValidations\n");
    contact_validation(b, label(LBL_EMAIL), d->email_val.ref, d->email_val.status, d->email_val.attempts,
                       d->email_val.max_attempts);
    contact_validation(b, label(LBL_PHONE), d->phone_val.ref, d->phone_val.status, d->phone_val.attempts,
                       d->phone_val.max_attempts);
    biometrics(d, b);
    document(d, mask, b);
}

/* Key/value rows, each value masked by its key; with `first`, as rows under that label
 * (only the rows with a value), else indented by depth. */
static void kv_rows(StrBuf *b, const KVList *kv, unsigned mask, const char *first)
{
    StrBuf v = STRBUF_INIT;
    bool any = false;
    for (size_t i = 0; i < kv->n; i++) {
        const KV *e = &kv->items[i];
        strbuf_reset(&v);
        mask_kv_value(mask, e->key, e->value, &v);
        if (first && e->value)
            row(b, any ? "" : first, "%s: %s", e->key, strbuf_cstr(&v));
        else if (!first)
            strbuf_printf(b, "  %*s%s%s%s\n", 2 * e->depth, "", e->key, e->value ? ": " : "", strbuf_cstr(&v));
        any |= e->value != NULL;
    }
    strbuf_free(&v);
    if (kv->truncated && !first)
        strbuf_puts(b, "  … (more rows than regdesk keeps)\n");
}

static void red_flags(const Detail *d, unsigned mask, StrBuf *b)
{
    if (d->red_flags.st == FS_INVALID)
        strbuf_printf(b, "\n%s: (invalid count)\n", label_title(LBL_RED_FLAGS));
    else
        strbuf_printf(b, "\n%s: %u\n", label_title(LBL_RED_FLAGS), d->summary->red_flags);
    kv_rows(b, &d->red_flags_details, mask, NULL);
}

static void attempt_line(const Attempt *a, StrBuf *b)
{
    char when[24] = "—               ", score[32] = ""; /* 16 columns, like a time */
    if (a->at.st == FS_OK)
        time_format_short(a->at.ms, when, sizeof when);
    strbuf_printf(b, "  %s  %-9s  ", when, failkind_label(a->kind));
    if (a->ref.st != REF_POPULATED) {
        strbuf_printf(b, "(the API sent only its id: %s)\n", or_dash(a->ref.id));
        return;
    }
    bool quality = a->kind == FAIL_BIO && reason_is_quality(a->reason_code);
    if (a->kind == FAIL_BIO && a->score.st == FS_OK && !quality) /* a quality reject was never scored */
        snprintf(score, sizeof score, ", score %.2f", a->score.v);
    strbuf_printf(b, "%s [%s]%s%s\n", attempt_text(a), or_dash(a->reason_code), score,
                  quality ? " — quality reject, did not use an attempt" : "");
    if (*a->reason_raw.s && strcmp(a->reason_raw.s, a->reason_code)) {
        size_t cut = safetext_fit(a->reason_raw.s, RAW_COLS, NULL);
        strbuf_printf(b, "  %-16s  %-9s  raw: %.*s%s\n", "", "", (int)cut, a->reason_raw.s,
                      a->reason_raw.s[cut] ? "…" : "");
    }
}

/* "Failed attempts: 5 (3 used an attempt, 2 quality rejects did not)". */
static void attempts(const Detail *d, StrBuf *b)
{
    unsigned quality = 0;
    for (int k = 0; k < FAIL__COUNT; k++) {
        AttemptTally t;
        attempt_tally(NULL, d, (FailKind)k, &t);
        quality += t.quality;
    }
    strbuf_printf(b, "\n%s: %zu", label_title(LBL_FAILED_ATTEMPTS), d->n_attempts);
    if (quality)
        strbuf_printf(b, " (%zu used an attempt, %u quality reject%s did not)", d->n_attempts - quality, quality,
                      quality == 1 ? "" : "s");
    strbuf_putc(b, '\n');
    for (size_t i = 0; i < d->n_attempts; i++)
        attempt_line(&d->attempts[i], b);
}

static void history(const Detail *d, unsigned mask, StrBuf *b)
{
    StrBuf t = STRBUF_INIT;
    strbuf_printf(b, "\n%s: %zu\n", label_title(LBL_REVIEW_HISTORY), d->n_reviews);
    for (size_t i = 0; i < d->n_reviews; i++) {
        const ReviewEntry *r = &d->reviews[i];
        char when[96];
        time_cell(r->created_at, when, sizeof when);
        strbuf_printf(b, "  %s  %s → %s  by %s%s\n", when, or_dash(r->previous_status.s), or_dash(r->new_status.s),
                      or_dash(show_masked_text(mask, r->reviewer.s, &t)), r->by_staff ? " (Verifik staff)" : "");
        if (*r->note.s)
            indented(b, "      ", show_masked_text(mask, r->note.s, &t));
    }
    strbuf_free(&t);
}

void show_text(const Detail *d, int64_t now_ms, unsigned mask, StrBuf *b)
{
    identity(d, now_ms, mask, b);
    reasons(d, now_ms, mask, b);
    validations(d, mask, b);
    red_flags(d, mask, b);
    attempts(d, b);
    history(d, mask, b);
    if (*d->notes.s) {
        StrBuf t = STRBUF_INIT;
        strbuf_printf(b, "\n%s\n", label_title(LBL_NOTES));
        indented(b, "  ", show_masked_text(mask, d->notes.s, &t));
        strbuf_free(&t);
    }
}
