/* One cell's text and slot, for the screen, a plain table or a file. */
#include <stdio.h>
#include <string.h>

#include "core/columns.h"
#include "core/mask.h"
#include "core/pii.h"
#include "core/parse_stream.h"
#include "core/reasons.h"
#include "core/safetext.h"
#include "core/sla.h"
#include "core/steps.h"
#include "core/timeutil.h"

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

static void put(Cell *out, Slot slot, const char *text)
{
    fmt_bounded(out->text, sizeof out->text, "%s", text);
    out->slot = slot;
}

static bool on_screen(const CellOpts *o)
{
    return o->medium == CELL_SCREEN;
}

/* What a summary field holds, for masking. */
static PiiKind field_kind(SumStr f)
{
    return f == SS_EMAIL ? PII_EMAIL : f == SS_DOCNUM ? PII_DOCUMENT : f == SS_NAME ? PII_NAME : PII_NONE;
}

/* A string field's text, masked when the set says so. */
static const char *field_text(const Summary *s, SumStr f, const CellOpts *o, char *buf, size_t n)
{
    const char *v = summary_str(s, f);
    return mask_has(o->mask, field_kind(f)) ? mask_text(o->mask, field_kind(f), v, buf, n) : v;
}

/* On screen a field that arrived with the wrong type is marked, and an empty one shows
 * `empty` dimmed; elsewhere the text is all there is. */
static void text_cell(const Summary *s, SumStr f, uint32_t bad_bit, const char *empty, const CellOpts *o,
                      Cell *out)
{
    char buf[SUMMARY_STR_MAX + 16];
    const char *v = field_text(s, f, o, buf, sizeof buf);
    if (!on_screen(o))
        put(out, SL_NORMAL, v);
    else if (s->invalid & bad_bit)
        put(out, SL_INVALID, *v ? v : "(invalid)");
    else if (!*v)
        put(out, SL_DIM, empty);
    else
        put(out, mask_has(o->mask, field_kind(f)) ? SL_MASKED : SL_NORMAL, v);
}

static void time_cell(int64_t ms, uint32_t bad, const CellOpts *o, Cell *out)
{
    char buf[32] = "";
    if (on_screen(o) && bad) {
        put(out, SL_INVALID, "(invalid)");
        return;
    }
    if (ms == TIME_NONE) {
        put(out, SL_DIM, on_screen(o) ? "-" : "");
        return;
    }
    if (o->medium == CELL_FILE)
        time_format_iso(ms, buf, sizeof buf);
    else
        time_format_short(ms, buf, sizeof buf);
    put(out, SL_NORMAL, buf);
}

/* The age of `since` at now; on screen a review past the SLA is marked overdue. */
static void age_cell(const Summary *s, int64_t since, bool sla, const CellOpts *o, Cell *out)
{
    char buf[16];
    if (since == TIME_NONE) {
        put(out, SL_DIM, on_screen(o) ? "-" : "");
        return;
    }
    time_format_age(o->now_ms - since, buf, sizeof buf);
    put(out, sla && summary_overdue(s, o->now_ms, o->sla_ms) ? SL_OVERDUE : SL_NORMAL, buf);
}

static void count_cell(unsigned v, bool bad, Slot hot, const CellOpts *o, Cell *out)
{
    char buf[16];
    if (bad) {
        put(out, SL_INVALID, on_screen(o) ? "?" : "");
        return;
    }
    snprintf(buf, sizeof buf, "%u", v);
    put(out, v ? hot : SL_DIM, buf);
}

static void status_cell(const Summary *s, const CellOpts *o, Cell *out)
{
    Status st = summary_status(s);
    const char *shown = status_display(s, o->medium != CELL_FILE); /* the badge, the API's name, or as sent */
    if (on_screen(o))
        put(out, (s->invalid & SUMF_STATUS) ? SL_INVALID : status_slot(st), *shown ? shown : status_badge(st));
    else
        put(out, SL_NORMAL, shown);
}

static void phone_cell(const Summary *s, const CellOpts *o, Cell *out)
{
    const char *cc = summary_str(s, SS_COUNTRY_CODE), *ph = summary_str(s, SS_PHONE);
    if (!*ph) {
        text_cell(s, SS_PHONE, SUMF_PHONE, "-", o, out);
        return;
    }
    bool hide = mask_has(o->mask, PII_PHONE);
    if (hide)
        mask_phone(cc, ph, out->text, sizeof out->text);
    else
        fmt_bounded(out->text, sizeof out->text, "%s%s%s", cc, *cc ? " " : "", ph);
    out->slot = on_screen(o) && (s->invalid & SUMF_PHONE) ? SL_INVALID : hide ? SL_MASKED : SL_NORMAL;
}

/* On screen a step's short name (core/steps), the one the detail pane spells out; in a
 * table or a file the API's value, which --filter step: takes. */
static void step_cell(const Summary *s, const CellOpts *o, Cell *out)
{
    const char *step = summary_str(s, SS_STEP);
    if (!on_screen(o) || !*step || (s->invalid & SUMF_STEP))
        text_cell(s, SS_STEP, SUMF_STEP, "-", o, out);
    else
        put(out, strcmp(step_label(step), "not started") ? SL_NORMAL : SL_DIM, step_short(step));
}

/* Failed attempts of the kinds in `kinds` (bits of 1 << FailKind). For people, those that
 * used an attempt and the quality rejects that did not, apart: "1+2q" (core attempt_tally,
 * whose count of quality rejects covers the attempts the list page sent populated); a
 * file keeps the API's count of every failure. */
static void failed_cell(const Summary *s, unsigned kinds, const CellOpts *o, Cell *out)
{
    unsigned failed = 0, quality = 0;
    for (int k = 0; k < FAIL__COUNT; k++)
        if (kinds & (1u << k)) {
            AttemptTally t;
            attempt_tally(s, NULL, (FailKind)k, &t);
            failed += t.failed;
            quality += t.quality;
        }
    bool bad = s->invalid & SUMF_FAILED;
    if (bad || !quality || o->medium == CELL_FILE) {
        count_cell(failed, bad, SL_FAILCOUNT, o, out);
        return;
    }
    snprintf(out->text, sizeof out->text, "%u+%uq", failed - quality, quality);
    out->slot = failed > quality ? SL_FAILCOUNT : SL_DIM;
}

/* The names of the fields that arrived malformed, "email,createdAt". */
static void invalid_cell(const Summary *s, const CellOpts *o, Cell *out)
{
    size_t used = 0;
    out->text[0] = '\0';
    for (unsigned i = 0; SUMMARY_INVALID_NAMES[i]; i++)
        if (s->invalid & (1u << i)) {
            int w = snprintf(out->text + used, sizeof out->text - used, "%s%s", used ? "," : "",
                             SUMMARY_INVALID_NAMES[i]);
            if (w > 0 && (size_t)w < sizeof out->text - used)
                used += (size_t)w;
        }
    out->slot = used ? SL_INVALID : SL_DIM;
    if (!used && on_screen(o))
        put(out, SL_DIM, "-");
}

static void plain_cell(ColId c, const Summary *s, const CellOpts *o, Cell *out)
{
    switch (c) {
    case COL_ID: text_cell(s, SS_ID, SUMF_ID, "-", o, out); break;
    case COL_NAME: text_cell(s, SS_NAME, SUMF_NAME, "(no name)", o, out); break;
    case COL_EMAIL: text_cell(s, SS_EMAIL, SUMF_EMAIL, "-", o, out); break;
    case COL_COUNTRY_CODE: text_cell(s, SS_COUNTRY_CODE, 0, "-", o, out); break;
    case COL_PROJECT: text_cell(s, SS_PROJECT, SUMF_PROJECT, "-", o, out); break;
    case COL_FLOW: text_cell(s, SS_FLOW, SUMF_FLOW, "-", o, out); break;
    case COL_DOCUMENT: text_cell(s, SS_DOCNUM, 0, "-", o, out); break;
    default: put(out, SL_NORMAL, ""); break;
    }
}

void column_cell(ColId c, const Summary *s, const CellOpts *o, Cell *out)
{
    switch (c) {
    case COL_STATUS: status_cell(s, o, out); break;
    case COL_STEP: step_cell(s, o, out); break;
    case COL_PHONE: phone_cell(s, o, out); break;
    case COL_FLAGS: count_cell(s->red_flags, s->invalid & SUMF_REDFLAGS, SL_FLAG, o, out); break;
    case COL_FAILED: failed_cell(s, (1u << FAIL__COUNT) - 1, o, out); break;
    case COL_FAILED_EMAIL: failed_cell(s, 1u << FAIL_EMAIL, o, out); break;
    case COL_FAILED_PHONE: failed_cell(s, 1u << FAIL_PHONE, o, out); break;
    case COL_FAILED_DOC: failed_cell(s, 1u << FAIL_DOC, o, out); break;
    case COL_FAILED_BIO: failed_cell(s, 1u << FAIL_BIO, o, out); break;
    case COL_CREATED: time_cell(s->created_ms, s->invalid & SUMF_CREATED, o, out); break;
    case COL_UPDATED: time_cell(s->updated_ms, s->invalid & SUMF_UPDATED, o, out); break;
    case COL_AGE: age_cell(s, s->created_ms, true, o, out); break;
    case COL_IDLE: age_cell(s, s->updated_ms, false, o, out); break;
    case COL_INVALID: invalid_cell(s, o, out); break;
    default: plain_cell(c, s, o, out); break;
    }
    if (!on_screen(o))
        out->slot = SL_NORMAL;
}
