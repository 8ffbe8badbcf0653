/* Personal data in the dashboard's model: masked by default from the real values, one
 * record revealed for a limited time, masked again when the selection leaves it, and
 * matches on masked fields made visible. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/pii.h"
#include "testmodel.h"

TestSuite(model_privacy);

/* The detail pane's lines as one text. */
static char *pane_text(Model *m)
{
    const DLines *dl = model_detail_lines(m);
    StrBuf b = STRBUF_INIT;
    for (size_t i = 0; i < dl->n; i++) {
        dl_line_text(dl, i, &b);
        strbuf_putc(&b, '\n');
    }
    return strbuf_steal(&b);
}

static void pane_has(Model *m, const char *s, bool want)
{
    char *t = pane_text(m);
    if (want)
        cr_assert(strstr(t, s), "the pane lacks \"%s\":\n%s", s, t);
    else
        cr_assert_null(strstr(t, s), "the pane shows \"%s\":\n%s", s, t);
    free(t);
}

Test(model_privacy, masked_by_default_and_the_store_keeps_the_real_value)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    long sel = model_selected(m);
    cr_assert_eq(model_mask_for(m, sel), MASK_DEFAULT);
    pane_has(m, "s***@example.org", true);
    pane_has(m, "same@example.org", false);
    cr_assert_str_eq(summary_str(m->store.recs[sel], SS_EMAIL), "same@example.org", "nothing destroyed");
    cr_assert_eq(model_reveal_left(m, sel), 0);
    tm_free(&t);
}

Test(model_privacy, a_reveal_counts_down_and_ends_by_itself)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    long sel = model_selected(m);
    unsigned r = model_reveal(m);
    cr_assert_eq(r & (R_LIST | R_DETAIL), R_LIST | R_DETAIL, "the list row and the pane redraw unmasked");
    cr_assert_eq(model_mask_for(m, sel), MASK_NONE);
    cr_assert_eq(model_mask_for(m, sel + 1), MASK_DEFAULT, "only that record");
    cr_assert_eq(model_reveal_left(m, sel), 60);
    pane_has(m, "same@example.org", true);
    cr_assert_eq(t.host.lines, 1, "one audit line");
    const char *line = strbuf_cstr(&t.host.line);
    cr_assert(strstr(line, "\"action\":\"reveal\"") && strstr(line, "\"id\":\"r0\""), "%s", line);
    cr_assert(strstr(line, "\"fields\":\"email,phone,document,ip\"") && strstr(line, "\"seconds\":60"), "%s", line);
    cr_assert_null(strstr(line, "same@"), "no value in the line: %s", line);

    int64_t next = 0;
    r = tm_tick_at(&t, tm_clock + 400, &next);
    cr_assert_eq(model_reveal_left(m, sel), 60, "59.6 s left reads 60");
    cr_assert_leq(next, tm_clock + 600, "the countdown asks to be redrawn when the second changes");
    r = tm_tick_at(&t, tm_clock + 600, &next);
    cr_assert_eq(model_reveal_left(m, sel), 59);
    cr_assert_neq(r & R_DETAIL, 0, "the countdown in the pane's title moved");

    r = tm_tick_at(&t, tm_clock + 59000, &next);
    cr_assert_eq(model_mask_for(m, sel), MASK_DEFAULT, "masked again when the time is up");
    cr_assert_eq(r & (R_LIST | R_DETAIL), R_LIST | R_DETAIL);
    cr_assert(strstr(m->msg.text, "masked again"), "%s", m->msg.text);
    pane_has(m, "same@example.org", false);
    tm_free(&t);
}

Test(model_privacy, moving_to_another_record_or_pressing_again_masks)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    long first = model_selected(m);
    model_reveal(m);
    model_list_nav(m, NAV_DOWN);
    cr_assert_eq(model_mask_for(m, first), MASK_DEFAULT, "leaving the record masks it");
    cr_assert(strstr(m->msg.text, "masked again"), "the \"unmasked for\" message does not stay: %s", m->msg.text);
    cr_assert_eq(model_mask_for(m, model_selected(m)), MASK_DEFAULT, "the next one is not revealed");
    model_list_nav(m, NAV_UP);
    cr_assert_eq(model_mask_for(m, first), MASK_DEFAULT, "coming back does not reveal it again");

    model_reveal(m);
    cr_assert_eq(model_mask_for(m, first), MASK_NONE);
    model_reveal(m);
    cr_assert_eq(model_mask_for(m, first), MASK_DEFAULT, "the key again masks it");
    model_reveal(m);
    model_privacy_hide(m);
    cr_assert_eq(model_mask_for(m, first), MASK_DEFAULT, "the lock screen masks it");
    tm_free(&t);
}

Test(model_privacy, no_reveal_without_its_audit_line)
{
    TestModel t;
    Model *m = tm_start(&t, 2);
    t.host.refuse = true;
    model_reveal(m);
    cr_assert_eq(m->privacy.revealed, -1, "nothing is revealed when the line cannot be written");
    cr_assert(strstr(m->msg.text, "not revealed: the audit log /x/audit.log could not take its line"), "%s", m->msg.text);
    pane_has(m, "same@example.org", false);
    t.host.refuse = false;
    model_reveal(m);
    cr_assert_eq(t.host.lines, 1);
    model_reveal(m);
    cr_assert_eq(t.host.lines, 1, "masking again is not a reveal");
    tm_free(&t);
}

Test(model_privacy, nothing_to_reveal_when_nothing_is_masked)
{
    TestModel t;
    Model *m = tm_start(&t, 2);
    m->privacy.mask = MASK_NONE; /* mask = none in the config */
    model_reveal(m);
    cr_assert_eq(m->privacy.revealed, -1);
    cr_assert(strstr(m->msg.text, "nothing is masked"), "%s", m->msg.text);
    pane_has(m, "same@example.org", true);
    tm_free(&t);
}

Test(model_privacy, a_match_on_a_masked_field_is_marked)
{
    TestModel t;
    Model *m = tm_start(&t, 3);
    FilterError err;
    bool ok;
    model_set_filter(m, "same@", true, &err, &ok);
    cr_assert(ok);
    cr_assert_eq(m->view.n, 3, "the filter matches the real e-mail behind s***@example.org");
    long sel = model_selected(m);
    cr_assert_eq(model_masked_hits(m, sel), 1u << SS_EMAIL);
    cr_assert_eq(model_masked_hit_count(m), 3);
    model_reveal(m);
    cr_assert_eq(model_masked_hits(m, sel), 0, "a revealed record hides nothing");
    cr_assert_eq(model_masked_hit_count(m), 2);
    model_set_filter(m, "id:r1", true, &err, &ok);
    cr_assert_eq(model_masked_hit_count(m), 0, "the id is not masked");
    tm_free(&t);
}
