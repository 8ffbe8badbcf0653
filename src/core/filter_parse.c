/* Compiling one term of a filter expression: resolving its field and operator, and
 * turning every value into the form filter_match.c checks cheaply (folded needles,
 * status bit sets, half-open integer intervals). filter_expr.c splits an expression into
 * terms, groups and operators. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/filter_internal.h"
#include "core/filter_values.h"
#include "core/fold.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"

/* Operators as written. */
typedef enum Op { OP_MATCH, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE } Op;

typedef enum FieldKind {
    FK_STATUS,
    FK_TEXT,
    FK_PHONE,
    FK_COUNT,
    FK_TIME,
    FK_AGE,
    FK_INVALID,
} FieldKind;

typedef struct FieldDef {
    const char *name;
    FieldKind kind;
    uint8_t which;  /* SumStr (FK_TEXT) or Subject (FK_COUNT, FK_TIME, FK_AGE) */
    TextMode mode;  /* what ':' means for FK_TEXT */
} FieldDef;

static const FieldDef fields[] = {
    { "status", FK_STATUS, 0, TM_PREFIX },
    { "step", FK_TEXT, SS_STEP, TM_PREFIX },
    { "project", FK_TEXT, SS_PROJECT, TM_PREFIX },
    { "flow", FK_TEXT, SS_FLOW, TM_PREFIX },
    { "name", FK_TEXT, SS_NAME, TM_SUBSTR },
    { "email", FK_TEXT, SS_EMAIL, TM_SUBSTR },
    { "phone", FK_PHONE, 0, TM_SUBSTR },
    { "id", FK_TEXT, SS_ID, TM_SUBSTR },
    { "doc", FK_TEXT, SS_DOCNUM, TM_SUBSTR },
    { "flags", FK_COUNT, SUBJ_FLAGS, TM_SUBSTR },
    { "failed", FK_COUNT, SUBJ_FAILED, TM_SUBSTR },
    { "failed.email", FK_COUNT, SUBJ_FAILED_KIND + FAIL_EMAIL, TM_SUBSTR },
    { "failed.phone", FK_COUNT, SUBJ_FAILED_KIND + FAIL_PHONE, TM_SUBSTR },
    { "failed.doc", FK_COUNT, SUBJ_FAILED_KIND + FAIL_DOC, TM_SUBSTR },
    { "failed.bio", FK_COUNT, SUBJ_FAILED_KIND + FAIL_BIO, TM_SUBSTR },
    { "created", FK_TIME, SUBJ_CREATED, TM_SUBSTR },
    { "updated", FK_TIME, SUBJ_UPDATED, TM_SUBSTR },
    { "age", FK_AGE, SUBJ_CREATED, TM_SUBSTR },
    { "idle", FK_AGE, SUBJ_UPDATED, TM_SUBSTR },
    { "waiting", FK_AGE, SUBJ_REVIEW, TM_SUBSTR },
    { "invalid", FK_INVALID, 0, TM_SUBSTR },
};
enum { N_FIELDS = sizeof fields / sizeof *fields };

static const char *const op_names[] = { ":", "=", "!=", "<", "<=", ">", ">=" };

/* ---- Errors ------------------------------------------------------------------------ */

static int chars_between(const char *a, const char *b)
{
    int n = 0;
    for (; a < b; a++)
        n += ((unsigned char)*a & 0xC0) != 0x80;
    return n;
}

/* Code points an error message must not carry: controls and the invisible or
 * direction-changing ones, so a message cannot hide or reorder text. */
static bool unshowable(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2069) || cp == 0x061C ||
           cp == 0xFEFF;
}

/* Copies [p, end) into out for a message: at most TERM_SHOWN characters, anything
 * unshowable as '?', "…" when cut. out needs TERM_SHOWN * 4 + 4 bytes. */
static void show_text(const char *p, const char *end, char *out)
{
    for (int n = 0; p < end && n < TERM_SHOWN; n++) {
        uint32_t cp;
        size_t len = utf8_decode(p, (size_t)(end - p), &cp);
        if (len == 0 || unshowable(cp)) {
            *out++ = '?';
            p += len ? len : 1;
        } else {
            memcpy(out, p, len);
            out += len;
            p += len;
        }
    }
    if (p < end)
        out += sprintf(out, "\xE2\x80\xA6");
    *out = '\0';
}

void filter_set_term(Ctx *c, const char *t0, const char *t1)
{
    c->t0 = t0;
    c->t1 = t1;
    show_text(t0, t1, c->shown);
}

const char *filter_show(Ctx *c, const char *s)
{
    show_text(s, s + strlen(s), c->shown_value);
    return c->shown_value;
}

bool filter_fail(Ctx *c, const char *fmt, ...)
{
    if (!c->err)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vfmt_bounded(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
    c->err->column = chars_between(c->expr, c->t0) + 1;
    c->err->length = chars_between(c->t0, c->t1);
    return false;
}

/* ---- Values ------------------------------------------------------------------------ */

/* Unquotes value text [p, end) into the arena. Inside "…" spaces and commas are literal
 * and \" and \\ are escapes; outside, a comma separates values when `split`. Every value
 * must be non-empty. */
static bool parse_values(Ctx *c, const char *p, const char *end, bool split, Values *out)
{
    size_t cap = 1;
    for (const char *q = p; q < end; q++)
        cap += *q == ',';
    out->items = arena_alloc(c->a, cap * sizeof *out->items);
    out->n = 0;
    char *o = arena_alloc(c->a, (size_t)(end - p) + cap), *item = o;
    bool quoted = false;
    for (;; p++) {
        if (p == end || (split && !quoted && *p == ',')) {
            *o++ = '\0';
            if (!*item)
                return filter_fail(c, "empty value in '%s'", c->shown);
            out->items[out->n++] = item;
            item = o;
            if (p == end)
                return true;
        } else if (*p == '"') {
            quoted = !quoted;
        } else if (quoted && *p == '\\' && p + 1 < end) {
            *o++ = *++p;
        } else {
            *o++ = *p;
        }
    }
}

static const char *arena_fold(Arena *a, const char *s)
{
    char *f = fold_string(s);
    const char *copy = arena_strdup(a, f);
    free(f);
    return copy;
}

/* ---- Fields ------------------------------------------------------------------------ */

static const FieldDef *find_field(const char *name, size_t len)
{
    for (size_t i = 0; i < N_FIELDS; i++)
        if (strlen(fields[i].name) == len && !strncasecmp(fields[i].name, name, len))
            return &fields[i];
    return NULL;
}

static bool unknown_field(Ctx *c, const char *name, size_t len)
{
    const char *best = NULL;
    int best_d = len <= 3 ? 1 : 2; /* farther than this is a different word, not a typo */
    int shown_len = len > TERM_SHOWN ? TERM_SHOWN : (int)len; /* a name is ASCII letters */
    for (size_t i = 0; i < N_FIELDS; i++) {
        int d = filter_edit_distance(name, len, fields[i].name, strlen(fields[i].name));
        if (d <= best_d) {
            best = fields[i].name;
            best_d = d;
        }
    }
    if (best)
        return filter_fail(c, "unknown field '%.*s' in '%s'; did you mean '%s'?", shown_len,
                           name, c->shown, best);
    return filter_fail(c, "unknown field '%.*s' in '%s'; fields: status step project flow name "
                          "email phone id doc flags failed[.email|.phone|.doc|.bio] created "
                          "updated age idle waiting invalid", shown_len, name, c->shown);
}

static bool op_allowed(FieldKind k, Op op, const char **use)
{
    switch (k) {
    case FK_AGE:
        *use = "<, <=, > or >= and a duration, like age>2d";
        return op >= OP_LT;
    case FK_COUNT:
    case FK_TIME:
    case FK_INVALID:
        return true;
    default:
        *use = ":, = or !=";
        return op <= OP_NE;
    }
}

/* ---- Building terms ----------------------------------------------------------------- */

/* The interval [lo, hi) of values that `v op [a, b)` accepts, where [a, b) is what the
 * written value denotes (a count: [n, n+1); a day: its first and last millisecond + 1). */
static void set_range(Term *t, Op op, int64_t a, int64_t b)
{
    t->kind = TK_RANGE;
    t->lo = INT64_MIN;
    t->hi = INT64_MAX;
    switch (op) {
    case OP_MATCH:
    case OP_EQ: t->lo = a, t->hi = b; break;
    case OP_NE: t->lo = a, t->hi = b, t->outside = true; break;
    case OP_LT: t->hi = a; break;
    case OP_LE: t->hi = b; break;
    case OP_GT: t->lo = b; break;
    case OP_GE: t->lo = a; break;
    }
}

static bool compile_status(Ctx *c, Term *t, Op op, const Values *v)
{
    t->kind = TK_STATUS;
    t->mode = op == OP_MATCH ? TM_PREFIX : TM_EXACT;
    t->negate ^= op == OP_NE;
    t->vals = arena_alloc(c->a, v->n * sizeof *t->vals);
    for (size_t i = 0; i < v->n; i++) {
        Status st;
        if (!filter_status_resolve(c, v->items[i], op == OP_MATCH, &st))
            return false;
        if (st == ST__COUNT) /* an unrecognised status, by its text */
            t->vals[t->n_vals++] = arena_fold(c->a, v->items[i]);
        else
            t->mask |= 1u << st;
    }
    return true;
}

static bool compile_text(Ctx *c, Term *t, const FieldDef *def, Op op, const Values *v)
{
    t->kind = def->kind == FK_PHONE ? TK_PHONE : TK_TEXT;
    t->field = def->which;
    t->mode = op == OP_MATCH ? def->mode : TM_EXACT;
    t->negate ^= op == OP_NE;
    t->vals = arena_alloc(c->a, v->n * sizeof *t->vals);
    t->n_vals = v->n;
    for (size_t i = 0; i < v->n; i++) {
        const char *s = v->items[i];
        if (def->kind == FK_PHONE) {
            if (!(s = filter_phone_needle(c->a, s)))
                return filter_fail(c, "bad phone number '%s' in '%s': expected digits, "
                                      "optionally after +",
                                   filter_show(c, v->items[i]), c->shown);
        } else if (t->mode != TM_EXACT) {
            s = arena_fold(c->a, s);
        }
        t->vals[i] = s;
    }
    return true;
}

static bool compile_count(Ctx *c, Term *t, Subject subj, Op op, const char *s)
{
    int64_t n;
    if (!filter_parse_count(s, &n))
        return filter_fail(c, "bad number '%s' in '%s': expected a whole number like 0 or 3",
                           filter_show(c, s), c->shown);
    t->field = (uint8_t)subj;
    set_range(t, op, n, n + 1);
    return true;
}

static bool compile_time(Ctx *c, Term *t, Subject subj, Op op, const char *s)
{
    int64_t a, b;
    if (!filter_parse_when(s, c->now, &a, &b))
        return filter_fail(c, "bad date '%s' in '%s': expected YYYY-MM-DD, YYYY-MM, "
                              "YYYY-MM-DDThh:mm[:ss][Z|+hh:mm] (UTC), today, yesterday or a time ago like -7d",
                           filter_show(c, s), c->shown);
    t->field = (uint8_t)subj;
    set_range(t, op, a, b);
    return true;
}

/* age op D  ⇔  time op' (now − D), with the comparison mirrored. */
static bool compile_age(Ctx *c, Term *t, Subject subj, Op op, const char *s)
{
    static const Op mirror[] = {
        [OP_LT] = OP_GT, [OP_LE] = OP_GE, [OP_GT] = OP_LT, [OP_GE] = OP_LE,
    };
    int64_t d;
    if (!filter_parse_duration(s, &d))
        return filter_fail(c, "bad duration '%s' in '%s': expected a number and a unit "
                              "(s, m, h, d, w), like 12h, 2d or 1d12h",
                           filter_show(c, s), c->shown);
    t->field = (uint8_t)subj;
    set_range(t, mirror[op], c->now - d, c->now - d + 1);
    return true;
}

/* invalid:yes | invalid:no | invalid:email,created | invalid>0 (how many fields). */
static bool compile_invalid(Ctx *c, Term *t, Op op, const Values *v)
{
    if (v->n == 1 && filter_parse_count(v->items[0], &(int64_t){ 0 }))
        return compile_count(c, t, SUBJ_INVALID, op, v->items[0]);
    if (op > OP_NE)
        return filter_fail(c, "bad number '%s' in '%s': expected a whole number like 0 or 3",
                           filter_show(c, v->items[0]), c->shown);
    t->kind = TK_INVALID;
    t->negate ^= op == OP_NE;
    if (v->n == 1 && !strcasecmp(v->items[0], "no")) { /* the negation of yes */
        t->mask = SUMF_ALL;
        t->negate = !t->negate;
        return true;
    }
    for (size_t i = 0; i < v->n; i++) {
        uint32_t bits;
        if (!filter_invalid_bits(v->items[i], &bits))
            return filter_fail(c, "unknown field '%s' in '%s': expected yes, no or fields among %s",
                               filter_show(c, v->items[i]), c->shown, filter_invalid_names());
        t->mask |= bits;
    }
    return true;
}

static bool compile_field(Ctx *c, Term *t, const char *name, size_t len, Op op, const char *val)
{
    const FieldDef *def = find_field(name, len);
    if (!def)
        return unknown_field(c, name, len);
    const char *use = "";
    if (!op_allowed(def->kind, op, &use))
        return filter_fail(c, "'%s' does not apply to %s in '%s'; use %s", op_names[op], def->name,
                           c->shown, use);
    bool lists = def->kind == FK_STATUS || def->kind == FK_TEXT || def->kind == FK_PHONE ||
                 def->kind == FK_INVALID;
    Values v;
    if (!parse_values(c, val, c->t1, lists, &v))
        return false;
    switch (def->kind) {
    case FK_STATUS: return compile_status(c, t, op, &v);
    case FK_TEXT:
    case FK_PHONE: return compile_text(c, t, def, op, &v);
    case FK_COUNT: return compile_count(c, t, def->which, op, v.items[0]);
    case FK_TIME: return compile_time(c, t, def->which, op, v.items[0]);
    case FK_AGE: return compile_age(c, t, def->which, op, v.items[0]);
    case FK_INVALID: return compile_invalid(c, t, op, &v);
    }
    return false;
}

static bool compile_word(Ctx *c, Term *t, const char *p)
{
    Values v;
    if (!parse_values(c, p, c->t1, false, &v))
        return false;
    t->kind = TK_WORD;
    t->vals = arena_alloc(c->a, sizeof *t->vals);
    t->vals[0] = arena_fold(c->a, v.items[0]);
    t->n_vals = 1;
    t->phone = filter_phone_needle(c->a, v.items[0]);
    return true;
}

/* Reads an operator at p; returns its length (0 = none). */
static size_t read_op(const char *p, const char *end, Op *op)
{
    bool eq = p + 1 < end && p[1] == '=';
    switch (*p) {
    case ':': *op = OP_MATCH; return 1;
    case '=': *op = OP_EQ; return 1;
    case '!': *op = OP_NE; return eq ? 2 : 0;
    case '<': *op = eq ? OP_LE : OP_LT; return eq ? 2 : 1;
    case '>': *op = eq ? OP_GE : OP_GT; return eq ? 2 : 1;
    default: return 0;
    }
}

static bool is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* A term is `[!]field op value` when it starts with a name (letters and dots) followed
 * by an operator; anything else, and anything starting with a quote, is a bare word. */
bool filter_compile_term(Ctx *c, Term *t)
{
    const char *p = c->t0;
    if (*p == '!') {
        t->negate = true;
        if (++p == c->t1)
            return filter_fail(c, "'!' needs a term after it");
        if (*p == '!')
            return filter_fail(c, "double negation in '%s'", c->shown);
    }
    const char *name_end = p;
    if (is_alpha(*p))
        while (name_end < c->t1 && (is_alpha(*name_end) || *name_end == '.'))
            name_end++;
    Op op;
    size_t op_len = name_end > p && name_end < c->t1 ? read_op(name_end, c->t1, &op) : 0;
    if (op_len)
        return compile_field(c, t, p, (size_t)(name_end - p), op, name_end + op_len);
    return compile_word(c, t, p);
}
