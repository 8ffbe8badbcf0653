/* Filter and sort over synthetic summaries: how long one pass takes.
 *
 *   make bench-bin && build/bench-filter [records]
 *
 * Records: Latin-American names (4096 distinct, most with an accent), emails,
 * +57/+52/+55 phones, ObjectId-like ids, document numbers for half, the 7 statuses, a
 * year of creation times. Each filter is matched over every record, and each order
 * sorted from the store order, 15 times; the table shows the fastest and the median
 * pass. The match count is printed so the work cannot be optimised away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/filter.h"
#include "core/sort.h"
#include "core/timeutil.h"

enum { RUNS = 15 };

static const char *const first[] = { "Lucía", "Ana", "José", "João", "María José", "Diego",
                                     "Carla", "Tomás", "Sebastián", "Valentina", "Andrés",
                                     "Camila", "Juan Pablo", "Martín", "Isabela", "Mateo" };
static const char *const last[] = { "Ruiz", "Gómez", "Müller", "Pérez", "Rodríguez", "Silva",
                                    "Hernández", "Castaño", "López", "Ortiz", "Núñez",
                                    "Santos", "Restrepo", "García", "Fernández", "Souza" };
static const char *const domains[] = { "gmail.com", "hotmail.com", "outlook.com", "yahoo.es",
                                       "empresa.com.co" };
static const char *const steps[] = { "1", "signUpForm", "basicInformation", "document",
                                     "liveness", "end" };

static uint64_t rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static Summary *make(unsigned i, int64_t now)
{
    char name[64], email[80], phone[16], id[25], doc[16];
    const char *f = first[rnd(16)], *l = last[rnd(16)], *l2 = last[rnd(16)];
    snprintf(name, sizeof name, "%s %s %s", f, l, l2); /* two surnames, as in Colombia */
    snprintf(email, sizeof email, "user%u.%c%u@%s", i, 'a' + rnd(26), rnd(1000), domains[rnd(5)]);
    snprintf(phone, sizeof phone, "3%09u", rnd(1000000000));
    snprintf(doc, sizeof doc, "%u", 10000000 + rnd(90000000));
    static const char *const cc[] = { "+57", "+52", "+55" };
    SummaryInit in = {
        .str = { [SS_ID] = id, [SS_NAME] = name, [SS_EMAIL] = email, [SS_PHONE] = phone,
                 [SS_COUNTRY_CODE] = cc[rnd(3)], [SS_STEP] = steps[rnd(6)],
                 [SS_DOCNUM] = rnd(2) ? doc : NULL },
        .status = (Status)(ST_STARTED + rnd(7)),
        .created_ms = now - (int64_t)rnd(365 * 24) * 3600000 - rnd(3600000),
        .red_flags = rnd(4) == 0 ? rnd(5) : 0,
        .failed = { rnd(2), rnd(2), rnd(3), rnd(4) },
    };
    in.updated_ms = in.created_ms + rnd(86400000);
    /* An ObjectId: creation second, then machine/counter bytes. */
    snprintf(id, sizeof id, "%08x%08x%08x", (unsigned)(in.created_ms / 1000), rnd(1u << 31), i);
    return summary_new(&in);
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void bench_filter(Summary **recs, size_t n, const char *expr, int64_t now)
{
    FilterError err;
    Filter *f = filter_compile(expr, now, &err);
    if (!f) {
        printf("%-55s  error: %s\n", expr, err.msg);
        return;
    }
    double t[RUNS];
    size_t hits = 0;
    for (int r = 0; r < RUNS; r++) {
        double t0 = now_ms();
        hits = 0;
        for (size_t i = 0; i < n; i++)
            hits += filter_match(f, recs[i]);
        t[r] = now_ms() - t0;
    }
    qsort(t, RUNS, sizeof *t, cmp_double);
    printf("%-55s %7zu  %7.2f  %7.2f\n", expr, hits, t[0], t[RUNS / 2]);
    filter_free(f);
}

static void bench_sort(Summary **recs, size_t n, const char *key)
{
    SortSpec spec;
    sort_parse(key, &spec);
    uint32_t *idx = malloc(n * sizeof *idx);
    double t[RUNS];
    for (int r = 0; r < RUNS; r++) {
        for (size_t i = 0; i < n; i++)
            idx[i] = (uint32_t)i;
        double t0 = now_ms();
        sort_indices(idx, n, recs, spec);
        t[r] = now_ms() - t0;
    }
    qsort(t, RUNS, sizeof *t, cmp_double);
    printf("sort %-50s %7s  %7.2f  %7.2f\n", key, "", t[0], t[RUNS / 2]);
    free(idx);
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? strtoul(argv[1], NULL, 10) : 100000;
    int64_t now = 1748736000000LL; /* 2025-06-01 */
    Summary **recs = malloc(n * sizeof *recs);
    for (size_t i = 0; i < n; i++)
        recs[i] = make((unsigned)i, now);
    printf("%zu records\n%-55s %7s  %7s  %7s\n", n, "filter", "matches", "min ms", "med ms");
    static const char *const exprs[] = {
        "status:review flags>0 created>=2025-01-01 age<30d",
        "status:failed,expired failed.bio>=2 !step:end lucia",
        "muller created>=2025-03-01 !status:done flags=0",
        "email:@gmail.com phone:300 status:ongoing age>2d",
        "status:review OR status:failed flags>0 OR created>=-7d",
        "(name:ruiz | email:ruiz) !(status:done OR status:nokyc)",
        "juan.p",
        "ruiz",
        "zzzz",
    };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++)
        bench_filter(recs, n, exprs[i], now);
    static const char *const keys[] = { "-created", "status", "name", "email", "flags" };
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        bench_sort(recs, n, keys[i]);
    for (size_t i = 0; i < n; i++)
        free(recs[i]);
    free(recs);
    return 0;
}
