/* Decisions around the request (decision.h). */
#include "core/decision.h"

#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/timeutil.h"

/* The same list as the config's reason_labels default (issue 13's settings table). */
const char *const DECISION_LABELS_DEFAULT[] = {
    "document unreadable", "document expired",       "face mismatch",   "liveness failed",
    "name mismatch",       "duplicate registration", "suspected fraud", "verified manually",
};
const size_t DECISION_LABELS_DEFAULT_N = sizeof DECISION_LABELS_DEFAULT / sizeof *DECISION_LABELS_DEFAULT;

DecisionBase decision_base(const Summary *s, const Detail *d)
{
    return (DecisionBase){ summary_status(s), d ? (long)d->n_reviews : -1, s->updated_ms };
}

const ReviewEntry *decision_last_review(const Detail *d)
{
    const ReviewEntry *last = NULL;
    for (size_t i = 0; d && i < d->n_reviews; i++) {
        const ReviewEntry *r = &d->reviews[i];
        /* Log order, unless the times say otherwise (an entry without a time loses). */
        if (!last || r->created_at.st != FS_OK || last->created_at.st != FS_OK ||
            r->created_at.ms >= last->created_at.ms)
            last = r;
    }
    return last;
}

static void ago(int64_t now_ms, const Time *t, char *buf, size_t n)
{
    buf[0] = '\0';
    if (t->st != FS_OK)
        return;
    char age[16];
    time_format_age(now_ms - t->ms, age, sizeof age);
    snprintf(buf, n, " %s ago", age);
}

void decision_who(const Detail *d, int64_t now_ms, char *buf, size_t n)
{
    const ReviewEntry *r = decision_last_review(d);
    buf[0] = '\0';
    if (!r)
        return;
    char when[32];
    ago(now_ms, &r->created_at, when, sizeof when);
    fmt_bounded(buf, n, "%s%s%s%s%s", *r->new_status.s ? r->new_status.s : "decided", when,
                *r->reviewer.s ? " by " : "", r->reviewer.s, r->by_staff ? " (Verifik staff)" : "");
}

bool decision_changed(const DecisionBase *opened, const Detail *fresh, int64_t now_ms, char *why, size_t n)
{
    const Summary *s = fresh->summary;
    bool status = summary_status(s) != opened->status;
    bool log = opened->n_reviews >= 0 ? (long)fresh->n_reviews != opened->n_reviews
                                      : s->updated_ms != opened->updated_ms && fresh->n_reviews > 0;
    if (!status && !log)
        return false;
    const ReviewEntry *r = decision_last_review(fresh);
    if (log && r) {
        char when[32];
        ago(now_ms, &r->created_at, when, sizeof when);
        const char *as = *r->new_status.s ? r->new_status.s : status_display(s, false);
        fmt_bounded(why, n, "decided%s%s%s%s as %s", when, *r->reviewer.s ? " by " : "", r->reviewer.s,
                    r->by_staff ? " (Verifik staff)" : "", as);
    } else {
        fmt_bounded(why, n, "its status is now %s", status_display(s, false));
    }
    return true;
}

Landed decision_landed(const DecisionBase *before, Status to, const Detail *fresh)
{
    DecisionBase now = decision_base(fresh->summary, fresh);
    if (now.status == before->status && (before->n_reviews < 0 || now.n_reviews == before->n_reviews))
        return LANDED_NO;
    const ReviewEntry *r = decision_last_review(fresh);
    bool one_more = before->n_reviews < 0 || now.n_reviews == before->n_reviews + 1;
    if (now.status == to && one_more && r && status_parse(r->new_status.s, strlen(r->new_status.s)) == to)
        return LANDED_YES;
    return LANDED_OTHER;
}

bool decision_answer_lost(int http)
{
    return http == 0 || (http >= 200 && http < 300) || http >= 500;
}

/* Bytes of the configured label note starts with ("label" alone, or "label: "), or 0. */
static size_t label_prefix(const char *note, const char *const *labels, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(labels[i]);
        if (!strncmp(note, labels[i], k) && (note[k] == '\0' || !strncmp(note + k, ": ", 2)))
            return note[k] ? k + 2 : k;
    }
    return 0;
}

void decision_note_with_label(const char *note, const char *const *labels, size_t n, const char *label, char *out,
                              size_t outn)
{
    fmt_bounded(out, outn, "%s: %s", label, note + label_prefix(note, labels, n));
}
