/* The detail pane's summary sections, reasons first: why it needs review and the checks
 * (detail_checks.c), red flags and failed attempts (detail_attempts.c), related
 * registrations; then the validations in full (detail_objects.c), review history, notes
 * and the rest. */
#include <stdio.h>
#include <string.h>

#include "core/pii.h"
#include "core/reasons.h"
#include "core/sla.h"
#include "core/steps.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "core/columns.h"
#include "model/detail_internal.h"
#include "core/glyphs.h"
#include "core/labels.h"

/* ---- top and state -------------------------------------------------------------------- */

/* A column's cell as the list shows it, so the pane and the list say the same. */
static void cell_of(ColId col, const Summary *s, const DetailCtx *c, Cell *out)
{
    const CellOpts o = { .medium = CELL_SCREEN, .mask = c->mask, .now_ms = c->now_ms, .sla_ms = c->sla_ms };
    column_cell(col, s, &o, out);
}

/* "  ·  2 failed attempts", and how many of them were quality rejects that used no attempt
 * (the list's Fail column says the same as "0+2q"); on a line of its own when the line
 * has no room left for it. */
static void failed_phrase(DLines *d, const Summary *s)
{
    unsigned failed = summary_failed_total(s), quality = 0;
    for (int k = 0; k < FAIL__COUNT; k++) {
        AttemptTally t;
        attempt_tally(s, NULL, (FailKind)k, &t);
        quality += t.quality;
    }
    char text[64], note[64] = "";
    snprintf(text, sizeof text, "%u failed attempt%s", failed, failed == 1 ? "" : "s");
    if (quality)
        snprintf(note, sizeof note, " (%u quality reject%s did not count)", quality, quality == 1 ? "" : "s");
    char dot[16], whole[160];
    snprintf(dot, sizeof dot, "  %s  ", glyph(GL_DOT));
    snprintf(whole, sizeof whole, "%s%s%s", dot, text, note);
    if (dl_fits(d, whole))
        dl_add(d, SL_LABEL, dot);
    else /* a line of its own rather than a cut */
        dl_begin(d, 0);
    dl_add(d, failed > quality ? SL_FAILCOUNT : SL_NORMAL, text);
    dl_add(d, SL_DIM, note);
}

static void build_top(DLines *d, const DetailCtx *c, const Summary *s)
{
    dl_plain_section(d, SEC_TOP);
    Cell cell;
    dl_begin(d, 0);
    cell_of(COL_NAME, s, c, &cell);
    dl_add(d, cell.slot == SL_NORMAL ? SL_TITLE : cell.slot, cell.text);
    dl_add(d, SL_NORMAL, "  ");
    cell_of(COL_STATUS, s, c, &cell);
    dl_add(d, cell.slot, cell.text);
    if (summary_overdue(s, c->now_ms, c->sla_ms)) {
        dl_add(d, SL_NORMAL, "  ");
        dl_add(d, SL_OVERDUE, "overdue");
    }
    dl_end(d);

    dl_begin(d, 0);
    dl_add(d, SL_LABEL, "step ");
    dl_add(d, (s->invalid & SUMF_STEP) ? SL_INVALID : SL_NORMAL, step_label(summary_str(s, SS_STEP)));
    if (s->created_ms != TIME_NONE) {
        char age[16];
        time_format_age(c->now_ms - s->created_ms, age, sizeof age);
        dl_addf(d, SL_LABEL, "  %s  age ", glyph(GL_DOT));
        dl_add(d, SL_NORMAL, age);
    }
    int64_t since = summary_review_since(s);
    if (since != TIME_NONE) { /* the SLA's clock, which the colour is about */
        char wait[16];
        time_format_age(c->now_ms - since, wait, sizeof wait);
        dl_addf(d, SL_LABEL, "  %s  in review ", glyph(GL_DOT));
        dl_add(d, summary_overdue(s, c->now_ms, c->sla_ms) ? SL_OVERDUE : SL_NORMAL, wait);
    }
    dl_addf(d, SL_LABEL, "  %s  ", glyph(GL_DOT));
    dl_addf(d, s->red_flags ? SL_FLAG : SL_NORMAL, "%u red flag%s", s->red_flags, s->red_flags == 1 ? "" : "s");
    failed_phrase(d, s);
    dl_end(d);

    dl_begin(d, 0);
    cell_of(COL_EMAIL, s, c, &cell);
    dl_add(d, cell.slot, cell.text);
    dl_addf(d, SL_LABEL, "  %s  ", glyph(GL_DOT));
    cell_of(COL_PHONE, s, c, &cell);
    dl_add(d, cell.slot, cell.text);
    dl_end(d);
}

static void build_state(DLines *d, const DetailCtx *c)
{
    dl_plain_section(d, SEC_STATE);
    switch (c->state) {
    case DS_NOT_REQUESTED:
        if (c->source) { /* what an export holds is what there is; the API has the rest */
            char buf[400];
            fmt_bounded(buf, sizeof buf, "From the export %s: what it holds is shown. The populated record "
                        "(documents, checks, attempts in full) needs the API: open the dashboard without --file.", c->source);
            dl_wrap(d, 0, 0, SL_DIM, buf);
        } else {
            dl_wrap(d, 0, 0, SL_DIM, "Press Enter to load the full record.");
        }
        break;
    case DS_LOADING: {
        char buf[64];
        snprintf(buf, sizeof buf, "Loading the full record%s", glyph(GL_ELLIPSIS));
        dl_wrap(d, 0, 0, SL_DIM, buf);
        break;
    }
    case DS_ERROR: {
        char buf[400];
        fmt_bounded(buf, sizeof buf, "Could not load the full record: %s (r tries again)", c->error ? c->error : "");
        dl_wrap(d, 0, 2, SL_BAD, buf);
        break;
    }
    case DS_LOADED:
        break;
    }
}

/* ---- related, history, notes, the rest ---------------------------------------------------- */

static void related_line(DLines *d, const DetailCtx *c, const RelatedHit *h)
{
    const Summary *o = c->st->recs[h->idx];
    char kinds[32] = "";
    if (h->kinds & REL_DOC)
        strcat(kinds, "doc");
    if (h->kinds & REL_PHONE)
        strcat(strcat(kinds, *kinds ? "+" : ""), "phone");
    if (h->kinds & REL_EMAIL)
        strcat(strcat(kinds, *kinds ? "+" : ""), "email");
    Cell cell;
    dl_begin(d, IND);
    dl_link(d, h->idx);
    dl_addf(d, (h->kinds & (REL_DOC | REL_PHONE)) ? SL_WARN : SL_NORMAL, "%-15s ", kinds);
    cell_of(COL_STATUS, o, c, &cell);
    dl_addf(d, cell.slot, "%-7s", cell.text);
    dl_add(d, SL_NORMAL, " ");
    cell_of(COL_CREATED, o, c, &cell);
    dl_addf(d, SL_DIM, "%.10s  ", cell.text);
    cell_of(COL_NAME, o, c, &cell);
    dl_add(d, cell.slot, cell.text);
    dl_end(d);
}

static void build_related(DLines *d, const DetailCtx *c)
{
    if (!c->rel)
        return;
    enum { SHOW = 12 };
    RelatedHit hits[SHOW];
    size_t total = 0;
    size_t n = related_find(c->rel, c->st, c->rec, hits, SHOW, &total);
    char note[64];
    snprintf(note, sizeof note, "%zu share email, phone or document", total);
    if (!dl_section(d, SEC_RELATED, "Related", total ? note : "none share email, phone or document"))
        return;
    for (size_t i = 0; i < n; i++)
        related_line(d, c, &hits[i]);
    if (total > n) {
        dl_begin(d, IND);
        dl_addf(d, SL_DIM, "and %zu more", total - n);
        dl_end(d);
    }
    if (n)
        dl_wrap(d, IND, 0, SL_DIM, "Enter on a line selects that registration.");
}

static void build_reviews(DLines *d, const DetailCtx *c, const Detail *det)
{
    if (!det->n_reviews)
        return;
    char note[32];
    snprintf(note, sizeof note, "%zu", det->n_reviews);
    if (!dl_section(d, SEC_REVIEWS, label_title(LBL_REVIEW_HISTORY), note))
        return;
    StrBuf b = STRBUF_INIT;
    for (size_t i = 0; i < det->n_reviews; i++) {
        const ReviewEntry *r = &det->reviews[i];
        char when[32] = "-";
        if (r->created_at.st == FS_OK)
            fmt_time(r->created_at.ms, when, sizeof when);
        dl_begin(d, IND);
        dl_addf(d, SL_DIM, "%.16s  ", when);
        dl_add(d, SL_NORMAL, *r->previous_status.s ? status_text(r->previous_status.s) : "?");
        dl_addf(d, SL_NORMAL, " %s ", glyph(GL_ARROW));
        dl_add(d, status_slot(status_parse(r->new_status.s, strlen(r->new_status.s))), status_text(r->new_status.s));
        if (*r->reviewer.s) { /* a name, an id, or "Name <e-mail>" (masked like any other) */
            strbuf_reset(&b);
            mask_free_text(c->mask, r->reviewer.s, &b);
            char by[300];
            fmt_bounded(by, sizeof by, "  by %s %s", strbuf_cstr(&b), r->by_staff ? "(Verifik staff)" : "(client)");
            if (!dl_fits(d, by)) /* on a line of its own rather than cut */
                dl_begin(d, IND + 18);
            dl_add(d, SL_DIM, by + (d->col > IND + 18 ? 0 : 2));
        }
        dl_end(d);
        if (*r->note.s) {
            strbuf_reset(&b);
            mask_free_text(c->mask, r->note.s, &b);
            dl_wrap(d, IND + 4, 0, SL_NORMAL, strbuf_cstr(&b));
        }
    }
    strbuf_free(&b);
}

static void build_notes(DLines *d, const DetailCtx *c, const Detail *det)
{
    if (det->notes.st == FS_INVALID) {
        if (dl_section(d, SEC_NOTES, label_title(LBL_NOTES), NULL))
            dl_wrap(d, IND, 0, SL_INVALID, "(notes arrived with the wrong type)");
        return;
    }
    if (!*det->notes.s || !dl_section(d, SEC_NOTES, label_title(LBL_NOTES), NULL))
        return;
    StrBuf b = STRBUF_INIT; /* a note may quote an applicant's e-mail or number */
    mask_free_text(c->mask, det->notes.s, &b);
    dl_wrap(d, IND, 0, SL_NORMAL, strbuf_cstr(&b));
    strbuf_free(&b);
}

static void ref_row(DLines *d, const char *label, const Ref *r)
{
    if (!ref_present(r))
        return;
    char buf[160];
    if (r->st == REF_POPULATED)
        fmt_bounded(buf, sizeof buf, "%s (populated; no fields shown)", *r->id ? r->id : "no id");
    else
        ref_state_text(*r, buf, sizeof buf);
    dl_kv(d, IND, label, r->st == REF_INVALID ? SL_INVALID : SL_DIM, buf);
}

static void build_refs(DLines *d, const Detail *det)
{
    const struct {
        const char *label;
        const Ref *r;
    } refs[] = {
        { "Selfie image", det->face.ref.st == REF_ID ? &det->face.ref : NULL },
        { "Document face", det->document_face.ref.st == REF_ID ? &det->document_face.ref : NULL },
        { "Crypto", &det->crypto_validation },  { "Form", &det->form_submission },
        { "Signature", &det->signature },       { "Access log", &det->access_control_log },
        { "Collection", &det->assigned_collection },
    };
    bool any = false;
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        any |= refs[i].r && ref_present(refs[i].r);
    if (!any || !dl_section(d, SEC_REFS, "Other references", NULL))
        return;
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i].r)
            ref_row(d, refs[i].label, refs[i].r);
}

static void build_unknown(DLines *d, const DetailCtx *c, const Detail *det)
{
    if (!det->unknown.n)
        return;
    char note[32];
    snprintf(note, sizeof note, "%zu", det->unknown.n);
    if (dl_section(d, SEC_UNKNOWN, "Other fields", note))
        kv_list(d, c->mask, &det->unknown, IND);
}

static void build_raw(DLines *d, const DetailCtx *c, const Detail *det)
{
    bool masked = c->mask != MASK_NONE;
    if (!dl_section(d, SEC_RAW, "Raw JSON", masked ? "secrets redacted, personal data masked; v returns"
                                                   : "secrets redacted; v returns"))
        return;
    if (!det || !det->raw_json) {
        dl_wrap(d, IND, 0, SL_DIM, "The JSON comes with the full record.");
        return;
    }
    StrBuf b = STRBUF_INIT; /* masked from the real text each time it is built */
    mask_json_text(c->mask, det->raw_json, &b);
    dl_wrap(d, 0, 2, SL_NORMAL, strbuf_cstr(&b));
    strbuf_free(&b);
}

void detail_build(DLines *d, const DetailCtx *c)
{
    const Summary *s = c->st->recs[c->rec];
    const Detail *det = c->state == DS_LOADED ? store_detail(c->st, c->rec) : NULL;
    build_top(d, c, s);
    build_state(d, c);
    if (c->raw_json) {
        build_raw(d, c, det);
        return;
    }
    if (det) {
        build_reasons(d, c, s, det);
        build_checks(d, c, s, det);
    }
    build_flags(d, c, s, det);
    build_attempts(d, c, s, det);
    build_related(d, c);
    build_identity(d, c, s, det);
    if (!det)
        return;
    build_document(d, c, det);
    build_liveness(d, det);
    build_compare(d, det);
    build_plain_objects(d, c, det);
    build_flow(d, det);
    build_reviews(d, c, det);
    build_notes(d, c, det);
    build_refs(d, det);
    build_unknown(d, c, det);
}
