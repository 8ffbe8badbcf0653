/* What part of a filter the server can apply (filter_server_params).
 *
 * The rule behind every case: the client re-applies the whole filter to what the server
 * returns, so a server parameter may only ever remove rows the client would remove too.
 * Sending a constraint the client does not have is harmless when it is implied by a
 * conjunct (any single positive term of an AND is implied by the whole), and wrong the
 * moment the server could drop a row the client keeps. Hence:
 *
 *   - a negated term (!x, x!=y) is never sent: the API's wherenot_ is undocumented;
 *   - status: the set of statuses of each positive status term, intersected across
 *     terms; not sent when a set contains UNKNOWN (a missing status equals no value the
 *     server can be asked for) or OTHER or an unrecognised status's text (the server's
 *     spelling of those is unknown). This assumes the server stores the canonical
 *     upper-case names, as every API page documents (reference §3.2; §10.9 shows one
 *     lower-case example);
 *   - created/age: every bound becomes an inclusive whereGTE_/whereLTE_createdAt in ms
 *     ([lo, hi) → lo … hi − 1); a record without createdAt fails both sides, as it does
 *     here. created!= is two ranges and is not sent;
 *   - step=, project=, flow= (exact, case-sensitive, one value) → where_currentStep /
 *     where_project / where_projectFlow. step: and project: are folded prefix matches,
 *     which an equality would narrow, so they stay client-side;
 *   - email: like_email is a case-insensitive substring match that is not known to ignore
 *     accents, and may treat the value as a regular expression. So email=X (exact) is
 *     sent when X holds only letters, digits and "@._-" ('+' is a regex quantifier:
 *     "ana+x" would not find "ana+x"); email:X (folded) only when X also has no letter,
 *     since an 'e' in the needle also finds 'é' (digits and "@._-" fold only to
 *     themselves; a combining mark between two of them is the one thing folding would
 *     skip and the server would not);
 *   - phone: the client also matches numbers written with their country code, which the
 *     server's phone field does not hold. A country code is at most 3 digits, so the
 *     needle without its first 3 digits is always inside the national number: that is
 *     sent as like_phone, when at least 4 digits remain;
 *   - name: never: accents, and the server's name field is not known to be the one the
 *     summary shows (fullName, firstName + lastName, or name);
 *   - a bare word: never, hence like_or is never set: it also matches the id and the
 *     document number, which the server's ?like_ group does not search;
 *   - updated, idle, flags, failed, invalid: the API has no parameter for them.
 * The like_ rules also assume the server searches the same email and phone the summary
 * shows; parse takes those from emailValidation/phoneValidation only when the
 * registration itself has none. */
#include <string.h>

#include "core/filter_internal.h"

/* Characters that mean themselves both in a substring match and in a regex ('.' only
 * widens a regex match, so it is harmless). */
static bool like_safe(const char *v, bool letters_ok)
{
    for (const char *p = v; *p; p++) {
        char ch = *p;
        bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
        if (!(letter && letters_ok) && !(ch >= '0' && ch <= '9') && !strchr("@._-", ch))
            return false;
    }
    return true;
}

static void set_once(const char **slot, const char *v)
{
    if (!*slot)
        *slot = v;
}

static void push_text(const Term *t, ServerParams *out)
{
    if (t->n_vals != 1)
        return;
    const char *v = t->vals[0];
    bool exact = t->mode == TM_EXACT;
    switch ((SumStr)t->field) {
    case SS_STEP:
        if (exact)
            set_once(&out->current_step, v);
        break;
    case SS_PROJECT:
        if (exact)
            set_once(&out->project, v);
        break;
    case SS_FLOW:
        if (exact)
            set_once(&out->flow, v);
        break;
    case SS_EMAIL: /* a needle of combining marks only folds to "": nothing to send */
        if (*v && like_safe(v, exact))
            set_once(&out->like_email, v);
        break;
    default:
        break;
    }
}

static void push_phone(const Term *t, ServerParams *out)
{
    if (t->n_vals != 1)
        return;
    const char *digits = t->vals[0] + (t->vals[0][0] == '+');
    if (strlen(digits) >= 3 + 4)
        set_once(&out->like_phone, digits + 3);
}

static void push_created(const Term *t, ServerParams *out)
{
    if (t->field != SUBJ_CREATED || t->outside)
        return;
    if (t->lo != INT64_MIN && (out->created_gte == TIME_NONE || t->lo > out->created_gte))
        out->created_gte = t->lo;
    if (t->hi != INT64_MAX && (out->created_lte == TIME_NONE || t->hi - 1 < out->created_lte))
        out->created_lte = t->hi - 1;
}

static bool status_pushable(const Term *t)
{
    return t->n_vals == 0 && !(t->mask & (1u << ST_UNKNOWN | 1u << ST_OTHER));
}

void filter_server_params(const Filter *f, ServerParams *out)
{
    *out = (ServerParams){ .created_gte = TIME_NONE, .created_lte = TIME_NONE };
    uint32_t statuses = ~0u;
    bool any_status = false;
    for (size_t i = 0; i < f->n; i++) {
        const Term *t = &f->terms[i];
        if (t->negate)
            continue;
        switch (t->kind) {
        case TK_STATUS:
            if (status_pushable(t)) {
                statuses &= t->mask;
                any_status = true;
            }
            break;
        case TK_RANGE: push_created(t, out); break;
        case TK_TEXT: push_text(t, out); break;
        case TK_PHONE: push_phone(t, out); break;
        case TK_INVALID:
        case TK_WORD: break;
        }
    }
    /* Contradictory status terms leave nothing to ask for; the client shows no row. */
    for (int st = 0; any_status && st < ST__COUNT; st++)
        if (statuses & (1u << st))
            out->in_status[out->n_status++] = (Status)st;
}
