/* List pages: every documented envelope (reference §4.3, §10.4–10.5) and broken bodies. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse.h"

static Page page_of(const char *json, bool expect_ok)
{
    size_t len;
    char *body = tu_dup(json, &len);
    Page p;
    char err[200] = "";
    bool ok = parse_page(body, len, &p, err, sizeof err);
    cr_assert_eq(ok, expect_ok, "parse_page(%s) → %d (%s)", json, ok, err);
    free(body);
    return p;
}

#define REC(id) "{\"_id\":\"" id "\",\"status\":\"ONGOING\"}"

Test(parse_page, top_level_envelope)
{
    Page p = page_of("{\"data\":[" REC("a1") "," REC("a2") "],\"total\":137,\"limit\":20,\"page\":3,\"pages\":7}", true);
    cr_assert_eq(p.n, 2);
    cr_assert_str_eq(summary_str(p.items[1], SS_ID), "a2");
    cr_assert_eq(p.total, 137);
    cr_assert_eq(p.limit, 20);
    cr_assert_eq(p.page, 3);
    cr_assert_eq(p.pages, 7);
    page_free(&p);
}

Test(parse_page, older_success_and_pagination_with_perPage)
{
    Page p = page_of("{\"success\":true,\"data\":[" REC("a1") "],"
                     "\"pagination\":{\"page\":2,\"perPage\":20,\"total\":41,\"pages\":3}}", true);
    cr_assert_eq(p.n, 1);
    cr_assert_eq(p.total, 41);
    cr_assert_eq(p.limit, 20, "perPage is the page size in the older envelope");
    cr_assert_eq(p.page, 2);
    cr_assert_eq(p.pages, 3);
    page_free(&p);
}

Test(parse_page, pagination_with_limit_signature_and_id)
{
    Page p = page_of("{\"id\":\"PER01\",\"data\":[" REC("a1") "],"
                     "\"pagination\":{\"page\":1,\"limit\":100,\"total\":1,\"pages\":1},"
                     "\"signature\":{\"dateTime\":\"x\",\"message\":\"Certified by Verifik.co\"}}", true);
    cr_assert_eq(p.n, 1);
    cr_assert_eq(p.limit, 100);
    cr_assert_eq(p.total, 1);
    page_free(&p);
}

Test(parse_page, data_only_leaves_totals_unknown)
{
    Page p = page_of("{\"data\":[" REC("a1") "]}", true);
    cr_assert_eq(p.n, 1);
    cr_assert_eq(p.total, -1);
    cr_assert_eq(p.pages, -1);
    page_free(&p);
}

Test(parse_page, bare_array_dump)
{
    Page p = page_of("[" REC("a1") "," REC("a2") "," REC("a3") "]", true);
    cr_assert_eq(p.n, 3);
    page_free(&p);
}

Test(parse_page, pages_derived_and_numbers_as_strings)
{
    Page p = page_of("{\"data\":[],\"total\":\"137\",\"limit\":\"20\",\"page\":\"1\"}", true);
    cr_assert_eq(p.total, 137);
    cr_assert_eq(p.limit, 20);
    cr_assert_eq(p.pages, 7, "ceil(137/20)");
    page_free(&p);
}

Test(parse_page, non_objects_are_skipped_neighbours_kept)
{
    Page p = page_of("{\"data\":[" REC("a1") ",42,null,\"x\",[]," REC("a2") "],\"total\":6}", true);
    cr_assert_eq(p.n, 2);
    cr_assert_eq(p.skipped, 4);
    cr_assert_str_eq(summary_str(p.items[0], SS_ID), "a1");
    cr_assert_str_eq(summary_str(p.items[1], SS_ID), "a2");
    page_free(&p);
}

Test(parse_page, broken_bodies_give_a_sentence_not_a_crash)
{
    const char *bad[] = { "", "{", "<html><body>502 Bad Gateway</body></html>", "{\"data\":[{\"_id\":\"a\"",
                          "{\"data\":{}}", "{\"success\":false,\"error\":\"Invalid query parameters\"}",
                          "{\"data\":[]} trailing", "nul" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        size_t len;
        char *body = tu_dup(bad[i], &len);
        Page p;
        char err[200] = "";
        cr_assert_not(parse_page(body, len, &p, err, sizeof err), "accepted %s", bad[i]);
        cr_assert_gt(strlen(err), 10, "no message for %s", bad[i]);
        cr_assert_eq(p.n, 0);
        page_free(&p);
        free(body);
    }
}

Test(parse_page, counts_records_with_invalid_fields)
{
    Page p = page_of("{\"data\":[" REC("a1") ",{\"_id\":\"a2\",\"status\":7}," REC("a3") "]}", true);
    cr_assert_eq(p.n, 3);
    cr_assert_eq(p.with_invalid, 1);
    page_free(&p);
}

Test(parse_page, nesting_beyond_the_parser_limit_fails_cleanly)
{
    /* cJSON refuses depth > 1000; the page fails with a message rather than a crash. */
    char *json = tu_nested("{\"data\":[{\"_id\":\"x\",\"deep\":", "[", 1100, "", "]", "}]}");
    Page p;
    char err[200] = "";
    cr_assert_not(parse_page(json, strlen(json), &p, err, sizeof err));
    cr_assert(strstr(err, "not valid JSON"), "%s", err);
    free(json);
}

/* The projects list: flows as objects or ids, pages from the envelope. */
Test(parse_page, projects_with_flows_as_objects_or_ids)
{
    char body[] = "{\"data\":[{\"_id\":\"p1\",\"name\":\"Banco \\u001b[31mAndino\",\"status\":\"active\","
                  "\"projectFlows\":[{\"_id\":\"f1\",\"name\":\"Onboarding\",\"type\":\"onboarding\"},\"f2\",7]},"
                  "{\"id\":\"p2\",\"projectFlows\":null},42],\"total\":3,\"limit\":2,\"page\":1}";
    ProjectPage pg;
    char err[200];
    cr_assert(parse_projects(body, strlen(body), &pg, err, sizeof err), "%s", err);
    cr_assert_eq(pg.n, 2, "the number in data is skipped");
    cr_assert_eq(pg.pages, 2, "pages derived from total and limit");
    cr_assert_str_eq(pg.items[0].id, "p1");
    cr_assert_null(strchr(pg.items[0].name, 0x1b), "names are display-safe");
    cr_assert_eq(pg.items[0].n_flows, 2, "an object and an id; the number is skipped");
    cr_assert_str_eq(pg.items[0].flows[0].name, "Onboarding");
    cr_assert_str_eq(pg.items[0].flows[1].id, "f2");
    cr_assert_str_eq(pg.items[0].flows[1].name, "");
    cr_assert_str_eq(pg.items[1].id, "p2", "id as well as _id");
    cr_assert_eq(pg.items[1].n_flows, 0);
    project_page_free(&pg);
    char bad[] = "{\"data\":{}}";
    cr_assert_not(parse_projects(bad, strlen(bad), &pg, err, sizeof err));
    cr_assert(strstr(err, "no list of projects"), "%s", err);
}
