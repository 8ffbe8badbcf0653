/* The 1M-record rows of make bench, as pure core functions (bench/run.sh gives it the
 * dump):
 *
 *   build/bench-scale DUMP [RUNS]
 *
 * Loads DUMP (any --file input) into a store, then builds what the dashboard keeps for
 * every record (the id index, the related-registrations index, a view's index array and
 * its sorted order) and reports resident memory per record: the growth of RSS from
 * before the load, so allocator overhead counts, next to the heap bytes in use. Then it
 * times, RUNS times each (default 7): sorting every record by every key, and matching
 * every record against a bare word and a 4-term filter. The filters' words are taken
 * from the data (the most common last name) so they match as they would for a user.
 * Last, the same sorts and filters as the dashboard's view runs them at this size: in
 * slices between input polls (model/view.c), with how long the call a key makes takes,
 * the longest slice (what a key pressed meanwhile waits for at most), and the time until
 * the new rows land.
 *
 * Output: bench/report.py lines ("value", "sample" and "note"), and nothing else on
 * stdout. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/filter.h"
#include "bench_util.h"
#include "core/parse_stream.h"
#include "core/related.h"
#include "core/sort.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "core/timeutil.h"
#include "model/view.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static size_t rss_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%lu %lu", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (size_t)sysconf(_SC_PAGESIZE);
}

static void sink(void *ctx, Summary *s)
{
    store_put(ctx, s, NULL);
}

static void load(const char *path, Store *st)
{
    RecordStream *rs = rstream_new(sink, st);
    bench_feed_file(rs, path, "bench-scale");
    rstream_free(rs);
}

/* The last word of the most common name: what a reviewer might type. */
static void common_word(const Store *st, char *out, size_t n)
{
    size_t best = 0;
    snprintf(out, n, "garcia");
    for (size_t probe = 0; probe < 200 && probe < st->n; probe++) {
        const char *name = summary_str(st->recs[probe * (st->n / 200 + 1) % st->n], SS_NAME);
        const char *sp = strrchr(name, ' ');
        if (!sp || strlen(sp + 1) < 4 || strlen(sp + 1) >= n)
            continue;
        size_t hits = 0;
        for (size_t i = 0; i < st->n; i += 97)
            hits += strstr(summary_str(st->recs[i], SS_NAME), sp + 1) != NULL;
        if (hits > best) {
            best = hits;
            snprintf(out, n, "%s", sp + 1);
        }
    }
}

static void time_filter(const Store *st, const char *label, const char *expr, int runs)
{
    FilterError fe;
    Filter *f = filter_compile(expr, time_now_ms(), &fe);
    if (!f) {
        fprintf(stderr, "bench-scale: filter '%s': %s\n", expr, fe.msg);
        exit(1);
    }
    size_t hits = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now_ms();
        hits = 0;
        for (size_t i = 0; i < st->n; i++)
            hits += filter_match(f, st->recs[i]);
        printf("sample\t%s\tms\t%.2f\n", label, now_ms() - t0);
    }
    printf("note\t%s is `%s`: %zu of %zu match\n", label, expr, hits, st->n);
    filter_free(f);
}

static void time_sorts(const Store *st, uint32_t *idx, int runs)
{
    for (int k = 0; k < SORT__COUNT; k++) {
        for (int desc = 0; desc < 2; desc++) {
            SortSpec spec = { (SortKey)k, desc };
            char name[48], label[64];
            sort_format(spec, name, sizeof name);
            snprintf(label, sizeof label, "sort %s", name);
            for (int r = 0; r < runs; r++) {
                for (size_t i = 0; i < st->n; i++)
                    idx[i] = (uint32_t)i;
                double t0 = now_ms();
                sort_indices(idx, st->n, st->recs, spec);
                printf("sample\t%s\tms\t%.2f\n", label, now_ms() - t0);
            }
        }
    }
}

/* One rebuild in slices, started by `start` as a key would: prints the call's time, the
 * longest slice and the time until it lands. */
static void slice_case(View *v, const Store *st, const char *label, SortSpec sort, const char *expr, int runs)
{
    for (int r = 0; r < runs; r++) {
        double t0 = now_ms(), worst = 0;
        if (expr) {
            FilterError fe;
            view_set_filter(v, st, filter_compile(r % 2 ? "" : expr, time_now_ms(), &fe));
        } else {
            view_set_sort(v, st, r % 2 ? (SortSpec){ SORT_CREATED, true } : sort);
        }
        double call = now_ms() - t0;
        int slices = 0;
        while (view_busy(v)) {
            double s0 = now_ms();
            view_work(v, st);
            double d = now_ms() - s0;
            worst = d > worst ? d : worst;
            slices++;
        }
        if (r % 2) /* the way back, so every measured run starts from the same view */
            continue;
        printf("sample\t%s: the key's call\tms\t%.2f\n", label, call);
        printf("sample\t%s: longest slice\tms\t%.2f\n", label, worst);
        printf("sample\t%s: a key waits at most\tms\t%.2f\n", label, call + worst);
        printf("sample\t%s: until the rows land\tms\t%.1f\n", label, now_ms() - t0);
        if (r == 0)
            printf("note\t%s: %d slices of %d units, %zu rows\n", label, slices, (int)v->slice_budget, v->n);
    }
}

static void time_slices(const Store *st, const char *word, const char *four, int runs)
{
    View v;
    view_init(&v, (SortSpec){ SORT_CREATED, true });
    view_set_rows(&v, 38);
    for (size_t i = 0; i < st->n; i++)
        view_note_new(&v, (uint32_t)i);
    view_sync(&v, st);
    while (view_busy(&v))
        view_work(&v, st);
    view_goto(&v, (long)st->n / 3);
    slice_case(&v, st, "view sort name", (SortSpec){ SORT_NAME, false }, NULL, 2 * runs);
    slice_case(&v, st, "view sort -email", (SortSpec){ SORT_EMAIL, true }, NULL, 2 * runs);
    slice_case(&v, st, "view sort status", (SortSpec){ SORT_STATUS, false }, NULL, 2 * runs);
    slice_case(&v, st, "view filter bare word", v.sort, word, 2 * runs);
    slice_case(&v, st, "view filter 4 terms", v.sort, four, 2 * runs);
    view_free(&v);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench-scale DUMP [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 7;
    size_t rss0 = rss_bytes();
    Store st;
    store_init(&st);
    double t0 = now_ms();
    load(argv[1], &st);
    printf("value\tload %zu records (one thread)\tms\t%.0f\n", st.n, now_ms() - t0);
    /* What the dashboard keeps besides the store: related keys, a view and its order. */
    Related *rel = related_new();
    related_find(rel, &st, 0, NULL, 0, NULL);
    uint32_t *view = malloc(st.n * sizeof *view), *order = malloc(st.n * sizeof *order);
    for (size_t i = 0; i < st.n; i++)
        view[i] = (uint32_t)i;
    sort_indices(view, st.n, st.recs, (SortSpec){ SORT_CREATED, true });
    memcpy(order, view, st.n * sizeof *order);
    size_t rss1 = rss_bytes();
    struct mallinfo2 mi = mallinfo2();
    printf("value\tresident memory per record\tB\t%.1f\n", (double)(rss1 - rss0) / (double)st.n);
    printf("value\theap in use per record\tB\t%.1f\n", (double)mi.uordblks / (double)st.n);
    printf("value\tsummary and store bytes per record (store_memory)\tB\t%.1f\n",
           (double)store_memory(&st) / (double)st.n);
    printf("note\t%zu records from %s; RSS grew %.1f MB\n", st.n, argv[1], (double)(rss1 - rss0) / 1048576);

    char word[64], four[160];
    common_word(&st, word, sizeof word);
    time_filter(&st, "filter bare word", word, runs);
    snprintf(four, sizeof four, "status:review,failed flags>0 created>=2025-01-01 %s", word);
    time_filter(&st, "filter 4 terms", four, runs);
    time_sorts(&st, view, runs);
    time_slices(&st, word, four, runs);

    free(view);
    free(order);
    related_free(rel);
    store_free(&st);
    return 0;
}
