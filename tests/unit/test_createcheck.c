/* A new registration's fields as the API documents them (core/createcheck.h), and the
 * API's refusals put back on their field. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "core/createcheck.h"

static CreateForm form(const char *project, const char *flow, const char *email, const char *cc, const char *phone,
                       const char *lang)
{
    CreateForm f;
    memset(&f, 0, sizeof f);
    const char *v[CF__COUNT] = { project, flow, email, cc, phone, lang };
    for (int k = 0; k < CF__COUNT; k++)
        snprintf(f.value[k], sizeof f.value[k], "%s", v[k]);
    return f;
}

Test(createcheck, a_good_form_passes_normalised)
{
    CreateForm f = form(" p1 ", "f1", "", "57", "300 123-4567", "es");
    cr_assert(create_check(&f));
    cr_assert_str_eq(f.value[CF_PROJECT], "p1", "blanks around go");
    cr_assert_str_eq(f.value[CF_COUNTRY], "+57");
    cr_assert_str_eq(f.value[CF_PHONE], "3001234567", "what people type between digits goes");
    f = form("p1", "f1", "ana.ruiz@example.org", "", "", "");
    cr_assert(create_check(&f), "an e-mail alone, no language (the API's default)");
}

Test(createcheck, every_problem_is_named_next_to_its_field)
{
    CreateForm f = form("", "f 1", "", "", "", "ES");
    cr_assert_not(create_check(&f));
    cr_assert(strstr(f.err[CF_PROJECT], "required"));
    cr_assert(strstr(f.err[CF_FLOW], "no blanks"));
    cr_assert(strstr(f.err[CF_EMAIL], "an e-mail or a phone is required"));
    cr_assert(strstr(f.err[CF_LANGUAGE], "two lower-case letters"));
    f = form("p", "f", "ana@@x.org", "+5757", "12ab", "en");
    cr_assert_not(create_check(&f));
    cr_assert(strstr(f.err[CF_EMAIL], "not an e-mail address"));
    cr_assert(strstr(f.err[CF_COUNTRY], "1 to 3 digits"));
    cr_assert(strstr(f.err[CF_PHONE], "4 to 15 digits"));
    f = form("p", "f", "", "", "3001234567", "");
    cr_assert_not(create_check(&f));
    cr_assert(strstr(f.err[CF_COUNTRY], "a phone needs its country code"));
    cr_assert_eq(f.err[CF_PHONE][0], '\0');
    f = form("p", "f", "a@b", "", "", "");
    cr_assert_not(create_check(&f), "a domain with a dot");
}

static CreateField field_of(const char *code, const char *message)
{
    ApiError e;
    memset(&e, 0, sizeof e);
    snprintf(e.code, sizeof e.code, "%s", code);
    snprintf(e.message, sizeof e.message, "%s", message);
    return create_error_field(&e);
}

Test(createcheck, the_apis_refusals_land_on_their_field)
{
    cr_assert_eq(field_of("MissingParameter", "missing countryCode"), CF_COUNTRY);
    cr_assert_eq(field_of("PreconditionFailed", "email domain not allowed"), CF_EMAIL);
    cr_assert_eq(field_of("MissingParameter", "Needs an email or a phone at least"), CF_EMAIL);
    cr_assert_eq(field_of("BadRequest", "Invalid phone number format."), CF_PHONE);
    cr_assert_eq(field_of("phone_is_registered_already", "409:phone_is_registered_already"), CF_PHONE);
    cr_assert_eq(field_of("email_is_registered_already", "409:email_is_registered_already"), CF_EMAIL);
    cr_assert_eq(field_of("NotFound", "projectFlow_not_found"), CF_FLOW);
    cr_assert_eq(field_of("NotFound", "project_not_found"), CF_PROJECT);
    cr_assert_eq(field_of("InsufficientStorage", "store_full"), CF__COUNT, "nothing in particular");
}
