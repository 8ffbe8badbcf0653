/* The dashboard's export (export.h): the prompt, then the file written in slices. */
#include "ui/export.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "core/glyphs.h"
#include "core/msg.h"
#include "core/pii.h"
#include "core/rowfmt.h"
#include "core/xalloc.h"
#include "local/safefile.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/prompt.h"

enum { EXPORT_SLICE = 1000 }; /* rows a loop turn writes: a few ms, keys stay quick */

struct ExportJob {
    SafeFile *f;
    OutSpec spec;
    uint32_t *rows; /* the view's store indices when Enter was pressed */
    size_t n, done;
    bool all_columns;
    char path[PATH_MAX];
    char filter[MODEL_TEXT_MAX + 1];
    StrBuf buf;
};

static ExportPrompt *of(Layer *l)
{
    return (ExportPrompt *)l; /* the layer is the prompt's first member */
}

/* The format the path's extension names: .json, .tsv, else CSV. */
static OutFormat format_of(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (dot && !strchr(dot, '/') && !strcasecmp(dot, ".json"))
        return FMT_JSON;
    return dot && !strchr(dot, '/') && !strcasecmp(dot, ".tsv") ? FMT_TSV : FMT_CSV;
}

static const char *format_name(OutFormat f)
{
    return f == FMT_JSON ? "json" : f == FMT_TSV ? "tsv" : "csv";
}

unsigned export_open(ExportPrompt *e, LayerStack *layers, Model *m)
{
    if (e->job)
        return model_message(m, SL_STATUS_WARN, 4, "an export is still being written to %s", e->job->path);
    if (!m->view.n)
        return model_message(m, SL_STATUS_WARN, 4, "nothing to export: the list is empty");
    time_t t = (time_t)(model_now(m) / 1000);
    struct tm tm;
    char path[64] = "./regdesk.csv";
    if (localtime_r(&t, &tm))
        strftime(path, sizeof path, "./regdesk-%Y%m%d-%H%M.csv", &tm);
    le_set(&e->ed, path);
    e->unmasked = e->confirming = false;
    e->err[0] = '\0';
    curs_set(1);
    return layer_push(layers, &e->layer) | R_STATUS;
}

static void closed(Layer *l)
{
    (void)l;
    curs_set(0);
}

/* ---- writing ------------------------------------------------------------------------------ */

static void job_free(ExportJob *j)
{
    if (!j)
        return;
    safefile_abort(j->f);
    strbuf_free(&j->buf);
    free(j->rows);
    free(j);
}

/* The export's one line: what was written where, never a value (the filter's e-mails,
 * phones and document numbers masked). */
static bool audit_line(ExportPrompt *e, const ExportJob *j, AuditOutcome outcome, char *err, size_t n)
{
    StrBuf filter = STRBUF_INIT;
    mask_free_text(MASK_DEFAULT, j->filter, &filter);
    char where[PATH_MAX];
    if (!realpath(j->path, where))
        snprintf(where, sizeof where, "%s", j->path);
    AuditEvent ev = { .action = "export", .outcome = outcome };
    audit_extra_num(&ev, "rows", (long long)j->n);
    audit_extra_text(&ev, "path", where);
    audit_extra_text(&ev, "format", format_name(j->spec.format));
    audit_extra_bool(&ev, "masked", j->spec.mask != MASK_NONE);
    audit_extra_text(&ev, "columns", j->spec.format == FMT_JSON ? "json" : j->all_columns ? "all" : "screen");
    audit_extra_text(&ev, "filter", strbuf_cstr(&filter));
    bool ok = audit_append(e->audit, &ev, err, n);
    strbuf_free(&filter);
    return ok;
}

/* Starts writing the view to the prompt's path; false with e->err when it cannot. */
static bool start(ExportPrompt *e, Model *m)
{
    if (!e->ed.len) {
        snprintf(e->err, sizeof e->err, "give the file a name");
        return false;
    }
    if (!audit_check(e->audit, e->err, sizeof e->err))
        return false; /* an export that leaves no trace does not happen */
    ExportJob *j = xcalloc(1, sizeof *j);
    snprintf(j->path, sizeof j->path, "%s", e->ed.buf);
    j->f = safefile_open(j->path, SAFEFILE_EXCL, e->err, sizeof e->err);
    if (!j->f) {
        free(j);
        return false;
    }
    j->spec = (OutSpec){ .format = format_of(j->path), .mask = e->unmasked ? MASK_NONE : m->privacy.mask,
                         .now_ms = model_now(m) };
    out_columns_default(&j->spec);
    j->all_columns = e->all_columns;
    if (!e->all_columns && e->screen)
        j->spec.cols = *e->screen;
    j->n = m->view.n;
    j->rows = xcalloc(j->n, sizeof *j->rows);
    memcpy(j->rows, m->view.idx, j->n * sizeof *j->rows);
    snprintf(j->filter, sizeof j->filter, "%s", m->filter_text);
    out_file_begin(&j->spec, j->n, &j->buf);
    e->job = j;
    return true;
}

/* The file made whole and its line written, or neither: a file whose line cannot be
 * written is removed again. */
static unsigned finish(ExportPrompt *e, Model *m)
{
    ExportJob *j = e->job;
    char err[700];
    bool ok = safefile_commit(j->f, err, sizeof err);
    j->f = NULL;
    unsigned r;
    char scratch[400];
    if (!ok) {
        audit_line(e, j, AO_FAILED, scratch, sizeof scratch);
        r = model_message(m, SL_STATUS_ERR, 0, "nothing was exported: %s", err);
    } else if (!audit_line(e, j, AO_OK, err, sizeof err)) {
        unlink(j->path);
        r = model_message(m, SL_STATUS_ERR, 0, "the export was removed again, its audit line could not be written: %s",
                          err);
    } else {
        r = model_message(m, j->spec.mask ? SL_STATUSBAR : SL_STATUS_WARN, 10, "wrote %s: %zu row%s, %s, mode 0600", j->path,
                          j->n, j->n == 1 ? "" : "s", j->spec.mask ? "masked" : "UNMASKED");
    }
    job_free(j);
    e->job = NULL;
    return r;
}

unsigned export_step(ExportPrompt *e, Model *m, int64_t *next)
{
    *next = 0;
    ExportJob *j = e->job;
    if (!j)
        return 0;
    size_t end = j->done + EXPORT_SLICE < j->n ? j->done + EXPORT_SLICE : j->n;
    for (; j->done < end; j->done++)
        out_file_row(&j->spec, m->store.recs[j->rows[j->done]], j->done, j->n, &j->buf);
    if (j->done == j->n)
        out_file_end(&j->spec, &j->buf);
    char err[600];
    if (!safefile_write(j->f, j->buf.s, j->buf.len, err, sizeof err)) {
        unsigned r = model_message(m, SL_STATUS_ERR, 0, "nothing was exported: %s", err);
        audit_line(e, j, AO_FAILED, err, sizeof err); /* err is said already */
        job_free(j);
        e->job = NULL;
        return r;
    }
    strbuf_reset(&j->buf);
    if (j->done == j->n)
        return finish(e, m);
    *next = model_mono(m); /* more to write: come back at once */
    return model_message(m, SL_STATUSBAR, 0, "exporting to %s: %zu of %zu rows written", j->path, j->done, j->n);
}

/* ---- the prompt ----------------------------------------------------------------------------- */

static unsigned accept(ExportPrompt *e, Model *m)
{
    if (e->unmasked && !e->confirming) {
        e->confirming = true;
        return R_STATUS;
    }
    e->confirming = false;
    if (!start(e, m))
        return R_STATUS;
    e->layer.done = true;
    int64_t next;
    return R_STATUS | export_step(e, m, &next);
}

static unsigned key(Layer *l, Model *m, const Layout *lay, Key k)
{
    (void)lay;
    ExportPrompt *e = of(l);
    if (e->confirming) {
        if (k == 'y' || k == 'Y')
            return accept(e, m);
        e->confirming = false; /* any other key goes back to the prompt */
        return R_STATUS;
    }
    ActionId act = keymap_lookup(k, true);
    e->err[0] = '\0';
    switch (act) {
    case ACT_P_ACCEPT: return accept(e, m);
    case ACT_P_CANCEL: e->layer.done = true; return R_STATUS;
    case ACT_P_NEXT_FIELD: /* Tab, the create form's next field */ e->all_columns = !e->all_columns; return R_STATUS;
    case ACT_P_EXPORT_UNMASK: e->unmasked = !e->unmasked; return R_STATUS;
    default: line_edit_input(&e->ed, act, k); return R_STATUS;
    }
}

static void hint_row(const ExportPrompt *e, const Model *m, WINDOW *w, int width)
{
    char buf[900];
    const char *dot = glyph(GL_DOT);
    draw_fill(w, 0, 0, width, SL_NORMAL);
    if (e->err[0]) {
        safetext_format(buf, sizeof buf, " %s %s", glyph(GL_BAD), e->err); /* drops msg's quote marks */
        draw_text(w, 0, 0, width, SL_BAD, buf);
        return;
    }
    if (e->confirming) {
        snprintf(buf, sizeof buf, " %zu rows UNMASKED, e-mails and phones in full: y writes, any other key goes back",
                 m->view.n);
        draw_text(w, 0, 0, width, SL_STATUS_WARN, buf);
        return;
    }
    bool json = format_of(e->ed.buf) == FMT_JSON;
    snprintf(buf, sizeof buf, " %zu rows, %s %s Tab: %s %s Ctrl-T: %s %s Enter writes %s Esc cancels", m->view.n,
             format_name(format_of(e->ed.buf)), dot,
             json ? "every field" : e->all_columns ? "all columns" : "columns shown", dot,
             e->unmasked ? "UNMASKED" : "masked", dot, dot);
    draw_text(w, 0, 0, width, e->unmasked ? SL_STATUS_WARN : SL_DIM, buf);
}

static void draw(Layer *l, WINDOW *w, Model *m)
{
    ExportPrompt *e = of(l);
    int width = getmaxx(w);
    hint_row(e, m, w, width);
    prompt_draw_line(w, 1, width, "export to: ", &e->ed);
}

static const LayerOps export_ops = { "export", LAYER_STATUS, NULL, draw, key, closed, NULL };

void export_init(ExportPrompt *e, const ColumnSet *screen, AuditLog *audit)
{
    memset(e, 0, sizeof *e);
    e->layer.ops = &export_ops;
    e->screen = screen;
    e->audit = audit;
}

void export_free(ExportPrompt *e)
{
    job_free(e->job);
    e->job = NULL;
}
