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
 *   - updated, idle, flags, failed, invalid: the API has no parameter for them;
 *   - OR and groups: a branch of an OR may keep rows the others drop, so a constraint
 *     goes to the server only when every branch implies it: the union of the branches'
 *     status sets (when each branch has one), the earliest lower and latest upper
 *     creation bound (when each branch has that bound), a step, project, flow, e-mail or
 *     phone value all branches share. An AND of groups combines them as it combines
 *     terms; a negated group (!( … ), NOT) sends nothing.
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

/* What one node of the expression lets the server do: constraints every row the node
 * keeps satisfies. */
typedef struct Push {
    bool has_status;
    uint32_t statuses; /* 1 << Status */
    int64_t gte, lte;  /* inclusive createdAt bounds, TIME_NONE when not set */
    const char *step, *project, *flow, *like_email, *like_phone;
} Push;

static void set_once(const char **slot, const char *v)
{
    if (!*slot)
        *slot = v;
}

static void push_text(const Term *t, Push *out)
{
    if (t->n_vals != 1)
        return;
    const char *v = t->vals[0];
    bool exact = t->mode == TM_EXACT;
    switch ((SumStr)t->field) {
    case SS_STEP:
        if (exact)
            set_once(&out->step, v);
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

static void push_phone(const Term *t, Push *out)
{
    if (t->n_vals != 1)
        return;
    const char *digits = t->vals[0] + (t->vals[0][0] == '+');
    if (strlen(digits) >= 3 + 4)
        set_once(&out->like_phone, digits + 3);
}

static void push_created(const Term *t, Push *out)
{
    if (t->field != SUBJ_CREATED || t->outside)
        return;
    if (t->lo != INT64_MIN)
        out->gte = t->lo;
    if (t->hi != INT64_MAX)
        out->lte = t->hi - 1;
}

static bool status_pushable(const Term *t)
{
    return t->n_vals == 0 && !(t->mask & (1u << ST_UNKNOWN | 1u << ST_OTHER));
}

static void push_term(const Term *t, Push *out)
{
    if (t->negate)
        return;
    switch (t->kind) {
    case TK_STATUS:
        if (status_pushable(t)) {
            out->has_status = true;
            out->statuses = t->mask;
        }
        break;
    case TK_RANGE: push_created(t, out); break;
    case TK_TEXT: push_text(t, out); break;
    case TK_PHONE: push_phone(t, out); break;
    case TK_INVALID:
    case TK_WORD: break;
    }
}

/* Both must hold: every constraint of either one is implied. */
static void push_and(Push *acc, const Push *b)
{
    if (b->has_status)
        acc->statuses = acc->has_status ? acc->statuses & b->statuses : b->statuses;
    acc->has_status |= b->has_status;
    if (b->gte != TIME_NONE && (acc->gte == TIME_NONE || b->gte > acc->gte))
        acc->gte = b->gte;
    if (b->lte != TIME_NONE && (acc->lte == TIME_NONE || b->lte < acc->lte))
        acc->lte = b->lte;
    const char **slots[] = { &acc->step, &acc->project, &acc->flow, &acc->like_email, &acc->like_phone };
    const char *const from[] = { b->step, b->project, b->flow, b->like_email, b->like_phone };
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
        if (from[i])
            set_once(slots[i], from[i]);
}

/* Either may hold: only what both imply survives (the union of statuses, the hull of the
 * dates, a text constraint both share). */
static void push_or(Push *acc, const Push *b)
{
    acc->has_status &= b->has_status;
    acc->statuses |= b->statuses;
    acc->gte = acc->gte == TIME_NONE || b->gte == TIME_NONE ? TIME_NONE : acc->gte < b->gte ? acc->gte : b->gte;
    acc->lte = acc->lte == TIME_NONE || b->lte == TIME_NONE ? TIME_NONE : acc->lte > b->lte ? acc->lte : b->lte;
    const char **slots[] = { &acc->step, &acc->project, &acc->flow, &acc->like_email, &acc->like_phone };
    const char *const from[] = { b->step, b->project, b->flow, b->like_email, b->like_phone };
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
        if (*slots[i] && (!from[i] || strcmp(*slots[i], from[i])))
            *slots[i] = NULL;
}

static void push_node(const Filter *f, uint32_t i, Push *out)
{
    const Node *nd = &f->nodes[i];
    *out = (Push){ .gte = TIME_NONE, .lte = TIME_NONE };
    switch (nd->kind) {
    case NK_TERM: push_term(&f->terms[nd->a], out); break;
    case NK_NOT: break; /* the server has no negation regdesk may rely on */
    case NK_AND:
    case NK_OR:
        for (uint32_t k = 0; k < nd->n; k++) {
            Push kid;
            push_node(f, f->kids[nd->a + k], &kid);
            if (k == 0)
                *out = kid;
            else if (nd->kind == NK_AND)
                push_and(out, &kid);
            else
                push_or(out, &kid);
        }
        break;
    }
}

void filter_server_params(const Filter *f, ServerParams *out)
{
    *out = (ServerParams){ .created_gte = TIME_NONE, .created_lte = TIME_NONE };
    if (f->root < 0)
        return;
    Push p;
    push_node(f, (uint32_t)f->root, &p);
    /* Contradictory status terms leave nothing to ask for; the client shows no row. */
    for (int st = 0; p.has_status && st < ST__COUNT; st++)
        if (p.statuses & (1u << st))
            out->in_status[out->n_status++] = (Status)st;
    out->current_step = p.step;
    out->project = p.project;
    out->flow = p.flow;
    out->like_email = p.like_email;
    out->like_phone = p.like_phone;
    out->created_gte = p.gte;
    out->created_lte = p.lte;
}
