/* `regdesk show` rendered from the fully populated fixture: reasons first, scores against
 * thresholds, red flag rows, the attempts timeline with translated and raw codes. */
#include <cJSON.h>
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "../testutil.h"
#include "cli/show.h"
#include "core/parse.h"
#include "core/pii.h"

/* 2025-05-25T20:00Z: 30 hours after the fixture's creation. */
static const int64_t NOW = 1748095200000LL + 30LL * 3600 * 1000;

static void assert_in_order(const char *text, const char *const *parts)
{
    const char *at = text;
    for (; *parts; parts++) {
        const char *hit = strstr(at, *parts);
        cr_assert_not_null(hit, "missing (or out of order) \"%s\" in:\n%s", *parts, text);
        at = hit + strlen(*parts);
    }
}

Test(cli_show, text_has_every_section_reasons_first)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    StrBuf b = STRBUF_INIT;
    show_text(d, NOW, MASK_NONE, &b);
    const char *t = strbuf_cstr(&b);
    const char *const parts[] = {
        "Ana Ruiz — NEEDS_MANUAL_VERIFICATION (step: end)\n",
        "  id            6650aa01c0ffee0000000001\n",
        "  phone         +57 3001234567\n",
        "  document      CC 1020304050 (Colombia)\n",
        "  created       2025-05-24 14:00 UTC (30h ago)\n",
        "Why it needs review\n",
        "  • Face compare scored 0.78, below the threshold of 0.85.\n",
        "  • Name match with the government registry is 62 % (below 80 %).\n",
        "  • The document check itself asked for manual review.\n",
        "Validations\n",
        "  email         validated\n",
        "  liveness      0.71 against a minimum of 0.65: passed\n",
        "attempts 2 of 3 used; 1 quality reject did not count\n",
        "  face compare  0.78 against a threshold of 0.85: below the threshold\n",
        "  document      NEEDS_MANUAL_VERIFICATION, CC ID\n                attempts 1 of 3 used\n",
        "  name match    62 % with the government registry (first names 100 %, last names 40 %)\n",
        "  registry says fullName: ANA MARIA RUIZ GOMEZ\n",
        "Red flags: 2\n",
        "  faceCompareFailed\n",
        "    detail: 0.78 < 0.85\n",
        "Failed attempts: 4 (3 used an attempt, 1 quality reject did not)\n",
        "document   Document type not recognised [document_type_not_detected]\n",
        "liveness   Lighting too poor [poor_lighting] — quality reject, did not use an attempt\n",
        "liveness   Liveness check failed (score too low) [liveness_failed], score 0.41\n",
        "raw: 409:liveness_failed@0.41\n",
        "  —                 liveness   (the API sent only its id: 6650aa01c0ffee00000000ba)\n",
        "Review history: 1\n",
        "ONGOING → NEEDS_MANUAL_VERIFICATION  by Ops <ops@verifik.example> (Verifik staff)\n",
        "      auto\n",
        "Notes\n  first line\n  second line\n",
        NULL,
    };
    assert_in_order(t, parts);
    cr_assert_null(strstr(t, "enrollee-secret"), "the enrollee token never shows");
    strbuf_free(&b);
    detail_free(d);
}

Test(cli_show, json_is_valid_and_typed)
{
    Detail *d = tu_detail_file(TU_FIXTURE_ANA);
    StrBuf b = STRBUF_INIT;
    show_json(d, NOW, MASK_NONE, &b);
    cJSON *j = cJSON_Parse(strbuf_cstr(&b));
    cr_assert_not_null(j, "%s", strbuf_cstr(&b));
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "status")->valuestring, "NEEDS_MANUAL_VERIFICATION");
    cJSON *live = cJSON_GetObjectItemCaseSensitive(j, "liveness");
    cr_assert_float_eq(cJSON_GetObjectItemCaseSensitive(live, "score")->valuedouble, 0.71, 1e-9);
    cr_assert_float_eq(cJSON_GetObjectItemCaseSensitive(live, "minimum")->valuedouble, 0.65, 1e-9);
    cr_assert_eq(cJSON_GetObjectItemCaseSensitive(live, "attemptLimit")->valueint, 3);
    cJSON *fc = cJSON_GetObjectItemCaseSensitive(j, "faceCompare");
    cr_assert(cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(fc, "passed")));
    cr_assert_float_eq(cJSON_GetObjectItemCaseSensitive(fc, "threshold")->valuedouble, 0.85, 1e-9);
    cJSON *doc = cJSON_GetObjectItemCaseSensitive(j, "document");
    cr_assert_eq(cJSON_GetObjectItemCaseSensitive(doc, "fullNameMatchPct")->valueint, 62);
    cJSON *att = cJSON_GetObjectItemCaseSensitive(j, "failedAttempts");
    cr_assert_eq(cJSON_GetArraySize(att), 4);
    cJSON *first = cJSON_GetArrayItem(att, 0);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(first, "code")->valuestring, "document_type_not_detected");
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(first, "reason")->valuestring, "Document type not recognised");
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "reviewReasons")), 3);
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "reviewHistory")), 1);
    cr_assert_eq(cJSON_GetObjectItemCaseSensitive(j, "redFlags")->valueint, 2);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(j, "notes")->valuestring, "first line\nsecond line");
    cJSON_Delete(j);
    strbuf_free(&b);
    detail_free(d);
}

Test(cli_show, hostile_detail_stays_inert_in_both_forms)
{
    Detail *d = tu_detail("{\"_id\":\"h1\",\"fullName\":\"\\u001b]0;pwn\\u0007\",\"notes\":\"a\\u202eb\\r\\nc\\u001b[2J\","
                          "\"redFlagsDetails\":{\"\\u001b[31mkey\":\"\\u009bvalue\"},"
                          "\"failedBiometricValidations\":[{\"_id\":\"b\",\"failedReason\":\"\\u001b[1mpoor_lighting\"}]}");
    StrBuf b = STRBUF_INIT;
    show_text(d, NOW, MASK_NONE, &b);
    show_json(d, NOW, MASK_NONE, &b);
    for (const unsigned char *p = (const unsigned char *)strbuf_cstr(&b); *p; p++) {
        cr_assert(*p >= 0x20 || *p == '\n', "control byte 0x%02x", *p);
        cr_assert_not(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f, "C1 character");
        cr_assert_not(p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xae, "RLO");
    }
    strbuf_free(&b);
    detail_free(d);
}

/* A registration that is not in review: the diagnosis comes first, in both forms, and no
 * review reason is invented for it. */
Test(cli_show, stuck_registration_is_diagnosed_first)
{
    Detail *d = tu_detail("{\"_id\":\"6650aa01c0ffee0000000003\",\"status\":\"STARTED\",\"currentStep\":\"1\","
                          "\"fullName\":\"Juan Pérez\",\"documentValidation\":null,\"documentFace\":null,\"face\":null,"
                          "\"compareFaceVerification\":null,\"createdAt\":\"2025-03-02T10:00:00Z\","
                          "\"expiresAt\":\"2025-03-02T11:00:00Z\"}");
    StrBuf b = STRBUF_INIT;
    show_text(d, NOW, MASK_NONE, &b);
    const char *const parts[] = {
        "Juan Pérez — STARTED (step: not started)\n",
        "\nWhy it is stuck\n",
        "  • The applicant has not reported any step since it was created, 2025-03-02 10:00 UTC (12w ago).\n",
        "  • Its registration link expired 2025-03-02 11:00 UTC (12w ago); send a new one with `regdesk "
        "resend-link 6650aa01c0ffee0000000003`.\n",
        "\nValidations\n",
        NULL,
    };
    assert_in_order(strbuf_cstr(&b), parts);
    cr_assert_null(strstr(strbuf_cstr(&b), "needs review"), "%s", strbuf_cstr(&b));
    cr_assert_null(strstr(strbuf_cstr(&b), "portrait"), "%s", strbuf_cstr(&b));
    strbuf_reset(&b);
    show_json(d, NOW, MASK_NONE, &b);
    cJSON *j = cJSON_Parse(strbuf_cstr(&b));
    cr_assert_not_null(j, "%s", strbuf_cstr(&b));
    cJSON *dx = cJSON_GetObjectItemCaseSensitive(j, "diagnosis");
    cr_assert_eq(cJSON_GetArraySize(dx), 2, "%s", strbuf_cstr(&b));
    cJSON *link = cJSON_GetArrayItem(dx, 1);
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(link, "kind")->valuestring, "linkExpired");
    cr_assert_str_eq(cJSON_GetObjectItemCaseSensitive(link, "level")->valuestring, "bad");
    cr_assert_eq(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(j, "reviewReasons")), 0);
    cJSON_Delete(j);
    strbuf_free(&b);
    detail_free(d);
}
