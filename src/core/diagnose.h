#ifndef REGDESK_CORE_DIAGNOSE_H
#define REGDESK_CORE_DIAGNOSE_H
/* "Why it is stuck": for a registration that is not waiting for review, what support
 * needs first. The step it waits on and for how long, an expired continuation link (and
 * that a new one can be sent), attempts used up per kind, the last failure and whether
 * it was a quality reject that used no attempt, an e-mail or phone code never confirmed,
 * how a finished one ended. A list of typed findings, one sentence each, most useful
 * first, so that `regdesk show` and the detail pane show the same list first on screen.
 *
 * Built only from evidence in the record: a sub-object that is null or missing means the
 * step has not happened, and nothing is said about it. A registration in review gets
 * no diagnosis: its review reasons (core/reasons) explain it. */
#include <stddef.h>
#include <stdint.h>

#include "core/record.h"

typedef enum FindingKind {
    FD_WAITING,        /* the step it waits on, since when */
    FD_NOT_STARTED,    /* no step reported since it was created */
    FD_LAST_STEP,      /* it reported its last step but the status did not follow */
    FD_LINK_EXPIRED,   /* its link expired: send a new one */
    FD_LINK_VALID,     /* its link is still valid, until when */
    FD_ATTEMPTS_OUT,   /* every attempt of a kind the flow allows has failed */
    FD_ATTEMPTS_LEFT,  /* some attempts of a kind used, some left */
    FD_LAST_FAILURE,   /* the most recent failed attempt, quality reject or not */
    FD_CODE_PENDING,   /* an e-mail or phone code sent and never confirmed */
    FD_CODES_FAILED,   /* codes that failed, none confirmed */
    FD_CHECK_FAILED,   /* a check that did not pass (liveness, face compare, name match…) */
    FD_DECIDED,        /* a reviewer set the status it has now */
    FD_ENDED,          /* how a finished registration ended */
    FD_DELETED,        /* the record is marked deleted */
    FD__COUNT
} FindingKind;

/* How much a finding matters, for a colour: information, something to act on, a cause. */
typedef enum FindingLevel { FL_INFO, FL_WARN, FL_BAD } FindingLevel;

typedef struct Finding {
    FindingKind kind;
    FindingLevel level;
    char text[256]; /* one sentence with its times and numbers */
} Finding;

enum { DIAGNOSIS_MAX = 24 };

/* Fills out[] (room for DIAGNOSIS_MAX) and returns how many findings there are. s is the
 * record's summary (a detail in the store has handed its own over); now_ms measures
 * "2d ago" and whether the link has expired. */
size_t diagnose(const Summary *s, const Detail *d, int64_t now_ms, Finding *out);
/* The heading for the list: "Why it is stuck" while it is open, "How it ended" once it
 * has a final status or expired. */
const char *diagnosis_title(Status st);
const char *finding_kind_name(FindingKind k); /* "waiting", "linkExpired"… for JSON */

#endif
