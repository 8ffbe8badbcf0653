/* A filter expression: its tokens (terms, parentheses, OR, AND, NOT) and the tree they
 * make. Terms side by side are ANDed; OR (or |) binds looser than that:
 *
 *   expr  := and { (OR | "|") and }
 *   and   := unary { [AND] unary }
 *   unary := (NOT | "!") unary-group | "(" expr ")" | term
 *
 * A "(" opens a group where a term would start; inside a term, parentheses that it opens
 * itself are part of it (phone:(300)123), and a ")" it did not open, a "|" or a blank ends
 * it; a quoted value may hold anything. OR, AND and NOT are operators only in capitals
 * and unquoted ("or" is a word to search for). "!" directly before a group negates it. */
#include <stdlib.h>
#include <string.h>

#include "core/filter_internal.h"
#include "core/filter_values.h"
#include "core/xalloc.h"

typedef enum TokKind { TOK_END, TOK_TERM, TOK_OPEN, TOK_CLOSE, TOK_OR, TOK_AND, TOK_NOT } TokKind;

typedef struct Parser {
    Ctx c;
    Filter *f;
    const char *pos;      /* where the next token starts */
    TokKind tok;          /* the current token, [t0, t1) */
    const char *t0, *t1;
    bool open_quote;      /* a TOK_TERM whose quote never closed */
    size_t cap_terms, cap_nodes, cap_kids;
    int depth;
} Parser;

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* Outside quotes and outside parentheses the term opened itself. */
static bool ends_term(char ch)
{
    return is_blank(ch) || ch == ')' || ch == '|';
}

static bool word_is(const char *t0, const char *t1, const char *w)
{
    return (size_t)(t1 - t0) == strlen(w) && !memcmp(t0, w, strlen(w));
}

/* Reads the token at p->pos. */
static void next(Parser *p)
{
    const char *s = p->pos;
    while (is_blank(*s))
        s++;
    p->t0 = s;
    p->open_quote = false;
    if (!*s) {
        p->tok = TOK_END;
    } else if (*s == '(' || *s == ')' || *s == '|') {
        p->tok = *s == '(' ? TOK_OPEN : *s == ')' ? TOK_CLOSE : TOK_OR;
        s++;
    } else if (*s == '!' && s[1 + strspn(s + 1, " \t\n\r\v\f")] == '(') {
        p->tok = TOK_NOT; /* !( … ) */
        s++;
    } else {
        bool quoted = false;
        int inner = 0; /* parentheses opened inside the term: phone:(300)123 */
        for (; *s && (quoted || inner || !ends_term(*s)); s++) {
            if (quoted && *s == '\\' && s[1])
                s++;
            else if (*s == '"')
                quoted = !quoted;
            else if (!quoted && *s == '(')
                inner++;
            else if (!quoted && *s == ')' && inner)
                inner--;
            else if (!quoted && is_blank(*s))
                break;
        }
        p->open_quote = quoted;
        p->tok = word_is(p->t0, s, "OR")    ? TOK_OR
                 : word_is(p->t0, s, "AND") ? TOK_AND
                 : word_is(p->t0, s, "NOT") ? TOK_NOT
                                            : TOK_TERM;
    }
    p->t1 = s;
    p->pos = s;
}

/* Fails with the current token as the one the message points at. */
static bool fail_here(Parser *p, const char *msg)
{
    filter_set_term(&p->c, p->t0, p->t1);
    return filter_fail(&p->c, "%s", msg);
}

static uint32_t add_node(Parser *p, NodeKind kind, uint32_t a, uint32_t n)
{
    Filter *f = p->f;
    f->nodes = xgrow(f->nodes, &p->cap_nodes, f->n_nodes + 1, sizeof *f->nodes);
    f->nodes[f->n_nodes] = (Node){ kind, a, n };
    return (uint32_t)f->n_nodes++;
}

/* ---- Cheapest first ------------------------------------------------------------------ */

/* Cheap terms first, so most records are decided before any text is scanned. */
enum { COST_MAX = 4 };
static int node_cost(const Filter *f, uint32_t i)
{
    const Node *nd = &f->nodes[i];
    if (nd->kind != NK_TERM)
        return COST_MAX;
    const Term *t = &f->terms[nd->a];
    switch (t->kind) {
    case TK_RANGE:
    case TK_INVALID: return 0;
    case TK_STATUS: return t->n_vals ? 1 : 0;
    case TK_TEXT: return t->mode == TM_EXACT ? 1 : 2;
    case TK_PHONE: return 2;
    case TK_WORD: return 3;
    }
    return COST_MAX;
}

/* Appends the children to kids in a stable bucket order: linear even for a pasted
 * expression of thousands of terms. */
static uint32_t add_list(Parser *p, NodeKind kind, const uint32_t *items, size_t n)
{
    Filter *f = p->f;
    f->kids = xgrow(f->kids, &p->cap_kids, f->n_kids + n, sizeof *f->kids);
    uint32_t first = (uint32_t)f->n_kids;
    for (int cost = 0; cost <= COST_MAX; cost++)
        for (size_t i = 0; i < n; i++)
            if (node_cost(f, items[i]) == cost)
                f->kids[f->n_kids++] = items[i];
    return add_node(p, kind, first, (uint32_t)n);
}

/* ---- Parsing --------------------------------------------------------------------------- */

static bool parse_or(Parser *p, uint32_t *out);

static bool starts_unary(TokKind k)
{
    return k == TOK_TERM || k == TOK_OPEN || k == TOK_NOT;
}

static bool parse_term(Parser *p, uint32_t *out)
{
    filter_set_term(&p->c, p->t0, p->t1);
    if (p->open_quote)
        return filter_fail(&p->c, "unterminated quote in '%s'", p->c.shown);
    Filter *f = p->f;
    f->terms = xgrow(f->terms, &p->cap_terms, f->n + 1, sizeof *f->terms);
    Term *t = &f->terms[f->n];
    *t = (Term){ 0 };
    if (!filter_compile_term(&p->c, t))
        return false;
    *out = add_node(p, NK_TERM, (uint32_t)f->n++, 0);
    next(p);
    return true;
}

static bool parse_unary(Parser *p, uint32_t *out)
{
    if (p->tok == TOK_TERM)
        return parse_term(p, out);
    if (++p->depth > FILTER_DEPTH_MAX)
        return fail_here(p, "too many nested groups or negations (at most 32)");
    bool ok;
    uint32_t inner;
    if (p->tok == TOK_NOT) {
        next(p);
        if (!starts_unary(p->tok))
            return fail_here(p, "NOT (or !) needs a term or a group after it");
        ok = parse_unary(p, &inner);
        if (ok)
            *out = add_node(p, NK_NOT, inner, 0);
    } else { /* TOK_OPEN */
        const char *open0 = p->t0, *open1 = p->t1;
        next(p);
        if (p->tok == TOK_CLOSE) {
            p->t0 = open0;
            return fail_here(p, "empty group '()': put terms between the parentheses");
        }
        ok = parse_or(p, &inner);
        if (ok && p->tok != TOK_CLOSE) {
            p->t0 = open0;
            p->t1 = open1;
            return fail_here(p, "this '(' is never closed; add a ')'");
        }
        if (ok) {
            *out = inner;
            next(p);
        }
    }
    p->depth--;
    return ok;
}

/* One operand list, for an AND or an OR: the items, then the node (a single item is
 * itself). */
typedef struct List {
    uint32_t *items;
    size_t n, cap;
} List;

static uint32_t finish_list(Parser *p, NodeKind kind, List *l)
{
    uint32_t node = l->n == 1 ? l->items[0] : add_list(p, kind, l->items, l->n);
    free(l->items);
    return node;
}

static void push(List *l, uint32_t item)
{
    l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = item;
}

static bool parse_and(Parser *p, uint32_t *out)
{
    List l = { 0 };
    for (;;) {
        if (p->tok == TOK_AND) {
            if (!l.n)
                break; /* nothing before it: the error below */
            next(p);
            if (!starts_unary(p->tok)) {
                free(l.items);
                return fail_here(p, "AND needs a term on each side");
            }
        }
        if (!starts_unary(p->tok))
            break;
        uint32_t item = 0;
        if (!parse_unary(p, &item)) {
            free(l.items);
            return false;
        }
        push(&l, item);
    }
    if (!l.n) {
        const char *why = p->tok == TOK_CLOSE ? "this ')' closes no '('"
                          : p->tok == TOK_OR   ? "OR (or |) needs a term on each side"
                          : p->tok == TOK_AND  ? "AND needs a term on each side"
                                               : "a term is missing here";
        return fail_here(p, why);
    }
    *out = finish_list(p, NK_AND, &l);
    return true;
}

static bool parse_or(Parser *p, uint32_t *out)
{
    List l = { 0 };
    for (;;) {
        uint32_t item = 0;
        if (!parse_and(p, &item)) {
            free(l.items);
            return false;
        }
        push(&l, item);
        if (p->tok != TOK_OR)
            break;
        next(p);
        if (!starts_unary(p->tok) && p->tok != TOK_AND) {
            free(l.items);
            return fail_here(p, "OR (or |) needs a term on each side");
        }
    }
    *out = finish_list(p, NK_OR, &l);
    return true;
}

Filter *filter_compile(const char *expr, int64_t now_ms, FilterError *err)
{
    Filter *f = xcalloc(1, sizeof *f);
    arena_init(&f->arena);
    f->root = -1;
    if (!expr)
        expr = "";
    if (err)
        *err = (FilterError){ .msg = "" };
    Parser p = { .c = { .a = &f->arena, .now = now_ms, .expr = expr, .err = err }, .f = f, .pos = expr };
    next(&p);
    if (p.tok == TOK_END)
        return f;
    uint32_t root;
    bool ok = parse_or(&p, &root);
    if (ok && p.tok != TOK_END) /* only a ')' stops a top-level expression early */
        ok = fail_here(&p, "this ')' closes no '('");
    if (!ok) {
        filter_free(f);
        return NULL;
    }
    f->root = root;
    return f;
}

bool filter_is_empty(const Filter *f)
{
    return f->root < 0;
}

void filter_free(Filter *f)
{
    if (!f)
        return;
    free(f->terms);
    free(f->nodes);
    free(f->kids);
    arena_free(&f->arena);
    free(f);
}
