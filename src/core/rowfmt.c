/* Records as rows of a file: CSV, TSV and JSON, for `regdesk list` and the dashboard's
 * export. */
#include "core/rowfmt.h"

#include <strings.h>

#include "core/jsonw.h"
#include "core/mask.h"
#include "core/parse_stream.h"
#include "core/safetext.h"

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

void out_cell(const OutSpec *o, ColId c, const Summary *s, CellMedium medium, StrBuf *b)
{
    Cell out;
    column_cell(c, s, &(CellOpts){ .medium = medium, .mask = o->mask, .now_ms = o->now_ms }, &out);
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
        out_cell(o, o->cols.order[i], s, CELL_FILE, &c);
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
    jo_text(&w, "name", file_text(o, COL_NAME, s, &cell));
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

/* ---- a whole file ------------------------------------------------------------------------ */

void out_file_begin(const OutSpec *o, size_t n, StrBuf *b)
{
    if (o->format == FMT_JSON)
        strbuf_puts(b, n ? "[\n" : "[");
    else
        out_delim_header(o, b);
}

void out_file_row(const OutSpec *o, const Summary *s, size_t i, size_t n, StrBuf *b)
{
    if (o->format == FMT_JSON) {
        out_json_record(o, s, b);
        strbuf_puts(b, i + 1 < n ? ",\n" : "\n");
    } else {
        out_delim_row(o, s, b);
    }
}

void out_file_end(const OutSpec *o, StrBuf *b)
{
    if (o->format == FMT_JSON)
        strbuf_puts(b, "]\n");
}
