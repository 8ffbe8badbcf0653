#include "net/request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/safetext.h"
#include "core/timeutil.h"
#include "core/xalloc.h"

/* failedBiometricValidations: their reasons tell the list which failed liveness attempts
 * were quality rejects that used no attempt. */
const char *const LIST_POPULATES[] = { "emailValidation", "phoneValidation", "informationValidation",
                                       "documentValidation", "failedBiometricValidations", NULL };

/* Everything the detail shows: Verifik's own dashboard set, the e-mail and phone code
 * failures, and the references the documented retrieve can populate (formSubmittion is
 * the documented spelling). */
const char *const REVIEW_POPULATES[] = {
    "project", "projectFlow", "emailValidation", "phoneValidation", "biometricValidation",
    "biometricValidation.face", "informationValidation", "consentSession", "documentFace",
    "documentValidation", "documentValidation.documentLiveness", "compareFaceVerification", "face",
    "person", "failedEmailValidations", "failedPhoneValidations", "failedDocumentValidations",
    "failedBiometricValidations", "failedBiometricValidations.face", "manualReviewLog.reviewedByClient",
    "manualReviewLog.reviewedByStaff", "cryptoValidation", "formSubmittion", "signature", "accessControlLog",
    NULL
};

void request_free(Request *r)
{
    free(r->url);
    if (r->body) /* a login body carries the one-time code: wiped on every way out */
        explicit_bzero(r->body, strlen(r->body));
    free(r->body);
    r->url = r->body = NULL;
}

static void path(StrBuf *b, const ApiBase *base, const char *p, const char *id, const char *tail)
{
    strbuf_puts(b, base->url);
    strbuf_puts(b, p);
    if (id) {
        strbuf_putc(b, '/');
        url_encode(b, id);
    }
    if (tail)
        strbuf_puts(b, tail);
}

/* Appends "&key=value" (or "?key=value" for the first parameter). */
static void param(StrBuf *b, const char *key, const char *value)
{
    strbuf_putc(b, strchr(strbuf_cstr(b), '?') ? '&' : '?');
    url_encode(b, key);
    strbuf_putc(b, '=');
    url_encode(b, value);
}

static void param_int(StrBuf *b, const char *key, long v)
{
    char buf[24];
    snprintf(buf, sizeof buf, "%ld", v);
    param(b, key, buf);
}

static void param_time(StrBuf *b, const char *key, int64_t ms)
{
    char buf[32];
    time_format_iso(ms, buf, sizeof buf);
    param(b, key, buf);
}

static void populates(StrBuf *b, const char *const *names)
{
    for (; *names; names++)
        param(b, "populates[]", *names);
}

static void server_filters(StrBuf *b, const ServerParams *sp)
{
    if (sp->n_status == 1)
        param(b, "where_status", status_name(sp->in_status[0]));
    for (size_t i = 0; sp->n_status > 1 && i < sp->n_status; i++)
        param(b, "in_status[]", status_name(sp->in_status[i]));
    if (sp->current_step)
        param(b, "where_currentStep", sp->current_step);
    if (sp->project)
        param(b, "where_project", sp->project);
    if (sp->flow)
        param(b, "where_projectFlow", sp->flow);
    /* A leading '?' turns the like_ terms into one OR group (Verifik's dashboard search). */
    const char *pre = sp->like_or ? "?" : "";
    const char *likes[][2] = { { "like_name", sp->like_name }, { "like_email", sp->like_email },
                               { "like_phone", sp->like_phone } };
    for (size_t i = 0; i < 3; i++) {
        if (!likes[i][1])
            continue;
        char key[24];
        snprintf(key, sizeof key, "%s%s", pre, likes[i][0]);
        param(b, key, likes[i][1]);
    }
    if (sp->created_gte != TIME_NONE)
        param_time(b, "whereGTE_createdAt", sp->created_gte);
    if (sp->created_lte != TIME_NONE)
        param_time(b, "whereLTE_createdAt", sp->created_lte);
}

Request request_list(const ApiBase *base, const ServerParams *sp, const char *sort, int page, int limit)
{
    StrBuf b = STRBUF_INIT;
    path(&b, base, "/v2/app-registrations", NULL, NULL);
    if (limit < 1 || limit > PAGE_SIZE_MAX)
        limit = PAGE_SIZE_MAX;
    param_int(&b, "page", page < 1 ? 1 : page);
    param_int(&b, "limit", limit);
    param_int(&b, "perPage", limit);
    param(&b, "sort", sort && *sort ? sort : "-createdAt");
    if (sp)
        server_filters(&b, sp);
    populates(&b, LIST_POPULATES);
    return (Request){ M_GET, strbuf_steal(&b), NULL };
}

Request request_retrieve(const ApiBase *base, const char *id)
{
    StrBuf b = STRBUF_INIT;
    path(&b, base, "/v2/app-registrations", id, NULL);
    populates(&b, REVIEW_POPULATES);
    return (Request){ M_GET, strbuf_steal(&b), NULL };
}

static void json_field(StrBuf *b, const char *key, const char *value)
{
    strbuf_puts(b, b->len > 1 ? ",\"" : "\"");
    strbuf_puts(b, key);
    strbuf_puts(b, "\":\"");
    safetext_json_escape(b, value);
    strbuf_putc(b, '"');
}

bool override_status_allowed(Status s)
{
    return s == ST_COMPLETED || s == ST_COMPLETED_WITHOUT_KYC || s == ST_FAILED;
}

Request request_override(const ApiBase *base, const char *id, Status status, const char *note)
{
    StrBuf url = STRBUF_INIT, body = STRBUF_INIT;
    path(&url, base, "/v2/app-registrations", id, "/sync");
    strbuf_putc(&body, '{');
    json_field(&body, "step", "adminOverride");
    json_field(&body, "status", status_name(status));
    json_field(&body, "note", note ? note : "");
    strbuf_putc(&body, '}');
    return (Request){ M_PUT, strbuf_steal(&url), strbuf_steal(&body) };
}

Request request_resend_link(const ApiBase *base, const char *id, bool send_email)
{
    StrBuf url = STRBUF_INIT;
    path(&url, base, "/v2/app-registrations", id, "/resend-link");
    return (Request){ M_POST, strbuf_steal(&url), xstrdup(send_email ? "{\"sendEmail\":true}" : "{\"sendEmail\":false}") };
}

Request request_create(const ApiBase *base, const CreateParams *p)
{
    StrBuf url = STRBUF_INIT, body = STRBUF_INIT;
    path(&url, base, "/v2/app-registrations", NULL, NULL);
    strbuf_putc(&body, '{');
    const char *fields[][2] = { { "project", p->project }, { "projectFlow", p->flow }, { "email", p->email },
                                { "phone", p->phone }, { "countryCode", p->country_code },
                                { "language", p->language } };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i][1])
            json_field(&body, fields[i][0], fields[i][1]);
    strbuf_putc(&body, '}');
    return (Request){ M_POST, strbuf_steal(&url), strbuf_steal(&body) };
}

Request request_projects(const ApiBase *base, int page, int limit)
{
    StrBuf b = STRBUF_INIT;
    path(&b, base, "/v3/projects", NULL, NULL);
    param_int(&b, "page", page < 1 ? 1 : page);
    param_int(&b, "limit", limit);
    param_int(&b, "perPage", limit);
    return (Request){ M_GET, strbuf_steal(&b), NULL };
}

Request request_login(const ApiBase *base, const char *email)
{
    StrBuf url = STRBUF_INIT;
    path(&url, base, "/v2/projects/email-login", NULL, NULL);
    param(&url, "email", email);
    return (Request){ M_POST, strbuf_steal(&url), NULL };
}

Request request_login_confirm(const ApiBase *base, const char *email, const char *otp)
{
    StrBuf url = STRBUF_INIT, body = STRBUF_INIT;
    path(&url, base, "/v2/projects/email-login/confirm", NULL, NULL);
    strbuf_putc(&body, '{');
    json_field(&body, "email", email);
    json_field(&body, "otp", otp);
    strbuf_putc(&body, '}');
    return (Request){ M_POST, strbuf_steal(&url), strbuf_steal(&body) };
}
