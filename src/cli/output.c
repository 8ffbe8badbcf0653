/* The list writers: cells, table layout, CSV/TSV and JSON. */
#include "cli/output.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/jsonw.h"
#include "core/mask.h"
#include "core/parse_stream.h"
#include "core/safetext.h"
#include "core/timeutil.h"

typedef struct ColInfo {
    const char *name;  /* CSV header and --columns name */
    const char *alias; /* a shorter --columns name, or NULL */
    const char *title; /* table header */
    int cap;           /* table: the widest the column gets */
    bool number;       /* right-aligned in the table */
    bool shrink;       /* may narrow further to fit the terminal */
} ColInfo;

static const ColInfo cols[COL__COUNT] = {
    [COL_ID] = { "id", NULL, "ID", 26, false, true },
    [COL_STATUS] = { "status", NULL, "STATUS", 16, false, false },
    [COL_STEP] = { "step", NULL, "STEP", 16, false, true },
    [COL_NAME] = { "name", NULL, "NAME", 28, false, true },
    [COL_EMAIL] = { "email", NULL, "EMAIL", 32, false, true },
    [COL_PHONE] = { "phone", NULL, "PHONE", 18, false, true },
    [COL_COUNTRY_CODE] = { "countryCode", "cc", "CC", 6, false, false },
    [COL_PROJECT] = { "project", NULL, "PROJECT", 26, false, true },
    [COL_FLOW] = { "flow", NULL, "FLOW", 26, false, true },
    [COL_DOCUMENT] = { "documentNumber", "doc", "DOCUMENT", 18, false, true },
    [COL_FLAGS] = { "redFlags", "flags", "FLAGS", 5, true, false },
    [COL_FAILED] = { "failed", NULL, "FAILED", 6, true, false },
    [COL_FAILED_EMAIL] = { "failed.email", NULL, "F.EMAIL", 7, true, false },
    [COL_FAILED_PHONE] = { "failed.phone", NULL, "F.PHONE", 7, true, false },
    [COL_FAILED_DOC] = { "failed.document", "failed.doc", "F.DOC", 5, true, false },
    [COL_FAILED_BIO] = { "failed.biometric", "failed.bio", "F.BIO", 5, true, false },
    [COL_CREATED] = { "createdAt", "created", "CREATED", 16, false, false },
    [COL_UPDATED] = { "updatedAt", "updated", "UPDATED", 16, false, false },
    [COL_AGE] = { "age", NULL, "AGE", 5, true, false },
    [COL_IDLE] = { "idle", NULL, "IDLE", 5, true, false },
    [COL_INVALID] = { "invalid", NULL, "INVALID", 24, false, true },
};

enum { SEP = 2, MIN_SHRINK = 6 };

bool out_format_parse(const char *s, OutFormat *out)
{
    static const char *const names[] = { [FMT_TABLE] = "table", [FMT_JSON] = "json", [FMT_CSV] = "csv",
                                         [FMT_TSV] = "tsv", [FMT_COUNT] = "count" };
    for (int i = 0; i <= FMT_COUNT; i++)
        if (!strcasecmp(s, names[i])) {
            *out = (OutFormat)i;
            return true;
        }
    return false;
}

void out_columns_default(OutSpec *o)
{
    static const Column table[] = { COL_ID, COL_STATUS, COL_NAME, COL_EMAIL, COL_PHONE, COL_FLAGS, COL_FAILED,
                                    COL_CREATED, COL_AGE };
    o->ncols = 0;
    if (o->format == FMT_TABLE) {
        for (size_t i = 0; i < sizeof table / sizeof *table; i++)
            o->cols[o->ncols++] = table[i];
        return;
    }
    for (int c = 0; c < COL__COUNT; c++)
        if (c != COL_AGE && c != COL_IDLE && c != COL_COUNTRY_CODE) /* age, idle: not for a file that lasts */
            o->cols[o->ncols++] = (Column)c;
}

const char *out_column_names(void)
{
    return "id, status, step, name, email, phone, countryCode (cc), project, flow, documentNumber (doc), "
           "redFlags (flags), failed, failed.email, failed.phone, failed.document, failed.biometric, "
           "createdAt (created), updatedAt (updated), age, idle, invalid";
}

bool out_columns_parse(OutSpec *o, const char *list, char *err, size_t n)
{
    o->ncols = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        int found = -1;
        for (int c = 0; c < COL__COUNT && found < 0; c++) {
            const char *a = cols[c].alias;
            if ((strlen(cols[c].name) == len && !strncasecmp(p, cols[c].name, len)) ||
                (a && strlen(a) == len && !strncasecmp(p, a, len)))
                found = c;
        }
        if (found < 0 || o->ncols >= COL__COUNT) {
            snprintf(err, n, "unknown column \"%.*s\"; the columns are %s", (int)(len > 60 ? 60 : len), p,
                     out_column_names());
            return false;
        }
        o->cols[o->ncols++] = (Column)found;
        p += len + (p[len] == ',');
    }
    if (!o->ncols)
        snprintf(err, n, "--columns needs at least one column; the columns are %s", out_column_names());
    return o->ncols > 0;
}

/* ---- cells ----------------------------------------------------------------------------- */

static void invalid_text(const Summary *s, StrBuf *b)
{
    bool first = true;
    for (unsigned i = 0; SUMMARY_INVALID_NAMES[i]; i++)
        if (s->invalid & (1u << i)) {
            if (!first)
                strbuf_putc(b, ',');
            strbuf_puts(b, SUMMARY_INVALID_NAMES[i]);
            first = false;
        }
}

static void time_text(int64_t ms, bool table, StrBuf *b)
{
    char buf[32];
    if (ms == TIME_NONE)
        return;
    if (table)
        time_format_short(ms, buf, sizeof buf);
    else
        time_format_iso(ms, buf, sizeof buf);
    strbuf_puts(b, buf);
}

static void age_text(int64_t now, int64_t ms, StrBuf *b)
{
    char buf[16];
    if (ms == TIME_NONE)
        return;
    time_format_age(now - ms, buf, sizeof buf);
    strbuf_puts(b, buf);
}

static void phone_text(const OutSpec *o, const Summary *s, StrBuf *b)
{
    const char *cc = summary_str(s, SS_COUNTRY_CODE), *phone = summary_str(s, SS_PHONE);
    char buf[SUMMARY_STR_MAX * 2 + 8];
    if (!*phone)
        return;
    if (o->mask)
        mask_phone(cc, phone, buf, sizeof buf);
    else
        snprintf(buf, sizeof buf, "%s%s%s", cc, *cc ? " " : "", phone);
    strbuf_puts(b, buf);
}

/* A masked copy of a string field when masking is on, else the field itself. */
static const char *maybe_masked(const OutSpec *o, const Summary *s, SumStr f, char *buf, size_t n)
{
    const char *v = summary_str(s, f);
    if (!o->mask || !*v)
        return v;
    if (f == SS_EMAIL)
        mask_email(v, buf, n);
    else if (f == SS_PHONE)
        mask_phone("", v, buf, n);
    else
        mask_docnum(v, buf, n);
    return buf;
}

static void count_text(unsigned v, bool invalid, StrBuf *b)
{
    if (!invalid)
        strbuf_printf(b, "%u", v);
}

/* The text of one cell (display-safe), appended to b. */
static void cell(const OutSpec *o, Column c, const Summary *s, bool table, StrBuf *b)
{
    static const SumStr plain[COL__COUNT] = { [COL_ID] = SS_ID, [COL_STEP] = SS_STEP, [COL_NAME] = SS_NAME,
                                              [COL_COUNTRY_CODE] = SS_COUNTRY_CODE, [COL_PROJECT] = SS_PROJECT,
                                              [COL_FLOW] = SS_FLOW };
    char buf[SUMMARY_STR_MAX + 16];
    bool bad_failed = s->invalid & SUMF_FAILED;
    switch (c) {
    case COL_ID: case COL_STEP: case COL_NAME: case COL_COUNTRY_CODE: case COL_PROJECT: case COL_FLOW:
        strbuf_puts(b, summary_str(s, plain[c]));
        break;
    case COL_STATUS: strbuf_puts(b, status_display(s, table)); break;
    case COL_EMAIL: strbuf_puts(b, maybe_masked(o, s, SS_EMAIL, buf, sizeof buf)); break;
    case COL_DOCUMENT: strbuf_puts(b, maybe_masked(o, s, SS_DOCNUM, buf, sizeof buf)); break;
    case COL_PHONE: phone_text(o, s, b); break;
    case COL_FLAGS: count_text(s->red_flags, s->invalid & SUMF_REDFLAGS, b); break;
    case COL_FAILED: count_text(summary_failed_total(s), bad_failed, b); break;
    case COL_FAILED_EMAIL: count_text(s->failed[FAIL_EMAIL], bad_failed, b); break;
    case COL_FAILED_PHONE: count_text(s->failed[FAIL_PHONE], bad_failed, b); break;
    case COL_FAILED_DOC: count_text(s->failed[FAIL_DOC], bad_failed, b); break;
    case COL_FAILED_BIO: count_text(s->failed[FAIL_BIO], bad_failed, b); break;
    case COL_CREATED: time_text(s->created_ms, table, b); break;
    case COL_UPDATED: time_text(s->updated_ms, table, b); break;
    case COL_AGE: age_text(o->now_ms, s->created_ms, b); break;
    case COL_IDLE: age_text(o->now_ms, s->updated_ms, b); break;
    case COL_INVALID: invalid_text(s, b); break;
    default: break;
    }
}

/* ---- CSV and TSV ------------------------------------------------------------------------- */

/* TSV has no quoting: a tab or line break inside a cell becomes a blank. */
static void tsv_cell(StrBuf *b, const char *s)
{
    for (; *s; s++)
        strbuf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void delim_cell(const OutSpec *o, StrBuf *b, const char *text)
{
    if (o->format == FMT_TSV)
        tsv_cell(b, text);
    else
        safetext_csv_cell(b, text, ',');
}

static const char *line_end(const OutSpec *o)
{
    return o->format == FMT_CSV ? "\r\n" : "\n"; /* RFC 4180 lines end in CRLF */
}

void out_delim_header(const OutSpec *o, StrBuf *b)
{
    for (size_t i = 0; i < o->ncols; i++) {
        if (i)
            strbuf_putc(b, o->format == FMT_TSV ? '\t' : ',');
        delim_cell(o, b, cols[o->cols[i]].name);
    }
    strbuf_puts(b, line_end(o));
}

void out_delim_row(const OutSpec *o, const Summary *s, StrBuf *b)
{
    StrBuf c = STRBUF_INIT;
    for (size_t i = 0; i < o->ncols; i++) {
        if (i)
            strbuf_putc(b, o->format == FMT_TSV ? '\t' : ',');
        strbuf_reset(&c);
        cell(o, o->cols[i], s, false, &c);
        delim_cell(o, b, strbuf_cstr(&c));
    }
    strbuf_puts(b, line_end(o));
    strbuf_free(&c);
}

/* ---- JSON ----------------------------------------------------------------------------- */

void out_json_record(const OutSpec *o, const Summary *s, StrBuf *b)
{
    char buf[SUMMARY_STR_MAX + 16];
    JsonW w;
    jw_init(&w, b);
    jw_object(&w, NULL);
    jw_text(&w, "id", summary_str(s, SS_ID));
    jw_text(&w, "status", status_display(s, false));
    jw_text(&w, "step", summary_str(s, SS_STEP));
    jw_text(&w, "name", summary_str(s, SS_NAME));
    jw_text(&w, "email", maybe_masked(o, s, SS_EMAIL, buf, sizeof buf));
    jw_text(&w, "phone", maybe_masked(o, s, SS_PHONE, buf, sizeof buf));
    jw_text(&w, "countryCode", summary_str(s, SS_COUNTRY_CODE));
    jw_text(&w, "project", summary_str(s, SS_PROJECT));
    jw_text(&w, "flow", summary_str(s, SS_FLOW));
    jw_text(&w, "documentNumber", maybe_masked(o, s, SS_DOCNUM, buf, sizeof buf));
    if (s->invalid & SUMF_REDFLAGS)
        jw_null(&w, "redFlags");
    else
        jw_uint(&w, "redFlags", s->red_flags);
    jw_object(&w, "failed");
    for (int k = 0; k < FAIL__COUNT; k++)
        jw_uint(&w, failkind_name((FailKind)k), s->failed[k]);
    jw_end(&w, '}');
    jw_time(&w, "createdAt", s->created_ms);
    jw_time(&w, "updatedAt", s->updated_ms);
    jw_array(&w, "invalid");
    for (unsigned i = 0; SUMMARY_INVALID_NAMES[i]; i++)
        if (s->invalid & (1u << i))
            jw_str(&w, NULL, SUMMARY_INVALID_NAMES[i]);
    jw_end(&w, ']');
    jw_end(&w, '}');
}

/* ---- the table --------------------------------------------------------------------------- */

void out_table_init(const OutSpec *o, TableLayout *t)
{
    for (size_t i = 0; i < o->ncols; i++)
        t->width[i] = safetext_width(cols[o->cols[i]].title);
}

void out_table_measure(const OutSpec *o, TableLayout *t, const Summary *s)
{
    StrBuf c = STRBUF_INIT;
    for (size_t i = 0; i < o->ncols; i++) {
        const ColInfo *ci = &cols[o->cols[i]];
        if (t->width[i] >= ci->cap)
            continue;
        strbuf_reset(&c);
        cell(o, o->cols[i], s, true, &c);
        int w = safetext_width(strbuf_cstr(&c));
        if (w > t->width[i])
            t->width[i] = w > ci->cap ? ci->cap : w;
    }
    strbuf_free(&c);
}

void out_table_fit(const OutSpec *o, TableLayout *t)
{
    if (o->max_width <= 0 || !o->ncols)
        return;
    int total = SEP * (int)(o->ncols - 1);
    for (size_t i = 0; i < o->ncols; i++)
        total += t->width[i];
    while (total > o->max_width) { /* narrow the widest shrinkable column, one at a time */
        int widest = -1;
        for (size_t i = 0; i < o->ncols; i++)
            if (cols[o->cols[i]].shrink && t->width[i] > MIN_SHRINK && (widest < 0 || t->width[i] > t->width[widest]))
                widest = (int)i;
        if (widest < 0)
            return;
        t->width[widest]--;
        total--;
    }
}

static void pad(StrBuf *b, int n)
{
    for (; n > 0; n--)
        strbuf_putc(b, ' ');
}

/* One cell fitted to `width` columns: cut with "…" when wider, padded when narrower
 * (numbers on the left); the last cell of a line gets no trailing blanks. */
static void table_cell(StrBuf *b, const char *text, int width, bool number, bool last)
{
    int w = safetext_width(text);
    size_t bytes = strlen(text);
    if (w > width) {
        int used = 0;
        bytes = safetext_fit(text, width - 1, &used);
        w = used + 1;
    }
    if (number)
        pad(b, width - w);
    strbuf_append(b, text, bytes);
    if (bytes < strlen(text))
        strbuf_puts(b, "…");
    if (!number && !last)
        pad(b, width - w);
}

void out_table_header(const OutSpec *o, const TableLayout *t, StrBuf *b)
{
    for (size_t i = 0; i < o->ncols; i++) {
        const ColInfo *ci = &cols[o->cols[i]];
        if (i)
            pad(b, SEP);
        table_cell(b, ci->title, t->width[i], ci->number, i + 1 == o->ncols);
    }
    strbuf_putc(b, '\n');
}

void out_table_row(const OutSpec *o, const TableLayout *t, const Summary *s, StrBuf *b)
{
    StrBuf c = STRBUF_INIT;
    for (size_t i = 0; i < o->ncols; i++) {
        if (i)
            pad(b, SEP);
        strbuf_reset(&c);
        cell(o, o->cols[i], s, true, &c);
        table_cell(b, strbuf_cstr(&c), t->width[i], cols[o->cols[i]].number, i + 1 == o->ncols);
    }
    strbuf_putc(b, '\n');
    strbuf_free(&c);
}
