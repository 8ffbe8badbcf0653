/* The table `regdesk list` prints for people: cells fitted to the terminal's width. The
 * file formats (CSV, TSV, JSON) are core/rowfmt's, shared with the dashboard's export. */
#include "cli/output.h"

#include <string.h>

#include "core/safetext.h"

enum { SEP = 2, MIN_SHRINK = 6 };

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
        out_cell(o, t->id[i], s, CELL_TABLE, &c);
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
        out_cell(o, t->id[i], s, CELL_TABLE, &c);
        table_cell(b, strbuf_cstr(&c), t->width[i], column_def(t->id[i])->right, i + 1 == t->n);
    }
    strbuf_putc(b, '\n');
    strbuf_free(&c);
}
