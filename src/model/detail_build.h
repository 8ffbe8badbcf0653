#ifndef REGDESK_MODEL_DETAIL_BUILD_H
#define REGDESK_MODEL_DETAIL_BUILD_H
/* What the detail pane says about one registration, as lines (model/dlines.h). Reasons
 * first: why it needs review, the checks with their scores against the flow's
 * thresholds, red flags, the failed-attempt timeline, related registrations; then every
 * populated validation in full, the review history, notes, and whatever else came.
 * Works from the summary alone until the populated record arrives. No curses. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/related.h"
#include "core/store.h"
#include "model/dlines.h"

typedef enum DetailState {
    DS_NOT_REQUESTED, /* only the summary is here */
    DS_LOADING,
    DS_LOADED,
    DS_ERROR,
} DetailState;

typedef struct DetailCtx {
    const Store *st;
    size_t rec;
    Related *rel;    /* may be NULL: no related section */
    int64_t now_ms;
    int64_t sla_ms;  /* the review SLA (core/sla; 0: the default) */
    bool raw_codes;  /* failure codes beside their translations */
    bool raw_json;   /* the record as JSON instead of the sections */
    unsigned mask;   /* the kinds of personal data shown masked (core/pii) */
    DetailState state;
    const char *error; /* DS_ERROR: one sentence (safe text) */
    const char *source; /* --file's export (safe text), NULL for the API */
} DetailCtx;

void detail_build(DLines *d, const DetailCtx *c);

#endif
