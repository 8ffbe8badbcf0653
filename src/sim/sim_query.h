#ifndef REGDESK_SIM_QUERY_H
#define REGDESK_SIM_QUERY_H
/* The list endpoint's query language (reference §4): paging, where_/in_ filters, date
 * range, like_ search (AND) and the ?like_ OR group, sort, populates. Matching scans the
 * compact records in a cached sort order, so a page never touches more than the records
 * it returns plus one pass over the array. like_ is case-insensitive (ASCII and Latin-1
 * letters) but NOT accent-insensitive: "jose" does not find "José", as with a MongoDB
 * regex; the client must not rely on the server folding accents. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/sim_data.h"
#include "sim/sim_json.h"
#include "sim/sim_req.h"

enum { LIKE_NAME, LIKE_EMAIL, LIKE_PHONE, LIKE__COUNT };

typedef struct SimQuery {
    unsigned page, limit;
    unsigned status_mask;  /* bit per SimStatus */
    int project, flow;     /* -1 = any; -2 = an id that matches nothing */
    int step;              /* -1 = any; -2 = an unknown step */
    int64_t gte, lte;      /* createdAt range, inclusive */
    char like[LIKE__COUNT][128];    /* ANDed; case-folded; "" = not given */
    char or_like[LIKE__COUNT][128]; /* ORed among themselves */
    SimSortKey sort;
    bool desc;
    uint32_t pop;          /* SimPop bits */
    /* A list fault (sim_fault.h) bends the page: */
    unsigned start_early;  /* dupes: the page starts this many records before its place */
    long total_extra;      /* drift: added to the total announced */
    bool endless;          /* every page full (fresh ids past the data), no total or pages */
    bool growing;          /* every page full, announcing one page more than this one */
} SimQuery;

/* Fills q from the request; false with a message for the documented 409. */
bool sim_query_parse(const SimReq *rq, uint64_t seed, SimQuery *q, char *err, size_t n);
/* The populate set alone (retrieve, sync and create use it). */
uint32_t sim_query_populates(const SimReq *rq);
bool sim_query_match(const SimStore *st, const SimQuery *q, const SimRec *r);
/* Applies a list fault (SimFaultKind) to a parsed query. */
void sim_query_fault(SimQuery *q, int fault, unsigned dupes_n, unsigned drift_n);
/* The list envelope {data, total, limit, page, pages}. */
void sim_query_page(SimStore *st, const SimQuery *q, JsonW *w);

#endif
