#ifndef REGDESK_MODEL_ACTS_H
#define REGDESK_MODEL_ACTS_H
/* The state of what the dashboard does to records, beside what it shows: a decision
 * (the dialog's state machine, model/decide.c), the support actions (resend a link,
 * copy, create: model/support.c) and the live refresh (model/refresh.c). Types only;
 * the operations are in model.h. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/createcheck.h"
#include "core/decision.h"
#include "core/msg.h"
#include "core/record.h"

enum { ACT_NOTE_MAX = 480, ACT_WHY_MAX = MSG_MAX }; /* a why holds a worker sentence whole */

/* Actions' jobs carry this generation: a reload never cancels them (once an action is
 * sent, its answer must be heard), and their results are told apart by job id. */
#define MODEL_ACTION_GEN UINT64_MAX

typedef enum DecideState {
    DD_NONE,     /* no dialog */
    DD_EDIT,     /* the reviewer writes the note */
    DD_CHECK,    /* the record is read again before anything is sent */
    DD_SEND,     /* the override is out */
    DD_VERIFY,   /* its answer was lost: the record is read back to tell */
    DD_CONFLICT, /* not sent: someone else decided first (the dialog says who) */
} DecideState;

typedef struct Decision {
    DecideState state;
    long rec;                 /* store index */
    char id[SUMMARY_STR_MAX];
    Status from, to;
    DecisionBase opened;      /* what the reviewer opened */
    DecisionBase before;      /* the record as re-read just before sending */
    char closed_by[300];      /* a final status: who closed it and when ("" when unknown) */
    char note[ACT_NOTE_MAX + 1]; /* what goes out; kept as a draft after a failure */
    char draft_id[SUMMARY_STR_MAX]; /* the record the draft is for */
    int label;                /* the label picked, -1 none */
    uint64_t job;
    long view_row;            /* its row when sent: the next case is looked for from there */
    char why[ACT_WHY_MAX];    /* EDIT: why confirming was refused; CONFLICT: how it changed */
    char progress[ACT_WHY_MAX]; /* CHECK/SEND/VERIFY: a retry on the way */
    char lost[ACT_WHY_MAX];   /* VERIFY: why the answer was lost */
    int lost_http;
} Decision;

typedef enum ResendState { RS_NONE, RS_CONFIRM, RS_SENDING, RS_SHOWN, RS_COPY_CONFIRM } ResendState;

typedef struct Resend {
    ResendState state;
    char id[SUMMARY_STR_MAX];
    bool email;               /* also e-mail it to the applicant */
    uint64_t job;
    char link[1024];          /* the whole link: memory only, wiped when the dialog closes */
    char masked[1024];        /* what the screen shows */
    int64_t expires_ms;
    bool emailed;
    char emailed_to[256];
} Resend;

typedef enum CreateState { CS_NONE, CS_EDIT, CS_SENDING } CreateState;

/* A project or flow seen in the loaded data, with how many registrations name it. */
typedef struct SeenRef {
    char id[CREATE_VALUE_MAX + 1];
    char project[CREATE_VALUE_MAX + 1]; /* a flow's project */
    unsigned count;
} SeenRef;

typedef struct Create {
    CreateState state;
    CreateForm form;           /* values, and the sentence next to each field */
    char general[ACT_WHY_MAX]; /* what concerns no one field */
    SeenRef *projects, *flows; /* from the store when the form opened, most used first */
    size_t n_projects, n_flows;
    uint64_t job;
} Create;

typedef struct Refresh {
    int64_t every_ms;  /* 0: off */
    bool paused;
    int64_t due;       /* monotonic ms of the next one */
    uint64_t job;      /* the page in flight, 0 when none */
    int page;
    int64_t watermark; /* the newest updatedAt the store had when the last one finished */
    int64_t newest;    /* the newest seen by this one */
    bool reached;      /* this one has reached records no newer than the watermark */
    uint8_t *marks;    /* per store index: new or changed since the reviewer saw it */
    size_t nmarks;
    unsigned marked;   /* how many marks are set */
    unsigned done;     /* refreshes finished so far */
} Refresh;

#endif
