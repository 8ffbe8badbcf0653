#ifndef REGDESK_CORE_STEPS_H
#define REGDESK_CORE_STEPS_H
/* The steps of an onboarding flow (reference §3.3). currentStep is the last step the
 * enrollee reported through sync, in flow order: "1" on creation, then instructions,
 * signUpForm, basicInformation, document, liveness, form, end (or skipKYC). */
#include <stdbool.h>

#include "core/record.h"

/* A step for a person: "not started" for "1" (and not_started or nothing), "sign-up
 * form", "basic information", "KYC skipped"…; an unknown step as sent. */
const char *step_label(const char *raw);
/* The same, short enough for a list column (at most STEP_SHORT_MAX columns for the steps
 * regdesk knows): "not started", "intro", "sign-up", "basic info"…; an unknown step as
 * sent. */
enum { STEP_SHORT_MAX = 11 };
const char *step_short(const char *raw);
/* The last step: end or skipKYC. */
bool step_is_last(const char *raw);
/* The step that comes after `raw` in the flow: the next one in order that the flow does
 * not skip (flow->steps; when the flow is not loaded, none is skipped). Its API name,
 * or NULL after the last step or for a step regdesk does not know. */
const char *step_next(const char *raw, const Flow *flow);

#endif
