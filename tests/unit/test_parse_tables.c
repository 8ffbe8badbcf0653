/* The field tables (core/record_fields.h) and the one-pass scan: the tables are
 * well-formed, and the scan reads what key lookups read (first of repeated keys, newer
 * spellings before older ones, nulls skipped where a fallback exists, export names only
 * in an export). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse.h"
#include "core/parse_stream.h"
#include "core/labels.h"
#include "core/record_fields.h"

static const FieldSet *const sets[] = {
    &FIELDS_PROJECT, &FIELDS_FLOW,    &FIELDS_EMAIL_VAL, &FIELDS_PHONE_VAL, &FIELDS_IMAGE,
    &FIELDS_BIO_VAL, &FIELDS_DOC_VAL, &FIELDS_INFO_VAL,  &FIELDS_PERSON,    &FIELDS_COMPARE,
    &FIELDS_CONSENT, &FIELDS_REVIEW,  &FIELDS_REVIEWER,  &FIELDS_ATTEMPT,   &FIELDS_REGISTRATION,
};

Test(parse_tables, every_member_has_a_path_a_kind_and_a_label)
{
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        const FieldSet *fs = sets[i];
        for (size_t r = 0; r < fs->n; r++) {
            const FieldDesc *d = &fs->rows[r];
            cr_assert(d->path && *d->path && !strchr(d->path, ' '), "%s row %zu: no path", fs->name, r);
            if (r < fs->n_fields) {
                cr_assert(d->label && *d->label, "%s.%s has no label", fs->name, d->path);
                cr_assert_neq(d->kind, RK_NONE, "%s.%s has no kind", fs->name, d->path);
                cr_assert_eq(d->member, r, "%s.%s", fs->name, d->path);
            } else {
                cr_assert_null(d->label, "%s.%s: only members have labels", fs->name, d->path);
                cr_assert(d->member <= r, "%s.%s is an alias of a later row", fs->name, d->path);
            }
            for (size_t o = 0; o < r; o++)
                cr_assert_str_neq(fs->rows[o].path, d->path, "%s: %s is declared twice", fs->name, d->path);
        }
    }
}

Test(parse_tables, a_repeated_key_counts_once_the_first_time)
{
    Detail *d = tu_detail("{\"_id\":\"r1\",\"status\":\"FAILED\",\"language\":\"es\",\"status\":\"COMPLETED\","
                          "\"language\":\"pt\",\"projectFlow\":{\"_id\":\"f\",\"liveness\":{\"minScore\":0.7},"
                          "\"liveness\":{\"minScore\":0.2,\"compareMinScore\":0.9}}}");
    cr_assert_eq(summary_status(d->summary), ST_FAILED);
    cr_assert_str_eq(d->language.s, "es");
    cr_assert_float_eq(d->flow.liveness_min.v, 0.7, 1e-9);
    /* The second "liveness" object is never looked into, as a lookup would not. */
    cr_assert_eq(d->flow.compare_min.st, FS_ABSENT);
    cr_assert_eq(d->unknown.n, 0, "a repeated known key is not unknown");
    detail_free(d);
}

Test(parse_tables, v3_settings_win_over_legacy_ones_in_any_order_and_null_falls_back)
{
    Detail *d = tu_detail("{\"_id\":\"r1\",\"projectFlow\":{\"_id\":\"f\","
                          "\"onboardingSettings\":{\"liveness\":{\"livenessMinScore\":0.5,\"maxAttempts\":4},"
                          "\"document\":{\"compareMinScore\":0.6}},"
                          "\"liveness\":{\"minScore\":0.8,\"attemptLimit\":null}}}");
    cr_assert_float_eq(d->flow.liveness_min.v, 0.8, 1e-9, "v3 first, though it came second");
    cr_assert_float_eq(d->flow.compare_min.v, 0.6, 1e-9, "legacy where v3 has nothing");
    cr_assert_eq(d->flow.liveness_attempt_limit.st, FS_OK);
    cr_assert_float_eq(d->flow.liveness_attempt_limit.v, 4, 1e-9, "a null v3 value falls back");
    detail_free(d);
}

Test(parse_tables, every_spelling_null_is_absent_not_null)
{
    Detail *d = tu_detail("{\"_id\":\"r1\",\"projectFlow\":{\"_id\":\"f\",\"liveness\":{\"minScore\":null},"
                          "\"onboardingSettings\":{\"liveness\":{\"livenessMinScore\":null}}},"
                          "\"formSubmission\":null,\"formSubmittion\":\"6650aa\"}");
    cr_assert_eq(d->flow.liveness_min.st, FS_ABSENT);
    /* formSubmission/formSubmittion: the first present spelling, null included. */
    cr_assert_eq(d->form_submission.st, REF_NULL);
    detail_free(d);
}

static void keep_one(void *ctx, Summary *s)
{
    Summary **out = ctx;
    free(*out);
    *out = s;
}

Test(parse_tables, export_names_are_read_only_in_an_export)
{
    static const char rec[] = "{\"id\":\"r1\",\"step\":\"liveness\",\"flow\":\"f9\",\"failed\":{\"document\":2},"
                              "\"invalid\":[\"email\"]}";
    Summary *s = NULL;
    char err[200];
    char text[256];
    snprintf(text, sizeof text, "[%s]", rec);
    RecordStream *rs = rstream_new(keep_one, &s);
    cr_assert(rstream_feed(rs, text, strlen(text), err, sizeof err) && rstream_finish(rs, err, sizeof err), "%s", err);
    rstream_free(rs);
    cr_assert_str_eq(summary_str(s, SS_STEP), "liveness");
    cr_assert_str_eq(summary_str(s, SS_FLOW), "f9");
    cr_assert_eq(s->failed[FAIL_DOC], 2);
    cr_assert_eq(s->invalid, SUMF_EMAIL);
    free(s);

    /* From the API the same names mean nothing: they are unknown fields. */
    Detail *d = tu_detail(rec);
    cr_assert_str_eq(summary_str(d->summary, SS_STEP), "");
    cr_assert_str_eq(summary_str(d->summary, SS_FLOW), "");
    cr_assert_eq(d->summary->failed[FAIL_DOC], 0);
    cr_assert_eq(d->unknown.n, 4);
    cr_assert_str_eq(d->unknown.items[0].key, "step");
    detail_free(d);
}

/* Where the detail pane shows a field under a name it shares with `regdesk show`
 * (core/labels.h), the table's label is that name. */
Test(parse_tables, labels_shared_with_show_agree)
{
    static const struct {
        const FieldSet *fs;
        int row;
        Label l;
    } shared[] = {
        { &FIELDS_REGISTRATION, ROW_Detail_updated_at, LBL_UPDATED },
        { &FIELDS_REGISTRATION, ROW_Detail_completed_at, LBL_COMPLETED },
        { &FIELDS_REGISTRATION, ROW_Detail_expires_at, LBL_EXPIRES },
        { &FIELDS_REGISTRATION, ROW_Detail_language, LBL_LANGUAGE },
        { &FIELDS_REGISTRATION, ROW_Detail_doc, LBL_DOCUMENT },
        { &FIELDS_EMAIL_VAL, ROW_EmailVal_email, LBL_EMAIL },
        { &FIELDS_EMAIL_VAL, ROW_EmailVal_expires_at, LBL_EXPIRES },
        { &FIELDS_EMAIL_VAL, ROW_EmailVal_created_at, LBL_CREATED },
        { &FIELDS_EMAIL_VAL, ROW_EmailVal_updated_at, LBL_UPDATED },
        { &FIELDS_PHONE_VAL, ROW_PhoneVal_phone, LBL_PHONE },
        { &FIELDS_PHONE_VAL, ROW_PhoneVal_expires_at, LBL_EXPIRES },
        { &FIELDS_PHONE_VAL, ROW_PhoneVal_created_at, LBL_CREATED },
        { &FIELDS_PHONE_VAL, ROW_PhoneVal_updated_at, LBL_UPDATED },
        { &FIELDS_DOC_VAL, ROW_DocVal_created_at, LBL_CREATED },
        { &FIELDS_DOC_VAL, ROW_DocVal_updated_at, LBL_UPDATED },
        { &FIELDS_BIO_VAL, ROW_BioVal_created_at, LBL_CREATED },
        { &FIELDS_BIO_VAL, ROW_BioVal_updated_at, LBL_UPDATED },
        { &FIELDS_INFO_VAL, ROW_InfoVal_full_name_pct, LBL_NAME_MATCH },
        { &FIELDS_PERSON, ROW_Person_liveness, LBL_LIVENESS },
        { &FIELDS_PROJECT, ROW_Project_name, LBL_PROJECT },
        { &FIELDS_FLOW, ROW_Flow_name, LBL_FLOW },
    };
    for (size_t i = 0; i < sizeof shared / sizeof *shared; i++)
        cr_assert_str_eq(shared[i].fs->rows[shared[i].row].label, label_title(shared[i].l), "%s row %d",
                         shared[i].fs->name, shared[i].row);
}
