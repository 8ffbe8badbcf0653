/* The help overlay's lines: every action with its keys (from the one action table), the
 * saved views, what the colours mean, and the filter language in brief. */
#include "ui/helptext.h"

#include <stdio.h>
#include <string.h>

#include "core/record.h"
#include "ui/actions.h"
#include "core/columns.h"
#include "core/glyphs.h"
#include "core/views.h"
#include "ui/keymap.h"

enum { KEYS_W = 18 };

static void group(DLines *d, ActionGroup g)
{
    bool any = false;
    for (int a = 0; a < ACT__COUNT; a++)
        any |= action_info((ActionId)a)->group == g;
    if (!any || !dl_section(d, (SectionId)(SEC_REASONS + g), action_group_title(g), NULL))
        return;
    for (int a = 0; a < ACT__COUNT; a++) {
        const ActionInfo *ai = action_info((ActionId)a);
        if (ai->group != g)
            continue;
        char keys[64], pad[KEYS_W + 1];
        action_keys_label((ActionId)a, keys, sizeof keys);
        int w = (int)strlen(keys);
        snprintf(pad, sizeof pad, "%*s", w < KEYS_W ? KEYS_W - w : 1, "");
        dl_begin(d, 2);
        dl_add(d, SL_HELP_KEY, keys);
        dl_add(d, SL_NORMAL, pad);
        dl_add_wrap(d, SL_NORMAL, ai->help, 2 + KEYS_W);
        dl_end(d);
    }
}

/* The first key in effect for a, as the help names keys ("" when it has none). */
static void first_key(ActionId a, char out[24])
{
    char all[64];
    action_keys_label(a, all, sizeof all);
    snprintf(out, 24, "%.*s", (int)strcspn(all, ","), all);
}

static void views_section(DLines *d, const SavedView *views, size_t n)
{
    if (!dl_section(d, SEC_RELATED, "Saved views (keys 1-9)", NULL))
        return;
    for (size_t i = 0; i < n; i++) {
        const SavedView *v = &views[i];
        dl_begin(d, 2);
        if (i < VIEWS_KEYS)
            dl_addf(d, SL_HELP_KEY, "%zu", i + 1);
        else
            dl_add(d, SL_HELP_KEY, " ");
        dl_addf(d, SL_NORMAL, "  %-13s ", v->name);
        if (*v->why) {
            dl_add(d, SL_NORMAL, v->why);
            if (*v->filter)
                dl_addf(d, SL_DIM, "  (%s)", v->filter);
        } else { /* a config view: what it is, as the config wrote it */
            dl_addf(d, SL_DIM, "%s%s%s%s", v->filter, *v->filter && *v->sort ? " " : "", *v->sort ? "sort:" : "",
                    v->sort);
        }
        dl_end(d);
    }
}

static void legend(DLines *d)
{
    if (!dl_section(d, SEC_IDENTITY, "Colours and columns", NULL))
        return;
    static const Status order[] = { ST_NEEDS_MANUAL_VERIFICATION, ST_ONGOING, ST_STARTED, ST_COMPLETED,
                                    ST_COMPLETED_WITHOUT_KYC, ST_FAILED, ST_EXPIRED };
    dl_begin(d, 2);
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        dl_add(d, status_slot(order[i]), status_badge(order[i]));
        dl_add(d, SL_NORMAL, " ");
    }
    dl_end(d);
    dl_begin(d, 2);
    dl_add(d, SL_OVERDUE, "30h");
    dl_add_wrap(d, SL_NORMAL, "  a registration in review longer than the SLA (24 h, or set sla), counted "
                              "from when it entered review (its updatedAt)", 7);
    dl_end(d);
    dl_wrap(d, 2, 2, SL_NORMAL, "Flg: red flags.  Fail: failed attempts (email, phone, document and liveness "
                                "together); 1+2q is one that used an attempt and two quality rejects that did "
                                "not.  Step: a short name (intro, sign-up, basic info…).  Times are UTC.");
    dl_begin(d, 2);
    dl_add(d, SL_INVALID, "(invalid)");
    dl_add(d, SL_NORMAL, "  a field the API sent with the wrong type; the record is kept");
    dl_end(d);
    dl_begin(d, 2);
    dl_add(d, SL_MASKED, "a***@example.org  +57 ******4567");
    dl_add(d, SL_NORMAL, "  masked (the config's mask); u shows one record a while, logged");
    dl_end(d);
    dl_wrap(d, 2, 2, SL_NORMAL, "After idle_lock without a key (15 minutes by default) a lock screen hides every "
                                "registration; Enter, then y, unlocks. A privacy screen, not authentication.");
    dl_wrap(d, 2, 2, SL_NORMAL, "regdesk --file PATH shows an export, read-only (\"file NAME (read-only)\" in the "
                                "header): deciding, resend, create, reload and the live refresh need the API and "
                                "say so; the rest works as usual.");
}

static void language(DLines *d)
{
    if (!dl_section(d, SEC_DOCUMENT, "Filter language (/ and f)", NULL))
        return;
    static const char *const lines[] = {
        "Terms are ANDed; OR (or |) joins alternatives, ( ) group, ! or NOT negates.",
        "status:review OR status:failed   status:review (flags>0 | failed>0)   !(status:done)",
        "status:review  status:failed,expired  step:liv  project:ID  flow:ID",
        "name:ruiz  email:@gmail.com  phone:3001  doc:4050  id:6650",
        "flags>0  failed>=3  failed.bio>0  failed.doc>0",
        "created>=2025-05-01  created:2025-05  updated>2025-05-20",
        "created>=today  created:yesterday  updated>=-7d (7 days before now)",
        "age>2d  age<12h  idle>3d  waiting>24h (in review)  invalid:yes",
        "a bare word (ruiz, \"ana ruiz\") looks in name, email, id, document and phone",
        "case and accents are ignored everywhere",
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++)
        dl_wrap(d, 2, 2, i ? SL_NORMAL : SL_DIM, lines[i]);
}

void help_build(DLines *d, int width, const SavedView *views, size_t nviews)
{
    dl_reset(d, width, 0);
    dl_plain_section(d, SEC_TOP);
    dl_begin(d, 0);
    dl_add(d, SL_SECTION, "regdesk keys");
    char close[24], quit[24], help[24], down[24], up[24], pgdn[24], pgup[24], filter[24], hint[260];
    first_key(ACT_CLOSE, close);
    first_key(ACT_QUIT, quit);
    first_key(ACT_HELP, help);
    first_key(ACT_DOWN, down);
    first_key(ACT_UP, up);
    first_key(ACT_PAGE_DOWN, pgdn);
    first_key(ACT_PAGE_UP, pgup);
    first_key(ACT_FILTER, filter);
    snprintf(hint, sizeof hint, "   %s, %s or %s closes; %s/%s, %s/%s scroll; %s finds", close, quit, help, down, up,
             pgup, pgdn, filter);
    dl_add_wrap(d, SL_DIM, hint, 2);
    dl_end(d);
    for (int g = 0; g < G__COUNT; g++)
        if (g != G_PROMPT)
            group(d, (ActionGroup)g);
    views_section(d, views, nviews);
    group(d, G_PROMPT);
    language(d);
    legend(d);
}
