/* Populated sub-objects of the sign-up part of a registration: consent, information,
 * e-mail and phone validations, access-control log, form, signature, and the invented
 * redFlagsDetails. */
#include <stdio.h>
#include <string.h>

#include "sim/sim_emit.h"
#include "sim/sim_hostile.h"
#include "sim/sim_ids.h"
#include "sim/sim_names.h"

static void begin(SimEmit *e, unsigned kind)
{
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, kind, id);
    jw_obj(e->w);
    jw_kstr(e->w, "_id", id);
}

static void owner(SimEmit *e)
{
    char id[SIM_ID_LEN + 1];
    sim_sub_id(e, K_REG, id);
    jw_kstr(e->w, "appRegistration", id);
}

void sim_emit_consent(SimEmit *e)
{
    JsonW *w = e->w;
    int64_t at = sim_derived_at(&e->d, STEP_INSTRUCTIONS);
    begin(e, K_CONSENT);
    jw_kstr(w, "status", "accepted");
    jw_ktime(w, "acceptedAt", at);
    jw_kstr(w, "privacyPolicyUrl", "https://www.example.com/privacidad");
    jw_kstr(w, "termsAndConditionsUrl", "https://www.example.com/terminos");
    jw_kstr(w, "source", "signUpForm");
    jw_ktime(w, "createdAt", at);
    jw_ktime(w, "updatedAt", at);
    jw_obj_end(w);
}

void sim_emit_info(SimEmit *e)
{
    JsonW *w = e->w;
    const SimDerived *d = &e->d;
    const SimCountry *c = sim_country(d->rec->country);
    int64_t at = sim_derived_at(d, STEP_SIGNUP);
    begin(e, K_INFO);
    jw_kstr(w, "fullName", d->text.name);
    jw_kstr(w, "firstName", d->first);
    jw_kstr(w, "lastName", d->last);
    jw_kstr(w, "country", c->name);
    jw_kstr(w, "city", c->cities[d->rec->rseed % 4]);
    if (d->rec->reach >= STEP_BASIC && *d->text.docnum) {
        jw_kstr(w, "documentType", c->doc_type);
        jw_kstr(w, "documentNumber", d->text.docnum);
    }
    jw_kstr(w, "status", "validated");
    jw_kstr(w, "ipAddress", d->ip);
    jw_kstr(w, "userAgent", d->user_agent);
    char buf[40];
    snprintf(buf, sizeof buf, "dev-%08x", (unsigned)(d->rec->rseed * 2654435761u));
    jw_kstr(w, "deviceId", buf);
    snprintf(buf, sizeof buf, "sess-%08x", (unsigned)(d->rec->rseed ^ 0x5eed5eedu));
    jw_kstr(w, "sessionId", buf);
    if (d->lookup_ran)
        jw_kint(w, "fullNameMatchPercentage", d->full_pct);
    owner(e);
    jw_ktime(w, "createdAt", at);
    jw_ktime(w, "updatedAt", at);
    jw_obj_end(w);
}

static void validation_common(SimEmit *e, int64_t at, int attempts)
{
    JsonW *w = e->w;
    jw_kstr(w, "status", "validated");
    jw_kstr(w, "type", "onboarding");
    jw_kstr(w, "validationMethod", "verificationCode");
    jw_kint(w, "attempts", attempts);
    jw_kint(w, "maxAttempts", 3);
    jw_kstr(w, "ipAddress", e->d.ip);
    jw_ktime(w, "expiresAt", at + 600000);
    jw_ktime(w, "validatedAt", at + 45000);
    jw_ktime(w, "createdAt", at);
    jw_ktime(w, "updatedAt", at + 45000);
}

void sim_emit_email_val(SimEmit *e)
{
    begin(e, K_EMAIL);
    jw_kstr(e->w, "email", e->d.text.email);
    validation_common(e, sim_derived_at(&e->d, STEP_INSTRUCTIONS), 1);
    jw_obj_end(e->w);
}

void sim_emit_phone_val(SimEmit *e)
{
    JsonW *w = e->w;
    begin(e, K_PHONE);
    jw_kstr(w, "countryCode", e->d.text.dial);
    jw_kstr(w, "phone", e->d.text.phone);
    jw_kstr(w, "phoneGateway", strcmp(e->d.flow->phone_gw, "both") ? e->d.flow->phone_gw : "sms");
    validation_common(e, sim_derived_at(&e->d, STEP_INSTRUCTIONS) + 60000, 1);
    jw_obj_end(w);
}

void sim_emit_failed_contact(SimEmit *e, SimFail kind, unsigned k)
{
    JsonW *w = e->w;
    SimAttempt a;
    sim_attempt(&e->d, kind, k, &a);
    begin(e, (kind == SF_EMAIL ? K_FAIL_EMAIL : K_FAIL_PHONE) + k);
    if (kind == SF_EMAIL) {
        jw_kstr(w, "email", e->d.text.email);
    } else {
        jw_kstr(w, "countryCode", e->d.text.dial);
        jw_kstr(w, "phone", e->d.text.phone);
    }
    jw_kstr(w, "status", a.status);
    jw_kstr(w, "type", "onboarding");
    jw_kint(w, "attempts", a.status[0] == 'f' ? 3 : 0);
    jw_kint(w, "maxAttempts", 3);
    jw_ktime(w, "expiresAt", a.at_ms + 600000);
    jw_ktime(w, "createdAt", a.at_ms - 30000);
    jw_ktime(w, "updatedAt", a.at_ms);
    jw_obj_end(w);
}

void sim_emit_acl(SimEmit *e)
{
    JsonW *w = e->w;
    const SimRec *r = e->d.rec;
    begin(e, K_ACL);
    jw_kobj(w, "attempts");
    jw_kint(w, "email", r->fails[SF_EMAIL]);
    jw_kint(w, "phone", r->fails[SF_PHONE]);
    jw_kint(w, "document", r->fails[SF_DOC]);
    jw_kint(w, "liveness", e->d.scoring_fails); /* quality rejects do not use an attempt */
    jw_obj_end(w);
    jw_kbool(w, "blocked", r->cause == C_FAIL_BLACKLIST);
    jw_ktime(w, "updatedAt", r->updated_ms);
    jw_obj_end(w);
}

void sim_emit_form(SimEmit *e)
{
    JsonW *w = e->w;
    begin(e, K_FORM);
    jw_karr(w, "formFields");
    static const char *const fields[][2] = {
        { "Ocupación", "Ingeniera de software" },
        { "Ingresos mensuales", "Entre 2 y 5 salarios mínimos" },
        { "Origen de los fondos", "Salario" },
    };
    for (size_t i = 0; i < 3; i++) {
        jw_obj(w);
        jw_kstr(w, "label", fields[i][0]);
        jw_kstr(w, "value", fields[i][1]);
        jw_obj_end(w);
    }
    jw_arr_end(w);
    jw_ktime(w, "createdAt", sim_derived_at(&e->d, STEP_FORM));
    jw_obj_end(w);
}

void sim_emit_signature(SimEmit *e)
{
    JsonW *w = e->w;
    char hash[40];
    snprintf(hash, sizeof hash, "%016llx%08x", (unsigned long long)e->d.rec->created_ms * 2654435761ULL,
             (unsigned)e->d.rec->rseed);
    begin(e, K_SIGNATURE);
    jw_kstr(w, "algorithm", "RSA-SHA256");
    jw_kstr(w, "hash", hash);
    jw_ktime(w, "signedAt", sim_derived_at(&e->d, STEP_END));
    jw_obj_end(w);
}

void sim_emit_liveness(SimEmit *e, const char *key, double score)
{
    if (e->d.rec->variant & V_PERCENT)
        jw_knum(e->w, key, score * 100.0, 1);
    else
        jw_knum(e->w, key, score, 3);
}

/* One invented redFlagsDetails entry: {count, lastAt, detail}. */
static void flag_entry(SimEmit *e, SimFlag f, int count, SimStep when, const char *detail)
{
    JsonW *w = e->w;
    jw_kobj(w, sim_flag_name(f));
    jw_kint(w, "count", count);
    jw_ktime(w, "lastAt", sim_derived_at(&e->d, when));
    jw_key(w, "detail");
    if (e->hostile)
        sim_hostile_text(w, e->hostile, detail);
    else
        jw_str(w, detail);
    jw_obj_end(w);
}

static void flag_text(const SimDerived *d, SimFlag f, char *buf, size_t n)
{
    const SimFlow *fl = d->flow;
    switch (f) {
    case FLAG_LIVENESS: {
        double score = d->liveness;
        if (!d->bio && d->rec->fails[SF_BIO]) { /* never passed: the last failed attempt */
            SimAttempt a;
            sim_attempt(d, SF_BIO, d->rec->fails[SF_BIO] - 1u, &a);
            score = a.score;
        }
        snprintf(buf, n, "liveness %.2f at or below the minimum %.2f", score, fl->live_min);
        break;
    }
    case FLAG_COMPARE:
        snprintf(buf, n, "face compare %.2f below the threshold %.2f", d->compare_score,
                 fl->compare_min);
        break;
    case FLAG_NAMES:
        snprintf(buf, n, "full name matches the registry at %d%%", d->full_pct);
        break;
    case FLAG_DOC_ATTEMPTS:
        snprintf(buf, n, "%u of %d document attempts failed", d->rec->fails[SF_DOC], fl->doc_limit);
        break;
    case FLAG_BLACKLIST:
        snprintf(buf, n, "document number found on the client's blacklist (CSV)");
        break;
    case FLAG_SHARED_IDENTITY:
        snprintf(buf, n, "e-mail, phone or document number shared with another registration");
        break;
    case FLAG_IP_COUNTRY:
        snprintf(buf, n, "IP address geolocates outside %s", sim_country(d->rec->country)->name);
        break;
    default:
        snprintf(buf, n, "%u devices used during the session", 2 + d->rec->rseed % 3);
        break;
    }
}

void sim_emit_redflags_details(SimEmit *e)
{
    static const SimStep when[FLAG__COUNT] = { STEP_LIVENESS, STEP_LIVENESS, STEP_DOCUMENT,
                                               STEP_DOCUMENT, STEP_DOCUMENT, STEP_SIGNUP,
                                               STEP_INSTRUCTIONS, STEP_LIVENESS };
    jw_obj(e->w);
    for (int f = 0; f < FLAG__COUNT; f++) {
        if (!(e->d.rec->redflags & (1u << f)))
            continue;
        char text[160];
        flag_text(&e->d, (SimFlag)f, text, sizeof text);
        int count = f == FLAG_LIVENESS && e->d.scoring_fails ? (int)e->d.scoring_fails : 1;
        flag_entry(e, (SimFlag)f, count, when[f], text);
    }
    if (HOSTILE(e->hostile, H_DEEP)) {
        jw_key(e->w, "nested");
        sim_hostile_deep(e->w, 500);
    }
    jw_obj_end(e->w);
}
