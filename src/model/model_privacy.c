/* Personal data on screen: every record is drawn with the mask set, except the one the
 * reviewer revealed, for a limited time and only while it stays selected. The store
 * always keeps the real values; masking happens when the list and the pane draw. */
#include <stdio.h>

#include "core/pii.h"
#include "model/model_internal.h"

enum { REVEAL_DEFAULT_S = 60 };

unsigned model_mask_for(const Model *m, long rec)
{
    return rec >= 0 && rec == m->privacy.revealed ? MASK_NONE : m->privacy.mask;
}

int model_reveal_left(const Model *m, long rec)
{
    const Privacy *p = &m->privacy;
    if (rec < 0 || rec != p->revealed)
        return 0;
    int64_t left = p->reveal_until - m->mono();
    return left > 0 ? (int)((left + 999) / 1000) : 0;
}

/* Masks the revealed record again; the reactions that redraw it. */
static unsigned end_reveal(Model *m)
{
    if (m->privacy.revealed < 0)
        return 0;
    m->privacy.revealed = -1;
    m->privacy.reveal_until = 0;
    return R_LIST | R_DETAIL;
}

/* The reveal's line: the record, what it unmasks and for how long; no value. */
static bool audit_reveal(Model *m, long rec, char *err, size_t n)
{
    if (!m->host.audit) {
        snprintf(err, n, "no audit log is set up");
        return false;
    }
    char fields[80];
    mask_set_format(m->privacy.mask, fields, sizeof fields);
    AuditEvent ev = { .action = "reveal", .id = summary_str(m->store.recs[rec], SS_ID), .outcome = AO_OK };
    audit_extra_text(&ev, "fields", fields);
    audit_extra_num(&ev, "seconds", m->privacy.reveal_ms / 1000);
    return m->host.audit(m->host.ctx, &ev, err, n);
}

unsigned model_reveal(Model *m)
{
    Privacy *p = &m->privacy;
    long rec = model_selected(m);
    if (rec < 0)
        return 0;
    if (p->mask == MASK_NONE)
        return model_message(m, SL_STATUSBAR, 4, "nothing is masked (the config says mask = none)");
    if (rec == p->revealed)
        return end_reveal(m) | model_message(m, SL_STATUSBAR, 3, "masked again");
    char err[600];
    if (!audit_reveal(m, rec, err, sizeof err))
        return model_message(m, SL_STATUS_ERR, 0, "not revealed: %s", err);
    end_reveal(m);
    p->revealed = rec;
    p->reveal_until = m->mono() + p->reveal_ms;
    p->shown_left = model_reveal_left(m, rec);
    return R_LIST | R_DETAIL |
           model_message(m, SL_STATUS_WARN, 4, "unmasked for %d s; moving to another record masks it again",
                         (int)(p->reveal_ms / 1000));
}

unsigned model_privacy_hide(Model *m)
{
    return end_reveal(m);
}

unsigned privacy_follow(Model *m)
{
    if (m->privacy.revealed < 0 || model_selected(m) == m->privacy.revealed)
        return 0;
    return end_reveal(m) | model_message(m, SL_STATUSBAR, 3, "masked again: another record is selected");
}

int64_t privacy_tick(Model *m, int64_t now, unsigned *r)
{
    Privacy *p = &m->privacy;
    if (p->revealed < 0)
        return 0;
    if (now >= p->reveal_until) {
        *r |= end_reveal(m) | model_message(m, SL_STATUSBAR, 3, "masked again: the reveal ran out");
        return 0;
    }
    int left = model_reveal_left(m, p->revealed);
    if (left != p->shown_left) {
        p->shown_left = left;
        *r |= R_DETAIL; /* the countdown in the pane's title */
    }
    int64_t ms = p->reveal_until - now;
    return now + (ms - 1) % 1000 + 1; /* when the countdown next changes */
}

/* The summary fields that hold personal data, by kind. */
static uint32_t masked_fields(unsigned mask)
{
    static const struct {
        SumStr field;
        PiiKind kind;
    } fields[] = { { SS_EMAIL, PII_EMAIL }, { SS_PHONE, PII_PHONE }, { SS_DOCNUM, PII_DOCUMENT }, { SS_NAME, PII_NAME } };
    uint32_t bits = 0;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (mask_has(mask, fields[i].kind))
            bits |= 1u << fields[i].field;
    return bits;
}

uint32_t model_masked_hits(const Model *m, long rec)
{
    uint32_t masked = masked_fields(model_mask_for(m, rec));
    if (!masked || rec < 0)
        return 0;
    const Summary *s = m->store.recs[rec];
    uint32_t hits = filter_hit_fields(m->view.filter, s);
    if (model_search_matches(m, rec))
        hits |= filter_hit_fields(m->search, s);
    return hits & masked;
}

size_t model_masked_hit_count(const Model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->view.n; i++)
        n += model_masked_hits(m, m->view.idx[i]) != 0;
    return n;
}

void privacy_init(Privacy *p, unsigned mask, int reveal_secs)
{
    *p = (Privacy){ .mask = mask, .revealed = -1 };
    p->reveal_ms = (int64_t)(reveal_secs > 0 ? reveal_secs : REVEAL_DEFAULT_S) * 1000;
}
