/* Credentials and images never enter a record, not even its raw view. A key is judged by
 * its name and by what it holds, since the API has no list of secret fields:
 *   - the credentials the API is known to send (token, accessToken, refreshToken, otp,
 *     password, secret) hide any value;
 *   - a name holding otp, token, secret or password (any case: demoOTP, accessToken,
 *     clientSecret) hides a value that could be one: any text but a time ("otpExpiresAt"
 *     stays) or a plain word of under eight letters ("tokenType": "bearer" stays), a
 *     whole number of four or more digits (but not a count: "otpAttempts": 3), and any
 *     object or array;
 *   - a name holding code hides only what looks like a one-time code (4 to 12 letters
 *     and digits with at least one digit), and never under the names of codes that are
 *     not secrets: countryCode, postalCode, zipCode, documentTypeCode, statusCode,
 *     errorCode, currencyCode, languageCode and the like;
 *   - base64 (a photo) is hidden like a credential.
 * A hidden value shows as "[redacted]" ("" stays ""; null stays null), so the reviewer
 * still sees that the field was there. */
#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "core/parse_internal.h"
#include "core/timeutil.h"

enum { REDACT_MAX_DEPTH = 64 };

static bool name_has(const char *key, const char *word)
{
    return strcasestr(key, word) != NULL;
}

/* Names of codes that identify places, kinds and outcomes, not people. */
static bool public_code(const char *key)
{
    static const char *const words[] = { "country", "postal", "zip", "area", "dial", "phone", "region",
                                         "city", "state", "document", "type", "status", "error", "http",
                                         "currency", "language", "lang", "locale", "iso", "reason",
                                         "bank", "branch", "tax", "product", "gateway", NULL };
    for (int i = 0; words[i]; i++)
        if (name_has(key, words[i]))
            return true;
    return false;
}

static bool one_time_code(const char *s)
{
    size_t n = strlen(s), digits = 0;
    if (n < 4 || n > 12)
        return false;
    for (const char *p = s; *p; p++) {
        if (!isalnum((unsigned char)*p))
            return false;
        digits += isdigit((unsigned char)*p) != 0;
    }
    return digits > 0;
}

static bool plain_short_word(const char *s)
{
    size_t n = strlen(s);
    for (const char *p = s; *p; p++)
        if (!isalpha((unsigned char)*p))
            return false;
    return n < 8;
}

static bool long_number(const cJSON *v)
{
    double d = v->valuedouble;
    if (!(d >= 1000 || d <= -1000))
        return false; /* short, or NaN */
    /* Past 2^53 every double is whole, and past 2^63 the cast below is undefined. */
    if (d >= 9007199254740992.0 || d <= -9007199254740992.0)
        return true;
    return d == (double)(long long)d;
}

static bool secret_value(const cJSON *v)
{
    if (cJSON_IsObject(v) || cJSON_IsArray(v))
        return true;
    if (cJSON_IsNumber(v))
        return long_number(v);
    if (!cJSON_IsString(v) || !v->valuestring)
        return false;
    int64_t ms;
    const char *s = v->valuestring;
    return *s && !time_parse_iso(s, &ms) && !plain_short_word(s);
}

static bool code_value(const cJSON *v)
{
    if (cJSON_IsNumber(v))
        return long_number(v) && v->valuedouble < 1e12;
    return cJSON_IsString(v) && v->valuestring && one_time_code(v->valuestring);
}

static bool known_credential(const char *key)
{
    static const char *const names[] = { "token", "accessToken", "refreshToken", "otp", "password",
                                         "secret", "base64", NULL };
    for (int i = 0; names[i]; i++)
        if (!strcmp(key, names[i]))
            return true;
    return false;
}

bool redact_wanted(const char *key, const cJSON *v)
{
    if (!key || cJSON_IsNull(v))
        return false;
    if (known_credential(key))
        return !cJSON_IsString(v) || (v->valuestring && *v->valuestring);
    if (name_has(key, "otp") || name_has(key, "token") || name_has(key, "secret") || name_has(key, "password") ||
        name_has(key, "passwd"))
        return secret_value(v);
    return name_has(key, "code") && !public_code(key) && code_value(v);
}

void redact_secrets(cJSON *v, int depth)
{
    if (depth > REDACT_MAX_DEPTH)
        return;
    for (cJSON *c = v->child; c; c = c->next) {
        if (redact_wanted(c->string, c)) {
            bool empty = cJSON_IsString(c) && (!c->valuestring || !*c->valuestring);
            cJSON *r = cJSON_CreateString(empty ? "" : "[redacted]");
            r->string = c->string; /* the replacement takes over the key */
            c->string = NULL;
            cJSON_ReplaceItemViaPointer(v, c, r);
            c = r;
        } else if (cJSON_IsObject(c) || cJSON_IsArray(c)) {
            redact_secrets(c, depth + 1);
        }
    }
}
