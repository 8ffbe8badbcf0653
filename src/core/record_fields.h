#ifndef REGDESK_CORE_RECORD_FIELDS_H
#define REGDESK_CORE_RECORD_FIELDS_H
/* Every field of every registration object, spelled once.
 *
 * Each object has three X-macros:
 *   <OBJ>_FIELDS(X, T)   X(T, kind, member, "path", "Label", flags): a member of struct T
 *                        (declared by record.h), the JSON path it is read from (dots go
 *                        into sub-objects) and the label a person sees it under;
 *   <OBJ>_KEYS(K, T)     K(T, name, "path", flags): keys the parser reads by hand or only
 *                        needs to know (they are not "unknown"), with no member of their own;
 *   <OBJ>_ALIASES(A, T)  A(T, name, member, "path", flags): other spellings of a member,
 *                        in the order they are tried after the member's own path.
 * The parser (core/parse_table.c) turns them into one dispatch table per object and
 * reads each object in one pass over its children; record.h turns FIELDS into the
 * struct members; presentation code can walk the same table (FieldSet) for labels.
 *
 * Flags: FR_SKIP_NULL  a null value counts as absent, so the next spelling is tried (the
 *                      member then comes out absent, never null, when all are null);
 *        FR_EXPORT     only in regdesk's own export (list --file), unknown elsewhere;
 *        FR_CUSTOM     read by hand in the parser (the row still gives path and label);
 *        FR_LINK       a link: shown with its tokens masked, whatever the mask set;
 *        FR_PII(kind)  personal data of that kind (core/pii.h): shown masked when the
 *                      mask set has the kind. No FR_PII: PII_NONE. */
#include <stddef.h>
#include <stdint.h>

#include "core/pii.h"

enum { FR_SKIP_NULL = 1, FR_EXPORT = 2, FR_CUSTOM = 4, FR_LINK = 8 };
#define FR_PII(kind) ((kind) << 4)

/* How a member is read, and (FT_<kind>) its C type. */
typedef enum ReadKind {
    RK_NONE,   /* a key without a member */
    RK_STR,    /* one-line text */
    RK_TEXT,   /* multi-line text (notes) */
    RK_NUM,
    RK_COUNT,  /* non-negative whole number */
    RK_SCORE,  /* 0–1, or 0–100 normalised */
    RK_PCT,    /* 0–100, a fraction read as a percentage */
    RK_FLAG,
    RK_TIME,
    RK_REF,
    RK_KV,     /* any value as key → value rows */
    RK_KVOBJ,  /* an object as key → value rows; anything else: none */
    RK_REASON, /* failedReason: a string or {message} */
    RK_OCR,    /* OCR fields, most important first */
    RK_PROJECT,
    RK_FLOW,
    RK_EMAIL_VAL,
    RK_PHONE_VAL,
    RK_IMAGE,
    RK_BIO_VAL,
    RK_DOC_VAL,
    RK_INFO_VAL,
    RK_PERSON,
    RK_COMPARE,
    RK_CONSENT,
} ReadKind;

#define FT_STR Str
#define FT_TEXT Str
#define FT_NUM Num
#define FT_COUNT Num
#define FT_SCORE Score
#define FT_PCT Num
#define FT_FLAG Flag
#define FT_TIME Time
#define FT_REF Ref
#define FT_KV KVList
#define FT_KVOBJ KVList
#define FT_REASON Str
#define FT_OCR KVList
#define FT_PROJECT Project
#define FT_FLOW Flow
#define FT_EMAIL_VAL EmailVal
#define FT_PHONE_VAL PhoneVal
#define FT_IMAGE Image
#define FT_BIO_VAL BioVal
#define FT_DOC_VAL DocVal
#define FT_INFO_VAL InfoVal
#define FT_PERSON Person
#define FT_COMPARE Compare
#define FT_CONSENT Consent

#define FIELD_MEMBER(T, kind, member, path, label, flags) FT_##kind member;
#define NO_ROWS(M, T)

/* One row of an object's table, for the parser and for anyone showing the fields. */
typedef struct FieldDesc {
    const char *path;  /* "email", "liveness.minScore" */
    const char *label; /* NULL for keys and aliases */
    uint16_t offset;   /* of the member in its struct; 0 for keys */
    uint8_t kind;      /* ReadKind; RK_NONE for keys and aliases */
    uint8_t flags;     /* FR_* */
    uint16_t member;   /* for an alias: the row of its member; otherwise the row itself */
} FieldDesc;

/* The kind of personal data a row holds (FR_PII), PII_NONE for the rest. */
static inline PiiKind field_pii(const FieldDesc *f)
{
    return (PiiKind)(f->flags >> 4);
}

typedef struct FieldSet {
    const char *name; /* "EmailVal" */
    const FieldDesc *rows;
    size_t n;
    size_t n_fields;          /* rows [0, n_fields) are the members, in display order */
    struct FieldIndex *index; /* the parser's key index, built on first use */
} FieldSet;

/* ---- project ------------------------------------------------------------------------- */
#define PROJECT_FIELDS(X, T)                                                   \
    X(T, STR, name, "name", "Project", 0)                                      \
    X(T, STR, status, "status", "Project status", 0)                           \
    X(T, FLAG, demo_mode, "demoMode", "Demo mode", 0)                          \
    X(T, STR, contact_email, "contactEmail", "Contact e-mail", 0)              \
    X(T, STR, default_language, "defaultLanguage", "Default language", 0)
#define PROJECT_KEYS NO_ROWS
#define PROJECT_ALIASES NO_ROWS

/* ---- flow: v3 flows keep thresholds under liveness/documents/signUpForm, legacy (v2)
 * ones under onboardingSettings; Verifik's dashboard reads v3 first (reference §7). ---- */
#define FLOW_FIELDS(X, T)                                                                      \
    X(T, STR, name, "name", "Flow", 0)                                                         \
    X(T, STR, type, "type", "Flow type", 0)                                                    \
    X(T, STR, target, "target", "Target", 0)                                                   \
    X(T, STR, status, "status", "Flow status", 0)                                              \
    X(T, NUM, version, "version", "Version", 0)                                                \
    X(T, SCORE, liveness_min, "liveness.minScore", "Liveness min", FR_SKIP_NULL)               \
    X(T, SCORE, compare_min, "liveness.compareMinScore", "Compare min", FR_SKIP_NULL)          \
    X(T, SCORE, search_min, "liveness.searchMinScore", "Search min", FR_SKIP_NULL)             \
    X(T, COUNT, liveness_attempt_limit, "liveness.attemptLimit", "Liveness tries", FR_SKIP_NULL) \
    X(T, COUNT, doc_attempt_limit, "documents.attemptLimit", "Document tries", FR_SKIP_NULL)   \
    X(T, FLAG, verify_names, "documents.informationVerification", "Registry check", FR_SKIP_NULL) \
    X(T, STR, email_gateway, "signUpForm.emailGateway", "Email gateway", FR_SKIP_NULL)         \
    X(T, STR, phone_gateway, "signUpForm.phoneGateway", "Phone gateway", FR_SKIP_NULL)         \
    X(T, KVOBJ, steps, "steps", "Steps", FR_SKIP_NULL)
#define FLOW_KEYS NO_ROWS
#define FLOW_ALIASES(A, T)                                                                     \
    A(T, v2_liveness_min, liveness_min, "onboardingSettings.liveness.livenessMinScore", 0)     \
    A(T, v2_compare_min, compare_min, "onboardingSettings.document.compareMinScore", 0)        \
    A(T, v2_search_min, search_min, "onboardingSettings.liveness.searchMinScore", 0)           \
    A(T, v2_liveness_limit, liveness_attempt_limit, "onboardingSettings.liveness.maxAttempts", 0) \
    A(T, v2_doc_limit, doc_attempt_limit, "onboardingSettings.document.maxAttempts", 0)        \
    A(T, v2_verify_names, verify_names, "onboardingSettings.document.verifyNames", 0)          \
    A(T, v2_email_gateway, email_gateway, "onboardingSettings.signUpForm.emailGateway", 0)     \
    A(T, v2_phone_gateway, phone_gateway, "onboardingSettings.signUpForm.phoneGateway", 0)     \
    A(T, v2_steps, steps, "onboardingSettings.steps", 0)

/* ---- e-mail and phone validations (`otp` holds a bcrypt hash of the code: never read) */
#define CONTACT_TAIL(X, T)                                                     \
    X(T, COUNT, attempts, "attempts", "Attempts", 0)                           \
    X(T, COUNT, max_attempts, "maxAttempts", "Max attempts", 0)                \
    X(T, TIME, validated_at, "validatedAt", "Validated at", 0)                 \
    X(T, TIME, expires_at, "expiresAt", "Expires", 0)                          \
    X(T, TIME, created_at, "createdAt", "Created", 0)                          \
    X(T, TIME, updated_at, "updatedAt", "Updated", 0)
#define EMAIL_VAL_FIELDS(X, T)                                                 \
    X(T, STR, email, "email", "Email", FR_PII(PII_EMAIL))                      \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, STR, method, "validationMethod", "Method", 0)                         \
    X(T, STR, type, "type", "Type", 0)                                         \
    CONTACT_TAIL(X, T)
#define EMAIL_VAL_KEYS NO_ROWS
#define EMAIL_VAL_ALIASES NO_ROWS

#define PHONE_VAL_FIELDS(X, T)                                                 \
    X(T, STR, country_code, "countryCode", "Country code", 0)                  \
    X(T, STR, phone, "phone", "Phone", FR_PII(PII_PHONE))                      \
    X(T, STR, gateway, "phoneGateway", "Gateway", 0)                           \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, STR, method, "validationMethod", "Method", 0)                         \
    X(T, STR, type, "type", "Type", 0)                                         \
    CONTACT_TAIL(X, T)
#define PHONE_VAL_KEYS NO_ROWS
#define PHONE_VAL_ALIASES NO_ROWS

/* ---- an image: the picture itself (base64) is never kept, only that it exists ---- */
#define IMAGE_FIELDS(X, T)                                                     \
    X(T, STR, url, "url", "Image", FR_LINK)                                    \
    X(T, REASON, failed_reason, "failedReason", "Failed reason", 0)
#define IMAGE_KEYS(K, T) K(T, base64, "base64", 0)
#define IMAGE_ALIASES NO_ROWS

/* ---- liveness (selfie) ---------------------------------------------------------------- */
#define BIO_VAL_FIELDS(X, T)                                                   \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, SCORE, liveness, "livenessScore", "Score", FR_SKIP_NULL)              \
    X(T, REASON, failed_reason, "failedReason", "Failed reason", 0)            \
    X(T, IMAGE, face, "face", "Selfie", 0)                                     \
    X(T, STR, type, "type", "Type", 0)                                         \
    X(T, TIME, created_at, "createdAt", "Created", 0)                          \
    X(T, TIME, updated_at, "updatedAt", "Updated", 0)
#define BIO_VAL_KEYS NO_ROWS
#define BIO_VAL_ALIASES(A, T) A(T, nested_liveness, liveness, "biometricData.livenessScore", 0)

/* ---- the identity document -------------------------------------------------------------- */
#define DOC_VAL_FIELDS(X, T)                                                                   \
    X(T, STR, status, "status", "Status", 0)                                                   \
    X(T, STR, document_type, "documentType", "Type", 0)                                        \
    X(T, STR, category, "documentCategory", "Category", 0)                                     \
    X(T, STR, number, "documentNumber", "Number", FR_PII(PII_DOCUMENT))                        \
    X(T, STR, country, "country", "Country", 0)                                                \
    X(T, STR, nationality, "nationality", "Nationality", 0)                                    \
    X(T, STR, validation_method, "validationMethod", "Method", 0)                              \
    X(T, STR, input_method, "inputMethod", "Input", 0)                                         \
    X(T, PCT, full_name_pct, "fullNameMatchPercentage", "Name match", 0)                       \
    X(T, PCT, first_name_pct, "firstNameMatchPercentage", "First names match", 0)              \
    X(T, PCT, last_name_pct, "lastNameMatchPercentage", "Last names match", 0)                 \
    X(T, FLAG, names_match, "namesMatch", "Names match", 0)                                    \
    X(T, FLAG, image_validated, "imageValidated", "Image checked", 0)                          \
    X(T, FLAG, score_validated, "scoreValidated", "Registry ran", 0)                           \
    X(T, FLAG, info_supported, "infoValidationSupported", "Registry usable", 0)                \
    X(T, STR, info_supported_reason, "infoValidationSupportedReason", "Registry note", 0)      \
    X(T, STR, manual_verification_reason, "manualVerificationReason", "Manual reason", 0)      \
    X(T, STR, manual_name_decision, "manualNameReview.decision", "Name review", 0)             \
    X(T, TEXT, manual_name_note, "manualNameReview.note", "Review note", 0)                    \
    X(T, STR, face_reason, "documentFaceReason", "Face on doc", 0)                             \
    X(T, FLAG, document_live, "documentLiveness.isLive", "Document live", 0)                   \
    X(T, REASON, failed_reason, "failedReason", "Failed reason", 0)                            \
    X(T, STR, url, "url", "Front image", FR_LINK)                                              \
    X(T, STR, back_url, "backUrl", "Back image", FR_LINK)                                      \
    X(T, TIME, created_at, "createdAt", "Created", 0)                                          \
    X(T, TIME, updated_at, "updatedAt", "Updated", 0)                                          \
    X(T, KVOBJ, registry, "scoreValidation", "Government registry answer", 0)                  \
    X(T, OCR, ocr, "OCRExtraction", "Read from the document (OCR)", FR_SKIP_NULL)
#define DOC_VAL_KEYS NO_ROWS
#define DOC_VAL_ALIASES(A, T)                                                  \
    A(T, ocr_data, ocr, "documentData", 0)                                     \
    A(T, ocr_results, ocr, "ocrResults.fields", 0)

/* ---- the sign-up form's data ------------------------------------------------------------ */
#define INFO_VAL_FIELDS(X, T)                                                  \
    X(T, STR, full_name, "fullName", "Full name", FR_SKIP_NULL | FR_PII(PII_NAME)) \
    X(T, STR, first_name, "firstName", "First name", FR_PII(PII_NAME))         \
    X(T, STR, last_name, "lastName", "Last name", FR_PII(PII_NAME))            \
    X(T, PCT, full_name_pct, "fullNameMatchPercentage", "Name match", 0)       \
    X(T, STR, date_of_birth, "dateOfBirth", "Date of birth", 0)                \
    X(T, STR, gender, "gender", "Gender", 0)                                   \
    X(T, STR, country, "country", "Country", 0)                                \
    X(T, STR, city, "city", "City", 0)                                         \
    X(T, STR, address, "address", "Address", 0)                                \
    X(T, STR, document_type, "documentType", "Document type", 0)               \
    X(T, STR, document_number, "documentNumber", "Document no.", FR_PII(PII_DOCUMENT)) \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, STR, ip_address, "ipAddress", "IP address", FR_PII(PII_IP))           \
    X(T, STR, user_agent, "userAgent", "User agent", 0)
#define INFO_VAL_KEYS NO_ROWS
#define INFO_VAL_ALIASES(A, T) A(T, name, full_name, "name", 0)

/* ---- the person found by face recognition ----------------------------------------------- */
#define PERSON_FIELDS(X, T)                                                    \
    X(T, STR, name, "name", "Name", FR_PII(PII_NAME))                          \
    X(T, STR, gender, "gender", "Gender", 0)                                   \
    X(T, STR, nationality, "nationality", "Nationality", 0)                    \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, SCORE, liveness, "livenessScore", "Liveness", 0)
#define PERSON_KEYS NO_ROWS
#define PERSON_ALIASES NO_ROWS

/* ---- face compare: the result fields sit under "result", or at the top level when the
 * object has no "result" (read by hand: which one applies depends on "result" alone). */
#define COMPARE_FIELDS(X, T)                                                   \
    X(T, SCORE, score, "result.score", "Score", FR_CUSTOM)                     \
    X(T, SCORE, min_score, "result.compare_min_score", "Threshold used", FR_CUSTOM) \
    X(T, FLAG, passed, "result.passed", "Passed", FR_CUSTOM)                   \
    X(T, TIME, compared_at, "comparedAt", "Compared at", FR_SKIP_NULL)
#define COMPARE_KEYS(K, T)                                                     \
    K(T, result, "result", 0)                                                  \
    K(T, top_score, "score", 0)                                                \
    K(T, top_min_score, "compare_min_score", 0)                                \
    K(T, top_passed, "passed", 0)
#define COMPARE_ALIASES(A, T) A(T, created_at, compared_at, "createdAt", 0)

/* ---- consent ------------------------------------------------------------------------------ */
#define CONSENT_FIELDS(X, T)                                                   \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, STR, source, "source", "Source", 0)                                   \
    X(T, TIME, accepted_at, "acceptedAt", "Accepted at", 0)                    \
    X(T, STR, privacy_url, "privacyPolicyUrl", "Privacy policy", FR_LINK)      \
    X(T, STR, terms_url, "termsAndConditionsUrl", "Terms", FR_LINK)
#define CONSENT_KEYS NO_ROWS
#define CONSENT_ALIASES NO_ROWS

/* ---- one manualReviewLog entry ------------------------------------------------------------- */
#define REVIEW_FIELDS(X, T)                                                    \
    X(T, STR, previous_status, "previousStatus", "From", 0)                    \
    X(T, STR, new_status, "newStatus", "To", 0)                                \
    X(T, STR, reviewer, "reviewedByStaff", "Reviewer", FR_CUSTOM)              \
    X(T, TEXT, note, "note", "Note", 0)                                        \
    X(T, TIME, created_at, "createdAt", "At", 0)
#define REVIEW_KEYS(K, T) K(T, by_client, "reviewedByClient", 0)
#define REVIEW_ALIASES NO_ROWS

/* A reviewer: an id, or {_id, name?, email?}. No struct: read by hand. */
#define REVIEWER_FIELDS NO_ROWS
#define REVIEWER_KEYS(K, T)                                                    \
    K(T, name, "name", 0)                                                      \
    K(T, email, "email", 0)                                                    \
    K(T, id, "_id", 0)
#define REVIEWER_ALIASES(A, T) A(T, id2, id, "id", 0)

/* ---- one failed attempt (a populated failed*Validations entry) ---------------------------- */
#define ATTEMPT_FIELDS(X, T)                                                   \
    X(T, STR, reason_raw, "failedReason", "Reason", FR_CUSTOM)                 \
    X(T, SCORE, score, "livenessScore", "Liveness", 0)                         \
    X(T, STR, status, "status", "Status", 0)                                   \
    X(T, STR, document_type, "documentType", "Document type", 0)               \
    X(T, STR, category, "documentCategory", "Category", 0)                     \
    X(T, STR, country, "country", "Country", 0)                                \
    X(T, TIME, at, "updatedAt", "At", FR_CUSTOM)
#define ATTEMPT_KEYS(K, T)                                                     \
    K(T, face, "face", 0)                                                      \
    K(T, created_at, "createdAt", 0)
#define ATTEMPT_ALIASES NO_ROWS

/* ---- the registration itself --------------------------------------------------------------- */
#define REGISTRATION_FIELDS(X, T)                                                              \
    X(T, STR, full_name, "fullName", "Name", FR_CUSTOM | FR_PII(PII_NAME))                     \
    X(T, TIME, updated_at, "updatedAt", "Updated", 0)                                          \
    X(T, TIME, completed_at, "completedAt", "Completed", 0)                                    \
    X(T, TIME, expires_at, "expiresAt", "Expires", 0)                                          \
    X(T, STR, first_name, "firstName", "First name", FR_PII(PII_NAME))                         \
    X(T, STR, last_name, "lastName", "Last name", FR_PII(PII_NAME))                            \
    X(T, STR, language, "language", "Language", 0)                                             \
    X(T, STR, ip_address, "ipAddress", "IP address", FR_PII(PII_IP))                           \
    X(T, STR, user_agent, "userAgent", "User agent", 0)                                        \
    X(T, STR, smart_link, "smartLink", "Smart link", FR_LINK)                                  \
    X(T, STR, client, "client", "Client", FR_CUSTOM)                                           \
    X(T, FLAG, deleted, "deleted", "Deleted", 0)                                               \
    X(T, TIME, created_at, "createdAt", "Created", 0)                                          \
    X(T, TEXT, notes, "notes", "Notes", 0)                                                     \
    X(T, COUNT, red_flags, "redFlags", "Red flags", 0)                                         \
    X(T, KV, red_flags_details, "redFlagsDetails", "Red flag details", 0)                      \
    X(T, PROJECT, project, "project", "Project", 0)                                            \
    X(T, FLOW, flow, "projectFlow", "Flow", 0)                                                 \
    X(T, EMAIL_VAL, email_val, "emailValidation", "Email validation", 0)                       \
    X(T, PHONE_VAL, phone_val, "phoneValidation", "Phone validation", 0)                       \
    X(T, INFO_VAL, info, "informationValidation", "Information validation (sign-up data)", 0)  \
    X(T, DOC_VAL, doc, "documentValidation", "Document", 0)                                    \
    X(T, BIO_VAL, bio, "biometricValidation", "Liveness (selfie)", 0)                          \
    X(T, COMPARE, compare, "compareFaceVerification", "Face compare (selfie vs document)", 0)  \
    X(T, IMAGE, face, "face", "Selfie", 0)                                                     \
    X(T, IMAGE, document_face, "documentFace", "Document face", 0)                             \
    X(T, PERSON, person, "person", "Person (face recognition)", 0)                             \
    X(T, CONSENT, consent, "consentSession", "Consent", 0)                                     \
    X(T, REF, crypto_validation, "cryptoValidation", "Crypto validation", 0)                   \
    X(T, REF, form_submission, "formSubmission", "Form submission", 0)                         \
    X(T, REF, signature, "signature", "Signature", 0)                                          \
    X(T, REF, access_control_log, "accessControlLog", "Access control log", 0)                 \
    X(T, REF, assigned_collection, "assignedCollection", "Assigned collection", 0)
/* Read by hand for the summary, the attempts and the review log, or known and skipped
 * ("token" is the enrollee's: never kept; "__v" is MongoDB's version counter). The
 * dotted ones are what a summary takes from populated sub-objects. */
#define REGISTRATION_KEYS(K, T)                                                                \
    K(T, id, "_id", 0)                                                                         \
    K(T, status, "status", 0)                                                                  \
    K(T, step, "currentStep", 0)                                                               \
    K(T, name, "name", 0)                                                                      \
    K(T, email, "email", 0)                                                                    \
    K(T, phone, "phone", 0)                                                                    \
    K(T, country_code, "countryCode", 0)                                                       \
    K(T, document_number, "documentNumber", 0)                                                 \
    K(T, failed_email, "failedEmailValidations", 0)                                            \
    K(T, failed_phone, "failedPhoneValidations", 0)                                            \
    K(T, failed_doc, "failedDocumentValidations", 0)                                           \
    K(T, failed_bio, "failedBiometricValidations", 0)                                          \
    K(T, review_log, "manualReviewLog", 0)                                                     \
    K(T, token, "token", 0)                                                                    \
    K(T, mongo_version, "__v", 0)                                                              \
    K(T, sub_email, "emailValidation.email", 0)                                                \
    K(T, sub_phone, "phoneValidation.phone", 0)                                                \
    K(T, sub_country_code, "phoneValidation.countryCode", 0)                                   \
    K(T, sub_doc_number, "documentValidation.documentNumber", 0)                               \
    K(T, info_full_name, "informationValidation.fullName", 0)                                  \
    K(T, info_name, "informationValidation.name", 0)                                           \
    K(T, info_first_name, "informationValidation.firstName", 0)                                \
    K(T, info_last_name, "informationValidation.lastName", 0)                                  \
    K(T, info_doc_number, "informationValidation.documentNumber", 0)                           \
    K(T, export_failed, "failed", FR_EXPORT)                                                   \
    K(T, export_invalid, "invalid", FR_EXPORT)
/* "formSubmittion" is how the current docs spell it; "step" and "flow" are the export's. */
#define REGISTRATION_ALIASES(A, T)                                                             \
    A(T, plain_id, id, "id", 0)                                                                \
    A(T, form_submittion, form_submission, "formSubmittion", 0)                                \
    A(T, export_step, step, "step", FR_EXPORT)                                                 \
    A(T, export_flow, flow, "flow", FR_EXPORT)

/* Row indices of each table: ROW_<T>_<member or key name> (FieldSet.rows[i]). */
#define FIELD_ENUM(T, kind, member, path, label, flags) ROW_##T##_##member,
#define KEY_ENUM(T, name, path, flags) ROW_##T##_##name,
#define ALIAS_ENUM(T, name, member, path, flags) ROW_##T##_##name,
#define FIELD_ROWS_ENUM(OBJ, T)                                                                    \
    enum { OBJ##_FIELDS(FIELD_ENUM, T) OBJ##_KEYS(KEY_ENUM, T) OBJ##_ALIASES(ALIAS_ENUM, T) ROWS_##T };
FIELD_ROWS_ENUM(PROJECT, Project)
FIELD_ROWS_ENUM(FLOW, Flow)
FIELD_ROWS_ENUM(EMAIL_VAL, EmailVal)
FIELD_ROWS_ENUM(PHONE_VAL, PhoneVal)
FIELD_ROWS_ENUM(IMAGE, Image)
FIELD_ROWS_ENUM(BIO_VAL, BioVal)
FIELD_ROWS_ENUM(DOC_VAL, DocVal)
FIELD_ROWS_ENUM(INFO_VAL, InfoVal)
FIELD_ROWS_ENUM(PERSON, Person)
FIELD_ROWS_ENUM(COMPARE, Compare)
FIELD_ROWS_ENUM(CONSENT, Consent)
FIELD_ROWS_ENUM(REVIEW, ReviewEntry)
FIELD_ROWS_ENUM(REVIEWER, Reviewer)
FIELD_ROWS_ENUM(ATTEMPT, Attempt)
FIELD_ROWS_ENUM(REGISTRATION, Detail)

/* The tables, in parse_table.c. */
extern const FieldSet FIELDS_PROJECT, FIELDS_FLOW, FIELDS_EMAIL_VAL, FIELDS_PHONE_VAL, FIELDS_IMAGE,
    FIELDS_BIO_VAL, FIELDS_DOC_VAL, FIELDS_INFO_VAL, FIELDS_PERSON, FIELDS_COMPARE, FIELDS_CONSENT,
    FIELDS_REVIEW, FIELDS_REVIEWER, FIELDS_ATTEMPT, FIELDS_REGISTRATION;

#endif
