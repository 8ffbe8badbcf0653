/* The detail pane's red flags and failed attempts (moved out of detail_sections.c, which
 * calls them in its order). */
#include <stdio.h>

#include "core/labels.h"
#include "core/reasons.h"
#include "core/timeutil.h"
#include "model/detail_internal.h"

void build_flags(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    unsigned count = det && det->red_flags.st == FS_OK ? (unsigned)det->red_flags.v : s->red_flags;
    size_t details = det ? det->red_flags_details.n : 0;
    if (!count && !details && !(s->invalid & SUMF_REDFLAGS))
        return;
    char note[48];
    snprintf(note, sizeof note, "%u", count);
    if (!dl_section(d, SEC_FLAGS, label_title(LBL_RED_FLAGS), note))
        return;
    if (s->invalid & SUMF_REDFLAGS)
        dl_wrap(d, IND, 0, SL_INVALID, "The red flag count arrived with the wrong type.");
    if (!det)
        dl_wrap(d, IND, 0, SL_DIM, "Their details come with the full record.");
    else if (!details)
        dl_wrap(d, IND, 0, SL_DIM, "No details were sent (redFlagsDetails is empty).");
    else
        kv_list(d, c->mask, &det->red_flags_details, IND);
}

enum { ATTEMPT_HANG = IND + 24 }; /* under the reason, past the time and the kind */

static void attempt_line(DLines *d, const DetailCtx *c, const Attempt *a)
{
    char when[32] = "     -     ";
    if (a->at.st == FS_OK) {
        char iso[32];
        time_format_iso(a->at.ms, iso, sizeof iso);
        snprintf(when, sizeof when, "%.5s %.5s", iso + 5, iso + 11);
    }
    dl_begin(d, IND);
    dl_add(d, SL_DIM, when);
    dl_addf(d, SL_NORMAL, "  %-9s ", failkind_label(a->kind));
    if (a->ref.st != REF_POPULATED) {
        char state[160];
        ref_state_text(a->ref, state, sizeof state);
        dl_add_wrap(d, SL_DIM, state, ATTEMPT_HANG);
        dl_end(d);
        return;
    }
    if (a->kind == FAIL_EMAIL || a->kind == FAIL_PHONE) { /* a code carries no reason */
        dl_add_wrap(d, SL_BAD, attempt_text(a), ATTEMPT_HANG);
        dl_end(d);
        return;
    }
    bool quality = a->kind == FAIL_BIO && reason_is_quality(a->reason_code);
    dl_add_wrap(d, quality ? SL_WARN : SL_BAD, reason_text(a->kind, a->reason_code), ATTEMPT_HANG);
    if (a->kind == FAIL_BIO && a->score.st == FS_OK && !quality)
        dl_addf(d, SL_NORMAL, ", scored %.2f", a->score.v);
    if (quality)
        dl_add(d, SL_DIM, "; quality, not counted");
    if (c->raw_codes && *a->reason_raw.s) {
        dl_add(d, SL_DIM, " [");
        dl_add(d, SL_DIM, a->reason_raw.s);
        dl_add(d, SL_DIM, "]");
    }
    dl_end(d);
}

void build_attempts(DLines *d, const DetailCtx *c, const Summary *s, const Detail *det)
{
    unsigned total = summary_failed_total(s);
    size_t n = det ? det->n_attempts : 0;
    if (!total && !n)
        return;
    char note[96];
    unsigned quality = 0;
    for (int k = 0; k < FAIL__COUNT; k++) {
        AttemptTally t;
        attempt_tally(s, det, (FailKind)k, &t);
        quality += t.quality;
    }
    size_t shown = det ? n : total;
    if (quality) /* the words regdesk show uses */
        snprintf(note, sizeof note, "%zu (%zu used an attempt, %u quality reject%s did not)", shown,
                 shown - quality, quality, quality == 1 ? "" : "s");
    else
        snprintf(note, sizeof note, "%zu", shown);
    if (!dl_section(d, SEC_ATTEMPTS, label_title(LBL_FAILED_ATTEMPTS), note))
        return;
    if (!det) {
        char buf[200];
        snprintf(buf, sizeof buf, "email %u, phone %u, document %u, liveness %u; the reasons come with the "
                                  "full record.",
                 s->failed[FAIL_EMAIL], s->failed[FAIL_PHONE], s->failed[FAIL_DOC], s->failed[FAIL_BIO]);
        dl_wrap(d, IND, 2, SL_DIM, buf);
        return;
    }
    for (size_t i = 0; i < n; i++)
        attempt_line(d, c, &det->attempts[i]);
}
