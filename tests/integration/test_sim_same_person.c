/* regdesk-sim --same-person: the degenerate dataset of issue 17 (one person, one
 * creation time, distinct registrations), which bench/rows/degenerate.sh loads. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "simhttp.h"
#include "simproc.h"

static SimProc *sim;

static void stop_sim(void)
{
    simproc_stop(sim);
    sim = NULL;
}

TestSuite(sim_same_person, .fini = stop_sim, .timeout = 60);

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : "";
}

/* The name however the record spells it (the simulator varies the key, as the API does). */
static void name_of(const cJSON *o, char *out, size_t n)
{
    if (*str(o, "fullName"))
        snprintf(out, n, "%s", str(o, "fullName"));
    else if (*str(o, "name"))
        snprintf(out, n, "%s", str(o, "name"));
    else
        snprintf(out, n, "%s %s", str(o, "firstName"), str(o, "lastName"));
}

Test(sim_same_person, every_record_shares_one_identity_and_time)
{
    sim = simproc_start((const char *[]){ "--count", "250", "--seed", "3", "--same-person", NULL });
    cr_assert_not_null(sim);
    cJSON *j = simhttp_get_json(sim, "/v2/app-registrations?limit=100&page=2&populates[]=documentValidation");
    cr_assert_not_null(j);
    const cJSON *data = cJSON_GetObjectItem(j, "data"), *first = data->child;
    cr_assert_eq(cJSON_GetArraySize(data), 100);
    for (const cJSON *r = first->next; r; r = r->next) {
        cr_assert_str_eq(str(r, "email"), str(first, "email"));
        cr_assert_str_eq(str(r, "phone"), str(first, "phone"));
        char a[256], b[256];
        name_of(r, a, sizeof a);
        name_of(first, b, sizeof b);
        cr_assert_str_eq(a, b);
        cr_assert_str_eq(str(r, "createdAt"), str(first, "createdAt"));
        cr_assert_str_neq(str(r, "_id"), str(first, "_id"), "registrations stay distinct");
        const cJSON *doc = cJSON_GetObjectItem(r, "documentValidation"), *doc0 = cJSON_GetObjectItem(first, "documentValidation");
        if (cJSON_IsObject(doc) && cJSON_IsObject(doc0))
            cr_assert_str_eq(str(doc, "documentNumber"), str(doc0, "documentNumber"));
    }
    cJSON_Delete(j);
}
