#ifndef REGDESK_CORE_RECORD_H
#define REGDESK_CORE_RECORD_H
/* Typed App Registration records.
 *
 * Summary: what the list, the filter and the sort need; one allocation per record (a
 * fixed header followed by its strings), so 100k records stay small and cache-friendly.
 * Detail: one registration with every populated sub-object (reference §5), all of it in
 * one arena. Every string in either was made display-safe when it was parsed
 * (core/safetext), so nothing here can carry an escape sequence. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/record_fields.h"

typedef enum Status {
    ST_UNKNOWN = 0, /* missing or empty status */
    ST_STARTED,
    ST_ONGOING,
    ST_COMPLETED,
    ST_COMPLETED_WITHOUT_KYC,
    ST_FAILED,
    ST_NEEDS_MANUAL_VERIFICATION,
    ST_EXPIRED,
    ST_OTHER, /* a value the enum does not know: shown verbatim */
    ST__COUNT
} Status;

/* Canonical API spelling ("NEEDS_MANUAL_VERIFICATION"), "UNKNOWN" and "OTHER". */
const char *status_name(Status s);
/* A short badge for narrow columns: "REVIEW", "DONE", "NO-KYC", "FAILED" ... */
const char *status_badge(Status s);
/* Case-insensitive, tolerates surrounding blanks, '-' or ' ' for '_'. */
Status status_parse(const char *s, size_t len);
/* COMPLETED, COMPLETED_WITHOUT_KYC and FAILED: the outcomes a registration ends in
 * (the API refuses a new link for them; an override away from one needs a reason). */
bool status_is_final(Status s);

/* The kinds of failed attempt a registration keeps (failed*Validations). */
typedef enum FailKind { FAIL_EMAIL, FAIL_PHONE, FAIL_DOC, FAIL_BIO, FAIL__COUNT } FailKind;
const char *failkind_name(FailKind k); /* "email", "phone", "document", "biometric" */

/* How a JSON field arrived. INVALID = present with the wrong type or an unusable value;
 * the record is kept, the field is shown as invalid. */
typedef enum FieldState { FS_ABSENT = 0, FS_NULL, FS_OK, FS_INVALID } FieldState;

/* ---- Summary ------------------------------------------------------------------ */

typedef enum SumStr {
    SS_ID,
    SS_NAME,
    SS_EMAIL,
    SS_PHONE,        /* national digits as sent */
    SS_COUNTRY_CODE, /* "+57" */
    SS_STEP,         /* currentStep verbatim */
    SS_PROJECT,      /* project id (or the populated project's _id) */
    SS_FLOW,         /* projectFlow id */
    SS_STATUS_RAW,   /* status text as sent, kept only when it is not canonical */
    SS_DOCNUM,       /* document number, when documentValidation came populated */
    SS__COUNT,
    /* Folded forms (core/fold.h) of the fields sort and the bare word compare, made once
     * when the summary is made. They lie back to back (summary_search); a field whose
     * folded form is itself (most e-mails, ids, numbers) is stored only there. */
    SS_KEY_NAME = SS__COUNT,
    SS_KEY_EMAIL,
    SS_KEY_ID,
    SS_KEY_DOC,
    SS__STORED
} SumStr;

/* Bits of Summary.invalid: which fields arrived with a wrong type. */
enum {
    SUMF_ID = 1u << 0,
    SUMF_STATUS = 1u << 1,
    SUMF_NAME = 1u << 2,
    SUMF_EMAIL = 1u << 3,
    SUMF_PHONE = 1u << 4,
    SUMF_STEP = 1u << 5,
    SUMF_CREATED = 1u << 6,
    SUMF_UPDATED = 1u << 7,
    SUMF_REDFLAGS = 1u << 8,
    SUMF_FAILED = 1u << 9,
    SUMF_PROJECT = 1u << 10,
    SUMF_FLOW = 1u << 11,
};

/* Longest string a summary keeps per field (bytes, after sanitising); longer values are
 * cut on a character boundary and end in "…". The detail keeps the full text. */
enum { SUMMARY_STR_MAX = 512 };

#define TIME_NONE INT64_MIN

typedef struct Summary {
    int64_t created_ms; /* TIME_NONE when absent or invalid */
    int64_t updated_ms;
    uint32_t invalid;   /* SUMF_* bits */
    uint16_t red_flags; /* saturates at 65535 */
    uint16_t failed[FAIL__COUNT];
    uint8_t bio_quality; /* of failed[FAIL_BIO], the capture-quality rejects among those that
                            came populated (they use no attempt); saturates at 255 */
    uint8_t status;     /* Status */
    uint8_t has_docnum;
    uint16_t off[SS__STORED]; /* offset of each string in text[] */
    uint16_t text_len;
    char text[];             /* NUL-terminated strings, "" for absent */
} Summary;

static inline const char *summary_str(const Summary *s, SumStr f)
{
    return s->text + s->off[f];
}

static inline Status summary_status(const Summary *s)
{
    return (Status)s->status;
}

unsigned summary_failed_total(const Summary *s);

/* The folded name, e-mail, id and document number, NUL-separated, as one run of bytes
 * (*len of them): a folded needle (which holds no NUL) found anywhere in it is found in
 * one of the four, as fold_find would find it there. */
static inline const char *summary_search(const Summary *s, size_t *len)
{
    const char *doc = s->text + s->off[SS_KEY_DOC];
    *len = (size_t)(doc - (s->text + s->off[SS_KEY_NAME])) + __builtin_strlen(doc);
    return s->text + s->off[SS_KEY_NAME];
}

/* The folded form of SS_NAME, SS_EMAIL, SS_ID or SS_DOCNUM; NULL for other fields. */
static inline const char *summary_folded(const Summary *s, SumStr f)
{
    switch (f) {
    case SS_NAME: return summary_str(s, SS_KEY_NAME);
    case SS_EMAIL: return summary_str(s, SS_KEY_EMAIL);
    case SS_ID: return summary_str(s, SS_KEY_ID);
    case SS_DOCNUM: return summary_str(s, SS_KEY_DOC);
    default: return NULL;
    }
}

/* A record's status for a person or an export, the same whatever casing the API used
 * ("needs_manual_verification" reads like "NEEDS_MANUAL_VERIFICATION"): its badge
 * ("REVIEW") or its API name. A status regdesk does not know, or one that arrived with
 * the wrong type, reads as the text that was sent (display-safe); "" when there is none.
 * The raw view keeps the value as sent. */
const char *status_display(const Summary *s, bool badge);
/* The same for a status that is only text (a review log's previous and new status): the
 * API's name when regdesk knows it, whatever the casing, else the text as given. */
const char *status_text(const char *raw);

/* Builds a summary from already-sanitised strings (NULL = absent). The strings are
 * copied and capped at SUMMARY_STR_MAX. */
typedef struct SummaryInit {
    const char *str[SS__COUNT];
    Status status;
    int64_t created_ms, updated_ms;
    uint32_t invalid;
    unsigned red_flags;
    unsigned failed[FAIL__COUNT];
    unsigned bio_quality;
} SummaryInit;
Summary *summary_new(const SummaryInit *in);
/* in describes s (its strings point into s): change a field, then summary_new a copy. */
void summary_init_from(const Summary *s, SummaryInit *in);
/* Bytes a summary occupies on the heap (header + strings), for the memory figures. */
size_t summary_size(const Summary *s);

/* ---- Detail -------------------------------------------------------------------- */

typedef struct Str {
    const char *s; /* never NULL: "" when absent or null; the raw value's text when invalid */
    FieldState st;
} Str;

typedef struct Num {
    double v;
    FieldState st;
} Num;

typedef struct Flag {
    bool v;
    FieldState st;
} Flag;

typedef struct Time {
    int64_t ms;
    FieldState st;
    const char *raw; /* text as sent when it did not parse */
} Time;

/* A score normalised to 0–1. Verifik sends 0.71 in some places and 71 in others. */
typedef struct Score {
    double v;
    FieldState st;
    bool was_percent; /* arrived on a 0–100 scale */
} Score;

/* A reference to another object: an id string, a populated object, null or absent. */
typedef enum RefState { REF_ABSENT = 0, REF_NULL, REF_ID, REF_POPULATED, REF_INVALID } RefState;
typedef struct Ref {
    RefState st;
    const char *id; /* "" when unknown */
} Ref;

/* Generic key → value rows for free-form objects (redFlagsDetails, OCR fields, unknown
 * fields). Nested objects become a header row (value NULL) followed by deeper rows. */
typedef struct KV {
    const char *key;
    const char *value;
    uint8_t depth;
} KV;
typedef struct KVList {
    KV *items;
    size_t n;
    bool truncated; /* more rows existed than regdesk keeps */
} KVList;

/* The members of each object come from its X-macro in core/record_fields.h, where each
 * field's JSON path and label are declared with it. */
typedef struct Project {
    Ref ref;
    PROJECT_FIELDS(FIELD_MEMBER, Project)
} Project;

typedef struct Flow {
    Ref ref;
    FLOW_FIELDS(FIELD_MEMBER, Flow) /* steps: step → mandatory|optional|skip */
} Flow;

typedef struct EmailVal {
    Ref ref;
    EMAIL_VAL_FIELDS(FIELD_MEMBER, EmailVal)
} EmailVal;

typedef struct PhoneVal {
    Ref ref;
    PHONE_VAL_FIELDS(FIELD_MEMBER, PhoneVal)
} PhoneVal;

typedef struct Image {
    Ref ref;
    bool has_image; /* base64 or url present */
    IMAGE_FIELDS(FIELD_MEMBER, Image)
} Image;

typedef struct BioVal {
    Ref ref;
    BIO_VAL_FIELDS(FIELD_MEMBER, BioVal) /* liveness: livenessScore or biometricData's */
} BioVal;

typedef struct DocVal {
    Ref ref;
    DOC_VAL_FIELDS(FIELD_MEMBER, DocVal) /* percentages 0–100; registry: the government
                                            registry's answer */
} DocVal;

typedef struct InfoVal {
    Ref ref;
    INFO_VAL_FIELDS(FIELD_MEMBER, InfoVal)
} InfoVal;

typedef struct Person {
    Ref ref;
    PERSON_FIELDS(FIELD_MEMBER, Person)
} Person;

typedef struct Compare {
    Ref ref;
    COMPARE_FIELDS(FIELD_MEMBER, Compare) /* result.score, result.compare_min_score */
} Compare;

typedef struct Consent {
    Ref ref;
    CONSENT_FIELDS(FIELD_MEMBER, Consent)
} Consent;

typedef struct ReviewEntry {
    bool by_staff;
    REVIEW_FIELDS(FIELD_MEMBER, ReviewEntry) /* reviewer: name, email or id */
} ReviewEntry;

/* One failed attempt. Unpopulated entries carry only an id. */
typedef struct Attempt {
    FailKind kind;
    Ref ref;
    const char *reason_code; /* "poor_lighting": NNN: prefix, @detail and stack text removed */
    bool has_face;
    ATTEMPT_FIELDS(FIELD_MEMBER, Attempt) /* reason_raw: failedReason as sent (sanitised);
                                             score: livenessScore of biometric attempts;
                                             at: updatedAt, else createdAt */
} Attempt;

typedef struct Detail {
    Arena arena;
    Summary *summary; /* owned by the detail until handed to the store */

    REGISTRATION_FIELDS(FIELD_MEMBER, Detail)

    ReviewEntry *reviews;
    size_t n_reviews;
    Attempt *attempts; /* all kinds, oldest first; attempts without a time last */
    size_t n_attempts;

    KVList unknown;       /* top-level fields regdesk does not model, as compact JSON */
    const char *raw_json; /* the whole record, pretty-printed and sanitised, for the raw view */
} Detail;

void detail_free(Detail *d);

#endif
