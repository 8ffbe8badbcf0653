/* The dashboard's per-page core work while a list loads, page by page (bench/rows/
 * degenerate.sh):
 *
 *   build/bench-degenerate N same|varied
 *
 * N registrations arrive in pages of 100, as the worker delivers them. After each page,
 * what the main thread does for it: merge it into the store, sync the view (sorted by
 * -created, the default) and look up the related records of the selected one, as the
 * open detail pane does. `same` gives every record one e-mail, phone, document number
 * and createdAt (issue 17's stall); `varied` ordinary distinct ones. Prints bench/
 * report.py lines: each page's total time, the worst page, the 99th percentile, and the
 * load's total per step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/related.h"
#include "core/store.h"
#include "model/view.h"

enum { PAGE = 100 };

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static Summary *make(size_t j, bool same)
{
    char id[32], phone[16], email[40], doc[16];
    snprintf(id, sizeof id, "6650aa01c0ffee%010zu", j);
    snprintf(phone, sizeof phone, "300%07zu", same ? 0 : j);
    snprintf(email, sizeof email, "u%zu@example.org", same ? 0 : j);
    snprintf(doc, sizeof doc, "10%08zu", same ? 0 : j);
    SummaryInit in = { .str = { [SS_ID] = id, [SS_NAME] = "Ana Ruiz", [SS_EMAIL] = email, [SS_PHONE] = phone,
                                [SS_COUNTRY_CODE] = "+57", [SS_DOCNUM] = doc },
                       .status = ST_NEEDS_MANUAL_VERIFICATION,
                       .created_ms = 1748736000000LL + (same ? 0 : (int64_t)j * 1000),
                       .updated_ms = 1748736000000LL };
    return summary_new(&in);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 260000;
    bool same = argc > 2 && !strcmp(argv[2], "same");
    const char *what = same ? "equal keys" : "ordinary data";
    Store st;
    store_init(&st);
    Related *rel = related_new();
    View v;
    view_init(&v, (SortSpec){ SORT_CREATED, true });
    view_set_rows(&v, 30);
    size_t pages = (n + PAGE - 1) / PAGE;
    double *page_ms = malloc(pages * sizeof *page_ms), total[3] = { 0 };
    for (size_t p = 0; p < pages; p++) {
        double t0 = now_ms();
        for (size_t j = p * PAGE; j < (p + 1) * PAGE && j < n; j++) {
            bool inserted;
            size_t at = store_put(&st, make(j, same), &inserted);
            if (inserted)
                view_note_new(&v, (uint32_t)at);
        }
        double t1 = now_ms();
        view_sync(&v, &st);
        double t2 = now_ms();
        RelatedHit hits[12];
        size_t related = 0;
        if (v.sel_rec >= 0)
            related_find(rel, &st, (size_t)v.sel_rec, hits, 12, &related);
        double t3 = now_ms();
        total[0] += t1 - t0, total[1] += t2 - t1, total[2] += t3 - t2;
        page_ms[p] = t3 - t0;
        printf("sample\tpage work, %s\tms\t%.3f\n", what, page_ms[p]);
    }
    qsort(page_ms, pages, sizeof *page_ms, cmp_double);
    printf("value\tpage work, %s: worst page\tms\t%.2f\n", what, page_ms[pages - 1]);
    printf("value\tpage work, %s: 99th percentile\tms\t%.2f\n", what, page_ms[pages * 99 / 100]);
    printf("value\twhole load, %s: store merge\tms\t%.0f\n", what, total[0]);
    printf("value\twhole load, %s: view sync\tms\t%.0f\n", what, total[1]);
    printf("value\twhole load, %s: related lookups\tms\t%.0f\n", what, total[2]);
    free(page_ms);
    view_free(&v);
    related_free(rel);
    store_free(&st);
    return 0;
}
