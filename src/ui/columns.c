/* List columns: definitions, layout by width, cell text. */
#include "ui/columns.h"

#include <stdio.h>
#include <string.h>

#include "core/sla.h"
#include "core/strbuf.h"
#include "core/timeutil.h"

typedef struct ColDef {
    const char *name, *title;
    int min, max;
    int prio;   /* lower stays longer when the terminal is narrow */
    int weight; /* share of spare width (0 = fixed at min) */
    bool right;
} ColDef;

static const ColDef defs[COL__COUNT] = {
    [COL_STATUS] = { "status", "Status", 7, 7, 0, 0, false },
    [COL_AGE] = { "age", "Age", 4, 4, 2, 0, true },
    [COL_NAME] = { "name", "Name", 18, 36, 1, 5, false },
    [COL_EMAIL] = { "email", "Email", 20, 36, 3, 5, false },
    [COL_PHONE] = { "phone", "Phone", 14, 16, 7, 1, false },
    [COL_STEP] = { "step", "Step", 10, 16, 4, 1, false },
    [COL_FLAGS] = { "flags", "Flg", 3, 3, 5, 0, true },
    [COL_FAILED] = { "failed", "Fail", 4, 4, 6, 0, true },
    [COL_CREATED] = { "created", "Created (UTC)", 16, 16, 8, 0, false },
    [COL_UPDATED] = { "updated", "Updated (UTC)", 16, 16, 9, 0, false },
    [COL_ID] = { "id", "Id", 24, 24, 10, 0, false },
    [COL_DOC] = { "doc", "Document", 10, 16, 11, 1, false },
};

const char *column_title(ColId c)
{
    return defs[c].title;
}

bool column_right_aligned(ColId c)
{
    return defs[c].right;
}

int column_for_sort(SortKey k)
{
    switch (k) {
    case SORT_CREATED: return COL_CREATED;
    case SORT_UPDATED: return COL_UPDATED;
    case SORT_AGE: return COL_AGE;
    case SORT_STATUS: return COL_STATUS;
    case SORT_FLAGS: return COL_FLAGS;
    case SORT_FAILED: return COL_FAILED;
    case SORT_NAME: return COL_NAME;
    case SORT_EMAIL: return COL_EMAIL;
    default: return -1;
    }
}

bool columns_parse(const char *spec, ColumnSet *out, char *err, size_t n)
{
    out->n = 0;
    bool seen[COL__COUNT] = { false };
    const char *p = spec;
    while (*p) {
        size_t len = strcspn(p, ", ");
        if (len) {
            int found = -1;
            for (int c = 0; c < COL__COUNT; c++)
                if (strlen(defs[c].name) == len && !strncmp(defs[c].name, p, len))
                    found = c;
            if (found < 0 || seen[found]) {
                fmt_bounded(err, n, "%s column \"%.*s\"; columns are status, age, name, email, phone, step, "
                                    "flags, failed, created, updated, id, doc",
                            found < 0 ? "unknown" : "repeated", (int)len, p);
                return false;
            }
            seen[found] = true;
            out->order[out->n++] = (ColId)found;
        }
        p += len;
        p += strspn(p, ", ");
    }
    if (out->n == 0) {
        snprintf(err, n, "no columns given");
        return false;
    }
    return true;
}

static int total_width(const ColumnLayout *l)
{
    int t = 0;
    for (int i = 0; i < l->n; i++)
        t += l->w[i] + (i ? 1 : 0);
    return t;
}

/* Drops the least important droppable column; false when none is left to drop. */
static bool drop_one(ColumnLayout *l)
{
    int worst = -1;
    for (int i = 0; i < l->n; i++) {
        ColId c = l->id[i];
        if (c == COL_STATUS || c == COL_NAME)
            continue;
        if (worst < 0 || defs[c].prio > defs[l->id[worst]].prio)
            worst = i;
    }
    if (worst < 0)
        return false;
    memmove(l->id + worst, l->id + worst + 1, (size_t)(l->n - worst - 1) * sizeof *l->id);
    memmove(l->w + worst, l->w + worst + 1, (size_t)(l->n - worst - 1) * sizeof *l->w);
    l->n--;
    return true;
}

/* Hands spare columns to the flexible ones by weight, up to their maximum. */
static void spread(ColumnLayout *l, int spare)
{
    while (spare > 0) {
        int weights = 0;
        for (int i = 0; i < l->n; i++)
            if (l->w[i] < defs[l->id[i]].max)
                weights += defs[l->id[i]].weight;
        if (!weights)
            return;
        int given = 0;
        for (int i = 0; i < l->n && given < spare; i++) {
            const ColDef *d = &defs[l->id[i]];
            if (!d->weight || l->w[i] >= d->max)
                continue;
            int share = spare * d->weight / weights;
            if (share < 1)
                share = 1;
            if (share > d->max - l->w[i])
                share = d->max - l->w[i];
            if (share > spare - given)
                share = spare - given;
            l->w[i] += share;
            given += share;
        }
        if (!given)
            return;
        spare -= given;
    }
}

void columns_layout(const ColumnSet *set, int width, ColumnLayout *out)
{
    out->n = set->n;
    for (int i = 0; i < set->n; i++) {
        out->id[i] = set->order[i];
        out->w[i] = defs[set->order[i]].min;
    }
    while (total_width(out) > width && drop_one(out)) {
    }
    int over = total_width(out) - width;
    for (int i = out->n - 1; i >= 0 && over > 0; i--) { /* a tiny terminal: squeeze */
        int cut = out->w[i] - 1 < over ? out->w[i] - 1 : over;
        out->w[i] -= cut;
        over -= cut;
    }
    if (over < 0)
        spread(out, -over);
    int x = 0;
    for (int i = 0; i < out->n; i++) {
        out->x[i] = x;
        x += out->w[i] + 1;
    }
}

/* ---- cells ------------------------------------------------------------------------------ */

Slot status_slot(Status st)
{
    switch (st) {
    case ST_NEEDS_MANUAL_VERIFICATION: return SL_BADGE_REVIEW;
    case ST_ONGOING: return SL_BADGE_ONGOING;
    case ST_STARTED: return SL_BADGE_STARTED;
    case ST_COMPLETED: return SL_BADGE_DONE;
    case ST_COMPLETED_WITHOUT_KYC: return SL_BADGE_NOKYC;
    case ST_FAILED: return SL_BADGE_FAILED;
    case ST_EXPIRED: return SL_BADGE_EXPIRED;
    default: return SL_BADGE_OTHER;
    }
}

/* Text of a string field; a field that arrived with the wrong type is marked. */
static void text_cell(const Summary *s, SumStr f, uint32_t bad_bit, const char *empty, Cell *out)
{
    const char *v = summary_str(s, f);
    if (s->invalid & bad_bit) {
        snprintf(out->text, sizeof out->text, "%s", *v ? v : "(invalid)");
        out->slot = SL_INVALID;
    } else if (!*v) {
        snprintf(out->text, sizeof out->text, "%s", empty);
        out->slot = SL_DIM;
    } else {
        snprintf(out->text, sizeof out->text, "%s", v);
    }
}

static void time_cell(int64_t ms, uint32_t bad, Cell *out)
{
    if (bad) {
        snprintf(out->text, sizeof out->text, "(invalid)");
        out->slot = SL_INVALID;
    } else if (ms == TIME_NONE) {
        snprintf(out->text, sizeof out->text, "-");
        out->slot = SL_DIM;
    } else {
        time_format_short(ms, out->text, sizeof out->text);
    }
}

static void count_cell(unsigned v, bool bad, Slot hot, Cell *out)
{
    if (bad) {
        snprintf(out->text, sizeof out->text, "?");
        out->slot = SL_INVALID;
        return;
    }
    snprintf(out->text, sizeof out->text, "%u", v);
    out->slot = v ? hot : SL_DIM;
}

static void status_cell(const Summary *s, Cell *out)
{
    Status st = summary_status(s);
    const char *raw = summary_str(s, SS_STATUS_RAW);
    snprintf(out->text, sizeof out->text, "%s", st == ST_OTHER && *raw ? raw : status_badge(st));
    out->slot = (s->invalid & SUMF_STATUS) ? SL_INVALID : status_slot(st);
}

static void age_cell(const Summary *s, int64_t now_ms, Cell *out)
{
    if (s->created_ms == TIME_NONE) {
        snprintf(out->text, sizeof out->text, "-");
        out->slot = SL_DIM;
        return;
    }
    time_format_age(now_ms - s->created_ms, out->text, sizeof out->text);
    out->slot = summary_overdue(s, now_ms) ? SL_OVERDUE : SL_NORMAL;
}

static void phone_cell(const Summary *s, Cell *out)
{
    const char *cc = summary_str(s, SS_COUNTRY_CODE), *ph = summary_str(s, SS_PHONE);
    if (!*ph) {
        text_cell(s, SS_PHONE, SUMF_PHONE, "-", out);
        return;
    }
    fmt_bounded(out->text, sizeof out->text, "%s%s%s", cc, *cc ? " " : "", ph);
    out->slot = (s->invalid & SUMF_PHONE) ? SL_INVALID : SL_NORMAL;
}

static void step_cell(const Summary *s, Cell *out)
{
    const char *step = summary_str(s, SS_STEP);
    if (!strcmp(step, "1") || !strcmp(step, "not_started")) {
        snprintf(out->text, sizeof out->text, "not started");
        out->slot = SL_DIM;
        return;
    }
    text_cell(s, SS_STEP, SUMF_STEP, "-", out);
}

void column_cell(ColId c, const Summary *s, int64_t now_ms, Cell *out)
{
    out->text[0] = '\0';
    out->slot = SL_NORMAL;
    switch (c) {
    case COL_STATUS: status_cell(s, out); break;
    case COL_AGE: age_cell(s, now_ms, out); break;
    case COL_NAME: text_cell(s, SS_NAME, SUMF_NAME, "(no name)", out); break;
    case COL_EMAIL: text_cell(s, SS_EMAIL, SUMF_EMAIL, "-", out); break;
    case COL_PHONE: phone_cell(s, out); break;
    case COL_STEP: step_cell(s, out); break;
    case COL_FLAGS: count_cell(s->red_flags, s->invalid & SUMF_REDFLAGS, SL_FLAG, out); break;
    case COL_FAILED: count_cell(summary_failed_total(s), s->invalid & SUMF_FAILED, SL_FAILCOUNT, out); break;
    case COL_CREATED: time_cell(s->created_ms, s->invalid & SUMF_CREATED, out); break;
    case COL_UPDATED: time_cell(s->updated_ms, s->invalid & SUMF_UPDATED, out); break;
    case COL_ID: text_cell(s, SS_ID, SUMF_ID, "-", out); break;
    case COL_DOC: text_cell(s, SS_DOCNUM, 0, "-", out); break;
    case COL__COUNT: break;
    }
}
