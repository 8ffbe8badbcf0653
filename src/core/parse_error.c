/* Error envelopes, every variant of reference §6.5 (A–G), and bodies that are not JSON. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/msg.h"
#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/strbuf.h"
#include "core/safetext.h"
#include "core/utf8.h"

static void copy_safe(char *dst, size_t n, const char *src)
{
    Arena a;
    arena_init(&a);
    const char *s = safetext_arena(&a, src, strlen(src), SAFE_LINE);
    size_t len = utf8_prefix(s, strlen(s), n - 1);
    memcpy(dst, s, len);
    dst[len] = '\0';
    arena_free(&a);
}

static const char *string_of(const cJSON *v)
{
    return cJSON_IsString(v) && v->valuestring ? v->valuestring : NULL;
}

/* A machine code has no blanks: "DOCUMENT_VALIDATION_NOT_FOUND", "invalid_otp". */
static bool looks_like_code(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (isspace((unsigned char)*s))
            return false;
    return true;
}

/* "404:AppRegistration_not_found@detail" → status 404, message, detail. */
static void split_message(ApiError *e)
{
    char *m = e->message;
    if (isdigit((unsigned char)m[0]) && isdigit((unsigned char)m[1]) && isdigit((unsigned char)m[2]) &&
        m[3] == ':') {
        e->status = (m[0] - '0') * 100 + (m[1] - '0') * 10 + (m[2] - '0');
        memmove(m, m + 4, strlen(m + 4) + 1);
    }
    char *at = strchr(m, '@');
    if (at && looks_like_code(m)) {
        copy_safe(e->detail, sizeof e->detail, at + 1); /* cut on a character boundary */
        *at = '\0';
    }
}

void parse_api_error(int http, char *body, size_t len, ApiError *out)
{
    memset(out, 0, sizeof *out);
    out->http = out->status = http;
    char err[128];
    cJSON *root = len ? json_parse_body(body, len, err, sizeof err) : NULL;
    if (!cJSON_IsObject(root)) {
        bool html = len && (strstr(body, "<html") || strstr(body, "<HTML") || strstr(body, "<!DOCTYPE"));
        snprintf(out->message, sizeof out->message, "%s",
                 !len ? "empty response" : html ? "an HTML error page instead of JSON" : "a response that is not JSON");
        cJSON_Delete(root);
        return;
    }
    const char *code = string_of(jget(root, "code"));
    const char *message = string_of(jget(root, "message"));
    const char *error = string_of(jget(root, "error"));
    if (!code && error && message && looks_like_code(message)) {
        /* Variant E: {"error": "Document validation not found", "message": "DOCUMENT_…"} */
        code = message;
        message = error;
    } else if (!message) {
        message = error;
    }
    if (!code)
        code = error && looks_like_code(error) ? error : "";
    copy_safe(out->code, sizeof out->code, code);
    copy_safe(out->message, sizeof out->message, message ? message : "");
    Num st = field_count(jget(root, "status"));
    if (st.st == FS_OK && st.v >= 100 && st.v <= 599)
        out->status = (int)st.v;
    split_message(out);
    cJSON_Delete(root);
}

static bool contains_ci(const char *hay, const char *needle)
{
    return strcasestr(hay, needle) != NULL;
}

bool api_error_is_auth(const ApiError *e)
{
    if (e->http == 401)
        return true; /* missing, invalid or expired: the token was refused */
    return e->http == 403 && contains_ci(e->message, "expired");
}

/* ---- Sentences ------------------------------------------------------------------------ */

/* Every code the reference documents (§6.5–6.6, plus the simulator's invented 429 and
 * 507), lower-cased, with what it means for a person. Category codes whose message is
 * free text (MissingParameter, BadRequest…) quote it. */
typedef struct CodeText {
    const char *code, *text;
    bool quote; /* the message says what exactly: append it */
} CodeText;

static const CodeText code_texts[] = {
    { "appregistration_not_found", "there is no registration with this id (regdesk list shows the ids)", false },
    { "document_validation_not_found", "the API has no such document validation", false },
    { "email_validation_not_found", "the API has no such e-mail validation", false },
    { "phone_validation_not_found", "the API has no such phone validation", false },
    { "project_not_found", "the API knows no project with this id (regdesk projects lists them)", false },
    { "projectflow_not_found", "the API knows no flow with this id (regdesk projects lists them)", false },
    { "document_settings_not_set", "the flow has no document settings", false },
    { "security_not_set", "the flow has no security settings, so no e-mail code can be sent", false },
    { "invalid_email", "the API knows no account with this e-mail address", false },
    { "notfound", "the API found nothing there", true },
    { "missingparameter", "the API refused a parameter", true },
    { "invalid_parameters", "the API refused the query's parameters", true },
    { "badrequest", "the API refused the request", true },
    { "preconditionfailed", "the project does not accept this (an e-mail domain it blocks, or another rule)", true },
    { "signupform_validation_not_passed", "the sign-up form's requirements are not met yet (a confirmed e-mail "
                                          "or phone)", false },
    { "cannot_resend_link_for_this_status", "this registration's status does not allow a new link (the API refuses "
                                            "one once it is COMPLETED, COMPLETED_WITHOUT_KYC or FAILED)", false },
    { "already_exists", "it exists already", false },
    { "conflict", "the API refused it as a conflict", true },
    { "person_already_set", "the registration already has its person from an earlier liveness check", false },
    { "liveness_failed", "the liveness check failed", false },
    { "collection_not_set", "the project has no face collection set", false },
    { "email_is_registered_already", "a registration with this e-mail address exists already", false },
    { "phone_is_registered_already", "a registration with this phone number exists already", false },
    { "emailvalidation_has_expired", "the e-mail code has expired; ask for a new one", false },
    { "phonevalidation_has_expired", "the phone code has expired; ask for a new one", false },
    { "only_images_in_base64", "the API takes images only as base64", false },
    { "invalid_otp", "the code is wrong or has expired; run regdesk login again for a new one", false },
    { "otp_does_not_match", "the code does not match the one that was sent", false },
    { "missing_email_and_otp", "the e-mail address and the code are both needed", false },
    { "expired_token", "the token has expired", false },
    { "token_expired", "the token has expired", false },
    { "unauthorized", "the API refused the token", true },
    { "forbidden", "the API refused access: this account may not do that", true },
    { "access_denied", "the API refused access: this account may not do that", false },
    { "step_not_supported", "the API does not support this step", false },
    { "internal_error", "the API failed with an internal error; try again later", false },
    { "internalservererror", "the API failed with an internal error; try again later", false },
    { "too_many_requests", "the API asks regdesk to slow down (too many requests)", false },
    { "toomanyrequests", "the API asks regdesk to slow down (too many requests)", false },
    { "store_full", "the API has no room to store more", false },
    { "error", "the API reported an error", true },
};

static const CodeText *code_text(const char *code)
{
    for (size_t i = 0; *code && i < sizeof code_texts / sizeof *code_texts; i++)
        if (!strcasecmp(code_texts[i].code, code))
            return &code_texts[i];
    return NULL;
}

void api_error_describe(const ApiError *e, char *buf, size_t n)
{
    /* The specific code: the message when it is one ("AppRegistration_not_found" under
     * NotFound, "invalid_otp" under ERROR), else the code. */
    bool message_is_code = looks_like_code(e->message);
    const CodeText *t = message_is_code ? code_text(e->message) : NULL;
    const char *shown = t ? e->message : e->code;
    if (!t)
        t = code_text(e->code);
    if (!*shown)
        shown = e->message;
    const char *detail = e->detail;
    bool quote = t && t->quote && *e->message && strcmp(e->message, shown);
    /* The server's words are quoted (core/msg.h): when the sentence must be shortened,
     * they shrink, never the translation or the brackets. */
    char what[MSG_MAX];
    if (t)
        msg_format(what, sizeof what, "%s%s" QS, t->text, quote ? ": " : "", quote ? e->message : "");
    else
        msg_format(what, sizeof what, "the API answered HTTP %d: " QS, e->http,
                   *e->message ? e->message : *e->code ? e->code : "no details");
    bool bracket = *shown && (t || strcmp(shown, e->message));
    const char *label = t && !strcmp(t->code, "liveness_failed") ? "score " : "";
    msg_format(buf, n, "%s%s%s" QS "%s%s" QS "%s", what, *detail ? " (" : "", label, detail, *detail ? ")" : "",
               bracket ? " [" : "", bracket ? shown : "", bracket ? "]" : "");
}
