/* The raw view hides credentials by pattern (core/parse_redact.c): every key of the API
 * reference (shared/reference/verifik-api.md) whose name holds otp, token, secret,
 * password or code, the simulator's, and neighbours that look alike but are not secret. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "../testutil.h"
#include "core/parse.h"

typedef struct Case {
    const char *key, *json, *shown; /* shown: the value's text when kept, NULL when hidden */
} Case;

static const Case cases[] = {
    /* hidden: what the reference and the simulator send */
    { "demoOTP", "\"123456\"", NULL },                 /* project (§5), the case */
    { "otp", "\"$2b$10$Q9x4hVqv8mZ1z2y3x4w5v.abcdefghi\"", NULL }, /* validations' bcrypt hash */
    { "token", "\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln\"", NULL }, /* the enrollee token */
    { "accessToken", "\"eyJhbGciOiJIUzI1NiJ9.e30.sig\"", NULL },
    { "token", "\"abc\"", NULL },                      /* a known credential: any value */
    { "otp", "123456", NULL },
    { "base64", "\"iVBORw0KGgoAAAANSUhEUg==\"", NULL },
    /* hidden: the same patterns under other names */
    { "verificationCode", "\"482913\"", NULL },
    { "code", "\"482913\"", NULL },
    { "smsCode", "482913", NULL },
    { "OTPCode", "\"A7X9Q2\"", NULL },
    { "refreshToken", "\"r-1f3b9c0d8e\"", NULL },
    { "clientSecret", "\"s3cr3t-v4lue\"", NULL },
    { "password", "\"hunter\"", NULL },
    { "newPassword", "\"correct horse battery staple\"", NULL },
    { "tokens", "[\"t1-aaaaaaaa\",\"t2-bbbbbbbb\"]", NULL },
    { "otpData", "{\"value\":\"482913\"}", NULL },
    { "otpValue", "1e300", NULL },                    /* past long long: no cast overflow */
    { "otpValue", "-1e300", NULL },
    /* kept: codes that are not secrets, words and times under secret-sounding names */
    { "countryCode", "\"+57\"", "+57" },
    { "countryCode", "\"CO\"", "CO" },
    { "postalCode", "\"110111\"", "110111" },
    { "zipCode", "\"94107\"", "94107" },
    { "documentTypeCode", "\"CC\"", "CC" },
    { "statusCode", "\"409\"", "409" },
    { "errorCode", "\"E1234\"", "E1234" },
    { "code", "\"NotFound\"", "NotFound" },
    { "code", "\"app_registration_not_found\"", "app_registration_not_found" },
    { "validationMethod", "\"verificationCode\"", "verificationCode" },
    { "tokenType", "\"bearer\"", "bearer" },
    { "otpExpiresAt", "\"2025-06-01T12:30:00.000Z\"", "2025-06-01T12:30:00.000Z" },
    { "otpAttempts", "3", "3" },
    { "passwordSet", "true", "true" },
    { "token", "null", "null" },
    { "phoneGateway", "\"twilio\"", "twilio" },
    { "smsCode", "1e300", "1e+300" },                 /* no one-time code is that long */
};

static const char *raw_of(const char *key, const char *value, Detail **out)
{
    char json[512];
    snprintf(json, sizeof json, "{\"_id\":\"r1\",\"project\":{\"_id\":\"p\",\"nested\":{\"%s\":%s}}}", key, value);
    *out = tu_detail(json);
    return (*out)->raw_json;
}

Test(parse_redact, every_known_key_is_hidden_or_kept_by_pattern)
{
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const Case *c = &cases[i];
        Detail *d;
        const char *raw = raw_of(c->key, c->json, &d);
        char quoted[64];
        snprintf(quoted, sizeof quoted, "\"%s\"", c->key);
        cr_assert(strstr(raw, quoted), "%s: the key itself stays visible\n%s", c->key, raw);
        if (c->shown) {
            cr_assert(strstr(raw, c->shown), "%s = %s must stay visible\n%s", c->key, c->json, raw);
            cr_assert_null(strstr(raw, "[redacted]"), "%s = %s is no secret\n%s", c->key, c->json, raw);
        } else {
            cr_assert(strstr(raw, "[redacted]"), "%s = %s must be hidden\n%s", c->key, c->json, raw);
            cr_assert_null(strstr(raw, "482913"), "%s: the code leaked\n%s", c->key, raw);
            cr_assert_null(strstr(raw, "123456"), "%s: the code leaked\n%s", c->key, raw);
            cr_assert_null(strstr(raw, "eyJ"), "%s: the token leaked\n%s", c->key, raw);
        }
        detail_free(d);
    }
}

Test(parse_redact, an_empty_secret_stays_empty)
{
    Detail *d;
    const char *raw = raw_of("token", "\"\"", &d);
    cr_assert_null(strstr(raw, "[redacted]"), "%s", raw);
    detail_free(d);
}
