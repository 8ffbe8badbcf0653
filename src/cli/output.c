/* The list writers: cells, table layout, CSV/TSV and JSON. */
#include "cli/output.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/jsonw.h"
#include "core/mask.h"
#include "core/parse_stream.h"
#include "core/safetext.h"
#include "core/timeutil.h"

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
    static const ColId table[] = { COL_ID, COL_STATUS, COL_NAME, COL_EMAIL, COL_PHONE, COL_FLAGS, COL_FAILED,
                                   COL_CREATED, COL_AGE };
    o->cols.n = 0;
    o->chosen = false;
    if (o->format == FMT_TABLE) {
        for (size_t i = 0; i < sizeof table / sizeof *table; i++)
            o->cols.order[o->cols.n++] = table[i];
        return;
    }
    for (int c = 0; c < COL__COUNT; c++)
        if (c != COL_AGE && c != COL_IDLE && c != COL_COUNTRY_CODE) /* age, idle: not for a file that lasts */
            o->cols.order[o->cols.n++] = (ColId)c;
}

bool out_columns_parse(OutSpec *o, const char *list, char *err, size_t n)
{
    o->chosen = columns_parse(list, &o->cols, err, n);
    return o->chosen;
}

/* The text of one cell (display-safe), appended to b. */
static void cell(const OutSpec *o, ColId c, const Summary *s, bool table, StrBuf *b)
{
    Cell out;
    column_cell(c, s, &(CellOpts){ .medium = table ? CELL_TABLE : CELL_FILE, .mask = o->mask, .now_ms = o->now_ms }, &out);
    strbuf_puts(b, out.text);
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
    for (int i = 0; i < o->cols.n; i++) {
        if (i)
            strbuf_putc(b, o->format == FMT_TSV ? '\t' : ',');
        delim_cell(o, b, column_def(o->cols.order[i])->name);
    }
    strbuf_puts(b, line_end(o));
}

void out_delim_row(const OutSpec *o, const Summary *s, StrBuf *b)
{
    StrBuf c = STRBUF_INIT;
    for (int i = 0; i < o->cols.n; i++) {
        if (i)
            strbuf_putc(b, o->format == FMT_TSV ? '\t' : ',');
        strbuf_reset(&c);
        cell(o, o->cols.order[i], s, false, &c);
        delim_cell(o, b, strbuf_cstr(&c));
    }
    strbuf_puts(b, line_end(o));
    strbuf_free(&c);
}

/* ---- JSON ----------------------------------------------------------------------------- */

/* The text of column c as a file has it (masked when asked). */
static const char *file_text(const OutSpec *o, ColId c, const Summary *s, Cell *out)
{
    column_cell(c, s, &(CellOpts){ .medium = CELL_FILE, .mask = o->mask, .now_ms = o->now_ms }, out);
    return out->text;
}

void out_json_record(const OutSpec *o, const Summary *s, StrBuf *b)
{
    Cell cell;
    char buf[SUMMARY_STR_MAX + 16];
    const char *phone = summary_str(s, SS_PHONE); /* apart from its country code, unlike the column */
    if ((o->mask & MASK_PHONE) && *phone) {
        mask_phone("", phone, buf, sizeof buf);
        phone = buf;
    }
    JsonOut w;
    jo_init(&w, b);
    jo_object(&w, NULL);
    jo_text(&w, "id", summary_str(s, SS_ID));
    jo_text(&w, "status", file_text(o, COL_STATUS, s, &cell));
    jo_text(&w, "step", summary_str(s, SS_STEP));
    jo_text(&w, "name", summary_str(s, SS_NAME));
    jo_text(&w, "email", file_text(o, COL_EMAIL, s, &cell));
    jo_text(&w, "phone", phone);
    jo_text(&w, "countryCode", summary_str(s, SS_COUNTRY_CODE));
    jo_text(&w, "project", summary_str(s, SS_PROJECT));
    jo_text(&w, "flow", summary_str(s, SS_FLOW));
    jo_text(&w, "documentNumber", file_text(o, COL_DOCUMENT, s, &cell));
    if (s->invalid & SUMF_REDFLAGS)
        jo_null(&w, "redFlags");
    else
        jo_uint(&w, "redFlags", s->red_flags);
    jo_object(&w, "failed");
    for (int k = 0; k < FAIL__COUNT; k++)
        jo_uint(&w, failkind_name((FailKind)k), s->failed[k]);
    jo_end(&w, '}');
    jo_time(&w, "createdAt", s->created_ms);
    jo_time(&w, "updatedAt", s->updated_ms);
    jo_array(&w, "invalid");
    for (unsigned i = 0; SUMMARY_INVALID_NAMES[i]; i++)
        if (s->invalid & (1u << i))
            jo_str(&w, NULL, SUMMARY_INVALID_NAMES[i]);
    jo_end(&w, ']');
    jo_end(&w, '}');
}

/* ---- the table --------------------------------------------------------------------------- */

void out_table_init(const OutSpec *o, TableLayout *t)
{
    t->n = o->cols.n;
    for (int i = 0; i < t->n; i++) {
        t->id[i] = o->cols.order[i];
        t->width[i] = safetext_width(column_def(t->id[i])->head);
    }
}

void out_table_measure(const OutSpec *o, TableLayout *t, const Summary *s)
{
    StrBuf c = STRBUF_INIT;
    for (int i = 0; i < t->n; i++) {
        int cap = column_def(t->id[i])->max;
        if (t->width[i] >= cap)
            continue;
        strbuf_reset(&c);
        cell(o, t->id[i], s, true, &c);
        int w = safetext_width(strbuf_cstr(&c));
        if (w > t->width[i])
            t->width[i] = w > cap ? cap : w;
    }
    strbuf_free(&c);
}

static int table_width(const TableLayout *t)
{
    int total = t->n ? SEP * (t->n - 1) : 0;
    for (int i = 0; i < t->n; i++)
        total += t->width[i];
    return total;
}

/* Narrows the widest column that may narrow (flexible text, never the id) by one, down
 * to floor (or its minimum, when readable); false when none can. */
static bool narrow_one(TableLayout *t, bool readable)
{
    int widest = -1;
    for (int i = 0; i < t->n; i++) {
        const ColumnDef *d = column_def(t->id[i]);
        int floor = readable && d->min > MIN_SHRINK ? d->min : MIN_SHRINK;
        if (d->weight && t->id[i] != COL_ID && t->width[i] > floor && (widest < 0 || t->width[i] > t->width[widest]))
            widest = i;
    }
    if (widest >= 0)
        t->width[widest]--;
    return widest >= 0;
}

void out_table_fit(const OutSpec *o, TableLayout *t)
{
    if (o->max_width <= 0 || !t->n)
        return;
    /* Columns regdesk chose give way while what is left stays readable; the ones asked
     * for are narrowed to the bone first. The id is never cut, nor dropped. */
    const uint32_t keep = 1u << COL_ID;
    bool readable = !o->chosen;
    while (table_width(t) > o->max_width) {
        if (narrow_one(t, readable))
            continue;
        if (columns_drop_least(t->id, t->width, &t->n, keep))
            continue;
        if (!readable)
            return;
        readable = false; /* only kept columns are left: narrow them further */
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
    (void)o;
    for (int i = 0; i < t->n; i++) {
        const ColumnDef *d = column_def(t->id[i]);
        if (i)
            pad(b, SEP);
        table_cell(b, d->head, t->width[i], d->right, i + 1 == t->n);
    }
    strbuf_putc(b, '\n');
}

void out_table_row(const OutSpec *o, const TableLayout *t, const Summary *s, StrBuf *b)
{
    StrBuf c = STRBUF_INIT;
    for (int i = 0; i < t->n; i++) {
        if (i)
            pad(b, SEP);
        strbuf_reset(&c);
        cell(o, t->id[i], s, true, &c);
        table_cell(b, strbuf_cstr(&c), t->width[i], column_def(t->id[i])->right, i + 1 == t->n);
    }
    strbuf_putc(b, '\n');
    strbuf_free(&c);
}
