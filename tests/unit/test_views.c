/* Saved views (core/views): the built-in ones, the list they make with the config's, and
 * finding one by name or key, as the dashboard and `regdesk list --view` do. */
#include <criterion/criterion.h>

#include "core/views.h"
#include "filtertest.h"

Test(views, every_built_in_view_compiles_and_sorts)
{
    size_t n;
    const SavedView *v = views_builtin(&n);
    cr_assert_eq(n, VIEWS_KEYS);
    for (size_t i = 0; i < n; i++) {
        filter_free(compile_ok(v[i].filter));
        SortSpec s;
        cr_assert(sort_parse(v[i].sort, &s), "view %s: sort %s", v[i].name, v[i].sort);
        cr_assert(*v[i].why, "view %s says what it shows", v[i].name);
    }
}

Test(views, today_is_the_days_registrations)
{
    size_t n;
    const SavedView *v = views_builtin(&n);
    int today = views_find(v, n, "Today");
    cr_assert_geq(today, 0);
    cr_assert(M(v[today].filter, (R){ .created = NOW + 5 * HOUR }));
    cr_assert_not(M(v[today].filter, (R){ .created = NOW - HOUR }), "yesterday evening");
}

Test(views, config_views_come_after_or_replace_the_built_in_ones)
{
    const SavedView user[] = {
        { "Mine", "email:@example.org", "-updated", "" },
        { "overdue", "status:review age>36h", "age", "" },
    };
    SavedView out[VIEWS_MAX];
    size_t n = views_combine(true, user, 2, out, VIEWS_MAX);
    cr_assert_eq(n, 10);
    cr_assert_str_eq(out[5].filter, "status:review age>36h", "same name: in the built-in one's place (key 6)");
    cr_assert_str_eq(out[9].name, "Mine", "a new one after the nine");
    n = views_combine(false, user, 2, out, VIEWS_MAX);
    cr_assert_eq(n, 2);
    cr_assert_str_eq(out[0].name, "Mine", "builtin_views = no: the config's views from key 1");
    cr_assert_eq(views_combine(true, user, 2, out, 4), 4, "at most cap");
}

Test(views, found_by_name_or_key)
{
    size_t n;
    const SavedView *v = views_builtin(&n);
    cr_assert_eq(views_find(v, n, "needs REVIEW"), 1);
    cr_assert_eq(views_find(v, n, "2"), 1);
    cr_assert_eq(views_find(v, n, "9"), 8);
    cr_assert_eq(views_find(v, n, "10"), -1);
    cr_assert_eq(views_find(v, n, "0"), -1);
    cr_assert_eq(views_find(v, n, "Nothing"), -1);
    SortSpec s = views_sort(&v[1]);
    cr_assert(s.key == SORT_AGE && !s.descending);
    SavedView plain = { "x", "", "", "" };
    s = views_sort(&plain);
    cr_assert(s.key == SORT_CREATED && s.descending, "no sort: newest first");
}

/* The built-in Overdue view waits for the sla setting, in the filter language's units;
 * a config view that took its name keeps its own filter. */
Test(views, overdue_follows_the_sla_setting)
{
    SavedView out[VIEWS_MAX];
    char buf[48];
    size_t n = views_combine(true, NULL, 0, out, VIEWS_MAX);
    int k = views_find(out, n, "Overdue");
    cr_assert_geq(k, 0);
    views_follow_sla(out, n, 8 * 3600, buf, sizeof buf);
    cr_assert_str_eq(out[k].filter, "status:review waiting>8h");
    const R nine = { .st = ST_NEEDS_MANUAL_VERIFICATION, .created = NOW - 2 * DAY, .updated = NOW - 9 * HOUR };
    cr_assert(M(out[k].filter, nine), "nine hours in review is past an 8 h SLA");
    out[k].filter = views_builtin(&n)[k].filter; /* views_follow_sla rewrites only the built-in text */
    views_follow_sla(out, n, 90 * 60, buf, sizeof buf);
    cr_assert_str_eq(out[k].filter, "status:review waiting>90m");
    out[k].filter = views_builtin(&n)[k].filter;
    views_follow_sla(out, n, 24 * 3600, buf, sizeof buf);
    cr_assert_str_eq(out[k].filter, "status:review waiting>24h", "the default reads as before");
    cr_assert_not(M(out[k].filter, nine));

    const SavedView user[] = { { "Overdue", "status:review age>36h", "age", "" } };
    n = views_combine(true, user, 1, out, VIEWS_MAX);
    views_follow_sla(out, n, 8 * 3600, buf, sizeof buf);
    cr_assert_str_eq(out[k].filter, "status:review age>36h", "the config's own Overdue is left as written");
}
