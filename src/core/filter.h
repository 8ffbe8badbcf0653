#ifndef REGDESK_CORE_FILTER_H
#define REGDESK_CORE_FILTER_H
/* The filter language, shared by the dashboard's / prompt, `regdesk list --filter` and
 * saved views. Blank-separated terms (or AND) are ANDed; OR (or |) joins alternatives
 * and binds looser ("a b OR c" is "(a b) OR c"); parentheses group; a leading ! (or NOT)
 * negates a term or a group. OR, AND and NOT are operators only in capitals and
 * unquoted; a value holding a | or a ) of its own is quoted (filter_expr.c).
 *
 *   status:NEEDS_MANUAL_VERIFICATION   status, case-insensitive; a prefix of a status, of
 *   status:manual  status:review          a word in it, of its badge (REVIEW, DONE,
 *   status:nokyc  status:failed,expired   NO-KYC) or of an alias (nokyc, approved,
 *                                         rejected) is enough when unambiguous; a comma
 *                                         means any of; UNKNOWN = no status, OTHER = any
 *                                         unrecognised one; an unrecognised value
 *                                         (status:paused) matches an unrecognised
 *                                         status's text by prefix, unless it is within
 *                                         a typo or two of a known one (status:faild:
 *                                         an error suggesting FAILED)
 *   status=COMPLETED  status!=FAILED   the canonical name only, or an unrecognised
 *                                         status's whole text (case-insensitive)
 *   step:liv  project:ID  flow:ID      currentStep / project / projectFlow id: folded
 *                                         prefix
 *   step=liveness  project=ID  flow=ID exactly as stored (case-sensitive)
 *   name:ruiz  email:@gmail.com        folded substring (case and accents ignored:
 *   id:6650  doc:4050                     "lucia" finds "Lucía", "strasse" "Straße");
 *                                         name=… email=… != exact as stored
 *   phone:3001  phone:+573001          digits (spaces - . ( ) ignored): a substring of the
 *   phone:573001                          national number, or the start of the number
 *                                         with its country code; with + only the latter
 *   flags>0  flags>=2  flags=0         red flag count (ops: : = != < <= > >=)
 *   failed>0  failed.doc>0             failed attempts: all, or failed.email,
 *   failed.bio>=3                         failed.phone, failed.doc, failed.bio
 *   created>=2025-05-01                creation time, UTC. A date means its whole day and
 *   created<=2025-05-31                   a month (2025-05) its whole month: <= includes
 *   created:2025-05  created>2025-05-31   it, > excludes it, : and = mean within it;
 *   created<2025-06-01T12:00Z             a date-time is an instant (offsets allowed)
 *   created>=today  created:yesterday  today and yesterday are UTC days; -7d is the
 *   created>=-7d  created>-1d12h          instant that long before now
 *   updated>…                          likewise for updatedAt
 *   age>2d  age<12h  age>=1d12h        now − createdAt (units s m h d w; < <= > >=)
 *   idle>3d                            now − updatedAt
 *   waiting>24h                        now − when it entered review (core/sla: its
 *                                         updatedAt); only a case in review has one
 *   invalid:yes  invalid:no            records with fields that arrived with a wrong
 *   invalid:created,status  invalid>1     type (any, none, these, how many)
 *   ruiz  "ana ruiz"                   bare word: folded substring of name, email, id or
 *                                         document number, or a phone match when it is
 *                                         a number
 *
 * Values: "…" keeps blanks and commas (\" and \\ escape inside quotes); outside quotes a
 * comma separates alternatives for status, text, phone and invalid fields. A term is
 * `field op value` only when it starts with a field name and an operator; a quoted term
 * is always a bare word. Field names are case-insensitive. A record without a created
 * (updated) time, or whose count arrived invalid, fails every comparison on it, so only
 * the negated term (!created>…) matches it; != is such a comparison too.
 *
 * Compiled once; filter_match allocates nothing and does not touch the clock (age is
 * measured against the `now` given to filter_compile). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/fold.h" /* fold_cp, fold_find: the folding the matcher uses */
#include "core/record.h"

typedef struct Filter Filter;

typedef struct FilterError {
    char msg[200]; /* one sentence naming the term, e.g. "unknown field 'stauts' in 'stauts:x'" */
    int column;    /* 1-based column (in characters) of the bad term within the expression */
    int length;    /* its length in characters */
} FilterError;

/* NULL on error (err filled when not NULL). A NULL, empty or all-blank expression
 * compiles to a filter that matches everything. */
Filter *filter_compile(const char *expr, int64_t now_ms, FilterError *err);
bool filter_match(const Filter *f, const Summary *s);
/* The text fields through which f matches s, as bits (1u << SumStr): a text term's
 * field, a phone term's SS_PHONE, a bare word's every field it is found in. Terms under
 * a negation name no field. For "matched on a masked field" (the dashboard); 0 when
 * nothing matched on a text field. */
uint32_t filter_hit_fields(const Filter *f, const Summary *s);
bool filter_is_empty(const Filter *f);
void filter_free(Filter *f);

/* What the server can do for us. Only what every row the filter keeps satisfies is
 * pushed down (under an OR, what every alternative implies; nothing under a negation),
 * and only when the server's matching cannot drop a row the client would keep (for example a
 * bare word with letters is not pushed down, because the server's like_ is not known to
 * ignore accents, and a bare word could also match the id). The caller always re-applies
 * the whole filter to what comes back. The rule for each field is in filter_server.c. */
enum { SERVER_MAX_STATUS = ST__COUNT };
typedef struct ServerParams {
    Status in_status[SERVER_MAX_STATUS]; /* one → where_status, several → in_status[] */
    size_t n_status;
    const char *current_step;  /* where_currentStep (exact value) */
    const char *project, *flow; /* where_project, where_projectFlow */
    const char *like_name, *like_email, *like_phone;
    bool like_or;               /* send the like_ terms as the ?like_ OR group (bare word) */
    int64_t created_gte, created_lte; /* TIME_NONE when not set */
} ServerParams;

/* Pointers in *out stay valid for the life of the filter. */
void filter_server_params(const Filter *f, ServerParams *out);

#endif
