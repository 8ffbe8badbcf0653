/* What a filter may push to the server (filter_server_params): the server may only drop
 * rows the client drops too, for every shape of expression. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/filter.h"
#include "filtertest.h"

/* ---- filter_server ----------------------------------------------------------------- */

static Filter *P(const char *expr, ServerParams *sp)
{
    Filter *f = compile_ok(expr);
    filter_server_params(f, sp);
    return f;
}

static void expect_statuses(const char *expr, size_t n, const Status *want)
{
    ServerParams sp;
    Filter *f = P(expr, &sp);
    cr_assert_eq(sp.n_status, n, "'%s': %zu statuses, expected %zu", expr, sp.n_status, n);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(sp.in_status[i], want[i], "'%s' status %zu", expr, i);
    filter_free(f);
}

Test(filter_server, nothing_to_push)
{
    ServerParams sp;
    Filter *f = P("", &sp);
    cr_assert_eq(sp.n_status, 0);
    cr_assert_eq(sp.created_gte, TIME_NONE);
    cr_assert_eq(sp.created_lte, TIME_NONE);
    cr_assert(!sp.current_step && !sp.project && !sp.flow && !sp.like_name && !sp.like_email &&
              !sp.like_phone && !sp.like_or);
    filter_free(f);
}

Test(filter_server, statuses_expand_and_intersect)
{
    expect_statuses("status:review", 1, (Status[]){ ST_NEEDS_MANUAL_VERIFICATION });
    expect_statuses("status:expired,failed", 2, (Status[]){ ST_FAILED, ST_EXPIRED });
    expect_statuses("status:failed,expired status:expired,done", 1, (Status[]){ ST_EXPIRED });
    expect_statuses("status:failed status:expired", 0, NULL);
    expect_statuses("status=COMPLETED lucia", 1, (Status[]){ ST_COMPLETED });
}

Test(filter_server, statuses_that_are_not_pushed)
{
    const char *const exprs[] = { "!status:failed", "status!=failed", "status:unknown", "status:other",
                            "status:paused", "status:failed,paused", "status=failed,UNKNOWN" };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++)
        expect_statuses(exprs[i], 0, NULL);
    expect_statuses("!status!=failed", 1, (Status[]){ ST_FAILED });
    expect_statuses("status:paused status:failed", 1, (Status[]){ ST_FAILED });
}

static void expect_created(const char *expr, int64_t gte, int64_t lte)
{
    ServerParams sp;
    Filter *f = P(expr, &sp);
    cr_assert_eq(sp.created_gte, gte, "'%s': gte %lld, expected %lld", expr,
                 (long long)sp.created_gte, (long long)gte);
    cr_assert_eq(sp.created_lte, lte, "'%s': lte %lld, expected %lld", expr,
                 (long long)sp.created_lte, (long long)lte);
    filter_free(f);
}

Test(filter_server, created_bounds_are_inclusive_milliseconds)
{
    int64_t may1 = T("2025-05-01"), may31 = T("2025-05-31"), jun1 = T("2025-06-01");
    expect_created("created>=2025-05-01", may1, TIME_NONE);
    expect_created("created<2025-06-01", TIME_NONE, jun1 - 1);
    expect_created("created<=2025-05-31", TIME_NONE, jun1 - 1);
    expect_created("created>2025-05-31", jun1, TIME_NONE);
    expect_created("created:2025-05", may1, jun1 - 1);
    expect_created("created=2025-05-31", may31, jun1 - 1);
    expect_created("created>=2025-05-01 created>=2025-05-31 created<2025-07-01 created<2025-06-01",
                   may31, jun1 - 1);
    expect_created("created<2025-06-01T12:00Z", TIME_NONE, T("2025-06-01T12:00Z") - 1);
    expect_created("created<=2025-06-01T12:00Z", TIME_NONE, T("2025-06-01T12:00Z"));
}

Test(filter_server, age_becomes_created_bounds)
{
    expect_created("age>2d", TIME_NONE, NOW - 2 * DAY - 1);
    expect_created("age>=2d", TIME_NONE, NOW - 2 * DAY);
    expect_created("age<12h", NOW - 12 * HOUR + 1, TIME_NONE);
    expect_created("age<=12h", NOW - 12 * HOUR, TIME_NONE);
    expect_created("age<7d created>=2025-05-30", T("2025-05-30"), TIME_NONE);
}

Test(filter_server, time_terms_that_are_not_pushed)
{
    const char *const exprs[] = { "created!=2025-05-31", "!created>=2025-05-01", "!age>2d",
                            "updated>=2025-05-01", "idle>3d", "flags>0 failed.bio>1 invalid:yes" };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++)
        expect_created(exprs[i], TIME_NONE, TIME_NONE);
}

Test(filter_server, step_project_flow_only_when_exact)
{
    ServerParams sp;
    Filter *f = P("step=liveness project=6650ab flow=77cc", &sp);
    cr_assert_str_eq(sp.current_step, "liveness");
    cr_assert_str_eq(sp.project, "6650ab");
    cr_assert_str_eq(sp.flow, "77cc");
    filter_free(f);
    const char *const exprs[] = { "step:liveness", "step=liveness,document", "!step=liveness",
                            "step!=liveness", "project:6650ab", "flow:77cc" };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++) {
        f = P(exprs[i], &sp);
        cr_assert(!sp.current_step && !sp.project && !sp.flow, "'%s' was pushed", exprs[i]);
        filter_free(f);
    }
}

static void expect_like(const char *expr, const char *email, const char *phone)
{
    ServerParams sp;
    Filter *f = P(expr, &sp);
    cr_assert(email ? sp.like_email && !strcmp(sp.like_email, email) : !sp.like_email,
              "'%s': like_email '%s', expected '%s'", expr, sp.like_email ? sp.like_email : "-",
              email ? email : "-");
    cr_assert(phone ? sp.like_phone && !strcmp(sp.like_phone, phone) : !sp.like_phone,
              "'%s': like_phone '%s', expected '%s'", expr, sp.like_phone ? sp.like_phone : "-",
              phone ? phone : "-");
    cr_assert_null(sp.like_name, "'%s': names are never sent", expr);
    cr_assert_not(sp.like_or, "'%s': bare words are never sent", expr);
    filter_free(f);
}

Test(filter_server, like_email_only_when_folding_cannot_matter)
{
    expect_like("email=ana.ruiz@x.co", "ana.ruiz@x.co", NULL);
    expect_like("email:1985@", "1985@", NULL);
    expect_like("email:@gmail.com", NULL, NULL);  /* letters may stand for accented ones */
    expect_like("email=ana+x@y.co", NULL, NULL);  /* + is a regex quantifier */
    expect_like("email=a,b", NULL, NULL);
    expect_like("!email=ana@x.co", NULL, NULL);
    expect_like("email!=ana@x.co", NULL, NULL);
}

Test(filter_server, like_phone_without_a_possible_country_code)
{
    expect_like("phone:3001234567", NULL, "1234567");
    /* +57 is two digits, but a country code may have three: the third goes too. */
    expect_like("phone:+573001234567", NULL, "001234567");
    expect_like("phone=\"+57 300 123 4567\"", NULL, "001234567");
    expect_like("phone:3001234", NULL, "1234");
    expect_like("phone:300123", NULL, NULL);
    expect_like("phone:3001234567,3109876543", NULL, NULL);
    expect_like("!phone:3001234567", NULL, NULL);
}

Test(filter_server, names_and_bare_words_are_never_sent)
{
    const char *const exprs[] = { "name:ruiz", "name=Ruiz", "lucia", "3001234567", "juan.p@x.co",
                            "\"ana ruiz\"", "doc:4050", "id:6650" };
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++)
        expect_like(exprs[i], NULL, NULL);
}

/* What the documented server does with the parameters: equality for where_*, inclusive
 * createdAt bounds, case-insensitive but accent-sensitive substrings for like_*. */
static bool ascii_icase_contains(const char *hay, const char *needle)
{
    return strcasestr(hay, needle) != NULL;
}

static bool server_keeps(const ServerParams *sp, const Summary *s)
{
    bool st = sp->n_status == 0;
    for (size_t i = 0; i < sp->n_status; i++)
        st |= summary_status(s) == sp->in_status[i];
    if (!st)
        return false;
    if ((sp->created_gte != TIME_NONE || sp->created_lte != TIME_NONE) &&
        s->created_ms == TIME_NONE)
        return false;
    if ((sp->created_gte != TIME_NONE && s->created_ms < sp->created_gte) ||
        (sp->created_lte != TIME_NONE && s->created_ms > sp->created_lte))
        return false;
    if ((sp->current_step && strcmp(summary_str(s, SS_STEP), sp->current_step)) ||
        (sp->project && strcmp(summary_str(s, SS_PROJECT), sp->project)) ||
        (sp->flow && strcmp(summary_str(s, SS_FLOW), sp->flow)))
        return false;
    if (sp->like_email && !ascii_icase_contains(summary_str(s, SS_EMAIL), sp->like_email))
        return false;
    return !sp->like_phone || ascii_icase_contains(summary_str(s, SS_PHONE), sp->like_phone);
}

/* Every record a filter keeps, the server (given the pushed-down parameters) keeps too;
 * and each filter keeps at least one, or the check proves nothing. */
static void assert_server_keeps_what_filters_keep(const R *recs, size_t n_recs, const char *const *exprs,
                                                  size_t n_exprs)
{
    for (size_t j = 0; j < n_exprs; j++) {
        ServerParams sp;
        Filter *f = P(exprs[j], &sp);
        size_t kept = 0;
        for (size_t i = 0; i < n_recs; i++) {
            Summary *s = mk(recs[i]);
            if (filter_match(f, s)) {
                kept++;
                cr_assert(server_keeps(&sp, s), "the server would drop record %zu for '%s'", i, exprs[j]);
            }
            free(s);
        }
        cr_assert_gt(kept, 0, "'%s' should keep a record, or the check proves nothing", exprs[j]);
        filter_free(f);
    }
}

Test(filter_server, the_server_never_drops_a_row_the_client_keeps)
{
    const R recs[] = {
        { .st = ST_NEEDS_MANUAL_VERIFICATION, .created = NOW - 3 * DAY, .email = "José@x.co",
          .phone = "3001234567", .cc = "+57", .step = "liveness" },
        { .st = ST_FAILED, .created = T("2025-05-31T23:59:59.999Z"), .email = "ana1985@gmail.com",
          .phone = "5512345678", .cc = "+52", .step = "Liveness" },
        { .st = ST_EXPIRED, .email = "ana.ruiz@x.co", .phone = "3001234567", .cc = "US" },
        { .st = ST_OTHER, .raw = "PAUSED", .created = T("2025-06-01T00:00:00Z"),
          .email = "ANA.RUIZ@X.CO", .step = "document", .project = "6650ab" },
        { .st = ST_COMPLETED_WITHOUT_KYC, .created = NOW - HOUR, .phone = "12345678",
          .cc = "+1", .project = "6650ab", .flow = "77cc" },
    };
    const char *const exprs[] = {
        "status:review age>2d", "status:failed,expired created<=2025-05-31",
        "email=ana.ruiz@x.co", "email:1985", "email:jose", "phone:+573001234567",
        "phone:573001234567", "phone:3001234567", "phone=+525512345678", "phone:112345678",
        "step=liveness", "status:nokyc project=6650ab", "created>2025-05-31", "age<1d status:k",
        "created:2025-05 status:f,e", "flow=77cc age<=2h", "status:paused",
        "status:other email:ana",
    };
    assert_server_keeps_what_filters_keep(recs, sizeof recs / sizeof *recs, exprs, sizeof exprs / sizeof *exprs);
}

/* ---- OR, groups and negations ---------------------------------------------------------- */

/* Each shape: a constraint goes out only when every branch of an OR implies it. */
Test(filter_server, a_disjunction_sends_only_what_every_branch_implies)
{
    expect_statuses("status:review OR status:failed", 2, (Status[]){ ST_FAILED, ST_NEEDS_MANUAL_VERIFICATION });
    expect_statuses("status:review | status:failed,expired", 3,
                    (Status[]){ ST_FAILED, ST_NEEDS_MANUAL_VERIFICATION, ST_EXPIRED });
    expect_statuses("status:review OR flags>0", 0, NULL);
    expect_statuses("status:review OR status:paused", 0, NULL);
    expect_statuses("(status:review)", 1, (Status[]){ ST_NEEDS_MANUAL_VERIFICATION });
    expect_statuses("status:failed,review (status:review OR flags>0)", 2,
                    (Status[]){ ST_FAILED, ST_NEEDS_MANUAL_VERIFICATION });
    expect_statuses("status:failed,review (status:review OR status:expired)", 1,
                    (Status[]){ ST_NEEDS_MANUAL_VERIFICATION });
    expect_statuses("!(status:review)", 0, NULL);
    expect_statuses("NOT status:review", 0, NULL);
    expect_statuses("!(!status:review)", 0, NULL);
    expect_statuses("(status:review status:failed) OR status:expired", 1, (Status[]){ ST_EXPIRED });

    int64_t may1 = T("2025-05-01"), may10 = T("2025-05-10");
    expect_created("created>=2025-05-01 OR created>=2025-05-10", may1, TIME_NONE);
    expect_created("(status:review created>=2025-05-10) OR (status:failed created>=2025-05-01)", may1, TIME_NONE);
    expect_created("created>=2025-05-01 OR name:x", TIME_NONE, TIME_NONE);
    expect_created("created:2025-05-01 OR created:2025-05-10", may1, T("2025-05-11") - 1);
    expect_created("created>=2025-05-01 (created<2025-05-10 OR flags>0)", may1, TIME_NONE);
    expect_created("created>=2025-05-01 (created<2025-05-10 OR created<2025-05-05)", may1, may10 - 1);
    expect_created("!(created>=2025-05-01)", TIME_NONE, TIME_NONE);

    ServerParams sp;
    Filter *f = P("step=end OR step=end", &sp);
    cr_assert(sp.current_step && !strcmp(sp.current_step, "end"));
    filter_free(f);
    f = P("step=end OR step=document", &sp);
    cr_assert_null(sp.current_step, "two steps cannot be one where_currentStep");
    filter_free(f);
    f = P("project=p1 (flow=f1 OR flow=f2)", &sp);
    cr_assert(sp.project && !strcmp(sp.project, "p1") && !sp.flow);
    filter_free(f);
    expect_like("email=a@x.co OR email=a@x.co", "a@x.co", NULL);
    expect_like("email=a@x.co OR email=b@x.co", NULL, NULL);
    expect_like("phone:+573001234567 | status:review", NULL, NULL);
}

/* Relative dates are pushed as the instants they mean at compile time. */
Test(filter_server, relative_dates_become_created_bounds)
{
    expect_created("created>=today", NOW, TIME_NONE);
    expect_created("created:yesterday", NOW - DAY, NOW - 1);
    expect_created("created>=-7d", NOW - 7 * DAY, TIME_NONE);
    expect_created("updated>=today", TIME_NONE, TIME_NONE);
}

/* The property behind every rule, on expressions with OR, groups and negations. */
Test(filter_server, a_disjunction_never_hides_a_row_the_client_keeps)
{
    const R recs[] = {
        { .st = ST_NEEDS_MANUAL_VERIFICATION, .created = NOW - 3 * DAY, .email = "a@x.co", .step = "end",
          .flags = 1 },
        { .st = ST_FAILED, .created = NOW - 20 * DAY, .email = "b@x.co", .step = "document" },
        { .st = ST_EXPIRED, .email = "a@x.co", .step = "end" },
        { .st = ST_OTHER, .raw = "PAUSED", .created = NOW - HOUR, .project = "p1", .flow = "f2" },
        { .st = ST_COMPLETED, .created = NOW - 2 * DAY, .project = "p1", .flow = "f1", .flags = 3 },
    };
    const char *const exprs[] = {
        "status:review OR status:failed", "status:review OR flags>2", "status:review OR created>=-1d",
        "(status:review created>=-5d) | (status:failed created>=-30d)", "step=end OR step=document",
        "email=a@x.co OR email=b@x.co", "project=p1 (flow=f1 OR flow=f2)", "status:paused OR status:done",
        "!(status:review OR status:failed)", "NOT status:review created>=-30d", "created:yesterday OR created:today",
        "(status:failed OR status:expired) (step=end OR step=document)", "status:done,review (flags>0 | !flags>0)",
    };
    assert_server_keeps_what_filters_keep(recs, sizeof recs / sizeof *recs, exprs, sizeof exprs / sizeof *exprs);
}
