/* Store and the related-registration index. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/related.h"
#include "core/store.h"

static Summary *rec(const char *id, Status st, int64_t updated, const char *email, const char *cc,
                    const char *phone, const char *doc)
{
    SummaryInit in = { .status = st, .created_ms = updated, .updated_ms = updated };
    in.str[SS_ID] = id;
    in.str[SS_EMAIL] = email;
    in.str[SS_COUNTRY_CODE] = cc;
    in.str[SS_PHONE] = phone;
    in.str[SS_DOCNUM] = doc;
    return summary_new(&in);
}

/* rec()'s arguments, for a table of records to put in one go. */
typedef struct Rec {
    const char *id;
    Status st;
    int64_t updated;
    const char *email, *cc, *phone, *doc;
} Rec;

static void put_all(Store *st, const Rec *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        store_put(st, rec(r[i].id, r[i].st, r[i].updated, r[i].email, r[i].cc, r[i].phone, r[i].doc), NULL);
}

Test(store, insert_then_update_in_place)
{
    Store st;
    store_init(&st);
    bool ins;
    cr_assert_eq(store_put(&st, rec("a", ST_ONGOING, 1, "", "", "", ""), &ins), 0);
    cr_assert(ins);
    cr_assert_eq(store_put(&st, rec("b", ST_ONGOING, 1, "", "", "", ""), &ins), 1);
    cr_assert_eq(store_put(&st, rec("c", ST_ONGOING, 1, "", "", "", ""), &ins), 2);
    uint64_t v = st.version;
    cr_assert_eq(store_put(&st, rec("b", ST_FAILED, 2, "", "", "", ""), &ins), 1, "same index");
    cr_assert_not(ins);
    cr_assert_gt(st.version, v);
    cr_assert_eq(st.n, 3);
    cr_assert_eq(summary_status(st.recs[1]), ST_FAILED);
    cr_assert_str_eq(summary_str(st.recs[0], SS_ID), "a", "order unchanged");
    cr_assert_str_eq(summary_str(st.recs[2], SS_ID), "c");
    cr_assert_eq(store_find(&st, "c"), 2);
    cr_assert_eq(store_find(&st, "zzz"), -1);
    store_free(&st);
}

/* Offset paging while records are added: the same id on two pages of one load. */
Test(store, duplicates_within_a_load_are_counted_once_each)
{
    Store st;
    store_init(&st);
    store_begin_load(&st);
    store_put(&st, rec("a", ST_ONGOING, 1, "", "", "", ""), NULL);
    store_put(&st, rec("b", ST_ONGOING, 1, "", "", "", ""), NULL);
    store_put(&st, rec("b", ST_FAILED, 2, "", "", "", ""), NULL);
    store_put(&st, rec("a", ST_ONGOING, 1, "", "", "", ""), NULL);
    cr_assert_eq(st.n, 2, "the store keeps one of each");
    cr_assert_eq(st.load_dups, 2);
    cr_assert_eq(summary_status(st.recs[1]), ST_FAILED, "the later copy is kept");
    /* A populated record arriving during the load is not a duplicate. */
    Detail *d = tu_detail("{\"data\":{\"_id\":\"a\",\"status\":\"ONGOING\"}}");
    store_put_detail(&st, d);
    cr_assert_eq(st.load_dups, 2);
    /* A reload of what is there is not a duplicate either; a repeat within it is. */
    store_begin_load(&st);
    store_put(&st, rec("a", ST_ONGOING, 1, "", "", "", ""), NULL);
    store_put(&st, rec("b", ST_ONGOING, 1, "", "", "", ""), NULL);
    cr_assert_eq(st.load_dups, 0);
    store_put(&st, rec("b", ST_ONGOING, 1, "", "", "", ""), NULL);
    cr_assert_eq(st.load_dups, 1);
    store_free(&st);
}

Test(store, many_records_and_memory_figure)
{
    Store st;
    store_init(&st);
    char id[32];
    for (int i = 0; i < 50000; i++) {
        snprintf(id, sizeof id, "6650aa01c0ffee%010d", i);
        store_put(&st, rec(id, ST_ONGOING, i, "someone@example.org", "+57", "3001234567", ""), NULL);
    }
    cr_assert_eq(st.n, 50000);
    for (int i = 0; i < 50000; i += 997) {
        snprintf(id, sizeof id, "6650aa01c0ffee%010d", i);
        cr_assert_eq(store_find(&st, id), i);
    }
    size_t per = store_memory(&st) / st.n;
    cr_assert_gt(per, sizeof(Summary), "the figure counts the strings too");
    cr_assert_lt(per, 400, "a summary stays compact (%zu bytes)", per);
    store_free(&st);
}

/* A load of known size sizes the index once: the records go in without a re-index, and
 * a server announcing a huge total cannot make the index grow past the cap. */
Test(store, a_reserved_index_takes_its_records_without_growing)
{
    Store st;
    store_init(&st);
    store_reserve(&st, 30000);
    size_t slots = st.nslots;
    cr_assert_geq(slots, 60000, "room for 30000 records at half load (%zu slots)", slots);
    char id[32];
    for (int i = 0; i < 30000; i++) {
        snprintf(id, sizeof id, "6650aa01c0ffee%010d", i);
        store_put(&st, rec(id, ST_ONGOING, i, "", "", "", ""), NULL);
    }
    cr_assert_eq(st.nslots, slots, "no re-index while the reserved records arrived");
    for (int i = 0; i < 30000; i += 331) {
        snprintf(id, sizeof id, "6650aa01c0ffee%010d", i);
        cr_assert_eq(store_find(&st, id), i, "found after the reserve: %s", id);
    }
    store_reserve(&st, 10);
    cr_assert_eq(st.nslots, slots, "a reserve never shrinks the index");
    store_reserve(&st, (size_t)1 << 40);
    cr_assert_leq(st.nslots, (size_t)STORE_RESERVE_MAX * 4, "a huge total is capped (%zu slots)", st.nslots);
    cr_assert_eq(store_find(&st, "6650aa01c0ffee0000029999"), 29999, "and every record is still found");
    store_free(&st);
}

Test(store, page_merge_keeps_document_number_and_drops_stale_detail)
{
    Store st;
    store_init(&st);
    Detail *d = tu_detail("{\"_id\":\"r1\",\"status\":\"ONGOING\",\"updatedAt\":\"2025-05-24T14:00:00Z\","
                            "\"documentValidation\":{\"_id\":\"d\",\"documentNumber\":\"1020304050\"}}");
    size_t idx = store_put_detail(&st, d);
    cr_assert_not_null(store_detail(&st, idx));
    cr_assert_str_eq(summary_str(st.recs[idx], SS_DOCNUM), "1020304050");

    /* A list page without documentValidation populated, same updatedAt: detail kept. */
    SummaryInit in = { .status = ST_ONGOING, .created_ms = TIME_NONE };
    in.str[SS_ID] = "r1";
    int64_t t = 1748095200000LL;
    in.updated_ms = t;
    store_put(&st, summary_new(&in), NULL);
    cr_assert_str_eq(summary_str(st.recs[idx], SS_DOCNUM), "1020304050", "not erased by a thinner page");
    cr_assert_not_null(store_detail(&st, idx));

    in.updated_ms = t + 1000;
    in.status = ST_NEEDS_MANUAL_VERIFICATION;
    store_put(&st, summary_new(&in), NULL);
    cr_assert_null(store_detail(&st, idx), "the record changed on the server: its detail is stale");
    cr_assert_eq(summary_status(st.recs[idx]), ST_NEEDS_MANUAL_VERIFICATION);
    store_free(&st);
}

/* ---- related ------------------------------------------------------------------------ */

Test(related, keys_normalise_formatting)
{
    char a[64], b[64];
    related_key_email(" Ana.Ruiz@Example.ORG ", a, sizeof a);
    cr_assert_str_eq(a, "ana.ruiz@example.org");
    related_key_email("not-an-email", a, sizeof a);
    cr_assert_str_eq(a, "");
    related_key_phone("+57", "300 123-4567", a, sizeof a);
    related_key_phone("57", "(300)1234567", b, sizeof b);
    cr_assert_str_eq(a, b);
    related_key_phone("+57", "123", a, sizeof a);
    cr_assert_str_eq(a, "", "too short to be a phone");
    related_key_phone("+573", "001234567", b, sizeof b);
    related_key_phone("+57", "3001234567", a, sizeof a);
    cr_assert_str_neq(a, b, "the country code boundary matters");
    related_key_doc("1.020.304-050", a, sizeof a);
    cr_assert_str_eq(a, "1020304050");
    related_key_doc("ab12", a, sizeof a);
    cr_assert_str_eq(a, "AB12");
}

Test(related, finds_shared_email_phone_and_document)
{
    Store st;
    store_init(&st);
    static const Rec recs[] = {
        { "r0", ST_NEEDS_MANUAL_VERIFICATION, 100, "ana@x.co", "+57", "3001234567", "1020304050" },
        { "r1", ST_FAILED, 50, "ANA@x.co", "", "", "" },
        { "r2", ST_ONGOING, 300, "other@x.co", "+57", "300-123-4567", "10.203.040-50" },
        { "r3", ST_ONGOING, 200, "third@x.co", "+52", "3001234567", "" },
        { "r4", ST_ONGOING, 400, "", "", "", "1020304050" },
    };
    put_all(&st, recs, sizeof recs / sizeof *recs);
    Related *r = related_new();
    RelatedHit hits[8];
    size_t total;
    size_t n = related_find(r, &st, 0, hits, 8, &total);
    cr_assert_eq(n, 3);
    cr_assert_eq(total, 3);
    cr_assert_eq(hits[0].idx, 4, "newest first");
    cr_assert_eq(hits[0].kinds, REL_DOC);
    cr_assert_eq(hits[1].idx, 2);
    cr_assert_eq(hits[1].kinds, REL_PHONE | REL_DOC);
    cr_assert_eq(hits[2].idx, 1);
    cr_assert_eq(hits[2].kinds, REL_EMAIL);
    n = related_find(r, &st, 3, hits, 8, NULL);
    cr_assert_eq(n, 0, "same digits under another country code are a different phone");

    store_put(&st, rec("r5", ST_ONGOING, 500, "third@x.co", "", "", ""), NULL);
    n = related_find(r, &st, 3, hits, 8, NULL);
    cr_assert_eq(n, 1, "the index follows the store");
    cr_assert_eq(hits[0].idx, 5);
    n = related_find(r, &st, 0, hits, 1, &total);
    cr_assert_eq(n, 1);
    cr_assert_eq(total, 3, "the total is reported beyond max");
    related_free(r);
    store_free(&st);
}

/* Issue 17: every record shares one e-mail, phone, document and creation time, and the
 * open detail asks for the related records after every page of 100. The work must grow
 * with the records, not with the records times the group: counted, not timed. */
Test(related, a_huge_group_costs_per_page_not_per_group, .timeout = 60)
{
    enum { N = 30000, PAGE = 100 };
    Store st;
    store_init(&st);
    Related *r = related_new();
    RelatedHit hits[12];
    size_t total = 0;
    for (unsigned i = 0; i < N; i++) {
        char id[32];
        snprintf(id, sizeof id, "6650aa01c0ffee%010u", i);
        store_put(&st, rec(id, ST_NEEDS_MANUAL_VERIFICATION, 1000, "same@x.co", "+57", "3001234567", "1020304050"),
                  NULL);
        if (i % PAGE == PAGE - 1) {
            size_t n = related_find(r, &st, 0, hits, 12, &total);
            cr_assert_eq(total, i, "after %u records", i + 1);
            cr_assert_eq(n, 12);
            cr_assert_eq(hits[0].kinds, REL_EMAIL | REL_PHONE | REL_DOC);
        }
    }
    /* Hash each record once and compare it once; the old index walked the whole group
     * for every insert on every page (~N*N*N/(2*PAGE) steps). */
    cr_assert_leq(related_work(r), 3 * (uint64_t)N, "%llu records looked at", (unsigned long long)related_work(r));
    /* Equal creation times: newest first falls back to the id, and never shows idx 0. */
    cr_assert_str_eq(summary_str(st.recs[hits[0].idx], SS_ID), "6650aa01c0ffee0000000001");
    /* Another record: one scan of the store, then pages again. */
    uint64_t before = related_work(r);
    related_find(r, &st, 7, hits, 12, &total);
    cr_assert_eq(total, N - 1);
    cr_assert_leq(related_work(r) - before, (uint64_t)N);
    related_free(r);
    store_free(&st);
}

Test(related, a_replaced_record_is_looked_at_again)
{
    Store st;
    store_init(&st);
    static const Rec recs[] = {
        { "r0", ST_ONGOING, 100, "ana@x.co", "", "", "" },
        { "r1", ST_ONGOING, 200, "ana@x.co", "", "", "" },
        { "r2", ST_ONGOING, 300, "bob@x.co", "", "", "" },
    };
    put_all(&st, recs, sizeof recs / sizeof *recs);
    Related *r = related_new();
    RelatedHit hits[4];
    size_t total;
    cr_assert_eq(related_find(r, &st, 0, hits, 4, &total), 1);
    /* r1 changes its e-mail, r2 takes Ana's: the answer for r0 follows. */
    store_put(&st, rec("r1", ST_ONGOING, 200, "other@x.co", "", "", ""), NULL);
    store_put(&st, rec("r2", ST_ONGOING, 300, "ANA@x.co", "", "", ""), NULL);
    cr_assert_eq(related_find(r, &st, 0, hits, 4, &total), 1);
    cr_assert_eq(total, 1);
    cr_assert_eq(hits[0].idx, 2);
    related_free(r);
    store_free(&st);
}

/* Loaded details live in a small map beside the store: many of them, replaced, dropped
 * when the record changes on the server, kept when it does not. */
Test(store, details_are_kept_per_record)
{
    Store st;
    store_init(&st);
    for (int i = 0; i < 500; i++) {
        char id[16];
        snprintf(id, sizeof id, "r%d", i);
        store_put(&st, rec(id, ST_ONGOING, 100 + i, "", "", "", ""), NULL);
    }
    for (int i = 0; i < 500; i += 3) {
        char json[96];
        snprintf(json, sizeof json, "{\"_id\":\"r%d\",\"createdAt\":%d,\"notes\":\"n%d\"}", i, 100 + i, i);
        store_put_detail(&st, tu_detail(json));
    }
    for (int i = 0; i < 500; i++) {
        const Detail *d = store_detail(&st, (size_t)i);
        cr_assert_eq(d != NULL, i % 3 == 0, "record %d", i);
        if (d) {
            char want[16];
            snprintf(want, sizeof want, "n%d", i);
            cr_assert_str_eq(d->notes.s, want);
        }
    }
    /* The same updatedAt keeps the detail; another drops it. */
    Summary *same = summary_new(&(SummaryInit){ .str = { [SS_ID] = "r3" }, .updated_ms = TIME_NONE,
                                                .created_ms = 103 });
    store_put(&st, same, NULL);
    cr_assert_not_null(store_detail(&st, 3));
    Summary *newer = summary_new(&(SummaryInit){ .str = { [SS_ID] = "r3" }, .updated_ms = 999, .created_ms = 103 });
    store_put(&st, newer, NULL);
    cr_assert_null(store_detail(&st, 3));
    cr_assert_null(store_detail(&st, 100000), "out of range");
    store_free(&st);
}

/* A list page without the document number keeps the number a detail brought, and
 * everything else the page says: its quality-reject count too (it used to drop to 0). */
Test(store, an_update_without_the_document_number_keeps_it_and_the_rest_of_the_page)
{
    Store st;
    store_init(&st);
    store_put(&st, rec("a", ST_ONGOING, 1, "", "", "", "1020304050"), NULL);
    SummaryInit in = { .status = ST_FAILED, .created_ms = 1, .updated_ms = 2, .bio_quality = 2, .red_flags = 3 };
    in.str[SS_ID] = "a";
    in.failed[FAIL_BIO] = 3;
    store_put(&st, summary_new(&in), NULL);
    const Summary *s = st.recs[0];
    cr_assert_str_eq(summary_str(s, SS_DOCNUM), "1020304050");
    cr_assert_eq(summary_status(s), ST_FAILED);
    cr_assert_eq(s->failed[FAIL_BIO], 3);
    cr_assert_eq(s->red_flags, 3);
    cr_assert_eq(s->bio_quality, 2, "the quality rejects of the new page");
    store_free(&st);
}
