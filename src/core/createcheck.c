/* Checking a new registration before it is sent (createcheck.h). */
#include "core/createcheck.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const labels[CF__COUNT] = { "project", "flow", "e-mail", "country code", "phone", "language" };

const char *create_field_label(CreateField f)
{
    return f >= 0 && f < CF__COUNT ? labels[f] : "";
}

static void trim(char *s)
{
    size_t len = strlen(s), start = strspn(s, " \t");
    while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    memmove(s, s + start, len - start);
    s[len - start] = '\0';
}

static bool has_blank(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s <= ' ')
            return true;
    return false;
}

static bool email_ok(const char *e)
{
    const char *at = strchr(e, '@');
    return at && at > e && !strchr(at + 1, '@') && strchr(at + 1, '.') && at[1] != '.' && e[strlen(e) - 1] != '.' &&
           !has_blank(e) && strlen(e) <= 254;
}

/* Drops what people type between digits; false when anything else is there. */
static bool digits_only(char *s)
{
    size_t o = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            s[o++] = *p;
        else if (!strchr(" .-()", *p))
            return false;
    }
    s[o] = '\0';
    return true;
}

static void country(CreateForm *f)
{
    char *cc = f->value[CF_COUNTRY];
    const char *d = cc + (*cc == '+');
    size_t n = strlen(d);
    if (!*cc)
        return;
    if (n < 1 || n > 3 || strspn(d, "0123456789") != n) {
        snprintf(f->err[CF_COUNTRY], CREATE_ERR_MAX, "+ and 1 to 3 digits, like +57");
        return;
    }
    char norm[8];
    snprintf(norm, sizeof norm, "+%s", d);
    snprintf(cc, CREATE_VALUE_MAX + 1, "%s", norm);
}

static void id_field(CreateForm *f, CreateField k)
{
    if (!*f->value[k])
        snprintf(f->err[k], CREATE_ERR_MAX, "required (regdesk projects lists them)");
    else if (has_blank(f->value[k]))
        snprintf(f->err[k], CREATE_ERR_MAX, "an id has no blanks");
}

bool create_check(CreateForm *f)
{
    for (int k = 0; k < CF__COUNT; k++) {
        trim(f->value[k]);
        f->err[k][0] = '\0';
    }
    id_field(f, CF_PROJECT);
    id_field(f, CF_FLOW);
    char *email = f->value[CF_EMAIL], *phone = f->value[CF_PHONE];
    if (!*email && !*phone)
        snprintf(f->err[CF_EMAIL], CREATE_ERR_MAX, "an e-mail or a phone is required");
    else if (*email && !email_ok(email))
        snprintf(f->err[CF_EMAIL], CREATE_ERR_MAX, "not an e-mail address (name@domain.example)");
    country(f);
    size_t digits = 0;
    if (*phone && (!digits_only(phone) || (digits = strlen(phone)) < 4 || digits > 15))
        snprintf(f->err[CF_PHONE], CREATE_ERR_MAX, "4 to 15 digits, without the country code");
    else if (*phone && !*f->value[CF_COUNTRY])
        snprintf(f->err[CF_COUNTRY], CREATE_ERR_MAX, "a phone needs its country code (+57 for Colombia)");
    const char *lang = f->value[CF_LANGUAGE];
    if (*lang && (strlen(lang) != 2 || !islower((unsigned char)lang[0]) || !islower((unsigned char)lang[1])))
        snprintf(f->err[CF_LANGUAGE], CREATE_ERR_MAX, "two lower-case letters: en, es, fr, br, ja…");
    for (int k = 0; k < CF__COUNT; k++)
        if (f->err[k][0])
            return false;
    return true;
}

/* Does the refusal's code or message name this? (case-insensitive substring) */
static bool says(const ApiError *e, const char *what)
{
    return strcasestr(e->code, what) || strcasestr(e->message, what);
}

CreateField create_error_field(const ApiError *e)
{
    static const struct {
        const char *said;
        CreateField field;
    } map[] = {
        { "countryCode", CF_COUNTRY }, { "projectFlow", CF_FLOW }, { "flow", CF_FLOW },
        { "project", CF_PROJECT },     { "email", CF_EMAIL },      { "domain", CF_EMAIL },
        { "phone", CF_PHONE },         { "language", CF_LANGUAGE },
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (says(e, map[i].said))
            return map[i].field;
    return CF__COUNT;
}
