/* What parsing list pages costs (bench/rows/pages.sh): the worker's side of a full load.
 *
 *   build/bench-core [--records N] [--rounds R]
 *
 * Generates a page set of list responses shaped like the API's (100 records per page,
 * with emailValidation, phoneValidation, biometricValidation and documentValidation
 * populated, Spanish/Portuguese names with accents), then parses every page with
 * parse_page and merges it into a store, R times. Prints bench/report.py lines: the time
 * of each round, and the throughput of the median round in MB/s and per page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/parse.h"
#include "core/store.h"
#include "core/strbuf.h"
#include "core/timeutil.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static const char *const firsts[] = { "Ana", "Lucía", "José", "María", "João", "Conceição", "Diego",
                                      "Sofía", "Tomás", "Inês", "Andrés", "Camila", "Gonçalo", "Valentina" };
static const char *const lasts[] = { "Ruiz", "Gómez", "Pérez", "Souza", "Ibáñez", "Muñoz", "Rodríguez",
                                     "Araújo", "Castaño", "Peña", "Fernández", "Brandão", "Ortiz" };
static const char *const statuses[] = { "STARTED", "ONGOING", "COMPLETED", "COMPLETED_WITHOUT_KYC",
                                        "FAILED", "NEEDS_MANUAL_VERIFICATION", "EXPIRED" };
static const char *const steps[] = { "1", "instructions", "signUpForm", "document", "liveness", "end" };

static void gen_record(StrBuf *b, uint32_t i, int64_t now)
{
    const char *first = firsts[rnd(14)], *last = lasts[rnd(13)];
    char created[32], updated[32];
    int64_t t = now - (int64_t)rnd(90 * 24) * 3600000 - rnd(3600000);
    time_format_iso(t, created, sizeof created);
    time_format_iso(t + rnd(3600000), updated, sizeof updated);
    unsigned phone = 3000000000u + rnd(99999999);
    strbuf_printf(b,
        "{\"_id\":\"6650aa01c0ffee%010u\",\"client\":\"6650aa01c0ffee00000000c1\","
        "\"project\":\"6650aa01c0ffee0000000p0%u\",\"projectFlow\":\"6650aa01c0ffee0000000f0%u\","
        "\"status\":\"%s\",\"currentStep\":\"%s\",\"email\":\"%c.%s%u@example.org\","
        "\"phone\":\"%u\",\"countryCode\":\"+57\",\"fullName\":\"%s %s\",\"language\":\"es\","
        "\"redFlags\":%u,\"redFlagsDetails\":{},\"failedEmailValidations\":[],\"failedPhoneValidations\":[],"
        "\"failedBiometricValidations\":[%s],\"failedDocumentValidations\":[],"
        "\"emailValidation\":{\"_id\":\"6650aa01c0ffee%010ue\",\"email\":\"x@example.org\",\"status\":\"validated\",\"updatedAt\":\"%s\"},"
        "\"phoneValidation\":{\"_id\":\"6650aa01c0ffee%010ua\",\"countryCode\":\"+57\",\"phone\":\"%u\",\"status\":\"validated\"},"
        "\"biometricValidation\":{\"_id\":\"6650aa01c0ffee%010ub\",\"status\":\"validated\",\"livenessScore\":0.%02u},"
        "\"documentValidation\":{\"_id\":\"6650aa01c0ffee%010ud\",\"status\":\"ACTIVE\",\"documentNumber\":\"10%08u\"},"
        "\"createdAt\":\"%s\",\"updatedAt\":\"%s\"}",
        i, rnd(3), rnd(6), statuses[rnd(7)], steps[rnd(6)], first[0], "user", i, phone, first, last,
        rnd(4), rnd(3) ? "" : "\"6650aa01c0ffee00000000b9\"", i, updated, i, phone, i, 50 + rnd(50), i,
        rnd(100000000), created, updated);
}

static char **gen_pages(size_t records, size_t *npages, size_t *bytes)
{
    size_t per = 100, n = (records + per - 1) / per;
    char **pages = calloc(n, sizeof *pages);
    int64_t now = time_now_ms();
    *bytes = 0;
    for (size_t p = 0; p < n; p++) {
        StrBuf b = STRBUF_INIT;
        strbuf_puts(&b, "{\"data\":[");
        for (size_t i = 0; i < per && p * per + i < records; i++) {
            if (i)
                strbuf_putc(&b, ',');
            gen_record(&b, (uint32_t)(p * per + i), now);
        }
        strbuf_printf(&b, "],\"total\":%zu,\"limit\":100,\"page\":%zu,\"pages\":%zu}", records, p + 1, n);
        *bytes += b.len;
        pages[p] = strbuf_steal(&b);
    }
    *npages = n;
    return pages;
}

/* Parses every page into a fresh store; returns the seconds it took. */
static double parse_all(char **pages, size_t npages, Store *st)
{
    double t0 = now_s();
    for (size_t p = 0; p < npages; p++) {
        size_t len = strlen(pages[p]);
        char *copy = malloc(len + 1); /* the parser may write into its buffer */
        memcpy(copy, pages[p], len + 1);
        Page pg;
        char err[200];
        if (!parse_page(copy, len, &pg, err, sizeof err)) {
            fprintf(stderr, "bench: page %zu did not parse: %s\n", p, err);
            exit(1);
        }
        store_merge_page(st, &pg);
        page_free(&pg);
        free(copy);
    }
    return now_s() - t0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    size_t records = 10000;
    int rounds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--records"))
            records = strtoul(argv[i + 1], NULL, 10);
        else if (!strcmp(argv[i], "--rounds"))
            rounds = atoi(argv[i + 1]);
    }
    size_t npages, bytes;
    char **pages = gen_pages(records, &npages, &bytes);
    double *t = malloc((size_t)rounds * sizeof *t);
    for (int r = 0; r < rounds; r++) {
        Store st;
        store_init(&st);
        t[r] = parse_all(pages, npages, &st) * 1e3;
        store_free(&st);
        printf("sample\tparse %zu pages into a store\tms\t%.2f\n", npages, t[r]);
    }
    qsort(t, (size_t)rounds, sizeof *t, cmp_double);
    double med = t[rounds / 2];
    printf("value\tparse throughput (median round)\tMB/s\t%.0f\n", bytes / med / 1e3);
    printf("value\tparse time per page of 100 (median round)\tms\t%.2f\n", med / (double)npages);
    printf("note\t%zu records in %zu pages, %.1f MB, populated sub-objects, parsed on one thread.\n", records,
           npages, bytes / 1e6);
    free(t);
    for (size_t p = 0; p < npages; p++)
        free(pages[p]);
    free(pages);
    return 0;
}
