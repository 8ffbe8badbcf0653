/* parse_page: any body, in any envelope. A page either parses, with every summary
 * display-safe and well-formed and the counters consistent, or fails with a sentence
 * and nothing allocated. Parsing the same bytes twice gives the same records. */
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "fuzz.h"

static bool parse(const uint8_t *data, size_t size, Page *p, char *err, size_t errlen)
{
    char *body = fuzz_dup(data, size);
    memset(err, 0x5A, errlen); /* no NUL: the parser must write one on failure */
    bool ok = parse_page(body, size, p, err, errlen);
    free(body);
    return ok;
}

FUZZ_TARGET(page)
{
    Page p, q;
    char err[200], err2[200];
    bool ok = parse(data, size, &p, err, sizeof err);
    if (!ok) {
        fuzz_check_buf("parse_page's error", err, sizeof err, false);
        FUZZ_CHECK(strlen(err) > 10, "parse_page failed without a sentence: \"%s\"", err);
        FUZZ_CHECK(p.n == 0 && p.items == NULL, "parse_page failed but returned %zu records", p.n);
    } else {
        FUZZ_CHECK(p.total >= -1 && p.page >= -1 && p.pages >= -1 && p.limit >= -1,
                   "negative page numbers other than -1: total %ld page %ld pages %ld limit %ld", p.total, p.page,
                   p.pages, p.limit);
        FUZZ_CHECK(p.n == 0 || p.items, "%zu records and no array", p.n);
        size_t with_invalid = 0;
        for (size_t i = 0; i < p.n; i++) {
            fuzz_check_summary("parse_page", p.items[i]);
            with_invalid += p.items[i]->invalid != 0;
        }
        FUZZ_CHECK(with_invalid == p.with_invalid, "with_invalid says %zu, the records say %zu", p.with_invalid,
                   with_invalid);
    }

    bool ok2 = parse(data, size, &q, err2, sizeof err2);
    FUZZ_CHECK(ok == ok2, "the same body parsed %s, then %s", ok ? "ok" : "not ok", ok2 ? "ok" : "not ok");
    if (ok) {
        FUZZ_CHECK(p.n == q.n && p.total == q.total && p.pages == q.pages && p.skipped == q.skipped,
                   "the same body gave different pages");
        for (size_t i = 0; i < p.n; i++)
            FUZZ_CHECK(fuzz_summary_equal(p.items[i], q.items[i]), "record %zu differs between two parses", i);
    } else {
        FUZZ_CHECK(!strcmp(err, err2), "two parses failed differently: \"%s\" / \"%s\"", err, err2);
    }
    page_free(&p);
    page_free(&q);
    return 0;
}
