#ifndef REGDESK_MODEL_MODEL_INTERNAL_H
#define REGDESK_MODEL_MODEL_INTERNAL_H
/* Shared by the model's files. Functions here return raw reactions; the public ones
 * pass theirs through model_settle. */
#include "model/model.h"

/* The one place R_SEL_MOVED becomes the detail following the selection (model_detail.c). */
unsigned model_settle(Model *m, unsigned r);

/* model_detail.c */
/* The selection may have moved: the pane follows once it rests (a short debounce, so
 * holding j scrolls the list without rebuilding the pane for every row); at once when
 * the pane is empty or not on screen. */
unsigned detail_follow(Model *m);
/* Shows the selected record now (keys aimed at the pane, a new layout). */
unsigned detail_follow_now(Model *m);
/* The store replaced record rec (a page or a populated record arrived for it). */
unsigned detail_record_changed(Model *m, long rec);
/* The pane's timers; returns the next deadline (0 = none). */
int64_t detail_tick(Model *m, int64_t now, unsigned *r);
/* Fetches the shown record's populated form (force: even when it is loaded). */
unsigned detail_request(Model *m, bool force);
/* A load of a new generation cancelled the retrieve in flight: ask again. */
void detail_job_cancelled(Model *m);

/* model_store.c: writing records, for model.c and the actions. */
/* The store put record idx in (inserted, or replaced): the view, the detail pane and the
 * counts hear of it. */
unsigned model_touched(Model *m, size_t idx, bool inserted);
/* Puts a populated record or a summary into the store (taking it) and tells everyone;
 * *idx (may be NULL) gets its index. */
unsigned model_put_detail(Model *m, Detail *d, size_t *idx);
unsigned model_put_summary(Model *m, Summary *s, size_t *idx);
/* Merges what the view was told into it now, and recounts (model_flush without settle). */
unsigned model_merge_pending(Model *m);
/* The audit log through ModelHost: whether a line can be written, and one line; a line
 * that cannot be written becomes the status message (saying what happened anyway), and
 * false, so the caller keeps its own message back. */
bool model_audit_ready(Model *m, char *err, size_t n);
bool model_audit(Model *m, const AuditEvent *ev);

/* The actions' own results (decide.c, support.c, create.c, refresh.c): true, with the
 * reactions in *r, when res is one of theirs. */
bool decide_result(Model *m, Result *res, unsigned *r);
bool resend_result(Model *m, Result *res, unsigned *r);
bool create_result(Model *m, Result *res, unsigned *r);
bool refresh_result(Model *m, Result *res, unsigned *r);
/* The live refresh's timer; returns its next deadline (0 = none). */
int64_t refresh_tick(Model *m, int64_t now, unsigned *r);
/* A full load finished: what the refresh compares against from now on. */
void refresh_load_done(Model *m);
/* The selection settled on record rec: its mark (new or changed) is seen. */
unsigned refresh_seen(Model *m, long rec);
void acts_free(Model *m);

/* model_privacy.c */
void privacy_init(Privacy *p, unsigned mask, int reveal_secs);
/* The selection moved: a reveal ends when it left the revealed record. */
unsigned privacy_follow(Model *m);
/* The reveal's countdown and end; returns the next deadline (0 = none). */
int64_t privacy_tick(Model *m, int64_t now, unsigned *r);

/* model_watch.c: a retrieve or a load silent for longer than the request timeout is
 * given up (the pane says so; *load_stopped tells the caller to say it for the load);
 * returns the next deadline (0 = none). */
int64_t watch_tick(Model *m, int64_t now, unsigned *r, bool *load_stopped);

/* model_load.c */
/* The end of a --file load: everything the export holds is here, or the sentence why
 * not (a truncated last record: the good ones and a warning). */
unsigned load_file_done(Model *m, const Result *res);
/* The load in progress brought store record rec. */
void load_saw(Model *m, size_t rec);
/* After a reload (r) finished: asks again for each row of the view it did not bring
 * back. */
unsigned load_refresh_missing(Model *m);
/* The header's counts by status and the review queue's overdue figures; the next one is
 * due a little later, so a burst of pages costs one pass. */
void counts_recount(Model *m);
/* A record new to the store, added to the counts as it comes: a load of 1M records
 * costs no recount of the whole store per batch (a changed record still needs one). */
void counts_add(Model *m, size_t rec);

#endif
