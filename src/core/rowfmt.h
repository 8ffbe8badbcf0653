#ifndef REGDESK_CORE_ROWFMT_H
#define REGDESK_CORE_ROWFMT_H
/* Records as rows of a file: CSV and TSV for spreadsheets, JSON for programs, for
 * `regdesk list` and the dashboard's export alike (cli/output.h adds the table for
 * people). Writers append to a StrBuf one record at a time; the caller flushes. Record
 * text is already display-safe (core/safetext); the writers add each format's own
 * escaping (RFC 4180 quoting with formula neutralising, TSV blanking, JSON \u escapes)
 * and mask what the spec's mask set says (core/pii). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/columns.h"
#include "core/record.h"
#include "core/strbuf.h"

typedef enum OutFormat { FMT_TABLE, FMT_JSON, FMT_CSV, FMT_TSV, FMT_COUNT } OutFormat;

typedef struct OutSpec {
    OutFormat format;
    ColumnSet cols; /* the columns (core/columns: the dashboard's table too) */
    bool chosen;    /* given with --columns: kept, only narrowed, when the width runs out */
    unsigned mask;  /* the kinds masked (a core/pii mask set) */
    int64_t now_ms; /* for age and idle */
    int max_width;  /* table: fit into this many columns (0 = only per-column caps) */
} OutSpec;

/* "table", "json", "csv", "tsv", "count". */
bool out_format_parse(const char *s, OutFormat *out);
/* The default columns of the format (table: a compact set; CSV/TSV: every column). */
void out_columns_default(OutSpec *o);
/* "id,name,flags" (names as in the CSV header, or short aliases; the dashboard's
 * --columns takes the same); err names a bad one. */
bool out_columns_parse(OutSpec *o, const char *list, char *err, size_t n);

/* The text of one cell as that medium has it (display-safe, masked per o), appended to b. */
void out_cell(const OutSpec *o, ColId c, const Summary *s, CellMedium medium, StrBuf *b);

/* CSV or TSV (per o->format): the header line, then one line per record. */
void out_delim_header(const OutSpec *o, StrBuf *b);
void out_delim_row(const OutSpec *o, const Summary *s, StrBuf *b);

/* One JSON object (no separator, no newline); the field set is documented in README.md:
 * id, status, step, name, email, phone, countryCode, project, flow, documentNumber,
 * redFlags, failed{email,phone,document,biometric}, createdAt, updatedAt, invalid[]. */
void out_json_record(const OutSpec *o, const Summary *s, StrBuf *b);

/* A file of n records in a file format (JSON, CSV, TSV): what comes before the first
 * record (the JSON array's opening, the CSV/TSV header), record i with its separator,
 * and what closes it. */
void out_file_begin(const OutSpec *o, size_t n, StrBuf *b);
void out_file_row(const OutSpec *o, const Summary *s, size_t i, size_t n, StrBuf *b);
void out_file_end(const OutSpec *o, StrBuf *b);

#endif
