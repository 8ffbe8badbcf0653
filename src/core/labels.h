#ifndef REGDESK_CORE_LABELS_H
#define REGDESK_CORE_LABELS_H
/* The names of a registration's fields and sections where the detail pane and
 * `regdesk show` show the same thing: one table, so the two cannot drift apart. show
 * writes its row labels as they stand ("face compare") and its section titles with a
 * capital; the pane starts every label with a capital (label_title: "Face compare"). */

#include <stdbool.h>
#include <stddef.h>

#include "core/record.h"

/* clang-format off */
#define FIELD_LABELS(X) \
    X(ID,              "id")              \
    X(EMAIL,           "email")           \
    X(PHONE,           "phone")           \
    X(DOCUMENT,        "document")        \
    X(PROJECT,         "project")         \
    X(FLOW,            "flow")            \
    X(LANGUAGE,        "language")        \
    X(CREATED,         "created")         \
    X(UPDATED,         "updated")         \
    X(COMPLETED,       "completed")       \
    X(EXPIRES,         "expires")         \
    X(LIVENESS,        "liveness")        \
    X(FACE_COMPARE,    "face compare")    \
    X(NAME_MATCH,      "name match")      \
    X(RED_FLAGS,       "red flags")       \
    X(FAILED_ATTEMPTS, "failed attempts") \
    X(REVIEW_HISTORY,  "review history")  \
    X(NOTES,           "notes")
/* clang-format on */

typedef enum Label {
#define X(id, text) LBL_##id,
    FIELD_LABELS(X)
#undef X
    LBL__COUNT
} Label;

/* "face compare" */
const char *label(Label l);
/* "Face compare" */
const char *label_title(Label l);

/* A kind of failed attempt for a person: "email", "phone", "document", "liveness" (the
 * API's failedBiometricValidations are the selfie liveness attempts; failkind_name keeps
 * the API's word for JSON and the filter). */
const char *failkind_label(FailKind k);

/* What the API sent for a sub-object that regdesk asks for in full (both show and the
 * detail pane ask for every one they show), so never "not loaded": "not done yet" (null),
 * "the API did not send it", "the API sent only its id (6650…), not the object", "invalid
 * (…wrong type)". Empty for a populated one. */
void ref_state_text(Ref r, char *buf, size_t n);

/* Why a flow threshold is missing: the flow came without it ("the flow sets no minimum",
 * "… no limit"), or the flow itself did not come in full. */
const char *flow_lacks(const Detail *d, bool limit);

#endif
