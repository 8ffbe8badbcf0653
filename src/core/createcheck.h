#ifndef REGDESK_CORE_CREATECHECK_H
#define REGDESK_CORE_CREATECHECK_H
/* A new registration's fields, checked as the API documents them (D-CREATE, reference
 * §3.1) before anything is sent, and the API's refusals put back on the field they
 * concern. Shared by `regdesk create` and the dashboard's create form. Pure. */
#include <stdbool.h>
#include <stddef.h>

#include "core/parse.h"

typedef enum CreateField { CF_PROJECT, CF_FLOW, CF_EMAIL, CF_COUNTRY, CF_PHONE, CF_LANGUAGE, CF__COUNT } CreateField;

enum { CREATE_VALUE_MAX = 256, CREATE_ERR_MAX = 300 };

typedef struct CreateForm {
    char value[CF__COUNT][CREATE_VALUE_MAX + 1]; /* "" = not given */
    char err[CF__COUNT][CREATE_ERR_MAX];         /* "" = fine */
} CreateForm;

/* "project", "flow", "e-mail", "country code", "phone", "language". */
const char *create_field_label(CreateField f);

/* Checks every field and says what is wrong next to each: project and flow required; an
 * e-mail or a phone (or both); an e-mail with one @ and a domain with a dot; a phone of
 * 4–15 digits (blanks, dots, dashes and brackets are dropped) with its country code; a
 * country code of + and 1–3 digits ("57" becomes "+57"); a language of two lower-case
 * letters (en, es, fr, br, ja…). Values are normalised in place. True when all is well. */
bool create_check(CreateForm *f);

/* The field an API refusal of create concerns, or CF__COUNT for none in particular
 * ("missing countryCode" → country code, "email domain not allowed" → e-mail,
 * "projectFlow_not_found" → flow…). */
CreateField create_error_field(const ApiError *e);

#endif
