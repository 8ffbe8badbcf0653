/* OR, AND, NOT and parentheses in the filter language, and relative dates. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/filter.h"
#include "filtertest.h"

Test(filter_expr, or_in_words_and_with_a_bar)
{
    const char *ors[] = { "status:review OR status:failed", "status:review | status:failed",
                          "status:review|status:failed", "(status:review OR status:failed)",
                          "(status:review) OR (status:failed)" };
    for (size_t i = 0; i < sizeof ors / sizeof *ors; i++) {
        cr_assert(M(ors[i], (R){ .st = ST_NEEDS_MANUAL_VERIFICATION }), "'%s' keeps a review", ors[i]);
        cr_assert(M(ors[i], (R){ .st = ST_FAILED }), "'%s' keeps a failed one", ors[i]);
        cr_assert_not(M(ors[i], (R){ .st = ST_COMPLETED }), "'%s' drops a completed one", ors[i]);
    }
    MATCHES("(status:review)", .st = ST_NEEDS_MANUAL_VERIFICATION);
    MISSES("(status:review)", .st = ST_FAILED);
}

/* Blanks bind tighter than OR: "a b OR c" is "(a b) OR c". */
Test(filter_expr, and_binds_tighter_than_or)
{
    MATCHES("status:review flags>0 OR status:failed", .st = ST_FAILED);
    MISSES("status:review flags>0 OR status:failed", .st = ST_NEEDS_MANUAL_VERIFICATION);
    MATCHES("status:review (flags>0 OR failed>0)", .st = ST_NEEDS_MANUAL_VERIFICATION, .failed = { 0, 0, 1, 0 });
    MISSES("status:review (flags>0 OR failed>0)", .st = ST_NEEDS_MANUAL_VERIFICATION);
    MATCHES("status:review AND flags>0", .st = ST_NEEDS_MANUAL_VERIFICATION, .flags = 1);
    MISSES("status:review AND flags>0", .st = ST_NEEDS_MANUAL_VERIFICATION);
    MATCHES("((name:ana OR name:luc) (status:done | status:review))", .name = "Lucía", .st = ST_COMPLETED);
}

Test(filter_expr, not_and_negated_groups)
{
    MISSES("!(status:review flags>0)", .st = ST_NEEDS_MANUAL_VERIFICATION, .flags = 2);
    MATCHES("!(status:review flags>0)", .st = ST_NEEDS_MANUAL_VERIFICATION);
    MATCHES("! (status:review OR status:failed)", .st = ST_EXPIRED);
    MATCHES("NOT status:review", .st = ST_EXPIRED);
    MISSES("NOT status:review", .st = ST_NEEDS_MANUAL_VERIFICATION);
    MATCHES("NOT NOT status:review", .st = ST_NEEDS_MANUAL_VERIFICATION);
}

/* Operators are capitals; a lower-case "or" is a word, a quoted "OR" too. */
Test(filter_expr, keywords_only_in_capitals)
{
    MATCHES("or", .name = "Flores");
    MISSES("or", .name = "Ana");
    MATCHES("\"OR\"", .name = "Flores");
    MATCHES("name:\"a|b\"", .name = "a|b");
    MATCHES("name:\"x (y)\"", .name = "x (y)");
    MATCHES("phone:(300)123-45", .phone = "3001234567", .cc = "+57");
    MATCHES("(phone:(300)123-45)", .phone = "3001234567", .cc = "+57");
}

Test(filter_expr, mistakes_point_at_the_operator)
{
    static const FilterErrCase cases[] = {
        { "(status:review", "(", 1, "never closed" },
        { "status:review)", ")", 14, "closes no '('" },
        { "status:review ()", "()", 15, "empty group" },
        { "OR status:review", "OR", 1, "needs a term on each side" },
        { "status:review OR", "", 17, "needs a term on each side" },
        { "status:review | | status:failed", "|", 17, "needs a term on each side" },
        { "status:review AND", "", 18, "AND needs a term" },
        { "AND status:review", "AND", 1, "AND needs a term" },
        { "NOT", "", 4, "NOT (or !) needs" },
        { "(status:review OR stauts:x)", "stauts:x", 19, "unknown field" },
    };
    expect_all(cases, sizeof cases / sizeof *cases);
    char deep[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(deep, "(");
    strcat(deep, "x");
    for (int i = 0; i < 40; i++)
        strcat(deep, ")");
    FilterError e = E(deep);
    cr_assert(strstr(e.msg, "too many nested groups"), "%s", e.msg);
    cr_assert_eq(e.column, 33, "the first '(' too deep");
}

/* NOW is 2025-06-01T00:00:00Z; take a clock in the afternoon. */
Test(filter_expr, relative_dates)
{
    int64_t now = T("2025-06-01T15:30:00Z");
    struct { const char *expr; int64_t created; bool want; } c[] = {
        { "created>=today", T("2025-06-01T00:00:00Z"), true },
        { "created>=today", T("2025-05-31T23:59:59.999Z"), false },
        { "created:today", T("2025-06-01T23:00:00Z"), true },
        { "created:yesterday", T("2025-05-31T12:00:00Z"), true },
        { "created:yesterday", T("2025-06-01T00:00:00Z"), false },
        { "created<today", T("2025-05-31T23:59:59.999Z"), true },
        { "created>=-7d", T("2025-05-25T15:30:00Z"), true },
        { "created>=-7d", T("2025-05-25T15:29:59.999Z"), false },
        { "created>-1d12h", T("2025-05-31T03:30:00.001Z"), true },
        { "created>=YESTERDAY", T("2025-05-31T00:00:00Z"), true },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        FilterError e;
        Filter *f = filter_compile(c[i].expr, now, &e);
        cr_assert_not_null(f, "%s: %s", c[i].expr, e.msg);
        Summary *s = mk((R){ .created = c[i].created, .updated = c[i].created });
        cr_assert_eq(filter_match(f, s), c[i].want, "%s on %lld", c[i].expr, (long long)c[i].created);
        free(s);
        filter_free(f);
        char upd[64];
        snprintf(upd, sizeof upd, "updated%s", c[i].expr + strlen("created"));
        f = filter_compile(upd, now, &e);
        cr_assert_not_null(f, "%s: %s", upd, e.msg);
        s = mk((R){ .created = 1, .updated = c[i].created });
        cr_assert_eq(filter_match(f, s), c[i].want, "%s", upd);
        free(s);
        filter_free(f);
    }
}

/* The fields a record matched through, for the dashboard's "matched on a masked field". */
static uint32_t hits(const char *expr, R r)
{
    uint32_t h;
    match_fields(expr, r, &h);
    return h;
}

#define BIT(f) (1u << (f))

Test(filter_expr, hit_fields_name_what_matched)
{
    R juan = { .name = "Juan Pérez", .email = "juan.perez@gmail.com", .phone = "3001234567", .cc = "+57",
               .doc = "1020304050", .st = ST_ONGOING };
    cr_assert_eq(hits("juan.p", juan), BIT(SS_EMAIL), "a bare word found in the e-mail alone");
    cr_assert_eq(hits("juan", juan), BIT(SS_NAME) | BIT(SS_EMAIL));
    cr_assert_eq(hits("4567", juan), BIT(SS_PHONE), "a number is a phone match");
    cr_assert_eq(hits("4050", juan), BIT(SS_DOCNUM));
    cr_assert_eq(hits("email:gmail", juan), BIT(SS_EMAIL));
    cr_assert_eq(hits("phone:300", juan), BIT(SS_PHONE));
    cr_assert_eq(hits("doc:1020 | name:nobody", juan), BIT(SS_DOCNUM), "an OR names what did match");
    cr_assert_eq(hits("status:ongoing flags>=0", juan), 0, "no text term, no field");
    cr_assert_eq(hits("!email:yahoo", juan), 0, "a negation matches no field");
    cr_assert_eq(hits("name:juan !(email:yahoo)", juan), BIT(SS_NAME));
    cr_assert_eq(hits("", juan), 0);
    cr_assert_eq(hits("email:yahoo", juan), 0);
}
