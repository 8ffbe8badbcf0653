#ifndef REGDESK_CLI_OUTPUT_H
#define REGDESK_CLI_OUTPUT_H
/* `regdesk list` output: the table for people (here), CSV/TSV, JSON or the count
 * (core/rowfmt.h, shared with the dashboard's export). */
#include "core/rowfmt.h"

/* The table needs every row's widths first: out_table_measure each row, out_table_fit,
 * then the header and the rows. Cells wider than their column end in "…". The id is
 * never cut: when the terminal is too narrow, the default columns give way by priority
 * (core/columns, as the dashboard's do) before any is narrowed below its minimum;
 * columns chosen with --columns are narrowed first and dropped only when nothing is
 * left to narrow. */
typedef struct TableLayout {
    ColId id[COL__COUNT];  /* the columns shown (out_table_fit may drop some) */
    int width[COL__COUNT]; /* per position */
    int n;
} TableLayout;
void out_table_init(const OutSpec *o, TableLayout *t);
void out_table_measure(const OutSpec *o, TableLayout *t, const Summary *s);
void out_table_fit(const OutSpec *o, TableLayout *t);
void out_table_header(const OutSpec *o, const TableLayout *t, StrBuf *b);
void out_table_row(const OutSpec *o, const TableLayout *t, const Summary *s, StrBuf *b);

#endif
