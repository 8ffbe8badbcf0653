#ifndef REGDESK_CORE_COLUMNS_H
#define REGDESK_CORE_COLUMNS_H
/* The one table of registration columns, shared by the dashboard's list and by
 * `regdesk list` (table, CSV, TSV): each column's name (the CSV header, and what
 * --columns takes, with a short alias), its titles, widths, priority when the width runs
 * out, and the text and slot of one cell. The table's order is the CSV field order. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/pii.h"
#include "core/record.h"
#include "core/slot.h"
#include "core/sort.h"

/* Columns: id, name, alias (or NULL), title on screen, head of the plain table, min
 * (the narrowest it stays readable), max (the widest it gets), prio (lower stays longer
 * when the width runs out), weight (share of spare width on screen; 0 = fixed at min,
 * and a plain table never narrows it), right (numbers: right-aligned). */
/* clang-format off */
#define REG_COLUMNS(X) \
    X(ID,           "id",               NULL,         "Id",            "ID",        24, 26, 10, 0, false) \
    X(STATUS,       "status",           NULL,         "Status",        "STATUS",     7, 16,  0, 0, false) \
    X(STEP,         "step",             NULL,         "Step",          "STEP",      11, 16,  4, 1, false) \
    X(NAME,         "name",             NULL,         "Name",          "NAME",      18, 28,  1, 5, false) \
    X(EMAIL,        "email",            NULL,         "Email",         "EMAIL",     20, 32,  3, 5, false) \
    X(PHONE,        "phone",            NULL,         "Phone",         "PHONE",     14, 18,  7, 1, false) \
    X(COUNTRY_CODE, "countryCode",      "cc",         "CC",            "CC",         4,  6, 12, 0, false) \
    X(PROJECT,      "project",          NULL,         "Project",       "PROJECT",   12, 26, 13, 1, false) \
    X(FLOW,         "flow",             NULL,         "Flow",          "FLOW",      12, 26, 14, 1, false) \
    X(DOCUMENT,     "documentNumber",   "doc",        "Document",      "DOCUMENT",  10, 18, 11, 1, false) \
    X(FLAGS,        "redFlags",         "flags",      "Flg",           "FLAGS",      3,  5,  5, 0, true)  \
    X(FAILED,       "failed",           NULL,         "Fail",          "FAILED",     4,  6,  6, 0, true)  \
    X(FAILED_EMAIL, "failed.email",     NULL,         "F.mail",        "F.EMAIL",    6,  7, 15, 0, true)  \
    X(FAILED_PHONE, "failed.phone",     NULL,         "F.phone",       "F.PHONE",    7,  7, 16, 0, true)  \
    X(FAILED_DOC,   "failed.document",  "failed.doc", "F.doc",         "F.DOC",      5,  5, 17, 0, true)  \
    X(FAILED_BIO,   "failed.biometric", "failed.bio", "F.bio",         "F.BIO",      5,  5, 18, 0, true)  \
    X(CREATED,      "createdAt",        "created",    "Created (UTC)", "CREATED",   16, 16,  8, 0, false) \
    X(UPDATED,      "updatedAt",        "updated",    "Updated (UTC)", "UPDATED",   16, 16,  9, 0, false) \
    X(AGE,          "age",              NULL,         "Age",           "AGE",        4,  5,  2, 0, true)  \
    X(IDLE,         "idle",             NULL,         "Idle",          "IDLE",       4,  5, 19, 0, true)  \
    X(INVALID,      "invalid",          NULL,         "Invalid",       "INVALID",   10, 24, 20, 1, false)
/* clang-format on */

typedef enum ColId {
#define X(id, name, alias, title, head, min, max, prio, weight, right) COL_##id,
    REG_COLUMNS(X)
#undef X
    COL__COUNT
} ColId;

typedef struct ColumnDef {
    const char *name, *alias, *title, *head;
    int min, max, prio, weight;
    bool right;
} ColumnDef;

const ColumnDef *column_def(ColId c);

/* The dashboard's default list. */
#define COLUMNS_DEFAULT "status,age,name,email,phone,step,flags,failed,created"

typedef struct ColumnSet {
    ColId order[COL__COUNT];
    int n;
} ColumnSet;

/* "status,age,name" (commas or blanks between; names or aliases, any case). False
 * with a sentence in err (and *out unchanged) for an unknown or repeated name, or none
 * at all. */
bool columns_parse(const char *spec, ColumnSet *out, char *err, size_t n);
/* Every name with its alias, "id, status, …, countryCode (cc), …", for help and errors. */
const char *column_names(void);
/* The column a sort key orders by, or -1. */
int column_for_sort(SortKey k);

/* Removes from ids[0..*n) (and w[], in step) the least important column whose bit
 * (1u << id) is not in keep; false when every column left is kept. The screen and the
 * plain table both give up columns this way when the width runs out. */
bool columns_drop_least(ColId *ids, int *w, int *n, uint32_t keep);

/* The screen's widths for `width` columns: columns that do not fit at their minimum are
 * dropped, least important first (status and name stay); the flexible ones share what
 * is left up to their maximum. One blank separates columns. */
typedef struct ColumnLayout {
    ColId id[COL__COUNT];
    int x[COL__COUNT], w[COL__COUNT];
    int n;
} ColumnLayout;
void columns_layout(const ColumnSet *set, int width, ColumnLayout *out);

/* Where a cell goes: the screen marks empty and malformed fields so they are seen
 * ("-", "(no name)", "(invalid)", "?") and gives slots; a plain table leaves them blank
 * and uses short times and status badges; a file (CSV, TSV) uses ISO times and the
 * API's status names. */
typedef enum CellMedium { CELL_SCREEN, CELL_TABLE, CELL_FILE } CellMedium;

typedef struct CellOpts {
    CellMedium medium;
    unsigned mask;  /* the kinds shown masked (a core/pii mask set); masked cells on
                       screen take the masked slot */
    int64_t now_ms; /* for age and idle */
    int64_t sla_ms; /* a review waiting longer is overdue (core/sla; 0: the default) */
} CellOpts;

/* A cell's display-safe text ("" for nothing) and slot (SL_NORMAL off screen). */
typedef struct Cell {
    char text[2 * SUMMARY_STR_MAX + 16];
    Slot slot;
} Cell;
void column_cell(ColId c, const Summary *s, const CellOpts *o, Cell *out);

/* The summary field a column shows, as a bit (1u << SumStr), 0 for a derived one. */
uint32_t column_field_bit(ColId c);

/* The slot of a status badge. */
Slot status_slot(Status st);

#endif
