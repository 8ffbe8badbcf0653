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
    SS__COUNT
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
    uint16_t off[SS__COUNT]; /* offset of each string in text[] */
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

typedef struct Project {
    Ref ref;
    Str name, status, contact_email, default_language;
    Flag demo_mode;
} Project;

typedef struct Flow {
    Ref ref;
    Str name, type, target, status;
    Num version;
    Score liveness_min;   /* liveness.minScore (v3) or onboardingSettings.liveness.livenessMinScore */
    Score compare_min;    /* liveness.compareMinScore or onboardingSettings.document.compareMinScore */
    Score search_min;
    Num doc_attempt_limit, liveness_attempt_limit;
    Flag verify_names;    /* documents.informationVerification */
    Str email_gateway, phone_gateway;
    KVList steps;         /* step → mandatory|optional|skip */
} Flow;

typedef struct EmailVal {
    Ref ref;
    Str email, status, type, method;
    Num attempts, max_attempts;
    Time validated_at, expires_at, created_at, updated_at;
} EmailVal;

typedef struct PhoneVal {
    Ref ref;
    Str country_code, phone, gateway, status, type, method;
    Num attempts, max_attempts;
    Time validated_at, expires_at, created_at, updated_at;
} PhoneVal;

typedef struct Image {
    Ref ref;
    bool has_image; /* base64 or url present */
    Str url, failed_reason;
} Image;

typedef struct BioVal {
    Ref ref;
    Str status, type, failed_reason;
    Score liveness; /* livenessScore, or biometricData.livenessScore */
    Image face;
    Time created_at, updated_at;
} BioVal;

typedef struct DocVal {
    Ref ref;
    Str status, document_type, category, number, country, nationality, validation_method,
        input_method, failed_reason, manual_verification_reason, info_supported_reason,
        manual_name_decision, manual_name_note, face_reason, url, back_url;
    Flag image_validated, score_validated, names_match, info_supported, document_live;
    Num full_name_pct, first_name_pct, last_name_pct; /* 0–100 */
    KVList ocr;      /* OCRExtraction, most important fields first */
    KVList registry; /* scoreValidation: the government registry's answer */
    Time created_at, updated_at;
} DocVal;

typedef struct InfoVal {
    Ref ref;
    Str full_name, first_name, last_name, date_of_birth, gender, country, city, address,
        document_type, document_number, status, ip_address, user_agent;
    Num full_name_pct;
} InfoVal;

typedef struct Person {
    Ref ref;
    Str name, gender, nationality, status;
    Score liveness;
} Person;

typedef struct Compare {
    Ref ref;
    Score score, min_score; /* result.score, result.compare_min_score */
    Flag passed;
    Time compared_at;
} Compare;

typedef struct Consent {
    Ref ref;
    Str status, source, privacy_url, terms_url;
    Time accepted_at;
} Consent;

typedef struct ReviewEntry {
    Str previous_status, new_status, note, reviewer; /* reviewer: name, email or id */
    bool by_staff;
    Time created_at;
} ReviewEntry;

/* One failed attempt. Unpopulated entries carry only an id. */
typedef struct Attempt {
    FailKind kind;
    Ref ref;
    Str reason_raw;          /* failedReason as sent (sanitised) */
    const char *reason_code; /* "poor_lighting": NNN: prefix, @detail and stack text removed */
    Score score;             /* livenessScore for biometric attempts */
    Str status, document_type, category, country;
    bool has_face;
    Time at; /* updatedAt, else createdAt */
} Attempt;

typedef struct Detail {
    Arena arena;
    Summary *summary; /* owned by the detail until handed to the store */

    Str first_name, last_name, full_name, language, notes, ip_address, user_agent, smart_link;
    Str client;
    Time created_at, updated_at, completed_at, expires_at;
    Flag deleted;
    Num red_flags;
    KVList red_flags_details;

    Project project;
    Flow flow;
    EmailVal email_val;
    PhoneVal phone_val;
    BioVal bio;
    DocVal doc;
    InfoVal info;
    Person person;
    Image face, document_face;
    Compare compare;
    Consent consent;
    Ref crypto_validation, form_submission, signature, access_control_log, assigned_collection;

    ReviewEntry *reviews;
    size_t n_reviews;
    Attempt *attempts; /* all kinds, oldest first; attempts without a time last */
    size_t n_attempts;

    KVList unknown;       /* top-level fields regdesk does not model, as compact JSON */
    const char *raw_json; /* the whole record, pretty-printed and sanitised, for the raw view */
} Detail;

void detail_free(Detail *d);

#endif
