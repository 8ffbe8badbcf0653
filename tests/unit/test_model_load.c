/* What the status bar says at the end of a load the API did not serve cleanly: how many
 * duplicates were dropped, a total that changed while it ran, a cap that stopped it
 * (each with r to load again). A model in memory, results built as the worker posts them. */
#include <criterion/criterion.h>
#include <string.h>

#include "../testutil.h"
#include "core/msg.h"
#include "testmodel.h"

Test(model_load, duplicates_within_the_load_are_counted_in_the_status_bar)
{
    TestModel t;
    Model *m = tm_start(&t, 5); /* r0…r4 */
    tm_page(&t, 3);             /* r0…r2 again: offset paging while records were added */
    cr_assert_eq(m->store.n, 5, "one of each");
    tm_done(&t, 0);
    cr_assert(strstr(m->msg.text, "dropped 3 duplicate registration(s)"), "%s", m->msg.text);
    /* r reloads: the same records again are not duplicates of the new load. */
    model_reload(m);
    tm_page(&t, 5);
    tm_done(&t, 0);
    cr_assert_null(strstr(m->msg.text, "duplicate"), "%s", m->msg.text);
    tm_free(&t);
}

static void done_with(TestModel *t, bool changed, ListCap cap, const char *sentence)
{
    Result r = { .kind = RES_LIST_DONE, .generation = t->m.gen, .job = t->m.load.job, .loaded = 5, .total = 7,
                 .data_changed = changed, .capped = cap };
    msg_format(r.message, sizeof r.message, "%s", sentence);
    model_apply(&t->m, &r);
}

Test(model_load, a_changed_total_or_a_cap_is_said_with_r)
{
    TestModel t;
    Model *m = tm_start(&t, 5);
    done_with(&t, true, CAP_NONE, "the registrations changed on the server during the load (a total of 5 on page 1, "
                                  "7 at the end)");
    cr_assert(strstr(m->msg.text, "changed on the server during the load (a total of 5 on page 1, 7 at the end); r "
                                  "loads it again"), "%s", m->msg.text);
    cr_assert_not(m->load.active);
    model_reload(m);
    tm_page(&t, 5);
    done_with(&t, false, CAP_RECORDS, "stopped at 5 registrations, the max_records limit in the config, while the "
                                      "API had more pages to send");
    cr_assert(strstr(m->msg.text, "the max_records limit in the config"), "%s", m->msg.text);
    cr_assert_not(m->load.have_all, "a capped load is not all there is");
    tm_free(&t);
}

/* The store is sized from what the load announces (the server's total, or a file's size
 * against the bytes read so far), so 1M records arrive without a re-index each doubling. */
Test(model_load, the_store_is_sized_from_the_total_or_the_file_size)
{
    TestModel t;
    Model *m = tm_start(&t, 0);
    Summary *one[1] = { tm_summary("a", ST_ONGOING, 1) };
    Result r = { .kind = RES_PAGE, .generation = m->gen, .job = m->load.job, .loaded = 1, .total = 100000 };
    r.page.items = one;
    r.page.n = 1;
    model_apply(m, &r);
    cr_assert_geq(m->store.nslots, 200000, "sized for the announced total (%zu slots)", m->store.nslots);
    tm_free(&t);

    m = tm_start(&t, 0);
    Summary *two[1] = { tm_summary("b", ST_ONGOING, 1) };
    Result f = { .kind = RES_PAGE, .generation = m->gen, .job = m->load.job, .loaded = 500, .total = -1,
                 .bytes = 1 << 20, .bytes_total = 200 << 20 }; /* 500 records in the first 1 MB of 200 */
    f.page.items = two;
    f.page.n = 1;
    model_apply(m, &f);
    cr_assert_geq(m->store.nslots, 200000, "sized for ~100000 records (%zu slots)", m->store.nslots);
    tm_free(&t);
}
