/* Sorting the view (suite sort). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sort.h"

/* A record; time 0 means missing. */
typedef struct R {
    const char *id, *name, *email, *raw;
    Status st;
    int64_t created, updated;
    unsigned flags, failed_bio;
    uint32_t invalid;
} R;

static Summary *mk(R r)
{
    SummaryInit in = {
        .str = { [SS_ID] = r.id, [SS_NAME] = r.name, [SS_EMAIL] = r.email,
                 [SS_STATUS_RAW] = r.raw },
        .status = r.st,
        .created_ms = r.created ? r.created : TIME_NONE,
        .updated_ms = r.updated ? r.updated : TIME_NONE,
        .red_flags = r.flags,
        .invalid = r.invalid,
        .failed = { [FAIL_BIO] = r.failed_bio },
    };
    return summary_new(&in);
}

/* Sorts recs by spec (given as text) and checks the ids come out in `want` order. */
static void expect_order(const char *spec_text, const R *recs, size_t n, const char *want)
{
    SortSpec spec;
    cr_assert(sort_parse(spec_text, &spec), "'%s' should parse", spec_text);
    Summary **s = malloc(n * sizeof *s);
    uint32_t *idx = malloc(n * sizeof *idx);
    for (size_t i = 0; i < n; i++) {
        s[i] = mk(recs[i]);
        idx[i] = (uint32_t)i;
    }
    sort_indices(idx, n, s, spec);
    char got[256] = "";
    for (size_t i = 0; i < n; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", i ? " " : "",
                 summary_str(s[idx[i]], SS_ID));
    cr_assert_str_eq(got, want, "sort %s", spec_text);
    for (size_t i = 0; i < n; i++)
        free(s[i]);
    free(s);
    free(idx);
}

#define N(a) (sizeof(a) / sizeof *(a))

Test(sort, parse_and_format_round_trip)
{
    for (int k = 0; k < SORT__COUNT; k++) {
        for (int d = 0; d < 2; d++) {
            SortSpec in = { (SortKey)k, d }, out;
            char buf[32];
            sort_format(in, buf, sizeof buf);
            cr_assert_eq(buf[0] == '-', d, "%s", buf);
            cr_assert(sort_parse(buf, &out), "'%s' should parse", buf);
            cr_assert(out.key == in.key && out.descending == in.descending, "'%s'", buf);
        }
    }
    SortSpec s;
    cr_assert(sort_parse("+name", &s) && s.key == SORT_NAME && !s.descending);
    cr_assert(sort_parse("-Created", &s) && s.key == SORT_CREATED && s.descending);
    cr_assert_str_eq(sort_key_name(SORT_FAILED), "failed");
    const char *bad[] = { "", "-", "+", "--created", "size", "created ", "-+age", "name,email" };
    for (size_t i = 0; i < N(bad); i++)
        cr_assert_not(sort_parse(bad[i], &s), "'%s' should not parse", bad[i]);
}

Test(sort, created_both_ways_with_missing_last)
{
    R r[] = { { .id = "a", .created = 300 }, { .id = "b" }, { .id = "c", .created = 100 },
              { .id = "d", .created = 200 }, { .id = "e" } };
    expect_order("created", r, N(r), "c d a b e");
    expect_order("-created", r, N(r), "a d c e b");
    expect_order("age", r, N(r), "c d a b e"); /* oldest first */
    expect_order("-age", r, N(r), "a d c e b");
}

Test(sort, updated)
{
    R r[] = { { .id = "a", .created = 1, .updated = 50 }, { .id = "b", .created = 2 },
              { .id = "c", .created = 3, .updated = 10 } };
    expect_order("updated", r, N(r), "c a b");
    expect_order("-updated", r, N(r), "a c b");
}

Test(sort, ties_fall_back_to_the_id_in_the_same_direction)
{
    R r[] = { { .id = "m", .created = 5 }, { .id = "b", .created = 5 }, { .id = "x", .created = 5 },
              { .id = "a", .created = 9 } };
    expect_order("created", r, N(r), "b m x a");
    expect_order("-created", r, N(r), "a x m b");
}

Test(sort, status_in_workflow_order)
{
    R r[] = {
        { .id = "done", .st = ST_COMPLETED },
        { .id = "fail", .st = ST_FAILED },
        { .id = "none", .st = ST_UNKNOWN },
        { .id = "nokyc", .st = ST_COMPLETED_WITHOUT_KYC },
        { .id = "odd2", .st = ST_OTHER, .raw = "paused" },
        { .id = "ongo", .st = ST_ONGOING },
        { .id = "exp", .st = ST_EXPIRED },
        { .id = "odd1", .st = ST_OTHER, .raw = "ARCHIVED" },
        { .id = "review", .st = ST_NEEDS_MANUAL_VERIFICATION },
        { .id = "start", .st = ST_STARTED },
    };
    expect_order("status", r, N(r), "review ongo start fail exp nokyc done odd1 odd2 none");
    expect_order("-status", r, N(r), "odd2 odd1 done nokyc exp fail start ongo review none");
}

Test(sort, counts_with_invalid_ones_last)
{
    R r[] = { { .id = "a", .flags = 2 }, { .id = "b", .flags = 0 },
              { .id = "c", .invalid = SUMF_REDFLAGS }, { .id = "d", .flags = 7 },
              { .id = "e", .flags = 2 } };
    expect_order("flags", r, N(r), "b a e d c");
    expect_order("-flags", r, N(r), "d e a b c");
    R f[] = { { .id = "a", .failed_bio = 3 }, { .id = "b", .invalid = SUMF_FAILED },
              { .id = "c", .failed_bio = 1 } };
    expect_order("failed", f, N(f), "c a b");
    expect_order("-failed", f, N(f), "a c b");
}

Test(sort, names_collate_without_case_or_accents)
{
    R r[] = { { .id = "1", .name = "Zoe" },   { .id = "2", .name = "ángel" },
              { .id = "3", .name = "Ana" },   { .id = "4", .name = "lucia" },
              { .id = "5", .name = "" },      { .id = "6", .name = "Lucía" },
              { .id = "7", .name = "Ñandú" }, { .id = "8", .name = "nadia" },
              { .id = "9", .name = "Müller" } };
    /* "Lucía" and "lucia" fold alike; bytes decide ('L' < 'l'). Empty names go last. */
    expect_order("name", r, N(r), "3 2 6 4 9 8 7 1 5");
    expect_order("-name", r, N(r), "1 7 8 9 4 6 2 3 5");
}

Test(sort, long_names_sharing_a_prefix)
{
    R r[] = { { .id = "1", .name = "María José Rodríguez Hernández" },
              { .id = "2", .name = "MARIA JOSE RODRIGUEZ GARCIA" },
              { .id = "3", .name = "María José Rodríguez Hernández" },
              { .id = "4", .name = "maria jose rodriguez" } };
    expect_order("name", r, N(r), "4 2 1 3");
    expect_order("-name", r, N(r), "3 1 2 4");
}

Test(sort, emails)
{
    R r[] = { { .id = "1", .email = "b@x.co" }, { .id = "2" }, { .id = "3", .email = "A@x.co" },
              { .id = "4", .email = "é@x.co" } };
    expect_order("email", r, N(r), "3 1 4 2");
    expect_order("-email", r, N(r), "4 1 3 2");
}

Test(sort, duplicate_ids_keep_their_store_order)
{
    R r[] = { { .id = "same", .name = "x", .flags = 1 }, { .id = "same", .name = "x", .flags = 1 },
              { .id = "same", .name = "x", .flags = 1 } };
    SortSpec spec = { SORT_FLAGS, true };
    Summary *s[3];
    for (int i = 0; i < 3; i++)
        s[i] = mk(r[i]);
    uint32_t idx[3] = { 2, 0, 1 };
    sort_indices(idx, 3, s, spec);
    cr_assert(idx[0] == 0 && idx[1] == 1 && idx[2] == 2);
    cr_assert_eq(sort_compare(s[0], s[1], spec), 0);
    for (int i = 0; i < 3; i++)
        free(s[i]);
}

Test(sort, a_view_subset_is_sorted_in_place)
{
    R r[] = { { .id = "a", .created = 4 }, { .id = "b", .created = 3 }, { .id = "c", .created = 2 },
              { .id = "d", .created = 1 } };
    Summary *s[4];
    for (int i = 0; i < 4; i++)
        s[i] = mk(r[i]);
    uint32_t idx[] = { 0, 2, 3 }; /* a filtered view without b */
    sort_indices(idx, 3, s, (SortSpec){ SORT_CREATED, false });
    cr_assert(idx[0] == 3 && idx[1] == 2 && idx[2] == 0);
    for (int i = 0; i < 4; i++)
        free(s[i]);
}

/* sort_indices compares digests first: its order must be exactly sort_compare's. */
Test(sort, indices_agree_with_sort_compare_on_random_records)
{
    static const char *const names[] = { "Ana", "ana", "Ána", "Lucía Ruiz", "lucia ruiz",
                                         "María José Rodríguez Hernández",
                                         "MARIA JOSE RODRIGUEZ HERNANDEZ", "", "Ørsted", "Zoë" };
    static const char *const raws[] = { "PAUSED", "archived", "Paused" };
    enum { COUNT = 3000 };
    Summary **s = malloc(COUNT * sizeof *s);
    uint32_t *idx = malloc(COUNT * sizeof *idx);
    unsigned seed = 12345;
    for (int i = 0; i < COUNT; i++) {
        seed = seed * 1103515245 + 12345;
        unsigned v = seed >> 8;
        char id[32], email[32];
        snprintf(id, sizeof id, "%08x%04u", v % 7 ? v % 97 : 0, i % 500); /* duplicate ids */
        snprintf(email, sizeof email, "%s%u@x.co", v % 3 ? "u" : "Ü", v % 50);
        Status st = (Status)(v % ST__COUNT);
        R r = { .id = id, .name = names[v % 10], .email = v % 11 ? email : NULL, .st = st,
                .raw = st == ST_OTHER ? raws[v % 3] : NULL,
                .created = v % 13 ? (int64_t)(v % 40) - 20 : 0, .updated = (int64_t)(v % 9),
                .flags = v % 4, .failed_bio = v % 3,
                .invalid = v % 17 ? 0 : SUMF_REDFLAGS | SUMF_FAILED };
        s[i] = mk(r);
    }
    for (int k = 0; k < SORT__COUNT; k++) {
        for (int d = 0; d < 2; d++) {
            SortSpec spec = { (SortKey)k, d };
            for (uint32_t i = 0; i < COUNT; i++)
                idx[i] = COUNT - 1 - i;
            sort_indices(idx, COUNT, s, spec);
            unsigned char *seen = calloc(COUNT, 1);
            for (int i = 0; i < COUNT; i++) {
                cr_assert_lt(idx[i], COUNT);
                cr_assert_not(seen[idx[i]], "index %u twice", idx[i]);
                seen[idx[i]] = 1;
                if (i == 0)
                    continue;
                int c = sort_compare(s[idx[i - 1]], s[idx[i]], spec);
                cr_assert(c < 0 || (c == 0 && idx[i - 1] < idx[i]),
                          "%s%s: rows %d and %d out of order", d ? "-" : "",
                          sort_key_name(spec.key), i - 1, i);
            }
            free(seen);
        }
    }
    for (int i = 0; i < COUNT; i++)
        free(s[i]);
    free(s);
    free(idx);
}

Test(sort, compare_is_antisymmetric)
{
    Summary *a = mk((R){ .id = "a", .name = "Lucía", .created = 5 });
    Summary *b = mk((R){ .id = "b", .name = "lucia" });
    for (int k = 0; k < SORT__COUNT; k++) {
        for (int d = 0; d < 2; d++) {
            SortSpec spec = { (SortKey)k, d };
            int ab = sort_compare(a, b, spec), ba = sort_compare(b, a, spec);
            cr_assert((ab < 0 && ba > 0) || (ab > 0 && ba < 0), "%s%s", d ? "-" : "",
                      sort_key_name(spec.key));
        }
    }
    free(a);
    free(b);
}

Test(sort, server_param_only_for_time_orders)
{
    const struct {
        const char *spec, *want;
    } cases[] = {
        { "created", "createdAt" }, { "-created", "-createdAt" }, { "age", "createdAt" },
        { "-age", "-createdAt" },   { "updated", "updatedAt" },  { "-updated", "-updatedAt" },
        { "status", NULL },         { "-flags", NULL },          { "failed", NULL },
        { "name", NULL },           { "-email", NULL },
    };
    for (size_t i = 0; i < N(cases); i++) {
        SortSpec spec;
        cr_assert(sort_parse(cases[i].spec, &spec));
        const char *got = sort_server_param(spec);
        if (cases[i].want)
            cr_assert(got && !strcmp(got, cases[i].want), "%s → %s", cases[i].spec,
                      got ? got : "NULL");
        else
            cr_assert_null(got, "%s → %s", cases[i].spec, got);
    }
}

/* sort_indices (digest words, radix passes, tie runs sorted on copied tails) must give
 * exactly the order sort_compare defines, on records made to hit every path. */
static int by_definition(const void *a, const void *b, void *ctx)
{
    const void **c = ctx;
    Summary *const *recs = c[0];
    const SortSpec *spec = c[1];
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    int r = sort_compare(recs[x], recs[y], *spec);
    return r ? r : (x > y) - (x < y);
}

Test(sort, radix_and_tail_runs_agree_with_sort_compare, .timeout = 60)
{
    static const char *const names[] = {
        "María José García López", "maria jose garcia lopez", "MARÍA JOSÉ GARCÍA LÓPEZ", "María José García",
        "María José Garcíaz", "Ana", "ana", "", "Ángela Sánchez Gómez de la Torre y Mendoza Villalobos Echeverría",
        "Ángela Sánchez Gómez de la Torre y Mendoza Villalobos Echeverrío", "Straße Müller", "strasse muller", "陳美玲",
    };
    static const char *const emails[] = { "a@x.co", "A@x.co", "ana.maria.garcia.lopez@correo.example", "", "ß@x.co" };
    enum { N = 3000 };
    Summary **recs = malloc(N * sizeof *recs);
    for (unsigned i = 0; i < N; i++) {
        char id[40];
        /* Ids sharing long prefixes, some shorter, one repeated. */
        snprintf(id, sizeof id, i % 97 == 0 ? "6650aa01c0ffee%03u" : "6650aa01c0ffee%010u", i % 1500);
        SummaryInit in = { .str = { [SS_ID] = id, [SS_NAME] = names[i % 13], [SS_EMAIL] = emails[i % 5] },
                           .status = (Status)(i % ST__COUNT),
                           .created_ms = i % 11 == 0 ? TIME_NONE : 1748736000000LL + (i % 7) * 1000,
                           .updated_ms = 1748736000000LL + (int64_t)(i % 3),
                           .red_flags = i % 4, .failed = { i % 2, 0, i % 3, 0 },
                           .invalid = i % 23 == 0 ? SUMF_REDFLAGS | SUMF_FAILED : 0 };
        recs[i] = summary_new(&in);
    }
    uint32_t *got = malloc(N * sizeof *got), *want = malloc(N * sizeof *want);
    for (int k = 0; k < SORT__COUNT; k++)
        for (int desc = 0; desc < 2; desc++) {
            SortSpec spec = { (SortKey)k, desc };
            for (unsigned i = 0; i < N; i++)
                got[i] = want[i] = i;
            sort_indices(got, N, recs, spec);
            const void *ctx[2] = { recs, &spec };
            qsort_r(want, N, sizeof *want, by_definition, ctx);
            for (unsigned i = 0; i < N; i++)
                cr_assert_eq(got[i], want[i], "%s%s: position %u differs", desc ? "-" : "", sort_key_name((SortKey)k), i);
        }
    for (unsigned i = 0; i < N; i++)
        free(recs[i]);
    free(recs);
    free(got);
    free(want);
}

/* Past 65536 rows the radix takes 11-bit digits: the same order, on times spread over
 * years (every digit varies) and many equal keys (status, flags, names of one prefix). */
Test(sort, wide_digits_agree_with_sort_compare, .timeout = 120)
{
    static const char *const names[] = { "Luis Fernando Ramírez Ruiz", "luis fernando ramirez ruiz", "Luis", "" };
    enum { N = 70000 };
    Summary **recs = malloc(N * sizeof *recs);
    for (unsigned i = 0; i < N; i++) {
        char id[40], email[48];
        snprintf(id, sizeof id, "6650aa01c0ffee%010u", (i * 7919u) % 50000u); /* some ids repeat */
        snprintf(email, sizeof email, "persona.%u@correo.example", i % 900);
        SummaryInit in = { .str = { [SS_ID] = id, [SS_NAME] = names[i % 4], [SS_EMAIL] = email },
                           .status = (Status)(i % ST__COUNT),
                           .created_ms = i % 13 == 0 ? TIME_NONE : 1500000000000LL + (int64_t)(i * 2654435761u % 250000000u) * 1000,
                           .updated_ms = 1748736000000LL + (int64_t)(i % 5000),
                           .red_flags = i % 4, .failed = { i % 2, 0, i % 3, 0 } };
        recs[i] = summary_new(&in);
    }
    uint32_t *got = malloc(N * sizeof *got), *want = malloc(N * sizeof *want);
    for (int k = 0; k < SORT__COUNT; k++)
        for (int desc = 0; desc < 2; desc++) {
            SortSpec spec = { (SortKey)k, desc };
            for (unsigned i = 0; i < N; i++)
                got[i] = want[i] = i;
            sort_indices(got, N, recs, spec);
            const void *ctx[2] = { recs, &spec };
            qsort_r(want, N, sizeof *want, by_definition, ctx);
            for (unsigned i = 0; i < N; i++)
                cr_assert_eq(got[i], want[i], "%s%s: position %u differs", desc ? "-" : "", sort_key_name((SortKey)k), i);
        }
    for (unsigned i = 0; i < N; i++)
        free(recs[i]);
    free(recs);
    free(got);
    free(want);
}
