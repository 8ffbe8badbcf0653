/* Helpers shared by the text and JSON renderings of `show`. */
#include "cli/show_internal.h"

#include <stdio.h>

#include "core/reasons.h"

const char *show_status(const Summary *s)
{
    const char *t = status_display(s, false);
    return *t ? t : status_name(ST_UNKNOWN);
}

const char *show_masked(unsigned mask, PiiKind k, const char *v, StrBuf *tmp)
{
    strbuf_reset(tmp);
    mask_text_append(mask, k, v, tmp);
    return strbuf_cstr(tmp);
}

const char *show_masked_text(unsigned mask, const char *v, StrBuf *tmp)
{
    strbuf_reset(tmp);
    mask_free_text(mask, v, tmp);
    return strbuf_cstr(tmp);
}

const char *show_ref_word(Ref r)
{
    static const char *const words[] = { [REF_ABSENT] = "absent", [REF_NULL] = "null", [REF_ID] = "idOnly",
                                          [REF_POPULATED] = "loaded", [REF_INVALID] = "invalid" };
    return words[r.st];
}

void show_scores(const Detail *d, ShowScores *out)
{
    out->live = d->bio.liveness.st == FS_OK ? d->bio.liveness : d->person.liveness;
    out->live_min = d->flow.liveness_min;
    out->compare = d->compare.score;
    out->threshold = d->compare.min_score.st == FS_OK ? d->compare.min_score : d->flow.compare_min;
    if (d->compare.passed.st == FS_OK)
        out->compare_passed = d->compare.passed.v;
    else
        out->compare_passed = out->compare.st == FS_OK && out->threshold.st == FS_OK &&
                              out->compare.v >= out->threshold.v;
    attempt_tally(NULL, d, FAIL_BIO, &out->live_tries);
}
