/* The column table, --columns lists, and fitting columns into a width. The cells are in
 * columns_cell.c. */
#include "core/columns.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/safetext.h"
#include "core/strbuf.h"

static const ColumnDef defs[COL__COUNT] = {
#define X(id, name, alias, title, head, min, max, prio, weight, right) \
    [COL_##id] = { name, alias, title, head, min, max, prio, weight, right },
    REG_COLUMNS(X)
#undef X
};

const ColumnDef *column_def(ColId c)
{
    return &defs[c];
}

int column_for_sort(SortKey k)
{
    switch (k) {
    case SORT_CREATED: return COL_CREATED;
    case SORT_UPDATED: return COL_UPDATED;
    case SORT_AGE: return COL_AGE;
    case SORT_STATUS: return COL_STATUS;
    case SORT_FLAGS: return COL_FLAGS;
    case SORT_FAILED: return COL_FAILED;
    case SORT_NAME: return COL_NAME;
    case SORT_EMAIL: return COL_EMAIL;
    default: return -1;
    }
}

const char *column_names(void)
{
    static char list[600];
    if (!list[0]) {
        StrBuf b = STRBUF_INIT;
        for (int c = 0; c < COL__COUNT; c++) {
            strbuf_printf(&b, "%s%s", c ? ", " : "", defs[c].name);
            if (defs[c].alias)
                strbuf_printf(&b, " (%s)", defs[c].alias);
        }
        snprintf(list, sizeof list, "%s", strbuf_cstr(&b));
        strbuf_free(&b);
    }
    return list;
}

static int find(const char *p, size_t len)
{
    for (int c = 0; c < COL__COUNT; c++) {
        const char *a = defs[c].alias;
        if ((strlen(defs[c].name) == len && !strncasecmp(p, defs[c].name, len)) ||
            (a && strlen(a) == len && !strncasecmp(p, a, len)))
            return c;
    }
    return -1;
}

bool columns_parse(const char *spec, ColumnSet *set, char *err, size_t n)
{
    ColumnSet got = { .n = 0 }, *out = &got; /* *set changes only on success */
    bool seen[COL__COUNT] = { false };
    for (const char *p = spec + strspn(spec, ", "); *p; p += strspn(p, ", ")) {
        size_t len = strcspn(p, ", ");
        int c = find(p, len);
        if (c < 0 || seen[c]) {
            fmt_bounded(err, n, "%s column \"%.*s\"; the columns are %s", c < 0 ? "unknown" : "repeated",
                        (int)(len > 60 ? 60 : len), p, column_names());
            return false;
        }
        seen[c] = true;
        out->order[out->n++] = (ColId)c;
        p += len;
    }
    if (out->n == 0) {
        fmt_bounded(err, n, "--columns needs at least one column; the columns are %s", column_names());
        return false;
    }
    *set = got;
    return true;
}

bool columns_drop_least(ColId *ids, int *w, int *n, uint32_t keep)
{
    int worst = -1;
    for (int i = 0; i < *n; i++)
        if (!(keep & (1u << ids[i])) && (worst < 0 || defs[ids[i]].prio > defs[ids[worst]].prio))
            worst = i;
    if (worst < 0)
        return false;
    memmove(ids + worst, ids + worst + 1, (size_t)(*n - worst - 1) * sizeof *ids);
    memmove(w + worst, w + worst + 1, (size_t)(*n - worst - 1) * sizeof *w);
    (*n)--;
    return true;
}

static int total_width(const ColumnLayout *l)
{
    int t = 0;
    for (int i = 0; i < l->n; i++)
        t += l->w[i] + (i ? 1 : 0);
    return t;
}

/* Hands spare columns to the flexible ones by weight, up to their maximum. */
static void spread(ColumnLayout *l, int spare)
{
    while (spare > 0) {
        int weights = 0;
        for (int i = 0; i < l->n; i++)
            if (l->w[i] < defs[l->id[i]].max)
                weights += defs[l->id[i]].weight;
        if (!weights)
            return;
        int given = 0;
        for (int i = 0; i < l->n && given < spare; i++) {
            const ColumnDef *d = &defs[l->id[i]];
            if (!d->weight || l->w[i] >= d->max)
                continue;
            int share = spare * d->weight / weights;
            if (share < 1)
                share = 1;
            if (share > d->max - l->w[i])
                share = d->max - l->w[i];
            if (share > spare - given)
                share = spare - given;
            l->w[i] += share;
            given += share;
        }
        if (!given)
            return;
        spare -= given;
    }
}

void columns_layout(const ColumnSet *set, int width, ColumnLayout *out)
{
    out->n = set->n;
    for (int i = 0; i < set->n; i++) {
        out->id[i] = set->order[i];
        out->w[i] = defs[set->order[i]].min;
    }
    const uint32_t keep = 1u << COL_STATUS | 1u << COL_NAME;
    while (total_width(out) > width && columns_drop_least(out->id, out->w, &out->n, keep)) {
    }
    int over = total_width(out) - width;
    for (int i = out->n - 1; i >= 0 && over > 0; i--) { /* a tiny terminal: squeeze */
        int cut = out->w[i] - 1 < over ? out->w[i] - 1 : over;
        out->w[i] -= cut;
        over -= cut;
    }
    if (over < 0)
        spread(out, -over);
    int x = 0;
    for (int i = 0; i < out->n; i++) {
        out->x[i] = x;
        x += out->w[i] + 1;
    }
}

uint32_t column_field_bit(ColId c)
{
    switch (c) {
    case COL_ID: return 1u << SS_ID;
    case COL_NAME: return 1u << SS_NAME;
    case COL_EMAIL: return 1u << SS_EMAIL;
    case COL_PHONE: return 1u << SS_PHONE;
    case COL_DOCUMENT: return 1u << SS_DOCNUM;
    default: return 0;
    }
}
