/* The masking policy (core/pii.h): mask sets, kinds by key, values and JSON text. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "conf/config.h"
#include "core/pii.h"
#include "../testutil.h"

/* The `mask` setting's value, as the config parses it. */
static unsigned setting(const char *value)
{
    Config c;
    config_init(&c, NULL);
    char why[200] = "";
    cr_assert(config_set(&c, SET_MASK, value, setting_from_flag("--test"), why, sizeof why), "'%s': %s", value, why);
    unsigned set = (unsigned)config_num(&c, SET_MASK);
    config_free(&c);
    return set;
}

Test(pii, the_mask_setting_holds_these_bits)
{
    cr_assert_eq(setting("email"), MASK_EMAIL, "the setting's choices are the kinds, in order");
    cr_assert_eq(setting("phone"), MASK_PHONE);
    cr_assert_eq(setting("document"), MASK_DOCUMENT);
    cr_assert_eq(setting("ip"), MASK_IP);
    cr_assert_eq(setting("name"), MASK_NAME);
    cr_assert_eq(setting("none"), MASK_NONE);
    cr_assert_eq(setting("all"), MASK_ALL);
    cr_assert_eq(setting(config_info(SET_MASK)->def), MASK_DEFAULT, "the built-in default is the default set");
    char buf[64];
    mask_set_format(MASK_DEFAULT, buf, sizeof buf);
    cr_assert_str_eq(buf, "email,phone,document,ip");
    cr_assert_eq(setting(buf), MASK_DEFAULT, "what is printed reads back");
    mask_set_format(MASK_NONE, buf, sizeof buf);
    cr_assert_str_eq(buf, "none");
}

Test(pii, kinds_by_key)
{
    cr_assert_eq(pii_kind_of_key("email"), PII_EMAIL);
    cr_assert_eq(pii_kind_of_key("contactEmail"), PII_EMAIL);
    cr_assert_eq(pii_kind_of_key("phone_number"), PII_PHONE);
    cr_assert_eq(pii_kind_of_key("documentNumber"), PII_DOCUMENT);
    cr_assert_eq(pii_kind_of_key("DOCUMENT-NUMBER"), PII_DOCUMENT);
    cr_assert_eq(pii_kind_of_key("ipAddress"), PII_IP);
    cr_assert_eq(pii_kind_of_key("firstNameMRZ"), PII_NAME);
    cr_assert_eq(pii_kind_of_key("fullName"), PII_NAME);
    /* Related words that are not the data itself stay visible. */
    cr_assert_eq(pii_kind_of_key("emailGateway"), PII_NONE);
    cr_assert_eq(pii_kind_of_key("phoneValidation"), PII_NONE);
    cr_assert_eq(pii_kind_of_key("documentType"), PII_NONE);
    cr_assert_eq(pii_kind_of_key("status"), PII_NONE);
    cr_assert_eq(pii_kind_of_key(""), PII_NONE);
    cr_assert_eq(pii_kind_of_key(NULL), PII_NONE);
    cr_assert_eq(pii_kind_of_key("a_very_long_key_that_is_not_any_field_at_all"), PII_NONE);
}

Test(pii, values_mask_by_kind_only_when_the_set_has_it)
{
    char buf[128];
    cr_assert_str_eq(mask_text(MASK_DEFAULT, PII_EMAIL, "ana.ruiz@example.org", buf, sizeof buf), "a***@example.org");
    cr_assert_str_eq(mask_text(MASK_DEFAULT, PII_PHONE, "3001234567", buf, sizeof buf), "******4567");
    cr_assert_str_eq(mask_text(MASK_DEFAULT, PII_DOCUMENT, "1020304050", buf, sizeof buf), "******4050");
    cr_assert_str_eq(mask_text(MASK_DEFAULT, PII_IP, "183.120.4.5", buf, sizeof buf), "183.120.x.x");
    cr_assert_str_eq(mask_text(MASK_DEFAULT, PII_NAME, "Ana Ruiz", buf, sizeof buf), "Ana Ruiz", "names stay by default");
    cr_assert_str_eq(mask_text(MASK_ALL, PII_NAME, "Ana Ruiz", buf, sizeof buf), "A*** R***");
    cr_assert_str_eq(mask_text(MASK_NONE, PII_EMAIL, "ana@x.org", buf, sizeof buf), "ana@x.org");
    const char *plain = "just text";
    cr_assert_eq(mask_text(MASK_DEFAULT, PII_NONE, plain, buf, sizeof buf), plain, "nothing to mask: no copy");
}

Test(pii, link_tokens_are_masked_whatever_the_set)
{
    char buf[128];
    const char *link = "https://access.verifik.co/sign-up/ID?token=eyJsecret";
    cr_assert_str_eq(mask_text(MASK_NONE, PII_NONE, link, buf, sizeof buf),
                     "https://access.verifik.co/sign-up/ID?token=***");
    StrBuf b = STRBUF_INIT;
    mask_kv_value(MASK_NONE, "smartLink", link, &b);
    cr_assert_null(strstr(strbuf_cstr(&b), "eyJsecret"));
    strbuf_free(&b);
}

/* mask_kv_value under the default set turns value, under key, into want. */
static void check_kv(const char *key, const char *value, const char *want)
{
    StrBuf b = STRBUF_INIT;
    mask_kv_value(MASK_DEFAULT, key, value, &b);
    cr_assert_str_eq(strbuf_cstr(&b), want, "%s", key);
    strbuf_free(&b);
}

Test(pii, key_value_rows)
{
    check_kv("documentNumber", "1020304050", "******4050");
    check_kv("dateOfBirth", "1990-03-02", "1990-03-02");
    check_kv("contact", "{\"email\":\"ana@x.org\",\"n\":1}", "{\"email\":\"a***@x.org\",\"n\":1}");
}

/* mask (mask_json_text or mask_free_text) turns in into want under the mask set. */
static void check_text(void (*mask)(unsigned, const char *, StrBuf *), unsigned set, const char *in,
                       const char *want)
{
    StrBuf b = STRBUF_INIT;
    mask(set, in, &b);
    cr_assert_str_eq(strbuf_cstr(&b), want, "from: %s", in);
    strbuf_free(&b);
}

#define check_json(set, in, want) check_text(mask_json_text, set, in, want)
#define check_free(set, in, want) check_text(mask_free_text, set, in, want)

Test(pii, json_text_masks_values_by_key_and_keeps_the_layout)
{
    check_json(MASK_DEFAULT,
               "{\n\t\"email\":\t\"ana.ruiz@example.org\",\n\t\"phone\":\t\"3001234567\",\n\t\"fullName\":\t\"Ana Ruiz\"\n}",
               "{\n\t\"email\":\t\"a***@example.org\",\n\t\"phone\":\t\"******4567\",\n\t\"fullName\":\t\"Ana Ruiz\"\n}");
    /* Nested objects, OCR fields, numbers, arrays under a personal key. */
    check_json(MASK_DEFAULT,
               "{\"documentValidation\":{\"documentNumber\":\"1020304050\",\"OCRExtraction\":{\"documentNumber\":"
               "1020304050,\"firstName\":\"ANA\"}},\"ipAddress\":\"183.120.4.5\",\"emails\":0}",
               "{\"documentValidation\":{\"documentNumber\":\"******4050\",\"OCRExtraction\":{\"documentNumber\":"
               "******4050,\"firstName\":\"ANA\"}},\"ipAddress\":\"183.120.x.x\",\"emails\":0}");
    check_json(MASK_DEFAULT, "{\"phone\":[\"3001234567\",\"3109876543\"],\"redFlags\":2}",
               "{\"phone\":[\"******4567\",\"******6543\"],\"redFlags\":2}");
    /* A Scan Studio field: {value, confidence} under the field's name. */
    check_json(MASK_DEFAULT, "{\"documentNumber\":{\"value\":\"1020304050\"}}",
               "{\"documentNumber\":{\"value\":\"******4050\"}}");
    /* Names on request; the key itself is never changed. */
    check_json(MASK_ALL, "{\"name\":\"Ana Ruiz\",\"email\":\"x\"}", "{\"name\":\"A*** R***\",\"email\":\"x***\"}");
    check_json(MASK_NONE, "{\"email\":\"ana@x.org\",\"smartLink\":\"https://h/p?token=abc\"}",
               "{\"email\":\"ana@x.org\",\"smartLink\":\"https://h/p?token=***\"}");
    /* Escaped quotes inside a value do not end it; a value cut short still masks. */
    check_json(MASK_DEFAULT, "{\"note\":\"say \\\"hi\\\" \",\"email\":\"ana@x.org\"}",
               "{\"note\":\"say \\\"hi\\\" \",\"email\":\"a***@x.org\"}");
    check_json(MASK_DEFAULT, "{\"email\":\"ana.ruiz@exa\n… (300 more bytes not shown)",
               "{\"email\":\"a***@exa\n… (300 more bytes not shown)");
    check_json(MASK_DEFAULT, "not json at all", "not json at all");
    check_json(MASK_DEFAULT, "", "");
}

Test(pii, json_text_survives_deep_nesting)
{
    char *in = tu_nested("", "{\"phone\":[", 200, "\"3001234567\"", "]}", "]]]}}} {\"email\":\"ana@x.org\"}");
    StrBuf out = STRBUF_INIT;
    mask_json_text(MASK_DEFAULT, in, &out);
    cr_assert(strstr(strbuf_cstr(&out), "\"******4567\""), "the deep phone is masked");
    cr_assert(strstr(strbuf_cstr(&out), "\"a***@x.org\""), "unbalanced closers do not break the rest");
    free(in);
    strbuf_free(&out);
}

Test(pii, free_text_masks_addresses_and_long_numbers_where_they_stand)
{
    check_free(MASK_DEFAULT, "Ops <ops@verifik.example>", "Ops <o***@verifik.example>");
    check_free(MASK_DEFAULT, "call 3001234567 or write juan.p@x.co, ref 2025-05-24",
               "call ******4567 or write j***@x.co, ref 2025-05-24");
    check_free(MASK_DEFAULT, "id 6650aa01c0ffee0000000001 stays\nline two", "id 6650aa01c0ffee0000000001 stays\nline two");
    check_free(MASK_NONE, "ops@x.org 3001234567", "ops@x.org 3001234567");
    check_free(MASK_EMAIL, "3001234567", "3001234567");
    check_free(MASK_DOCUMENT, "doc 1020304050", "doc ******4050");
    check_free(MASK_DEFAULT, "see https://u@h/p?token=SECRET now", "see h***@h/p?token=*** now");
    check_free(MASK_NONE, "see https://h/p?token=SECRET now", "see https://h/p?token=*** now");
    check_free(MASK_DEFAULT, "", "");
    check_free(MASK_DEFAULT, NULL, "");
}
