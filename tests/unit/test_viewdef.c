/* Saved views from the config (conf/viewdef): filter and sort:, and errors at the term. */
#include <criterion/criterion.h>
#include <string.h>

#include "conf/viewdef.h"
#include "conftest.h"

Test(viewdef, filters_and_sorts)
{
    ConfDoc *d = ct_parse("view \"Overdue\" = status:review age>24h sort:age\n"
                       "view Mine = sort:-updated email:@example.org\n"
                       "view \"Ana\" = \"ana ruiz\" status:failed\n"
                       "view All =\n"
                       "set page_size = 5\n");
    ViewDef *v;
    size_t n = viewdefs_from_conf(d, &v);
    cr_assert_eq(d->nwarns, 0, "%s", d->nwarns ? ct_warning(d, 0) : "");
    cr_assert_eq(n, 4);
    cr_assert_str_eq(v[0].name, "Overdue");
    cr_assert_str_eq(v[0].filter, "status:review age>24h");
    cr_assert_str_eq(v[0].sort, "age");
    cr_assert_str_eq(v[1].filter, "email:@example.org");
    cr_assert_str_eq(v[1].sort, "-updated");
    cr_assert_str_eq(v[2].filter, "\"ana ruiz\" status:failed", "the filter language's own quotes stay");
    cr_assert_str_eq(v[2].sort, "");
    cr_assert_str_eq(v[3].filter, "");
    cr_assert_eq(v[3].pos.line, 4);
    conf_free(d);
}

Test(viewdef, a_sort_word_inside_quotes_is_filter_text)
{
    ConfDoc *d = ct_parse("view Q = \"sort:age\" sort:name\n");
    ViewDef *v;
    cr_assert_eq(viewdefs_from_conf(d, &v), 1);
    cr_assert_str_eq(v[0].filter, "\"sort:age\"");
    cr_assert_str_eq(v[0].sort, "name");
    conf_free(d);
}

Test(viewdef, errors_point_at_the_term)
{
    const CtBad bad[] = {
        { "view X = status:review stauts:x sort:age", "cfg:1:24: ", "view \"X\": unknown field 'stauts'" },
        { "view X = sort:age stauts:x", "cfg:1:19: ", "unknown field 'stauts'" },
        { "view X = status:review sort:colour", "cfg:1:29: ", "unknown sort \"colour\"; use created, updated" },
        { "view X = sort:age flags>0 sort:name", "cfg:1:10: ", "a view takes one sort: word, not 2" },
        { "view \"\" = flags>0", "cfg:1:6: ", "expected a view name after view" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ConfDoc *d = ct_parse(bad[i].line);
        ViewDef *v;
        cr_assert_eq(viewdefs_from_conf(d, &v), 0, "%s: left out", bad[i].line);
        ct_assert_one_warning(d, &bad[i]);
        conf_free(d);
    }
}

Test(viewdef, a_second_definition_replaces_the_first_in_place)
{
    ConfDoc *d = ct_parse("view A = flags>0\nview B = failed>0\nview a = flags>2 sort:-flags\n");
    ViewDef *v;
    cr_assert_eq(viewdefs_from_conf(d, &v), 2);
    cr_assert_str_eq(v[0].name, "a");
    cr_assert_str_eq(v[0].filter, "flags>2");
    cr_assert_str_eq(v[1].name, "B");
    cr_assert_eq(d->nwarns, 1);
    cr_assert_str_eq(ct_warning(d, 0), "cfg:3:6: view \"a\" was defined before (cfg:1); this one replaces it");
    conf_free(d);
}
