#ifndef REGDESK_UI_COLUMNS_H
#define REGDESK_UI_COLUMNS_H
/* The list's columns: which exist, which are shown in what order, how wide each is for
 * a given terminal width, and the text and colour slot of one cell. No curses. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"
#include "core/sort.h"
#include "core/slot.h"

typedef enum ColId {
    COL_STATUS,
    COL_AGE,
    COL_NAME,
    COL_EMAIL,
    COL_PHONE,
    COL_STEP,
    COL_FLAGS,
    COL_FAILED,
    COL_CREATED,
    COL_UPDATED,
    COL_ID,
    COL_DOC,
    COL__COUNT
} ColId;

/* The default: status, age, name, email, phone, step, flags, failed, created. */
#define COLUMNS_DEFAULT "status,age,name,email,phone,step,flags,failed,created"

typedef struct ColumnSet {
    ColId order[COL__COUNT];
    int n;
} ColumnSet;

/* "status,age,name" (names as in COLUMNS_DEFAULT plus updated, id, doc). False with a
 * sentence in err for an unknown or repeated name. */
bool columns_parse(const char *spec, ColumnSet *out, char *err, size_t n);
const char *column_title(ColId c);
bool column_right_aligned(ColId c);
/* The column a sort key orders by, or -1. */
int column_for_sort(SortKey k);

/* Widths for `width` terminal columns: columns that do not fit at their minimum are
 * dropped, least important first (status and name stay); name and email share what is
 * left. One blank separates columns. */
typedef struct ColumnLayout {
    ColId id[COL__COUNT];
    int x[COL__COUNT], w[COL__COUNT];
    int n;
} ColumnLayout;
void columns_layout(const ColumnSet *set, int width, ColumnLayout *out);

/* A cell's text (safe text; "" for nothing) and slot. now_ms gives ages. */
typedef struct Cell {
    char text[SUMMARY_STR_MAX + 32];
    Slot slot;
} Cell;
void column_cell(ColId c, const Summary *s, int64_t now_ms, Cell *out);

Slot status_slot(Status st);

#endif
