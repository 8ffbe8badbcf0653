/* Populated sub-objects of a registration (reference §5). Each reader fills `ref` first,
 * then every field: from a reference that is only an id (or null, or absent) the fields
 * come out absent with "" strings, so no reader ever meets a NULL string. */
#include <string.h>

#include "core/parse_internal.h"

#define KEYS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The object to read fields from: NULL unless the reference came populated. */
static const cJSON *populated(Arena *a, const cJSON *v, Ref *ref)
{
    *ref = field_ref(a, v);
    return ref->st == REF_POPULATED ? v : NULL;
}

/* The first of several spellings of one value that is actually present. */
static const cJSON *first_path(const cJSON *o, const char *const *paths)
{
    for (; *paths; paths++) {
        const cJSON *v = jpath(o, *paths);
        if (v && !cJSON_IsNull(v))
            return v;
    }
    return NULL;
}

void parse_project(Arena *a, const cJSON *v, Project *out)
{
    v = populated(a, v, &out->ref);
    out->name = field_str(a, jget(v, "name"));
    out->status = field_str(a, jget(v, "status"));
    out->contact_email = field_str(a, jget(v, "contactEmail"));
    out->default_language = field_str(a, jget(v, "defaultLanguage"));
    out->demo_mode = field_flag(jget(v, "demoMode"));
}

/* v3 flows keep thresholds under liveness/documents/signUpForm; legacy (v2) flows under
 * onboardingSettings. Verifik's dashboard reads v3 first and falls back (reference §7). */
void parse_flow(Arena *a, const cJSON *v, Flow *out)
{
    v = populated(a, v, &out->ref);
    out->name = field_str(a, jget(v, "name"));
    out->type = field_str(a, jget(v, "type"));
    out->target = field_str(a, jget(v, "target"));
    out->status = field_str(a, jget(v, "status"));
    out->version = field_num(jget(v, "version"));
    out->liveness_min = field_score(
        first_path(v, KEYS("liveness.minScore", "onboardingSettings.liveness.livenessMinScore")));
    out->compare_min = field_score(first_path(
        v, KEYS("liveness.compareMinScore", "onboardingSettings.document.compareMinScore")));
    out->search_min = field_score(
        first_path(v, KEYS("liveness.searchMinScore", "onboardingSettings.liveness.searchMinScore")));
    out->liveness_attempt_limit = field_count(
        first_path(v, KEYS("liveness.attemptLimit", "onboardingSettings.liveness.maxAttempts")));
    out->doc_attempt_limit = field_count(
        first_path(v, KEYS("documents.attemptLimit", "onboardingSettings.document.maxAttempts")));
    out->verify_names = field_flag(first_path(
        v, KEYS("documents.informationVerification", "onboardingSettings.document.verifyNames")));
    out->email_gateway = field_str(
        a, first_path(v, KEYS("signUpForm.emailGateway", "onboardingSettings.signUpForm.emailGateway")));
    out->phone_gateway = field_str(
        a, first_path(v, KEYS("signUpForm.phoneGateway", "onboardingSettings.signUpForm.phoneGateway")));
    const cJSON *steps = first_path(v, KEYS("steps", "onboardingSettings.steps"));
    if (cJSON_IsObject(steps))
        out->steps = field_kv(a, steps);
}

void parse_email_val(Arena *a, const cJSON *v, EmailVal *out)
{
    v = populated(a, v, &out->ref);
    /* `otp` holds a bcrypt hash of the code: never kept. */
    out->email = field_str(a, jget(v, "email"));
    out->status = field_str(a, jget(v, "status"));
    out->type = field_str(a, jget(v, "type"));
    out->method = field_str(a, jget(v, "validationMethod"));
    out->attempts = field_count(jget(v, "attempts"));
    out->max_attempts = field_count(jget(v, "maxAttempts"));
    out->validated_at = field_time(a, jget(v, "validatedAt"));
    out->expires_at = field_time(a, jget(v, "expiresAt"));
    out->created_at = field_time(a, jget(v, "createdAt"));
    out->updated_at = field_time(a, jget(v, "updatedAt"));
}

void parse_phone_val(Arena *a, const cJSON *v, PhoneVal *out)
{
    v = populated(a, v, &out->ref);
    out->country_code = field_str(a, jget(v, "countryCode"));
    out->phone = field_str(a, jget(v, "phone"));
    out->gateway = field_str(a, jget(v, "phoneGateway"));
    out->status = field_str(a, jget(v, "status"));
    out->type = field_str(a, jget(v, "type"));
    out->method = field_str(a, jget(v, "validationMethod"));
    out->attempts = field_count(jget(v, "attempts"));
    out->max_attempts = field_count(jget(v, "maxAttempts"));
    out->validated_at = field_time(a, jget(v, "validatedAt"));
    out->expires_at = field_time(a, jget(v, "expiresAt"));
    out->created_at = field_time(a, jget(v, "createdAt"));
    out->updated_at = field_time(a, jget(v, "updatedAt"));
}

/* failedReason is a string in most records and {message} in identity images. */
static Str reason_of(Arena *a, const cJSON *v)
{
    if (cJSON_IsObject(v) && jget(v, "message"))
        return field_str(a, jget(v, "message"));
    return field_str(a, v);
}

void parse_image(Arena *a, const cJSON *v, Image *out)
{
    v = populated(a, v, &out->ref);
    /* The image itself (base64) is never kept: a terminal cannot show it, and it is
     * the most sensitive thing in the record. Only its presence and URL are. */
    const cJSON *b64 = jget(v, "base64");
    out->url = field_str(a, jget(v, "url"));
    out->has_image = (cJSON_IsString(b64) && b64->valuestring && *b64->valuestring) ||
                     (out->url.st == FS_OK && *out->url.s);
    out->failed_reason = reason_of(a, jget(v, "failedReason"));
}

void parse_bio_val(Arena *a, const cJSON *v, BioVal *out)
{
    v = populated(a, v, &out->ref);
    out->status = field_str(a, jget(v, "status"));
    out->type = field_str(a, jget(v, "type"));
    out->failed_reason = reason_of(a, jget(v, "failedReason"));
    out->liveness = field_score(first_path(v, KEYS("livenessScore", "biometricData.livenessScore")));
    parse_image(a, jget(v, "face"), &out->face);
    out->created_at = field_time(a, jget(v, "createdAt"));
    out->updated_at = field_time(a, jget(v, "updatedAt"));
}

/* Name-match percentages are documented 0–100; a fraction (0.62) is read as 62 %. */
static Num percent_of(const cJSON *v)
{
    Num n = field_num(v);
    if (n.st == FS_OK && n.v > 0 && n.v < 1)
        n.v *= 100;
    if (n.st == FS_OK && (n.v < 0 || n.v > 100))
        n.st = FS_INVALID;
    return n;
}

/* OCR fields in the order Verifik's dashboard shows them; bookkeeping keys hidden. */
static KVList ocr_fields(Arena *a, const cJSON *ocr)
{
    static const char *const order[] = {
        "fullName", "firstName", "firstNameMRZ", "name1", "name2", "name3", "middleName",
        "lastName", "secondLastName", "secondLastNameMRZ", "firstLastNameMRZ",
        "documentNumber", "documentType", "address", "age", "dateOfBirth", NULL
    };
    static const char *const hidden[] = { "category", "country", "documentCategory",
                                          "extractedText", NULL };
    KVList all = field_kv(a, ocr);
    KV *sorted = arena_alloc(a, (all.n ? all.n : 1) * sizeof *sorted);
    size_t n = 0;
    for (int o = 0; order[o]; o++)
        for (size_t i = 0; i < all.n; i++)
            if (all.items[i].depth == 0 && !strcmp(all.items[i].key, order[o]))
                sorted[n++] = all.items[i];
    for (size_t i = 0; i < all.n; i++) {
        const KV *kv = &all.items[i];
        bool skip = false;
        for (int o = 0; order[o] && !skip; o++)
            skip = kv->depth == 0 && !strcmp(kv->key, order[o]);
        for (int h = 0; hidden[h] && !skip; h++)
            skip = kv->depth == 0 && !strcmp(kv->key, hidden[h]);
        if (!skip)
            sorted[n++] = *kv;
    }
    return (KVList){ sorted, n, all.truncated };
}

void parse_doc_val(Arena *a, const cJSON *v, DocVal *out)
{
    v = populated(a, v, &out->ref);
    out->status = field_str(a, jget(v, "status"));
    out->document_type = field_str(a, jget(v, "documentType"));
    out->category = field_str(a, jget(v, "documentCategory"));
    out->number = field_str(a, jget(v, "documentNumber"));
    out->country = field_str(a, jget(v, "country"));
    out->nationality = field_str(a, jget(v, "nationality"));
    out->validation_method = field_str(a, jget(v, "validationMethod"));
    out->input_method = field_str(a, jget(v, "inputMethod"));
    out->failed_reason = reason_of(a, jget(v, "failedReason"));
    out->manual_verification_reason = field_str(a, jget(v, "manualVerificationReason"));
    out->info_supported_reason = field_str(a, jget(v, "infoValidationSupportedReason"));
    out->manual_name_decision = field_str(a, jpath(v, "manualNameReview.decision"));
    out->manual_name_note = field_text(a, jpath(v, "manualNameReview.note"));
    out->face_reason = field_str(a, jget(v, "documentFaceReason"));
    out->url = field_str(a, jget(v, "url"));
    out->back_url = field_str(a, jget(v, "backUrl"));
    out->image_validated = field_flag(jget(v, "imageValidated"));
    out->score_validated = field_flag(jget(v, "scoreValidated"));
    out->names_match = field_flag(jget(v, "namesMatch"));
    out->info_supported = field_flag(jget(v, "infoValidationSupported"));
    out->document_live = field_flag(jpath(v, "documentLiveness.isLive"));
    out->full_name_pct = percent_of(jget(v, "fullNameMatchPercentage"));
    out->first_name_pct = percent_of(jget(v, "firstNameMatchPercentage"));
    out->last_name_pct = percent_of(jget(v, "lastNameMatchPercentage"));
    const cJSON *ocr = first_path(v, KEYS("OCRExtraction", "documentData", "ocrResults.fields"));
    if (cJSON_IsObject(ocr))
        out->ocr = ocr_fields(a, ocr);
    const cJSON *reg = jget(v, "scoreValidation");
    if (cJSON_IsObject(reg))
        out->registry = field_kv(a, reg);
    out->created_at = field_time(a, jget(v, "createdAt"));
    out->updated_at = field_time(a, jget(v, "updatedAt"));
}

void parse_info_val(Arena *a, const cJSON *v, InfoVal *out)
{
    v = populated(a, v, &out->ref);
    out->full_name = field_str(a, first_path(v, KEYS("fullName", "name")));
    out->first_name = field_str(a, jget(v, "firstName"));
    out->last_name = field_str(a, jget(v, "lastName"));
    out->date_of_birth = field_str(a, jget(v, "dateOfBirth"));
    out->gender = field_str(a, jget(v, "gender"));
    out->country = field_str(a, jget(v, "country"));
    out->city = field_str(a, jget(v, "city"));
    out->address = field_str(a, jget(v, "address"));
    out->document_type = field_str(a, jget(v, "documentType"));
    out->document_number = field_str(a, jget(v, "documentNumber"));
    out->status = field_str(a, jget(v, "status"));
    out->ip_address = field_str(a, jget(v, "ipAddress"));
    out->user_agent = field_str(a, jget(v, "userAgent"));
    out->full_name_pct = percent_of(jget(v, "fullNameMatchPercentage"));
}

void parse_person(Arena *a, const cJSON *v, Person *out)
{
    v = populated(a, v, &out->ref);
    out->name = field_str(a, jget(v, "name"));
    out->gender = field_str(a, jget(v, "gender"));
    out->nationality = field_str(a, jget(v, "nationality"));
    out->status = field_str(a, jget(v, "status"));
    out->liveness = field_score(jget(v, "livenessScore"));
}

void parse_compare(Arena *a, const cJSON *v, Compare *out)
{
    v = populated(a, v, &out->ref);
    const cJSON *r = jget(v, "result");
    if (!r)
        r = v; /* tolerate the result fields at the top level */
    out->score = field_score(jget(r, "score"));
    out->passed = field_flag(jget(r, "passed"));
    out->min_score = field_score(jget(r, "compare_min_score"));
    out->compared_at = field_time(a, first_path(v, KEYS("comparedAt", "createdAt")));
}

void parse_consent(Arena *a, const cJSON *v, Consent *out)
{
    v = populated(a, v, &out->ref);
    out->status = field_str(a, jget(v, "status"));
    out->source = field_str(a, jget(v, "source"));
    out->privacy_url = field_str(a, jget(v, "privacyPolicyUrl"));
    out->terms_url = field_str(a, jget(v, "termsAndConditionsUrl"));
    out->accepted_at = field_time(a, jget(v, "acceptedAt"));
}
