#include "core/steps.h"

#include <string.h>

static const struct {
    const char *name, *label, *brief;
} steps[] = {
    { "instructions", "instructions", "intro" },
    { "signUpForm", "sign-up form", "sign-up" },
    { "basicInformation", "basic information", "basic info" },
    { "document", "document", "document" },
    { "liveness", "liveness", "liveness" },
    { "form", "form", "form" },
    { "end", "end", "end" },
};
enum { N_STEPS = sizeof steps / sizeof *steps };

static bool not_started(const char *raw)
{
    return !*raw || !strcmp(raw, "1") || !strcmp(raw, "not_started");
}

/* Position in flow order; -1 before the first step, N_STEPS for an unknown one. */
static int step_index(const char *raw)
{
    if (not_started(raw))
        return -1;
    for (int i = 0; i < N_STEPS; i++)
        if (!strcmp(raw, steps[i].name))
            return i;
    return N_STEPS;
}

const char *step_label(const char *raw)
{
    if (not_started(raw))
        return "not started";
    if (!strcmp(raw, "skipKYC"))
        return "KYC skipped";
    int i = step_index(raw);
    return i < N_STEPS ? steps[i].label : raw;
}

const char *step_short(const char *raw)
{
    int i = step_index(raw);
    if (i < 0 || !strcmp(raw, "skipKYC"))
        return step_label(raw); /* "not started", "KYC skipped": short already */
    return i < N_STEPS ? steps[i].brief : raw;
}

bool step_is_last(const char *raw)
{
    return !strcmp(raw, "end") || !strcmp(raw, "skipKYC");
}

static bool skipped(const Flow *flow, const char *name)
{
    for (size_t i = 0; flow && i < flow->steps.n; i++) {
        const KV *kv = &flow->steps.items[i];
        if (kv->depth == 0 && kv->value && !strcmp(kv->key, name))
            return !strcmp(kv->value, "skip");
    }
    return false;
}

const char *step_next(const char *raw, const Flow *flow)
{
    if (step_is_last(raw))
        return NULL;
    int i = step_index(raw);
    if (i >= N_STEPS)
        return NULL;
    for (i++; i < N_STEPS; i++)
        if (!skipped(flow, steps[i].name))
            return steps[i].name;
    return NULL;
}
